// Rolling-origin evaluation (Tashman, "Out-of-sample tests of forecasting accuracy", IJF 16, 2000):
// the method is refitted at each of the last `origins` forecast origins, forecasts `horizon` periods,
// and is scored against the values that followed.

import { Accuracy, naiveScale, smape } from "./accuracy";
import { forecastSeries, ForecastMethod } from "./batch";

export interface BacktestResult extends Accuracy {
  origins: number;
}

/**
 * Scores a method on its own history. Origin k (k = 1..origins) trains on the first
 * n − horizon − origins + k values. Errors are pooled over all origins and horizons; MASE and MAPE
 * scale each origin by its own training data. Throws a RangeError when the history is too short:
 * the first training set needs at least `minTrain` values.
 */
export function backtest(
  values: readonly number[],
  horizon: number,
  method: ForecastMethod,
  origins: number,
  period: number,
  minTrain = 3
): BacktestResult {
  const n = values.length;
  const firstTrain = n - horizon - origins + 1;
  if (firstTrain < minTrain) {
    throw new RangeError(
      `${n} values are too few for ${origins} origins of ${horizon} periods: the first fit would have ${Math.max(firstTrain, 0)} values (at least ${minTrain} needed)`
    );
  }
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
