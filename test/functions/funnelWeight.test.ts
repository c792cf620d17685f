import { describe, test, expect, beforeAll } from "@jest/globals";
import { funnelWeight } from "../../src/functions/funnelWeight";
import { at, col, installCustomFunctions, OMITTED } from "../support/customFunctions";
import { errorOf } from "../support/errorOf";

beforeAll(() => {
  installCustomFunctions();
});

describe("KAM.FUNNEL_WEIGHT", () => {
  // Hand-checked: 100×10%, 200×30%, 300×50%, 400×70%, 500×100%.
  const amounts = col(100, 200, 300, 400, 500);
  const stages = col("Prospect", "意向客户", " proposal ", 0.7, "100%");

  test("spills the weighted amount of each row", () => {
    const out = funnelWeight(amounts, stages) as number[][];
    expect(out.map(([v]) => Math.round(v * 1e9) / 1e9)).toEqual([10, 60, 150, 280, 500]);
  });

  test("total_only returns the total", () => {
    const out = funnelWeight(amounts, stages, OMITTED, true) as number[][];
    expect(out).toHaveLength(1);
    expect(out[0][0]).toBeCloseTo(1000, 9);
  });

  test("a header row gets a header, blank rows stay blank, rows stay aligned", () => {
    const out = funnelWeight(col("Amount", 100, null, 200), col("Stage", "Won", null, "Intent"));
    expect(out).toEqual([["Weighted amount"], [100], [""], [60]]);
  });

  test("a row range spills a row", () => {
    const out = funnelWeight([[100, 200]], [["Won", "Prospect"]]);
    expect(out).toEqual([[100, 20]]);
  });

  test("a company's own stage table replaces the defaults", () => {
    const table = [
      ["Stage", "Probability"],
      ["Qualified", 0.2],
      ["Closed Lost", "0%"],
      ["Closed Won", 1],
    ];
    const out = funnelWeight(
      col(100, 100, 100),
      col("qualified", "Closed Lost", "closed won"),
      table
    );
    expect(out).toEqual([[20], [0], [100]]);
    expect(errorOf(() => funnelWeight(col(100), col("Prospect"), table))).toMatch(
      /^KAM\.FUNNEL_WEIGHT: stages, row 1: unknown stage "Prospect"; known stages: Qualified \(20%\), Closed Lost \(0%\), Closed Won \(100%\)/
    );
  });

  test("a stage table may add a forecast category column (third column)", () => {
    const table = [
      ["Stage", "Probability", "Forecast category"],
      ["Qualified", 0.2, "Pipeline"],
      ["Shortlisted", "60%", "最佳情况"],
      ["Closed Won", 1, "Closed"],
      ["Closed Lost", 0, "Omitted"],
      ["Parked", 0, null],
    ];
    // Categories never change weights: 100 × 20%, 60%, 100%, 0%, 0%.
    expect(
      funnelWeight(
        col(100, 100, 100, 100, 100),
        col("Qualified", "shortlisted", "closed won", "Closed Lost", "Parked"),
        table
      )
    ).toEqual([[20], [60], [100], [0], [0]]);
  });

  test("stage table categories are checked", () => {
    expect(errorOf(() => funnelWeight(col(1), col("A"), [["A", 0.5, "Someday"]]))).toMatch(
      /^KAM\.FUNNEL_WEIGHT: stage_table, row 1: unknown forecast category "Someday" for "A"; use Pipeline \(管道\), Best case \(最佳情况\), Commit \(承诺\), Closed \(已成交\), Omitted \(不计入\)$/
    );
    expect(
      errorOf(() =>
        funnelWeight(
          col(1),
          col("A"),
          [
            ["B", 1, "Closed"],
            ["A", 0.5, "Omitted"],
          ],
          null,
          at("A1", "B1", "D2:F3")
        )
      )
    ).toBe(
      'KAM.FUNNEL_WEIGHT: stage_table, row 2 (D3): "A" is Omitted (lost or excluded), so its probability must be 0%'
    );
    expect(errorOf(() => funnelWeight(col(1), col("A"), [["A", 1, "Closed", "x"]]))).toBe(
      "KAM.FUNNEL_WEIGHT: stage_table: must have 2 or 3 columns (stage, probability, forecast category); got 4"
    );
  });

  describe("bad input", () => {
    test("unknown stage names the row, the cell and the known stages", () => {
      expect(
        errorOf(() =>
          funnelWeight(
            col(1, 2),
            col("Won", "Qualify"),
            OMITTED,
            null,
            at("Sheet1!A2:A3", "Sheet1!B2:B3")
          )
        )
      ).toBe(
        'KAM.FUNNEL_WEIGHT: stages, row 2 (B3): unknown stage "Qualify"; known stages: Prospect (10%), Intent (30%), Proposal (50%), Negotiation (70%), Won (100%), or a probability such as 0.5 or 50%'
      );
    });
    test("text in amounts", () =>
      expect(errorOf(() => funnelWeight(col(1, "abc"), col("Won", "Won")))).toBe(
        'KAM.FUNNEL_WEIGHT: amounts, row 2: "abc" is not a number'
      ));
    test("blank amount with a stage", () =>
      expect(errorOf(() => funnelWeight(col(1, null), col("Won", "Won")))).toBe(
        "KAM.FUNNEL_WEIGHT: amounts, row 2: the cell is blank"
      ));
    test("Excel error in a range", () =>
      expect(errorOf(() => funnelWeight(col(1, "#N/A"), col("Won", "Won")))).toBe(
        "KAM.FUNNEL_WEIGHT: amounts, row 2: the cell holds the error #N/A"
      ));
    test("mismatched lengths", () =>
      expect(errorOf(() => funnelWeight(col(1, 2, 3), col("Won", "Won")))).toBe(
        "KAM.FUNNEL_WEIGHT: stages: has 2 cells but amounts has 3; the ranges must be the same size"
      ));
    test("probability out of range", () =>
      expect(errorOf(() => funnelWeight(col(1), col(50)))).toMatch(
        /stages, row 1: 50 is not a probability/
      ));
    test("bad stage table", () => {
      expect(errorOf(() => funnelWeight(col(1), col("A"), [["A", 1.5]]))).toBe(
        'KAM.FUNNEL_WEIGHT: stage_table, row 1: the probability of "A" must be from 0 to 1 (or 0% to 100%)'
      );
      expect(errorOf(() => funnelWeight(col(1), col("A"), [["A"]]))).toBe(
        "KAM.FUNNEL_WEIGHT: stage_table: must have 2 columns; got 1"
      );
    });
    test("total_only that is not TRUE/FALSE", () =>
      expect(errorOf(() => funnelWeight(col(1), col("Won"), OMITTED, "yes"))).toBe(
        'KAM.FUNNEL_WEIGHT: total_only: "yes" is not TRUE or FALSE'
      ));
    test("two-dimensional amounts", () =>
      expect(
        errorOf(() =>
          funnelWeight(
            [
              [1, 2],
              [3, 4],
            ],
            col("Won", "Won")
          )
        )
      ).toBe("KAM.FUNNEL_WEIGHT: amounts: must be a single column or row; got 2 rows × 2 columns"));
  });

  test("an all-blank range gives blanks, and a total of 0", () => {
    expect(funnelWeight(col(null, null), col(null, null))).toEqual([[""], [""]]);
    expect(funnelWeight(col(null, null), col(null, null), OMITTED, true)).toEqual([[0]]);
  });
});
