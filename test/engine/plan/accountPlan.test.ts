// Account-plan helpers (src/engine/plan/accountPlan.ts): edit distance and nearest names, DMU roles
// and coverage, the account outlook's monthly series and year totals, and T+3 targets, hand-checked.
import { describe, expect, test } from "@jest/globals";
import {
  accountOutlook,
  Contact,
  dmuCoverage,
  editDistance,
  nearestNames,
  parseAttitude,
  parseRole,
  planTargets,
} from "../../../src/engine/plan/accountPlan";

const serial = (y: number, m: number, d: number) =>
  (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

describe("nearest names", () => {
  test("edit distance", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("华为技术", "华为科技")).toBe(2);
  });
  test("nearest first, case ignored, ties in the candidates' order", () => {
    const names = ["Acme Corp", "Apex Ltd", "acme corp", "Acne Corp", "Zeta"];
    expect(nearestNames("ACME Crop", names, 2)).toEqual(["Acme Corp", "Acne Corp"]);
    expect(nearestNames("Zet", names, 1)).toEqual(["Zeta"]);
  });
});

describe("DMU", () => {
  test("roles and attitudes in English and Chinese", () => {
    expect(parseRole("Decision-Maker")).toBe("decisionMaker");
    expect(parseRole("决策者")).toBe("decisionMaker");
    expect(parseRole(" 采购 ")).toBe("buyer");
    expect(parseRole("gate keeper")).toBe("gatekeeper");
    expect(parseRole("对接人")).toBe("gatekeeper");
    expect(parseRole("影响者")).toBe("influencer");
    expect(parseRole("End_User")).toBe("user");
    expect(parseRole("CEO")).toBeUndefined();
    expect(parseAttitude("支持")).toBe("supporter");
    expect(parseAttitude("Neutral")).toBe("neutral");
    expect(parseAttitude("反对")).toBe("opponent");
  });

  test("coverage, missing roles, stale contacts, unknown roles and accounts", () => {
    const asOf = serial(2024, 12, 31);
    const contacts: Contact[] = [
      {
        account: "Acme",
        name: "Li",
        role: "决策者",
        attitude: "支持",
        lastContact: asOf - 10,
        row: 2,
      },
      {
        account: "acme ",
        name: "Wu",
        role: "buyer",
        attitude: "neutral",
        lastContact: asOf - 91,
        row: 3,
      },
      { account: "Acme", name: "Ng", role: "CEO", row: 4 },
      { account: "Beta", name: "Zhao", role: "user", lastContact: asOf - 90, row: 5 },
      { account: "Nowhere", name: "X", role: "user", row: 6 },
      { account: "Gamma", name: "Y", role: "user", row: 7 },
    ];
    const r = dmuCoverage(contacts, ["Acme", "Beta"], ["Acme", "Beta", "Gamma"], asOf, 90);
    const [acme, beta] = r.accounts;
    expect(acme.contacts).toHaveLength(3);
    expect(acme.byRole).toEqual({
      decisionMaker: 1,
      user: 0,
      buyer: 1,
      gatekeeper: 0,
      influencer: 0,
    });
    expect(acme.missing).toEqual(["user", "gatekeeper", "influencer"]);
    // Wu 91 days ago and Ng never: stale; Li 10 days: not.
    expect(acme.stale).toBe(2);
    expect(acme.attitudes).toEqual({ supporter: 1, neutral: 1, opponent: 0 });
    expect(beta.stale).toBe(0);
    expect(beta.missing).toEqual(["decisionMaker", "buyer", "gatekeeper", "influencer"]);
    expect(r.unknownRoles.map((c) => c.row)).toEqual([4]);
    expect(r.unknownAccounts.map((c) => c.row)).toEqual([6]);
  });
});

describe("outlook and targets", () => {
  // 36 months 2022-01 .. 2024-12 of 100 + 10·k (k = month index), two orders a month.
  const dates: number[] = [];
  const amounts: number[] = [];
  for (let k = 0; k < 36; k++) {
    const y = 2022 + Math.floor(k / 12);
    const m = (k % 12) + 1;
    dates.push(serial(y, m, 3), serial(y, m, 20));
    amounts.push(40 + 4 * k, 60 + 6 * k);
  }
  const o = accountOutlook({
    dates,
    amounts,
    firstDay: serial(2022, 1, 1),
    lastDay: serial(2024, 12, 31),
  });

  test("monthly series and plan years", () => {
    expect(o.months).toHaveLength(36);
    o.months.forEach((m, k) => expect(m.revenue).toBeCloseTo(100 + 10 * k, 10));
    expect(o.forecast).toHaveLength(36);
    expect(o.baseYear.year).toBe(2024);
    expect(o.baseYear.actual).toBeCloseTo(12 * 100 + 10 * (24 + 35) * 6, 8);
    expect(o.baseYear.forecast).toBe(0);
    expect(o.planYears.map((y) => y.year)).toEqual([2025, 2026, 2027]);
    const sum2025 = o.forecast.slice(0, 12).reduce((s, m) => s + m.mean, 0);
    expect(o.planYears[0].forecast).toBeCloseTo(sum2025, 8);
    // A straight line: the forecast for 2025 continues it (months 36..47) closely.
    const line2025 = 12 * 100 + 10 * (36 + 47) * 6;
    expect(Math.abs(o.planYears[0].forecast - line2025) / line2025).toBeLessThan(0.05);
    expect(o.planYears[0].lower).toBeLessThanOrEqual(o.planYears[0].forecast);
    expect(o.backtest?.origins).toBe(3);
  });

  test("targets: forecast, or base × (1 + g)^k", () => {
    const f = planTargets(o);
    expect(f.map((t) => t.basis)).toEqual(["forecast", "forecast", "forecast"]);
    expect(f[1].target).toBeCloseTo(o.planYears[1].forecast, 10);
    const g = planTargets(o, 0.1);
    const base = o.baseYear.actual;
    expect(g.map((t) => t.target)).toEqual([base * 1.1, base * 1.1 ** 2, base * 1.1 ** 3]);
  });

  test("a base year in progress: the rest of it is forecast", () => {
    const mid = accountOutlook({
      dates,
      amounts,
      firstDay: serial(2022, 1, 1),
      lastDay: serial(2024, 6, 30),
    });
    expect(mid.months).toHaveLength(30);
    expect(mid.forecast).toHaveLength(6 + 36);
    expect(mid.baseYear.forecast).toBeCloseTo(
      mid.forecast.slice(0, 6).reduce((s, m) => s + m.mean, 0),
      8
    );
  });
});
