// The Accounts report builder on a generated order history (300 accounts × 18 months with returns), on
// a customer base shaped like a real one (hundreds of customers over three years, a Pareto-like revenue
// distribution far below a 30% share, profit on most orders, shrinking and lapsed accounts) and on
// CDNOW: cells against independent engine calls and computations written here (growth windows, tiers
// and their basis, the 80/20 of profit), every formula against its cached value, layout.
import { beforeAll, describe, expect, test } from "@jest/globals";
import {
  expectedPurchases,
  fitBgNbd,
  fitGammaGamma,
  predictClv,
  probabilityAlive,
} from "../../src/engine/accounts/clv";
import { pareto, paretoShare } from "../../src/engine/accounts/pareto";
import { customerKey, rfm } from "../../src/engine/accounts/rfm";
import { SEGMENT_NAMES } from "../../src/i18n/segments";
import { rfmSummary } from "../../src/engine/accounts/summary";
import { uniformGenerator } from "../../src/engine/random";
import { RESULT_LABELS } from "../../src/i18n/results";
import { ACCOUNT_LABELS } from "../../src/i18n/results.accounts";
import { buildAccountsReport, CHART_CUSTOMERS } from "../../src/report/accounts";
import { Area, ReportSheet, isFormula, isLive } from "../../src/report/model";
import { Dataset } from "../../src/report/roles";
import { readSummary, readTransactions } from "../engine/accounts/cdnow";
import { DAY, serial, sheetDataset } from "./datasets";
import {
  Grid,
  Value,
  close,
  expectFormulasConsistent,
  expectWellFormed,
  formulaOf,
  keyFigure,
  tableBody,
  tableOf,
  texts,
  valueOf,
} from "./reportCheck";

const CREATED = "2025-01-15T09:00:00.000Z";

interface Orders {
  customer: string[];
  date: number[];
  amount: number[];
}

/**
 * 300 accounts ordering from 2023-07-01 to 2024-12-31: Pareto-distributed sizes, Poisson order
 * rates, late starters and churners, 6% returns, a few zero amounts, a customer written two ways,
 * and names that look like formulas.
 */
function generateOrders(accounts = 300, seed = 20240701): Orders {
  const rnd = uniformGenerator(seed);
  const first = serial(2023, 7, 1);
  const last = serial(2024, 12, 31);
  const out: Orders = { customer: [], date: [], amount: [] };
  const push = (c: string, d: number, a: number) => {
    out.customer.push(c);
    out.date.push(d);
    out.amount.push(a);
  };
  const special: Record<number, string> = {
    5: '=HYPERLINK("http://example.com")',
    6: "+Plus Trading",
    7: "北京华信科技有限公司",
    8: "@Home GmbH",
    9: "-Minus & Co",
  };
  for (let a = 0; a < accounts; a++) {
    const name = special[a] ?? `Account ${String(a + 1).padStart(3, "0")}`;
    const size = Math.min(50_000, 120 * Math.pow(1 - rnd(), -1 / 1.3));
    const perMonth = 0.2 * Math.pow(15, rnd());
    const start = rnd() < 0.7 ? first : first + Math.floor(rnd() * 450);
    const stop = rnd() < 0.25 ? start + Math.floor(rnd() * (last - start)) : last;
    let t = start + (-Math.log(1 - rnd()) * 30.4) / perMonth;
    let k = 0;
    while (t <= stop) {
      const day = Math.floor(t);
      const amount = Math.round(size * (0.4 + 1.2 * rnd()) * 100) / 100;
      // Account 011 is written two ways; every 97th order has a zero amount.
      const written = a === 10 && k % 2 === 1 ? "  ACME CORP " : a === 10 ? "Acme Corp" : name;
      push(written, day, k % 97 === 50 ? 0 : amount);
      if (rnd() < 0.06 && day + 10 <= last)
        push(
          written,
          day + 3 + Math.floor(rnd() * 7),
          -Math.round(amount * (0.2 + 0.8 * rnd()) * 100) / 100
        );
      t += (-Math.log(1 - rnd()) * 30.4) / perMonth;
      k++;
    }
  }
  // One customer with only a return: listed, but not scored.
  push("Returns Only Ltd", serial(2024, 3, 3), -250);
  return out;
}

function dataset(o: Orders, addresses = true): Dataset {
  const columns = [
    { role: "customer" as const, text: o.customer },
    { role: "date" as const, numbers: o.date },
    { role: "amount" as const, numbers: o.amount },
  ];
  return sheetDataset("accounts", "Orders", columns, addresses);
}

const orders = generateOrders();

/** [year, month (1-12), day] of an Excel serial (after 1900-02-28). */
const ymd = (d: number): [number, number, number] => {
  const t = new Date(Date.UTC(1899, 11, 30) + Math.floor(d) * DAY);
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
};

/** Excel's EDATE, written out here: the same day k months on, clipped to the month's last day. */
function edate(d: number, k: number): number {
  const [y, m, day] = ymd(d);
  const y2 = y + Math.floor((m - 1 + k) / 12);
  const m2 = ((((m - 1 + k) % 12) + 12) % 12) + 1;
  const last = new Date(Date.UTC(y2, m2, 0)).getUTCDate();
  return serial(y2, m2, Math.min(day, last));
}

interface Windows {
  prevFrom: number;
  prevTo: number;
  curFrom: number;
  curTo: number;
}

/**
 * The growth windows, computed independently: the 12 calendar months ending on the last day that
 * counts against the 12 before when the data span 24 months, else the data's two latest halves.
 */
function windowsOf(dates: readonly number[], asOf?: number): Windows {
  const days = dates.map(Math.floor).filter((d) => asOf === undefined || d <= asOf);
  const last = asOf ?? Math.max(...days);
  const first = Math.min(...days);
  if (edate(last, -24) + 1 >= first)
    return {
      prevFrom: edate(last, -24) + 1,
      prevTo: edate(last, -12),
      curFrom: edate(last, -12) + 1,
      curTo: last,
    };
  const w = Math.floor((last - first + 1) / 2);
  return { prevFrom: last - 2 * w + 1, prevTo: last - w, curFrom: last - w + 1, curTo: last };
}

type Signal = number | "new" | "lapsed" | null;

/** Growth per customer key, computed independently: a rate, new, lapsed, or null. */
function growthOf(
  o: { customer: string[]; date: number[]; amount: number[] },
  w: Windows
): Map<string, Signal> {
  const cur = new Map<string, number>();
  const prev = new Map<string, number>();
  const before = new Set<string>();
  const seen = new Set<string>();
  o.date.forEach((d, i) => {
    const day = Math.floor(d);
    const key = customerKey(o.customer[i]);
    if (day > w.curTo) return;
    seen.add(key);
    if (day >= w.curFrom) cur.set(key, (cur.get(key) ?? 0) + o.amount[i]);
    else if (day >= w.prevFrom) prev.set(key, (prev.get(key) ?? 0) + o.amount[i]);
    else if (o.amount[i] > 0) before.add(key);
  });
  const out = new Map<string, Signal>();
  for (const key of seen) {
    const p = prev.get(key) ?? 0;
    const c = cur.get(key) ?? 0;
    out.set(key, p > 0 ? (c - p) / p : c > 0 ? "new" : before.has(key) ? "lapsed" : null);
  }
  return out;
}

const pct = (x: number, signed = false) => {
  const r = Math.round(x * 1000) / 10;
  return `${r > 0 && signed ? "+" : r < 0 ? "-" : ""}${Math.abs(r).toFixed(1)}%`;
};

interface Expected {
  tier: "Core" | "Key" | "Ordinary";
  basis: string;
  shrinking: boolean;
  below: boolean;
}

/**
 * The tier rule of the issue, written out independently for rows in revenue order (largest first):
 * contribution high at a share ≥ 30%, or — when no account reaches 30% — in the A class (first 80%
 * of revenue; equal revenues share the better class); low at a share ≤ 5% in the C class (after 95%);
 * profitability: margin against Σ revenue·margin ÷ Σ revenue (known margins, revenue > 0); potential:
 * shrinking below −10% or lapsed, growing from +10%. Core: high, no weakness; key: high with one
 * weakness, medium, or low with an above-average margin and growing; ordinary: the rest. Also the
 * Tier basis text each row must show.
 */
function expectedTiers(
  revenue: readonly number[],
  margin: readonly (number | null)[] | undefined,
  growth: readonly Signal[]
): { rows: Expected[]; average: number | null; relative: boolean } {
  const total = revenue.reduce((a, b) => a + b, 0);
  const shares = revenue.map((r) => r / total);
  let cum = 0;
  const abc: string[] = [];
  revenue.forEach((r, i) => {
    cum += r;
    const c = cum / total <= 0.8 + 1e-12 ? "A" : cum / total <= 0.95 + 1e-12 ? "B" : "C";
    abc.push(i > 0 && revenue[i - 1] === r ? abc[i - 1] : c);
  });
  const relative = Math.max(...shares) < 0.3;
  let num = 0;
  let den = 0;
  revenue.forEach((r, i) => {
    const m = margin?.[i];
    if (m !== null && m !== undefined && r > 0) {
      num += r * m;
      den += r;
    }
  });
  const average = den > 0 ? num / den : null;
  const rows = revenue.map((r, i): Expected => {
    const share = shares[i];
    const high = share >= 0.3 || (relative && abc[i] === "A");
    const low = !high && share <= 0.05 && abc[i] === "C";
    const m = margin?.[i] ?? null;
    const known = m !== null && r > 0 && average !== null;
    const below = known && (m as number) < (average as number) - 1e-12;
    const above = known && (m as number) > (average as number) + 1e-12;
    const g = growth[i];
    const shrinking = g === "lapsed" || (typeof g === "number" && g < -0.1 - 1e-12);
    const growing = typeof g === "number" && g >= 0.1 - 1e-12;
    const weak = (below ? 1 : 0) + (shrinking ? 1 : 0);
    const tier = high
      ? weak === 0
        ? "Core"
        : weak === 1
          ? "Key"
          : "Ordinary"
      : !low || (above && growing)
        ? "Key"
        : "Ordinary";
    const parts = [`share ${pct(share)} (${high && !relative ? "≥ 30%" : `${abc[i]} class`})`];
    if (margin && average !== null)
      parts.push(
        known
          ? `margin ${pct(m as number)} vs ${pct(average)} avg${below ? " (below)" : ""}`
          : "margin unknown"
      );
    parts.push(
      typeof g === "number"
        ? `growth ${pct(g, true)}${shrinking ? " (shrinking)" : growing ? " (growing)" : ""}`
        : g === "new"
          ? "new (no revenue in the earlier window)"
          : g === "lapsed"
            ? "lapsed (no revenue in either window)"
            : "growth unknown"
    );
    return { tier, basis: parts.join(" · "), shrinking, below };
  });
  return { rows, average, relative };
}

describe("Accounts report on 300 generated accounts", () => {
  let sheet: ReportSheet;
  let grid: Grid;
  const ranked = pareto(orders.customer, orders.amount);
  const scored = rfm(orders.customer, orders.date, orders.amount);
  if (!ranked.ok) throw new Error(ranked.reason);
  const rows = ranked.value;
  const progress: [number, number][] = [];

  test("builds, with progress reported", async () => {
    sheet = await buildAccountsReport(dataset(orders), {
      lang: "en",
      created: CREATED,
      onProgress: (d, t) => progress.push([d, t]),
    });
    grid = new Grid(sheet);
    expect(sheet.name).toBe("KAM Accounts");
    expect(sheet.marker).toEqual({
      product: "kam-analytics",
      workflow: "accounts",
      version: 1,
      created: CREATED,
      source: `Orders!A1:C${orders.customer.length + 1}`,
    });
    expect(progress.length).toBeGreaterThan(3);
    expect(progress[progress.length - 1]).toEqual([100, 100]);
    expect(progress.every(([d], i) => i === 0 || d >= progress[i - 1][0])).toBe(true);
  });

  test("is well formed, and every formula computes its cached value", () => {
    expectWellFormed(grid);
    expect(expectFormulasConsistent(grid)).toBeGreaterThan(2 * rows.length);
  });

  test("the account table matches pareto, rfm, tiers and the CLV models called directly", () => {
    const t = tableOf(sheet, "KAM_Accounts");
    expect(t.headers).toEqual([
      "Customer",
      "Revenue",
      "Share",
      "Cumulative share",
      "ABC class",
      "Recency (days)",
      "Frequency",
      "Monetary",
      "R",
      "F",
      "M",
      "RFM",
      "Segment",
      "Growth",
      "Tier",
      "Tier basis",
      "P(alive)",
      "Expected purchases (12 months)",
      "CLV (12 months)",
    ]);
    const body = tableBody(grid, "KAM_Accounts");
    expect(body.length).toBe(rows.length);

    const byKey = new Map(scored.customers.map((c) => [customerKey(c.customer), c]));
    const growth = growthOf(orders, windowsOf(orders.date));
    const totals = rows.map((r) => r.total);
    const expected = expectedTiers(
      totals,
      undefined,
      rows.map((r) => growth.get(customerKey(r.customer)) ?? null)
    );
    expect(expected.relative).toBe(true);

    const summary = rfmSummary(orders.customer, orders.date, orders.amount, {
      asOf: scored.asOf,
      period: "months",
    }).customers;
    const x = summary.map((c) => c.frequency);
    const bg = fitBgNbd(
      x,
      summary.map((c) => c.recency),
      summary.map((c) => c.T)
    );
    const gg = fitGammaGamma(
      x,
      summary.map((c) => c.monetary)
    );
    const clv = new Map(
      summary.map((c) => [
        customerKey(c.customer),
        predictClv(bg.params, gg.params, c.frequency, c.recency, c.T, c.monetary, 12),
      ])
    );

    rows.forEach((r, i) => {
      const line = body[i];
      expect(line[0]).toBe(r.customer);
      expect(line[1]).toBe(r.total);
      expect(close(line[2] as number, r.share)).toBe(true);
      expect(close(line[3] as number, r.cumulative)).toBe(true);
      expect(line[4]).toBe(r.abc);
      const key = customerKey(r.customer);
      const c = byKey.get(key);
      if (c) {
        expect(line.slice(5, 13)).toEqual([
          c.recency,
          c.frequency,
          c.monetary,
          c.r,
          c.f,
          c.m,
          c.code,
          SEGMENT_NAMES[c.segment].en,
        ]);
      } else {
        expect(line.slice(5, 13)).toEqual(new Array(8).fill(null));
      }
      const gr = growth.get(key);
      if (typeof gr !== "number") expect(line[13]).toBeNull();
      else expect(close(line[13] as number, gr, 1e-9)).toBe(true);
      expect([line[14], line[15]]).toEqual([expected.rows[i].tier, expected.rows[i].basis]);
      const p = clv.get(key);
      if (p) {
        expect(line[16]).toBe(p.pAlive);
        expect(line[17]).toBe(p.expectedPurchases);
        expect(line[18]).toBe(p.clv);
      } else {
        expect(line.slice(16)).toEqual([null, null, null]);
      }
    });
    // Every share is under 5%: contribution by ABC class gives all three tiers; A is never ordinary
    // here (no profit column, so no account shows both weaknesses).
    const tierSet = new Set(body.map((l) => l[14]));
    expect([...tierSet].sort()).toEqual(["Core", "Key", "Ordinary"]);
    expect(body.filter((l) => l[4] === "A" && l[14] === "Ordinary")).toEqual([]);
    // The totals row sums revenue, share (= 100%), monetary, expected purchases and CLV.
    const totalsRow = grid.values({
      row: t.area.row + t.area.rows,
      column: 0,
      rows: 1,
      columns: 19,
    })[0];
    expect(totalsRow[0]).toBe("Total");
    expect(
      close(
        totalsRow[1] as number,
        totals.reduce((s, v) => s + v, 0),
        1e-12
      )
    ).toBe(true);
    expect(close(totalsRow[2] as number, 1, 1e-12)).toBe(true);
  });

  test("customer names are plain text; spellings of one customer are one row", () => {
    const cells = [...grid.cells.values()];
    const hyperlink = cells.filter((c) => valueOf(c) === '=HYPERLINK("http://example.com")');
    expect(hyperlink).toHaveLength(1);
    expect(typeof hyperlink[0]).toBe("string");
    for (const c of cells) {
      if (isFormula(c)) expect(c.formula).not.toMatch(/HYPERLINK|Plus|Minus|Home|Acme|华信/);
    }
    const body = tableBody(grid, "KAM_Accounts");
    expect(body.filter((l) => customerKey(String(l[0])) === "acme corp")).toEqual([
      expect.arrayContaining(["Acme Corp"]),
    ]);
    // The returns-only customer is listed with its negative revenue, unscored, and the note says so.
    const returns = body.find((l) => l[0] === "Returns Only Ltd");
    expect(returns?.[1]).toBe(-250);
    expect(returns?.[12]).toBeNull();
    expect(texts(sheet)).toContain(
      "1 customers have no purchase (only returns or zero amounts): no RFM scores, segment or CLV."
    );
  });

  test("key figures: customers, revenue, the top 20% share and the A accounts", () => {
    const totals = rows.map((r) => r.total);
    const share = paretoShare(totals, 0.2);
    if (!share.ok) throw new Error(share.reason);
    expect(valueOf(keyFigure(grid, "Customers"))).toBe(rows.length);
    expect(
      close(
        valueOf(keyFigure(grid, "Revenue")) as number,
        totals.reduce((s, v) => s + v, 0),
        1e-12
      )
    ).toBe(true);
    const k = Math.ceil(0.2 * rows.length);
    const top = keyFigure(grid, `Revenue share of the top 20% of customers (${k})`);
    expect(formulaOf(top)?.startsWith("=SUM(")).toBe(true);
    expect(valueOf(top)).toBe(share.value);
    const a = rows.filter((r) => r.abc === "A");
    expect(valueOf(keyFigure(grid, "A accounts (up to 80% of revenue)"))).toBe(a.length);
    expect(valueOf(keyFigure(grid, "Revenue share of the A accounts"))).toBe(
      a[a.length - 1].cumulative
    );
    const core = keyFigure(grid, "Core accounts");
    expect(formulaOf(core)).toMatch(/^=COUNTIF\(O\d+:O\d+,"Core"\)$/);
    const body = tableBody(grid, "KAM_Accounts");
    for (const [label, tier] of [
      ["Core accounts", "Core"],
      ["Key accounts", "Key"],
      ["Ordinary accounts", "Ordinary"],
    ])
      expect(valueOf(keyFigure(grid, label))).toBe(body.filter((l) => l[14] === tier).length);
    expect(sheet.figures).toEqual({
      customers: rows.length,
      revenue: valueOf(keyFigure(grid, "Revenue")),
      tiers: {
        core: body.filter((l) => l[14] === "Core").length,
        key: body.filter((l) => l[14] === "Key").length,
        ordinary: body.filter((l) => l[14] === "Ordinary").length,
      },
      tier_rule: "abc",
      profit: null,
      average_margin: null,
      clv: true,
    });
  });

  test("segment summary: COUNTIF and SUMIF over the segment column, one row per segment present", () => {
    const t = tableOf(sheet, "KAM_Segments");
    expect(t.headers).toEqual(["Segment", "Customers", "Revenue", "Share of revenue"]);
    const body = tableBody(grid, "KAM_Segments");
    const counts = new Map<string, number>();
    for (const c of scored.customers) {
      const name = SEGMENT_NAMES[c.segment].en;
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    expect(new Map(body.map((l) => [l[0] as string, l[1] as number]))).toEqual(counts);
    const first = grid.get(t.area.row + 1, 1);
    expect(formulaOf(first)).toMatch(/^=COUNTIF\(\$M\$\d+:\$M\$\d+,A\d+\)$/);
    const shares = body.reduce((s, l) => s + (l[3] as number), 0);
    expect(close(shares, 1, 1e-12)).toBe(true);
  });

  test("charts, conditional formats and frozen panes", () => {
    const t = tableOf(sheet, "KAM_Accounts");
    const data = (column: number, columns = 1): Area => ({
      row: t.area.row + 1,
      column,
      rows: rows.length,
      columns,
    });
    const [paretoChart, segments] = sheet.charts;
    expect(paretoChart.kind).toBe("pareto");
    expect(paretoChart.title).toBe(
      `Pareto: revenue by customer (top 30 of ${rows.length} customers)`
    );
    expect(paretoChart.series[0].values).toEqual({ ...data(1), rows: CHART_CUSTOMERS });
    expect(paretoChart.series[1]).toMatchObject({ secondaryAxis: true, kind: "line" });
    expect(paretoChart.series[1].values).toEqual({ ...data(3), rows: CHART_CUSTOMERS });
    expect(segments.kind).toBe("column");
    expect(sheet.conditionalFormats).toEqual([
      { kind: "dataBar", area: data(1), color: expect.any(String) },
      {
        kind: "colorScale",
        area: data(8, 3),
        min: expect.any(String),
        mid: expect.any(String),
        max: expect.any(String),
      },
      { kind: "textEquals", area: data(4), text: "A", style: expect.any(Object) },
    ]);
    expect(sheet.freeze).toEqual({ rows: t.area.row + 1, columns: 1 });
    const formatOf = (column: number) =>
      sheet.formats.find((f) => f.area.row === t.area.row + 1 && f.area.column === column)?.style
        .numberFormat;
    expect([1, 2, 3, 5, 16, 18].map(formatOf)).toEqual([
      "number",
      "percent",
      "percent",
      "integer",
      "percent",
      "number",
    ]);
  });

  test("zh-CN: Chinese sheet name, headers, segments and tiers; formulas still consistent", async () => {
    const zh = await buildAccountsReport(dataset(orders), { lang: "zh", created: CREATED });
    const g = new Grid(zh);
    expectWellFormed(g);
    expectFormulasConsistent(g);
    expect(zh.name).toBe("KAM 客户分析");
    const t = tableOf(zh, "KAM_Accounts");
    expect(t.headers.slice(0, 5)).toEqual(["客户", "收入", "占比", "累计占比", "ABC类"]);
    const body = tableBody(g, "KAM_Accounts");
    const zhSegments = new Set(Object.values(SEGMENT_NAMES).map((s) => s.zh));
    expect(body.every((l) => l[12] === null || zhSegments.has(l[12] as string))).toBe(true);
    const tierSet = new Set(body.map((l) => l[14]));
    expect([...tierSet].every((v) => ["核心", "重点", "普通"].includes(v as string))).toBe(true);
    expect(tierSet.has("核心")).toBe(true);
    expect(texts(zh).some((s) => /[\u4e00-\u9fff]/.test(s) && s.startsWith("数据来源"))).toBe(true);
  });

  test("as-of date: later transactions are left out and the note says how many", async () => {
    const asOf = serial(2024, 6, 30);
    const s = await buildAccountsReport(dataset(orders), { lang: "en", created: CREATED, asOf });
    const g = new Grid(s);
    expectWellFormed(g);
    expectFormulasConsistent(g);
    const direct = rfm(orders.customer, orders.date, orders.amount, { asOf });
    const body = tableBody(g, "KAM_Accounts");
    const recency = new Map(body.map((l) => [customerKey(String(l[0])), l[5]]));
    for (const c of direct.customers) expect(recency.get(customerKey(c.customer))).toBe(c.recency);
    expect(texts(s)).toContain(
      `${direct.afterAsOf.toLocaleString("en-US")} transactions dated after 2024-06-30 are left out.`
    );
  });

  test("live: KAM.RFM and KAM.PARETO at the table anchor; the rest refers to their spills", async () => {
    const s = await buildAccountsReport(dataset(orders), {
      lang: "en",
      created: CREATED,
      live: true,
    });
    expect(s.live).toBe(true);
    expect(s.tables.map((t) => t.name)).toEqual(["KAM_Segments"]);
    const lives = s.blocks.flatMap((b) =>
      b.cells
        .flat()
        .flatMap((c, k) => (isLive(c) ? [{ row: b.row, column: b.column + k, cell: c }] : []))
    );
    const n = orders.customer.length + 1;
    expect(lives.map((l) => l.cell.live)).toEqual([
      `=KAM.RFM(Orders!A2:A${n},Orders!B2:B${n},Orders!C2:C${n},,,TRUE)`,
      `=KAM.PARETO(Orders!A2:A${n},Orders!C2:C${n},,,TRUE)`,
    ]);
    expect(lives.map((l) => l.cell.value)).toEqual(["Customer", "Customer"]);
    // Simulate the spills with the engine's results, then check every formula and area against them.
    const rfmSpill: Value[][] = [
      [...RESULT_LABELS.en.rfmHeaders],
      ...scored.customers.map((c) => [
        c.customer,
        c.recency,
        c.frequency,
        c.monetary,
        c.r,
        c.f,
        c.m,
        c.code,
        SEGMENT_NAMES[c.segment].en,
      ]),
    ];
    const paretoSpill: Value[][] = [
      [...ACCOUNT_LABELS.en.paretoHeaders],
      ...rows.map((r) => [r.customer, r.total, r.share, r.cumulative, r.rank, r.abc]),
    ];
    const g = new Grid(s, [
      { row: lives[0].row, column: lives[0].column, values: rfmSpill },
      { row: lives[1].row, column: lives[1].column, values: paretoSpill },
    ]);
    expectWellFormed(g, true);
    expect(expectFormulasConsistent(g)).toBeGreaterThan(10);
    expect(valueOf(keyFigure(g, "Customers"))).toBe(rows.length);
    expect(texts(s).some((t) => t.startsWith("Live formulas: recipients need"))).toBe(true);

    // Without the source addresses the sheet stays portable and says why.
    const portable = await buildAccountsReport(dataset(orders, false), { lang: "en", live: true });
    expectWellFormed(new Grid(portable));
    expect(portable.live).toBeUndefined();
    expect(texts(portable).some((t) => t.startsWith("Live formulas were asked for"))).toBe(true);
  });
});

describe("Accounts report: bad and small input", () => {
  const one = (customer: string[], date: number[], amount: number[]): Dataset => ({
    ...dataset({ customer, date, amount }),
  });

  test("an empty dataset, all-zero amounts, a missing column: clear messages in both languages", async () => {
    const empty = one([], [], []);
    await expect(buildAccountsReport(empty, { lang: "en" })).rejects.toThrow(
      "The data have no rows: there is nothing to analyse."
    );
    await expect(buildAccountsReport(empty, { lang: "zh" })).rejects.toThrow(
      "数据没有任何行，无法分析。"
    );
    const zeros = one(["A", "B"], [serial(2024, 1, 1), serial(2024, 2, 1)], [0, 0]);
    // Zero amounts: no purchases (before rfm counted $0 orders as visits), or no total above 0 (since).
    await expect(buildAccountsReport(zeros, { lang: "en" })).rejects.toThrow(
      /^(No purchases: every amount|The total revenue is 0: shares)/
    );
    await expect(buildAccountsReport(zeros, { lang: "zh" })).rejects.toThrow(
      /^(没有购买记录|总收入为 0)/
    );
    const noAmount: Dataset = { ...zeros, numbers: { date: zeros.numbers.date } };
    await expect(buildAccountsReport(noAmount, { lang: "en" })).rejects.toThrow(
      "The accounts report needs a amount column."
    );
    await expect(buildAccountsReport(zeros, { lang: "en", bins: 12 })).rejects.toThrow(/bins/);
    // Purchases exist but returns outweigh them: no positive total for shares.
    const negative = one(["A", "A"], [serial(2024, 1, 1), serial(2024, 1, 5)], [10, -50]);
    await expect(buildAccountsReport(negative, { lang: "en" })).rejects.toThrow(
      /total revenue is -40: shares and the 80\/20 analysis need a total above 0/
    );
  });

  test("a single customer: a sheet without CLV columns and a note why; never NaN", async () => {
    const days = Array.from({ length: 12 }, (_, k) => serial(2024, k + 1, 10));
    const s = await buildAccountsReport(
      one(
        days.map(() => "Solo AG"),
        days,
        days.map((_, k) => 100 + k)
      ),
      { lang: "en" }
    );
    const g = new Grid(s);
    expectWellFormed(g);
    expectFormulasConsistent(g);
    const t = tableOf(s, "KAM_Accounts");
    expect(t.headers).not.toContain("CLV (12 months)");
    expect(texts(s)).toContain(
      "P(alive), expected purchases and CLV are left out: only 1 customers bought more than once (the models need at least 10)."
    );
    const body = tableBody(g, "KAM_Accounts");
    expect(body).toHaveLength(1);
    expect(body[0].slice(0, 5)).toEqual(["Solo AG", 1266, 1, 1, "C"]);
    expect(body[0][14]).toBe("Core");
  });

  test("one day of data: no growth window, tiers by share; still well formed", async () => {
    const d = serial(2024, 5, 5);
    const s = await buildAccountsReport(one(["A", "B", "C"], [d, d, d], [50, 30, 20]), {
      lang: "zh",
    });
    const g = new Grid(s);
    expectWellFormed(g);
    expectFormulasConsistent(g);
    expect(texts(s)).toContain(
      "增长率至少需要两天的数据，因此留空，客户层级按收入贡献和毛利率划分。"
    );
    // 50/30/20: the first reaches 30%: absolute shares; the others are medium (above 5%).
    expect(tableBody(g, "KAM_Accounts").map((l) => [l[13], l[14], l[15]])).toEqual([
      [null, "核心", "占比 50.0%（≥ 30%） · 增长未知"],
      [null, "核心", "占比 30.0%（≥ 30%） · 增长未知"],
      [null, "重点", "占比 20.0%（C 类） · 增长未知"],
    ]);
  });
});

describe("Accounts report on CDNOW (Fader, Hardie & Lee 2005)", () => {
  const tx = readTransactions();
  const o: Orders = {
    customer: tx.customer.map(String),
    date: tx.date,
    amount: tx.amount,
  };
  const asOf = serial(1997, 9, 30);

  test("P(alive) and expected purchases agree with the published BG/NBD fit of the calibration period", async () => {
    const s = await buildAccountsReport(dataset(o), { lang: "en", created: CREATED, asOf });
    const g = new Grid(s);
    expectWellFormed(g);
    expectFormulasConsistent(g);
    const body = tableBody(g, "KAM_Accounts");
    expect(body).toHaveLength(2357);
    // Published: r = 0.2426, alpha = 4.4135, a = 0.7929, b = 2.4259 (weeks), on the summary file.
    const published = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4259 };
    const summary = readSummary();
    const row = new Map(body.map((l) => [String(l[0]), l]));
    let worst = 0;
    let worstExpected = 0;
    summary.id.forEach((id, i) => {
      const line = row.get(String(id));
      if (!line) throw new Error(`customer ${id} missing`);
      const p = probabilityAlive(published, summary.x[i], summary.tx[i], summary.T[i]);
      worst = Math.max(worst, Math.abs((line[16] as number) - p));
      // 12 months = 52.18 weeks; expected purchases do not depend on the time unit (every 7th).
      if (i % 7 !== 0) return;
      const e = expectedPurchases(
        published,
        summary.x[i],
        summary.tx[i],
        summary.T[i],
        (12 * 365.25) / 12 / 7
      );
      worstExpected = Math.max(
        worstExpected,
        Math.abs((line[17] as number) - e) / Math.max(e, 0.01)
      );
    });
    expect(worst).toBeLessThan(0.01);
    expect(worstExpected).toBeLessThan(0.01);
    // Customers by revenue up to the as-of date (ties in order of first appearance), computed here.
    const revenue = new Map<string, number>();
    o.customer.forEach((c, i) => {
      if (o.date[i] <= asOf) revenue.set(c, (revenue.get(c) ?? 0) + o.amount[i]);
    });
    const order = [...revenue.keys()];
    const byRevenue = order
      .map((c, k) => ({ c, k, v: revenue.get(c) ?? 0 }))
      .sort((p, q) => q.v - p.v || p.k - q.k);
    const revenues = body.map((l) => l[1] as number);
    expect(revenues.every((v, k) => close(v, byRevenue[k].v, 1e-9))).toBe(true);
    expect(new Set(body.map((l) => l[0]))).toEqual(new Set(order));
    // And exactly what the engine's RFM gives on the same transactions.
    const direct = rfm(o.customer, o.date, o.amount, { asOf });
    const byKey = new Map(direct.customers.map((c) => [String(c.customer), c]));
    const codes = body.map((l) => l[11]);
    expect(codes).toEqual(body.map((l) => byKey.get(String(l[0]))?.code ?? null));
    expect(codes.filter((c) => c === null).length).toBe(body.length - direct.customers.length);
    expect(texts(s)).toContain(
      `${direct.afterAsOf.toLocaleString("en-US")} transactions dated after 1997-09-30 are left out.`
    );
  });
});

interface Base extends Orders {
  profit: (number | null)[];
}

/**
 * A customer base shaped like a real one: 500 customers ordering from 2022-01-01 to 2024-12-31 with
 * Pareto-distributed sizes (the largest near 8% of revenue), stable, growing, shrinking, new and
 * lapsed customers, 4% returns; profit on every order for most customers, on some orders for a few
 * and on none for the rest. Planted among the largest: Atlas (stable, good margin), Borealis
 * (shrinking, thin margin), Cobalt (shrinking, good margin), Delta (stable, thin margin), Echo (no
 * profit figures); and customers with orders exactly on the growth windows' first and last days.
 */
function customerBase(customers = 500, seed = 20220101): Base {
  const rnd = uniformGenerator(seed);
  const first = serial(2022, 1, 1);
  const last = serial(2024, 12, 31);
  const out: Base = { customer: [], date: [], amount: [], profit: [] };
  const push = (c: string, d: number, a: number, p: number | null) => {
    out.customer.push(c);
    out.date.push(d);
    out.amount.push(a);
    out.profit.push(p);
  };
  const round2 = (x: number) => Math.round(x * 100) / 100;
  const yearOf = (d: number) => ymd(d)[0];
  type Kind = "stable" | "growing" | "shrinking" | "new" | "lapsed";
  const account = (
    name: string,
    perYear: number,
    ordersPerYear: number,
    kind: Kind,
    margin: number,
    profitMode: "all" | "partial" | "none",
    steady = false
  ) => {
    const factor = (year: number) =>
      kind === "growing" && year === 2024 ? 1.6 : kind === "shrinking" && year === 2024 ? 0.45 : 1;
    const start = kind === "new" ? serial(2024, 1, 1) + Math.floor(rnd() * 200) : first;
    const stop = kind === "lapsed" ? serial(2022, 3, 1) + Math.floor(rnd() * 250) : last;
    // Poisson orders of uniform size; the planted accounts order weekly, with little noise.
    const gap = () => (steady ? 7 : (-Math.log(1 - rnd()) * 365) / ordersPerYear);
    let t = start + (steady ? 0 : gap());
    while (t <= stop) {
      const day = Math.floor(t);
      const size = steady
        ? (perYear / 52) * (0.9 + 0.2 * rnd())
        : (perYear / ordersPerYear) * (0.5 + rnd());
      const amount = round2(size * factor(yearOf(day)));
      const known = profitMode === "all" || (profitMode === "partial" && rnd() < 0.5);
      push(name, day, amount, known ? round2(amount * margin * (0.8 + 0.4 * rnd())) : null);
      if (rnd() < 0.04 && day + 10 <= last) {
        const back = -round2(amount * (0.2 + 0.6 * rnd()));
        push(name, day + 3 + Math.floor(rnd() * 7), back, known ? round2(back * margin) : null);
      }
      t += gap();
    }
  };
  // The planted large accounts, ahead of the base.
  push("Atlas Holdings", first, 20_000, 6_000);
  account("Atlas Holdings", 600_000, 52, "stable", 0.3, "all", true);
  account("Borealis Trading", 560_000, 52, "shrinking", 0.05, "all", true);
  account("Cobalt Works", 520_000, 52, "shrinking", 0.35, "all", true);
  account("Delta Foods", 480_000, 52, "stable", 0.04, "all", true);
  account("Echo Retail", 440_000, 52, "stable", 0, "none", true);
  for (let a = 0; a < customers; a++) {
    const perYear = Math.min(300_000, 2_000 * Math.pow(1 - rnd(), -1 / 1.2));
    const ordersPerYear = Math.min(36, 1 + Math.sqrt(perYear / 1_000));
    const u = rnd();
    const kind: Kind =
      u < 0.15
        ? "shrinking"
        : u < 0.3
          ? "growing"
          : u < 0.37
            ? "new"
            : u < 0.42
              ? "lapsed"
              : "stable";
    const v = rnd();
    const profitMode = v < 0.65 ? "all" : v < 0.72 ? "partial" : "none";
    account(
      `Customer ${String(a + 1).padStart(4, "0")}`,
      perYear,
      ordersPerYear,
      kind,
      0.05 + 0.35 * rnd(),
      profitMode
    );
  }
  // Orders on the first days of the windows 2023 and 2024 (and of 2022-07-01 / 2023-07-01 for an
  // as-of date of 2024-06-30), and on their last days.
  push("Day One Ltd", serial(2023, 1, 1), 1_000, 200);
  push("Day One Ltd", serial(2024, 1, 1), 1_500, 300);
  push("Last Day Ltd", serial(2023, 12, 31), 800, 80);
  push("Last Day Ltd", serial(2024, 12, 31), 400, 40);
  push("Mid Year Ltd", serial(2022, 7, 1), 1_000, 100);
  push("Mid Year Ltd", serial(2023, 7, 1), 1_200, 120);
  return out;
}

function baseDataset(o: Base): Dataset {
  return sheetDataset("accounts", "Orders", [
    { role: "customer", text: o.customer },
    { role: "date", numbers: o.date },
    { role: "amount", numbers: o.amount },
    { role: "profit", sparse: o.profit },
  ]);
}

describe("Accounts report on a customer base shaped like a real one (500 customers, profit)", () => {
  const base = customerBase();
  let sheet: ReportSheet;
  let grid: Grid;
  let body: Value[][];
  let at: (header: string) => number;

  // Independent per-customer totals, in revenue order (ties by first appearance).
  const keys: string[] = [];
  const revenue = new Map<string, number>();
  const profit = new Map<string, number>();
  const profitRevenue = new Map<string, number>();
  const blank = new Map<string, number>();
  base.customer.forEach((c, i) => {
    const key = customerKey(c);
    if (!revenue.has(key)) keys.push(key);
    revenue.set(key, (revenue.get(key) ?? 0) + base.amount[i]);
    const p = base.profit[i];
    if (p === null) blank.set(key, (blank.get(key) ?? 0) + 1);
    else {
      profit.set(key, (profit.get(key) ?? 0) + p);
      profitRevenue.set(key, (profitRevenue.get(key) ?? 0) + base.amount[i]);
    }
  });
  const order = keys
    .map((k, i) => ({ k, i, v: revenue.get(k) ?? 0 }))
    .sort((p, q) => q.v - p.v || p.i - q.i)
    .map((x) => x.k);
  const total = order.reduce((s, k) => s + (revenue.get(k) ?? 0), 0);
  const marginOf = (k: string): number | null => {
    const pr = profitRevenue.get(k);
    return pr !== undefined && pr > 0 ? (profit.get(k) ?? 0) / pr : null;
  };
  const windows = windowsOf(base.date);
  const growth = growthOf(base, windows);
  const expected = expectedTiers(
    order.map((k) => revenue.get(k) ?? 0),
    order.map(marginOf),
    order.map((k) => growth.get(k) ?? null)
  );

  beforeAll(async () => {
    sheet = await buildAccountsReport(baseDataset(base), { lang: "en", created: CREATED });
    grid = new Grid(sheet);
    body = tableBody(grid, "KAM_Accounts");
    const headers = tableOf(sheet, "KAM_Accounts").headers;
    at = (h: string) => {
      const k = headers.indexOf(h);
      if (k < 0) throw new Error(`no column ${h}`);
      return k;
    };
  });

  test("well formed; every formula computes its cached value", () => {
    expectWellFormed(grid);
    // Share, cumulative share and (where the profit is complete) margin per row, and more.
    expect(expectFormulasConsistent(grid)).toBeGreaterThan(2.5 * order.length);
    expect(tableOf(sheet, "KAM_Accounts").headers.slice(13, 19)).toEqual([
      "Growth",
      "Profit",
      "Margin",
      "Profit class",
      "Tier",
      "Tier basis",
    ]);
  });

  test("the data are shaped like a real base: no account near 30%, a Pareto-like spread", () => {
    const shares = order.map((k) => (revenue.get(k) ?? 0) / total);
    expect(order.length).toBeGreaterThan(450);
    expect(shares[0]).toBeLessThan(0.1);
    // The top 20% of customers hold most of the revenue.
    const top = shares.slice(0, Math.ceil(order.length / 5)).reduce((a, b) => a + b, 0);
    expect(top).toBeGreaterThan(0.6);
    expect(body.map((l) => customerKey(String(l[0])))).toEqual(order);
    body.forEach((l, i) => expect(close(l[1] as number, revenue.get(order[i]) ?? 0)).toBe(true));
  });

  test("the growth windows are 2024 against 2023, their first days included", () => {
    expect(windows).toEqual({
      prevFrom: serial(2023, 1, 1),
      prevTo: serial(2023, 12, 31),
      curFrom: serial(2024, 1, 1),
      curTo: serial(2024, 12, 31),
    });
    expect(texts(sheet)).toContain(
      "Growth = each customer's revenue 2024-01-01 – 2024-12-31 against 2023-01-01 – 2023-12-31 (the last 12 months against the 12 before; first and last days included); empty for customers without revenue in the earlier window."
    );
    const row = (name: string) => body.find((l) => l[0] === name) ?? [];
    // 1,000 on 2023-01-01 against 1,500 on 2024-01-01; 800 on 2023-12-31 against 400 on 2024-12-31.
    expect(row("Day One Ltd")[at("Growth")]).toBe(0.5);
    expect(row("Last Day Ltd")[at("Growth")]).toBe(-0.5);
    expect(row("Day One Ltd")[at("Tier basis")]).toMatch(/ · growth \+50\.0% \(growing\)$/);
    body.forEach((l, i) => {
      const g = growth.get(order[i]);
      if (typeof g === "number") expect(close(l[at("Growth")] as number, g, 1e-12)).toBe(true);
      else expect(l[at("Growth")]).toBeNull();
    });
  });

  test("every tier and its basis follow the rule, computed here", () => {
    expect(expected.relative).toBe(true);
    body.forEach((l, i) => {
      expect([l[0], l[at("Tier")], l[at("Tier basis")]]).toEqual([
        l[0],
        expected.rows[i].tier,
        expected.rows[i].basis,
      ]);
    });
    expect(sheet.figures?.tier_rule).toBe("abc");
    expect(body[0][at("Tier basis")]).toMatch(
      /^share \d+\.\d% \(A class\) · margin \d+\.\d% vs \d+\.\d% avg · growth [+-]\d+\.\d%/
    );
  });

  test("the largest accounts are never ordinary unless both less profitable than average and shrinking", () => {
    const top = body.slice(0, 100);
    top.forEach((l, i) => {
      if (l[at("Tier")] === "Ordinary") {
        expect(expected.rows[i].below && expected.rows[i].shrinking).toBe(true);
      }
    });
    // Most of them are in the A class (high contribution): core exactly when neither weak.
    expect(top.filter((l) => l[4] === "A").length).toBeGreaterThan(80);
    top.forEach((l, i) => {
      if (l[4] === "A")
        expect(l[at("Tier")] === "Core").toBe(
          !expected.rows[i].below && !expected.rows[i].shrinking
        );
    });
    const tierOf = (name: string) => body.find((l) => l[0] === name)?.[at("Tier")];
    expect(
      ["Atlas Holdings", "Borealis Trading", "Cobalt Works", "Delta Foods", "Echo Retail"].map(
        tierOf
      )
    ).toEqual(["Core", "Ordinary", "Key", "Key", "Core"]);
    const basis = (name: string) => String(body.find((l) => l[0] === name)?.[at("Tier basis")]);
    expect(basis("Borealis Trading")).toMatch(/avg \(below\) · growth -\d+\.\d% \(shrinking\)$/);
    expect(basis("Echo Retail")).toMatch(/\(A class\) · margin unknown · growth /);
    // Of the top 100, exactly the A-class ones with both weaknesses are ordinary (a B-class one is
    // key: medium contribution); the key ones in the A class have exactly one weakness.
    const bothWeak = top.filter(
      (l, i) => l[4] === "A" && expected.rows[i].below && expected.rows[i].shrinking
    ).length;
    expect(top.filter((l) => l[at("Tier")] === "Ordinary").length).toBe(bothWeak);
    top.forEach((l, i) => {
      if (l[at("Tier")] === "Key" && l[4] === "A")
        expect(Number(expected.rows[i].below) + Number(expected.rows[i].shrinking)).toBe(1);
    });
  });

  test("profit, margin and the 80/20 of profit, computed here", () => {
    body.forEach((l, i) => {
      const k = order[i];
      const p = profit.get(k);
      if (p === undefined) {
        expect([l[at("Profit")], l[at("Margin")], l[at("Profit class")]]).toEqual([
          null,
          null,
          null,
        ]);
        return;
      }
      expect(close(l[at("Profit")] as number, p, 1e-9)).toBe(true);
      const m = marginOf(k);
      if (m === null) expect(l[at("Margin")]).toBeNull();
      else expect(close(l[at("Margin")] as number, m, 1e-9)).toBe(true);
    });
    // A margin formula (=profit/revenue) exactly where the customer's every order has a profit.
    const t = tableOf(sheet, "KAM_Accounts");
    body.forEach((_, i) => {
      const cell = grid.get(t.area.row + 1 + i, at("Margin"));
      const complete =
        profit.has(order[i]) && !blank.has(order[i]) && (revenue.get(order[i]) ?? 0) > 0;
      expect(formulaOf(cell) !== undefined).toBe(complete);
    });
    // Profit classes: customers with profit by profit (ties in revenue order), A up to 80%.
    const withProfit = order
      .map((k, r) => ({ k, r, p: profit.get(k) }))
      .filter((x): x is { k: string; r: number; p: number } => x.p !== undefined)
      .sort((a, b) => b.p - a.p || a.r - b.r);
    const profitTotal = withProfit.reduce((s, x) => s + x.p, 0);
    let cum = 0;
    const klass = new Map<string, string>();
    for (const x of withProfit) {
      cum += x.p;
      klass.set(
        x.k,
        cum / profitTotal <= 0.8 + 1e-12 ? "A" : cum / profitTotal <= 0.95 + 1e-12 ? "B" : "C"
      );
    }
    body.forEach((l, i) => expect(l[at("Profit class")]).toBe(klass.get(order[i]) ?? null));
    const aCount = [...klass.values()].filter((c) => c === "A").length;
    expect(aCount).toBeLessThan(withProfit.length / 2);
    expect(valueOf(keyFigure(grid, "Customers making 80% of profit (profit class A)"))).toBe(
      aCount
    );
    expect(close(valueOf(keyFigure(grid, "Profit")) as number, profitTotal, 1e-9)).toBe(true);
    // Some customers lack profit figures: the average is a value, Σ revenue·margin ÷ Σ revenue.
    const average = keyFigure(grid, "Average margin (revenue-weighted)");
    expect(formulaOf(average)).toBeUndefined();
    expect(close(valueOf(average) as number, expected.average ?? NaN, 1e-12)).toBe(true);
  });

  test("figures and warnings for kam report --json", () => {
    const partial = order.filter((k) => profit.has(k) && blank.has(k)).length;
    const missing = order.filter((k) => !profit.has(k)).length;
    const count = (t: string) => body.filter((l) => l[at("Tier")] === t).length;
    expect(sheet.figures).toEqual({
      customers: order.length,
      revenue: valueOf(keyFigure(grid, "Revenue")),
      tiers: { core: count("Core"), key: count("Key"), ordinary: count("Ordinary") },
      tier_rule: "abc",
      profit: valueOf(keyFigure(grid, "Profit")),
      average_margin: valueOf(keyFigure(grid, "Average margin (revenue-weighted)")),
      clv: tableOf(sheet, "KAM_Accounts").headers.includes("CLV (12 months)"),
    });
    const w = sheet.warnings ?? [];
    expect(w).toContain(
      `${partial} customers have a profit figure on only some of their orders: their profit and margin are over those orders.`
    );
    expect(w).toContain(
      `${missing} customers have no profit figure: their margin is unknown and does not count against them.`
    );
    expect(w.some((t) => t.includes("no customer reaches 30% of revenue"))).toBe(true);
    // Every warning is on the sheet.
    for (const t of w) expect(texts(sheet)).toContain(t);
    expect(w).not.toContain(texts(sheet).find((t) => t.startsWith("Share = revenue")));
  });

  test("with an as-of date the windows end on it: orders on 2022-07-01 and 2023-07-01 count", async () => {
    const asOf = serial(2024, 6, 30);
    const s = await buildAccountsReport(baseDataset(base), { lang: "en", created: CREATED, asOf });
    const g = new Grid(s);
    expectWellFormed(g);
    expectFormulasConsistent(g);
    const w = windowsOf(base.date, asOf);
    expect(w).toEqual({
      prevFrom: serial(2022, 7, 1),
      prevTo: serial(2023, 6, 30),
      curFrom: serial(2023, 7, 1),
      curTo: serial(2024, 6, 30),
    });
    const rows = tableBody(g, "KAM_Accounts");
    const col = tableOf(s, "KAM_Accounts").headers.indexOf("Growth");
    expect(rows.find((l) => l[0] === "Mid Year Ltd")?.[col]).toBeCloseTo(0.2, 12);
    const direct = growthOf(base, w);
    for (const l of rows) {
      const gr = direct.get(customerKey(String(l[0])));
      if (typeof gr === "number") expect(close(l[col] as number, gr, 1e-12)).toBe(true);
      else expect(l[col]).toBeNull();
    }
  });

  test("zh-CN: profit columns, tiers and their basis in Chinese; formulas still consistent", async () => {
    const zh = await buildAccountsReport(baseDataset(base), { lang: "zh", created: CREATED });
    const g = new Grid(zh);
    expectWellFormed(g);
    expectFormulasConsistent(g);
    const headers = tableOf(zh, "KAM_Accounts").headers;
    expect(headers.slice(13, 19)).toEqual([
      "增长率",
      "利润",
      "毛利率",
      "利润ABC类",
      "客户层级",
      "分级依据",
    ]);
    const rows = tableBody(g, "KAM_Accounts");
    const zhTier = { Core: "核心", Key: "重点", Ordinary: "普通" };
    rows.forEach((l, i) => expect(l[17]).toBe(zhTier[expected.rows[i].tier]));
    const day = rows.find((l) => l[0] === "Day One Ltd");
    expect(day?.[18]).toMatch(
      /^占比 0\.0%（C 类） · 毛利率 20\.0%，平均 \d+\.\d%（低于平均） · 增长 \+50\.0%（增长）$/
    );
  });

  test("options: thresholds reach the rule and its note; bad values are refused", async () => {
    // With highShare 5% the largest account (about 8%) reaches it: absolute shares.
    const s = await buildAccountsReport(baseDataset(base), {
      lang: "en",
      created: CREATED,
      highShare: 0.05,
      lowShare: 0.001,
      shrinkingGrowth: -0.3,
      growingGrowth: 0.2,
    });
    expect(s.figures?.tier_rule).toBe("share");
    expect(texts(s)).toContain(
      "Tier, by the practice's value assessment of contribution, profitability and potential. Contribution: high at a revenue share ≥ 5%, low at a share ≤ 0.1% in the C class, medium otherwise."
    );
    expect(texts(s).some((t) => t.startsWith("Potential: growth below -30%, or no revenue"))).toBe(
      true
    );
    await expect(
      buildAccountsReport(baseDataset(base), { lang: "en", highShare: 0.05, lowShare: 0.05 })
    ).rejects.toThrow("The option lowShare must be 0 ≤ x < highShare.");
    await expect(
      buildAccountsReport(baseDataset(base), { lang: "en", shrinkingGrowth: 0.2 })
    ).rejects.toThrow("The option growingGrowth must be shrinkingGrowth ≤ x ≤ 10.");
  });
});
