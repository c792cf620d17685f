import { describe, test, expect } from "@jest/globals";
// Issue 14 (speed and scale) and issue 17 item 3 (ETS speed), engine side: no spread of user-sized
// arrays, a stated limit on the history an ETS model is fitted to, a backtest that says which
// argument keeps it from running, and the faster likelihood equal to a plain recursion.
import { maxOf, minOf } from "../../../src/engine/numeric";
import {
  chooseEts,
  ETS_MAX_VALUES,
  etsLengthProblem,
  etsMinimumValues,
  etsRecursion,
  etsRun,
} from "../../../src/engine/forecast/ets";
import {
  backtest,
  backtestMaxOrigins,
  backtestProblem,
  BACKTEST_MAX_FITTED,
} from "../../../src/engine/forecast/backtest";
import { forecastSeries } from "../../../src/engine/forecast/batch";
import { uniformGenerator } from "../../../src/engine/random";

describe("maxOf / minOf", () => {
  test("agree with Math.max / Math.min, empty and NaN included", () => {
    for (const v of [[], [3], [2, -1, 7, 7, 0], [-0.5, -2], [1, NaN, 3], [NaN]]) {
      expect(maxOf(v)).toBe(Math.max(...v));
      expect(minOf(v)).toBe(Math.min(...v));
    }
  });
  test("1,048,576 values: no stack overflow (Math.max(...v) throws RangeError)", () => {
    const v = new Float64Array(1_048_576);
    for (let i = 0; i < v.length; i++) v[i] = ((i * 7919) % 1_000_003) - 500_000;
    expect(() => Math.max(...v)).toThrow(RangeError);
    let hi = -Infinity;
    let lo = Infinity;
    v.forEach((x) => {
      hi = x > hi ? x : hi;
      lo = x < lo ? x : lo;
    });
    expect(maxOf(v)).toBe(hi);
    expect(minOf(v)).toBe(lo);
  });
});

describe("the longest history an ETS model is fitted to", () => {
  test("5,000 values fit; more is a RangeError that says the limit and what to do", () => {
    expect(etsLengthProblem(ETS_MAX_VALUES)).toBeUndefined();
    expect(etsLengthProblem(200_000)).toBe(
      "200,000 values are more than the 5,000 exponential smoothing is fitted on (about a second per 5,000 values): give the last 5,000, or totals per longer period (e.g. months instead of days)"
    );
    // 200,000 values: refused at once (before, Math.min(...y) overflowed the stack from ~200,000)
    const y = Array.from({ length: 200_000 }, (_, i) => 100 + (i % 12));
    const t0 = Date.now();
    expect(() => chooseEts(y, { period: 12 })).toThrow(/200,000 values are more than the 5,000/);
    expect(Date.now() - t0).toBeLessThan(1000);
  });
  test("the fewest values a pattern needs: candidateModels' rule (free quantities + 5)", () => {
    // damped trend: level, trend (2 states) + α, β, φ (3 parameters) = 5 free quantities → 10 values
    expect(etsMinimumValues({ error: "Z", trend: "Ad", season: "Z" }, 12)).toBe(10);
    // ANA with period 4: α, γ, level + 4 seasons = 2 + 4 → 11 values
    expect(etsMinimumValues({ error: "A", trend: "N", season: "A" }, 4)).toBe(11);
    expect(etsMinimumValues({ error: "Z", trend: "Z", season: "Z" }, 12)).toBe(3);
    // at the minimum the damped pattern fits; one value fewer it does not
    const y = [100, 110, 120, 105, 98, 112, 125, 130, 101, 99];
    expect(
      chooseEts(y, { period: 1, pattern: { error: "Z", trend: "Ad", season: "Z" } }).best.model
        .trend
    ).toBe("Ad");
    expect(() =>
      chooseEts(y.slice(1), { period: 1, pattern: { error: "Z", trend: "Ad", season: "Z" } })
    ).toThrow(/cannot be fitted/);
  });
});

describe("backtest: which argument keeps it from running", () => {
  const v = [100, 110, 120, 105, 98, 112, 125, 130, 101, 99, 115, 120, 104, 111, 122, 108];
  test('issue 14: 16 values, horizon 5, "damped", 3 origins → at most 2 origins', () => {
    // first fit 16 − 5 − 3 + 1 = 9 values; a damped trend needs 10 → 16 − 5 − 10 + 1 = 2 origins
    expect(backtestMaxOrigins(16, 5, "damped", 1)).toBe(2);
    expect(backtestProblem(16, 5, "damped", 3, 1)).toEqual({
      arg: "origins",
      message:
        "16 values are too few for 3 origins of 5 periods: the first fit would have 9 values and a damped trend needs at least 10; use at most 2 origins",
    });
    expect(() => backtest(v, 5, "damped", 3, 1)).toThrow(/use at most 2 origins/);
    expect(backtestProblem(16, 8, "damped", 1, 1)?.arg).toBe("values");
    expect(backtestProblem(16, 5, "smooth", 3, 1)).toBeUndefined();
  });
  test("two origins answer; the errors pooled as the definition says", () => {
    const r = backtest(v, 5, "damped", 2, 1);
    // independent: refit on the first 10 and 11 values, pool |error| over 2 × 5 periods
    let abs = 0;
    let sq = 0;
    for (const train of [10, 11]) {
      const f = forecastSeries(v.slice(0, train), 5, { method: "damped", period: 1 }).mean;
      for (let j = 0; j < 5; j++) {
        abs += Math.abs(f[j] - v[train + j]);
        sq += (f[j] - v[train + j]) ** 2;
      }
    }
    expect(r.origins).toBe(2);
    expect(r.mae).toBeCloseTo(abs / 10, 12);
    expect(r.rmse).toBeCloseTo(Math.sqrt(sq / 10), 12);
  });
  test("ETS methods: a history past 5,000 values is about values, too many refits about origins", () => {
    expect(backtestProblem(5_012, 12, "auto", 1, 12)).toBeUndefined();
    expect(backtestProblem(5_013, 12, "auto", 1, 12)).toEqual({
      arg: "values",
      message: expect.stringMatching(
        /^5,001 values before the last origin are more than the 5,000/
      ),
    });
    expect(backtestProblem(1_000_000, 12, "theta", 6, 12)).toBeUndefined();
    // 4,000 values, horizon 12, 8 origins: fits of 3,981 … 3,988 values = 31,876 > 30,000
    expect(BACKTEST_MAX_FITTED).toBe(30_000);
    expect(backtestProblem(4_000, 12, "smooth", 8, 12)).toEqual({
      arg: "origins",
      message:
        "8 origins refit the method on 31,876 values in all; at most 30,000 (about a second per 5,000): use fewer origins or a shorter history",
    });
    expect(backtestProblem(4_000, 12, "smooth", 7, 12)).toBeUndefined();
  });
});

describe("the ETS likelihood loop equals the plain recursion", () => {
  // Independent: ETS(M,Ad,M) in error-correction form (Hyndman et al. 2008, Table 2.1), written
  // here step by step; −2 log L up to a constant = n log Σ e² + 2 Σ log|μ| with e = (y − μ)/μ.
  test("MAdM on 600 values, seasons of 12: same value to 1e-9 relative and same SSE", () => {
    const u = uniformGenerator(99);
    const y = Float64Array.from({ length: 600 }, (_, t) =>
      Math.abs((200 + t) * (1 + 0.3 * Math.sin((2 * Math.PI * t) / 12)) * (1 + 0.05 * (u() - 0.5)))
    );
    const [alpha, beta, gamma, phi] = [0.3, 0.05, 0.1, 0.95];
    const season0 = Array.from(
      { length: 12 },
      (_, p) => 1 + 0.3 * Math.sin((2 * Math.PI * p) / 12)
    );
    const r = etsRecursion({ error: "M", trend: "Ad", season: "M" }, 12);
    Object.assign(r, { alpha, beta, gamma, phi, level: 200, trend: 1, p: 0 });
    r.season.set(season0);
    const fitted = new Float64Array(600);
    const value = etsRun(r, 600, y, undefined, fitted);

    let l = 200;
    let b = 1;
    const s = season0.slice();
    let sse = 0;
    let logs = 0;
    for (let t = 0; t < 600; t++) {
      const p = t % 12;
      const mu = (l + phi * b) * s[p];
      const e = (y[t] - mu) / mu;
      expect(fitted[t]).toBeCloseTo(mu, 8);
      sse += e * e;
      logs += Math.log(Math.abs(mu));
      const lb = l + phi * b;
      l = lb * (1 + alpha * e);
      b = phi * b + beta * lb * e;
      s[p] = s[p] * (1 + gamma * e);
    }
    const plain = 600 * Math.log(sse) + 2 * logs;
    expect(Math.abs(value - plain)).toBeLessThan(1e-9 * Math.abs(plain));
    expect(r.sse).toBeCloseTo(sse, 12);
  });
});
