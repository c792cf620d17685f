// Exponential smoothing in the innovations state-space form ETS(error, trend, season) of Hyndman,
// Koehler, Ord & Snyder, "Forecasting with Exponential Smoothing: The State Space Approach" (Springer,
// 2008), and Hyndman, Koehler, Snyder & Grose (IJF 18, 2002): errors additive or multiplicative; trend
// none, additive or additive damped; season none, additive or multiplicative. Parameters and initial
// states by maximum likelihood (Nelder–Mead) inside the usual bounds and the admissible region of
// the book's ch. 10; the model by AICc, as R's forecast::ets does by default.

import { decompose } from "./decompose";
import { Matrix, QrDecomposition } from "ml-matrix";
import { simplexMinimise } from "./simplex";
import { linearTrend, normalGenerator, normalQuantile, quantileSorted } from "./stats";

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
  // Polynomial in ascending powers: φ(1−α−γ), α+β−αφ+γ−1, (α+β−αφ) repeated m−2 times, α+β−φ, 1.
  const buf = work ?? new Float64Array(3 * (m + 2));
  const c = buf.subarray(0, m + 2);
  c[0] = phi * (1 - alpha - gamma);
  c[1] = alpha + beta - alpha * phi + gamma - 1;
  for (let i = 2; i < m; i++) c[i] = alpha + beta - alpha * phi;
  c[m] = alpha + beta - phi;
  c[m + 1] = 1;
  return rootsInsideUnitCircle(c, m + 2, buf.subarray(m + 2));
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
  let a = buf.subarray(0, length);
  let b = buf.subarray(length, 2 * length);
  let power = 1;
  for (let i = 0; i < length; i++) {
    a[i] = coefficients[i] * power;
    power *= 1 + 1e-10;
  }
  let len = length;
  while (len > 1 && a[len - 1] === 0) len--;
  while (len > 1) {
    const n = len - 1;
    const lead = a[n];
    const c0 = a[0];
    if (Math.abs(c0) >= Math.abs(lead)) return false;
    let scale = 0;
    for (let k = 0; k < n; k++) {
      const v = lead * a[k + 1] - c0 * a[n - 1 - k];
      b[k] = v;
      if (Math.abs(v) > scale) scale = Math.abs(v);
    }
    if (scale > 0) for (let k = 0; k < n; k++) b[k] /= scale;
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

interface Layout {
  model: EtsModel;
  m: number;
  hasTrend: boolean;
  damped: boolean;
  hasSeason: boolean;
  seasonM: boolean;
  errorM: boolean;
}

function layoutOf(model: EtsModel, period: number): Layout {
  const hasSeason = model.season !== "N";
  return {
    model,
    m: hasSeason ? period : 1,
    hasTrend: model.trend !== "N",
    damped: model.trend === "Ad",
    hasSeason,
    seasonM: model.season === "M",
    errorM: model.error === "M",
  };
}

interface Unpacked {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
  states: EtsStates;
}

function unpack(x: readonly number[], L: Layout): Unpacked {
  let k = 0;
  const alpha = x[k++];
  const beta = L.hasTrend ? x[k++] : 0;
  const gamma = L.hasSeason ? x[k++] : 0;
  const phi = L.damped ? x[k++] : 1;
  const level = x[k++];
  const trend = L.hasTrend ? x[k++] : 0;
  const seasonal: number[] = [];
  if (L.hasSeason) {
    let sum = 0;
    for (let p = 0; p < L.m; p++) seasonal.push(0);
    for (let p = L.m - 1; p >= 1; p--) {
      seasonal[p] = x[k];
      sum += x[k++];
    }
    seasonal[0] = L.seasonM ? L.m - sum : -sum;
  }
  return { alpha, beta, gamma, phi, states: { level, trend, seasonal } };
}

/** Runs the recursions; returns −2 log-likelihood up to a constant (n log SSE + 2 Σ log|μ|), or Infinity. */
function recurse(
  y: Float64Array,
  u: Unpacked,
  L: Layout,
  season: Float64Array,
  fitted?: Float64Array
): { lik: number; sse: number; level: number; trend: number } {
  const n = y.length;
  const { alpha, beta, gamma, phi } = u;
  let l = u.states.level;
  let b = u.states.trend;
  const m = L.m;
  for (let p = 0; p < m; p++) season[p] = L.hasSeason ? u.states.seasonal[p] : 0;
  const bad = { lik: Infinity, sse: Infinity, level: l, trend: b };
  if (L.seasonM) for (let p = 0; p < m; p++) if (!(season[p] > 0)) return bad;
  let sse = 0;
  let logSum = 0;
  let p = 0;
  for (let t = 0; t < n; t++) {
    const lb = l + phi * b;
    const s = season[p];
    let mu: number;
    if (L.seasonM) {
      if (!(Math.abs(lb) >= TINY && Math.abs(s) >= TINY)) return bad;
      mu = lb * s;
    } else mu = lb + s;
    const q = y[t] - mu;
    if (L.errorM) {
      if (!(Math.abs(mu) >= TINY)) return bad;
      const e = q / mu;
      sse += e * e;
      logSum += Math.log(Math.abs(mu));
    } else sse += q * q;
    if (fitted) fitted[t] = mu;
    const r = L.seasonM ? q / s : q;
    l = lb + alpha * r;
    b = phi * b + beta * r;
    if (L.hasSeason) season[p] = L.seasonM ? s + (gamma * q) / lb : s + gamma * q;
    if (++p === m) p = 0;
  }
  if (!Number.isFinite(sse)) return bad;
  const lik = n * Math.log(Math.max(sse, 1e-300)) + 2 * logSum;
  return { lik, sse, level: l, trend: b };
}

/** Fits one model by maximum likelihood. Undefined when no admissible parameters give a finite likelihood. */
export function fitEtsModel(
  values: readonly number[],
  period: number,
  model: EtsModel,
  maxEvaluations = 2000
): EtsFit | undefined {
  const L = layoutOf(model, period);
  const y = Float64Array.from(values);
  const n = y.length;
  const init = initialStates(values, L.m, model);
  const alpha0 = LOWER + (0.2 * (UPPER - LOWER)) / L.m;
  const x0: number[] = [alpha0];
  if (L.hasTrend) x0.push(LOWER + 0.1 * (Math.min(UPPER, alpha0) - LOWER));
  if (L.hasSeason) x0.push(LOWER + 0.05 * (Math.min(UPPER, 1 - alpha0) - LOWER));
  if (L.damped) x0.push(PHI_LOWER + 0.99 * (PHI_UPPER - PHI_LOWER));
  x0.push(init.level);
  if (L.hasTrend) x0.push(init.trend);
  for (let p = L.m - 1; p >= 1; p--) x0.push(init.seasonal[p]);

  const season = new Float64Array(L.m);
  const work = new Float64Array(3 * (L.m + 2));
  const { hasTrend, hasSeason, damped, seasonM, errorM, m } = L;
  // −2 log-likelihood up to a constant, allocation-free (the optimiser calls it thousands of times).
  const objective = (x: Float64Array): number => {
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
    let l = x[k++];
    let b = hasTrend ? x[k++] : 0;
    if (hasSeason) {
      let sum = 0;
      for (let p = m - 1; p >= 1; p--) {
        season[p] = x[k++];
        sum += season[p];
      }
      season[0] = seasonM ? m - sum : -sum;
      if (seasonM) for (let p = 0; p < m; p++) if (!(season[p] > 0)) return Infinity;
    } else season[0] = 0;
    let sse = 0;
    let logSum = 0;
    let p = 0;
    for (let t = 0; t < n; t++) {
      const lb = l + phi * b;
      const sv = season[p];
      let mu: number;
      if (seasonM) {
        if (!(Math.abs(lb) >= TINY && Math.abs(sv) >= TINY)) return Infinity;
        mu = lb * sv;
      } else mu = lb + sv;
      const q = y[t] - mu;
      if (errorM) {
        if (!(Math.abs(mu) >= TINY)) return Infinity;
        const e = q / mu;
        sse += e * e;
        logSum += Math.log(Math.abs(mu));
      } else sse += q * q;
      const r = seasonM ? q / sv : q;
      l = lb + alpha * r;
      b = phi * b + beta * r;
      if (hasSeason) season[p] = seasonM ? sv + (gamma * q) / lb : sv + gamma * q;
      if (++p === m) p = 0;
    }
    if (!(sse < Infinity)) return Infinity;
    return n * Math.log(Math.max(sse, 1e-300)) + 2 * logSum;
  };
  const start = objective(Float64Array.from(x0));
  if (!Number.isFinite(start)) return undefined;
  const best = simplexMinimise(objective, x0, maxEvaluations);
  if (!Number.isFinite(best.value)) return undefined;

  const u = unpack(Array.from(best.x), L);
  const fitted = new Float64Array(n);
  const r = recurse(y, u, L, season, fitted);
  const np = best.x.length;
  const logLik = -0.5 * r.lik;
  const k = np + 1;
  const aic = -2 * logLik + 2 * k;
  const aicc = n - k - 1 > 0 ? aic + (2 * k * (k + 1)) / (n - k - 1) : Infinity;
  const bic = aic + (Math.log(n) - 2) * k;
  const residuals = Array.from(y, (v, t) => v - fitted[t]);
  return {
    model,
    period: L.m,
    n,
    alpha: u.alpha,
    beta: u.beta,
    gamma: u.gamma,
    phi: u.phi,
    initial: u.states,
    final: { level: r.level, trend: r.trend, seasonal: L.hasSeason ? Array.from(season) : [] },
    fitted: Array.from(fitted),
    residuals,
    sigma2: r.sse / (n > np ? n - np : n),
    parameters: np,
    logLik,
    aic,
    aicc,
    bic,
    mse: residuals.reduce((s, e) => s + e * e, 0) / n,
    mase: inSampleMase(values, Array.from(fitted), period),
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
  const lo = Math.min(...y);
  const hi = Math.max(...y);
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

export interface EtsForecast {
  mean: number[];
  lower?: number[];
  upper?: number[];
}

/** Point forecasts for h steps, and prediction intervals at `level` (e.g. 0.95) when given. */
export function forecastEts(fit: EtsFit, h: number, level?: number, paths = 5000): EtsForecast {
  const m = fit.period;
  const { phi } = fit;
  const mean: number[] = [];
  const l = fit.final.level;
  const b = fit.final.trend;
  const season = fit.final.seasonal;
  const seasonM = fit.model.season === "M";
  const hasSeason = fit.model.season !== "N";
  // Deterministic path: the recursions with zero errors.
  {
    const s = season.slice();
    let p = fit.n % m;
    let ll = l;
    let bb = b;
    for (let j = 0; j < h; j++) {
      const lb = ll + phi * bb;
      const sv = hasSeason ? s[p] : seasonM ? 1 : 0;
      mean.push(seasonM ? lb * sv : lb + sv);
      ll = lb;
      bb = phi * bb;
      if (++p === m) p = 0;
    }
  }
  if (level === undefined) return { mean };
  if (fit.constant || fit.sigma2 <= 0) return { mean, lower: mean.slice(), upper: mean.slice() };
  const sigma = Math.sqrt(fit.sigma2);
  if (fit.model.error === "A" && !seasonM) {
    // Class 1 (linear) models: exact variances, Hyndman et al. (2008), Table 6.1.
    const z = normalQuantile(0.5 + level / 2);
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
          (hasSeason && i % m === 0 ? fit.gamma : 0);
        acc += c * c;
      }
      const half = z * sigma * Math.sqrt(1 + acc);
      lower.push(mean[j - 1] - half);
      upper.push(mean[j - 1] + half);
    }
    return { mean, lower, upper };
  }
  // Other models: quantiles of simulated future paths (seeded, so results are reproducible).
  const draws: Float64Array[] = Array.from({ length: h }, () => new Float64Array(paths));
  const normal = normalGenerator(20240917);
  const s = new Float64Array(m);
  for (let k = 0; k < paths; k++) {
    for (let p = 0; p < m; p++) s[p] = hasSeason ? season[p] : 0;
    let ll = l;
    let bb = b;
    let p = fit.n % m;
    for (let j = 0; j < h; j++) {
      const lb = ll + phi * bb;
      const sv = s[p];
      const mu = seasonM ? lb * sv : lb + sv;
      const e = sigma * normal();
      const yv = fit.model.error === "M" ? mu * (1 + e) : mu + e;
      draws[j][k] = yv;
      const q = yv - mu;
      const r = seasonM ? q / sv : q;
      ll = lb + fit.alpha * r;
      bb = phi * bb + fit.beta * r;
      if (hasSeason) s[p] = seasonM ? sv + (fit.gamma * q) / lb : sv + fit.gamma * q;
      if (++p === m) p = 0;
    }
  }
  const lower: number[] = [];
  const upper: number[] = [];
  for (let j = 0; j < h; j++) {
    const d = draws[j].sort();
    lower.push(quantileSorted(d, 0.5 - level / 2));
    upper.push(quantileSorted(d, 0.5 + level / 2));
  }
  return { mean, lower, upper };
}
