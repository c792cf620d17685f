// The tier rule (src/engine/accounts/tier.ts) and the growth windows (growth.ts), hand-checked.
import { describe, expect, test } from "@jest/globals";
import { accountGrowth, addMonths, growthWindows } from "../../../src/engine/accounts/growth";
import {
  DEFAULT_TIER_OPTIONS,
  tierAccounts,
  tierOptionsProblem,
  tiers,
} from "../../../src/engine/accounts/tier";

/** Excel serial of a date, independently of the engine. */
const serial = (y: number, m: number, d: number) =>
  (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

describe("tierAccounts: absolute shares (some account reaches 30%)", () => {
  // Revenue 50, 30, 15, 4, 1 → shares 0.5, 0.3, 0.15, 0.04, 0.01; cumulative 0.5, 0.8, 0.95, 0.99, 1
  // → ABC A, A, B, C, C. Margins 0.2, 0.3, 0.1, 0.4, 0.1: weighted average
  // (10 + 9 + 1.5 + 1.6 + 0.1) / 100 = 0.222.
  const revenue = [50, 30, 15, 4, 1];
  const margin = [0.2, 0.3, 0.1, 0.4, 0.1];

  test("hand-checked rule", () => {
    const r = tierAccounts(revenue, margin, [0.1, -0.1, 0.2, 0.05, -0.3]);
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.rule).toBe("share");
    expect(r.value.averageMargin).toBeCloseTo(0.222, 12);
    expect(
      r.value.accounts.map((a) => [a.abc, a.contribution, a.profitability, a.potential])
    ).toEqual([
      ["A", "high", "below", "growing"],
      ["A", "high", "above", "stable"], // −10% is not below −10%
      ["B", "medium", "below", "growing"],
      ["C", "low", "above", "stable"],
      ["C", "low", "below", "shrinking"],
    ]);
    expect(r.value.accounts.map((a) => [a.tier, a.reason])).toEqual([
      ["key", "highOneWeakness"], // 50% but margin below the average
      ["core", "high"],
      ["key", "medium"],
      ["ordinary", "low"], // above-average margin, but +5% is not growing
      ["ordinary", "low"],
    ]);
    expect(r.value.accounts[2].marginGap).toBeCloseTo(0.1 - 0.222, 12);
  });

  test("low contribution with an above-average margin and growth is key; both weaknesses make a large account ordinary", () => {
    const r = tierAccounts(revenue, margin, [-0.2, 0, 0, 0.1, 0]);
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.accounts.map((a) => a.tier)).toEqual([
      "ordinary", // 50%: margin below average and −20%
      "core",
      "key",
      "key", // 4%: margin above average and +10%
      "ordinary",
    ]);
    expect(r.value.accounts[0].reason).toBe("highTwoWeaknesses");
    expect(r.value.accounts[3].reason).toBe("lowPotential");
  });

  test("a C-class account above the low share is medium", () => {
    // 40, 30, 26, 4 → cumulative 0.4, 0.7, 0.96, 1 → A, A, C, C; the third has 26% > 5%.
    const r = tierAccounts([40, 30, 26, 4], undefined, [0, 0, 0, 0]);
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.accounts.map((a) => a.contribution)).toEqual(["high", "high", "medium", "low"]);
  });
});

describe("tierAccounts: relative to the customer base (no account reaches 30%)", () => {
  // 20 accounts: 10 of 8, 10 of 2 → total 100; cumulative 8%, 16%, …, 80% (A), then 82%, …, 100%:
  // 82..94 B (up to 95%), 96..100 C. Ties: all the 8s are A; the 2s take the class of the first 2 (B).
  const revenue = [...new Array(10).fill(8), ...new Array(10).fill(2)];

  test("A class is high; equal revenues share the better class", () => {
    const r = tierAccounts(revenue, undefined, new Array(20).fill(null));
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.rule).toBe("abc");
    expect(r.value.averageMargin).toBeNull();
    expect(r.value.accounts.map((a) => a.abc)).toEqual([
      ...new Array(10).fill("A"),
      ...new Array(10).fill("B"),
    ]);
    expect(r.value.accounts.map((a) => a.tier)).toEqual([
      ...new Array(10).fill("core"),
      ...new Array(10).fill("key"),
    ]);
    // Unknown margin and growth are never a weakness.
    expect(r.value.accounts[0]).toMatchObject({ profitability: "unknown", potential: "unknown" });
  });

  test("unequal: the C tail with a share ≤ 5% is low; lapsed is shrinking; new is no weakness", () => {
    const rev = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    // Total 55; cumulative 0.18, 0.35, 0.49, 0.62, 0.73 (A), 0.82, 0.89, 0.95 (B), 0.98, 1 (C); the
    // C accounts have shares 3.6% and 1.8% (≤ 5%): low.
    const growth = [-0.5, "lapsed" as const, "new" as const, null, 0, 0, 0, 0, 0.5, 0.5];
    const margin = [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.3, 0.1];
    const r = tierAccounts(rev, margin, growth);
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.accounts.map((a) => a.abc).join("")).toBe("AAAAABBBCC");
    expect(r.value.accounts.map((a) => a.contribution)).toEqual([
      ...new Array(5).fill("high"),
      ...new Array(3).fill("medium"),
      "low",
      "low",
    ]);
    expect(r.value.accounts.map((a) => a.potential)).toEqual([
      "shrinking",
      "shrinking",
      "new",
      "unknown",
      "stable",
      "stable",
      "stable",
      "stable",
      "growing",
      "growing",
    ]);
    // Average margin (0.1 * 53 + 0.3 * 2) / 55; the 0.1 accounts are below it.
    expect(r.value.averageMargin).toBeCloseTo((0.1 * 53 + 0.6) / 55, 12);
    expect(r.value.accounts.map((a) => a.tier)).toEqual([
      "ordinary", // high, but below-average margin and −50%
      "ordinary", // high, below-average margin and lapsed
      "key", // high, below-average margin; new is no weakness
      "key",
      "key",
      "key",
      "key",
      "key",
      "key", // low, margin above average and +50%
      "ordinary", // low
    ]);
  });

  test("options: thresholds and cuts; validation", () => {
    // With highShare 0.15 the first two (18%, 16%) are high by share and the rule is absolute.
    const r = tierAccounts([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], undefined, new Array(10).fill(0), {
      highShare: 0.15,
      lowShare: 0.04,
    });
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.rule).toBe("share");
    expect(r.value.accounts.map((a) => a.tier)).toEqual([
      "core",
      "core",
      ...new Array(6).fill("key"),
      "ordinary",
      "ordinary",
    ]);
    expect(tierOptionsProblem({ ...DEFAULT_TIER_OPTIONS, lowShare: 0.3 })).toMatch(/lowShare/);
    expect(tierOptionsProblem({ ...DEFAULT_TIER_OPTIONS, shrinkingGrowth: 0.2 })).toMatch(
      /shrinkingGrowth/
    );
    expect(tierOptionsProblem({ ...DEFAULT_TIER_OPTIONS, bCut: 0.5 })).toMatch(/bCut/);
    expect(tierOptionsProblem(DEFAULT_TIER_OPTIONS)).toBeUndefined();
    expect(() => tierAccounts([1], undefined, [0], { highShare: 0 })).toThrow(/highShare/);
    expect(tierAccounts([5, -5], undefined, [0, 0])).toEqual({
      ok: false,
      reason: "the total revenue is 0; shares need a total above 0",
    });
  });

  test("accounts without revenue have no margin; their profit does not enter the average", () => {
    const r = tierAccounts([100, -10], [0.2, 0.9], [0, 0]);
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.averageMargin).toBe(0.2);
    expect(r.value.accounts[1]).toMatchObject({ margin: null, profitability: "unknown" });
  });
});

describe("tiers: KAM.TIER's plain-number form", () => {
  test("same rule; the thresholds map to highShare, lowShare, shrinkingGrowth", () => {
    const r = tiers([50, 30, 15, 4, 1], [0.2, 0.3, 0.1, 0.4, 0.1], [0.1, -0.1, 0.2, 0.05, -0.3]);
    if (!r.ok) throw new Error(r.reason);
    expect(r.rows.map((x) => x.tier)).toEqual(["key", "core", "key", "ordinary", "ordinary"]);
    expect(r.rows[2].marginGap).toBeCloseTo(0.1 - 0.222, 12);
    // Stable growth 0: −10% is now shrinking, so the second account has one weakness.
    const s = tiers([50, 30, 15, 4, 1], [0.2, 0.3, 0.1, 0.4, 0.1], [0.1, -0.1, 0.2, 0.05, -0.3], {
      coreShare: 0.3,
      ordinaryShare: 0.05,
      stableGrowth: 0,
    });
    if (!s.ok) throw new Error(s.reason);
    expect(s.rows.map((x) => x.tier)).toEqual(["key", "key", "key", "ordinary", "ordinary"]);
    // A growing threshold of 5% makes the fourth account (4%, margin above average, +5%) key.
    const g = tiers(
      [50, 30, 15, 4, 1],
      [0.2, 0.3, 0.1, 0.4, 0.1],
      [0.1, -0.1, 0.2, 0.05, -0.3],
      { coreShare: 0.3, ordinaryShare: 0.05, stableGrowth: -0.1 },
      0.05
    );
    if (!g.ok) throw new Error(g.reason);
    expect(g.rows[3].tier).toBe("key");
  });
  test("equal accounts tier alike; zero revenue fails", () => {
    const r = tiers([50, 50], [0.1, 0.1], [0, 0], {
      coreShare: 0.6,
      ordinaryShare: 0.5,
      stableGrowth: 0,
    });
    if (!r.ok) throw new Error(r.reason);
    // Nobody reaches 60%: both are class A (equal revenue), margin at the average, growth 0: core.
    expect(r.rows.map((x) => x.tier)).toEqual(["core", "core"]);
    expect(tiers([0], [0.1], [0]).ok).toBe(false);
  });
});

describe("growth windows", () => {
  test("EDATE: month ends and leap days", () => {
    expect(addMonths(serial(2024, 12, 31), -12)).toBe(serial(2023, 12, 31));
    expect(addMonths(serial(2024, 2, 29), -12)).toBe(serial(2023, 2, 28));
    expect(addMonths(serial(2024, 3, 31), -1)).toBe(serial(2024, 2, 29));
    expect(addMonths(serial(2023, 1, 15), 13)).toBe(serial(2024, 2, 15));
  });

  test("EDATE before 1900-03-01 counts Excel's 1900-02-29 (serial 60)", () => {
    expect(addMonths(1, 1)).toBe(32); // 1900-01-01 -> 1900-02-01
    expect(addMonths(59, 1)).toBe(88); // 1900-02-28 -> 1900-03-28
    expect(addMonths(61, -1)).toBe(32); // 1900-03-01 -> 1900-02-01
  });

  test("24 months of data or more: the last 12 calendar months against the 12 before", () => {
    expect(growthWindows(serial(2022, 1, 1), serial(2024, 12, 31))).toEqual({
      prevFrom: serial(2023, 1, 1),
      prevTo: serial(2023, 12, 31),
      curFrom: serial(2024, 1, 1),
      curTo: serial(2024, 12, 31),
      months: 12,
    });
    // Exactly 24 months.
    expect(growthWindows(serial(2022, 7, 1), serial(2024, 6, 30))).toEqual({
      prevFrom: serial(2022, 7, 1),
      prevTo: serial(2023, 6, 30),
      curFrom: serial(2023, 7, 1),
      curTo: serial(2024, 6, 30),
      months: 12,
    });
    expect(growthWindows(serial(2020, 1, 1), serial(2024, 2, 29))).toMatchObject({
      prevFrom: serial(2022, 3, 1),
      curFrom: serial(2023, 3, 1),
    });
  });

  test("shorter: the two latest halves; one day: none", () => {
    // 2024-01-01 .. 2024-12-31 is 366 days: halves of 183.
    expect(growthWindows(serial(2024, 1, 1), serial(2024, 12, 31))).toEqual({
      prevFrom: serial(2024, 1, 1),
      prevTo: serial(2024, 7, 1),
      curFrom: serial(2024, 7, 2),
      curTo: serial(2024, 12, 31),
    });
    expect(growthWindows(serial(2024, 5, 1), serial(2024, 5, 2))).toEqual({
      prevFrom: serial(2024, 5, 1),
      prevTo: serial(2024, 5, 1),
      curFrom: serial(2024, 5, 2),
      curTo: serial(2024, 5, 2),
    });
    expect(growthWindows(serial(2024, 5, 1), serial(2024, 5, 1))).toBeUndefined();
  });

  test("orders on each window's first and last day count; statuses", () => {
    const w = growthWindows(serial(2022, 1, 1), serial(2024, 12, 31));
    if (!w) throw new Error("no windows");
    const c = ["Edge", "edge ", "Edge", "Edge", "New", "Gone", "Gone", "Later", "Ret"];
    const d = [
      serial(2023, 1, 1), // previous window's first day
      serial(2023, 12, 31), // its last day
      serial(2024, 1, 1), // current window's first day
      serial(2024, 12, 31), // its last day
      serial(2024, 1, 1),
      serial(2022, 6, 1),
      serial(2022, 12, 31), // the day before the previous window
      serial(2025, 1, 1), // after the windows: not counted
      serial(2023, 5, 5),
    ];
    const a = [100, 50, 200, 100, 70, 10, 20, 999, -30];
    const g = accountGrowth(c, d, a, w);
    expect(g.get("edge")).toEqual({ previous: 150, current: 300, growth: 1, status: "rate" });
    expect(g.get("new")).toEqual({ previous: 0, current: 70, growth: null, status: "new" });
    expect(g.get("gone")).toEqual({ previous: 0, current: 0, growth: null, status: "lapsed" });
    expect(g.get("later")).toBeUndefined();
    expect(g.get("ret")).toEqual({ previous: -30, current: 0, growth: null, status: "none" });
  });
});
