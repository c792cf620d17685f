// Customer lifetime value from purchase histories: the BG/NBD model of purchase counts (Fader, Hardie
// & Lee, "Counting your customers the easy way", Marketing Science 24(2), 2005, eq. 6, 10, 11) and
// the Gamma-Gamma model of spend per purchase (Fader & Hardie, "The Gamma-Gamma model of monetary
// value", 2013; Colombo & Jiang 1999), fitted by maximum likelihood; and the simple closed-form CLV
// with constant retention and discounting (Gupta & Lehmann, "Customers as assets", 2003).

import { EigenvalueDecomposition, Matrix } from "ml-matrix";
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

/**
 * Why a fit, though computed, does not tell much: the data cannot determine (some of) the model's
 * parameters, so they and the predictions made with them are not to be trusted.
 */
export type FitWarning =
  /** No customer bought twice: nothing shows how often customers buy again or drop out. */
  | { code: "no-repeat" }
  /** BG/NBD on a single customer. */
  | { code: "one-customer" }
  /** BG/NBD: every customer has the same frequency, recency and T (as good as one customer). */
  | { code: "same-history" }
  /** Gamma-Gamma on a single repeat customer. */
  | { code: "one-repeat-customer" }
  /** Gamma-Gamma: every repeat customer has the same average value, so spend does not vary. */
  | { code: "same-spend"; value: number }
  /**
   * Parameters that the likelihood leaves open: the estimate ran to the edge of the search range
   * (1e-8 to 1e8), or the standard error of its logarithm is above 5 (a factor of 150 either way).
   */
  | { code: "undetermined"; params: string[] };

export interface BgNbdFit {
  params: BgNbdParams;
  logLikelihood: number;
  customers: number;
  /** Distinct (frequency, recency, T) histories: the likelihood is evaluated once for each. */
  histories: number;
  converged: boolean;
  /**
   * Standard errors from the observed information (the inverse Hessian of the log-likelihood at the
   * optimum; the delta method from the log scale); absent when the Hessian is not positive definite.
   */
  standardErrors?: BgNbdParams;
  warnings: FitWarning[];
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  logLikelihood: number;
  /** Repeat customers with a positive average value: those that entered the fit. */
  customers: number;
  /** Repeat customers left out because their average value is zero or negative. */
  leftOut: number;
  converged: boolean;
  /** As for BgNbdFit. */
  standardErrors?: GammaGammaParams;
  warnings: FitWarning[];
}

/** Parameters are searched on the log scale inside [1e-8, 1e8] ("bounded parameters"). */
const LOG_MIN = Math.log(1e-8);
const LOG_MAX = Math.log(1e8);
const inBounds = (theta: readonly number[]) => theta.every((t) => t >= LOG_MIN && t <= LOG_MAX);

/**
 * The largest frequency accepted: beyond 2^53 - 1 a number no longer holds every whole number, so a
 * count of purchases cannot be told from its neighbours.
 */
export const MAX_FREQUENCY = Number.MAX_SAFE_INTEGER;

/** Checks one customer's summary; returns the problem or undefined. */
export function summaryProblem(x: number, tx: number, T: number): string | undefined {
  if (!(Number.isInteger(x) && x >= 0))
    return `frequency ${x} must be a whole number of at least 0`;
  if (x > MAX_FREQUENCY)
    return `frequency ${x} is too large: a purchase count must be at most ${MAX_FREQUENCY} (2^53 - 1)`;
  if (!(tx >= 0)) return `recency ${tx} must be at least 0`;
  if (!(T >= tx)) return `T ${T} must be at least the recency ${tx}`;
  if (x > 0 && !(tx > 0)) return "a customer with repeat purchases must have a recency above 0";
  if (x === 0 && tx !== 0) return "a customer without repeat purchases must have recency 0";
  return undefined;
}

/** Stirling's correction ln Γ(z) - [(z - 1/2) ln z - z + ln(2π)/2] for z >= 30 (error below 1e-16). */
function stirlingTail(z: number): number {
  const z2 = 1 / (z * z);
  return (1 / 12 - z2 * (1 / 360 - z2 * (1 / 1260 - z2 / 1680))) / z;
}

/** Arguments from which logGammaRatio uses the asymptotic difference. */
const RATIO_FROM = 30;

/**
 * ln Γ(z + d) - ln Γ(z) for z > 0 and z + d > 0, accurate to about 1e-15 in absolute terms however
 * large z is (Stirling's series, Abramowitz & Stegun 6.1.40, differenced analytically): for z,
 * z + d >= 30 it is d ln z + (z + d - 1/2) ln(1 + d/z) - d + tail(z + d) - tail(z), so nothing of
 * size z ln z is formed and cancelled (at z = 1e9 that would leave errors of 1e-6). Constant time.
 */
export function logGammaRatio(z: number, d: number): number {
  if (!(z > 0 && z + d > 0)) return NaN;
  if (d === 0) return 0;
  if (z < RATIO_FROM || z + d < RATIO_FROM) return logGamma(z + d) - logGamma(z);
  return (
    d * Math.log(z) + (z + d - 0.5) * Math.log1p(d / z) - d + stirlingTail(z + d) - stirlingTail(z)
  );
}

/** A negative log-likelihood in log-parameters θ, with its analytic gradient. */
export interface Objective {
  value: (theta: readonly number[]) => number;
  gradient: (theta: readonly number[]) => number[];
  /**
   * The part of the log-likelihood that does not depend on the parameters, left out of `value` so
   * that value stays of the size of the information in the data: ln L = constant - value.
   */
  constant: number;
  /** Number of customers (the weight of the data). */
  customers: number;
  /** Number of distinct rows the likelihood is evaluated on. */
  distinct: number;
}

/** Customers grouped by identical (x, t_x, T), with the distinct x values in increasing order. */
interface Histories {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  /** Customers with this history. */
  count: Float64Array;
  /** Index of the history's x in `xs`. */
  xIndex: Int32Array;
  xs: number[];
}

function groupHistories(
  x: readonly number[],
  tx: readonly number[],
  T: readonly number[]
): Histories {
  const byX = new Map<number, Map<number, Map<number, number>>>();
  const hx: number[] = [];
  const htx: number[] = [];
  const hT: number[] = [];
  const count: number[] = [];
  for (let i = 0; i < x.length; i++) {
    let byTx = byX.get(x[i]);
    if (byTx === undefined) byX.set(x[i], (byTx = new Map()));
    let byT = byTx.get(tx[i]);
    if (byT === undefined) byTx.set(tx[i], (byT = new Map()));
    const k = byT.get(T[i]);
    if (k !== undefined) {
      count[k]++;
    } else {
      byT.set(T[i], hx.length);
      hx.push(x[i]);
      htx.push(tx[i]);
      hT.push(T[i]);
      count.push(1);
    }
  }
  const xs = Array.from(byX.keys()).sort((p, q) => p - q);
  const position = new Map(xs.map((v, j) => [v, j]));
  return {
    x: Float64Array.from(hx),
    tx: Float64Array.from(htx),
    T: Float64Array.from(hT),
    count: Float64Array.from(count),
    xIndex: Int32Array.from(hx, (v) => position.get(v)!),
    xs,
  };
}

/** Frequencies up to this are summed term by term; larger ones use logGammaRatio. */
const SMALL_X = 32;

/**
 * For every distinct x (increasing): value[j] = ln[Γ(c+x) / (Γ(c) x!)] and deriv[j] = ψ(c+x) - ψ(c),
 * i.e. Σ_{k<x} ln((c+k)/(k+1)) and Σ_{k<x} 1/(c+k). Small x by those sums (one pass up to
 * SMALL_X), large x in constant time; nothing grows with the size of x.
 */
function logRising(c: number, xs: readonly number[], value: Float64Array, deriv: Float64Array) {
  let sv = 0;
  let sd = 0;
  let k = 0;
  let lgc = NaN;
  let psic = NaN;
  for (let j = 0; j < xs.length; j++) {
    const xj = xs[j];
    if (xj <= SMALL_X) {
      for (; k < xj; k++) {
        sv += Math.log((c + k) / (k + 1));
        sd += 1 / (c + k);
      }
      value[j] = sv;
      deriv[j] = sd;
    } else {
      if (Number.isNaN(lgc)) {
        lgc = logGamma(c);
        psic = digamma(c);
      }
      value[j] = logGammaRatio(xj + 1, c - 1) - lgc;
      deriv[j] = digamma(c + xj) - psic;
    }
  }
}

/**
 * BG/NBD negative log-likelihood and its gradient, in θ = ln(r, alpha, a, b). Per customer
 * (FHL 2005, eq. 6, with B(a, b+x)/B(a, b) and Γ(r+x)/Γ(r) written as log-gamma differences):
 *   ln L = ln Γ(r+x) - ln Γ(r) + ln Γ(b+x) - ln Γ(b) - ln Γ(a+b+x) + ln Γ(a+b) + r ln α
 *          + ln( (α+T)^-(r+x) + [x>0] a/(b+x-1) (α+t_x)^-(r+x) )
 * The likelihood depends on a customer only through (x, t_x, T): customers with the same history are
 * evaluated once and counted. `constant` is Σ ln x!, so the value is of the size of the information,
 * not of Σ x ln x; the cost and memory grow with the number of distinct histories, not with x.
 */
export function bgnbdObjective(
  x: readonly number[],
  tx: readonly number[],
  T: readonly number[]
): Objective {
  const h = groupHistories(x, tx, T);
  const n = h.x.length;
  const nx = h.xs.length;
  let constant = 0;
  let comp = 0;
  for (let i = 0; i < n; i++) {
    const term = h.count[i] * logGamma(h.x[i] + 1);
    const t = constant + term;
    comp += Math.abs(constant) >= Math.abs(term) ? constant - t + term : term - t + constant;
    constant = t;
  }
  constant += comp;
  const vr = new Float64Array(nx);
  const dr = new Float64Array(nx);
  const vb = new Float64Array(nx);
  const db = new Float64Array(nx);
  const vab = new Float64Array(nx);
  const dab = new Float64Array(nx);
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
    logRising(r, h.xs, vr, dr);
    logRising(b, h.xs, vb, db);
    logRising(a + b, h.xs, vab, dab);
    const logAlpha = Math.log(alpha);
    const logA = Math.log(a);
    // Neumaier-compensated log-likelihood: the optimiser compares values that differ in the 14th digit.
    let ll = 0;
    let llc = 0;
    let gr = 0;
    let gal = 0;
    let ga = 0;
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const xi = h.x[i];
      const w = h.count[i];
      const j = h.xIndex[i];
      const rx = r + xi;
      const aT = alpha + h.T[i];
      const lT = Math.log(aT);
      const t1 = -rx * lT;
      let lse = t1;
      let w2 = 0;
      let lt = 0;
      let at = 1;
      if (xi > 0) {
        at = alpha + h.tx[i];
        lt = Math.log(at);
        const t2 = logA - Math.log(b + xi - 1) - rx * lt;
        const m = Math.max(t1, t2);
        const e1 = Math.exp(t1 - m);
        const e2 = Math.exp(t2 - m);
        lse = m + Math.log(e1 + e2);
        w2 = e2 / (e1 + e2);
      }
      const w1 = 1 - w2;
      const term = w * (vr[j] + vb[j] - vab[j] + r * logAlpha + lse);
      const s = ll + term;
      llc += Math.abs(ll) >= Math.abs(term) ? ll - s + term : term - s + ll;
      ll = s;
      gr += w * (dr[j] + logAlpha - w1 * lT - w2 * lt);
      gal += w * (r / alpha - w1 * (rx / aT) - (xi > 0 ? w2 * (rx / at) : 0));
      ga += w * (-dab[j] + w2 / a);
      gb += w * (db[j] - dab[j] - (xi > 0 ? w2 / (b + xi - 1) : 0));
    }
    lastValue = -(ll + llc);
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
    constant,
    customers: x.length,
    distinct: n,
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
  const res = maximize(obj, theta0);
  const [r, alpha, a, b] = res.theta.map(Math.exp);
  const warnings: FitWarning[] = [];
  if (!x.some((v) => v > 0)) warnings.push({ code: "no-repeat" });
  else if (n === 1) warnings.push({ code: "one-customer" });
  else if (obj.distinct === 1) warnings.push({ code: "same-history" });
  else {
    const open = undetermined(res, ["r", "alpha", "a", "b"], [1, Math.max(meanT, 1e-6), 1, 1]);
    if (open.length > 0) warnings.push({ code: "undetermined", params: open });
  }
  const se = res.logSe?.map((s, k) => s * Math.exp(res.theta[k]));
  return {
    params: { r, alpha, a, b },
    logLikelihood: obj.constant - res.value,
    customers: n,
    histories: obj.distinct,
    converged: res.converged,
    standardErrors: se && { r: se[0], alpha: se[1], a: se[2], b: se[3] },
    warnings,
  };
}

/** A minimum of an Objective, with what the curvature there says about it. */
interface Optimum {
  theta: number[];
  value: number;
  converged: boolean;
  /** Standard errors of the log-parameters; absent when the Hessian is not positive definite. */
  logSe?: number[];
  /** Per parameter: lies in a direction of (numerically) zero or negative curvature. */
  flat: boolean[];
}

/** Relative gradient below which a fit has converged: |∂(-ln L)/∂ ln θ| <= this × max(n, |value|). */
const RELATIVE_GRADIENT = 1e-6;
/** Or: a Newton step would raise the log-likelihood by at most this (in its own units). */
const NEWTON_GAIN = 1e-6;
/** Standard error of ln θ above which a parameter is not determined by the data (a factor of e^5). */
const MAX_LOG_SE = 5;

/**
 * BFGS with the analytic gradient, then Newton steps with the Hessian from differences of the
 * analytic gradient; where that Hessian is not positive definite, or the result has not converged
 * yet, BFGS again from its own result until it stops improving (then Newton once more). Converged
 * when the gradient is small relative to the size of the problem (the number of customers or the
 * value, whichever is larger: on 100,000 customers the floating-point floor of the gradient is far
 * above any fixed absolute tolerance), or when the Hessian is positive definite and a Newton step
 * would gain at most NEWTON_GAIN in log-likelihood.
 */
function maximize(obj: Objective, theta0: readonly number[]): Optimum {
  const f = obj.value;
  const g = obj.gradient;
  const options = { gradient: g, gradientTolerance: 1e-9, reltol: 1e-14 };
  let res = bfgs(f, theta0, options);
  if (!Number.isFinite(res.value)) {
    // A start outside the search range: Nelder–Mead with steps of 0.5 (a factor of 1.6) from it
    // finds the way in, then BFGS goes on from where it stopped.
    const nm = nelderMead(f, theta0, {
      step: 0.5,
      infeasibleStart: "search",
      maxEvaluations: 500 * theta0.length,
    });
    res = bfgs(f, nm.x, options);
  }
  let theta = res.x.slice();
  let value = res.value;
  let curvature = Number.isFinite(value) ? hessianOf(g, theta) : undefined;

  /** Newton steps; the Hessian is recomputed when a full step is not accepted. */
  const newton = () => {
    for (let iter = 0; iter < 20 && curvature?.positive; iter++) {
      const grad = g(theta);
      const step = curvature.solve(grad).map((v) => -v);
      const gain = -step.reduce((acc, v, i) => acc + v * grad[i], 0) / 2;
      if (!(gain > 1e-6 * NEWTON_GAIN)) break;
      const longest = Math.max(...step.map(Math.abs));
      let accepted = 0;
      for (let t = Math.min(1, 2 / longest); t > 1e-6; t /= 2) {
        const trial = theta.map((th, i) => th + t * step[i]);
        const v = f(trial);
        if (v < value) {
          theta = trial;
          value = v;
          accepted = t;
          break;
        }
      }
      if (accepted === 0) break;
      if (accepted < 1) curvature = hessianOf(g, theta);
    }
    curvature = hessianOf(g, theta);
  };
  const isConverged = () => {
    if (!Number.isFinite(value)) return false;
    const grad = g(theta);
    const scale = Math.max(obj.customers, Math.abs(value), 1);
    if (Math.max(...grad.map(Math.abs)) <= RELATIVE_GRADIENT * scale) return true;
    if (!curvature?.positive) return false;
    const step = curvature.solve(grad);
    return step.reduce((acc, v, i) => acc + v * grad[i], 0) / 2 <= NEWTON_GAIN;
  };

  if (curvature?.positive) newton();
  let converged = isConverged();
  if (!converged && Number.isFinite(value)) {
    for (let k = 0; k < 3; k++) {
      const again = bfgs(f, theta, options);
      const better = again.value < value - 1e-12 * Math.abs(value);
      if (again.value <= value) {
        theta = again.x.slice();
        value = again.value;
      }
      if (!better) break;
    }
    curvature = hessianOf(g, theta);
    if (curvature?.positive) newton();
    converged = isConverged();
  }
  return {
    theta,
    value,
    converged,
    logSe: curvature?.positive ? curvature.variances.map(Math.sqrt) : undefined,
    flat: curvature?.flat ?? theta.map(() => false),
  };
}

/**
 * The Hessian of the value at θ by central differences (step 1e-4 on the log scale) of the analytic
 * gradient, symmetrised, through its eigen-decomposition: whether it is positive definite, Newton
 * solves, the variances of the log-parameters (diagonal of its inverse), and the parameters that
 * take part in a direction of no curvature. Undefined if the gradient is not finite around θ.
 */
function hessianOf(g: (theta: readonly number[]) => number[], theta: readonly number[]) {
  const k = theta.length;
  const step = 1e-4;
  const cols: number[][] = [];
  for (let j = 0; j < k; j++) {
    const up = theta.slice();
    const down = theta.slice();
    up[j] += step;
    down[j] -= step;
    if (!inBounds(up) || !inBounds(down)) return undefined;
    const gu = g(up);
    const gd = g(down);
    cols.push(gu.map((v, i) => (v - gd[i]) / (2 * step)));
  }
  if (!cols.every((c) => c.every(Number.isFinite))) return undefined;
  const H = Matrix.zeros(k, k);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) H.set(i, j, (cols[j][i] + cols[i][j]) / 2);
  const evd = new EigenvalueDecomposition(H, { assumeSymmetric: true });
  const lambda = evd.realEigenvalues;
  const V = evd.eigenvectorMatrix;
  const top = Math.max(...lambda.map(Math.abs));
  const tiny = 1e-10 * top;
  const positive = top > 0 && lambda.every((l) => l > tiny);
  const flat = theta.map((_, i) =>
    lambda.some((l, j) => !(l > tiny) && Math.abs(V.get(i, j)) > 0.1)
  );
  const solve = (b: readonly number[]) => {
    const out = new Array<number>(k).fill(0);
    for (let j = 0; j < k; j++) {
      let proj = 0;
      for (let i = 0; i < k; i++) proj += V.get(i, j) * b[i];
      for (let i = 0; i < k; i++) out[i] += (V.get(i, j) * proj) / lambda[j];
    }
    return out;
  };
  const variances = theta.map((_, i) => {
    let s = 0;
    for (let j = 0; j < k; j++) s += (V.get(i, j) * V.get(i, j)) / lambda[j];
    return s;
  });
  return { positive, flat, solve, variances };
}

/**
 * Names of the parameters the data leave open: beyond a factor of 1e6 from their scale (1 for shapes,
 * the mean T or mean value for the scale parameters alpha and v) or at the edge of the search, in a
 * direction without curvature, or with a standard error of ln θ above MAX_LOG_SE.
 */
function undetermined(res: Optimum, names: readonly string[], scales: readonly number[]): string[] {
  const far = Math.log(1e6);
  return names.filter((_, k) => {
    const t = res.theta[k];
    return (
      Math.abs(t - Math.log(scales[k])) >= far ||
      t <= LOG_MIN + 0.01 ||
      t >= LOG_MAX - 0.01 ||
      res.flat[k] ||
      (res.logSe !== undefined && res.logSe[k] > MAX_LOG_SE)
    );
  });
}

/**
 * Gamma-Gamma negative log-likelihood and gradient in θ = ln(p, q, v). Per repeat customer with x
 * purchases of mean value m (Fader & Hardie 2013, eq. 3):
 *   ln L = lnΓ(px+q) - lnΓ(px) - lnΓ(q) + q ln v + (px-1) ln m + px ln x - (px+q) ln(v + x m)
 * computed as lnΓ(px+q) - lnΓ(px) - lnΓ(q) - ln m - q ln(x m / v) - (px+q) ln(1 + v/(x m)), so no
 * term of the size of px ln x is formed and cancelled. The log-gamma terms depend on x only and are
 * evaluated once per distinct x; per customer one logarithm remains.
 */
export function gammaGammaObjective(x: readonly number[], m: readonly number[]): Objective {
  const n = x.length;
  // Customers ordered by x, so the terms of each distinct x are evaluated once.
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => x[i] - x[j]);
  const xs: number[] = [];
  const start: number[] = [];
  const xm = new Float64Array(n);
  const lxmSum: number[] = [];
  let constant = 0;
  order.forEach((i, k) => {
    if (k === 0 || x[i] !== x[order[k - 1]]) {
      xs.push(x[i]);
      start.push(k);
      lxmSum.push(0);
    }
    xm[k] = x[i] * m[i];
    lxmSum[xs.length - 1] += Math.log(xm[k]);
    constant -= Math.log(m[i]);
  });
  start.push(n);
  let lastTheta: readonly number[] = [];
  let lastValue = NaN;
  let lastGrad: number[] = [];

  const evaluate = (theta: readonly number[]) => {
    if (theta.length === lastTheta.length && theta.every((t, i) => t === lastTheta[i])) return;
    lastTheta = theta.slice();
    if (!inBounds(theta)) {
      lastValue = Infinity;
      lastGrad = [0, 0, 0];
      return;
    }
    const p = Math.exp(theta[0]);
    const q = Math.exp(theta[1]);
    const v = Math.exp(theta[2]);
    const lv = Math.log(v);
    let ll = -n * logGamma(q);
    let llc = 0;
    let gp = 0;
    let gq = -n * digamma(q);
    let gv = 0;
    for (let j = 0; j < xs.length; j++) {
      const count = start[j + 1] - start[j];
      const xj = xs[j];
      const px = p * xj;
      let l1p = 0;
      let inv = 0;
      for (let k = start[j]; k < start[j + 1]; k++) {
        l1p += Math.log1p(v / xm[k]);
        inv += 1 / (v + xm[k]);
      }
      const term = count * (logGammaRatio(px, q) + q * lv) - q * lxmSum[j] - (px + q) * l1p;
      const s = ll + term;
      llc += Math.abs(ll) >= Math.abs(term) ? ll - s + term : term - s + ll;
      ll = s;
      const psi = digamma(px + q);
      gp += xj * (count * (psi - digamma(px)) - l1p);
      gq += count * (psi + lv) - lxmSum[j] - l1p;
      gv += (count * q) / v - (px + q) * inv;
    }
    lastValue = -(ll + llc);
    lastGrad = [-gp * p, -gq * q, -gv * v];
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
    constant,
    customers: n,
    distinct: n,
  };
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
  const res = maximize(obj, [0, 0, Math.log(mean)]);
  const [p, q, v] = res.theta.map(Math.exp);
  const warnings: FitWarning[] = [];
  if (xs.length === 1) warnings.push({ code: "one-repeat-customer" });
  else if (ms.every((m) => m === ms[0])) warnings.push({ code: "same-spend", value: ms[0] });
  else {
    const open = undetermined(res, ["p", "q", "v"], [1, 1, mean]);
    if (open.length > 0) warnings.push({ code: "undetermined", params: open });
  }
  const se = res.logSe?.map((s, k) => s * Math.exp(res.theta[k]));
  return {
    params: { p, q, v },
    logLikelihood: obj.constant - res.value,
    customers: xs.length,
    leftOut,
    converged: res.converged,
    standardErrors: se && { p: se[0], q: se[1], v: se[2] },
    warnings,
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

/** Repeat buyers the CLV models need before they are fitted for a portfolio (below: a problem). */
export const MIN_REPEAT_BUYERS = 10;

/** Why the CLV models were not fitted to a portfolio (the reports say it in their language). */
export type ClvProblem =
  | { code: "tooFewRepeat"; repeat: number; needed: number }
  | { code: "notConverged"; model: "BG/NBD" | "Gamma-Gamma" }
  | { code: "noRepeatValue" }
  | { code: "ggMean" };

/**
 * BG/NBD and Gamma-Gamma fitted to a portfolio's calibration summary, as both reports that show CLV
 * fit them: not below `minRepeat` repeat buyers; a fit that did not converge stands only when the
 * engine says why (degenerate data: its warnings go beside the figures); Gamma-Gamma needs repeat
 * buyers with a value and q above 1 for a finite expected value.
 */
export function fitClvModels(
  summary: readonly { frequency: number; recency: number; T: number; monetary: number }[],
  minRepeat = MIN_REPEAT_BUYERS
): { ok: true; bg: BgNbdFit; gg: GammaGammaFit } | { ok: false; problem: ClvProblem } {
  const x = summary.map((c) => c.frequency);
  const repeat = x.filter((v) => v > 0).length;
  if (repeat < minRepeat)
    return { ok: false, problem: { code: "tooFewRepeat", repeat, needed: minRepeat } };
  const bg = fitBgNbd(
    x,
    summary.map((c) => c.recency),
    summary.map((c) => c.T)
  );
  if (!bg.converged && bg.warnings.length === 0)
    return { ok: false, problem: { code: "notConverged", model: "BG/NBD" } };
  if (!summary.some((c) => c.frequency > 0 && c.monetary > 0))
    return { ok: false, problem: { code: "noRepeatValue" } };
  const gg = fitGammaGamma(
    x,
    summary.map((c) => c.monetary)
  );
  if (!gg.converged && gg.warnings.length === 0)
    return { ok: false, problem: { code: "notConverged", model: "Gamma-Gamma" } };
  if (!(gg.params.q > 1)) return { ok: false, problem: { code: "ggMean" } };
  return { ok: true, bg, gg };
}
