// The account profile of a key-account plan (McDonald & Rogers, "Key Account Management", the
// account analysis): revenue and profit per calendar year and quarter with growth and CAGR, share of
// the portfolio and rank, the tier with its criteria (tier.ts), the ABC class (pareto.ts), RFM
// scores and segment (rfm.ts), P(alive), expected purchases and CLV from BG/NBD and Gamma-Gamma
// (clv.ts), and the DPM position when scores are given (portfolio/dpm.ts). The portfolio is computed
// once; each account's profile is read from it, so every account is scored against the same base.

import { addPeriods, Grain, periodLabel, periodStart, ymdFromSerial } from "../calendar";
import { CompensatedSum, maxOf, minOf, sum } from "../numeric";
import { dpm, DpmRow } from "../portfolio/dpm";
import {
  BgNbdParams,
  ClvProblem,
  fitClvModels,
  GammaGammaParams,
  predictClv,
  Prediction,
} from "./clv";
import { accountGrowth, AccountGrowth, growthWindows, GrowthWindows } from "./growth";
import { AbcClass, pareto } from "./pareto";
import { customerKey, rfm, RfmCustomer } from "./rfm";
import { rfmSummary } from "./summary";
import {
  ContributionRule,
  DEFAULT_TIER_OPTIONS,
  GrowthSignal,
  TierAccount,
  tierAccounts,
  TierOptions,
} from "./tier";

export type Label = string | number;

export interface ProfileData {
  customers: readonly Label[];
  /** Excel serials. */
  dates: readonly number[];
  amounts: readonly number[];
  /** Profit of each order; null where unknown (the order is then left out of profit and margin). */
  profits?: readonly (number | null)[];
}

export interface ProfileOptions {
  /** Analysis date (Excel serial): later orders are left out. Default: the last order's day. */
  asOf?: number;
  tier?: Partial<TierOptions>;
  /** RFM score groups, 2..9; default 5. */
  bins?: number;
  /** CLV horizon in months; default 12. */
  clvMonths?: number;
  /** Monthly discount rate of the CLV; default 0. */
  discount?: number;
  /** Repeat buyers needed to fit BG/NBD; default 10 (as the Accounts report). */
  minRepeatBuyers?: number;
}

/** Why the portfolio has no CLV. */
export type { ClvProblem } from "./clv";

export interface PeriodFigure {
  /** First day of the period (Excel serial). */
  start: number;
  /** "2024" or "2024-Q1". */
  label: string;
  revenue: number;
  /** Profit of the period's orders with a profit figure; null without a profit column. */
  profit: number | null;
  /** (revenue − previous period's) ÷ previous period's, when the previous is above 0; else null. */
  growth: number | null;
}

export interface Cagr {
  value: number;
  fromYear: number;
  toYear: number;
}

export interface AccountProfile {
  account: Label;
  /** Orders up to the analysis date. */
  orders: number;
  /** Days of the first and last order (Excel serials). */
  firstOrder: number;
  lastOrder: number;
  revenue: number;
  profit: number | null;
  /** Profit ÷ revenue of the orders with a profit figure; null when unknown or revenue ≤ 0. */
  margin: number | null;
  years: PeriodFigure[];
  quarters: PeriodFigure[];
  /** Over the portfolio's complete years; null when fewer than two or the first is not above 0. */
  cagr: Cagr | null;
  /** Share of the portfolio's revenue, rank (1 = largest) among `accounts`. */
  share: number;
  rank: number;
  abc: AbcClass;
  /** Tier with its criteria; undefined when the portfolio's total is not above 0. */
  tier?: TierAccount;
  /** Revenue in the growth windows (last 12 months against the 12 before, or halves). */
  growth?: AccountGrowth;
  /** Undefined for an account without a purchase (only returns). */
  rfm?: RfmCustomer;
  /** Undefined when the portfolio has no CLV fit (see ProfilePortfolio.clvProblem). */
  clv?: Prediction;
  /** False when the account has no order in the current growth window: a lapsed account. */
  recent: boolean;
  dpm?: DpmRow;
}

export interface ProfilePortfolio {
  /** Last day that counts (Excel serial). */
  lastDay: number;
  /** RFM's analysis date: the day after lastDay unless asOf was given. */
  asOf: number;
  firstDay: number;
  /** Orders left out because they are dated after asOf. */
  afterAsOf: number;
  accounts: number;
  grand: number;
  profitTotal: number | null;
  tierRule?: ContributionRule;
  averageMargin: number | null;
  growthWindow?: GrowthWindows;
  /** Calendar years shown (first to last year of the data) and those the data cover whole. */
  years: number[];
  completeYears: number[];
  clvMonths: number;
  clv?: { bg: BgNbdParams; gg: GammaGammaParams };
  clvProblem?: ClvProblem;
  /** Accounts as first written, largest revenue first. */
  names: Label[];
  /** Per account key. */
  readonly profiles: ReadonlyMap<string, AccountProfile>;
}

export type PortfolioOutcome =
  { ok: true; value: ProfilePortfolio } | { ok: false; reason: string };

/**
 * A year counts as complete when the portfolio's data reach into its first and its last month
 * (first order on or before 31 January, last day on or after 1 December), so a year of data that
 * starts on 3 January is a year, and one that ends in June is not.
 */
function completeYears(firstDay: number, lastDay: number): number[] {
  const [y0, m0] = ymdFromSerial(firstDay);
  const [y1, m1] = ymdFromSerial(lastDay);
  const out: number[] = [];
  for (let y = m0 === 1 ? y0 : y0 + 1; y <= (m1 === 12 ? y1 : y1 - 1); y++) out.push(y);
  return out;
}

function periods(
  idx: readonly number[],
  days: readonly number[],
  money: readonly number[],
  profits: readonly (number | null)[] | undefined,
  first: number,
  last: number,
  grain: Grain
): PeriodFigure[] {
  const starts: number[] = [];
  for (let s = periodStart(first, grain); s <= last; s = addPeriods(s, 1, grain)) starts.push(s);
  const rev = starts.map(() => new CompensatedSum());
  const pro = starts.map(() => new CompensatedSum());
  const pos = new Map<number, number>();
  starts.forEach((s, k) => pos.set(s, k));
  for (const i of idx) {
    const k = pos.get(periodStart(days[i], grain));
    if (k === undefined) continue;
    rev[k].add(money[i]);
    const p = profits?.[i];
    if (p !== null && p !== undefined && Number.isFinite(p)) pro[k].add(p);
  }
  return starts.map((start, k) => {
    const revenue = rev[k].value;
    const prev = k > 0 ? rev[k - 1].value : 0;
    return {
      start,
      label: periodLabel(start, grain),
      revenue,
      profit: profits ? pro[k].value : null,
      growth: k > 0 && prev > 0 ? (revenue - prev) / prev : null,
    };
  });
}

/**
 * Every account's profile from an order list. Orders dated after `asOf` are left out; fails when
 * no order is left or the revenue total is not above 0.
 */
export function profilePortfolio(
  data: ProfileData,
  options: ProfileOptions = {}
): PortfolioOutcome {
  const n = data.customers.length;
  if (data.dates.length !== n || data.amounts.length !== n)
    throw new RangeError("profilePortfolio: columns differ in length");
  if (data.profits && data.profits.length !== n)
    throw new RangeError("profilePortfolio: profits differ in length");
  const t: TierOptions = { ...DEFAULT_TIER_OPTIONS, ...options.tier };
  const keep: number[] = [];
  const limit = options.asOf === undefined ? Infinity : Math.floor(options.asOf);
  for (let i = 0; i < n; i++) if (Math.floor(data.dates[i]) <= limit) keep.push(i);
  if (keep.length === 0) return { ok: false, reason: "no orders on or before the analysis date" };
  const customers = keep.map((i) => data.customers[i]);
  const days = keep.map((i) => Math.floor(data.dates[i]));
  const money = keep.map((i) => data.amounts[i]);
  const profits = data.profits ? keep.map((i) => data.profits?.[i] ?? null) : undefined;

  const scoring = rfm(customers, days, money, { asOf: options.asOf, bins: options.bins ?? 5 });
  const asOf = scoring.asOf;
  const ranked = pareto(customers, money, t.aCut, t.bCut);
  if (!ranked.ok) return ranked;
  const grand = sum(ranked.value.map((r) => r.total));
  let firstDay = Infinity;
  let lastOrder = -Infinity;
  for (const d of days) {
    firstDay = Math.min(firstDay, d);
    lastOrder = Math.max(lastOrder, d);
  }
  const lastDay = options.asOf !== undefined ? limit : lastOrder;

  // Rows per account, profit and margin.
  const rows = new Map<string, number[]>();
  customers.forEach((c, i) => {
    const key = customerKey(c);
    const list = rows.get(key);
    if (list) list.push(i);
    else rows.set(key, [i]);
  });
  const profitOf = (idx: readonly number[]) => {
    if (!profits) return { profit: null, margin: null };
    const withProfit = idx.filter((i) => {
      const p = profits[i];
      return p !== null && Number.isFinite(p);
    });
    if (withProfit.length === 0) return { profit: null, margin: null };
    const profit = sum(withProfit.map((i) => profits[i] as number));
    const revenue = sum(withProfit.map((i) => money[i]));
    return { profit, margin: revenue > 0 ? profit / revenue : null };
  };

  const window = growthWindows(firstDay, lastDay);
  const growth = window ? accountGrowth(customers, days, money, window) : undefined;
  const signal = (g: AccountGrowth | undefined): GrowthSignal =>
    !g
      ? null
      : g.status === "rate"
        ? g.growth
        : g.status === "new" || g.status === "lapsed"
          ? g.status
          : null;
  const keys = ranked.value.map((r) => customerKey(r.customer));
  const pm = keys.map((k) => profitOf(rows.get(k) ?? []));
  const tiered = tierAccounts(
    ranked.value.map((r) => r.total),
    profits ? pm.map((p) => p.margin) : undefined,
    keys.map((k) => signal(growth?.get(k))),
    t
  );

  // CLV: BG/NBD and Gamma-Gamma on the monthly calibration summary, as the Accounts report fits it.
  const clvMonths = options.clvMonths ?? 12;
  const summary = rfmSummary(customers, days, money, { asOf, period: "months" }).customers;
  let clv: ProfilePortfolio["clv"];
  let clvProblem: ClvProblem | undefined;
  const predictions = new Map<string, Prediction>();
  const fit = fitClvModels(summary, options.minRepeatBuyers);
  if (!fit.ok) clvProblem = fit.problem;
  else {
    clv = { bg: fit.bg.params, gg: fit.gg.params };
    for (const c of summary) {
      const p = predictClv(
        fit.bg.params,
        fit.gg.params,
        c.frequency,
        c.recency,
        c.T,
        c.monetary,
        clvMonths,
        { discountRate: options.discount ?? 0 }
      );
      // As the Accounts report: a prediction that is not a number means the fit cannot be used.
      if (![p.clv, p.pAlive, p.expectedPurchases].every(Number.isFinite)) {
        clv = undefined;
        clvProblem = { code: "notConverged", model: "BG/NBD" };
        predictions.clear();
        break;
      }
      predictions.set(customerKey(c.customer), p);
    }
  }

  const rfmOf = new Map<string, RfmCustomer>();
  for (const c of scoring.customers) rfmOf.set(customerKey(c.customer), c);
  const [firstYear] = ymdFromSerial(firstDay);
  const [lastYear] = ymdFromSerial(lastDay);
  const years: number[] = [];
  for (let y = firstYear; y <= lastYear; y++) years.push(y);
  const complete = completeYears(firstDay, lastDay);

  const profiles = new Map<string, AccountProfile>();
  ranked.value.forEach((r, k) => {
    const key = keys[k];
    const idx = rows.get(key) ?? [];
    const yearly = periods(idx, days, money, profits, firstDay, lastDay, "year");
    const quarterly = periods(idx, days, money, profits, firstDay, lastDay, "quarter");
    let cagr: Cagr | null = null;
    if (complete.length >= 2) {
      const from = complete[0];
      const to = complete[complete.length - 1];
      const a = yearly.find((y) => y.label === String(from))?.revenue ?? 0;
      const b = yearly.find((y) => y.label === String(to))?.revenue ?? 0;
      if (a > 0 && b >= 0)
        cagr = { value: Math.pow(b / a, 1 / (to - from)) - 1, fromYear: from, toYear: to };
    }
    const g = growth?.get(key);
    const recent =
      window !== undefined ? idx.some((i) => days[i] >= window.curFrom) : idx.length > 0;
    profiles.set(key, {
      account: r.customer,
      orders: idx.length,
      firstOrder: minOf(idx.map((i) => days[i])),
      lastOrder: maxOf(idx.map((i) => days[i])),
      revenue: r.total,
      profit: pm[k].profit,
      margin: pm[k].margin,
      years: yearly,
      quarters: quarterly,
      cagr,
      share: r.share,
      rank: r.rank,
      abc: r.abc,
      tier: tiered.ok ? tiered.value.accounts[k] : undefined,
      growth: g,
      rfm: rfmOf.get(key),
      clv: predictions.get(key),
      recent,
    });
  });

  const profitTotal = profits ? sum(pm.map((p) => p.profit ?? 0)) : null;
  return {
    ok: true,
    value: {
      lastDay,
      asOf,
      firstDay,
      afterAsOf: n - keep.length,
      accounts: ranked.value.length,
      grand,
      profitTotal,
      tierRule: tiered.ok ? tiered.value.rule : undefined,
      averageMargin: tiered.ok ? tiered.value.averageMargin : null,
      growthWindow: window,
      years,
      completeYears: complete,
      clvMonths,
      clv,
      clvProblem,
      names: Array.from(new Set(keys)).map((k) => profiles.get(k)?.account ?? k),
      profiles,
    },
  };
}

/** DPM scores of an account: weighted attractiveness and strength and the cut between low and high. */
export interface DpmScores {
  attractiveness: number;
  strength: number;
  /** Default 5 (the middle of a 0–10 scale). */
  cut?: number;
}

/**
 * One account's profile (matched by its text, case and surrounding spaces ignored), with its DPM
 * position when scores are given; undefined when the account has no order up to the analysis date.
 */
export function accountProfile(
  portfolio: ProfilePortfolio,
  account: Label,
  scores?: DpmScores
): AccountProfile | undefined {
  const p = portfolio.profiles.get(customerKey(account));
  if (!p) return undefined;
  if (!scores) return p;
  const [row] = dpm([[scores.attractiveness]], [1], [[scores.strength]], [1], scores.cut ?? 5);
  return { ...p, dpm: row };
}
