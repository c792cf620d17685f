/* global CustomFunctions */
import { autoForecast } from "../engine/forecast/auto";
import {
  intervalRows,
  readConfidence,
  readHistory,
  readHorizon,
  readPeriod,
  fitted,
  etsLength,
} from "./forecastSmooth";
import { argAddresses, guard, reused } from "./shared";

const FN = "KAM.FORECAST_AUTO";

/** Parameter names of each function, in signature order (checked against functions.json). */
export const PARAMS = {
  FORECAST_AUTO: ["values", "horizon", "seasonality", "confidence"],
} as const;

/**
 * The recommended sales forecast: the average of exponential smoothing (every ETS model weighted by its AICc), damped-trend exponential smoothing and the Theta method. Blank cells inside the history are interpolated.
 * @customfunction FORECAST_AUTO
 * @param values History in time order, oldest first (one column or row); a value over a million times the typical size (median) of the others is an error (a typo, another unit?). At most 5,000 values: a longer history is an error (give the last 5,000, or totals per longer period).
 * @param horizon Number of periods to forecast (1 to 1000).
 * @param [seasonality] Seasonal period: 12 for months, 4 for quarters, 1 for none; default detected from the data; a period given needs more values than one cycle, else an error.
 * @param [confidence] Prediction-interval level, e.g. 0.95; adds lower and upper columns (the average of the three methods' bounds).
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns horizon rows: the forecast, or forecast, lower, upper with confidence.
 * @requiresParameterAddresses
 */
export function forecastAutoAsync(
  values: unknown[][],
  horizon: unknown,
  seasonality?: unknown,
  confidence?: unknown,
  invocation?: CustomFunctions.Invocation
): Promise<unknown[][]> {
  return reused(FN, [values, horizon, seasonality, confidence], invocation, () =>
    forecastAuto(values, horizon, seasonality, confidence, invocation)
  );
}

/** Computed at once (tests, benchmarks). Excel calls forecastAutoAsync, which queues the call
 *  (the task pane stays responsive) and reuses results (shared.ts, reused). */
export function forecastAuto(
  values: unknown[][],
  horizon: unknown,
  seasonality?: unknown,
  confidence?: unknown,
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN, ["values"], () => {
    const at = argAddresses(invocation, PARAMS.FORECAST_AUTO);
    const h = readHorizon(FN, horizon, at("horizon"));
    const level = readConfidence(FN, confidence, at("confidence"));
    const history = readHistory(FN, values, at("values"), 3);
    etsLength(FN, at("values"), history.values);
    const period = readPeriod(FN, seasonality, history, null, undefined, 24, at("seasonality"));
    return intervalRows(
      fitted(FN, at("values"), () => autoForecast(history.values, h, period, level))
    );
  });
}
