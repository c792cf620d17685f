// Rolling-origin evaluation (Tashman, "Out-of-sample tests of forecasting accuracy", IJF 16, 2000):
// the method is refitted at each of the last `origins` forecast origins, forecasts `horizon` periods,
// and is scored against the values that followed.

import { Accuracy, naiveScale, smape } from "./accuracy";
import { forecastSeries, ForecastMethod } from "./batch";
import { ETS_MAX_VALUES, etsLengthProblem, etsMinimumValues } from "./ets";

export interface BacktestResult extends Accuracy {
  origins: number;
}

/** Methods that fit exponential smoothing models at each origin. */
const ETS_METHODS: readonly ForecastMethod[] = ["auto", "smooth", "damped"];

/**
 * Values fitted over all origins by an ETS method at most (six fits of the longest history an ETS
 * model takes): each origin is a full round of fits, about 0.13 ms per value.
 */
export const BACKTEST_MAX_FITTED = 6 * ETS_MAX_VALUES;

/** The fewest values the method's first fit needs: a damped trend needs 10, the others 3. */
export function backtestMinimumTrain(method: ForecastMethod, period: number): number {
  if (method !== "damped") return 3;
  return etsMinimumValues({ error: "Z", trend: "Ad", season: "Z" }, period);
}

/** The most origins a history of n values allows for this method and horizon (0 when none). */
export function backtestMaxOrigins(
  n: number,
  horizon: number,
  method: ForecastMethod,
  period: number
): number {
  return Math.max(0, n - horizon - backtestMinimumTrain(method, period) + 1);
}

/**
 * What keeps a backtest from running, and which argument it is about: too few values for the
 * method's first fit (values, or origins when fewer origins would do), a history longer than an ETS
 * fit takes (values), or more values to fit over all origins than BACKTEST_MAX_FITTED (origins).
 */
export function backtestProblem(
  n: number,
  horizon: number,
  method: ForecastMethod,
  origins: number,
  period: number,
  minTrain = backtestMinimumTrain(method, period)
): { arg: "values" | "origins"; message: string } | undefined {
  const firstTrain = n - horizon - origins + 1;
  const fmt = (v: number) => v.toLocaleString("en-US");
  if (firstTrain < minTrain) {
    const most = Math.max(0, n - horizon - minTrain + 1);
    const what = method === "damped" ? "a damped trend" : "the first fit";
    const message =
      `${fmt(n)} values are too few for ${origins} origin${origins === 1 ? "" : "s"} of ${horizon} periods: the first fit would ` +
      `have ${fmt(Math.max(firstTrain, 0))} values and ${what} needs at least ${minTrain}` +
      (most > 0 ? `; use at most ${most} origins` : "");
    return { arg: most > 0 ? "origins" : "values", message };
  }
  if (!ETS_METHODS.includes(method)) return undefined;
  const tooLong = etsLengthProblem(n - horizon, "values before the last origin");
  if (tooLong) return { arg: "values", message: tooLong };
  let fitted = 0;
  for (let k = 0; k < origins; k++) fitted += firstTrain + k;
  if (fitted > BACKTEST_MAX_FITTED) {
    return {
      arg: "origins",
      message:
        `${origins} origins refit the method on ${fmt(fitted)} values in all; at most ` +
        `${fmt(BACKTEST_MAX_FITTED)} (about a second per 5,000): use fewer origins or a shorter history`,
    };
  }
  return undefined;
}

/**
 * Scores a method on its own history. Origin k (k = 1..origins) trains on the first
 * n − horizon − origins + k values. Errors are pooled over all origins and horizons; MASE and MAPE
 * scale each origin by its own training data. Throws a RangeError with backtestProblem's message
 * when the history is too short for the first fit (at least `minTrain` values; by default what the
 * method needs) or too long to refit.
 */
export function backtest(
  values: readonly number[],
  horizon: number,
  method: ForecastMethod,
  origins: number,
  period: number,
  minTrain = backtestMinimumTrain(method, period)
): BacktestResult {
  const n = values.length;
  const firstTrain = n - horizon - origins + 1;
  const problem = backtestProblem(n, horizon, method, origins, period, minTrain);
  if (problem) throw new RangeError(problem.message);
  let abs = 0;
  let sq = 0;
  let bias = 0;
  let pct = 0;
  let zero = false;
  let sm = 0;
  let maseSum = 0;
  let maseCount = 0;
  let count = 0;
  for (let k = 0; k < origins; k++) {
    const train = values.slice(0, firstTrain + k);
    const actual = values.slice(firstTrain + k, firstTrain + k + horizon);
    const f = forecastSeries(train, horizon, { method, period }).mean;
    let originAbs = 0;
    for (let j = 0; j < horizon; j++) {
      const e = f[j] - actual[j];
      abs += Math.abs(e);
      originAbs += Math.abs(e);
      sq += e * e;
      bias += e;
      if (actual[j] === 0) zero = true;
      else pct += Math.abs(e / actual[j]);
      count++;
    }
    sm += smape(actual, f) * horizon;
    const scale = naiveScale(train, period);
    if (scale !== undefined) {
      maseSum += originAbs / horizon / scale;
      maseCount++;
    }
  }
  const out: BacktestResult = {
    origins,
    n: count,
    mae: abs / count,
    rmse: Math.sqrt(sq / count),
    smape: sm / count,
    bias: bias / count,
  };
  if (!zero) out.mape = (100 * pct) / count;
  if (maseCount === origins) out.mase = maseSum / maseCount;
  return out;
}
