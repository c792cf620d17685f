// The task pane's only door to Excel (Office.js). Components receive an ExcelPort and never touch the
// `Excel` global, so they run unchanged against the in-memory stand-in in test/excel-mock.
// Every operation is one Excel.run with as few context.sync() round trips as possible.

import { CellRef, RangeRef, rangeFromPosition } from "./address";

/* global Excel */

/** The selected block and the active cell, as Excel reports them right now. */
export interface SelectionSnapshot {
  range: RangeRef;
  activeCell: CellRef;
}

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
   * Calls `listener` with a fresh snapshot whenever the selection changes. Resolves to a function that
   * removes the handler.
   */
  watchSelection(listener: (selection: SelectionSnapshot) => void): Promise<() => Promise<void>>;
  /**
   * Reads the active cell, asks `decide` what to do with it, and writes the formula it returns into
   * that same cell. Two round trips: read, then write (none when `decide` skips).
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

/** The selected range and the active cell, loaded in one sync. */
async function readSelection(): Promise<SelectionSnapshot> {
  return Excel.run(async (context) => {
    // The selection and the active cell are always on the active worksheet.
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load("name");
    const selected = context.workbook.getSelectedRange();
    selected.load("rowIndex, columnIndex, rowCount, columnCount");
    const active = context.workbook.getActiveCell();
    active.load("rowIndex, columnIndex");
    await context.sync();
    return {
      range: rangeFromPosition(
        sheet.name,
        selected.rowIndex,
        selected.columnIndex,
        selected.rowCount,
        selected.columnCount
      ),
      activeCell: {
        sheet: sheet.name,
        row: active.rowIndex,
        column: active.columnIndex,
      },
    };
  });
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
  decide: (target: TargetCell) => InsertDecision<R>
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
    // formula language (=KAM.RFM(A2:A500,...)); Excel shows it with the localized function name.
    context.workbook.worksheets.getItem(target.sheet).getCell(target.row, target.column).formulas =
      [[decision.formula]];
    await context.sync();
    return { kind: "written", target, formula: decision.formula };
  });
}

async function writeFormula(target: CellRef, formula: string): Promise<void> {
  await Excel.run(async (context) => {
    const cell = context.workbook.worksheets
      .getItem(target.sheet)
      .getCell(target.row, target.column);
    // Invariant formula language with the function id; see insertAtActiveCell.
    cell.formulas = [[formula]];
    await context.sync();
  });
}

/** The ExcelPort backed by the Office.js `Excel` global (the real host, or a stand-in in tests). */
export const officeExcel: ExcelPort = {
  readSelection,
  watchSelection,
  insertAtActiveCell,
  writeFormula,
};
