/* global globalThis */
import { describe, test, expect, beforeAll } from "@jest/globals";
import { rfm } from "../../src/functions/rfm";
import { rfmSummary } from "../../src/functions/rfmSummary";
import { at, col, installCustomFunctions } from "../support/customFunctions";
import { errorOf } from "../support/errorOf";

beforeAll(() => {
  installCustomFunctions();
});

// The hand-checked example of test/engine/rfm.test.ts, as Excel passes it (text dates mixed in).
const customers = col("Customer", "A", "A", "a ", "B", "C", "C", "C", "C", "D", "D", "E");
const dates = col(
  "Date",
  "2024-01-01",
  45301,
  "2024/1/10",
  "2024年1月5日",
  45293,
  45294,
  45303,
  45303,
  45299,
  45300,
  45302
);
const amounts = col("Amount", 100, 50, 25, 300, 20, 20, 20, -10, 80, -80, -5);

describe("KAM.RFM", () => {
  test("spills a headed table, one row per customer", () => {
    expect(rfm(customers, dates, amounts)).toEqual([
      ["Customer", "Recency (days)", "Frequency", "Monetary", "R", "F", "M", "RFM", "Segment"],
      ["A", 3, 2, 175, 3, 3, 3, "333", "Needs attention"],
      ["B", 8, 1, 300, 1, 2, 4, "124", "Lost"],
      ["C", 1, 3, 50, 4, 4, 2, "442", "Loyal"],
      ["D", 5, 1, 0, 2, 1, 1, "211", "Hibernating"],
    ]);
  });

  // Hand-checked: 4 customers in 3 bins score 1, 1, 2, 3 by rank. F ties (A, B, D at 1 purchase day)
  // are broken by monetary: D (0) < A (100) < B (300).
  test("headers FALSE, as_of and bins", () => {
    const out = rfm(customers, dates, amounts, "2024-01-09", 3, false);
    expect(out).toEqual([
      ["A", 8, 1, 100, 1, 1, 2, "112", "Lost"],
      ["B", 4, 1, 300, 2, 2, 3, "223", "Needs attention"],
      ["C", 6, 2, 40, 1, 3, 1, "131", "Can't lose"],
      ["D", 1, 1, 0, 3, 1, 1, "311", "New"],
    ]);
  });

  test("zh-CN display language gives zh-CN headers and segments", () => {
    const g = globalThis as unknown as { Office?: unknown };
    g.Office = { context: { displayLanguage: "zh-CN" } };
    try {
      const out = rfm(customers, dates, amounts);
      expect(out[0][0]).toBe("客户");
      expect(out[1][8]).toBe("需要关注客户");
    } finally {
      delete g.Office;
    }
  });

  // One definition of a purchase in KAM.RFM and KAM.RFM_SUMMARY: a transaction with an amount of 0
  // or more (a free or fully discounted order is a visit; Fader & Hardie's CDNOW summary counts its
  // $0 purchases); a negative amount is a return. Purchases on one day are one purchase.
  test("a $0 purchase counts as in KAM.RFM_SUMMARY: frequency = repeat purchases + 1", () => {
    const who = col("P", "P", "P", "Q", "Q", "R", "R");
    const when = col(45292, 45299, 45306, 45293, 45300, 45294, 45301);
    // P: 10, 30, then a $0 order on as_of (its last purchase); Q: 20, then a return; R: two $0
    // orders (only free orders: still a customer with two purchase days).
    const amount = col(10, 30, 0, 20, -20, 0, 0);
    const scores = rfm(who, when, amount, 45306, null, false);
    const summary = rfmSummary(who, when, amount, 45306, "days", false);
    expect(scores.map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
      ["P", 0, 3, 40], // purchase days 45292, 45299, 45306 ($0): recency 0, not 7
      ["Q", 13, 1, 0], // the return is not a purchase; it only reduces monetary
      ["R", 5, 2, 0], // two $0 purchases
    ]);
    expect(summary.map((r) => [r[0], r[1]])).toEqual([
      ["P", 2],
      ["Q", 0],
      ["R", 1],
    ]);
    scores.forEach((r, i) => {
      expect(r[2]).toBe((summary[i][1] as number) + 1);
      // The same last purchase day: RFM's recency (days to as_of) = T − recency of the summary.
      expect(r[1]).toBe((summary[i][3] as number) - (summary[i][2] as number));
    });
  });

  describe("bad input", () => {
    test("text in amounts names the cell", () =>
      expect(
        errorOf(() =>
          rfm(
            col("A", "B"),
            col(45300, 45301),
            col(1, "abc"),
            null,
            null,
            null,
            at("A2:A3", "B2:B3", "Data!C2:C3")
          )
        )
      ).toBe('KAM.RFM: amounts, row 2 (C3): "abc" is not a number'));
    test("a bad date", () =>
      expect(errorOf(() => rfm(col("A", "B"), col(45300, "31/31/2024"), col(1, 2)))).toMatch(
        /^KAM\.RFM: dates, row 2: "31\/31\/2024" is not a date/
      ));
    test("blank customer in a filled row", () =>
      expect(errorOf(() => rfm(col("A", null), col(45300, 45301), col(1, 2)))).toBe(
        "KAM.RFM: customers, row 2: the cell is blank"
      ));
    test("Excel error", () =>
      expect(errorOf(() => rfm(col("A", "#REF!"), col(45300, 45301), col(1, 2)))).toBe(
        "KAM.RFM: customers, row 2: the cell holds the error #REF!"
      ));
    test("mismatched lengths", () =>
      expect(errorOf(() => rfm(col("A", "B"), col(45300), col(1, 2)))).toBe(
        "KAM.RFM: dates: has 1 cells but customers has 2; the ranges must be the same size"
      ));
    test("empty ranges", () =>
      expect(errorOf(() => rfm(col(null, null), col(null, null), col(null, null)))).toBe(
        "KAM.RFM: customers: no transactions: the ranges are blank"
      ));
    test("only returns", () =>
      expect(errorOf(() => rfm(col("A"), col(45300), col(-5)))).toBe(
        "KAM.RFM: amounts: no purchases: every amount is negative (a return)"
      ));
    test("bins out of range", () =>
      expect(errorOf(() => rfm(col("A"), col(45300), col(5), null, 10))).toBe(
        "KAM.RFM: bins: 10 is not allowed; give a whole number from 2 to 9"
      ));
    test("as_of that is not a date", () =>
      expect(errorOf(() => rfm(col("A"), col(45300), col(5), "next week"))).toMatch(
        /^KAM\.RFM: as_of: "next week" is not a date/
      ));
    test("as_of before every purchase", () =>
      expect(errorOf(() => rfm(col("A"), col(45300), col(5), 45000))).toBe(
        "KAM.RFM: amounts: no purchases on or before as_of"
      ));
  });
});
