// The Accounts report builder on a generated order history (300 accounts × 18 months with returns) and
// on CDNOW: cells against independent engine calls, every formula against its cached value, layout.
import { describe, expect, test } from "@jest/globals";
import {
  expectedPurchases,
  fitBgNbd,
  fitGammaGamma,
  predictClv,
  probabilityAlive,
} from "../../src/engine/accounts/clv";
import { pareto, paretoShare } from "../../src/engine/accounts/pareto";
import { customerKey, rfm } from "../../src/engine/accounts/rfm";
import { SEGMENT_NAMES } from "../../src/engine/accounts/segments";
import { rfmSummary } from "../../src/engine/accounts/summary";
import { tiers } from "../../src/engine/accounts/tier";
import { uniformGenerator } from "../../src/engine/random";
import { RESULT_LABELS } from "../../src/i18n/results";
import { ACCOUNT_LABELS } from "../../src/i18n/results.accounts";
import { buildAccountsReport, CHART_CUSTOMERS } from "../../src/report/accounts";
import { Area, ReportSheet, isFormula, isLive } from "../../src/report/model";
import { Dataset } from "../../src/report/roles";
import { readSummary, readTransactions } from "../engine/accounts/cdnow";
import { serial, sheetDataset } from "./datasets";
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

/** Growth per customer computed independently: later half (≤ 365 days) against the half before. */
function growthOf(o: Orders, asOf: number): Map<string, number> {
  const firstDay = Math.min(...o.date.map(Math.floor));
  const w = Math.min(365, Math.floor((asOf - firstDay) / 2));
  const cur = new Map<string, number>();
  const prev = new Map<string, number>();
  o.date.forEach((d, i) => {
    const day = Math.floor(d);
    const key = customerKey(o.customer[i]);
    if (day > asOf - w && day <= asOf) cur.set(key, (cur.get(key) ?? 0) + o.amount[i]);
    else if (day > asOf - 2 * w && day <= asOf - w)
      prev.set(key, (prev.get(key) ?? 0) + o.amount[i]);
  });
  const out = new Map<string, number>();
  for (const [key, p] of prev) if (p !== 0) out.set(key, ((cur.get(key) ?? 0) - p) / Math.abs(p));
  return out;
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
      "P(alive)",
      "Expected purchases (12 months)",
      "CLV (12 months)",
    ]);
    const body = tableBody(grid, "KAM_Accounts");
    expect(body.length).toBe(rows.length);

    const byKey = new Map(scored.customers.map((c) => [customerKey(c.customer), c]));
    const growth = growthOf(orders, scored.asOf);
    const totals = rows.map((r) => r.total);
    const g = rows.map((r) => growth.get(customerKey(r.customer)) ?? 0);
    const tiered = tiers(totals, g, g);
    if (!tiered.ok) throw new Error(tiered.reason);

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
      if (gr === undefined) expect(line[13]).toBeNull();
      else expect(close(line[13] as number, gr, 1e-9)).toBe(true);
      expect(line[14]).toBe(ACCOUNT_LABELS.en.tiers[tiered.rows[i].tier]);
      const p = clv.get(key);
      if (p) {
        expect(line[15]).toBe(p.pAlive);
        expect(line[16]).toBe(p.expectedPurchases);
        expect(line[17]).toBe(p.clv);
      } else {
        expect(line.slice(15)).toEqual([null, null, null]);
      }
    });
    // With every share under 5%, growth against the weighted average splits core from ordinary.
    const tierSet = new Set(body.map((l) => l[14]));
    expect(tierSet.has("Core") && tierSet.has("Ordinary")).toBe(true);
    // The totals row sums revenue, share (= 100%), monetary, expected purchases and CLV.
    const totalsRow = grid.values({
      row: t.area.row + t.area.rows,
      column: 0,
      rows: 1,
      columns: 18,
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
    expect([1, 2, 3, 5, 15, 17].map(formatOf)).toEqual([
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
    await expect(buildAccountsReport(zeros, { lang: "en" })).rejects.toThrow(
      /^No purchases: every amount/
    );
    await expect(buildAccountsReport(zeros, { lang: "zh" })).rejects.toThrow(/^没有购买记录/);
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
    expect(texts(s)).toContain("增长率至少需要两天的数据，因此留空，客户层级仅按收入占比划分。");
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
      worst = Math.max(worst, Math.abs((line[15] as number) - p));
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
        Math.abs((line[16] as number) - e) / Math.max(e, 0.01)
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
