import { describe, test, expect, beforeAll } from "@jest/globals";
import { forecastCombine } from "../../../src/functions/forecastCombine";
import { at, col, installCustomFunctions, OMITTED } from "../../support/customFunctions";
import { errorOf } from "../../support/errorOf";

beforeAll(() => {
  installCustomFunctions();
});

const F = [
  [100, 90],
  [110, 100],
  [120, 130],
];

describe("KAM.FORECAST_COMBINE", () => {
  test("equal weights by default", () => {
    expect(forecastCombine(F)).toEqual([[95], [105], [125]]);
  });
  test("given weights (a row), normalised", () => {
    const out = forecastCombine(F, [[3, 1]]) as number[][];
    expect(out[0][0]).toBeCloseTo(97.5, 12);
    expect(out[2][0]).toBeCloseTo(122.5, 12);
  });
  test("inverse-MSE weights from actuals, with headers and a blank row in line", () => {
    const out = forecastCombine(
      [["ETS", "Theta"], ...F.slice(0, 2), [null, null], F[2]],
      OMITTED,
      col("Actual", 98, 112, null, null)
    );
    const wa = 1 / 4 / (1 / 4 + 1 / 104); // MSE of ETS 4, of Theta 104 (hand-computed)
    expect(out[0]).toEqual(["Forecast"]);
    expect(out[3]).toEqual([""]);
    expect(out[4][0] as number).toBeCloseTo(wa * 120 + (1 - wa) * 130, 10);
  });
  describe("bad input", () => {
    test("text, Excel errors and blanks in forecasts", () => {
      expect(
        errorOf(() =>
          forecastCombine(
            [
              [1, 2],
              ["x", 3],
            ],
            OMITTED,
            OMITTED,
            at("B2:C3")
          )
        )
      ).toBe('KAM.FORECAST_COMBINE: forecasts, row 2 (B3): "x" is not a number');
      expect(
        errorOf(() =>
          forecastCombine([
            [1, 2],
            [3, "#N/A"],
          ])
        )
      ).toBe("KAM.FORECAST_COMBINE: forecasts, row 2: the cell holds the error #N/A");
      expect(
        errorOf(() =>
          forecastCombine([
            [1, 2],
            [3, null],
          ])
        )
      ).toBe("KAM.FORECAST_COMBINE: forecasts, row 2: the cell is blank");
      expect(errorOf(() => forecastCombine([[null, null]]))).toBe(
        "KAM.FORECAST_COMBINE: forecasts: no values: the range is blank"
      );
    });
    test("weights: negative, wrong count, zero sum, text", () => {
      expect(errorOf(() => forecastCombine(F, [[1, -1]], OMITTED, at("B2:C4", "E1:F1")))).toBe(
        "KAM.FORECAST_COMBINE: weights, column 2 (F1): -1 is negative; weights must be ≥ 0"
      );
      expect(errorOf(() => forecastCombine(F, [[1, 2, 3]]))).toBe(
        "KAM.FORECAST_COMBINE: weights: needs 2 weights, one per method (column of forecasts); got 3"
      );
      expect(errorOf(() => forecastCombine(F, [[0, 0]]))).toBe(
        "KAM.FORECAST_COMBINE: weights: the weights add up to 0"
      );
      expect(errorOf(() => forecastCombine(F, col(1, "abc")))).toBe(
        'KAM.FORECAST_COMBINE: weights, row 2: "abc" is not a number'
      );
    });
    test("actuals: mismatched size, none given, both options, errors", () => {
      expect(errorOf(() => forecastCombine(F, OMITTED, col(1, 2)))).toBe(
        "KAM.FORECAST_COMBINE: actuals: has 2 cells but forecasts has 3 rows; the ranges must be the same size"
      );
      expect(errorOf(() => forecastCombine(F, OMITTED, col(null, null, null)))).toBe(
        "KAM.FORECAST_COMBINE: actuals: no actual values next to the forecasts: give at least one"
      );
      expect(errorOf(() => forecastCombine(F, [[1, 1]], col(1, 2, 3)))).toBe(
        "KAM.FORECAST_COMBINE: actuals: give weights or actuals, not both"
      );
      expect(errorOf(() => forecastCombine(F, OMITTED, col(1, "#DIV/0!", 3)))).toBe(
        "KAM.FORECAST_COMBINE: actuals, row 2: the cell holds the error #DIV/0!"
      );
    });
  });
});
