// The Theta method (Assimakopoulos & Nikolopoulos, "The theta model: a decomposition approach to
// forecasting", IJF 16, 2000), in the form shown by Hyndman & Billah (IJF 19, 2003) to be simple
// exponential smoothing with drift equal to half the slope of the linear trend; seasonal series
// (autocorrelation test at the seasonal lag, 90%) are adjusted by classical multiplicative
// decomposition first and the forecasts reseasonalised, as in the M3 entry and R's forecast::thetaf.

import { decompose, isSeasonal, SeasonalType } from "./decompose";
import { fitEtsModel } from "./ets";
import { ForecastResult } from "./result";
import { linearTrend, intervalZ } from "./stats";

/** A Theta forecast (R's thetaf): method "Theta"; fitted values are those of the simple exponential
 *  smoothing, reseasonalised. */
export interface ThetaResult extends ForecastResult {
  kind: "theta";
  /** Whether the series was treated as seasonal. */
  seasonal: boolean;
  /** Smoothing parameter of the simple exponential smoothing. */
  alpha: number;
  /** Drift per period: half the slope of the least-squares line through the (adjusted) data. */
  drift: number;
}

/**
 * Theta forecasts for h steps. `period` > 1 enables the seasonality test; seasonal adjustment is
 * multiplicative for positive data, additive otherwise. Needs at least 3 values (RangeError).
 */
export function thetaForecast(
  values: readonly number[],
  h: number,
  period: number,
  level?: number
): ThetaResult {
  const n = values.length;
  if (n < 3) throw new RangeError("needs at least 3 values");
  let x = values.slice();
  let indices: number[] | undefined;
  const type: SeasonalType = values.every((v) => v > 0) ? "multiplicative" : "additive";
  const seasonal = period > 1 && isSeasonal(values, period);
  if (seasonal) {
    const d = decompose(values, period, type);
    indices = d.indices;
    x = d.adjusted;
  }
  const fit = fitEtsModel(x, 1, { error: "A", trend: "N", season: "N" });
  const line = linearTrend(x);
  const drift = line.slope / 2;
  const level0 = fit ? fit.final.level : x[n - 1];
  const alpha = fit ? Math.max(1e-10, fit.alpha) : 1;
  const sigma = fit ? Math.sqrt(fit.sigma2) : 0;
  const shift = (1 - Math.pow(1 - alpha, n)) / alpha;
  const z = level === undefined ? 0 : intervalZ(level);
  const mean: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  const reseason = (v: number, t: number) =>
    !indices ? v : type === "multiplicative" ? v * indices[t % period] : v + indices[t % period];
  for (let j = 0; j < h; j++) {
    const f = level0 + drift * (j + shift);
    const half = z * sigma * Math.sqrt(1 + j * alpha * alpha);
    mean.push(reseason(f, n + j));
    lower.push(reseason(f - half, n + j));
    upper.push(reseason(f + half, n + j));
  }
  const fitted = fit ? fit.fitted.map(reseason) : values.map(() => NaN);
  const out: ThetaResult = { kind: "theta", method: "Theta", mean, fitted, seasonal, alpha, drift };
  if (level !== undefined) {
    out.lower = lower;
    out.upper = upper;
    out.level = level;
  }
  return out;
}
