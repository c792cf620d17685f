/* global CustomFunctions */
import { Normalisation, valueScores } from "../engine/accounts/valueScore";
import { argError, cellError, isOmitted, optionalBoolean, readTable, toVector } from "../grid";
import { alignedRows } from "../grid/aligned";
import { optionalChoice } from "../grid/choice";
import { readNumberList, readNumberMatrix } from "../grid/matrix";
import { ACCOUNT_LABELS } from "../i18n/results.accounts";
import { argAddresses, guard, language } from "./shared";
import { classify, describe } from "../cells/values";

const FN = "KAM.VALUE_SCORE";

/** Parameter names of each function, in signature order (checked against functions.json). */
export const PARAMS = {
  VALUE_SCORE: ["criteria", "weights", "directions", "method", "headers"],
} as const;

/** Spellings of a criterion's direction. */
const DIRECTIONS: Readonly<Record<string, boolean>> = {
  "1": true,
  "+": true,
  max: true,
  higher: true,
  high: true,
  高: true,
  "-1": false,
  "-": false,
  min: false,
  lower: false,
  low: false,
  低: false,
};

/**
 * Multi-criteria account value: each criterion (current value such as revenue and margin, potential such as growth and influence) is normalised (min-max or z-score) in its direction, and the score is the weighted mean; rank 1 is the most valuable account.
 * @customfunction VALUE_SCORE
 * @param criteria One row per account, one column per criterion (an optional header row is skipped).
 * @param weights One weight per criterion (a row or column); they need not add up to 1. A weight of 0 leaves its criterion out.
 * @param [directions] Per criterion 1 (more is better, default) or -1 (less is better); also max/min, +/-, 高/低.
 * @param [method] "minmax" (default: 0 worst to 1 best) or "z" (z-scores).
 * @param [headers] TRUE (default) puts a header row on top (or in place of the input's header row).
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns Spills one row per input row: score, rank. Blank rows stay blank; a row of zeros is an account, except at the end of the range, where it is the range's empty cells.
 * @requiresParameterAddresses
 */
export function valueScore(
  criteria: unknown[][],
  weights: unknown[][],
  directions?: unknown[][],
  method?: unknown,
  headers?: unknown,
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN, ["criteria", "weights"], () => {
    const at = argAddresses(invocation, PARAMS.VALUE_SCORE);
    const how = optionalChoice<Normalisation>(
      { fn: FN, arg: "method", address: at("method") },
      method,
      "minmax",
      { minmax: "minmax", "min-max": "minmax", z: "z", zscore: "z", "z-score": "z" },
      ['"minmax"', '"z"']
    );
    const withHeaders = optionalBoolean(
      { fn: FN, arg: "headers", address: at("headers") },
      headers,
      true
    );
    const m = readNumberMatrix(FN, "criteria", criteria, at("criteria"));
    const k = m.columns.length;
    if (m.columns[0].length === 0)
      argError(
        { fn: FN, arg: "criteria", address: at("criteria") },
        "no accounts: the range is blank"
      );
    const wPlace = { fn: FN, arg: "weights", address: at("weights") };
    const w = readNumberList(wPlace, weights, k).values;
    if (w.length !== k) argError(wPlace, `has ${w.length} weights but criteria has ${k} columns`);
    if (w.some((x) => x < 0)) argError(wPlace, "weights cannot be negative");
    if (!(w.reduce((s, x) => s + x, 0) > 0)) argError(wPlace, "the weights add up to 0");
    let higher = new Array<boolean>(k).fill(true);
    if (!isOmitted(directions)) {
      const dPlace = { fn: FN, arg: "directions", address: at("directions") };
      const d = readTable(FN, [
        { arg: "directions", kind: "label", value: directions, address: dPlace.address },
      ] as const);
      if (d.columns[0].length !== k)
        argError(dPlace, `has ${d.columns[0].length} entries but criteria has ${k} columns`);
      const vertical = toVector(dPlace, directions).vertical;
      higher = d.columns[0].map((raw, i) => {
        const key = String(raw).trim().toLowerCase();
        if (Object.prototype.hasOwnProperty.call(DIRECTIONS, key)) return DIRECTIONS[key];
        const pos = d.positions[i];
        return cellError(
          dPlace,
          vertical ? pos : 0,
          vertical ? 0 : pos,
          vertical,
          `${describe(classify(raw))} is not 1 (more is better) or -1 (less is better)`
        );
      });
    }
    const rows = valueScores(m.columns, w, higher, how).map((r) => [r.score, r.rank]);
    return alignedRows(
      m.table,
      rows,
      withHeaders ? ACCOUNT_LABELS[language()].valueHeaders : undefined,
      2
    );
  });
}
