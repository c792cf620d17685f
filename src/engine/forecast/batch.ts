// The one dispatcher from a method name to a forecast: the report, the batch command, the
// rolling-origin backtest (KAM.BACKTEST) and the M3 benchmark all forecast through forecastSeries.

import { autoForecast, CombinedForecast } from "./auto";
import { autoEts, EtsForecast, forecastEts } from "./ets";
import { MovingAverageResult, movingAverageResult } from "./movingAverage";
import { thetaForecast, ThetaResult } from "./theta";

export type ForecastMethod = "auto" | "smooth" | "theta" | "ma" | "damped";
export const FORECAST_METHODS: readonly ForecastMethod[] = [
  "auto",
  "smooth",
  "theta",
  "ma",
  "damped",
];

/** The result of any method (a ForecastResult); `kind` tells which, and so which details it has. */
export type SeriesForecast = CombinedForecast | EtsForecast | ThetaResult | MovingAverageResult;

export interface SeriesOptions {
  method: ForecastMethod;
  /** Seasonal period (1 = none). */
  period: number;
  /** Prediction-interval level, e.g. 0.95 (not for "ma"). */
  level?: number;
  /** Window of the moving average; default the period when seasonal, else 3. */
  window?: number;
}

/**
 * Forecasts h periods by a named method: "auto" the combination (autoForecast), "smooth" the
 * automatic ETS model, "damped" the best damped-trend ETS model, "theta" the Theta method, "ma" the
 * moving average over `window` periods (at most the history; no interval).
 */
export function forecastSeries(
  values: readonly number[],
  h: number,
  options: SeriesOptions
): SeriesForecast {
  const { method, period, level } = options;
  switch (method) {
    case "auto":
      return autoForecast(values, h, period, level);
    case "smooth":
      return forecastEts(autoEts(values, { period }), h, level);
    case "damped":
      return forecastEts(
        autoEts(values, { period, pattern: { error: "Z", trend: "Ad", season: "Z" } }),
        h,
        level
      );
    case "theta":
      return thetaForecast(values, h, period, level);
    case "ma": {
      const window = Math.min(values.length, options.window ?? (period > 1 ? period : 3));
      return movingAverageResult(values, window, h);
    }
  }
}
