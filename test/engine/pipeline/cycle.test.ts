import { describe, test, expect } from "@jest/globals";
import { cycleStats, salesCycle } from "../../../src/engine/pipeline/cycle";
import { accountLoad } from "../../../src/engine/pipeline/load";
import { pipelineCoverage } from "../../../src/engine/pipeline/coverage";

describe("sales cycle", () => {
  test("hand-checked statistics", () => {
    // 10, 20, 30, 100: mean 160/4 = 40; median (20 + 30)/2 = 25.
    expect(cycleStats([30, 10, 100, 20])).toEqual({
      count: 4,
      mean: 40,
      median: 25,
      min: 10,
      max: 100,
    });
    expect(cycleStats([7])).toEqual({ count: 1, mean: 7, median: 7, min: 7, max: 7 });
    expect(() => cycleStats([])).toThrow(RangeError);
  });
  test("per group in order of first appearance, then All; times of day dropped", () => {
    // North: 45300.7 -> 45310.2 = 45310 - 45300 = 10 days, 45305 -> 45335 = 30; South: 45301 -> 45321 = 20.
    const out = salesCycle(
      [45300.7, 45301, 45305],
      [45310.2, 45321, 45335],
      ["North", "south", " north "]
    );
    expect(out).toEqual([
      { group: "North", count: 2, mean: 20, median: 20, min: 10, max: 30 },
      { group: "south", count: 1, mean: 20, median: 20, min: 20, max: 20 },
      { count: 3, mean: 20, median: 20, min: 10, max: 30 },
    ]);
    expect(salesCycle([1], [5])).toEqual([{ count: 1, mean: 4, median: 4, min: 4, max: 4 }]);
  });
});

describe("account load", () => {
  test("distinct accounts per rep and the flags", () => {
    const reps = ["Li", "Li", "Li", "Wang", "Zhao", "zhao "];
    const accounts = ["A", "a", "B", "A", "C", "D"];
    // Li: A, B = 2 (a = A); Wang: 1; Zhao: 2. Range 2..2.
    expect(accountLoad(reps, accounts, 2, 2)).toEqual([
      { rep: "Li", accounts: 2, status: "ok", difference: 0 },
      { rep: "Wang", accounts: 1, status: "under", difference: -1 },
      { rep: "Zhao", accounts: 2, status: "ok", difference: 0 },
    ]);
    expect(accountLoad(reps, accounts, 0, 1)[0]).toEqual({
      rep: "Li",
      accounts: 2,
      status: "over",
      difference: 1,
    });
  });
  test("the default range is the practice's 30 to 40", () => {
    const reps = Array.from({ length: 41 }, () => "R");
    const accounts = Array.from({ length: 41 }, (_, i) => i);
    expect(accountLoad(reps, accounts)[0]).toMatchObject({
      accounts: 41,
      status: "over",
      difference: 1,
    });
    expect(accountLoad(reps.slice(0, 29), accounts.slice(0, 29))[0]).toMatchObject({
      status: "under",
      difference: -1,
    });
    expect(accountLoad(reps.slice(0, 30), accounts.slice(0, 30))[0]).toMatchObject({
      status: "ok",
    });
    expect(() => accountLoad(["R"], ["A"], 5, 4)).toThrow(RangeError);
  });
});

describe("pipeline coverage", () => {
  test("hand-checked", () => {
    // 3,000,000 / 1,000,000 = 3×; at 25%: needed 4,000,000, expected wins 750,000, shortfall 1,000,000.
    expect(pipelineCoverage(3e6, 1e6, 0.25)).toEqual({
      pipeline: 3e6,
      target: 1e6,
      coverage: 3,
      atWinRate: {
        winRate: 0.25,
        coverageNeeded: 4,
        pipelineNeeded: 4e6,
        expectedWins: 750000,
        shortfall: 1e6,
      },
    });
    expect(pipelineCoverage(5e6, 1e6, 0.25).atWinRate?.shortfall).toBe(0);
    expect(pipelineCoverage(1, 4)).toEqual({ pipeline: 1, target: 4, coverage: 0.25 });
  });
  test("zero target and zero win rate are rejected", () => {
    expect(() => pipelineCoverage(1, 0)).toThrow(RangeError);
    expect(() => pipelineCoverage(1, 1, 0)).toThrow(RangeError);
  });
});
