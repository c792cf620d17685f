// The workbook of the recalculation test (recalc.browser.test.ts): 300 KAM.FORECAST_AUTO calls on
// 36-month series and 50 RFM, RFM_SUMMARY and PARETO calls on 3,000 transactions each, generated
// from a fixed seed; and each call computed directly, through the functions' synchronous bodies and
// the engine. Run as a script (npx tsx test/browser/recalcWorkbook.ts OUT.json) it writes the direct
// outcomes and the engine's forecasts: the test runs it in its own Node process, where the engine
// runs at full speed (inside jest FORECAST_AUTO measured about 25 times slower).

import fs from "fs";
import { autoForecast } from "../../src/engine/forecast/auto";
import { forecastAuto } from "../../src/functions/forecastAuto";
import { rfm } from "../../src/functions/rfm";
import { rfmSummary } from "../../src/functions/rfmSummary";
import { pareto } from "../../src/functions/pareto";
import { installCustomFunctions } from "../support/customFunctions";

/* global process, require, module, CustomFunctions, performance */

export const FORECASTS = 300;
export const MONTHS = 36;
export const HORIZON = 12;
export const TRANSACTIONS = 3000;

/** One custom-function call as Excel makes it: the id, the arguments, the parameter addresses. */
export interface Call {
  id: string;
  args: unknown[];
  addresses: string[];
}

/** A seeded generator (a 32-bit LCG, Numerical Recipes constants): the same workbook every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const column = (values: unknown[]): unknown[][] => values.map((v) => [v]);

/** 300 monthly series (level, trend, yearly season, noise), then 50 transaction-list calls. */
export function workbookCalls(): Call[] {
  const rand = lcg(20261203);
  const calls: Call[] = [];
  for (let i = 0; i < FORECASTS; i++) {
    const level = 500 + 20 * i;
    const trend = (rand() - 0.3) * 8;
    const season = 0.05 + 0.25 * rand();
    const values = Array.from({ length: MONTHS }, (_, t) =>
      Math.round(
        (level + trend * t) * (1 + season * Math.sin((2 * Math.PI * t) / 12)) +
          (rand() - 0.5) * 0.1 * level
      )
    );
    calls.push({
      id: "FORECAST_AUTO",
      args: [column(values), HORIZON, 12, null],
      addresses: [`Data!B${2 + i * 40}:B${1 + i * 40 + MONTHS}`, `Data!C${2 + i * 40}`, "", ""],
    });
  }
  // A pool of transactions; each call takes 3,000 consecutive rows of it (its own data).
  const pool = TRANSACTIONS + 50 * 40;
  const names = Array.from({ length: 400 }, (_, k) => `Customer ${k + 1}`);
  const customers: string[] = [];
  const dates: number[] = [];
  const amounts: number[] = [];
  for (let r = 0; r < pool; r++) {
    customers.push(names[Math.floor(rand() ** 2 * names.length)]);
    dates.push(45000 + Math.floor(rand() * 700));
    amounts.push(Math.round(rand() * 5000) / 10);
  }
  for (let k = 0; k < 50; k++) {
    const from = k * 40;
    const slice = (a: unknown[]) => column(a.slice(from, from + TRANSACTIONS));
    const range = (c: string) => `Orders!${c}${2 + from}:${c}${1 + from + TRANSACTIONS}`;
    const id = k % 3 === 0 ? "RFM" : k % 3 === 1 ? "RFM_SUMMARY" : "PARETO";
    if (id === "PARETO")
      calls.push({
        id,
        args: [slice(customers), slice(amounts), null, null, true],
        addresses: [range("A"), range("C"), "", "", ""],
      });
    else
      calls.push({
        id,
        args: [slice(customers), slice(dates), slice(amounts), null, null, true],
        addresses: [range("A"), range("B"), range("C"), "", "", ""],
      });
  }
  return calls;
}

/** The result of one call, or its error message. */
export type Outcome = { value: unknown[][] } | { error: string };

/** Each call computed directly in Node, through the functions' synchronous bodies. */
export function direct(call: Call): Outcome {
  const invocation = {
    parameterAddresses: call.addresses,
  } as unknown as CustomFunctions.Invocation;
  const a = call.args as never[];
  try {
    switch (call.id) {
      case "FORECAST_AUTO":
        return { value: forecastAuto(a[0], a[1], a[2], a[3], invocation) };
      case "RFM":
        return { value: rfm(a[0], a[1], a[2], a[3], a[4], a[5], invocation) };
      case "RFM_SUMMARY":
        return { value: rfmSummary(a[0], a[1], a[2], a[3], a[4], a[5], invocation) };
      default:
        return { value: pareto(a[0], a[1], a[2], a[3], a[4], invocation) };
    }
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** The direct outcome of every call, and the engine's forecast (seasonality 12) of each series. */
export function directResults(calls: Call[]): {
  outcomes: Outcome[];
  engineMeans: number[][];
  ms: number;
} {
  installCustomFunctions();
  const t0 = performance.now();
  const outcomes = calls.map(direct);
  const ms = performance.now() - t0;
  const engineMeans = calls
    .filter((c) => c.id === "FORECAST_AUTO")
    .map(
      (c) =>
        autoForecast(
          (c.args[0] as number[][]).map((r) => r[0]),
          HORIZON,
          12
        ).mean
    );
  return { outcomes, engineMeans, ms };
}

if (require.main === module) {
  fs.writeFileSync(process.argv[2], JSON.stringify(directResults(workbookCalls())));
}
