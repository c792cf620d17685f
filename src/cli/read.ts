/* global Buffer, TextDecoder */
// The `kam` command's input files: .xlsx (ExcelJS) and .csv (csv-parse) into plain cell values as the
// task pane reads them from Excel (dates as Excel serials). Writing is src/cli/xlsx.ts.

import path from "node:path";
import { parse } from "csv-parse/sync";
import { Workbook } from "exceljs";
import type { CellValue } from "exceljs";
import { InputProblem } from "./common";
import { InputLimits, InputRefused, LIMITS, checkXlsx, sizeText } from "./inputLimits";
import { ZipProblem } from "./zip";

/** One sheet's cells as the task pane reads them from Excel: numbers, text, booleans, "" for blank
 *  cells, error values as their text ("#N/A") and dates as Excel serial numbers; rectangular from A1. */
export interface SheetValues {
  name: string;
  values: unknown[][];
  /** The number format of each cell (.xlsx only), as Office.js gives range.numberFormat. */
  formats?: string[][];
  hidden?: boolean;
}

const MS_PER_DAY = 86_400_000;
/**
 * The Excel serial of a date cell ExcelJS read, time of day kept. ExcelJS turns serial s into the UTC
 * instant 1899-12-30 + s days, without Excel's fictitious 1900-02-29 (serial 59, 1900-02-28 in Excel,
 * comes as 1900-02-27), so this is its exact inverse; the calendar's serialFromYmd of the UTC date
 * would move every cell before 1900-03-01 one day.
 */
export function serialOfDate(d: Date): number {
  const serial = d.getTime() / MS_PER_DAY + 25569;
  return Math.round(serial * MS_PER_DAY) / MS_PER_DAY;
}

function plainValue(v: CellValue): unknown {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return serialOfDate(v);
  if ("error" in v) return v.error;
  if ("richText" in v) return v.richText.map((t) => t.text).join("");
  if ("formula" in v || "sharedFormula" in v) {
    const result = (v as { result?: CellValue }).result;
    return result === undefined ? "" : plainValue(result);
  }
  if ("hyperlink" in v) {
    const text: unknown = (v as { text: unknown }).text;
    if (typeof text === "string") return text;
    return plainValue(text as CellValue);
  }
  return "";
}

/**
 * The plain value of a cell ExcelJS read. A formula's cached result comes from `cell.result`:
 * ExcelJS's `cell.value` drops results that are 0, "" or false.
 */
export function cellPlainValue(cell: { value: CellValue; result?: unknown }): unknown {
  const v = cell.value;
  if (typeof v === "object" && v !== null && ("formula" in v || "sharedFormula" in v)) {
    const result = cell.result as CellValue | undefined;
    return result === undefined ? "" : plainValue(result);
  }
  return plainValue(v);
}

/** The rows without trailing blank rows, each as wide as the widest (blank cells ""); the rows are
 *  made so in place (they are the reader's own arrays), not copied. */
function rectangular(rows: unknown[][]): unknown[][] {
  let last = rows.length - 1;
  while (last >= 0 && rows[last].every((c) => c === "" || c === undefined)) last--;
  const kept = last + 1 === rows.length ? rows : rows.slice(0, last + 1);
  const width = kept.reduce((m, r) => {
    let w = r.length;
    while (w > 0 && (r[w - 1] === "" || r[w - 1] === undefined)) w--;
    return Math.max(m, w);
  }, 0);
  for (const r of kept) {
    const length = r.length;
    r.length = width;
    for (let i = 0; i < width; i++) if (i >= length || r[i] === undefined) r[i] = "";
  }
  return kept;
}

/** Reads every worksheet of an .xlsx file, after checking it against the input limits (LIMITS). */
export async function readXlsx(bytes: Buffer | ArrayBuffer): Promise<SheetValues[]> {
  checkXlsx(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes));
  const wb = new Workbook();
  await wb.xlsx.load(bytes as ArrayBuffer);
  const sheets: SheetValues[] = [];
  wb.eachSheet((ws) => {
    const rows: unknown[][] = [];
    const formats: string[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values: unknown[] = [];
      const numFmts: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        const merged = cell.isMerged && cell.master !== cell;
        values[colNumber - 1] = merged ? "" : cellPlainValue(cell);
        if (cell.numFmt) numFmts[colNumber - 1] = cell.numFmt;
      });
      rows[rowNumber - 1] = values;
      formats[rowNumber - 1] = numFmts;
    });
    for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
    const values = rectangular(rows);
    const width = values[0]?.length ?? 0;
    sheets.push({
      name: ws.name,
      values,
      formats: values.map((_, i) =>
        Array.from({ length: width }, (_, c) => formats[i]?.[c] ?? "General")
      ),
      hidden: ws.state !== "visible" ? true : undefined,
    });
  });
  return sheets;
}

/** A plain decimal number as Excel reads it from a CSV file (no leading zeros: ids stay text). */
const CSV_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?$/;

/** Decodes CSV bytes: UTF-8 (with or without BOM), else GB18030 as Chinese Excel saves CSV. */
export function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/**
 * CSV text as records of fields, read as csv-parse reads it with the options readCsv gives it (a BOM
 * dropped; the record delimiter the first line ends with, CRLF or LF; every line a record, an empty
 * one [""]; no record after the last delimiter; quoted fields with "" for a quote), in one pass over
 * the text (csv-parse takes about ten times as long on large files). Undefined when the text holds
 * anything else — a quote inside an unquoted field or after a closing quote, a quote left open, a lone
 * CR or a mix of line ends, a quote on the first line — for csv-parse to read it (or to say what is
 * wrong) exactly as it always did.
 */
export function parseCsvPlain(input: string, delimiter: string): string[][] | undefined {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const n = text.length;
  if (n === 0) return [];
  const QUOTE = 34;
  const CR = 13;
  const LF = 10;
  const sep = delimiter.charCodeAt(0);
  if (delimiter.length !== 1 || sep === QUOTE || sep === CR || sep === LF) return undefined;
  const firstEnd = text.search(/[\r\n]/);
  if (text.slice(0, firstEnd < 0 ? n : firstEnd).includes('"')) return undefined;
  const crlf = firstEnd >= 0 && text.charCodeAt(firstEnd) === CR;
  if (crlf && text.charCodeAt(firstEnd + 1) !== LF) return undefined;
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  for (;;) {
    // One field, starting at i.
    let field: string;
    if (text.charCodeAt(i) === QUOTE) {
      field = "";
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) return undefined;
        if (text.charCodeAt(q + 1) === QUOTE) {
          field += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        field += text.slice(from, q);
        i = q + 1;
        break;
      }
      const c = text.charCodeAt(i);
      if (i < n && c !== sep && c !== (crlf ? CR : LF)) return undefined;
    } else {
      let j = i;
      let c = 0;
      while (j < n) {
        c = text.charCodeAt(j);
        if (c === sep || c === CR || c === LF) break;
        if (c === QUOTE) return undefined;
        j++;
      }
      field = text.slice(i, j);
      i = j;
    }
    record.push(field);
    if (i >= n) {
      records.push(record);
      return records;
    }
    const c = text.charCodeAt(i);
    if (c === sep) {
      i++;
      continue;
    }
    // A line end: the file's own, else csv-parse decides.
    if (crlf ? c !== CR || text.charCodeAt(i + 1) !== LF : c !== LF) return undefined;
    i += crlf ? 2 : 1;
    records.push(record);
    record = [];
    if (i >= n) return records;
  }
}

/**
 * Reads a CSV file's text into one sheet named after the file. The delimiter is a comma, or a
 * semicolon or tab when the first line has more of those. Plain numbers become numbers; everything
 * else stays text (dates as text are read by the report's own parsing).
 */
export function readCsv(text: string, file: string): SheetValues {
  const first = text.split(/\r?\n/, 1)[0] ?? "";
  const count = (ch: string) => first.split(ch).length - 1;
  let delimiter = ",";
  if (count(";") > count(delimiter)) delimiter = ";";
  if (count("\t") > count(delimiter)) delimiter = "\t";
  const records: unknown[][] =
    parseCsvPlain(text, delimiter) ??
    (parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][]);
  for (const r of records)
    for (let i = 0; i < r.length; i++) {
      const cell = r[i] as string;
      // A number starts with a digit or "-" after any white space: a letter first is text.
      const first = cell.charCodeAt(0);
      if ((first >= 65 && first <= 90) || (first >= 97 && first <= 122)) continue;
      const t = cell.trim();
      if (CSV_NUMBER.test(t)) r[i] = Number(t);
    }
  return { name: path.basename(file).replace(/\.[^.]*$/, ""), values: rectangular(records) };
}

/**
 * Reads an .xlsx file's bytes; every problem is an InputProblem in the product's words, naming the
 * file: not a zip file, damaged, too large to read (checked before anything is unpacked), or a
 * workbook the reader cannot understand (the library's own message is not passed on).
 */
export async function readXlsxFile(bytes: Buffer, file: string): Promise<SheetValues[]> {
  try {
    return await readXlsx(bytes);
  } catch (e) {
    if (e instanceof InputRefused) throw new InputProblem(`${file}: ${e.message}`);
    if (e instanceof ZipProblem)
      throw new InputProblem(`${file} is not an .xlsx workbook (${e.message})`);
    throw new InputProblem(
      `${file}: not a readable .xlsx workbook (its parts are not the XML of an Excel workbook)`
    );
  }
}

/** Refuses a CSV file of more than `limits.csvBytes` bytes, as one InputProblem naming the file. */
export function checkCsvSize(
  size: number,
  file: string,
  limits: Pick<InputLimits, "csvBytes"> = LIMITS
): void {
  if (size > limits.csvBytes)
    throw new InputProblem(
      `${file}: ${sizeText(size)}; kam reads CSV files of at most ${sizeText(limits.csvBytes)}`
    );
}

/** Reads a CSV file's bytes (UTF-8 or GB18030) into one sheet; at most `limits.csvBytes` bytes and
 *  `limits.rows` rows (Excel's own limit), as one clear InputProblem. */
export function readCsvFile(
  bytes: Buffer,
  file: string,
  limits: Pick<InputLimits, "csvBytes" | "rows"> = LIMITS
): SheetValues {
  checkCsvSize(bytes.length, file, limits);
  let sheet: SheetValues;
  try {
    sheet = readCsv(decodeText(bytes), file);
  } catch (e) {
    throw new InputProblem(`${file}: not a readable CSV file (${csvReason(e)})`);
  }
  if (sheet.values.length > limits.rows)
    throw new InputProblem(
      `${file}: ${sheet.values.length.toLocaleString("en-US")} rows; a sheet holds at most ${limits.rows.toLocaleString("en-US")}`
    );
  return sheet;
}

/** csv-parse's message without its internals (its code name and option dump), e.g. "Invalid Closing
 *  Quote: got "x" at line 3 instead of delimiter, record delimiter, trimable character (if activated) or
 *  comment" becomes "a quote that does not close the field, line 3". */
export function csvReason(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const line = /\bline (\d+)/.exec(message)?.[1];
  const at = line ? `, line ${line}` : "";
  if (/quote/i.test(message)) return `a quote that does not open or close a field properly${at}`;
  return `the file does not follow the CSV format${at}`;
}
