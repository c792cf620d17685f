// The KPI report: per period (year, quarter or month) the active, new, returning, retained and lost
// customers, retention and churn, revenue and its growth, the key-account contribution, the market
// share and satisfaction (mean, CSAT, NPS), with key figures for the latest period and a chart. The
// numbers are src/engine/kpi/periods.ts's; this file labels and lays them out.

import { isoFromSerial, periodLabel } from "../engine/calendar";
import {
  DEFAULT_KEY_TIERS,
  KpiGrain,
  KpiPeriod,
  KpiPeriods,
  KpiPeriodsError,
  KpiRate,
  KpiWhy,
  keyAccountFlags,
  kpiPeriods,
} from "../engine/kpi/periods";
import { KPI_REPORT, KpiReportText } from "../i18n/report.kpi";
import { kamCall } from "./formulas";
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

export type { KpiGrain } from "../engine/kpi/periods";
export { DEFAULT_KEY_TIERS } from "../engine/kpi/periods";

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

const COLORS = {
  revenue: "#5B9BD5",
  retention: "#ED7D31",
  badText: "#C00000",
  goodText: "#00B050",
};

/** A period of the engine's result with its label ("2024", "2024-Q1", "2024-01"). */
interface PeriodRow extends KpiPeriod {
  label: string;
}

/** The engine's result with the periods labelled: what the layout presents. */
interface Model extends Omit<KpiPeriods, "periods"> {
  rows: PeriodRow[];
}

const fail = (message: string): never => {
  throw new Error(message);
};

const formula = (text: string, value: number): FormulaCell => ({ formula: text, value });

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

/** The dataset's columns to the engine (src/engine/kpi/periods.ts); its errors as the report's. */
function compute(data: Dataset, options: KpiOptions, L: KpiReportText): Model {
  const cust = data.text.customer;
  const dates = data.numbers.date;
  const amounts = data.numbers.amount;
  if (!cust) return fail(L.errors.noColumn(L.roles.customer));
  if (!dates) return fail(L.errors.noColumn(L.roles.date));
  if (!amounts) return fail(L.errors.noColumn(L.roles.amount));
  if (data.rows === 0) fail(L.errors.noRows);
  const tiers = data.text.tier;
  const result = kpiPeriods(
    {
      customers: cust,
      dates,
      amounts,
      isKey: tiers && keyAccountFlags(tiers, options.keyTiers ?? DEFAULT_KEY_TIERS),
      // Optional number roles arrive in Dataset.sparse (null for a blank cell); `numbers` is read too.
      scores: data.sparse?.satisfaction ?? data.numbers.satisfaction,
      marketSizes: data.sparse?.marketSize ?? data.numbers.marketSize,
    },
    { grain: options.grain, satisfactionThreshold: options.satisfactionThreshold }
  );
  if (!result.ok) return fail(errorText(result.error, data, L));
  const { periods, ...rest } = result.value;
  return {
    ...rest,
    rows: periods.map((p) => ({ ...p, label: periodLabel(p.start, rest.grain) })),
  };
}

/** The engine's error as the report's message (a row as the sheet's row number). */
function errorText(e: KpiPeriodsError, data: Dataset, L: KpiReportText): string {
  switch (e.kind) {
    case "noRows":
      return L.errors.noRows;
    case "lengths":
      return L.errors.lengths;
    case "notNumber":
      return L.errors.notNumber(data.sheetRows[e.index] ?? e.index + 1, L.roles[e.column]);
    case "noPurchases":
      return L.errors.noPurchases;
    case "badOption":
      return L.errors.option(e.option, e.option === "grain" ? "year, quarter, month" : "a number");
    case "tooManyPeriods":
      return L.errors.tooManyPeriods(e.count);
  }
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
  const missing = new Map<KpiWhy, Map<string, string[]>>();
  const explain = (what: string, why: KpiWhy, label: string) => {
    const byWhat = missing.get(why) ?? new Map<string, string[]>();
    missing.set(why, byWhat);
    byWhat.set(what, [...(byWhat.get(what) ?? []), label]);
  };
  const rateCell = (
    r: KpiRate | undefined,
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
        // KAM.RETENTION's and KAM.CHURN's inputs: the new customers include the returning ones.
        const counts = {
          customers_start: at(prev, "customers"),
          customers_end: at(r, "customers"),
          customers_new: `${at(r, "new")}+${at(r, "returning")}`,
        };
        set(
          "retention",
          rateCell(row.retention, h.retention, row.label, (v) =>
            live
              ? ({ live: `=${kamCall("RETENTION", counts)}`, value: v } as LiveCell)
              : formula(`=${at(r, "retained")}/${at(prev, "customers")}`, v)
          )
        );
        set(
          "churn",
          rateCell(row.churn, h.churn, row.label, (v) =>
            live
              ? ({ live: `=${kamCall("CHURN", counts)}`, value: v } as LiveCell)
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
  const ref = (k: ColKey, r: KpiRate | number | undefined, i: number): CellContent => {
    const value = typeof r === "number" ? r : r?.ok ? r.value : undefined;
    return value === undefined ? L.na : formula(`=${at(table.firstRow + i, k)}`, value);
  };
  type Figure = [string, ColKey, NumberFormat, (p: PeriodRow) => KpiRate | number | undefined];
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
    notes.push(warn(L.notes.partialLast(rows[last].label, isoFromSerial(model.lastDay))));
  if (model.partialFirst)
    notes.push(warn(L.notes.partialFirst(rows[0].label, isoFromSerial(model.firstDay))));
  notes.push(L.notes.method);
  if (model.hasTiers)
    notes.push(L.notes.keyTiers((options.keyTiers ?? DEFAULT_KEY_TIERS).join(", ")));
  if (model.hasSatisfaction) {
    if (model.threshold !== undefined)
      notes.push(L.notes.satisfaction(model.threshold, model.npsScale));
    else notes.push(warn(L.notes.noCsatScale));
  }
  if (model.marketDiffers.length > 0)
    notes.push(
      warn(L.notes.marketDiffers(model.marketDiffers.map((k) => rows[k].label).join(", ")))
    );
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
