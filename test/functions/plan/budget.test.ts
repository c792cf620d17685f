/* global globalThis */
import { describe, test, expect, beforeAll, afterEach } from "@jest/globals";
import { budget } from "../../../src/functions/budget";
import { at, col, installCustomFunctions } from "../../support/customFunctions";
import { errorOf } from "../../support/errorOf";

/** Excel passes null for an omitted optional argument (typed `?: unknown[][]` for the metadata). */
const OMITTED = null as unknown as undefined;

beforeAll(() => {
  installCustomFunctions();
});
afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe("KAM.BUDGET", () => {
  test("named cost lines, one row of rates for every period, fixed costs per period (hand-checked)", () => {
    // P1: 1000 × 60% = 600, × 5% = 50; variable 650; fixed 200; costs 850; profit 150; margin 15%.
    // P2: revenue 0: no costs but fixed 200; profit -200; margin blank.
    // P3: 2000 -> 1200, 100; variable 1300; fixed 300; costs 1600; profit 400; margin 20%.
    // Total: 3000; 1800, 150; 1950; 700; 2650; profit 350; margin 350/3000.
    const out = budget(
      col("Revenue", 1000, 0, 2000),
      [
        ["Cost of sales", "Commission"],
        ["60%", 0.05],
      ],
      col("Fixed", 200, 200, 300)
    );
    expect(out).toEqual([
      [
        "Period",
        "Revenue",
        "Cost of sales",
        "Commission",
        "Variable costs",
        "Fixed costs",
        "Total costs",
        "Profit",
        "Margin",
      ],
      [1, 1000, 600, 50, 650, 200, 850, 150, 0.15],
      [2, 0, 0, 0, 0, 200, 200, -200, ""],
      [3, 2000, 1200, 100, 1300, 300, 1600, 400, 0.2],
      ["Total", 3000, 1800, 150, 1950, 700, 2650, 350, 350 / 3000],
    ]);
  });

  test("rates per period, one fixed amount, no fixed costs, no headers; Chinese default line names", () => {
    // 100 × 50% = 50, 200 × 25% = 50; fixed 10 each.
    expect(budget(col(100, 200), [[0.5], [0.25]], [[10]], false)).toEqual([
      [1, 100, 50, 50, 10, 60, 40, 0.4],
      [2, 200, 50, 50, 10, 60, 140, 0.7],
      ["Total", 300, 100, 100, 20, 120, 180, 0.6],
    ]);
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: "zh-CN" } };
    const out = budget(col(100), [[0.1]]);
    expect(out[0]).toEqual([
      "期间",
      "收入",
      "成本1",
      "变动成本",
      "固定成本",
      "总成本",
      "利润",
      "利润率",
    ]);
    expect(out[2]).toEqual(["合计", 100, 10, 10, 0, 10, 90, 0.9]);
  });

  test("trailing blank cells and rows are ignored; a zero rate is a value", () => {
    const out = budget(
      col(100, 100, null),
      [
        [0, 0.1],
        [null, null],
      ],
      col(5, 5, null),
      false
    );
    expect(out).toHaveLength(3);
    expect(out[2]).toEqual(["Total", 200, 0, 20, 20, 10, 30, 170, 0.85]);
  });

  describe("bad input", () => {
    test("a blank period inside the revenue plan names the cell", () =>
      expect(
        errorOf(() => budget(col(1, null, 3), [[0.1]], OMITTED, null, at("B2:B4", "C2")))
      ).toBe(
        "KAM.BUDGET: revenue_plan, row 2 (B3): the cell is blank; every period needs a value (0 for none)"
      ));
    test("text and errors in rates name the cell", () => {
      expect(
        errorOf(() => budget(col(1, 2), [[0.1, "x"]], OMITTED, null, at("B2:B3", "C2:D2")))
      ).toBe('KAM.BUDGET: cost_rates, row 1 (D2): "x" is not a number');
      expect(errorOf(() => budget(col(1), [[0.1, "#N/A"]]))).toBe(
        "KAM.BUDGET: cost_rates, row 1: the cell holds the error #N/A"
      );
      expect(errorOf(() => budget(col(1), [[0.1, null]]))).toBe(
        "KAM.BUDGET: cost_rates, row 1: the cell is blank; write 0 for no cost"
      );
      expect(errorOf(() => budget(col(1), [[-0.1]]))).toBe(
        "KAM.BUDGET: cost_rates, row 1: -0.1 is negative; a cost rate must be 0 or more"
      );
    });
    test("mismatched lengths", () => {
      expect(errorOf(() => budget(col(1, 2, 3), [[0.1], [0.2]]))).toBe(
        "KAM.BUDGET: cost_rates: has 2 rows of rates; give one row (the same rates every period) or one row per period (3)"
      );
      expect(errorOf(() => budget(col(1, 2, 3), [[0.1]], col(1, 2)))).toBe(
        "KAM.BUDGET: fixed_costs: has 2 values; give one amount for every period or one per period (3)"
      );
    });
    test("empty ranges", () => {
      expect(errorOf(() => budget(col(null, null), [[0.1]]))).toBe(
        "KAM.BUDGET: revenue_plan: no periods: the range is blank"
      );
      expect(errorOf(() => budget(col(1), [[null]]))).toBe(
        "KAM.BUDGET: cost_rates: no rates: the range is blank"
      );
    });
    test("headers that are not TRUE/FALSE", () =>
      expect(errorOf(() => budget(col(1), [[0.1]], OMITTED, 7))).toBe(
        "KAM.BUDGET: headers: 7 is not TRUE or FALSE"
      ));
  });
});
