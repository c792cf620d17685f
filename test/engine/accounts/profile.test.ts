// Account profiles (src/engine/accounts/profile.ts): revenue and profit per year and quarter, share,
// rank and CAGR of the largest Superstore customer against sums written out here; the complete-year
// rule, lapsed accounts and the DPM position on a hand-made list.
/* global __dirname */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "@jest/globals";
import { parse } from "csv-parse/sync";
import { accountProfile, profilePortfolio } from "../../../src/engine/accounts/profile";

const serial = (y: number, m: number, d: number) =>
  (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

describe("Superstore: the largest customer", () => {
  const file = path.resolve(
    __dirname,
    "../../fixtures/real/superstore/sample-superstore-customers-A.csv"
  );
  const rows = (
    parse(fs.readFileSync(file), { bom: true, columns: true }) as Record<string, string>[]
  ).map((r) => {
    const [m, d, y] = r["Order Date"].split("/").map(Number);
    return {
      customer: r["Customer Name"],
      y,
      q: Math.floor((m - 1) / 3) + 1,
      date: serial(y, m, d),
      sales: Number(r.Sales),
      profit: Number(r.Profit),
    };
  });
  const res = profilePortfolio({
    customers: rows.map((r) => r.customer),
    dates: rows.map((r) => r.date),
    amounts: rows.map((r) => r.sales),
    profits: rows.map((r) => r.profit),
  });
  if (!res.ok) throw new Error(res.reason);
  const pf = res.value;
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.customer, (totals.get(r.customer) ?? 0) + r.sales);
  const ranked = [...totals].sort((a, b) => b[1] - a[1]);
  const [topName, topRevenue] = ranked[0];
  const mine = rows.filter((r) => r.customer === topName);
  const p = accountProfile(pf, topName.toUpperCase());

  test("found by name in any case; share and rank", () => {
    expect(p).toBeDefined();
    if (!p) return;
    expect(p.account).toBe(topName);
    expect(p.rank).toBe(1);
    expect(p.orders).toBe(mine.length);
    const grand = rows.reduce((s, r) => s + r.sales, 0);
    expect(p.revenue).toBeCloseTo(topRevenue, 8);
    expect(p.share).toBeCloseTo(topRevenue / grand, 12);
    expect(pf.accounts).toBe(totals.size);
  });

  test("revenue and profit per year and quarter", () => {
    if (!p) throw new Error("not found");
    const years = [...new Set(rows.map((r) => r.y))].sort();
    expect(p.years.map((y) => y.label)).toEqual(years.map(String));
    for (const y of p.years) {
      const inYear = mine.filter((r) => String(r.y) === y.label);
      expect(y.revenue).toBeCloseTo(
        inYear.reduce((s, r) => s + r.sales, 0),
        8
      );
      expect(y.profit as number).toBeCloseTo(
        inYear.reduce((s, r) => s + r.profit, 0),
        8
      );
    }
    expect(p.quarters).toHaveLength(4 * years.length);
    for (const q of p.quarters) {
      const [y, qq] = q.label.split("-Q").map(Number);
      const want = mine.filter((r) => r.y === y && r.q === qq).reduce((s, r) => s + r.sales, 0);
      expect(q.revenue).toBeCloseTo(want, 8);
    }
    const rev = p.years.map((y) => y.revenue);
    p.years.forEach((y, k) =>
      expect(y.growth).toBe(k > 0 && rev[k - 1] > 0 ? (rev[k] - rev[k - 1]) / rev[k - 1] : null)
    );
    expect(p.profit as number).toBeCloseTo(
      mine.reduce((s, r) => s + r.profit, 0),
      8
    );
  });

  test("CAGR over the complete years", () => {
    if (!p) throw new Error("not found");
    // The data run from early January of the first year to late December of the last.
    const years = [...new Set(rows.map((r) => r.y))].sort();
    expect(pf.completeYears).toEqual(years);
    const first = mine.filter((r) => r.y === years[0]).reduce((s, r) => s + r.sales, 0);
    const last = mine
      .filter((r) => r.y === years[years.length - 1])
      .reduce((s, r) => s + r.sales, 0);
    expect(p.cagr?.value).toBeCloseTo((last / first) ** (1 / (years.length - 1)) - 1, 10);
  });

  test("tier, ABC, RFM and CLV are present", () => {
    if (!p) throw new Error("not found");
    expect(p.abc).toBe("A");
    expect(p.tier?.tier).toBeDefined();
    expect(p.rfm?.monetary).toBeCloseTo(topRevenue, 8);
    expect(pf.clvProblem).toBeUndefined();
    expect(p.clv?.pAlive).toBeGreaterThan(0);
    expect(p.clv?.pAlive).toBeLessThanOrEqual(1);
  });
});

describe("hand-made list", () => {
  // A buys 100 in 2022 and 121 in 2023 and 146.41 in 2024 (10% a year); B buys 50 in June 2022 only.
  // The data run from 2022-01-10 to 2024-06-30: complete years 2022 and 2023.
  const customers = ["A", "A", "A", "B"];
  const dates = [serial(2022, 1, 10), serial(2023, 3, 1), serial(2024, 6, 30), serial(2022, 6, 1)];
  const amounts = [100, 121, 146.41, 50];
  const res = profilePortfolio({ customers, dates, amounts }, { minRepeatBuyers: 10 });
  if (!res.ok) throw new Error(res.reason);

  test("complete years and CAGR", () => {
    expect(res.value.years).toEqual([2022, 2023, 2024]);
    expect(res.value.completeYears).toEqual([2022, 2023]);
    const a = accountProfile(res.value, "a");
    expect(a?.cagr).toEqual({ value: 121 / 100 - 1, fromYear: 2022, toYear: 2023 });
    expect(a?.profit).toBeNull();
    expect(a?.recent).toBe(true);
  });

  test("a lapsed account says so; no CLV with too few repeat buyers", () => {
    const b = accountProfile(res.value, "B");
    expect(b?.recent).toBe(false);
    expect(b?.cagr?.value).toBe(-1);
    expect(res.value.clvProblem).toEqual({ code: "tooFewRepeat", repeat: 1, needed: 10 });
    expect(accountProfile(res.value, "C")).toBeUndefined();
  });

  test("DPM position from scores", () => {
    expect(accountProfile(res.value, "A", { attractiveness: 7, strength: 3 })?.dpm).toEqual({
      attractiveness: 7,
      strength: 3,
      quadrant: "questionMark",
      strategy: "enter",
    });
  });

  test("orders after as_of are left out", () => {
    const r = profilePortfolio({ customers, dates, amounts }, { asOf: serial(2023, 12, 31) });
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.afterAsOf).toBe(1);
    expect(accountProfile(r.value, "A")?.revenue).toBe(221);
  });
});
