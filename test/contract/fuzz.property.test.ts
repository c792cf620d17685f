import { describe, test, expect, beforeAll } from "@jest/globals";
// The custom functions' contract (issue 14 §1), property-based: every @customfunction of
// src/functions is called with seeded Excel-shaped arbitrary input (test/fuzz/harness.ts: numbers to
// ±1E+308, number-like and 100,000-character text, booleans, Excel errors, blanks as null and 0,
// 1×1 to a few dozen rows, mismatched shapes, rows and columns, omitted arguments, with and without
// parameter addresses) and must return finite cells of at most 32,767 characters or a clear #VALUE!
// message naming the function and the argument. A few seconds; the standalone fuzzer
// (npx tsx test/fuzz/run.ts --calls 200000 --seed 12345) runs the same contract at length.
import fc from "fast-check";
import { callsOf, functionsUnderTest, runCall, shownCall } from "../fuzz/harness";
import { installCustomFunctions } from "../support/customFunctions";

/** The fixed seed (fast-check prints it, with the failing call, when a property fails). */
const SEED = 20261203;
const RUNS = 30;
const SIZES = { small: 10, large: 50 };
/** A call of small ranges that takes longer than this (the fuzzer's "over 5 s") fails "bounded time". */
const MAX_MS = 5000;

beforeAll(() => {
  installCustomFunctions();
});

const functions = functionsUnderTest();

describe(`every custom function, ${RUNS} arbitrary calls each (seed ${SEED})`, () => {
  test("all functions are found", () => {
    expect(functions.length).toBeGreaterThanOrEqual(44);
    expect(functions.every((f) => typeof f.call === "function")).toBe(true);
  });

  test.each(functions.map((f) => [f.id, f] as const))(
    "%s: a value or a clear error",
    async (_id, f) => {
      await fc.assert(
        fc.asyncProperty(callsOf(f, SIZES), async (call) => {
          const out = await runCall(f, call);
          const problems = [...out.violations, ...(out.ms > MAX_MS ? [`took ${out.ms} ms`] : [])];
          if (problems.length > 0)
            throw new Error(
              `${problems.join("; ")}\n  ${shownCall(f, call)}\n  -> ${out.message ?? ""}`
            );
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true }
      );
    },
    60000
  );
});
