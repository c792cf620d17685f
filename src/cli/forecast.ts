/* global process, Buffer */
// `kam forecast`: batch forecasts of many series from a CSV file (wide or long), written to a CSV
// file with the same engine as the custom functions (src/engine/forecast/batch.ts).

import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { FORECAST_METHODS, ForecastMethod, forecastSeries } from "../engine/forecast/batch";
import { asDate, classify, parseNumberText } from "../cells/values";
import { InputProblem, UsageProblem, checkOutput, fileErrorCode, say, writeOutput } from "./common";
import { csvField } from "../report/cellText";
import { LIMITS, sizeText } from "./inputLimits";
import { csvReason } from "./read";

export { InputProblem, UsageProblem };

const METHODS: readonly ForecastMethod[] = FORECAST_METHODS.filter((m) => m !== "damped");

export const FORECAST_HELP = `kam forecast — batch forecasts for many series

Usage:
  kam forecast --in FILE.csv --horizon N --out FILE.csv [--frequency 12]
               [--method auto|smooth|theta|ma] [--confidence 0.95] [--force]

Options:
  --in FILE         Input CSV (UTF-8). Two layouts, detected from the first row:
                    long: a header "series,date,value", then one row per observation
                          (dates as 2024-01-31 or other date text, or serial numbers;
                          each series is sorted by date, a date twice is an error);
                    wide: one row per series: the series id, then its values in time
                          order; a blank cell ends the series. An optional header row
                          (a first row whose cells after the first are not numbers)
                          is skipped.
  --horizon N       Periods to forecast, 1 to 1000.
  --frequency P     Seasonal period (12 monthly, 4 quarterly, 1 none); default 1.
  --method M        auto (default: mean of weighted ETS, damped ETS and Theta), smooth (ETS),
                    theta, or ma (moving average over one season, or 3 periods).
  --confidence L    Add prediction intervals at level L (0.5 to 0.999):
                    lower1..lowerN and upper1..upperN columns. Not with --method ma.
  --out FILE        Output CSV: series,f1..fN[,lower1..lowerN,upper1..upperN].
  --force           Overwrite --out if it exists (otherwise an existing file is an error).
  --help            This text.

Exit status: 0 done, 1 bad input (the message names the file, row and column), 2 bad usage.
`;

export interface ForecastOptions {
  input: string;
  output: string;
  horizon: number;
  frequency: number;
  method: ForecastMethod;
  confidence?: number;
  force: boolean;
}

/** Parses the command-line arguments after `forecast`; undefined means --help was asked for. */
export function parseForecastArgs(args: readonly string[]): ForecastOptions | undefined {
  const values = new Map<string, string>();
  let force = false;
  const known = ["--in", "--out", "--horizon", "--frequency", "--method", "--confidence"];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--help" || arg === "-h") return undefined;
    if (arg === "--force") {
      force = true;
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!known.includes(name)) throw new UsageProblem(`unknown option ${JSON.stringify(arg)}`);
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = args[i + 1];
      i++;
    }
    if (value === undefined || value === "") throw new UsageProblem(`${name} needs a value`);
    if (values.has(name)) throw new UsageProblem(`${name} is given twice`);
    values.set(name, value);
  }
  const required = (name: string): string => {
    const v = values.get(name);
    if (v === undefined) throw new UsageProblem(`${name} is required`);
    return v;
  };
  const number = (name: string, min: number, max: number, integer: boolean): number => {
    const text = values.get(name) as string;
    const n = Number(text);
    if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n)))
      throw new UsageProblem(
        `${name} ${JSON.stringify(text)} is not allowed; give ${integer ? "a whole number" : "a number"} from ${min} to ${max}`
      );
    return n;
  };
  const input = required("--in");
  const output = required("--out");
  required("--horizon");
  const horizon = number("--horizon", 1, 1000, true);
  const frequency = values.has("--frequency") ? number("--frequency", 1, 366, true) : 1;
  let method: ForecastMethod = "auto";
  if (values.has("--method")) {
    const m = (values.get("--method") as string).toLowerCase();
    if (!(METHODS as readonly string[]).includes(m))
      throw new UsageProblem(
        `--method ${JSON.stringify(values.get("--method"))} is not one of ${METHODS.join(", ")}`
      );
    method = m as ForecastMethod;
  }
  const confidence = values.has("--confidence")
    ? number("--confidence", 0.5, 0.999, false)
    : undefined;
  if (confidence !== undefined && method === "ma")
    throw new UsageProblem("--confidence is not available with --method ma");
  return { input, output, horizon, frequency, method, confidence, force };
}

export interface InputSeries {
  id: string;
  values: number[];
  /** 1-based line of the file where the series starts, for messages. */
  line: number;
}

interface Record {
  record: string[];
  info: { lines: number };
}

/** Reads a wide or long CSV text into series; problems name the file, row and column. */
export function readSeriesCsv(
  text: string,
  file: string
): { series: InputSeries[]; layout: string } {
  let records: Record[];
  try {
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as Record[];
  } catch (e) {
    throw new InputProblem(`${file}: not a readable CSV file (${csvReason(e)})`);
  }
  records = records.filter((r) => r.record.some((c) => c.trim() !== ""));
  if (records.length === 0) throw new InputProblem(`${file}: the file has no data`);
  const where = (r: Record, col: number) => `${file}, row ${r.info.lines}, column ${col + 1}`;
  const head = records[0].record.map((c) => c.trim().toLowerCase());
  if (head.length >= 3 && head[0] === "series" && head[1] === "date" && head[2] === "value") {
    const byId = new Map<
      string,
      { line: number; points: { date: number; value: number; r: Record }[] }
    >();
    for (const r of records.slice(1)) {
      const [id = "", dateText = "", valueText = ""] = r.record.map((c) => c.trim());
      if (r.record.slice(3).some((c) => c.trim() !== ""))
        throw new InputProblem(`${where(r, 3)}: unexpected cell; the long layout has 3 columns`);
      if (id === "") throw new InputProblem(`${where(r, 0)}: the series id is blank`);
      if (dateText === "") throw new InputProblem(`${where(r, 1)}: the date is blank`);
      const date = asDate(classify(dateText));
      if (typeof date === "string") throw new InputProblem(`${where(r, 1)}: ${date}`);
      if (valueText === "") throw new InputProblem(`${where(r, 2)}: the value is blank`);
      const value = parseNumberText(valueText);
      if (value === undefined)
        throw new InputProblem(`${where(r, 2)}: ${JSON.stringify(valueText)} is not a number`);
      let entry = byId.get(id);
      if (!entry) {
        entry = { line: r.info.lines, points: [] };
        byId.set(id, entry);
      }
      entry.points.push({ date, value, r });
    }
    const series: InputSeries[] = [];
    for (const [id, entry] of byId) {
      const points = [...entry.points].sort((a, b) => a.date - b.date);
      for (let i = 1; i < points.length; i++)
        if (points[i].date === points[i - 1].date)
          throw new InputProblem(
            `${where(points[i].r, 1)}: series ${JSON.stringify(id)} has this date twice`
          );
      series.push({ id, values: points.map((p) => p.value), line: entry.line });
    }
    if (series.length === 0) throw new InputProblem(`${file}: the file has a header but no data`);
    return { series, layout: "long" };
  }
  const isNumberOrBlank = (c: string) => c.trim() === "" || parseNumberText(c) !== undefined;
  const body = records[0].record.slice(1).every(isNumberOrBlank) ? records : records.slice(1);
  const seen = new Set<string>();
  const series = body.map((r) => {
    const id = (r.record[0] ?? "").trim();
    if (id === "") throw new InputProblem(`${where(r, 0)}: the series id is blank`);
    if (seen.has(id))
      throw new InputProblem(`${where(r, 0)}: series ${JSON.stringify(id)} appears twice`);
    seen.add(id);
    const values: number[] = [];
    let ended = -1;
    for (let c = 1; c < r.record.length; c++) {
      const cell = r.record[c].trim();
      if (cell === "") {
        if (ended < 0) ended = c;
        continue;
      }
      if (ended >= 0)
        throw new InputProblem(
          `${where(r, c)}: a value after the blank cell in column ${ended + 1}, which ended the series`
        );
      const v = parseNumberText(cell);
      if (v === undefined)
        throw new InputProblem(`${where(r, c)}: ${JSON.stringify(cell)} is not a number`);
      values.push(v);
    }
    return { id, values, line: r.info.lines };
  });
  if (series.length === 0) throw new InputProblem(`${file}: the file has a header but no data`);
  return { series, layout: "wide" };
}

/** A series needs at least 3 values (the shortest history the forecasting methods accept). */
function checkLength(s: InputSeries, file: string): void {
  if (s.values.length < 3)
    throw new InputProblem(
      `${file}, row ${s.line}: series ${JSON.stringify(s.id)} has ${s.values.length} value${s.values.length === 1 ? "" : "s"}; at least 3 are needed`
    );
}

/** Forecasts every series; returns the CSV text of the results. */
export function forecastCsv(
  series: readonly InputSeries[],
  options: ForecastOptions,
  progress: (done: number, total: number) => void = () => undefined
): string {
  const h = options.horizon;
  const cols = ["series", ...Array.from({ length: h }, (_, i) => `f${i + 1}`)];
  if (options.confidence !== undefined)
    for (const name of ["lower", "upper"]) for (let i = 1; i <= h; i++) cols.push(`${name}${i}`);
  const lines = [cols.map(csvField).join(",")];
  series.forEach((s, k) => {
    const at = `${options.input}, row ${s.line}: series ${JSON.stringify(s.id)}`;
    checkLength(s, options.input);
    let f;
    try {
      f = forecastSeries(s.values, h, {
        method: options.method,
        period: options.frequency,
        level: options.confidence,
      });
    } catch (e) {
      throw new InputProblem(`${at}: ${e instanceof Error ? e.message : String(e)}`);
    }
    const row: (string | number)[] = [s.id, ...f.mean];
    if (options.confidence !== undefined) {
      if (!f.lower || !f.upper) throw new InputProblem(`${at}: no prediction interval available`);
      row.push(...f.lower, ...f.upper);
    }
    if (row.some((v) => typeof v === "number" && !Number.isFinite(v)))
      throw new InputProblem(`${at}: the forecast is not a finite number; check the values`);
    lines.push(row.map(csvField).join(","));
    progress(k + 1, series.length);
  });
  return lines.join("\n") + "\n";
}

/** Runs `kam forecast`; returns the exit status. */
export function runForecast(args: readonly string[]): number {
  const options = parseForecastArgs(args);
  if (!options) {
    process.stdout.write(FORECAST_HELP);
    return 0;
  }
  // Before any work: --out is writable and is not the input (by real path: a link to it counts).
  checkOutput(options.output, options.force, [options.input]);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(options.input);
  } catch (e) {
    throw new InputProblem(`${options.input}: cannot read the file (${fileErrorCode(e)})`);
  }
  if (bytes.length > LIMITS.csvBytes)
    throw new InputProblem(
      `${options.input}: ${sizeText(bytes.length)}; kam reads CSV files of at most ${sizeText(LIMITS.csvBytes)}`
    );
  const { series, layout } = readSeriesCsv(bytes.toString("utf8"), options.input);
  series.forEach((s) => checkLength(s, options.input));
  say("forecast", `${series.length} series (${layout} layout) from ${options.input}`);
  const step = Math.max(1, Math.floor(series.length / 20));
  const csv = forecastCsv(series, options, (done, total) => {
    if (done % step === 0 || done === total) say("forecast", `${done}/${total} series forecast`);
  });
  writeOutput(options.output, csv, options.force);
  say("forecast", `wrote ${options.output}`);
  return 0;
}
