/* global CustomFunctions */
import {
  fitRegression,
  forecastRegression,
  RegressionFit,
  RegressionProblem,
} from "../engine/forecast/regression";
import {
  argError,
  cellAddress,
  ColumnSpec,
  optionalNumber,
  readTable,
  splitColumns,
} from "../grid";
import { alignedRows } from "../grid/aligned";
import { readNumberMatrix } from "../grid/matrix";
import { classify } from "../cells/values";
import { FORECAST_LABELS } from "../i18n/results.forecast";
import { argAddresses, guard, language } from "./shared";

const FN_F = "KAM.FORECAST_REGRESS";
const FN_S = "KAM.REGRESS_STATS";

interface Fitted {
  fit: RegressionFit;
  names: string[];
  k: number;
}

/** Reads y and the drivers as one table, fits the regression and explains why it cannot be fitted. */
function fitFromCells(
  fn: string,
  y: unknown,
  drivers: unknown,
  yAddress: string | undefined,
  dAddress: string | undefined
): Fitted {
  const rows = (Array.isArray(drivers) ? drivers : [[drivers]]) as unknown[][];
  const k = Array.isArray(rows[0]) ? rows[0].length : 1;
  if (k > 50)
    argError(
      { fn, arg: "drivers", address: dAddress },
      `has ${k} columns; at most 50 drivers are allowed`
    );
  const cols = splitColumns({ fn, arg: "drivers", address: dAddress }, drivers, k);
  const specs: ColumnSpec<"number">[] = [
    { arg: "y", kind: "number", value: y, address: yAddress },
    ...cols.map((c, j) => ({
      arg: "drivers",
      kind: "number" as const,
      value: c,
      address: cellAddress(dAddress, 0, j),
    })),
  ];
  const table = readTable(fn, specs);
  const columns = table.columns as unknown as number[][];
  if (columns[0].length === 0)
    argError({ fn, arg: "y", address: yAddress }, "no values: the ranges are blank");
  const label = FORECAST_LABELS[language()].driver;
  const names = cols.map((c, j) => {
    const head = table.header ? classify(c[0][0]) : undefined;
    return head?.kind === "text" && head.value.trim() !== ""
      ? head.value.trim()
      : `${label} ${j + 1}`;
  });
  try {
    return { fit: fitRegression(columns[0], columns.slice(1)), names, k };
  } catch (e) {
    if (!(e instanceof RegressionProblem)) throw e;
    if (e.kind === "rows") return argError({ fn, arg: "y", address: yAddress }, e.message);
    const j = e.driver ?? 0;
    const where = cellAddress(dAddress, 0, j);
    return argError(
      { fn, arg: "drivers" },
      `column ${j + 1} ("${names[j]}"${where ? `, ${where.replace(/\d+$/, "")}` : ""}): ${e.message.replace(/^driver \d+ is /, "is ")}; remove it`
    );
  }
}

/** Parameter names of each function, in signature order (checked against functions.json). */
export const PARAMS = {
  FORECAST_REGRESS: ["y", "drivers", "future_drivers", "confidence"],
  REGRESS_STATS: ["y", "drivers"],
} as const;

/**
 * Multiple linear regression forecast: fits y = b0 + b1·x1 + … + bk·xk by least squares on the drivers (price, promotion spend, market size …) and forecasts y for new driver values, with prediction intervals from Student's t distribution.
 * @customfunction FORECAST_REGRESS
 * @param y The values to explain (e.g. sales), one column; an optional header row.
 * @param drivers The drivers, one column each, with the same rows as y; a header row gives their names.
 * @param future_drivers The drivers' values for the periods to forecast: the same columns, one row per period.
 * @param [confidence] Level of the prediction interval, from 0.5 to 0.999; default 0.95.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns One row per row of future_drivers: Forecast, Lower, Upper (a header row of future_drivers gets the labels; blank rows stay blank).
 * @requiresParameterAddresses
 */
export function forecastRegress(
  y: unknown[][],
  drivers: unknown[][],
  future_drivers: unknown[][],
  confidence?: unknown,
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN_F, ["y", "drivers", "future_drivers"], () => {
    const at = argAddresses(invocation, PARAMS.FORECAST_REGRESS);
    const level = optionalNumber(
      { fn: FN_F, arg: "confidence", address: at("confidence") },
      confidence,
      0.95,
      {
        min: 0.5,
        max: 0.999,
      }
    );
    const { fit, k } = fitFromCells(FN_F, y, drivers, at("y"), at("drivers"));
    const fAddress = at("future_drivers");
    const rows = (
      Array.isArray(future_drivers) ? future_drivers : [[future_drivers]]
    ) as unknown[][];
    const width = Array.isArray(rows[0]) ? rows[0].length : 1;
    if (width !== k)
      argError(
        { fn: FN_F, arg: "future_drivers", address: at("future_drivers") },
        `has ${width} column${width === 1 ? "" : "s"} but drivers has ${k}; give one column per driver`
      );
    const future = readNumberMatrix(FN_F, "future_drivers", future_drivers, fAddress);
    if (future.columns[0].length === 0)
      argError(
        { fn: FN_F, arg: "future_drivers", address: at("future_drivers") },
        "no values: the range is blank"
      );
    const f = forecastRegression(fit, future.columns, level);
    return alignedRows(
      future.table,
      f.mean.map((m, i) => [m, f.lower[i], f.upper[i]]),
      future.table.header ? FORECAST_LABELS[language()].regress : undefined,
      3
    );
  });
}

/**
 * Multiple linear regression statistics: coefficients with standard errors, t statistics and p-values, then R², adjusted R², RMSE (residual standard error) and the number of observations, as a labelled table.
 * @customfunction REGRESS_STATS
 * @param y The values to explain (e.g. sales), one column; an optional header row.
 * @param drivers The drivers, one column each, with the same rows as y; a header row gives their names.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns A header row (Term, Coefficient, Std. error, t, p-value), one row for the intercept and each driver, then R², Adjusted R², RMSE and Observations.
 * @requiresParameterAddresses
 */
export function regressStats(
  y: unknown[][],
  drivers: unknown[][],
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN_S, ["y", "drivers"], () => {
    const at = argAddresses(invocation, PARAMS.REGRESS_STATS);
    const { fit, names } = fitFromCells(FN_S, y, drivers, at("y"), at("drivers"));
    const L = FORECAST_LABELS[language()];
    const out: (number | string)[][] = [[...L.regressStats]];
    [L.intercept, ...names].forEach((name, i) =>
      out.push([name, fit.coefficients[i], fit.standardErrors[i], fit.t[i] ?? "", fit.p[i] ?? ""])
    );
    out.push([L.r2, fit.r2, "", "", ""]);
    out.push([L.adjR2, fit.adjustedR2, "", "", ""]);
    out.push([L.rmse, fit.rmse, "", "", ""]);
    out.push([L.observations, fit.n, "", "", ""]);
    return out;
  });
}
