// The recommended default forecast: an equal-weight combination of three members — exponential
// smoothing averaged over every fitted ETS model with Akaike weights, the best damped-trend ETS model,
// and the Theta method. Combining forecasts of different methods reduces error on average (Bates &
// Granger 1969; Makridakis & Hibon, M3, IJF 16, 2000; the M4 competition, IJF 36, 2020); weighting the
// ETS candidates by exp(−ΔAICc/2) instead of keeping only the best one (Burnham & Anderson, "Model
// Selection and Multimodel Inference", 2002) was shown on the M3 data by Kolassa (IJF 27, 2011).

import { chooseEts, EtsFit, EtsForecast, forecastEts } from "./ets";
import { ForecastResult } from "./result";
import { thetaForecast } from "./theta";

/** The combination's result: method "Combination(Weighted ETS, ETS(A,Ad,N), Theta)" (the members'
 *  methods); fitted values are the mean of the members'. */
export interface CombinedForecast extends ForecastResult {
  kind: "combination";
  /** The members' point forecasts, in the order weighted ETS, damped ETS, Theta. */
  members: { name: string; mean: number[] }[];
}

/** Weights below this share of the total are left out of the weighted intervals. */
const NEGLIGIBLE = 1e-3;

/**
 * Akaike weights of fitted models: exp(−(AICc − min AICc)/2), normalised to sum to 1. Models without
 * a finite AICc get no weight; if none has one, the weight is spread equally.
 */
export function akaikeWeights(fits: readonly EtsFit[]): number[] {
  const finite = fits.map((f) => Number.isFinite(f.aicc));
  if (!finite.some(Boolean)) return fits.map(() => 1 / fits.length);
  const best = Math.min(...fits.filter((_, i) => finite[i]).map((f) => f.aicc));
  const raw = fits.map((f, i) => (finite[i] ? Math.exp(-0.5 * (f.aicc - best)) : 0));
  const total = raw.reduce((s, w) => s + w, 0);
  return raw.map((w) => w / total);
}

/**
 * The Akaike-weighted ETS forecast (method "Weighted ETS"): the weighted mean of the models' point
 * forecasts and fitted values; with `level`, the weighted mean of their interval bounds over the
 * models that carry at least 0.1% of the weight.
 */
export function weightedEtsForecast(
  fits: readonly EtsFit[],
  h: number,
  level?: number
): EtsForecast {
  const weights = akaikeWeights(fits);
  const mean = new Array<number>(h).fill(0);
  const lower = new Array<number>(h).fill(0);
  const upper = new Array<number>(h).fill(0);
  const fitted = new Array<number>(fits.length > 0 ? fits[0].n : 0).fill(0);
  let kept = 0;
  fits.forEach((fit, i) => {
    const w = weights[i];
    if (w === 0) return;
    for (let t = 0; t < fitted.length; t++) fitted[t] += w * fit.fitted[t];
    const withBounds = level !== undefined && w >= NEGLIGIBLE;
    const f = forecastEts(fit, h, withBounds ? level : undefined);
    for (let j = 0; j < h; j++) mean[j] += w * f.mean[j];
    if (!withBounds) return;
    kept += w;
    for (let j = 0; j < h; j++) {
      lower[j] += w * f.lower![j];
      upper[j] += w * f.upper![j];
    }
  });
  const out: EtsForecast = { kind: "ets", method: "Weighted ETS", mean, fitted };
  if (level === undefined) return out;
  out.lower = lower.map((v) => v / kept);
  out.upper = upper.map((v) => v / kept);
  out.level = level;
  return out;
}

/**
 * Combination forecast for h steps. Prediction intervals (with `level`) average the members' interval
 * bounds, a common approximation for combined forecasts.
 */
export function autoForecast(
  values: readonly number[],
  h: number,
  period: number,
  level?: number
): CombinedForecast {
  // One round of fits gives the weighted member and the best damped-trend model.
  const choice = chooseEts(values, { period });
  const ets = weightedEtsForecast(choice.fits, h, level);
  // Too short for a damped trend: the automatic model stands in.
  const damped = forecastEts(choice.damped ?? choice.best, h, level);
  const theta = thetaForecast(values, h, period, level);
  const members: { name: string; f: ForecastResult }[] = [
    { name: "Weighted ETS", f: ets },
    { name: "Damped ETS", f: damped },
    { name: "Theta", f: theta },
  ];
  const avg = (pick: (f: ForecastResult) => number[] | undefined, length = h) => {
    const out: number[] = [];
    for (let j = 0; j < length; j++) {
      let s = 0;
      for (const m of members) s += (pick(m.f) ?? m.f.mean)[j];
      out.push(s / members.length);
    }
    return out;
  };
  const result: CombinedForecast = {
    kind: "combination",
    method: `Combination(${members.map((m) => m.f.method).join(", ")})`,
    mean: avg((f) => f.mean),
    fitted: avg((f) => f.fitted, values.length),
    members: members.map((m) => ({ name: m.name, mean: m.f.mean })),
  };
  if (level !== undefined) {
    result.lower = avg((f) => f.lower);
    result.upper = avg((f) => f.upper);
    result.level = level;
  }
  return result;
}
