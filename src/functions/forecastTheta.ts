/* global CustomFunctions */
import { thetaForecast } from "../engine/forecast/theta";
import { intervalRows, readHistory, readHorizon, readPeriod } from "./forecastSmooth";
import { argAddresses, guard, reused } from "./shared";

const FN = "KAM.FORECAST_THETA";

/** Parameter names of each function, in signature order (checked against functions.json). */
export const PARAMS = {
  FORECAST_THETA: ["values", "horizon", "seasonality"],
} as const;

/**
 * The Theta method (M3 competition winner): simple exponential smoothing plus half the linear trend, with classical seasonal adjustment when the series tests seasonal. Blank cells inside the history are interpolated.
 * @customfunction FORECAST_THETA
 * @param values History in time order, oldest first (one column or row); a value over a million times the typical size (median) of the others is an error (a typo, another unit?).
 * @param horizon Number of periods to forecast (1 to 1000).
 * @param [seasonality] Seasonal period: 12 for months, 4 for quarters, 1 for none; default detected from the data; a period given needs more values than two cycles, else an error.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns horizon rows, one forecast each.
 * @requiresParameterAddresses
 */
export function forecastThetaAsync(
  values: unknown[][],
  horizon: unknown,
  seasonality?: unknown,
  invocation?: CustomFunctions.Invocation
): Promise<unknown[][]> {
  return reused(FN, [values, horizon, seasonality], invocation, () =>
    forecastTheta(values, horizon, seasonality, invocation)
  );
}

/** Computed at once (tests, benchmarks). Excel calls forecastThetaAsync, which queues the call
 *  (the task pane stays responsive) and reuses results (shared.ts, reused). */
export function forecastTheta(
  values: unknown[][],
  horizon: unknown,
  seasonality?: unknown,
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN, ["values"], () => {
    const at = argAddresses(invocation, PARAMS.FORECAST_THETA);
    const h = readHorizon(FN, horizon, at("horizon"));
    const history = readHistory(FN, values, at("values"), 3);
    const period = readPeriod(FN, seasonality, history, null, undefined, 366, at("seasonality"), 2);
    return intervalRows(thetaForecast(history.values, h, period));
  });
}
