import { describe, test, expect, beforeAll } from "@jest/globals";
// Issue 14's speed and scale reproducers through the wrappers, with Excel-shaped input: a damped
// backtest on 16 values, and histories far longer than an ETS model is fitted to (an error naming
// values at once, not 20 s and then "Maximum call stack size exceeded").
import { backtestFunction } from "../../../src/functions/forecastAccuracy";
import { forecastAuto } from "../../../src/functions/forecastAuto";
import { forecastModel } from "../../../src/functions/forecastModel";
import { forecastSmooth } from "../../../src/functions/forecastSmooth";
import { at, col, installCustomFunctions, OMITTED } from "../../support/customFunctions";
import { errorOf } from "../../support/errorOf";

beforeAll(() => {
  installCustomFunctions();
});

const V = [100, 110, 120, 105, 98, 112, 125, 130, 101, 99, 115, 120, 104, 111, 122, 108];

describe("KAM.BACKTEST with a damped trend on 16 values", () => {
  test("3 origins of 5 periods: an error naming origins and saying how many fit", () => {
    expect(errorOf(() => backtestFunction(col(...V), 5, "damped", 3))).toBe(
      "KAM.BACKTEST: origins: 16 values are too few for 3 origins of 5 periods: the first fit would have 9 values and a damped trend needs at least 10; use at most 2 origins"
    );
  });
  test("origins omitted: as many as the damped fit allows (2), and an answer", () => {
    const out = backtestFunction(col(...V), 5, "damped");
    expect(out[0]).toEqual(["Method", "damped"]);
    expect(out[1]).toEqual(["Origins", 2]);
    expect(typeof out[2][1]).toBe("number");
  });
});

describe("histories longer than an ETS model is fitted to", () => {
  const long = Array.from({ length: 200_000 }, (_, i) => [1000 + (i % 12) * 10 + (i % 7)]);
  const said =
    "values (A1:A200000): 200,000 values are more than the 5,000 exponential smoothing is fitted on (about a second per 5,000 values): give the last 5,000, or totals per longer period (e.g. months instead of days)";
  test.each([
    [
      "KAM.FORECAST_SMOOTH",
      () => forecastSmooth(long, 12, OMITTED, OMITTED, OMITTED, OMITTED, at("A1:A200000")),
    ],
    ["KAM.FORECAST_AUTO", () => forecastAuto(long, 12, OMITTED, OMITTED, at("A1:A200000"))],
    ["KAM.FORECAST_MODEL", () => forecastModel(long, OMITTED, OMITTED, at("A1:A200000"))],
    [
      "KAM.BACKTEST",
      () => backtestFunction(long, 12, OMITTED, OMITTED, OMITTED, OMITTED, at("A1:A200000")),
    ],
  ])("%s: an error naming values, at once", (fn, call) => {
    const t0 = Date.now();
    const message = errorOf(call);
    expect(Date.now() - t0).toBeLessThan(5000);
    if (fn === "KAM.BACKTEST")
      expect(message).toMatch(
        /^KAM\.BACKTEST: values \(A1:A200000\): 199,988 values before the last origin are more than the 5,000/
      );
    else expect(message).toBe(`${fn}: ${said}`);
  });
});
