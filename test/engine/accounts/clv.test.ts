import { describe, test, expect } from "@jest/globals";
import {
  bgnbdObjective,
  expectedAverageValue,
  expectedPurchases,
  fitBgNbd,
  fitClvModels,
  fitGammaGamma,
  logGammaRatio,
  MAX_FREQUENCY,
  predictClv,
  probabilityAlive,
  simpleClv,
  summaryProblem,
} from "../../../src/engine/accounts/clv";
import { inverse, Matrix } from "ml-matrix";
import { digamma, hyp2f1, logGamma } from "../../../src/engine/accounts/special";
import { rfmSummary } from "../../../src/engine/accounts/summary";
import { serialFromYmd } from "../../../src/engine/calendar";
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
  test("log-gamma ratio: ln Γ(z+d) − ln Γ(z), small and very large z", () => {
    expect(logGammaRatio(5, 2)).toBeCloseTo(Math.log(5 * 6), 13);
    expect(logGammaRatio(0.3, 4.2)).toBeCloseTo(logGamma(4.5) - logGamma(0.3), 13);
    // Either side of the switch to the asymptotic difference (z = 30): the same function.
    expect(logGammaRatio(30.5, -1)).toBeCloseTo(-Math.log(29.5), 13);
    expect(logGammaRatio(29.5, 1)).toBeCloseTo(Math.log(29.5), 13);
    expect(logGammaRatio(40, 0.37)).toBeCloseTo(logGamma(40.37) - logGamma(40), 12);
    // z = 1e9, d = 3: ln(z (z+1) (z+2)) exactly; differencing two values near 2e10 would lose 1e-6.
    const z = 1e9;
    const exact = 3 * Math.log(z) + Math.log1p(1 / z) + Math.log1p(2 / z);
    expect(Math.abs(logGammaRatio(z, 3) - exact)).toBeLessThan(1e-13);
    // d = 1/2: ln Γ(z+1/2)/Γ(z) = (1/2) ln z − 1/(8z) + ... (A&S 6.1.47)
    expect(Math.abs(logGammaRatio(z, 0.5) - (0.5 * Math.log(z) - 1 / (8 * z)))).toBeLessThan(1e-13);
    expect(logGammaRatio(1e300, 0.5)).toBeCloseTo(0.5 * Math.log(1e300), 10);
    expect(logGammaRatio(-1, 2)).toBeNaN();
  });
  test("2F1: (1−z)^−a = 2F1(a, b; b; z); ln(1+z) = z 2F1(1, 1; 2; −z) at z in [0,1)", () => {
    expect(hyp2f1(2.5, 1.3, 1.3, 0.4)).toBeCloseTo(Math.pow(0.6, -2.5), 12);
    // −ln(1−z)/z = 2F1(1, 1; 2; z): at z = 0.5, 2 ln 2.
    expect(hyp2f1(1, 1, 2, 0.5)).toBeCloseTo(2 * Math.log(2), 12);
    expect(hyp2f1(1, 1, 2, 1)).toBeNaN();
  });
});

describe("summaryProblem", () => {
  test("a frequency beyond 2^53 − 1 is too large to be a count", () => {
    expect(summaryProblem(MAX_FREQUENCY, 3, 5)).toBeUndefined();
    expect(summaryProblem(1e154, 3, 5)).toBe(
      "frequency 1e+154 is too large: a purchase count must be at most 9007199254740991 (2^53 - 1)"
    );
  });
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

  test("fitClvModels (both reports' fit) gives the same models, or the problem that stops it", () => {
    const summary = s.x.map((x, i) => ({
      frequency: x,
      recency: s.tx[i],
      T: s.T[i],
      monetary: s.zbar[i],
    }));
    const fit = fitClvModels(summary);
    expect(fit.ok && [fit.bg.params, fit.gg.params]).toEqual([bg.params, gg.params]);
    // 9 repeat buyers are too few; repeat buyers without a value give no Gamma-Gamma.
    const few = summary
      .filter((c) => c.frequency === 0)
      .concat(summary.filter((c) => c.frequency > 0).slice(0, 9));
    expect(fitClvModels(few)).toEqual({
      ok: false,
      problem: { code: "tooFewRepeat", repeat: 9, needed: 10 },
    });
    const noValue = summary.map((c) => ({ ...c, monetary: 0 }));
    expect(fitClvModels(noValue)).toEqual({ ok: false, problem: { code: "noRepeatValue" } });
  });

  test("the fit is a maximum: the log-likelihood is at least that of the published values", () => {
    const o = bgnbdObjective(s.x, s.tx, s.T);
    const published = o.constant - o.value([0.2426, 4.4135, 0.7929, 2.4259].map(Math.log));
    expect(published).toBeCloseTo(-9582.43, 1);
    expect(bg.logLikelihood).toBeGreaterThanOrEqual(published - 1e-9);
  });

  test("converged with a gradient far below the relative tolerance; no warnings", () => {
    const o = bgnbdObjective(s.x, s.tx, s.T);
    const th = [bg.params.r, bg.params.alpha, bg.params.a, bg.params.b].map(Math.log);
    expect(Math.max(...o.gradient(th).map(Math.abs))).toBeLessThan(1e-6 * s.x.length);
    expect(bg.warnings).toEqual([]);
    expect(gg.converged).toBe(true);
    expect(gg.warnings).toEqual([]);
  });

  // The standard errors come from the Hessian of differences of the analytic gradient; here they are
  // checked against second differences of the log-likelihood itself (on the log scale, delta method).
  test("standard errors agree with second differences of the log-likelihood", () => {
    const o = bgnbdObjective(s.x, s.tx, s.T);
    const th = [bg.params.r, bg.params.alpha, bg.params.a, bg.params.b].map(Math.log);
    const h = 1e-3;
    const H = th.map((_, i) =>
      th.map((__, j) => {
        const at = (di: number, dj: number) => {
          const p = th.slice();
          p[i] += di;
          p[j] += dj;
          return o.value(p);
        };
        return (at(h, h) - at(h, -h) - at(-h, h) + at(-h, -h)) / (4 * h * h);
      })
    );
    const inv = inverse(new Matrix(H));
    const se = bg.standardErrors!;
    ["r", "alpha", "a", "b"].forEach((k, i) => {
      const expected = Math.sqrt(inv.get(i, i)) * Math.exp(th[i]);
      expect(rel(se[k as keyof typeof se], expected)).toBeLessThan(0.01);
    });
    // About r 0.0126, alpha 0.378, a 0.186, b 0.705 on these 2,357 customers.
    expect(se.r).toBeCloseTo(0.0126, 3);
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

/** BG/NBD log-likelihood of one customer with Γ(r+x)/Γ(r) and the beta ratio as finite products. */
function directLogLik(th: readonly number[], x: number, tx: number, T: number): number {
  const [r, alpha, a, b] = th.map(Math.exp);
  let ll = r * Math.log(alpha);
  for (let k = 0; k < x; k++) ll += Math.log(r + k) + Math.log(b + k) - Math.log(a + b + k);
  const t1 = -(r + x) * Math.log(alpha + T);
  if (x === 0) return ll + t1;
  const t2 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
  const m = Math.max(t1, t2);
  return ll + m + Math.log(Math.exp(t1 - m) + Math.exp(t2 - m));
}

describe("the BG/NBD likelihood at any frequency", () => {
  const th = [Math.log(0.7), Math.log(3), Math.log(1.3), Math.log(2.2)];

  test("equals the finite products below and above the switch to log-gamma differences (x = 32)", () => {
    for (const x of [0, 1, 2, 31, 32, 33, 40, 500, 5000]) {
      const o = bgnbdObjective([x], [x > 0 ? 8 : 0], [10]);
      const direct = directLogLik(th, x, x > 0 ? 8 : 0, 10);
      expect(Math.abs(o.constant - o.value(th) - direct)).toBeLessThan(
        1e-11 * Math.max(1, Math.abs(direct))
      );
    }
  });

  test("customers with the same (x, t_x, T) are evaluated once and counted", () => {
    const once = bgnbdObjective([2, 0, 5], [4, 0, 9], [10, 10, 12]);
    const twice = bgnbdObjective([2, 0, 5, 5, 2, 0], [4, 0, 9, 9, 4, 0], [10, 10, 12, 12, 10, 10]);
    expect(twice.distinct).toBe(3);
    expect(twice.customers).toBe(6);
    expect(twice.value(th)).toBeCloseTo(2 * once.value(th), 10);
    expect(twice.constant).toBeCloseTo(2 * once.constant, 10);
    twice.gradient(th).forEach((g, i) => expect(g).toBeCloseTo(2 * once.gradient(th)[i], 10));
  });

  // The example: one customer with 30,000,000 repeat purchases took 35 s and 1.5 GB (tables as
  // long as the largest frequency). Now the work per distinct frequency is constant.
  test("frequency 3e7: the gradient matches central differences; the fit takes milliseconds", () => {
    const x = [30_000_000, 0, 1];
    const tx = [14.81, 0, 3];
    const T = [18.67, 35.26, 20];
    const o = bgnbdObjective(x, tx, T);
    const at = [Math.log(0.05), Math.log(1e-4), Math.log(0.06), Math.log(0.08)];
    const g = o.gradient(at);
    const scale = Math.max(...g.map(Math.abs));
    at.forEach((_, i) => {
      const up = at.slice();
      const down = at.slice();
      up[i] += 1e-4;
      down[i] -= 1e-4;
      expect(Math.abs(g[i] - (o.value(up) - o.value(down)) / 2e-4)).toBeLessThan(1e-5 * scale);
    });
    const fit = fitBgNbd(x, tx, T);
    expect(fit.converged).toBe(true);
    expect(Object.values(fit.params).every((v) => v > 0 && Number.isFinite(v))).toBe(true);
    expect(Number.isFinite(fit.logLikelihood)).toBe(true);
    // Three customers, one buying a million times faster than the others: alpha runs off.
    expect(fit.warnings).toEqual([{ code: "undetermined", params: ["alpha"] }]);
  }, 5000);

  test("frequencies up to 2^53 − 1 give finite values and a result at once", () => {
    for (const big of [1e9, 1e12, MAX_FREQUENCY]) {
      const o = bgnbdObjective([big, 3, 0], [14, 10, 0], [18, 18, 18]);
      expect(Number.isFinite(o.value(th))).toBe(true);
      expect(o.gradient(th).every(Number.isFinite)).toBe(true);
      const fit = fitBgNbd([big, 3, 0], [14, 10, 0], [18, 18, 18]);
      expect(Number.isFinite(fit.logLikelihood)).toBe(true);
    }
  }, 5000);
});

describe("degenerate data: a result with a warning that says why", () => {
  test("no customer bought twice", () => {
    const fit = fitBgNbd([0, 0, 0, 0], [0, 0, 0, 0], [10, 20, 30, 39]);
    expect(fit.warnings).toEqual([{ code: "no-repeat" }]);
    expect(fit.params.r).toBeLessThan(1e-3); // the repeat rate tends to 0
  });
  test("a single customer; customers that all look the same", () => {
    expect(fitBgNbd([3], [10], [20]).warnings).toEqual([{ code: "one-customer" }]);
    expect(fitBgNbd([2, 2, 2], [5, 5, 5], [9, 9, 9]).warnings).toEqual([{ code: "same-history" }]);
  });
  test("nobody seems to have dropped out: a and b are not determined", () => {
    const fit = fitBgNbd([1, 2, 3, 0, 5], [9, 9, 9, 0, 9], [9, 9, 9, 9, 9]);
    expect(fit.warnings).toEqual([{ code: "undetermined", params: ["a", "b"] }]);
  });
  test("Gamma-Gamma: one repeat customer; the same average value for every repeat customer", () => {
    expect(fitGammaGamma([2, 0], [10, 0]).warnings).toEqual([{ code: "one-repeat-customer" }]);
    const same = fitGammaGamma([1, 2, 3, 4, 1], [10, 10, 10, 10, 10]);
    expect(same.warnings).toEqual([{ code: "same-spend", value: 10 }]);
    // The expected average value is that value all the same.
    expect(expectedAverageValue(same.params, 2, 10)).toBeCloseTo(10, 3);
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
