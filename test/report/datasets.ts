// Test support for the report builders' input: Excel date serials and Datasets read off a sheet.

import { WorkflowId } from "../../src/report/model";
import { Dataset, Role } from "../../src/report/roles";

export const DAY = 86_400_000;

/** Excel serial of a date, independently of src/grid. */
export const serial = (y: number, m: number, d: number) =>
  (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / DAY;

/** One source column mapped to a role: text, numbers, or numbers with blanks (null). */
export type SourceColumn =
  | { role: Role; text: string[] }
  | { role: Role; numbers: number[] }
  | { role: Role; sparse: (number | null)[] };

/**
 * The Dataset of `columns` on `sheet`, column A first, header in row 1 and data from row 2;
 * `undefined` is a column of the source left unmapped. With `addresses`, each mapped role has the
 * address of its data cells (for live formulas).
 */
export function sheetDataset(
  workflow: WorkflowId,
  sheet: string,
  columns: (SourceColumn | undefined)[],
  addresses = false
): Dataset {
  const cells = (c: SourceColumn) => ("text" in c ? c.text : "numbers" in c ? c.numbers : c.sparse);
  const n = Math.max(0, ...columns.map((c) => (c === undefined ? 0 : cells(c).length)));
  const letter = (k: number) => String.fromCharCode(65 + k);
  const d: Dataset = {
    workflow,
    rows: n,
    text: {},
    numbers: {},
    sheetRows: Array.from({ length: n }, (_, i) => i + 2),
    source: `${sheet}!A1:${letter(columns.length - 1)}${n + 1}`,
    addresses: {},
  };
  columns.forEach((c, k) => {
    if (c === undefined) return;
    if ("text" in c) d.text[c.role] = c.text;
    else if ("numbers" in c) d.numbers[c.role] = c.numbers;
    else (d.sparse ??= {})[c.role] = c.sparse;
    if (addresses) d.addresses[c.role] = `${sheet}!${letter(k)}2:${letter(k)}${n + 1}`;
  });
  return d;
}
