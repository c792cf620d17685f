/* global CustomFunctions */
import { CombineProblem, combineForecasts } from "../engine/forecast/combine";
import { argError, cellError, isOmitted } from "../grid";
import { alignedRows } from "../grid/aligned";
import { readNumberList, readNumberMatrix } from "../grid/matrix";
import { readSeries } from "../grid/series";
import { FORECAST_LABELS } from "../i18n/results.forecast";
import { argAddresses, guard, language } from "./shared";

const FN = "KAM.FORECAST_COMBINE";

/** Parameter names of each function, in signature order (checked against functions.json). */
export const PARAMS = {
  FORECAST_COMBINE: ["forecasts", "weights", "actuals"],
} as const;

/**
 * Combines the forecasts of several methods into one: a weighted average with your weights, equal weights (default), or weights proportional to 1/MSE of each method over the periods whose actuals you give.
 * @customfunction FORECAST_COMBINE
 * @param forecasts The forecasts, one column per method and one row per period; an optional header row.
 * @param [weights] One weight per method (a row or column), any positive scale; normalised to add up to 1. Negative weights are an error.
 * @param [actuals] Actual values of the same periods (same rows as forecasts; blank where unknown): each method is weighted by 1/MSE over the periods with an actual. Zeros after the last actual are taken as unknown (Excel desktop passes empty cells as 0). Give weights or actuals, not both.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns One combined forecast per row of forecasts (a header row gets the label; blank rows stay blank; a row of zeros is combined to 0, except at the end of the range, where it is the range's empty cells).
 * @requiresParameterAddresses
 */
export function forecastCombine(
  forecasts: unknown[][],
  weights?: unknown[][],
  actuals?: unknown[][],
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN, ["forecasts", "weights", "actuals"], () => {
    const at = argAddresses(invocation, PARAMS.FORECAST_COMBINE);
    const fAddress = at("forecasts");
    const f = readNumberMatrix(FN, "forecasts", forecasts, fAddress);
    const k = f.columns.length;
    if (f.columns[0].length === 0)
      argError(
        { fn: FN, arg: "forecasts", address: at("forecasts") },
        "no values: the range is blank"
      );
    const hasWeights = !isOmitted(weights) && weights !== undefined;
    const hasActuals = !isOmitted(actuals) && actuals !== undefined;
    if (hasWeights && hasActuals)
      argError(
        { fn: FN, arg: "actuals", address: at("actuals") },
        "give weights or actuals, not both"
      );
    let w: number[] | undefined;
    if (hasWeights) {
      const place = {
        fn: FN,
        arg: "weights",
        address: at("weights"),
      };
      const list = readNumberList(place, weights, k);
      list.values.forEach((v, i) => {
        const pos = list.positions[i];
        if (v < 0)
          cellError(
            place,
            list.vertical ? pos : 0,
            list.vertical ? 0 : pos,
            list.vertical,
            `${v} is negative; weights must be ≥ 0`
          );
      });
      if (list.values.length !== k)
        argError(
          place,
          `needs ${k} weights, one per method (column of forecasts); got ${list.values.length}`
        );
      w = list.values;
    }
    let a: (number | null)[] | undefined;
    if (hasActuals) {
      const place = {
        fn: FN,
        arg: "actuals",
        address: at("actuals"),
      };
      const series = readSeries(place, actuals);
      if (series.length !== f.table.length)
        argError(
          place,
          `has ${series.length} cells but forecasts has ${f.table.length} rows; the ranges must be the same size`
        );
      const byPosition = new Map<number, number | null>();
      series.positions.forEach((pos, i) => byPosition.set(pos, series.values[i]));
      a = f.table.positions.map((pos) => byPosition.get(pos) ?? null);
      if (a.every((v) => v === null))
        argError(place, "no actual values next to the forecasts: give at least one");
    }
    let result;
    try {
      result = combineForecasts(f.columns, w, a);
    } catch (e) {
      if (e instanceof CombineProblem) argError({ fn: FN, arg: e.about }, e.message);
      throw e;
    }
    return alignedRows(
      f.table,
      result.combined.map((v) => [v]),
      f.table.header ? [FORECAST_LABELS[language()].interval[0]] : undefined,
      1
    );
  });
}
