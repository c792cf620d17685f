import { describe, test, expect } from "@jest/globals";
import { accuracy, mase, smape } from "../../../src/engine/forecast/accuracy";
import { akaikeWeights, autoForecast } from "../../../src/engine/forecast/auto";
import { chooseEts, EtsFit, forecastEts } from "../../../src/engine/forecast/ets";
import { backtest } from "../../../src/engine/forecast/backtest";
import { decompose, isSeasonal } from "../../../src/engine/forecast/decompose";
import { movingAverageForecast } from "../../../src/engine/forecast/movingAverage";
import { detectPeriod, fillGaps, periodFromDates } from "../../../src/engine/forecast/series";
import { normalQuantile, studentQuantile } from "../../../src/engine/forecast/stats";
import { thetaForecast } from "../../../src/engine/forecast/theta";
import { N0001, N1402, R_REFERENCE } from "./fixtures";

describe("Theta", () => {
  test("thetaf(N0001): R forecast 8.20", () => {
    const f = thetaForecast(N0001, 6, 1).mean;
    f.forEach((v, i) => expect(v).toBeCloseTo(R_REFERENCE.n0001Theta[i], 0));
  });
  test("a seasonal series is adjusted and reseasonalised", () => {
    const y = Array.from({ length: 48 }, (_, t) => 100 * (t % 4 === 0 ? 1.5 : 0.8333) + t);
    const r = thetaForecast(y, 8, 4);
    expect(r.seasonal).toBe(true);
    expect(r.mean[0]).toBeGreaterThan(r.mean[1]);
    expect(r.mean[4]).toBeGreaterThan(r.mean[5]);
  });
});

describe("classical decomposition", () => {
  test("decompose(N1402, multiplicative) figure: R 4.2 stats::decompose", () => {
    const d = decompose(N1402, 12, "multiplicative");
    d.indices.forEach((v, i) => expect(v).toBeCloseTo(R_REFERENCE.n1402Figure[i], 6));
  });
  test("additive indices sum to 0 and recover a known pattern", () => {
    const pattern = [5, -3, 1, -3];
    const y = Array.from({ length: 24 }, (_, t) => 10 + 0.5 * t + pattern[t % 4]);
    const d = decompose(y, 4, "additive");
    d.indices.forEach((v, i) => expect(v).toBeCloseTo(pattern[i], 9));
    expect(d.indices.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
    expect(isSeasonal(y, 4)).toBe(true);
  });
  test("too short is a RangeError", () => {
    expect(() => decompose([1, 2, 3], 4, "additive")).toThrow(RangeError);
  });
});

describe("series preparation", () => {
  test("blanks: trimmed at the ends, interpolated inside", () => {
    expect(fillGaps([null, 1, null, 3, null, null, 6, null])).toEqual({
      values: [1, 2, 3, 4, 5, 6],
      first: 1,
      last: 6,
      filled: [2, 4, 5],
    });
    expect(fillGaps([null, null])).toBeUndefined();
  });
  test("period from date spacing and from the data", () => {
    expect(periodFromDates([45292, 45323, 45352, 45383])).toBe(12);
    expect(periodFromDates([45292, 45383, 45474])).toBe(4);
    expect(periodFromDates([45292, 45299, 45306])).toBe(52);
    const monthly = Array.from(
      { length: 60 },
      (_, t) => 100 + t + [20, -10, 5, 0, -15, 10, 30, -20, 0, 5, -10, -15][t % 12]
    );
    expect(detectPeriod(monthly)).toBe(12);
    const quarterly = Array.from({ length: 32 }, (_, t) => 100 + 2 * t + [15, -5, -20, 10][t % 4]);
    expect(detectPeriod(quarterly)).toBe(4);
    expect(detectPeriod(Array.from({ length: 40 }, (_, t) => 100 + 3 * t))).toBe(1);
  });
});

describe("moving average", () => {
  test("simple and weighted, recursive beyond one step (hand-checked)", () => {
    expect(movingAverageForecast([1, 2, 3, 4], 2, 3)).toEqual([3.5, 3.75, 3.625]);
    expect(movingAverageForecast([10, 20, 30], 3, 1, [1, 2, 3])).toEqual([(10 + 40 + 90) / 6]);
    expect(() => movingAverageForecast([1, 2], 3, 1)).toThrow(RangeError);
  });
});

describe("accuracy measures (Hyndman & Koehler 2006), hand-checked", () => {
  test("all measures", () => {
    const a = accuracy([100, 200], [110, 180], [90, 100, 120], 1);
    expect(a.mae).toBe(15);
    expect(a.rmse).toBeCloseTo(Math.sqrt((100 + 400) / 2), 12);
    expect(a.mape).toBeCloseTo(10, 12);
    expect(a.smape).toBeCloseTo((200 * 10) / 210 / 2 + (200 * 20) / 380 / 2, 10);
    expect(a.mase).toBeCloseTo(15 / 15, 12);
    expect(a.bias).toBe(-5);
    expect(accuracy([0, 1], [1, 1]).mape).toBeUndefined();
    expect(smape([0], [0])).toBe(0);
    expect(Number.isNaN(mase([1], [1], [1], 1))).toBe(true);
  });
});

describe("combination and backtest", () => {
  test("the combination is the mean of its members; the ETS member weights every model by AICc", () => {
    const y = N1402.slice(0, 40);
    const c = autoForecast(y, 4, 12, 0.9);
    for (let j = 0; j < 4; j++) {
      const m = c.members.reduce((s, x) => s + x.mean[j], 0) / 3;
      expect(c.mean[j]).toBeCloseTo(m, 9);
      expect(c.lower![j]).toBeLessThan(c.upper![j]);
    }
    const { fits, damped } = chooseEts(y, { period: 12 });
    const w = akaikeWeights(fits);
    expect(w.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    const raw = fits.map((f) => Math.exp(-f.aicc / 2));
    const total = raw.reduce((s, v) => s + v, 0);
    fits.forEach((_, i) => expect(w[i]).toBeCloseTo(raw[i] / total, 9));
    const weighted = fits.reduce(
      (acc, f, i) => acc.map((v, j) => v + w[i] * forecastEts(f, 4).mean[j]),
      [0, 0, 0, 0]
    );
    c.members[0].mean.forEach((v, j) => expect(v).toBeCloseTo(weighted[j], 6));
    c.members[1].mean.forEach((v, j) => expect(v).toBeCloseTo(forecastEts(damped!, 4).mean[j], 9));
    c.members[2].mean.forEach((v, j) => expect(v).toBeCloseTo(thetaForecast(y, 4, 12).mean[j], 9));
  });
  test("Akaike weights: equal AICc share equally, a gap of 2 costs a factor e", () => {
    const fit = (aicc: number) => ({ aicc }) as EtsFit;
    expect(akaikeWeights([fit(10), fit(10)])).toEqual([0.5, 0.5]);
    const [a, b] = akaikeWeights([fit(10), fit(12)]);
    expect(a / b).toBeCloseTo(Math.E, 12);
    expect(akaikeWeights([fit(Infinity), fit(5)])).toEqual([0, 1]);
    expect(akaikeWeights([fit(Infinity), fit(Infinity)])).toEqual([0.5, 0.5]);
  });
  test("backtest of a moving average on a line equals the known lag error", () => {
    const y = Array.from({ length: 20 }, (_, t) => 2 * t);
    // MA(3) one step ahead lags a slope-2 line by 4.
    const r = backtest(y, 1, "ma", 5, 1);
    expect(r.mae).toBeCloseTo(4, 12);
    expect(r.bias).toBeCloseTo(-4, 12);
    expect(r.origins).toBe(5);
    expect(() => backtest([1, 2, 3, 4], 2, "auto", 3, 1)).toThrow(RangeError);
  });
});

describe("quantiles", () => {
  test("normal and t quantiles (R qnorm / qt)", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 7);
    expect(studentQuantile(0.975, 10)).toBeCloseTo(2.228138852, 6);
    expect(studentQuantile(0.05, 3)).toBeCloseTo(-2.353363435, 6);
  });
});
