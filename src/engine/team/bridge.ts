// The revenue bridge (ARR/revenue waterfall of subscription and key-account analysis): per period,
// last period's revenue + new + expansion − contraction − churned = this period's revenue, with net
// and gross revenue retention (NRR, GRR) and the churned accounts. Sums are kept in whole units of
// the amounts' smallest decimal (integers below 2^53), so the bridge adds up exactly.

import { addPeriods, Grain, periodIndex, periodLabel, periodStart } from "../calendar";
import { groupKey } from "../pipeline/cycle";

/** Largest number of decimals read exactly; amounts with more are rounded to it (and said so). */
const MAX_DECIMALS = 6;

/**
 * The decimals the amounts need: the least d ≤ 6 such that every amount × 10^d is whole (to a
 * double's precision), and whether some amount had more (rounded to 6).
 */
export function decimalsOf(amounts: readonly number[]): { decimals: number; rounded: boolean } {
  let decimals = 0;
  for (const a of amounts) {
    while (decimals < MAX_DECIMALS) {
      const scaled = a * 10 ** decimals;
      if (Math.abs(scaled - Math.round(scaled)) <= 1e-9 * Math.max(1, Math.abs(scaled))) break;
      decimals++;
    }
    if (decimals === MAX_DECIMALS) break;
  }
  const unit = 10 ** decimals;
  const rounded = amounts.some((a) => {
    const scaled = a * unit;
    return Math.abs(scaled - Math.round(scaled)) > 1e-9 * Math.max(1, Math.abs(scaled));
  });
  return { decimals, rounded };
}

export interface ChurnedAccount {
  /** The customer as first written. */
  customer: string | number;
  /** Its revenue in the period before (the one lost). */
  lastRevenue: number;
  /** Its last order date (Excel serial) up to the end of the period before. */
  lastOrder: number;
}

export interface BridgePeriod {
  /** First day of the period (Excel serial) and its label ("2011-03"). */
  start: number;
  label: string;
  /** Revenue of the period before, and this period's. */
  opening: number;
  /** Customers with no revenue in the period before and some now (new or returning). */
  new: number;
  /** Of `new`: customers that had bought before the period before (returning, not first-time). */
  returning: number;
  /** Increases of customers active in both periods (and any rise of an inactive customer). */
  expansion: number;
  /** Decreases of customers active in both periods (and any fall of an inactive customer). */
  contraction: number;
  /** Revenue of customers active in the period before and not now (last period's revenue plus
   *  any credit booked now). */
  churned: number;
  closing: number;
  /** Σ this period's revenue ÷ Σ last period's revenue, over customers active last period. */
  nrr?: number;
  /** Σ min(this, last) ÷ Σ last, over customers active last period (no expansion counted). */
  grr?: number;
  /** Counts of customers in each movement. */
  counts: { new: number; expansion: number; contraction: number; churned: number; active: number };
  /** The same movements in whole units of 10^-decimals (integers): opening + new + expansion −
   *  contraction − churned = closing holds exactly here. */
  units: {
    opening: number;
    new: number;
    expansion: number;
    contraction: number;
    churned: number;
    closing: number;
  };
  churnedAccounts: ChurnedAccount[];
}

export interface Bridge {
  grain: Grain;
  /** Decimals the sums are exact to, and whether an amount had more (rounded to 6). */
  decimals: number;
  rounded: boolean;
  /** The first period's revenue (no bridge: nothing before it). */
  first: { start: number; label: string; revenue: number; customers: number };
  /** One row per later period, consecutive from the first to the last period with orders. */
  periods: BridgePeriod[];
}

/** A customer "is active" in a period when its net revenue there is above zero. */
const active = (units: number) => units > 0;

/**
 * The bridge of an order list per period of `grain`. Customers match ignoring case and surrounding
 * spaces. A customer's revenue in a period is the sum of its amounts there (returns net off).
 */
export function revenueBridge(
  customers: readonly (string | number)[],
  dates: readonly number[],
  amounts: readonly number[],
  grain: Grain = "month"
): Bridge {
  if (customers.length !== dates.length || amounts.length !== dates.length)
    throw new RangeError("revenueBridge: columns differ in length");
  if (dates.length === 0) throw new RangeError("revenueBridge: no orders");
  const { decimals, rounded } = decimalsOf(amounts);
  const unit = 10 ** decimals;
  let lo = Infinity;
  let hi = -Infinity;
  for (const d of dates) {
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  const origin = periodStart(lo, grain);
  const last = periodIndex(hi, origin, grain);
  const periods = last + 1;
  const index = new Map<string, number>();
  const names: (string | number)[] = [];
  const revenue: number[][] = []; // per customer, per period, in units
  const lastOrderIn: number[][] = []; // per customer, per period: last order date in it (or -1)
  for (let i = 0; i < dates.length; i++) {
    const key = groupKey(customers[i]);
    let c = index.get(key);
    if (c === undefined) {
      c = names.length;
      index.set(key, c);
      names.push(customers[i]);
      revenue.push(new Array<number>(periods).fill(0));
      lastOrderIn.push(new Array<number>(periods).fill(-1));
    }
    const k = periodIndex(dates[i], origin, grain);
    revenue[c][k] += Math.round(amounts[i] * unit);
    lastOrderIn[c][k] = Math.max(lastOrderIn[c][k], Math.floor(dates[i]));
  }
  for (const r of revenue)
    for (const v of r)
      if (!Number.isSafeInteger(v)) throw new RangeError("revenueBridge: sums beyond 2^53 units");
  const money = (units: number) => units / unit;
  let everBought = names.map(() => false);
  const firstRevenue = revenue.reduce((s, r) => s + r[0], 0);
  const out: BridgePeriod[] = [];
  for (let c = 0; c < names.length; c++) if (lastOrderIn[c][0] >= 0) everBought[c] = true;
  const lastOrder = names.map((_, c) => lastOrderIn[c][0]);
  for (let k = 1; k < periods; k++) {
    let opening = 0;
    let closing = 0;
    let nw = 0;
    let ret = 0;
    let exp = 0;
    let con = 0;
    let churn = 0;
    let baseActive = 0;
    let keptAll = 0;
    let keptCapped = 0;
    const counts = { new: 0, expansion: 0, contraction: 0, churned: 0, active: 0 };
    const churnedAccounts: ChurnedAccount[] = [];
    const bought = [...everBought];
    for (let c = 0; c < names.length; c++) {
      const prev = revenue[c][k - 1];
      const cur = revenue[c][k];
      opening += prev;
      closing += cur;
      const d = cur - prev;
      if (active(cur)) counts.active++;
      if (!active(prev) && active(cur)) {
        nw += d;
        counts.new++;
        // Bought in some period before the one before: returning.
        if (everBought[c] && lastOrderIn[c][k - 1] < 0) ret += d;
      } else if (active(prev) && !active(cur)) {
        churn -= d;
        counts.churned++;
        churnedAccounts.push({
          customer: names[c],
          lastRevenue: money(prev),
          lastOrder: lastOrder[c],
        });
      } else if (d > 0) {
        exp += d;
        if (active(prev)) counts.expansion++;
      } else if (d < 0) {
        con -= d;
        if (active(prev)) counts.contraction++;
      }
      if (active(prev)) {
        baseActive += prev;
        keptAll += cur;
        keptCapped += Math.max(0, Math.min(cur, prev));
      }
      if (lastOrderIn[c][k] >= 0) {
        bought[c] = true;
        lastOrder[c] = lastOrderIn[c][k];
      }
    }
    everBought = bought;
    if (opening + nw + exp - con - churn !== closing)
      throw new Error("revenueBridge: the bridge does not add up"); // cannot happen: integers
    churnedAccounts.sort((a, b) => b.lastRevenue - a.lastRevenue);
    const start = addPeriods(origin, k, grain);
    out.push({
      start,
      label: periodLabel(start, grain),
      opening: money(opening),
      new: money(nw),
      returning: money(ret),
      expansion: money(exp),
      contraction: money(con),
      churned: money(churn),
      closing: money(closing),
      ...(baseActive > 0 ? { nrr: keptAll / baseActive, grr: keptCapped / baseActive } : {}),
      counts,
      units: { opening, new: nw, expansion: exp, contraction: con, churned: churn, closing },
      churnedAccounts,
    });
  }
  return {
    grain,
    decimals,
    rounded,
    first: {
      start: origin,
      label: periodLabel(origin, grain),
      revenue: money(firstRevenue),
      customers: revenue.filter((r) => active(r[0])).length,
    },
    periods: out,
  };
}
