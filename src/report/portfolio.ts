// The portfolio report: accounts' attractiveness and strength scores → the directional policy matrix
// (src/engine/portfolio/dpm.ts): quadrant and strategy per account, a strategy summary of COUNTIF/SUMIF
// formulas and a bubble chart with one series per quadrant.

import { share } from "../engine/kpi/kpi";
import { sum } from "../engine/numeric";
import { dpm, Quadrant, Strategy, STRATEGY_OF } from "../engine/portfolio/dpm";
import { PORTFOLIO_REPORT } from "../i18n/report.portfolio";
import { a1, BuildOptions, CellContent, ChartSeries, FormulaCell, ReportSheet } from "./model";
import { ticker } from "./progress";
import { Dataset } from "./roles";
import { SheetBuilder, userText } from "./sheet";

export interface PortfolioOptions {
  /** Score above which attractiveness or strength is high; default the middle of the scale. */
  cut?: number;
  /** The scores' scale; default from the data (0–1, 1–5, 0–10, 0–100, else lowest to highest). */
  scale?: { min: number; max: number };
}

/** Quadrants in the order the table lists them (and the chart's series). */
const QUADRANTS: readonly Quadrant[] = ["star", "questionMark", "cashCow", "dog"];
const STRATEGIES: readonly Strategy[] = ["improve", "enter", "maintain", "harvest"];
const QUADRANT_OF: Record<Strategy, Quadrant> = {
  improve: "star",
  enter: "questionMark",
  maintain: "cashCow",
  harvest: "dog",
};
const COLOURS: Record<Strategy, { fill: string; color: string; bubble: string }> = {
  improve: { fill: "#C6EFCE", color: "#006100", bubble: "#70AD47" },
  enter: { fill: "#FFEB9C", color: "#9C5700", bubble: "#FFC000" },
  maintain: { fill: "#DDEBF7", color: "#1F4E78", bubble: "#5B9BD5" },
  harvest: { fill: "#FFC7CE", color: "#9C0006", bubble: "#C00000" },
};

/** Candidate scales, tried in order: the first that holds every score is used. */
const SCALES: readonly [number, number][] = [
  [0, 1],
  [1, 5],
  [0, 10],
  [0, 100],
];

/** A formula's text literal: quotes doubled. */
function literal(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

export async function buildPortfolioReport(
  data: Dataset,
  options: BuildOptions & PortfolioOptions
): Promise<ReportSheet> {
  const L = PORTFOLIO_REPORT[options.lang];
  const names = data.text.account ?? [];
  const attract = data.numbers.attractiveness ?? [];
  const strength = data.numbers.strength ?? [];
  const revenue = data.numbers.revenue ?? [];
  const n = Math.min(data.rows, attract.length, strength.length, revenue.length);
  if (n === 0) throw new Error(L.errors.noData);
  const rowNo = (i: number) => data.sheetRows[i] ?? i + 1;
  const nameOf = (i: number) => {
    const t = (names[i] ?? "").trim();
    return t === "" ? L.blank : t;
  };
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(attract[i]))
      throw new Error(L.errors.score(L.what.attractiveness, rowNo(i)));
    if (!Number.isFinite(strength[i])) throw new Error(L.errors.score(L.what.strength, rowNo(i)));
    if (!Number.isFinite(revenue[i])) throw new Error(L.errors.revenue(rowNo(i)));
    if (revenue[i] < 0) throw new Error(L.errors.negative(nameOf(i), rowNo(i), revenue[i]));
  }
  const total = sum(revenue.slice(0, n));
  if (!(total > 0)) throw new Error(L.errors.noRevenue);

  // The scale and the cut.
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    lo = Math.min(lo, attract[i], strength[i]);
    hi = Math.max(hi, attract[i], strength[i]);
  }
  let min: number;
  let max: number;
  if (options.scale) {
    ({ min, max } = options.scale);
    if (!(Number.isFinite(min) && Number.isFinite(max) && min < max))
      throw new Error(L.errors.scale(min, max));
    for (let i = 0; i < n; i++) {
      for (const [what, v] of [
        [L.what.attractiveness, attract[i]],
        [L.what.strength, strength[i]],
      ] as const) {
        if (v < min || v > max)
          throw new Error(L.errors.outside(what, nameOf(i), rowNo(i), v, min, max));
      }
    }
  } else {
    [min, max] = SCALES.find(([a, b]) => lo >= a && hi <= b) ?? [lo, hi];
  }
  const cut = options.cut ?? (min + max) / 2;
  if (!Number.isFinite(cut)) throw new Error(L.errors.cut(cut));

  const rows = dpm([attract.slice(0, n)], [1], [strength.slice(0, n)], [1], cut);
  const order = rows
    .map((_, i) => i)
    .sort(
      (p, q) =>
        QUADRANTS.indexOf(rows[p].quadrant) - QUADRANTS.indexOf(rows[q].quadrant) ||
        revenue[q] - revenue[p] ||
        p - q
    );
  await ticker(1, options)(1);

  // ---- The sheet -------------------------------------------------------------------------------
  const b = new SheetBuilder("portfolio", L.sheetName, { ...options, live: undefined });
  const created = (options.created ?? new Date().toISOString()).slice(0, 10);
  b.title(L.title, L.subtitle(options.source ?? data.source, created));
  b.keyValues([
    [L.key.accounts, n, "integer"],
    [L.key.scale, L.key.scaleText(min, max)],
    [L.key.cut, cut],
    [L.key.axes, L.key.axesText],
  ]);

  b.section(L.sections.matrix);
  const strategyText = (s: Strategy) => L.strategies[s];
  const table = b.table(
    "KAM_Portfolio",
    [
      { header: L.headers.account, total: { label: L.total }, width: 28 },
      { header: L.headers.attractiveness, format: "number", width: 14 },
      { header: L.headers.strength, format: "number", width: 12 },
      { header: L.headers.revenue, format: "integer", total: "sum", width: 14 },
      { header: L.headers.share, format: "percent", total: "sum" },
      { header: L.headers.quadrant, width: 14 },
      { header: L.headers.strategy, width: 18 },
    ],
    order.map(() => []),
    {
      rowFormula: (p, r, k) => {
        const i = order[k];
        const s = share(revenue[i], total);
        const cell: FormulaCell = {
          formula: `=${a1(r, 3)}/${a1(p.firstRow + p.rows, 3, true)}`,
          value: s.ok ? s.value : 0,
        };
        return [
          userText(nameOf(i)),
          rows[i].attractiveness,
          rows[i].strength,
          revenue[i],
          cell,
          L.quadrants[rows[i].quadrant],
          strategyText(rows[i].strategy),
        ];
      },
    }
  );
  for (const s of STRATEGIES) {
    const c = COLOURS[s];
    b.conditional({
      kind: "textEquals",
      area: table.column(6),
      text: strategyText(s),
      style: { fill: c.fill, color: c.color },
    });
  }

  // One bubble series per quadrant: the table is sorted by quadrant, so each is a block of rows.
  const series: ChartSeries[] = [];
  for (const q of QUADRANTS) {
    const idx = order.map((i, k) => (rows[i].quadrant === q ? k : -1)).filter((k) => k >= 0);
    if (idx.length === 0) continue;
    const area = (column: number) => ({
      row: table.firstRow + idx[0],
      column,
      rows: idx.length,
      columns: 1,
    });
    series.push({
      name: L.series(L.quadrants[q], strategyText(STRATEGY_OF[q])),
      categories: area(2),
      values: area(1),
      sizes: area(3),
      color: COLOURS[STRATEGY_OF[q]].bubble,
    });
  }
  b.chart({
    kind: "bubble",
    title: L.chartTitle,
    series,
    xAxisTitle: L.xAxis,
    yAxisTitle: L.yAxis,
    legend: "bottom",
    anchor: { row: table.area.row, rows: 20, columns: 9 },
  });

  // Strategy summary: COUNTIF / SUMIF over the strategy column.
  b.section(L.sections.summary);
  const strategyRange = table.columnA1(6, true);
  const revenueRange = table.columnA1(3, true);
  const groups = STRATEGIES.map((s) => {
    const members = order.filter((i) => rows[i].strategy === s);
    return { s, count: members.length, revenue: sum(members.map((i) => revenue[i])) };
  });
  b.table(
    "KAM_PortfolioStrategy",
    [
      { header: L.headers.strategy, total: { label: L.total }, width: 28 },
      { header: L.headers.quadrant, width: 14 },
      { header: L.headers.accounts, format: "integer", total: "sum", width: 12 },
      { header: L.headers.revenue, format: "integer", total: "sum", width: 14 },
      { header: L.headers.share, format: "percent", total: "sum" },
    ],
    groups.map(() => []),
    {
      rowFormula: (p, r, k): CellContent[] => {
        const g = groups[k];
        const label = literal(strategyText(g.s));
        const s = share(g.revenue, total);
        return [
          strategyText(g.s),
          L.quadrants[QUADRANT_OF[g.s]],
          { formula: `=COUNTIF(${strategyRange},${label})`, value: g.count },
          { formula: `=SUMIF(${strategyRange},${label},${revenueRange})`, value: g.revenue },
          {
            formula: `=${a1(r, 3)}/${a1(p.firstRow + p.rows, 3, true)}`,
            value: s.ok ? s.value : 0,
          },
        ];
      },
    }
  );

  const zero = order.filter((i) => revenue[i] === 0).length;
  const notes = [
    options.cut !== undefined ? L.notes.cutGiven(cut) : L.notes.cutDefault(cut, min, max),
    ...(options.scale ? [] : [L.notes.scaleRule]),
    L.notes.quadrants,
    L.notes.exit,
    L.notes.axes,
    L.notes.colours,
    ...(zero > 0 ? [L.notes.zeroRevenue(zero)] : []),
  ];
  b.section(L.sections.notes);
  for (const t of notes) b.note(t);
  b.width(0, 28);
  return b.build();
}
