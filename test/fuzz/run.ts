/* global console, process */
// The standalone fuzzer of the custom functions (issue 14 §1):
//   npx tsx test/fuzz/run.ts --calls 200000 --seed 12345 [--only ID] [--small 40] [--large 300]
// Calls every function of src/functions in turn with Excel-shaped arbitrary input (test/fuzz/harness.ts)
// and prints the count of each outcome: a value, a clear error, a contract violation by kind, and calls
// over 5 s, with the first example of each violation. Exit code 1 when any violation was seen.
import fc from "fast-check";
import { callsOf, functionsUnderTest, runCall, shownCall } from "./harness";
import { installCustomFunctions } from "../support/customFunctions";

installCustomFunctions();

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const only = process.argv.includes("--only")
  ? process.argv[process.argv.indexOf("--only") + 1]
  : "";
const calls = option("calls", 200000);
const seed = option("seed", 12345);
const sizes = { small: option("small", 40), large: option("large", 300) };
const SLOW_MS = 5000;

const fns = functionsUnderTest().filter((f) => !only || only.split(",").includes(f.id));
const counts = { value: 0, error: 0, violation: 0, slow: 0 };
const byKind = new Map<string, { count: number; example: string; message?: string }>();
const perFunction = new Map<string, { calls: number; ms: number; max: number; values: number }>();
console.log(
  `KAM fuzzer: ${calls} calls over ${fns.length} functions, seed ${seed}, ranges up to ${sizes.small} rows (now and then ${sizes.large})`
);
/** Runs the calls in turn (a function Excel calls through the queue answers with a Promise). */
async function main(): Promise<void> {
  const t0 = Date.now();
  const BATCH = 50;
  let done = 0;
  for (let round = 0; done < calls; round++) {
    for (const f of fns) {
      if (done >= calls) break;
      const batch = fc.sample(callsOf(f, sizes), {
        seed: seed + round * 7919 + f.id.length,
        numRuns: Math.min(BATCH, calls - done),
      });
      for (const call of batch) {
        const out = await runCall(f, call);
        done++;
        counts[out.kind]++;
        if (out.ms > SLOW_MS) {
          counts.slow++;
          console.log(`  slow (${Math.round(out.ms)} ms): ${shownCall(f, call)}`);
        }
        const stat = perFunction.get(f.id) ?? { calls: 0, ms: 0, max: 0, values: 0 };
        stat.calls++;
        if (out.kind === "value") stat.values++;
        stat.ms += out.ms;
        stat.max = Math.max(stat.max, out.ms);
        perFunction.set(f.id, stat);
        for (const v of out.violations) {
          const key = `${v}`;
          const entry = byKind.get(key) ?? {
            count: 0,
            example: shownCall(f, call),
            message: out.message,
          };
          entry.count++;
          byKind.set(key, entry);
          const fk = `${v} [${f.id}]`;
          const e2 = byKind.get(fk) ?? {
            count: 0,
            example: shownCall(f, call),
            message: out.message,
          };
          e2.count++;
          byKind.set(fk, e2);
        }
      }
    }
    if (round % 20 === 19)
      console.log(`  … ${done} calls, ${Math.round((Date.now() - t0) / 1000)} s`);
  }
  console.log(`\nSeed ${seed}, ${done} calls in ${Math.round((Date.now() - t0) / 1000)} s:`);
  console.log(`  value            ${counts.value}`);
  console.log(`  clear error      ${counts.error}`);
  console.log(`  violation        ${counts.violation}`);
  console.log(`  calls over 5 s   ${counts.slow}`);
  const kinds = [...byKind.entries()].filter(([k]) => !k.includes(" ["));
  console.log(`Violations by kind${kinds.length ? "" : ": none"}`);
  for (const [kind, e] of kinds) console.log(`  ${kind}: ${e.count}`);
  for (const [kind, e] of [...byKind.entries()].filter(([k]) => k.includes(" [")))
    console.log(
      `  ${kind}: ${e.count}\n      ${e.example}\n      -> ${(e.message ?? "").slice(0, 300)}`
    );
  console.log(
    `Values per function: ${[...perFunction.entries()].map(([id, s]) => `${id} ${s.values}/${s.calls}`).join(", ")}`
  );
  const slowest = [...perFunction.entries()].sort((a, b) => b[1].max - a[1].max).slice(0, 5);
  console.log(
    `Slowest calls: ${slowest.map(([id, s]) => `${id} ${Math.round(s.max)} ms`).join(", ")}`
  );
  process.exit(counts.violation > 0 ? 1 : 0);
}

void main();
