// Accountability per rep, as the key-account review runs it: accounts whose revenue fell more than a
// threshold against the same period a year earlier, and accounts with no order in N days, each with
// the revenue at stake.

import { serialFromYmd, ymdFromSerial } from "../calendar";
import { groupKey } from "../pipeline/cycle";

export interface AccountabilityOptions {
  /** The last day of the current window (Excel serial). */
  asOf: number;
  /** Months in the window compared with the same months a year earlier. Default 3. */
  months?: number;
  /** A fall larger than this share counts (0.2 = 20%). Default 0.2. */
  threshold?: number;
  /** Days without an order that make an account silent. Default 90. */
  silentDays?: number;
}

export interface DecliningAccount {
  customer: string | number;
  owner: string | null;
  /** Revenue in the window a year earlier and in the current window. */
  before: number;
  now: number;
  /** (before − now) ÷ before. */
  fall: number;
  /** before − now. */
  atStake: number;
}

export interface SilentAccount {
  customer: string | number;
  owner: string | null;
  lastOrder: number;
  daysSince: number;
  /** Revenue of the 12 months up to its last order: the yearly business now at stake. */
  atStake: number;
}

export interface Accountability {
  /** The windows: [from, to] now and a year earlier. */
  window: { from: number; to: number; priorFrom: number; priorTo: number };
  declining: DecliningAccount[];
  silent: SilentAccount[];
}

/** The same calendar day `months` months earlier (the month's last day when it has fewer days). */
export function monthsBefore(serial: number, months: number): number {
  const [y, m, d] = ymdFromSerial(serial);
  const total = y * 12 + (m - 1) - months;
  const yy = Math.floor(total / 12);
  const mm = (total % 12) + 1;
  for (let day = d; day >= 28; day--) {
    const s = serialFromYmd(yy, mm, day);
    if (s !== undefined) return s;
  }
  return serialFromYmd(yy, mm, Math.min(d, 28)) as number;
}

/**
 * Declining and silent accounts, each account under the owner of its latest order (null: none).
 * Lists are sorted by revenue at stake, largest first.
 */
export function accountability(
  customers: readonly (string | number)[],
  dates: readonly number[],
  amounts: readonly number[],
  owners: readonly (string | null)[] | undefined,
  options: AccountabilityOptions
): Accountability {
  const { asOf, months = 3, threshold = 0.2, silentDays = 90 } = options;
  const to = Math.floor(asOf);
  const from = monthsBefore(to + 1, months);
  const priorTo = monthsBefore(to + 1, 12) - 1;
  const priorFrom = monthsBefore(from, 12);
  const acc = new Map<
    string,
    {
      customer: string | number;
      owner: string | null;
      lastDate: number;
      now: number;
      before: number;
      rows: number[];
    }
  >();
  for (let i = 0; i < customers.length; i++) {
    const key = groupKey(customers[i]);
    let a = acc.get(key);
    if (!a)
      acc.set(
        key,
        (a = {
          customer: customers[i],
          owner: null,
          lastDate: -Infinity,
          now: 0,
          before: 0,
          rows: [],
        })
      );
    const day = Math.floor(dates[i]);
    if (day > to) continue;
    a.rows.push(i);
    if (day >= a.lastDate) {
      a.lastDate = day;
      const o = owners?.[i] ?? null;
      a.owner = o === null || o.trim() === "" ? null : o;
    }
    if (day >= from) a.now += amounts[i];
    else if (day >= priorFrom && day <= priorTo) a.before += amounts[i];
  }
  const declining: DecliningAccount[] = [];
  const silent: SilentAccount[] = [];
  for (const a of acc.values()) {
    if (a.rows.length === 0) continue;
    if (a.before > 0 && (a.before - a.now) / a.before > threshold)
      declining.push({
        customer: a.customer,
        owner: a.owner,
        before: a.before,
        now: a.now,
        fall: (a.before - a.now) / a.before,
        atStake: a.before - a.now,
      });
    const daysSince = to - a.lastDate;
    if (daysSince >= silentDays) {
      const yearFrom = monthsBefore(a.lastDate + 1, 12);
      let atStake = 0;
      for (const i of a.rows) if (Math.floor(dates[i]) >= yearFrom) atStake += amounts[i];
      silent.push({
        customer: a.customer,
        owner: a.owner,
        lastOrder: a.lastDate,
        daysSince,
        atStake,
      });
    }
  }
  declining.sort((x, y) => y.atStake - x.atStake);
  silent.sort((x, y) => y.atStake - x.atStake);
  return { window: { from, to, priorFrom, priorTo }, declining, silent };
}
