// Simple and weighted moving-average forecasts (Makridakis, Wheelwright & Hyndman, "Forecasting:
// Methods and Applications", 3rd ed., §4.2): the next value is the (weighted) mean of the last
// `window` values; further horizons are forecast recursively, each forecast joining the window.

import { ForecastResult } from "./result";

/** A moving-average forecast as a forecast result: method "MA(3)", or "Weighted MA(3)". */
export interface MovingAverageResult extends ForecastResult {
  kind: "ma";
  window: number;
}

/** The moving-average forecast (movingAverageForecast) with its fitted values and description. */
export function movingAverageResult(
  values: readonly number[],
  window: number,
  h: number,
  weights?: readonly number[]
): MovingAverageResult {
  const mean = movingAverageForecast(values, window, h, weights);
  return {
    kind: "ma",
    method: `${weights ? "Weighted MA" : "MA"}(${window})`,
    mean,
    fitted: movingAverageFitted(values, window, weights).map((v) => v ?? NaN),
    window,
  };
}

/**
 * Forecasts h steps. `weights` (length window, oldest first, any positive scale) make it a weighted
 * average; they are normalised to sum 1. Throws a RangeError for a window longer than the data.
 */
export function movingAverageForecast(
  values: readonly number[],
  window: number,
  h: number,
  weights?: readonly number[]
): number[] {
  if (!Number.isInteger(window) || window < 1)
    throw new RangeError("window must be a whole number ≥ 1");
  if (window > values.length)
    throw new RangeError(`window ${window} is longer than the ${values.length} values`);
  const w = weights ?? new Array<number>(window).fill(1);
  if (w.length !== window)
    throw new RangeError("weights must have one value per period of the window");
  const total = w.reduce((s, v) => s + v, 0);
  if (!(total > 0) || w.some((v) => v < 0))
    throw new RangeError("weights must be ≥ 0 with a positive sum");
  const buf = values.slice(values.length - window);
  const out: number[] = [];
  for (let j = 0; j < h; j++) {
    let s = 0;
    for (let i = 0; i < window; i++) s += w[i] * buf[i];
    const f = s / total;
    out.push(f);
    buf.shift();
    buf.push(f);
  }
  return out;
}

/** One-step-ahead in-sample moving averages (fitted values), undefined for the first `window` points. */
export function movingAverageFitted(
  values: readonly number[],
  window: number,
  weights?: readonly number[]
): (number | undefined)[] {
  const w = weights ?? new Array<number>(window).fill(1);
  const total = w.reduce((s, v) => s + v, 0);
  return values.map((_, t) => {
    if (t < window) return undefined;
    let s = 0;
    for (let i = 0; i < window; i++) s += w[i] * values[t - window + i];
    return s / total;
  });
}
