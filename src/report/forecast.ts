// The forecast report: dated rows → regular periods per series → the forecasting engine (automatic
// combination, ETS, Theta, moving average) with rolling-origin back-tests → one finished sheet.

import { checkOptions } from "./options";
import { kamCall } from "./formulas";
import { maxOf, minOf, sum } from "../engine/numeric";
import { backtest, BacktestResult } from "../engine/forecast/backtest";
import { ForecastMethod, forecastSeries, SeriesForecast } from "../engine/forecast/batch";
import { detectPeriod, fillGaps, periodFromDates } from "../engine/forecast/series";
import { customerKey } from "../engine/accounts/rfm";
import {
  MAX_SERIAL,
  addPeriods,
  isoFromSerial,
  periodIndex,
  periodLabel,
} from "../engine/calendar";
import { FORECAST_REPORT, ForecastReportLabels } from "../i18n/report.forecast";
import {
  a1,
  Area,
  areaA1,
  BuildOptions,
  CellContent,
  ChartSeries,
  FormulaCell,
  LiveCell,
  NumberFormat,
  ReportFigure,
  ReportSheet,
} from "./model";
import { ticker } from "./progress";
import { Dataset } from "./roles";
import { ColumnSpec, PlacedTable, SheetBuilder, userText } from "./sheet";

export type ForecastReportMethod = "auto" | "smooth" | "theta" | "ma";

export interface ForecastOptions {
  /** Periods to forecast, 1..1000. Default one season: 12 months, 4 quarters; 3 years; without
   *  dates the seasonal period of the first series, or 3 when it has none. */
  horizon?: number;
  /** Periods per year with dates: 12 monthly, 4 quarterly, 1 yearly (default: from the dates' spacing,
   *  monthly for daily or weekly rows). Without dates: the seasonal period, 1..24 (default detected). */
  frequency?: number;
  /** Default "auto": the engine's combination (KAM.FORECAST_AUTO). */
  method?: ForecastReportMethod;
  /** Prediction-interval level, default 0.95. */
  confidence?: number;
  /** Single series: every method side by side with its back-test. */
  compare?: boolean;
  /** Rolling-origin back-test of the method (default true). */
  backtest?: boolean;
  /** Back-test origins: default 6 for one series (as KAM.BACKTEST), 3 per series for many. */
  origins?: number;
}

/** A missing period noted by the source reader: before data row `before` (0-based), or at `date`. */
interface DatasetGap {
  series?: string;
  date?: number;
  before?: number;
}

type Grain = "month" | "quarter" | "year" | "none";
const GRAIN_RANK: Record<Grain, number> = { none: 0, month: 1, quarter: 2, year: 3 };
/** The methods of the comparison, in the order of their columns. */
const COMPARED: readonly ForecastMethod[] = ["smooth", "theta", "damped", "ma", "auto"];

/** The time axis: integer period keys (with dates the period's index counted from the calendar's
 *  first month, quarter or year, 1900; without dates the 1-based position) and how a key is written
 *  into a cell. */
interface Axis {
  grain: Grain;
  cell(key: number): CellContent;
  text(key: number): string;
  format?: NumberFormat;
}

/** Serial 1 = 1900-01-01, the first day of key 0 of every dated grain. */
const ORIGIN = 1;

/** The calendar grain of dated data (whose axis is never "none"). */
function calendarGrain(grain: Grain): "month" | "quarter" | "year" {
  if (grain === "none") throw new Error("forecast: an axis without dates has no calendar periods");
  return grain;
}

/** First day of the period `key`. */
function startOf(key: number, grain: Grain): number {
  return addPeriods(ORIGIN, key, calendarGrain(grain));
}

function makeAxis(grain: Grain): Axis {
  if (grain === "none") return { grain, cell: (k) => k, text: (k) => String(k), format: "integer" };
  const text = (k: number) => periodLabel(startOf(k, grain), grain);
  if (grain !== "month") return { grain, cell: text, text };
  const cell = (k: number) => {
    const start = startOf(k, grain);
    return start >= 1 && start <= MAX_SERIAL ? start : null;
  };
  return { grain, cell, text, format: "month" };
}

function keyOf(serial: number, grain: Grain): number {
  return periodIndex(serial, ORIGIN, calendarGrain(grain));
}

interface PreparedSeries {
  name: string;
  /** Source rows of the series. */
  rows: number;
  /** Period keys of the history, consecutive. */
  keys: number[];
  /** Actual values per key; null where the period had no data. */
  actual: (number | null)[];
  /** The history given to the engine (gaps interpolated). */
  values: number[];
  /** Keys that were interpolated. */
  filled: number[];
  /** Transactions summed by period: periods inside the history without any row, taken as 0 sales. */
  zeros: number;
  /** Each period holds exactly one source row, in order (a live formula over the rows is exact). */
  direct: boolean;
  period: number;
}

interface MethodResult {
  mean: number[];
  lower?: number[];
  upper?: number[];
  model: string;
  /** The method as `kam report --json` names it, in any language: "auto" (the combination),
   *  "ETS(A,Ad,N)", "theta", "theta (seasonal)", "ma(12)". */
  code: string;
}

interface SeriesResult {
  series: PreparedSeries;
  forecast: MethodResult;
  test?: BacktestResult;
  testProblem?: string;
}

function finite(values: readonly number[] | undefined): boolean {
  return values === undefined || values.every((v) => Number.isFinite(v));
}

/** The model text of the sheet and the method code of `kam report --json` for a forecast. */
function describe(r: SeriesForecast, L: ForecastReportLabels): { model: string; code: string } {
  switch (r.kind) {
    case "combination": {
      const parts = r.members.map((m) => L.members[m.name] ?? m.name).join(" + ");
      return { model: L.model.combination(parts), code: "auto" };
    }
    case "ets":
      return { model: r.method, code: r.method };
    case "theta":
      return { model: L.model.theta(r.seasonal), code: r.seasonal ? "theta (seasonal)" : "theta" };
    case "ma":
      return { model: L.model.ma(r.window), code: `ma(${r.window})` };
  }
}

/** One method's forecast through the engine's dispatcher, with a model description. */
function runMethod(
  method: ForecastMethod,
  values: readonly number[],
  h: number,
  period: number,
  level: number | undefined,
  L: ForecastReportLabels
): MethodResult {
  const r = forecastSeries(values, h, { method, period, level });
  const out: MethodResult = { mean: r.mean, lower: r.lower, upper: r.upper, ...describe(r, L) };
  if (!finite(out.mean) || !finite(out.lower) || !finite(out.upper))
    throw new RangeError("the method gave no finite forecast");
  return out;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Back-test with as many origins as the history allows (at most `wanted`), as KAM.BACKTEST does. */
function runBacktest(
  values: readonly number[],
  h: number,
  method: ForecastMethod,
  wanted: number,
  period: number
): BacktestResult | "short" {
  const origins = Math.min(wanted, values.length - h - 3);
  if (origins < 1) return "short";
  return backtest(values, h, method, origins, period);
}

/** An accuracy figure for a cell: blank when undefined or not finite. */
function score(v: number | undefined): number | null {
  return v !== undefined && Number.isFinite(v) ? v : null;
}

function sumCell(area: Area, values: readonly (number | null)[]): FormulaCell {
  const nums = values.filter((v): v is number => v !== null);
  return { formula: `=SUM(${areaA1(area)})`, value: sum(nums) };
}

/** Row span of a SheetBuilder table: header, rows, totals, blank line. */
function tableSpan(rows: number, totals: boolean): number {
  return 1 + rows + (totals ? 1 : 0) + 1;
}

/** The first and last (1-based) sheet rows of an A1 range such as "Sales!B2:B61". */
function addressRows(address: string): { first: number; last: number } | undefined {
  const m = /!?\$?[A-Z]{1,3}\$?(\d+)(?::\$?[A-Z]{1,3}\$?(\d+))?$/.exec(address.trim());
  if (!m) return undefined;
  const first = Number(m[1]);
  return { first, last: m[2] ? Number(m[2]) : first };
}

export async function buildForecastReport(
  data: Dataset,
  options: BuildOptions & ForecastOptions
): Promise<ReportSheet> {
  const L = FORECAST_REPORT[options.lang];
  // Each option's bounds are declared in src/report/options.ts; the messages say them per option.
  checkOptions("forecast", options, (key) =>
    key === "horizon"
      ? L.errors.horizon(Number(options.horizon))
      : key === "confidence"
        ? L.errors.confidence(Number(options.confidence))
        : L.errors.method(String(options.method))
  );
  const method = options.method ?? "auto";
  const level = options.confidence ?? 0.95;
  if (
    options.origins !== undefined &&
    !(Number.isInteger(options.origins) && options.origins >= 1 && options.origins <= 100)
  )
    throw new Error(L.errors.origins(options.origins));

  const values = data.numbers.value ?? [];
  const dates = data.numbers.date;
  const n = Math.min(data.rows, values.length);
  if (n === 0) throw new Error(L.errors.noData);
  const rowNo = (i: number) => data.sheetRows[i] ?? i + 1;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(values[i])) throw new Error(L.errors.badValue(rowNo(i)));
    if (dates && !Number.isFinite(dates[i])) throw new Error(L.errors.badDate(rowNo(i)));
  }

  // The time axis: from the dates' spacing (or the frequency asked for), else the row order.
  let grain: Grain = "none";
  let aggregated = false;
  if (dates) {
    const distinct = Array.from(new Set(dates.slice(0, n).map((d) => Math.floor(d)))).sort(
      (p, q) => p - q
    );
    const natural = periodFromDates(distinct);
    const naturalGrain: Grain =
      natural === 12 ? "month" : natural === 4 ? "quarter" : natural === 1 ? "year" : "none";
    if (options.frequency !== undefined) {
      const f = options.frequency;
      if (f !== 12 && f !== 4 && f !== 1) throw new Error(L.errors.frequencyDates(f));
      grain = f === 12 ? "month" : f === 4 ? "quarter" : "year";
      if (GRAIN_RANK[naturalGrain] > GRAIN_RANK[grain])
        throw new Error(L.errors.coarser(L.grainNouns[grain]));
    } else grain = naturalGrain === "none" ? "month" : naturalGrain;
    aggregated = GRAIN_RANK[naturalGrain] < GRAIN_RANK[grain];
  } else if (
    options.frequency !== undefined &&
    !(Number.isInteger(options.frequency) && options.frequency >= 1 && options.frequency <= 24)
  ) {
    throw new Error(L.errors.frequency(options.frequency));
  }
  const axis = makeAxis(grain);

  // Series in order of first appearance; ids match ignoring case and surrounding spaces.
  const ids = data.text.series;
  const groups = new Map<string, { name: string; rows: number[] }>();
  for (let i = 0; i < n; i++) {
    const raw = ids ? (ids[i] ?? "") : "";
    const key = customerKey(raw);
    let g = groups.get(key);
    if (!g) {
      g = { name: raw.trim() === "" ? (ids ? L.blankSeries : "") : raw.trim(), rows: [] };
      groups.set(key, g);
    }
    g.rows.push(i);
  }

  // A last period with data ending well before its end (daily orders up to mid-month) is left out.
  let dropKey: number | undefined;
  let lastDate = -Infinity;
  if (dates) {
    let firstDate = Infinity;
    for (let i = 0; i < n; i++) {
      lastDate = Math.max(lastDate, Math.floor(dates[i]));
      firstDate = Math.min(firstDate, Math.floor(dates[i]));
    }
    const lastKey = keyOf(lastDate, grain);
    const firstKey = keyOf(firstDate, grain);
    if (aggregated && firstKey < lastKey && lastDate < startOf(lastKey + 1, grain) - 8)
      dropKey = lastKey;
  }

  // Without dates, a blank value inside a series is a missing period recorded by the source reader
  // (Dataset.gaps, when the reader provides it: a gap just before the data row `before`).
  const gapsBefore = new Map<number, number>();
  const recorded = "gaps" in data ? (data as { gaps?: readonly DatasetGap[] }).gaps : undefined;
  if (!dates && recorded)
    for (const gap of recorded)
      if (gap.before !== undefined)
        gapsBefore.set(gap.before, (gapsBefore.get(gap.before) ?? 0) + 1);

  const prepared: PreparedSeries[] = [];
  const failures: { name: string; reason: string }[] = [];
  for (const g of groups.values()) {
    let keys: number[];
    let actual: (number | null)[];
    let direct = true;
    let zeros = 0;
    if (dates) {
      const byKey = new Map<number, number[]>();
      for (const i of g.rows) {
        const k = keyOf(dates[i], grain);
        if (k === dropKey) {
          direct = false;
          continue;
        }
        const list = byKey.get(k);
        if (list) {
          list.push(values[i]);
          direct = false;
        } else byKey.set(k, [values[i]]);
      }
      const present = Array.from(byKey.keys());
      if (present.length === 0) {
        failures.push({ name: g.name, reason: L.reasons.noValues });
        continue;
      }
      const first = minOf(present);
      const last = maxOf(present);
      keys = [];
      actual = [];
      for (let k = first; k <= last; k++) {
        keys.push(k);
        const list = byKey.get(k);
        // Transactions summed by period (orders, invoice lines): a period without any row is a
        // period without sales, 0. One row per period (a table of monthly totals): a missing row is
        // a missing value, interpolated below and said so.
        if (!list && aggregated) zeros++;
        actual.push(list ? sum(list) : aggregated ? 0 : null);
      }
      // Rows out of date order, or periods skipped, are not one row per period in order.
      for (let j = 1; j < g.rows.length && direct; j++)
        if (!(dates[g.rows[j]] > dates[g.rows[j - 1]])) direct = false;
    } else {
      actual = [];
      for (const i of g.rows) {
        for (let k = gapsBefore.get(i) ?? 0; k > 0; k--) actual.push(null);
        actual.push(values[i]);
      }
      keys = actual.map((_, j) => j + 1);
    }
    const filled = fillGaps(actual);
    if (!filled) {
      failures.push({ name: g.name, reason: L.reasons.noValues });
      continue;
    }
    if (filled.values.length < 3) {
      failures.push({ name: g.name, reason: L.reasons.tooShort(filled.values.length) });
      continue;
    }
    const used = keys.slice(filled.first, filled.last + 1);
    const period =
      grain === "month"
        ? 12
        : grain === "quarter"
          ? 4
          : grain === "year"
            ? 1
            : (options.frequency ?? detectPeriod(filled.values));
    prepared.push({
      name: g.name,
      rows: g.rows.length,
      keys: used,
      actual: actual.slice(filled.first, filled.last + 1),
      values: filled.values,
      filled: filled.filled.map((i) => keys[i]),
      zeros,
      direct: direct && filled.filled.length === 0,
      period,
    });
  }

  const single = groups.size === 1;
  if (single && prepared.length === 0) {
    const f = failures[0];
    throw new Error(f.name ? L.errors.one(f.name, f.reason) : L.errors.oneNoName(f.reason));
  }
  if (prepared.length === 0)
    throw new Error(
      `${L.errors.none} ${failures
        .slice(0, 3)
        .map((f) => L.notes.failed(f.name, f.reason))
        .join(" ")}`
    );

  const h =
    options.horizon ??
    (grain === "month"
      ? 12
      : grain === "quarter"
        ? 4
        : grain === "year"
          ? 3
          : prepared[0].period > 1
            ? prepared[0].period
            : 3);

  const ctx: Context = {
    data,
    options,
    L,
    axis,
    h,
    level,
    method,
    runBacktests: options.backtest !== false,
    aggregated,
    dropKey,
    lastDate,
  };
  return single ? buildOne(prepared[0], ctx) : buildMany(prepared, failures, ctx);
}

interface Context {
  data: Dataset;
  options: BuildOptions & ForecastOptions;
  L: ForecastReportLabels;
  axis: Axis;
  h: number;
  level: number;
  method: ForecastReportMethod;
  runBacktests: boolean;
  aggregated: boolean;
  dropKey?: number;
  lastDate: number;
}

function subtitle(ctx: Context): string {
  const created = (ctx.options.created ?? new Date().toISOString()).slice(0, 10);
  return ctx.L.subtitle(ctx.options.source ?? ctx.data.source, created);
}

/** Notes shared by both layouts: how rows became periods; a left-out last period is a warning. */
function dataNotes(ctx: Context, series: readonly PreparedSeries[], warnings: string[]): string[] {
  const { L, axis } = ctx;
  const notes: string[] = [];
  if (ctx.aggregated) {
    const rows = sum(series.map((s) => s.rows));
    const periods = sum(series.map((s) => s.keys.length));
    notes.push(L.notes.aggregated(rows, periods, L.grainNouns[axis.grain]));
    const zeros = sum(series.map((s) => s.zeros));
    if (zeros > 0) {
      const text = L.notes.zeroPeriods(zeros, L.grainNouns[axis.grain]);
      notes.push(text);
      warnings.push(text);
    }
  }
  if (ctx.dropKey !== undefined) {
    const text = L.notes.incomplete(axis.text(ctx.dropKey), isoFromSerial(ctx.lastDate));
    notes.push(text);
    warnings.push(text);
  }
  return notes;
}

/** The figures of `kam report --json`: series forecast, the method per series, the horizon. */
function forecastFigures(
  ctx: Context,
  results: readonly { name: string; code: string }[],
  notForecast: number
): Record<string, ReportFigure> {
  let method: ReportFigure;
  if (results.length === 1) method = results[0].code;
  else {
    const map: Record<string, ReportFigure> = {};
    for (const r of results) map[r.name] = r.code;
    method = map;
  }
  return {
    series: results.length,
    method,
    horizon: ctx.h,
    frequency: ctx.axis.grain,
    not_forecast: notForecast,
  };
}

async function buildOne(s: PreparedSeries, ctx: Context): Promise<ReportSheet> {
  const { L, axis, h, level, method, options, data } = ctx;
  const compare = options.compare === true;
  const methods: ForecastMethod[] = compare ? [...COMPARED] : [method];
  const tick = ticker(methods.length * (ctx.runBacktests ? 2 : 1), options);
  let done = 0;

  // Forecasts: the chosen method must work; a compared one that fails leaves its column blank.
  const results = new Map<ForecastMethod, MethodResult>();
  const problems: string[] = [];
  const failedFits: string[] = [];
  for (const m of methods) {
    try {
      results.set(m, runMethod(m, s.values, h, s.period, m === method ? level : undefined, L));
    } catch (e) {
      if (m === method) {
        const reason = message(e);
        throw new Error(s.name ? L.errors.one(s.name, reason) : L.errors.oneNoName(reason));
      }
      const text = L.notes.compareFailed(L.methods[m], message(e));
      problems.push(text);
      failedFits.push(text);
    }
    await tick(++done);
  }
  const main = results.get(method) as MethodResult;

  const tests = new Map<ForecastMethod, BacktestResult>();
  const origins = options.origins ?? 6;
  let short = false;
  if (ctx.runBacktests) {
    for (const m of methods) {
      try {
        const r = runBacktest(s.values, h, m, origins, s.period);
        if (r === "short") short = true;
        else tests.set(m, r);
      } catch (e) {
        const text = L.notes.backtestFailed(s.name || L.key.series, L.methods[m], message(e));
        problems.push(text);
        failedFits.push(text);
      }
      await tick(++done);
    }
  }
  const mainTest = tests.get(method);

  // Live mode: one series whose rows are its periods, in order, and whose source address is known.
  const address = data.addresses.value;
  let liveFormula: string | undefined;
  let liveWhy: string | undefined;
  if (options.live === true) {
    const span = address ? addressRows(address) : undefined;
    const contiguous =
      span !== undefined &&
      span.last - span.first + 1 === data.rows &&
      data.sheetRows.every((r, i) => r === span.first + i);
    if (!address || !contiguous) liveWhy = L.notes.liveWhyAddress;
    else if (!s.direct || s.rows !== data.rows) liveWhy = L.notes.liveWhyAggregated;
    else {
      const p = s.period;
      const [values, horizon, seasonality] = [address, String(h), String(p)];
      const call =
        method === "auto"
          ? kamCall("FORECAST_AUTO", { values, horizon, seasonality, confidence: String(level) })
          : method === "smooth"
            ? kamCall("FORECAST_SMOOTH", {
                values,
                horizon,
                seasonality,
                confidence: String(level),
              })
            : method === "theta"
              ? kamCall("FORECAST_THETA", { values, horizon, seasonality })
              : kamCall("FORECAST_MA", {
                  values,
                  window: String(Math.min(s.values.length, p > 1 ? p : 3)),
                  horizon,
                });
      liveFormula = `=${call}`;
    }
  }

  const b = new SheetBuilder("forecast", L.sheetName, {
    ...options,
    live: liveFormula !== undefined ? true : undefined,
  });
  b.title(s.name ? L.titleOne(s.name) : L.title, subtitle(ctx));

  // Columns of the history + forecast table.
  const hasInterval = main.lower !== undefined && main.upper !== undefined;
  const cols: ColumnSpec[] = [
    { header: L.headers.period, format: axis.format, total: { label: L.total }, width: 12 },
    { header: L.headers.actual, format: "number", total: "sum", width: 14 },
    { header: L.headers.forecast, format: "number", total: "sum", width: 14 },
  ];
  if (hasInterval) {
    cols.push({ header: L.headers.lower, format: "number", width: 14 });
    cols.push({ header: L.headers.upper, format: "number", width: 14 });
  }
  const compareCols = compare ? COMPARED : [];
  const compareHeader: Record<ForecastMethod, string> = {
    smooth: L.headers.smooth,
    theta: L.headers.theta,
    damped: L.headers.damped,
    ma: L.headers.ma,
    auto: L.headers.combination,
  };
  for (const m of compareCols)
    cols.push({ header: compareHeader[m], format: "number", total: "sum", width: 14 });

  // Key figures; two of them refer to the table below, whose place is known from the layout.
  const kvCount = 8 + (ctx.runBacktests ? 4 : 0) + (s.name ? 1 : 0) + (hasInterval ? 1 : 0);
  const tableTop = b.row + kvCount + 1 + 1;
  const firstForecastRow = tableTop + 1 + s.keys.length;
  const forecastArea: Area = { row: firstForecastRow, column: 2, rows: h, columns: 1 };
  const pairs: [string, CellContent, NumberFormat?][] = [];
  if (s.name) pairs.push([L.key.series, userText(s.name)]);
  pairs.push([L.key.frequency, L.grains[axis.grain]]);
  pairs.push([L.key.seasonalPeriod, s.period, "integer"]);
  pairs.push([
    L.key.history,
    L.key.historyRange(axis.text(s.keys[0]), axis.text(s.keys[s.keys.length - 1]), s.keys.length),
  ]);
  pairs.push([L.key.horizon, h, "integer"]);
  pairs.push([L.key.method, L.methods[method]]);
  pairs.push([L.key.model, main.model]);
  if (hasInterval) pairs.push([L.key.confidence, level, "percent"]);
  if (ctx.runBacktests) {
    pairs.push([
      L.key.backtest,
      mainTest ? L.key.backtestHow(mainTest.origins, h) : L.key.backtestNone,
    ]);
    pairs.push([L.key.mape, score(mainTest?.mape), "number"]);
    pairs.push([L.key.smape, score(mainTest?.smape), "number"]);
    pairs.push([L.key.mase, score(mainTest?.mase), "number"]);
  }
  pairs.push([
    L.key.next,
    { formula: `=${a1(firstForecastRow, 2)}`, value: main.mean[0] },
    "number",
  ]);
  pairs.push([L.key.total, sumCell(forecastArea, main.mean), "number"]);
  if (pairs.length !== kvCount) throw new Error("forecast report: key figures miscounted");
  b.keyValues(pairs);
  b.section(L.sections.table);

  // Rows: history (actuals), then the forecast periods.
  const last = s.keys[s.keys.length - 1];
  const rows: CellContent[][] = [];
  s.keys.forEach((k, i) => {
    const row: CellContent[] = [axis.cell(k), s.actual[i], null];
    if (hasInterval) row.push(null, null);
    for (let c = 0; c < compareCols.length; c++) row.push(null);
    rows.push(row);
  });
  for (let j = 0; j < h; j++) {
    const row: CellContent[] = [axis.cell(last + 1 + j), null, main.mean[j]];
    if (hasInterval) row.push(main.lower?.[j] ?? null, main.upper?.[j] ?? null);
    for (const m of compareCols) row.push(results.get(m)?.mean[j] ?? null);
    rows.push(row);
  }

  let placed: PlacedTable;
  if (liveFormula !== undefined) {
    // A spilling formula cannot live in an Excel table: the block is a plain range, the live
    // formula at the first forecast cell, the cells it spills into left empty.
    const live: LiveCell = { live: liveFormula, value: main.mean[0] };
    const spill = method === "auto" || method === "smooth" ? 3 : 1;
    for (let j = 0; j < h; j++)
      for (let c = 0; c < spill; c++)
        rows[s.keys.length + j][2 + c] = j === 0 && c === 0 ? live : null;
    placed = plainTable(b, cols, rows, (col) =>
      col === 2 ? main.mean : col === 1 ? s.actual : rows.map((r) => numberOf(r[col]))
    );
  } else {
    placed = b.table("KAM_Forecast", cols, rows);
  }
  if (placed.area.row !== tableTop) throw new Error("forecast report: table misplaced");
  const periodArea = placed.column(0);
  const series: ChartSeries[] = [
    { name: L.headers.actual, categories: periodArea, values: placed.column(1), color: "#1F3864" },
    {
      name: L.headers.forecast,
      categories: periodArea,
      values: placed.column(2),
      color: "#C55A11",
    },
  ];
  if (hasInterval) {
    series.push({
      name: L.headers.lower,
      categories: periodArea,
      values: placed.column(3),
      dashed: true,
      color: "#F4B183",
    });
    series.push({
      name: L.headers.upper,
      categories: periodArea,
      values: placed.column(4),
      dashed: true,
      color: "#F4B183",
    });
  }
  b.chart({
    kind: "line",
    title: s.name ? L.chartTitle(s.name) : L.chartOne,
    series,
    yFormat: "number",
    legend: "bottom",
    anchor: { row: tableTop, column: cols.length + 1, rows: 18, columns: 9 },
  });

  // Back-test table: the chosen method, or every compared method.
  if (ctx.runBacktests && tests.size > 0) {
    const shown = methods.filter((m) => tests.has(m));
    const first = tests.get(shown[0]) as BacktestResult;
    b.section(L.sections.backtest(first.origins, h));
    const bt = b.table(
      "KAM_Backtest",
      [
        { header: L.key.method, width: 26 },
        { header: L.key.model, width: 30 },
        { header: L.headers.mape, format: "number" },
        { header: L.headers.smape, format: "number" },
        { header: L.headers.mase, format: "number" },
        { header: L.headers.mae, format: "number" },
        { header: L.headers.bias, format: "number" },
        { header: L.headers.used, width: 8 },
      ],
      shown.map((m) => {
        const t = tests.get(m) as BacktestResult;
        return [
          L.methods[m],
          results.get(m)?.model ?? "",
          score(t.mape),
          score(t.smape),
          score(t.mase),
          score(t.mae),
          score(t.bias),
          m === method ? L.usedMark : "",
        ];
      })
    );
    if (shown.length > 1) {
      b.conditional({
        kind: "colorScale",
        area: bt.column(4),
        min: "#63BE7B",
        mid: "#FFEB84",
        max: "#F8696B",
      });
      let best = shown[0];
      for (const m of shown) {
        const v = tests.get(m)?.mase;
        const bv = tests.get(best)?.mase;
        if (v !== undefined && (bv === undefined || v < bv)) best = m;
      }
      if (tests.get(best)?.mase !== undefined) problems.unshift(L.notes.bestMase(L.methods[best]));
      if (method === "auto") problems.push(L.notes.compareAuto);
    }
  }

  // Notes; the warnings among them also go to ReportSheet.warnings (kam report --json).
  const warnings: string[] = [];
  const warn = (text: string) => {
    warnings.push(text);
    return text;
  };
  const notes = [...dataNotes(ctx, [s], warnings)];
  if (s.filled.length > 0)
    notes.push(warn(L.notes.gaps(s.filled.length, s.filled.map((k) => axis.text(k)).join(", "))));
  if (hasInterval) notes.push(L.notes.interval(level), L.notes.chartLower);
  else notes.push(L.notes.noIntervals);
  if (short) notes.push(warn(L.notes.backtestShort(s.name || L.key.series, h)));
  if (Array.from(tests.values()).some((t) => t.mape === undefined)) notes.push(L.notes.mapeBlank);
  if (tests.size > 0) notes.push(L.notes.mase);
  notes.push(...problems);
  warnings.push(...failedFits);
  if (liveFormula !== undefined) notes.push(L.notes.live(liveFormula));
  else if (options.live === true)
    notes.push(warn(L.notes.liveNotPossible(liveWhy ?? L.notes.liveWhyAddress)));
  b.section(L.sections.notes);
  for (const t of notes) b.note(t);
  b.width(0, 28);
  b.width(1, 24);
  const sheet = b.build();
  sheet.figures = forecastFigures(ctx, [{ name: s.name, code: main.code }], 0);
  sheet.warnings = warnings;
  return sheet;
}

function numberOf(c: CellContent | undefined): number | null {
  if (typeof c === "number") return c;
  if (typeof c === "object" && c !== null && typeof c.value === "number") return c.value;
  return null;
}

/**
 * The history/forecast block as a plain range (live mode): a bold header row, the rows, a totals row
 * of SUM formulas whose cached values come from `columnValues` (the live formula's spilled values).
 */
function plainTable(
  b: SheetBuilder,
  cols: ColumnSpec[],
  rows: CellContent[][],
  columnValues: (col: number) => readonly (number | null)[]
): PlacedTable {
  const top = b.row;
  const firstRow = top + 1;
  const n = rows.length;
  const placed: PlacedTable = {
    area: { row: top, column: 0, rows: n + 1, columns: cols.length },
    firstRow,
    rows: n,
    totalsRow: firstRow + n,
    column: (i) => ({ row: firstRow, column: i, rows: n, columns: 1 }),
    columnA1: (i, absolute = false) => areaA1(placed.column(i), absolute),
  };
  b.put(top, 0, [cols.map((c) => c.header), ...rows]);
  b.format({ row: top, column: 0, rows: 1, columns: cols.length }, { bold: true, fill: "#D9E1F2" });
  const totals: CellContent[] = cols.map((c, i) => {
    if (c.total === undefined) return null;
    if (typeof c.total === "object") return c.total.label;
    return sumCell(placed.column(i), columnValues(i));
  });
  b.put(firstRow + n, 0, [totals]);
  b.format({ row: firstRow + n, column: 0, rows: 1, columns: cols.length }, { bold: true });
  cols.forEach((c, i) => {
    if (c.format)
      b.format({ row: firstRow, column: i, rows: n + 1, columns: 1 }, { numberFormat: c.format });
    b.width(i, c.width ?? Math.min(40, Math.max(10, c.header.length + 2)));
  });
  b.row = firstRow + n + 2;
  return placed;
}

async function buildMany(
  prepared: PreparedSeries[],
  failures: { name: string; reason: string }[],
  ctx: Context
): Promise<ReportSheet> {
  const { L, axis, h, level, method, options } = ctx;
  const tick = ticker(prepared.length, options);
  const origins = options.origins ?? 3;
  const results: SeriesResult[] = [];
  const notes: string[] = [];
  for (let i = 0; i < prepared.length; i++) {
    const s = prepared[i];
    try {
      const forecast = runMethod(method, s.values, h, s.period, level, L);
      const r: SeriesResult = { series: s, forecast };
      if (ctx.runBacktests) {
        try {
          const t = runBacktest(s.values, h, method, origins, s.period);
          if (t === "short") r.testProblem = L.notes.backtestShort(s.name, h);
          else r.test = t;
        } catch (e) {
          r.testProblem = L.notes.backtestFailed(s.name, L.methods[method], message(e));
        }
      }
      results.push(r);
    } catch (e) {
      failures.push({ name: s.name, reason: message(e) });
    }
    await tick(i + 1);
  }
  if (results.length === 0)
    throw new Error(
      `${L.errors.none} ${failures
        .slice(0, 3)
        .map((f) => L.notes.failed(f.name, f.reason))
        .join(" ")}`
    );

  const b = new SheetBuilder("forecast", L.sheetName, { ...options, live: undefined });
  b.title(L.title, subtitle(ctx));
  const firstKey = minOf(results.map((r) => r.series.keys[0]));
  const lastKey = maxOf(results.map((r) => r.series.keys[r.series.keys.length - 1]));
  const hasInterval = results[0].forecast.lower !== undefined;
  const pairs: [string, CellContent, NumberFormat?][] = [
    [L.key.seriesCount, results.length, "integer"],
    [L.key.notForecast, failures.length, "integer"],
    [L.key.frequency, L.grains[axis.grain]],
    [L.key.history, `${axis.text(firstKey)} – ${axis.text(lastKey)}`],
    [L.key.horizon, h, "integer"],
    [L.key.method, L.methods[method]],
  ];
  if (hasInterval) pairs.push([L.key.confidence, level, "percent"]);
  if (ctx.runBacktests) {
    const tested = results.find((r) => r.test)?.test;
    pairs.push([
      L.key.backtest,
      tested ? L.key.backtestHow(tested.origins, h) : L.key.backtestNone,
    ]);
  }
  b.keyValues(pairs);

  // The top series (largest sales to date) gets the history + forecast table and the chart.
  let top = results[0];
  let topTotal = sum(top.series.values);
  for (const r of results) {
    const t = sum(r.series.values);
    if (t > topTotal) {
      top = r;
      topTotal = t;
    }
  }

  // Layout, so that the summary can refer to the detail rows below it.
  const summaryTop = b.row + 1;
  const topTableTop = summaryTop + tableSpan(results.length, true) + 1;
  const topRows = top.series.keys.length + h;
  const detailTop = topTableTop + tableSpan(topRows, true) + 1;
  const detailFirst = detailTop + 1;
  const detailStart = (k: number) => detailFirst + k * h;

  b.section(L.sections.summary);
  const summary = b.table(
    "KAM_ForecastSummary",
    [
      { header: L.headers.series, total: { label: L.total }, width: 24 },
      { header: L.headers.method, width: 30 },
      { header: L.headers.periods, format: "integer" },
      { header: L.headers.next, format: "number", total: "sum", width: 14 },
      { header: L.headers.horizonTotal, format: "number", total: "sum", width: 16 },
      { header: L.headers.mape, format: "number" },
      { header: L.headers.smape, format: "number" },
      { header: L.headers.mase, format: "number" },
    ],
    results.map((r, k) => {
      const area: Area = { row: detailStart(k), column: 2, rows: h, columns: 1 };
      return [
        userText(r.series.name),
        r.forecast.model,
        r.series.keys.length,
        { formula: `=${a1(detailStart(k), 2)}`, value: r.forecast.mean[0] },
        sumCell(area, r.forecast.mean),
        score(r.test?.mape),
        score(r.test?.smape),
        score(r.test?.mase),
      ];
    })
  );
  if (summary.area.row !== summaryTop) throw new Error("forecast report: summary misplaced");

  b.section(L.sections.top(top.series.name));
  const s = top.series;
  const cols: ColumnSpec[] = [
    { header: L.headers.period, format: axis.format, total: { label: L.total } },
    { header: L.headers.actual, format: "number", total: "sum" },
    { header: L.headers.forecast, format: "number", total: "sum" },
  ];
  if (hasInterval)
    cols.push(
      { header: L.headers.lower, format: "number" },
      { header: L.headers.upper, format: "number" }
    );
  const last = s.keys[s.keys.length - 1];
  const topTable = b.table("KAM_ForecastTop", cols, [
    ...s.keys.map((k, i) => {
      const row: CellContent[] = [axis.cell(k), s.actual[i], null];
      if (hasInterval) row.push(null, null);
      return row;
    }),
    ...top.forecast.mean.map((m, j) => {
      const row: CellContent[] = [axis.cell(last + 1 + j), null, m];
      if (hasInterval) row.push(top.forecast.lower?.[j] ?? null, top.forecast.upper?.[j] ?? null);
      return row;
    }),
  ]);
  if (topTable.area.row !== topTableTop) throw new Error("forecast report: top table misplaced");
  const periodArea = topTable.column(0);
  const chartSeries: ChartSeries[] = [
    {
      name: L.headers.actual,
      categories: periodArea,
      values: topTable.column(1),
      color: "#1F3864",
    },
    {
      name: L.headers.forecast,
      categories: periodArea,
      values: topTable.column(2),
      color: "#C55A11",
    },
  ];
  if (hasInterval)
    chartSeries.push(
      {
        name: L.headers.lower,
        categories: periodArea,
        values: topTable.column(3),
        dashed: true,
        color: "#F4B183",
      },
      {
        name: L.headers.upper,
        categories: periodArea,
        values: topTable.column(4),
        dashed: true,
        color: "#F4B183",
      }
    );
  b.chart({
    kind: "line",
    title: L.chartTitle(s.name),
    series: chartSeries,
    yFormat: "number",
    legend: "bottom",
    anchor: { row: topTableTop, column: 9, rows: 18, columns: 9 },
  });

  b.section(L.sections.detail);
  const detailCols: ColumnSpec[] = [
    { header: L.headers.series, total: { label: L.total } },
    { header: L.headers.period, format: axis.format },
    { header: L.headers.forecast, format: "number", total: "sum" },
  ];
  if (hasInterval)
    detailCols.push(
      { header: L.headers.lower, format: "number" },
      { header: L.headers.upper, format: "number" }
    );
  const detail = b.table(
    "KAM_ForecastDetail",
    detailCols,
    results.flatMap((r) => {
      const lastKey = r.series.keys[r.series.keys.length - 1];
      return r.forecast.mean.map((m, j) => {
        const row: CellContent[] = [userText(r.series.name), axis.cell(lastKey + 1 + j), m];
        if (hasInterval) row.push(r.forecast.lower?.[j] ?? null, r.forecast.upper?.[j] ?? null);
        return row;
      });
    })
  );
  if (detail.firstRow !== detailFirst) throw new Error("forecast report: detail misplaced");

  const warnings: string[] = [];
  const warn = (text: string) => {
    warnings.push(text);
    return text;
  };
  notes.push(
    ...dataNotes(
      ctx,
      results.map((r) => r.series),
      warnings
    )
  );
  const gaps = sum(results.map((r) => r.series.filled.length));
  if (gaps > 0) notes.push(warn(L.notes.gapsMany(gaps)));
  if (hasInterval) notes.push(L.notes.interval(level));
  else notes.push(L.notes.noIntervals);
  notes.push(L.notes.detailPeriod);
  if (results.some((r) => r.test && r.test.mape === undefined)) notes.push(L.notes.mapeBlank);
  for (const r of results) if (r.testProblem) notes.push(warn(r.testProblem));
  for (const f of failures) notes.push(warn(L.notes.failed(f.name, f.reason)));
  if (options.live === true) notes.push(warn(L.notes.liveNotPossible(L.notes.liveWhyMany)));
  b.section(L.sections.notes);
  for (const t of notes) b.note(t);
  b.width(0, 28);
  const sheet = b.build();
  sheet.figures = forecastFigures(
    ctx,
    results.map((r) => ({ name: r.series.name, code: r.forecast.code })),
    failures.length
  );
  sheet.warnings = warnings;
  return sheet;
}
