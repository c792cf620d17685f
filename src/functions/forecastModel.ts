/* global CustomFunctions */
import { autoEts, etsMethodName } from "../engine/forecast/ets";
import { isOmitted, optionalBoolean } from "../grid";
import { FORECAST_LABELS } from "../i18n/results.forecast";
import { etsLength, fitted, readHistory, readPeriod } from "./forecastSmooth";
import { argAddresses, guard, language, reused } from "./shared";

const FN = "KAM.FORECAST_MODEL";

/** Parameter names of each function, in signature order (checked against functions.json). */
export const PARAMS = {
  FORECAST_MODEL: ["values", "seasonality", "headers"],
} as const;

/**
 * The exponential smoothing model that KAM.FORECAST_SMOOTH chooses for a history: its form, parameters, AICc and in-sample MASE, as a labelled two-column table.
 * @customfunction FORECAST_MODEL
 * @param values History in time order, oldest first (one column or row); a value over a million times the typical size (median) of the others is an error (a typo, another unit?). At most 5,000 values: a longer history is an error (give the last 5,000, or totals per longer period).
 * @param [seasonality] Seasonal period: 12 for months, 4 for quarters, 1 for none; default detected from the data; a period given needs more values than one cycle, else an error.
 * @param [headers] TRUE (default) puts the labels in the first column; FALSE spills the values only.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns Rows: model (e.g. ETS(M,Ad,N)), seasonal period, alpha, beta, gamma, phi, initial level, initial trend, AICc, AIC, BIC, log-likelihood, sigma, in-sample MASE, in-sample RMSE, observations, interpolated blanks. Parameters a model does not have are blank.
 * @requiresParameterAddresses
 */
export function forecastModelAsync(
  values: unknown[][],
  seasonality?: unknown,
  headers?: unknown,
  invocation?: CustomFunctions.Invocation
): Promise<unknown[][]> {
  return reused(FN, [values, seasonality, headers], invocation, () =>
    forecastModel(values, seasonality, headers, invocation)
  );
}

/** Computed at once (tests, benchmarks). Excel calls forecastModelAsync, which queues the call
 *  (the task pane stays responsive) and reuses results (shared.ts, reused). */
export function forecastModel(
  values: unknown[][],
  seasonality?: unknown,
  headers?: unknown,
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN, ["values"], () => {
    const at = argAddresses(invocation, PARAMS.FORECAST_MODEL);
    const withLabels = optionalBoolean(
      { fn: FN, arg: "headers", address: at("headers") },
      headers,
      true
    );
    const history = readHistory(FN, values, at("values"), 3);
    etsLength(FN, at("values"), history.values);
    const period = readPeriod(
      FN,
      isOmitted(seasonality) ? null : seasonality,
      history,
      null,
      undefined,
      24,
      at("seasonality")
    );
    const fit = fitted(FN, at("values"), () => autoEts(history.values, { period }));
    const L = FORECAST_LABELS[language()].model;
    const form = etsMethodName(fit.model);
    const has = (cond: boolean, v: number): number | string => (cond ? v : "");
    const rows: [string, number | string][] = [
      [L.model, form],
      [L.period, fit.period],
      [L.alpha, fit.alpha],
      [L.beta, has(fit.model.trend !== "N", fit.beta)],
      [L.gamma, has(fit.model.season !== "N", fit.gamma)],
      [L.phi, has(fit.model.trend === "Ad", fit.phi)],
      [L.level, fit.initial.level],
      [L.trend, has(fit.model.trend !== "N", fit.initial.trend)],
      [L.aicc, has(!fit.constant && Number.isFinite(fit.aicc), fit.aicc)],
      [L.aic, has(!fit.constant, fit.aic)],
      [L.bic, has(!fit.constant, fit.bic)],
      [L.logLik, has(!fit.constant, fit.logLik)],
      [L.sigma, Math.sqrt(fit.sigma2)],
      [L.mase, fit.mase],
      [L.rmse, Math.sqrt(fit.mse)],
      [L.n, fit.n],
      [L.filled, history.filled.length],
    ];
    return withLabels ? rows : rows.map(([, v]) => [v]);
  });
}
