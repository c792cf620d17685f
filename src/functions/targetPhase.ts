/* global CustomFunctions */
import { phaseTarget } from "../engine/plan/phase";
import { argError, cellError, isOmitted, optionalBoolean, optionalNumber } from "../grid";
import { Place } from "../grid/errors";
import { readSeries } from "../grid/series";
import { PLAN_LABELS } from "../i18n/results.plan";
import { argAddresses, guard, language } from "./shared";

const FN = "KAM.TARGET_PHASE";

/** Parameter names of each function, in signature order (checked against functions.json). */
export const PARAMS = {
  TARGET_PHASE: ["annual_target", "history", "periods", "unit", "headers"],
} as const;

/**
 * Phases an annual target into months (or quarters) by the seasonal pattern of past sales: the average share of each period within its year, rounded to a unit if given, adding up exactly to the target.
 * @customfunction TARGET_PHASE
 * @param annual_target The annual target; 0 or more.
 * @param history Past sales in time order, whole years of periods values each (e.g. 36 months); or one year of seasonal indices or weights. A 0 is a period without sales; zeros after the last sale are the empty cells of a larger range, unless they complete a year.
 * @param [periods] Periods per year: 12 (default) for months, 4 for quarters (2 to 53).
 * @param [unit] Round each period's target to a whole number of this unit (e.g. 100); the target must be a multiple of it. Default: no rounding.
 * @param [headers] TRUE (default) puts a header row on top.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns Spills Period (1 to periods), Share, Target: one row per period.
 * @requiresParameterAddresses
 */
export function targetPhase(
  annual_target: unknown,
  history: unknown[][],
  periods?: unknown,
  unit?: unknown,
  headers?: unknown,
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN, ["annual_target", "history"], () => {
    const at = argAddresses(invocation, PARAMS.TARGET_PHASE);
    const targetPlace = { fn: FN, arg: "annual_target", address: at("annual_target") };
    if (isOmitted(annual_target)) argError(targetPlace, "is blank; give the annual target");
    const target = optionalNumber(targetPlace, annual_target, 0);
    const count = optionalNumber({ fn: FN, arg: "periods", address: at("periods") }, periods, 12, {
      min: 2,
      max: 53,
      integer: true,
    });
    const step = isOmitted(unit)
      ? undefined
      : optionalNumber({ fn: FN, arg: "unit", address: at("unit") }, unit, 1);
    if (step !== undefined && !(step > 0))
      argError(
        { fn: FN, arg: "unit", address: at("unit") },
        `${step} is not allowed; give a unit greater than 0, or leave it out`
      );
    const withHeaders = optionalBoolean(
      { fn: FN, arg: "headers", address: at("headers") },
      headers,
      true
    );
    const place = { fn: FN, arg: "history", address: at("history") };
    const series = readCompleteSeries(place, history, (n) => n > 0 && n % count === 0);
    const phased = phaseTarget(target, series.values, count, step);
    if (!phased.ok) {
      if (phased.arg === "history" && phased.index !== undefined) {
        const pos = series.positions[phased.index];
        const v = series.vertical;
        cellError(place, v ? pos : 0, v ? 0 : pos, v, phased.reason);
      }
      argError(phased.arg === "history" ? place : targetPlace, phased.reason);
    }
    const rows = phased.targets.map((t, k) => [k + 1, phased.shares[k], t]);
    return withHeaders ? [[...PLAN_LABELS[language()].phaseHeaders], ...rows] : rows;
  });
}

/**
 * A series with a value for every period: blank cells at the end are ignored (a range larger than the
 * data), a blank cell inside is an error (write 0 for a period without a value). Zeros at the end are
 * the padding Excel desktop passes for the empty cells of an oversized range and are ignored too —
 * unless the count does not `fit` without them (whole years; one value or one per period): then they
 * are taken back as values, in order, until it does. Shared with KAM.BUDGET.
 */
export function readCompleteSeries(
  place: Place,
  value: unknown,
  fits?: (count: number) => boolean
): { values: number[]; positions: number[]; vertical: boolean } {
  const s = readSeries(place, value);
  let end = s.padding;
  if (fits && !fits(end)) {
    let k = 0;
    while (k < s.paddedZeros.length && s.paddedZeros[k] && !fits(end + k + 1)) k++;
    if (k < s.paddedZeros.length && s.paddedZeros[k]) end += k + 1;
  }
  const values: number[] = [];
  for (let i = 0; i < end; i++) {
    const v = i >= s.padding ? 0 : s.values[i];
    if (v === null) {
      const pos = s.positions[i];
      return cellError(
        place,
        s.vertical ? pos : 0,
        s.vertical ? 0 : pos,
        s.vertical,
        "the cell is blank; every period needs a value (0 for none)"
      );
    }
    values.push(v);
  }
  return { values, positions: s.positions.slice(0, end), vertical: s.vertical };
}
