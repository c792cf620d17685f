/* global console, process, __filename */
// `npm run test:scale` (npx tsx test/scale/scale.ts): every custom function of functions.json driven
// through its wrapper (src/functions) with Excel-shaped input (columns as [[v1], [v2], ...], dates as
// serial numbers) at 100,000 and 1,048,576 rows; prints each call's time and outcome (a value, or the
// start of the #VALUE! message). Targets (issue 14): < 2 s at 100,000 rows; an answer (value or clear
// error) in < 20 s at 1,048,576 rows, never a stack overflow or an "unexpected problem".
// Each call runs in its own process, killed after 3 × its target, so one slow function cannot hide
// the others. Not part of jest or CI. Options: --rows N (repeatable; default 100000 and 1048576),
// --only ID,ID (functions by id), --json FILE (write the results).
import { spawnSync } from "child_process";
import fs from "fs";
import path from "path";
import { performance } from "perf_hooks";
import { uniformGenerator } from "../../src/engine/random";
import { installCustomFunctions } from "../support/customFunctions";

type Grid = unknown[][];
type Call = () => unknown;

const col = (n: number, f: (i: number) => unknown): Grid => {
  const out = new Array<unknown[]>(n);
  for (let i = 0; i < n; i++) out[i] = [f(i)];
  return out;
};
const rows = (n: number, width: number, f: (i: number, j: number) => unknown): Grid => {
  const out = new Array<unknown[]>(n);
  for (let i = 0; i < n; i++) {
    const r = new Array<unknown>(width);
    for (let j = 0; j < width; j++) r[j] = f(i, j);
    out[i] = r;
  }
  return out;
};

/** Serial number of 2020-01-01 in Excel's 1900 date system. */
const DAY0 = 43831;
const STAGES = ["Prospect", "Intent", "Proposal", "Negotiation", "Won"];

/** A monthly-looking series: level, trend, a yearly season and noise; positive. */
const series = (n: number, u: () => number) =>
  col(n, (i) => 1000 + 0.01 * i + 100 * Math.sin((2 * Math.PI * i) / 12) + 50 * u());

/** The call of each function on n rows (inputs built before the clock starts). */
async function build(id: string, n: number): Promise<Call> {
  const u = uniformGenerator(20261203);
  const amount = (i: number) => Math.round(100 + 900 * u()) + (i % 7);
  const F = "../../src/functions/";
  switch (id) {
    case "ACCOUNT_LOAD": {
      const { accountLoad } = await import(F + "accountLoad");
      const reps = col(n, (i) => `Rep ${i % 500}`);
      const acc = col(n, (i) => `Account ${i}`);
      return () => accountLoad(reps, acc);
    }
    case "BUDGET": {
      const { budget } = await import(F + "budget");
      const plan = col(n, amount);
      return () => budget(plan, [[0.6, 0.05]], [[100]]);
    }
    case "CLV": {
      const { clv } = await import(F + "clv");
      const m = col(n, amount);
      return () => clv(m, [[0.8]], 0.1);
    }
    case "CLV_FIT":
    case "CLV_PREDICT": {
      const { clvFit } = await import(F + "clvFit");
      const { clvPredict } = await import(F + "clvPredict");
      const T = new Array<number>(n);
      const x = new Array<number>(n);
      const tx = new Array<number>(n);
      for (let i = 0; i < n; i++) {
        T[i] = 10 + Math.floor(30 * u());
        x[i] = u() < 0.6 ? 0 : 1 + Math.floor(8 * u());
        tx[i] = x[i] === 0 ? 0 : Math.max(1, Math.floor(T[i] * u()));
      }
      const m = col(n, (i) => (x[i] === 0 ? 0 : 10 + 40 * u()));
      const [xc, tc, Tc] = [x, tx, T].map((v) => col(n, (i) => v[i]));
      if (id === "CLV_FIT") return () => clvFit(xc, tc, Tc, m);
      const params = col(7, (i) => [0.24, 4.4, 0.79, 2.4, 6.25, 3.74, 15.4][i]);
      return () => clvPredict(params, xc, tc, Tc, m, 39);
    }
    case "DELPHI": {
      const { delphiFunction } = await import(F + "delphi");
      const e = rows(n, 3, (i, j) => 100 + (i % 50) - 10 * j);
      return () => delphiFunction(e);
    }
    case "SURVEY_FORECAST": {
      const { surveyForecast } = await import(F + "delphi");
      const e = col(n, amount);
      return () => surveyForecast(e, null as unknown as undefined, 0.1);
    }
    case "DPM": {
      const { dpm } = await import(F + "dpm");
      const a = rows(n, 3, () => Math.round(10 * u()));
      const s = rows(n, 2, () => Math.round(10 * u()));
      return () => dpm(a, [[1, 2, 1]], s, [[1, 1]], col(n, amount));
    }
    case "FIN_RATIOS": {
      const { finRatios } = await import(F + "finRatios");
      const c = Array.from({ length: 6 }, () => col(n, amount));
      return () => finRatios(c[0], c[1], c[2], c[3], c[4], c[5]);
    }
    case "FORECAST_ACCURACY": {
      const { forecastAccuracy } = await import(F + "forecastAccuracy");
      const a = col(n, amount);
      const f = col(n, amount);
      return () => forecastAccuracy(a, f, a);
    }
    case "BACKTEST": {
      const { backtestFunction } = await import(F + "forecastAccuracy");
      const v = series(n, u);
      return () => backtestFunction(v, 12);
    }
    case "FORECAST_AUTO": {
      const { forecastAuto } = await import(F + "forecastAuto");
      const v = series(n, u);
      return () => forecastAuto(v, 12);
    }
    case "FORECAST_COMBINE": {
      const { forecastCombine } = await import(F + "forecastCombine");
      const f = rows(n, 3, () => amount(0));
      const a = col(n, amount);
      return () => forecastCombine(f, null as unknown as undefined, a);
    }
    case "FORECAST_MA": {
      const { forecastMa } = await import(F + "forecastMa");
      const v = series(n, u);
      return () => forecastMa(v, 12, 12);
    }
    case "FORECAST_MODEL": {
      const { forecastModel } = await import(F + "forecastModel");
      const v = series(n, u);
      return () => forecastModel(v);
    }
    case "FORECAST_REGRESS":
    case "REGRESS_STATS": {
      const { forecastRegress, regressStats } = await import(F + "forecastRegress");
      const d = rows(n, 2, () => 100 * u());
      const y = col(n, (i) => 5 + 2 * (d[i][0] as number) - (d[i][1] as number) + 10 * u());
      if (id === "REGRESS_STATS") return () => regressStats(y, d);
      return () => forecastRegress(y, d, [[50, 50]]);
    }
    case "FORECAST_SMOOTH": {
      const { forecastSmooth } = await import(F + "forecastSmooth");
      const v = series(n, u);
      return () => forecastSmooth(v, 12, 12);
    }
    case "FORECAST_THETA": {
      const { forecastTheta } = await import(F + "forecastTheta");
      const v = series(n, u);
      return () => forecastTheta(v, 12, 12);
    }
    case "FUNNEL_CONVERSION": {
      const { funnelConversion } = await import(F + "funnelConversion");
      const reached = new Array<number>(n);
      for (let i = 0; i < n; i++) reached[i] = Math.floor(5 * u());
      const st = col(n, (i) => STAGES[reached[i]]);
      const out = col(n, (i) => (reached[i] === 4 ? "Won" : u() < 0.7 ? "Lost" : ""));
      return () => funnelConversion(st, out);
    }
    case "FUNNEL_WEIGHT": {
      const { funnelWeight } = await import(F + "funnelWeight");
      const a = col(n, amount);
      const st = col(n, () => STAGES[Math.floor(5 * u())]);
      return () => funnelWeight(a, st);
    }
    case "GAP": {
      const { gap } = await import(F + "gap");
      const t = col(n, amount);
      const a = col(n, (i) => (i < n / 2 ? amount(i) : 0));
      return () => gap(t, a);
    }
    case "RETENTION":
    case "CHURN": {
      const { retention, churn } = await import(F + "kpis");
      // customers_end − customers_new never above customers_start: some lost, some won
      const s = col(n, () => 1000 + Math.floor(100 * u()));
      const w = col(n, () => Math.floor(100 * u()));
      const e = col(n, (i) => (s[i][0] as number) - Math.floor(100 * u()) + (w[i][0] as number));
      return () => (id === "CHURN" ? churn : retention)(s, e, w);
    }
    case "GROWTH":
    case "SHARE": {
      const { growth, share } = await import(F + "kpis");
      const a = col(n, amount);
      const b = col(n, (i) => amount(i) * 3);
      return () => (id === "SHARE" ? share : growth)(a, b);
    }
    case "CAGR": {
      const { cagr } = await import(F + "kpis");
      const a = col(n, amount);
      const b = col(n, amount);
      const p = col(n, () => 1 + Math.floor(10 * u()));
      return () => cagr(a, b, p);
    }
    case "NPS":
    case "CSAT": {
      const { nps, csat } = await import(F + "kpis");
      if (id === "NPS") {
        const s = col(n, () => Math.floor(11 * u()));
        return () => nps(s);
      }
      const s = col(n, () => 1 + Math.floor(5 * u()));
      return () => csat(s);
    }
    case "KA_CONTRIBUTION": {
      const { kaContributionFn } = await import(F + "kpis");
      const a = col(n, amount);
      const k = col(n, () => u() < 0.2);
      return () => kaContributionFn(a, k);
    }
    case "PARETO": {
      const { pareto } = await import(F + "pareto");
      const c = col(n, (i) => `C${i}`);
      const a = col(n, amount);
      return () => pareto(c, a);
    }
    case "PARETO_SHARE": {
      const { paretoShare } = await import(F + "paretoShare");
      const a = col(n, amount);
      return () => paretoShare(a);
    }
    case "PIPELINE_COVERAGE": {
      const { pipelineCoverage } = await import(F + "pipelineCoverage");
      const a = col(n, amount);
      return () => pipelineCoverage(a, 1e6);
    }
    case "PIPELINE_FORECAST": {
      const { pipelineForecast } = await import(F + "pipelineForecast");
      const a = col(n, amount);
      const st = col(n, () => STAGES[Math.floor(5 * u())]);
      const d = col(n, () => DAY0 + Math.floor(365 * u()));
      return () => pipelineForecast(a, st, d);
    }
    case "RFM":
    case "RFM_SUMMARY": {
      const { rfm } = await import(F + "rfm");
      const { rfmSummary } = await import(F + "rfmSummary");
      const c = col(n, () => `C${Math.floor((n / 20) * u())}`);
      const d = col(n, () => DAY0 + Math.floor(730 * u()));
      const a = col(n, amount);
      if (id === "RFM") return () => rfm(c, d, a);
      return () => rfmSummary(c, d, a);
    }
    case "RFM_SEGMENT": {
      const { rfmSegment } = await import(F + "rfmSegment");
      const [r, f, m] = [0, 1, 2].map(() => col(n, () => 1 + Math.floor(5 * u())));
      return () => rfmSegment(r, f, m);
    }
    case "SALES_CYCLE": {
      const { salesCycle } = await import(F + "salesCycle");
      const s = col(n, () => DAY0 + Math.floor(365 * u()));
      const c = col(n, (i) => (s[i][0] as number) + 1 + Math.floor(120 * u()));
      const g = col(n, (i) => `Rep ${i % 50}`);
      return () => salesCycle(s, c, g);
    }
    case "SEASONAL_INDEX":
    case "DESEASONALIZE": {
      const { seasonalIndex, deseasonalize } = await import(F + "seasonalIndex");
      const v = series(n, u);
      return () => (id === "SEASONAL_INDEX" ? seasonalIndex : deseasonalize)(v, 12);
    }
    case "TARGET_PHASE": {
      const { targetPhase } = await import(F + "targetPhase");
      const h = series(n - (n % 12), u);
      return () => targetPhase(1_200_000, h);
    }
    case "TARGET_SPLIT": {
      const { targetSplit } = await import(F + "targetSplit");
      const b = col(n, amount);
      return () => targetSplit(1_000_000, b);
    }
    case "TIER": {
      const { tier } = await import(F + "tier");
      const r = col(n, amount);
      const m = col(n, () => 0.4 * u());
      const g = col(n, () => u() - 0.3);
      return () => tier(r, m, g);
    }
    case "VALUE_SCORE": {
      const { valueScore } = await import(F + "valueScore");
      const c = rows(n, 3, () => Math.round(1000 * u()));
      return () => valueScore(c, [[0.5, 0.3, 0.2]]);
    }
    case "ACCOUNT_PROFILE":
    case "REVENUE_BRIDGE":
    case "WHITESPACE": {
      const { accountProfile } = await import(F + "accountProfile");
      const { revenueBridge } = await import(F + "revenueBridge");
      const { whitespace } = await import(F + "whitespace");
      const c = col(n, () => `C${Math.floor((n / 20) * u())}`);
      const d = col(n, () => DAY0 + Math.floor(730 * u()));
      const a = col(n, amount);
      if (id === "ACCOUNT_PROFILE") return () => accountProfile(c, d, a, c[0][0]);
      if (id === "REVENUE_BRIDGE") return () => revenueBridge(c, d, a);
      const p = col(n, () => `Product ${Math.floor(20 * u())}`);
      return () => whitespace(c, p, a);
    }
    case "SALES_VELOCITY":
    case "WIN_RATE": {
      const { salesVelocity } = await import(F + "salesVelocity");
      const { winRate } = await import(F + "winRate");
      const o = col(n, () => ["Won", "Lost", ""][Math.floor(3 * u())]);
      const own = col(n, (i) => `Rep ${i % 50}`);
      const a = col(n, amount);
      if (id === "WIN_RATE") return () => winRate(o, own, a);
      const cr = col(n, () => DAY0 + Math.floor(365 * u()));
      const cl = col(n, (i) => (o[i][0] === "" ? "" : (cr[i][0] as number) + Math.floor(90 * u())));
      return () => salesVelocity(own, o, a, cr, cl);
    }
    default:
      throw new Error(`no scale input for ${id}: add one to test/scale/scale.ts`);
  }
}

/** The ids of functions.json, from the JSDoc @customfunction tags of src/functions. */
function functionIds(): string[] {
  const dir = path.resolve(path.dirname(__filename), "../../src/functions");
  const ids: string[] = [];
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .sort()) {
    for (const m of fs
      .readFileSync(path.join(dir, file), "utf8")
      .matchAll(/@customfunction (\w+)/g))
      ids.push(m[1]);
  }
  return ids;
}

const describe = (out: unknown): string => {
  if (Array.isArray(out)) {
    const first = Array.isArray(out[0]) ? out[0] : [out[0]];
    const shape = `${out.length}×${first.length}`;
    return `value ${shape}: ${JSON.stringify(first).slice(0, 60)}`;
  }
  return `value ${JSON.stringify(out).slice(0, 60)}`;
};

/** Child: one function at one size; prints a JSON line. */
async function one(id: string, n: number) {
  installCustomFunctions();
  const call = await build(id, n);
  const t0 = performance.now();
  let outcome: string;
  let ok = true;
  try {
    outcome = describe(call());
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    outcome = `error: ${msg.slice(0, 110)}`;
    ok = !/unexpected problem|Maximum call stack|Invalid (typed )?array length/i.test(msg);
  }
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ id, n, ms, ok, outcome }));
}

interface Result {
  id: string;
  n: number;
  ms: number | null;
  ok: boolean;
  outcome: string;
}

function parent(argv: string[]) {
  const sizes: number[] = [];
  let only: string[] | undefined;
  let json: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--rows") sizes.push(Number(argv[++i]));
    else if (argv[i] === "--only") only = argv[++i].split(",");
    else if (argv[i] === "--json") json = argv[++i];
  }
  if (sizes.length === 0) sizes.push(100_000, 1_048_576);
  const ids = functionIds().filter((id) => !only || only.includes(id));
  const results: Result[] = [];
  const pad = (s: string, w: number) => s.padEnd(w);
  console.log(`${pad("function", 20)}${pad("rows", 10)}${pad("time", 11)}outcome`);
  for (const n of sizes) {
    const limit = n <= 100_000 ? 2_000 : 20_000;
    for (const id of ids) {
      const child = spawnSync(
        process.execPath,
        [...process.execArgv, __filename, "--one", id, String(n)],
        { encoding: "utf8", timeout: 3 * limit + 15_000, maxBuffer: 1 << 24 }
      );
      const line = child.stdout.trim().split("\n").pop() ?? "";
      let r: Result;
      try {
        r = JSON.parse(line) as Result;
      } catch {
        const why = child.error ? "killed after the time limit" : child.stderr.trim().slice(-110);
        r = { id, n, ms: null, ok: false, outcome: `no answer: ${why}` };
      }
      const over = r.ms === null || r.ms > limit;
      if (over) r.ok = false;
      results.push(r);
      const time = r.ms === null ? "—" : `${(r.ms / 1000).toFixed(2)} s`;
      const flag = r.ok ? "" : over ? "  [over target]" : "  [not a clear answer]";
      console.log(`${pad(id, 20)}${pad(String(n), 10)}${pad(time, 11)}${r.outcome}${flag}`);
    }
  }
  if (json) fs.writeFileSync(json, JSON.stringify(results, null, 1));
  const bad = results.filter((r) => !r.ok);
  console.log(`\n${results.length - bad.length} of ${results.length} calls within target.`);
  if (bad.length) process.exitCode = 1;
}

const args = process.argv.slice(2);
if (args[0] === "--one") void one(args[1], Number(args[2]));
else parent(args);
