// Optional text options chosen from a fixed list ("weeks", "周", ...) and yes/no flags written as
// cells (TRUE, 1, "yes", "是"): small readers shared by functions that take such arguments.

import { argError, Place } from "./errors";
import { isOmitted } from "./scalars";
import { classify, describe } from "../cells/values";

/**
 * An optional option written as text, matched ignoring case and spaces against `choices` (each key a
 * spelling, e.g. "weeks", "week", "周"). Returns the fallback when omitted; an unknown spelling is an
 * error listing `shown`.
 */
export function optionalChoice<T>(
  place: Place,
  value: unknown,
  fallback: T,
  choices: Readonly<Record<string, T>>,
  shown: readonly string[]
): T {
  if (isOmitted(value)) return fallback;
  let raw = value;
  if (Array.isArray(raw)) {
    const rows = raw as unknown[][];
    if (rows.length !== 1 || !Array.isArray(rows[0]) || rows[0].length !== 1)
      argError(place, "must be a single value, not a range");
    raw = rows[0][0];
  }
  const cell = classify(raw);
  if (cell.kind === "text") {
    const key = cell.value.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
    if (Object.prototype.hasOwnProperty.call(choices, key)) return choices[key];
  }
  return argError(place, `${describe(cell)} is not one of ${shown.join(", ")}`);
}

/**
 * A yes/no cell as read by readTable's "label" kind: TRUE/FALSE, 1/0, yes/no, y/n, 是/否.
 * Undefined when the value is none of these.
 */
export function flagOf(value: string | number | boolean): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value === 1 ? true : value === 0 ? false : undefined;
  const key = value.normalize("NFKC").trim().toLowerCase();
  if (["true", "1", "yes", "y", "是", "真"].includes(key)) return true;
  if (["false", "0", "no", "n", "否", "假"].includes(key)) return false;
  return undefined;
}
