/* global console, process */
// `npx tsx test/bench/clv.ts`: speed of the CLV models on the CDNOW data (Fader, Hardie & Lee 2005;
// test/fixtures/cdnow): the RFM summary of 6,919 transactions, the BG/NBD fit on 2,357 customers,
// the Gamma-Gamma fit on the 946 repeat customers and a 39-week prediction for everyone. Prints
// medians of several runs (the first, cold run separately) and the fitted parameters. Not a test.
import { performance } from "perf_hooks";
import { fitBgNbd, fitGammaGamma, predictClv } from "../../src/engine/accounts/clv";
import { rfmSummary } from "../../src/engine/accounts/summary";
import { clvFit } from "../../src/functions/clvFit";
import { serialFromYmd } from "../../src/engine/calendar";
import { readSummary, readTransactions } from "../engine/accounts/cdnow";
import { installCustomFunctions } from "../support/customFunctions";

installCustomFunctions();
const runs = Number(process.env.BENCH_RUNS ?? 15);
const s = readSummary();
const t = readTransactions();

function time(label: string, f: () => unknown) {
  let start = performance.now();
  f();
  const cold = performance.now() - start;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    start = performance.now();
    f();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(
    `${label.padEnd(46)} cold ${cold.toFixed(1).padStart(7)} ms   median ${median.toFixed(1).padStart(7)} ms`
  );
}

const asOf = serialFromYmd(1997, 9, 30)!;
time("RFM summary (6,919 transactions)", () => rfmSummary(t.customer, t.date, t.amount, { asOf }));
time("BG/NBD fit (2,357 customers)", () => fitBgNbd(s.x, s.tx, s.T));
time("Gamma-Gamma fit (946 repeat customers)", () => fitGammaGamma(s.x, s.zbar));
const bg = fitBgNbd(s.x, s.tx, s.T);
const gg = fitGammaGamma(s.x, s.zbar);
time("39-week prediction, 2,357 customers, 1%/week", () =>
  s.x.map((x, i) =>
    predictClv(bg.params, gg.params, x, s.tx[i], s.T[i], s.zbar[i], 39, { discountRate: 0.01 })
  )
);
const col = (v: number[]) => v.map((x) => [x]);
time("KAM.CLV_FIT as Excel calls it (with monetary)", () =>
  clvFit(col(s.x), col(s.tx), col(s.T), col(s.zbar))
);
console.log("BG/NBD", bg.params, "LL", bg.logLikelihood);
console.log("Gamma-Gamma", gg.params, "LL", gg.logLikelihood, "customers", gg.customers);
