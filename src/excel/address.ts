// A1 references built from a range's position (sheet name, 0-based row/column indexes), never by
// parsing Excel's address strings: the position is what Excel reports unambiguously. Column letters
// and sheet quoting are src/report/names.ts's, the same for every host.

import { MAX_COLUMNS, columnLetters, sheetRef as quoteSheetName } from "../report/names";

// 0 -> "A", 16383 -> "XFD"; a sheet name as a formula writes it: Sheet1, '销售 数据', 'Bob''s';
// the columns of a worksheet (16384, XFD).
export { MAX_COLUMNS, columnLetters, quoteSheetName };

/** Rows of an Excel worksheet (xlsx limit). */
export const MAX_ROWS = 1048576;

/** A rectangular block of cells on one sheet; indexes are 0-based and inclusive. */
export interface RangeRef {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One cell on one sheet; indexes are 0-based. */
export interface CellRef {
  sheet: string;
  row: number;
  column: number;
}

export function rangeFromPosition(
  sheet: string,
  rowIndex: number,
  columnIndex: number,
  rowCount: number,
  columnCount: number
): RangeRef {
  return {
    sheet,
    top: rowIndex,
    left: columnIndex,
    bottom: rowIndex + Math.max(rowCount, 1) - 1,
    right: columnIndex + Math.max(columnCount, 1) - 1,
  };
}

export function rowCount(range: RangeRef): number {
  return range.bottom - range.top + 1;
}

export function columnCount(range: RangeRef): number {
  return range.right - range.left + 1;
}

/** Sheet names compare like Excel compares them: without case. */
export function sameSheet(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}

/** "A2:C500", "A2" for one cell, "A:C" for whole columns, "2:5" for whole rows. */
export function a1(range: RangeRef): string {
  const wholeColumns = range.top === 0 && range.bottom === MAX_ROWS - 1;
  const wholeRows = range.left === 0 && range.right === MAX_COLUMNS - 1;
  if (wholeColumns && !wholeRows) {
    return `${columnLetters(range.left)}:${columnLetters(range.right)}`;
  }
  if (wholeRows && !wholeColumns) return `${range.top + 1}:${range.bottom + 1}`;
  const start = `${columnLetters(range.left)}${range.top + 1}`;
  if (range.top === range.bottom && range.left === range.right) return start;
  return `${start}:${columnLetters(range.right)}${range.bottom + 1}`;
}

/** "Sheet1!A2:C500", "'销售 数据'!A2" — for display and for references to another sheet. */
export function qualifiedA1(range: RangeRef): string {
  return `${quoteSheetName(range.sheet)}!${a1(range)}`;
}

/** The reference to `range` as written in a formula placed on `fromSheet`: no prefix on the same sheet. */
export function referenceFrom(range: RangeRef, fromSheet: string): string {
  return sameSheet(range.sheet, fromSheet) ? a1(range) : qualifiedA1(range);
}

export function cellRange(cell: CellRef): RangeRef {
  return {
    sheet: cell.sheet,
    top: cell.row,
    left: cell.column,
    bottom: cell.row,
    right: cell.column,
  };
}

export function cellA1(cell: CellRef): string {
  return a1(cellRange(cell));
}

export function qualifiedCellA1(cell: CellRef): string {
  return qualifiedA1(cellRange(cell));
}

/** The columns of a range, left to right, each as its own range. */
export function splitColumns(range: RangeRef): RangeRef[] {
  const columns: RangeRef[] = [];
  for (let c = range.left; c <= range.right; c++) columns.push({ ...range, left: c, right: c });
  return columns;
}

/** The same top-left corner, resized to `columns` columns (used to suggest a selection). */
export function withColumnCount(range: RangeRef, columns: number): RangeRef {
  return { ...range, right: Math.min(range.left + columns, MAX_COLUMNS) - 1 };
}

export function containsCell(range: RangeRef, cell: CellRef): boolean {
  return (
    sameSheet(range.sheet, cell.sheet) &&
    cell.row >= range.top &&
    cell.row <= range.bottom &&
    cell.column >= range.left &&
    cell.column <= range.right
  );
}

/** The cells two ranges share, or null when they do not overlap (or lie on different sheets). */
export function intersect(a: RangeRef, b: RangeRef): RangeRef | null {
  if (!sameSheet(a.sheet, b.sheet)) return null;
  const top = Math.max(a.top, b.top);
  const left = Math.max(a.left, b.left);
  const bottom = Math.min(a.bottom, b.bottom);
  const right = Math.min(a.right, b.right);
  return top <= bottom && left <= right ? { sheet: a.sheet, top, left, bottom, right } : null;
}

/** Column indexes (any order, repeats allowed) as runs of adjacent columns, left to right. */
export function columnRuns(columns: readonly number[]): { left: number; right: number }[] {
  const sorted = [...new Set(columns)].sort((x, y) => x - y);
  const runs: { left: number; right: number }[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && c === last.right + 1) last.right = c;
    else runs.push({ left: c, right: c });
  }
  return runs;
}

/** "Sheet1!A1:A500, Sheet1!C1:C500": several ranges for display. */
export function qualifiedAreas(areas: readonly RangeRef[]): string {
  return areas.map(qualifiedA1).join(", ");
}
