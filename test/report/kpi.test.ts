// The KPI report builder on a generated three-year order history with tiers, satisfaction scores and
// market sizes: per-period counts and rates against an independent computation, every formula
// against its cached value, live mode, both languages and bad input.
import { describe, expect, test } from "@jest/globals";
import { uniformGenerator } from "../../src/engine/random";
import { isLive, ReportSheet } from "../../src/report/model";
import { buildKpiReport } from "../../src/report/kpi";
import { Dataset } from "../../src/report/roles";
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

const yearOf = (s: number) => new Date(Date.UTC(1899, 11, 30) + s * DAY).getUTCFullYear();

interface History {
  customer: string[];
  date: number[];
  amount: number[];
  tier: string[];
  satisfaction: (number | null)[];
  marketSize: (number | null)[];
}

const MARKET: Record<number, number> = { 2022: 40_000_000, 2023: 44_000_000, 2024: 47_500_000 };

/** 150 accounts ordering 2022–2024: late starters, churners, accounts that pause a year and come
 *  back, returns, a tier per account (Core / Key / Ordinary, some in Chinese, one "A"), a 0–10
 *  satisfaction score on some orders (null = a blank cell otherwise) and the year's market size (a few rows blank). */
function generate(accounts = 150, seed = 424242): History {
  const rnd = uniformGenerator(seed);
  const h: History = {
    customer: [],
    date: [],
    amount: [],
    tier: [],
    satisfaction: [],
    marketSize: [],
  };
  const first = serial(2022, 1, 1);
  const last = serial(2024, 12, 31);
  const tiers = ["Core", "Key", "Ordinary", "Ordinary", "核心", "普通", "A", "  key "];
  for (let a = 0; a < accounts; a++) {
    const name = `Client ${a + 1}`;
    const tier = tiers[Math.floor(rnd() * tiers.length)];
    const size = 500 * Math.pow(1 - rnd(), -0.7);
    const start = rnd() < 0.6 ? first : first + Math.floor(rnd() * 900);
    const stop = rnd() < 0.3 ? start + Math.floor(rnd() * (last - start)) : last;
    const pauseYear = rnd() < 0.15 ? 2023 : 0;
    for (let t = start + Math.floor(rnd() * 60); t <= stop; t += 10 + Math.floor(rnd() * 80)) {
      if (yearOf(t) === pauseYear) continue;
      const amount =
        rnd() < 0.05 ? -Math.round(size * 30) / 100 : Math.round(size * (50 + 100 * rnd())) / 100;
      h.customer.push(name);
      h.date.push(t);
      h.amount.push(amount);
      h.tier.push(tier);
      h.satisfaction.push(
        rnd() < 0.3 ? Math.min(10, Math.floor(rnd() * 4 + (tier === "Core" ? 7 : 5))) : null
      );
      h.marketSize.push(h.customer.length % 23 === 0 ? null : MARKET[yearOf(t)]);
    }
  }
  return h;
}

function dataset(
  h: History,
  roles: { tier?: boolean; satisfaction?: boolean; market?: boolean } = {}
): Dataset {
  // Optional number roles come as the source reader gives them: null where the cell is blank.
  return sheetDataset("kpi", "History", [
    { role: "customer", text: h.customer },
    { role: "date", numbers: h.date },
    { role: "amount", numbers: h.amount },
    roles.tier === false ? undefined : { role: "tier", text: h.tier },
    roles.satisfaction === false ? undefined : { role: "satisfaction", sparse: h.satisfaction },
    roles.market === false ? undefined : { role: "marketSize", sparse: h.marketSize },
  ]);
}

const history = generate();
const KEY = new Set(["core", "key", "核心", "重点", "a"]);

interface Expected {
  label: string;
  customers: number;
  added: number;
  returning: number;
  retained: number | null;
  lost: number | null;
  retention: number | null;
  churn: number | null;
  revenue: number;
  growth: number | null;
  keyRevenue: number;
  keyShare: number;
  market: number;
  marketShare: number;
  satisfaction: number;
  csat: number;
  nps: number;
}

/** The KPIs per calendar year, computed independently of the engine. */
function expectedByYear(h: History): Expected[] {
  const years = [2022, 2023, 2024];
  const active = years.map(
    (y) => new Set(h.customer.filter((_, i) => yearOf(h.date[i]) === y && h.amount[i] > 0))
  );
  const seen = new Set<string>();
  return years.map((y, k) => {
    const rows = h.customer.map((_, i) => i).filter((i) => yearOf(h.date[i]) === y);
    const revenue = rows.reduce((s, i) => s + h.amount[i], 0);
    const keyRevenue = rows
      .filter((i) => KEY.has(h.tier[i].trim().toLowerCase()))
      .reduce((s, i) => s + h.amount[i], 0);
    const now = active[k];
    const before = k > 0 ? active[k - 1] : undefined;
    const added = [...now].filter((c) => !seen.has(c)).length;
    const retained = before ? [...now].filter((c) => before.has(c)).length : null;
    const lost = before ? [...before].filter((c) => !now.has(c)).length : null;
    for (const c of now) seen.add(c);
    const scores = rows.flatMap((i) => h.satisfaction[i] ?? []);
    const prevRevenue = k > 0 ? expectedRevenue(h, years[k - 1]) : 0;
    return {
      label: String(y),
      customers: now.size,
      added,
      returning: now.size - added - (retained ?? 0),
      retained,
      lost,
      retention: before && retained !== null ? retained / before.size : null,
      churn: before && lost !== null ? lost / before.size : null,
      revenue,
      growth: k > 0 ? (revenue - prevRevenue) / Math.abs(prevRevenue) : null,
      keyRevenue,
      keyShare: keyRevenue / revenue,
      market: MARKET[y],
      marketShare: revenue / MARKET[y],
      satisfaction: scores.reduce((s, v) => s + v, 0) / scores.length,
      csat: scores.filter((s) => s >= 9).length / scores.length,
      nps:
        ((scores.filter((s) => s >= 9).length - scores.filter((s) => s <= 6).length) /
          scores.length) *
        100,
    };
  });
}
function expectedRevenue(h: History, y: number): number {
  return h.amount.filter((_, i) => yearOf(h.date[i]) === y).reduce((s, v) => s + v, 0);
}

const table = (sheet: ReportSheet) => tableOf(sheet, "KAM_KPIs");
const body = (grid: Grid) => tableBody(grid, "KAM_KPIs");
const near = (got: Value, want: number | null) =>
  want === null ? got === null : typeof got === "number" && close(got, want, 1e-12);

describe("KPI report on a generated three-year history", () => {
  let sheet: ReportSheet;
  let grid: Grid;
  const expected = expectedByYear(history);

  test("default grain: years (the data cover 36 months); well formed; formulas consistent", async () => {
    sheet = await buildKpiReport(dataset(history), { lang: "en", created: "2025-01-15T00:00:00Z" });
    grid = new Grid(sheet);
    expect(sheet.name).toBe("KAM KPIs");
    expect(sheet.marker.workflow).toBe("kpi");
    expectWellFormed(grid);
    expect(expectFormulasConsistent(grid)).toBeGreaterThan(10);
    expect(table(sheet).headers).toEqual([
      "Period",
      "Customers",
      "New",
      "Returning",
      "Retained",
      "Lost",
      "Retention",
      "Churn",
      "Revenue",
      "Growth",
      "Key-account revenue",
      "Key-account share",
      "Market size",
      "Market share",
      "Satisfaction",
      "CSAT (≥ 9)",
      "NPS",
    ]);
  });

  test("every period's counts and rates match an independent computation", () => {
    const rows = body(grid);
    expect(rows.map((r) => r[0])).toEqual(["2022", "2023", "2024"]);
    rows.forEach((r, k) => {
      const e = expected[k];
      expect(r.slice(1, 6)).toEqual([e.customers, e.added, e.returning, e.retained, e.lost]);
      const want = [
        e.retention,
        e.churn,
        e.revenue,
        e.growth,
        e.keyRevenue,
        e.keyShare,
        e.market,
        e.marketShare,
        e.satisfaction,
        e.csat,
        e.nps,
      ];
      want.forEach((w, j) => {
        if (!near(r[6 + j], w))
          throw new Error(`${e.label}, column ${7 + j}: ${String(r[6 + j])} ≠ ${w}`);
      });
    });
    // Returning customers exist (accounts that paused in 2023 came back in 2024).
    expect(rows[2][3]).toBeGreaterThan(0);
  });

  test("figures for kam report --json: revenue per period start; partial periods are warnings", () => {
    expect(sheet.figures?.grain).toBe("year");
    expect(sheet.figures?.customers).toBe(new Set(history.customer).size);
    const revenue = sheet.figures?.revenue as Record<string, number>;
    expect(Object.keys(revenue)).toEqual(["2022-01-01", "2023-01-01", "2024-01-01"]);
    Object.values(revenue).forEach((v, k) =>
      expect(close(v, expected[k].revenue, 1e-12)).toBe(true)
    );
    // A period counts as partial when the data start or end more than 7 days inside it.
    const first = Math.min(...history.date);
    const last = Math.max(...history.date);
    const iso = (d: number) =>
      new Date(Date.UTC(1899, 11, 30) + d * DAY).toISOString().slice(0, 10);
    const want: string[] = [];
    if (serial(2024, 12, 31) - last > 7)
      want.push(
        `The last period 2024 is partial: the data end on ${iso(last)}. Its revenue, customers and growth cover part of the period only.`
      );
    if (first - serial(2022, 1, 1) > 7)
      want.push(
        `The first period 2022 is partial: the data start on ${iso(first)}. The next period's growth and new customers compare with part of a period.`
      );
    expect(sheet.warnings).toEqual(want);
  });

  test("rates are native formulas: retention = retained ÷ previous customers, growth with ABS", () => {
    const t = table(sheet);
    const r = t.area.row + 2; // the 2023 row (0-based)
    expect(formulaOf(grid.get(r, 6))).toBe(`=E${r + 1}/B${r}`);
    expect(formulaOf(grid.get(r, 7))).toBe(`=F${r + 1}/B${r}`);
    expect(formulaOf(grid.get(r, 9))).toBe(`=(I${r + 1}-I${r})/ABS(I${r})`);
    expect(formulaOf(grid.get(r, 11))).toBe(`=K${r + 1}/I${r + 1}`);
    expect(formulaOf(grid.get(r, 13))).toBe(`=I${r + 1}/M${r + 1}`);
    // The first period has no previous one: empty cells, and a note says why.
    expect(grid.values({ row: r - 1, column: 6, rows: 1, columns: 2 })[0]).toEqual([null, null]);
    const notes = texts(sheet);
    expect(notes).toContain(
      "Retention, Churn and Growth not computed for 2022: the first period has no previous period."
    );
  });

  test("key figures: the latest period against the one before", () => {
    const e = expected[2];
    expect(valueOf(keyFigure(grid, "Period"))).toBe("2024");
    expect(near(valueOf(keyFigure(grid, "Revenue")), e.revenue)).toBe(true);
    expect(near(valueOf(keyFigure(grid, "Revenue growth")), e.growth)).toBe(true);
    expect(valueOf(keyFigure(grid, "Active customers"))).toBe(e.customers);
    expect(near(valueOf(keyFigure(grid, "Retention")), e.retention)).toBe(true);
    expect(near(valueOf(keyFigure(grid, "NPS")), e.nps)).toBe(true);
    expect(formulaOf(keyFigure(grid, "Retention"))).toMatch(/^=G\d+$/);
    // Column C holds the period before, also as references to the table.
    const top = [...grid.cells.keys()]
      .map((k) => k.split(",").map(Number))
      .filter(([r, c]) => c === 0 && valueOf(grid.get(r, 0)) === "Revenue")
      .map(([r]) => r)[0];
    expect(valueOf(grid.get(top - 1, 2))).toBe("2023");
    expect(near(valueOf(grid.get(top, 2)), expected[1].revenue)).toBe(true);
    expect(near(valueOf(grid.get(top + 4, 2)), expected[1].retention)).toBe(true);
    expect(formulaOf(grid.get(top, 2))).toMatch(/^=I\d+$/);
    expect(texts(sheet)).toContain("Key figures: 2024 against 2023");
  });

  test("chart: revenue and retention (secondary axis); growth coloured red/green", () => {
    const t = table(sheet);
    expect(sheet.charts).toHaveLength(1);
    const [chart] = sheet.charts;
    expect(chart.kind).toBe("line");
    expect(chart.series.map((s) => [s.name, s.secondaryAxis === true])).toEqual([
      ["Revenue", false],
      ["Retention", true],
    ]);
    const growth = { row: t.area.row + 1, column: 9, rows: 3, columns: 1 };
    expect(sheet.conditionalFormats).toEqual([
      {
        kind: "cellValue",
        area: growth,
        operator: "lessThan",
        values: ["0"],
        style: expect.any(Object),
      },
      {
        kind: "cellValue",
        area: growth,
        operator: "greaterThan",
        values: ["0"],
        style: expect.any(Object),
      },
    ]);
  });

  test("quarters and months on request", async () => {
    const q = await buildKpiReport(dataset(history), { lang: "en", grain: "quarter" });
    const gq = new Grid(q);
    expectWellFormed(gq);
    expectFormulasConsistent(gq);
    expect(Object.keys(q.figures?.revenue as object).slice(0, 5)).toEqual([
      "2022-01-01",
      "2022-04-01",
      "2022-07-01",
      "2022-10-01",
      "2023-01-01",
    ]);
    expect(body(gq).map((r) => r[0])).toEqual(
      [2022, 2023, 2024].flatMap((y) => [1, 2, 3, 4].map((k) => `${y}-Q${k}`))
    );
    const m = await buildKpiReport(dataset(history, { satisfaction: false, market: false }), {
      lang: "en",
      grain: "month",
    });
    const gm = new Grid(m);
    expectWellFormed(gm);
    expectFormulasConsistent(gm);
    const rows = body(gm);
    expect(rows).toHaveLength(36);
    expect(rows[0][0]).toBe("2022-01");
    expect(table(m).headers).not.toContain("Market size");
    // Customers partition into new, returning and retained in every month.
    for (const r of rows)
      expect((r[2] as number) + (r[3] as number) + ((r[4] as number) ?? 0)).toBe(r[1]);
  });

  test("zh-CN: Chinese sheet and headers", async () => {
    const zh = await buildKpiReport(dataset(history), { lang: "zh" });
    const g = new Grid(zh);
    expectWellFormed(g);
    expectFormulasConsistent(g);
    expect(zh.name).toBe("KAM 关键指标");
    expect(table(zh).headers.slice(0, 8)).toEqual([
      "期间",
      "客户数",
      "新客户",
      "回流客户",
      "留存客户",
      "流失客户",
      "留存率",
      "流失率",
    ]);
    expect(texts(zh)).toContain("2022 的留存率、流失率、增长率无法计算：第一期没有上一期。");
  });

  test("live: retention and churn as KAM.RETENTION / KAM.CHURN over the table's counts", async () => {
    const s = await buildKpiReport(dataset(history), { lang: "en", live: true });
    const g = new Grid(s);
    expectWellFormed(g, true);
    expectFormulasConsistent(g);
    const t = table(s);
    const r = t.area.row + 2;
    const retention = g.get(r, 6);
    const churn = g.get(r, 7);
    expect(retention !== undefined && isLive(retention) && retention).toEqual({
      live: `=KAM.RETENTION(B${r},B${r + 1},C${r + 1}+D${r + 1})`,
      value: expected[1].retention,
    });
    expect(churn !== undefined && isLive(churn) && churn.live).toBe(
      `=KAM.CHURN(B${r},B${r + 1},C${r + 1}+D${r + 1})`
    );
    expect(s.live).toBe(true);
  });
});

describe("KPI report: bad and small input", () => {
  const tiny = (customer: string[], date: number[], amount: number[]): Dataset => ({
    workflow: "kpi",
    rows: customer.length,
    text: { customer },
    numbers: { date, amount },
    sheetRows: customer.map((_, i) => i + 2),
    source: "",
    addresses: {},
  });

  test("empty data, all-zero amounts, a missing column: clear messages", async () => {
    await expect(buildKpiReport(tiny([], [], []), { lang: "en" })).rejects.toThrow(
      "The data have no rows: there is nothing to analyse."
    );
    const zeros = tiny(["A"], [serial(2024, 1, 1)], [0]);
    await expect(buildKpiReport(zeros, { lang: "en" })).rejects.toThrow(/^No purchases/);
    await expect(buildKpiReport(zeros, { lang: "zh" })).rejects.toThrow(/^没有购买记录/);
    await expect(
      buildKpiReport({ ...zeros, numbers: { amount: [1] } }, { lang: "en" })
    ).rejects.toThrow("The KPI report needs a date column.");
  });

  test("a single customer in a single quarter: one row, rates empty with notes, never NaN", async () => {
    const s = await buildKpiReport(tiny(["Solo"], [serial(2024, 2, 2)], [500]), { lang: "en" });
    const g = new Grid(s);
    expectWellFormed(g);
    expectFormulasConsistent(g);
    const rows = body(g);
    expect(rows).toEqual([["2024-Q1", 1, 1, 0, null, null, null, null, 500, null]]);
    expect(valueOf(keyFigure(g, "Revenue growth"))).toBe("n/a");
    expect(valueOf(keyFigure(g, "Period"))).toBe("2024-Q1");
    expect(texts(s)).toContain("Key figures: 2024-Q1");
    expect(s.figures).toEqual({ grain: "quarter", customers: 1, revenue: { "2024-01-01": 500 } });
    // One order on 2 February: the quarter is partial at both ends; a first period without a
    // previous one is no warning.
    const partial = [
      "The last period 2024-Q1 is partial: the data end on 2024-02-02. Its revenue, customers and growth cover part of the period only.",
      "The first period 2024-Q1 is partial: the data start on 2024-02-02. The next period's growth and new customers compare with part of a period.",
    ];
    expect(s.warnings).toEqual(partial);
    for (const w of partial) expect(texts(s)).toContain(w);
  });

  test("a year without customers: retention 0, then no previous customers and no previous revenue", async () => {
    const s = await buildKpiReport(
      tiny(
        ["A", "B", "A"],
        [serial(2020, 3, 1), serial(2020, 5, 1), serial(2022, 7, 1)],
        [100, 50, 80]
      ),
      { lang: "en", grain: "year" }
    );
    const g = new Grid(s);
    expectWellFormed(g);
    expectFormulasConsistent(g);
    const rows = body(g);
    expect(rows.map((r) => r.slice(0, 10))).toEqual([
      ["2020", 2, 2, 0, null, null, null, null, 150, null],
      ["2021", 0, 0, 0, 0, 2, 0, 1, 0, -1],
      ["2022", 1, 0, 1, 0, 0, null, null, 80, null],
    ]);
    expect(texts(s)).toContain(
      "Retention and Churn not computed for 2022: no customers in the previous period."
    );
    expect(texts(s)).toContain("Growth not computed for 2022: the previous period's revenue is 0.");
    expect(s.warnings).toEqual([
      "The last period 2022 is partial: the data end on 2022-07-01. Its revenue, customers and growth cover part of the period only.",
      "The first period 2020 is partial: the data start on 2020-03-01. The next period's growth and new customers compare with part of a period.",
      "Retention and Churn not computed for 2022: no customers in the previous period.",
      "Growth not computed for 2022: the previous period's revenue is 0.",
    ]);
    expect(s.figures?.revenue).toEqual({ "2020-01-01": 150, "2021-01-01": 0, "2022-01-01": 80 });
  });

  test("satisfaction on a 1–5 scale (a blank answer skipped): CSAT at 4 and no NPS; a threshold on request", async () => {
    const days = [1, 2, 3, 4].map((d) => serial(2024, 1, d));
    const d = tiny(["A", "B", "C", "D"], days, [1, 2, 3, 4]);
    d.sparse = { satisfaction: [5, 3, null, 4] };
    const s = await buildKpiReport(d, { lang: "en" });
    const g = new Grid(s);
    expectWellFormed(g);
    expect(table(s).headers.slice(-2)).toEqual(["Satisfaction", "CSAT (≥ 4)"]);
    expect(body(g)[0].slice(-2)).toEqual([4, 2 / 3]);
    // Scores given as a plain number column are read too.
    const plain = tiny(["A", "B", "C"], days.slice(0, 3), [1, 2, 3]);
    plain.numbers.satisfaction = [5, 3, 4];
    const t = await buildKpiReport(plain, { lang: "en", satisfactionThreshold: 5 });
    expect(body(new Grid(t))[0].slice(-1)).toEqual([1 / 3]);
  });
});
