/* global console, process */
// `npm run bench`: speed of the engine and of the functions as Excel calls them, on generated
// transaction lists of realistic shape. Figures are medians of several runs, each also given as a
// ratio to a reference computed in the same run (a plain Map group-by over the same rows), so
// results compare across machines. Not a test: nothing here passes or fails.
import { performance } from "perf_hooks";
import { rfm as rfmEngine } from "../../src/engine/accounts/rfm";
import { funnelWeight } from "../../src/functions/funnelWeight";
import { rfm as rfmFunction } from "../../src/functions/rfm";
import { uniformGenerator as random } from "../../src/engine/random";
import { installCustomFunctions, OMITTED } from "../support/customFunctions";

installCustomFunctions();

/** n transactions of `customers` accounts over two years (2023-2024), ~3% returns. */
function transactions(n: number, customers: number) {
  const rnd = random(42);
  const cust: string[] = new Array(n);
  const dates: number[] = new Array(n);
  const amounts: number[] = new Array(n);
  const start = 44927; // 2023-01-01
  for (let i = 0; i < n; i++) {
    // Skewed activity: a few accounts buy much more often (80/20-like).
    const c = Math.floor(customers * rnd() ** 2.5);
    cust[i] = `C${String(c).padStart(6, "0")}`;
    dates[i] = start + Math.floor(rnd() * 731);
    const amount = Math.round(Math.exp(5 + 1.2 * (rnd() + rnd() + rnd() - 1.5)) * 100) / 100;
    amounts[i] = rnd() < 0.03 ? -amount : amount;
  }
  return { cust, dates, amounts };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(runs: number, f: () => unknown): number {
  f(); // warm-up
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    t.push(performance.now() - t0);
  }
  return median(t);
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
const fmt = (ms: number) => `${ms.toFixed(0).padStart(6)} ms`;

console.log(
  `KAM benchmarks: ${rows.toLocaleString("en-US")} rows, median of ${runs} runs, node ${process.version}`
);
const { cust, dates, amounts } = transactions(rows, 50_000);
const ref = time(runs, () => reference(cust, dates, amounts));
console.log(`reference  Map group-by (sum, max date)        ${fmt(ref)}   1.00×`);

const engine = time(runs, () => rfmEngine(cust, dates, amounts));
const scored = rfmEngine(cust, dates, amounts).customers.length;
console.log(
  `KAM.RFM    engine                             ${fmt(engine)}  ${(engine / ref).toFixed(2)}×   (${scored} customers)`
);

const cM = column(cust);
const dM = column(dates);
const aM = column(amounts);
const wrapped = time(runs, () => rfmFunction(cM, dM, aM, null, null, null));
console.log(
  `KAM.RFM    function, Excel-shaped columns       ${fmt(wrapped)}  ${(wrapped / ref).toFixed(2)}×`
);

const isoDates = column(
  dates.map((d) => {
    const t = new Date(Date.UTC(1899, 11, 30) + d * 86_400_000);
    return t.toISOString().slice(0, 10);
  })
);
const textDates = time(Math.max(1, Math.floor(runs / 2)), () =>
  rfmFunction(cM, isoDates, aM, null, null, null)
);
console.log(
  `KAM.RFM    function, dates as ISO text          ${fmt(textDates)}  ${(textDates / ref).toFixed(2)}×`
);

const stageNames = ["Prospect", "Intent", "Proposal", "Negotiation", "Won"];
const stages = column(amounts.map((_, i) => stageNames[i % 5]));
const positive = aM.map(([a]) => [Math.abs(a)]);
const funnel = time(runs, () => funnelWeight(positive, stages, OMITTED, true));
console.log(
  `KAM.FUNNEL_WEIGHT function, total             ${fmt(funnel)}  ${(funnel / ref).toFixed(2)}×`
);
const mem = process.memoryUsage();
console.log(
  `heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB, rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB`
);
