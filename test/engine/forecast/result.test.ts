import { describe, test, expect } from "@jest/globals";
import { weightedEtsForecast } from "../../../src/engine/forecast/auto";
import { forecastSeries, SeriesForecast } from "../../../src/engine/forecast/batch";
import {
  autoEts,
  chooseEts,
  etsRecursion,
  etsRun,
  etsStart,
  fitEtsModel,
  forecastEts,
} from "../../../src/engine/forecast/ets";
import { movingAverageResult } from "../../../src/engine/forecast/movingAverage";
import { fitRegression, forecastRegression } from "../../../src/engine/forecast/regression";
import { thetaForecast } from "../../../src/engine/forecast/theta";
import { N0001, N1089 } from "./fixtures";

describe("one forecast result for every method (as R's forecast objects)", () => {
  const h = 6;
  const run = (method: "auto" | "smooth" | "damped" | "theta" | "ma", level?: number) =>
    forecastSeries(N1089, h, { method, period: 4, level });

  test("each method: its description, point forecasts, interval with its level, fitted values", () => {
    const expected: Record<string, [SeriesForecast["kind"], RegExp]> = {
      smooth: ["ets", /^ETS\(M,A,A\)$/],
      damped: ["ets", /^ETS\([AM],Ad,[NAM]\)$/],
      theta: ["theta", /^Theta$/],
      ma: ["ma", /^MA\(4\)$/],
      auto: ["combination", /^Combination\(Weighted ETS, ETS\([AM],Ad,[NAM]\), Theta\)$/],
    };
    for (const [method, [kind, description]] of Object.entries(expected)) {
      const r = run(method as "auto", 0.9);
      expect(r.kind).toBe(kind);
      expect(r.method).toMatch(description);
      expect(r.mean).toHaveLength(h);
      expect(r.fitted).toHaveLength(N1089.length);
      if (method === "ma") {
        // A moving average has no interval and no fitted value before its first full window.
        expect(r.lower).toBeUndefined();
        expect(r.level).toBeUndefined();
        expect(r.fitted.slice(0, 4).every(Number.isNaN)).toBe(true);
        expect(r.fitted.slice(4).every(Number.isFinite)).toBe(true);
      } else {
        expect(r.level).toBe(0.9);
        expect(r.lower).toHaveLength(h);
        expect(r.upper).toHaveLength(h);
        expect(r.fitted.every(Number.isFinite)).toBe(true);
      }
      // Without a level: no interval, no level.
      const plain = run(method as "auto");
      expect(plain.lower).toBeUndefined();
      expect(plain.level).toBeUndefined();
      expect(plain.mean).toEqual(r.mean);
    }
  });

  test("the details of each kind", () => {
    const ma = run("ma");
    if (ma.kind !== "ma") throw new Error("not ma");
    expect(ma.window).toBe(4);
    expect(ma.fitted[4]).toBeCloseTo((N1089[0] + N1089[1] + N1089[2] + N1089[3]) / 4, 9);
    const auto = run("auto");
    if (auto.kind !== "combination") throw new Error("not a combination");
    expect(auto.members.map((m) => m.name)).toEqual(["Weighted ETS", "Damped ETS", "Theta"]);
    // The combination's fitted values are the mean of its members'.
    const choice = chooseEts(N1089, { period: 4 });
    const members = [
      weightedEtsForecast(choice.fits, h).fitted,
      forecastEts(choice.damped ?? choice.best, h).fitted,
      thetaForecast(N1089, h, 4).fitted,
    ];
    auto.fitted.forEach((v, t) =>
      expect(v).toBeCloseTo((members[0][t] + members[1][t] + members[2][t]) / 3, 9)
    );
  });

  test("ETS: the fit's one-step fitted values; weighted moving average named so", () => {
    const fit = autoEts(N1089, { period: 4 });
    expect(forecastEts(fit, 3).fitted).toEqual(fit.fitted);
    expect(movingAverageResult([1, 2, 3, 4], 2, 1, [1, 3]).method).toBe("Weighted MA(2)");
  });

  test("Theta: the fitted values of its simple exponential smoothing (as R's thetaf)", () => {
    const ses = fitEtsModel(N0001, 1, { error: "A", trend: "N", season: "N" });
    expect(thetaForecast(N0001, 3, 1).fitted).toEqual(ses?.fitted);
  });

  test("regression: description, interval level and fitted values", () => {
    const x = [1, 2, 3, 4, 5, 6];
    const y = [2.1, 3.9, 6.2, 7.8, 10.1, 12];
    const fit = fitRegression(y, [x]);
    const f = forecastRegression(fit, [[7, 8]], 0.95);
    expect(f.kind).toBe("regression");
    expect(f.method).toBe("Linear regression model");
    expect(f.level).toBe(0.95);
    f.fitted.forEach((v, i) =>
      expect(v).toBeCloseTo(fit.coefficients[0] + fit.coefficients[1] * x[i], 12)
    );
  });
});

describe("the ETS recursion, written once", () => {
  test("a simulated path with zero innovations is the point forecast", () => {
    for (const [model, period] of [
      [{ error: "M", trend: "A", season: "A" }, 4],
      [{ error: "M", trend: "Ad", season: "M" }, 4],
      [{ error: "A", trend: "N", season: "N" }, 1],
    ] as const) {
      const fit = fitEtsModel(N1089, period, model);
      if (!fit) throw new Error("no fit");
      const mean = forecastEts(fit, 8).mean;
      const r = etsRecursion(model, period);
      etsStart(r, fit);
      const path = new Float64Array(8);
      etsRun(r, 8, undefined, new Float64Array(8), path);
      expect(Array.from(path)).toEqual(mean);
    }
  });

  test("a run over the data from the initial states gives the fit's fitted values and final states", () => {
    const fit = fitEtsModel(N1089, 4, { error: "M", trend: "A", season: "M" });
    if (!fit) throw new Error("no fit");
    const r = etsRecursion(fit.model, 4);
    etsStart(r, { ...fit, final: fit.initial, n: 0 });
    const fitted = new Float64Array(N1089.length);
    const lik = etsRun(r, N1089.length, Float64Array.from(N1089), undefined, fitted);
    expect(Array.from(fitted)).toEqual(fit.fitted);
    expect(-0.5 * lik).toBe(fit.logLik);
    expect([r.level, r.trend, ...r.season]).toEqual([
      fit.final.level,
      fit.final.trend,
      ...fit.final.seasonal,
    ]);
  });
});
