/* global Buffer */
// What `kam` accepts as an input file before a parser touches it: an .xlsx is looked at through its
// zip directory (src/cli/zip.ts) and refused when it would unpack or hold more than the limits below,
// so a small file that inflates to gigabytes (a "zip bomb") is one clear line, not an aborted process.

import { ZipEntry, ZipProblem, entryBytes, zipEntries } from "./zip";

export interface InputLimits {
  /** Bytes all parts of an .xlsx may unpack to together. */
  unpackedBytes: number;
  /** Parts (files) in an .xlsx. */
  entries: number;
  /** Rows of one sheet (Excel's own limit). */
  rows: number;
  /** Cells of the whole workbook (ExcelJS holds about 0.5 KB of memory per cell). */
  cells: number;
  /** Bytes of a CSV file. */
  csvBytes: number;
}

export const LIMITS: InputLimits = {
  unpackedBytes: 500_000_000,
  entries: 10_000,
  rows: 1_048_576,
  cells: 3_000_000,
  csvBytes: 250_000_000,
};

/** A file refused before it was read; the message (without the file name) says why and the limit. */
export class InputRefused extends Error {}

/** Bytes in words: "5.0 GB", "12 MB", "900 bytes". */
export function sizeText(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${Math.round(bytes / 1e6)} MB`;
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} KB`;
  return `${bytes} bytes`;
}

const count = (n: number) => n.toLocaleString("en-US");

/** Counts the elements <row> and <c> in a worksheet's XML bytes (with the namespace prefix the
 *  document's root element uses, e.g. <x:c>), by native substring search. */
export function countRowsAndCells(xml: Buffer): { rows: number; cells: number } {
  const root = /<([A-Za-z_][\w.-]*:)?worksheet[\s>]/.exec(xml.toString("utf8", 0, 4096));
  const prefix = root?.[1] ?? "";
  const ends = (b: number | undefined) =>
    b === 0x20 || b === 0x3e || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d;
  const count = (tag: string) => {
    const needle = Buffer.from(`<${prefix}${tag}`, "utf8");
    let n = 0;
    for (let at = xml.indexOf(needle); at >= 0; at = xml.indexOf(needle, at + needle.length))
      if (ends(xml[at + needle.length])) n++;
    return n;
  };
  return { rows: count("row"), cells: count("c") };
}

/**
 * Checks an .xlsx file's bytes against the limits without trusting what it declares: the directory's
 * sizes first, then each part inflated with a cap at its declared size, and its rows and cells
 * counted. Throws ZipProblem (not a zip, damaged) or InputRefused (too large).
 */
export function checkXlsx(bytes: Buffer, limits: InputLimits = LIMITS): void {
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0)
    throw new ZipProblem(
      "an OLE file: a workbook protected with a password, or an old .xls; save it as .xlsx without a password"
    );
  const entries = zipEntries(bytes);
  if (entries.length > limits.entries)
    throw new InputRefused(
      `holds ${count(entries.length)} parts; kam reads workbooks of at most ${count(limits.entries)}`
    );
  const total = entries.reduce((s, e) => s + e.size, 0);
  if (total > limits.unpackedBytes) {
    const largest = entries.reduce((a, b) => (b.size > a.size ? b : a));
    throw new InputRefused(
      `unpacks to ${sizeText(total)} (${largest.name}: ${sizeText(largest.size)}); kam reads workbooks that unpack to at most ${sizeText(limits.unpackedBytes)}`
    );
  }
  if (!entries.some((e) => e.name === "xl/workbook.xml"))
    throw new ZipProblem("a zip file without a workbook (no xl/workbook.xml)");
  let cells = 0;
  for (const entry of entries) {
    // Every part is inflated with its declared size as the cap: a part that says 1 KB and unpacks to
    // 5 GB stops at 1 KB.
    const data = entryBytes(bytes, entry, entry.size);
    if (!isWorksheet(entry)) continue;
    const found = countRowsAndCells(data);
    const sheet = entry.name.replace(/^xl\/worksheets\//, "");
    if (found.rows > limits.rows)
      throw new InputRefused(
        `${sheet} has ${count(found.rows)} rows; a sheet holds at most ${count(limits.rows)}`
      );
    cells += found.cells;
    if (cells > limits.cells)
      throw new InputRefused(
        `holds more than ${count(limits.cells)} cells; kam reads workbooks of at most ${count(limits.cells)} cells (save the sheet you need as CSV, or remove other sheets)`
      );
  }
}

function isWorksheet(entry: ZipEntry): boolean {
  return /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name);
}
