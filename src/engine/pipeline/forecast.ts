// The pipeline by period: open and won opportunities bucketed by expected close date (month, quarter
// or week) with CRM forecast categories (Salesforce forecast categories: Pipeline, Best Case,
// Commit, Closed, Omitted; cumulative "commit" and "best case" as Salesforce's cumulative rollups).

import { sum } from "../numeric";
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

const OPEN: ReadonlySet<ForecastCategory> = new Set(["pipeline", "bestCase", "commit"]);

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
  probabilities: readonly number[],
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
      if (!OPEN.has(category)) {
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

  // Each measure's values laid out bucket by bucket (a counting sort), so that every bucket is one
  // contiguous slice for the compensated sum; a value that does not count in a measure is 0.
  const offset = new Int32Array(buckets + 1);
  for (let b = 0; b < buckets; b++) offset[b + 1] = offset[b] + counts[b];
  const kept = offset[buckets];
  const measures = {
    total: new Float64Array(kept),
    weighted: new Float64Array(kept),
    closed: new Float64Array(kept),
    commit: new Float64Array(kept),
    bestCase: new Float64Array(kept),
  };
  const next = offset.slice(0, buckets);
  for (let i = 0; i < n; i++) {
    const b = bucket[i];
    if (b < 0) continue;
    const j = next[b]++;
    const a = amounts[i] ?? 0;
    const category = categories[i];
    measures.total[j] = a;
    measures.weighted[j] = category === "closed" ? a : a * probabilities[i];
    if (category === "closed") measures.closed[j] = a;
    if (category === "closed" || category === "commit") measures.commit[j] = a;
    if (category !== "pipeline") measures.bestCase[j] = a;
  }

  const figures = (from: number, to: number): ForecastFigures => ({
    count: to - from,
    total: sum(measures.total.subarray(from, to)),
    weighted: sum(measures.weighted.subarray(from, to)),
    closed: sum(measures.closed.subarray(from, to)),
    commit: sum(measures.commit.subarray(from, to)),
    bestCase: sum(measures.bestCase.subarray(from, to)),
  });
  const rows: ForecastRow[] = [];
  for (let b = 0; b < buckets; b++) {
    if (b === noDate && counts[b] === 0) continue;
    rows.push({
      kind: b === 0 ? "overdue" : b === periods + 1 ? "later" : b === noDate ? "noDate" : "period",
      ...(b >= 1 && b <= periods ? { start: bounds[b - 1] } : {}),
      ...figures(offset[b], offset[b + 1]),
    });
  }
  rows.push({ kind: "total", ...figures(0, kept) });
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
  for (const keep of [
    (c: ForecastCategory) => OPEN.has(c),
    (c: ForecastCategory) => c === "closed",
    () => true,
  ]) {
    const d = earliest(keep);
    if (d < Infinity) return d;
  }
  throw new RangeError("pipelineForecast: no opportunities with a close date");
}
