// The plan report: an order history → the plan year's target split by last year's shares (largest
// remainder), phased by month from the seasonal pattern, the sales budget, the gap to target and the
// key-account marketing plan (T+3) template, with native formulas over yellow input cells.

import { checkOptions } from "./options";
import { AbcClass, pareto, paretoShare } from "../engine/accounts/pareto";
import { customerKey } from "../engine/accounts/rfm";
import { growth as growthOf } from "../engine/kpi/kpi";
import { sum } from "../engine/numeric";
import { salesBudget } from "../engine/plan/budget";
import { gapToTarget } from "../engine/plan/gap";
import { phaseTarget, seasonalShares } from "../engine/plan/phase";
import { apportion } from "../engine/plan/split";
import {
  firstOfMonth,
  isoFromSerial,
  periodLabel,
  serialFromYmd,
  ymdFromSerial,
} from "../engine/calendar";
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
export type PlanSplit = "team" | "owner" | "region" | "customer" | "abc";

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
const SPLIT_ORDER: readonly ("team" | "owner" | "region" | "customer")[] = [
  "team",
  "owner",
  "region",
  "customer",
];
const ABC: readonly AbcClass[] = ["A", "B", "C"];

/** Number of decimals of a unit such as 0.01 (2) or 1000 (0). */
function decimals(unit: number): number {
  for (let d = 0; d <= 12; d++) {
    const scaled = unit * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) <= 1e-9 * Math.max(1, Math.abs(scaled))) return d;
  }
  return 12;
}

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

function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(message);
}

export async function buildPlanReport(
  data: Dataset,
  options: BuildOptions & PlanOptions
): Promise<ReportSheet> {
  const L: PlanReportLabels = PLAN_REPORT[options.lang];
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
  const growth = options.growth ?? 0.1;
  const unit = options.unit;
  const rates: CostRate[] = options.costRates ?? [
    { name: L.costLines.costOfSales, rate: 0.6 },
    { name: L.costLines.selling, rate: 0.1 },
  ];
  for (const r of rates)
    check(Number.isFinite(r.rate) && r.rate >= 0, L.errors.costRate(r.name, r.rate));
  // Cost line names become table headers: non-blank and unique (an Excel table requires it).
  const taken = new Set(
    [L.headers.month, L.headers.revenue, L.headers.variable, L.headers.fixed]
      .concat([L.headers.totalCosts, L.headers.profit, L.headers.margin])
      .map((h) => h.toLowerCase())
  );
  const lineHeaders = rates.map((r, j) => {
    const base = r.name.trim() === "" ? L.costLine(j + 1) : r.name.trim();
    let header = base;
    for (let c = 2; taken.has(header.toLowerCase()); c++) header = `${base} (${c})`;
    taken.add(header.toLowerCase());
    return header;
  });
  const maxCustomers = options.maxCustomers ?? PLAN_MAX_CUSTOMERS;
  const fixed = options.fixedCosts ?? 0;
  check(Number.isFinite(fixed) && fixed >= 0, L.errors.fixed(fixed));
  const texts = options.texts ?? {};

  // Rows: dates and amounts.
  const dates = data.numbers.date ?? [];
  const amounts = data.numbers.amount ?? [];
  const n = Math.min(data.rows, dates.length, amounts.length);
  check(n > 0, L.errors.noData);
  const rowNo = (i: number) => data.sheetRows[i] ?? i + 1;
  const monthKey: number[] = [];
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < n; i++) {
    check(Number.isFinite(dates[i]) && dates[i] >= 1, L.errors.badDate(rowNo(i)));
    check(Number.isFinite(amounts[i]), L.errors.badAmount(rowNo(i)));
    const [y, m] = ymdFromSerial(dates[i]);
    monthKey.push(y * 12 + m - 1);
    first = Math.min(first, Math.floor(dates[i]));
    last = Math.max(last, Math.floor(dates[i]));
  }
  let firstKey = Infinity;
  let lastKey = -Infinity;
  for (const mk of monthKey) {
    firstKey = Math.min(firstKey, mk);
    lastKey = Math.max(lastKey, mk);
  }
  const lastYear = Math.floor(lastKey / 12);
  const planYear = options.year ?? lastYear + 1;

  // The seasonal history: the full calendar years before the plan year, the latest three.
  const full = (y: number) => firstKey <= y * 12 && lastKey >= y * 12 + 11;
  const years: number[] = [];
  for (let y = planYear - 1; y >= Math.floor(firstKey / 12) && years.length < 3; y--) {
    if (full(y)) years.unshift(y);
    else if (years.length > 0) break;
  }
  check(years.length > 0, L.errors.noFullYear(planYear, isoFromSerial(first), isoFromSerial(last)));
  const baseYear = years[years.length - 1];

  const byMonth = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const list = byMonth.get(monthKey[i]);
    if (list) list.push(amounts[i]);
    else byMonth.set(monthKey[i], [amounts[i]]);
  }
  const monthTotal = (k: number) => sum(byMonth.get(k) ?? []);
  const history = years.flatMap((y) =>
    Array.from({ length: 12 }, (_, m) => monthTotal(y * 12 + m))
  );
  const baseMonths = history.slice(history.length - 12);
  const baseRows: number[] = [];
  for (let i = 0; i < n; i++) if (Math.floor(monthKey[i] / 12) === baseYear) baseRows.push(i);
  const baseTotal = sum(baseRows.map((i) => amounts[i]));
  check(baseTotal > 0, L.errors.noSales(baseYear, baseTotal));
  const shares = seasonalShares(history, 12);
  if (!shares.ok) {
    const k = shares.index ?? 0;
    const y = years[Math.floor(k / 12)];
    throw new Error(
      history[k] < 0
        ? L.errors.negativeMonth(monthText(y, (k % 12) + 1), history[k])
        : L.errors.noSales(y, 0)
    );
  }

  // The annual target.
  let annualTarget = options.annualTarget;
  if (annualTarget === undefined) {
    const raw = baseTotal * (1 + growth);
    annualTarget =
      unit === undefined ? raw : Number((Math.round(raw / unit) * unit).toFixed(decimals(unit)));
  }

  // Units: the split role's values in the basis year, largest first (pareto groups and sorts them);
  // for the ABC split, the classes A, B, C of the basis year's customers.
  const nameOf = (texts: readonly string[], i: number) => {
    const t = (texts[i] ?? "").trim();
    return t === "" ? L.blank : t;
  };
  let split: PlanSplit | undefined =
    options.splitBy ?? SPLIT_ORDER.find((r) => data.text[r] !== undefined);
  const splitRole = split === "abc" ? "customer" : split;
  const splitTexts = splitRole ? data.text[splitRole] : undefined;
  if (split && !splitTexts) throw new Error(L.errors.splitNotMapped(L.unitNouns[split]));
  const basePareto = splitTexts
    ? pareto(
        baseRows.map((i) => nameOf(splitTexts, i)),
        baseRows.map((i) => amounts[i])
      )
    : undefined;
  if (basePareto && !basePareto.ok) throw new Error(L.errors.noSales(baseYear, baseTotal));
  // Thousands of single customers are not a level targets are set at: their ABC classes are.
  let abcCustomers: number | undefined;
  if (options.splitBy === undefined && split === "customer" && basePareto?.ok) {
    if (basePareto.value.length > maxCustomers) {
      split = "abc";
      abcCustomers = basePareto.value.length;
    }
  }
  const unitLabel = split ? L.units[split] : L.units.company;
  const unitNoun = split ? L.unitNouns[split] : L.unitNouns.company;
  let units: { name: string; key: string; sales: number; share: number }[];
  let notInBase = 0;
  if (splitTexts && basePareto?.ok) {
    const rows = basePareto.value;
    if (split === "abc") {
      const grand = sum(rows.map((r) => r.total));
      units = [];
      for (const c of ABC) {
        const members = rows.filter((r) => r.abc === c);
        if (members.length === 0) continue;
        const sales = sum(members.map((r) => r.total));
        units.push({ name: L.abcUnit(c, members.length), key: c, sales, share: sales / grand });
      }
    } else
      units = rows.map((r) => ({
        name: String(r.customer),
        key: String(r.customer),
        sales: r.total,
        share: r.share,
      }));
    const inBase = new Set(rows.map((r) => customerKey(r.customer)));
    const all = new Set<string>();
    for (let i = 0; i < n; i++) all.add(customerKey(nameOf(splitTexts, i)));
    for (const k of all) if (!inBase.has(k)) notInBase++;
  } else {
    units = [{ name: L.company, key: L.company, sales: baseTotal, share: 1 }];
  }
  const parts = apportion(
    annualTarget,
    units.map((u) => u.sales),
    unit
  );
  if (!parts.ok) {
    const bad = parts.index !== undefined ? units[parts.index] : undefined;
    throw new Error(
      bad
        ? L.errors.negativeUnit(unitLabel, bad.name, baseYear, bad.sales)
        : L.errors.unitMultiple(annualTarget, unit ?? 1)
    );
  }

  // Each unit's target phased by the company's seasonal pattern.
  const tick = ticker(units.length, options);
  const phased: number[][] = [];
  for (let u = 0; u < units.length; u++) {
    const p = phaseTarget(parts.parts[u], history, 12, unit);
    if (!p.ok) throw new Error(p.reason);
    phased.push(p.targets);
    await tick(u + 1);
  }
  const monthTargets = Array.from({ length: 12 }, (_, j) => sum(phased.map((t) => t[j])));
  const budget = salesBudget(
    monthTargets,
    monthTargets.map(() => rates.map((r) => r.rate)),
    monthTargets.map(() => fixed)
  );

  // ---- The sheet -------------------------------------------------------------------------------
  const b = new SheetBuilder("plan", L.sheetName, { ...options, live: undefined });
  const created = (options.created ?? new Date().toISOString()).slice(0, 10);
  b.title(L.title(planYear), L.subtitle(options.source ?? data.source, created));
  b.note(L.inputsNote);
  b.row++;

  b.section(L.sections.assumptions);
  const assumptionPairs: [string, CellContent, NumberFormat?][] = [
    [L.key.planYear, planYear],
    [L.key.baseYear, baseYear],
    [L.key.baseSales(baseYear), baseTotal, "integer"],
    [L.key.growth, growth, "percent"],
    [L.key.target(planYear), annualTarget, "integer"],
    [L.key.unit, unit ?? L.none],
    [L.key.pattern, L.key.patternYears(years[0], baseYear, years.length)],
    ...rates.map((r, j): [string, CellContent, NumberFormat] => [
      L.key.rate(lineHeaders[j]),
      r.rate,
      "percent",
    ]),
    [L.key.fixed, fixed, "integer"],
  ];
  const kv = b.keyValues(assumptionPairs);
  const baseSalesCell = a1(kv[2], 1, true);
  const growthCellRef = a1(kv[3], 1, true);
  const targetCell = a1(kv[4], 1, true);
  const rateCells = rates.map((_, j) => a1(kv[7 + j], 1, true));
  const fixedCell = a1(kv[7 + rates.length], 1, true);
  for (const row of [kv[3], ...rates.map((_, j) => kv[7 + j]), kv[7 + rates.length]])
    b.format({ row, column: 1, rows: 1, columns: 1 }, INPUT);

  // 1. The split.
  b.section(L.sections.split(unitNoun));
  const splitTable = b.table(
    "KAM_PlanSplit",
    [
      { header: unitLabel, width: 24 },
      { header: L.headers.sales(baseYear), format: "integer", width: 14 },
      { header: L.headers.share, format: "percent" },
      { header: L.headers.target(planYear), format: "integer", width: 14 },
      { header: L.headers.growth, format: "percent" },
    ],
    units.map((u) => [userText(u.name)]),
    {
      rowFormula: (p, r, i) => {
        const tot = p.firstRow + p.rows;
        return [
          userText(units[i].name),
          units[i].sales,
          { formula: `=${a1(r, 1)}/${a1(tot, 1, true)}`, value: units[i].share },
          parts.parts[i],
          growthCell(a1(r, 3), a1(r, 1), parts.parts[i], units[i].sales),
        ];
      },
    }
  );
  {
    const tot = splitTable.firstRow + splitTable.rows;
    totalsRow(
      b,
      splitTable,
      [
        L.total,
        sumOf(
          splitTable,
          1,
          units.map((u) => u.sales)
        ),
        sumOf(
          splitTable,
          2,
          units.map((u) => u.share)
        ),
        sumOf(splitTable, 3, parts.parts),
        growthCell(a1(tot, 3), a1(tot, 1), sum(parts.parts), sum(units.map((u) => u.sales))),
      ],
      [undefined, "integer", "percent", "integer", "percent"]
    );
    b.conditional({ kind: "dataBar", area: splitTable.column(3), color: "#5B9BD5" });
  }

  // 2. Unit × month.
  b.section(L.sections.matrix(unitNoun));
  const monthCols: ColumnSpec[] = Array.from({ length: 12 }, (_, j) => ({
    header: monthText(planYear, j + 1),
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
    units.map((u) => [userText(u.name)]),
    {
      rowFormula: (_p, r, i) => [
        userText(units[i].name),
        ...phased[i],
        { formula: `=SUM(${a1(r, 1)}:${a1(r, 12)})`, value: sum(phased[i]) },
      ],
    }
  );
  const matrixTotals = matrix.totalsRow ?? matrix.firstRow + matrix.rows;

  // 3. Monthly phasing and the chart.
  b.section(L.sections.phasing);
  const phasing = b.table(
    "KAM_PlanPhasing",
    [
      { header: L.headers.month, format: "month", width: 12 },
      { header: L.headers.sales(baseYear), format: "integer", width: 14 },
      { header: L.headers.seasonalShare, format: "percent", width: 14 },
      { header: L.headers.target(planYear), format: "integer", width: 14 },
      { header: L.headers.change(baseYear), format: "percent", width: 14 },
    ],
    monthTargets.map(() => []),
    {
      rowFormula: (_p, r, j) => [
        serialFromYmd(planYear, j + 1, 1) ?? null,
        baseMonths[j],
        shares.shares[j],
        { formula: `=${a1(matrixTotals, 1 + j)}`, value: monthTargets[j] },
        growthCell(a1(r, 3), a1(r, 1), monthTargets[j], baseMonths[j]),
      ],
    }
  );
  {
    const tot = phasing.firstRow + phasing.rows;
    totalsRow(
      b,
      phasing,
      [
        L.total,
        sumOf(phasing, 1, baseMonths),
        sumOf(phasing, 2, shares.shares),
        sumOf(phasing, 3, monthTargets),
        growthCell(a1(tot, 3), a1(tot, 1), sum(monthTargets), sum(baseMonths)),
      ],
      [undefined, "integer", "percent", "integer", "percent"]
    );
  }
  b.chart({
    kind: "column",
    title: L.chartTitle(planYear, baseYear),
    series: [
      {
        name: L.headers.target(planYear),
        categories: phasing.column(0),
        values: phasing.column(3),
        color: "#2F5597",
      },
      {
        name: L.headers.sales(baseYear),
        categories: phasing.column(0),
        values: phasing.column(1),
        color: "#A5A5A5",
      },
    ],
    yFormat: "integer",
    legend: "bottom",
    anchor: { row: phasing.area.row, column: 6, rows: 15, columns: 8 },
  });

  // 4. Budget: formulas over the revenue (the phased targets) and the yellow rates.
  b.section(L.sections.budget(planYear));
  const k = rates.length;
  const col = { rev: 1, variable: 2 + k, fixed: 3 + k, total: 4 + k, profit: 5 + k, margin: 6 + k };
  const budgetTable = b.table(
    "KAM_PlanBudget",
    [
      { header: L.headers.month, format: "month", width: 12 },
      { header: L.headers.revenue, format: "integer", width: 14 },
      ...lineHeaders.map((header): ColumnSpec => ({ header, format: "integer", width: 14 })),
      { header: L.headers.variable, format: "integer", width: 14 },
      { header: L.headers.fixed, format: "integer", width: 12 },
      { header: L.headers.totalCosts, format: "integer", width: 12 },
      { header: L.headers.profit, format: "integer", width: 12 },
      { header: L.headers.margin, format: "percent", width: 10 },
    ],
    budget.periods.map(() => []),
    {
      rowFormula: (_p, r, j) => {
        const p = budget.periods[j];
        const rev = a1(r, col.rev);
        return [
          serialFromYmd(planYear, j + 1, 1) ?? null,
          { formula: `=${a1(phasing.firstRow + j, 3)}`, value: p.revenue },
          ...p.lines.map((v, c): FormulaCell => ({ formula: `=${rev}*${rateCells[c]}`, value: v })),
          {
            formula: k > 0 ? `=SUM(${a1(r, 2)}:${a1(r, 1 + k)})` : "=0",
            value: p.variable,
          },
          { formula: `=${fixedCell}`, value: p.fixed },
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
  const budgetTotals = budgetTable.firstRow + budgetTable.rows;
  {
    const t = budget.total;
    const rev = a1(budgetTotals, col.rev);
    totalsRow(
      b,
      budgetTable,
      [
        L.total,
        { formula: `=SUM(${budgetTable.columnA1(col.rev)})`, value: t.revenue },
        ...t.lines.map((v, c): FormulaCell => ({
          formula: `=SUM(${budgetTable.columnA1(2 + c)})`,
          value: v,
        })),
        { formula: `=SUM(${budgetTable.columnA1(col.variable)})`, value: t.variable },
        { formula: `=SUM(${budgetTable.columnA1(col.fixed)})`, value: t.fixed },
        { formula: `=SUM(${budgetTable.columnA1(col.total)})`, value: t.totalCost },
        { formula: `=SUM(${budgetTable.columnA1(col.profit)})`, value: t.profit },
        {
          formula: `=IF(${rev}=0,"",${a1(budgetTotals, col.profit)}/${rev})`,
          value: t.margin ?? "",
        },
      ],
      [undefined, ...Array.from({ length: 5 + k }, (): NumberFormat => "integer"), "percent"]
    );
  }

  // 5. Gap to target when the data reaches into the plan year.
  const notes: string[] = [];
  const planRows: number[] = [];
  for (let i = 0; i < n; i++) if (Math.floor(monthKey[i] / 12) === planYear) planRows.push(i);
  if (planRows.length > 0 && annualTarget > 0) {
    const actual = sum(planRows.map((i) => amounts[i]));
    const elapsed = lastYear > planYear ? 12 : (lastKey % 12) + 1;
    const left = 12 - elapsed;
    const g = gapToTarget(annualTarget, actual, undefined, left > 0 ? left : undefined);
    let lastInPlan = -Infinity;
    for (const i of planRows) lastInPlan = Math.max(lastInPlan, Math.floor(dates[i]));
    b.section(L.sections.gap(planYear));
    const top = b.row;
    const cell = (i: number) => a1(top + i, 1);
    const pairs: [string, CellContent, NumberFormat?][] = [
      [L.key.gapTarget(planYear), { formula: `=${targetCell}`, value: annualTarget }, "integer"],
      [L.key.actual(isoFromSerial(lastInPlan)), actual, "integer"],
      [
        L.key.targetToDate(elapsed),
        {
          formula: `=SUM(${a1(phasing.firstRow, 3)}:${a1(phasing.firstRow + elapsed - 1, 3)})`,
          value: sum(monthTargets.slice(0, elapsed)),
        },
        "integer",
      ],
      [L.key.attainment, { formula: `=${cell(1)}/${cell(0)}`, value: g.attainment }, "percent"],
      [L.key.gap, { formula: `=${cell(0)}-${cell(1)}`, value: g.gap }, "integer"],
      [L.key.monthsLeft, left, "integer"],
    ];
    if (g.runRate)
      pairs.push([
        L.key.runRate,
        { formula: `=MAX(0,${cell(4)})/${cell(5)}`, value: g.runRate.needed },
        "integer",
      ]);
    b.keyValues(pairs);
    notes.push(L.notes.gapDone);
  } else if (planRows.length > 0) {
    notes.push(L.notes.zeroTarget);
  }

  // 6. The T+3 key-account marketing plan.
  b.section(L.sections.plan(planYear, planYear + 2));
  inputBox(b, L.sections.mission, L.hints.mission, texts.mission);

  b.section(L.sections.financial);
  const yearList: number[] = [];
  for (let y = Math.floor(firstKey / 12); y <= lastYear; y++) yearList.push(y);
  const yearSales = yearList.map((y) =>
    sum(Array.from({ length: 12 }, (_, m) => monthTotal(y * 12 + m)))
  );
  b.table(
    "KAM_PlanYears",
    [
      { header: L.headers.year, width: 12 },
      { header: L.headers.salesPlain, format: "integer", width: 14 },
      { header: L.headers.growth, format: "percent" },
      { header: L.headers.note, width: 24 },
    ],
    yearList.map(() => []),
    {
      rowFormula: (_p, r, i) => {
        const y = yearList[i];
        const note =
          y === Math.floor(firstKey / 12) && !full(y)
            ? L.partialFrom(isoFromSerial(first))
            : !full(y)
              ? L.partialTo(isoFromSerial(last))
              : "";
        const comparable = i > 0 && full(y) && full(yearList[i - 1]);
        return [
          String(y),
          yearSales[i],
          comparable ? growthCell(a1(r, 1), a1(r - 1, 1), yearSales[i], yearSales[i - 1]) : null,
          note,
        ];
      },
    }
  );

  // Accounts (customers) of the basis year.
  b.section(L.sections.accounts);
  const customers = data.text.customer;
  const accounts = customers
    ? pareto(
        baseRows.map((i) => nameOf(customers, i)),
        baseRows.map((i) => amounts[i])
      )
    : undefined;
  if (accounts && accounts.ok) {
    const rows = accounts.value;
    const top = rows.slice(0, 10);
    const rest = rows.slice(10);
    b.table(
      "KAM_PlanAccounts",
      [
        { header: L.headers.rank, format: "integer", width: 8 },
        { header: L.headers.account, width: 28 },
        { header: L.headers.sales(baseYear), format: "integer", width: 14 },
        { header: L.headers.share, format: "percent" },
        { header: L.headers.cumulative, format: "percent", width: 14 },
      ],
      Array.from({ length: top.length + (rest.length > 0 ? 1 : 0) }, () => []),
      {
        rowFormula: (p, r, i) => {
          const share = (v: number): FormulaCell => ({
            formula: `=${a1(r, 2)}/${baseSalesCell}`,
            value: v,
          });
          const cumulative = (v: number): FormulaCell => ({
            formula: `=SUM(${a1(p.firstRow, 3, true)}:${a1(r, 3)})`,
            value: v,
          });
          if (i < top.length) {
            const a = top[i];
            return [
              a.rank,
              userText(a.customer),
              a.total,
              share(a.share),
              cumulative(a.cumulative),
            ];
          }
          const restTotal = sum(rest.map((a) => a.total));
          return [
            null,
            L.others(rest.length),
            {
              formula: `=${baseSalesCell}-SUM(${a1(p.firstRow, 2)}:${a1(r - 1, 2)})`,
              value: restTotal,
            },
            share(sum(rest.map((a) => a.share))),
            cumulative(rest[rest.length - 1].cumulative),
          ];
        },
      }
    );
  } else {
    b.note(L.hints.noAccounts);
    b.row++;
  }

  b.section(L.sections.factors);
  b.note(L.hints.factors);
  const factorNames = texts.successFactors ?? [];
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

  b.section(L.sections.portfolio);
  if (accounts && accounts.ok) {
    const active = (rows: { customer: string | number; total: number }[]) =>
      new Set(rows.filter((r) => r.total > 0).map((r) => customerKey(r.customer)));
    const nowSet = active(accounts.value);
    const pairs: [string, CellContent, NumberFormat?][] = [
      [L.key.accountsBase(baseYear), nowSet.size, "integer"],
    ];
    const beforeRows: number[] = [];
    for (let i = 0; i < n; i++)
      if (Math.floor(monthKey[i] / 12) === baseYear - 1) beforeRows.push(i);
    const before =
      customers && beforeRows.length > 0
        ? pareto(
            beforeRows.map((i) => nameOf(customers, i)),
            beforeRows.map((i) => amounts[i])
          )
        : undefined;
    if (before && before.ok) {
      const beforeSet = active(before.value);
      pairs.push(
        [L.key.accountsBefore(baseYear - 1), beforeSet.size, "integer"],
        [
          L.key.newAccounts(baseYear),
          [...nowSet].filter((c) => !beforeSet.has(c)).length,
          "integer",
        ],
        [
          L.key.lostAccounts(baseYear),
          [...beforeSet].filter((c) => !nowSet.has(c)).length,
          "integer",
        ]
      );
    }
    const top20 = paretoShare(accounts.value.map((a) => a.total));
    if (top20.ok) pairs.push([L.key.topShare(baseYear), top20.value, "percent"]);
    pairs.push([L.key.comment, texts.portfolio !== undefined ? userText(texts.portfolio) : null]);
    const rows = b.keyValues(pairs);
    b.format({ row: rows[rows.length - 1], column: 1, rows: 1, columns: 1 }, INPUT);
    b.row--;
  } else {
    b.note(L.hints.noAccounts);
  }
  b.note(L.hints.portfolio);
  b.row++;

  b.section(L.sections.planAssumptions);
  {
    const rows = b.keyValues([
      [L.key.growth, { formula: `=${growthCellRef}`, value: growth }, "percent"],
      [L.key.market, text(texts.market)],
      [L.key.prices, text(texts.prices)],
      [L.key.competition, text(texts.competition)],
    ]);
    b.format({ row: rows[1], column: 1, rows: 3, columns: 1 }, INPUT);
  }

  b.section(L.sections.objectives);
  b.note(L.hints.objectives);
  const objectiveTargets = [annualTarget];
  for (let i = 1; i < 3; i++) objectiveTargets.push(objectiveTargets[i - 1] * (1 + growth));
  const objectives = b.table(
    "KAM_PlanObjectives",
    [
      { header: L.headers.year, width: 12 },
      { header: L.headers.revenueTarget, format: "integer", width: 14 },
      { header: L.headers.growth, format: "percent" },
      { header: L.headers.objective, width: 24 },
      { header: L.headers.strategy, width: 24 },
    ],
    objectiveTargets.map(() => []),
    {
      rowFormula: (_p, r, i) => [
        String(planYear + i),
        i === 0
          ? { formula: `=${targetCell}`, value: annualTarget }
          : { formula: `=${a1(r - 1, 1)}*(1+${growthCellRef})`, value: objectiveTargets[i] },
        i === 0
          ? growthCell(a1(r, 1), baseSalesCell, annualTarget, baseTotal)
          : growthCell(a1(r, 1), a1(r - 1, 1), objectiveTargets[i], objectiveTargets[i - 1]),
        text(texts.objectives?.[i]),
        text(texts.strategies?.[i]),
      ],
    }
  );
  b.format({ row: objectives.firstRow, column: 3, rows: 3, columns: 2 }, { ...INPUT, wrap: true });

  b.section(L.sections.planBudget);
  {
    const ref = (c: number) => a1(budgetTotals, c);
    const t = budget.total;
    const rows = b.keyValues([
      [L.key.revenue, { formula: `=${ref(col.rev)}`, value: t.revenue }, "integer"],
      [L.key.totalCosts, { formula: `=${ref(col.total)}`, value: t.totalCost }, "integer"],
      [L.key.profit, { formula: `=${ref(col.profit)}`, value: t.profit }, "integer"],
      [L.key.margin, { formula: `=${ref(col.margin)}`, value: t.margin ?? "" }, "percent"],
      [L.key.resources, text(texts.resources)],
    ]);
    b.format({ row: rows[4], column: 1, rows: 1, columns: 1 }, INPUT);
  }

  // Notes; the warnings among them go to ReportSheet.warnings too (kam report --json).
  const warnings: string[] = [];
  const warn = (text: string) => {
    warnings.push(text);
    return text;
  };
  if (notes.includes(L.notes.zeroTarget)) warnings.push(L.notes.zeroTarget);
  notes.unshift(
    ...(abcCustomers !== undefined
      ? [warn(L.notes.abc(abcCustomers, baseYear, maxCustomers))]
      : split === "abc"
        ? [L.notes.abcChosen(baseYear)]
        : []),
    ...(baseYear < planYear - 1 ? [warn(L.notes.baseGap(planYear, baseYear))] : []),
    L.notes.split(unitNoun, baseYear),
    ...(unit !== undefined ? [L.notes.rounded(unit)] : []),
    options.annualTarget === undefined
      ? L.notes.defaultTarget(baseYear, `${Math.round(growth * 1000) / 10}%`)
      : L.notes.givenTarget,
    L.notes.phasing(years[0], baseYear),
    L.notes.fullYear,
    ...(notInBase > 0
      ? [
          warn(
            L.notes.notInBase(
              notInBase,
              baseYear,
              split === "abc" ? L.unitNouns.customer : unitNoun
            )
          ),
        ]
      : []),
    L.notes.budget
  );
  if (planRows.length === 0) notes.push(L.notes.gapNone(planYear));
  b.section(L.sections.notes);
  for (const t of notes) b.note(t);
  b.width(0, 30);
  b.width(1, 16);
  const sheet = b.build();
  const targets: Record<string, ReportFigure> = {};
  units.forEach((u, i) => (targets[u.key] = parts.parts[i]));
  sheet.figures = {
    year: planYear,
    base_year: baseYear,
    target: annualTarget,
    groups: { by: split ?? "company", count: units.length },
    targets,
  };
  sheet.warnings = warnings;
  return sheet;
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
