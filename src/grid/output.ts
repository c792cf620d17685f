// Results back to cells: a function never hands Excel NaN, Infinity, null or undefined.

import { InputError } from "./errors";

export type OutCell = string | number | boolean;

/**
 * Checks a result matrix before it reaches Excel: null/undefined become empty text, and a
 * non-finite number is reported as an error of the function instead of showing as a wrong value.
 */
export function toCells(
  fn: string,
  rows: readonly (readonly (OutCell | null | undefined)[])[]
): OutCell[][] {
  return rows.map((row, r) =>
    row.map((v, c) => {
      if (v === null || v === undefined) return "";
      if (typeof v === "number" && !Number.isFinite(v)) {
        throw new InputError(
          `${fn}: the result in row ${r + 1}, column ${c + 1} is not a finite number (${v}); check the inputs`
        );
      }
      return v;
    })
  );
}

/** A single column of values as a spilled matrix. */
export function column(
  values: readonly (OutCell | null | undefined)[]
): (OutCell | null | undefined)[][] {
  return values.map((v) => [v]);
}
