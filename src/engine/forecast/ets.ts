// Exponential smoothing in the innovations state-space form ETS(error, trend, season) of Hyndman,
// Koehler, Ord & Snyder, "Forecasting with Exponential Smoothing: The State Space Approach" (Springer,
// 2008), and Hyndman, Koehler, Snyder & Grose (IJF 18, 2002): errors additive or multiplicative; trend
// none, additive or additive damped; season none, additive or multiplicative. Parameters and initial
// states by maximum likelihood (Nelder–Mead) inside the usual bounds and the admissible region of
// the book's ch. 10; the model by AICc, as R's forecast::ets does by default.

import { decompose } from "./decompose";
import { Matrix, QrDecomposition } from "ml-matrix";
import { nelderMead } from "../optim/nelderMead";
import { ForecastResult } from "./result";
import { linearTrend, normalGenerator, intervalZ, quantileSorted } from "./stats";
import { maxOf, minOf } from "../numeric";

export type ErrorType = "A" | "M";
export type TrendType = "N" | "A" | "Ad";
export type SeasonType = "N" | "A" | "M";

export interface EtsModel {
  error: ErrorType;
  trend: TrendType;
  season: SeasonType;
}

/** A model with some parts left open ("Z" = choose automatically), e.g. "ZZZ", "AZN", "MAdM". */
export interface EtsPattern {
  error: ErrorType | "Z";
  trend: TrendType | "Z";
  season: SeasonType | "Z";
}

/** The model's usual short name: "AAdN", "MAM", ... */
export function modelName(model: EtsModel): string {
  return model.error + model.trend + model.season;
}

/**
 * Reads a model name such as "AAdN", "MAM", "ANN" or with "Z" for parts chosen automatically ("ZZZ",
 * "MZZ"). Letters are case-insensitive; "Ad" / "Zd" marks a damped trend. Undefined when not a name.
 */
export function parseModel(text: string): EtsPattern | undefined {
  const m = /^([AMZ])(N|AD|A|ZD|Z)([NAMZ])$/.exec(text.trim().toUpperCase());
  if (!m) return undefined;
  const trend = m[2] === "AD" || m[2] === "ZD" ? "Ad" : (m[2] as "N" | "A" | "Z");
  return { error: m[1] as ErrorType | "Z", trend, season: m[3] as SeasonType | "Z" };
}

export interface EtsStates {
  level: number;
  trend: number;
  /** Seasonal state per position in the cycle: position p serves observations t with t mod period = p. */
  seasonal: number[];
}

export interface EtsFit {
  model: EtsModel;
  /** Seasonal period used (1 for non-seasonal models). */
  period: number;
  n: number;
  alpha: number;
  /** 0 without a trend. */
  beta: number;
  /** 0 without a season. */
  gamma: number;
  /** 1 unless the trend is damped. */
  phi: number;
  initial: EtsStates;
  final: EtsStates;
  fitted: number[];
  /** y − fitted. */
  residuals: number[];
  /** Variance of the innovations (relative errors for multiplicative-error models). */
  sigma2: number;
  /** Number of estimated parameters, smoothing parameters and initial states (σ not counted). */
  parameters: number;
  logLik: number;
  aic: number;
  aicc: number;
  bic: number;
  /** In-sample mean squared error of the one-step fitted values. */
  mse: number;
  /** In-sample MASE: mean |y − fitted| over the mean absolute seasonal-naive (lag-period, else lag-1) change. */
  mase: number;
  /** True when the data are constant and the model was not estimated (a flat forecast). */
  constant: boolean;
}

export interface EtsOptions {
  /** Seasonal period (1 = non-seasonal). Seasonal models need 2 ≤ period ≤ 24. */
  period: number;
  /** Restrict the choice to a pattern; default "ZZZ". */
  pattern?: EtsPattern;
  /** Maximum evaluations of the likelihood per model (default 2000, as R's ets). */
  maxEvaluations?: number;
}

const LOWER = 1e-4;
const UPPER = 0.9999;
const PHI_LOWER = 0.8;
const PHI_UPPER = 0.98;
/** Below this a divisor counts as zero (R's ets rejects such points the same way). */
const TINY = 1e-10;

/** Number of free quantities of a model, the rule R's ets uses to skip models on short data. */
function parameterCount(model: EtsModel, period: number): number {
  let k = 2;
  if (model.trend !== "N") k += 2;
  if (model.trend === "Ad") k += 1;
  if (model.season !== "N") k += period;
  return k;
}

/**
 * All candidate models for a pattern: multiplicative forms only for positive data, no additive error
 * with a multiplicative season (numerically unstable, excluded as by R's restrict = TRUE), seasonal
 * forms only with a period from 2 to 24, and only models with more observations than their free
 * quantities + 4.
 */
export function candidateModels(
  y: readonly number[],
  period: number,
  pattern: EtsPattern = { error: "Z", trend: "Z", season: "Z" }
): EtsModel[] {
  const positive = y.every((v) => v > 0);
  const errors: ErrorType[] = pattern.error === "Z" ? ["A", "M"] : [pattern.error];
  const trends: TrendType[] = pattern.trend === "Z" ? ["N", "A", "Ad"] : [pattern.trend];
  const seasonal = period >= 2 && period <= 24 && y.length > period;
  const seasons: SeasonType[] =
    pattern.season === "Z" ? (seasonal ? ["N", "A", "M"] : ["N"]) : [pattern.season];
  const out: EtsModel[] = [];
  for (const error of errors) {
    for (const trend of trends) {
      for (const season of seasons) {
        if (!positive && (error === "M" || season === "M")) continue;
        if (error === "A" && season === "M" && (pattern.error === "Z" || pattern.season === "Z"))
          continue;
        if (season !== "N" && !seasonal) continue;
        const model = { error, trend, season };
        if (y.length <= parameterCount(model, season === "N" ? 1 : period) + 4) continue;
        out.push(model);
      }
    }
  }
  return out;
}

/**
 * Whether the smoothing parameters lie in the admissible (forecastable) region of the linear
 * seasonal model (Hyndman et al. 2008, ch. 10): simple bounds, then all roots of the characteristic
 * polynomial outside the unit circle — checked with the Schur–Cohn test on its reciprocal.
 */
export function admissible(
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
  period: number,
  work?: Float64Array
): boolean {
  if (phi < 0 || phi > 1 + 1e-8) return false;
  if (period < 2) {
    if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) return false;
    return beta >= alpha * (phi - 1) && beta <= (1 + phi) * (2 - alpha);
  }
  const m = period;
  if (gamma < Math.max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha) return false;
  if (alpha < 1 - 1 / phi - (gamma * (1 - m + phi + phi * m)) / (2 * phi * m)) return false;
  if (beta < -(1 - phi) * (gamma / m + alpha)) return false;
  // Polynomial in ascending powers: φ(1−α−γ), α+β−αφ+γ−1, (α+β−αφ) repeated m−2 times, α+β−φ, 1,
  // written straight into the first half of the Schur–Cohn work buffer (no views, no allocation:
  // the optimiser asks this at every evaluation).
  const buf = work ?? new Float64Array(2 * (m + 2));
  buf[0] = phi * (1 - alpha - gamma);
  buf[1] = alpha + beta - alpha * phi + gamma - 1;
  for (let i = 2; i < m; i++) buf[i] = alpha + beta - alpha * phi;
  buf[m] = alpha + beta - phi;
  buf[m + 1] = 1;
  return schurCohn(buf, m + 2);
}

/**
 * Schur–Cohn: whether every root of Σ c_k z^k (ascending real coefficients) has modulus at most
 * 1 + 1e-10, the tolerance of R's ets (which takes the largest root from polyroot). The polynomial
 * is rescaled to that radius, then each Schur–Cohn step keeps the property iff |c_0| < |c_n| and
 * lowers the degree by one. `work` (optional, length ≥ 2 × coefficients) avoids allocation.
 */
export function rootsInsideUnitCircle(
  coefficients: ArrayLike<number>,
  length = coefficients.length,
  work?: Float64Array
): boolean {
  const buf = work ?? new Float64Array(2 * length);
  for (let i = 0; i < length; i++) buf[i] = coefficients[i];
  return schurCohn(buf, length);
}

/**
 * rootsInsideUnitCircle on coefficients already in buf[0 .. length − 1]; buf (length ≥ 2 × length)
 * holds the two halves of the Schur–Cohn steps, which swap by offset instead of by array.
 */
function schurCohn(buf: Float64Array, length: number): boolean {
  let power = 1;
  for (let i = 0; i < length; i++) {
    buf[i] *= power;
    power *= 1 + 1e-10;
  }
  let a = 0;
  let b = length;
  let len = length;
  while (len > 1 && buf[a + len - 1] === 0) len--;
  while (len > 1) {
    const n = len - 1;
    const lead = buf[a + n];
    const c0 = buf[a];
    if (Math.abs(c0) >= Math.abs(lead)) return false;
    let scale = 0;
    for (let k = 0; k < n; k++) {
      const v = lead * buf[a + k + 1] - c0 * buf[a + n - 1 - k];
      buf[b + k] = v;
      if (Math.abs(v) > scale) scale = Math.abs(v);
    }
    if (scale > 0) for (let k = 0; k < n; k++) buf[b + k] /= scale;
    const t = a;
    a = b;
    b = t;
    len = n;
  }
  return true;
}

/** Intercept and slope (time 1, 2, …) of a least-squares fit on a trend and sin/cos of period m. */
function trendWithFourier(y: readonly number[], m: number): [number, number] {
  const n = y.length;
  const X = new Matrix(n, m > 2 ? 4 : 3);
  for (let t = 1; t <= n; t++) {
    const w = (2 * Math.PI * t) / m;
    X.set(t - 1, 0, 1);
    X.set(t - 1, 1, t);
    X.set(t - 1, 2, Math.cos(w));
    if (m > 2) X.set(t - 1, 3, Math.sin(w));
  }
  const coef = new QrDecomposition(X).solve(Matrix.columnVector(y as number[]));
  return [coef.get(0, 0), coef.get(1, 0)];
}

/** Heuristic starting states (Hyndman et al. 2008, §2.6.1, as R's ets initialises the optimiser). */
function initialStates(y: readonly number[], period: number, model: EtsModel): EtsStates {
  const n = y.length;
  let seasonal: number[] = [];
  let adjusted: number[] = y.slice();
  if (model.season !== "N") {
    const m = period;
    const mult = model.season === "M";
    // The seasonal component at every time: classical decomposition of the whole series, or with
    // fewer than three cycles (as R's ets) the deviations from the trend of a regression on a trend
    // and one pair of Fourier terms.
    let component: number[];
    if (n >= 3 * m) {
      const indices = decompose(y, m, mult ? "multiplicative" : "additive").indices;
      component = y.map((_, t) => indices[t % m]);
    } else {
      const [a, b] = trendWithFourier(y, m);
      component = y.map((v, t) => (mult ? v / (a + b * (t + 1)) : v - a - b * (t + 1)));
    }
    if (mult) component = component.map((v) => Math.max(v, 1e-2));
    adjusted = y.map((v, t) => (mult ? v / component[t] : v - component[t]));
    seasonal = component.slice(0, m);
    if (mult) {
      // The free indices are scaled down only when they sum to more than m (R's rule).
      const sum = seasonal.slice(1).reduce((acc, v) => acc + v, 0);
      if (sum > m) seasonal = seasonal.map((v) => v / (sum + 1e-2 * (m - 1)));
    }
  }
  const maxn = Math.min(Math.max(10, 2 * period), n);
  let level: number;
  let trend = 0;
  if (model.trend === "N") {
    level = 0;
    for (let t = 0; t < maxn; t++) level += adjusted[t] / maxn;
  } else {
    const line = linearTrend(adjusted, 0, maxn);
    // The regression's value one step before the first observation is the initial level.
    level = line.intercept - line.slope;
    trend = line.slope;
    if (Math.abs(level + trend) < 1e-8) {
      level *= 1 + 1e-3;
      trend *= 1 + 1e-3;
    }
  }
  return { level, trend, seasonal };
}

/**
 * An ETS model's recursion (Hyndman et al. 2008, Table 2.1, in error-correction form): the model's
 * form, its smoothing parameters and its state — level, trend and one seasonal state per position in
 * the cycle — stepped in place by etsRun, the one place the recursion is written. Fitting (the
 * likelihood), the point forecasts and the simulated paths of the prediction intervals all run it.
 */
export interface EtsRecursion {
  /** Length of the seasonal cycle of the state: the period, 1 without a season. */
  m: number;
  hasTrend: boolean;
  damped: boolean;
  hasSeason: boolean;
  /** Multiplicative season. */
  seasonM: boolean;
  /** Multiplicative error. */
  errorM: boolean;
  alpha: number;
  /** 0 without a trend. */
  beta: number;
  /** 0 without a season. */
  gamma: number;
  /** 1 unless the trend is damped. */
  phi: number;
  level: number;
  /** 0 without a trend. */
  trend: number;
  /** Seasonal state per position in the cycle; a single 0 without a season. */
  season: Float64Array;
  /** Position in the cycle of the next step. */
  p: number;
  /** Sum of squared errors (relative errors for multiplicative-error models) of the last run over data. */
  sse: number;
}

/** A recursion for a model and period; parameters and states are set by the caller (or etsStart). */
export function etsRecursion(model: EtsModel, period: number): EtsRecursion {
  const hasSeason = model.season !== "N";
  const m = hasSeason ? period : 1;
  // Every number field starts as a double (NaN: not set yet), so the object keeps one shape.
  return {
    m,
    hasTrend: model.trend !== "N",
    damped: model.trend === "Ad",
    hasSeason,
    seasonM: model.season === "M",
    errorM: model.error === "M",
    alpha: NaN,
    beta: NaN,
    gamma: NaN,
    phi: NaN,
    level: NaN,
    trend: NaN,
    season: new Float64Array(m),
    p: 0,
    sse: NaN,
  };
}

/** Puts a fitted model's parameters and final states into the recursion: the next step forecasts
 *  the period after the data. */
export function etsStart(r: EtsRecursion, fit: EtsFit): void {
  r.alpha = fit.alpha;
  r.beta = fit.beta;
  r.gamma = fit.gamma;
  r.phi = fit.phi;
  r.level = fit.final.level;
  r.trend = fit.final.trend;
  for (let k = 0; k < r.m; k++) r.season[k] = r.hasSeason ? fit.final.seasonal[k] : 0;
  r.p = fit.n % r.m;
}

/**
 * Steps the recursion n times from its state, in place, without allocation. Each step's one-step
 * forecast μ = (ℓ + φb) + s, or (ℓ + φb)·s with a multiplicative season, meets an observation y,
 * and with the error q = y − μ the states move on: ℓ ← ℓ + φb + α·d, b ← φb + β·d,
 * s ← s + γ·q (÷ (ℓ + φb) for a multiplicative season), where d = q (÷ s for a multiplicative season).
 *  - With `data` (fitting): y = data[t]; out[t] = μ (the fitted values). Returns −2 log-likelihood up
 *    to a constant, n log SSE + 2 Σ log|μ| (relative errors for multiplicative errors; r.sse is set),
 *    or Infinity where the model breaks down (a multiplicative state or forecast within TINY of 0).
 *  - With `innovations` (a simulated path): y = μ + ε_t, or μ(1 + ε_t) for multiplicative errors;
 *    out[t] = y. Returns 0.
 *  - With neither (the point forecasts, the recursion with zero errors): y = μ; out[t] = μ. Returns 0.
 */
export function etsRun(
  r: EtsRecursion,
  n: number,
  data?: Float64Array,
  innovations?: Float64Array,
  out?: Float64Array
): number {
  if (data) return etsLikelihood(r, n, data, out);
  const { alpha, beta, gamma, phi, m, hasSeason, seasonM, errorM, season } = r;
  let l = r.level;
  let b = r.trend;
  let p = r.p;
  for (let t = 0; t < n; t++) {
    const lb = l + phi * b;
    const s = season[p];
    const mu = seasonM ? lb * s : lb + s;
    let q: number;
    if (innovations) {
      const e = innovations[t];
      const y = errorM ? mu * (1 + e) : mu + e;
      if (out) out[t] = y;
      q = y - mu;
    } else {
      if (out) out[t] = mu;
      q = 0;
    }
    const d = seasonM ? q / s : q;
    l = lb + alpha * d;
    b = phi * b + beta * d;
    if (hasSeason) season[p] = seasonM ? s + (gamma * q) / lb : s + gamma * q;
    if (++p === m) p = 0;
  }
  r.level = l;
  r.trend = b;
  r.p = p;
  return 0;
}

/**
 * etsRun over data: the same step (see there), in its own loop because the optimiser runs it
 * thousands of times per model and it dominates the fit. The form's switches are constant over the
 * loop; nothing is allocated. Returns n log SSE + 2 Σ log|μ| or Infinity (see etsRun).
 */
function etsLikelihood(r: EtsRecursion, n: number, data: Float64Array, out?: Float64Array): number {
  const { alpha, beta, gamma, phi, m, hasSeason, seasonM, errorM, season } = r;
  if (seasonM) for (let k = 0; k < m; k++) if (!(season[k] > 0)) return Infinity;
  let l = r.level;
  let b = r.trend;
  let p = r.p;
  let sse = 0;
  let logSum = 0;
  let prod = 1;
  for (let t = 0; t < n; t++) {
    const lb = l + phi * b;
    const s = season[p];
    let mu: number;
    let q: number;
    let d: number;
    if (seasonM) {
      if (!(Math.abs(lb) >= TINY && Math.abs(s) >= TINY)) return Infinity;
      mu = lb * s;
      q = data[t] - mu;
      d = q / s;
      season[p] = s + (gamma * q) / lb;
    } else {
      mu = lb + s;
      q = data[t] - mu;
      d = q;
      if (hasSeason) season[p] = s + gamma * q;
    }
    if (errorM) {
      if (!(Math.abs(mu) >= TINY)) return Infinity;
      const e = q / mu;
      sse += e * e;
      // Σ log|μ| as logs of running products (a log per step was a sixth of the fit's time); the
      // product is kept within 1e±300, |μ| outside 1e±100 goes straight to the sum.
      const am = Math.abs(mu);
      if (am > 1e100 || am < 1e-100) logSum += Math.log(am);
      else {
        prod *= am;
        if (prod > 1e200 || prod < 1e-200) {
          logSum += Math.log(prod);
          prod = 1;
        }
      }
    } else sse += q * q;
    if (out !== undefined) out[t] = mu;
    l = lb + alpha * d;
    b = phi * b + beta * d;
    if (++p === m) p = 0;
  }
  r.level = l;
  r.trend = b;
  r.p = p;
  if (!(sse < Infinity)) return Infinity;
  r.sse = sse;
  logSum += Math.log(prod);
  return n * Math.log(Math.max(sse, 1e-300)) + 2 * logSum;
}

/**
 * Reads the optimiser's vector (α, [β], [γ], [φ], ℓ0, [b0], [s_{m−1} … s_1]) into the recursion's
 * parameters and initial state; the first season is implied (the seasons sum to 0, or to m when
 * multiplicative). The next step is the first observation's.
 */
function loadParameters(r: EtsRecursion, x: readonly number[]): void {
  let k = 0;
  r.alpha = x[k++];
  r.beta = r.hasTrend ? x[k++] : 0;
  r.gamma = r.hasSeason ? x[k++] : 0;
  r.phi = r.damped ? x[k++] : 1;
  r.level = x[k++];
  r.trend = r.hasTrend ? x[k++] : 0;
  const season = r.season;
  if (r.hasSeason) {
    let sum = 0;
    for (let p = r.m - 1; p >= 1; p--) {
      season[p] = x[k++];
      sum += season[p];
    }
    season[0] = r.seasonM ? r.m - sum : -sum;
  } else season[0] = 0;
  r.p = 0;
}

/** Fits one model by maximum likelihood. Undefined when no admissible parameters give a finite likelihood. */
export function fitEtsModel(
  values: readonly number[],
  period: number,
  model: EtsModel,
  maxEvaluations = 2000
): EtsFit | undefined {
  const r = etsRecursion(model, period);
  const { m, hasTrend, damped, hasSeason } = r;
  const y = Float64Array.from(values);
  const n = y.length;
  const init = initialStates(values, m, model);
  const alpha0 = LOWER + (0.2 * (UPPER - LOWER)) / m;
  const x0: number[] = [alpha0];
  if (hasTrend) x0.push(LOWER + 0.1 * (Math.min(UPPER, alpha0) - LOWER));
  if (hasSeason) x0.push(LOWER + 0.05 * (Math.min(UPPER, 1 - alpha0) - LOWER));
  if (damped) x0.push(PHI_LOWER + 0.99 * (PHI_UPPER - PHI_LOWER));
  x0.push(init.level);
  if (hasTrend) x0.push(init.trend);
  for (let p = m - 1; p >= 1; p--) x0.push(init.seasonal[p]);

  const work = new Float64Array(2 * (m + 2));
  // −2 log-likelihood up to a constant, allocation-free (the optimiser calls it thousands of times).
  const objective = (x: readonly number[]): number => {
    let k = 0;
    const alpha = x[k++];
    const beta = hasTrend ? x[k++] : 0;
    const gamma = hasSeason ? x[k++] : 0;
    const phi = damped ? x[k++] : 1;
    if (!(alpha >= LOWER && alpha <= UPPER)) return Infinity;
    if (hasTrend && !(beta >= LOWER && beta <= UPPER && beta <= alpha)) return Infinity;
    if (hasSeason && !(gamma >= LOWER && gamma <= UPPER && gamma <= 1 - alpha)) return Infinity;
    if (damped && !(phi >= PHI_LOWER && phi <= PHI_UPPER)) return Infinity;
    if (hasSeason && !admissible(alpha, beta, gamma, phi, m, work)) return Infinity;
    loadParameters(r, x);
    return etsRun(r, n, y);
  };
  // R's optim exactly: convergence on the values alone; an inadmissible start stops the search at
  // once (value Infinity), as R's optim refuses it.
  const best = nelderMead(objective, x0, { maxEvaluations, xtol: Infinity });
  if (!Number.isFinite(best.value)) return undefined;

  loadParameters(r, best.x);
  const initial: EtsStates = {
    level: r.level,
    trend: r.trend,
    seasonal: hasSeason ? Array.from(r.season) : [],
  };
  const oneStep = new Float64Array(n);
  const lik = etsRun(r, n, y, undefined, oneStep);
  const fitted = Array.from(oneStep);
  const np = best.x.length;
  const logLik = -0.5 * lik;
  const k = np + 1;
  const aic = -2 * logLik + 2 * k;
  const aicc = n - k - 1 > 0 ? aic + (2 * k * (k + 1)) / (n - k - 1) : Infinity;
  const bic = aic + (Math.log(n) - 2) * k;
  const residuals = Array.from(y, (v, t) => v - fitted[t]);
  return {
    model,
    period: m,
    n,
    alpha: r.alpha,
    beta: r.beta,
    gamma: r.gamma,
    phi: r.phi,
    initial,
    final: { level: r.level, trend: r.trend, seasonal: hasSeason ? Array.from(r.season) : [] },
    fitted,
    residuals,
    sigma2: r.sse / (n > np ? n - np : n),
    parameters: np,
    logLik,
    aic,
    aicc,
    bic,
    mse: residuals.reduce((s, e) => s + e * e, 0) / n,
    mase: inSampleMase(values, fitted, period),
    constant: false,
  };
}

/** Mean absolute error of fitted values over the mean absolute seasonal-naive change (lag period, or 1). */
export function inSampleMase(
  y: readonly number[],
  fitted: readonly number[],
  period: number
): number {
  const n = y.length;
  const lag = period > 1 && n > period ? period : 1;
  let scale = 0;
  for (let t = lag; t < n; t++) scale += Math.abs(y[t] - y[t - lag]);
  scale /= Math.max(1, n - lag);
  let mae = 0;
  for (let t = 0; t < n; t++) mae += Math.abs(y[t] - fitted[t]) / n;
  return scale > 0 ? mae / scale : 0;
}

function constantFit(y: readonly number[]): EtsFit {
  const v = y[y.length - 1];
  const states = { level: v, trend: 0, seasonal: [] };
  return {
    model: { error: "A", trend: "N", season: "N" },
    period: 1,
    n: y.length,
    alpha: UPPER,
    beta: 0,
    gamma: 0,
    phi: 1,
    initial: states,
    final: states,
    fitted: y.map(() => v),
    residuals: y.map(() => 0),
    sigma2: 0,
    parameters: 0,
    logLik: 0,
    aic: 0,
    aicc: 0,
    bic: 0,
    mse: 0,
    mase: 0,
    constant: true,
  };
}

/**
 * The longest history an ETS model is fitted to. A round of fits (every candidate model, each by up
 * to 2,000 likelihood evaluations over the whole history) costs about 0.13 ms per value on a 2-core
 * machine: 5,000 values take under a second, 100,000 would take 15 s and 1,048,576 minutes. Longer
 * histories are refused with a message saying so (never cut silently).
 */
export const ETS_MAX_VALUES = 5_000;

/** Why a history of n values is too long for an ETS fit; undefined when it is not. `what` names them. */
export function etsLengthProblem(n: number, what = "values"): string | undefined {
  if (n <= ETS_MAX_VALUES) return undefined;
  const fmt = (v: number) => v.toLocaleString("en-US");
  return (
    `${fmt(n)} ${what} are more than the ${fmt(ETS_MAX_VALUES)} exponential smoothing is fitted ` +
    `on (about a second per 5,000 values): give the last ${fmt(ETS_MAX_VALUES)}, or totals per ` +
    "longer period (e.g. months instead of days)"
  );
}

/**
 * The fewest values a model pattern can be fitted to (candidateModels' rule: more observations than
 * the smallest matching model's free quantities + 4); the automatic pattern falls back to ETS(A,N,N)
 * and needs only 3.
 */
export function etsMinimumValues(pattern: EtsPattern, period: number): number {
  if (pattern.error === "Z" && pattern.trend === "Z" && pattern.season === "Z") return 3;
  const model: EtsModel = {
    error: pattern.error === "Z" ? "A" : pattern.error,
    trend: pattern.trend === "Z" ? "N" : pattern.trend,
    season: pattern.season === "Z" ? "N" : pattern.season,
  };
  return parameterCount(model, model.season === "N" ? 1 : period) + 5;
}

/** Whether `fit` beats `best` by AICc (by AIC when neither AICc is finite). */
function better(fit: EtsFit, best: EtsFit | undefined): boolean {
  return !best || fit.aicc < best.aicc || (!Number.isFinite(best.aicc) && fit.aic < best.aic);
}

/** The automatic choice and, from the same fits, the best damped-trend model (if one fitted). */
export interface EtsChoice {
  best: EtsFit;
  damped?: EtsFit;
  /** Every candidate that fitted (just `best` for constant or too-short data). */
  fits: EtsFit[];
}

/**
 * Automatic ETS: fits every candidate model and keeps the one with the smallest AICc; also reports
 * the best damped-trend candidate, so a combination needs no second round of fits. Constant data
 * give a flat forecast. Histories too short for any candidate (fewer than 7 values) are fitted with
 * simple exponential smoothing ETS(A,N,N) / (M,N,N), the smallest model. Throws a RangeError for fewer
 * than 3 values or when a forced model does not fit the data.
 */
export function chooseEts(values: readonly number[], options: EtsOptions): EtsChoice {
  const y = values;
  if (y.length < 3) throw new RangeError("needs at least 3 values");
  const tooLong = etsLengthProblem(y.length);
  if (tooLong) throw new RangeError(tooLong);
  const lo = minOf(y);
  const hi = maxOf(y);
  if (hi - lo <= 1e-10 * Math.max(1, Math.abs(hi))) {
    const flat = constantFit(y);
    return { best: flat, fits: [flat] };
  }
  const pattern = options.pattern ?? { error: "Z", trend: "Z", season: "Z" };
  let models = candidateModels(y, options.period, pattern);
  if (models.length === 0) {
    const auto = pattern.error === "Z" && pattern.trend === "Z" && pattern.season === "Z";
    if (!auto) {
      throw new RangeError(
        `the model ${pattern.error}${pattern.trend}${pattern.season} cannot be fitted to these data ` +
          "(too few values for its parameters, multiplicative parts need positive values, seasonal parts a period of 2 to 24)"
      );
    }
    models = [{ error: "A", trend: "N", season: "N" }];
  }
  let best: EtsFit | undefined;
  let damped: EtsFit | undefined;
  const fits: EtsFit[] = [];
  for (const model of models) {
    const fit = fitEtsModel(y, options.period, model, options.maxEvaluations);
    if (!fit) continue;
    fits.push(fit);
    if (better(fit, best)) best = fit;
    if (model.trend === "Ad" && better(fit, damped)) damped = fit;
  }
  if (!best) {
    const fallback = fitEtsModel(
      y,
      1,
      { error: "A", trend: "N", season: "N" },
      options.maxEvaluations
    );
    if (!fallback) throw new RangeError("no exponential smoothing model could be fitted");
    best = fallback;
    fits.push(fallback);
  }
  return { best, damped, fits };
}

/** The automatic ETS model (see chooseEts). */
export function autoEts(values: readonly number[], options: EtsOptions): EtsFit {
  return chooseEts(values, options).best;
}

/** A forecast by exponential smoothing (R's forecast.ets); `method` names the model, "ETS(M,Ad,N)". */
export interface EtsForecast extends ForecastResult {
  kind: "ets";
}

/** R's description of a model: "ETS(M,Ad,N)". */
export function etsMethodName(model: EtsModel): string {
  return `ETS(${model.error},${model.trend},${model.season})`;
}

/** Point forecasts for h steps, and prediction intervals at `level` (e.g. 0.95) when given. */
export function forecastEts(fit: EtsFit, h: number, level?: number, paths = 5000): EtsForecast {
  const r = etsRecursion(fit.model, fit.period);
  // Point forecasts: the recursion with zero errors.
  etsStart(r, fit);
  const path = new Float64Array(h);
  etsRun(r, h, undefined, undefined, path);
  const mean = Array.from(path);
  const out: EtsForecast = {
    kind: "ets",
    method: etsMethodName(fit.model),
    mean,
    fitted: fit.fitted.slice(),
  };
  if (level === undefined) return out;
  out.level = level;
  if (fit.constant || fit.sigma2 <= 0) {
    out.lower = mean.slice();
    out.upper = mean.slice();
    return out;
  }
  const { phi } = fit;
  const m = r.m;
  const sigma = Math.sqrt(fit.sigma2);
  if (fit.model.error === "A" && !r.seasonM) {
    // Class 1 (linear) models: exact variances, Hyndman et al. (2008), Table 6.1.
    const z = intervalZ(level);
    const lower: number[] = [];
    const upper: number[] = [];
    let acc = 0;
    let phiSum = 0;
    let phiPow = 1;
    for (let j = 1; j <= h; j++) {
      if (j > 1) {
        const i = j - 1;
        phiPow *= phi;
        phiSum += phiPow;
        const c =
          fit.alpha +
          (fit.model.trend !== "N" ? fit.beta * phiSum : 0) +
          (r.hasSeason && i % m === 0 ? fit.gamma : 0);
        acc += c * c;
      }
      const half = z * sigma * Math.sqrt(1 + acc);
      lower.push(mean[j - 1] - half);
      upper.push(mean[j - 1] + half);
    }
    out.lower = lower;
    out.upper = upper;
    return out;
  }
  // Other models: quantiles of simulated future paths (seeded, so results are reproducible).
  const draws: Float64Array[] = Array.from({ length: h }, () => new Float64Array(paths));
  const normal = normalGenerator(20240917);
  const innovations = new Float64Array(h);
  for (let k = 0; k < paths; k++) {
    for (let j = 0; j < h; j++) innovations[j] = sigma * normal();
    etsStart(r, fit);
    etsRun(r, h, undefined, innovations, path);
    for (let j = 0; j < h; j++) draws[j][k] = path[j];
  }
  const lower: number[] = [];
  const upper: number[] = [];
  for (let j = 0; j < h; j++) {
    const d = draws[j].sort();
    lower.push(quantileSorted(d, 0.5 - level / 2));
    upper.push(quantileSorted(d, 0.5 + level / 2));
  }
  out.lower = lower;
  out.upper = upper;
  return out;
}
