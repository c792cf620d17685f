// The Sales team report's blended outlook (repeat business + weighted new-business pipeline against
// the target, per period and per owner) and its forecast vs actual per owner and period
// (src/engine/team/outlook.ts), written with the team report's SheetBuilder.

import { Grain, isoFromSerial } from "../engine/calendar";
import { Deal } from "../engine/team/deals";
import {
  blendedOutlook,
  DEFAULT_OUTLOOK_PERIODS,
  forecastVsActual,
  OutlookCells,
  OutlookGrain,
  RevenuePoint,
  TargetRow,
} from "../engine/team/outlook";
import { ProbabilityMethod } from "../engine/team/probabilities";
import { TEAM_REPORT } from "../i18n/report.team";
import { Lang } from "../i18n/lang";
import { a1, CellContent, ReportFigure } from "./model";
import { Dataset } from "./roles";
import { SheetBuilder, userTextOr } from "./sheet";

type Chart = Parameters<SheetBuilder["chart"]>[0];

const COLORS = { repeat: "#5B9BD5", pipeline: "#70AD47", target: "#C00000" };

/** The outlook's and forecast vs actual's period: the team's grain, a year read as quarters. */
export function outlookGrain(grain: Grain | undefined): OutlookGrain {
  return grain === "month" || grain === undefined ? "month" : "quarter";
}

const blank = (v: number | undefined): CellContent => (v === undefined ? null : v);

/** The rows of the targets table: owner (or team) name, date when given, target. */
export function targetRows(targets: Dataset): TargetRow[] {
  const names = targets.text.owner ?? targets.text.team ?? [];
  const dates = targets.sparse?.date ?? targets.numbers.date;
  const values = targets.sparse?.target ?? targets.numbers.target ?? [];
  const out: TargetRow[] = [];
  for (let i = 0; i < targets.rows; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    const name = (names[i] ?? "").trim();
    out.push({ owner: name === "" ? null : name, date: dates?.[i] ?? null, target: v });
  }
  return out;
}

/**
 * Forecast vs actual per owner and period (every full month or quarter the created and close dates
 * allow), with the totals per owner: bias and absolute error. Adds `forecast_vs_actual` to figures:
 * owner → period → {forecast, actual, won, error}, and `forecast_vs_actual_owners`: owner →
 * {periods, forecast, actual, won, bias, abs_error}.
 */
export function forecastVsActualSection(
  b: SheetBuilder,
  notes: string[],
  figures: Record<string, ReportFigure>,
  x: {
    lang: Lang;
    deals: readonly Deal[];
    textbook: readonly number[];
    method: ProbabilityMethod;
    asOf: number;
    minClosed: number;
    grain: Grain | undefined;
  }
): void {
  const T = TEAM_REPORT[x.lang];
  const L = T.outlook;
  const grain = outlookGrain(x.grain);
  const fva = forecastVsActual(x.deals, x.textbook, x.method, x.asOf, grain, x.minClosed);
  if (!fva) {
    notes.push(L.notes.noFva);
    return;
  }
  if (fva.periods.length > 0) {
    b.section(L.fva(L.grainOne[grain]));
    const rows = fva.periods.flatMap((p) => p.owners.map((c) => ({ p, c })));
    b.table(
      "KAM_TeamForecastActual",
      [
        { header: L.headers.owner, total: { label: T.team }, width: 24 },
        { header: L.headers.period, width: 10 },
        { header: L.headers.forecast, format: "number", total: "sum", width: 16 },
        { header: L.headers.actual, format: "number", total: "sum", width: 16 },
        { header: L.headers.error, format: "number", total: "sum", width: 16 },
        { header: L.headers.won, format: "number", total: "sum", width: 16 },
      ],
      rows.map(() => []),
      {
        // Error = forecast − won from those deals, as a native formula.
        rowFormula: (_t, r, k) => {
          const { p, c } = rows[k];
          return [
            userTextOr(c.owner, T.noOwner),
            p.label,
            c.forecast,
            c.actual,
            { formula: `=${a1(r, 2)}-${a1(r, 3)}`, value: c.error },
            c.won,
          ];
        },
      }
    );
    b.section(L.fvaOwners);
    b.table(
      "KAM_TeamForecastBias",
      [
        { header: L.headers.owner, width: 24 },
        { header: L.headers.periods, format: "integer" },
        { header: L.headers.forecast, format: "number", width: 16 },
        { header: L.headers.actual, format: "number", width: 16 },
        { header: L.headers.won, format: "number", width: 16 },
        { header: L.headers.bias, format: "percent" },
        { header: L.headers.absError, format: "percent" },
      ],
      fva.owners.map((o) => [
        userTextOr(o.owner, T.noOwner),
        o.periods,
        o.forecast,
        o.actual,
        o.won,
        blank(o.bias),
        blank(o.absError),
      ])
    );
    const byOwner: Record<string, ReportFigure> = {};
    for (const p of fva.periods)
      for (const c of p.owners) {
        const key = c.owner ?? T.noOwner;
        const o = (byOwner[key] ?? {}) as Record<string, ReportFigure>;
        o[p.label] = { forecast: c.forecast, actual: c.actual, won: c.won, error: c.error };
        byOwner[key] = o;
      }
    figures.forecast_vs_actual = byOwner;
    figures.forecast_vs_actual_owners = Object.fromEntries(
      fva.owners.map((o) => [
        o.owner ?? T.noOwner,
        {
          periods: o.periods,
          forecast: o.forecast,
          actual: o.actual,
          won: o.won,
          bias: o.bias ?? null,
          abs_error: o.absError ?? null,
        },
      ])
    );
  }
  notes.push(L.notes.fva(T.methods[x.method]));
  if (fva.empty > 0) notes.push(L.notes.fvaEmpty(fva.empty));
}

/** The open pipeline as the team report weighs it: deals, and each one's probability when open. */
export interface OutlookPipeline {
  deals: readonly Deal[];
  probabilities: readonly number[];
}

/**
 * The blended outlook: a table per period (repeat, new-business pipeline, expansion in the repeat,
 * blended, target, gap), one per owner and period, a column chart; `outlook` in figures: period →
 * {repeat, pipeline, blended, target}.
 */
export function outlookSections(
  b: SheetBuilder,
  notes: string[],
  figures: Record<string, ReportFigure>,
  charts: Chart[],
  x: {
    lang: Lang;
    grain: Grain | undefined;
    count?: number;
    /** The as-of date of the pipeline (the outlook starts after it) and of the revenue. */
    asOf: number;
    revenueAsOf?: number;
    revenue: readonly RevenuePoint[];
    /** Whether the revenue rows are orders (else the won deals). */
    orders: boolean;
    pipeline?: OutlookPipeline;
    method: ProbabilityMethod;
    targets?: Dataset;
  }
): void {
  const T = TEAM_REPORT[x.lang];
  const L = T.outlook;
  const grain = outlookGrain(x.grain);
  const count = x.count ?? DEFAULT_OUTLOOK_PERIODS[grain];
  const targets = x.targets ? targetRows(x.targets) : undefined;
  const o = blendedOutlook({
    asOf: x.asOf,
    revenueAsOf: x.revenueAsOf,
    grain,
    count,
    ...(x.revenue.length > 0 ? { revenue: x.revenue } : {}),
    ...(x.pipeline
      ? {
          deals: x.pipeline.deals
            .map((d, i) => ({ d, p: x.pipeline?.probabilities[i] ?? 0 }))
            .filter(({ d }) => d.outcome === "open")
            .map(({ d, p }) => ({
              account: d.account ?? null,
              owner: d.owner,
              amount: d.amount,
              close: d.close,
              probability: p,
            })),
        }
      : {}),
    ...(targets && targets.length > 0 ? { targets } : {}),
  });
  const hasRepeat = o.repeat !== undefined;
  const hasPipeline = o.pipeline !== undefined;
  const hasTarget = o.targets !== undefined;
  if (!hasRepeat && !hasPipeline) {
    notes.push(L.notes.noRevenue);
    return;
  }
  b.section(L.section(count === 1 ? L.grainOne[grain] : L.grains[grain], count));
  // Columns: label(s), repeat, pipeline, expansion, blended (= repeat + pipeline), target, gap.
  const columns = (first: { header: string; width: number }[]) => [
    ...first.map((c, i) => ({
      ...c,
      ...(i === 0 ? { total: { label: T.total } } : {}),
    })),
    { header: L.headers.repeat, format: "number" as const, total: "sum" as const, width: 16 },
    { header: L.headers.pipeline, format: "number" as const, total: "sum" as const, width: 16 },
    { header: L.headers.expansion, format: "number" as const, total: "sum" as const, width: 18 },
    { header: L.headers.blended, format: "number" as const, total: "sum" as const, width: 16 },
    ...(hasTarget
      ? [
          { header: L.headers.target, format: "number" as const, total: "sum" as const },
          { header: L.headers.gap, format: "number" as const, total: "sum" as const, width: 16 },
        ]
      : []),
  ];
  const cellsOf = (c: OutlookCells, r: number, at: number): CellContent[] => [
    hasRepeat ? (c.repeat ?? 0) : null,
    hasPipeline ? (c.pipeline ?? 0) : null,
    hasPipeline ? (c.expansion ?? 0) : null,
    {
      formula: `=${[...(hasRepeat ? [a1(r, at)] : []), ...(hasPipeline ? [a1(r, at + 1)] : [])].join("+")}`,
      value: c.blended,
    },
    ...(hasTarget
      ? [
          c.target ?? 0,
          { formula: `=${a1(r, at + 3)}-${a1(r, at + 4)}`, value: c.blended - (c.target ?? 0) },
        ]
      : []),
  ];
  const t = b.table(
    "KAM_TeamOutlook",
    columns([{ header: L.headers.period, width: 12 }]),
    o.periods.map(() => []),
    { rowFormula: (_t, r, k) => [o.periods[k].label, ...cellsOf(o.periods[k], r, 1)] }
  );
  const earlier = charts.map((c) => (c.anchor?.row ?? 0) + (c.anchor?.rows ?? 16) + 1);
  charts.push({
    kind: "column",
    title: L.chart,
    series: [
      ...(hasRepeat
        ? [
            {
              name: L.headers.repeat,
              categories: t.column(0),
              values: t.column(1),
              color: COLORS.repeat,
            },
          ]
        : []),
      ...(hasPipeline
        ? [
            {
              name: L.headers.pipeline,
              categories: t.column(0),
              values: t.column(2),
              color: COLORS.pipeline,
            },
          ]
        : []),
      ...(hasTarget
        ? [
            {
              name: L.headers.target,
              categories: t.column(0),
              values: t.column(5),
              color: COLORS.target,
            },
          ]
        : []),
    ],
    legend: "bottom",
    // At the table, or below the charts placed before it (all go in the same columns).
    anchor: { row: Math.max(t.area.row, ...earlier), rows: 16, columns: 8 },
  });
  const named = o.owners.some((r) => r.owner !== null);
  if (named) {
    const rows = o.owners.flatMap((r) => r.periods.map((c, k) => ({ r, c, k })));
    b.section(L.byOwner);
    b.table(
      "KAM_TeamOutlookOwners",
      columns([
        { header: L.headers.owner, width: 24 },
        { header: L.headers.period, width: 10 },
      ]),
      rows.map(() => []),
      {
        rowFormula: (_t, r, i) => {
          const { r: row, c, k } = rows[i];
          return [userTextOr(row.owner, T.noOwner), o.periods[k].label, ...cellsOf(c, r, 2)];
        },
      }
    );
  }

  // What the sheet must say: the sources, the model, the double counting, what was left out.
  if (x.grain === "year") notes.push(L.notes.yearGrain);
  if (o.repeat) {
    notes.push(x.orders ? L.notes.repeatOrders : L.notes.repeatWon);
    const r = o.repeat;
    if (r.history === 0) notes.push(L.notes.repeatNone);
    else if (r.fallback) notes.push(L.notes.repeatMean(r.history));
    else
      notes.push(
        L.notes.repeatEts(
          r.method,
          r.history,
          isoFromSerial(r.from ?? 0),
          isoFromSerial(r.to ?? 0),
          r.period
        )
      );
    if (r.booked !== 0)
      notes.push(
        L.notes.booked(
          o.periods[0].label,
          r.booked.toLocaleString(x.lang === "zh" ? "zh-CN" : "en-US")
        )
      );
    if (named) notes.push(L.notes.shares);
  } else notes.push(L.notes.noRevenue);
  if (o.pipeline) {
    const p = o.pipeline;
    notes.push(L.notes.weights(T.methods[x.method]), L.notes.expansion(p.expansionDeals));
    notes.push(L.notes.leftOut(p.overdue.deals, p.beyond.deals, p.undated.deals, p.withoutAmount));
  } else notes.push(L.notes.noPipeline);
  if (o.targets)
    notes.push(
      L.notes.targets(
        o.targets.dated,
        o.targets.outside,
        o.targets.undated,
        grain === "month" ? 12 : 4
      )
    );
  else notes.push(L.notes.noTargets);

  figures.outlook = Object.fromEntries(
    o.periods.map((p) => [
      p.label,
      {
        repeat: p.repeat ?? null,
        pipeline: p.pipeline ?? null,
        expansion: p.expansion ?? null,
        blended: p.blended,
        target: p.target ?? null,
        gap: p.gap ?? null,
      },
    ])
  );
  if (o.repeat) figures.outlook_repeat_method = o.repeat.method;
}
