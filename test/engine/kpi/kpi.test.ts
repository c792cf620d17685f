import { describe, test, expect } from "@jest/globals";
import {
  cagr,
  churn,
  csat,
  growth,
  kaContribution,
  nps,
  retention,
  share,
} from "../../../src/engine/kpi/kpi";

const value = (o: { ok: boolean; value?: number }) => (o.ok ? o.value : NaN);

describe("KPIs (hand-checked)", () => {
  test("retention and churn: start 100, end 95, new 15 → kept 80 → 0.8 and 0.2", () => {
    expect(value(retention(100, 95, 15))).toBeCloseTo(0.8, 12);
    expect(value(churn(100, 95, 15))).toBeCloseTo(0.2, 12);
    expect(retention(0, 5, 5)).toEqual({
      ok: false,
      reason: "customers_start is 0: retention needs customers at the start",
    });
    expect(retention(10, 5, 8).ok).toBe(false);
    expect(retention(10, 30, 5).ok).toBe(false);
  });
  test("growth: 120 vs 100 → 0.2; −50 vs −100 → +0.5; previous 0 fails", () => {
    expect(value(growth(120, 100))).toBeCloseTo(0.2, 12);
    expect(value(growth(-50, -100))).toBeCloseTo(0.5, 12);
    expect(growth(5, 0).ok).toBe(false);
  });
  test("CAGR: 100 → 121 in 2 periods → 10%", () => {
    expect(value(cagr(100, 121, 2))).toBeCloseTo(0.1, 12);
    expect(cagr(0, 5, 2).ok).toBe(false);
    expect(cagr(5, 5, 0).ok).toBe(false);
  });
  test("share: 25 of 200 → 0.125", () => {
    expect(value(share(25, 200))).toBe(0.125);
    expect(share(1, 0).ok).toBe(false);
  });
  test("NPS: 10 answers, 5 promoters, 2 passives, 3 detractors → 50% − 30% = 20", () => {
    expect(value(nps([10, 9, 9, 10, 9, 7, 8, 6, 0, 3]))).toBeCloseTo(20, 12);
    expect(nps([]).ok).toBe(false);
  });
  test("CSAT: 3 of 5 answers ≥ 4 → 0.6", () => {
    expect(value(csat([5, 4, 3, 4, 1], 4))).toBeCloseTo(0.6, 12);
  });
  test("key-account contribution: (60 + 20) / 100 = 0.8", () => {
    expect(value(kaContribution([60, 20, 20], [true, true, false]))).toBeCloseTo(0.8, 12);
    expect(kaContribution([0, 0], [true, false]).ok).toBe(false);
  });
});
