import { describe, test, expect, beforeAll } from "@jest/globals";
import { forecastAccuracy, backtestFunction } from "../../../src/functions/forecastAccuracy";
import { forecastAuto } from "../../../src/functions/forecastAuto";
import { forecastMa } from "../../../src/functions/forecastMa";
import { forecastModel } from "../../../src/functions/forecastModel";
import { forecastSmooth } from "../../../src/functions/forecastSmooth";
import { forecastTheta } from "../../../src/functions/forecastTheta";
import { deseasonalize, seasonalIndex } from "../../../src/functions/seasonalIndex";
import { at, col, installCustomFunctions, OMITTED } from "../../support/customFunctions";
import { errorOf } from "../../support/errorOf";
import { N0001, N0005 } from "../../engine/forecast/fixtures";

beforeAll(() => {
  installCustomFunctions();
});

const finite = (m: unknown[][]) =>
  m.every((r) => r.every((v) => typeof v !== "number" || Number.isFinite(v)));
const quarterly = Array.from({ length: 24 }, (_, t) => 100 + 2 * t + [15, -5, -20, 10][t % 4]);

describe("KAM.FORECAST_SMOOTH", () => {
  test("horizon rows; with confidence three columns; R's ets(N0005) forecast", () => {
    const out = forecastSmooth(col(...N0005), 3) as number[][];
    expect(out).toHaveLength(3);
    expect(out[0][0]).toBeCloseTo(5488.71263, -1); // R forecast 8.20, ets(N0005)
    const ci = forecastSmooth(col(...N0005), 3, 1, null, 0.95) as number[][];
    expect(ci[0]).toHaveLength(3);
    expect(ci[0][1]).toBeLessThan(ci[0][0]);
    expect(ci[0][2]).toBeGreaterThan(ci[0][0]);
  });
  test("a header row, interior blanks interpolated, leading/trailing blanks trimmed", () => {
    const withGaps = forecastSmooth(
      col("Sales", null, ...N0005.slice(0, 5), null, ...N0005.slice(6), null),
      2,
      1,
      "ANN"
    );
    expect(finite(withGaps)).toBe(true);
    expect(withGaps).toHaveLength(2);
  });
  test("a forced model and a timeline", () => {
    const dates = quarterly.map((_, i) => 45292 + 91 * i);
    const out = forecastSmooth(col(...quarterly), 4, null, "AAA", null, col(...dates));
    expect(out).toHaveLength(4);
    expect(finite(out)).toBe(true);
  });
  describe("bad input", () => {
    test("text in values names the cell", () =>
      expect(
        errorOf(() =>
          forecastSmooth(col(1, 2, "abc", 4), 2, null, null, null, OMITTED, at("Sheet1!B2:B5"))
        )
      ).toBe('KAM.FORECAST_SMOOTH: values, row 3 (B4): "abc" is not a number'));
    test("an Excel error", () =>
      expect(errorOf(() => forecastSmooth(col(1, 2, "#N/A", 4), 2))).toBe(
        "KAM.FORECAST_SMOOTH: values, row 3: the cell holds the error #N/A"
      ));
    test("blank and too short ranges", () => {
      expect(errorOf(() => forecastSmooth(col(null, null), 2))).toBe(
        "KAM.FORECAST_SMOOTH: values: no values: the range is blank"
      );
      expect(errorOf(() => forecastSmooth(col(1, 2), 2))).toBe(
        "KAM.FORECAST_SMOOTH: values: needs at least 3 values in time order; got 2"
      );
    });
    test("options out of range", () => {
      expect(errorOf(() => forecastSmooth(col(...N0005), null))).toMatch(
        /^KAM\.FORECAST_SMOOTH: horizon: is required/
      );
      expect(errorOf(() => forecastSmooth(col(...N0005), 0))).toMatch(
        /^KAM\.FORECAST_SMOOTH: horizon: 0 is not allowed/
      );
      expect(errorOf(() => forecastSmooth(col(...N0005), 2, 30))).toMatch(
        /^KAM\.FORECAST_SMOOTH: seasonality: 30 is not allowed/
      );
      expect(errorOf(() => forecastSmooth(col(...N0005), 2, 1, "XYZ"))).toMatch(
        /^KAM\.FORECAST_SMOOTH: model: "XYZ" is not a model/
      );
      expect(errorOf(() => forecastSmooth(col(...N0005), 2, 1, null, 95))).toMatch(
        /^KAM\.FORECAST_SMOOTH: confidence: 95 is not allowed/
      );
      expect(errorOf(() => forecastSmooth(col(-1, 2, 3, 4, 5, 6, 7, 8), 2, 1, "MNN"))).toMatch(
        /^KAM\.FORECAST_SMOOTH: model: the model MNN cannot be fitted/
      );
    });
    test("timeline: mismatched size, blank date, dates out of order", () => {
      expect(
        errorOf(() => forecastSmooth(col(1, 2, 3, 4), 1, null, null, null, col(45292, 45323)))
      ).toBe(
        "KAM.FORECAST_SMOOTH: timeline: has 2 cells but values has 4; the ranges must be the same size"
      );
      expect(
        errorOf(() =>
          forecastSmooth(col(1, 2, 3, 4), 1, null, null, null, col(45292, null, 45352, 45383))
        )
      ).toBe("KAM.FORECAST_SMOOTH: timeline, row 2: the date is blank but the row has a value");
      expect(
        errorOf(() =>
          forecastSmooth(col(1, 2, 3, 4), 1, null, null, null, col(45292, 45323, 45300, 45383))
        )
      ).toBe("KAM.FORECAST_SMOOTH: timeline, row 3: dates must increase, oldest first");
    });
  });
});

describe("KAM.FORECAST_MODEL", () => {
  test("a labelled table naming the chosen model (R: ETS(M,N,N) for N0005)", () => {
    const out = forecastModel(col(...N0005), 1) as unknown[][];
    expect(out[0]).toEqual(["Model", "ETS(M,N,N)"]);
    expect(out.map((r) => r[0])).toContain("AICc");
    expect(out.find((r) => r[0] === "AICc")?.[1]).toBeCloseTo(228.115242, 1); // R forecast 8.20
    expect(forecastModel(col(...N0005), 1, false)[0]).toEqual(["ETS(M,N,N)"]);
  });
  test("bad input", () => {
    expect(errorOf(() => forecastModel(col(1, "x", 3)))).toBe(
      'KAM.FORECAST_MODEL: values, row 2: "x" is not a number'
    );
    expect(errorOf(() => forecastModel(col(...N0005), 0))).toMatch(
      /^KAM\.FORECAST_MODEL: seasonality: 0 is not allowed/
    );
  });
});

describe("KAM.FORECAST_AUTO and KAM.FORECAST_THETA", () => {
  test("forecasts and intervals", () => {
    const out = forecastAuto(col(...quarterly), 4, 4, 0.9) as number[][];
    expect(out).toHaveLength(4);
    expect(out[0]).toHaveLength(3);
    expect(finite(out)).toBe(true);
    const th = forecastTheta(col(...N0001), 2) as number[][];
    expect(th[0][0]).toBeCloseTo(5085.069837, 0); // R forecast 8.20, thetaf(N0001)
  });
  test("a confidence as close to 1 as a double gets: a (very wide) interval, not an internal error", () => {
    // 0.5 + 0.9999999999999999 / 2 rounds to 1, which has no normal quantile; the interval's z is
    // taken from the lower tail instead: -Φ⁻¹(5.55e-17) ≈ 8.29.
    const twelve = col(100, 110, 120, 105, 98, 112, 125, 130, 101, 99, 115, 120);
    const out = forecastAuto(twelve, 2, 1, 0.9999999999999999) as number[][];
    expect(out).toHaveLength(2);
    expect(finite(out)).toBe(true);
    const usual = forecastAuto(twelve, 2, 1, 0.95) as number[][];
    expect(out[0][0]).toBeCloseTo(usual[0][0], 9);
    expect(out[0][2] - out[0][1]).toBeGreaterThan(3 * (usual[0][2] - usual[0][1]));
  });
  test("bad input", () => {
    expect(errorOf(() => forecastAuto(col(1, 2, 3), 2, 1, 1.5))).toMatch(
      /^KAM\.FORECAST_AUTO: confidence: 1\.5 is not allowed/
    );
    expect(
      errorOf(() =>
        forecastTheta(
          [
            [1, 2, 3],
            [4, 5, 6],
          ],
          2
        )
      )
    ).toBe("KAM.FORECAST_THETA: values: must be a single column or row; got 2 rows × 3 columns");
    expect(errorOf(() => forecastTheta(col(1, true, 3), 2))).toBe(
      "KAM.FORECAST_THETA: values, row 2: TRUE is not a number"
    );
  });
});

describe("KAM.FORECAST_MA", () => {
  test("simple and weighted (hand-checked)", () => {
    expect(forecastMa(col(1, 2, 3, 4), 2, 2)).toEqual([[3.5], [3.75]]);
    expect(forecastMa(col(10, 20, 30), 3, 1, col(1, 2, 3))).toEqual([[140 / 6]]);
  });
  test("bad input", () => {
    expect(errorOf(() => forecastMa(col(1, 2, 3), 5, 1))).toMatch(
      /^KAM\.FORECAST_MA: window: 5 is not allowed; give a whole number from 1 to 3/
    );
    expect(errorOf(() => forecastMa(col(1, 2, 3), 2, 1, col(1)))).toBe(
      "KAM.FORECAST_MA: weights: needs 2 weights, one per period of the window; got 1"
    );
    expect(
      errorOf(() => forecastMa(col(1, 2, 3), 2, 1, col(1, -1), at("A1:A3", "", "", "C1:C2")))
    ).toBe("KAM.FORECAST_MA: weights, row 2 (C2): -1 is negative; weights must be ≥ 0");
  });
});

describe("KAM.SEASONAL_INDEX and KAM.DESEASONALIZE", () => {
  test("indices and adjusted values", () => {
    const idx = seasonalIndex(col(...quarterly), 4, "additive") as number[][];
    expect(idx).toHaveLength(4);
    expect(idx.reduce((s, r) => s + r[0], 0)).toBeCloseTo(0, 9);
    const adj = deseasonalize(col("Sales", ...quarterly), 4) as unknown[][];
    expect(adj[0]).toEqual(["Deseasonalized"]);
    expect(adj).toHaveLength(25);
  });
  test("bad input", () => {
    expect(errorOf(() => seasonalIndex(col(1, 2, 3, 4, 5), 4))).toBe(
      "KAM.SEASONAL_INDEX: values: needs at least two full cycles (8 values) for period 4; got 5"
    );
    expect(errorOf(() => seasonalIndex(col(...quarterly), 4, "cubic"))).toMatch(
      /^KAM\.SEASONAL_INDEX: type: "cubic" is not a type/
    );
    expect(errorOf(() => deseasonalize(col(...quarterly), 1))).toMatch(
      /^KAM\.DESEASONALIZE: period: 1 is not allowed/
    );
    expect(errorOf(() => deseasonalize(col(-1, ...quarterly), 4))).toMatch(
      /multiplicative indices need positive values/
    );
  });
});

describe("KAM.FORECAST_ACCURACY and KAM.BACKTEST", () => {
  test("measures (hand-checked)", () => {
    const out = forecastAccuracy(col(100, 200), col(110, 180), col(90, 100, 120)) as unknown[][];
    expect(out[0]).toEqual(["MAE", 15]);
    expect(out[4]).toEqual(["MASE", 1]);
    expect(out[5]).toEqual(["Bias", -5]);
  });
  test("backtest table", () => {
    const out = backtestFunction(
      col(...Array.from({ length: 20 }, (_, t) => 2 * t + 1)),
      1,
      "ma",
      5,
      1
    ) as unknown[][];
    expect(out[0]).toEqual(["Method", "ma"]);
    expect(out[2][1]).toBeCloseTo(4, 9);
  });
  test("bad input", () => {
    expect(errorOf(() => forecastAccuracy(col(1, 2), col(1)))).toBe(
      "KAM.FORECAST_ACCURACY: forecasts: has 1 cells but actuals has 2; the ranges must be the same size"
    );
    expect(errorOf(() => forecastAccuracy(col(1, 2), col(1, "#N/A")))).toBe(
      "KAM.FORECAST_ACCURACY: forecasts, row 2: the cell holds the error #N/A"
    );
    expect(errorOf(() => backtestFunction(col(1, 2, 3, 4, 5, 6), 2, "arima"))).toMatch(
      /^KAM\.BACKTEST: method: "arima" is not a method/
    );
    expect(errorOf(() => backtestFunction(col(1, 2, 3, 4, 5), 2))).toBe(
      "KAM.BACKTEST: values: needs at least 6 values in time order; got 5"
    );
    expect(errorOf(() => backtestFunction(col(1, 2, 3, 4, 5, 6, 7), 2, null, 50))).toMatch(
      /^KAM\.BACKTEST: origins: 50 is not allowed/
    );
  });
});
