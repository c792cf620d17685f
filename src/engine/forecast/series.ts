// Preparing a history for forecasting: the rule for missing periods (leading and trailing blanks are
// trimmed; interior blanks are filled by straight-line interpolation between their neighbours, so the
// seasons stay in place), and the seasonal period when the user gives none — from the dates' spacing,
// or from the autocorrelation of the period-to-period changes.

import { autocorrelations } from "./stats";

export interface PreparedSeries {
  values: number[];
  /** Index (in the input) of the first and last value used. */
  first: number;
  last: number;
  /** Indexes (in the input) of interior blanks that were interpolated. */
  filled: number[];
}

/** Trims leading/trailing nulls and interpolates interior ones. Undefined when every entry is null. */
export function fillGaps(values: readonly (number | null)[]): PreparedSeries | undefined {
  let first = 0;
  while (first < values.length && values[first] === null) first++;
  if (first === values.length) return undefined;
  let last = values.length - 1;
  while (values[last] === null) last--;
  const out: number[] = [];
  const filled: number[] = [];
  let prev = first;
  for (let i = first; i <= last; i++) {
    const v = values[i];
    if (v !== null) {
      out.push(v);
      prev = i;
      continue;
    }
    let next = i + 1;
    while (values[next] === null) next++;
    const a = values[prev] as number;
    const b = values[next] as number;
    out.push(a + ((b - a) * (i - prev)) / (next - prev));
    filled.push(i);
  }
  return { values: out, first, last, filled };
}

/**
 * Seasonal period from the spacing of dates (Excel serials): about a month apart → 12, a quarter → 4,
 * a week → 52, a day → 7, a year or more → 1. Undefined when the spacing is irregular.
 */
export function periodFromDates(dates: readonly number[]): number | undefined {
  if (dates.length < 2) return undefined;
  const gaps = dates
    .slice(1)
    .map((d, i) => d - dates[i])
    .sort((a, b) => a - b);
  const median = gaps[Math.floor(gaps.length / 2)];
  if (median >= 0.5 && median <= 1.5) return 7;
  if (median >= 6 && median <= 8) return 52;
  if (median >= 27 && median <= 32) return 12;
  if (median >= 88 && median <= 93) return 4;
  if (median >= 360) return 1;
  return undefined;
}

/** Candidate periods tested when no period is given, in order of preference on ties. */
export const DETECTED_PERIODS: readonly number[] = [12, 4, 7];

/**
 * Detects a seasonal period without dates: among 12, 4 and 7, the lag at which the autocorrelation
 * of the period-to-period changes is positive, above its 90% limit (Bartlett), and strongest relative
 * to that limit; 1 (none) when no lag qualifies. Each lag needs more than three cycles of data.
 */
export function detectPeriod(values: readonly number[]): number {
  const d = values.slice(1).map((v, i) => v - values[i]);
  let best = 1;
  let bestScore = 1.6448536269514722;
  for (const p of DETECTED_PERIODS) {
    if (values.length <= 3 * p) continue;
    const r = autocorrelations(d, p);
    let s = 0;
    for (let k = 0; k < p - 1; k++) s += r[k] * r[k];
    const score = r[p - 1] / Math.sqrt((1 + 2 * s) / d.length);
    if (score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  return best;
}
