/* global globalThis */
import { describe, test, expect, beforeAll } from "@jest/globals";
import { clv } from "../../../src/functions/clv";
import { clvFit } from "../../../src/functions/clvFit";
import { clvPredict } from "../../../src/functions/clvPredict";
import { rfmSummary } from "../../../src/functions/rfmSummary";
import { isoFromSerial } from "../../../src/engine/calendar";
import { readSummary, readTransactions } from "../../engine/accounts/cdnow";
import { at, col, installCustomFunctions, OMITTED } from "../../support/customFunctions";
import { errorOf } from "../../support/errorOf";

beforeAll(() => {
  installCustomFunctions();
});

const s = readSummary();

describe("KAM.RFM_SUMMARY", () => {
  test("CDNOW cut at 1997-09-30 reproduces the published summary file", () => {
    const t = readTransactions();
    // Dates as text, as a user pasting the file would have them.
    const out = rfmSummary(
      col(...t.customer),
      col(...t.date.map(isoFromSerial)),
      col(...t.amount),
      "1997-09-30",
      "weeks",
      null
    );
    expect(out[0]).toEqual(["Customer", "Frequency", "Recency", "T", "Monetary"]);
    expect(out).toHaveLength(2358);
    const byId = new Map(out.slice(1).map((r) => [Number(r[0]), r as number[]]));
    s.id.forEach((id, i) => {
      const r = byId.get(id)!;
      expect(r[1]).toBe(s.x[i]);
      expect(Math.abs(r[2] - s.tx[i])).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(r[3] - s.T[i])).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(r[4] - s.zbar[i])).toBeLessThanOrEqual(0.005 + 1e-9);
    });
  });

  test("hand-checked, days, no headers, zh period name", () => {
    // A: 2024-01-01 (10), 2024-01-08 (20): x = 1, t_x = 7 days, T = 9 days (to 01-10), monetary 20
    const out = rfmSummary(
      col("A", "A", "B"),
      col("2024-01-01", "2024-01-08", "2024-01-10"),
      col(10, 20, 5),
      null,
      "天",
      false
    );
    expect(out).toEqual([
      ["A", 1, 7, 9, 20],
      ["B", 0, 0, 0, 0],
    ]);
  });

  test("zh-CN headers", () => {
    const g = globalThis as unknown as { Office?: unknown };
    g.Office = { context: { displayLanguage: "zh-CN" } };
    try {
      expect(rfmSummary(col("A"), col(45300), col(1))[0][0]).toBe("客户");
    } finally {
      delete g.Office;
    }
  });

  describe("bad input", () => {
    test("text in amounts names the cell", () =>
      expect(
        errorOf(() =>
          rfmSummary(
            col("A", "B"),
            col(45300, 45301),
            col(1, "abc"),
            null,
            null,
            null,
            at("A2:A3", "B2:B3", "C2:C3")
          )
        )
      ).toBe('KAM.RFM_SUMMARY: amounts, row 2 (C3): "abc" is not a number'));
    test("blank date", () =>
      expect(errorOf(() => rfmSummary(col("A", "B"), col(45300, null), col(1, 2)))).toBe(
        "KAM.RFM_SUMMARY: dates, row 2: the cell is blank"
      ));
    test("Excel error", () =>
      expect(errorOf(() => rfmSummary(col("A", "B"), col(45300, 45301), col(1, "#N/A")))).toBe(
        "KAM.RFM_SUMMARY: amounts, row 2: the cell holds the error #N/A"
      ));
    test("mismatched lengths", () =>
      expect(errorOf(() => rfmSummary(col("A", "B"), col(45300), col(1, 2)))).toBe(
        "KAM.RFM_SUMMARY: dates: has 1 cells but customers has 2; the ranges must be the same size"
      ));
    test("empty ranges", () =>
      expect(errorOf(() => rfmSummary(col(null), col(null), col(null)))).toBe(
        "KAM.RFM_SUMMARY: customers: no transactions: the ranges are blank"
      ));
    test("unknown period", () =>
      expect(errorOf(() => rfmSummary(col("A"), col(45300), col(1), null, "years"))).toBe(
        'KAM.RFM_SUMMARY: period: "years" is not one of "days", "weeks", "months"'
      ));
    test("as_of before every purchase", () =>
      expect(errorOf(() => rfmSummary(col("A"), col(45300), col(1), 45000))).toBe(
        "KAM.RFM_SUMMARY: amounts: no purchases on or before as_of"
      ));
    test("only returns", () =>
      expect(errorOf(() => rfmSummary(col("A"), col(45300), col(-1)))).toBe(
        "KAM.RFM_SUMMARY: amounts: no purchases: every amount is negative (a return)"
      ));
  });
});

describe("KAM.CLV_FIT and KAM.CLV_PREDICT on CDNOW", () => {
  const fit = clvFit(
    col("x", ...s.x),
    col("t_x", ...s.tx),
    col("T", ...s.T),
    col("zbar", ...s.zbar)
  ) as (string | number)[][];
  const value = (label: string) => fit.find((r) => r[0] === label)![1] as number;

  // Published (Fader, Hardie & Lee 2005; Fader & Hardie 2013): r 0.2426, alpha 4.4135, a 0.7929,
  // b 2.4259, LL −9582.43; p 6.2488, q 3.7446, v 15.4477 on 946 repeat customers.
  test("spills the published parameters", () => {
    expect(fit.map((r) => r[0])).toEqual([
      "r",
      "alpha",
      "a",
      "b",
      "BG/NBD log-likelihood",
      "Customers",
      "p",
      "q",
      "v",
      "Gamma-Gamma log-likelihood",
      "Repeat customers fitted",
      "Left out (average value <= 0)",
    ]);
    expect(value("r").toPrecision(4)).toBe("0.2426");
    expect(value("alpha").toPrecision(4)).toBe("4.414");
    expect(value("a").toPrecision(4)).toBe("0.7929");
    expect(value("b").toPrecision(4)).toBe("2.426");
    expect(value("BG/NBD log-likelihood")).toBeCloseTo(-9582.43, 1);
    expect(value("Customers")).toBe(2357);
    expect(value("p").toPrecision(4)).toBe("6.249");
    expect(value("q").toPrecision(4)).toBe("3.745");
    expect(value("v").toPrecision(4)).toBe("15.45");
    expect(value("Repeat customers fitted")).toBe(946);
    expect(value("Left out (average value <= 0)")).toBe(0);
  });

  test("without monetary only the BG/NBD rows", () => {
    const out = clvFit(col(...s.x), col(...s.tx), col(...s.T));
    expect(out).toHaveLength(6);
  });

  // Published: 1.226 purchases in the next 39 weeks for x = 2, t_x = 30.43, T = 38.86 (FHL 2005).
  test("predicts 1.226 for the paper's customer, from the spilled fit or seven numbers", () => {
    const out = clvPredict(fit, col(2, 0), col(30.43, 0), col(38.86, 38.86), col(22.35, 0), 39);
    expect(out[0]).toEqual(["Expected purchases", "P(alive)", "Expected average value", "CLV"]);
    expect(out[1][0] as number).toBeCloseTo(1.226, 3);
    const seven = col(...["r", "alpha", "a", "b", "p", "q", "v"].map(value));
    const out2 = clvPredict(
      seven,
      col(2),
      col(30.43),
      col(38.86),
      col(22.35),
      39,
      0.01,
      0.3,
      false
    );
    expect(out2).toHaveLength(1);
    expect(out2[0][0] as number).toBeCloseTo(1.226, 3);
    // expected value: p (v + x m) / (p x + q − 1); CLV is discounted, so below E[Y]·value·margin
    const ev = (value("p") * (value("v") + 2 * 22.35)) / (value("p") * 2 + value("q") - 1);
    expect(out2[0][2] as number).toBeCloseTo(ev, 10);
    expect(out2[0][3] as number).toBeLessThan((out2[0][0] as number) * ev * 0.3);
  });

  test("rows line up with the input: header row replaced, blank rows kept blank", () => {
    const out = clvPredict(
      fit,
      col("x", 2, null, 0),
      col("t", 30.43, null, 0),
      col("T", 38.86, null, 20),
      col("m", 22.35, null, 0),
      39
    );
    expect(out).toHaveLength(4);
    expect(out[0][3]).toBe("CLV");
    expect(out[2]).toEqual(["", "", "", ""]);
  });

  // The example: 35 s and 1.5 GB before (tables as long as the largest frequency).
  test("a frequency of 30,000,000 fits at once, with a warning about alpha", () => {
    const out = clvFit(col(30000000, 0, 1), col(14.81, 0, 3), col(18.67, 35.26, 20));
    expect(out.slice(0, 6).map((r) => r[0])).toEqual(fit.slice(0, 6).map((r) => r[0]));
    expect(out.slice(0, 5).every((r) => Number.isFinite(r[1]))).toBe(true);
    expect(out.slice(6)).toEqual([
      [
        "Warning",
        "The data do not determine alpha: other values fit almost as well (the estimate ran to the edge of the search or is very uncertain); use the predictions with caution.",
      ],
    ]);
  }, 5000);

  test("a frequency beyond 2^53 − 1 names the cell instead of failing", () =>
    expect(errorOf(() => clvFit(col(1e154, 0, 1), col(14.81, 0, 3), col(18.67, 35.26, 20)))).toBe(
      "KAM.CLV_FIT: frequency, row 1: frequency 1e+154 is too large: a purchase count must be at most 9007199254740991 (2^53 - 1)"
    ));

  describe("data that cannot determine the model: a result and a Warning row saying why", () => {
    const warnings = (out: unknown[][]) => out.filter((r) => r[0] === "Warning").map((r) => r[1]);

    test("no customer bought twice: BG/NBD with a warning; Gamma-Gamma blank, not an error", () => {
      const out = clvFit(col(0, 0, 0), col(0, 0, 0), col(10, 20, 39), col(0, 0, 0));
      expect(out.slice(0, 12).map((r) => r[0])).toEqual(fit.map((r) => r[0]));
      expect(out[0][1] as number).toBeLessThan(1e-3); // r: the repeat rate tends to 0
      expect(out.slice(6, 12).map((r) => r[1])).toEqual(["", "", "", "", 0, 0]);
      expect(warnings(out)).toEqual([
        "No customer bought twice: the repeat-purchase rate cannot be estimated (r tends to 0) and the dropout parameters a, b are not determined.",
        "No customer bought twice: the Gamma-Gamma model of spend needs repeat customers and was not fitted (p, q, v left blank).",
      ]);
      // KAM.CLV_PREDICT on it says what is missing.
      expect(errorOf(() => clvPredict(out, col(0), col(0), col(10), col(0), 39))).toBe(
        "KAM.CLV_PREDICT: params: p is blank: that KAM.CLV_FIT result has no Gamma-Gamma fit (see its Warning rows)"
      );
    });

    test("a single customer", () =>
      expect(warnings(clvFit(col(3), col(10), col(20)))).toEqual([
        "Only one customer: the four BG/NBD parameters cannot be estimated from one purchase history.",
      ]));

    test("every repeat customer with the same average value", () => {
      const out = clvFit(col(2, 1, 3, 0), col(5, 2, 8, 0), col(10, 10, 10, 10), col(25, 25, 25, 0));
      expect(warnings(out)).toContain(
        "Every repeat customer has the same average value (25): the spread of spend cannot be estimated (p and q grow without limit); the expected average value is that value."
      );
      // Predictions still work, and the expected average value is that value.
      const pred = clvPredict(out, col(2), col(5), col(10), col(25), 10, null, null, false);
      expect(pred[0][2] as number).toBeCloseTo(25, 3);
    });

    test("zh-CN: the label and the text in Chinese", () => {
      const g = globalThis as unknown as { Office?: unknown };
      g.Office = { context: { displayLanguage: "zh-CN" } };
      try {
        const out = clvFit(col(0, 0), col(0, 0), col(10, 20));
        expect(out[out.length - 1]).toEqual([
          "警告",
          "没有客户购买过两次：无法估计重复购买率（r 趋于 0），流失参数 a、b 也无法确定。",
        ]);
      } finally {
        delete g.Office;
      }
    });
  });

  describe("bad input", () => {
    test("text in T", () =>
      expect(
        errorOf(() =>
          clvFit(col(1, 0), col(2, 0), col(5, "n/a"), OMITTED, at("A2:A3", "B2:B3", "C2:C3"))
        )
      ).toBe('KAM.CLV_FIT: T, row 2 (C3): "n/a" is not a number'));
    test("fractional frequency names the row", () =>
      expect(errorOf(() => clvFit(col(1, 1.5), col(2, 3), col(5, 6), OMITTED, at("A2:A3")))).toBe(
        "KAM.CLV_FIT: frequency, row 2 (A3): frequency 1.5 must be a whole number of at least 0"
      ));
    test("recency after T", () =>
      expect(errorOf(() => clvFit(col(1), col(9), col(5)))).toBe(
        "KAM.CLV_FIT: frequency, row 1: T 5 must be at least the recency 9"
      ));
    test("Excel error", () =>
      expect(errorOf(() => clvFit(col(1), col("#N/A"), col(5)))).toBe(
        "KAM.CLV_FIT: recency, row 1: the cell holds the error #N/A"
      ));
    test("mismatched lengths", () =>
      expect(errorOf(() => clvFit(col(1, 2), col(1), col(5, 6)))).toBe(
        "KAM.CLV_FIT: recency: has 1 cells but frequency has 2; the ranges must be the same size"
      ));
    test("empty ranges", () =>
      expect(errorOf(() => clvFit(col(null), col(null), col(null)))).toBe(
        "KAM.CLV_FIT: frequency: no customers: the ranges are blank"
      ));
    test("no positive monetary value", () =>
      expect(errorOf(() => clvFit(col(1, 0), col(2, 0), col(5, 6), col(-3, 0)))).toMatch(
        /^KAM\.CLV_FIT: monetary: no repeat customer with an average value above 0/
      ));
    test("params without Gamma-Gamma rows", () =>
      expect(
        errorOf(() =>
          clvPredict(
            clvFit(col(...s.x), col(...s.tx), col(...s.T)),
            col(2),
            col(30),
            col(38),
            col(20),
            39
          )
        )
      ).toMatch(/^KAM\.CLV_PREDICT: params: has no p, q, v;/));
    test("params of the wrong size", () =>
      expect(
        errorOf(() => clvPredict(col(1, 2, 3), col(2), col(30), col(38), col(20), 39))
      ).toMatch(/^KAM\.CLV_PREDICT: params: has 3 numbers;/));
    test("missing horizon", () =>
      expect(errorOf(() => clvPredict(fit, col(2), col(30), col(38), col(20), null))).toBe(
        "KAM.CLV_PREDICT: horizon: is required (a number of periods)"
      ));
    test("negative discount rate", () =>
      expect(errorOf(() => clvPredict(fit, col(2), col(30), col(38), col(20), 39, -0.1))).toBe(
        "KAM.CLV_PREDICT: discount_rate: -0.1 is not allowed; give a number of at least 0"
      ));
    test("blank monetary", () =>
      expect(errorOf(() => clvPredict(fit, col(2), col(30), col(38), col(null), 39))).toBe(
        "KAM.CLV_PREDICT: monetary, row 1: the cell is blank"
      ));
  });
});

describe("KAM.CLV", () => {
  // 100 · 1.1 / (1.1 − 0.8) = 366.667; over 3 periods 100 (1 + q + q²), q = 0.8/1.1: 225.6198
  test("single values", () => {
    expect(
      clv(100 as unknown as unknown[][], 0.8 as unknown as unknown[][], 0.1)[0][0] as number
    ).toBeCloseTo(366.6667, 4);
    expect(clv([[100]], [[0.8]], 0.1, 3)[0][0] as number).toBeCloseTo(225.6198, 4);
  });
  test("a column of margins with one retention, header replaced", () => {
    const out = clv(col("Margin", 100, 200), [[0.8]], 0.1);
    expect(out[0]).toEqual(["CLV"]);
    expect(out[2][0] as number).toBeCloseTo(733.3333, 4);
  });
  test("retention per customer", () => {
    // 50 · 1 / (1 − 0.5) = 100
    const out = clv(col(100, 50), col(0.8, 0.5), 0, null, false) as number[][];
    expect(out).toHaveLength(2);
    expect(out[0][0]).toBeCloseTo(500, 10); // 100 / (1 − 0.8)
    expect(out[1][0]).toBeCloseTo(100, 10);
  });
  describe("bad input", () => {
    test("retention 1 without periods", () =>
      expect(errorOf(() => clv([[100]], [[1]], 0.1))).toBe(
        "KAM.CLV: retention: a retention of 1 without a periods limit gives an unlimited value; give periods"
      ));
    test("retention above 1 in a column", () =>
      expect(
        errorOf(() => clv(col(1, 2), col(0.5, 1.5), 0, null, null, at("A1:A2", "B1:B2")))
      ).toBe("KAM.CLV: retention, row 2 (B2): 1.5 is not a retention rate from 0 to 1"));
    test("text margin", () =>
      expect(errorOf(() => clv(col(1, "x"), [[0.5]], 0))).toBe(
        'KAM.CLV: margin, row 2: "x" is not a number'
      ));
    test("missing discount rate", () =>
      expect(errorOf(() => clv([[1]], [[0.5]], null))).toBe(
        "KAM.CLV: discount_rate: is required (0 for no discounting)"
      ));
    test("blank margins", () =>
      expect(errorOf(() => clv(col(null, null), [[0.5]], 0))).toBe(
        "KAM.CLV: margin: no values: the range is blank"
      ));
    test("periods 0", () =>
      expect(errorOf(() => clv([[1]], [[0.5]], 0, 0))).toBe(
        "KAM.CLV: periods: 0 is not allowed; give a whole number of at least 1"
      ));
  });
});
