/* global CustomFunctions */
import { movingAverageForecast } from "../engine/forecast/movingAverage";
import { argError, cellError, isOmitted, optionalNumber } from "../grid";
import { readNumberList } from "../grid/matrix";
import { readHistory, readHorizon } from "./forecastSmooth";
import { argAddresses, guard } from "./shared";

const FN = "KAM.FORECAST_MA";

/** Parameter names of each function, in signature order (checked against functions.json). */
export const PARAMS = {
  FORECAST_MA: ["values", "window", "horizon", "weights"],
} as const;

/**
 * Moving-average forecast: the mean (or weighted mean) of the last window values; later periods are forecast recursively. Blank cells inside the history are interpolated.
 * @customfunction FORECAST_MA
 * @param values History in time order, oldest first (one column or row); a value over a million times the typical size (median) of the others is an error (a typo, another unit?).
 * @param window Number of recent periods averaged, 1 to the number of values.
 * @param horizon Number of periods to forecast (1 to 1000).
 * @param [weights] One weight per period of the window, oldest first (e.g. 1, 2, 3); any positive scale. Default equal weights.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns horizon rows, one forecast each.
 * @requiresParameterAddresses
 */
export function forecastMa(
  values: unknown[][],
  window: unknown,
  horizon: unknown,
  weights?: unknown[][],
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN, ["values", "weights"], () => {
    const at = argAddresses(invocation, PARAMS.FORECAST_MA);
    const history = readHistory(FN, values, at("values"), 1);
    const n = history.values.length;
    const place = { fn: FN, arg: "window", address: at("window") };
    if (isOmitted(window))
      argError(place, "is required: the number of recent periods to average, e.g. 3");
    const w = optionalNumber(place, window, 1, { min: 1, max: n, integer: true });
    const h = readHorizon(FN, horizon, at("horizon"));
    let wts: number[] | undefined;
    if (!isOmitted(weights)) {
      const wplace = {
        fn: FN,
        arg: "weights",
        address: at("weights"),
      };
      const list = readNumberList(wplace, weights, w);
      const given = list.values;
      if (given.length !== w)
        argError(wplace, `needs ${w} weights, one per period of the window; got ${given.length}`);
      given.forEach((v, i) => {
        const pos = list.positions[i];
        if (v < 0)
          cellError(
            wplace,
            list.vertical ? pos : 0,
            list.vertical ? 0 : pos,
            list.vertical,
            `${v} is negative; weights must be ≥ 0`
          );
      });
      if (!(given.reduce((s, v) => s + v, 0) > 0)) argError(wplace, "the weights add up to 0");
      wts = given;
    }
    return movingAverageForecast(history.values, w, h, wts).map((v) => [v]);
  });
}
