/* global CustomFunctions */
import { accuracy } from "../engine/forecast/accuracy";
import { backtest, backtestMaxOrigins, backtestProblem } from "../engine/forecast/backtest";
import { FORECAST_METHODS, ForecastMethod } from "../engine/forecast/batch";
import { argError, isOmitted, optionalBoolean, optionalNumber, readTable } from "../grid";
import { FORECAST_LABELS } from "../i18n/results.forecast";
import { readHistory, readHorizon, readPeriod } from "./forecastSmooth";
import { argAddresses, guard, language, reused } from "./shared";
import { classify, describe } from "../cells/values";

const FN_ACC = "KAM.FORECAST_ACCURACY";
const FN_BT = "KAM.BACKTEST";

/** Parameter names of each function, in signature order (checked against functions.json). */
export const PARAMS = {
  FORECAST_ACCURACY: ["actuals", "forecasts", "history", "seasonality", "headers"],
  BACKTEST: ["values", "horizon", "method", "origins", "seasonality", "headers"],
} as const;

/**
 * Accuracy of forecasts against actuals: MAE, RMSE, MAPE, sMAPE, MASE and bias, as a labelled two-column table. A period whose actual and forecast are both 0 counts as no error in every measure but MAPE, which is blank when an actual is 0 (rows of zeros after the last other row are the empty cells of a larger range); MASE needs the history before the forecast period.
 * @customfunction FORECAST_ACCURACY
 * @param actuals Actual values of the forecast periods.
 * @param forecasts Forecasts of the same periods (same size).
 * @param [history] The history before the forecast periods, oldest first; scales MASE by its seasonal-naive error.
 * @param [seasonality] Seasonal period for MASE's scaling (lag); default 1.
 * @param [headers] TRUE (default) puts the labels in the first column.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns Rows: MAE, RMSE, MAPE (%), sMAPE (%), MASE, bias (mean of forecast − actual).
 * @requiresParameterAddresses
 */
export function forecastAccuracy(
  actuals: unknown[][],
  forecasts: unknown[][],
  history?: unknown[][],
  seasonality?: unknown,
  headers?: unknown,
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN_ACC, ["actuals", "forecasts", "history"], () => {
    const at = argAddresses(invocation, PARAMS.FORECAST_ACCURACY);
    const withLabels = optionalBoolean(
      { fn: FN_ACC, arg: "headers", address: at("headers") },
      headers,
      true
    );
    const period = optionalNumber(
      { fn: FN_ACC, arg: "seasonality", address: at("seasonality") },
      seasonality,
      1,
      {
        min: 1,
        max: 366,
        integer: true,
      }
    );
    const t = readTable(FN_ACC, [
      {
        arg: "actuals",
        kind: "number",
        value: actuals,
        address: at("actuals"),
      },
      {
        arg: "forecasts",
        kind: "number",
        value: forecasts,
        address: at("forecasts"),
      },
    ] as const);
    if (t.columns[0].length === 0)
      argError(
        { fn: FN_ACC, arg: "actuals", address: at("actuals") },
        "no values: the ranges are blank"
      );
    let past: number[] | undefined;
    if (!isOmitted(history) && history !== undefined) {
      past = readHistory(FN_ACC, history, at("history"), 2, "history").values;
      if (period > 1 && past.length <= period) {
        argError(
          { fn: FN_ACC, arg: "history", address: at("history") },
          `needs more than ${period} values for seasonality ${period}; got ${past.length}`
        );
      }
    }
    const a = accuracy(t.columns[0], t.columns[1], past, period);
    const labels = FORECAST_LABELS[language()].accuracy;
    const vals: (number | string)[] = [a.mae, a.rmse, a.mape ?? "", a.smape, a.mase ?? "", a.bias];
    return vals.map((v, i) => (withLabels ? [labels[i], v] : [v]));
  });
}

/**
 * Rolling-origin backtest: refits a method at each of the last origins points of your history, forecasts horizon periods and scores them against what followed.
 * @customfunction BACKTEST
 * @param values History in time order, oldest first (one column or row); a value over a million times the typical size (median) of the others is an error (a typo, another unit?). At most 5,000 values: a longer history is an error (give the last 5,000, or totals per longer period).
 * @param horizon Periods forecast from each origin (1 to 1000).
 * @param [method] "auto" (default), "smooth", "damped", "theta" or "ma".
 * @param [origins] Number of forecast origins, 1 to 100; default 6 (fewer when the history is short; the first fit needs 3 values, 10 for "damped").
 * @param [seasonality] Seasonal period (1 = none); default detected from the data; a period given needs more values than one cycle, else an error.
 * @param [headers] TRUE (default) puts the labels in the first column.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns Rows: method, origins, MAE, RMSE, MAPE (%), sMAPE (%), MASE, bias.
 * @requiresParameterAddresses
 */
export function backtestFunctionAsync(
  values: unknown[][],
  horizon: unknown,
  method?: unknown,
  origins?: unknown,
  seasonality?: unknown,
  headers?: unknown,
  invocation?: CustomFunctions.Invocation
): Promise<unknown[][]> {
  return reused(FN_BT, [values, horizon, method, origins, seasonality, headers], invocation, () =>
    backtestFunction(values, horizon, method, origins, seasonality, headers, invocation)
  );
}

/** Computed at once (tests, benchmarks). Excel calls backtestFunctionAsync, which queues the call
 *  (the task pane stays responsive) and reuses results (shared.ts, reused). */
export function backtestFunction(
  values: unknown[][],
  horizon: unknown,
  method?: unknown,
  origins?: unknown,
  seasonality?: unknown,
  headers?: unknown,
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN_BT, ["values"], () => {
    const at = argAddresses(invocation, PARAMS.BACKTEST);
    const h = readHorizon(FN_BT, horizon, at("horizon"));
    const withLabels = optionalBoolean(
      { fn: FN_BT, arg: "headers", address: at("headers") },
      headers,
      true
    );
    let m: ForecastMethod = "auto";
    if (!isOmitted(method)) {
      const raw = Array.isArray(method) ? (method as unknown[][])[0]?.[0] : method;
      const text = typeof raw === "string" ? raw.trim().toLowerCase() : "";
      if (!(FORECAST_METHODS as readonly string[]).includes(text)) {
        argError(
          { fn: FN_BT, arg: "method", address: at("method") },
          `${describe(classify(raw))} is not a method; use ${FORECAST_METHODS.map((x) => `"${x}"`).join(", ")}`
        );
      }
      m = text as ForecastMethod;
    }
    const history = readHistory(FN_BT, values, at("values"), h + 4);
    const n = history.values.length;
    const maxOrigins = Math.max(1, Math.min(100, n - h - 3));
    const period = readPeriod(FN_BT, seasonality, history, null, undefined, 24, at("seasonality"));
    // By default as many origins as the method's first fit allows (a damped trend needs 10 values).
    const k = isOmitted(origins)
      ? Math.max(1, Math.min(6, maxOrigins, backtestMaxOrigins(n, h, m, period)))
      : optionalNumber({ fn: FN_BT, arg: "origins", address: at("origins") }, origins, 6, {
          min: 1,
          max: maxOrigins,
          integer: true,
        });
    const problem = backtestProblem(n, h, m, k, period);
    if (problem) {
      const address = problem.arg === "values" ? at("values") : undefined;
      argError({ fn: FN_BT, arg: problem.arg, address }, problem.message);
    }
    const r = backtest(history.values, h, m, k, period);
    const labels = FORECAST_LABELS[language()].backtest;
    const vals: (number | string)[] = [
      m,
      r.origins,
      r.mae,
      r.rmse,
      r.mape ?? "",
      r.smape,
      r.mase ?? "",
      r.bias,
    ];
    return vals.map((v, i) => (withLabels ? [labels[i], v] : [v]));
  });
}
