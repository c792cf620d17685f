/* global console, process, __dirname */
// `npm run bench:ets` (npx tsx test/bench/etsVsR.ts): the automatic ETS fit (src/engine/forecast/ets.ts
// autoEts, what KAM.FORECAST_SMOOTH fits) against R's forecast::ets() on the same M3 series in the same
// run (Hyndman & Khandakar, "Automatic time series forecasting: the forecast package for R", JSS 27(3),
// 2008). Both sides are timed in CPU time (user + system) of the fitting loop only, after the data are
// read, so a shared machine's load and R's start-up do not count. Also counts the series where both
// choose the same model. Needs Rscript with the forecast package (Debian: r-cran-forecast) and the M3
// data set (../shared/data/m3/m3.json, from the Mcomp R package, or --data FILE); says so and stops
// when either is missing. Options: --subset yearly|quarterly|monthly|other (default monthly),
// --limit N (first N series, default all), --data FILE. Not a test: nothing here passes or fails.
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { autoEts, modelName } from "../../src/engine/forecast/ets";

interface M3Series {
  id: string;
  period: string;
  frequency: number;
  x: number[];
}

// R's side, written here: read one series per line ("frequency,x1,x2,..."), fit them all in one
// timed loop, print the CPU seconds and each chosen model (ETS(A,Ad,N) → "AAdN").
const R_PROGRAM = `
suppressMessages(library(forecast))
lines <- readLines(commandArgs(TRUE)[1])
series <- lapply(strsplit(lines, ","), as.numeric)
models <- character(length(series))
t0 <- proc.time()
for (i in seq_along(series)) {
  v <- series[[i]]
  fit <- ets(ts(v[-1], frequency = v[1]))
  models[i] <- fit$method
}
t <- proc.time() - t0
cat(t[["user.self"]] + t[["sys.self"]], "\\n")
cat(gsub("[^A-Za-z]", "", sub("^ETS", "", models)), sep = "\\n")
`;

function args(argv: string[]) {
  let subset = "monthly";
  let limit = Infinity;
  let data = path.resolve(__dirname, "../../../shared/data/m3/m3.json");
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i] ?? "";
    if (a === "--subset") subset = next().toLowerCase();
    else if (a === "--limit") limit = Number(next());
    else if (a === "--data") data = next();
    else throw new Error(`unknown option ${a}`);
  }
  return { subset, limit, data };
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function main() {
  const opts = args(process.argv.slice(2));
  if (!fs.existsSync(opts.data)) {
    console.log(
      `bench:ets skipped: ${opts.data} is not here (the M3 data set; give it with --data FILE).`
    );
    return;
  }
  const probe = spawnSync(
    "Rscript",
    [
      "-e",
      "suppressMessages(library(forecast)); cat(format(packageVersion('forecast')), R.version$major, R.version$minor)",
    ],
    {
      encoding: "utf8",
    }
  );
  if (probe.status !== 0) {
    console.log(
      "bench:ets skipped: Rscript with the forecast package was not found (Debian: apt install r-cran-forecast)."
    );
    return;
  }
  const [forecastVersion, rMajor, rMinor] = probe.stdout.trim().split(/\s+/);
  const all: M3Series[] = JSON.parse(fs.readFileSync(opts.data, "utf8"));
  const series = all
    .filter((s) => s.period.toLowerCase() === opts.subset)
    .slice(0, opts.limit)
    .map((s) => ({
      ...s,
      period: opts.subset === "other" || opts.subset === "yearly" ? 1 : s.frequency,
    }));

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kam-ets-"));
  const input = path.join(dir, "series.csv");
  const program = path.join(dir, "ets.R");
  fs.writeFileSync(input, series.map((s) => [s.period, ...s.x].join(",")).join("\n") + "\n");
  fs.writeFileSync(program, R_PROGRAM);
  const r = spawnSync("Rscript", [program, input], { encoding: "utf8", maxBuffer: 64 << 20 });
  fs.rmSync(dir, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`Rscript failed: ${r.stderr}`);
  const [seconds, ...rModels] = r.stdout.trim().split("\n");
  const rMs = (Number(seconds) * 1000) / series.length;

  // Ours: one warm-up pass over a few series (the JIT), then the same loop, timed the same way.
  for (const s of series.slice(0, 20)) autoEts(s.x, { period: s.period });
  const ours: string[] = [];
  const t0 = cpuMs();
  for (const s of series) ours.push(modelName(autoEts(s.x, { period: s.period }).model));
  const kamMs = (cpuMs() - t0) / series.length;
  const same = ours.filter((m, i) => m === rModels[i]).length;

  console.log(
    `ETS fit, M3 ${opts.subset} (${series.length} series), CPU time per series; R ${rMajor}.${rMinor}, forecast ${forecastVersion}, node ${process.version}`
  );
  console.log(`R forecast::ets()      ${rMs.toFixed(1).padStart(8)} ms`);
  console.log(`KAM autoEts            ${kamMs.toFixed(1).padStart(8)} ms`);
  console.log(
    `R ÷ KAM                ${(rMs / kamMs).toFixed(1).padStart(8)}×  (KAM is that many times faster)`
  );
  console.log(`same model chosen      ${same} of ${series.length}`);
}

main();
