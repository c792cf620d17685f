/* global console, process, __dirname */
// `npm run bench`: speed of the engine and of the functions as Excel calls them, on 1,000,000
// generated transactions of realistic shape (50,000 customers, ~3% returns, five stages). Figures are
// medians of several runs. The data are written once to a CSV file and, when python3 with pandas is
// present, the same computations are timed in pandas in the same run (test/bench/pandas_ref.py), so
// each line gives engine ÷ pandas and function ÷ engine; without pandas a plain Map group-by over the
// same rows is the reference. The head of pandas_ref.py says where the two sides compute different
// things (pandas on typed columns, ours also checking each cell; pandas does less for FUNNEL_WEIGHT and
// PIPELINE_FORECAST). Not a test: nothing here passes or fails.
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { performance } from "perf_hooks";
import { pareto as paretoEngine } from "../../src/engine/accounts/pareto";
import { rfm as rfmEngine } from "../../src/engine/accounts/rfm";
import { rfmSummary as summaryEngine } from "../../src/engine/accounts/summary";
import {
  DEFAULT_STAGE_TABLE,
  classifyStages,
  weightedTotal,
} from "../../src/engine/pipeline/funnel";
import { pipelineForecast as forecastEngine } from "../../src/engine/pipeline/forecast";
import { funnelWeight } from "../../src/functions/funnelWeight";
import { pareto as paretoFunction } from "../../src/functions/pareto";
import { pipelineForecast as forecastFunction } from "../../src/functions/pipelineForecast";
import { rfm as rfmFunction } from "../../src/functions/rfm";
import { rfmSummary as summaryFunction } from "../../src/functions/rfmSummary";
import { uniformGenerator as random } from "../../src/engine/random";
import { installCustomFunctions, OMITTED } from "../support/customFunctions";

installCustomFunctions();

const STAGES = ["Prospect", "Intent", "Proposal", "Negotiation", "Won"];

/** n transactions of `customers` accounts over two years (2023-2024), ~3% returns; each row is also
 *  an opportunity (a stage and a close date within a year of its date). */
function transactions(n: number, customers: number) {
  const rnd = random(42);
  const cust: string[] = new Array(n);
  const dates: number[] = new Array(n);
  const amounts: number[] = new Array(n);
  const stages: string[] = new Array(n);
  const closes: number[] = new Array(n);
  const start = 44927; // 2023-01-01
  for (let i = 0; i < n; i++) {
    // Skewed activity: a few accounts buy much more often (80/20-like).
    const c = Math.floor(customers * rnd() ** 2.5);
    cust[i] = `C${String(c).padStart(6, "0")}`;
    dates[i] = start + Math.floor(rnd() * 731);
    const amount = Math.round(Math.exp(5 + 1.2 * (rnd() + rnd() + rnd() - 1.5)) * 100) / 100;
    amounts[i] = rnd() < 0.03 ? -amount : amount;
    stages[i] = STAGES[Math.floor(rnd() * 5)];
    closes[i] = dates[i] + Math.floor(rnd() * 365);
  }
  return { cust, dates, amounts, stages, closes };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** What is timed: CPU time by default (process.cpuUsage: user + system time of every thread of the
 *  process, the garbage collector's helpers included; pandas_ref.py takes process_time), which a
 *  machine shared with other work disturbs far less than elapsed time, which includes waiting for a
 *  core; BENCH_CLOCK=wall times elapsed time on both sides. */
const clock = process.env.BENCH_CLOCK === "wall" ? "wall" : "cpu";
function now(): number {
  if (clock === "wall") return performance.now();
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function time(runs: number, f: () => unknown): number {
  return timeInTurn(runs, [f])[0];
}

/** Medians of `runs` runs of each function after a warm-up, the functions run in turn (a, b, a, b,
 *  ...) so that a change in the machine's load falls on each alike. */
function timeInTurn(runs: number, fs: readonly (() => unknown)[]): number[] {
  fs.forEach((f) => f()); // warm-up
  const t = fs.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    fs.forEach((f, k) => {
      const t0 = now();
      f();
      t[k].push(now() - t0);
    });
  }
  return t.map(median);
}

/** Reference: group-by-customer sum and max date with a Map, the least any RFM must do. */
function reference(cust: string[], dates: number[], amounts: number[]) {
  const m = new Map<string, [number, number]>();
  for (let i = 0; i < cust.length; i++) {
    const e = m.get(cust[i]);
    if (e) {
      e[0] += amounts[i];
      if (dates[i] > e[1]) e[1] = dates[i];
    } else m.set(cust[i], [amounts[i], dates[i]]);
  }
  return m.size;
}

const column = <T>(xs: T[]) => xs.map((x) => [x]);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const ms = (x: number) => `${x.toFixed(0).padStart(6)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`.padStart(7);

/** pandas' times for the same rows (pandas_ref.py), or null with why not. */
function pandasTimes(file: string): { times: Record<string, number>; version: string } | string {
  for (const python of ["python3", "/usr/bin/python3"]) {
    const script = path.join(__dirname, "pandas_ref.py");
    const run = spawnSync(python, [script, file, String(runs), clock], {
      encoding: "utf8",
      maxBuffer: 1 << 20,
    });
    if (run.status === 0) {
      const out = JSON.parse(run.stdout.trim().split("\n").pop() ?? "{}");
      return { times: out, version: String(out.pandas) };
    }
  }
  return "python3 with pandas not found (apt install python3-pandas); reference: a plain Map group-by";
}

console.log(
  `KAM benchmarks: ${rows.toLocaleString("en-US")} rows, median of ${runs} runs, ` +
    `${clock === "cpu" ? "CPU time" : "elapsed time"}, node ${process.version}`
);
const { cust, dates, amounts, stages, closes } = transactions(rows, 50_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kam-bench-"));
const csv = path.join(dir, "transactions.csv");
const lines = ["cust,date,amount,stage,close"];
for (let i = 0; i < rows; i++)
  lines.push(`${cust[i]},${dates[i]},${amounts[i]},${stages[i]},${closes[i]}`);
fs.writeFileSync(csv, lines.join("\n"));
const pandas = pandasTimes(csv);
fs.rmSync(dir, { recursive: true, force: true });

const ref = time(runs, () => reference(cust, dates, amounts));
const positive = amounts.map((a) => Math.abs(a));
/** The stages classified as the engine does it (each distinct stage once). */
const classified = () => {
  const c = classifyStages(stages, DEFAULT_STAGE_TABLE);
  if (!c.ok) throw new Error(c.reason);
  return c;
};
const cM = column(cust);
const dM = column(dates);
const aM = column(amounts);
const pM = column(positive);
const sM = column(stages);
const closeM = column(closes);

interface Line {
  name: string;
  key: string;
  engine: () => unknown;
  fn: () => unknown;
}
const LINES: Line[] = [
  {
    name: "KAM.RFM",
    key: "rfm",
    engine: () => rfmEngine(cust, dates, amounts),
    fn: () => rfmFunction(cM, dM, aM, null, null, null),
  },
  {
    name: "KAM.RFM_SUMMARY",
    key: "rfm_summary",
    engine: () => summaryEngine(cust, dates, amounts),
    fn: () => summaryFunction(cM, dM, aM, null, null, null),
  },
  {
    name: "KAM.PARETO",
    key: "pareto",
    engine: () => paretoEngine(cust, amounts),
    fn: () => paretoFunction(cM, aM, null, null, null),
  },
  {
    name: "KAM.FUNNEL_WEIGHT (total)",
    key: "funnel_weight",
    engine: () => weightedTotal(positive, stages, DEFAULT_STAGE_TABLE),
    fn: () => funnelWeight(pM, sM, OMITTED, true),
  },
  {
    name: "KAM.PIPELINE_FORECAST",
    key: "pipeline_forecast",
    engine: () => {
      const { probabilities, categories } = classified();
      return forecastEngine(positive, probabilities, categories, closes, {
        periods: 12,
        grain: "month",
      });
    },
    fn: () => forecastFunction(pM, sM, closeM, null, null, null, OMITTED, null),
  },
];

const withPandas = typeof pandas !== "string";
console.log(
  withPandas
    ? `reference: pandas ${pandas.version} on the same rows, timed in this run`
    : `reference: ${pandas}`
);
console.log(`plain Map group-by (sum, max date)          ${ms(ref)}`);
console.log(
  `${"".padEnd(28)}${"pandas".padStart(9)}${"engine".padStart(10)}${"function".padStart(10)}` +
    `${"engine÷pandas".padStart(15)}${"function÷engine".padStart(17)}`
);
for (const line of LINES) {
  const [engine, fn] = timeInTurn(runs, [line.engine, line.fn]);
  const base = withPandas ? pandas.times[line.key] : ref;
  console.log(
    `${line.name.padEnd(28)}${(withPandas ? ms(base) : "     –").padStart(9)}${ms(engine).padStart(10)}` +
      `${ms(fn).padStart(10)}${(withPandas ? ratio(engine, base) : "–").padStart(15)}` +
      `${ratio(fn, engine).padStart(17)}`
  );
}

const isoDates = column(
  dates.map((d) => {
    const t = new Date(Date.UTC(1899, 11, 30) + d * 86_400_000);
    return t.toISOString().slice(0, 10);
  })
);
const textDates = time(Math.max(1, Math.floor(runs / 2)), () =>
  rfmFunction(cM, isoDates, aM, null, null, null)
);
console.log(`KAM.RFM, dates as ISO text: function ${ms(textDates)}`);
const mem = process.memoryUsage();
console.log(
  `heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB, rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB`
);
