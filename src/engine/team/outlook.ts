// The blended revenue outlook — repeat revenue of the existing accounts forecast by automatic
// exponential smoothing (the ETS model of least AICc: Hyndman, Koehler, Snyder & Grose, IJF 18, 2002;
// ../forecast/ets.ts) plus the new-business pipeline weighted by win probability by period of close
// date (the weighted pipeline of CRM forecasting), against the target — and forecast vs actual per rep
// and period: the pipeline as it stood at each period's start, weighted (./probabilities.ts backtest,
// a hold-out test), against what was won in the period.

import { addPeriods, periodEnd, periodIndex, periodLabel, periodStart } from "../calendar";
import { chooseEts, etsMethodName, forecastEts } from "../forecast/ets";
import { groupKey } from "../pipeline/cycle";
import { Deal, ownerKey } from "./deals";
import { backtest, PROBABILITY_METHODS, ProbabilityMethod } from "./probabilities";
import { MIN_CLOSED_DEALS } from "./winrate";

export type OutlookGrain = "month" | "quarter";

/** Default periods of the outlook: six months or two quarters. */
export const DEFAULT_OUTLOOK_PERIODS: Readonly<Record<OutlookGrain, number>> = {
  month: 6,
  quarter: 2,
};

/** Full periods of history the ETS fit needs (chooseEts needs 3); fewer: the mean of those there are. */
export const MIN_ETS_HISTORY = 3;

/** One revenue row: an order, or a won deal. */
export interface RevenuePoint {
  customer: string;
  date: number;
  amount: number;
  owner: string | null;
}

/** An open deal of the pipeline with the win probability that weights it. */
export interface PipelineDeal {
  account: string | null;
  owner: string | null;
  /** null: no amount (in no sum, counted). */
  amount: number | null;
  close: number | null;
  probability: number;
}

/** A row of the targets table: its owner (or team) name, its date (null: undated) and target. */
export interface TargetRow {
  owner: string | null;
  date: number | null;
  target: number;
}

export interface OutlookCells {
  /** Forecast revenue of the existing accounts (absent without revenue rows). */
  repeat?: number;
  /** Weighted open pipeline of new business closing in the period (absent without deals). */
  pipeline?: number;
  /** Weighted open pipeline of existing accounts: inside `repeat`, not added. */
  expansion?: number;
  /** repeat + pipeline. */
  blended: number;
  target?: number;
  /** blended − target. */
  gap?: number;
}

export interface OutlookPeriod extends OutlookCells {
  start: number;
  end: number;
  label: string;
}

/** How the repeat part was forecast. */
export interface RepeatForecast {
  /** "ETS(A,N,N)"…; "mean" when the history is shorter than MIN_ETS_HISTORY full periods. */
  method: string;
  fallback: boolean;
  /** Full periods of history (first and last start) and the seasonal period tried. */
  history: number;
  from?: number;
  to?: number;
  period: number;
  /** Periods between the history's end and the outlook (revenue ending before the as-of date):
   *  forecast, not shown. */
  skipped: number;
  /** Revenue already booked (on or before the as-of date) in a first outlook period under way. */
  booked: number;
  /** Each owner's share of the repeat part: of the last year's revenue of the accounts they hold. */
  shares: { owner: string | null; share: number }[];
}

/** Open deals the outlook leaves out, by reason, with their weighted amount. */
export interface LeftOut {
  deals: number;
  weighted: number;
}

export interface Outlook {
  grain: OutlookGrain;
  periods: OutlookPeriod[];
  repeat?: RepeatForecast;
  pipeline?: {
    /** Open deals with an amount closing in the outlook: new business and expansion. */
    newDeals: number;
    expansionDeals: number;
    /** Of the new business: deals without an account (counted as new: no history can hold them). */
    withoutAccount: number;
    overdue: LeftOut;
    beyond: LeftOut;
    undated: LeftOut;
    withoutAmount: number;
  };
  /** Target rows used: dated in the outlook, dated elsewhere (left out), undated (spread). */
  targets?: { dated: number; outside: number; undated: number };
  /** Per owner (sorted by name, no owner last): the same cells per period. */
  owners: { owner: string | null; periods: OutlookCells[] }[];
}

/**
 * The outlook for `count` periods of `grain` after the as-of date's last full period (the first one
 * may be under way on the as-of date: its repeat part is the whole period's forecast).
 * - Repeat: the existing accounts' revenue per full period up to the as-of date, forecast by the ETS
 *   model of least AICc (seasonal period 12 or 4 tried); with fewer than MIN_ETS_HISTORY full
 *   periods, their mean. Per owner: the team's repeat × the owner's share of the last 12 months'
 *   revenue of the accounts they hold (an account's owner is that of its latest order).
 * - Pipeline: open deals by period of close date, amount × probability; deals of accounts that have
 *   revenue are expansion, part of the repeat forecast (their revenue history already holds such
 *   deals) and not added again; overdue, later and undated deals are counted, not shifted.
 * - Target: dated rows summed per period of their date; undated rows are annual targets, spread evenly
 *   (÷ 12 a month, ÷ 4 a quarter).
 */
export function blendedOutlook(input: {
  asOf: number;
  /** The last day of revenue (default asOf; later than asOf counts as asOf). */
  revenueAsOf?: number;
  grain: OutlookGrain;
  count: number;
  revenue?: readonly RevenuePoint[];
  deals?: readonly PipelineDeal[];
  targets?: readonly TargetRow[];
}): Outlook {
  const { grain, count } = input;
  if (!Number.isInteger(count) || count < 1) throw new RangeError("blendedOutlook: count < 1");
  const asOf = Math.floor(input.asOf);
  const current = periodStart(asOf, grain);
  const first = periodEnd(current, grain) <= asOf ? addPeriods(current, 1, grain) : current;
  const starts = Array.from({ length: count }, (_, k) => addPeriods(first, k, grain));
  const horizonEnd = periodEnd(starts[count - 1], grain);
  const periods: OutlookPeriod[] = starts.map((start) => ({
    start,
    end: periodEnd(start, grain),
    label: periodLabel(start, grain),
    blended: 0,
  }));
  const ownerRows = new Map<string, { owner: string | null; periods: OutlookCells[] }>();
  const ownerRow = (owner: string | null) => {
    const key = ownerKey(owner);
    let r = ownerRows.get(key);
    if (!r) {
      r = {
        owner: owner === null || owner.trim() === "" ? null : owner,
        periods: starts.map(() => ({ blended: 0 })),
      };
      ownerRows.set(key, r);
    }
    return r;
  };
  const out: Outlook = { grain, periods, owners: [] };

  // Repeat business.
  const revenueAsOf = Math.min(asOf, Math.floor(input.revenueAsOf ?? asOf));
  const revenue = (input.revenue ?? []).filter((r) => Math.floor(r.date) <= revenueAsOf);
  const existing = new Set(revenue.map((r) => groupKey(r.customer)));
  if (revenue.length > 0) {
    let earliest = Infinity;
    for (const r of revenue) earliest = Math.min(earliest, r.date);
    const from = periodStart(earliest, grain);
    // History: the full periods up to the revenue's as-of date; the forecast runs from the next one
    // (`skip` periods before the outlook when the revenue ends earlier than the as-of date).
    const revenueCurrent = periodStart(revenueAsOf, grain);
    const historyEnd =
      periodEnd(revenueCurrent, grain) <= revenueAsOf
        ? addPeriods(revenueCurrent, 1, grain)
        : revenueCurrent;
    const history = Math.max(0, periodIndex(historyEnd, from, grain));
    const skip = periodIndex(first, historyEnd, grain);
    const values = new Array<number>(history).fill(0);
    let booked = 0;
    for (const r of revenue) {
      const k = periodIndex(r.date, from, grain);
      if (k < history) values[k] += r.amount;
      else if (r.date >= first) booked += r.amount;
    }
    const season = grain === "month" ? 12 : 4;
    let method = "mean";
    let mean: number[];
    if (history >= MIN_ETS_HISTORY) {
      const fit = chooseEts(values, { period: season }).best;
      method = etsMethodName(fit.model);
      mean = forecastEts(fit, skip + count).mean.slice(skip);
    } else {
      const m = history > 0 ? values.reduce((a, b) => a + b, 0) / history : 0;
      mean = starts.map(() => m);
    }
    // Owner shares: the accounts each owner holds (owner of the latest order), last 12 months.
    const yearAgo = revenueAsOf - 365;
    const held = new Map<string, { owner: string | null; last: number; revenue: number }>();
    for (const r of revenue) {
      const key = groupKey(r.customer);
      let h = held.get(key);
      if (!h) held.set(key, (h = { owner: r.owner, last: -Infinity, revenue: 0 }));
      if (r.date >= h.last) {
        h.last = r.date;
        h.owner = r.owner;
      }
      if (r.date > yearAgo) h.revenue += r.amount;
    }
    const byOwner = new Map<string, { owner: string | null; revenue: number }>();
    let total = 0;
    for (const h of held.values()) {
      const key = ownerKey(h.owner);
      const o = byOwner.get(key) ?? { owner: h.owner, revenue: 0 };
      o.revenue += h.revenue;
      byOwner.set(key, o);
      total += h.revenue;
    }
    const shares = [...byOwner.values()].map((o) => ({
      owner: o.owner,
      share: total > 0 ? o.revenue / total : 1 / byOwner.size,
    }));
    periods.forEach((p, k) => (p.repeat = mean[k]));
    for (const s of shares) {
      const row = ownerRow(s.owner);
      row.periods.forEach((c, k) => (c.repeat = mean[k] * s.share));
    }
    out.repeat = {
      method,
      fallback: history < MIN_ETS_HISTORY,
      history,
      ...(history > 0 ? { from, to: addPeriods(from, history - 1, grain) } : {}),
      period: season,
      skipped: skip,
      booked,
      shares,
    };
  }

  // New-business pipeline.
  if (input.deals) {
    const none = (): LeftOut => ({ deals: 0, weighted: 0 });
    const p = {
      newDeals: 0,
      expansionDeals: 0,
      withoutAccount: 0,
      overdue: none(),
      beyond: none(),
      undated: none(),
      withoutAmount: 0,
    };
    for (const c of periods) {
      c.pipeline = 0;
      c.expansion = 0;
    }
    for (const d of input.deals) {
      if (d.amount === null) {
        p.withoutAmount++;
        continue;
      }
      const w = d.amount * d.probability;
      const skip = (o: LeftOut) => {
        o.deals++;
        o.weighted += w;
      };
      if (d.close === null) skip(p.undated);
      else if (d.close < first) skip(p.overdue);
      else if (d.close > horizonEnd) skip(p.beyond);
      else {
        const k = periodIndex(d.close, first, grain);
        const account = (d.account ?? "").trim();
        const expansion = account !== "" && existing.has(groupKey(account));
        const cells = [periods[k], ownerRow(d.owner).periods[k]];
        if (expansion) {
          p.expansionDeals++;
          for (const c of cells) c.expansion = (c.expansion ?? 0) + w;
        } else {
          p.newDeals++;
          if (account === "") p.withoutAccount++;
          for (const c of cells) c.pipeline = (c.pipeline ?? 0) + w;
        }
      }
    }
    for (const r of ownerRows.values())
      for (const c of r.periods) {
        c.pipeline ??= 0;
        c.expansion ??= 0;
      }
    out.pipeline = p;
  }

  // Targets.
  if (input.targets) {
    const t = { dated: 0, outside: 0, undated: 0 };
    const perYear = grain === "month" ? 12 : 4;
    for (const c of periods) c.target = 0;
    for (const r of input.targets) {
      const owned = r.owner === null || r.owner.trim() === "" ? undefined : ownerRow(r.owner);
      if (r.date === null) {
        t.undated++;
        periods.forEach((c, k) => {
          c.target = (c.target ?? 0) + r.target / perYear;
          if (owned) owned.periods[k].target = (owned.periods[k].target ?? 0) + r.target / perYear;
        });
      } else if (r.date < first || r.date > horizonEnd) t.outside++;
      else {
        t.dated++;
        const k = periodIndex(r.date, first, grain);
        periods[k].target = (periods[k].target ?? 0) + r.target;
        if (owned) owned.periods[k].target = (owned.periods[k].target ?? 0) + r.target;
      }
    }
    out.targets = t;
  }

  const finish = (c: OutlookCells) => {
    c.blended = (c.repeat ?? 0) + (c.pipeline ?? 0);
    if (c.target !== undefined) c.gap = c.blended - c.target;
  };
  periods.forEach(finish);
  out.owners = [...ownerRows.values()].sort((a, b) =>
    a.owner === null ? 1 : b.owner === null ? -1 : a.owner.localeCompare(b.owner)
  );
  for (const r of out.owners) r.periods.forEach(finish);
  return out;
}

/** One owner in one period: the weighted pipeline at the start against what was won. */
export interface ForecastActualCell {
  owner: string | null;
  /** Σ amount × probability of the deals open at the start closing in the period. */
  forecast: number;
  /** Won amount of those deals (what the forecast could see). */
  actual: number;
  /** Every deal won in the period (also those created during it). */
  won: number;
  /** forecast − actual. */
  error: number;
}

export interface ForecastActualPeriod {
  start: number;
  end: number;
  label: string;
  /** Deals in the pipeline at the start. */
  deals: number;
  owners: ForecastActualCell[];
}

export interface ForecastActualOwner {
  owner: string | null;
  periods: number;
  forecast: number;
  actual: number;
  won: number;
  /** Σ (forecast − actual) ÷ Σ actual: above 0 the pipeline over-forecast. */
  bias?: number;
  /** Σ |forecast − actual| ÷ Σ actual (weighted absolute percentage error). */
  absError?: number;
}

export interface ForecastVsActual {
  grain: OutlookGrain;
  method: ProbabilityMethod;
  periods: ForecastActualPeriod[];
  /** Full periods with deals created before them but none in their pipeline at the start. */
  empty: number;
  owners: ForecastActualOwner[];
}

/**
 * Forecast vs actual for every full period (month or quarter) from the first one that starts after
 * the earliest created date to the last that ends on or before `asOf`: per owner, what `method`
 * weighted of the pipeline at the period's start (backtest: deals created before the start, not
 * closed before it, closing in the period; rates learned from deals closed before the start) against
 * the won amount of those deals, and every won amount of the period. Undefined without created dates.
 */
export function forecastVsActual(
  deals: readonly Deal[],
  textbook: readonly number[],
  method: ProbabilityMethod,
  asOf: number,
  grain: OutlookGrain,
  minClosed: number = MIN_CLOSED_DEALS
): ForecastVsActual | undefined {
  // A loop, not Math.min(...): a spread of a long list overflows the stack.
  let first = Infinity;
  for (const d of deals) if (d.created !== null) first = Math.min(first, d.created);
  if (!Number.isFinite(first)) return undefined;
  const m = PROBABILITY_METHODS.indexOf(method);
  let start = addPeriods(periodStart(first, grain), 1, grain);
  const periods: ForecastActualPeriod[] = [];
  let empty = 0;
  for (; periodEnd(start, grain) <= Math.floor(asOf); start = addPeriods(start, 1, grain)) {
    const end = periodEnd(start, grain);
    const bt = backtest(deals, textbook, end, minClosed, grain);
    if (!bt) {
      empty++;
      continue;
    }
    const cells = new Map<string, ForecastActualCell>();
    const cell = (owner: string | null) => {
      const key = ownerKey(owner);
      let c = cells.get(key);
      if (!c) {
        c = {
          owner: owner === null || owner.trim() === "" ? null : owner,
          forecast: 0,
          actual: 0,
          won: 0,
          error: 0,
        };
        cells.set(key, c);
      }
      return c;
    };
    for (const o of bt.owners) {
      const c = cell(o.owner);
      c.forecast += o.forecast[m];
      c.actual += o.actual;
    }
    for (const d of deals)
      if (d.outcome === "won" && d.close !== null && d.close >= start && d.close <= end)
        cell(d.owner).won += d.amount ?? 0;
    const owners = [...cells.values()]
      .map((c) => ({ ...c, error: c.forecast - c.actual }))
      .sort((a, b) =>
        a.owner === null ? 1 : b.owner === null ? -1 : a.owner.localeCompare(b.owner)
      );
    periods.push({ start, end, label: periodLabel(start, grain), deals: bt.deals, owners });
  }
  const totals = new Map<string, ForecastActualOwner & { abs: number }>();
  for (const p of periods)
    for (const c of p.owners) {
      const key = ownerKey(c.owner);
      const t = totals.get(key) ?? {
        owner: c.owner,
        periods: 0,
        forecast: 0,
        actual: 0,
        won: 0,
        abs: 0,
      };
      t.periods++;
      t.forecast += c.forecast;
      t.actual += c.actual;
      t.won += c.won;
      t.abs += Math.abs(c.error);
      totals.set(key, t);
    }
  const owners = [...totals.values()]
    .map(({ abs, ...t }) =>
      t.actual > 0
        ? { ...t, bias: (t.forecast - t.actual) / t.actual, absError: abs / t.actual }
        : t
    )
    .sort((a, b) =>
      a.owner === null ? 1 : b.owner === null ? -1 : a.owner.localeCompare(b.owner)
    );
  return { grain, method, periods, empty, owners };
}
