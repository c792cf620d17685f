// Rows of a readTable result. Spilled results that line up with the input rows: one output row per
// cell of the input ranges, blank rows left blank, and the input's header row (when there is one)
// replaced by result labels. And rows of zeros where 0 cannot be a value.

import { ColumnSpec, Table } from "./columns";
import { OutCell } from "./output";

/**
 * Builds the spilled table for `rows` (one per data row of a readTable result, in order).
 * - `positions`, `length`, `header` come from readTable;
 * - `labels` is the header row to show, or undefined for none. When the input has a header row, the
 *   labels take its place; otherwise they are put on top.
 */
export function alignedRows(
  table: { positions: readonly number[]; length: number; header: boolean },
  rows: readonly (readonly OutCell[])[],
  labels: readonly OutCell[] | undefined,
  width: number
): OutCell[][] {
  const blank = () => new Array<OutCell>(width).fill("");
  // the rows are taken as they are (each caller builds them for this table): a million rows are not
  // copied once more
  const out = new Array<OutCell[]>(table.length);
  const positions = table.positions;
  for (let i = 0; i < positions.length; i++) out[positions[i]] = rows[i] as OutCell[];
  for (let r = 0; r < out.length; r++) if (out[r] === undefined) out[r] = blank();
  if (table.header) out[0] = labels ? labels.slice() : blank();
  else if (labels) out.unshift(labels.slice());
  return out;
}

/**
 * The table without its rows of zeros (every cell 0 or blank), for a table keyed by a name — a
 * customer, a rep, a stage — where 0 is no name: such a row is an empty row as Excel desktop passes
 * it (office-js #4702, #5262), as a date column shows one (0 is no date). Only for results that do not
 * line up with the input rows (totals per customer, per rep, a stage table).
 */
export function withoutRowsOfZeros<S extends readonly ColumnSpec[]>(table: Table<S>): Table<S> {
  const cols = table.columns as unknown as readonly (readonly unknown[])[];
  const n = cols.length > 0 ? cols[0].length : 0;
  const isZeros = (i: number) => cols.every((c) => c[i] === 0 || c[i] === null);
  // a first column without a 0 or a blank has no row of zeros: nothing to copy (a million rows)
  let any = false;
  const firstColumn = cols[0] ?? [];
  for (let i = 0; i < n && !any; i++) {
    const v = firstColumn[i];
    if ((v === 0 || v === null) && isZeros(i)) any = true;
  }
  if (!any) return table;
  const keep = table.positions.map((_, i) => !isZeros(i));
  return {
    columns: cols.map((c) => c.filter((_, i) => keep[i])) as unknown as Table<S>["columns"],
    positions: table.positions.filter((_, i) => keep[i]),
    header: table.header,
    length: table.length,
    vertical: table.vertical,
  };
}
