// Forecast accuracy measures as defined in Hyndman & Koehler, "Another look at measures of forecast
// accuracy" (IJF 22, 2006): MAE, RMSE, MAPE, sMAPE (the M3 form 200·|a−f|/(|a|+|f|)), MASE (scaled by
// the in-sample mean absolute seasonal-naive error) and bias (mean of forecast − actual).

export interface Accuracy {
  n: number;
  mae: number;
  rmse: number;
  /** Mean absolute percentage error, percent; undefined when an actual is 0. */
  mape?: number;
  /** Symmetric MAPE, percent (0..200); pairs with a = f = 0 count 0. */
  smape: number;
  /** Undefined without a history of at least lag + 1 values or when its seasonal-naive error is 0. */
  mase?: number;
  /** Mean of forecast − actual: positive when forecasts run high. */
  bias: number;
}

/** sMAPE of forecasts f against actuals a, percent. */
export function smape(a: readonly number[], f: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]) + Math.abs(f[i]);
    s += d > 0 ? (200 * Math.abs(a[i] - f[i])) / d : 0;
  }
  return s / a.length;
}

/** Mean absolute seasonal-naive error of the history (lag = period when the history is long enough, else 1). */
export function naiveScale(history: readonly number[], period: number): number | undefined {
  const lag = period > 1 && history.length > period ? period : 1;
  if (history.length <= lag) return undefined;
  let s = 0;
  for (let t = lag; t < history.length; t++) s += Math.abs(history[t] - history[t - lag]);
  const scale = s / (history.length - lag);
  return scale > 0 ? scale : undefined;
}

/** MASE of forecasts against actuals, scaled by the history's seasonal-naive error; NaN when undefined. */
export function mase(
  a: readonly number[],
  f: readonly number[],
  history: readonly number[],
  period: number
): number {
  const scale = naiveScale(history, period);
  if (scale === undefined) return NaN;
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i] - f[i]);
  return s / a.length / scale;
}

/** All measures; actuals and forecasts have the same, non-zero length. */
export function accuracy(
  actuals: readonly number[],
  forecasts: readonly number[],
  history?: readonly number[],
  period = 1
): Accuracy {
  const n = actuals.length;
  if (n === 0 || forecasts.length !== n)
    throw new RangeError("actuals and forecasts must be the same, non-zero length");
  let abs = 0;
  let sq = 0;
  let pct = 0;
  let bias = 0;
  let zero = false;
  for (let i = 0; i < n; i++) {
    const e = forecasts[i] - actuals[i];
    abs += Math.abs(e);
    sq += e * e;
    bias += e;
    if (actuals[i] === 0) zero = true;
    else pct += Math.abs(e / actuals[i]);
  }
  const out: Accuracy = {
    n,
    mae: abs / n,
    rmse: Math.sqrt(sq / n),
    smape: smape(actuals, forecasts),
    bias: bias / n,
  };
  if (!zero) out.mape = (100 * pct) / n;
  if (history) {
    const scale = naiveScale(history, period);
    if (scale !== undefined) out.mase = abs / n / scale;
  }
  return out;
}
