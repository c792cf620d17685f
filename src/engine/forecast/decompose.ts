// Classical seasonal decomposition by moving averages (Macaulay's ratio-to-moving-average method, as
// in Makridakis, Wheelwright & Hyndman, "Forecasting: Methods and Applications", 3rd ed., ch. 3, and
// R's decompose()): a centred moving average of length `period` estimates the trend-cycle; the seasonal
// index of each position in the cycle is the mean of the detrended values there, normalised to average
// 0 (additive) or 1 (multiplicative). Also the seasonality test used by the Theta method of the M3
// competition (Assimakopoulos & Nikolopoulos, 2000; Hyndman's forecast::thetaf): the autocorrelation
// at the seasonal lag compared with its 90% limit.

import { autocorrelations } from "./stats";

export type SeasonalType = "multiplicative" | "additive";

export interface Decomposition {
  /** Centred moving average; NaN where it is not defined (the first and last period/2 points). */
  trend: number[];
  /** Seasonal index of each position in the cycle: index p belongs to observations p, p+period, ... */
  indices: number[];
  /** Seasonal component of each observation. */
  seasonal: number[];
  /** Observations with the season removed (y − s or y / s). */
  adjusted: number[];
}

/** Centred moving average of length `period` (2×period for even periods); NaN at the ends. */
export function centredMovingAverage(y: readonly number[], period: number): number[] {
  const n = y.length;
  const out = new Array<number>(n).fill(NaN);
  const half = Math.floor(period / 2);
  for (let t = half; t < n - half; t++) {
    let s = 0;
    if (period % 2 === 1) {
      for (let j = -half; j <= half; j++) s += y[t + j];
      out[t] = s / period;
    } else {
      for (let j = -half + 1; j <= half - 1; j++) s += y[t + j];
      s += 0.5 * (y[t - half] + y[t + half]);
      out[t] = s / period;
    }
  }
  return out;
}

/**
 * Classical decomposition. Needs at least two full cycles (n ≥ 2·period) and, for the multiplicative
 * type, positive values; throws a RangeError otherwise.
 */
export function decompose(y: readonly number[], period: number, type: SeasonalType): Decomposition {
  const n = y.length;
  if (!Number.isInteger(period) || period < 2)
    throw new RangeError("period must be a whole number ≥ 2");
  if (n < 2 * period) throw new RangeError(`needs at least two full cycles (${2 * period} values)`);
  const mult = type === "multiplicative";
  if (mult && y.some((v) => !(v > 0)))
    throw new RangeError("multiplicative decomposition needs positive values");
  const trend = centredMovingAverage(y, period);
  const sums = new Array<number>(period).fill(0);
  const counts = new Array<number>(period).fill(0);
  for (let t = 0; t < n; t++) {
    if (Number.isNaN(trend[t])) continue;
    const d = mult ? y[t] / trend[t] : y[t] - trend[t];
    sums[t % period] += d;
    counts[t % period] += 1;
  }
  const raw = sums.map((s, p) => s / counts[p]);
  const avg = raw.reduce((a, b) => a + b, 0) / period;
  const indices = raw.map((v) => (mult ? v / avg : v - avg));
  const seasonal = y.map((_, t) => indices[t % period]);
  const adjusted = y.map((v, t) => (mult ? v / seasonal[t] : v - seasonal[t]));
  return { trend, indices, seasonal, adjusted };
}

/**
 * Whether a series is seasonal with the given period: the autocorrelation at lag `period` exceeds
 * 1.645 standard errors (Bartlett's formula using the lower lags), the test of the M3 Theta method.
 * Series of at most two cycles are not tested (false).
 */
export function isSeasonal(y: readonly number[], period: number): boolean {
  const n = y.length;
  if (period < 2 || n <= 2 * period) return false;
  const r = autocorrelations(y, period);
  let s = 0;
  for (let k = 0; k < period - 1; k++) s += r[k] * r[k];
  const se = Math.sqrt((1 + 2 * s) / n);
  return Math.abs(r[period - 1]) / se > 1.6448536269514722;
}
