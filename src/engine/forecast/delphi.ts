// Judgmental forecasts: the Delphi method's round statistics (median and interquartile range of the
// panel, consensus when the IQR is small relative to the median; Rowe & Wright, "The Delphi
// technique as a forecasting tool", 1999) and the trimmed, weighted sales-force / survey composite.

import { quantileSorted } from "./stats";

export interface DelphiRound {
  /** Number of experts who answered in the round. */
  n: number;
  median: number;
  /** Lower and upper quartile, Excel QUARTILE.INC (R type 7: linear interpolation at (n−1)·p). */
  q1: number;
  q3: number;
  iqr: number;
  /** IQR / |median|; undefined when the median is 0. */
  ratio: number | undefined;
  /** ratio ≤ threshold (a zero IQR is consensus even when the median is 0). */
  consensus: boolean;
}

export interface DelphiResult {
  rounds: DelphiRound[];
  /** Median of the last round. */
  finalEstimate: number;
}

/** Statistics of one round's estimates. */
export function delphiRound(estimates: readonly number[], threshold: number): DelphiRound {
  if (estimates.length === 0) throw new RangeError("delphiRound: no estimates");
  const sorted = [...estimates].sort((a, b) => a - b);
  const median = quantileSorted(sorted, 0.5);
  const q1 = quantileSorted(sorted, 0.25);
  const q3 = quantileSorted(sorted, 0.75);
  const iqr = q3 - q1;
  const ratio = median !== 0 ? iqr / Math.abs(median) : undefined;
  const consensus = ratio !== undefined ? ratio <= threshold : iqr === 0;
  return { n: sorted.length, median, q1, q3, iqr, ratio, consensus };
}

/** A Delphi panel: one array of estimates per round, in round order. */
export function delphi(rounds: readonly (readonly number[])[], threshold = 0.1): DelphiResult {
  if (rounds.length === 0) throw new RangeError("delphi: no rounds");
  const stats = rounds.map((r) => delphiRound(r, threshold));
  return { rounds: stats, finalEstimate: stats[stats.length - 1].median };
}

/** Why a survey composite cannot be computed. */
export class SurveyProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SurveyProblem";
  }
}

/**
 * Sales-force / market survey composite: sort the estimates, drop floor(trim·n) of the lowest and
 * as many of the highest (each with its weight; trimming counts estimates, not weight), then return
 * the weighted mean Σw·x / Σw of those left. Ties keep their input order.
 */
export function surveyComposite(
  estimates: readonly number[],
  weights?: readonly number[],
  trim = 0
): number {
  const n = estimates.length;
  if (n === 0) throw new SurveyProblem("no estimates");
  if (!(trim >= 0 && trim < 0.5)) throw new SurveyProblem("trim must be at least 0 and below 0.5");
  const w = weights ?? estimates.map(() => 1);
  if (w.length !== n) throw new SurveyProblem(`needs ${n} weights; got ${w.length}`);
  if (w.some((v) => v < 0)) throw new SurveyProblem("weights must be ≥ 0");
  const order = estimates.map((_, i) => i).sort((a, b) => estimates[a] - estimates[b] || a - b);
  const cut = Math.floor(trim * n + 1e-9);
  const kept = order.slice(cut, n - cut);
  const total = kept.reduce((s, i) => s + w[i], 0);
  if (!(total > 0))
    throw new SurveyProblem("the weights of the estimates left after trimming add up to 0");
  return kept.reduce((s, i) => s + w[i] * estimates[i], 0) / total;
}
