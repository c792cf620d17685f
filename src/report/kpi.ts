// The KPI report: per period (year, quarter or month) the active, new, returning, retained and lost
// customers, retention and churn, revenue and its growth, the key-account contribution, the market
// share and satisfaction (mean, CSAT, NPS), with key figures for the latest period and a chart.

import { customerKey } from "../engine/accounts/rfm";
import {
  churn,
  csat,
  growth,
  kaContribution,
  nps,
  Outcome,
  retention,
  share,
} from "../engine/kpi/kpi";
import { sum } from "../engine/numeric";
import {
  addPeriods,
  isoFromSerial,
  periodEnd,
  periodIndex,
  periodLabel,
  periodStart,
} from "../engine/calendar";
import { KPI_REPORT, KpiReportText } from "../i18n/report.kpi";
import {
  BuildOptions,
  CellContent,
  FormulaCell,
  LiveCell,
  NumberFormat,
  ReportFigure,
  ReportSheet,
  a1,
} from "./model";
import { ticker } from "./progress";
import { Dataset } from "./roles";
import { ColumnSpec, SheetBuilder } from "./sheet";

export type KpiGrain = "year" | "quarter" | "month";

export interface KpiOptions {
  /** Period length. Default: year when the data cover at least 24 calendar months, else quarter. */
  grain?: KpiGrain;
  /** Tier texts that mean a key account (case and surrounding spaces ignored).
   *  Default: core, key, 核心, 重点, A. */
  keyTiers?: readonly string[];
  /** Lowest satisfied score for CSAT. Default: the top two answers of the scale (4 on 1–5, 6 on
   *  1–7, 9 on 0–10). */
  satisfactionThreshold?: number;
}

export const DEFAULT_KEY_TIERS: readonly string[] = ["core", "key", "核心", "重点", "A"];
/** Most periods a KPI table holds. */
const MAX_PERIODS = 600;

const COLORS = {
  revenue: "#5B9BD5",
  retention: "#ED7D31",
  badText: "#C00000",
  goodText: "#00B050",
};

type Why = keyof KpiReportText["why"];
type Rate = { ok: true; value: number } | { ok: false; why: Why };

interface PeriodRow {
  label: string;
  /** Excel serial of the period's first day. */
  start: number;
  customers: number;
  added: number;
  returning: number;
  retained?: number;
  lost?: number;
  retention: Rate;
  churn: Rate;
  revenue: number;
  growth: Rate;
  keyRevenue?: number;
  keyShare?: Rate;
  market?: number;
  marketShare?: Rate;
  satisfaction?: Rate;
  csat?: Rate;
  nps?: Rate;
}

interface Model {
  grain: KpiGrain;
  rows: PeriodRow[];
  transactions: number;
  customers: number;
  hasTiers: boolean;
  hasMarket: boolean;
  hasSatisfaction: boolean;
  threshold?: number;
  npsScale: boolean;
  marketDiffers: string[];
  /** The first and the last period when the data cover only part of them (more than a week
   *  missing at the start or the end), with the first and last date of the data. */
  partialFirst?: { label: string; from: string };
  partialLast?: { label: string; to: string };
}

/** Days a period may lack at its start or end before it counts as partial (a quiet last week). */
const PARTIAL_DAYS = 7;

const fail = (message: string): never => {
  throw new Error(message);
};

const formula = (text: string, value: number): FormulaCell => ({ formula: text, value });

/** An engine outcome as a rate, with the reason code the report explains. */
function rate(o: Outcome<number>, why: Why): Rate {
  return o.ok ? { ok: true, value: o.value } : { ok: false, why };
}

/** Builds the KPI report sheet from an order history (roles customer, date, amount; tier,
 *  satisfaction and marketSize optional). */
export async function buildKpiReport(
  data: Dataset,
  options: BuildOptions & KpiOptions
): Promise<ReportSheet> {
  const L = KPI_REPORT[options.lang];
  const tick = ticker(3, options);
  const model = compute(data, options, L);
  await tick(1);
  const source = options.source ?? data.source;
  const b = new SheetBuilder("kpi", L.sheetName, { ...options, source });
  b.title(
    L.title,
    L.subtitle(source, model.transactions, model.customers, model.rows.length, model.grain)
  );
  const warnings = layout(b, model, options, L);
  await tick(3);
  const sheet = b.build();
  const revenue: Record<string, ReportFigure> = {};
  for (const r of model.rows) revenue[isoFromSerial(r.start)] = r.revenue;
  sheet.figures = { grain: model.grain, customers: model.customers, revenue };
  sheet.warnings = warnings;
  return sheet;
}

function compute(data: Dataset, options: KpiOptions, L: KpiReportText): Model {
  const cust = data.text.customer;
  const dates = data.numbers.date;
  const amounts = data.numbers.amount;
  if (!cust) return fail(L.errors.noColumn(L.roles.customer));
  if (!dates) return fail(L.errors.noColumn(L.roles.date));
  if (!amounts) return fail(L.errors.noColumn(L.roles.amount));
  const n = cust.length;
  if (n === 0 || data.rows === 0) fail(L.errors.noRows);
  const tierCol = data.text.tier;
  // Optional number roles arrive in Dataset.sparse (null for a blank cell); `numbers` is read too.
  const scoreCol: readonly (number | null)[] | undefined =
    data.sparse?.satisfaction ?? data.numbers.satisfaction;
  const marketCol: readonly (number | null)[] | undefined =
    data.sparse?.marketSize ?? data.numbers.marketSize;
  for (const col of [dates, amounts, tierCol, scoreCol, marketCol])
    if (col && col.length !== n) fail(L.errors.lengths);
  const rowOf = (i: number) => data.sheetRows[i] ?? i + 1;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(dates[i])) fail(L.errors.notNumber(rowOf(i), L.roles.date));
    if (!Number.isFinite(amounts[i])) fail(L.errors.notNumber(rowOf(i), L.roles.amount));
  }
  if (!amounts.some((a) => a > 0)) fail(L.errors.noPurchases);
  const bad = (name: string, rule: string) => fail(L.errors.option(name, rule));
  if (options.grain !== undefined && !["year", "quarter", "month"].includes(options.grain))
    bad("grain", "year, quarter, month");
  const t = options.satisfactionThreshold;
  if (t !== undefined && !Number.isFinite(t)) bad("satisfactionThreshold", "a number");

  // Periods: from the first transaction's to the last one's.
  let first = Infinity;
  let last = -Infinity;
  for (const d of dates) {
    first = Math.min(first, Math.floor(d));
    last = Math.max(last, Math.floor(d));
  }
  const months = periodIndex(last, periodStart(first, "month"), "month") + 1;
  const grain: KpiGrain = options.grain ?? (months >= 24 ? "year" : "quarter");
  const start = periodStart(first, grain);
  const indexOf = (d: number) => periodIndex(d, start, grain);
  const count = indexOf(last) + 1;
  if (count > MAX_PERIODS) fail(L.errors.tooManyPeriods(count));
  const startOf = (k: number) => addPeriods(start, k, grain);
  const labelOf = (k: number) => periodLabel(startOf(k), grain);

  const keyTiers = new Set(
    (options.keyTiers ?? DEFAULT_KEY_TIERS).map((s) => s.normalize("NFKC").trim().toLowerCase())
  );
  const isKey = (i: number) =>
    tierCol !== undefined && keyTiers.has(tierCol[i].normalize("NFKC").trim().toLowerCase());

  const active = Array.from({ length: count }, () => new Set<string>());
  const money = Array.from({ length: count }, () => [] as number[]);
  const keyFlags = Array.from({ length: count }, () => [] as boolean[]);
  const scores = Array.from({ length: count }, () => [] as number[]);
  const markets = Array.from({ length: count }, () => [] as number[]);
  const firstPeriod = new Map<string, number>();
  const allKeys = new Set<string>();
  const allScores: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = indexOf(dates[i]);
    const key = customerKey(cust[i]);
    allKeys.add(key);
    money[k].push(amounts[i]);
    keyFlags[k].push(isKey(i));
    if (amounts[i] > 0) {
      active[k].add(key);
      const f = firstPeriod.get(key);
      if (f === undefined || k < f) firstPeriod.set(key, k);
    }
    const s = scoreCol?.[i];
    if (typeof s === "number" && Number.isFinite(s)) {
      scores[k].push(s);
      allScores.push(s);
    }
    const m = marketCol?.[i];
    if (typeof m === "number" && Number.isFinite(m)) markets[k].push(m);
  }

  // The satisfaction scale: CSAT's default threshold is the top two answers; NPS on 0–10.
  let low = Infinity;
  let high = -Infinity;
  for (const s of allScores) {
    low = Math.min(low, s);
    high = Math.max(high, s);
  }
  const whole = allScores.every(Number.isInteger);
  const threshold =
    t ??
    (!whole || low < 0 ? undefined : high <= 5 ? 4 : high <= 7 ? 6 : high <= 10 ? 9 : undefined);
  const npsScale = allScores.length > 0 && whole && low >= 0 && high <= 10 && high > 7;

  const marketDiffers: string[] = [];
  const rows: PeriodRow[] = [];
  for (let k = 0; k < count; k++) {
    const now = active[k];
    const before = k > 0 ? active[k - 1] : undefined;
    let added = 0;
    let returning = 0;
    let retained = 0;
    for (const key of now) {
      if (firstPeriod.get(key) === k) added++;
      else if (before?.has(key)) retained++;
      else returning++;
    }
    let lost = 0;
    if (before) for (const key of before) if (!now.has(key)) lost++;
    const revenue = sum(money[k]);
    const row: PeriodRow = {
      label: labelOf(k),
      start: startOf(k),
      customers: now.size,
      added,
      returning,
      retention: { ok: false, why: "first" },
      churn: { ok: false, why: "first" },
      revenue,
      growth: { ok: false, why: "first" },
    };
    if (before) {
      row.retained = retained;
      row.lost = lost;
      // KAM.RETENTION's inputs: customers at the start and the end, and those added in between.
      row.retention = rate(retention(before.size, now.size, added + returning), "noStart");
      row.churn = rate(churn(before.size, now.size, added + returning), "noStart");
      row.growth = rate(growth(revenue, rows[k - 1].revenue), "zeroPrevious");
    }
    if (tierCol) {
      row.keyRevenue = sum(money[k].filter((_, j) => keyFlags[k][j]));
      row.keyShare = rate(kaContribution(money[k], keyFlags[k]), "revenueNotPositive");
    }
    if (marketCol) {
      const sizes = markets[k].filter((m) => m > 0);
      if (sizes.length > 0) {
        row.market = Math.max(...sizes);
        if (sizes.some((m) => m !== row.market)) marketDiffers.push(row.label);
        row.marketShare = rate(share(revenue, row.market), "negativeRevenue");
      } else {
        row.marketShare = { ok: false, why: "noMarket" };
      }
    }
    if (scoreCol) {
      const s = scores[k];
      row.satisfaction =
        s.length > 0 ? { ok: true, value: sum(s) / s.length } : { ok: false, why: "noScores" };
      if (threshold !== undefined) row.csat = rate(csat(s, threshold), "noScores");
      if (npsScale) row.nps = rate(nps(s), "noScores");
    }
    rows.push(row);
  }
  const partialFirst =
    first - startOf(0) > PARTIAL_DAYS
      ? { label: labelOf(0), from: isoFromSerial(first) }
      : undefined;
  const partialLast =
    periodEnd(startOf(count - 1), grain) - last > PARTIAL_DAYS
      ? { label: labelOf(count - 1), to: isoFromSerial(last) }
      : undefined;
  return {
    grain,
    rows,
    partialFirst,
    partialLast,
    transactions: n,
    customers: allKeys.size,
    hasTiers: tierCol !== undefined,
    hasMarket: marketCol !== undefined,
    hasSatisfaction: scoreCol !== undefined,
    threshold,
    npsScale,
    marketDiffers,
  };
}

type ColKey =
  | "period"
  | "customers"
  | "new"
  | "returning"
  | "retained"
  | "lost"
  | "retention"
  | "churn"
  | "revenue"
  | "growth"
  | "keyRevenue"
  | "keyShare"
  | "market"
  | "marketShare"
  | "satisfaction"
  | "csat"
  | "nps";

/** Lays the sheet out; returns its warnings (the notes a reader must know). */
function layout(
  b: SheetBuilder,
  model: Model,
  options: BuildOptions & KpiOptions,
  L: KpiReportText
): string[] {
  const live = options.live === true;
  const h = L.h;
  const columns: [ColKey, ColumnSpec][] = [
    ["period", { header: h.period, total: { label: L.total }, width: 12 }],
    ["customers", { header: h.customers, format: "integer" }],
    ["new", { header: h.new, format: "integer", total: "sum" }],
    ["returning", { header: h.returning, format: "integer" }],
    ["retained", { header: h.retained, format: "integer" }],
    ["lost", { header: h.lost, format: "integer" }],
    ["retention", { header: h.retention, format: "percent" }],
    ["churn", { header: h.churn, format: "percent" }],
    ["revenue", { header: h.revenue, format: "number", total: "sum", width: 16 }],
    ["growth", { header: h.growth, format: "percent" }],
  ];
  if (model.hasTiers)
    columns.push(
      ["keyRevenue", { header: h.keyRevenue, format: "number", total: "sum", width: 18 }],
      ["keyShare", { header: h.keyShare, format: "percent" }]
    );
  if (model.hasMarket)
    columns.push(
      ["market", { header: h.market, format: "number", width: 16 }],
      ["marketShare", { header: h.marketShare, format: "percent" }]
    );
  if (model.hasSatisfaction) {
    columns.push(["satisfaction", { header: h.satisfaction, format: "number" }]);
    if (model.threshold !== undefined)
      columns.push(["csat", { header: h.csat(model.threshold), format: "percent" }]);
    if (model.npsScale) columns.push(["nps", { header: h.nps, format: "number" }]);
  }
  const col = (k: ColKey) => columns.findIndex(([key]) => key === k);
  const at = (r: number, k: ColKey) => a1(r, col(k));

  // Reasons a rate is empty, grouped for the notes: why → what → periods.
  const missing = new Map<Why, Map<string, string[]>>();
  const explain = (what: string, why: Why, label: string) => {
    const byWhat = missing.get(why) ?? new Map<string, string[]>();
    missing.set(why, byWhat);
    byWhat.set(what, [...(byWhat.get(what) ?? []), label]);
  };
  const rateCell = (
    r: Rate | undefined,
    what: string,
    label: string,
    cell: (v: number) => CellContent
  ) => {
    if (!r) return null;
    if (!r.ok) {
      explain(what, r.why, label);
      return null;
    }
    return cell(r.value);
  };

  const rows = model.rows;
  const last = rows.length - 1;
  const hasPrevious = rows.length > 1;
  b.section(L.keyFigures(rows[last].label, hasPrevious ? rows[last - 1].label : ""));
  const kvTop = b.row;
  // The header row, six figures and the optional ones.
  const keyCount =
    7 +
    (model.hasTiers ? 1 : 0) +
    (model.hasMarket ? 1 : 0) +
    (model.hasSatisfaction
      ? 1 + (model.threshold !== undefined ? 1 : 0) + (model.npsScale ? 1 : 0)
      : 0);
  b.row += keyCount + 1;

  b.section(L.tableSection(model.grain));
  const table = b.table(
    "KAM_KPIs",
    columns.map(([, c]) => c),
    rows.map(() => []),
    {
      rowFormula: (_, r, i) => {
        const row = rows[i];
        const cells: CellContent[] = columns.map(() => null);
        const set = (k: ColKey, v: CellContent) => {
          if (col(k) >= 0) cells[col(k)] = v;
        };
        const prev = r - 1;
        set("period", row.label);
        set("customers", row.customers);
        set("new", row.added);
        set("returning", row.returning);
        set("retained", row.retained ?? null);
        set("lost", row.lost ?? null);
        const counts = `${at(prev, "customers")},${at(r, "customers")},${at(r, "new")}+${at(r, "returning")}`;
        set(
          "retention",
          rateCell(row.retention, h.retention, row.label, (v) =>
            live
              ? ({ live: `=KAM.RETENTION(${counts})`, value: v } as LiveCell)
              : formula(`=${at(r, "retained")}/${at(prev, "customers")}`, v)
          )
        );
        set(
          "churn",
          rateCell(row.churn, h.churn, row.label, (v) =>
            live
              ? ({ live: `=KAM.CHURN(${counts})`, value: v } as LiveCell)
              : formula(`=${at(r, "lost")}/${at(prev, "customers")}`, v)
          )
        );
        set("revenue", row.revenue);
        set(
          "growth",
          rateCell(row.growth, h.growth, row.label, (v) =>
            formula(`=(${at(r, "revenue")}-${at(prev, "revenue")})/ABS(${at(prev, "revenue")})`, v)
          )
        );
        if (row.keyRevenue !== undefined) set("keyRevenue", row.keyRevenue);
        set(
          "keyShare",
          rateCell(row.keyShare, h.keyShare, row.label, (v) =>
            formula(`=${at(r, "keyRevenue")}/${at(r, "revenue")}`, v)
          )
        );
        if (row.market !== undefined) set("market", row.market);
        set(
          "marketShare",
          rateCell(row.marketShare, h.marketShare, row.label, (v) =>
            formula(`=${at(r, "revenue")}/${at(r, "market")}`, v)
          )
        );
        set(
          "satisfaction",
          rateCell(row.satisfaction, h.satisfaction, row.label, (v) => v)
        );
        if (model.threshold !== undefined)
          set(
            "csat",
            rateCell(row.csat, h.csat(model.threshold), row.label, (v) => v)
          );
        set(
          "nps",
          rateCell(row.nps, h.nps, row.label, (v) => v)
        );
        return cells;
      },
    }
  );
  const end = b.row;

  // Key figures: the latest period against the one before, each a reference to its table cell.
  const row = rows[last];
  const before = hasPrevious ? rows[last - 1] : undefined;
  const ref = (k: ColKey, r: Rate | number | undefined, i: number): CellContent => {
    const value = typeof r === "number" ? r : r?.ok ? r.value : undefined;
    return value === undefined ? L.na : formula(`=${at(table.firstRow + i, k)}`, value);
  };
  type Figure = [string, ColKey, NumberFormat, (p: PeriodRow) => Rate | number | undefined];
  const figures: Figure[] = [
    [L.kRevenue, "revenue", "number", (p) => p.revenue],
    [L.kGrowth, "growth", "percent", (p) => p.growth],
    [L.kCustomers, "customers", "integer", (p) => p.customers],
    [L.kNew, "new", "integer", (p) => p.added],
    [L.kRetention, "retention", "percent", (p) => p.retention],
    [L.kChurn, "churn", "percent", (p) => p.churn],
  ];
  if (model.hasTiers) figures.push([L.kKeyShare, "keyShare", "percent", (p) => p.keyShare]);
  if (model.hasMarket)
    figures.push([L.kMarketShare, "marketShare", "percent", (p) => p.marketShare]);
  if (model.hasSatisfaction) {
    figures.push([L.kSatisfaction, "satisfaction", "number", (p) => p.satisfaction]);
    if (model.threshold !== undefined) figures.push([L.kCsat, "csat", "percent", (p) => p.csat]);
    if (model.npsScale) figures.push([L.kNps, "nps", "number", (p) => p.nps]);
  }
  const head: CellContent[] = [L.kPeriod, row.label, ...(before ? [before.label] : [])];
  b.put(kvTop, 0, [
    head,
    ...figures.map(([label, k, , get]) => [
      label,
      ref(k, get(row), last),
      ...(before ? [ref(k, get(before), last - 1)] : []),
    ]),
  ]);
  b.format({ row: kvTop, column: 0, rows: 1, columns: head.length }, { bold: true });
  b.format({ row: kvTop + 1, column: 0, rows: figures.length, columns: 1 }, { bold: true });
  figures.forEach(([, , format], i) =>
    b.format(
      { row: kvTop + 1 + i, column: 1, rows: 1, columns: head.length - 1 },
      { numberFormat: format }
    )
  );
  b.row = end;
  b.width(0, Math.min(40, Math.max(24, ...figures.map(([l]) => l.length + 2))));

  // Notes; the warnings among them also go to ReportSheet.warnings (kam report --json).
  const notes: string[] = [];
  const warnings: string[] = [];
  const warn = (text: string) => {
    warnings.push(text);
    return text;
  };
  if (live) notes.push(L.notes.live);
  if (model.partialLast)
    notes.push(warn(L.notes.partialLast(model.partialLast.label, model.partialLast.to)));
  if (model.partialFirst)
    notes.push(warn(L.notes.partialFirst(model.partialFirst.label, model.partialFirst.from)));
  notes.push(L.notes.method);
  if (model.hasTiers)
    notes.push(L.notes.keyTiers((options.keyTiers ?? DEFAULT_KEY_TIERS).join(", ")));
  if (model.hasSatisfaction) {
    if (model.threshold !== undefined)
      notes.push(L.notes.satisfaction(model.threshold, model.npsScale));
    else notes.push(warn(L.notes.noCsatScale));
  }
  if (model.marketDiffers.length > 0)
    notes.push(warn(L.notes.marketDiffers(model.marketDiffers.join(", "))));
  // One note per reason and set of periods, naming every rate it empties.
  for (const [why, byWhat] of missing) {
    const byPeriods = new Map<string, string[]>();
    for (const [what, labels] of byWhat) {
      const key = labels.join(", ");
      byPeriods.set(key, [...(byPeriods.get(key) ?? []), what]);
    }
    for (const [periods, whats] of byPeriods) {
      const text = L.notes.notComputed(L.list(whats), periods, L.why[why]);
      // The first period has no previous one by definition: not a warning.
      notes.push(why === "first" ? text : warn(text));
    }
  }
  b.section(L.notesSection);
  for (const note of notes) b.note(note);

  // Conditional formats on growth, and the revenue/retention chart beside the table.
  const growthArea = table.column(col("growth"));
  b.conditional({
    kind: "cellValue",
    area: growthArea,
    operator: "lessThan",
    values: ["0"],
    style: { color: COLORS.badText, bold: true },
  });
  b.conditional({
    kind: "cellValue",
    area: growthArea,
    operator: "greaterThan",
    values: ["0"],
    style: { color: COLORS.goodText },
  });
  b.chart({
    kind: "line",
    title: L.chart,
    series: [
      {
        name: h.revenue,
        categories: table.column(col("period")),
        values: table.column(col("revenue")),
        color: COLORS.revenue,
      },
      ...(hasPrevious
        ? [
            {
              name: h.retention,
              categories: table.column(col("period")),
              values: table.column(col("retention")),
              secondaryAxis: true,
              color: COLORS.retention,
            },
          ]
        : []),
    ],
    anchor: { row: table.area.row, column: columns.length + 1, rows: 16, columns: 10 },
    yFormat: "number",
    legend: "bottom",
  });
  return warnings;
}
