import { describe, test, expect } from "@jest/globals";
import {
  dependentDriver,
  fitRegression,
  forecastRegression,
  RegressionProblem,
} from "../../../src/engine/forecast/regression";

// The first 12 cars of R's mtcars data set (mpg, wt, hp).
const MPG = [21.0, 21.0, 22.8, 21.4, 18.7, 18.1, 14.3, 24.4, 22.8, 19.2, 17.8, 16.4];
const WT = [2.62, 2.875, 2.32, 3.215, 3.44, 3.46, 3.57, 3.19, 3.15, 3.44, 3.44, 4.07];
const HP = [110, 110, 93, 110, 175, 105, 245, 62, 95, 123, 123, 180];

describe("fitRegression", () => {
  test("exact case: y = 5 + 2·x1 − 3·x2 + known residuals that are orthogonal to the design", () => {
    // Residuals e orthogonal to 1, x1 and x2 leave the least-squares coefficients at (5, 2, −3).
    const x1 = [1, 2, 3, 4, 5, 6];
    const x2 = [2, 1, 4, 3, 6, 5];
    const e = [1, -2, 1, 1, -2, 1]; // Σe = 0, Σe·x1 = 0, Σe·x2 = 0
    expect(e.reduce((s, v, i) => s + v * x1[i], 0)).toBe(0);
    expect(e.reduce((s, v, i) => s + v * x2[i], 0)).toBe(0);
    const y = x1.map((v, i) => 5 + 2 * v - 3 * x2[i] + e[i]);
    const fit = fitRegression(y, [x1, x2]);
    expect(fit.coefficients[0]).toBeCloseTo(5, 10);
    expect(fit.coefficients[1]).toBeCloseTo(2, 10);
    expect(fit.coefficients[2]).toBeCloseTo(-3, 10);
    // SSE = Σe² = 12, df = 3: s = 2.
    expect(fit.rmse).toBeCloseTo(2, 10);
    expect(fit.df).toBe(3);
  });

  test("R 4.2 lm(mpg ~ wt + hp, head(mtcars, 12))", () => {
    const fit = fitRegression(MPG, [WT, HP]);
    // Values printed by R 4.2: summary(lm(mpg ~ wt + hp, data = head(mtcars, 12))).
    const coef = [31.1019249905233, -1.8026177533256, -0.0427168891148];
    const se = [2.9762118501257, 1.0742594134201, 0.0100358045517];
    const t = [10.45017174742, -1.67800973471, -4.25644888705];
    const p = [2.47732317786e-6, 1.27655550386e-1, 2.12221505631e-3];
    coef.forEach((v, i) => expect(fit.coefficients[i]).toBeCloseTo(v, 9));
    se.forEach((v, i) => expect(fit.standardErrors[i]).toBeCloseTo(v, 9));
    t.forEach((v, i) => expect(fit.t[i]).toBeCloseTo(v, 7));
    p.forEach((v, i) => expect(fit.p[i]! / v).toBeCloseTo(1, 5));
    expect(fit.r2).toBeCloseTo(0.824552149531, 10);
    expect(fit.adjustedR2).toBeCloseTo(0.785563738316, 10);
    expect(fit.rmse).toBeCloseTo(1.359878332594, 10);
  });

  test("R 4.2 predict(..., interval = 'prediction', level = 0.9)", () => {
    const fit = fitRegression(MPG, [WT, HP]);
    const f = forecastRegression(
      fit,
      [
        [3, 2.5],
        [120, 200],
      ],
      0.9
    );
    expect(f.mean[0]).toBeCloseTo(20.5680450368, 8);
    expect(f.lower[0]).toBeCloseTo(17.9432997752, 7);
    expect(f.upper[0]).toBeCloseTo(23.1927902983, 7);
    expect(f.mean[1]).toBeCloseTo(18.0520027842, 8);
    expect(f.lower[1]).toBeCloseTo(14.4818409758, 7);
    expect(f.upper[1]).toBeCloseTo(21.6221645927, 7);
  });

  test("an exact fit has zero error and no t statistics", () => {
    const x = [1, 2, 3, 4];
    const fit = fitRegression(
      x.map((v) => 3 + 2 * v),
      [x]
    );
    expect(fit.rmse).toBe(0);
    expect(fit.t).toEqual([undefined, undefined]);
    expect(fit.r2).toBe(1);
  });

  test("too few rows and collinear drivers are explained", () => {
    expect(() =>
      fitRegression(
        [1, 2, 3],
        [
          [1, 2, 4],
          [3, 1, 2],
        ]
      )
    ).toThrow("needs at least 4 rows for 2 drivers");
    const x1 = [1, 2, 3, 4, 5];
    const x2 = [2, 0, 1, 5, 3];
    const x3 = x1.map((v, i) => 2 * v - x2[i] + 7);
    let problem: unknown;
    try {
      fitRegression([3, 1, 4, 1, 5], [x1, x2, x3]);
    } catch (e) {
      problem = e;
    }
    expect(problem).toBeInstanceOf(RegressionProblem);
    expect((problem as RegressionProblem).driver).toBe(2);
    expect(dependentDriver([x1, [4, 4, 4, 4, 4]])).toBe(1);
    expect(dependentDriver([x1, x2])).toBeUndefined();
  });
});
