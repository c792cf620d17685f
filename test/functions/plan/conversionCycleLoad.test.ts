/* global globalThis */
import { describe, test, expect, beforeAll, afterEach } from "@jest/globals";
import { funnelConversion } from "../../../src/functions/funnelConversion";
import { funnelWeight } from "../../../src/functions/funnelWeight";
import { salesCycle } from "../../../src/functions/salesCycle";
import { accountLoad } from "../../../src/functions/accountLoad";
import { at, col, installCustomFunctions } from "../../support/customFunctions";
import { errorOf } from "../../support/errorOf";

/** Excel passes null for an omitted optional argument (typed `?: unknown[][]` for the metadata). */
const OMITTED = null as unknown as undefined;
import { generateDeals } from "../../engine/pipeline/generated";

beforeAll(() => {
  installCustomFunctions();
});
afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe("KAM.FUNNEL_CONVERSION", () => {
  // The hand-checked funnel of test/engine/pipeline/conversion.test.ts: 3 won, lost at Prospect 4,
  // Intent 2, Negotiation 1, two open deals (blank and "Open") left out.
  const reached = col(
    "Stage",
    "Won",
    "Negotiation",
    "方案阶段",
    "Prospect",
    "prospect",
    "Prospect",
    "潜在客户",
    "Intent",
    "Intent",
    "Negotiation",
    "Intent",
    "Proposal"
  );
  const outcomes = col(
    "Outcome",
    "Won",
    "won",
    "赢单",
    "Lost",
    "lost",
    "输单",
    "Lost",
    "Lost",
    "LOST",
    "Lost",
    null,
    "Open"
  );

  test("per stage: win probability, reached, moved on, conversion, won (hand-checked)", () => {
    expect(funnelConversion(reached, outcomes)).toEqual([
      ["Stage", "Win probability", "Reached", "Moved on", "Conversion to next", "Won"],
      ["Prospect", 0.3, 10, 6, 0.6, 3],
      ["Intent", 0.5, 6, 4, 4 / 6, 3],
      ["Proposal", 0.75, 4, 4, 1, 3],
      ["Negotiation", 0.75, 4, 3, 0.75, 3],
      ["Won", 1, 3, "", "", 3],
    ]);
  });

  test("its first two columns feed KAM.FUNNEL_WEIGHT as a stage table", () => {
    const table = funnelConversion(reached, outcomes).map((r) => r.slice(0, 2));
    // 1000 × 30% + 1000 × 75% = 300 + 750.
    expect(funnelWeight(col(1000, 1000), col("Prospect", "Negotiation"), table)).toEqual([
      [300],
      [750],
    ]);
  });

  test("own stage order; Chinese headers; stages nobody closed reached are blank", () => {
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: "zh-CN" } };
    const order = col("阶段", "线索", "报价", "签约");
    expect(
      funnelConversion(col("线索", "线索", "报价"), col("输单", "输单", "赢单"), order, null)
    ).toEqual([
      ["阶段", "赢单概率", "到达数", "进入下一阶段", "阶段转化率", "赢单数"],
      ["线索", 1 / 3, 3, 1, 1 / 3, 1],
      ["报价", 1, 1, 1, 1, 1],
      ["签约", 1, 1, "", "", 1],
    ]);
    expect(funnelConversion(col("线索"), col("输单"), order, false)).toEqual([
      ["线索", 0, 1, 0, 0, 0],
      ["报价", "", 0, 0, "", 0],
      ["签约", 1, 0, "", "", 0],
    ]);
  });

  test("outcomes are read with the same words as WIN_RATE and the Sales team (engine/team/outcome)", () => {
    // "Closed-won", 流失 (lost) and Active (open) were unknown to FUNNEL_CONVERSION's own list once.
    const reached = col("Prospect", "Intent", "Proposal");
    expect(
      funnelConversion(reached, col("Closed-won", "流失", "Active"), OMITTED, false).map((r) =>
        r.slice(0, 3)
      )
    ).toEqual([
      ["Prospect", 0.5, 2],
      ["Intent", 0.5, 2],
      // the won deal reached every stage; the lost one got as far as Intent
      ["Proposal", 1, 1],
      ["Negotiation", 1, 1],
      ["Won", 1, 1],
    ]);
  });

  test("empirical win probabilities from generated deals fall between 0 and 1 and rise along the funnel", () => {
    const deals = generateDeals(3000, 9);
    const stages = ["Prospect", "Intent", "Proposal", "Negotiation", "Won"];
    const furthest = deals.map((d, i) => (d.stage === "Won" ? "Won" : stages[i % 4]));
    const outcome = deals.map((d) =>
      d.stage === "Won" ? "Won" : d.stage === "Lost" ? "Lost" : ""
    );
    const out = funnelConversion(col(...furthest), col(...outcome), OMITTED, false) as (
      number | string
    )[][];
    const probs = out.map((r) => r[1] as number);
    for (let k = 1; k < probs.length; k++) expect(probs[k]).toBeGreaterThanOrEqual(probs[k - 1]);
    const won = deals.filter((d) => d.stage === "Won").length;
    const closed = deals.filter((d) => d.stage === "Won" || d.stage === "Lost").length;
    expect(out[0][2]).toBe(closed); // every closed deal reached the first stage
    expect(probs[0]).toBeCloseTo(won / closed, 12);
  });

  describe("bad input", () => {
    test("unknown stage and outcome name the cell", () => {
      expect(
        errorOf(() =>
          funnelConversion(col("Qualify"), col("Won"), OMITTED, null, at("C2:C2", "D2:D2"))
        )
      ).toBe(
        'KAM.FUNNEL_CONVERSION: stages_reached, row 1 (C2): unknown stage "Qualify"; the stages in order are "Prospect", "Intent", "Proposal", "Negotiation", "Won"'
      );
      expect(
        errorOf(() =>
          funnelConversion(
            col("Intent", "Intent"),
            col("Won", "maybe"),
            OMITTED,
            null,
            at("C2:C3", "D2:D3")
          )
        )
      ).toBe(
        'KAM.FUNNEL_CONVERSION: outcomes, row 2 (D3): "maybe" is not an outcome; write Won, Lost, or Open (or leave it blank) for a deal still open'
      );
    });
    test("a lost deal at the won stage", () =>
      expect(errorOf(() => funnelConversion(col("Won"), col("Lost")))).toBe(
        'KAM.FUNNEL_CONVERSION: outcomes, row 1: a lost deal cannot have reached "Won", the last (won) stage'
      ));
    test("no closed deals", () =>
      expect(errorOf(() => funnelConversion(col("Intent", "Proposal"), col(null, "Open")))).toBe(
        "KAM.FUNNEL_CONVERSION: outcomes: no closed deals (Won or Lost); conversion and win probabilities are learned from closed deals only"
      ));
    test("blank stage with an outcome, Excel errors, mismatched lengths, empty ranges", () => {
      expect(errorOf(() => funnelConversion(col("Intent", null), col("Won", "Lost")))).toBe(
        "KAM.FUNNEL_CONVERSION: stages_reached, row 2: the cell is blank"
      );
      expect(errorOf(() => funnelConversion(col("#N/A"), col("Won")))).toBe(
        "KAM.FUNNEL_CONVERSION: stages_reached, row 1: the cell holds the error #N/A"
      );
      expect(errorOf(() => funnelConversion(col("Intent", "Won"), col("Won")))).toBe(
        "KAM.FUNNEL_CONVERSION: outcomes: has 1 cells but stages_reached has 2; the ranges must be the same size"
      );
      expect(errorOf(() => funnelConversion(col(null), col(null)))).toMatch(
        /outcomes: no closed deals/
      );
    });
    test("bad stage order", () => {
      expect(errorOf(() => funnelConversion(col("A"), col("Won"), col("A")))).toBe(
        "KAM.FUNNEL_CONVERSION: stage_order: needs at least two stages in funnel order, the last being the won stage"
      );
      expect(
        errorOf(() =>
          funnelConversion(
            col("A"),
            col("Won"),
            col("A", "B", " a "),
            null,
            at("C1", "D1", "F1:F3")
          )
        )
      ).toBe('KAM.FUNNEL_CONVERSION: stage_order, row 3 (F3): stage "a" is listed twice');
    });
    test("a stage table as the order: its first column, header skipped", () => {
      const table = [
        ["Stage", "Probability"],
        ["Lead", 0.1],
        ["Closed Won", 1],
      ];
      expect(funnelConversion(col("Lead", "closed won"), col("Lost", "Won"), table, false)).toEqual(
        [
          ["Lead", 0.5, 2, 1, 0.5, 1],
          ["Closed Won", 1, 1, "", "", 1],
        ]
      );
    });
  });
});

describe("KAM.SALES_CYCLE", () => {
  test("per group, then All; open deals left out (hand-checked)", () => {
    // North: 2024-01-01 -> 01-11 = 10 days, 2024-01-05 -> 02-04 = 30; South: 2024-01-02 -> 01-22 = 20;
    // the open deal (blank close) is left out. All: 10, 20, 30 -> mean 20, median 20.
    const out = salesCycle(
      col("Created", "2024-01-01", 45293, "2024/1/5", "2024-03-01"),
      col("Closed", "2024-01-11", "2024-01-22", 45326, null),
      col("Region", "North", "South", "north", "South")
    );
    expect(out).toEqual([
      ["Group", "Deals", "Mean (days)", "Median (days)", "Min (days)", "Max (days)"],
      ["North", 2, 20, 20, 10, 30],
      ["South", 1, 20, 20, 20, 20],
      ["All", 3, 20, 20, 10, 30],
    ]);
    expect(salesCycle(col(45292, 45292), col(45293, 45296), OMITTED, false)).toEqual([
      ["All", 2, 2.5, 2.5, 1, 4],
    ]);
  });
  test("generated deals: the All row matches a direct computation", () => {
    const deals = generateDeals(2000, 3);
    const out = salesCycle(
      col(...deals.map((d) => d.created)),
      col(...deals.map((d) => d.close)),
      col(...deals.map((d) => d.rep)),
      false
    );
    const days = deals.map((d) => d.close - d.created).sort((a, b) => a - b);
    const all = out[out.length - 1];
    expect(all[0]).toBe("All");
    expect(all[1]).toBe(2000);
    expect(all[2] as number).toBeCloseTo(days.reduce((a, b) => a + b, 0) / 2000, 9);
    expect(all[3]).toBe((days[999] + days[1000]) / 2);
    expect(out.slice(0, -1).reduce((n, r) => n + (r[1] as number), 0)).toBe(2000);
    expect(out).toHaveLength(13); // 12 reps + All
  });
  describe("bad input", () => {
    test("close before start names the cell", () =>
      expect(errorOf(() => salesCycle(col(45300), col(45299), OMITTED, null, at("A2", "B2")))).toBe(
        "KAM.SALES_CYCLE: close_dates, row 1 (B2): closes on 2024-01-08, before its start date 2024-01-09"
      ));
    test("text, blanks and errors", () => {
      expect(errorOf(() => salesCycle(col(45300, "next week"), col(45301, 45302)))).toMatch(
        /^KAM\.SALES_CYCLE: start_dates, row 2: "next week" is not a date/
      );
      expect(errorOf(() => salesCycle(col(45300, null), col(45301, 45302)))).toBe(
        "KAM.SALES_CYCLE: start_dates, row 2: the cell is blank"
      );
      expect(errorOf(() => salesCycle(col(45300), col("#VALUE!")))).toBe(
        "KAM.SALES_CYCLE: close_dates, row 1: the cell holds the error #VALUE!"
      );
      expect(errorOf(() => salesCycle(col(45300, 45300), col(45301, 45302), col("A", null)))).toBe(
        "KAM.SALES_CYCLE: groups, row 2: the cell is blank"
      );
    });
    test("mismatched lengths and no closed deals", () => {
      expect(errorOf(() => salesCycle(col(45300, 45301), col(45302)))).toBe(
        "KAM.SALES_CYCLE: close_dates: has 1 cells but start_dates has 2; the ranges must be the same size"
      );
      expect(errorOf(() => salesCycle(col(45300), col(null)))).toBe(
        "KAM.SALES_CYCLE: close_dates: no closed deals: every close date is blank (open deals are left out)"
      );
      expect(errorOf(() => salesCycle(col(null), col(null)))).toMatch(/no closed deals/);
    });
  });
});

describe("KAM.ACCOUNT_LOAD", () => {
  test("distinct accounts per rep, flagged against min and max", () => {
    const reps = col("Li", "Li", "Li", "Wang", "Zhao", "zhao ", null);
    const accounts = col("Acme", "ACME", "Beta", "Acme", "Gamma", "Delta", null);
    expect(accountLoad(reps, accounts, 2, 2)).toEqual([
      ["Rep", "Accounts", "Status", "Difference"],
      ["Li", 2, "OK", 0],
      ["Wang", 1, "Under", -1],
      ["Zhao", 2, "OK", 0],
    ]);
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: "zh-CN" } };
    expect(accountLoad(reps, accounts, 0, 1, false)).toEqual([
      ["Li", 2, "偏多", 1],
      ["Wang", 1, "合适", 0],
      ["Zhao", 2, "偏多", 1],
    ]);
  });
  test("default 30 to 40 on generated data: 400 accounts over 12 reps", () => {
    const deals = generateDeals(3000, 5);
    const out = accountLoad(
      col(...deals.map((d) => d.rep)),
      col(...deals.map((d) => d.account)),
      null,
      null,
      false
    );
    for (const row of out) {
      const rep = row[0];
      const n = new Set(deals.filter((d) => d.rep === rep).map((d) => d.account)).size;
      expect(row[1]).toBe(n);
      expect(row[2]).toBe(n < 30 ? "Under" : n > 40 ? "Over" : "OK");
    }
    expect(out).toHaveLength(12);
  });
  describe("bad input", () => {
    test("min above max, bad numbers", () => {
      expect(errorOf(() => accountLoad(col("A"), col("X"), 50))).toBe(
        "KAM.ACCOUNT_LOAD: max: 40 is less than min (50); give max ≥ min"
      );
      expect(errorOf(() => accountLoad(col("A"), col("X"), -1))).toBe(
        "KAM.ACCOUNT_LOAD: min: -1 is not allowed; give a whole number of at least 0"
      );
      expect(errorOf(() => accountLoad(col("A"), col("X"), null, "many"))).toBe(
        'KAM.ACCOUNT_LOAD: max: "many" is not a number'
      );
    });
    test("blank account, Excel error, mismatched lengths, empty", () => {
      expect(
        errorOf(() =>
          accountLoad(col("A", "B"), col("X", null), null, null, null, at("A2:A3", "B2:B3"))
        )
      ).toBe("KAM.ACCOUNT_LOAD: accounts, row 2 (B3): the cell is blank");
      expect(errorOf(() => accountLoad(col("#N/A"), col("X")))).toBe(
        "KAM.ACCOUNT_LOAD: reps, row 1: the cell holds the error #N/A"
      );
      expect(errorOf(() => accountLoad(col("A"), col("X", "Y")))).toBe(
        "KAM.ACCOUNT_LOAD: accounts: has 2 cells but reps has 1; the ranges must be the same size"
      );
      expect(errorOf(() => accountLoad(col(null), col(null)))).toBe(
        "KAM.ACCOUNT_LOAD: reps: no rows: the ranges are blank"
      );
    });
  });
});
