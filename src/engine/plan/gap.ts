// The gap to target and the run rate needed: what is left of the target after the actuals to date
// (and the forecast for the rest), spread evenly over the periods left.

export interface GapResult {
  target: number;
  actual: number;
  /** actual ÷ target. */
  attainment: number;
  /** target − actual (negative when the target is exceeded). */
  gap: number;
  forecast?: {
    rest: number;
    /** actual + forecast. */
    expected: number;
    /** expected ÷ target. */
    expectedAttainment: number;
    /** target − expected (negative: expected to beat the target). */
    expectedGap: number;
  };
  runRate?: {
    periodsLeft: number;
    /** max(0, gap) ÷ periods left. */
    needed: number;
    /** forecast ÷ periods left, when a forecast is given. */
    forecast?: number;
    /** max(0, expected gap) ÷ periods left, when a forecast is given: the extra per period. */
    extra?: number;
  };
}

/** Gap figures. The target must be > 0 and periods left > 0; the caller checks and explains. */
export function gapToTarget(
  target: number,
  actual: number,
  forecastRest?: number,
  periodsLeft?: number
): GapResult {
  if (!(target > 0)) throw new RangeError("gapToTarget: target must be > 0");
  if (periodsLeft !== undefined && !(periodsLeft > 0))
    throw new RangeError("gapToTarget: periods left must be > 0");
  const gap = target - actual;
  const out: GapResult = { target, actual, attainment: actual / target, gap };
  let expectedGap: number | undefined;
  if (forecastRest !== undefined) {
    const expected = actual + forecastRest;
    expectedGap = target - expected;
    out.forecast = {
      rest: forecastRest,
      expected,
      expectedAttainment: expected / target,
      expectedGap,
    };
  }
  if (periodsLeft !== undefined) {
    out.runRate = { periodsLeft, needed: Math.max(0, gap) / periodsLeft };
    if (forecastRest !== undefined && expectedGap !== undefined) {
      out.runRate.forecast = forecastRest / periodsLeft;
      out.runRate.extra = Math.max(0, expectedGap) / periodsLeft;
    }
  }
  return out;
}
