/* global globalThis */
import { describe, test, expect, beforeAll, afterEach } from "@jest/globals";
import { pipelineForecast } from "../../../src/functions/pipelineForecast";
import { sum } from "../../../src/engine/numeric";
import { at, col, installCustomFunctions } from "../../support/customFunctions";
import { errorOf } from "../../support/errorOf";

/** Excel passes null for an omitted optional argument (typed `?: unknown[][]` for the metadata). */
const OMITTED = null as unknown as undefined;
import {
  generateDeals,
  PROBABILITY,
  serial,
  STAGE_TABLE,
  yearMonth,
} from "../../engine/pipeline/generated";

beforeAll(() => {
  installCustomFunctions();
});
afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

const round = (rows: unknown[][]) =>
  rows.map((r) => r.map((v) => (typeof v === "number" ? Math.round(v * 1e6) / 1e6 : v)));

describe("KAM.PIPELINE_FORECAST", () => {
  // The hand-checked deals of test/engine/pipeline/forecast.test.ts as cells (text dates mixed in),
  // with the default stages: Prospect 10% pipeline, Proposal 50% best case, Negotiation 70% commit,
  // Won closed, Intent 30% pipeline; the lost deal written as 0%.
  const amounts = col("Amount", 100, 200, 300, 400, 500, 600, 700, 800);
  const stages = col(
    "Stage",
    "Prospect",
    "方案阶段",
    "Negotiation",
    "won",
    "0%",
    "Intent",
    "Won",
    "商务谈判"
  );
  const closes = col(
    "Close",
    "2024-01-20",
    serial(2024, 1, 5),
    "2024/2/10",
    serial(2024, 2, 28),
    serial(2024, 1, 15),
    "2023年12月20日",
    serial(2023, 12, 1),
    serial(2024, 5, 2)
  );

  test("spills Overdue, the periods, Later and Total under a header", () => {
    const out = pipelineForecast(amounts, stages, closes, "2024-01-09", 3);
    expect(round(out)).toEqual([
      [
        "Period",
        "Deals",
        "Closed + open",
        "Closed + weighted open",
        "Closed",
        "Commit",
        "Best case",
      ],
      ["Overdue", 1, 600, 180, 0, 0, 0],
      ["2024-01", 2, 300, 110, 0, 0, 200],
      ["2024-02", 2, 700, 610, 400, 700, 700],
      ["2024-03", 0, 0, 0, 0, 0, 0],
      ["Later", 1, 800, 560, 0, 800, 800],
      ["Total", 6, 2400, 1460, 400, 1500, 1700],
    ]);
  });

  test("quarters, weeks, default start and no headers", () => {
    const q = pipelineForecast(
      amounts,
      stages,
      closes,
      serial(2024, 1, 1),
      2,
      "季度",
      OMITTED,
      false
    );
    expect(q.map((r) => [r[0], r[2]])).toEqual([
      ["Overdue", 600],
      ["2024-Q1", 1000],
      ["2024-Q2", 800],
      ["Later", 0],
      ["Total", 2400],
    ]);
    const w = pipelineForecast(
      amounts,
      stages,
      closes,
      serial(2024, 1, 3),
      1,
      "Week",
      OMITTED,
      false
    );
    expect(w.map((r) => [r[0], r[2]])).toEqual([
      ["Overdue", 600],
      ["2024-01-01", 200],
      ["Later", 1600],
      ["Total", 2400],
    ]);
    // Default start: December 2023, the month of the earliest open deal (F); 12 periods.
    const d = pipelineForecast(amounts, stages, closes, null, null, null, OMITTED, false);
    expect(d).toHaveLength(15);
    expect(d[1][0]).toBe("2023-12");
    expect(d[12][0]).toBe("2024-11");
  });

  test("a stage table with forecast categories; labels in Chinese", () => {
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: "zh-CN" } };
    const table = [
      ["阶段", "概率", "类别"],
      ["初步接触", "20%", "管道"],
      ["方案", 0.6, "最佳情况"],
      ["赢单", 1, "已成交"],
      ["输单", 0, "不计入"],
    ];
    const out = pipelineForecast(
      col(100, 200, 300, 400),
      col("初步接触", "方案", "赢单", "输单"),
      col(serial(2024, 1, 2), serial(2024, 1, 3), serial(2024, 1, 4), serial(2024, 1, 5)),
      null,
      1,
      null,
      table
    );
    // January: 3 deals (the lost one omitted), 600; weighted 20 + 120 + 300 = 440; closed 300;
    // commit 300; best case 300 + 200 = 500.
    expect(round(out)).toEqual([
      ["期间", "商机数", "已成交 + 未结", "已成交 + 加权未结", "已成交", "承诺", "最佳情况"],
      ["已逾期", 0, 0, 0, 0, 0, 0],
      ["2024-01", 3, 600, 440, 300, 300, 500],
      ["以后", 0, 0, 0, 0, 0, 0],
      ["合计", 3, 600, 440, 300, 300, 500],
    ]);
  });

  test("5,000 generated deals: monthly totals equal the sum of their deals, overdue accounted for", () => {
    const deals = generateDeals(5000, 42);
    // Every 7th close date as text, as pasted from a CRM export.
    const iso = (s: number) => {
      const d = new Date(Date.UTC(1899, 11, 30) + s * 86400000);
      return d.toISOString().slice(0, 10);
    };
    const out = pipelineForecast(
      col("Amount", ...deals.map((d) => d.amount)),
      col("Stage", ...deals.map((d) => d.stage)),
      col("Close", ...deals.map((d, i) => (i % 7 === 0 ? iso(d.close) : d.close))),
      "2024-01-01",
      12,
      "month",
      STAGE_TABLE,
      false
    ) as (string | number)[][];
    expect(out).toHaveLength(15);
    const open = (s: string) => s !== "Won" && s !== "Lost";
    const expected = new Map<string, number[]>();
    for (const d of deals) {
      if (d.stage === "Lost") continue;
      const [y, m] = yearMonth(d.close);
      let label: string;
      if (y < 2024) {
        if (!open(d.stage)) continue; // won before the window
        label = "Overdue";
      } else if (y > 2024) label = "Later";
      else label = `2024-${String(m).padStart(2, "0")}`;
      const e = expected.get(label) ?? [];
      e.push(d.amount);
      expected.set(label, e);
    }
    for (const row of out.slice(0, -1)) {
      const list = expected.get(String(row[0])) ?? [];
      expect(row[1]).toBe(list.length);
      expect(row[2] as number).toBeCloseTo(sum(list), 6);
    }
    const overdue = deals.filter((d) => d.close < serial(2024, 1, 1) && open(d.stage));
    expect(out[0][1]).toBe(overdue.length);
    expect(out[0][3] as number).toBeCloseTo(
      sum(overdue.map((d) => d.amount * PROBABILITY[d.stage])),
      6
    );
    const kept = deals.filter(
      (d) => d.stage !== "Lost" && !(d.stage === "Won" && d.close < serial(2024, 1, 1))
    );
    expect(out[14][0]).toBe("Total");
    expect(out[14][1]).toBe(kept.length);
    expect(out[14][2] as number).toBeCloseTo(sum(kept.map((d) => d.amount)), 5);
  });

  describe("bad input", () => {
    const a = col(1, 2);
    const s = col("Won", "Intent");
    const c = col(45300, 45301);
    test("text in amounts names the cell", () =>
      expect(
        errorOf(() =>
          pipelineForecast(
            col(1, "abc"),
            s,
            c,
            null,
            null,
            null,
            OMITTED,
            null,
            at("A2:A3", "B2:B3", "C2:C3")
          )
        )
      ).toBe('KAM.PIPELINE_FORECAST: amounts, row 2 (A3): "abc" is not a number'));
    test("blank close date", () =>
      expect(errorOf(() => pipelineForecast(a, s, col(45300, null)))).toBe(
        "KAM.PIPELINE_FORECAST: close_dates, row 2: the cell is blank"
      ));
    test("Excel error and text that is no date", () => {
      expect(errorOf(() => pipelineForecast(a, s, col(45300, "#N/A")))).toBe(
        "KAM.PIPELINE_FORECAST: close_dates, row 2: the cell holds the error #N/A"
      );
      expect(errorOf(() => pipelineForecast(a, s, col(45300, "soon")))).toMatch(
        /^KAM\.PIPELINE_FORECAST: close_dates, row 2: "soon" is not a date/
      );
    });
    test("unknown stage names the cell and the known stages", () =>
      expect(
        errorOf(() =>
          pipelineForecast(
            a,
            col("Won", "Qualify"),
            c,
            null,
            null,
            null,
            OMITTED,
            null,
            at("A2:A3", "B2:B3", "C2:C3")
          )
        )
      ).toMatch(
        /^KAM\.PIPELINE_FORECAST: stages, row 2 \(B3\): unknown stage "Qualify"; known stages: Prospect \(10%\)/
      ));
    test("mismatched lengths", () =>
      expect(errorOf(() => pipelineForecast(col(1, 2, 3), s, c))).toBe(
        "KAM.PIPELINE_FORECAST: stages: has 2 cells but amounts has 3; the ranges must be the same size"
      ));
    test("empty ranges", () =>
      expect(
        errorOf(() => pipelineForecast(col(null, null), col(null, null), col(null, null)))
      ).toBe("KAM.PIPELINE_FORECAST: amounts: no opportunities: the ranges are blank"));
    test("out-of-range options", () => {
      expect(errorOf(() => pipelineForecast(a, s, c, null, 0))).toBe(
        "KAM.PIPELINE_FORECAST: periods: 0 is not allowed; give a whole number from 1 to 600"
      );
      expect(errorOf(() => pipelineForecast(a, s, c, null, 2.5))).toMatch(
        /periods: 2\.5 is not allowed/
      );
      expect(errorOf(() => pipelineForecast(a, s, c, null, null, "daily"))).toMatch(
        /^KAM\.PIPELINE_FORECAST: grain: "daily" is not one of month, quarter, week, 月, 季度, 周$/
      );
      expect(errorOf(() => pipelineForecast(a, s, c, "someday"))).toMatch(
        /^KAM\.PIPELINE_FORECAST: start: "someday" is not a date/
      );
      expect(errorOf(() => pipelineForecast(a, s, c, null, null, null, OMITTED, "maybe"))).toBe(
        'KAM.PIPELINE_FORECAST: headers: "maybe" is not TRUE or FALSE'
      );
    });
    test("inconsistent stage table", () =>
      expect(
        errorOf(() => pipelineForecast(a, s, c, null, null, null, [["Won", 0.9, "Closed"]]))
      ).toBe(
        'KAM.PIPELINE_FORECAST: stage_table, row 1: "Won" is Closed (won), so its probability must be 100%'
      ));
  });
});
