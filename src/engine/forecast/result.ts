// The one result of every forecasting method, shaped like R's forecast objects (Hyndman &
// Khandakar, "Automatic time series forecasting: the forecast package for R", JSS 27(3), 2008): the
// point forecasts, the prediction interval with its level, the in-sample one-step fitted values and a
// description of the method. Each method adds its own details under a `kind` that tells them apart.

export interface ForecastResult {
  /** Which method made it; its details are those of the matching result type below. */
  kind: "ets" | "theta" | "ma" | "combination" | "regression";
  /** The method, as R's forecast object's `method`: "ETS(A,Ad,N)", "Theta", "MA(3)", ... */
  method: string;
  /** Point forecasts, one per period of the horizon. */
  mean: number[];
  /** Prediction interval bounds, with the interval's level; absent when none was asked for or the
   *  method has none (moving averages). */
  lower?: number[];
  upper?: number[];
  /** Level of the interval, e.g. 0.95. */
  level?: number;
  /** One-step in-sample fitted values, one per observation; NaN where the method has none (the first
   *  `window` periods of a moving average). */
  fitted: number[];
}
