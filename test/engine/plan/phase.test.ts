import { describe, test, expect } from "@jest/globals";
import { phaseTarget, seasonalShares } from "../../../src/engine/plan/phase";

describe("seasonal shares", () => {
  test("average share of each period within its year (hand-checked, quarters)", () => {
    // Year 1: 10, 20, 30, 40 (100) -> .1 .2 .3 .4; year 2: 30, 30, 60, 80 (200) -> .15 .15 .3 .4.
    // Average: .125, .175, .3, .4.
    const r = seasonalShares([10, 20, 30, 40, 30, 30, 60, 80], 4);
    if (!r.ok) throw new Error(r.reason);
    expect(r.years).toBe(2);
    [0.125, 0.175, 0.3, 0.4].forEach((s, i) => expect(r.shares[i]).toBeCloseTo(s, 12));
  });
  test("one year of indices is its own pattern", () => {
    const r = seasonalShares([0.8, 1.2, 1, 1], 4);
    if (!r.ok) throw new Error(r.reason);
    [0.2, 0.3, 0.25, 0.25].forEach((s, i) => expect(r.shares[i]).toBeCloseTo(s, 12));
  });
  test("explained refusals", () => {
    expect(seasonalShares([1, 2, 3], 4)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/has 3 values; give whole years of 4/),
    });
    expect(seasonalShares([1, 2, 3, 4, 0, 0, 0, 0], 4)).toMatchObject({
      ok: false,
      index: 4,
      reason: expect.stringMatching(/^year 2 \(values 5 to 8\) adds up to 0/),
    });
    expect(seasonalShares([1, -2, 3, 4], 4)).toMatchObject({ ok: false, index: 1 });
  });
});

describe("phasing a target", () => {
  test("hand-checked, rounded to 100: 10,000 by .125/.175/.3/.4", () => {
    // 100 units: 12.5, 17.5, 30, 40 -> 12, 17, 30, 40 (99); the unit left: tie .5/.5 -> the earlier.
    const r = phaseTarget(10000, [10, 20, 30, 40, 30, 30, 60, 80], 4, 100);
    if (!r.ok) throw new Error(r.reason);
    expect(r.targets).toEqual([1300, 1700, 3000, 4000]);
  });
  test("monthly, without a unit: exact shares adding up to the target", () => {
    const history = Array.from(
      { length: 36 },
      (_, i) => 100 + 50 * Math.sin((i / 12) * 2 * Math.PI) + i
    );
    const r = phaseTarget(1234567.89, history, 12);
    if (!r.ok) throw new Error(r.reason);
    expect(r.targets).toHaveLength(12);
    expect(r.targets.reduce((a, b) => a + b, 0)).toBeCloseTo(1234567.89, 6);
    expect(r.shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
  test("problems name their argument", () => {
    expect(phaseTarget(100, [1, 2], 4)).toMatchObject({ ok: false, arg: "history" });
    expect(phaseTarget(150, [1, 1, 1, 1], 4, 100)).toMatchObject({
      ok: false,
      arg: "annual_target",
    });
  });
});
