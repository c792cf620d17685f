// The parts of a key-account plan computed from data (McDonald & Rogers, "Key Account Management",
// ch. 8–9: the decision-making unit and the account plan): the buying centre's coverage by role
// (Webster & Wind, "Organizational Buying Behavior", 1972: users, influencers, buyers, deciders,
// gatekeepers), the account's revenue outlook (the automatic forecast with its back-test) and the
// T+1..T+3 targets; and the nearest names of an account that is not found (Levenshtein distance,
// Levenshtein 1966; Wagner & Fischer 1974).

import { addPeriods, periodStart, ymdFromSerial } from "../calendar";
import { customerKey } from "../accounts/rfm";
import { backtest, BacktestResult } from "../forecast/backtest";
import { forecastSeries } from "../forecast/batch";
import { CompensatedSum } from "../numeric";

export type Label = string | number;

// ---------------------------------------------------------------------------------------------
// Nearest names

/** Edit distance (insertions, deletions, substitutions) between two strings, by code point. */
export function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++)
      cur.push(
        Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1))
      );
    prev = cur;
  }
  return prev[y.length];
}

/**
 * The `count` candidates nearest to `name` by edit distance of their keys (case and surrounding
 * spaces ignored); ties keep the candidates' order. Candidates with the same key count once.
 */
export function nearestNames(name: Label, candidates: readonly Label[], count = 3): Label[] {
  const key = customerKey(name);
  const seen = new Set<string>();
  const scored: { label: Label; d: number; k: number }[] = [];
  candidates.forEach((label, k) => {
    const c = customerKey(label);
    if (seen.has(c)) return;
    seen.add(c);
    scored.push({ label, d: editDistance(key, c), k });
  });
  scored.sort((p, q) => p.d - q.d || p.k - q.k);
  return scored.slice(0, Math.max(0, count)).map((s) => s.label);
}

// ---------------------------------------------------------------------------------------------
// The decision-making unit (DMU)

export type DmuRole = "decisionMaker" | "user" | "buyer" | "gatekeeper" | "influencer";
export const DMU_ROLES: readonly DmuRole[] = [
  "decisionMaker",
  "user",
  "buyer",
  "gatekeeper",
  "influencer",
];

export type Attitude = "supporter" | "neutral" | "opponent";

/** Role names as managers write them, in English and Chinese (keys: lower case, single spaces). */
const ROLE_NAMES: Readonly<Record<DmuRole, readonly string[]>> = {
  decisionMaker: [
    "decision maker",
    "decisionmaker",
    "decider",
    "dm",
    "economic buyer",
    "决策者",
    "决策人",
    "拍板人",
  ],
  user: ["user", "end user", "使用者", "用户", "使用人"],
  buyer: ["buyer", "purchaser", "procurement", "purchasing", "采购", "采购者", "采购员", "购买者"],
  gatekeeper: [
    "gatekeeper",
    "gate keeper",
    "interface",
    "coordinator",
    "把关者",
    "守门人",
    "接口人",
    "对接人",
  ],
  influencer: ["influencer", "influence", "advisor", "technical buyer", "影响者", "影响人"],
};

const ATTITUDE_NAMES: Readonly<Record<Attitude, readonly string[]>> = {
  supporter: [
    "supporter",
    "support",
    "supportive",
    "positive",
    "champion",
    "支持",
    "支持者",
    "积极",
  ],
  neutral: ["neutral", "中立", "中性"],
  opponent: ["opponent", "against", "negative", "hostile", "反对", "反对者", "消极"],
};

/** Lower case, hyphens, underscores and runs of spaces as one space, trimmed. */
function nameKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[-_\s]+/g, " ")
    .trim();
}

function lookup<T extends string>(table: Readonly<Record<T, readonly string[]>>, text: string) {
  const key = nameKey(text);
  for (const id of Object.keys(table) as T[]) if (table[id].includes(key)) return id;
  return undefined;
}

/** The DMU role a text names ("Decision maker", "决策者", "gate-keeper"), or undefined. */
export function parseRole(text: string): DmuRole | undefined {
  return lookup(ROLE_NAMES, text);
}

/** The attitude a text names ("supporter", "支持", "neutral", "反对"), or undefined. */
export function parseAttitude(text: string): Attitude | undefined {
  return lookup(ATTITUDE_NAMES, text);
}

export interface Contact {
  account: Label;
  name: string;
  title?: string;
  role?: string;
  attitude?: string;
  /** Excel serial of the last contact; undefined when blank. */
  lastContact?: number;
  /** Row in the source, for messages. */
  row: number;
}

export interface DmuContact {
  contact: Contact;
  role?: DmuRole;
  attitude?: Attitude;
  /** Days from the last contact to the analysis date; null without a date. */
  daysSince: number | null;
  /** Not reached within the limit, or never (no date). */
  stale: boolean;
}

export interface DmuCoverage {
  account: Label;
  contacts: DmuContact[];
  /** Contacts per role. */
  byRole: Record<DmuRole, number>;
  /** Roles without a contact. */
  missing: DmuRole[];
  stale: number;
  attitudes: Record<Attitude, number>;
}

export interface DmuResult {
  /** One per planned account, in the order given. */
  accounts: DmuCoverage[];
  /** Contacts of planned accounts whose role is blank or not one of the five. */
  unknownRoles: Contact[];
  /** Contacts whose account is not among the known accounts. */
  unknownAccounts: Contact[];
}

/**
 * The buying centre of each planned account from a contacts list: contacts by role, the roles without
 * a contact, attitudes, and contacts not reached within `staleDays` of `asOf` (or never).
 * `known` are the accounts of the order list: a contact of a known but unplanned account is neither
 * counted nor listed; one of an account not known is listed in unknownAccounts.
 */
export function dmuCoverage(
  contacts: readonly Contact[],
  planned: readonly Label[],
  known: readonly Label[],
  asOf: number,
  staleDays = 90
): DmuResult {
  const knownKeys = new Set(known.map(customerKey));
  for (const p of planned) knownKeys.add(customerKey(p));
  const byAccount = new Map<string, DmuCoverage>();
  const accounts = planned.map((account): DmuCoverage => {
    const c: DmuCoverage = {
      account,
      contacts: [],
      byRole: { decisionMaker: 0, user: 0, buyer: 0, gatekeeper: 0, influencer: 0 },
      missing: [],
      stale: 0,
      attitudes: { supporter: 0, neutral: 0, opponent: 0 },
    };
    byAccount.set(customerKey(account), c);
    return c;
  });
  const unknownRoles: Contact[] = [];
  const unknownAccounts: Contact[] = [];
  for (const contact of contacts) {
    const key = customerKey(contact.account);
    if (!knownKeys.has(key)) {
      unknownAccounts.push(contact);
      continue;
    }
    const cov = byAccount.get(key);
    if (!cov) continue;
    const role = contact.role === undefined ? undefined : parseRole(contact.role);
    if (!role) unknownRoles.push(contact);
    const attitude = contact.attitude === undefined ? undefined : parseAttitude(contact.attitude);
    const daysSince =
      contact.lastContact === undefined ? null : Math.floor(asOf) - Math.floor(contact.lastContact);
    const stale = daysSince === null || daysSince > staleDays;
    cov.contacts.push({ contact, role, attitude, daysSince, stale });
    if (role) cov.byRole[role]++;
    if (attitude) cov.attitudes[attitude]++;
    if (stale) cov.stale++;
  }
  for (const c of accounts) c.missing = DMU_ROLES.filter((r) => c.byRole[r] === 0);
  return { accounts, unknownRoles, unknownAccounts };
}

// ---------------------------------------------------------------------------------------------
// Outlook and targets

export interface OutlookInput {
  /** The account's orders: Excel serials and amounts. */
  dates: readonly number[];
  amounts: readonly number[];
  /** First and last day of the portfolio's data: the account's series runs over the same months. */
  firstDay: number;
  lastDay: number;
  /** Plan years after the base year; default 3. */
  years?: number;
  /** Interval level; default 0.95. */
  level?: number;
}

export interface OutlookYear {
  year: number;
  /** Revenue already booked in the year (only the base year's can be above 0). */
  actual: number;
  /** Forecast of the year's remaining months. */
  forecast: number;
  /** The sum of the months' interval bounds (a wide band: months' errors are not independent). */
  lower: number;
  upper: number;
}

export interface AccountOutlook {
  /** The monthly series (first day of each month, revenue), months without orders as 0. */
  months: { start: number; revenue: number }[];
  method: string;
  level: number;
  /** The forecast months (first day, mean, bounds). */
  forecast: { start: number; mean: number; lower: number; upper: number }[];
  /** The base year (the year of lastDay) and the plan years: actual + forecast per calendar year. */
  baseYear: OutlookYear;
  planYears: OutlookYear[];
  /** Rolling-origin back-test of the same method (12 months ahead), when the series is long enough. */
  backtest?: BacktestResult;
  /** Why there is no back-test. */
  backtestProblem?: string;
  /** Seasonal period used: 12 with two years of months, else 1. */
  period: number;
}

/**
 * The account's monthly revenue from the portfolio's first month to lastDay's month, forecast by the
 * automatic method (the combination, forecast/auto.ts) to December of base year + `years`; the year
 * totals add the booked months and the forecast ones. The back-test scores the same method over the
 * last 3 origins of 12 months when the series allows a first fit of at least 12 months.
 */
export function accountOutlook(input: OutlookInput): AccountOutlook {
  const { dates, amounts } = input;
  if (dates.length !== amounts.length) throw new RangeError("accountOutlook: lengths differ");
  const years = input.years ?? 3;
  const level = input.level ?? 0.95;
  const first = periodStart(input.firstDay, "month");
  const last = periodStart(input.lastDay, "month");
  const starts: number[] = [];
  for (let s = first; s <= last; s = addPeriods(s, 1, "month")) starts.push(s);
  const sums = starts.map(() => new CompensatedSum());
  const pos = new Map<number, number>();
  starts.forEach((s, k) => pos.set(s, k));
  dates.forEach((d, i) => {
    if (Math.floor(d) > input.lastDay) return;
    const k = pos.get(periodStart(d, "month"));
    if (k !== undefined) sums[k].add(amounts[i]);
  });
  const values = sums.map((s) => s.value);
  const months = starts.map((start, k) => ({ start, revenue: values[k] }));
  const [baseYear] = ymdFromSerial(input.lastDay);
  const [, lastMonth] = ymdFromSerial(last);
  const h = 12 - lastMonth + 12 * years;
  const period = values.length >= 24 ? 12 : 1;
  const f = forecastSeries(values, h, { method: "auto", period, level });
  const forecast = f.mean.map((mean, j) => ({
    start: addPeriods(last, j + 1, "month"),
    mean,
    lower: f.lower?.[j] ?? mean,
    upper: f.upper?.[j] ?? mean,
  }));
  const yearOf = (s: number) => ymdFromSerial(s)[0];
  const sumYear = (y: number): OutlookYear => {
    const actual = new CompensatedSum();
    months.forEach((m) => yearOf(m.start) === y && actual.add(m.revenue));
    const fc = new CompensatedSum();
    const lo = new CompensatedSum();
    const hi = new CompensatedSum();
    for (const m of forecast) {
      if (yearOf(m.start) !== y) continue;
      fc.add(m.mean);
      lo.add(m.lower);
      hi.add(m.upper);
    }
    return { year: y, actual: actual.value, forecast: fc.value, lower: lo.value, upper: hi.value };
  };
  const out: AccountOutlook = {
    months,
    method: f.method,
    level,
    forecast,
    baseYear: sumYear(baseYear),
    planYears: Array.from({ length: years }, (_, k) => sumYear(baseYear + k + 1)),
    period,
  };
  try {
    out.backtest = backtest(values, 12, "auto", 3, period, 12);
  } catch (e) {
    out.backtestProblem = e instanceof Error ? e.message : String(e);
  }
  return out;
}

export type TargetBasis = "forecast" | "growth";

export interface PlanTarget {
  year: number;
  /** Forecast total of the year (actual + forecast). */
  forecast: number;
  /** Base × (1 + growth)^k, when a growth rate is given; else null. */
  growth: number | null;
  /** The target: the growth figure when a rate is given, else the forecast. */
  target: number;
  basis: TargetBasis;
}

/**
 * Targets for the plan years: with a growth rate, base year total (booked + forecast rest) × (1 +
 * growth)^k for plan year k = 1..; without one, the forecast total of each year.
 */
export function planTargets(outlook: AccountOutlook, growth?: number): PlanTarget[] {
  const base = outlook.baseYear.actual + outlook.baseYear.forecast;
  return outlook.planYears.map((y, k) => {
    const forecast = y.actual + y.forecast;
    const g = growth === undefined ? null : base * Math.pow(1 + growth, k + 1);
    return {
      year: y.year,
      forecast,
      growth: g,
      target: g ?? forecast,
      basis: g === null ? "forecast" : "growth",
    };
  });
}
