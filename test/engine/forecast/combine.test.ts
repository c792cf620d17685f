import { describe, test, expect } from "@jest/globals";
import { combineForecasts, inverseMseWeights } from "../../../src/engine/forecast/combine";

describe("combineForecasts", () => {
  const a = [100, 110, 120];
  const b = [90, 100, 130];
  test("equal weights: the mean of the methods", () => {
    const r = combineForecasts([a, b]);
    expect(r.combined).toEqual([95, 105, 125]);
    expect(r.weights).toEqual([0.5, 0.5]);
    expect(r.weighting).toBe("equal");
  });
  test("given weights are normalised", () => {
    const r = combineForecasts([a, b], [3, 1]);
    expect(r.weights).toEqual([0.75, 0.25]);
    expect(r.combined[0]).toBeCloseTo(97.5, 12);
    expect(r.combined[2]).toBeCloseTo(122.5, 12);
  });
  test("inverse-MSE weights, hand-computed", () => {
    // Actuals on the first two periods only: errors of a are 2, −2 (MSE 4); of b −8, −12 (MSE 104).
    const r = combineForecasts([a, b], undefined, [98, 112, null]);
    const wa = 1 / 4 / (1 / 4 + 1 / 104);
    expect(r.weights[0]).toBeCloseTo(wa, 12);
    expect(r.weights[1]).toBeCloseTo(1 - wa, 12);
    expect(r.combined[2]).toBeCloseTo(wa * 120 + (1 - wa) * 130, 10);
    expect(r.weighting).toBe("inverse-mse");
  });
  test("a perfect method takes all the weight", () => {
    expect(inverseMseWeights([a, b, a], [100, 110, 120])).toEqual([0.5, 0, 0.5]);
  });
  test("errors", () => {
    expect(() => combineForecasts([a, b], [1, -1])).toThrow("weight 2 is -1; weights must be ≥ 0");
    expect(() => combineForecasts([a, b], [0, 0])).toThrow("the weights add up to 0");
    expect(() => combineForecasts([a, b], [1])).toThrow("needs 2 weights");
    expect(() => combineForecasts([a, b], undefined, [null, null, null])).toThrow(
      "no actual values"
    );
    expect(() => combineForecasts([])).toThrow("no methods");
  });
});
