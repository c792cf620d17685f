import { describe, test, expect } from "@jest/globals";
import {
  admissible,
  autoEts,
  candidateModels,
  fitEtsModel,
  forecastEts,
  modelName,
  parseModel,
  rootsInsideUnitCircle,
} from "../../../src/engine/forecast/ets";
import { N0005, N1089, N1402, N1500_30, R_REFERENCE } from "./fixtures";
import { uniformGenerator as rng } from "../../../src/engine/random";

describe("model names", () => {
  test("parses the usual forms", () => {
    expect(parseModel("AAdN")).toEqual({ error: "A", trend: "Ad", season: "N" });
    expect(parseModel("mam")).toEqual({ error: "M", trend: "A", season: "M" });
    expect(parseModel("ZZZ")).toEqual({ error: "Z", trend: "Z", season: "Z" });
    expect(parseModel("AMN")).toBeUndefined();
    expect(parseModel("hello")).toBeUndefined();
    expect(modelName({ error: "M", trend: "Ad", season: "M" })).toBe("MAdM");
  });
});

describe("admissible region (Hyndman et al. 2008, ch. 10)", () => {
  test("Schur–Cohn agrees with known roots", () => {
    // (z − 0.5)(z + 0.8) = z² + 0.3z − 0.4: roots inside.
    expect(rootsInsideUnitCircle([-0.4, 0.3, 1])).toBe(true);
    // (z − 1.5)(z − 0.2) = z² − 1.7z + 0.3: one root outside.
    expect(rootsInsideUnitCircle([0.3, -1.7, 1])).toBe(false);
    // z³ − 0.9 (three roots of modulus 0.965): inside.
    expect(rootsInsideUnitCircle([-0.9, 0, 0, 1])).toBe(true);
  });
  test("usual seasonal values are admissible, extreme ones are not", () => {
    expect(admissible(0.3, 0.05, 0.1, 1, 12)).toBe(true);
    expect(admissible(0.3, 0.05, 0.1, 0.95, 4)).toBe(true);
    expect(admissible(0.5, 0.1, 1.6, 1, 12)).toBe(false);
    expect(admissible(0.9, 0.5, 0.09, 0.8, 12)).toBe(false);
  });
});

describe("candidate models", () => {
  test("multiplicative forms only for positive data; seasonal only with a period", () => {
    const positive = Array.from({ length: 40 }, (_, i) => 10 + i);
    const names = candidateModels(positive, 4).map(modelName);
    expect(names).toContain("MAM");
    expect(names).not.toContain("AAM");
    expect(candidateModels([...positive.slice(0, 39), -1], 4).map(modelName)).not.toContain("MNN");
    expect(candidateModels(positive, 1).every((m) => m.season === "N")).toBe(true);
  });
  test("short histories leave out models with too many parameters", () => {
    expect(candidateModels([1, 2, 3, 4, 5, 6, 7], 1).map(modelName).sort()).toEqual(["ANN", "MNN"]);
  });
});

describe("reference values: R forecast 8.20", () => {
  test("ets(N0005) chooses ETS(M,N,N) with R's likelihood and forecast", () => {
    const fit = autoEts(N0005, { period: 1 });
    const ref = R_REFERENCE.n0005Ets;
    expect(modelName(fit.model)).toBe(ref.model);
    expect(fit.logLik).toBeCloseTo(ref.logLik, 2);
    expect(fit.aicc).toBeCloseTo(ref.aicc, 1);
    expect(forecastEts(fit, 6).mean[0]).toBeCloseTo(ref.mean, -1);
  });
  test("ets(N1402, 'ANN'): R's optimum, and interval widths that follow Table 6.1", () => {
    const fit = fitEtsModel(N1402, 12, { error: "A", trend: "N", season: "N" });
    if (!fit) throw new Error("no fit");
    const ref = R_REFERENCE.n1402Ann;
    expect(fit.alpha).toBeCloseTo(ref.alpha, 6);
    expect(fit.initial.level).toBeCloseTo(ref.level, 3);
    expect(fit.logLik).toBeCloseTo(ref.logLik, 6);
    const f = forecastEts(fit, 3, 0.95);
    const sigma = Math.sqrt(fit.sigma2);
    for (let h = 1; h <= 3; h++) {
      const half = 1.959963985 * sigma * Math.sqrt(1 + (h - 1) * fit.alpha ** 2);
      expect(f.upper![h - 1] - f.mean[h - 1]).toBeCloseTo(half, 3);
      expect(f.lower![h - 1]).toBeCloseTo(ref.lower[h - 1], 2);
      expect(f.upper![h - 1]).toBeCloseTo(ref.upper[h - 1], 2);
    }
  });
  test("ets(N1089): ETS(M,A,A) with R's parameters, initial states, likelihood and forecasts", () => {
    const ref = R_REFERENCE.n1089Maa;
    const fit = autoEts(N1089, { period: 4 });
    expect(modelName(fit.model)).toBe("MAA");
    expect(fit.alpha).toBeCloseTo(ref.alpha, 6);
    expect(fit.beta).toBeCloseTo(ref.beta, 6);
    expect(fit.gamma).toBeCloseTo(ref.gamma, 6);
    expect(fit.initial.level).toBeCloseTo(ref.level, 3);
    expect(fit.initial.trend).toBeCloseTo(ref.trend, 4);
    // R lists the seasons latest first; ours are in time order (the first season is implied).
    expect(
      fit.initial.seasonal
        .slice(1)
        .reverse()
        .map((v) => +v.toFixed(4))
    ).toEqual(ref.seasons.map((v) => +v.toFixed(4)));
    expect(fit.logLik).toBeCloseTo(ref.logLik, 6);
    expect(fit.aicc).toBeCloseTo(ref.aicc, 6);
    forecastEts(fit, 8).mean.forEach((v, j) => expect(v).toBeCloseTo(ref.mean[j], 4));
  });
  test("fewer than three cycles: R's trend + Fourier start gives R's fit of ETS(M,A,M)", () => {
    const ref = R_REFERENCE.n1500Mam;
    const fit = fitEtsModel(N1500_30, 12, { error: "M", trend: "A", season: "M" });
    if (!fit) throw new Error("no fit");
    expect(fit.alpha).toBeCloseTo(ref.alpha, 6);
    expect(fit.beta).toBeCloseTo(ref.beta, 6);
    expect(fit.gamma).toBeCloseTo(ref.gamma, 6);
    expect(fit.logLik).toBeCloseTo(ref.logLik, 5);
    expect(fit.aicc).toBeCloseTo(ref.aicc, 5);
    const auto = autoEts(N1500_30, { period: 12 });
    expect(modelName(auto.model)).toBe(ref.autoModel);
    expect(auto.aicc).toBeCloseTo(ref.autoAicc, 5);
  });
});

describe("properties", () => {
  test("a noiseless seasonal series is forecast almost exactly", () => {
    const season = [1.2, 0.8, 1.0, 1.1, 0.9, 1.0];
    const y = Array.from({ length: 48 }, (_, t) => (100 + 2 * t) * season[t % 6]);
    const fit = autoEts(y, { period: 6 });
    expect(fit.model.season).not.toBe("N");
    const f = forecastEts(fit, 6).mean;
    f.forEach((v, j) =>
      expect(Math.abs(v / ((100 + 2 * (48 + j)) * season[(48 + j) % 6]) - 1)).toBeLessThan(0.03)
    );
  });
  test("intervals contain the forecast and widen with the horizon", () => {
    const r = rng(7);
    for (const forced of ["ANN", "AAdA", "MAM", "MNN"]) {
      const y = Array.from(
        { length: 60 },
        (_, t) => 200 + t + 30 * Math.sin((2 * Math.PI * t) / 12) + 10 * r()
      );
      const pattern = parseModel(forced);
      const fit = autoEts(y, { period: 12, pattern });
      expect(modelName(fit.model)).toBe(forced);
      const f = forecastEts(fit, 12, 0.9);
      for (let j = 0; j < 12; j++) {
        expect(f.lower![j]).toBeLessThanOrEqual(f.mean[j] + 1e-9);
        expect(f.upper![j]).toBeGreaterThanOrEqual(f.mean[j] - 1e-9);
      }
      expect(f.upper![11] - f.lower![11]).toBeGreaterThan(f.upper![0] - f.lower![0]);
    }
  });
  test("the chosen model has the smallest AICc of the candidates", () => {
    const r = rng(3);
    const y = Array.from({ length: 30 }, (_, t) => 50 + 0.5 * t + 5 * r());
    const best = autoEts(y, { period: 1 });
    for (const m of candidateModels(y, 1)) {
      const fit = fitEtsModel(y, 1, m);
      if (fit) expect(best.aicc).toBeLessThanOrEqual(fit.aicc + 1e-9);
    }
  });
  test("constant data give a flat forecast; short data fall back to simple smoothing", () => {
    const c = autoEts([5, 5, 5, 5], { period: 1 });
    expect(c.constant).toBe(true);
    expect(forecastEts(c, 3, 0.95)).toEqual({
      kind: "ets",
      method: "ETS(A,N,N)",
      mean: [5, 5, 5],
      lower: [5, 5, 5],
      upper: [5, 5, 5],
      level: 0.95,
      fitted: [5, 5, 5, 5],
    });
    const s = autoEts([3, 4, 6, 5], { period: 12 });
    expect(modelName(s.model)).toBe("ANN");
    expect(() => autoEts([1, 2], { period: 1 })).toThrow(RangeError);
  });
  test("results are finite for random positive and signed data", () => {
    const r = rng(11);
    for (let k = 0; k < 5; k++) {
      const y = Array.from({ length: 20 + 10 * k }, () => (k % 2 ? 100 * r() - 50 : 100 * r() + 1));
      const f = forecastEts(autoEts(y, { period: 4 }), 8, 0.8);
      for (const v of [...f.mean, ...f.lower!, ...f.upper!]) expect(Number.isFinite(v)).toBe(true);
    }
  });
});
