/* global globalThis */
import { describe, test, expect, beforeAll, afterEach } from "@jest/globals";
import { targetSplit } from "../../../src/functions/targetSplit";
import { targetPhase } from "../../../src/functions/targetPhase";
import { at, col, installCustomFunctions } from "../../support/customFunctions";
import { errorOf } from "../../support/errorOf";
import { prng } from "../../engine/pipeline/generated";

beforeAll(() => {
  installCustomFunctions();
});
afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe("KAM.TARGET_SPLIT", () => {
  test("proportional to last year's sales, in thousands, summing exactly (hand-checked)", () => {
    // 1,000,000 over 500 : 300 : 200 : 0 in units of 1,000 -> 500, 300, 200, 0 exactly.
    // 1,001,000 -> quotas 500.5, 300.3, 200.2, 0 -> 500, 300, 200 (1,000) + 1 to the largest remainder .5.
    // The text "0" is a basis of 0; the number 0 at the end is the padding of the range: blank.
    expect(
      targetSplit(1001000, col("Sales 2024", 500, 300, null, 200, "0", 0), null, 1000)
    ).toEqual([["Target"], [501000], [300000], [""], [200000], [0], [""]]);
  });
  test("Wikipedia's Hare-quota example as a target split (Largest remainder method, 10 seats)", () => {
    expect(targetSplit(10, [[47000, 16000, 15800, 12000, 6100, 3100]], "sales", 1)).toEqual([
      [5, 2, 1, 1, 1, 0],
    ]);
  });
  test("equal split of names, in cents; ties go to the earlier rows", () => {
    // 100.00 / 3 = 33.333.. -> 33.33 each (99.99), the cent left to the first.
    expect(targetSplit(100, col("Li", "Wang", "Zhao"), "平均", 0.01)).toEqual([
      [33.34],
      [33.33],
      [33.33],
    ]);
  });
  test("no unit: exact shares adding up to the total; Chinese header", () => {
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: "zh-CN" } };
    const out = targetSplit(1000, col("潜力", 1, 1, 1), "potential") as (string | number)[][];
    expect(out[0]).toEqual(["目标"]);
    expect((out[1][0] as number) + (out[2][0] as number) + (out[3][0] as number)).toBe(1000);
  });
  test("property on random bases: the parts are multiples of the unit and add up to the total", () => {
    const rnd = prng(11);
    for (let trial = 0; trial < 100; trial++) {
      const basis = Array.from(
        { length: 1 + Math.floor(rnd() * 40) },
        () => Math.round(rnd() * 1e7) / 100
      );
      basis[0] += 1;
      const unit = [1000, 1, 0.01][trial % 3];
      const total = Math.round(rnd() * 1e6) * unit;
      const out = targetSplit(total, col(...basis), null, unit) as number[][];
      const units = out.map(([v]) => Math.round(v / unit));
      expect(units.reduce((a, b) => a + b, 0)).toBe(Math.round(total / unit));
      out.forEach(([v]) => expect(Math.abs(v / unit - Math.round(v / unit))).toBeLessThan(1e-9));
    }
  });
  describe("bad input", () => {
    test("a total that is not a multiple of the unit is explained", () =>
      expect(errorOf(() => targetSplit(1500, col(1, 1), null, 1000))).toBe(
        "KAM.TARGET_SPLIT: total: the total 1500 is not a whole number of units of 1000; round the total to the unit first (e.g. with MROUND)"
      ));
    test("negative basis and text name the cell", () => {
      expect(errorOf(() => targetSplit(10, col(1, -2), null, null, at("A1", "B2:B3")))).toBe(
        "KAM.TARGET_SPLIT: basis, row 2 (B3): -2 is negative; weights must be 0 or more"
      );
      expect(errorOf(() => targetSplit(10, col(1, "lots")))).toBe(
        'KAM.TARGET_SPLIT: basis, row 2: "lots" is not a number'
      );
      expect(errorOf(() => targetSplit(10, col(1, "#N/A")))).toBe(
        "KAM.TARGET_SPLIT: basis, row 2: the cell holds the error #N/A"
      );
    });
    test("a zero or empty basis", () => {
      expect(errorOf(() => targetSplit(10, col(0, 0)))).toBe(
        "KAM.TARGET_SPLIT: basis: the weights add up to 0, so there are no shares"
      );
      expect(errorOf(() => targetSplit(10, col(null, null)))).toBe(
        "KAM.TARGET_SPLIT: basis: no rows: the range is blank"
      );
    });
    test("bad total, method and unit", () => {
      expect(errorOf(() => targetSplit(-5, col(1)))).toBe(
        "KAM.TARGET_SPLIT: total: -5 cannot be split; the total must be 0 or more"
      );
      expect(errorOf(() => targetSplit(null, col(1)))).toBe(
        "KAM.TARGET_SPLIT: total: is blank; give the target to split"
      );
      expect(errorOf(() => targetSplit(5, col(1), "random"))).toMatch(
        /^KAM\.TARGET_SPLIT: method: "random" is not one of proportional/
      );
      expect(errorOf(() => targetSplit(5, col(1), null, 0))).toBe(
        "KAM.TARGET_SPLIT: unit: 0 is not allowed; give a unit greater than 0, or leave it out"
      );
      expect(errorOf(() => targetSplit(5, col(1), null, "big"))).toBe(
        'KAM.TARGET_SPLIT: unit: "big" is not a number'
      );
    });
  });
});

describe("KAM.TARGET_PHASE", () => {
  // The hand-checked quarters of test/engine/plan/phase.test.ts: shares .125, .175, .3, .4.
  const history = col("Sales", 10, 20, 30, 40, 30, 30, 60, 80, null, null);

  test("quarters, rounded to 100, summing to the target", () => {
    expect(targetPhase(10000, history, 4, 100)).toEqual(
      [
        ["Period", "Share", "Target"],
        [1, 0.125, 1300],
        [2, 0.175, 1700],
        [3, 0.3, 3000],
        [4, 0.4, 4000],
      ].map((r) =>
        r.map((v) => (typeof v === "number" && v < 1 && v > 0 ? expect.closeTo(v, 12) : v))
      )
    );
  });

  test("36 months: a zero month is a value; every month's target, summing to the annual target", () => {
    const months = Array.from({ length: 36 }, (_, i) =>
      i % 12 === 1 ? 0 : 100 + 10 * (i % 12) + i
    );
    const out = targetPhase(1200000, col(...months), null, 1000, false) as number[][];
    expect(out).toHaveLength(12);
    expect(out[1]).toEqual([2, 0, 0]); // February never sold
    expect(out.reduce((s, r) => s + r[2], 0)).toBe(1200000);
    out.forEach((r) => expect(r[2] % 1000).toBe(0));
  });

  test("seasonal indices in a row; Chinese headers", () => {
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: "zh-CN" } };
    // Indices 0.8, 1.2, 1, 1 -> shares .2, .3, .25, .25 of 400.
    const out = targetPhase(400, [[0.8, 1.2, 1, 1]], 4) as (string | number)[][];
    expect(out[0]).toEqual(["期间", "占比", "目标"]);
    expect(
      out
        .slice(1)
        .map((r) => r[2] as number)
        .map((x) => Math.round(x * 1e9) / 1e9)
    ).toEqual([80, 120, 100, 100]);
  });

  describe("bad input", () => {
    test("a blank month inside the history names the cell", () =>
      expect(
        errorOf(() => targetPhase(100, col(1, 2, null, 4), 4, null, null, at("A1", "B2:B5")))
      ).toBe(
        "KAM.TARGET_PHASE: history, row 3 (B4): the cell is blank; every period needs a value (0 for none)"
      ));
    test("not whole years", () =>
      expect(errorOf(() => targetPhase(100, col(1, 2, 3, 4, 5)))).toBe(
        "KAM.TARGET_PHASE: history: has 5 values; give whole years of 12 values each (12, 24, 36, ...) in time order"
      ));
    test("a year without sales, negative sales, text, errors", () => {
      expect(errorOf(() => targetPhase(100, col(1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1), 4))).toMatch(
        /^KAM\.TARGET_PHASE: history, row 5: year 2 \(values 5 to 8\) adds up to 0/
      );
      expect(errorOf(() => targetPhase(100, col(1, -1, 1, 1), 4))).toBe(
        "KAM.TARGET_PHASE: history, row 2: -1 is negative; sales and indices must be 0 or more"
      );
      expect(errorOf(() => targetPhase(100, col(1, "x", 1, 1), 4))).toBe(
        'KAM.TARGET_PHASE: history, row 2: "x" is not a number'
      );
      expect(errorOf(() => targetPhase(100, col(1, "#REF!", 1, 1), 4))).toBe(
        "KAM.TARGET_PHASE: history, row 2: the cell holds the error #REF!"
      );
      expect(errorOf(() => targetPhase(100, col(null, null), 4))).toMatch(
        /^KAM\.TARGET_PHASE: history: has 0 values/
      );
    });
    test("bad target, periods and unit", () => {
      expect(errorOf(() => targetPhase(150, col(1, 1, 1, 1), 4, 100))).toMatch(
        /^KAM\.TARGET_PHASE: annual_target: the total 150 is not a whole number of units of 100/
      );
      expect(errorOf(() => targetPhase(100, col(1, 1), 1))).toBe(
        "KAM.TARGET_PHASE: periods: 1 is not allowed; give a whole number from 2 to 53"
      );
      expect(errorOf(() => targetPhase(100, col(1, 1), 2, -5))).toBe(
        "KAM.TARGET_PHASE: unit: -5 is not allowed; give a unit greater than 0, or leave it out"
      );
      expect(errorOf(() => targetPhase("much", col(1, 1), 2))).toBe(
        'KAM.TARGET_PHASE: annual_target: "much" is not a number'
      );
    });
  });
});
