// A time series argument: one column or row of numbers in time order where blank cells are kept as
// gaps (null) in their place, so missing months do not shift the seasons. Zeros are values, except
// the trailing run of zeros and blanks: Excel desktop passes the empty cells of an oversized range
// as 0 (Excel on the web as null), so that run is padding and reads as blank.

import { cellError, Place } from "./errors";
import { toVector } from "./columns";
import { isBlankish } from "./matrix";
import { asNumber, classify } from "../cells/values";

export interface SeriesCells {
  /**
   * One entry per data cell, null for a blank cell and for the padding at the end; the header cell
   * (if any) is not included.
   */
  values: (number | null)[];
  /** For each entry, its 0-based position in the range as passed. */
  positions: number[];
  /** Whether the first cell was taken as a header (text that is not a number). */
  header: boolean;
  vertical: boolean;
  /** Number of cells in the range. */
  length: number;
  /**
   * Index into values where the padding begins: the trailing run of cells holding 0 or nothing
   * (values.length when the last cell holds another value). Entries from there on are null.
   */
  padding: number;
  /** For each entry from padding on, whether its cell held a 0 (rather than nothing). */
  paddedZeros: boolean[];
}

/**
 * Reads a series: numbers (or number text), blank cells as null; a first cell of text that is not a
 * number is a header when the range has more cells. Text or an Excel error elsewhere is an error
 * naming the cell. Trailing zeros and blanks are padding (null; see SeriesCells.padding).
 */
export function readSeries(place: Place, value: unknown): SeriesCells {
  const { values: raw, vertical } = toVector(place, value);
  const values: (number | null)[] = [];
  const positions: number[] = [];
  let header = false;
  let end = raw.length;
  while (end > 0 && isBlankish(raw[end - 1])) end--;
  let padding = -1;
  const paddedZeros: boolean[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (i >= end) {
      if (padding < 0) padding = values.length;
      values.push(null);
      positions.push(i);
      paddedZeros.push(raw[i] === 0);
      continue;
    }
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
  if (padding < 0) padding = values.length;
  return { values, positions, header, vertical, length: raw.length, padding, paddedZeros };
}
