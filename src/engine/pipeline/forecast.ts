// The pipeline by period: open and won opportunities bucketed by expected close date (month, quarter
// or week) with CRM forecast categories (Salesforce forecast categories: Pipeline, Best Case,
// Commit, Closed, Omitted; cumulative "commit" and "best case" as Salesforce's cumulative rollups).

import { CompensatedSum } from "../numeric";
import { ForecastCategory } from "./funnel";
import { addPeriods, Grain, periodStart } from "../calendar";

/** The calendar grains (src/engine/calendar.ts) the pipeline is bucketed by. */
export type PipelineGrain = Extract<Grain, "month" | "quarter" | "week">;

export interface PipelineOptions {
  /** Any day in the first period (Excel serial). Default: see pipelineForecast. */
  start?: number;
  /** Number of periods, at least 1. */
  periods: number;
  grain: PipelineGrain;
}

export interface ForecastFigures {
  /** Opportunities counted (every one but the omitted), those without an amount included. */
  count: number;
  /** Sum of their amounts (a deal without an amount adds nothing). */
  total: number;
  /** Sum of amount × probability (closed deals at 100%). */
  weighted: number;
  /** Won: the Closed category. */
  closed: number;
  /** Closed + Commit (cumulative). */
  commit: number;
  /** Closed + Commit + Best case (cumulative). */
  bestCase: number;
}

export interface ForecastRow extends ForecastFigures {
  /** "noDate": deals without a close date (a row only when there are some). */
  kind: "overdue" | "period" | "later" | "noDate" | "total";
  /** First day of the period (serial), for kind "period". */
  start?: number;
}

export interface PipelineForecast {
  /** Overdue, one row per period, Later, No close date (only when a counted deal has none), Total. */
  rows: ForecastRow[];
  /** First day of the first period. */
  start: number;
  /** Omitted (lost or excluded) opportunities, left out of every row. */
  omitted: number;
  /** Won opportunities that closed before the first period, left out (they are past results). */
  wonBefore: number;
}

/** An open deal: still to win (Pipeline, Best case, Commit). */
function isOpen(category: ForecastCategory): boolean {
  return category === "pipeline" || category === "bestCase" || category === "commit";
}

/**
 * Buckets opportunities by close date.
 *
 * - Rows: Overdue (open opportunities whose close date is before the first period: still to win, not
 *   dropped), one row per period, Later (open or won opportunities after the last period), Total.
 * - Omitted opportunities count nowhere; won ones before the first period are left out.
 * - Default start: the period of the earliest close date among open opportunities (among won ones when
 *   none is open; among all when every one is omitted) — the data decides, never the clock.
 * - A CRM export's open deals may have no amount or no close date yet (null): a deal without an amount
 *   is counted with the amount 0; one without a close date goes to the No close date row (never to a
 *   period, never overdue), which is there only when some counted deal has no close date.
 */
export function pipelineForecast(
  amounts: readonly (number | null)[],
  probabilities: ArrayLike<number>,
  categories: readonly ForecastCategory[],
  closeDates: readonly (number | null)[],
  options: PipelineOptions
): PipelineForecast {
  const n = amounts.length;
  if (probabilities.length !== n || categories.length !== n || closeDates.length !== n)
    throw new RangeError("pipelineForecast: columns differ in length");
  const { grain, periods } = options;
  if (!Number.isInteger(periods) || periods < 1)
    throw new RangeError("pipelineForecast: periods must be a whole number ≥ 1");

  const start = periodStart(options.start ?? defaultStart(categories, closeDates), grain);
  // bounds[k] = first day of period k; bounds[periods] = the day after the last period.
  const bounds = Array.from({ length: periods + 1 }, (_, k) => addPeriods(start, k, grain));
  const end = bounds[periods];
  // Buckets: 0 = overdue, 1..periods = the periods, periods + 1 = later, periods + 2 = no close
  // date; -1 = left out.
  const buckets = periods + 3;
  const noDate = periods + 2;
  const bucket = new Int32Array(n);
  const counts = new Int32Array(buckets);
  let omitted = 0;
  let wonBefore = 0;
  for (let i = 0; i < n; i++) {
    const category = categories[i];
    bucket[i] = -1;
    if (category === "omitted") {
      omitted++;
      continue;
    }
    const close = closeDates[i];
    const day = close === null ? NaN : Math.floor(close);
    let b: number;
    if (close === null) {
      b = noDate;
    } else if (day < start) {
      if (!isOpen(category)) {
        wonBefore++;
        continue;
      }
      b = 0;
    } else if (day >= end) {
      b = periods + 1;
    } else {
      // The last bound not after the day: binary search.
      let lo = 0;
      let hi = periods - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (bounds[mid] <= day) lo = mid;
        else hi = mid - 1;
      }
      b = lo + 1;
    }
    bucket[i] = b;
    counts[b]++;
  }

  // Each measure summed bucket by bucket (Neumaier), the rows visited bucket after bucket in input
  // order within a bucket (a counting sort of row numbers), so that every bucket's sums and the
  // total's are the compensated sums of the same values in the same order as ever; a value that does
  // not count in a measure adds 0. Five sums per bucket, no column of values per measure.
  const offset = new Int32Array(buckets + 1);
  for (let b = 0; b < buckets; b++) offset[b + 1] = offset[b] + counts[b];
  const kept = offset[buckets];
  const order = new Int32Array(kept);
  const next = offset.slice(0, buckets);
  for (let i = 0; i < n; i++) {
    const b = bucket[i];
    if (b >= 0) order[next[b]++] = i;
  }
  const MEASURES = 5; // total, weighted, closed, commit, best case
  const grand = Array.from({ length: MEASURES }, () => new CompensatedSum());
  const perBucket: number[][] = [];
  const values = new Float64Array(MEASURES);
  for (let b = 0; b < buckets; b++) {
    const sums = Array.from({ length: MEASURES }, () => new CompensatedSum());
    for (let j = offset[b]; j < offset[b + 1]; j++) {
      const i = order[j];
      const a = amounts[i] ?? 0;
      const category = categories[i];
      values[0] = a;
      values[1] = category === "closed" ? a : a * probabilities[i];
      values[2] = category === "closed" ? a : 0;
      values[3] = category === "closed" || category === "commit" ? a : 0;
      values[4] = category !== "pipeline" ? a : 0;
      for (let m = 0; m < MEASURES; m++) {
        sums[m].add(values[m]);
        grand[m].add(values[m]);
      }
    }
    perBucket.push(sums.map((x) => x.value));
  }
  const figures = (count: number, v: readonly number[]): ForecastFigures => ({
    count,
    total: v[0],
    weighted: v[1],
    closed: v[2],
    commit: v[3],
    bestCase: v[4],
  });
  const rows: ForecastRow[] = [];
  for (let b = 0; b < buckets; b++) {
    if (b === noDate && counts[b] === 0) continue;
    rows.push({
      kind: b === 0 ? "overdue" : b === periods + 1 ? "later" : b === noDate ? "noDate" : "period",
      ...(b >= 1 && b <= periods ? { start: bounds[b - 1] } : {}),
      ...figures(counts[b], perBucket[b]),
    });
  }
  rows.push({
    kind: "total",
    ...figures(
      kept,
      grand.map((x) => x.value)
    ),
  });
  return { rows, start, omitted, wonBefore };
}

function defaultStart(
  categories: readonly ForecastCategory[],
  closeDates: readonly (number | null)[]
): number {
  const earliest = (keep: (c: ForecastCategory) => boolean) => {
    let min = Infinity;
    for (let i = 0; i < closeDates.length; i++) {
      const d = closeDates[i];
      if (d !== null && keep(categories[i]) && d < min) min = d;
    }
    return min;
  };
  for (const keep of [isOpen, (c: ForecastCategory) => c === "closed", () => true]) {
    const d = earliest(keep);
    if (d < Infinity) return d;
  }
  throw new RangeError("pipelineForecast: no opportunities with a close date");
}
