// Customer lifetime value from purchase histories: the BG/NBD model of purchase counts (Fader, Hardie
// & Lee, "Counting your customers the easy way", Marketing Science 24(2), 2005, eq. 6, 10, 11) and
// the Gamma-Gamma model of spend per purchase (Fader & Hardie, "The Gamma-Gamma model of monetary
// value", 2013; Colombo & Jiang 1999), fitted by maximum likelihood; and the simple closed-form CLV
// with constant retention and discounting (Gupta & Lehmann, "Customers as assets", 2003).

import { bfgs } from "../optim/bfgs";
import { nelderMead } from "../optim/nelderMead";
import { digamma, hyp2f1, logGamma } from "./special";

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

export interface BgNbdFit {
  params: BgNbdParams;
  logLikelihood: number;
  customers: number;
  converged: boolean;
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  logLikelihood: number;
  /** Repeat customers with a positive average value: those that entered the fit. */
  customers: number;
  /** Repeat customers left out because their average value is zero or negative. */
  leftOut: number;
  converged: boolean;
}

/** Parameters are searched on the log scale inside [1e-8, 1e8] ("bounded parameters"). */
const LOG_MIN = Math.log(1e-8);
const LOG_MAX = Math.log(1e8);
const inBounds = (theta: readonly number[]) => theta.every((t) => t >= LOG_MIN && t <= LOG_MAX);

/** Checks one customer's summary; returns the problem or undefined. */
export function summaryProblem(x: number, tx: number, T: number): string | undefined {
  if (!(Number.isInteger(x) && x >= 0))
    return `frequency ${x} must be a whole number of at least 0`;
  if (!(tx >= 0)) return `recency ${tx} must be at least 0`;
  if (!(T >= tx)) return `T ${T} must be at least the recency ${tx}`;
  if (x > 0 && !(tx > 0)) return "a customer with repeat purchases must have a recency above 0";
  if (x === 0 && tx !== 0) return "a customer without repeat purchases must have recency 0";
  return undefined;
}

/**
 * BG/NBD negative log-likelihood and its gradient, in θ = ln(r, alpha, a, b). Per customer
 * (FHL 2005, eq. 6, with B(a, b+x)/B(a, b) and Γ(r+x)/Γ(r) as finite products since x is whole):
 *   ln L = Σ_{k<x} [ln(r+k) + ln(b+k) - ln(a+b+k)] + r ln α
 *          + ln( (α+T)^-(r+x) + [x>0] a/(b+x-1) (α+t_x)^-(r+x) )
 */
export function bgnbdObjective(
  x: readonly number[],
  tx: readonly number[],
  T: readonly number[]
): {
  value: (theta: readonly number[]) => number;
  gradient: (theta: readonly number[]) => number[];
} {
  const n = x.length;
  let maxX = 0;
  for (let i = 0; i < n; i++) if (x[i] > maxX) maxX = x[i];
  // Cumulative sums over k < x of ln(r+k), 1/(r+k), ... for every x up to maxX.
  const lr = new Float64Array(maxX + 1);
  const dr = new Float64Array(maxX + 1);
  const lb = new Float64Array(maxX + 1);
  const db = new Float64Array(maxX + 1);
  const lab = new Float64Array(maxX + 1);
  const dab = new Float64Array(maxX + 1);
  let lastTheta: readonly number[] = [];
  let lastValue = NaN;
  let lastGrad: number[] = [];

  const evaluate = (theta: readonly number[]) => {
    if (theta.length === lastTheta.length && theta.every((t, i) => t === lastTheta[i])) return;
    lastTheta = theta.slice();
    if (!inBounds(theta)) {
      lastValue = Infinity;
      lastGrad = [0, 0, 0, 0];
      return;
    }
    const r = Math.exp(theta[0]);
    const alpha = Math.exp(theta[1]);
    const a = Math.exp(theta[2]);
    const b = Math.exp(theta[3]);
    for (let k = 0; k < maxX; k++) {
      lr[k + 1] = lr[k] + Math.log(r + k);
      dr[k + 1] = dr[k] + 1 / (r + k);
      lb[k + 1] = lb[k] + Math.log(b + k);
      db[k + 1] = db[k] + 1 / (b + k);
      lab[k + 1] = lab[k] + Math.log(a + b + k);
      dab[k + 1] = dab[k] + 1 / (a + b + k);
    }
    const logAlpha = Math.log(alpha);
    const logA = Math.log(a);
    let ll = 0;
    let gr = 0;
    let gal = 0;
    let ga = 0;
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const xi = x[i];
      const rx = r + xi;
      const lT = Math.log(alpha + T[i]);
      const t1 = -rx * lT;
      let lse = t1;
      let w2 = 0;
      let lt = 0;
      if (xi > 0) {
        lt = Math.log(alpha + tx[i]);
        const t2 = logA - Math.log(b + xi - 1) - rx * lt;
        const m = Math.max(t1, t2);
        const e1 = Math.exp(t1 - m);
        const e2 = Math.exp(t2 - m);
        lse = m + Math.log(e1 + e2);
        w2 = e2 / (e1 + e2);
      }
      const w1 = 1 - w2;
      ll += lr[xi] + lb[xi] - lab[xi] + r * logAlpha + lse;
      gr += dr[xi] + logAlpha - w1 * lT - w2 * lt;
      gal += r / alpha - w1 * (rx / (alpha + T[i])) - (xi > 0 ? w2 * (rx / (alpha + tx[i])) : 0);
      ga += -dab[xi] + w2 / a;
      gb += db[xi] - dab[xi] - (xi > 0 ? w2 / (b + xi - 1) : 0);
    }
    lastValue = -ll;
    lastGrad = [-gr * r, -gal * alpha, -ga * a, -gb * b];
  };
  return {
    value: (theta) => {
      evaluate(theta);
      return lastValue;
    },
    gradient: (theta) => {
      evaluate(theta);
      return lastGrad.slice();
    },
  };
}

/** Maximum-likelihood BG/NBD fit. Inputs are checked by the caller (see summaryProblem). */
export function fitBgNbd(
  x: readonly number[],
  tx: readonly number[],
  T: readonly number[]
): BgNbdFit {
  const n = x.length;
  if (tx.length !== n || T.length !== n) throw new RangeError("fitBgNbd: columns differ in length");
  if (n === 0) throw new RangeError("fitBgNbd: no customers");
  const obj = bgnbdObjective(x, tx, T);
  // Start: r = 1, alpha = mean T (the time scale of the data), a = b = 1.
  let meanT = 0;
  for (let i = 0; i < n; i++) meanT += T[i] / n;
  const theta0 = [0, Math.log(Math.max(meanT, 1e-6)), 0, 0];
  const res = polish(obj.value, obj.gradient, theta0);
  return {
    params: {
      r: Math.exp(res.x[0]),
      alpha: Math.exp(res.x[1]),
      a: Math.exp(res.x[2]),
      b: Math.exp(res.x[3]),
    },
    logLikelihood: -res.value,
    customers: n,
    converged: res.converged,
  };
}

/** BFGS with the analytic gradient; restarted from its own result until it stops improving. */
function polish(
  f: (theta: readonly number[]) => number,
  g: (theta: readonly number[]) => number[],
  theta0: readonly number[]
) {
  let res = bfgs(f, theta0, { gradient: g, gradientTolerance: 1e-9, reltol: 1e-14 });
  if (!Number.isFinite(res.value)) {
    const nm = nelderMead(f, theta0, { step: theta0.map(() => 0.5) });
    res = bfgs(f, nm.x, { gradient: g, gradientTolerance: 1e-9, reltol: 1e-14 });
  }
  for (let k = 0; k < 3; k++) {
    const again = bfgs(f, res.x, { gradient: g, gradientTolerance: 1e-9, reltol: 1e-14 });
    if (!(again.value < res.value - 1e-12 * Math.abs(res.value))) {
      if (again.value <= res.value) res = again;
      break;
    }
    res = again;
  }
  const gmax = Math.max(...g(res.x).map(Math.abs));
  return { ...res, converged: Number.isFinite(res.value) && gmax < 1e-3 };
}

/**
 * Gamma-Gamma negative log-likelihood and gradient in θ = ln(p, q, v). Per repeat customer with x
 * purchases of mean value m (Fader & Hardie 2013, eq. 3):
 *   ln L = lnΓ(px+q) - lnΓ(px) - lnΓ(q) + q ln v + (px-1) ln m + px ln x - (px+q) ln(v + x m)
 */
export function gammaGammaObjective(
  x: readonly number[],
  m: readonly number[]
): {
  value: (theta: readonly number[]) => number;
  gradient: (theta: readonly number[]) => number[];
} {
  const n = x.length;
  const lm = x.map((_, i) => Math.log(m[i]));
  const lx = x.map((xi) => Math.log(xi));
  const value = (theta: readonly number[]) => {
    if (!inBounds(theta)) return Infinity;
    const [p, q, v] = theta.map(Math.exp);
    let ll = n * (q * Math.log(v) - logGamma(q));
    for (let i = 0; i < n; i++) {
      const px = p * x[i];
      ll +=
        logGamma(px + q) -
        logGamma(px) +
        (px - 1) * lm[i] +
        px * lx[i] -
        (px + q) * Math.log(v + x[i] * m[i]);
    }
    return -ll;
  };
  const gradient = (theta: readonly number[]) => {
    if (!inBounds(theta)) return [0, 0, 0];
    const [p, q, v] = theta.map(Math.exp);
    let gp = 0;
    let gq = n * (Math.log(v) - digamma(q));
    let gv = (n * q) / v;
    for (let i = 0; i < n; i++) {
      const px = p * x[i];
      const psi = digamma(px + q);
      const lvx = Math.log(v + x[i] * m[i]);
      gp += x[i] * (psi - digamma(px) + lm[i] + lx[i] - lvx);
      gq += psi - lvx;
      gv -= (px + q) / (v + x[i] * m[i]);
    }
    return [-gp * p, -gq * q, -gv * v];
  };
  return { value, gradient };
}

/**
 * Maximum-likelihood Gamma-Gamma fit on the repeat customers (x > 0). Those whose mean value is zero
 * or negative cannot enter the model (its likelihood needs ln m) and are left out and counted.
 */
export function fitGammaGamma(x: readonly number[], monetary: readonly number[]): GammaGammaFit {
  if (monetary.length !== x.length) throw new RangeError("fitGammaGamma: columns differ in length");
  const xs: number[] = [];
  const ms: number[] = [];
  let leftOut = 0;
  for (let i = 0; i < x.length; i++) {
    if (!(x[i] > 0)) continue;
    if (monetary[i] > 0) {
      xs.push(x[i]);
      ms.push(monetary[i]);
    } else {
      leftOut++;
    }
  }
  if (xs.length === 0)
    throw new RangeError("fitGammaGamma: no repeat customer with a positive value");
  const obj = gammaGammaObjective(xs, ms);
  // Start: p = 1, q = 1, v = mean of the observed values (the money scale of the data).
  let mean = 0;
  for (const v of ms) mean += v / ms.length;
  const res = polish(obj.value, obj.gradient, [0, 0, Math.log(mean)]);
  const [p, q, v] = res.x.map(Math.exp);
  return {
    params: { p, q, v },
    logLikelihood: -res.value,
    customers: xs.length,
    leftOut,
    converged: res.converged,
  };
}

/** P(alive | x, t_x, T) (FHL 2005, eq. 11); 1 for a customer without repeat purchases. */
export function probabilityAlive(params: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = params;
  const logOdds =
    Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
}

/**
 * Expected purchases in the next t periods given (x, t_x, T) (FHL 2005, eq. 10):
 *   E[Y(t)] = (a+b+x-1)/(a-1) · [1 - ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; z)] · P(alive)
 * with z = t/(α+T+t). Euler's transformation 2F1(A,B;C;z) = (1-z)^(C-A-B) 2F1(C-A, C-B; C; z) turns
 * the bracket into 1 - (1-z)^(a-1) 2F1(a+b-1-r, a-1; a+b+x-1; z), whose terms stay small for any x.
 * At a = 1 exactly (a removable 0/0) the mean of a = 1 ± 1e-6 is used.
 */
export function expectedPurchases(
  params: BgNbdParams,
  x: number,
  tx: number,
  T: number,
  t: number
): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = params;
  if (Math.abs(a - 1) < 1e-7) {
    const lo = expectedPurchases({ ...params, a: 1 - 1e-6 }, x, tx, T, t);
    const hi = expectedPurchases({ ...params, a: 1 + 1e-6 }, x, tx, T, t);
    return (lo + hi) / 2;
  }
  const z = t / (alpha + T + t);
  const f = hyp2f1(a + b - 1 - r, a - 1, a + b + x - 1, z);
  const bracket = 1 - Math.pow(1 - z, a - 1) * f;
  return ((a + b + x - 1) / (a - 1)) * bracket * probabilityAlive(params, x, tx, T);
}

/**
 * Expected mean value of a customer's future purchases (Fader & Hardie 2013, eq. 5):
 * (p (v + x m)) / (p x + q - 1), a weighted mean of the population mean p v / (q - 1) and the
 * customer's own mean m. A customer without repeat purchases, or whose mean value is zero or
 * negative (no usable history, as in the fit), gets the population mean. Needs q > 1.
 */
export function expectedAverageValue(params: GammaGammaParams, x: number, m: number): number {
  const { p, q, v } = params;
  if (x === 0 || !(m > 0)) return (p * v) / (q - 1);
  return (p * (v + x * m)) / (p * x + q - 1);
}

export interface PredictOptions {
  /** Discount rate per period (the time unit of recency and T). Default 0. */
  discountRate?: number;
  /** Profit margin applied to the value of purchases. Default 1 (CLV in revenue). */
  margin?: number;
}

export interface Prediction {
  expectedPurchases: number;
  pAlive: number;
  expectedValue: number;
  clv: number;
}

/**
 * Per-customer prediction over `horizon` periods. Discounting works per period: the purchases expected
 * in period k (E[Y(k)] - E[Y(k-1)], k = 1..ceil(horizon), the last one ending at the horizon) are
 * valued at expected value × margin and discounted by (1 + discountRate)^k, i.e. at the end of period k.
 */
export function predictClv(
  bg: BgNbdParams,
  gg: GammaGammaParams,
  x: number,
  tx: number,
  T: number,
  m: number,
  horizon: number,
  options: PredictOptions = {}
): Prediction {
  const d = options.discountRate ?? 0;
  const margin = options.margin ?? 1;
  const total = expectedPurchases(bg, x, tx, T, horizon);
  const value = expectedAverageValue(gg, x, m);
  let discounted = total;
  if (d !== 0) {
    discounted = 0;
    let prev = 0;
    const steps = Math.ceil(horizon - 1e-12);
    for (let k = 1; k <= steps; k++) {
      const cum = k === steps ? total : expectedPurchases(bg, x, tx, T, k);
      discounted += (cum - prev) / Math.pow(1 + d, k);
      prev = cum;
    }
  }
  return {
    expectedPurchases: total,
    pAlive: probabilityAlive(bg, x, tx, T),
    expectedValue: value,
    clv: discounted * value * margin,
  };
}

/**
 * Closed-form CLV with a constant margin m per period, retention rate r and discount rate d per period
 * (Gupta & Lehmann 2003): the margin of period t (t = 0, 1, ...) arrives at the start of the period if
 * the customer is still there (probability r^t) and is worth m (r / (1 + d))^t today. Over n periods:
 * m (1 - q^n) / (1 - q) with q = r / (1 + d); without a limit (n = ∞): m (1 + d) / (1 + d - r).
 */
export function simpleClv(
  margin: number,
  retention: number,
  discountRate: number,
  periods?: number
): number {
  const q = retention / (1 + discountRate);
  if (periods === undefined) return (margin * (1 + discountRate)) / (1 + discountRate - retention);
  if (Math.abs(1 - q) < 1e-12) return margin * periods;
  return (margin * (1 - Math.pow(q, periods))) / (1 - q);
}
