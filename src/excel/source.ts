// The read side of the task-pane workflows (Office.js): which Excel tables and named ranges the
// workbook offers, and the values of one source (the selection, a table with its header row, or a
// named range), trimmed to its used part and read in chunks of rows to stay under Excel's limits.

import { qualifiedA1, rangeFromPosition } from "./address";

import { describeExcelError } from "./errors";

/* global Excel */

export interface SourceTable {
  name: string;
  sheet: string;
  /** Sheet-qualified address of the whole table, header row included, e.g. "Orders!A1:D500". */
  address: string;
  /** Data rows (without the header and totals rows). */
  rows: number;
}

export interface SourceName {
  name: string;
  /** Sheet-qualified address of the range it refers to. */
  address: string;
}

export interface SourceList {
  tables: SourceTable[];
  names: SourceName[];
}

export type SourceRef =
  { kind: "selection" } | { kind: "table"; name: string } | { kind: "name"; name: string };

export interface SourceData {
  /** Sheet-qualified address of what was read, e.g. "Orders!A1:D500". */
  address: string;
  sheet: string;
  /** 0-based sheet row and column of the first cell read. */
  row: number;
  column: number;
  /** As Excel reports them: numbers, strings, booleans; "" for empty cells; errors as "#N/A" etc. */
  values: unknown[][];
  /** Excel's number format of each cell ("General", "yyyy-mm-dd", ...): tells date serials from numbers. */
  formats: string[][];
}

export interface ReadSourceOptions {
  /** Rows per load (default 10,000; fewer when the range is wide). */
  chunkRows?: number;
}

/** Why a source cannot be read; `message` is for the user, `reason` for the pane's own wording. */
export type SourceProblem = "multipleAreas" | "empty" | "noTable" | "noName" | "notARange";

export class SourceError extends Error {
  constructor(
    readonly reason: SourceProblem,
    message: string
  ) {
    super(message);
    this.name = "SourceError";
  }
}

export interface SourcePort {
  listSources(): Promise<SourceList>;
  readSource(from: SourceRef, options?: ReadSourceOptions): Promise<SourceData>;
}

export const DEFAULT_CHUNK_ROWS = 10000;
/**
 * Cells per load (values and number formats count once each): about 25,000 cells of moderate text per
 * response stays under Excel on the web's 5 MB payload limit; a response that still exceeds it is
 * read again in halves.
 */
const MAX_CELLS_PER_LOAD = 50000;

interface Located {
  sheet: Excel.Worksheet;
  sheetName: string;
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** Where a loaded range lies (rowIndex … columnCount loaded), `rows` of it from its top. */
function located(sheet: Excel.Worksheet, range: Excel.Range, rows = range.rowCount): Located {
  return {
    sheet,
    sheetName: sheet.name,
    row: range.rowIndex,
    column: range.columnIndex,
    rows,
    columns: range.columnCount,
  };
}

function addressOf(sheet: string, row: number, column: number, rows: number, columns: number) {
  return qualifiedA1(rangeFromPosition(sheet, row, column, rows, columns));
}

/** The sheet-qualified address of a loaded range (rowIndex, columnIndex, rowCount, columnCount). */
function loadedAddress(sheet: Excel.Worksheet, range: Excel.Range) {
  return addressOf(
    sheet.name,
    range.rowIndex,
    range.columnIndex,
    range.rowCount,
    range.columnCount
  );
}

export async function listSources(): Promise<SourceList> {
  return Excel.run(async (context) => {
    const tables = context.workbook.tables;
    tables.load("items/name, items/showHeaders, items/showTotals");
    const names = context.workbook.names;
    names.load("items/name, items/type, items/visible");
    await context.sync();

    const tableInfo = tables.items.map((table) => {
      const range = table.getRange();
      range.load("rowIndex, columnIndex, rowCount, columnCount");
      const sheet = table.worksheet;
      sheet.load("name");
      return {
        name: table.name,
        headerRows: table.showHeaders ? 1 : 0,
        totalRows: table.showTotals ? 1 : 0,
        range,
        sheet,
      };
    });
    const nameInfo = names.items
      .filter((item) => item.type === "Range" && item.visible && !item.name.startsWith("_xlnm."))
      .map((item) => {
        const range = item.getRange();
        range.load("rowIndex, columnIndex, rowCount, columnCount");
        const sheet = item.getRange().worksheet;
        sheet.load("name");
        return { name: item.name, range, sheet };
      });
    await context.sync();

    return {
      tables: tableInfo.map(({ name, headerRows, totalRows, range, sheet }) => ({
        name,
        sheet: sheet.name,
        address: loadedAddress(sheet, range),
        rows: Math.max(0, range.rowCount - headerRows - totalRows),
      })),
      names: nameInfo.map(({ name, range, sheet }) => ({
        name,
        address: loadedAddress(sheet, range),
      })),
    };
  });
}

/** The selection's only block, trimmed to the sheet's used range. */
async function locateSelection(context: Excel.RequestContext): Promise<Located> {
  const selected = context.workbook.getSelectedRanges();
  selected.load("areaCount");
  const areas = context.workbook.getSelectedRanges().areas;
  const sheet = areas.getItemAt(0).worksheet;
  sheet.load("name");
  const used = areas.getItemAt(0).getUsedRangeOrNullObject(true);
  used.load("rowIndex, columnIndex, rowCount, columnCount");
  await context.sync();
  if (selected.areaCount > 1) {
    throw new SourceError(
      "multipleAreas",
      `Select one block of cells (the selection has ${selected.areaCount} separate areas).`
    );
  }
  if (used.isNullObject) throw new SourceError("empty", "The selected cells are empty.");
  return located(sheet, used);
}

/** A table: header row and data rows (not the totals row). */
async function locateTable(context: Excel.RequestContext, name: string): Promise<Located> {
  const table = context.workbook.tables.getItemOrNullObject(name);
  table.load("showTotals");
  await context.sync();
  if (table.isNullObject) throw new SourceError("noTable", `There is no table named "${name}".`);
  const range = table.getRange();
  range.load("rowIndex, columnIndex, rowCount, columnCount");
  const sheet = table.worksheet;
  sheet.load("name");
  await context.sync();
  return located(sheet, range, range.rowCount - (table.showTotals ? 1 : 0));
}

/** A workbook name that refers to a range, trimmed to the used range (names of whole columns). */
async function locateName(context: Excel.RequestContext, name: string): Promise<Located> {
  const item = context.workbook.names.getItemOrNullObject(name);
  item.load("type, value");
  await context.sync();
  if (item.isNullObject)
    throw new SourceError("noName", `There is no name "${name}" in the workbook.`);
  if (item.type !== "Range") {
    throw new SourceError(
      "notARange",
      `The name "${name}" is not a range of cells (it holds ${String(item.value)}).`
    );
  }
  const sheet = item.getRange().worksheet;
  sheet.load("name");
  const used = item.getRange().getUsedRangeOrNullObject(true);
  used.load("rowIndex, columnIndex, rowCount, columnCount");
  await context.sync();
  if (used.isNullObject) throw new SourceError("empty", `The cells of "${name}" are empty.`);
  return located(sheet, used);
}

export async function readSource(
  from: SourceRef,
  options: ReadSourceOptions = {}
): Promise<SourceData> {
  return Excel.run(async (context) => {
    const located =
      from.kind === "selection"
        ? await locateSelection(context)
        : from.kind === "table"
          ? await locateTable(context, from.name)
          : await locateName(context, from.name);
    const { sheet, sheetName, row, column, rows, columns } = located;
    const perLoad = Math.max(
      1,
      Math.min(
        Math.floor(options.chunkRows ?? DEFAULT_CHUNK_ROWS),
        // Values and number formats: two strings or numbers per cell.
        Math.floor(MAX_CELLS_PER_LOAD / 2 / columns)
      )
    );
    const values: unknown[][] = [];
    const formats: string[][] = [];
    let step = perLoad;
    for (let r = 0; r < rows;) {
      const count = Math.min(step, rows - r);
      const part = sheet.getRangeByIndexes(row + r, column, count, columns);
      part.load("values, numberFormat");
      try {
        // One load per round trip: a whole large range in one response would exceed Excel's limit.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      } catch (error) {
        // Long texts can make even a chunk too large: read it again in halves.
        if (count > 1 && describeExcelError(error).code === "ResponsePayloadSizeLimitExceeded") {
          step = Math.max(1, Math.floor(count / 2));
          continue;
        }
        throw error;
      }
      for (const line of part.values) values.push(line);
      for (const line of part.numberFormat) formats.push(line);
      r += count;
    }
    return {
      address: addressOf(sheetName, row, column, rows, columns),
      sheet: sheetName,
      row,
      column,
      values,
      formats,
    };
  });
}
