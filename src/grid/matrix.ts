// A range of several number columns read as one table (rows = items, columns = criteria or factors),
// with readTable's header-row, blank-row and bad-cell handling; one-column lists of numbers; and the
// padding rule shared by every reader: Excel desktop passes the empty cells of a referenced range as
// 0 (Excel on the web as null, office-js #4702, #5262), so the trailing run of rows of zeros and
// blanks is the padding of an oversized range, while a zero anywhere before it is a value.

import { isBlankCell } from "../cells/read";
import { cellAddress, cellError, Place } from "./errors";
import { ColumnSpec, readTable, Table, toVector } from "./columns";
import { asNumber, classify } from "../cells/values";

/** A cell Excel desktop may pass for an empty cell: blank, or the number 0. */
export function isBlankish(raw: unknown): boolean {
  return raw === 0 || isBlankCell(raw);
}

/**
 * Where the padding of an oversized range begins: the index of the first row of the trailing run of
 * rows whose cells are all 0 or blank (rows.length when the last row holds a value). Rows before
 * `from` (a header row) are never padding.
 */
export function paddingStart(rows: readonly (readonly unknown[])[], from = 0): number {
  let end = rows.length;
  while (end > from && rows[end - 1].every(isBlankish)) end--;
  return end;
}

/** The rows of a 2-D range as Excel passes it (a single value is a 1×1 range). */
export function rowsOf(value: unknown): unknown[][] {
  if (!Array.isArray(value)) return [[value]];
  return (value as unknown[]).map((r) => (Array.isArray(r) ? (r as unknown[]) : [r]));
}

/** One number column spec per column of a 2-D range, for reading it with other ranges as one table. */
export function matrixSpecs(
  arg: string,
  value: unknown,
  address: string | undefined
): ColumnSpec<"number">[] {
  const rows = rowsOf(value);
  const width = rows[0]?.length ?? 1;
  return Array.from({ length: width }, (_, c) => ({
    arg,
    kind: "number",
    value: rows.map((row) => [row[c]]),
    address: cellAddress(address, 0, c),
  }));
}

/** Reads every column of a 2-D number range; the header row is recognised as in readTable. */
export function readNumberMatrix(
  fn: string,
  arg: string,
  value: unknown,
  address: string | undefined
): { columns: number[][]; table: Table<readonly ColumnSpec[]> } {
  const table = readTable(fn, matrixSpecs(arg, value, address));
  return { columns: table.columns as unknown as number[][], table };
}

/**
 * One column or row of numbers where 0 is a value, not an empty cell (scores, weights, amounts):
 * blank cells are skipped, a first cell holding text that is no number is a header, and any other
 * cell that is not a number is an error naming it. The trailing run of zeros and blanks is the
 * padding of an oversized range and is left out — unless `wanted` values are needed (one weight
 * per criterion): then trailing zeros are taken back as values, in order, until there are `wanted`
 * (a last weight of 0 stays a weight; Infinity keeps them all, for a caller that has cut the
 * padding rows of a wider range itself). Returns the numbers and their positions.
 */
export function readNumberList(
  place: Place,
  value: unknown,
  wanted?: number
): { values: number[]; positions: number[]; vertical: boolean } {
  const v = toVector(place, value);
  const values: number[] = [];
  const positions: number[] = [];
  let end = v.values.length;
  while (end > 0 && isBlankish(v.values[end - 1])) end--;
  v.values.forEach((raw, i) => {
    const cell = classify(raw);
    if (cell.kind === "blank") return;
    const n = asNumber(cell);
    if (typeof n === "number") {
      if (i < end || (wanted !== undefined && values.length < wanted)) {
        values.push(n);
        positions.push(i);
      }
    } else if (!(i === 0 && cell.kind === "text" && v.values.length > 1)) {
      cellError(place, v.vertical ? i : 0, v.vertical ? 0 : i, v.vertical, n);
    }
  });
  return { values, positions, vertical: v.vertical };
}

/**
 * A range read cell by cell with 0 taken as an empty cell, for an optional column where 0 cannot be
 * a value (a close date: 0 is no date), so that Excel desktop's 0 for an empty cell reads as blank.
 */
export function zerosAsBlank(value: unknown): unknown {
  if (!Array.isArray(value)) return value === 0 ? null : value;
  return rowsOf(value).map((row) => row.map((v) => (v === 0 ? null : v)));
}
