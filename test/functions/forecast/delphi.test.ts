import { describe, test, expect, beforeAll } from "@jest/globals";
import { delphiFunction, surveyForecast } from "../../../src/functions/delphi";
import { at, col, installCustomFunctions, OMITTED } from "../../support/customFunctions";
import { errorOf } from "../../support/errorOf";

beforeAll(() => {
  installCustomFunctions();
});

const finite = (m: unknown[][]) =>
  m.every((r) => r.every((v) => v !== null && (typeof v !== "number" || Number.isFinite(v))));
// Two rounds of seven experts; quartiles checked with R 4.2 quantile(type = 7) = QUARTILE.INC.
const r1 = [120, 100, 150, 90, 130, 110, 200];
const r2 = [118, 112, 125, 105, 120, 115, 130];
const panel = r1.map((v, i) => [v, r2[i]]);

describe("KAM.DELPHI", () => {
  test("per-round table and final estimate", () => {
    const out = delphiFunction([["Round 1", "Round 2"], ...panel]);
    expect(out[0]).toEqual([
      "Round",
      "Median",
      "Lower quartile",
      "Upper quartile",
      "IQR",
      "IQR / median",
      "Consensus",
    ]);
    expect(out[1].slice(0, 5)).toEqual(["Round 1", 120, 105, 140, 35]);
    expect(out[1][5] as number).toBeCloseTo(35 / 120, 12);
    expect(out[1][6]).toBe("No");
    expect(out[2].slice(0, 5)).toEqual(["Round 2", 118, 113.5, 122.5, 9]);
    expect(out[2][6]).toBe("Yes");
    expect(out[3]).toEqual(["Final estimate", 118, "", "", "", "", ""]);
    expect(finite(out)).toBe(true);
  });
  test("numbered rounds, an expert who dropped out, a stricter threshold, zero median", () => {
    const out = delphiFunction([...panel, [400, null]], 0.05);
    expect(out[1][0]).toBe(1);
    expect(out[1][1]).toBe(125); // eight answers in round 1
    expect(out[2][6]).toBe("No"); // 9 / 118 > 0.05
    const zero = delphiFunction(col(-1, 0, 1));
    expect(zero[1][5]).toBe("");
    expect(finite(zero)).toBe(true);
  });
  describe("bad input", () => {
    test("text, Excel errors, empty rounds", () => {
      expect(
        errorOf(() =>
          delphiFunction(
            [
              [1, 2],
              [3, "abc"],
            ],
            null,
            at("B2:C3")
          )
        )
      ).toBe('KAM.DELPHI: estimates, row 2 (C3): "abc" is not a number');
      expect(
        errorOf(() =>
          delphiFunction([
            [1, 2],
            ["#N/A", 3],
          ])
        )
      ).toBe("KAM.DELPHI: estimates, row 2: the cell holds the error #N/A");
      expect(
        errorOf(() =>
          delphiFunction(
            [
              [1, null],
              [3, null],
            ],
            null,
            at("B2:C3")
          )
        )
      ).toBe("KAM.DELPHI: estimates (B2:C3): round 2 (column C) has no estimates");
      expect(errorOf(() => delphiFunction([[null]]))).toBe(
        "KAM.DELPHI: estimates: round 1 has no estimates"
      );
    });
    test("out-of-range threshold", () =>
      expect(errorOf(() => delphiFunction(panel, -0.1))).toBe(
        "KAM.DELPHI: threshold: -0.1 is not allowed; give a number from 0 to 10"
      ));
  });
});

describe("KAM.SURVEY_FORECAST", () => {
  const x = [120, 100, 150, 90, 130, 110, 200, 95, 105, 300];
  test("plain and trimmed means (R 4.2 mean(x, trim))", () => {
    expect(surveyForecast(col(...x))).toEqual([[140]]);
    expect(surveyForecast(col("Estimate", ...x), OMITTED, 0.1)[0][0] as number).toBeCloseTo(
      126.25,
      10
    );
    expect(surveyForecast(col(...x), OMITTED, 0.25)[0][0] as number).toBeCloseTo(119.166666667, 8);
  });
  test("weights (R 4.2 weighted.mean), in a row", () => {
    const w = [2, 1, 1, 3, 1, 1, 1, 2, 1, 1];
    expect(surveyForecast([x], [w])[0][0] as number).toBeCloseTo(128.214285714, 8);
  });
  describe("bad input", () => {
    test("text, errors, blanks, mismatched sizes, empty", () => {
      expect(errorOf(() => surveyForecast(col(1, "abc", 3), OMITTED, null, at("A1:A3")))).toBe(
        'KAM.SURVEY_FORECAST: estimates, row 2 (A2): "abc" is not a number'
      );
      expect(errorOf(() => surveyForecast(col(1, "#N/A", 3)))).toBe(
        "KAM.SURVEY_FORECAST: estimates, row 2: the cell holds the error #N/A"
      );
      expect(errorOf(() => surveyForecast(col(1, 2, 3), col(1, null, 1)))).toBe(
        "KAM.SURVEY_FORECAST: weights, row 2: the cell is blank"
      );
      expect(errorOf(() => surveyForecast(col(1, 2, 3), col(1, 1)))).toBe(
        "KAM.SURVEY_FORECAST: weights: has 2 cells but estimates has 3; the ranges must be the same size"
      );
      expect(errorOf(() => surveyForecast(col(null, null)))).toBe(
        "KAM.SURVEY_FORECAST: estimates: no values: the range is blank"
      );
    });
    test("negative weights, weights left at zero, trim out of range", () => {
      expect(
        errorOf(() => surveyForecast(col(1, 2, 3), col(1, -2, 1), null, at("A1:A3", "B1:B3")))
      ).toBe("KAM.SURVEY_FORECAST: weights, row 2 (B2): -2 is negative; weights must be ≥ 0");
      expect(errorOf(() => surveyForecast(col(1, 2, 3), col(1, 0, 1), 0.4))).toBe(
        "KAM.SURVEY_FORECAST: weights: the weights of the estimates left after trimming add up to 0"
      );
      expect(errorOf(() => surveyForecast(col(1, 2, 3), OMITTED, 0.5))).toBe(
        "KAM.SURVEY_FORECAST: trim: 0.5 is not allowed; give a fraction of at least 0 and below 0.5"
      );
      expect(errorOf(() => surveyForecast(col(1, 2, 3), OMITTED, -0.1))).toBe(
        "KAM.SURVEY_FORECAST: trim: -0.1 is not allowed; give a fraction of at least 0 and below 0.5"
      );
    });
  });
});
