import { describe, test, expect } from "@jest/globals";
import { rfm } from "../../../src/engine/accounts/rfm";
import { rfmSummary } from "../../../src/engine/accounts/summary";
import { serialFromYmd } from "../../../src/engine/calendar";
import { readTransactions } from "./cdnow";

// Hand-checked example: day numbers are Excel serials 45292 + k (45292 = 2024-01-01).
const D = (k: number) => 45292 + k;
const customers = ["A", "A", "a ", "A", "A", "B", "C", "C", "C"];
const dates = [D(0), D(0), D(7), D(14), D(30), D(3), D(1), D(2), D(5)];
const amounts = [10, 5, 20, 30, 99, 40, 12, 0, -12];

describe("rfmSummary", () => {
  test("as of day 21, in weeks", () => {
    const r = rfmSummary(customers, dates, amounts, { asOf: D(21) });
    expect(r.afterAsOf).toBe(1); // A's purchase on day 30
    expect(r.returns).toBe(1); // C's −12
    expect(r.customers).toEqual([
      // A: days 0 (10+5, first, excluded), 7 (20), 14 (30): x = 2, t_x = 14/7 = 2, T = 21/7 = 3,
      // monetary = (20 + 30) / 2 = 25
      { customer: "A", frequency: 2, recency: 2, T: 3, monetary: 25 },
      // B: one purchase: x = 0, recency 0, T = 18/7, monetary 0
      { customer: "B", frequency: 0, recency: 0, T: 18 / 7, monetary: 0 },
      // C: days 1 (12) and 2 ($0 counts): x = 1, t_x = 1/7, T = 20/7, monetary 0
      { customer: "C", frequency: 1, recency: 1 / 7, T: 20 / 7, monetary: 0 },
    ]);
  });

  test("default as_of is the last transaction date; days and months", () => {
    const days = rfmSummary(customers, dates, amounts, { period: "days" });
    expect(days.asOf).toBe(D(30));
    expect(days.customers[0]).toEqual({
      customer: "A",
      frequency: 3,
      recency: 30,
      T: 30,
      monetary: (20 + 30 + 99) / 3,
    });
    const months = rfmSummary(customers, dates, amounts, { period: "months" });
    expect(months.customers[1].T).toBeCloseTo(27 / 30.4375, 12);
  });

  test("transactions dated as_of count; a time of day is dropped", () => {
    const r = rfmSummary(["A", "A"], [D(0) + 0.25, D(7) + 0.9], [1, 2], { asOf: D(7) + 0.1 });
    expect(r.customers[0]).toEqual({ customer: "A", frequency: 1, recency: 1, T: 1, monetary: 2 });
  });

  test("mismatched lengths throw", () => {
    expect(() => rfmSummary(["A"], [1, 2], [1])).toThrow(RangeError);
  });
});

// One definition of a purchase in rfm and rfmSummary: an amount of 0 or more. CDNOW has eight $0.00
// purchases (test/fixtures/cdnow); Fader & Hardie's summary counts them, and so must RFM.
describe("rfm and rfmSummary count the same purchases", () => {
  test("CDNOW to 1997-09-30: RFM frequency = repeat purchases + 1, same last purchase day", () => {
    const t = readTransactions();
    expect(t.amount.filter((a) => a === 0).length).toBe(8);
    const asOf = serialFromYmd(1997, 9, 30)!;
    const scores = rfm(t.customer, t.date, t.amount, { asOf });
    const summary = rfmSummary(t.customer, t.date, t.amount, { asOf, period: "days" });
    expect(scores.customers).toHaveLength(2357);
    expect(scores.withoutPurchase).toBe(0);
    const byId = new Map(summary.customers.map((c) => [c.customer, c]));
    for (const c of scores.customers) {
      const sc = byId.get(c.customer)!;
      expect(c.frequency).toBe(sc.frequency + 1);
      expect(c.recency).toBe(sc.T - sc.recency);
    }
  });

  test("a customer whose only purchases are $0 is scored, one with only returns is not", () => {
    const r = rfm(["A", "A", "B"], [D(0), D(3), D(1)], [0, 0, -5], { asOf: D(5) });
    expect(r.customers.map((c) => [c.customer, c.frequency, c.recency, c.monetary])).toEqual([
      ["A", 2, 2, 0],
    ]);
    expect(r.withoutPurchase).toBe(1);
    const s2 = rfmSummary(["A", "A", "B"], [D(0), D(3), D(1)], [0, 0, -5], {
      asOf: D(5),
      period: "days",
    });
    expect(s2.customers.map((c) => [c.customer, c.frequency])).toEqual([["A", 1]]);
  });
});
