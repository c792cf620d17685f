// Phasing an annual target into months or quarters by the seasonal pattern of past sales: the average
// share of each period within its year (the "average percentage" method of seasonal indices), then the
// largest-remainder split of ./split so that the periods add up to the target.

import { apportion } from "./split";

export type SeasonalShares =
  { ok: true; shares: number[]; years: number } | { ok: false; reason: string; index?: number };

/**
 * Average share of each period within its year. `history` holds whole years of `periods` values each,
 * in time order, all ≥ 0 (one year of values, or seasonal indices, gives its own shares). A year whose
 * values add up to 0 has no shares and is an error.
 */
export function seasonalShares(history: readonly number[], periods: number): SeasonalShares {
  if (!Number.isInteger(periods) || periods < 2)
    throw new RangeError("seasonalShares: periods must be a whole number ≥ 2");
  const n = history.length;
  if (n === 0 || n % periods !== 0) {
    return {
      ok: false,
      reason: `has ${n} values; give whole years of ${periods} values each (${periods}, ${2 * periods}, ${3 * periods}, ...) in time order`,
    };
  }
  for (let i = 0; i < n; i++) {
    if (!(history[i] >= 0))
      return {
        ok: false,
        index: i,
        reason: `${history[i]} is negative; sales and indices must be 0 or more`,
      };
  }
  const years = n / periods;
  const shares = new Array<number>(periods).fill(0);
  for (let y = 0; y < years; y++) {
    let total = 0;
    for (let p = 0; p < periods; p++) total += history[y * periods + p];
    if (!(total > 0)) {
      return {
        ok: false,
        index: y * periods,
        reason: `year ${y + 1} (values ${y * periods + 1} to ${(y + 1) * periods}) adds up to 0, so it has no seasonal pattern`,
      };
    }
    for (let p = 0; p < periods; p++) shares[p] += history[y * periods + p] / total / years;
  }
  return { ok: true, shares, years };
}

export type Phasing =
  | { ok: true; shares: number[]; targets: number[]; years: number }
  | { ok: false; reason: string; index?: number; arg: "history" | "annual_target" };

/** The annual target phased by the seasonal shares of `history`, rounded to `unit` when given. */
export function phaseTarget(
  annualTarget: number,
  history: readonly number[],
  periods: number,
  unit?: number
): Phasing {
  const s = seasonalShares(history, periods);
  if (!s.ok) return { ...s, arg: "history" };
  const split = apportion(annualTarget, s.shares, unit);
  if (!split.ok) return { ok: false, reason: split.reason, arg: "annual_target" };
  return { ok: true, shares: s.shares, targets: split.parts, years: s.years };
}
