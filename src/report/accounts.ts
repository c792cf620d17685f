// The Accounts report: one row per customer by revenue with its share, cumulative share and ABC class
// (80/20), RFM scores and segment, growth, profit, margin and profit class (80/20 of profit) when the
// data have a profit column, the tier with the criteria that gave it (src/engine/accounts/tier.ts)
// and, when the BG/NBD + Gamma-Gamma fit succeeds, P(alive), expected purchases and CLV; an RFM
// segment summary; a Pareto chart and a segment chart.

import { checkOptions } from "./options";
import {
  ClvProblem,
  fitClvModels,
  predictClv,
  Prediction,
  BgNbdParams,
  GammaGammaParams,
} from "../engine/accounts/clv";
import { AbcClass, pareto, paretoShare } from "../engine/accounts/pareto";
import { customerKey, rfm, RfmCustomer } from "../engine/accounts/rfm";
import { SegmentId } from "../engine/accounts/segments";
import { SEGMENT_NAMES } from "../i18n/segments";
import { rfmSummary } from "../engine/accounts/summary";
import {
  AccountGrowth,
  GrowthWindows,
  accountGrowth,
  growthWindows,
} from "../engine/accounts/growth";
import {
  ContributionRule,
  DEFAULT_TIER_OPTIONS,
  GrowthSignal,
  Tier,
  TierAccount,
  TierOptions,
  tierAccounts,
  tierOptionsProblem,
} from "../engine/accounts/tier";
import { sum } from "../engine/numeric";
import { formatPercent } from "../engine/pipeline/funnel";
import { isoFromSerial } from "../engine/calendar";
import { ACCOUNTS_REPORT, AccountsReportText } from "../i18n/report.accounts";
import { RESULT_LABELS } from "../i18n/results";
import { ACCOUNT_LABELS, type AccountLang, fitWarningText } from "../i18n/results.accounts";
import {
  Area,
  BuildOptions,
  CellContent,
  FormulaCell,
  ReportSheet,
  a1,
  areaA1,
  columnLetters,
} from "./model";
import { booleanArg, dateArg, kamCall, numberArg } from "./formulas";
import { ticker } from "./progress";
import { Dataset } from "./roles";
import { ColumnSpec, PlacedTable, SheetBuilder, userText } from "./sheet";
import { Lang } from "../i18n/lang";

export interface AccountsOptions {
  /** Analysis date (Excel serial); later transactions are left out. Default: the day after the last one. */
  asOf?: number;
  /** RFM score groups, 2..9. Default 5. */
  bins?: number;
  /** Cumulative revenue share up to which customers are class A. Default 0.8. */
  paretoShare?: number;
  /** Cumulative revenue share up to which customers are class B. Default 0.95. */
  bShare?: number;
  /** Tier: revenue share at or above which contribution is high. 0 < x ≤ 1; default 0.30. */
  highShare?: number;
  /** Tier: revenue share at or below which a class-C account's contribution is low. 0 ≤ x < highShare; default 0.05. */
  lowShare?: number;
  /** Tier: growth below which an account is shrinking. −1 ≤ x ≤ growingGrowth; default −0.10. */
  shrinkingGrowth?: number;
  /** Tier: growth at or above which an account is growing. shrinkingGrowth ≤ x ≤ 10; default 0.10. */
  growingGrowth?: number;
  /** CLV horizon in months. Default 12. */
  clvMonths?: number;
  /** CLV discount rate per month (e.g. 0.008 ≈ 10% a year). Default 0. */
  discount?: number;
}

/** Customers shown in the Pareto chart. */
export const CHART_CUSTOMERS = 30;
/** The "top 20% of customers" of the key figures. */
const TOP_FRACTION = 0.2;

const COLORS = {
  bar: "#5B9BD5",
  line: "#ED7D31",
  low: "#F8696B",
  mid: "#FFEB84",
  high: "#63BE7B",
  goodFill: "#C6EFCE",
  goodText: "#006100",
};

interface AccountRow {
  customer: string;
  total: number;
  share: number;
  cumulative: number;
  abc: AbcClass;
  rfm?: RfmCustomer;
  growth?: AccountGrowth;
  /** Profit of the orders with a profit figure; undefined when none has one. */
  profit?: number;
  /** Revenue of the orders with a profit figure. */
  profitRevenue?: number;
  /** Every order of the account has a profit figure. */
  profitComplete?: boolean;
  profitClass?: AbcClass;
  tier?: TierAccount;
  clv?: Prediction;
}

interface SegmentRow {
  id: SegmentId;
  customers: number;
  revenue: number;
  share?: number;
}

interface ClvModel {
  bg: BgNbdParams;
  gg: GammaGammaParams;
  customers: number;
}

interface Model {
  rows: AccountRow[];
  asOf: number;
  transactions: number;
  afterAsOf: number;
  unscored: number;
  scored: RfmCustomer[];
  grand: number;
  topShare: number;
  topCount: number;
  aCount: number;
  aShare: number;
  growthWindow?: GrowthWindows;
  tiers?: { rule: ContributionRule; averageMargin: number | null; maxShare: number };
  /** The data have a profit column with at least one figure up to the as-of date. */
  profit?: ProfitModel;
  clv?: ClvModel;
  clvProblem?: string;
  clvWarnings: string[];
}

interface ProfitModel {
  total: number;
  /** Customers with a profit figure on only some of their orders. */
  partial: number;
  /** Customers without any profit figure. */
  missing: number;
  /** The 80/20 of profit: customers in profit class A; undefined when the total profit is not above 0. */
  pareto?: { aCount: number };
}

const fail = (message: string): never => {
  throw new Error(message);
};

/** Builds the Accounts report sheet from a transaction list (roles customer, date, amount). */
export async function buildAccountsReport(
  data: Dataset,
  options: BuildOptions & AccountsOptions
): Promise<ReportSheet> {
  const L = ACCOUNTS_REPORT[options.lang];
  const settings = readOptions(options, L);
  const tick = ticker(100, options);
  const model = await compute(data, options, settings, L, tick, options.lang);
  // Live formulas need the source ranges of the three columns.
  const { customer, date, amount } = data.addresses;
  const ranges =
    options.live === true && customer !== undefined && date !== undefined && amount !== undefined
      ? { customer, date, amount }
      : undefined;
  const live = ranges !== undefined;
  const source = options.source ?? data.source;
  const b = new SheetBuilder("accounts", L.sheetName, { ...options, source, live });
  b.title(
    L.title,
    L.subtitle(source, isoFromSerial(model.asOf), model.transactions, model.rows.length)
  );
  const notes = collectNotes(
    model,
    settings,
    L,
    options.live === true && !live,
    (data.sparse?.profit ?? data.numbers.profit) !== undefined
  );
  if (ranges) layoutLive(b, model, settings, L, options, ranges, notes);
  else layoutPortable(b, model, settings, L, options, notes);
  await tick(100);
  const sheet = b.build();
  const count = (tier: Tier) => model.rows.filter((r) => r.tier?.tier === tier).length;
  sheet.figures = {
    customers: model.rows.length,
    revenue: model.grand,
    tiers: { core: count("core"), key: count("key"), ordinary: count("ordinary") },
    tier_rule: model.tiers?.rule ?? null,
    profit: model.profit?.total ?? null,
    average_margin: model.tiers?.averageMargin ?? null,
    clv: model.clv !== undefined,
  };
  sheet.warnings = notes.warnings;
  return sheet;
}

interface Settings {
  bins: number;
  aCut: number;
  bCut: number;
  tier: TierOptions;
  months: number;
  discount: number;
}

function readOptions(o: AccountsOptions, L: AccountsReportText): Settings {
  const bad = (name: string, rule: string) => fail(L.errors.option(name, rule));
  const isNum = (v: number) => typeof v === "number" && Number.isFinite(v);
  // Each option's own bounds (src/report/options.ts); the rules between options follow.
  checkOptions("accounts", o, (key, bounds) => L.errors.option(key, bounds));
  const bins = o.bins ?? 5;
  const aCut = o.paretoShare ?? 0.8;
  const bCut = o.bShare ?? Math.max(0.95, aCut);
  if (!(isNum(bCut) && bCut >= aCut && bCut <= 1)) bad("bShare", "paretoShare ≤ x ≤ 1");
  const highShare = o.highShare ?? DEFAULT_TIER_OPTIONS.highShare;
  const lowShare = o.lowShare ?? Math.min(DEFAULT_TIER_OPTIONS.lowShare, highShare / 2);
  if (!(isNum(lowShare) && lowShare >= 0 && lowShare < highShare))
    bad("lowShare", "0 ≤ x < highShare");
  const growingGrowth = o.growingGrowth ?? DEFAULT_TIER_OPTIONS.growingGrowth;
  const shrinkingGrowth =
    o.shrinkingGrowth ?? Math.min(DEFAULT_TIER_OPTIONS.shrinkingGrowth, growingGrowth);
  if (!(growingGrowth >= shrinkingGrowth)) bad("growingGrowth", "shrinkingGrowth ≤ x ≤ 10");
  const tier: TierOptions = {
    highShare,
    lowShare,
    shrinkingGrowth,
    growingGrowth,
    aCut,
    bCut,
  };
  const problem = tierOptionsProblem(tier);
  if (problem) bad("tier", problem);
  const months = o.clvMonths ?? 12;
  const discount = o.discount ?? 0;
  return { bins, aCut, bCut, tier, months, discount };
}

async function compute(
  data: Dataset,
  options: AccountsOptions,
  s: Settings,
  L: AccountsReportText,
  tick: (done: number) => Promise<void>,
  lang: AccountLang
): Promise<Model> {
  const allCustomers = data.text.customer;
  const allDates = data.numbers.date;
  const allAmounts = data.numbers.amount;
  if (!allCustomers) return fail(L.errors.noColumn(L.roles.customer));
  if (!allDates) return fail(L.errors.noColumn(L.roles.date));
  if (!allAmounts) return fail(L.errors.noColumn(L.roles.amount));
  if (allCustomers.length === 0 || data.rows === 0) fail(L.errors.noRows);
  if (allDates.length !== allCustomers.length || allAmounts.length !== allCustomers.length)
    fail(L.errors.lengths);
  const rowOf = (i: number) => data.sheetRows[i] ?? i + 1;
  for (let i = 0; i < allCustomers.length; i++) {
    if (!Number.isFinite(allDates[i])) fail(L.errors.notNumber(rowOf(i), L.roles.date));
    if (!Number.isFinite(allAmounts[i])) fail(L.errors.notNumber(rowOf(i), L.roles.amount));
  }

  // The optional profit column: null where the cell is blank.
  const allProfit: readonly (number | null)[] | undefined =
    data.sparse?.profit ?? data.numbers.profit;
  if (allProfit && allProfit.length !== allCustomers.length) fail(L.errors.lengths);

  // Transactions after the as-of date are left out of everything (as KAM.RFM does).
  let customers = allCustomers;
  let days = allDates;
  let money = allAmounts;
  let profits = allProfit;
  let afterAsOf = 0;
  if (options.asOf !== undefined) {
    const limit = Math.floor(options.asOf);
    const keep: number[] = [];
    for (let i = 0; i < allDates.length; i++) if (Math.floor(allDates[i]) <= limit) keep.push(i);
    afterAsOf = allDates.length - keep.length;
    customers = keep.map((i) => allCustomers[i]);
    days = keep.map((i) => allDates[i]);
    money = keep.map((i) => allAmounts[i]);
    if (allProfit) profits = keep.map((i) => allProfit[i]);
  }
  const asOfText = options.asOf !== undefined ? isoFromSerial(options.asOf) : "";
  if (customers.length === 0) fail(L.errors.noPurchasesAsOf(asOfText));

  const scoring = rfm(customers, days, money, { asOf: options.asOf, bins: s.bins });
  if (scoring.customers.length === 0)
    fail(options.asOf !== undefined ? L.errors.noPurchasesAsOf(asOfText) : L.errors.noPurchases);
  const asOf = scoring.asOf;
  await tick(10);

  const ranked = pareto(customers, money, s.aCut, s.bCut);
  if (!ranked.ok) return fail(L.errors.total(sum(money)));
  const totals = ranked.value.map((r) => r.total);
  const grand = sum(totals);
  const top = paretoShare(totals, TOP_FRACTION);
  if (!top.ok) return fail(L.errors.total(grand));
  const topCount = Math.max(1, Math.ceil(TOP_FRACTION * totals.length - 1e-9));
  const aRows = ranked.value.filter((r) => r.abc === "A");
  await tick(20);

  const byKey = new Map<string, RfmCustomer>();
  for (const c of scoring.customers) byKey.set(customerKey(c.customer), c);
  const rows: AccountRow[] = ranked.value.map((r) => ({
    customer: String(userText(r.customer)),
    total: r.total,
    share: r.share,
    cumulative: r.cumulative,
    abc: r.abc,
    rfm: byKey.get(customerKey(r.customer)),
  }));

  // Growth: the last 12 months against the 12 before (halves of the data when shorter), ending on
  // the analysis date when one is given, else on the last transaction's day (rfm's asOf is the day
  // after it).
  let firstDay = Infinity;
  for (const d of days) firstDay = Math.min(firstDay, Math.floor(d));
  const lastDay = options.asOf !== undefined ? Math.floor(options.asOf) : asOf - 1;
  const growthWindow = growthWindows(firstDay, lastDay);
  if (growthWindow) {
    const growth = accountGrowth(customers, days, money, growthWindow);
    for (const row of rows) row.growth = growth.get(customerKey(row.customer));
  }

  // Profit per customer over the orders that have a profit figure.
  const profit = profits ? profitByCustomer(rows, customers, money, profits, s) : undefined;

  // Tiers: contribution, profitability (margin, when known) and potential (growth).
  const signal = (g: AccountGrowth | undefined): GrowthSignal =>
    !g
      ? null
      : g.status === "rate"
        ? g.growth
        : g.status === "new" || g.status === "lapsed"
          ? g.status
          : null;
  const margins = rows.map((r) =>
    r.profit !== undefined && r.profitRevenue !== undefined && r.profitRevenue > 0
      ? r.profit / r.profitRevenue
      : null
  );
  const tiered = tierAccounts(
    totals,
    profit ? margins : undefined,
    rows.map((r) => signal(r.growth)),
    s.tier
  );
  if (tiered.ok) tiered.value.accounts.forEach((t, i) => (rows[i].tier = t));
  await tick(30);

  const clv = await fitClv(customers, days, money, asOf, s, L, tick, lang);
  if (clv.predictions) {
    for (const row of rows) row.clv = clv.predictions.get(customerKey(row.customer));
  }
  await tick(95);

  return {
    rows,
    asOf,
    transactions: customers.length,
    afterAsOf,
    unscored: rows.filter((r) => !r.rfm).length,
    scored: scoring.customers,
    grand,
    topShare: top.value,
    topCount,
    aCount: aRows.length,
    aShare: aRows.length > 0 ? aRows[aRows.length - 1].cumulative : 0,
    growthWindow,
    tiers: tiered.ok
      ? {
          rule: tiered.value.rule,
          averageMargin: tiered.value.averageMargin,
          maxShare: tiered.value.maxShare,
        }
      : undefined,
    profit,
    clv: clv.model,
    clvProblem: clv.problem,
    clvWarnings: clv.warnings ?? [],
  };
}

/**
 * Each row's profit and the revenue of its orders with a profit figure (a blank profit cell leaves the
 * order out of both), and the 80/20 of profit over the customers with a profit figure.
 */
function profitByCustomer(
  rows: AccountRow[],
  customers: readonly string[],
  money: readonly number[],
  profits: readonly (number | null)[],
  s: Settings
): ProfitModel | undefined {
  const parts = new Map<string, { profit: number[]; revenue: number[]; blank: number }>();
  for (let i = 0; i < customers.length; i++) {
    const key = customerKey(customers[i]);
    let p = parts.get(key);
    if (!p) {
      p = { profit: [], revenue: [], blank: 0 };
      parts.set(key, p);
    }
    const v = profits[i];
    if (v === null || !Number.isFinite(v)) p.blank++;
    else {
      p.profit.push(v);
      p.revenue.push(money[i]);
    }
  }
  let partial = 0;
  let missing = 0;
  for (const row of rows) {
    const p = parts.get(customerKey(row.customer));
    if (!p || p.profit.length === 0) {
      missing++;
      continue;
    }
    row.profit = sum(p.profit);
    row.profitRevenue = sum(p.revenue);
    row.profitComplete = p.blank === 0;
    if (p.blank > 0) partial++;
  }
  const withProfit = rows.filter((r) => r.profit !== undefined);
  if (withProfit.length === 0) return undefined;
  const byProfit = pareto(
    withProfit.map((_, k) => k),
    withProfit.map((r) => r.profit as number),
    s.aCut,
    s.bCut
  );
  let paretoOfProfit: ProfitModel["pareto"];
  if (byProfit.ok) {
    for (const r of byProfit.value) withProfit[r.customer as number].profitClass = r.abc;
    paretoOfProfit = { aCount: byProfit.value.filter((r) => r.abc === "A").length };
  }
  return {
    total: sum(withProfit.map((r) => r.profit as number)),
    partial,
    missing,
    pareto: paretoOfProfit,
  };
}

interface SummaryRow {
  key: string;
  x: number;
  tx: number;
  T: number;
  m: number;
}

/** Fits BG/NBD and Gamma-Gamma on the calibration summary; a problem instead when it cannot. */
async function fitClv(
  customers: readonly string[],
  days: readonly number[],
  money: readonly number[],
  asOf: number,
  s: Settings,
  L: AccountsReportText,
  tick: (done: number) => Promise<void>,
  lang: AccountLang
): Promise<{
  model?: ClvModel;
  problem?: string;
  /** Warnings of a fit that stands (degenerate data: no repeat buyers, same spend, ...). */
  warnings?: string[];
  predictions?: Map<string, Prediction>;
}> {
  const summary = rfmSummary(customers, days, money, { asOf, period: "months" }).customers.map(
    (c): SummaryRow => ({
      key: customerKey(c.customer),
      x: c.frequency,
      tx: c.recency,
      T: c.T,
      m: c.monetary,
    })
  );
  await tick(40);
  try {
    const fit = fitClvModels(
      summary.map((c) => ({ frequency: c.x, recency: c.tx, T: c.T, monetary: c.m }))
    );
    if (!fit.ok) return { problem: clvProblemText(fit.problem, L) };
    const { bg, gg } = fit;
    await tick(65);
    const model = { bg: bg.params, gg: gg.params, customers: bg.customers };
    const predictions = new Map<string, Prediction>();
    for (let k = 0; k < summary.length; k++) {
      const c = summary[k];
      if (k % 1000 === 999) await tick(65 + Math.floor((30 * k) / summary.length));
      const p = predictClv(model.bg, model.gg, c.x, c.tx, c.T, c.m, s.months, {
        discountRate: s.discount,
      });
      if (![p.clv, p.pAlive, p.expectedPurchases].every(Number.isFinite))
        return { problem: L.notes.notConverged("BG/NBD") };
      predictions.set(c.key, p);
    }
    const warnings = [...bg.warnings, ...gg.warnings].map((w) => fitWarningText(w, lang));
    return { model, predictions, warnings };
  } catch {
    return { problem: L.notes.notConverged("BG/NBD") };
  }
}

/** Why the CLV models were not fitted, as the report's notes say it. */
function clvProblemText(p: ClvProblem, L: AccountsReportText): string {
  switch (p.code) {
    case "tooFewRepeat":
      return L.notes.tooFewRepeat(p.repeat, p.needed);
    case "notConverged":
      return L.notes.notConverged(p.model);
    case "noRepeatValue":
      return L.notes.noRepeatValue;
    case "ggMean":
      return L.notes.ggMean;
  }
}

/** Customers and revenue per RFM segment (segments present, in the order of the segment table). */
function segmentRows(
  scored: readonly { segment: SegmentId; revenue: number }[],
  L: AccountsReportText
): { rows: SegmentRow[]; problem?: string } {
  const order: SegmentId[] = [];
  for (const id of Object.keys(SEGMENT_NAMES) as SegmentId[]) {
    if (scored.some((c) => c.segment === id)) order.push(id);
  }
  const revenue = new Map<SegmentId, number[]>();
  for (const c of scored) {
    const list = revenue.get(c.segment);
    if (list) list.push(c.revenue);
    else revenue.set(c.segment, [c.revenue]);
  }
  const shares = pareto(
    scored.map((c) => c.segment),
    scored.map((c) => c.revenue)
  );
  const shareOf = new Map<string, number>();
  if (shares.ok) for (const r of shares.value) shareOf.set(String(r.customer), r.share);
  return {
    rows: order.map((id) => ({
      id,
      customers: revenue.get(id)?.length ?? 0,
      revenue: sum(revenue.get(id) ?? []),
      share: shareOf.get(id),
    })),
    problem: shares.ok ? undefined : L.notes.shareFailed(shares.reason),
  };
}

/** The sheet's notes; `warnings` are those about data left out and assumptions (sheet.warnings). */
interface Notes {
  all: string[];
  warnings: string[];
}

const addNote = (notes: Notes, text: string, warning = false) => {
  notes.all.push(text);
  if (warning) notes.warnings.push(text);
};

function collectNotes(
  model: Model,
  s: Settings,
  L: AccountsReportText,
  liveWithoutAddresses: boolean,
  profitColumn: boolean
): Notes {
  const notes: Notes = { all: [], warnings: [] };
  const add = (text: string, warning = false) => addNote(notes, text, warning);
  add(L.notes.method(formatPercent(s.aCut), formatPercent(s.bCut)));
  if (model.afterAsOf > 0) add(L.notes.afterAsOf(model.afterAsOf, isoFromSerial(model.asOf)), true);
  if (model.unscored > 0) add(L.notes.unscored(model.unscored), true);
  const w = model.growthWindow;
  if (w)
    add(
      L.notes.growth(
        isoFromSerial(w.prevFrom),
        isoFromSerial(w.prevTo),
        isoFromSerial(w.curFrom),
        isoFromSerial(w.curTo),
        w.months !== undefined
      ),
      w.months === undefined
    );
  else add(L.notes.noGrowth, true);
  const p = model.profit;
  if (p) {
    add(L.notes.profit(formatPercent(s.aCut), formatPercent(s.bCut)));
    if (p.partial > 0) add(L.notes.profitPartial(p.partial), true);
    if (p.missing > 0) add(L.notes.profitMissing(p.missing), true);
    if (!p.pareto) add(L.notes.profitTotal(p.total), true);
  }
  const t = model.tiers;
  if (t) {
    const high = formatPercent(s.tier.highShare);
    const low = formatPercent(s.tier.lowShare);
    add(
      t.rule === "share"
        ? L.notes.tierShare(high, low)
        : L.notes.tierAbc(high, low, formatPercent(s.aCut), percentText(t.maxShare)),
      t.rule === "abc"
    );
    if (t.averageMargin !== null) add(L.notes.tierMargin(percentText(t.averageMargin)));
    else add(profitColumn ? L.notes.tierNoProfitFigures : L.notes.tierNoProfit, true);
    add(
      L.notes.tierRule(formatPercent(s.tier.shrinkingGrowth), formatPercent(s.tier.growingGrowth))
    );
  }
  if (model.clv) add(L.notes.clv(s.months, model.clv.customers, formatPercent(s.discount)));
  else if (model.clvProblem) add(L.notes.clvFailed(model.clvProblem), true);
  for (const w of model.clvWarnings) add(L.notes.clvWarning(w), true);
  if (liveWithoutAddresses) add(L.notes.liveNeedsAddresses, true);
  return notes;
}

/** 0.123 -> "12.3%"; -0.05 -> "-5.0%" (one decimal, no "-0.0%"). */
function percentText(x: number, signed = false): string {
  const r = Math.round(x * 1000) / 10;
  const sign = r > 0 ? (signed ? "+" : "") : r < 0 ? "-" : "";
  return `${sign}${Math.abs(r).toFixed(1)}%`;
}

/** The Tier basis cell: the criteria that gave the account its tier. */
function tierBasis(
  row: AccountRow,
  model: Model,
  s: Settings,
  L: AccountsReportText
): string | null {
  const t = row.tier;
  const rule = model.tiers;
  if (!t || !rule) return null;
  const B = L.basis;
  const parts: string[] = [];
  const byShare = rule.rule === "share" && t.contribution === "high";
  parts.push(
    B.share(
      percentText(t.share),
      byShare ? B.atLeast(formatPercent(s.tier.highShare)) : B.abcClass(t.abc)
    )
  );
  if (rule.averageMargin !== null)
    parts.push(
      t.margin === null
        ? B.marginUnknown
        : B.margin(
            percentText(t.margin),
            percentText(rule.averageMargin),
            t.profitability === "below"
          )
    );
  const g = row.growth;
  if (g?.status === "rate" && t.growth !== null)
    parts.push(
      B.growth(
        percentText(t.growth, true),
        t.potential === "shrinking"
          ? "shrinking"
          : t.potential === "growing"
            ? "growing"
            : undefined
      )
    );
  else if (g?.status === "new") parts.push(B.newAccount);
  else if (g?.status === "lapsed") parts.push(B.lapsed);
  else parts.push(B.growthUnknown);
  return parts.join(" · ");
}

/** "B$105": a cell with an absolute row. */
const rowAbs = (row: number, column: number) => `${columnLetters(column)}$${row + 1}`;

const formula = (text: string, value: number): FormulaCell => ({ formula: text, value });

type ColKey =
  | "customer"
  | "revenue"
  | "share"
  | "cumulative"
  | "abc"
  | "recency"
  | "frequency"
  | "monetary"
  | "r"
  | "f"
  | "m"
  | "rfm"
  | "segment"
  | "growth"
  | "profit"
  | "margin"
  | "profitClass"
  | "tier"
  | "basis"
  | "pAlive"
  | "expected"
  | "clv";

function layoutPortable(
  b: SheetBuilder,
  model: Model,
  s: Settings,
  L: AccountsReportText,
  options: BuildOptions,
  notes: Notes
): void {
  const lang = options.lang;
  const tierName = ACCOUNT_LABELS[lang].tiers;
  const h = L.h;
  const columns: [ColKey, ColumnSpec][] = [
    ["customer", { header: h.customer, total: { label: L.total }, width: 28 }],
    ["revenue", { header: h.revenue, format: "number", total: "sum", width: 14 }],
    ["share", { header: h.share, format: "percent", total: "sum" }],
    ["cumulative", { header: h.cumulative, format: "percent" }],
    ["abc", { header: h.abc }],
    ["recency", { header: h.recency, format: "integer" }],
    ["frequency", { header: h.frequency, format: "integer" }],
    ["monetary", { header: h.monetary, format: "number", total: "sum", width: 14 }],
    ["r", { header: h.r, format: "integer", width: 6 }],
    ["f", { header: h.f, format: "integer", width: 6 }],
    ["m", { header: h.m, format: "integer", width: 6 }],
    ["rfm", { header: h.rfm, width: 7 }],
    ["segment", { header: h.segment, width: 20 }],
    ["growth", { header: h.growth, format: "percent" }],
  ];
  const profit = model.profit;
  if (profit)
    columns.push(
      ["profit", { header: h.profit, format: "number", total: "sum", width: 14 }],
      ["margin", { header: h.margin, format: "percent" }],
      ["profitClass", { header: h.profitClass }]
    );
  if (model.tiers)
    columns.push(["tier", { header: h.tier }], ["basis", { header: h.basis, width: 56 }]);
  if (model.clv) {
    columns.push(
      ["pAlive", { header: h.pAlive, format: "percent" }],
      ["expected", { header: h.expected(s.months), format: "number", total: "sum" }],
      ["clv", { header: h.clv(s.months), format: "number", total: "sum", width: 14 }]
    );
  }
  const col = (k: ColKey) => columns.findIndex(([key]) => key === k);

  // Key figures refer to the table below: reserve their rows, fill them in once it is placed.
  b.section(L.keyFigures);
  const kvTop = b.row;
  const averageMargin = model.tiers?.averageMargin ?? null;
  const keyCount =
    5 +
    (profit ? 1 + (averageMargin !== null ? 1 : 0) + (profit.pareto ? 1 : 0) : 0) +
    (model.tiers ? 3 : 0) +
    (model.clv ? 1 : 0);
  b.row += keyCount + 1;

  b.section(L.accountsSection);
  const rows = model.rows;
  const table = b.table(
    "KAM_Accounts",
    columns.map(([, c]) => c),
    rows.map(() => []),
    {
      rowFormula: (p, r, i) => {
        const row = rows[i];
        const totalRow = p.totalsRow ?? r;
        const cells: CellContent[] = columns.map(() => null);
        const set = (k: ColKey, v: CellContent) => {
          const c = col(k);
          if (c >= 0) cells[c] = v;
        };
        set("customer", row.customer);
        set("revenue", row.total);
        set(
          "share",
          formula(`=${a1(r, col("revenue"))}/${rowAbs(totalRow, col("revenue"))}`, row.share)
        );
        set(
          "cumulative",
          formula(
            i === 0
              ? `=${a1(r, col("share"))}`
              : `=${a1(r - 1, col("cumulative"))}+${a1(r, col("share"))}`,
            row.cumulative
          )
        );
        set("abc", row.abc);
        const c = row.rfm;
        if (c) {
          set("recency", c.recency);
          set("frequency", c.frequency);
          set("monetary", c.monetary);
          set("r", c.r);
          set("f", c.f);
          set("m", c.m);
          set("rfm", c.code);
          set("segment", SEGMENT_NAMES[c.segment][lang]);
        }
        if (row.growth?.growth !== undefined && row.growth.growth !== null)
          set("growth", row.growth.growth);
        if (row.profit !== undefined) {
          set("profit", row.profit);
          const m = row.tier?.margin ?? null;
          if (m !== null)
            set(
              "margin",
              row.profitComplete
                ? formula(`=${a1(r, col("profit"))}/${a1(r, col("revenue"))}`, m)
                : m
            );
          if (row.profitClass) set("profitClass", row.profitClass);
        }
        if (row.tier) {
          set("tier", tierName[row.tier.tier]);
          set("basis", tierBasis(row, model, s, L));
        }
        if (row.clv) {
          set("pAlive", row.clv.pAlive);
          set("expected", row.clv.expectedPurchases);
          set("clv", row.clv.clv);
        }
        return cells;
      },
    }
  );
  b.freeze(table.firstRow, 1);
  const end = b.row;

  const revenueTotal = a1(table.totalsRow ?? 0, col("revenue"));
  const pairs: [string, CellContent, ("integer" | "number" | "percent")?][] = [
    [L.kCustomers, formula(`=COUNTA(${table.columnA1(col("customer"))})`, rows.length), "integer"],
    [L.kRevenue, formula(`=${revenueTotal}`, model.grand), "number"],
    [
      L.kTopShare(formatPercent(TOP_FRACTION), model.topCount),
      formula(
        `=SUM(${areaA1({ ...table.column(col("revenue")), rows: model.topCount })})/${revenueTotal}`,
        model.topShare
      ),
      "percent",
    ],
    [
      L.kAAccounts(formatPercent(s.aCut)),
      formula(`=COUNTIF(${table.columnA1(col("abc"))},"A")`, model.aCount),
      "integer",
    ],
    [
      L.kAShare,
      formula(
        `=SUMIF(${table.columnA1(col("abc"))},"A",${table.columnA1(col("revenue"))})/${revenueTotal}`,
        model.aShare
      ),
      "percent",
    ],
  ];
  if (profit) {
    const profitTotal = a1(table.totalsRow ?? 0, col("profit"));
    pairs.push([L.kProfit, formula(`=${profitTotal}`, profit.total), "number"]);
    // Σ profit ÷ Σ revenue is the weighted average when every account has its full profit.
    const exact = profit.partial === 0 && profit.missing === 0 && rows.every((r) => r.total > 0);
    if (averageMargin !== null)
      pairs.push([
        L.kMargin,
        exact ? formula(`=${profitTotal}/${revenueTotal}`, averageMargin) : averageMargin,
        "percent",
      ]);
    if (profit.pareto)
      pairs.push([
        L.kProfitA(formatPercent(s.aCut)),
        formula(`=COUNTIF(${table.columnA1(col("profitClass"))},"A")`, profit.pareto.aCount),
        "integer",
      ]);
  }
  if (model.tiers) {
    const tierKeys: [Tier, string][] = [
      ["core", L.kCore],
      ["key", L.kKey],
      ["ordinary", L.kOrdinary],
    ];
    for (const [tier, label] of tierKeys)
      pairs.push([
        label,
        formula(
          `=COUNTIF(${table.columnA1(col("tier"))},"${tierName[tier]}")`,
          rows.filter((r) => r.tier?.tier === tier).length
        ),
        "integer",
      ]);
  }
  if (model.clv) {
    pairs.push([
      L.kClv(s.months),
      formula(
        `=${a1(table.totalsRow ?? 0, col("clv"))}`,
        sum(rows.flatMap((r) => (r.clv ? [r.clv.clv] : [])))
      ),
      "number",
    ]);
  }
  if (pairs.length !== keyCount) throw new Error("accounts report: key figures miscounted");
  b.row = kvTop;
  b.keyValues(pairs);
  b.row = end;

  // Segment summary under the account table.
  const segs = segmentRows(
    rows.flatMap((r) => (r.rfm ? [{ segment: r.rfm.segment, revenue: r.total }] : [])),
    L
  );
  const segmentRange = table.columnA1(col("segment"), true);
  const revenueRange = table.columnA1(col("revenue"), true);
  const summary = segmentTable(b, segs.rows, L, lang, (criteria) => ({
    count: `COUNTIF(${segmentRange},${criteria})`,
    revenue: `SUMIF(${segmentRange},${criteria},${revenueRange})`,
  }));

  if (segs.problem) addNote(notes, segs.problem, true);
  b.section(L.notesSection);
  for (const note of notes.all) b.note(note);

  // Conditional formats over the account table.
  const dataArea = (k: ColKey, columns = 1): Area => ({ ...table.column(col(k)), columns });
  b.conditional({ kind: "dataBar", area: dataArea("revenue"), color: COLORS.bar });
  b.conditional({
    kind: "colorScale",
    area: dataArea("r", 3),
    min: COLORS.low,
    mid: COLORS.mid,
    max: COLORS.high,
  });
  b.conditional({
    kind: "textEquals",
    area: dataArea("abc"),
    text: "A",
    style: { fill: COLORS.goodFill, color: COLORS.goodText, bold: true },
  });
  b.width(0, Math.min(48, Math.max(28, ...pairs.map(([label]) => label.length + 2))));

  // Charts to the right of the account table.
  const shown = Math.min(CHART_CUSTOMERS, rows.length);
  const top = (k: ColKey): Area => ({ ...table.column(col(k)), rows: shown });
  accountCharts(
    b,
    L,
    {
      title: L.paretoChart(shown, rows.length),
      names: [h.revenue, h.cumulative],
      categories: top("customer"),
      revenue: top("revenue"),
      cumulative: top("cumulative"),
    },
    { row: table.area.row, column: columns.length + 1 },
    summary
  );
}

/** The segment summary table at the cursor: COUNTIF/SUMIF formulas built by `refs`. */
function segmentTable(
  b: SheetBuilder,
  rows: readonly SegmentRow[],
  L: AccountsReportText,
  lang: Lang,
  refs: (criteria: string) => { count: string; revenue: string }
): PlacedTable | undefined {
  if (rows.length === 0) return undefined;
  b.section(L.segmentsSection);
  return b.table(
    "KAM_Segments",
    [
      { header: L.sh.segment, total: { label: L.total }, width: 22 },
      { header: L.sh.customers, format: "integer", total: "sum" },
      { header: L.sh.revenue, format: "number", total: "sum", width: 14 },
      { header: L.sh.share, format: "percent", total: "sum" },
    ],
    rows.map(() => []),
    {
      rowFormula: (p, r, i) => {
        const seg = rows[i];
        const ref = refs(a1(r, 0));
        return [
          SEGMENT_NAMES[seg.id][lang],
          formula(`=${ref.count}`, seg.customers),
          formula(`=${ref.revenue}`, seg.revenue),
          seg.share === undefined
            ? null
            : formula(`=${a1(r, 2)}/${rowAbs(p.totalsRow ?? r, 2)}`, seg.share),
        ];
      },
    }
  );
}

/**
 * The charts beside the accounts, in both output modes: a Pareto chart of the top accounts (revenue
 * columns, cumulative share as a line on the secondary axis) at `at`, and with a segment summary a
 * chart of its customers and shares below it (not above the summary's own row).
 */
function accountCharts(
  b: SheetBuilder,
  L: AccountsReportText,
  pareto: {
    title: string;
    names: [string, string];
    categories: Area;
    revenue: Area;
    cumulative: Area;
  },
  at: { row: number; column: number },
  summary: PlacedTable | undefined
): void {
  b.chart({
    kind: "pareto",
    title: pareto.title,
    series: [
      {
        name: pareto.names[0],
        categories: pareto.categories,
        values: pareto.revenue,
        color: COLORS.bar,
      },
      {
        name: pareto.names[1],
        categories: pareto.categories,
        values: pareto.cumulative,
        secondaryAxis: true,
        kind: "line",
        color: COLORS.line,
      },
    ],
    anchor: { row: at.row, column: at.column, rows: 18, columns: 10 },
    yFormat: "number",
    legend: "bottom",
  });
  if (!summary) return;
  b.chart({
    kind: "column",
    title: L.segmentChart,
    series: [
      {
        name: L.sh.customers,
        categories: summary.column(0),
        values: summary.column(1),
        color: COLORS.bar,
      },
      {
        name: L.sh.share,
        categories: summary.column(0),
        values: summary.column(3),
        secondaryAxis: true,
        kind: "line",
        color: COLORS.line,
      },
    ],
    anchor: {
      row: Math.max(summary.area.row, at.row + 19),
      column: at.column,
      rows: 16,
      columns: 10,
    },
    yFormat: "integer",
    legend: "bottom",
  });
}

/**
 * Live mode: the account table is replaced by two spilling formulas side by side, KAM.RFM (columns
 * A–I, in order of first appearance) and KAM.PARETO (from column K, by revenue). The key figures and
 * the segment summary above them refer to the spills (A20#), so they follow the data too.
 */
function layoutLive(
  b: SheetBuilder,
  model: Model,
  s: Settings,
  L: AccountsReportText,
  options: BuildOptions & AccountsOptions,
  addr: { customer: string; date: string; amount: string },
  notes: Notes
): void {
  const lang = options.lang;
  const rfmHeaders = RESULT_LABELS[lang].rfmHeaders;
  const paretoHeaders = ACCOUNT_LABELS[lang].paretoHeaders;
  const segs = segmentRows(
    model.scored.map((c) => ({ segment: c.segment, revenue: c.monetary })),
    L
  );

  b.section(L.keyFigures);
  const kvTop = b.row;
  b.row += 5 + 1;
  const segTop = b.row;
  if (segs.rows.length > 0) b.row += 1 + 1 + segs.rows.length + 1 + 1;
  b.section(L.notesSection);
  if (segs.problem) addNote(notes, segs.problem, true);
  if (options.asOf !== undefined) {
    notes.all.unshift(L.notes.liveAsOf);
    notes.warnings.unshift(L.notes.liveAsOf);
  }
  notes.all.unshift(L.notes.live);
  for (const note of notes.all) b.note(note);
  b.row++;
  b.section(L.liveSection);
  const top = b.row;
  const paretoColumn = rfmHeaders.length + 1;
  const rfmFormula = `=${kamCall("RFM", {
    customers: addr.customer,
    dates: addr.date,
    amounts: addr.amount,
    as_of: dateArg(options.asOf),
    bins: numberArg(options.bins),
    headers: booleanArg(true),
  })}`;
  const cuts = options.paretoShare !== undefined || options.bShare !== undefined;
  const paretoFormula = `=${kamCall("PARETO", {
    customers: addr.customer,
    amounts: addr.amount,
    a_cut: cuts ? numberArg(s.aCut) : undefined,
    b_cut: cuts ? numberArg(s.bCut) : undefined,
    headers: booleanArg(true),
  })}`;
  b.put(top, 0, [[{ live: rfmFormula, value: rfmHeaders[0] }]]);
  b.put(top, paretoColumn, [[{ live: paretoFormula, value: paretoHeaders[0] }]]);
  const nRfm = model.scored.length;
  const nPareto = model.rows.length;
  const rfmRef = `${a1(top, 0, true)}#`;
  const paretoRef = `${a1(top, paretoColumn, true)}#`;
  const spill = (column: number, rows: number, columns = 1): Area => ({
    row: top + 1,
    column,
    rows,
    columns,
  });
  b.format({ row: top, column: 0, rows: 1, columns: rfmHeaders.length }, { bold: true });
  b.format({ row: top, column: paretoColumn, rows: 1, columns: 6 }, { bold: true });
  b.format(spill(3, nRfm), { numberFormat: "number" });
  b.format(spill(paretoColumn + 1, nPareto), { numberFormat: "number" });
  b.format(spill(paretoColumn + 2, nPareto, 2), { numberFormat: "percent" });
  b.conditional({ kind: "dataBar", area: spill(paretoColumn + 1, nPareto), color: COLORS.bar });
  b.conditional({
    kind: "colorScale",
    area: spill(4, nRfm, 3),
    min: COLORS.low,
    mid: COLORS.mid,
    max: COLORS.high,
  });
  b.conditional({
    kind: "textEquals",
    area: spill(paretoColumn + 5, nPareto),
    text: "A",
    style: { fill: COLORS.goodFill, color: COLORS.goodText, bold: true },
  });
  b.width(0, 28);
  b.width(paretoColumn, 28);
  b.width(8, 20);
  const end = top + Math.max(nRfm, nPareto) + 2;

  // The segment summary and key figures, above the spills, now that the anchors are known.
  b.row = segTop;
  const summary = segmentTable(b, segs.rows, L, lang, (criteria) => ({
    count: `COUNTIF(INDEX(${rfmRef},0,9),${criteria})`,
    revenue: `SUMIF(INDEX(${rfmRef},0,9),${criteria},INDEX(${rfmRef},0,4))`,
  }));
  b.row = kvTop;
  const revenueCell = a1(kvTop + 1, 1);
  const totalCol = `INDEX(${paretoRef},0,2)`;
  const classCol = `INDEX(${paretoRef},0,6)`;
  const count = `(ROWS(${paretoRef})-1)`;
  const pairs: [string, CellContent, ("integer" | "number" | "percent")?][] = [
    [L.kCustomers, formula(`=ROWS(${paretoRef})-1`, nPareto), "integer"],
    [L.kRevenue, formula(`=SUM(${totalCol})`, model.grand), "number"],
    [
      L.kTopShare(formatPercent(TOP_FRACTION), model.topCount),
      // The cumulative share (column 4) at the last of the top customers: INDEX only, which every
      // Excel has (TAKE is Microsoft 365 / Excel 2024 only; Excel 2021 has spills but not TAKE).
      formula(`=INDEX(${paretoRef},ROUNDUP(${TOP_FRACTION}*${count},0)+1,4)`, model.topShare),
      "percent",
    ],
    [
      L.kAAccounts(formatPercent(s.aCut)),
      formula(`=COUNTIF(${classCol},"A")`, model.aCount),
      "integer",
    ],
    [
      L.kAShare,
      formula(`=SUMIF(${classCol},"A",${totalCol})/${revenueCell}`, model.aShare),
      "percent",
    ],
  ];
  b.keyValues(pairs);
  b.width(0, Math.min(48, Math.max(28, ...pairs.map(([label]) => label.length + 2))));
  b.row = end;

  const shown = Math.min(CHART_CUSTOMERS, nPareto);
  accountCharts(
    b,
    L,
    {
      title: L.paretoChart(shown, nPareto),
      names: [paretoHeaders[1], paretoHeaders[3]],
      categories: spill(paretoColumn, shown),
      revenue: spill(paretoColumn + 1, shown),
      cumulative: spill(paretoColumn + 3, shown),
    },
    { row: top, column: paretoColumn + 7 },
    summary
  );
}
