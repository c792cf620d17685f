// Spilled results that line up with the input rows: one output row per cell of the input ranges,
// blank rows left blank, and the input's header row (when there is one) replaced by result labels.

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
  const out: OutCell[][] = Array.from({ length: table.length }, blank);
  table.positions.forEach((pos, i) => (out[pos] = rows[i].slice()));
  if (table.header) out[0] = labels ? labels.slice() : blank();
  else if (labels) out.unshift(labels.slice());
  return out;
}
