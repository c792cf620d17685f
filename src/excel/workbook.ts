// The task pane's only door to Excel (Office.js). Components receive an ExcelPort and never touch the
// `Excel` global, so they run unchanged against the in-memory stand-in in test/excel-mock.
// Every operation is one Excel.run with as few context.sync() round trips as possible.

import { CellRef, RangeRef, columnRuns, intersect, rangeFromPosition } from "./address";
import { LocalNames, writeKamFormula } from "./formulaLanguage";

/* global Excel */

/** The selection and the active cell, as Excel reports them right now. */
export interface SelectionSnapshot {
  /** The first (usually the only) selected block. */
  range: RangeRef;
  /** Every selected block (several when columns apart were selected with Ctrl+click). */
  areas: RangeRef[];
  activeCell: CellRef;
}

/**
 * The selected cells read as one list: the selected columns (one block, or several blocks side by
 * side), trimmed to the cells that hold values, over the rows from the first to the last used row of
 * any of them. Only the first rows are read (enough to find the header row and what each column
 * holds); the formulas refer to the whole list.
 */
export interface SelectedBlock {
  sheet: string;
  /** 0-based sheet rows of the first and the last row of the list. */
  top: number;
  bottom: number;
  /** 0-based sheet columns of the list, ascending. */
  columns: number[];
  /** The first rows (at most HEAD_ROWS), one value per column of `columns`; "" for an empty cell. */
  values: unknown[][];
  /** Excel's number format of the same cells (tells date serials from numbers). */
  formats: string[][];
  /** The last row, when `values` does not reach it (a totals row at the end is left out). */
  lastRow?: unknown[];
  /** The selection it was read from, and the active cell. */
  selection: SelectionSnapshot;
}

/** Rows read to describe a selection, and the cells per load (values and formats count once each). */
export const HEAD_ROWS = 1000;
const HEAD_CELLS = 25000;

/** The cell a formula would be written into, with what it holds now. */
export interface TargetCell extends CellRef {
  /** Its formula, or its constant as text; "" when the cell is empty. */
  content: string;
  /** No formula and no value (a cell showing part of another formula's spill is not empty). */
  empty: boolean;
}

export type InsertDecision<R> = { kind: "write"; formula: string } | { kind: "skip"; reason: R };

export type InsertOutcome<R> =
  | { kind: "written"; target: TargetCell; formula: string }
  | { kind: "skipped"; target: TargetCell; reason: R };

export interface ExcelPort {
  /** The current selection and active cell (one round trip). */
  readSelection(): Promise<SelectionSnapshot>;
  /**
   * The selected list: where its columns and rows are, and the values and number formats of its first
   * rows (two round trips). Null when the selected cells are all empty.
   */
  readSelectedBlock(): Promise<SelectedBlock | null>;
  /**
   * Calls `listener` with a fresh snapshot whenever the selection changes. Resolves to a function that
   * removes the handler.
   */
  watchSelection(listener: (selection: SelectionSnapshot) => void): Promise<() => Promise<void>>;
  /**
   * Reads the active cell, asks `decide` what to do with it, and writes the formula it returns into
   * that same cell. Two round trips: read, then write and read back its value (none when `decide`
   * skips); two more when Excel answers #NAME? and the localized form is written (formulaLanguage.ts).
   * The outcome's formula is the one written.
   */
  insertAtActiveCell<R>(
    decide: (target: TargetCell) => InsertDecision<R>
  ): Promise<InsertOutcome<R>>;
  /** Writes a formula into one cell (after the user confirmed replacing its content). */
  writeFormula(cell: CellRef, formula: string): Promise<void>;
}

type Scalar = string | number | boolean | null | undefined;

function asText(value: Scalar): string {
  return value === null || value === undefined ? "" : String(value);
}

interface Position {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

function positionOf(sheet: string, range: Position): RangeRef {
  return rangeFromPosition(
    sheet,
    range.rowIndex,
    range.columnIndex,
    range.rowCount,
    range.columnCount
  );
}

interface LoadedSelection {
  sheet: Excel.Worksheet;
  areas: Excel.RangeCollection;
  active: Excel.Range;
}

/** Queues the loads of the selection's blocks, the active cell and the sheet's name. */
function loadSelection(context: Excel.RequestContext): LoadedSelection {
  // The selection and the active cell are always on the active worksheet.
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load("name");
  const areas = context.workbook.getSelectedRanges().areas;
  areas.load("items/rowIndex, items/columnIndex, items/rowCount, items/columnCount");
  const active = context.workbook.getActiveCell();
  active.load("rowIndex, columnIndex");
  return { sheet, areas, active };
}

/** The snapshot, once the loads of loadSelection are synced. */
function snapshotOf({ sheet, areas, active }: LoadedSelection): SelectionSnapshot {
  const blocks = areas.items.map((area) => positionOf(sheet.name, area));
  return {
    range: blocks[0],
    areas: blocks,
    activeCell: { sheet: sheet.name, row: active.rowIndex, column: active.columnIndex },
  };
}

/** The selected blocks and the active cell, loaded in one sync. */
async function readSelection(): Promise<SelectionSnapshot> {
  return Excel.run(async (context) => {
    const selection = loadSelection(context);
    await context.sync();
    return snapshotOf(selection);
  });
}

async function readSelectedBlock(): Promise<SelectedBlock | null> {
  return Excel.run(async (context) => {
    const selection = loadSelection(context);
    const used = selection.sheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex, columnIndex, rowCount, columnCount");
    await context.sync();
    if (used.isNullObject) return null;
    const snapshot = snapshotOf(selection);
    const { areas, activeCell } = snapshot;
    const usedRange = positionOf(activeCell.sheet, used);
    const parts = areas
      .map((area) => intersect(area, usedRange))
      .filter((part): part is RangeRef => part !== null);
    if (parts.length === 0) return null;

    const top = Math.min(...parts.map((p) => p.top));
    const bottom = Math.max(...parts.map((p) => p.bottom));
    const runs = columnRuns(parts.flatMap((p) => range(p.left, p.right)));
    const width = runs.reduce((n, run) => n + run.right - run.left + 1, 0);
    const rows = bottom - top + 1;
    const head = Math.max(1, Math.min(rows, HEAD_ROWS, Math.floor(HEAD_CELLS / width)));
    const sheet = selection.sheet;
    const heads = runs.map((run) => {
      const part = sheet.getRangeByIndexes(top, run.left, head, run.right - run.left + 1);
      part.load("values, numberFormat");
      return part;
    });
    const tails =
      rows > head
        ? runs.map((run) => {
            const part = sheet.getRangeByIndexes(bottom, run.left, 1, run.right - run.left + 1);
            part.load("values");
            return part;
          })
        : null;
    await context.sync();

    // The blocks side by side, left to right.
    const values: unknown[][] = [];
    const formats: string[][] = [];
    for (let i = 0; i < head; i++) {
      values.push(heads.flatMap((part) => part.values[i] as unknown[]));
      formats.push(heads.flatMap((part) => part.numberFormat[i] as string[]));
    }
    return {
      sheet: activeCell.sheet,
      top,
      bottom,
      columns: runs.flatMap((run) => range(run.left, run.right)),
      values,
      formats,
      lastRow: tails ? tails.flatMap((part) => part.values[0] as unknown[]) : undefined,
      selection: snapshot,
    };
  });
}

/** from, from + 1, ..., to. */
function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

async function watchSelection(
  listener: (selection: SelectionSnapshot) => void
): Promise<() => Promise<void>> {
  // Events can arrive faster than the reads they trigger complete: only the newest read is reported.
  let latest = 0;
  const onChange = async (): Promise<void> => {
    const ticket = ++latest;
    try {
      const selection = await readSelection();
      if (ticket === latest) listener(selection);
    } catch {
      // A selection Excel cannot describe as one range (several areas, a chart): nothing to report.
      // The "Use selection" button reads again and shows Excel's error if there is one.
    }
  };
  const registration = await Excel.run(async (context) => {
    const handler = context.workbook.onSelectionChanged.add(onChange);
    await context.sync();
    return handler;
  });
  return async () => {
    latest++;
    await Excel.run(registration.context, async (context) => {
      registration.remove();
      await context.sync();
    });
  };
}

async function insertAtActiveCell<R>(
  decide: (target: TargetCell) => InsertDecision<R>,
  localNames?: LocalNames
): Promise<InsertOutcome<R>> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load("name");
    const cell = context.workbook.getActiveCell();
    cell.load("rowIndex, columnIndex, formulas, values");
    await context.sync();

    const formula = asText(cell.formulas[0][0] as Scalar);
    const value = asText(cell.values[0][0] as Scalar);
    const target: TargetCell = {
      sheet: sheet.name,
      row: cell.rowIndex,
      column: cell.columnIndex,
      content: formula !== "" ? formula : value,
      empty: formula === "" && value === "",
    };
    const decision = decide(target);
    if (decision.kind === "skip") return { kind: "skipped", target, reason: decision.reason };

    // Write to the cell that was checked, by its position, not "the active cell" again: the user may
    // have clicked elsewhere meanwhile. The formula uses the function's id in the invariant (en-US)
    // formula language (=KAM.RFM(A2:A500,...)); where Excel answers #NAME? to that (a localized
    // function name), its localized form goes in instead (see formulaLanguage.ts).
    const written = await writeKamFormula(
      context,
      context.workbook.worksheets.getItem(target.sheet).getCell(target.row, target.column),
      decision.formula,
      localNames
    );
    return { kind: "written", target, formula: written.formula };
  });
}

async function writeFormula(
  target: CellRef,
  formula: string,
  localNames?: LocalNames
): Promise<void> {
  await Excel.run(async (context) => {
    const cell = context.workbook.worksheets
      .getItem(target.sheet)
      .getCell(target.row, target.column);
    // Invariant formula language with the function id, or its localized form; see insertAtActiveCell.
    await writeKamFormula(context, cell, formula, localNames);
  });
}

/**
 * The ExcelPort backed by the Office.js `Excel` global (the real host, or a stand-in in tests).
 * `localNames` gives the functions' names in Excel's display language, for the #NAME? fallback.
 */
export function createOfficeExcel(options: { localNames?: LocalNames } = {}): ExcelPort {
  const { localNames } = options;
  return {
    readSelection,
    readSelectedBlock,
    watchSelection,
    insertAtActiveCell: (decide) => insertAtActiveCell(decide, localNames),
    writeFormula: (cell, formula) => writeFormula(cell, formula, localNames),
  };
}

/** The ExcelPort without localized names: formulas are written with the functions' ids only. */
export const officeExcel: ExcelPort = createOfficeExcel();
