import { describe, test, expect } from "@jest/globals";
import { gapToTarget } from "../../../src/engine/plan/gap";
import { salesBudget } from "../../../src/engine/plan/budget";

describe("gap to target", () => {
  test("hand-checked with forecast and periods left", () => {
    // Target 1,200; actual 700 (58.33%); gap 500; forecast 300 -> expected 1,000 (83.33%), expected gap 200.
    // 4 periods left: needed 500/4 = 125; forecast 300/4 = 75; extra 200/4 = 50.
    expect(gapToTarget(1200, 700, 300, 4)).toEqual({
      target: 1200,
      actual: 700,
      attainment: 700 / 1200,
      gap: 500,
      forecast: { rest: 300, expected: 1000, expectedAttainment: 1000 / 1200, expectedGap: 200 },
      runRate: { periodsLeft: 4, needed: 125, forecast: 75, extra: 50 },
    });
  });
  test("target exceeded: negative gap, no run rate needed", () => {
    expect(gapToTarget(100, 120, undefined, 2)).toEqual({
      target: 100,
      actual: 120,
      attainment: 1.2,
      gap: -20,
      runRate: { periodsLeft: 2, needed: 0 },
    });
  });
  test("zero target and zero periods are rejected", () => {
    expect(() => gapToTarget(0, 1)).toThrow(RangeError);
    expect(() => gapToTarget(1, 1, undefined, 0)).toThrow(RangeError);
  });
});

describe("sales budget", () => {
  test("hand-checked: two periods, two cost lines, fixed costs", () => {
    // P1: revenue 1000, lines 60% = 600, 5% = 50 -> variable 650; fixed 200; costs 850; profit 150; margin 15%.
    // P2: revenue 0 -> no margin; fixed 200 -> profit -200.
    // Total: revenue 1000, lines 600, 50; variable 650; fixed 400; costs 1050; profit -50; margin -5%.
    const b = salesBudget(
      [1000, 0],
      [
        [0.6, 0.05],
        [0.6, 0.05],
      ],
      [200, 200]
    );
    expect(b.periods[0]).toEqual({
      revenue: 1000,
      lines: [600, 50],
      variable: 650,
      fixed: 200,
      totalCost: 850,
      profit: 150,
      margin: 0.15,
    });
    expect(b.periods[1]).toEqual({
      revenue: 0,
      lines: [0, 0],
      variable: 0,
      fixed: 200,
      totalCost: 200,
      profit: -200,
    });
    expect(b.total).toEqual({
      revenue: 1000,
      lines: [600, 50],
      variable: 650,
      fixed: 400,
      totalCost: 1050,
      profit: -50,
      margin: -0.05,
    });
  });
  test("rates per period", () => {
    const b = salesBudget([100, 200], [[0.5], [0.25]], [0, 0]);
    expect(b.periods.map((p) => p.variable)).toEqual([50, 50]);
    expect(b.total.profit).toBe(200);
  });
  test("ragged input is a programming error", () => {
    expect(() => salesBudget([1], [], [0])).toThrow(RangeError);
    expect(() => salesBudget([1, 2], [[0.1], [0.1, 0.2]], [0, 0])).toThrow(RangeError);
  });
});
