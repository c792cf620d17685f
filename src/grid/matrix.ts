// A range of several number columns read as one table (rows = items, columns = criteria or factors),
// with readTable's header-row, blank-row and bad-cell handling.

import { cellAddress, cellError, Place } from "./errors";
import { ColumnSpec, readTable, Table, toVector } from "./columns";
import { asNumber, classify } from "./values";

/** Reads every column of a 2-D number range; the header row is recognised as in readTable. */
export function readNumberMatrix(
  fn: string,
  arg: string,
  value: unknown,
  address: string | undefined
): { columns: number[][]; table: Table<readonly ColumnSpec[]> } {
  const rows = (Array.isArray(value) ? value : [[value]]) as unknown[][];
  const width = Array.isArray(rows[0]) ? rows[0].length : 1;
  const specs: ColumnSpec<"number">[] = Array.from({ length: width }, (_, c) => ({
    arg,
    kind: "number",
    value: rows.map((row) => [Array.isArray(row) ? row[c] : row]),
    address: cellAddress(address, 0, c),
  }));
  const table = readTable(fn, specs);
  return { columns: table.columns as unknown as number[][], table };
}

/**
 * One column or row of numbers where 0 is a value, not an empty cell (scores, weights, thresholds):
 * blank cells are skipped, a first cell holding text that is no number is a header, and any other
 * cell that is not a number is an error naming it. Returns the numbers and their positions.
 */
export function readNumberList(
  place: Place,
  value: unknown
): { values: number[]; positions: number[]; vertical: boolean } {
  const v = toVector(place, value);
  const values: number[] = [];
  const positions: number[] = [];
  v.values.forEach((raw, i) => {
    const cell = classify(raw);
    if (cell.kind === "blank") return;
    const n = asNumber(cell);
    if (typeof n === "number") {
      values.push(n);
      positions.push(i);
    } else if (!(i === 0 && cell.kind === "text" && v.values.length > 1)) {
      cellError(place, v.vertical ? i : 0, v.vertical ? 0 : i, v.vertical, n);
    }
  });
  return { values, positions, vertical: v.vertical };
}
