// RFM analysis (recency, frequency, monetary; Hughes, "Strategic Database Marketing", 1994):
// per-customer measures from a transaction list, scored 1..bins by quantile (equal-count groups).

import { segmentOf, SegmentId } from "./segments";

export interface RfmOptions {
  /** Analysis date (Excel serial). Default: the day after the last transaction. */
  asOf?: number;
  /** Number of score groups, 2..9. Default 5. */
  bins?: number;
}

export interface RfmCustomer {
  /** The customer as first written in the data. */
  customer: string | number;
  /** Days from the last purchase to the analysis date. */
  recency: number;
  /** Number of distinct days with a purchase (an amount of 0 or more). */
  frequency: number;
  /** Total amount: purchases less returns. */
  monetary: number;
  r: number;
  f: number;
  m: number;
  /** The three scores as digits, e.g. "545". */
  code: string;
  segment: SegmentId;
}

export interface RfmResult {
  /** Scored customers, in order of first appearance in the data. */
  customers: RfmCustomer[];
  asOf: number;
  /** Transactions dated after the analysis date, left out. */
  afterAsOf: number;
  /** Customers with no purchase (only returns) up to the analysis date, not scored. */
  withoutPurchase: number;
}

/** Customers match by their text, ignoring case and surrounding spaces ("ACME " = "Acme"). */
export function customerKey(customer: string | number): string {
  return typeof customer === "number" ? String(customer) : customer.trim().toLowerCase();
}

/**
 * Customers numbered in order of first appearance and matched by customerKey. A value seen before is
 * looked up as it is, so a million rows normalise each distinct text once, not once per row.
 */
export class CustomerIndex {
  private readonly exact = new Map<string | number, number>();
  private readonly byKey = new Map<string, number>();
  /** Each customer as first written in the data. */
  readonly first: (string | number)[] = [];

  /** The customer's number (a new customer gets the next one). */
  of(raw: string | number): number {
    let c = this.exact.get(raw);
    if (c !== undefined) return c;
    const key = customerKey(raw);
    c = this.byKey.get(key);
    if (c === undefined) {
      c = this.first.length;
      this.byKey.set(key, c);
      this.first.push(raw);
    }
    this.exact.set(raw, c);
    return c;
  }

  get size(): number {
    return this.first.length;
  }
}

/**
 * RFM measures and scores.
 *
 * Rules: a purchase is a transaction with an amount of 0 or more: a $0 order (a free sample, a
 * fully discounted order) is a visit and counts towards frequency and recency, as it does in
 * rfmSummary (summary.ts) and in Fader & Hardie's CDNOW summary. A negative amount is a return: it
 * only reduces monetary and is not a purchase. Frequency counts distinct purchase days (several
 * orders on one day are one purchase, as in rfmSummary). Transactions after `asOf` are left out
 * (those on `asOf` count). Dates are whole days (a time of day is dropped). Customers without a
 * purchase are not scored.
 *
 * Scores are quantile groups of equal size (like SQL's NTILE): customers are ranked from worst to
 * best and split into `bins` groups; recency is reversed (fewer days scores higher). Ties are broken
 * by the other two measures, then by first appearance, so equal inputs always give equal outputs.
 */
export function rfm(
  customers: readonly (string | number)[],
  dates: readonly number[],
  amounts: readonly number[],
  options: RfmOptions = {}
): RfmResult {
  const n = customers.length;
  if (dates.length !== n || amounts.length !== n)
    throw new RangeError("rfm: columns differ in length");
  const bins = options.bins ?? 5;
  if (!Number.isInteger(bins) || bins < 2 || bins > 9)
    throw new RangeError("rfm: bins must be 2..9");

  let asOf = options.asOf;
  if (asOf === undefined) {
    let last = -Infinity;
    for (let i = 0; i < n; i++) if (dates[i] > last) last = dates[i];
    asOf = Math.floor(last) + 1;
  } else {
    asOf = Math.floor(asOf);
  }

  const index = new CustomerIndex();
  const first = index.first;
  let lastDay: Float64Array = new Float64Array(1024).fill(-Infinity);
  let money: Float64Array = new Float64Array(1024);
  let moneyComp: Float64Array = new Float64Array(1024);
  // (customer, day) of every purchase, as one number, to count distinct purchase days by sorting.
  const purchases = new Float64Array(n);
  let np = 0;
  let afterAsOf = 0;

  for (let i = 0; i < n; i++) {
    const day = Math.floor(dates[i]);
    if (day > asOf) {
      afterAsOf++;
      continue;
    }
    const c = index.of(customers[i]);
    if (c === lastDay.length) {
      lastDay = grow(lastDay, -Infinity);
      money = grow(money, 0);
      moneyComp = grow(moneyComp, 0);
    }
    const amount = amounts[i];
    // Neumaier-compensated running total per customer.
    const s = money[c];
    const t = s + amount;
    moneyComp[c] += Math.abs(s) >= Math.abs(amount) ? s - t + amount : amount - t + s;
    money[c] = t;
    if (amount >= 0) {
      // A purchase (0 included); a return only changes monetary.
      if (day > lastDay[c]) lastDay[c] = day;
      purchases[np++] = c * DAY_SPAN + day;
    }
  }

  const days = new Int32Array(first.length);
  const sorted = purchases.subarray(0, np).sort();
  for (let i = 0; i < np; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) days[Math.floor(sorted[i] / DAY_SPAN)]++;
  }

  const scored: number[] = [];
  for (let c = 0; c < first.length; c++) if (days[c] > 0) scored.push(c);
  const k = scored.length;
  const recency = new Float64Array(k);
  const frequency = new Float64Array(k);
  const monetary = new Float64Array(k);
  scored.forEach((c, j) => {
    recency[j] = asOf - lastDay[c];
    frequency[j] = days[c];
    monetary[j] = money[c] + moneyComp[c];
  });

  // Goodness: higher is better. Recency is reversed.
  const rGood = Array.from(recency, (v) => -v);
  const r = ntile([rGood, frequency, monetary], bins);
  const f = ntile([frequency, monetary, rGood], bins);
  const m = ntile([monetary, frequency, rGood], bins);

  const out: RfmCustomer[] = scored.map((c, j) => ({
    customer: first[c],
    recency: recency[j],
    frequency: frequency[j],
    monetary: monetary[j],
    r: r[j],
    f: f[j],
    m: m[j],
    code: `${r[j]}${f[j]}${m[j]}`,
    segment: segmentOf(r[j], f[j], bins),
  }));
  return { customers: out, asOf, afterAsOf, withoutPurchase: first.length - k };
}

/** Larger than any Excel date serial, so customer * DAY_SPAN + day is unique per (customer, day). */
const DAY_SPAN = 4_000_000;

export function grow(a: Float64Array, fill: number): Float64Array {
  const b = new Float64Array(a.length * 2);
  b.set(a);
  b.fill(fill, a.length);
  return b;
}

/**
 * Quantile scores 1..bins: items ranked ascending by keys[0], ties by keys[1], keys[2], then
 * position; the item at rank i (0-based) of n scores floor(i * bins / n) + 1.
 */
export function ntile(keys: readonly ArrayLike<number>[], bins: number): Int32Array {
  const n = keys[0].length;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => {
    for (const key of keys) {
      const d = key[a] - key[b];
      if (d !== 0) return d;
    }
    return a - b;
  });
  const scores = new Int32Array(n);
  for (let rank = 0; rank < n; rank++) scores[order[rank]] = Math.floor((rank * bins) / n) + 1;
  return scores;
}
