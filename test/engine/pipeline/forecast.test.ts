import { describe, test, expect } from "@jest/globals";
import { pipelineForecast } from "../../../src/engine/pipeline/forecast";
import { ForecastCategory } from "../../../src/engine/pipeline/funnel";
import { addPeriods, periodIndex, periodLabel, periodStart } from "../../../src/engine/calendar";
import { sum } from "../../../src/engine/numeric";
import { CATEGORY, generateDeals, PROBABILITY, serial, yearMonth } from "./generated";

describe("calendar periods", () => {
  test("month, quarter and week starts", () => {
    expect(periodStart(serial(2024, 3, 17), "month")).toBe(serial(2024, 3, 1));
    expect(periodStart(serial(2024, 3, 17), "quarter")).toBe(serial(2024, 1, 1));
    expect(periodStart(serial(2024, 12, 31), "quarter")).toBe(serial(2024, 10, 1));
    // 2024-01-01 is a Monday; Sunday 2024-01-07 belongs to its week, Monday 2024-01-08 starts the next.
    expect(periodStart(serial(2024, 1, 7), "week")).toBe(serial(2024, 1, 1));
    expect(periodStart(serial(2024, 1, 8), "week")).toBe(serial(2024, 1, 8));
    // Wednesday 2025-01-01 is in the week of Monday 2024-12-30.
    expect(periodStart(serial(2025, 1, 1), "week")).toBe(serial(2024, 12, 30));
  });
  test("adding periods crosses years", () => {
    expect(addPeriods(serial(2024, 11, 1), 3, "month")).toBe(serial(2025, 2, 1));
    expect(addPeriods(serial(2024, 10, 1), 1, "quarter")).toBe(serial(2025, 1, 1));
    expect(addPeriods(serial(2024, 12, 30), 1, "week")).toBe(serial(2025, 1, 6));
  });
  test("indices count from the start, negative before it", () => {
    const start = serial(2024, 1, 1);
    expect(periodIndex(serial(2023, 12, 31), start, "month")).toBe(-1);
    expect(periodIndex(serial(2025, 1, 31), start, "month")).toBe(12);
    expect(periodIndex(serial(2023, 12, 31), start, "quarter")).toBe(-1);
    expect(periodIndex(serial(2024, 6, 30), start, "quarter")).toBe(1);
    expect(periodIndex(serial(2023, 12, 31), start, "week")).toBe(-1);
    expect(periodIndex(serial(2024, 1, 14), start, "week")).toBe(1);
  });
  test("labels", () => {
    expect(periodLabel(serial(2024, 3, 1), "month")).toBe("2024-03");
    expect(periodLabel(serial(2024, 10, 1), "quarter")).toBe("2024-Q4");
    expect(periodLabel(serial(2024, 12, 30), "week")).toBe("2024-12-30");
  });
});

describe("pipeline forecast, hand-checked", () => {
  // Deals (amount, probability, category, close):
  //   A 100 @10% pipeline 2024-01-20   B 200 @50% bestCase 2024-01-05   C 300 @70% commit 2024-02-10
  //   D 400 won 2024-02-28              E 500 lost 2024-01-15            F 600 @30% pipeline 2023-12-20 (overdue)
  //   G 700 won 2023-12-01 (before the window: left out)                 H 800 @70% commit 2024-05-02 (later)
  const amounts = [100, 200, 300, 400, 500, 600, 700, 800];
  const probs = [0.1, 0.5, 0.7, 1, 0, 0.3, 1, 0.7];
  const cats: ForecastCategory[] = [
    "pipeline",
    "bestCase",
    "commit",
    "closed",
    "omitted",
    "pipeline",
    "closed",
    "commit",
  ];
  const closes = [
    serial(2024, 1, 20),
    serial(2024, 1, 5),
    serial(2024, 2, 10),
    serial(2024, 2, 28),
    serial(2024, 1, 15),
    serial(2023, 12, 20),
    serial(2023, 12, 1),
    serial(2024, 5, 2),
  ];

  test("rows: overdue, periods, later, total", () => {
    const r = pipelineForecast(amounts, probs, cats, closes, {
      start: serial(2024, 1, 9),
      periods: 3,
      grain: "month",
    });
    expect(r.start).toBe(serial(2024, 1, 1)); // start snaps to its month
    expect(r.omitted).toBe(1);
    expect(r.wonBefore).toBe(1);
    const pick = (i: number) => {
      const { kind, start, count, total, weighted, closed, commit, bestCase } = r.rows[i];
      return { kind, start, count, total, weighted, closed, commit, bestCase };
    };
    // Overdue: F only: weighted 600 × 0.3 = 180.
    expect(pick(0)).toMatchObject({
      kind: "overdue",
      count: 1,
      total: 600,
      closed: 0,
      commit: 0,
      bestCase: 0,
    });
    expect(r.rows[0].weighted).toBeCloseTo(180, 9);
    // January: A + B = 300; weighted 10 + 100 = 110; commit 0; best case = B = 200.
    expect(pick(1)).toMatchObject({
      kind: "period",
      start: serial(2024, 1, 1),
      count: 2,
      total: 300,
      closed: 0,
      commit: 0,
      bestCase: 200,
    });
    expect(r.rows[1].weighted).toBeCloseTo(110, 9);
    // February: C + D = 700; weighted 210 + 400 = 610; closed 400; commit 400 + 300 = 700; best case 700.
    expect(pick(2)).toMatchObject({
      start: serial(2024, 2, 1),
      count: 2,
      total: 700,
      closed: 400,
      commit: 700,
      bestCase: 700,
    });
    expect(r.rows[2].weighted).toBeCloseTo(610, 9);
    // March: nothing.
    expect(pick(3)).toMatchObject({ start: serial(2024, 3, 1), count: 0, total: 0, weighted: 0 });
    // Later: H 800, weighted 560, commit 800.
    expect(pick(4)).toMatchObject({
      kind: "later",
      count: 1,
      total: 800,
      commit: 800,
      bestCase: 800,
    });
    // Total: 600 + 300 + 700 + 800 = 2400; weighted 180 + 110 + 610 + 560 = 1460.
    expect(pick(5)).toMatchObject({
      kind: "total",
      count: 6,
      total: 2400,
      closed: 400,
      commit: 1500,
      bestCase: 1700,
    });
    expect(r.rows[5].weighted).toBeCloseTo(1460, 9);
  });

  test("default start: the month of the earliest open close date (F, 2023-12)", () => {
    const r = pipelineForecast(amounts, probs, cats, closes, { periods: 2, grain: "month" });
    expect(r.start).toBe(serial(2023, 12, 1));
    expect(r.rows[0].count).toBe(0); // nothing overdue by default
    expect(r.rows[1]).toMatchObject({ count: 2, total: 1300 }); // F and the won G in December
    expect(r.wonBefore).toBe(0);
  });

  test("default start without open deals: the earliest won deal", () => {
    const r = pipelineForecast(
      [5, 7],
      [1, 0],
      ["closed", "omitted"],
      [serial(2024, 4, 9), serial(2020, 1, 1)],
      {
        periods: 1,
        grain: "quarter",
      }
    );
    expect(r.start).toBe(serial(2024, 4, 1));
    expect(r.rows.map((x) => x.total)).toEqual([0, 5, 0, 5]);
  });

  test("quarters and weeks", () => {
    const q = pipelineForecast(amounts, probs, cats, closes, {
      start: serial(2024, 1, 1),
      periods: 2,
      grain: "quarter",
    });
    // Q1: A, B, C, D = 1000; Q2: H = 800; overdue F.
    expect(q.rows.map((x) => x.total)).toEqual([600, 1000, 800, 0, 2400]);
    const w = pipelineForecast(amounts, probs, cats, closes, {
      start: serial(2024, 1, 1),
      periods: 3,
      grain: "week",
    });
    // Week of 2024-01-01: B (Jan 5); week of 01-08: none; week of 01-15: A (Jan 20); later: C, D, H.
    expect(w.rows.map((x) => x.total)).toEqual([600, 200, 0, 100, 1500, 2400]);
  });

  test("rejects bad options and ragged input", () => {
    expect(() =>
      pipelineForecast([1], [1], ["closed"], [], { periods: 1, grain: "month" })
    ).toThrow(RangeError);
    expect(() =>
      pipelineForecast([1], [1], ["closed"], [45000], { periods: 0, grain: "month" })
    ).toThrow(RangeError);
    expect(() => pipelineForecast([], [], [], [], { periods: 1, grain: "month" })).toThrow(
      RangeError
    );
  });
});

describe("pipeline forecast on 5,000 generated deals", () => {
  const deals = generateDeals(5000);
  const start = serial(2024, 1, 1);
  const r = pipelineForecast(
    deals.map((d) => d.amount),
    deals.map((d) => PROBABILITY[d.stage]),
    deals.map((d) => CATEGORY[d.stage] as ForecastCategory),
    deals.map((d) => d.close),
    { start, periods: 12, grain: "month" }
  );
  // Independent bucketing with JavaScript dates: -1 overdue, 0..11 months of 2024, 12 later, null left out.
  const bucketOf = (d: (typeof deals)[number]): number | null => {
    if (d.stage === "Lost") return null;
    const [y, m] = yearMonth(d.close);
    const k = (y - 2024) * 12 + (m - 1);
    if (k < 0) return d.stage === "Won" ? null : -1;
    return Math.min(k, 12);
  };
  const inBucket = (b: number) => deals.filter((d) => bucketOf(d) === b);

  test("the data is realistic: every stage, overdue, later, won and lost deals", () => {
    for (const s of ["Prospect", "Intent", "Proposal", "Negotiation", "Won", "Lost"])
      expect(deals.filter((d) => d.stage === s).length).toBeGreaterThan(200);
    expect(inBucket(-1).length).toBeGreaterThan(50);
    expect(inBucket(12).length).toBeGreaterThan(50);
  });

  test("every row equals the sum of its deals", () => {
    const rows = r.rows;
    expect(rows).toHaveLength(15);
    for (let b = -1; b <= 12; b++) {
      const row = rows[b + 1];
      const ds = inBucket(b);
      expect(row.count).toBe(ds.length);
      expect(row.total).toBeCloseTo(sum(ds.map((d) => d.amount)), 6);
      expect(row.weighted).toBeCloseTo(sum(ds.map((d) => d.amount * PROBABILITY[d.stage])), 6);
      expect(row.closed).toBeCloseTo(
        sum(ds.filter((d) => d.stage === "Won").map((d) => d.amount)),
        6
      );
      expect(row.commit).toBeCloseTo(
        sum(ds.filter((d) => d.stage === "Won" || d.stage === "Negotiation").map((d) => d.amount)),
        6
      );
      expect(row.bestCase).toBeCloseTo(
        sum(
          ds
            .filter((d) => ["Won", "Negotiation", "Proposal"].includes(d.stage))
            .map((d) => d.amount)
        ),
        6
      );
    }
  });

  test("overdue deals are open deals before the start, none dropped; the total accounts for every deal", () => {
    const overdue = inBucket(-1);
    expect(overdue.every((d) => d.close < start && d.stage !== "Won" && d.stage !== "Lost")).toBe(
      true
    );
    const lost = deals.filter((d) => d.stage === "Lost");
    const wonBefore = deals.filter((d) => d.stage === "Won" && d.close < start);
    expect(r.omitted).toBe(lost.length);
    expect(r.wonBefore).toBe(wonBefore.length);
    const total = r.rows[r.rows.length - 1];
    expect(total.count + r.omitted + r.wonBefore).toBe(deals.length);
    expect(total.total).toBeCloseTo(
      sum(deals.map((d) => d.amount)) -
        sum(lost.map((d) => d.amount)) -
        sum(wonBefore.map((d) => d.amount)),
      5
    );
    // The total row is the sum of the rows above it.
    for (const key of ["count", "total", "weighted", "closed", "commit", "bestCase"] as const) {
      expect(total[key]).toBeCloseTo(sum(r.rows.slice(0, -1).map((x) => x[key])), 5);
    }
  });

  test("cumulative categories: closed ≤ commit ≤ best case ≤ total in every row", () => {
    for (const row of r.rows) {
      expect(row.closed).toBeLessThanOrEqual(row.commit);
      expect(row.commit).toBeLessThanOrEqual(row.bestCase);
      expect(row.bestCase).toBeLessThanOrEqual(row.total + 1e-6);
      expect(row.weighted).toBeLessThanOrEqual(row.total + 1e-6);
    }
  });
});
