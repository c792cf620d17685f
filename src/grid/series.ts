// A time series argument: one column or row of numbers in time order where blank cells are kept as
// gaps (null) in their place, so missing months do not shift the seasons. Zeros are values.

import { cellError, Place } from "./errors";
import { toVector } from "./columns";
import { asNumber, classify } from "./values";

export interface SeriesCells {
  /** One entry per data cell, null for a blank cell; the header cell (if any) is not included. */
  values: (number | null)[];
  /** For each entry, its 0-based position in the range as passed. */
  positions: number[];
  /** Whether the first cell was taken as a header (text that is not a number). */
  header: boolean;
  vertical: boolean;
  /** Number of cells in the range. */
  length: number;
}

/**
 * Reads a series: numbers (or number text), blank cells as null; a first cell of text that is not a
 * number is a header when the range has more cells. Text or an Excel error elsewhere is an error
 * naming the cell.
 */
export function readSeries(place: Place, value: unknown): SeriesCells {
  const { values: raw, vertical } = toVector(place, value);
  const values: (number | null)[] = [];
  const positions: number[] = [];
  let header = false;
  for (let i = 0; i < raw.length; i++) {
    const cell = classify(raw[i]);
    if (cell.kind === "blank") {
      values.push(null);
      positions.push(i);
      continue;
    }
    const n = asNumber(cell);
    if (typeof n === "number") {
      values.push(n);
      positions.push(i);
      continue;
    }
    if (i === 0 && cell.kind === "text" && raw.length > 1) {
      header = true;
      continue;
    }
    cellError(place, vertical ? i : 0, vertical ? 0 : i, vertical, n);
  }
  return { values, positions, header, vertical, length: raw.length };
}
