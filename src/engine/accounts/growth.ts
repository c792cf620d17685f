// Account revenue growth for the tiers' potential: each account's revenue in the last 12 calendar
// months against the 12 months before (year-over-year growth, (current − previous) ÷ previous), or
// two equal halves of the data when they span less than 24 months.

import { firstOfMonth, periodEnd, ymdFromSerial } from "../calendar";
import { sum } from "../numeric";
import { customerKey } from "./rfm";

/**
 * Excel's EDATE: the same day `months` months later (earlier when negative), the month's last day
 * when the month is shorter (EDATE(2024-02-29, −12) = 2023-02-28).
 */
export function addMonths(serial: number, months: number): number {
  const [y, m, d] = ymdFromSerial(serial);
  const start = firstOfMonth(y, m + months);
  return Math.min(start + d - 1, periodEnd(start, "month"));
}

/** Two adjacent windows of whole days, both ends included: previous, then current. */
export interface GrowthWindows {
  prevFrom: number;
  prevTo: number;
  curFrom: number;
  curTo: number;
  /** 12 when the windows are calendar years ending on `curTo`; undefined for halves of the data. */
  months?: number;
}

/**
 * The growth windows of data from `firstDay` to `lastDay` (the last day that counts: the analysis
 * date when one is given, else the last transaction's day):
 * - at least 24 months of data: current = the 12 months ending on lastDay, from the day after
 *   EDATE(lastDay, −12) up to lastDay (2024-01-01 – 2024-12-31), previous = the 12 months before;
 * - less: the data's two latest halves of w = ⌊(lastDay − firstDay + 1) / 2⌋ days each;
 * - undefined when w < 1 (a single day).
 * Every day of a window counts, its first day included.
 */
export function growthWindows(firstDay: number, lastDay: number): GrowthWindows | undefined {
  const end = Math.floor(lastDay);
  const start = Math.floor(firstDay);
  const yearBack = addMonths(end, -12);
  const twoYearsBack = addMonths(end, -24);
  if (twoYearsBack + 1 >= start)
    return {
      prevFrom: twoYearsBack + 1,
      prevTo: yearBack,
      curFrom: yearBack + 1,
      curTo: end,
      months: 12,
    };
  const w = Math.floor((end - start + 1) / 2);
  if (w < 1) return undefined;
  return { prevFrom: end - 2 * w + 1, prevTo: end - w, curFrom: end - w + 1, curTo: end };
}

/** What the growth windows say about one account. */
export type GrowthStatus =
  /** Revenue in the previous window above 0: growth is a rate. */
  | "rate"
  /** No revenue in the previous window, some in the current one. */
  | "new"
  /** No revenue in either window, but purchases before them. */
  | "lapsed"
  /** Nothing to compare (no purchases at all up to the windows' end). */
  | "none";

export interface AccountGrowth {
  previous: number;
  current: number;
  /** (current − previous) ÷ previous when status is "rate"; else null. */
  growth: number | null;
  status: GrowthStatus;
}

/**
 * Per account (customers matched by customerKey): net revenue (returns included) in each window, and
 * the growth rate when the previous window's revenue is above 0. Transactions after `w.curTo` are
 * not counted.
 */
export function accountGrowth(
  customers: readonly (string | number)[],
  dates: readonly number[],
  amounts: readonly number[],
  w: GrowthWindows
): Map<string, AccountGrowth> {
  const n = customers.length;
  if (dates.length !== n || amounts.length !== n)
    throw new RangeError("accountGrowth: columns differ in length");
  const parts = new Map<string, { prev: number[]; cur: number[]; before: boolean }>();
  for (let i = 0; i < n; i++) {
    const day = Math.floor(dates[i]);
    if (day > w.curTo) continue;
    const key = customerKey(customers[i]);
    let p = parts.get(key);
    if (!p) {
      p = { prev: [], cur: [], before: false };
      parts.set(key, p);
    }
    if (day >= w.curFrom) p.cur.push(amounts[i]);
    else if (day >= w.prevFrom) p.prev.push(amounts[i]);
    else if (amounts[i] > 0) p.before = true;
  }
  const out = new Map<string, AccountGrowth>();
  for (const [key, p] of parts) {
    const previous = sum(p.prev);
    const current = sum(p.cur);
    let status: GrowthStatus;
    if (previous > 0) status = "rate";
    else if (current > 0) status = "new";
    else if (p.before) status = "lapsed";
    else status = "none";
    out.set(key, {
      previous,
      current,
      growth: status === "rate" ? (current - previous) / previous : null,
      status,
    });
  }
  return out;
}
