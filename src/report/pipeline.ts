// The Pipeline report: the weighted funnel by stage, the pipeline by period of close date against the
// target (KAM.PIPELINE_FORECAST's rows with gap and coverage), the overdue open deals, and charts.

import { sum } from "../engine/numeric";
import { pipelineCoverage } from "../engine/pipeline/coverage";
import { pipelineForecast, PipelineForecast } from "../engine/pipeline/forecast";
import {
  CATEGORY_NAMES,
  categoryOfProbability,
  classifyStage,
  customStageTable,
  DEFAULT_STAGE_TABLE,
  ForecastCategory,
  formatPercent,
  Stage,
  StageTable,
  weightedAmounts,
} from "../engine/pipeline/funnel";
import { Grain, periodLabel } from "../engine/pipeline/periods";
import { gapToTarget } from "../engine/plan/gap";
import { pareto } from "../engine/accounts/pareto";
import { isoFromSerial } from "../grid/dates";
import { PIPELINE_REPORT, PipelineReportText } from "../i18n/report.pipeline";
import { PLAN_LABELS } from "../i18n/results.plan";
import {
  Area,
  BuildOptions,
  CellContent,
  FormulaCell,
  NumberFormat,
  ReportSheet,
  a1,
  areaA1,
  columnLetters,
} from "./model";
import { ticker } from "./progress";
import { Dataset } from "./roles";
import { ColumnSpec, PlacedTable, SheetBuilder, userText } from "./sheet";

/** A stage of a company's own stage table: name, probability (0..1 or "50%"), forecast category. */
export interface StageEntry {
  name: string;
  probability: number | string;
  category?: string | null;
}

export interface PipelineOptions {
  /** Any day of the first period (Excel serial). Default: asOf, else the engine's rule (the period of
   *  the earliest open close date). */
  start?: number;
  /** Number of periods, 1..600. Default 12. */
  periods?: number;
  /** Default "month". */
  grain?: Grain;
  /** One target for every period, or one per period. */
  targets?: number | readonly number[];
  /** The company's own stages, replacing the defaults. */
  stageTable?: StageTable | readonly StageEntry[];
  /** The date open deals are overdue on (Excel serial). Default: the first day of the first period. */
  asOf?: number;
}

/** CRM exports list lost deals: the report's default stages add Lost (0%, left out of forecasts). */
const LOST: Stage = {
  name: "Lost",
  aliases: ["输单", "丢单", "Closed lost"],
  probability: 0,
  category: "omitted",
};
const REPORT_STAGE_TABLE = new StageTable([...DEFAULT_STAGE_TABLE.stages, LOST]);

const OPEN: ReadonlySet<ForecastCategory> = new Set(["pipeline", "bestCase", "commit"]);

const COLORS = {
  bar: "#5B9BD5",
  line: "#ED7D31",
  won: "#70AD47",
  badFill: "#FFC7CE",
  badText: "#9C0006",
  warnFill: "#FFEB9C",
  warnText: "#9C5700",
};

interface StageGroup {
  label: string;
  probability: number;
  category: ForecastCategory;
  deals: number[];
  amount: number;
  weighted: number;
  share?: number;
}

interface OverdueDeal {
  index: number;
  close: number;
  days: number;
}

interface Model {
  amounts: number[];
  stages: string[];
  closes: number[];
  probabilities: number[];
  categories: ForecastCategory[];
  groups: StageGroup[];
  tableStages: number;
  forecast: PipelineForecast;
  grain: Grain;
  periods: number;
  targets?: number[];
  overdueAsOf: number;
  overdue: OverdueDeal[];
  open: number[];
  stageTableGiven: boolean;
}

const fail = (message: string): never => {
  throw new Error(message);
};

const formula = (text: string, value: number): FormulaCell => ({ formula: text, value });
const rowAbs = (row: number, column: number) => `${columnLetters(column)}$${row + 1}`;

/** Builds the Pipeline report sheet from an opportunity list (roles amount, stage, closeDate). */
export async function buildPipelineReport(
  data: Dataset,
  options: BuildOptions & PipelineOptions
): Promise<ReportSheet> {
  const L = PIPELINE_REPORT[options.lang];
  const tick = ticker(4, options);
  const model = compute(data, options, options.lang, L);
  await tick(1);
  const live =
    options.live === true &&
    data.addresses.amount !== undefined &&
    data.addresses.stage !== undefined &&
    data.addresses.closeDate !== undefined;
  const source = options.source ?? data.source;
  const b = new SheetBuilder("pipeline", L.sheetName, { ...options, source, live });
  const f = model.forecast;
  b.title(
    L.title,
    L.subtitle(
      source,
      model.amounts.length,
      model.open.length,
      model.periods,
      model.grain,
      periodLabel(f.start, model.grain)
    )
  );
  layout(b, model, data, options, L, live);
  await tick(4);
  return b.build();
}

function compute(
  data: Dataset,
  options: PipelineOptions,
  lang: "en" | "zh",
  L: PipelineReportText
): Model {
  const amounts = data.numbers.amount;
  const stages = data.text.stage;
  const closes = data.numbers.closeDate;
  if (!amounts) return fail(L.errors.noColumn(L.roles.amount));
  if (!stages) return fail(L.errors.noColumn(L.roles.stage));
  if (!closes) return fail(L.errors.noColumn(L.roles.closeDate));
  if (amounts.length === 0 || data.rows === 0) fail(L.errors.noRows);
  if (stages.length !== amounts.length || closes.length !== amounts.length) fail(L.errors.lengths);
  for (const role of ["opportunity", "customer", "owner"] as const) {
    const col = data.text[role];
    if (col && col.length !== amounts.length) fail(L.errors.lengths);
  }
  const bad = (name: string, rule: string) => fail(L.errors.option(name, rule));
  const periods = options.periods ?? 12;
  if (!(Number.isInteger(periods) && periods >= 1 && periods <= 600)) bad("periods", "1–600");
  const grain = options.grain ?? "month";
  if (!["month", "quarter", "week"].includes(grain)) bad("grain", "month, quarter, week");
  for (const [name, v] of [
    ["start", options.start],
    ["asOf", options.asOf],
  ] as const) {
    if (v !== undefined && !Number.isFinite(v)) bad(name, "a date");
  }
  const rowOf = (i: number) => data.sheetRows[i] ?? i + 1;
  for (let i = 0; i < amounts.length; i++) {
    if (!Number.isFinite(amounts[i])) fail(L.errors.notNumber(rowOf(i), L.roles.amount));
    if (!Number.isFinite(closes[i])) fail(L.errors.notNumber(rowOf(i), L.roles.closeDate));
  }

  let table = REPORT_STAGE_TABLE;
  const given = options.stageTable;
  if (given instanceof StageTable) table = given;
  else if (given !== undefined) {
    const built = customStageTable(given);
    if (!built.ok) return fail(L.errors.stageTable(built.index + 1, built.reason));
    table = built.table;
  }

  let targets: number[] | undefined;
  if (options.targets !== undefined) {
    const t = options.targets;
    targets = typeof t === "number" ? new Array<number>(periods).fill(t) : [...t];
    if (targets.length !== periods) fail(L.errors.targets(targets.length, periods));
    for (const v of targets) if (!(Number.isFinite(v) && v >= 0)) fail(L.errors.target(v));
  }

  // Stage groups: the table's stages (omitted ones last), then stages written as probabilities.
  const ordered = [
    ...table.stages.filter((s) => (s.category ?? "") !== "omitted"),
    ...table.stages.filter((s) => (s.category ?? "") === "omitted"),
  ];
  const stageIndex = new Map<Stage, number>();
  const groups: StageGroup[] = ordered.map((s, k) => {
    stageIndex.set(s, k);
    return {
      label: stageLabel(s, lang),
      probability: s.probability,
      category: s.category ?? categoryOfProbability(s.probability),
      deals: [],
      amount: 0,
      weighted: 0,
    };
  });
  const byProbability = new Map<number, StageGroup>();
  const probabilities: number[] = [];
  const categories: ForecastCategory[] = [];
  stages.forEach((stage, i) => {
    const res = classifyStage(stage, table);
    if (!res.ok) return fail(L.errors.stage(rowOf(i), stage, table.describe()));
    probabilities.push(res.probability);
    categories.push(res.category);
    const named = table.find(stage);
    let group = named ? groups[stageIndex.get(named) ?? -1] : undefined;
    if (!group) {
      group = byProbability.get(res.probability);
      if (!group) {
        group = {
          label: formatPercent(res.probability),
          probability: res.probability,
          category: res.category,
          deals: [],
          amount: 0,
          weighted: 0,
        };
        byProbability.set(res.probability, group);
      }
    }
    group.deals.push(i);
  });
  const extra = [...byProbability.values()].sort((p, q) => p.probability - q.probability);
  const all = [...groups, ...extra];
  for (const g of all) {
    const a = g.deals.map((i) => amounts[i]);
    g.amount = sum(a);
    g.weighted = sum(
      weightedAmounts(
        a,
        g.deals.map((i) => probabilities[i])
      )
    );
  }
  const shares = pareto(
    all.map((_, k) => String(k)),
    all.map((g) => g.weighted)
  );
  if (shares.ok) for (const r of shares.value) all[Number(r.customer)].share = r.share;

  const forecast = pipelineForecast(amounts, probabilities, categories, closes, {
    start: options.start ?? options.asOf,
    periods,
    grain,
  });
  const overdueAsOf = Math.floor(options.asOf ?? forecast.start);
  const open: number[] = [];
  const overdue: OverdueDeal[] = [];
  categories.forEach((c, i) => {
    if (!OPEN.has(c)) return;
    open.push(i);
    const close = Math.floor(closes[i]);
    if (close < overdueAsOf) overdue.push({ index: i, close, days: overdueAsOf - close });
  });
  overdue.sort(
    (p, q) => q.days - p.days || amounts[q.index] - amounts[p.index] || p.index - q.index
  );

  return {
    amounts,
    stages,
    closes,
    probabilities,
    categories,
    groups: all,
    tableStages: groups.length,
    forecast,
    grain,
    periods,
    targets,
    overdueAsOf,
    overdue,
    open,
    // The live formula needs the stage rows when the table is the user's or a Lost stage is used
    // (KAM.PIPELINE_FORECAST's own default table has no Lost stage).
    stageTableGiven:
      given !== undefined || stages.some((s) => typeof s === "string" && table.find(s) === LOST),
  };
}

/** A stage's name as the report shows it: the zh-CN name of a default stage in Chinese. */
function stageLabel(s: Stage, lang: "en" | "zh"): string {
  return lang === "zh" && s.aliases.length > 0 ? s.aliases[0] : s.name;
}

function layout(
  b: SheetBuilder,
  model: Model,
  data: Dataset,
  options: BuildOptions & PipelineOptions,
  L: PipelineReportText,
  live: boolean
): void {
  const lang = options.lang;
  const P = PLAN_LABELS[lang];
  const f = model.forecast;
  const hasTargets = model.targets !== undefined;
  const notes: string[] = [L.notes.method];
  if (live) notes.unshift(L.notes.live);
  if (options.live === true && !live) notes.push(L.notes.liveNeedsAddresses);
  if (model.open.length === 0) notes.push(L.notes.noOpen);
  if (f.omitted > 0) notes.push(L.notes.omitted(f.omitted));
  if (f.wonBefore > 0) notes.push(L.notes.wonBefore(f.wonBefore, isoFromSerial(f.start)));
  if (model.groups.some((g) => g.share === undefined)) notes.push(L.notes.noWeighted);

  // Key figures refer to the tables below: reserve their rows.
  b.section(L.keyFigures);
  const kvTop = b.row;
  const keyCount = 8 + (hasTargets ? 2 : 0);
  /** The "Overdue as of" key figure (the sixth), which the days-overdue formulas subtract from. */
  const asOfCell = a1(kvTop + 5, 1, true);
  b.row += keyCount + 1;

  // 1. The weighted funnel by stage.
  b.section(L.funnelSection);
  const groups = model.groups;
  const funnel = b.table(
    "KAM_Funnel",
    [
      { header: L.fh.stage, total: { label: L.total }, width: 18 },
      { header: L.fh.probability, format: "percent" },
      { header: L.fh.category, width: 16 },
      { header: L.fh.deals, format: "integer", total: "sum" },
      { header: L.fh.amount, format: "number", total: "sum", width: 16 },
      { header: L.fh.weighted, format: "number", total: "sum", width: 16 },
      { header: L.fh.share, format: "percent", total: "sum" },
    ],
    groups.map(() => []),
    {
      rowFormula: (p, r, i) => {
        const g = groups[i];
        return [
          g.label,
          g.probability,
          CATEGORY_NAMES[g.category][lang],
          g.deals.length,
          g.amount,
          formula(`=${a1(r, 4)}*${a1(r, 1)}`, g.weighted),
          g.share === undefined
            ? null
            : formula(`=${a1(r, 5)}/${rowAbs(p.totalsRow ?? r, 5)}`, g.share),
        ];
      },
    }
  );

  // 2. The pipeline by period (the engine's rows; its Total row is the SUM row under the table).
  b.section(L.periodSection(model.grain));
  const rows = f.rows.filter((r) => r.kind !== "total");
  const label = (r: (typeof rows)[number]) =>
    r.kind === "overdue"
      ? P.overdue
      : r.kind === "later"
        ? P.later
        : periodLabel(r.start ?? f.start, model.grain);
  const targetOf = (k: number) =>
    k >= 1 && k <= model.periods ? model.targets?.[k - 1] : undefined;
  const zeroTargets: string[] = [];
  const extraCells = (r: number, k: number): CellContent[] => {
    const target = targetOf(k);
    if (target === undefined) return [null, null, null];
    if (!(target > 0)) {
      zeroTargets.push(label(rows[k]));
      return [target, null, null];
    }
    const row = rows[k];
    return [
      target,
      formula(`=${a1(r, 7)}-${a1(r, 3)}`, gapToTarget(target, row.weighted).gap),
      formula(`=${a1(r, 2)}/${a1(r, 7)}`, pipelineCoverage(row.total, target).coverage),
    ];
  };
  const periodColumns: ColumnSpec[] = [
    { header: L.ph.period, total: { label: P.total }, width: 12 },
    { header: L.ph.deals, format: "integer", total: "sum" },
    { header: L.ph.total, format: "number", total: "sum", width: 16 },
    { header: L.ph.weighted, format: "number", total: "sum", width: 16 },
    { header: L.ph.closed, format: "number", total: "sum", width: 14 },
    { header: L.ph.commit, format: "number", total: "sum", width: 14 },
    { header: L.ph.bestCase, format: "number", total: "sum", width: 14 },
  ];
  if (hasTargets) {
    periodColumns.push(
      { header: L.ph.target, format: "number", total: "sum", width: 14 },
      { header: L.ph.gap, format: "number", total: "sum", width: 16 },
      { header: L.ph.coverage, format: "percent", width: 16 }
    );
  }
  const figures = (r: (typeof rows)[number]): CellContent[] => [
    r.count,
    r.total,
    r.weighted,
    r.closed,
    r.commit,
    r.bestCase,
  ];
  let period: PeriodPlacement;
  if (live) {
    period = livePeriods(b, model, data, options, funnel, rows, periodColumns, extraCells);
  } else {
    const placed = b.table(
      "KAM_PipelineByPeriod",
      periodColumns,
      rows.map(() => []),
      {
        rowFormula: (_, r, k) => [
          label(rows[k]),
          ...figures(rows[k]),
          ...(hasTargets ? extraCells(r, k) : []),
        ],
      }
    );
    period = {
      firstRow: placed.firstRow,
      totalsRow: placed.totalsRow ?? placed.firstRow + rows.length,
      top: placed.area.row,
      column: (i) => placed.column(i),
    };
  }
  if (zeroTargets.length > 0) notes.push(L.notes.targetZero(zeroTargets.join(", ")));

  // 3. Overdue deals.
  const overdueText = isoFromSerial(model.overdueAsOf);
  let overdue: PlacedTable | undefined;
  let overdueAmountColumn = 0;
  if (model.overdue.length === 0) {
    notes.push(L.notes.noOverdue(overdueText));
  } else {
    b.section(L.overdueSection(overdueText));
    const text = data.text;
    const cols: {
      header: string;
      spec: ColumnSpec;
      cell: (d: OverdueDeal, r: number) => CellContent;
    }[] = [];
    const textColumn = (role: "opportunity" | "customer" | "owner", header: string) => {
      const values = text[role];
      if (values)
        cols.push({ header, spec: { header, width: 22 }, cell: (d) => userText(values[d.index]) });
    };
    textColumn("opportunity", L.oh.opportunity);
    textColumn("customer", L.oh.customer);
    textColumn("owner", L.oh.owner);
    cols.push({
      header: L.oh.stage,
      spec: { header: L.oh.stage, width: 16 },
      cell: (d) => userText(model.stages[d.index]),
    });
    overdueAmountColumn = cols.length;
    cols.push({
      header: L.oh.amount,
      spec: { header: L.oh.amount, format: "number", total: "sum", width: 16 },
      cell: (d) => model.amounts[d.index],
    });
    const closeColumn = cols.length;
    cols.push({
      header: L.oh.closeDate,
      spec: { header: L.oh.closeDate, format: "date", width: 12 },
      cell: (d) => d.close,
    });
    cols.push({
      header: L.oh.days,
      spec: { header: L.oh.days, format: "integer" },
      cell: (d, r) => formula(`=${asOfCell}-${a1(r, closeColumn)}`, d.days),
    });
    if (!text.opportunity)
      cols.push({
        header: L.oh.row,
        spec: { header: L.oh.row, format: "integer" },
        cell: (d) => data.sheetRows[d.index] ?? d.index + 1,
      });
    cols[0].spec = { ...cols[0].spec, total: { label: L.total } };
    const deals = model.overdue;
    overdue = b.table(
      "KAM_Overdue",
      cols.map((c) => c.spec),
      deals.map(() => []),
      { rowFormula: (_, r, i) => cols.map((c) => c.cell(deals[i], r)) }
    );
    const daysArea = overdue.column(cols.length - (text.opportunity ? 1 : 2));
    b.conditional({
      kind: "cellValue",
      area: daysArea,
      operator: "greaterThan",
      values: ["30"],
      style: { fill: COLORS.badFill, color: COLORS.badText, bold: true },
    });
    b.conditional({
      kind: "cellValue",
      area: daysArea,
      operator: "between",
      values: ["1", "30"],
      style: { fill: COLORS.warnFill, color: COLORS.warnText },
    });
  }

  b.section(L.notesSection);
  for (const note of notes) b.note(note);
  const end = b.row;

  // Key figures, now that the tables are placed.
  const fr = funnel.firstRow;
  const catRange = areaA1({ row: fr, column: 2, rows: groups.length, columns: 1 });
  const colRange = (c: number) => areaA1({ row: fr, column: c, rows: groups.length, columns: 1 });
  const cat = (c: ForecastCategory) => `"${CATEGORY_NAMES[c][lang]}"`;
  const sumIf = (c: ForecastCategory, column: number) =>
    `SUMIF(${catRange},${cat(c)},${colRange(column)})`;
  const openSum = (column: number) =>
    (["pipeline", "bestCase", "commit"] as const).map((c) => sumIf(c, column)).join("+");
  const openAmounts = model.open.map((i) => model.amounts[i]);
  const inCategory = (c: ForecastCategory) =>
    model.categories.flatMap((k, i) => (k === c ? [model.amounts[i]] : []));
  const pairs: [string, CellContent, NumberFormat?][] = [
    [L.kOpen, formula(`=${openSum(4)}`, sum(openAmounts)), "number"],
    [
      L.kWeighted,
      formula(
        `=${openSum(5)}`,
        sum(
          weightedAmounts(
            openAmounts,
            model.open.map((i) => model.probabilities[i])
          )
        )
      ),
      "number",
    ],
    [L.kCommit, formula(`=${sumIf("commit", 4)}`, sum(inCategory("commit"))), "number"],
    [L.kWon, formula(`=${sumIf("closed", 4)}`, sum(inCategory("closed"))), "number"],
    [L.kOpenDeals, formula(`=${openSum(3)}`, model.open.length), "integer"],
    [L.kOverdueAsOf, model.overdueAsOf, "date"],
    [
      L.kOverdueDeals,
      overdue
        ? formula(`=COUNT(${overdue.columnA1(overdueAmountColumn)})`, model.overdue.length)
        : 0,
      "integer",
    ],
    [
      L.kOverdueAmount,
      overdue
        ? formula(
            `=SUM(${overdue.columnA1(overdueAmountColumn)})`,
            sum(model.overdue.map((d) => model.amounts[d.index]))
          )
        : 0,
      "number",
    ],
  ];
  if (hasTargets) {
    const targetTotal = sum(model.targets ?? []);
    pairs.push([L.kTarget, formula(`=${a1(period.totalsRow, 7)}`, targetTotal), "number"]);
    const due = rows.slice(0, model.periods + 1).map((r) => r.total);
    const lastLabel = label(rows[model.periods]);
    pairs.push([
      L.kCoverage(lastLabel),
      targetTotal > 0
        ? formula(
            `=SUM(${areaA1({ row: period.firstRow, column: 2, rows: model.periods + 1, columns: 1 })})/${a1(period.totalsRow, 7)}`,
            pipelineCoverage(sum(due), targetTotal).coverage
          )
        : null,
      "percent",
    ]);
  }
  b.row = kvTop;
  b.keyValues(pairs);
  b.row = end;
  b.width(0, Math.min(48, Math.max(24, ...pairs.map(([l]) => l.length + 2))));

  // Conditional formats and charts.
  if (hasTargets) {
    b.conditional({
      kind: "cellValue",
      area: { ...period.column(9), row: period.firstRow + 1, rows: model.periods },
      operator: "lessThan",
      values: ["1"],
      style: { fill: COLORS.badFill, color: COLORS.badText },
    });
  }
  const widest = Math.max(7, hasTargets ? 10 : 7, overdue ? overdue.area.columns : 0);
  const chartColumn = widest + 1;
  const stagesShown = groups.filter(
    (g, k) => k < model.tableStages && g.category !== "omitted"
  ).length;
  let chartRow = funnel.area.row;
  if (stagesShown > 0) {
    const shown = (c: number): Area => ({ ...funnel.column(c), rows: stagesShown });
    b.chart({
      kind: "funnel",
      title: L.funnelChart,
      series: [{ name: L.fh.amount, categories: shown(0), values: shown(4), color: COLORS.bar }],
      anchor: { row: chartRow, column: chartColumn, rows: 16, columns: 8 },
      legend: "none",
      yFormat: "number",
    });
    chartRow += 17;
  }
  const periodsArea = (c: number): Area => ({
    ...period.column(c),
    row: period.firstRow + 1,
    rows: model.periods,
  });
  b.chart({
    kind: "column",
    title: L.periodChart(model.grain, hasTargets),
    series: [
      {
        name: L.ph.weighted,
        categories: periodsArea(0),
        values: periodsArea(3),
        color: COLORS.bar,
      },
      hasTargets
        ? {
            name: L.ph.target,
            categories: periodsArea(0),
            values: periodsArea(7),
            kind: "line",
            color: COLORS.line,
          }
        : {
            name: L.ph.closed,
            categories: periodsArea(0),
            values: periodsArea(4),
            color: COLORS.won,
          },
    ],
    anchor: { row: Math.max(chartRow, period.top), column: chartColumn, rows: 16, columns: 10 },
    yFormat: "number",
    legend: "bottom",
  });
}

/** Where the pipeline-by-period rows are, portable table or live spill. */
interface PeriodPlacement {
  top: number;
  firstRow: number;
  totalsRow: number;
  column(i: number): Area;
}

/** The number a cell holds (its cached value for a formula), as a list of zero or one. */
function numberIn(c: CellContent | undefined): number[] {
  const v = typeof c === "object" && c !== null ? c.value : c;
  return typeof v === "number" ? [v] : [];
}

/** DATE(y,m,d) of a serial, for live formulas. */
function dateArg(serial: number): string {
  const [y, m, d] = isoFromSerial(serial).split("-").map(Number);
  return `DATE(${y},${m},${d})`;
}

/**
 * Live mode: KAM.PIPELINE_FORECAST spills the Period … Best case columns (header, Overdue, the
 * periods, Later, Total) at the table's anchor; Target, Gap and Coverage stay native beside it.
 */
function livePeriods(
  b: SheetBuilder,
  model: Model,
  data: Dataset,
  options: BuildOptions,
  funnel: PlacedTable,
  rows: PipelineForecast["rows"],
  columns: ColumnSpec[],
  extraCells: (r: number, k: number) => CellContent[]
): PeriodPlacement {
  const a = data.addresses;
  const top = b.row;
  const firstRow = top + 1;
  const totalsRow = firstRow + rows.length;
  const stageRange = model.stageTableGiven
    ? areaA1({ row: funnel.firstRow, column: 0, rows: model.tableStages, columns: 3 })
    : "";
  const live = `=KAM.PIPELINE_FORECAST(${a.amount},${a.stage},${a.closeDate},${dateArg(model.forecast.start)},${model.periods},"${model.grain}",${stageRange},TRUE)`;
  const headers = PLAN_LABELS[options.lang].pipelineHeaders;
  b.put(top, 0, [[{ live, value: headers[0] }]]);
  b.format({ row: top, column: 0, rows: 1, columns: columns.length }, { bold: true });
  columns.forEach((c, i) => {
    if (c.format)
      b.format(
        { row: firstRow, column: i, rows: rows.length + 1, columns: 1 },
        { numberFormat: c.format }
      );
    b.width(i, c.width ?? Math.max(10, c.header.length + 2));
  });
  b.format({ row: totalsRow, column: 0, rows: 1, columns: columns.length }, { bold: true });
  if (columns.length > 7) {
    const extras = rows.map((_, k) => extraCells(firstRow + k, k));
    b.put(top, 7, [columns.slice(7).map((c) => c.header)]);
    b.put(firstRow, 7, extras);
    const sumOf = (c: number) =>
      formula(
        `=SUM(${areaA1({ row: firstRow, column: c, rows: rows.length, columns: 1 })})`,
        sum(extras.flatMap((e) => numberIn(e[c - 7])))
      );
    b.put(totalsRow, 7, [[sumOf(7), sumOf(8), null]]);
  }
  b.row = totalsRow + 2;
  return {
    top,
    firstRow,
    totalsRow,
    column: (i) => ({ row: firstRow, column: i, rows: rows.length, columns: 1 }),
  };
}
