import { describe, test, expect, beforeAll } from "@jest/globals";
import {
  cagr,
  churn,
  csat,
  growth,
  kaContributionFn,
  nps,
  retention,
  share,
} from "../../../src/functions/kpis";
import { at, col, installCustomFunctions } from "../../support/customFunctions";
import { errorOf } from "../../support/errorOf";

beforeAll(() => {
  installCustomFunctions();
});

describe("KPI functions (hand-checked; see test/engine/kpi/kpi.test.ts)", () => {
  test("single values", () => {
    expect(retention([[100]], [[95]], [[15]])[0][0] as number).toBeCloseTo(0.8, 12);
    expect(churn([[100]], [[95]], [[15]])[0][0] as number).toBeCloseTo(0.2, 12);
    expect(growth([[120]], [[100]])[0][0] as number).toBeCloseTo(0.2, 12);
    expect(cagr([[100]], [[121]], [[2]])[0][0] as number).toBeCloseTo(0.1, 12);
    expect(share([[25]], [[200]])).toEqual([[0.125]]);
  });
  test("columns spill one value per row, header replaced, blank rows kept", () => {
    expect(growth(col("This year", 120, null, 90), col("Last year", 100, null, 100))).toEqual([
      ["Growth"],
      [0.2], // (120 − 100) / 100
      [""],
      [-0.1],
    ]);
    expect(share([[1, 3]], [[4, 4]])).toEqual([[0.25, 0.75]]);
  });
  test("NPS, CSAT, key-account contribution", () => {
    expect(nps(col("Score", 10, 9, 9, 10, 9, 7, 8, 6, null, 0, 3))[0][0] as number).toBeCloseTo(
      20,
      12
    );
    expect(csat(col(5, 4, 3, 4, 1))[0][0] as number).toBeCloseTo(0.6, 12);
    expect(csat(col(5, 4, 3, 4, 1), 5)[0][0] as number).toBeCloseTo(0.2, 12);
    expect(kaContributionFn(col(60, 20, 20), col(true, "是", "no"))[0][0] as number).toBeCloseTo(
      0.8,
      12
    );
  });
  describe("bad input", () => {
    test("zero denominators are explained", () => {
      expect(errorOf(() => retention([[0]], [[5]], [[5]]))).toBe(
        "KAM.RETENTION: customers_start: customers_start is 0: retention needs customers at the start"
      );
      expect(errorOf(() => growth(col(1, 2), col(1, 0), at("C1:C2")))).toBe(
        "KAM.GROWTH: current, row 2 (C2): previous is 0: growth from zero is not defined"
      );
      expect(errorOf(() => share([[1]], [[0]]))).toBe(
        "KAM.SHARE: ours: market is 0; a share needs a market above 0"
      );
      expect(errorOf(() => cagr([[0]], [[5]], [[2]]))).toMatch(/^KAM\.CAGR: first: first is 0/);
      expect(errorOf(() => kaContributionFn(col(5, -5), col(true, false)))).toBe(
        "KAM.KA_CONTRIBUTION: amounts: the key accounts' amounts add up to 5 and the others' to -5; a share from 0 to 1 needs both to be 0 or more (are returns larger than sales?)"
      );
    });
    test("blanks", () => {
      expect(errorOf(() => churn([[10]], [[null]], [[1]]))).toBe(
        "KAM.CHURN: customers_end, row 1: the cell is blank"
      );
      expect(errorOf(() => nps(col(null, null)))).toBe(
        "KAM.NPS: scores: no scores: the range is blank"
      );
      expect(errorOf(() => csat(col(null)))).toBe(
        "KAM.CSAT: scores: no scores: the range is blank"
      );
    });
    test("text and Excel errors", () => {
      expect(errorOf(() => growth([["abc"]], [[1]]))).toBe(
        'KAM.GROWTH: current, row 1: "abc" is not a number'
      );
      expect(errorOf(() => nps(col(9, "#N/A")))).toBe(
        "KAM.NPS: scores, row 2: the cell holds the error #N/A"
      );
      expect(errorOf(() => kaContributionFn(col(1, 2), col(true, "maybe")))).toBe(
        'KAM.KA_CONTRIBUTION: is_key_account, row 2: "maybe" is not TRUE or FALSE (also 1/0, yes/no, 是/否)'
      );
    });
    test("mismatched lengths and out-of-range options", () => {
      expect(errorOf(() => share(col(1, 2), col(3)))).toMatch(
        /^KAM\.SHARE: market: has 1 cells but ours has 2/
      );
      expect(errorOf(() => nps(col(9, 11)))).toBe(
        "KAM.NPS: scores, row 2: 11 is not a score from 0 to 10"
      );
      expect(errorOf(() => csat(col(1), "high"))).toBe(
        'KAM.CSAT: threshold: "high" is not a number'
      );
    });
  });
});
