// The plan report: an order history → the plan year's target split by last year's shares (largest
// remainder), phased by month from the seasonal pattern, the sales budget, the gap to target and the
// key-account marketing plan (T+3) template, with native formulas over yellow input cells. The
// figures are the engine's (src/engine/plan/planModel.ts); this file reads the data and the options,
// names the groups, words the problems and lays the sheet out, one function per section.

import { checkOptions } from "./options";
import { growth as growthOf } from "../engine/kpi/kpi";
import { sum } from "../engine/numeric";
import {
  PLAN_GROUP_ROLES,
  PlanGroupId,
  PlanGroupRole,
  PlanModel,
  PlanProblem,
  PlanSplit,
  planModel,
} from "../engine/plan/planModel";
import { firstOfMonth, isoFromSerial, periodLabel, serialFromYmd } from "../engine/calendar";
import { PLAN_REPORT, PlanReportLabels } from "../i18n/report.plan";
import {
  a1,
  BuildOptions,
  CellContent,
  FormulaCell,
  NumberFormat,
  ReportFigure,
  ReportSheet,
  Scalar,
} from "./model";
import { ticker } from "./progress";
import { Dataset } from "./roles";
import { ColumnSpec, PlacedTable, SheetBuilder, userText } from "./sheet";

/** The level the target is split to: a team, owner, region or customer column, or the customers'
 *  ABC class (80/20 rule) when there are too many customers to give each a target. */
export type { PlanSplit };

/** Default of PlanOptions.maxCustomers: above this many customers the split is by ABC class. */
export const PLAN_MAX_CUSTOMERS = 50;

export interface CostRate {
  name: string;
  /** Share of revenue, e.g. 0.6 for 60%. */
  rate: number;
}

/** Pre-filled texts of the T+3 marketing plan template (otherwise the input cells stay empty). */
export interface PlanTexts {
  mission?: string;
  successFactors?: string[];
  portfolio?: string;
  market?: string;
  prices?: string;
  competition?: string;
  /** One per plan year, T+1..T+3. */
  objectives?: string[];
  strategies?: string[];
  resources?: string;
}

export interface PlanOptions {
  /** The plan year; default the year after the last order. */
  year?: number;
  /** Default: last full year's sales × (1 + growth), rounded to `unit`. */
  annualTarget?: number;
  /** Growth assumption, default 0.1 (10%): the default target and the T+2, T+3 targets. */
  growth?: number;
  /** Default: the first mapped of team, owner, region; else customer, or "abc" (the customers' ABC
   *  class: A = the first 80% of the basis year's sales, B = the next 15%, C = the rest) when the
   *  basis year has more than `maxCustomers` customers; none mapped: the whole company. */
  splitBy?: PlanSplit;
  /** Most customers that get a target each when the split falls back to customers (no team, owner
   *  or region column); above it the split is by ABC class. Default PLAN_MAX_CUSTOMERS (50). */
  maxCustomers?: number;
  /** Targets are whole multiples of this unit (e.g. 1000); default no rounding. */
  unit?: number;
  /** Variable cost lines; default cost of sales 60%, selling expenses 10%. */
  costRates?: CostRate[];
  /** Fixed costs per month, default 0. */
  fixedCosts?: number;
  texts?: PlanTexts;
}

const INPUT_FILL = "#FFF2CC";
const INPUT = { fill: INPUT_FILL } as const;

/** The options with their defaults; the cost lines with their (unique) headers. */
interface Settings {
  growth: number;
  unit?: number;
  rates: CostRate[];
  lineHeaders: string[];
  maxCustomers: number;
  fixed: number;
  texts: PlanTexts;
}

/** What the sections share: the sheet, the labels, the model and the settings; the groups' names
 *  and the split's label ("Team") and noun ("team"). */
interface Context {
  b: SheetBuilder;
  L: PlanReportLabels;
  m: PlanModel;
  s: Settings;
  names: string[];
  unitLabel: string;
  unitNoun: string;
}

/** Cells of the assumptions (absolute A1) that formulas further down read. */
interface KeyCells {
  baseSales: string;
  growth: string;
  target: string;
  rates: string[];
  fixed: string;
}

/** The budget table's totals row and its columns. */
interface BudgetCells {
  totals: number;
  col: Record<"rev" | "variable" | "fixed" | "total" | "profit" | "margin", number>;
}

/** The plan sheet: the engine's plan model (src/engine/plan/planModel.ts) of the rows, laid out. */
export async function buildPlanReport(
  data: Dataset,
  options: BuildOptions & PlanOptions
): Promise<ReportSheet> {
  const L: PlanReportLabels = PLAN_REPORT[options.lang];
  const s = readOptions(options, L);
  const outcome = planModel({ ...readRows(data, L), ...engineOptions(options, s) });
  if (!outcome.ok) throw new Error(problemText(outcome.problem, L, s, data));
  const m = outcome.value;
  // The groups were phased inside the engine; progress is reported per group as before.
  const tick = ticker(m.groups.length, options);
  for (let u = 0; u < m.groups.length; u++) await tick(u + 1);

  const b = new SheetBuilder("plan", L.sheetName, { ...options, live: undefined });
  const c: Context = {
    b,
    L,
    m,
    s,
    names: m.groups.map((g) => groupName(L, g.id)),
    unitLabel: m.split ? L.units[m.split] : L.units.company,
    unitNoun: m.split ? L.unitNouns[m.split] : L.unitNouns.company,
  };
  const created = (options.created ?? new Date().toISOString()).slice(0, 10);
  b.title(L.title(m.year), L.subtitle(options.source ?? data.source, created));
  b.note(L.inputsNote);
  b.row++;
  const keys = keyFigures(c);
  splitSection(c);
  const phasing = phasingSection(c, matrixSection(c));
  const budget = budgetSection(c, keys, phasing);
  gapSection(c, keys, phasing);
  b.section(L.sections.plan(m.year, m.year + m.objectives.length - 1));
  inputBox(b, L.sections.mission, L.hints.mission, s.texts.mission);
  financialSection(c);
  accountsSection(c, keys);
  factorsSection(c);
  portfolioSection(c);
  planAssumptionsSection(c, keys);
  objectivesSection(c, keys);
  planBudgetSection(c, budget);
  const warnings = notesSection(c);
  b.width(0, 30);
  b.width(1, 16);
  const sheet = b.build();
  sheet.figures = figures(c);
  sheet.warnings = warnings;
  return sheet;
}

// ---- Reading ------------------------------------------------------------------------------------

function readOptions(options: BuildOptions & PlanOptions, L: PlanReportLabels): Settings {
  // Each option's bounds are declared in src/report/options.ts; the messages say them per option.
  checkOptions("plan", options, (key) => {
    const v = Number((options as unknown as Record<string, unknown>)[key]);
    if (key === "growth") return L.errors.growth(v);
    if (key === "unit") return L.errors.unit(v);
    if (key === "annualTarget") return L.errors.target(v);
    if (key === "maxCustomers") return L.errors.maxCustomers(v);
    if (key === "splitBy") return L.errors.splitBy(String(options.splitBy));
    return L.errors.year(v);
  });
  const rates: CostRate[] = options.costRates ?? [
    { name: L.costLines.costOfSales, rate: 0.6 },
    { name: L.costLines.selling, rate: 0.1 },
  ];
  return {
    growth: options.growth ?? 0.1,
    unit: options.unit,
    rates,
    lineHeaders: lineHeaders(rates, L),
    maxCustomers: options.maxCustomers ?? PLAN_MAX_CUSTOMERS,
    fixed: options.fixedCosts ?? 0,
    texts: options.texts ?? {},
  };
}

/** Cost line names become table headers: non-blank and unique (an Excel table requires it). */
function lineHeaders(rates: readonly CostRate[], L: PlanReportLabels): string[] {
  const taken = new Set(
    [L.headers.month, L.headers.revenue, L.headers.variable, L.headers.fixed]
      .concat([L.headers.totalCosts, L.headers.profit, L.headers.margin])
      .map((h) => h.toLowerCase())
  );
  return rates.map((r, j) => {
    const base = r.name.trim() === "" ? L.costLine(j + 1) : r.name.trim();
    let header = base;
    for (let c = 2; taken.has(header.toLowerCase()); c++) header = `${base} (${c})`;
    taken.add(header.toLowerCase());
    return header;
  });
}

/** The rows' dates and amounts, and each mapped grouping column's names (blank: "(blank)"). */
function readRows(data: Dataset, L: PlanReportLabels) {
  const dates = data.numbers.date ?? [];
  const amounts = data.numbers.amount ?? [];
  const n = Math.min(data.rows, dates.length, amounts.length);
  const names: Partial<Record<PlanGroupRole, string[]>> = {};
  for (const role of PLAN_GROUP_ROLES) {
    const texts = data.text[role];
    if (!texts) continue;
    names[role] = Array.from({ length: n }, (_, i) => {
      const t = (texts[i] ?? "").trim();
      return t === "" ? L.blank : t;
    });
  }
  return { dates: dates.slice(0, n), amounts: amounts.slice(0, n), names };
}

function engineOptions(options: PlanOptions, s: Settings) {
  return {
    year: options.year,
    annualTarget: options.annualTarget,
    growth: s.growth,
    // "auto" (the pane's and CLI's word for the default) is no level.
    splitBy: (options.splitBy as string) === "auto" ? undefined : options.splitBy,
    maxCustomers: s.maxCustomers,
    unit: s.unit,
    costRates: s.rates.map((r) => r.rate),
    fixedCosts: s.fixed,
  };
}

/** The engine's problem as the report's message. */
function problemText(p: PlanProblem, L: PlanReportLabels, s: Settings, data: Dataset): string {
  const E = L.errors;
  const rowNo = (i: number) => data.sheetRows[i] ?? i + 1;
  switch (p.code) {
    case "cost-rate":
      return E.costRate(s.rates[p.index].name, s.rates[p.index].rate);
    case "fixed-costs":
      return E.fixed(s.fixed);
    case "no-data":
      return E.noData;
    case "bad-date":
      return E.badDate(rowNo(p.index));
    case "bad-amount":
      return E.badAmount(rowNo(p.index));
    case "no-full-year":
      return E.noFullYear(p.year, isoFromSerial(p.first), isoFromSerial(p.last));
    case "no-sales":
      return E.noSales(p.year, p.total);
    case "negative-month":
      return E.negativeMonth(monthText(p.year, p.month), p.total);
    case "split-not-mapped":
      return E.splitNotMapped(L.unitNouns[p.split]);
    case "negative-group": {
      const unit = p.split ? L.units[p.split] : L.units.company;
      return E.negativeUnit(unit, groupName(L, p.group), p.year, p.sales);
    }
    case "unit-multiple":
      return E.unitMultiple(p.target, p.unit ?? 1);
    case "phasing":
      return p.reason;
  }
}

/** A group as its row on the sheet says it: "North", "A (37 customers)", "Whole company". */
function groupName(L: PlanReportLabels, id: PlanGroupId): string {
  if (id.kind === "value") return id.name;
  return id.kind === "abc" ? L.abcUnit(id.abc, id.customers) : L.company;
}

/** A group's key in the figures: its name, its ABC class or "Whole company". */
function groupKey(L: PlanReportLabels, id: PlanGroupId): string {
  if (id.kind === "value") return id.name;
  return id.kind === "abc" ? id.abc : L.company;
}

// ---- Cells --------------------------------------------------------------------------------------

/** "2024-03": a month as the period labels write it. */
function monthText(year: number, month: number): string {
  return periodLabel(firstOfMonth(year, month), "month");
}

/** A SUM over a column of a placed table, cached with the engine's sum of the given values. */
function sumOf(placed: PlacedTable, column: number, values: readonly number[]): FormulaCell {
  return { formula: `=SUM(${placed.columnA1(column)})`, value: sum(values) };
}

/** (new − old) ÷ old as a formula over two cells, blank when old is not above 0. */
function growthCell(current: string, previous: string, cur: number, prev: number): FormulaCell {
  const g = growthOf(cur, prev);
  return {
    formula: `=IF(${previous}>0,(${current}-${previous})/${previous},"")`,
    value: prev > 0 && g.ok ? g.value : "",
  };
}

/** A totals row written right below a table that has none; moves the cursor past it. */
function totalsRow(
  b: SheetBuilder,
  placed: PlacedTable,
  cells: CellContent[],
  formats: (NumberFormat | undefined)[]
): number {
  const row = placed.firstRow + placed.rows;
  b.put(row, placed.area.column, [cells]);
  b.format({ row, column: placed.area.column, rows: 1, columns: cells.length }, { bold: true });
  formats.forEach((f, i) => {
    if (f)
      b.format({ row, column: placed.area.column + i, rows: 1, columns: 1 }, { numberFormat: f });
  });
  b.row = row + 2;
  return row;
}

function text(value: string | undefined): Scalar {
  return value !== undefined ? userText(value) : null;
}

/** A section with a hint line and a wide yellow input cell (pre-filled when text is given). */
function inputBox(b: SheetBuilder, title: string, hint: string, value: string | undefined): void {
  b.section(title);
  b.note(hint);
  const row = b.row;
  b.put(row, 0, [[text(value), null, null, null, null, null]]);
  b.format({ row, column: 0, rows: 1, columns: 6 }, { ...INPUT, wrap: true });
  b.row += 2;
}

// ---- Sections -----------------------------------------------------------------------------------

/** The assumptions: plan and basis year, target, growth, unit, pattern, cost rates (yellow). */
function keyFigures({ b, L, m, s }: Context): KeyCells {
  b.section(L.sections.assumptions);
  const base = m.patternYears[0];
  const kv = b.keyValues([
    [L.key.planYear, m.year],
    [L.key.baseYear, m.baseYear],
    [L.key.baseSales(m.baseYear), m.baseSales, "integer"],
    [L.key.growth, s.growth, "percent"],
    [L.key.target(m.year), m.target, "integer"],
    [L.key.unit, s.unit ?? L.none],
    [L.key.pattern, L.key.patternYears(base, m.baseYear, m.patternYears.length)],
    ...s.rates.map((r, j): [string, CellContent, NumberFormat] => [
      L.key.rate(s.lineHeaders[j]),
      r.rate,
      "percent",
    ]),
    [L.key.fixed, s.fixed, "integer"],
  ]);
  const k = s.rates.length;
  for (const row of [kv[3], ...s.rates.map((_, j) => kv[7 + j]), kv[7 + k]])
    b.format({ row, column: 1, rows: 1, columns: 1 }, INPUT);
  return {
    baseSales: a1(kv[2], 1, true),
    growth: a1(kv[3], 1, true),
    target: a1(kv[4], 1, true),
    rates: s.rates.map((_, j) => a1(kv[7 + j], 1, true)),
    fixed: a1(kv[7 + k], 1, true),
  };
}

/** 1. Each group's basis-year sales, share and target, with a totals row. */
function splitSection({ b, L, m, names, unitLabel, unitNoun }: Context): void {
  const groups = m.groups;
  b.section(L.sections.split(unitNoun));
  const table = b.table(
    "KAM_PlanSplit",
    [
      { header: unitLabel, width: 24 },
      { header: L.headers.sales(m.baseYear), format: "integer", width: 14 },
      { header: L.headers.share, format: "percent" },
      { header: L.headers.target(m.year), format: "integer", width: 14 },
      { header: L.headers.growth, format: "percent" },
    ],
    names.map((name) => [userText(name)]),
    {
      rowFormula: (p, r, i) => {
        const tot = p.firstRow + p.rows;
        const g = groups[i];
        return [
          userText(names[i]),
          g.sales,
          { formula: `=${a1(r, 1)}/${a1(tot, 1, true)}`, value: g.share },
          g.target,
          growthCell(a1(r, 3), a1(r, 1), g.target, g.sales),
        ];
      },
    }
  );
  const tot = table.firstRow + table.rows;
  const sales = groups.map((g) => g.sales);
  const targets = groups.map((g) => g.target);
  totalsRow(
    b,
    table,
    [
      L.total,
      sumOf(table, 1, sales),
      sumOf(
        table,
        2,
        groups.map((g) => g.share)
      ),
      sumOf(table, 3, targets),
      growthCell(a1(tot, 3), a1(tot, 1), sum(targets), sum(sales)),
    ],
    [undefined, "integer", "percent", "integer", "percent"]
  );
  b.conditional({ kind: "dataBar", area: table.column(3), color: "#5B9BD5" });
}

/** 2. Group × month; returns the totals row the phasing reads. */
function matrixSection({ b, L, m, names, unitLabel, unitNoun }: Context): number {
  b.section(L.sections.matrix(unitNoun));
  const monthCols: ColumnSpec[] = Array.from({ length: 12 }, (_, j) => ({
    header: monthText(m.year, j + 1),
    format: "integer" as NumberFormat,
    total: "sum" as const,
    width: 11,
  }));
  const matrix = b.table(
    "KAM_PlanMonths",
    [
      { header: unitLabel, total: { label: L.total }, width: 24 },
      ...monthCols,
      { header: L.total, format: "integer", total: "sum", width: 13 },
    ],
    names.map((name) => [userText(name)]),
    {
      rowFormula: (_p, r, i) => [
        userText(names[i]),
        ...m.groups[i].months,
        { formula: `=SUM(${a1(r, 1)}:${a1(r, 12)})`, value: sum(m.groups[i].months) },
      ],
    }
  );
  return matrix.totalsRow ?? matrix.firstRow + matrix.rows;
}

/** 3. The months: basis-year sales, seasonal share, target; and the chart of the last two. */
function phasingSection(c: Context, matrixTotals: number): PlacedTable {
  const { b, L, m } = c;
  const { sales, share, target } = m.months;
  b.section(L.sections.phasing);
  const phasing = b.table(
    "KAM_PlanPhasing",
    [
      { header: L.headers.month, format: "month", width: 12 },
      { header: L.headers.sales(m.baseYear), format: "integer", width: 14 },
      { header: L.headers.seasonalShare, format: "percent", width: 14 },
      { header: L.headers.target(m.year), format: "integer", width: 14 },
      { header: L.headers.change(m.baseYear), format: "percent", width: 14 },
    ],
    target.map(() => []),
    {
      rowFormula: (_p, r, j) => [
        serialFromYmd(m.year, j + 1, 1) ?? null,
        sales[j],
        share[j],
        { formula: `=${a1(matrixTotals, 1 + j)}`, value: target[j] },
        growthCell(a1(r, 3), a1(r, 1), target[j], sales[j]),
      ],
    }
  );
  const tot = phasing.firstRow + phasing.rows;
  totalsRow(
    b,
    phasing,
    [
      L.total,
      sumOf(phasing, 1, sales),
      sumOf(phasing, 2, share),
      sumOf(phasing, 3, target),
      growthCell(a1(tot, 3), a1(tot, 1), sum(target), sum(sales)),
    ],
    [undefined, "integer", "percent", "integer", "percent"]
  );
  phasingChart(c, phasing);
  return phasing;
}

/** The monthly target against the basis year's sales, beside the phasing table. */
function phasingChart({ b, L, m }: Context, phasing: PlacedTable): void {
  b.chart({
    kind: "column",
    title: L.chartTitle(m.year, m.baseYear),
    series: [
      {
        name: L.headers.target(m.year),
        categories: phasing.column(0),
        values: phasing.column(3),
        color: "#2F5597",
      },
      {
        name: L.headers.sales(m.baseYear),
        categories: phasing.column(0),
        values: phasing.column(1),
        color: "#A5A5A5",
      },
    ],
    yFormat: "integer",
    legend: "bottom",
    anchor: { row: phasing.area.row, column: 6, rows: 15, columns: 8 },
  });
}

/** 4. Budget: formulas over the revenue (the phased targets) and the yellow rates. */
function budgetSection(c: Context, keys: KeyCells, phasing: PlacedTable): BudgetCells {
  const { b, L, m, s } = c;
  const periods = m.budget.periods;
  b.section(L.sections.budget(m.year));
  const k = s.rates.length;
  const col = { rev: 1, variable: 2 + k, fixed: 3 + k, total: 4 + k, profit: 5 + k, margin: 6 + k };
  const table = b.table(
    "KAM_PlanBudget",
    [
      { header: L.headers.month, format: "month", width: 12 },
      { header: L.headers.revenue, format: "integer", width: 14 },
      ...s.lineHeaders.map((header): ColumnSpec => ({ header, format: "integer", width: 14 })),
      { header: L.headers.variable, format: "integer", width: 14 },
      { header: L.headers.fixed, format: "integer", width: 12 },
      { header: L.headers.totalCosts, format: "integer", width: 12 },
      { header: L.headers.profit, format: "integer", width: 12 },
      { header: L.headers.margin, format: "percent", width: 10 },
    ],
    periods.map(() => []),
    {
      rowFormula: (_p, r, j) => {
        const p = periods[j];
        const rev = a1(r, col.rev);
        return [
          serialFromYmd(m.year, j + 1, 1) ?? null,
          { formula: `=${a1(phasing.firstRow + j, 3)}`, value: p.revenue },
          ...p.lines.map((v, c): FormulaCell => ({
            formula: `=${rev}*${keys.rates[c]}`,
            value: v,
          })),
          {
            formula: k > 0 ? `=SUM(${a1(r, 2)}:${a1(r, 1 + k)})` : "=0",
            value: p.variable,
          },
          { formula: `=${keys.fixed}`, value: p.fixed },
          { formula: `=${a1(r, col.variable)}+${a1(r, col.fixed)}`, value: p.totalCost },
          { formula: `=${rev}-${a1(r, col.total)}`, value: p.profit },
          {
            formula: `=IF(${rev}=0,"",${a1(r, col.profit)}/${rev})`,
            value: p.margin ?? "",
          },
        ];
      },
    }
  );
  const totals = budgetTotals(c, table, col);
  return { totals, col };
}

/** The budget's totals row: SUMs of the columns, the margin of the totals. */
function budgetTotals({ b, L, m }: Context, table: PlacedTable, col: BudgetCells["col"]): number {
  const t = m.budget.total;
  const totals = table.firstRow + table.rows;
  const rev = a1(totals, col.rev);
  const sumCell = (c: number, value: number): FormulaCell => ({
    formula: `=SUM(${table.columnA1(c)})`,
    value,
  });
  totalsRow(
    b,
    table,
    [
      L.total,
      sumCell(col.rev, t.revenue),
      ...t.lines.map((v, c) => sumCell(2 + c, v)),
      sumCell(col.variable, t.variable),
      sumCell(col.fixed, t.fixed),
      sumCell(col.total, t.totalCost),
      sumCell(col.profit, t.profit),
      {
        formula: `=IF(${rev}=0,"",${a1(totals, col.profit)}/${rev})`,
        value: t.margin ?? "",
      },
    ],
    [
      undefined,
      ...Array.from({ length: 5 + t.lines.length }, (): NumberFormat => "integer"),
      "percent",
    ]
  );
  return totals;
}

/** 5. Gap to target, when the data reaches into the plan year and the target is above 0. */
function gapSection({ b, L, m }: Context, keys: KeyCells, phasing: PlacedTable): void {
  const gap = m.gap;
  if (!gap?.result) return;
  const g = gap.result;
  b.section(L.sections.gap(m.year));
  const top = b.row;
  const cell = (i: number) => a1(top + i, 1);
  const pairs: [string, CellContent, NumberFormat?][] = [
    [L.key.gapTarget(m.year), { formula: `=${keys.target}`, value: m.target }, "integer"],
    [L.key.actual(isoFromSerial(gap.lastDate)), gap.actual, "integer"],
    [
      L.key.targetToDate(gap.elapsed),
      {
        formula: `=SUM(${a1(phasing.firstRow, 3)}:${a1(phasing.firstRow + gap.elapsed - 1, 3)})`,
        value: gap.targetToDate,
      },
      "integer",
    ],
    [L.key.attainment, { formula: `=${cell(1)}/${cell(0)}`, value: g.attainment }, "percent"],
    [L.key.gap, { formula: `=${cell(0)}-${cell(1)}`, value: g.gap }, "integer"],
    [L.key.monthsLeft, gap.monthsLeft, "integer"],
  ];
  if (g.runRate)
    pairs.push([
      L.key.runRate,
      { formula: `=MAX(0,${cell(4)})/${cell(5)}`, value: g.runRate.needed },
      "integer",
    ]);
  b.keyValues(pairs);
}

/** 6.2 Sales by calendar year, growth between full years. */
function financialSection({ b, L, m }: Context): void {
  b.section(L.sections.financial);
  const years = m.years;
  b.table(
    "KAM_PlanYears",
    [
      { header: L.headers.year, width: 12 },
      { header: L.headers.salesPlain, format: "integer", width: 14 },
      { header: L.headers.growth, format: "percent" },
      { header: L.headers.note, width: 24 },
    ],
    years.map(() => []),
    {
      rowFormula: (_p, r, i) => {
        const y = years[i];
        const note =
          y.partial === "start"
            ? L.partialFrom(isoFromSerial(m.first))
            : y.partial === "end"
              ? L.partialTo(isoFromSerial(m.last))
              : "";
        return [
          String(y.year),
          y.sales,
          y.comparable ? growthCell(a1(r, 1), a1(r - 1, 1), y.sales, years[i - 1].sales) : null,
          note,
        ];
      },
    }
  );
}

/** 6.3 The basis year's largest accounts and the others in one line. */
function accountsSection({ b, L, m }: Context, keys: KeyCells): void {
  b.section(L.sections.accounts);
  const accounts = m.accounts;
  if (!accounts) {
    b.note(L.hints.noAccounts);
    b.row++;
    return;
  }
  const { top, rest } = accounts;
  b.table(
    "KAM_PlanAccounts",
    [
      { header: L.headers.rank, format: "integer", width: 8 },
      { header: L.headers.account, width: 28 },
      { header: L.headers.sales(m.baseYear), format: "integer", width: 14 },
      { header: L.headers.share, format: "percent" },
      { header: L.headers.cumulative, format: "percent", width: 14 },
    ],
    Array.from({ length: top.length + (rest ? 1 : 0) }, () => []),
    {
      rowFormula: (p, r, i) => {
        const share = (v: number): FormulaCell => ({
          formula: `=${a1(r, 2)}/${keys.baseSales}`,
          value: v,
        });
        const cumulative = (v: number): FormulaCell => ({
          formula: `=SUM(${a1(p.firstRow, 3, true)}:${a1(r, 3)})`,
          value: v,
        });
        if (i < top.length || !rest) {
          const a = top[i];
          return [a.rank, userText(a.customer), a.total, share(a.share), cumulative(a.cumulative)];
        }
        return [
          null,
          L.others(rest.count),
          {
            formula: `=${keys.baseSales}-SUM(${a1(p.firstRow, 2)}:${a1(r - 1, 2)})`,
            value: rest.sales,
          },
          share(rest.share),
          cumulative(rest.cumulative),
        ];
      },
    }
  );
}

/** 6.4 Critical success factors: a yellow table to fill in. */
function factorsSection({ b, L, s }: Context): void {
  b.section(L.sections.factors);
  b.note(L.hints.factors);
  const factorNames = s.texts.successFactors ?? [];
  const factorRows = Math.max(5, factorNames.length);
  const factors = b.table(
    "KAM_PlanFactors",
    [
      { header: L.headers.factor, width: 28 },
      { header: L.headers.weight, format: "percent" },
      { header: L.headers.ours, format: "number", width: 16 },
      { header: L.headers.competitor, format: "number", width: 20 },
    ],
    Array.from({ length: factorRows }, (_, i): CellContent[] => [
      factorNames[i] !== undefined ? userText(factorNames[i]) : null,
      null,
      null,
      null,
    ]),
    { style: "TableStyleLight9" }
  );
  b.format({ row: factors.firstRow, column: 0, rows: factorRows, columns: 4 }, INPUT);
}

/** 6.5 Accounts active, gained and lost; the top 20%'s share; a comment. */
function portfolioSection({ b, L, m, s }: Context): void {
  b.section(L.sections.portfolio);
  const p = m.portfolio;
  if (p) {
    const pairs: [string, CellContent, NumberFormat?][] = [
      [L.key.accountsBase(m.baseYear), p.active, "integer"],
    ];
    if (p.before)
      pairs.push(
        [L.key.accountsBefore(m.baseYear - 1), p.before.active, "integer"],
        [L.key.newAccounts(m.baseYear), p.before.gained, "integer"],
        [L.key.lostAccounts(m.baseYear), p.before.lost, "integer"]
      );
    if (p.topShare !== undefined) pairs.push([L.key.topShare(m.baseYear), p.topShare, "percent"]);
    pairs.push([L.key.comment, text(s.texts.portfolio)]);
    const rows = b.keyValues(pairs);
    b.format({ row: rows[rows.length - 1], column: 1, rows: 1, columns: 1 }, INPUT);
    b.row--;
  } else {
    b.note(L.hints.noAccounts);
  }
  b.note(L.hints.portfolio);
  b.row++;
}

/** 6.6 The growth assumption (a formula) and the market, prices and competition (yellow). */
function planAssumptionsSection({ b, L, s }: Context, keys: KeyCells): void {
  b.section(L.sections.planAssumptions);
  const rows = b.keyValues([
    [L.key.growth, { formula: `=${keys.growth}`, value: s.growth }, "percent"],
    [L.key.market, text(s.texts.market)],
    [L.key.prices, text(s.texts.prices)],
    [L.key.competition, text(s.texts.competition)],
  ]);
  b.format({ row: rows[1], column: 1, rows: 3, columns: 1 }, INPUT);
}

/** 6.7 The targets of the next three years over the growth cell; objectives and strategies. */
function objectivesSection({ b, L, m, s }: Context, keys: KeyCells): void {
  b.section(L.sections.objectives);
  b.note(L.hints.objectives);
  const targets = m.objectives;
  const objectives = b.table(
    "KAM_PlanObjectives",
    [
      { header: L.headers.year, width: 12 },
      { header: L.headers.revenueTarget, format: "integer", width: 14 },
      { header: L.headers.growth, format: "percent" },
      { header: L.headers.objective, width: 24 },
      { header: L.headers.strategy, width: 24 },
    ],
    targets.map(() => []),
    {
      rowFormula: (_p, r, i) => [
        String(m.year + i),
        i === 0
          ? { formula: `=${keys.target}`, value: m.target }
          : { formula: `=${a1(r - 1, 1)}*(1+${keys.growth})`, value: targets[i] },
        i === 0
          ? growthCell(a1(r, 1), keys.baseSales, m.target, m.baseSales)
          : growthCell(a1(r, 1), a1(r - 1, 1), targets[i], targets[i - 1]),
        text(s.texts.objectives?.[i]),
        text(s.texts.strategies?.[i]),
      ],
    }
  );
  b.format(
    { row: objectives.firstRow, column: 3, rows: targets.length, columns: 2 },
    { ...INPUT, wrap: true }
  );
}

/** 6.8 The budget's totals (formulas over section 4) and the resources needed. */
function planBudgetSection({ b, L, m, s }: Context, budget: BudgetCells): void {
  b.section(L.sections.planBudget);
  const ref = (c: number) => a1(budget.totals, c);
  const { col } = budget;
  const t = m.budget.total;
  const rows = b.keyValues([
    [L.key.revenue, { formula: `=${ref(col.rev)}`, value: t.revenue }, "integer"],
    [L.key.totalCosts, { formula: `=${ref(col.total)}`, value: t.totalCost }, "integer"],
    [L.key.profit, { formula: `=${ref(col.profit)}`, value: t.profit }, "integer"],
    [L.key.margin, { formula: `=${ref(col.margin)}`, value: t.margin ?? "" }, "percent"],
    [L.key.resources, text(s.texts.resources)],
  ]);
  b.format({ row: rows[4], column: 1, rows: 1, columns: 1 }, INPUT);
}

/** The notes; returns the warnings among them (ReportSheet.warnings, kam report --json). */
function notesSection({ b, L, m, s, unitNoun }: Context): string[] {
  const warnings: string[] = [];
  const warn = (note: string) => {
    warnings.push(note);
    return note;
  };
  const zeroTarget = m.gap !== undefined && !m.gap.result;
  if (zeroTarget) warnings.push(L.notes.zeroTarget);
  const notes = [
    ...(m.abcFallback !== undefined
      ? [warn(L.notes.abc(m.abcFallback, m.baseYear, s.maxCustomers))]
      : m.split === "abc"
        ? [L.notes.abcChosen(m.baseYear)]
        : []),
    ...(m.baseYear < m.year - 1 ? [warn(L.notes.baseGap(m.year, m.baseYear))] : []),
    L.notes.split(unitNoun, m.baseYear),
    ...(s.unit !== undefined ? [L.notes.rounded(s.unit)] : []),
    m.targetGiven
      ? L.notes.givenTarget
      : L.notes.defaultTarget(m.baseYear, `${Math.round(s.growth * 1000) / 10}%`),
    L.notes.phasing(m.patternYears[0], m.baseYear),
    L.notes.fullYear,
    ...(m.notInBase > 0
      ? [
          warn(
            L.notes.notInBase(
              m.notInBase,
              m.baseYear,
              m.split === "abc" ? L.unitNouns.customer : unitNoun
            )
          ),
        ]
      : []),
    L.notes.budget,
  ];
  if (m.gap) notes.push(zeroTarget ? L.notes.zeroTarget : L.notes.gapDone);
  else notes.push(L.notes.gapNone(m.year));
  b.section(L.sections.notes);
  for (const t of notes) b.note(t);
  return warnings;
}

/** The report's figures (kam report --json): years, target, the groups and their targets. */
function figures({ L, m }: Context): Record<string, ReportFigure> {
  const targets: Record<string, ReportFigure> = {};
  for (const g of m.groups) targets[groupKey(L, g.id)] = g.target;
  return {
    year: m.year,
    base_year: m.baseYear,
    target: m.target,
    groups: { by: m.split ?? "company", count: m.groups.length },
    targets,
  };
}
