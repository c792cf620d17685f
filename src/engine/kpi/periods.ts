// KPIs per period of an order history: the periods (year, quarter or month) from the first
// transaction's to the last one's, and in each the active customers (a purchase above 0), the new
// ones (first purchase ever), the retained ones (active in the previous period too), the returning
// ones (active before, not in the previous period), the lost ones (active in the previous period, not
// in this one), retention and churn (./kpi: (end − new) / start with new = new + returning), revenue
// and its growth, the key-account revenue and its share, the market size and share, and satisfaction
// (mean, CSAT, NPS). Plain arrays in; numbers, Excel serials and reason codes out (no text for users).

import { customerKey } from "../accounts/rfm";
import { addPeriods, periodEnd, periodIndex, periodStart } from "../calendar";
import { maxOf, sum } from "../numeric";
import { Outcome, churn, csat, growth, kaContribution, nps, retention, share } from "./kpi";

export type KpiGrain = "year" | "quarter" | "month";
export const KPI_GRAINS: readonly KpiGrain[] = ["year", "quarter", "month"];

/** Most periods a KPI table holds. */
export const MAX_KPI_PERIODS = 600;
/** Days a period may lack at its start or end before it counts as partial (a quiet last week). */
export const PARTIAL_DAYS = 7;
/** Tier texts that mean a key account by default (compared by keyTierSet's normalisation). */
export const DEFAULT_KEY_TIERS: readonly string[] = ["core", "key", "核心", "重点", "A"];

/** Why a rate of a period is not computed. */
export type KpiWhy =
  /** The first period has no previous one (retention, churn, growth). */
  | "first"
  /** No active customers in the previous period (retention, churn). */
  | "noStart"
  /** The previous period's revenue is 0 (growth). */
  | "zeroPrevious"
  /** The period's revenue is not above 0 (key-account share). */
  | "revenueNotPositive"
  /** No market size above 0 in the period (market share). */
  | "noMarket"
  /** The period's revenue is negative (market share). */
  | "negativeRevenue"
  /** No satisfaction scores in the period (mean, CSAT, NPS). */
  | "noScores";

export type KpiRate = { ok: true; value: number } | { ok: false; why: KpiWhy };

export interface KpiPeriod {
  /** Excel serial of the period's first day. */
  start: number;
  /** Active customers: those with a purchase (amount above 0) in the period. */
  customers: number;
  /** Active customers whose first purchase is in this period. */
  added: number;
  /** Active customers who bought before, but not in the previous period. */
  returning: number;
  /** Active customers who were active in the previous period too (from the second period). */
  retained?: number;
  /** Customers active in the previous period and not in this one (from the second period). */
  lost?: number;
  /** retention(previous customers, customers, added + returning). */
  retention: KpiRate;
  /** churn(previous customers, customers, added + returning) = lost / previous customers. */
  churn: KpiRate;
  /** Σ amounts of the period (returns included). */
  revenue: number;
  /** (revenue − previous revenue) / |previous revenue|. */
  growth: KpiRate;
  /** With tiers: Σ amounts of the key accounts' rows. */
  keyRevenue?: number;
  /** With tiers: keyRevenue / revenue. */
  keyShare?: KpiRate;
  /** With market sizes: the largest market size above 0 given in the period. */
  market?: number;
  /** With market sizes: revenue / market. */
  marketShare?: KpiRate;
  /** With scores: the mean score. */
  satisfaction?: KpiRate;
  /** With scores on a known scale (or a threshold given): the share of scores ≥ threshold. */
  csat?: KpiRate;
  /** With whole scores on 0–10 (some above 7): the Net Promoter Score. */
  nps?: KpiRate;
}

export interface KpiPeriods {
  grain: KpiGrain;
  periods: KpiPeriod[];
  /** Rows read (transactions, returns included). */
  transactions: number;
  /** Distinct customers (customerKey) in all rows. */
  customers: number;
  /** First and last day (whole Excel serials) of the data. */
  firstDay: number;
  lastDay: number;
  /** The first period starts more than PARTIAL_DAYS before the data. */
  partialFirst: boolean;
  /** The last period ends more than PARTIAL_DAYS after the data. */
  partialLast: boolean;
  hasTiers: boolean;
  hasMarket: boolean;
  hasSatisfaction: boolean;
  /** CSAT's lowest satisfied score: the one given, else the top two answers of the scale (4 on
   *  1–5, 6 on 1–7, 9 on 0–10); undefined when the scale is unknown. */
  threshold?: number;
  /** Scores are whole numbers on 0–10 with some above 7: NPS is computed. */
  npsScale: boolean;
  /** Indexes of the periods whose rows give different market sizes (the largest is used). */
  marketDiffers: number[];
}

export interface KpiPeriodsInput {
  /** Customer of each row. */
  customers: readonly string[];
  /** Excel serial of each row. */
  dates: readonly number[];
  amounts: readonly number[];
  /** Whether each row is a key account's (see keyAccountFlags); undefined: no tiers. */
  isKey?: readonly boolean[];
  /** Satisfaction score of each row (null or a non-finite number: none). */
  scores?: readonly (number | null)[];
  /** Market size of each row (null or a non-finite number: none). */
  marketSizes?: readonly (number | null)[];
}

export interface KpiPeriodsOptions {
  /** Default: year when the data cover at least 24 calendar months, else quarter. */
  grain?: KpiGrain;
  /** CSAT's lowest satisfied score; default from the scale (see KpiPeriods.threshold). */
  satisfactionThreshold?: number;
}

/** Why the periods cannot be computed, checked in this order. */
export type KpiPeriodsError =
  | { kind: "noRows" }
  /** An array's length differs from customers'. */
  | { kind: "lengths" }
  /** A date or amount (row `index`, 0-based) is not a finite number. */
  | { kind: "notNumber"; index: number; column: "date" | "amount" }
  /** No amount above 0: no active customer. */
  | { kind: "noPurchases" }
  | { kind: "badOption"; option: "grain" | "satisfactionThreshold" }
  /** More than MAX_KPI_PERIODS periods. */
  | { kind: "tooManyPeriods"; count: number };

export type KpiPeriodsResult =
  { ok: true; value: KpiPeriods } | { ok: false; error: KpiPeriodsError };

const normalTier = (s: string) => s.normalize("NFKC").trim().toLowerCase();

/** Per row, whether its tier is one of `keyTiers` (compatibility forms, case and surrounding
 *  spaces ignored). */
export function keyAccountFlags(
  tiers: readonly string[],
  keyTiers: readonly string[] = DEFAULT_KEY_TIERS
): boolean[] {
  const keys = new Set(keyTiers.map(normalTier));
  return tiers.map((t) => keys.has(normalTier(t)));
}

/** An engine outcome as a rate, with the reason code of a failure. */
function rate(o: Outcome<number>, why: KpiWhy): KpiRate {
  return o.ok ? { ok: true, value: o.value } : { ok: false, why };
}

/** The CSAT threshold and whether NPS applies, from every score given. */
function scale(all: readonly number[], given: number | undefined) {
  let low = Infinity;
  let high = -Infinity;
  for (const s of all) {
    low = Math.min(low, s);
    high = Math.max(high, s);
  }
  const whole = all.every(Number.isInteger);
  const threshold =
    given ??
    (!whole || low < 0 ? undefined : high <= 5 ? 4 : high <= 7 ? 6 : high <= 10 ? 9 : undefined);
  const npsScale = all.length > 0 && whole && low >= 0 && high <= 10 && high > 7;
  return { threshold, npsScale };
}

/** The KPIs of every period of the data; see the file comment. */
export function kpiPeriods(
  input: KpiPeriodsInput,
  options: KpiPeriodsOptions = {}
): KpiPeriodsResult {
  const { customers: cust, dates, amounts, isKey, scores: scoreCol, marketSizes } = input;
  const error = (e: KpiPeriodsError): KpiPeriodsResult => ({ ok: false, error: e });
  const n = cust.length;
  if (n === 0) return error({ kind: "noRows" });
  for (const col of [dates, amounts, isKey, scoreCol, marketSizes])
    if (col && col.length !== n) return error({ kind: "lengths" });
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(dates[i])) return error({ kind: "notNumber", index: i, column: "date" });
    if (!Number.isFinite(amounts[i]))
      return error({ kind: "notNumber", index: i, column: "amount" });
  }
  if (!amounts.some((a) => a > 0)) return error({ kind: "noPurchases" });
  if (options.grain !== undefined && !KPI_GRAINS.includes(options.grain))
    return error({ kind: "badOption", option: "grain" });
  const t = options.satisfactionThreshold;
  if (t !== undefined && !Number.isFinite(t))
    return error({ kind: "badOption", option: "satisfactionThreshold" });

  // Periods: from the first transaction's to the last one's.
  let first = Infinity;
  let last = -Infinity;
  for (const d of dates) {
    first = Math.min(first, Math.floor(d));
    last = Math.max(last, Math.floor(d));
  }
  const months = periodIndex(last, periodStart(first, "month"), "month") + 1;
  const grain: KpiGrain = options.grain ?? (months >= 24 ? "year" : "quarter");
  const start = periodStart(first, grain);
  const indexOf = (d: number) => periodIndex(d, start, grain);
  const count = indexOf(last) + 1;
  if (count > MAX_KPI_PERIODS) return error({ kind: "tooManyPeriods", count });
  const startOf = (k: number) => addPeriods(start, k, grain);

  const active = Array.from({ length: count }, () => new Set<string>());
  const money = Array.from({ length: count }, () => [] as number[]);
  const keyFlags = Array.from({ length: count }, () => [] as boolean[]);
  const scores = Array.from({ length: count }, () => [] as number[]);
  const markets = Array.from({ length: count }, () => [] as number[]);
  const firstPeriod = new Map<string, number>();
  const allKeys = new Set<string>();
  const allScores: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = indexOf(dates[i]);
    const key = customerKey(cust[i]);
    allKeys.add(key);
    money[k].push(amounts[i]);
    keyFlags[k].push(isKey?.[i] === true);
    if (amounts[i] > 0) {
      active[k].add(key);
      const f = firstPeriod.get(key);
      if (f === undefined || k < f) firstPeriod.set(key, k);
    }
    const s = scoreCol?.[i];
    if (typeof s === "number" && Number.isFinite(s)) {
      scores[k].push(s);
      allScores.push(s);
    }
    const m = marketSizes?.[i];
    if (typeof m === "number" && Number.isFinite(m)) markets[k].push(m);
  }
  const { threshold, npsScale } = scale(allScores, t);

  const marketDiffers: number[] = [];
  const periods: KpiPeriod[] = [];
  for (let k = 0; k < count; k++) {
    const now = active[k];
    const before = k > 0 ? active[k - 1] : undefined;
    let added = 0;
    let returning = 0;
    let retained = 0;
    for (const key of now) {
      if (firstPeriod.get(key) === k) added++;
      else if (before?.has(key)) retained++;
      else returning++;
    }
    let lost = 0;
    if (before) for (const key of before) if (!now.has(key)) lost++;
    const revenue = sum(money[k]);
    const p: KpiPeriod = {
      start: startOf(k),
      customers: now.size,
      added,
      returning,
      retention: { ok: false, why: "first" },
      churn: { ok: false, why: "first" },
      revenue,
      growth: { ok: false, why: "first" },
    };
    if (before) {
      p.retained = retained;
      p.lost = lost;
      // KAM.RETENTION's inputs: customers at the start and the end, and those added in between.
      p.retention = rate(retention(before.size, now.size, added + returning), "noStart");
      p.churn = rate(churn(before.size, now.size, added + returning), "noStart");
      p.growth = rate(growth(revenue, periods[k - 1].revenue), "zeroPrevious");
    }
    if (isKey) {
      p.keyRevenue = sum(money[k].filter((_, j) => keyFlags[k][j]));
      p.keyShare = rate(kaContribution(money[k], keyFlags[k]), "revenueNotPositive");
    }
    if (marketSizes) {
      const sizes = markets[k].filter((m) => m > 0);
      if (sizes.length > 0) {
        p.market = maxOf(sizes);
        if (sizes.some((m) => m !== p.market)) marketDiffers.push(k);
        p.marketShare = rate(share(revenue, p.market), "negativeRevenue");
      } else {
        p.marketShare = { ok: false, why: "noMarket" };
      }
    }
    if (scoreCol) {
      const s = scores[k];
      p.satisfaction =
        s.length > 0 ? { ok: true, value: sum(s) / s.length } : { ok: false, why: "noScores" };
      if (threshold !== undefined) p.csat = rate(csat(s, threshold), "noScores");
      if (npsScale) p.nps = rate(nps(s), "noScores");
    }
    periods.push(p);
  }
  return {
    ok: true,
    value: {
      grain,
      periods,
      transactions: n,
      customers: allKeys.size,
      firstDay: first,
      lastDay: last,
      partialFirst: first - startOf(0) > PARTIAL_DAYS,
      partialLast: periodEnd(startOf(count - 1), grain) - last > PARTIAL_DAYS,
      hasTiers: isKey !== undefined,
      hasMarket: marketSizes !== undefined,
      hasSatisfaction: scoreCol !== undefined,
      threshold,
      npsScale,
      marketDiffers,
    },
  };
}
