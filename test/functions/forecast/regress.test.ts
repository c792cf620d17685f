import { describe, test, expect, beforeAll } from "@jest/globals";
import { forecastRegress, regressStats } from "../../../src/functions/forecastRegress";
import { at, col, installCustomFunctions } from "../../support/customFunctions";
import { errorOf } from "../../support/errorOf";
// The first 12 cars of R's mtcars data set (mpg, wt, hp), as in test/engine/forecast/regression.test.ts.
const MPG = [21.0, 21.0, 22.8, 21.4, 18.7, 18.1, 14.3, 24.4, 22.8, 19.2, 17.8, 16.4];
const WT = [2.62, 2.875, 2.32, 3.215, 3.44, 3.46, 3.57, 3.19, 3.15, 3.44, 3.44, 4.07];
const HP = [110, 110, 93, 110, 175, 105, 245, 62, 95, 123, 123, 180];

beforeAll(() => {
  installCustomFunctions();
});

const finite = (m: unknown[][]) =>
  m.every((r) => r.every((v) => v !== null && (typeof v !== "number" || Number.isFinite(v))));
const drivers = (a: unknown[], b: unknown[]) => a.map((v, i) => [v, b[i]]);

describe("KAM.FORECAST_REGRESS", () => {
  test("R 4.2 predict(lm(mpg ~ wt + hp, head(mtcars, 12)), interval = 'prediction', level = 0.9)", () => {
    const out = forecastRegress(
      col(...MPG),
      drivers(WT, HP),
      [
        [3, 120],
        [2.5, 200],
      ],
      0.9
    ) as number[][];
    expect(out).toHaveLength(2);
    expect(out[0][0]).toBeCloseTo(20.5680450368, 8);
    expect(out[0][1]).toBeCloseTo(17.9432997752, 7);
    expect(out[0][2]).toBeCloseTo(23.1927902983, 7);
    expect(out[1][1]).toBeCloseTo(14.4818409758, 7);
    expect(finite(out)).toBe(true);
  });
  test("headers, blank rows in line, default 95% wider than 90%", () => {
    const y = ["mpg", ...MPG];
    const d = [["wt", "hp"], ...drivers(WT, HP)];
    const out = forecastRegress(col(...y), d, [
      ["wt", "hp"],
      [3, 120],
      [null, null],
      [2.5, 200],
    ]);
    expect(out[0]).toEqual(["Forecast", "Lower", "Upper"]);
    expect(out[2]).toEqual(["", "", ""]);
    const o90 = forecastRegress(col(...MPG), drivers(WT, HP), [[3, 120]], 0.9) as number[][];
    expect((out[1][2] as number) - (out[1][1] as number)).toBeGreaterThan(o90[0][2] - o90[0][1]);
  });
  describe("bad input", () => {
    test("text in a number column names the cell", () =>
      expect(
        errorOf(() =>
          forecastRegress(
            col(1, 2, "abc", 4, 5),
            col(1, 2, 3, 4, 6),
            [[7]],
            null,
            at("A2:A6", "B2:B6", "C2")
          )
        )
      ).toBe('KAM.FORECAST_REGRESS: y, row 3 (A4): "abc" is not a number'));
    test("an Excel error and a blank cell", () => {
      expect(
        errorOf(() => forecastRegress(col(1, 2, 3, 4, 5), col(1, "#N/A", 3, 4, 6), [[7]]))
      ).toBe("KAM.FORECAST_REGRESS: drivers, row 2: the cell holds the error #N/A");
      expect(errorOf(() => forecastRegress(col(1, 2, 3, 4, 5), col(1, null, 3, 4, 6), [[7]]))).toBe(
        "KAM.FORECAST_REGRESS: drivers, row 2: the cell is blank"
      );
    });
    test("mismatched lengths, empty ranges, wrong future width", () => {
      expect(errorOf(() => forecastRegress(col(1, 2, 3, 4), col(1, 2, 3), [[7]]))).toMatch(
        /drivers: has 3 cells but y has 4/
      );
      expect(errorOf(() => forecastRegress(col(null, null), col(null, null), [[7]]))).toBe(
        "KAM.FORECAST_REGRESS: y: no values: the ranges are blank"
      );
      expect(errorOf(() => forecastRegress(col(...MPG), drivers(WT, HP), [[7]]))).toBe(
        "KAM.FORECAST_REGRESS: future_drivers: has 1 column but drivers has 2; give one column per driver"
      );
      expect(errorOf(() => forecastRegress(col(...MPG), drivers(WT, HP), [[null, null]]))).toBe(
        "KAM.FORECAST_REGRESS: future_drivers: no values: the range is blank"
      );
    });
    test("too few rows and collinear drivers are explained", () => {
      expect(
        errorOf(() => forecastRegress(col(1, 2, 3), drivers([1, 2, 4], [3, 1, 2]), [[1, 1]]))
      ).toMatch(/^KAM.FORECAST_REGRESS: y: needs at least 4 rows for 2 drivers/);
      const price = [10, 11, 12, 13, 14, 15];
      const promo = [1, 3, 2, 5, 4, 6];
      const total = price.map((p, i) => p + promo[i]);
      const d = [["price", "promo", "total"], ...price.map((p, i) => [p, promo[i], total[i]])];
      expect(
        errorOf(() =>
          forecastRegress(
            col("sales", 5, 6, 8, 7, 9, 10),
            d,
            [[1, 2, 3]],
            null,
            at("A1:A7", "B1:D7", "E1:G1")
          )
        )
      ).toBe(
        'KAM.FORECAST_REGRESS: drivers: column 3 ("total", D): is a linear combination of the intercept and the drivers before it; remove it'
      );
      expect(
        errorOf(() => regressStats(col(1, 2, 3, 5), drivers([1, 2, 3, 4], [7, 7, 7, 7])))
      ).toBe(
        'KAM.REGRESS_STATS: drivers: column 2 ("Driver 2"): is constant (the intercept already covers it); remove it'
      );
    });
    test("out-of-range confidence", () =>
      expect(errorOf(() => forecastRegress(col(...MPG), drivers(WT, HP), [[3, 120]], 1.5))).toBe(
        "KAM.FORECAST_REGRESS: confidence: 1.5 is not allowed; give a number from 0.5 to 0.999"
      ));
  });
});

describe("KAM.REGRESS_STATS", () => {
  test("R 4.2 summary(lm(mpg ~ wt + hp, head(mtcars, 12))) as a labelled table", () => {
    const out = regressStats(col("mpg", ...MPG), [["wt", "hp"], ...drivers(WT, HP)]);
    expect(out[0]).toEqual(["Term", "Coefficient", "Std. error", "t", "p-value"]);
    expect(out.map((r) => r[0])).toEqual([
      "Term",
      "Intercept",
      "wt",
      "hp",
      "R²",
      "Adjusted R²",
      "RMSE",
      "Observations",
    ]);
    expect(out[1][1] as number).toBeCloseTo(31.1019249905233, 9);
    expect(out[2][2] as number).toBeCloseTo(1.0742594134201, 9);
    expect(out[3][3] as number).toBeCloseTo(-4.25644888705, 7);
    expect((out[3][4] as number) / 2.12221505631e-3).toBeCloseTo(1, 5);
    expect(out[4][1] as number).toBeCloseTo(0.824552149531, 10);
    expect(out[5][1] as number).toBeCloseTo(0.785563738316, 10);
    expect(out[6][1] as number).toBeCloseTo(1.359878332594, 10);
    expect(out[7][1]).toBe(12);
    expect(finite(out)).toBe(true);
  });
  test("an exact fit leaves t and p blank instead of Infinity", () => {
    const out = regressStats(col(5, 7, 9, 11), col(1, 2, 3, 4));
    expect(out[2][1] as number).toBeCloseTo(2, 10);
    expect(out[2][3]).toBe("");
    expect(finite(out)).toBe(true);
  });
});
