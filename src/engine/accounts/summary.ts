// The calibration summary of the probabilistic customer-base models (frequency x, recency t_x, age T,
// mean repeat value): Fader, Hardie & Lee (2005), "Counting your customers the easy way: an
// alternative to the Pareto/NBD model", Marketing Science 24(2), and their CDNOW summary file.

import { CompensatedSum, sum } from "../numeric";
import { CustomerIndex } from "./rfm";

/** Time unit of recency and T: days, weeks (= days / 7) or months (= days / (365.25 / 12)). */
export type Period = "days" | "weeks" | "months";

export const PERIOD_DAYS: Record<Period, number> = { days: 1, weeks: 7, months: 365.25 / 12 };

export interface SummaryOptions {
  /** End of the calibration period (Excel serial); default the last transaction date. */
  asOf?: number;
  /** Default "weeks". */
  period?: Period;
}

export interface SummaryCustomer {
  customer: string | number;
  /** Repeat purchases: distinct purchase days - 1. */
  frequency: number;
  /** Time from the first to the last purchase, in periods. */
  recency: number;
  /** Time from the first purchase to asOf, in periods. */
  T: number;
  /** Mean value of the repeat purchase days (the first day excluded); 0 without repeat purchases. */
  monetary: number;
}

export interface SummaryResult {
  customers: SummaryCustomer[];
  asOf: number;
  /** Transactions dated after asOf, left out. */
  afterAsOf: number;
  /** Transactions with a negative amount (returns), left out. */
  returns: number;
}

/**
 * Per-customer calibration summary.
 *
 * Rules (the convention that reproduces Fader and Hardie's CDNOW summary file exactly):
 * - a purchase is a transaction with an amount of 0 or more (CDNOW has $0 purchases; the same
 *   definition as rfm in rfm.ts); a negative amount is a return and is left out;
 * - a purchase occasion is a calendar day: a customer's purchases on the same day are one purchase
 *   whose value is their sum;
 * - frequency = distinct purchase days - 1; recency = last - first purchase day; T = asOf - first
 *   purchase day; times are whole days divided by the period length (7 for weeks, 365.25/12 for
 *   months), so weeks are fractional (213 days = 30.43 weeks);
 * - transactions dated asOf count, later ones are left out;
 * - monetary = mean value of the purchase days after the first; 0 without repeat purchases.
 */
export function rfmSummary(
  customers: readonly (string | number)[],
  dates: readonly number[],
  amounts: readonly number[],
  options: SummaryOptions = {}
): SummaryResult {
  const n = customers.length;
  if (dates.length !== n || amounts.length !== n)
    throw new RangeError("rfmSummary: columns differ in length");
  const unit = PERIOD_DAYS[options.period ?? "weeks"];
  let asOf: number;
  if (options.asOf === undefined) {
    let last = -Infinity;
    for (let i = 0; i < n; i++) if (amounts[i] >= 0 && dates[i] > last) last = dates[i];
    // Only returns: any date will do, nothing is summarised.
    if (last === -Infinity) for (let i = 0; i < n; i++) if (dates[i] > last) last = dates[i];
    asOf = Math.floor(last);
  } else {
    asOf = Math.floor(options.asOf);
  }

  const index = new CustomerIndex();
  const first = index.first;
  const rows: number[][] = []; // per customer: row numbers of its purchases
  let afterAsOf = 0;
  let returns = 0;
  for (let i = 0; i < n; i++) {
    const day = Math.floor(dates[i]);
    if (day > asOf) {
      afterAsOf++;
      continue;
    }
    if (amounts[i] < 0) {
      returns++;
      continue;
    }
    const c = index.of(customers[i]);
    if (c === rows.length) rows.push([]);
    rows[c].push(i);
  }

  const out: SummaryCustomer[] = first.map((customer, c) => {
    const list = rows[c].slice().sort((p, q) => Math.floor(dates[p]) - Math.floor(dates[q]));
    // Value per distinct day, Neumaier-compensated.
    const dayValues: number[] = [];
    let prev = NaN;
    let day = new CompensatedSum();
    for (const i of list) {
      const d = Math.floor(dates[i]);
      if (d !== prev) {
        if (!Number.isNaN(prev)) dayValues.push(day.value);
        day = new CompensatedSum();
        prev = d;
      }
      day.add(amounts[i]);
    }
    dayValues.push(day.value);
    const firstDay = Math.floor(dates[list[0]]);
    const lastDay = Math.floor(dates[list[list.length - 1]]);
    const frequency = dayValues.length - 1;
    // Repeat purchases: every purchase day after the first.
    const repeat = sum(dayValues.slice(1));
    return {
      customer,
      frequency,
      recency: (lastDay - firstDay) / unit,
      T: (asOf - firstDay) / unit,
      monetary: frequency > 0 ? repeat / frequency : 0,
    };
  });
  return { customers: out, asOf, afterAsOf, returns };
}
