import { describe, test, expect } from "@jest/globals";
import {
  bgnbdObjective,
  expectedAverageValue,
  expectedPurchases,
  fitBgNbd,
  fitGammaGamma,
  predictClv,
  probabilityAlive,
  simpleClv,
  summaryProblem,
} from "../../../src/engine/accounts/clv";
import { digamma, hyp2f1, logGamma } from "../../../src/engine/accounts/special";
import { rfmSummary } from "../../../src/engine/accounts/summary";
import { serialFromYmd } from "../../../src/grid/dates";
import { readSummary, readTransactions } from "./cdnow";

/** Relative difference. */
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe("special functions", () => {
  test("log-gamma: Γ(5) = 24, Γ(1/2) = √π, Γ(1) = 1", () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(logGamma(1)).toBeCloseTo(0, 13);
    expect(logGamma(150.5)).toBeCloseTo(logGamma(149.5) + Math.log(149.5), 9);
  });
  test("digamma: ψ(1) = −γ, ψ(1/2) = −γ − 2 ln 2, ψ(x+1) = ψ(x) + 1/x", () => {
    const gamma = 0.5772156649015329; // Euler–Mascheroni constant
    expect(digamma(1)).toBeCloseTo(-gamma, 12);
    expect(digamma(0.5)).toBeCloseTo(-gamma - 2 * Math.log(2), 12);
    expect(digamma(3.7)).toBeCloseTo(digamma(2.7) + 1 / 2.7, 12);
  });
  test("2F1: (1−z)^−a = 2F1(a, b; b; z); ln(1+z) = z 2F1(1, 1; 2; −z) at z in [0,1)", () => {
    expect(hyp2f1(2.5, 1.3, 1.3, 0.4)).toBeCloseTo(Math.pow(0.6, -2.5), 12);
    // −ln(1−z)/z = 2F1(1, 1; 2; z): at z = 0.5, 2 ln 2.
    expect(hyp2f1(1, 1, 2, 0.5)).toBeCloseTo(2 * Math.log(2), 12);
    expect(hyp2f1(1, 1, 2, 1)).toBeNaN();
  });
});

describe("summaryProblem", () => {
  test("accepts a summary, names what is wrong", () => {
    expect(summaryProblem(2, 30.43, 38.86)).toBeUndefined();
    expect(summaryProblem(0, 0, 38.86)).toBeUndefined();
    expect(summaryProblem(1.5, 3, 5)).toMatch(/whole number/);
    expect(summaryProblem(2, 40, 38)).toMatch(/at least the recency/);
    expect(summaryProblem(2, 0, 38)).toMatch(/recency above 0/);
    expect(summaryProblem(0, 3, 38)).toMatch(/recency 0/);
  });
});

describe("BG/NBD and Gamma-Gamma on CDNOW (Fader, Hardie & Lee 2005; Fader & Hardie 2013)", () => {
  const s = readSummary();
  const bg = fitBgNbd(s.x, s.tx, s.T);
  const gg = fitGammaGamma(s.x, s.zbar);

  // Published: r = 0.2426, alpha = 4.4135, a = 0.7929, b = 2.4259, LL = −9582.43 (FHL 2005, table 1
  // and the BG/NBD note's spreadsheet); 4 significant digits.
  test("BG/NBD parameters and log-likelihood reproduce the paper", () => {
    expect(bg.converged).toBe(true);
    expect(bg.customers).toBe(2357);
    expect(rel(bg.params.r, 0.2426)).toBeLessThan(5e-4);
    expect(rel(bg.params.alpha, 4.4135)).toBeLessThan(5e-4);
    expect(rel(bg.params.a, 0.7929)).toBeLessThan(5e-4);
    expect(rel(bg.params.b, 2.4259)).toBeLessThan(5e-4);
    expect(bg.logLikelihood).toBeCloseTo(-9582.43, 1);
  });

  test("the fit is a maximum: the log-likelihood is at least that of the published values", () => {
    const f = bgnbdObjective(s.x, s.tx, s.T).value;
    const published = -f([0.2426, 4.4135, 0.7929, 2.4259].map(Math.log));
    expect(bg.logLikelihood).toBeGreaterThanOrEqual(published - 1e-9);
  });

  test("the analytic gradient matches central differences", () => {
    const o = bgnbdObjective(s.x.slice(0, 300), s.tx.slice(0, 300), s.T.slice(0, 300));
    const th = [Math.log(0.5), Math.log(3), Math.log(1.2), Math.log(2)];
    const g = o.gradient(th);
    th.forEach((_, i) => {
      const up = th.slice();
      const down = th.slice();
      up[i] += 1e-5;
      down[i] -= 1e-5;
      expect(g[i]).toBeCloseTo((o.value(up) - o.value(down)) / 2e-5, 4);
    });
  });

  // Published: p = 6.2488, q = 3.7446, v = 15.4477 on the 946 repeat customers (Fader & Hardie,
  // "The Gamma-Gamma model of monetary value", 2013).
  test("Gamma-Gamma parameters reproduce the note", () => {
    expect(gg.customers).toBe(946);
    expect(gg.leftOut).toBe(0);
    expect(rel(gg.params.p, 6.2488)).toBeLessThan(5e-4);
    expect(rel(gg.params.q, 3.7446)).toBeLessThan(5e-4);
    expect(rel(gg.params.v, 15.4477)).toBeLessThan(5e-4);
  });

  // Published: 1.226 expected purchases in 39 weeks for x = 2, t_x = 30.43, T = 38.86 (FHL 2005, §5).
  test("conditional expectation for customer x = 2, t_x = 30.43, T = 38.86", () => {
    expect(expectedPurchases(bg.params, 2, 30.43, 38.86, 39)).toBeCloseTo(1.226, 3);
  });

  test("a repeat customer with value 0 or less is left out of Gamma-Gamma and counted", () => {
    const x = [...s.x, 3, 2, 0];
    const m = [...s.zbar, 0, -5, 0];
    const g2 = fitGammaGamma(x, m);
    expect(g2.customers).toBe(946);
    expect(g2.leftOut).toBe(2);
    expect(g2.params.p).toBeCloseTo(gg.params.p, 6);
  });

  // The summary file itself: RFM summary of the transactions cut at 1997-09-30, in weeks.
  test("rfmSummary of CDNOW_sample.txt reproduces the summary file (x, t_x, T, zbar; 2 decimals)", () => {
    const t = readTransactions();
    const r = rfmSummary(t.customer, t.date, t.amount, {
      asOf: serialFromYmd(1997, 9, 30),
      period: "weeks",
    });
    expect(r.customers).toHaveLength(2357);
    const byId = new Map(r.customers.map((c) => [Number(c.customer), c]));
    let worst = 0;
    s.id.forEach((id, i) => {
      const c = byId.get(id)!;
      expect(c.frequency).toBe(s.x[i]);
      worst = Math.max(
        worst,
        Math.abs(c.recency - s.tx[i]),
        Math.abs(c.T - s.T[i]),
        Math.abs(c.monetary - s.zbar[i])
      );
    });
    // The file rounds to cents / hundredths of a week.
    expect(worst).toBeLessThanOrEqual(0.005 + 1e-9);
  });
});

// Hand-checked with a small parameter set: r = 0.5, alpha = 2, a = 1.5, b = 3.
describe("predictions", () => {
  const p = { r: 0.5, alpha: 2, a: 1.5, b: 3 };
  test("P(alive) = 1 / (1 + a/(b+x−1) ((α+T)/(α+t_x))^(r+x))", () => {
    // x = 2, t_x = 4, T = 10: 1 / (1 + 1.5/4 · (12/6)^2.5) = 1 / (1 + 0.375 · 5.656854) = 0.320377
    expect(probabilityAlive(p, 2, 4, 10)).toBeCloseTo(0.320377, 6);
    expect(probabilityAlive(p, 0, 0, 10)).toBe(1);
  });

  test("E[Y(t)] equals FHL eq. 10 evaluated without Euler's transformation", () => {
    for (const [x, tx, T, t] of [
      [0, 0, 10, 5],
      [2, 4, 10, 5],
      [7, 9.5, 10, 20],
    ]) {
      const { r, alpha, a, b } = p;
      const z = t / (alpha + T + t);
      const direct =
        ((a + b + x - 1) / (a - 1)) *
        (1 -
          Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z)) *
        probabilityAlive(p, x, tx, T);
      expect(expectedPurchases(p, x, tx, T, t)).toBeCloseTo(direct, 10);
    }
    expect(expectedPurchases(p, 2, 4, 10, 0)).toBe(0);
  });

  test("a = 1 (removable singularity) gives the limit", () => {
    const near = expectedPurchases({ ...p, a: 1 + 1e-4 }, 2, 4, 10, 5);
    expect(expectedPurchases({ ...p, a: 1 }, 2, 4, 10, 5)).toBeCloseTo(near, 4);
  });

  test("Gamma-Gamma expected value: p (v + x m) / (p x + q − 1)", () => {
    const g = { p: 6, q: 4, v: 15 };
    // x = 2, m = 20: 6 · (15 + 40) / (12 + 3) = 330 / 15 = 22
    expect(expectedAverageValue(g, 2, 20)).toBeCloseTo(22, 12);
    // x = 0: population mean p v / (q − 1) = 90 / 3 = 30; same for a value of 0 or less
    expect(expectedAverageValue(g, 0, 0)).toBeCloseTo(30, 12);
    expect(expectedAverageValue(g, 3, -4)).toBeCloseTo(30, 12);
  });

  test("CLV: undiscounted = E[Y(h)] × value × margin; discounted sums the per-period increments", () => {
    const g = { p: 6, q: 4, v: 15 };
    const plain = predictClv(p, g, 2, 4, 10, 20, 3, { margin: 0.3 });
    const ey = expectedPurchases(p, 2, 4, 10, 3);
    expect(plain.clv).toBeCloseTo(ey * 22 * 0.3, 10);
    const disc = predictClv(p, g, 2, 4, 10, 20, 2.5, { discountRate: 0.1 });
    const e1 = expectedPurchases(p, 2, 4, 10, 1);
    const e2 = expectedPurchases(p, 2, 4, 10, 2);
    const e3 = expectedPurchases(p, 2, 4, 10, 2.5); // the last period ends at the horizon
    const manual = (e1 / 1.1 + (e2 - e1) / 1.1 ** 2 + (e3 - e2) / 1.1 ** 3) * 22;
    expect(disc.clv).toBeCloseTo(manual, 10);
    expect(disc.expectedPurchases).toBeCloseTo(e3, 12);
  });

  test("simple CLV (Gupta & Lehmann 2003)", () => {
    // 100 · 1.1 / (1.1 − 0.8) = 110 / 0.3 = 366.667
    expect(simpleClv(100, 0.8, 0.1)).toBeCloseTo(366.6667, 4);
    // q = 0.8/1.1 = 0.727273: 100 (1 + q + q²) = 100 · 2.256198 = 225.6198
    expect(simpleClv(100, 0.8, 0.1, 3)).toBeCloseTo(225.6198, 4);
    // q = 1 (retention 1, no discount): n · margin
    expect(simpleClv(50, 1, 0, 4)).toBe(200);
  });
});
