// Compares a report workbook as the engine described it with the copy LibreOffice recalculated and
// saved: every native formula's result (relative error ≤ 1e-9), every value, no error cells, and the
// tables, number formats, fonts and conditional formats that must survive the round trip.

import { Cell, CellValue, Workbook, Worksheet } from "exceljs";
import {
  CellContent,
  NUMBER_FORMATS,
  ReportSheet,
  ReportWorkbook,
  Style,
  a1,
  areaA1,
  isFormula,
  isLive,
} from "../../src/report/model";
import { serialOfDate } from "../../src/cli/read";
import { WrittenWorkbook } from "../../src/cli/xlsx";

export const TOLERANCE = 1e-9;

/** The ExcelJS cell at an address (a plain function: the Office.js lint rules would take
 *  `getCell` for Excel's own API). */
function cellAt(ws: Worksheet, address: string): Cell {
  return ws.getCell(address);
}

export interface Comparison {
  problems: string[];
  formulas: number;
  values: number;
  tables: number;
  formats: number;
}

/** Equal within 1e-9, relative to the larger magnitude, or absolute below 1. */
export function close(actual: number, expected: number): boolean {
  const scale = Math.max(1, Math.abs(actual), Math.abs(expected));
  return Math.abs(actual - expected) <= TOLERANCE * scale;
}

type Plain = number | string | boolean | null | { error: string };

function plain(v: CellValue): Plain {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return serialOfDate(v);
  if (typeof v === "object") {
    if ("error" in v) return { error: v.error };
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("formula" in v || "sharedFormula" in v) {
      const r = (v as { result?: CellValue }).result;
      return r === undefined ? null : plain(r);
    }
    if ("text" in v) return String((v as { text: unknown }).text);
    return null;
  }
  return v;
}

/** A cell's value with a formula's cached result taken from `cell.result` (ExcelJS's `cell.value`
 *  drops results that are 0, "" or false). */
function cellPlain(cell: { value: CellValue; result?: unknown }): Plain {
  if (isFormulaValue(cell.value)) {
    const r = cell.result as CellValue | undefined;
    return r === undefined ? null : plain(r);
  }
  return plain(cell.value);
}

function isFormulaValue(v: CellValue): boolean {
  return typeof v === "object" && v !== null && ("formula" in v || "sharedFormula" in v);
}

function expectedCells(
  sheet: ReportSheet
): Map<string, { row: number; column: number; c: CellContent }> {
  const cells = new Map<string, { row: number; column: number; c: CellContent }>();
  for (const block of sheet.blocks)
    block.cells.forEach((r, i) =>
      r.forEach((c, j) => {
        const row = block.row + i;
        const column = block.column + j;
        cells.set(a1(row, column), { row, column, c });
      })
    );
  return cells;
}

const normalFormat = (f: string | undefined) => (f ?? "General").replace(/\\/g, "").toLowerCase();

function checkSheet(
  sheet: ReportSheet,
  names: WrittenWorkbook["sheets"][number],
  ws: Worksheet,
  out: Comparison
) {
  const where = (address: string) => `${names.name}!${address}`;
  const headerCells = new Set<string>();
  for (const t of sheet.tables)
    for (let c = 0; c < t.area.columns; c++) headerCells.add(a1(t.area.row, t.area.column + c));

  // Values and formulas.
  for (const [address, { c }] of expectedCells(sheet)) {
    if (headerCells.has(address)) continue;
    const cell = cellAt(ws, address);
    const actual = cellPlain(cell);
    if (isFormula(c) || isLive(c)) {
      const expected = c.value;
      if (!isFormulaValue(cell.value)) {
        out.problems.push(
          `${where(address)}: the formula ${isFormula(c) ? c.formula : c.live} was lost`
        );
        continue;
      }
      out.formulas++;
      if (typeof expected === "number") {
        if (typeof actual !== "number" || !close(actual, expected))
          out.problems.push(
            `${where(address)}: ${isFormula(c) ? c.formula : c.live} is ${JSON.stringify(actual)} in LibreOffice, the engine computed ${expected}`
          );
      } else if (actual !== expected) {
        out.problems.push(
          `${where(address)}: ${isFormula(c) ? c.formula : ""} is ${JSON.stringify(actual)} in LibreOffice, the engine computed ${JSON.stringify(expected)}`
        );
      }
      continue;
    }
    if (c === null || c === "") continue;
    out.values++;
    if (isFormulaValue(cell.value)) {
      out.problems.push(`${where(address)}: the value ${JSON.stringify(c)} became a formula`);
    } else if (typeof c === "number") {
      if (typeof actual !== "number" || !close(actual, c))
        out.problems.push(`${where(address)}: ${JSON.stringify(actual)} instead of ${c}`);
    } else if (actual !== c) {
      out.problems.push(
        `${where(address)}: ${JSON.stringify(actual)} instead of ${JSON.stringify(c)}`
      );
    }
  }

  // No error value anywhere.
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      const v = cellPlain(cell);
      if (typeof v === "object" && v !== null)
        out.problems.push(`${where(cell.address)}: holds the error ${v.error}`);
    })
  );

  // Tables: name, range and headers.
  const tables = (ws.getTables() as unknown[]).map(
    (t) => (t as { table?: TableModel }).table ?? (t as TableModel)
  );
  for (const table of names.tables) {
    const found = tables.find((t) => t.name === table.name);
    if (!found) {
      out.problems.push(`${names.name}: table ${table.name} is missing after the round trip`);
      continue;
    }
    out.tables++;
    if (found.tableRef !== table.ref)
      out.problems.push(
        `${names.name}: table ${table.name} covers ${found.tableRef}, not ${table.ref}`
      );
    const headers = (found.columns ?? []).map((c) => c.name);
    if (JSON.stringify(headers) !== JSON.stringify(table.headers))
      out.problems.push(
        `${names.name}: table ${table.name} has headers ${JSON.stringify(headers)}, not ${JSON.stringify(table.headers)}`
      );
  }

  // Number formats and fonts (the last format given for a cell wins, property by property).
  const styles = new Map<string, Style>();
  for (const f of sheet.formats)
    for (let r = f.area.row; r < f.area.row + f.area.rows; r++)
      for (let c = f.area.column; c < f.area.column + f.area.columns; c++)
        styles.set(a1(r, c), { ...(styles.get(a1(r, c)) ?? {}), ...f.style });
  for (const [address, style] of styles) {
    const cell = cellAt(ws, address);
    out.formats++;
    if (style.numberFormat) {
      const expected = normalFormat(NUMBER_FORMATS[style.numberFormat]);
      if (normalFormat(cell.numFmt) !== expected)
        out.problems.push(
          `${where(address)}: number format ${JSON.stringify(cell.numFmt)}, expected ${JSON.stringify(NUMBER_FORMATS[style.numberFormat])}`
        );
    }
    if (style.bold && !cell.font?.bold) out.problems.push(`${where(address)}: not bold`);
    if (style.italic && !cell.font?.italic) out.problems.push(`${where(address)}: not italic`);
    if (style.size && cell.font?.size !== style.size)
      out.problems.push(`${where(address)}: font size ${cell.font?.size}, expected ${style.size}`);
    if (style.color) {
      const color = cell.font?.color?.argb?.slice(-6).toUpperCase();
      if (color !== style.color.slice(1).toUpperCase())
        out.problems.push(`${where(address)}: font colour ${color}, expected ${style.color}`);
    }
    if (style.fill) {
      const fill = cell.fill as { fgColor?: { argb?: string } } | undefined;
      const color = fill?.fgColor?.argb?.slice(-6).toUpperCase();
      if (color !== style.fill.slice(1).toUpperCase())
        out.problems.push(`${where(address)}: fill ${color}, expected ${style.fill}`);
    }
  }

  // Conditional formats: one rule of the same kind over the same range each.
  const cfs = (
    ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }
  ).conditionalFormattings;
  for (const cf of sheet.conditionalFormats) {
    if (cf.area.rows < 1) continue;
    const ref = areaA1(cf.area);
    const type = {
      dataBar: "dataBar",
      colorScale: "colorScale",
      cellValue: "cellIs",
      textEquals: "cellIs",
    }[cf.kind];
    if (!cfs.some((c) => c.ref === ref && c.rules.some((r) => r.type === type)))
      out.problems.push(`${names.name}: the ${cf.kind} conditional format on ${ref} is missing`);
  }
}

interface TableModel {
  name: string;
  tableRef: string;
  columns?: { name: string }[];
}

/** Compares the engine's workbook with LibreOffice's recalculated copy. */
export async function compareWorkbook(
  book: ReportWorkbook,
  written: WrittenWorkbook,
  recalculatedFile: string
): Promise<Comparison> {
  const wb = new Workbook();
  await wb.xlsx.readFile(recalculatedFile);
  const out: Comparison = { problems: [], formulas: 0, values: 0, tables: 0, formats: 0 };
  book.sheets.forEach((sheet, i) => {
    const names = written.sheets[i];
    const ws = wb.getWorksheet(names.name);
    if (!ws) {
      out.problems.push(`sheet ${names.name} is missing after the round trip`);
      return;
    }
    checkSheet(sheet, names, ws, out);
  });
  return out;
}

/**
 * Compares a workbook the kam command wrote with LibreOffice's recalculated copy, cell by cell: the
 * cached results in the written file are the engine's values. Also checks that no cell holds an
 * error, that every table survives with its range and headers, and that number formats and fonts do.
 */
export async function compareFiles(
  writtenFile: string,
  recalculatedFile: string
): Promise<Comparison> {
  const ours = new Workbook();
  await ours.xlsx.readFile(writtenFile);
  const theirs = new Workbook();
  await theirs.xlsx.readFile(recalculatedFile);
  const out: Comparison = { problems: [], formulas: 0, values: 0, tables: 0, formats: 0 };
  ours.eachSheet((ws) => {
    const lo = theirs.getWorksheet(ws.name);
    if (!lo) {
      out.problems.push(`sheet ${ws.name} is missing after the round trip`);
      return;
    }
    const where = (address: string) => `${ws.name}!${address}`;
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const other = cellAt(lo, cell.address);
        const expected = cellPlain(cell);
        const actual = cellPlain(other);
        if (isFormulaValue(cell.value)) {
          out.formulas++;
          if (!isFormulaValue(other.value))
            out.problems.push(`${where(cell.address)}: the formula ${cell.formula} was lost`);
        } else {
          if (expected === null) return;
          out.values++;
          if (isFormulaValue(other.value))
            out.problems.push(
              `${where(cell.address)}: the value ${JSON.stringify(expected)} became a formula`
            );
        }
        const same =
          typeof expected === "number"
            ? typeof actual === "number" && close(actual, expected)
            : JSON.stringify(actual) === JSON.stringify(expected);
        if (!same)
          out.problems.push(
            `${where(cell.address)}: ${isFormulaValue(cell.value) ? `=${cell.formula} ` : ""}is ${JSON.stringify(actual)} in LibreOffice, the engine's value is ${JSON.stringify(expected)}`
          );
        // Number formats and fonts.
        const style = cell.style;
        if (cell.numFmt && normalFormat(cell.numFmt) !== "general") {
          out.formats++;
          if (normalFormat(other.numFmt) !== normalFormat(cell.numFmt))
            out.problems.push(
              `${where(cell.address)}: number format ${JSON.stringify(other.numFmt)}, not ${JSON.stringify(cell.numFmt)}`
            );
        }
        if (style.font?.bold && !other.font?.bold)
          out.problems.push(`${where(cell.address)}: not bold`);
        if (style.font?.italic && !other.font?.italic)
          out.problems.push(`${where(cell.address)}: not italic`);
      })
    );
    lo.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cellPlain(cell);
        if (typeof v === "object" && v !== null)
          out.problems.push(`${where(cell.address)}: holds the error ${v.error}`);
      })
    );
    const theirTables = (lo.getTables() as unknown[]).map(
      (t) => (t as { table?: TableModel }).table ?? (t as TableModel)
    );
    for (const t of ws.getTables() as unknown[]) {
      const table = (t as { table?: TableModel }).table ?? (t as TableModel);
      const found = theirTables.find((x) => x.name === table.name);
      out.tables++;
      if (!found) {
        out.problems.push(`${ws.name}: table ${table.name} is missing after the round trip`);
        continue;
      }
      if (found.tableRef !== table.tableRef)
        out.problems.push(
          `${ws.name}: table ${table.name} covers ${found.tableRef}, not ${table.tableRef}`
        );
      const a = (found.columns ?? []).map((c) => c.name);
      const b = (table.columns ?? []).map((c) => c.name);
      if (JSON.stringify(a) !== JSON.stringify(b))
        out.problems.push(
          `${ws.name}: table ${table.name} has headers ${JSON.stringify(a)}, not ${JSON.stringify(b)}`
        );
    }
  });
  return out;
}
