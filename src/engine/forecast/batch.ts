// One entry point for forecasting a series by a named method, shared by the batch command, the
// rolling-origin backtest and the M3 benchmark.

import { autoForecast } from "./auto";
import { autoEts, forecastEts } from "./ets";
import { movingAverageForecast } from "./movingAverage";
import { thetaForecast } from "./theta";

export type ForecastMethod = "auto" | "smooth" | "theta" | "ma" | "damped";
export const FORECAST_METHODS: readonly ForecastMethod[] = [
  "auto",
  "smooth",
  "theta",
  "ma",
  "damped",
];

export interface SeriesForecast {
  mean: number[];
  lower?: number[];
  upper?: number[];
}

export interface SeriesOptions {
  method: ForecastMethod;
  /** Seasonal period (1 = none). */
  period: number;
  /** Prediction-interval level, e.g. 0.95 (not for "ma"). */
  level?: number;
  /** Window of the moving average; default the period when seasonal, else 3. */
  window?: number;
}

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
      return { mean: movingAverageForecast(values, window, h) };
    }
  }
}
