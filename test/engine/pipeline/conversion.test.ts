import { describe, test, expect } from "@jest/globals";
import { funnelConversion, Outcome } from "../../../src/engine/pipeline/conversion";

describe("funnel conversion from closed deals", () => {
  // Five stages 0..4 (4 = Won). Closed deals: 3 won; lost at stage 0: 4, at 1: 2, at 2: 0, at 3: 1.
  // Open deals (2) are left out.
  // reached: s4 = 3; s3 = 3 + 1 = 4; s2 = 4 + 0 = 4; s1 = 4 + 2 = 6; s0 = 6 + 4 = 10.
  // conversion: 6/10, 4/6, 4/4, 3/4; win probability = 3 / reached: 0.3, 0.5, 0.75, 0.75, 1.
  const furthest = [4, 3, 2, 0, 0, 0, 0, 1, 1, 3, 1, 2];
  const outcomes: Outcome[] = [
    "won",
    "won",
    "won",
    "lost",
    "lost",
    "lost",
    "lost",
    "lost",
    "lost",
    "lost",
    "open",
    "open",
  ];
  test("hand-checked counts, conversions and win probabilities", () => {
    const r = funnelConversion(furthest, outcomes, 5);
    expect(r).toMatchObject({ won: 3, lost: 7, open: 2 });
    expect(r.stages.map((s) => s.reached)).toEqual([10, 6, 4, 4, 3]);
    expect(r.stages.map((s) => s.movedOn)).toEqual([6, 4, 4, 3, undefined]);
    expect(r.stages.map((s) => s.conversion)).toEqual([0.6, 4 / 6, 1, 0.75, undefined]);
    expect(r.stages.map((s) => s.won)).toEqual([3, 3, 3, 3, 3]);
    expect(r.stages.map((s) => s.winProbability)).toEqual([0.3, 0.5, 0.75, 0.75, 1]);
  });
  test("the product of conversions is the win probability of the first stage", () => {
    const r = funnelConversion(furthest, outcomes, 5);
    const product = r.stages.slice(0, -1).reduce((p, s) => p * (s.conversion ?? 0), 1);
    expect(product).toBeCloseTo(r.stages[0].winProbability ?? NaN, 12);
  });
  test("stages no closed deal reached have no conversion or probability", () => {
    const r = funnelConversion([0, 1], ["lost", "lost"], 4);
    expect(r.stages.map((s) => s.reached)).toEqual([2, 1, 0, 0]);
    expect(r.stages.map((s) => s.winProbability)).toEqual([0, 0, undefined, 1]);
    expect(r.stages[2].conversion).toBeUndefined();
  });
  test("rejects a lost deal at the won stage and bad indices", () => {
    expect(() => funnelConversion([3], ["lost"], 4)).toThrow(RangeError);
    expect(() => funnelConversion([4], ["won"], 4)).toThrow(RangeError);
    expect(() => funnelConversion([0], ["won"], 1)).toThrow(RangeError);
  });
});
