/* global CustomFunctions */
import { autoEts, etsLengthProblem, forecastEts, parseModel } from "../engine/forecast/ets";
import { detectPeriod, fillGaps, periodFromDates, PreparedSeries } from "../engine/forecast/series";
import { argError, cellError, isOmitted, optionalNumber, Place, readTable } from "../grid";
import { readSeries, SeriesCells } from "../grid/series";
import { argAddresses, guard, reused } from "./shared";
import { classify, describe } from "../cells/values";

const FN = "KAM.FORECAST_SMOOTH";

/** Parameter names of each function, in signature order (checked against functions.json). */
export const PARAMS = {
  FORECAST_SMOOTH: ["values", "horizon", "seasonality", "model", "confidence", "timeline"],
} as const;

/**
 * Automatic exponential smoothing (ETS, as R's forecast::ets): the error/trend/season form chosen by AICc, parameters by maximum likelihood. Blank cells inside the history are interpolated; leading and trailing blanks are ignored, and so are zeros after the last other value (the empty cells of a larger range as Excel desktop passes them).
 * @customfunction FORECAST_SMOOTH
 * @param values History in time order, oldest first (one column or row); a value over a million times the typical size (median) of the others is an error (a typo, another unit?). At most 5,000 values: a longer history is an error (give the last 5,000, or totals per longer period).
 * @param horizon Number of periods to forecast (1 to 1000).
 * @param [seasonality] Seasonal period: 12 for months, 4 for quarters, 1 for none; default detected from timeline or from the data; a period given needs more values than one cycle, else an error.
 * @param [model] Force a form, e.g. "AAdN", "MAM", "ANN" (error A/M, trend N/A/Ad, season N/A/M; Z = automatic).
 * @param [confidence] Prediction-interval level, e.g. 0.95; adds lower and upper columns.
 * @param [timeline] Dates of the values (same size), used to detect the seasonal period.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns horizon rows: the forecast, or forecast, lower, upper with confidence.
 * @requiresParameterAddresses
 */
export function forecastSmoothAsync(
  values: unknown[][],
  horizon: unknown,
  seasonality?: unknown,
  model?: unknown,
  confidence?: unknown,
  timeline?: unknown[][],
  invocation?: CustomFunctions.Invocation
): Promise<unknown[][]> {
  return reused(FN, [values, horizon, seasonality, model, confidence, timeline], invocation, () =>
    forecastSmooth(values, horizon, seasonality, model, confidence, timeline, invocation)
  );
}

/** Computed at once (tests, benchmarks). Excel calls forecastSmoothAsync, which queues the call
 *  (the task pane stays responsive) and reuses results (shared.ts, reused). */
export function forecastSmooth(
  values: unknown[][],
  horizon: unknown,
  seasonality?: unknown,
  model?: unknown,
  confidence?: unknown,
  timeline?: unknown[][],
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN, ["values"], () => {
    const at = argAddresses(invocation, PARAMS.FORECAST_SMOOTH);
    const h = readHorizon(FN, horizon, at("horizon"));
    const level = readConfidence(FN, confidence, at("confidence"));
    const pattern = readModelPattern(FN, model, at("model"));
    const history = readHistory(FN, values, at("values"), 3);
    etsLength(FN, at("values"), history.values);
    const period = readPeriod(
      FN,
      seasonality,
      history,
      timeline,
      at("timeline"),
      24,
      at("seasonality")
    );
    let fit;
    try {
      fit = autoEts(history.values, { period, pattern });
    } catch (e) {
      return argError(
        { fn: FN, arg: "model", address: at("model") },
        e instanceof Error ? e.message : String(e)
      );
    }
    return intervalRows(forecastEts(fit, h, level));
  });
}

/**
 * Runs a model fit on the history; a fit that fails on these values (numbers too far apart for any
 * model, e.g. 1E+300 beside 0.01) is an error about the values argument, not an unexpected problem.
 */
export function fitted<T>(fn: string, address: string | undefined, fit: () => T): T {
  try {
    return fit();
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return argError(
      { fn, arg: "values", address },
      `no model can be fitted to these values (${why}); check them for numbers far too large or too small`
    );
  }
}

/** A history longer than exponential smoothing is fitted on (ETS_MAX_VALUES) is an error about values. */
export function etsLength(fn: string, address: string | undefined, values: readonly number[]) {
  const problem = etsLengthProblem(values.length);
  if (problem) argError({ fn, arg: "values", address }, problem);
}

/** Forecast rows: one column, or forecast, lower, upper. */
export function intervalRows(f: {
  mean: number[];
  lower?: number[];
  upper?: number[];
}): number[][] {
  return f.mean.map((m, j) => (f.lower && f.upper ? [m, f.lower[j], f.upper[j]] : [m]));
}

/** A history argument, gaps interpolated; at least `minimum` values. */
export function readHistory(
  fn: string,
  value: unknown,
  address: string | undefined,
  minimum: number,
  arg = "values"
): PreparedSeries & { cells: SeriesCells } {
  const place = { fn, arg, address };
  const cells = readSeries(place, value);
  const prepared = fillGaps(cells.values);
  if (!prepared) return argError(place, "no values: the range is blank");
  const count = prepared.last - prepared.first + 1;
  if (count < minimum) {
    argError(place, `needs at least ${minimum} values in time order; got ${count}`);
  }
  if (arg === "values") refuseOutlier(place, prepared.values, cells, prepared.first);
  return { ...prepared, cells };
}

/** How many times the median size of a history's values one value may be before it is refused. */
export const OUTLIER_RATIO = 1e6;

/**
 * A history value more than OUTLIER_RATIO times the median size of the history's non-zero values
 * (1E+9 among values near 100) is an error naming its cell: every method would follow it (a forecast
 * near 1.4E+8), and such a value is almost always a typo, a wrong unit or a total in the column. Left
 * blank, the cell is interpolated like any gap.
 */
function refuseOutlier(
  place: Place,
  values: readonly number[],
  cells: SeriesCells,
  first: number
): void {
  const sizes = Float64Array.from(values, Math.abs)
    .filter((v) => v > 0)
    .sort();
  if (sizes.length < 3) return;
  const mid = sizes.length >> 1;
  const median = sizes.length % 2 ? sizes[mid] : (sizes[mid - 1] + sizes[mid]) / 2;
  const largest = sizes[sizes.length - 1];
  if (!(largest > OUTLIER_RATIO * median)) return;
  const i = values.findIndex((v) => Math.abs(v) === largest);
  const pos = cells.positions[first + i];
  cellError(
    place,
    cells.vertical ? pos : 0,
    cells.vertical ? 0 : pos,
    cells.vertical,
    `${values[i]} is more than a million times the typical size of the values (median ${median}); every forecast would follow it. Check the cell (a typo, another unit, a total?), or leave it blank to have it interpolated`
  );
}

/** The required horizon: a whole number from 1 to 1000. */
export function readHorizon(
  fn: string,
  value: unknown,
  address: string | undefined,
  arg = "horizon"
): number {
  const place = { fn, arg, address };
  if (isOmitted(value)) argError(place, "is required: the number of periods to forecast, e.g. 12");
  return optionalNumber(place, value, 1, { min: 1, max: 1000, integer: true });
}

/** The optional confidence level, strictly between 0 and 1; undefined when omitted. */
export function readConfidence(
  fn: string,
  value: unknown,
  address: string | undefined
): number | undefined {
  if (isOmitted(value)) return undefined;
  const place = { fn, arg: "confidence", address };
  const c = optionalNumber(place, value, 0.95);
  if (!(c > 0 && c < 1))
    argError(place, `${c} is not allowed; give a level between 0 and 1, e.g. 0.95 for 95%`);
  return c;
}

function readModelPattern(fn: string, value: unknown, address: string | undefined) {
  if (isOmitted(value)) return undefined;
  const place = { fn, arg: "model", address };
  const raw = Array.isArray(value) ? (value as unknown[][])[0]?.[0] : value;
  const pattern = typeof raw === "string" ? parseModel(raw) : undefined;
  if (!pattern) {
    argError(
      place,
      `${describe(classify(raw))} is not a model; write three letters: error A or M, trend N, A or Ad, season N, A or M (e.g. "AAdN", "MAM"; Z = choose automatically)`
    );
  }
  return pattern;
}

/**
 * The seasonal period: given (1 = none, else 2..maxPeriod), or from the timeline's spacing, or
 * detected from the data (12, 4 or 7; see detectPeriod). A period given for a history too short to
 * estimate seasons from (`cycles` full cycles and one value more: 1 for exponential smoothing, 2 for
 * Theta's seasonal test) is an error, not a fit without seasons.
 */
export function readPeriod(
  fn: string,
  seasonality: unknown,
  history: PreparedSeries & { cells: SeriesCells },
  timeline: unknown,
  timelineAddress: string | undefined,
  maxPeriod: number,
  seasonalityAddress: string | undefined,
  cycles = 1
): number {
  const place = { fn, arg: "seasonality", address: seasonalityAddress };
  if (!isOmitted(seasonality)) {
    const p = optionalNumber(place, seasonality, 1, {
      min: 1,
      max: maxPeriod,
      integer: true,
    });
    const n = history.values.length;
    if (p > 1 && n <= cycles * p)
      argError(
        place,
        `${p} needs at least ${cycles * p + 1} values to estimate seasons from; values has ${n}. Give 1 for no seasons, or a longer history`
      );
    return p;
  }
  if (timeline !== undefined && timeline !== null && !isOmitted(timeline)) {
    const dates = readTimeline(fn, timeline, timelineAddress, history);
    const p = periodFromDates(dates);
    if (p !== undefined) return p <= maxPeriod ? p : 1;
  }
  return detectPeriod(history.values);
}

/** Dates of the used history rows, which must increase; a missing date is an error. */
function readTimeline(
  fn: string,
  timeline: unknown,
  address: string | undefined,
  history: PreparedSeries & { cells: SeriesCells }
): number[] {
  const place: Place = { fn, arg: "timeline", address };
  const t = readTable(fn, [
    { arg: "timeline", kind: "date", value: timeline, address, optional: true },
  ] as const);
  if (t.length !== history.cells.length) {
    argError(
      place,
      `has ${t.length} cells but values has ${history.cells.length}; the ranges must be the same size`
    );
  }
  const byPosition = new Map<number, number | null>();
  t.positions.forEach((pos, i) => byPosition.set(pos, t.columns[0][i]));
  const dates: number[] = [];
  const vertical = history.cells.vertical;
  for (let i = history.first; i <= history.last; i++) {
    const pos = history.cells.positions[i];
    const d = byPosition.get(pos);
    if (d === undefined || d === null) {
      cellError(
        place,
        vertical ? pos : 0,
        vertical ? 0 : pos,
        vertical,
        "the date is blank but the row has a value"
      );
    }
    if (dates.length > 0 && d <= dates[dates.length - 1]) {
      cellError(
        place,
        vertical ? pos : 0,
        vertical ? 0 : pos,
        vertical,
        "dates must increase, oldest first"
      );
    }
    dates.push(d);
  }
  return dates;
}
