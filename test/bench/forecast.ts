/* global console, process, __dirname */
// `npm run bench:forecast` (npx tsx test/bench/forecast.ts): accuracy and speed of the forecasting
// methods on the M3 competition data (Makridakis & Hibon, IJF 16, 2000; ../shared/data/m3/m3.json from
// the Mcomp R package). Per subset: mean sMAPE (200·|a−f|/(|a|+|f|) averaged over the horizon, then over
// the series), mean MASE (scaled by the in-sample seasonal-naive error; lag 1 for yearly and other) and
// the time per series, beside published reference figures measured with the same definitions.
// Options: --subset yearly|quarterly|monthly|other (repeatable), --limit N (first N series of each
// subset), --methods smooth,theta,auto,ma (default all but ma), --json FILE (write the figures),
// --vs-r (also count the series where FORECAST_SMOOTH picks R's model with R's AICc, from the R 4.2.2 /
// forecast 8.20 results in r-ets-m3.json).
// Not a test: nothing passes or fails.
import fs from "fs";
import path from "path";
import { performance } from "perf_hooks";
import { forecastSeries, ForecastMethod } from "../../src/engine/forecast/batch";
import { mase, smape } from "../../src/engine/forecast/accuracy";
import { chooseEts, modelName } from "../../src/engine/forecast/ets";

interface M3Series {
  id: string;
  period: string;
  frequency: number;
  h: number;
  x: number[];
  xx: number[];
}

const SUBSETS = ["yearly", "quarterly", "monthly", "other"] as const;
type Subset = (typeof SUBSETS)[number];

/** Reference figures (sMAPE / MASE), measured with the definitions above (issue 3 of this project). */
const REFERENCE: Record<string, Record<Subset, [number, number] | undefined>> = {
  "R ets()": {
    yearly: [17.0, 2.86],
    quarterly: [9.68, 1.17],
    monthly: [14.14, 0.86],
    other: [4.37, 1.81],
  },
  "R thetaf()": {
    yearly: [16.76, 2.77],
    quarterly: [9.2, 1.12],
    monthly: [13.86, 0.86],
    other: [4.92, 2.27],
  },
  "Theta (M3)": {
    yearly: [16.97, 2.81],
    quarterly: [8.96, 1.09],
    monthly: [13.89, 0.86],
    other: [4.41, 1.9],
  },
  "ForecastPro (M3)": {
    yearly: [17.27, 3.03],
    quarterly: [9.82, 1.2],
    monthly: [13.9, 0.85],
    other: [4.6, 1.92],
  },
  "mean R ets+theta": {
    yearly: [16.24, 2.67],
    quarterly: [8.92, 1.06],
    monthly: [13.59, 0.84],
    other: [4.4, 1.89],
  },
  "LibreOffice FORECAST.ETS": {
    yearly: [22.93, 3.55],
    quarterly: [13.53, 1.48],
    monthly: [22.01, 1.14],
    other: undefined,
  },
};

function args(argv: string[]) {
  const subsets: Subset[] = [];
  let limit = Infinity;
  let methods: ForecastMethod[] = ["smooth", "theta", "auto"];
  let json: string | undefined;
  let vsR = false;
  let data = path.resolve(__dirname, "../../../shared/data/m3/m3.json");
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === "--subset") {
      const s = next().toLowerCase() as Subset;
      if (!SUBSETS.includes(s)) throw new Error(`unknown subset ${s}`);
      subsets.push(s);
    } else if (a === "--limit") limit = Number(next());
    else if (a === "--methods") methods = next().split(",") as ForecastMethod[];
    else if (a === "--json") json = next();
    else if (a === "--data") data = next();
    else if (a === "--vs-r") vsR = true;
    else throw new Error(`unknown option ${a}`);
  }
  return { subsets: subsets.length ? subsets : [...SUBSETS], limit, methods, json, data, vsR };
}

function main() {
  const opts = args(process.argv.slice(2));
  if (!fs.existsSync(opts.data)) {
    // The full M3 set lives beside the repository (../shared/data/m3), not in a clone.
    console.log(
      `bench:forecast skipped: ${opts.data} is not here (the full M3 data set; give it with --data FILE).`
    );
    return;
  }
  const all: M3Series[] = JSON.parse(fs.readFileSync(opts.data, "utf8"));
  const results: Record<
    string,
    Record<string, { smape: number; mase: number; ms: number; n: number }>
  > = {};
  for (const subset of opts.subsets) {
    const series = all.filter((s) => s.period.toLowerCase() === subset).slice(0, opts.limit);
    for (const method of opts.methods) {
      let sS = 0;
      let sM = 0;
      const t0 = performance.now();
      series.forEach((s, i) => {
        const period = subset === "other" ? 1 : s.frequency;
        const f = forecastSeries(s.x, s.h, { method, period }).mean;
        sS += smape(s.xx, f);
        sM += mase(s.xx, f, s.x, period);
        if ((i + 1) % 200 === 0)
          process.stderr.write(`${subset} ${method}: ${i + 1}/${series.length}\r`);
      });
      const ms = (performance.now() - t0) / series.length;
      (results[subset] ??= {})[method] = {
        smape: sS / series.length,
        mase: sM / series.length,
        ms,
        n: series.length,
      };
      process.stderr.write(
        `${subset} ${method}: sMAPE ${(sS / series.length).toFixed(2)} MASE ${(sM / series.length).toFixed(3)} ${ms.toFixed(1)} ms/series\n`
      );
    }
  }
  const head = [
    "subset (series)",
    ...opts.methods.map((m) => `KAM ${m}`),
    ...Object.keys(REFERENCE),
  ];
  const lines = [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`];
  for (const subset of opts.subsets) {
    const r = results[subset];
    const n = Object.values(r)[0]?.n ?? 0;
    const cells = [
      `${subset} (${n})`,
      ...opts.methods.map((m) => `${r[m].smape.toFixed(2)} / ${r[m].mase.toFixed(2)}`),
      ...Object.values(REFERENCE).map((ref) => {
        const v = ref[subset];
        return v ? `${v[0].toFixed(2)} / ${v[1].toFixed(2)}` : "–";
      }),
    ];
    lines.push(`| ${cells.join(" | ")} |`);
  }
  lines.push("", "Time per series (ms):");
  for (const subset of opts.subsets) {
    lines.push(
      `  ${subset}: ${opts.methods.map((m) => `${m} ${results[subset][m].ms.toFixed(1)}`).join(", ")}`
    );
  }
  if (opts.vsR) {
    const r: { models: Record<string, [string, number]> } = JSON.parse(
      fs.readFileSync(path.resolve(__dirname, "r-ets-m3.json"), "utf8")
    );
    lines.push("", "Same model and AICc (within 0.05) as R's ets():");
    for (const subset of opts.subsets) {
      const series = all.filter((s) => s.period.toLowerCase() === subset).slice(0, opts.limit);
      let same = 0;
      for (const s of series) {
        const best = chooseEts(s.x, { period: subset === "other" ? 1 : s.frequency }).best;
        const [model, aicc] = r.models[s.id];
        if (modelName(best.model) === model && Math.abs(best.aicc - aicc) <= 0.05) same++;
      }
      lines.push(`  ${subset}: ${same} of ${series.length}`);
    }
  }
  console.log(lines.join("\n"));
  if (opts.json) fs.writeFileSync(opts.json, JSON.stringify(results, null, 2));
}

main();
