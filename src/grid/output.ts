// Results back to cells: a function never hands Excel NaN, Infinity, null or undefined, nor text
// longer than a cell holds.

import { MAX_CELL_TEXT, cutCellText } from "../report/cellText";
import { InputError } from "./errors";
import { Lang } from "../i18n/lang";

export type OutCell = string | number | boolean;

/**
 * Checks a result matrix before it reaches Excel: null/undefined become empty text, text longer than
 * an Excel cell holds (32,767 characters) is cut with a note of its length, and a non-finite number
 * (an overflow beyond ±1.8E+308, or 0/0) is reported as an error naming the arguments the result is
 * computed from (`from`; default: the function's inputs) instead of showing as a wrong value.
 */
export function toCells(
  fn: string,
  rows: readonly (readonly (OutCell | null | undefined)[])[],
  from?: readonly string[],
  lang: Lang = "en"
): OutCell[][] {
  // Checked in place: a row is copied only when one of its cells changes (a result of a million
  // rows is not copied cell by cell to find nothing to change).
  let out = rows as OutCell[][];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      const fits =
        typeof v === "number"
          ? v - v === 0
          : typeof v === "boolean" || (typeof v === "string" && v.length <= MAX_CELL_TEXT);
      if (fits) continue;
      if (out === rows) out = rows.slice() as OutCell[][];
      out[r] = row.map((cell, k) => outCell(fn, cell, r, k, from, lang));
      break;
    }
  }
  return out;
}

/** One cell of toCells. */
function outCell(
  fn: string,
  v: OutCell | null | undefined,
  r: number,
  c: number,
  from: readonly string[] | undefined,
  lang: Lang
): OutCell {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" && !Number.isFinite(v)) {
    const what = Number.isNaN(v)
      ? "cannot be computed (a division of 0 by 0, or of two numbers beyond Excel's range)"
      : "is beyond Excel's largest number (±1.8E+308)";
    const args = from && from.length > 0 ? from.join(", ") : "the inputs";
    throw new InputError(
      `${fn}: ${args}: the result in row ${r + 1}, column ${c + 1} ${what}; check these values for numbers far too large or too small`
    );
  }
  if (typeof v === "string" && v.length > MAX_CELL_TEXT) return cutCellText(v, lang).text;
  return v;
}

/** A single column of values as a spilled matrix. */
export function column(
  values: readonly (OutCell | null | undefined)[]
): (OutCell | null | undefined)[][] {
  return values.map((v) => [v]);
}
