import { describe, test, expect } from "@jest/globals";
import { dpm, weightedScores } from "../../../src/engine/portfolio/dpm";
import { financialRatios } from "../../../src/engine/portfolio/ratios";

describe("financialRatios (hand-checked)", () => {
  test("current 200/100 = 2, margin 50/1000 = 0.05, ROA 50/500 = 0.1, debt 300/500 = 0.6, turnover 1000/500 = 2", () => {
    expect(
      financialRatios({
        currentAssets: 200,
        currentLiabilities: 100,
        netProfit: 50,
        revenue: 1000,
        totalAssets: 500,
        totalLiabilities: 300,
      })
    ).toEqual({
      currentRatio: { value: 2 },
      netProfitMargin: { value: 0.05 },
      returnOnAssets: { value: 0.1 },
      debtRatio: { value: 0.6 },
      assetTurnover: { value: 2 },
    });
  });
  test("a zero denominator affects only its ratios", () => {
    const r = financialRatios({
      currentAssets: 1,
      currentLiabilities: 2,
      netProfit: 0,
      revenue: 0,
      totalAssets: 4,
      totalLiabilities: 1,
    });
    expect(r.netProfitMargin).toEqual({ zero: "revenue" });
    expect(r.currentRatio).toEqual({ value: 0.5 });
    expect(r.assetTurnover).toEqual({ value: 0 });
  });
});

describe("dpm (hand-checked)", () => {
  test("weighted scores and the four quadrants", () => {
    // attractiveness factors (weights 2, 1): rows (8, 5) → (16 + 5)/3 = 7; (2, 2) → 2; (9, 9) → 9; (3, 6) → 4
    // strength, one factor: 8, 9, 2, 1
    const a = [
      [8, 2, 9, 3],
      [5, 2, 9, 6],
    ];
    expect(weightedScores(a, [2, 1])).toEqual([7, 2, 9, 4]);
    const r = dpm(a, [2, 1], [[8, 9, 2, 1]], [1], 5);
    expect(r.map((x) => [x.quadrant, x.strategy])).toEqual([
      ["star", "improve"],
      ["cashCow", "maintain"],
      ["questionMark", "enter"],
      ["dog", "harvest"],
    ]);
  });
  test("a score equal to the cut is low", () => {
    expect(dpm([[5]], [1], [[6]], [1], 5)[0].quadrant).toBe("cashCow");
  });
});
