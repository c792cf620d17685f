// KPIs per period (src/engine/kpi/periods.ts): a hand-checked history, a generated one against an
// independent computation (periods from JavaScript dates, sets of customers per period, rates from
// their definitions), the scale rules for CSAT and NPS, partial periods and the errors in order.
import { describe, expect, test } from "@jest/globals";
import { uniformGenerator } from "../../../src/engine/random";
import {
  DEFAULT_KEY_TIERS,
  KpiGrain,
  KpiPeriod,
  KpiPeriods,
  KpiPeriodsInput,
  KpiPeriodsOptions,
  MAX_KPI_PERIODS,
  keyAccountFlags,
  kpiPeriods,
} from "../../../src/engine/kpi/periods";

const DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);
/** Excel serial of a date from 1900-03-01 on. */
const serial = (y: number, m: number, d: number) =>
  Math.round((Date.UTC(y, m - 1, d) - EPOCH) / DAY);
const ymd = (s: number) => {
  const d = new Date(EPOCH + s * DAY);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
};

function run(input: KpiPeriodsInput, options?: KpiPeriodsOptions): KpiPeriods {
  const r = kpiPeriods(input, options);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}
const value = (r: { ok: boolean; value?: number } | undefined) => (r?.ok ? r.value : undefined);
const why = (r: { ok: boolean; why?: string } | undefined) => (r && !r.ok ? r.why : undefined);

describe("kpiPeriods on a hand-checked history", () => {
  // Years 2022–2024. A buys every year; B in 2022 only; C in 2022 and 2024 (returns in 2024);
  // D from 2023; "a " is A (case and spaces ignored); E has a return only (never active); F's
  // first purchase is 0 (no purchase) and then 2024.
  const rows: [string, number, number, string, number | null, number | null][] = [
    ["A", serial(2022, 1, 10), 100, "Key", 9, 1000],
    ["B", serial(2022, 3, 5), 50, "Ordinary", 7, 1000],
    ["C", serial(2022, 6, 1), 30, "Ordinary", null, 1200],
    ["F", serial(2022, 8, 1), 0, "Ordinary", null, null],
    ["a ", serial(2023, 2, 1), 120, "Key", 10, 2000],
    ["D", serial(2023, 5, 5), 80, "核心", 3, 2000],
    ["E", serial(2023, 7, 7), -20, "Ordinary", null, 2000],
    ["A", serial(2024, 1, 3), 150, "Key", 8, null],
    ["C", serial(2024, 4, 4), 60, "Ordinary", 10, 2500],
    ["D", serial(2024, 5, 6), 40, "core", 9, 2500],
    ["F", serial(2024, 12, 28), 10, "Ordinary", null, 3000],
  ];
  const tiers = rows.map((r) => r[3]);
  const input: KpiPeriodsInput = {
    customers: rows.map((r) => r[0]),
    dates: rows.map((r) => r[1]),
    amounts: rows.map((r) => r[2]),
    isKey: keyAccountFlags(tiers),
    scores: rows.map((r) => r[4]),
    marketSizes: rows.map((r) => r[5]),
  };
  const res = run(input);

  test("years (36 months of data); six customers, eleven transactions; not partial", () => {
    expect(res.grain).toBe("year");
    expect(res.periods.map((p) => ymd(p.start))).toEqual([
      [2022, 1, 1],
      [2023, 1, 1],
      [2024, 1, 1],
    ]);
    expect(res.transactions).toBe(11);
    expect(res.customers).toBe(6); // A, B, C, D, E, F
    expect(res.firstDay).toBe(serial(2022, 1, 10));
    expect(res.lastDay).toBe(serial(2024, 12, 28));
    expect([res.partialFirst, res.partialLast]).toEqual([true, false]);
    expect([res.hasTiers, res.hasMarket, res.hasSatisfaction]).toEqual([true, true, true]);
  });

  test("counts: 2022 A B C new; 2023 A retained, D new, B C lost; 2024 A D retained, C returning, F new", () => {
    const counts = (p: KpiPeriod) => [p.customers, p.added, p.returning, p.retained, p.lost];
    expect(res.periods.map(counts)).toEqual([
      [3, 3, 0, undefined, undefined],
      [2, 1, 0, 1, 2],
      [4, 1, 1, 2, 0],
    ]);
  });

  test("retention and churn: 1/3 and 2/3, then 2/2 and 0/2; the first period has none", () => {
    const [p0, p1, p2] = res.periods;
    expect([why(p0.retention), why(p0.churn), why(p0.growth)]).toEqual(["first", "first", "first"]);
    expect(value(p1.retention)).toBeCloseTo(1 / 3, 14);
    expect(value(p1.churn)).toBeCloseTo(2 / 3, 14);
    expect(value(p2.retention)).toBe(1);
    expect(value(p2.churn)).toBe(0);
  });

  test("revenue, growth, key revenue and share (Key, 核心 and core are key tiers)", () => {
    expect(res.periods.map((p) => p.revenue)).toEqual([180, 180, 260]);
    expect(value(res.periods[1].growth)).toBe(0);
    expect(value(res.periods[2].growth)).toBeCloseTo(80 / 180, 14);
    expect(res.periods.map((p) => p.keyRevenue)).toEqual([100, 200, 190]);
    expect(value(res.periods[1].keyShare)).toBeCloseTo(200 / 180, 14);
    expect(value(res.periods[2].keyShare)).toBeCloseTo(190 / 260, 14);
  });

  test("market: the largest size of the period, the periods with several sizes, share", () => {
    expect(res.periods.map((p) => p.market)).toEqual([1200, 2000, 3000]);
    expect(res.marketDiffers).toEqual([0, 2]);
    expect(value(res.periods[0].marketShare)).toBeCloseTo(180 / 1200, 14);
  });

  test("satisfaction on 0–10: mean, CSAT at 9 (top two answers), NPS", () => {
    expect(res.threshold).toBe(9);
    expect(res.npsScale).toBe(true);
    const [p0, p1, p2] = res.periods;
    expect(value(p0.satisfaction)).toBe(8);
    expect(value(p1.satisfaction)).toBe(6.5);
    expect(value(p2.satisfaction)).toBe(9);
    expect(res.periods.map((p) => value(p.csat))).toEqual([0.5, 0.5, 2 / 3]);
    // 2022: 9 promoter, 7 passive → 50; 2023: 10 promoter, 3 detractor → 0; 2024: 8, 10, 9 → 66.7
    expect(value(p0.nps)).toBe(50);
    expect(value(p1.nps)).toBe(0);
    expect(value(p2.nps)).toBeCloseTo(200 / 3, 12);
  });

  test("without the optional columns: no key, market or satisfaction figures", () => {
    const plain = run({ customers: input.customers, dates: input.dates, amounts: input.amounts });
    expect([plain.hasTiers, plain.hasMarket, plain.hasSatisfaction]).toEqual([false, false, false]);
    const p = plain.periods[2];
    expect([p.keyRevenue, p.keyShare, p.market, p.marketShare, p.satisfaction, p.csat]).toEqual(
      Array(6).fill(undefined)
    );
    expect(plain.periods.map((q) => q.customers)).toEqual([3, 2, 4]);
  });

  test("quarters on request: 12 periods; the empty quarters have no customers", () => {
    const q = run(input, { grain: "quarter" });
    expect(q.periods).toHaveLength(12);
    expect(q.periods.map((p) => p.customers)).toEqual([2, 1, 0, 0, 1, 1, 0, 0, 1, 2, 0, 1]);
    // 2022-Q3: F bought for 0 (no purchase): no customers, so Q4 has no start: retention not computed
    expect(why(q.periods[3].retention)).toBe("noStart");
    expect(value(q.periods[2].retention)).toBe(0);
    expect(why(q.periods[3].growth)).toBe("zeroPrevious");
    expect(why(q.periods[3].marketShare)).toBe("noMarket");
    expect(why(q.periods[3].satisfaction)).toBe("noScores");
  });
});

/** The periods of a grain from JavaScript dates: index of (year, month) from the first one's. */
function periodOf(grain: KpiGrain, s: number, first: number): number {
  const [y, m] = ymd(s);
  const [y0, m0] = ymd(first);
  const size = grain === "year" ? 12 : grain === "quarter" ? 3 : 1;
  const index = (yy: number, mm: number) => Math.floor((yy * 12 + mm - 1) / size);
  return index(y, m) - index(y0, m0);
}

describe("kpiPeriods against an independent computation", () => {
  const rnd = uniformGenerator(20260101);
  const n = 4000;
  const first = serial(2021, 2, 17);
  const customers: string[] = [];
  const dates: number[] = [];
  const amounts: number[] = [];
  const tiers: string[] = [];
  const scores: (number | null)[] = [];
  const sizes: (number | null)[] = [];
  for (let i = 0; i < n; i++) {
    const c = Math.floor(Math.pow(rnd(), 2) * 120);
    customers.push(`${rnd() < 0.1 ? " " : ""}Client ${c}`);
    // customers start late and pause: the day depends on the customer
    dates.push(first + Math.floor(((c * 7) % 400) + rnd() * (1300 - ((c * 7) % 400))));
    amounts.push(
      rnd() < 0.06 ? -Math.round(rnd() * 500) : rnd() < 0.03 ? 0 : Math.round(rnd() * 9000)
    );
    tiers.push(["Key", "Ordinary", "core", "A", "x"][c % 5]);
    scores.push(rnd() < 0.4 ? Math.floor(rnd() * 11) : null);
    sizes.push(rnd() < 0.1 ? null : 1e6 + 1000 * Math.floor(rnd() * 3));
  }
  const isKey = tiers.map((t) => ["key", "core", "a"].includes(t.toLowerCase()));

  test.each(["year", "quarter", "month"] as const)("%s", (grain) => {
    const res = run({ customers, dates, amounts, isKey, scores, marketSizes: sizes }, { grain });
    const start = Math.min(...dates);
    const count = periodOf(grain, Math.max(...dates), start) + 1;
    expect(res.periods).toHaveLength(count);
    const key = (c: string) => c.trim().toLowerCase();
    const activeIn = (k: number) =>
      new Set(
        customers
          .filter((_, i) => amounts[i] > 0 && periodOf(grain, dates[i], start) === k)
          .map(key)
      );
    const firstBuy = new Map<string, number>();
    customers.forEach((c, i) => {
      if (amounts[i] <= 0) return;
      const k = periodOf(grain, dates[i], start);
      firstBuy.set(key(c), Math.min(k, firstBuy.get(key(c)) ?? Infinity));
    });
    expect(res.customers).toBe(new Set(customers.map(key)).size);
    let previousRevenue = 0;
    for (let k = 0; k < count; k++) {
      const p = res.periods[k];
      const rowsOf = amounts.map((_, i) => i).filter((i) => periodOf(grain, dates[i], start) === k);
      const now = activeIn(k);
      const before = k > 0 ? activeIn(k - 1) : new Set<string>();
      const added = [...now].filter((c) => firstBuy.get(c) === k).length;
      const retained = [...now].filter((c) => firstBuy.get(c) !== k && before.has(c)).length;
      const lost = [...before].filter((c) => !now.has(c)).length;
      expect(p.customers).toBe(now.size);
      expect(p.added).toBe(added);
      expect(p.returning).toBe(now.size - added - retained);
      const revenue = rowsOf.reduce((t, i) => t + amounts[i], 0);
      expect(p.revenue).toBeCloseTo(revenue, 6);
      if (k > 0) {
        expect([p.retained, p.lost]).toEqual([retained, lost]);
        if (before.size > 0) {
          expect(value(p.retention)).toBeCloseTo(retained / before.size, 12);
          expect(value(p.churn)).toBeCloseTo(lost / before.size, 12);
        } else expect(why(p.retention)).toBe("noStart");
        if (previousRevenue !== 0)
          expect(value(p.growth)).toBeCloseTo(
            (revenue - previousRevenue) / Math.abs(previousRevenue),
            10
          );
      }
      previousRevenue = revenue;
      const keyRevenue = rowsOf.filter((i) => isKey[i]).reduce((t, i) => t + amounts[i], 0);
      expect(p.keyRevenue).toBeCloseTo(keyRevenue, 6);
      if (revenue > 0) expect(value(p.keyShare)).toBeCloseTo(keyRevenue / revenue, 12);
      const periodSizes = rowsOf.map((i) => sizes[i]).filter((s): s is number => s !== null);
      expect(p.market).toBe(periodSizes.length > 0 ? Math.max(...periodSizes) : undefined);
      expect(res.marketDiffers.includes(k)).toBe(new Set(periodSizes).size > 1);
      const s = rowsOf.map((i) => scores[i]).filter((x): x is number => x !== null);
      if (s.length > 0) {
        expect(value(p.satisfaction)).toBeCloseTo(s.reduce((t, x) => t + x, 0) / s.length, 12);
        expect(value(p.csat)).toBeCloseTo(s.filter((x) => x >= 9).length / s.length, 12);
        const share = (f: (x: number) => boolean) => s.filter(f).length / s.length;
        expect(value(p.nps)).toBeCloseTo(100 * (share((x) => x >= 9) - share((x) => x <= 6)), 10);
      } else expect(why(p.satisfaction)).toBe("noScores");
    }
  });
});

describe("kpiPeriods: grain, scale and partial periods", () => {
  const at = (dates: number[], extra: Partial<KpiPeriodsInput> = {}, options?: KpiPeriodsOptions) =>
    run({ customers: dates.map(() => "A"), dates, amounts: dates.map(() => 1), ...extra }, options);

  test("default grain: year from 24 calendar months, else quarter", () => {
    expect(at([serial(2022, 1, 31), serial(2023, 12, 1)]).grain).toBe("year");
    expect(at([serial(2022, 2, 1), serial(2023, 12, 31)]).grain).toBe("quarter");
  });

  test("partial: more than 7 days of the first or last period without data", () => {
    const q = at([serial(2024, 1, 8), serial(2024, 3, 24)]);
    expect([q.partialFirst, q.partialLast]).toEqual([false, false]);
    const r = at([serial(2024, 1, 9), serial(2024, 3, 23)]);
    expect([r.partialFirst, r.partialLast]).toEqual([true, true]);
  });

  test("CSAT threshold from the scale, or the one given; NPS only on whole 0–10 above 7", () => {
    const dates = [serial(2024, 1, 1), serial(2024, 2, 1)];
    const scale = (scores: (number | null)[], t?: number) => {
      const r = at(dates, { scores }, { satisfactionThreshold: t });
      return [r.threshold, r.npsScale];
    };
    expect(scale([1, 5])).toEqual([4, false]);
    expect(scale([2, 7])).toEqual([6, false]);
    expect(scale([0, 8])).toEqual([9, true]);
    expect(scale([1, 11])).toEqual([undefined, false]);
    expect(scale([1.5, 4])).toEqual([undefined, false]);
    expect(scale([-1, 4])).toEqual([undefined, false]);
    expect(scale([1.5, 4], 3)).toEqual([3, false]);
    expect(scale([null, null])).toEqual([4, false]);
  });

  test("key tiers: compatibility forms, case and spaces ignored; the defaults", () => {
    expect(keyAccountFlags(["ＫＥＹ", " core ", "Ordinary", "a", "重点"])).toEqual([
      true,
      true,
      false,
      true,
      true,
    ]);
    expect(keyAccountFlags(["Gold", "gold ", "Key"], ["GOLD"])).toEqual([true, true, false]);
    expect(DEFAULT_KEY_TIERS).toContain("核心");
  });
});

describe("kpiPeriods: errors, in order", () => {
  const d = serial(2024, 1, 1);
  const base: KpiPeriodsInput = { customers: ["A", "B"], dates: [d, d + 1], amounts: [1, 2] };
  const error = (input: Partial<KpiPeriodsInput>, options?: KpiPeriodsOptions) => {
    const r = kpiPeriods({ ...base, ...input }, options);
    return r.ok ? undefined : r.error;
  };

  test("no rows; lengths; a date or amount that is no number (first row first)", () => {
    expect(error({ customers: [], dates: [], amounts: [] })).toEqual({ kind: "noRows" });
    expect(error({ amounts: [1] })).toEqual({ kind: "lengths" });
    expect(error({ isKey: [true] })).toEqual({ kind: "lengths" });
    expect(error({ scores: [1, 2, 3] })).toEqual({ kind: "lengths" });
    expect(error({ marketSizes: [null] })).toEqual({ kind: "lengths" });
    expect(error({ dates: [d, NaN], amounts: [Infinity, 1] })).toEqual({
      kind: "notNumber",
      index: 0,
      column: "amount",
    });
    expect(error({ dates: [d, NaN] })).toEqual({ kind: "notNumber", index: 1, column: "date" });
  });

  test("no purchases before a bad option; bad options; too many periods", () => {
    expect(error({ amounts: [0, -1] }, { grain: "week" as KpiGrain })).toEqual({
      kind: "noPurchases",
    });
    expect(error({}, { grain: "week" as KpiGrain })).toEqual({
      kind: "badOption",
      option: "grain",
    });
    expect(error({}, { satisfactionThreshold: NaN })).toEqual({
      kind: "badOption",
      option: "satisfactionThreshold",
    });
    const far = serial(2024 + 51, 1, 1);
    expect(error({ dates: [d, far] }, { grain: "month" })).toEqual({
      kind: "tooManyPeriods",
      count: 51 * 12 + 1,
    });
    expect(51 * 12 + 1).toBeGreaterThan(MAX_KPI_PERIODS);
    expect(error({ dates: [d, serial(2024 + 49, 12, 1)] }, { grain: "month" })).toBeUndefined();
  });
});
