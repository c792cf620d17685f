/* global CustomFunctions */
import { sum } from "../engine/numeric";
import { gapToTarget } from "../engine/plan/gap";
import { argError, isOmitted, optionalNumber, readTable } from "../grid";
import { PLAN_LABELS } from "../i18n/results.plan";
import { argAddresses, guard, language } from "./shared";

const FN = "KAM.GAP";

/** Parameter names of each function, in signature order (checked against functions.json). */
export const PARAMS = {
  GAP: ["target", "actual_to_date", "forecast_rest", "periods_left"],
} as const;

/**
 * The gap to target: attainment so far, what is left to sell, and the run rate needed per remaining period (with a forecast for the rest, the expected total and the extra needed).
 * @customfunction GAP
 * @param target Target for the whole period (e.g. the year): an amount, or a range that is added up (e.g. the monthly targets); must be greater than 0.
 * @param actual_to_date Sales so far: an amount, or a range of amounts that is added up.
 * @param [forecast_rest] Forecast for the rest of the period: an amount or a range that is added up.
 * @param [periods_left] Periods left (e.g. months), greater than 0; gives the run rate needed per period.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns A labelled two-column table: Target, Actual to date, Attainment, Gap to target; with a forecast Forecast for the rest, Expected total, Expected attainment, Expected gap; with periods left Periods left, Run rate needed per period (and with a forecast Forecast per period, Extra needed per period).
 * @requiresParameterAddresses
 */
export function gap(
  target: unknown[][],
  actual_to_date: unknown[][],
  forecast_rest?: unknown[][],
  periods_left?: unknown,
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN, ["target", "actual_to_date", "forecast_rest"], () => {
    const at = argAddresses(invocation, PARAMS.GAP);
    const place = { fn: FN, arg: "target", address: at("target") };
    if (isOmitted(target)) argError(place, "is blank; give the target");
    const goal = total("target", target, at("target"));
    if (!(goal > 0))
      argError(
        place,
        `${goal} is not allowed; attainment is actual ÷ target, so the target must be greater than 0`
      );
    const actual = total("actual_to_date", actual_to_date, at("actual_to_date"));
    const rest = isOmitted(forecast_rest)
      ? undefined
      : total("forecast_rest", forecast_rest, at("forecast_rest"));
    const left = isOmitted(periods_left)
      ? undefined
      : optionalNumber(
          { fn: FN, arg: "periods_left", address: at("periods_left") },
          periods_left,
          1
        );
    if (left !== undefined && !(left > 0))
      argError(
        { fn: FN, arg: "periods_left", address: at("periods_left") },
        `${left} is not allowed; with no period left there is no run rate (give a number greater than 0)`
      );

    const g = gapToTarget(goal, actual, rest, left);
    const l = PLAN_LABELS[language()].gap;
    const rows: (string | number)[][] = [
      [l.target, g.target],
      [l.actual, g.actual],
      [l.attainment, g.attainment],
      [l.gap, g.gap],
    ];
    if (g.forecast) {
      rows.push(
        [l.forecast, g.forecast.rest],
        [l.expected, g.forecast.expected],
        [l.expectedAttainment, g.forecast.expectedAttainment],
        [l.expectedGap, g.forecast.expectedGap]
      );
    }
    if (g.runRate) {
      rows.push([l.periodsLeft, g.runRate.periodsLeft], [l.runRate, g.runRate.needed]);
      if (g.runRate.forecast !== undefined && g.runRate.extra !== undefined)
        rows.push([l.forecastRate, g.runRate.forecast], [l.extraRate, g.runRate.extra]);
    }
    return rows;
  });
}

/** An amount, or a range of amounts added up (header and blank rows skipped). */
function total(arg: string, value: unknown, address: string | undefined): number {
  const data = readTable(FN, [{ arg, kind: "number", value, address }] as const);
  return sum(data.columns[0]);
}
