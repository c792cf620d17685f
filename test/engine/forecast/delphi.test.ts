import { describe, test, expect } from "@jest/globals";
import { delphi, delphiRound, surveyComposite } from "../../../src/engine/forecast/delphi";

describe("delphi", () => {
  // Quartiles checked with R 4.2: quantile(x, c(.25, .5, .75), type = 7), which equals QUARTILE.INC.
  const r1 = [120, 100, 150, 90, 130, 110, 200];
  const r2 = [118, 112, 125, 105, 120, 115, 130];
  test("round statistics and consensus", () => {
    const d = delphi([r1, r2]);
    expect(d.rounds[0]).toMatchObject({ n: 7, median: 120, q1: 105, q3: 140, iqr: 35 });
    expect(d.rounds[0].ratio).toBeCloseTo(35 / 120, 12);
    expect(d.rounds[0].consensus).toBe(false);
    expect(d.rounds[1]).toMatchObject({ median: 118, q1: 113.5, q3: 122.5, iqr: 9 });
    expect(d.rounds[1].consensus).toBe(true); // 9 / 118 = 0.076 ≤ 0.1
    expect(d.finalEstimate).toBe(118);
    expect(delphi([r2], 0.05).rounds[0].consensus).toBe(false);
  });
  test("a zero median", () => {
    expect(delphiRound([0, 0, 0], 0.1)).toMatchObject({ ratio: undefined, consensus: true });
    expect(delphiRound([-1, 0, 1], 0.1)).toMatchObject({ ratio: undefined, consensus: false });
  });
});

describe("surveyComposite", () => {
  const x = [120, 100, 150, 90, 130, 110, 200, 95, 105, 300];
  test("trimmed means match R 4.2 mean(x, trim)", () => {
    expect(surveyComposite(x, undefined, 0.1)).toBeCloseTo(126.25, 10);
    expect(surveyComposite(x, undefined, 0.25)).toBeCloseTo(119.166666667, 8);
    expect(surveyComposite(x)).toBeCloseTo(140, 12);
  });
  test("weights: R 4.2 weighted.mean; trimming drops the weights of trimmed estimates", () => {
    const w = [2, 1, 1, 3, 1, 1, 1, 2, 1, 1];
    expect(surveyComposite(x, w)).toBeCloseTo(128.214285714, 8);
    // trim 0.1 drops 90 (weight 3) and 300 (weight 1); hand-computed weighted mean of the rest.
    const kept = [0, 1, 2, 4, 5, 6, 7, 8];
    const expected = kept.reduce((s, i) => s + w[i] * x[i], 0) / kept.reduce((s, i) => s + w[i], 0);
    expect(surveyComposite(x, w, 0.1)).toBeCloseTo(expected, 12);
  });
  test("errors", () => {
    expect(() => surveyComposite([])).toThrow("no estimates");
    expect(() => surveyComposite([1, 2], [1])).toThrow("needs 2 weights");
    expect(() => surveyComposite([1, 2], [1, -1])).toThrow("weights must be ≥ 0");
    expect(() => surveyComposite([1, 2], undefined, 0.5)).toThrow("trim");
    expect(() => surveyComposite([1, 2, 3], [1, 0, 1], 0.34)).toThrow("add up to 0");
  });
});
