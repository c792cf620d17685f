/* global globalThis */
import { describe, test, expect, beforeAll } from "@jest/globals";
import { dpm } from "../../../src/functions/dpm";
import { finRatios } from "../../../src/functions/finRatios";
import { pareto } from "../../../src/functions/pareto";
import { paretoShare } from "../../../src/functions/paretoShare";
import { rfmSegment } from "../../../src/functions/rfmSegment";
import { tier } from "../../../src/functions/tier";
import { valueScore } from "../../../src/functions/valueScore";
import { at, col, installCustomFunctions, OMITTED } from "../../support/customFunctions";
import { errorOf } from "../../support/errorOf";

beforeAll(() => {
  installCustomFunctions();
});

const inChinese = <T>(fn: () => T): T => {
  const g = globalThis as unknown as { Office?: unknown };
  g.Office = { context: { displayLanguage: "zh-CN" } };
  try {
    return fn();
  } finally {
    delete g.Office;
  }
};

describe("KAM.RFM_SEGMENT", () => {
  test("segments by the KAM.RFM table (R 5 F 5 Champions; R 1 F 1 Lost; R 3 F 3 Needs attention)", () => {
    expect(
      rfmSegment(col("R", 5, 1, null, 3), col("F", 5, 1, null, 3), col("M", 4, 2, null, 1))
    ).toEqual([
      ["RFM", "Segment"],
      ["554", "Champions"],
      ["112", "Lost"],
      ["", ""],
      ["331", "Needs attention"],
    ]);
  });
  test("3-point scheme maps to the 5-point grid (3 → 5, 1 → 1); zh names", () => {
    expect(inChinese(() => rfmSegment(col(3, 1), col(3, 1), OMITTED, 3, false))).toEqual([
      ["33", "冠军客户"],
      ["11", "已流失客户"],
    ]);
  });
  describe("bad input", () => {
    test("score out of the scheme", () =>
      expect(
        errorOf(() => rfmSegment(col(5, 6), col(1, 1), OMITTED, null, null, at("B2:B3")))
      ).toBe("KAM.RFM_SEGMENT: r, row 2 (B3): 6 is not a score from 1 to 5"));
    test("text", () =>
      expect(errorOf(() => rfmSegment(col(5), col("x")))).toBe(
        'KAM.RFM_SEGMENT: f, row 1: "x" is not a number'
      ));
    test("Excel error", () =>
      expect(errorOf(() => rfmSegment(col(5), col("#N/A")))).toBe(
        "KAM.RFM_SEGMENT: f, row 1: the cell holds the error #N/A"
      ));
    test("mismatched lengths", () =>
      expect(errorOf(() => rfmSegment(col(5, 4), col(1)))).toMatch(
        /^KAM\.RFM_SEGMENT: f: has 1 cells but r has 2/
      ));
    test("empty", () =>
      expect(errorOf(() => rfmSegment(col(null), col(null)))).toBe(
        "KAM.RFM_SEGMENT: r: no scores: the ranges are blank"
      ));
    test("scheme out of range", () =>
      expect(errorOf(() => rfmSegment(col(1), col(1), OMITTED, 12))).toBe(
        "KAM.RFM_SEGMENT: scheme: 12 is not allowed; give a whole number from 2 to 9"
      ));
  });
});

describe("KAM.PARETO and KAM.PARETO_SHARE", () => {
  test("hand-checked table (totals A 60, B 25, C 10, D 5 of 100)", () => {
    expect(
      pareto(col("Customer", "B", "A", "C", "a", "D"), col("Amount", 25, 50, 10, 10, 5))
    ).toEqual([
      ["Customer", "Total", "Share", "Cumulative share", "Rank", "Class"],
      ["A", 60, 0.6, 0.6, 1, "A"],
      ["B", 25, 0.25, 0.85, 2, "B"],
      ["C", 10, 0.1, 0.95, 3, "B"],
      ["D", 5, 0.05, 1, 4, "C"],
    ]);
  });
  test("share of the top 20%: 10 + 9 of 1..10 = 19/55", () => {
    expect(paretoShare(col(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))[0][0] as number).toBeCloseTo(
      19 / 55,
      12
    );
    expect(paretoShare([[1, 8, 1]], 0.5)[0][0] as number).toBeCloseTo(0.9, 12); // ceil(1.5) = 2: 9 of 10
  });
  describe("bad input", () => {
    test("text amount", () =>
      expect(
        errorOf(() => pareto(col("A", "B"), col(1, "abc"), null, null, null, at("A1:A2", "B1:B2")))
      ).toBe('KAM.PARETO: amounts, row 2 (B2): "abc" is not a number'));
    test("blank customer", () =>
      expect(errorOf(() => pareto(col("A", null), col(1, 2)))).toBe(
        "KAM.PARETO: customers, row 2: the cell is blank"
      ));
    test("mismatched", () =>
      expect(errorOf(() => pareto(col("A", "B"), col(1)))).toMatch(
        /^KAM\.PARETO: amounts: has 1 cells/
      ));
    test("empty", () =>
      expect(errorOf(() => pareto(col(null), col(null)))).toBe(
        "KAM.PARETO: customers: no data: the ranges are blank"
      ));
    test("b_cut below a_cut", () =>
      expect(errorOf(() => pareto(col("A"), col(1), 0.9, 0.5))).toBe(
        "KAM.PARETO: b_cut: 0.5 is below a_cut (0.9); b_cut must be at least a_cut"
      ));
    test("a_cut above 1", () =>
      expect(errorOf(() => pareto(col("A"), col(1), 80))).toBe(
        "KAM.PARETO: a_cut: 80 is not allowed; give a number from 0 to 1"
      ));
    test("zero total", () =>
      expect(errorOf(() => pareto(col("A", "B"), col(5, -5)))).toBe(
        "KAM.PARETO: amounts: the total is 0; shares need a total above 0"
      ));
    test("share: Excel error, empty, top_fraction 0", () => {
      expect(errorOf(() => paretoShare(col(1, "#DIV/0!")))).toBe(
        "KAM.PARETO_SHARE: amounts, row 2: the cell holds the error #DIV/0!"
      );
      expect(errorOf(() => paretoShare(col(null)))).toBe(
        "KAM.PARETO_SHARE: amounts: no values: the range is blank"
      );
      expect(errorOf(() => paretoShare(col(1), 0))).toBe(
        "KAM.PARETO_SHARE: top_fraction: 0 is not allowed; give a fraction above 0"
      );
    });
  });
});

describe("KAM.TIER", () => {
  // The practice's rule (src/engine/accounts/tier.ts; see test/engine/accounts/tier.test.ts): shares
  // 50/30/15/4/1% (the first reaches 30%: absolute shares), average margin 0.222.
  test("hand-checked, zh tiers", () => {
    const out = inChinese(() =>
      tier(
        col(50, 30, 15, 4, 1),
        col(0.2, 0.3, 0.1, 0.4, 0.1),
        col(0.1, -0.1, 0.2, 0.05, -0.3),
        OMITTED,
        false
      )
    );
    // 50%: margin below average → key; 30%, above average, −10% is not shrinking → core; 15% → key;
    // 4% and 1% in the C class → ordinary (+5% is not growing).
    expect(out.map((r) => r[3])).toEqual(["重点", "核心", "重点", "普通", "普通"]);
    expect(out[0][0]).toBe(0.5);
    expect(out[2][1]).toBeCloseTo(0.1 - 0.222, 12);
  });
  test("thresholds override: three numbers as before, a fourth for growing", () => {
    // Nobody reaches 60%: contribution by ABC class; equal revenues are both class A → core.
    const out = tier(
      col("Revenue", 50, 50),
      col("Margin", 0.1, 0.1),
      col("Growth", 0, 0),
      col(0.6, 0.5, 0)
    );
    expect(out.map((r) => r[3])).toEqual(["Tier", "Core", "Core"]);
    const args = [
      col(50, 30, 15, 4, 1),
      col(0.2, 0.3, 0.1, 0.4, 0.1),
      col(0.1, -0.1, 0.2, 0.05, -0.3),
    ];
    // Stable growth 0 (a trailing 0 is a threshold): −10% is shrinking (one weakness → key).
    expect(tier(args[0], args[1], args[2], col(0.3, 0.05, 0), false).map((r) => r[3])).toEqual([
      "Key",
      "Key",
      "Key",
      "Ordinary",
      "Ordinary",
    ]);
    // Growing from +5%: the 4% account with an above-average margin is key.
    expect(
      tier(args[0], args[1], args[2], col(0.3, 0.05, -0.1, 0.05), false).map((r) => r[3])
    ).toEqual(["Key", "Core", "Key", "Key", "Ordinary"]);
  });
  describe("bad input", () => {
    test("text", () =>
      expect(errorOf(() => tier(col(1), col("high"), col(0)))).toBe(
        'KAM.TIER: margin, row 1: "high" is not a number'
      ));
    test("blank growth", () =>
      expect(errorOf(() => tier(col(1, 2), col(0.1, 0.2), col(0, null)))).toBe(
        "KAM.TIER: growth, row 2: the cell is blank"
      ));
    test("thresholds of the wrong size", () =>
      expect(errorOf(() => tier(col(1), col(0.1), col(0), col(0.3, 0.05)))).toMatch(
        /^KAM\.TIER: thresholds: has 2 numbers/
      ));
    test("growth thresholds in the wrong order", () =>
      expect(errorOf(() => tier(col(1), col(0.1), col(0), col(0.3, 0.05, 0.2, 0.1)))).toMatch(
        /^KAM\.TIER: thresholds: the growth thresholds/
      ));
    test("thresholds in the wrong order", () =>
      expect(errorOf(() => tier(col(1), col(0.1), col(0), col(0.05, 0.3, 0)))).toMatch(
        /^KAM\.TIER: thresholds: the shares/
      ));
    test("zero revenue", () =>
      expect(errorOf(() => tier(col(5, -5), col(0.1, 0.1), col(0, 0)))).toBe(
        "KAM.TIER: revenue: the total revenue is 0; shares need a total above 0"
      ));
    test("mismatched", () =>
      expect(errorOf(() => tier(col(1, 2), col(0.1), col(0, 0)))).toMatch(
        /^KAM\.TIER: margin: has 1 cells/
      ));
  });
});

describe("KAM.VALUE_SCORE", () => {
  // Same as the engine test: scores 0, 0.375, 1; ranks 3, 2, 1.
  test("criteria with a header row, weights as a row, directions", () => {
    const criteria = [
      ["Revenue", "Cost"],
      [10, 5],
      [20, 5],
      [30, 1],
    ];
    expect(valueScore(criteria, [[3, 1]], [[1, -1]])).toEqual([
      ["Score", "Rank"],
      [0, 3],
      [0.375, 2],
      [1, 1],
    ]);
    expect(valueScore(criteria, [[3, 1]], [["max", "min"]], "z", false)[3][1]).toBe(1);
  });
  describe("bad input", () => {
    test("text in criteria names the cell", () =>
      expect(
        errorOf(() =>
          valueScore(
            [
              [1, 2],
              [3, "x"],
            ],
            [[1, 1]],
            OMITTED,
            null,
            null,
            at("B2:C3")
          )
        )
      ).toBe('KAM.VALUE_SCORE: criteria, row 2 (C3): "x" is not a number'));
    test("weights count", () =>
      expect(errorOf(() => valueScore([[1, 2]], [[1]]))).toBe(
        "KAM.VALUE_SCORE: weights: has 1 weights but criteria has 2 columns"
      ));
    test("negative weight", () =>
      expect(errorOf(() => valueScore([[1, 2]], [[1, -1]]))).toBe(
        "KAM.VALUE_SCORE: weights: weights cannot be negative"
      ));
    test("unknown direction", () =>
      expect(errorOf(() => valueScore([[1, 2]], [[1, 1]], [["up", 1]]))).toMatch(
        /^KAM\.VALUE_SCORE: directions, column 1: "up" is not 1/
      ));
    test("unknown method", () =>
      expect(errorOf(() => valueScore([[1, 2]], [[1, 1]], OMITTED, "rank"))).toBe(
        'KAM.VALUE_SCORE: method: "rank" is not one of "minmax", "z"'
      ));
    test("empty", () =>
      expect(errorOf(() => valueScore([[null, null]], [[1, 1]]))).toBe(
        "KAM.VALUE_SCORE: criteria: no accounts: the range is blank"
      ));
  });
});

describe("KAM.DPM", () => {
  test("four quadrants (engine example), sizes, en and zh", () => {
    const a = [
      [8, 5],
      [2, 2],
      [9, 9],
      [3, 6],
    ];
    const out = dpm(a, [[2, 1]], col(8, 9, 2, 1), [[1]], col(100, 50, 20, 5));
    expect(out).toEqual([
      ["Attractiveness", "Strength", "Size", "Quadrant", "Strategy"],
      [7, 8, 100, "Star", "Improve"],
      [2, 9, 50, "Cash cow", "Maintain"],
      [9, 2, 20, "Question mark", "Enter"],
      [4, 1, 5, "Dog", "Harvest or exit"],
    ]);
    const zh = inChinese(() => dpm(a, [[2, 1]], col(8, 9, 2, 1), [[1]], OMITTED, null, false));
    expect(zh[0]).toEqual([7, 8, "", "明星", "改进"]);
  });
  describe("bad input", () => {
    test("row counts differ", () =>
      expect(errorOf(() => dpm([[1], [2]], [[1]], col(3), [[1]]))).toBe(
        "KAM.DPM: strength_scores: has 1 rows of scores but attractiveness_scores has 2"
      ));
    test("weights add up to 0", () =>
      expect(errorOf(() => dpm([[1]], [[0]], col(3), [[1]]))).toBe(
        "KAM.DPM: attractiveness_weights: the weights add up to 0"
      ));
    test("text score", () =>
      expect(errorOf(() => dpm([[1]], [[1]], col("high"), [[1]]))).toBe(
        'KAM.DPM: strength_scores, row 1: "high" is not a number'
      ));
    test("sizes of the wrong length", () =>
      expect(errorOf(() => dpm([[1]], [[1]], col(3), [[1]], col(1, 2)))).toBe(
        "KAM.DPM: sizes: has 2 values but there are 1 rows of scores"
      ));
    test("empty", () =>
      expect(errorOf(() => dpm([[null]], [[1]], col(null), [[1]]))).toBe(
        "KAM.DPM: attractiveness_scores: no rows: the range is blank"
      ));
  });
});

describe("KAM.FIN_RATIOS", () => {
  test("hand-checked ratios; a zero denominator shows a short text", () => {
    expect(finRatios([[200]], [[100]], [[50]], [[1000]], [[500]], [[300]])).toEqual([
      ["Current ratio", "Net profit margin", "Return on assets", "Debt ratio", "Asset turnover"],
      [2, 0.05, 0.1, 0.6, 2],
    ]);
    expect(finRatios(col(1), col(2), col(0), col(0), col(4), col(1), false)).toEqual([
      [0.5, "n/a: revenue is 0", 0, 0.25, 0],
    ]);
    expect(
      inChinese(() => finRatios(col(1), col(0), col(1), col(2), col(4), col(1), false))[0][0]
    ).toBe("无法计算：流动负债为 0");
  });
  describe("bad input", () => {
    test("text", () =>
      expect(errorOf(() => finRatios(col("a lot"), col(1), col(1), col(1), col(1), col(1)))).toBe(
        'KAM.FIN_RATIOS: current_assets, row 1: "a lot" is not a number'
      ));
    test("blank in a filled row", () =>
      expect(errorOf(() => finRatios(col(1), col(1), col(null), col(1), col(1), col(1)))).toBe(
        "KAM.FIN_RATIOS: net_profit, row 1: the cell is blank"
      ));
    test("mismatched", () =>
      expect(errorOf(() => finRatios(col(1, 2), col(1), col(1), col(1), col(1), col(1)))).toMatch(
        /^KAM\.FIN_RATIOS: current_liabilities: has 1 cells/
      ));
    test("empty", () =>
      expect(
        errorOf(() => finRatios(col(null), col(null), col(null), col(null), col(null), col(null)))
      ).toBe("KAM.FIN_RATIOS: current_assets: no values: the ranges are blank"));
  });
});
