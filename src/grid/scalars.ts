// Single-value (optional) arguments. Excel passes an omitted optional argument as null, and a
// one-cell reference as a 1×1 matrix; both are handled here so wrappers apply defaults explicitly.

import { argError, Place } from "./errors";
import { asDate, asNumber, classify, describe } from "../cells/values";

/** Unwraps a 1×1 matrix; a larger range is an error. */
function single(place: Place, value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const rows = value as unknown[][];
  const cells = rows.reduce((n, row) => n + (Array.isArray(row) ? row.length : 1), 0);
  if (cells !== 1) argError(place, `must be a single value, not a range of ${cells} cells`);
  return Array.isArray(rows[0]) ? rows[0][0] : rows[0];
}

/** True when an optional argument was omitted (null) or points at an empty cell. */
export function isOmitted(value: unknown): boolean {
  const v =
    Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1
      ? value[0][0]
      : value;
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

export interface NumberRule {
  min?: number;
  max?: number;
  integer?: boolean;
}

/** An optional number argument with its default and bounds. */
export function optionalNumber(
  place: Place,
  value: unknown,
  fallback: number,
  rule: NumberRule = {}
): number {
  if (isOmitted(value)) return fallback;
  const n = asNumber(classify(single(place, value)));
  if (typeof n === "string") return argError(place, n);
  const { min = -Infinity, max = Infinity, integer = false } = rule;
  if ((integer && !Number.isInteger(n)) || n < min || n > max) {
    const what = integer ? "a whole number" : "a number";
    const range =
      min > -Infinity && max < Infinity
        ? ` from ${min} to ${max}`
        : min > -Infinity
          ? ` of at least ${min}`
          : max < Infinity
            ? ` of at most ${max}`
            : "";
    argError(place, `${n} is not allowed; give ${what}${range}`);
  }
  return n;
}

/** An optional date argument (serial number or text date); undefined when omitted. */
export function optionalDate(place: Place, value: unknown): number | undefined {
  if (isOmitted(value)) return undefined;
  const d = asDate(classify(single(place, value)));
  return typeof d === "string" ? argError(place, d) : d;
}

/** An optional TRUE/FALSE argument (1/0 and the text TRUE/FALSE are accepted too). */
export function optionalBoolean(place: Place, value: unknown, fallback: boolean): boolean {
  if (isOmitted(value)) return fallback;
  const cell = classify(single(place, value));
  if (cell.kind === "boolean") return cell.value;
  if (cell.kind === "number" && (cell.value === 0 || cell.value === 1)) return cell.value === 1;
  if (cell.kind === "text" && /^(true|false)$/i.test(cell.value.trim()))
    return /^true$/i.test(cell.value.trim());
  return argError(place, `${describe(cell)} is not TRUE or FALSE`);
}
