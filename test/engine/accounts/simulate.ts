// Customers simulated from the BG/NBD model (Fader, Hardie & Lee 2005, §2: purchase rate
// λ ~ Gamma(r, α), dropout probability p ~ Beta(a, b), purchases a Poisson process at rate λ, a
// dropout with probability p after each repeat purchase) and the Gamma-Gamma model of spend (Fader &
// Hardie 2013: ν ~ Gamma(q, v), each purchase's value ~ Gamma(p, ν)), on the seeded generator of
// src/engine/random.ts, so every run sees the same customers.
import { BgNbdParams, GammaGammaParams } from "../../../src/engine/accounts/clv";
import { uniformGenerator } from "../../../src/engine/random";

export interface Simulated {
  x: number[];
  tx: number[];
  T: number[];
  /** Mean value of the repeat purchases; 0 without repeat purchases. */
  m: number[];
}

/** Gamma(shape, 1) by Marsaglia & Tsang (2000), boosted by U^(1/shape) for shape < 1. */
function gammaSampler(u: () => number): (shape: number) => number {
  let spare: number | undefined;
  const normal = () => {
    if (spare !== undefined) {
      const s = spare;
      spare = undefined;
      return s;
    }
    let u1 = u();
    while (u1 <= 0) u1 = u();
    const rad = Math.sqrt(-2 * Math.log(u1));
    const th = 2 * Math.PI * u();
    spare = rad * Math.sin(th);
    return rad * Math.cos(th);
  };
  const gamma = (shape: number): number => {
    if (shape < 1) {
      let w = u();
      while (w <= 0) w = u();
      return gamma(shape + 1) * Math.pow(w, 1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let z: number;
      let v: number;
      do {
        z = normal();
        v = 1 + c * z;
      } while (v <= 0);
      v = v * v * v;
      const w = u();
      if (w < 1 - 0.0331 * z * z * z * z) return d * v;
      if (w > 0 && Math.log(w) < 0.5 * z * z + d * (1 - v + Math.log(v))) return d * v;
    }
  };
  return gamma;
}

/**
 * `n` customers observed for `T(i)` periods each. Times of purchases are kept to `grain` (e.g. 1/7
 * of a week: whole days), as a transaction list records them: a repeat purchase is at least one
 * grain after the first, and t_x is rounded to the grain (at most T).
 */
export function simulate(
  n: number,
  bg: BgNbdParams,
  gg: GammaGammaParams,
  T: (i: number) => number,
  grain: number,
  seed: number
): Simulated {
  const u = uniformGenerator(seed);
  const gamma = gammaSampler(u);
  const out: Simulated = { x: [], tx: [], T: [], m: [] };
  for (let i = 0; i < n; i++) {
    const age = T(i);
    const lambda = gamma(bg.r) / bg.alpha;
    const g1 = gamma(bg.a);
    const p = g1 / (g1 + gamma(bg.b));
    let t = 0;
    let x = 0;
    for (;;) {
      let w = u();
      while (w <= 0) w = u();
      const next = t - Math.log(w) / lambda;
      if (!(next <= age)) break;
      t = next;
      x++;
      if (u() < p) break;
    }
    const tx = x === 0 ? 0 : Math.min(age, Math.max(grain, Math.round(t / grain) * grain));
    let m = 0;
    if (x > 0) {
      // The mean of x values Gamma(p, ν) is Gamma(p x, 1) / (x ν), with ν ~ Gamma(q, v).
      const nu = gamma(gg.q) / gg.v;
      m = gamma(gg.p * x) / (x * nu);
    }
    out.x.push(x);
    out.tx.push(tx);
    out.T.push(age);
    out.m.push(m);
  }
  return out;
}
