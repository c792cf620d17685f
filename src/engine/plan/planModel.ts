// The plan model: an order history → the plan year's figures. The basis is the last full calendar
// year before the plan year; the target (given, or the basis year's sales × (1 + growth) rounded to
// the unit) is split to groups (team, owner, region, customer, or the customers' ABC classes) by
// their basis-year shares (largest remainder, ./split), each group's target phased by month from the
// seasonal pattern of up to three full years (./phase), the monthly targets budgeted (./budget), the
// plan year's sales to date set against the target (./gap), and the figures of the key-account
// marketing plan (T+3): sales by year, the largest accounts, account gains and losses, the targets
// of the next three years. Plain arrays in, numbers out: the report (src/report/plan.ts) names and
// lays them out, and turns a problem's code into its message.

import { AbcClass, ParetoRow, pareto, paretoShare } from "../accounts/pareto";
import { customerKey } from "../accounts/rfm";
import { sum } from "../numeric";
import { ymdFromSerial } from "../calendar";
import { Budget, salesBudget } from "./budget";
import { GapResult, gapToTarget } from "./gap";
import { phaseTarget, seasonalShares } from "./phase";
import { apportion, decimals } from "./split";

/** The level the target is split to: a team, owner, region or customer column, or the customers'
 *  ABC class (80/20 rule). */
export type PlanSplit = "team" | "owner" | "region" | "customer" | "abc";

/** The columns rows can be grouped by, in the order the default split looks for them. */
export type PlanGroupRole = "team" | "owner" | "region" | "customer";
export const PLAN_GROUP_ROLES: readonly PlanGroupRole[] = ["team", "owner", "region", "customer"];

/** Most full years the seasonal pattern is taken from. */
export const PLAN_PATTERN_YEARS = 3;
/** Accounts listed one by one in the account overview; the rest are one line. */
export const PLAN_TOP_ACCOUNTS = 10;
/** Years of the marketing plan (T+3): the plan year and the two after it. */
export const PLAN_HORIZON = 3;

export interface PlanInput {
  /** Order dates as serial day numbers (≥ 1; a time of day is ignored), one per row. */
  dates: readonly number[];
  /** Order amounts (returns negative), one per row. */
  amounts: readonly number[];
  /** Per mapped grouping column, each row's group name (as the report shows it; rows group by
   *  customerKey: case and surrounding spaces do not matter). `customer` also gives the accounts. */
  names: Partial<Record<PlanGroupRole, readonly string[]>>;
  /** The plan year; default the year after the last order. */
  year?: number;
  /** Default: the basis year's sales × (1 + growth), rounded to `unit`. */
  annualTarget?: number;
  /** Growth of the default target and of the targets after the plan year (0.1 = 10%). */
  growth: number;
  /** Default: the first of team, owner, region, customer in `names`; customers above
   *  `maxCustomers` in the basis year are split by ABC class instead; none: the whole company. */
  splitBy?: PlanSplit;
  maxCustomers: number;
  /** Targets are whole multiples of it; default no rounding. */
  unit?: number;
  /** Rate of each variable cost line (share of revenue, ≥ 0). */
  costRates: readonly number[];
  /** Fixed costs per month (≥ 0). */
  fixedCosts: number;
}

/** A group of the split: the value of the split column, an ABC class, or the whole company. */
export type PlanGroupId =
  | { kind: "value"; name: string }
  | { kind: "abc"; abc: AbcClass; customers: number }
  | { kind: "company" };

export interface PlanGroup {
  id: PlanGroupId;
  /** Sales in the basis year and their share of the groups' total. */
  sales: number;
  share: number;
  /** The group's part of the annual target and its 12 monthly targets (adding up to it). */
  target: number;
  months: number[];
}

export interface PlanYear {
  year: number;
  sales: number;
  /** The data covers January to December of the year. */
  full: boolean;
  /** The data begins ("start") or ends ("end") inside the year. */
  partial?: "start" | "end";
  /** This year and the one before are full: growth between them is comparable. */
  comparable: boolean;
}

export interface PlanGap {
  /** Sales of the plan year in the data. */
  actual: number;
  /** Date (serial, whole day) of the last order in the plan year. */
  lastDate: number;
  /** Months of the plan year done (that of the last order included; 12 when the data runs past). */
  elapsed: number;
  monthsLeft: number;
  /** The monthly targets of the months done. */
  targetToDate: number;
  /** Attainment, gap and run rate; absent when the target is 0 (they are not defined). */
  result?: GapResult;
}

export interface PlanAccounts {
  /** The largest customers of the basis year (up to PLAN_TOP_ACCOUNTS), by sales. */
  top: ParetoRow[];
  /** The other customers together, when there are more. */
  rest?: { count: number; sales: number; share: number; cumulative: number };
}

export interface PlanPortfolio {
  /** Customers with sales above 0 in the basis year. */
  active: number;
  /** Against the year before the basis year, when the data has orders in it. */
  before?: { active: number; gained: number; lost: number };
  /** Share of the basis year's sales of the top 20% of customers. */
  topShare?: number;
}

export interface PlanModel {
  year: number;
  baseYear: number;
  /** The full years of the seasonal pattern, oldest first; the last is the basis year. */
  patternYears: number[];
  /** Sales of the basis year. */
  baseSales: number;
  target: number;
  /** The target was given, not derived from the basis year. */
  targetGiven: boolean;
  /** undefined: the whole company. */
  split?: PlanSplit;
  /** The split fell back from customers to ABC classes: the number of basis-year customers. */
  abcFallback?: number;
  groups: PlanGroup[];
  /** Values of the split column (customers for ABC classes) in the data without a sale in the
   *  basis year: they get no target. */
  notInBase: number;
  /** Per month of the plan year: the basis year's sales, the seasonal share, the target. */
  months: { sales: number[]; share: number[]; target: number[] };
  budget: Budget;
  /** Present when the data has orders in the plan year. */
  gap?: PlanGap;
  /** First and last order dates (serials, whole days) and the sales of every year in between. */
  first: number;
  last: number;
  years: PlanYear[];
  /** Present when a customer column is given. */
  accounts?: PlanAccounts;
  portfolio?: PlanPortfolio;
  /** Revenue targets of the plan year and the next two, growing by `growth`. */
  objectives: number[];
}

/** Why there is no plan; the report words it. Indexes are of rows or cost lines. */
export type PlanProblem =
  | { code: "cost-rate"; index: number }
  | { code: "fixed-costs" }
  | { code: "no-data" }
  | { code: "bad-date"; index: number }
  | { code: "bad-amount"; index: number }
  /** No full calendar year before the plan year; first and last order dates. */
  | { code: "no-full-year"; year: number; first: number; last: number }
  | { code: "no-sales"; year: number; total: number }
  /** A month (1–12) of the seasonal pattern whose returns exceed its orders. */
  | { code: "negative-month"; year: number; month: number; total: number }
  | { code: "split-not-mapped"; split: PlanSplit }
  | { code: "negative-group"; split?: PlanSplit; group: PlanGroupId; year: number; sales: number }
  | { code: "unit-multiple"; target: number; unit?: number }
  /** Phasing failed (./phase's reason, in English). */
  | { code: "phasing"; reason: string };

export type PlanOutcome = { ok: true; value: PlanModel } | { ok: false; problem: PlanProblem };

/** Problems are thrown inside and returned by planModel. */
class Stop {
  constructor(readonly problem: PlanProblem) {}
}

function stop(problem: PlanProblem): never {
  throw new Stop(problem);
}

/** The plan of an order history (see the file's comment). */
export function planModel(input: PlanInput): PlanOutcome {
  try {
    return { ok: true, value: model(input) };
  } catch (e) {
    if (e instanceof Stop) return { ok: false, problem: e.problem };
    throw e;
  }
}

/** Rows by month, and the months and days the data spans. */
interface Rows {
  n: number;
  /** year × 12 + month − 1 of each row. */
  monthKey: number[];
  firstKey: number;
  lastKey: number;
  first: number;
  last: number;
  /** The row amounts of each month key, in row order. */
  byMonth: Map<number, number[]>;
}

function model(input: PlanInput): PlanModel {
  const { amounts, growth, unit } = input;
  checkInput(input);
  const rows = readRows(input.dates, amounts);
  const lastYear = Math.floor(rows.lastKey / 12);
  const year = input.year ?? lastYear + 1;
  const patternYears = fullYearsBefore(rows, year);
  const baseYear = patternYears[patternYears.length - 1];
  const monthTotal = (k: number) => sum(rows.byMonth.get(k) ?? []);
  const history = patternYears.flatMap((y) =>
    Array.from({ length: 12 }, (_, m) => monthTotal(y * 12 + m))
  );
  const baseRows = rowsOfYear(rows, baseYear);
  const baseSales = sum(baseRows.map((i) => amounts[i]));
  if (!(baseSales > 0)) stop({ code: "no-sales", year: baseYear, total: baseSales });
  const share = seasonalShareOf(history, patternYears);
  const target = input.annualTarget ?? roundToUnit(baseSales * (1 + growth), unit);

  const split = splitGroups(input, rows, baseRows, baseYear, baseSales);
  const groups = targetGroups(split, target, history, unit, baseYear);
  const monthTargets = Array.from({ length: 12 }, (_, j) => sum(groups.map((g) => g.months[j])));
  const customers = input.names.customer;
  const accounts = customers ? accountsOf(customers, amounts, baseRows) : undefined;
  const beforeRows = () => rowsOfYear(rows, baseYear - 1);
  return {
    year,
    baseYear,
    patternYears,
    baseSales,
    target,
    targetGiven: input.annualTarget !== undefined,
    split: split.split,
    abcFallback: split.abcFallback,
    groups,
    notInBase: split.notInBase,
    months: { sales: history.slice(history.length - 12), share, target: monthTargets },
    budget: salesBudget(
      monthTargets,
      monthTargets.map(() => [...input.costRates]),
      monthTargets.map(() => input.fixedCosts)
    ),
    gap: gapOf(rows, input, year, target, monthTargets),
    first: rows.first,
    last: rows.last,
    years: salesByYear(rows, monthTotal),
    accounts: accounts?.overview,
    portfolio:
      accounts && customers
        ? portfolioOf(accounts.rows, customers, amounts, beforeRows())
        : undefined,
    objectives: objectivesOf(target, growth),
  };
}

/** The target split to the groups by their basis-year sales, each part phased by month. */
function targetGroups(
  split: Split,
  target: number,
  history: readonly number[],
  unit: number | undefined,
  baseYear: number
): PlanGroup[] {
  const parts = apportion(
    target,
    split.groups.map((g) => g.sales),
    unit
  );
  if (!parts.ok) {
    const bad = parts.index !== undefined ? split.groups[parts.index] : undefined;
    if (!bad) return stop({ code: "unit-multiple", target, unit });
    const { id: group, sales } = bad;
    return stop({ code: "negative-group", split: split.split, group, year: baseYear, sales });
  }
  return split.groups.map((g, u): PlanGroup => {
    const p = phaseTarget(parts.parts[u], history, 12, unit);
    if (!p.ok) return stop({ code: "phasing", reason: p.reason });
    return { ...g, target: parts.parts[u], months: p.targets };
  });
}

function checkInput(input: PlanInput): void {
  const n = Math.min(input.dates.length, input.amounts.length);
  if (input.dates.length !== input.amounts.length)
    throw new RangeError("planModel: lengths differ");
  for (const names of Object.values(input.names))
    if (names && names.length !== n) throw new RangeError("planModel: lengths differ");
  input.costRates.forEach((rate, index) => {
    if (!(Number.isFinite(rate) && rate >= 0)) stop({ code: "cost-rate", index });
  });
  const fixed = input.fixedCosts;
  if (!(Number.isFinite(fixed) && fixed >= 0)) stop({ code: "fixed-costs" });
}

function readRows(dates: readonly number[], amounts: readonly number[]): Rows {
  const n = dates.length;
  if (n === 0) stop({ code: "no-data" });
  const monthKey: number[] = [];
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < n; i++) {
    if (!(Number.isFinite(dates[i]) && dates[i] >= 1)) stop({ code: "bad-date", index: i });
    if (!Number.isFinite(amounts[i])) stop({ code: "bad-amount", index: i });
    const [y, m] = ymdFromSerial(dates[i]);
    monthKey.push(y * 12 + m - 1);
    first = Math.min(first, Math.floor(dates[i]));
    last = Math.max(last, Math.floor(dates[i]));
  }
  let firstKey = Infinity;
  let lastKey = -Infinity;
  const byMonth = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const mk = monthKey[i];
    firstKey = Math.min(firstKey, mk);
    lastKey = Math.max(lastKey, mk);
    const list = byMonth.get(mk);
    if (list) list.push(amounts[i]);
    else byMonth.set(mk, [amounts[i]]);
  }
  return { n, monthKey, firstKey, lastKey, first, last, byMonth };
}

/** The data covers January to December of the year. */
function isFull(rows: Rows, year: number): boolean {
  return rows.firstKey <= year * 12 && rows.lastKey >= year * 12 + 11;
}

/** The full calendar years right before the plan year (the latest PLAN_PATTERN_YEARS of the run of
 *  full years that ends last before it), oldest first. */
function fullYearsBefore(rows: Rows, year: number): number[] {
  const years: number[] = [];
  for (
    let y = year - 1;
    y >= Math.floor(rows.firstKey / 12) && years.length < PLAN_PATTERN_YEARS;
    y--
  ) {
    if (isFull(rows, y)) years.unshift(y);
    else if (years.length > 0) break;
  }
  if (years.length === 0) stop({ code: "no-full-year", year, first: rows.first, last: rows.last });
  return years;
}

/** Indexes of the rows dated in the year, in row order. */
function rowsOfYear(rows: Rows, year: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < rows.n; i++) if (Math.floor(rows.monthKey[i] / 12) === year) out.push(i);
  return out;
}

function seasonalShareOf(history: readonly number[], years: readonly number[]): number[] {
  const shares = seasonalShares(history, 12);
  if (shares.ok) return shares.shares;
  const k = shares.index ?? 0;
  const year = years[Math.floor(k / 12)];
  return stop(
    history[k] < 0
      ? { code: "negative-month", year, month: (k % 12) + 1, total: history[k] }
      : { code: "no-sales", year, total: 0 }
  );
}

/** The nearest whole multiple of the unit (written with the unit's decimals); no unit: the value. */
export function roundToUnit(value: number, unit: number | undefined): number {
  if (unit === undefined) return value;
  return Number((Math.round(value / unit) * unit).toFixed(decimals(unit)));
}

interface Split {
  split?: PlanSplit;
  abcFallback?: number;
  groups: Omit<PlanGroup, "target" | "months">[];
  notInBase: number;
}

/** The split level and its groups with their basis-year sales. */
function splitGroups(
  input: PlanInput,
  rows: Rows,
  baseRows: readonly number[],
  baseYear: number,
  baseSales: number
): Split {
  let split: PlanSplit | undefined =
    input.splitBy ?? PLAN_GROUP_ROLES.find((r) => input.names[r] !== undefined);
  const role = split === "abc" ? "customer" : split;
  const names = role ? input.names[role as PlanGroupRole] : undefined;
  if (split && !names) stop({ code: "split-not-mapped", split });
  if (!split || !names) {
    const company: PlanGroupId = { kind: "company" };
    return { split, groups: [{ id: company, sales: baseSales, share: 1 }], notInBase: 0 };
  }
  const base = pareto(
    baseRows.map((i) => names[i]),
    baseRows.map((i) => input.amounts[i])
  );
  if (!base.ok) return stop({ code: "no-sales", year: baseYear, total: baseSales });
  // Thousands of single customers are not a level targets are set at: their ABC classes are.
  let abcFallback: number | undefined;
  if (
    input.splitBy === undefined &&
    split === "customer" &&
    base.value.length > input.maxCustomers
  ) {
    split = "abc";
    abcFallback = base.value.length;
  }
  const inBase = new Set(base.value.map((r) => customerKey(r.customer)));
  const all = new Set<string>();
  for (let i = 0; i < rows.n; i++) all.add(customerKey(names[i]));
  let notInBase = 0;
  for (const k of all) if (!inBase.has(k)) notInBase++;
  const groups = split === "abc" ? abcGroups(base.value) : valueGroups(base.value);
  return { split, abcFallback, groups, notInBase };
}

function valueGroups(rows: readonly ParetoRow[]): Split["groups"] {
  return rows.map((r) => ({
    id: { kind: "value", name: String(r.customer) },
    sales: r.total,
    share: r.share,
  }));
}

/** The customers' ABC classes present, A first. */
function abcGroups(rows: readonly ParetoRow[]): Split["groups"] {
  const grand = sum(rows.map((r) => r.total));
  const groups: Split["groups"] = [];
  for (const abc of ["A", "B", "C"] as const) {
    const members = rows.filter((r) => r.abc === abc);
    if (members.length === 0) continue;
    const sales = sum(members.map((r) => r.total));
    groups.push({
      id: { kind: "abc", abc, customers: members.length },
      sales,
      share: sales / grand,
    });
  }
  return groups;
}

function gapOf(
  rows: Rows,
  input: PlanInput,
  year: number,
  target: number,
  monthTargets: readonly number[]
): PlanGap | undefined {
  const planRows = rowsOfYear(rows, year);
  if (planRows.length === 0) return undefined;
  const actual = sum(planRows.map((i) => input.amounts[i]));
  const elapsed = Math.floor(rows.lastKey / 12) > year ? 12 : (rows.lastKey % 12) + 1;
  const monthsLeft = 12 - elapsed;
  let lastDate = -Infinity;
  for (const i of planRows) lastDate = Math.max(lastDate, Math.floor(input.dates[i]));
  return {
    actual,
    lastDate,
    elapsed,
    monthsLeft,
    targetToDate: sum(monthTargets.slice(0, elapsed)),
    ...(target > 0
      ? {
          result: gapToTarget(target, actual, undefined, monthsLeft > 0 ? monthsLeft : undefined),
        }
      : {}),
  };
}

/** Sales of every calendar year from the first order's to the last order's. */
function salesByYear(rows: Rows, monthTotal: (k: number) => number): PlanYear[] {
  const from = Math.floor(rows.firstKey / 12);
  const to = Math.floor(rows.lastKey / 12);
  const out: PlanYear[] = [];
  for (let y = from; y <= to; y++) {
    const full = isFull(rows, y);
    out.push({
      year: y,
      sales: sum(Array.from({ length: 12 }, (_, m) => monthTotal(y * 12 + m))),
      full,
      ...(full ? {} : { partial: y === from ? ("start" as const) : ("end" as const) }),
      comparable: y > from && full && isFull(rows, y - 1),
    });
  }
  return out;
}

/** The basis year's customers by sales: all of them and the overview of the largest. */
function accountsOf(
  customers: readonly string[],
  amounts: readonly number[],
  baseRows: readonly number[]
): { rows: ParetoRow[]; overview: PlanAccounts } | undefined {
  const ranked = pareto(
    baseRows.map((i) => customers[i]),
    baseRows.map((i) => amounts[i])
  );
  if (!ranked.ok) return undefined;
  const rows = ranked.value;
  const top = rows.slice(0, PLAN_TOP_ACCOUNTS);
  const rest = rows.slice(PLAN_TOP_ACCOUNTS);
  const overview: PlanAccounts = { top };
  if (rest.length > 0)
    overview.rest = {
      count: rest.length,
      sales: sum(rest.map((a) => a.total)),
      share: sum(rest.map((a) => a.share)),
      cumulative: rest[rest.length - 1].cumulative,
    };
  return { rows, overview };
}

/** Active customers of the basis year, gained and lost against the year before, top-20% share. */
function portfolioOf(
  accounts: readonly ParetoRow[],
  customers: readonly string[],
  amounts: readonly number[],
  beforeRows: readonly number[]
): PlanPortfolio {
  const active = (rows: readonly ParetoRow[]) =>
    new Set(rows.filter((r) => r.total > 0).map((r) => customerKey(r.customer)));
  const now = active(accounts);
  const out: PlanPortfolio = { active: now.size };
  const before =
    beforeRows.length > 0
      ? pareto(
          beforeRows.map((i) => customers[i]),
          beforeRows.map((i) => amounts[i])
        )
      : undefined;
  if (before && before.ok) {
    const then = active(before.value);
    out.before = {
      active: then.size,
      gained: [...now].filter((c) => !then.has(c)).length,
      lost: [...then].filter((c) => !now.has(c)).length,
    };
  }
  const top20 = paretoShare(accounts.map((a) => a.total));
  if (top20.ok) out.topShare = top20.value;
  return out;
}

/** The plan year's target and the next years', each the one before × (1 + growth). */
function objectivesOf(target: number, growth: number): number[] {
  const out = [target];
  for (let i = 1; i < PLAN_HORIZON; i++) out.push(out[i - 1] * (1 + growth));
  return out;
}
