// The plan model: basis year, split level and groups, target, phasing, budget, gap, sales by year,
// accounts and the T+3 targets of small order histories worked out by hand here.

import { describe, expect, test } from "@jest/globals";
import {
  PlanInput,
  PlanModel,
  PlanProblem,
  planModel,
  roundToUnit,
} from "../../../src/engine/plan/planModel";
import { serial } from "../../report/datasets";

interface Order {
  date: number;
  amount: number;
  team?: string;
  customer?: string;
}

function input(orders: Order[], more: Partial<PlanInput> = {}): PlanInput {
  const names: PlanInput["names"] = {};
  if (orders.some((o) => o.team !== undefined)) names.team = orders.map((o) => o.team ?? "");
  if (orders.some((o) => o.customer !== undefined))
    names.customer = orders.map((o) => o.customer ?? "");
  return {
    dates: orders.map((o) => o.date),
    amounts: orders.map((o) => o.amount),
    names,
    growth: 0.1,
    maxCustomers: 50,
    costRates: [0.6, 0.1],
    fixedCosts: 0,
    ...more,
  };
}

function plan(i: PlanInput): PlanModel {
  const out = planModel(i);
  if (!out.ok) throw new Error(`unexpected problem ${JSON.stringify(out.problem)}`);
  return out.value;
}

function problem(i: PlanInput): PlanProblem {
  const out = planModel(i);
  if (out.ok) throw new Error("expected a problem");
  return out.problem;
}

/**
 * 2022: North and South 100 each month (2,400). 2023: North 100 a month Jan–Jun, 300 Jul–Dec
 * (2,400), South 100 a month (1,200): 3,600. 2024 so far: 150 (Jan, North), 50 (Feb, South),
 * 100 (10 Mar, North) = 300. Customers: North's orders are Acme's, South's Beta's.
 */
function history(): Order[] {
  const out: Order[] = [];
  for (let m = 1; m <= 12; m++) {
    out.push({ date: serial(2022, m, 15), amount: 100, team: "North", customer: "Acme" });
    out.push({ date: serial(2022, m, 15), amount: 100, team: "South", customer: "Beta" });
    out.push({
      date: serial(2023, m, 15) + 0.5,
      amount: m <= 6 ? 100 : 300,
      team: "North",
      customer: "Acme",
    });
    out.push({ date: serial(2023, m, 15), amount: 100, team: "South", customer: "Beta" });
  }
  out.push({ date: serial(2024, 1, 20), amount: 150, team: "North", customer: "Acme" });
  out.push({ date: serial(2024, 2, 20), amount: 50, team: "South", customer: "Beta" });
  out.push({ date: serial(2024, 3, 10), amount: 100, team: "North", customer: "Acme" });
  return out;
}

const months = (first6: number, jul: number, augSep: number, octDec: number) => [
  ...Array(6).fill(first6),
  jul,
  augSep,
  augSep,
  octDec,
  octDec,
  octDec,
];

describe("a plan for 2024 from 2022–2023 by team, unit 100", () => {
  const m = plan(input(history(), { year: 2024, unit: 100, fixedCosts: 50 }));

  test("basis: the last full year before the plan year; the pattern years", () => {
    expect(m.year).toBe(2024);
    expect(m.baseYear).toBe(2023);
    expect(m.patternYears).toEqual([2022, 2023]);
    expect(m.baseSales).toBe(3600);
  });

  test("target: 3,600 × 1.1 = 3,960, rounded to 4,000", () => {
    expect(m.target).toBe(4000);
    expect(m.targetGiven).toBe(false);
  });

  test("split by team (the first mapped of team, owner, region, customer), largest first", () => {
    expect(m.split).toBe("team");
    expect(m.abcFallback).toBeUndefined();
    expect(m.notInBase).toBe(0);
    // 40 units: North 2/3 → 26.67, South 1/3 → 13.33; the unit left goes to North (.67 > .33).
    expect(m.groups.map((g) => [g.id, g.sales, g.target])).toEqual([
      [{ kind: "value", name: "North" }, 2400, 2700],
      [{ kind: "value", name: "South" }, 1200, 1300],
    ]);
    expect(m.groups[0].share).toBeCloseTo(2 / 3, 12);
    expect(m.groups[1].share).toBeCloseTo(1 / 3, 12);
  });

  test("phasing by the average monthly share of 2022 (1/12) and 2023 (1/18, 1/9)", () => {
    // Jan–Jun (1/12 + 1/18) / 2 = 5/72; Jul–Dec (1/12 + 1/9) / 2 = 7/72.
    m.months.share.forEach((s, j) => expect(s).toBeCloseTo(j < 6 ? 5 / 72 : 7 / 72, 12));
    expect(m.months.sales).toEqual(months(200, 400, 400, 400));
    // North, 27 units: 1.875 (Jan–Jun) and 2.625 (Jul–Dec) → floors 1 and 2 (18); the 9 left go
    // to the six .875s, then to Jul, Aug, Sep (ties to the earlier month).
    expect(m.groups[0].months).toEqual(months(200, 300, 300, 200));
    // South, 13 units: 0.903 and 1.264 → floors 0 and 1 (6); the 7 left: Jan–Jun, then Jul.
    expect(m.groups[1].months).toEqual(months(100, 200, 100, 100));
    expect(m.months.target).toEqual(months(300, 500, 400, 300));
  });

  test("budget: 60% + 10% of each month's target, 50 fixed a month", () => {
    const jan = m.budget.periods[0];
    expect(jan.revenue).toBe(300);
    expect(jan.lines[0]).toBeCloseTo(180, 9);
    expect(jan.lines[1]).toBeCloseTo(30, 9);
    expect(jan.fixed).toBe(50);
    expect(jan.profit).toBeCloseTo(300 - 210 - 50, 9);
    expect(m.budget.total.revenue).toBe(4000);
    expect(m.budget.total.profit).toBeCloseTo(4000 * 0.3 - 600, 9);
  });

  test("gap: 300 of 4,000 by 10 March; 3 months done, 9 left", () => {
    expect(m.gap).toMatchObject({
      actual: 300,
      lastDate: serial(2024, 3, 10),
      elapsed: 3,
      monthsLeft: 9,
      targetToDate: 900,
    });
    expect(m.gap?.result?.attainment).toBeCloseTo(300 / 4000, 12);
    expect(m.gap?.result?.gap).toBe(3700);
    expect(m.gap?.result?.runRate?.needed).toBeCloseTo(3700 / 9, 9);
  });

  test("sales by year: two full years, the plan year partial", () => {
    expect(m.first).toBe(serial(2022, 1, 15));
    expect(m.last).toBe(serial(2024, 3, 10));
    expect(m.years).toEqual([
      { year: 2022, sales: 2400, full: true, comparable: false },
      { year: 2023, sales: 3600, full: true, comparable: true },
      { year: 2024, sales: 300, full: false, partial: "end", comparable: false },
    ]);
  });

  test("accounts of 2023 and the portfolio against 2022", () => {
    expect(m.accounts?.top.map((a) => [a.customer, a.total])).toEqual([
      ["Acme", 2400],
      ["Beta", 1200],
    ]);
    expect(m.accounts?.rest).toBeUndefined();
    expect(m.portfolio?.active).toBe(2);
    expect(m.portfolio?.before).toEqual({ active: 2, gained: 0, lost: 0 });
    // Top 20% of 2 accounts = 1 account: 2,400 of 3,600.
    expect(m.portfolio?.topShare).toBeCloseTo(2 / 3, 12);
  });

  test("T+3: 4,000, then +10% a year", () => {
    expect(m.objectives).toHaveLength(3);
    expect(m.objectives[0]).toBe(4000);
    expect(m.objectives[1]).toBeCloseTo(4400, 9);
    expect(m.objectives[2]).toBeCloseTo(4840, 9);
  });
});

describe("other years, targets and levels", () => {
  test("a plan year inside the data: basis 2022 alone, the gap after the year (no run rate)", () => {
    const m = plan(input(history(), { year: 2023, unit: 100 }));
    expect(m.baseYear).toBe(2022);
    expect(m.patternYears).toEqual([2022]);
    expect(m.target).toBe(2600); // 2,400 × 1.1 = 2,640 → 2,600
    expect(m.months.share).toEqual(Array(12).fill(1 / 12));
    expect(m.gap).toMatchObject({ actual: 3600, elapsed: 12, monthsLeft: 0, targetToDate: 2600 });
    expect(m.gap?.result?.runRate).toBeUndefined();
    expect(m.gap?.result?.gap).toBe(-1000);
    // No orders in 2021, the year before the basis: nothing to compare with.
    expect(m.portfolio?.active).toBe(2);
    expect(m.portfolio?.before).toBeUndefined();
  });

  test("a given target of 0: no attainment or run rate; T+3 all 0", () => {
    const m = plan(input(history(), { year: 2024, annualTarget: 0 }));
    expect(m.targetGiven).toBe(true);
    expect(m.groups.map((g) => g.target)).toEqual([0, 0]);
    expect(m.gap).toBeDefined();
    expect(m.gap?.result).toBeUndefined();
    expect(m.objectives).toEqual([0, 0, 0]);
  });

  test("by default the year after the last order, with no data in it: no gap", () => {
    const m = plan(input(history()));
    expect(m.year).toBe(2025);
    expect(m.baseYear).toBe(2023);
    expect(m.gap).toBeUndefined();
  });

  test("at most three pattern years; the basis the last full year before the plan year", () => {
    const orders: Order[] = [];
    for (let y = 2018; y <= 2025; y++)
      for (let q = 0; q < 4; q++)
        if (y < 2025 || q < 2)
          orders.push({ date: serial(y, 3 * q + 1, 1), amount: 10 * (y - 2017) });
    const m = plan(input(orders));
    expect(m.year).toBe(2026);
    expect(m.baseYear).toBe(2024);
    expect(m.patternYears).toEqual([2022, 2023, 2024]);
    expect(m.baseSales).toBe(4 * 70);
    expect(m.years.map((y) => y.partial)).toEqual([
      ...Array(7).fill(undefined),
      "end", // 2025: to April
    ]);
    expect(m.years[7].comparable).toBe(false);
    expect(m.years[1].comparable).toBe(true);
  });

  test("a year the data begin inside is partial at the start", () => {
    const orders = [
      { date: serial(2021, 7, 1), amount: 5 },
      { date: serial(2022, 1, 1), amount: 10 },
      { date: serial(2022, 12, 31), amount: 10 },
    ];
    const m = plan(input(orders));
    expect(m.years).toEqual([
      { year: 2021, sales: 5, full: false, partial: "start", comparable: false },
      { year: 2022, sales: 20, full: true, comparable: false },
    ]);
    expect(m.split).toBeUndefined();
    expect(m.groups.map((g) => [g.id, g.sales, g.share])).toEqual([[{ kind: "company" }, 20, 1]]);
    expect(m.groups[0].target).toBeCloseTo(22, 9);
    expect(m.groups[0].months).toHaveLength(12);
    expect(m.accounts).toBeUndefined();
    expect(m.portfolio).toBeUndefined();
  });
});

/** 2023 sales of c1 700, c2 150, c3 100, c4 50 (half on 1 January, half on 31 December);
 *  c5 bought only in 2022. */
function customers(): Order[] {
  const out: Order[] = [{ date: serial(2022, 6, 1), amount: 30, customer: "c5" }];
  for (const [customer, sales] of [
    ["c1", 700],
    ["c2", 150],
    ["c3", 100],
    ["c4", 50],
  ] as const) {
    out.push({ date: serial(2023, 1, 1), amount: sales / 2, customer });
    out.push({ date: serial(2023, 12, 31), amount: sales / 2, customer });
  }
  return out;
}

describe("customers: one by one, or by ABC class above maxCustomers", () => {
  test("up to maxCustomers a target each; c5 (no 2023 sales) gets none", () => {
    const m = plan(input(customers(), { maxCustomers: 4 }));
    expect(m.split).toBe("customer");
    expect(m.groups.map((g) => g.id)).toEqual(
      ["c1", "c2", "c3", "c4"].map((name) => ({ kind: "value", name }))
    );
    expect(m.notInBase).toBe(1);
    // Without a unit the targets are the exact shares of 1,100 (1,000 × 1.1).
    expect(m.target).toBeCloseTo(1100, 9);
    const parts = m.groups.map((g) => g.target);
    [770, 165, 110, 55].forEach((v, i) => expect(parts[i]).toBeCloseTo(v, 9));
    // Half of the year's sales in January, half in December.
    expect(m.months.share).toEqual([0.5, ...Array(10).fill(0), 0.5]);
    // 2022 (c5 only) against 2023: four accounts gained, one lost.
    expect(m.portfolio?.before).toEqual({ active: 1, gained: 4, lost: 1 });
  });

  test("more than maxCustomers: A (≤ 80%), B (≤ 95%), C classes", () => {
    const m = plan(input(customers(), { maxCustomers: 3, unit: 1 }));
    expect(m.split).toBe("abc");
    expect(m.abcFallback).toBe(4);
    // Cumulative shares 0.70 (A), 0.85 and 0.95 (B), 1.00 (C).
    expect(m.groups.map((g) => [g.id, g.sales])).toEqual([
      [{ kind: "abc", abc: "A", customers: 1 }, 700],
      [{ kind: "abc", abc: "B", customers: 2 }, 250],
      [{ kind: "abc", abc: "C", customers: 1 }, 50],
    ]);
    expect(m.groups.map((g) => g.target)).toEqual([770, 275, 55]);
    expect(m.notInBase).toBe(1);
  });

  test("splitBy customer keeps customers; splitBy abc asks for classes without a fallback", () => {
    expect(plan(input(customers(), { maxCustomers: 1, splitBy: "customer" })).groups).toHaveLength(
      4
    );
    const abc = plan(input(customers(), { splitBy: "abc" }));
    expect(abc.split).toBe("abc");
    expect(abc.abcFallback).toBeUndefined();
  });

  test("names group by case and surrounding spaces; the first spelling names the group", () => {
    const orders = customers().map((o) =>
      o.customer === "c2" && o.date === serial(2023, 12, 31) ? { ...o, customer: " C2" } : o
    );
    const m = plan(input(orders));
    expect(m.groups.map((g) => (g.id.kind === "value" ? g.id.name : ""))).toEqual([
      "c1",
      "c2",
      "c3",
      "c4",
    ]);
  });

  test("11 or more accounts: the top 10 and the rest in one line", () => {
    const orders: Order[] = [];
    for (let c = 1; c <= 13; c++) {
      orders.push({ date: serial(2023, 1, 1), amount: 100 - c, customer: `k${c}` });
      orders.push({ date: serial(2023, 12, 31), amount: 1, customer: `k${c}` });
    }
    const m = plan(input(orders));
    const total = 100 * 13 - (13 * 14) / 2 + 13;
    expect(m.accounts?.top).toHaveLength(10);
    expect(m.accounts?.top[0]).toMatchObject({ customer: "k1", total: 100, rank: 1 });
    expect(m.accounts?.rest?.count).toBe(3);
    expect(m.accounts?.rest?.sales).toBe(90 + 89 + 88);
    expect(m.accounts?.rest?.share).toBeCloseTo((90 + 89 + 88) / total, 12);
    expect(m.accounts?.rest?.cumulative).toBeCloseTo(1, 12);
    // Top 20% of 13 = 3 accounts: 100 + 99 + 98.
    expect(m.portfolio?.topShare).toBeCloseTo((100 + 99 + 98) / total, 12);
    expect(m.portfolio?.before).toBeUndefined();
  });
});

describe("problems", () => {
  test("options: a cost rate below 0, fixed costs not a number", () => {
    expect(problem(input(history(), { costRates: [0.5, -0.1] }))).toEqual({
      code: "cost-rate",
      index: 1,
    });
    expect(problem(input(history(), { fixedCosts: NaN }))).toEqual({ code: "fixed-costs" });
  });

  test("rows: none, a date that is no date, an amount that is no number", () => {
    expect(problem(input([]))).toEqual({ code: "no-data" });
    const orders = history();
    orders[5] = { ...orders[5], date: 0 };
    expect(problem(input(orders))).toEqual({ code: "bad-date", index: 5 });
    orders[5] = { ...orders[5], date: serial(2022, 3, 15), amount: NaN };
    expect(problem(input(orders))).toEqual({ code: "bad-amount", index: 5 });
  });

  test("no full year before the plan year, with the first and last order dates", () => {
    const orders = [
      { date: serial(2023, 2, 3) + 0.25, amount: 1 },
      { date: serial(2023, 11, 4), amount: 1 },
    ];
    expect(problem(input(orders))).toEqual({
      code: "no-full-year",
      year: 2024,
      first: serial(2023, 2, 3),
      last: serial(2023, 11, 4),
    });
    expect(problem(input(history(), { year: 2022 }))).toMatchObject({
      code: "no-full-year",
      year: 2022,
    });
  });

  test("basis-year sales of 0, a month of the pattern below 0", () => {
    const zero = [
      { date: serial(2023, 1, 1), amount: 100 },
      { date: serial(2023, 12, 31), amount: -100 },
    ];
    expect(problem(input(zero))).toEqual({ code: "no-sales", year: 2023, total: 0 });
    const orders = [...history(), { date: serial(2022, 5, 2), amount: -500 }];
    expect(problem(input(orders))).toEqual({
      code: "negative-month",
      year: 2022,
      month: 5,
      total: -300,
    });
  });

  test("a split column not given; a group with negative sales; a target off the unit", () => {
    expect(problem(input(history(), { splitBy: "region" }))).toEqual({
      code: "split-not-mapped",
      split: "region",
    });
    const orders = [...history(), { date: serial(2023, 4, 4), amount: -20, team: "Returns" }];
    expect(problem(input(orders))).toEqual({
      code: "negative-group",
      split: "team",
      group: { kind: "value", name: "Returns" },
      year: 2023,
      sales: -20,
    });
    expect(problem(input(history(), { annualTarget: 4050, unit: 100 }))).toEqual({
      code: "unit-multiple",
      target: 4050,
      unit: 100,
    });
  });

  test("inputs of different lengths are a programming error", () => {
    expect(() => planModel({ ...input(history()), amounts: [1] })).toThrow(RangeError);
    expect(() => planModel({ ...input(history()), names: { team: ["x"] } })).toThrow(RangeError);
  });
});

test("roundToUnit: the nearest multiple, written with the unit's decimals", () => {
  expect(roundToUnit(3960, 100)).toBe(4000);
  expect(roundToUnit(3949.99, 100)).toBe(3900);
  expect(roundToUnit(1234.5678, 0.01)).toBe(1234.57);
  expect(roundToUnit(0.7, 0.1)).toBe(0.7); // 7 × 0.1 = 0.7000000000000001 before rounding
  expect(roundToUnit(1234.5678, undefined)).toBe(1234.5678);
});
