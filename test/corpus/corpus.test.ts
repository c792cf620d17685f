// The real-data corpus (test/fixtures/real, public exports nobody on this project made; sources and
// licences in its README): every workflow that fits a file runs through the path the pane and the
// CLI take (the source reader, then the report builder), and its key figures are checked against an
// independent computation written here — plain CSV tokens, dates split by hand in the format the
// file is known to use, sums in plain loops. The live functions are run over the same cells and must
// agree with the report.
/* global __dirname */

import fs from "node:fs";
import path from "node:path";
import { describe, test, expect, beforeAll } from "@jest/globals";
import { parse } from "csv-parse/sync";
import { readCsv, decodeText } from "../../src/cli/read";
import { analyseSource, SourceAnalysis } from "../../src/report/source";
import { buildReport } from "../../src/report";
import { ReportSheet, WorkflowId } from "../../src/report/model";
import { rfm } from "../../src/functions/rfm";
import { installCustomFunctions } from "../support/customFunctions";

const ROOT = path.resolve(__dirname, "../fixtures/real");
const CREATED = "2026-12-01T00:00:00.000Z";

/** The file's cells as the CLI reads them (numbers typed, the rest text). */
function sheetOf(file: string): unknown[][] {
  return readCsv(decodeText(fs.readFileSync(path.join(ROOT, file))), file).values;
}

/** The file as plain records keyed by header, for the independent computations. */
function records(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(path.join(ROOT, file)), {
    bom: true,
    columns: true,
    skip_empty_lines: true,
  }) as Record<string, string>[];
}

/** Excel serial of y-m-d (1900 system, dates after 1900-03-01), written out independently. */
const serial = (y: number, m: number, d: number) =>
  (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

/** Sums `value` per `key`. */
function sumBy<T>(rows: T[], key: (r: T) => string, value: (r: T) => number): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) out.set(key(r), (out.get(key(r)) ?? 0) + value(r));
  return out;
}

const close = (a: number, b: number, digits = 6) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(Math.max(1, Math.abs(b)) * 10 ** -digits);

interface Run {
  analysis: SourceAnalysis;
  sheet: ReportSheet;
}

async function run(
  file: string,
  workflow: WorkflowId,
  options: Record<string, unknown> = {}
): Promise<Run> {
  const analysis = analyseSource(sheetOf(file), workflow, { lang: "en", maxIssues: 100_000 });
  expect(analysis.problems).toEqual([]);
  const [sheet] = await buildReport(workflow, analysis.dataset!, {
    lang: "en",
    created: CREATED,
    ...options,
  } as never);
  return { analysis, sheet };
}

/** Header text per mapped role. */
const columnsOf = (a: SourceAnalysis) =>
  Object.fromEntries(Object.entries(a.mapping).map(([role, c]) => [role, a.headers[c as number]]));

/** Every text of the sheet (titles, notes, cells), to look for what it says. */
function texts(sheet: ReportSheet): string[] {
  const out: string[] = [];
  for (const b of sheet.blocks)
    for (const row of b.cells) for (const c of row) if (typeof c === "string") out.push(c);
  return out;
}

/** The data rows of a sheet's table (cell values as written; formulas by their value). */
function table(sheet: ReportSheet, prefix: string): unknown[][] {
  const t = sheet.tables.find((x) => x.name.startsWith(prefix));
  if (!t) throw new Error(`no table ${prefix} on ${sheet.name}`);
  const at = (r: number, c: number) => {
    let v: unknown = null;
    for (const b of sheet.blocks) {
      const cell = b.cells[r - b.row]?.[c - b.column];
      if (cell !== undefined) v = typeof cell === "object" && cell !== null ? cell.value : cell;
    }
    return v;
  };
  return Array.from({ length: t.area.rows - 1 }, (_, i) =>
    Array.from({ length: t.area.columns }, (_, c) => at(t.area.row + 1 + i, t.area.column + c))
  );
}

/**
 * The Sales team's lost-account review lists the accounts churned (revenue last month, none this
 * month) in the bridge's last 12 months, and counts those of earlier months in a note.
 */
function expectLostAccountReview(sheet: ReportSheet, byMonth: Map<string, Map<string, number>>) {
  const months = [...byMonth.keys()].sort();
  const churnedIn = (k: number) => {
    const prev = byMonth.get(months[k - 1])!;
    const cur = byMonth.get(months[k]) ?? new Map<string, number>();
    return [...prev.keys()].filter((c) => prev.get(c)! > 0 && !((cur.get(c) ?? 0) > 0));
  };
  const periods = months.map((m, k) => ({ m, k })).slice(1);
  const reviewed = periods.slice(-12);
  const listed = sheet.tables.some((t) => t.name.startsWith("KAM_TeamChurned"))
    ? table(sheet, "KAM_TeamChurned")
    : [];
  expect(listed.map((r) => `${r[0]} ${r[1]}`).sort()).toEqual(
    reviewed.flatMap(({ m, k }) => churnedIn(k).map((c) => `${m} ${c}`)).sort()
  );
  const earlier = periods
    .slice(0, periods.length - reviewed.length)
    .reduce((n, { k }) => n + churnedIn(k).length, 0);
  const note = texts(sheet).filter((t) => t.startsWith("Lost-account review: the accounts"));
  expect(note).toEqual(
    earlier === 0
      ? []
      : [
          `Lost-account review: the accounts churned in the last 12 periods (from ${reviewed[0].m}); ${earlier.toLocaleString("en-US")} churned accounts of earlier periods are counted in the bridge, not listed.`,
        ]
  );
  return earlier;
}

// -------------------------------------------------------------------------------------------------
// (b) Superstore orders, month-first dates, profit and categories (Tableau's sample data)

describe("superstore: profit and categories, M/D/YYYY", () => {
  const FILE = "superstore/sample-superstore-customers-A.csv";
  const rows = records(FILE);
  const date = (t: string) => {
    const [m, d, y] = t.split("/").map(Number);
    return { y, m, d };
  };
  let accounts: Run;
  beforeAll(async () => {
    accounts = await run(FILE, "accounts", { asOf: serial(2020, 12, 31) });
  });

  test("columns, date order, rows", () => {
    expect(columnsOf(accounts.analysis)).toMatchObject({
      customer: "Customer Name",
      date: "Order Date",
      amount: "Sales",
      profit: "Profit",
    });
    expect(accounts.analysis.dateOrder).toBe("mdy");
    expect(accounts.analysis.kept).toBe(rows.length);
    expect(accounts.analysis.skippedCount).toBe(0);
  });

  test("customers, revenue and the tiers of the largest accounts", () => {
    const revenue = sumBy(
      rows,
      (r) => r["Customer Name"],
      (r) => Number(r.Sales)
    );
    const profit = sumBy(
      rows,
      (r) => r["Customer Name"],
      (r) => Number(r.Profit)
    );
    const f = accounts.sheet.figures!;
    expect(f.customers).toBe(revenue.size);
    close(
      f.revenue as number,
      [...revenue.values()].reduce((a, b) => a + b, 0)
    );
    const tiers = f.tiers as Record<string, number>;
    expect(tiers.core + tiers.key + tiers.ordinary).toBe(revenue.size);
    // the largest account by revenue is not ordinary unless it lost money
    const [top] = [...revenue.entries()].sort((a, b) => b[1] - a[1]);
    const all = texts(accounts.sheet);
    expect(all).toContain(top[0]);
    if (profit.get(top[0])! > 0) expect(tiers.core + tiers.key).toBeGreaterThan(0);
  });

  test("the live KAM.RFM over the same cells agrees with the report", () => {
    installCustomFunctions();
    const col = (h: string) => rows.map((r) => [h === "Sales" ? Number(r[h]) : r[h]]);
    const out = rfm(col("Customer Name"), col("Order Date"), col("Sales"), serial(2020, 12, 31));
    const body = out.slice(1);
    expect(body.length).toBe(accounts.sheet.figures!.customers);
    const monetary = body.reduce((s, r) => s + (r[3] as number), 0);
    close(monetary, accounts.sheet.figures!.revenue as number);
    // the first order date the function read is the one written in the file
    const first = date(rows[0]["Order Date"]);
    expect(first.m).toBeLessThanOrEqual(12);
  });

  test("KPIs: revenue per period equals the sums by order date", async () => {
    const kpi = await run(FILE, "kpi", { grain: "year" });
    const perYear = sumBy(
      rows,
      (r) => String(date(r["Order Date"]).y),
      (r) => Number(r.Sales)
    );
    const got = kpi.sheet.figures!.revenue as Record<string, number>;
    for (const [y, v] of perYear) close(got[`${y}-01-01`], v);
  });
});

// -------------------------------------------------------------------------------------------------
// (c) Superstore with day-first two-digit-year dates (DD/MM/YY), as a European export writes them

describe("superstore day first: 13/01/19 is 13 January 2019", () => {
  const FILE = "superstore-ddmmyy/sample-superstore-ddmmyy-customers-B.csv";
  const rows = records(FILE);
  const date = (t: string) => {
    const [d, m, y] = t.split("/").map(Number);
    return { y: 2000 + y, m, d };
  };

  test("the column's order is proven and said", () => {
    const a = analyseSource(sheetOf(FILE), "kpi", { lang: "en" });
    expect(a.dateOrder).toBe("dmy");
    expect(a.notes.some((n) => n.includes("read day first"))).toBe(true);
    const d = a.dataset!.numbers.date!;
    const first = date(rows[0]["Order Date"]);
    expect(d[0]).toBe(serial(first.y, first.m, first.d));
  });

  test("quarterly revenue equals the sums by hand-split dates", async () => {
    const kpi = await run(FILE, "kpi", { grain: "quarter" });
    const perQuarter = sumBy(
      rows,
      (r) => {
        const { y, m } = date(r["Order Date"]);
        return iso(y, Math.floor((m - 1) / 3) * 3 + 1, 1);
      },
      (r) => Number(r.Sales)
    );
    const got = kpi.sheet.figures!.revenue as Record<string, number>;
    expect(Object.keys(got).sort()).toEqual([...perQuarter.keys()].sort());
    for (const [q, v] of perQuarter) close(got[q], v);
  });

  test("the live function reads the same dates", () => {
    installCustomFunctions();
    const col = (h: string) => rows.map((r) => [h === "Sales" ? Number(r[h]) : r[h]]);
    const out = rfm(col("Customer Name"), col("Order Date"), col("Sales"));
    const a = analyseSource(sheetOf(FILE), "accounts", { lang: "en" });
    const customers = new Set(a.dataset!.text.customer);
    expect(out.length - 1).toBe(customers.size);
  });
});

// -------------------------------------------------------------------------------------------------
// (d) A CRM opportunities export (Maven Analytics CRM Sales Opportunities): snake_case headers,
// open deals without close_value or close_date, stages Prospecting/Engaging/Won/Lost

describe("CRM export: open deals without amounts are counted, never dropped", () => {
  const FILE = "crm-sales-opportunities/sales_pipeline.csv";
  const rows = records(FILE);
  let pipe: Run;
  beforeAll(async () => {
    pipe = await run(FILE, "pipeline");
  });

  test("columns by meaning", () => {
    expect(columnsOf(pipe.analysis)).toEqual({
      opportunity: "opportunity_id",
      owner: "sales_agent",
      customer: "account",
      stage: "deal_stage",
      closeDate: "close_date",
      amount: "close_value",
      product: "product",
      created: "engage_date",
    });
    expect(pipe.analysis.kept).toBe(rows.length);
  });

  test("open, won, lost and the as-of date against a plain count", () => {
    const open = rows.filter((r) => r.deal_stage === "Prospecting" || r.deal_stage === "Engaging");
    const won = rows.filter((r) => r.deal_stage === "Won");
    const lost = rows.filter((r) => r.deal_stage === "Lost");
    const f = pipe.sheet.figures!;
    expect(f.open_deals).toBe(open.length);
    close(
      f.open_amount as number,
      open.reduce((s, r) => s + (Number(r.close_value) || 0), 0)
    );
    close(
      f.won as number,
      won.reduce((s, r) => s + Number(r.close_value), 0)
    );
    expect(f.lost).toBe(lost.length);
    const closed = [...won, ...lost].map((r) => r.close_date).sort();
    expect(f.as_of).toBe(closed[closed.length - 1]);
    expect(texts(pipe.sheet).join("\n")).not.toMatch(/no open opportunities/i);
  });

  test("open deals without an amount: an estimate from their product's won deals, kept apart", () => {
    // Average close_value of the won deals per product, then summed over the open deals without one.
    const wonBy = new Map<string, number[]>();
    for (const r of rows)
      if (r.deal_stage === "Won" && r.close_value !== "")
        wonBy.set(r.product, [...(wonBy.get(r.product) ?? []), Number(r.close_value)]);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const missing = rows.filter(
      (r) => (r.deal_stage === "Prospecting" || r.deal_stage === "Engaging") && r.close_value === ""
    );
    const withBasis = missing.filter((r) => wonBy.has(r.product));
    const f = pipe.sheet.figures!;
    expect(f.estimated).toBe(withBasis.length);
    close(
      f.open_estimate as number,
      withBasis.reduce((s, r) => s + mean(wonBy.get(r.product)!), 0)
    );
    // The estimate is not in the pipeline: the open amount stays the sum of the known amounts (0).
    expect(f.open_amount).toBe(0);
  });
});

// -------------------------------------------------------------------------------------------------
// (a)(e) UCI Online Retail: quantity and unit price, no amount column, cancellations (C...)

describe("online retail: amount = quantity × unit price, returns kept", () => {
  const FILE = "online-retail-uci/online-retail-switzerland-customers.csv";
  const rows = records(FILE);

  test("the amount is derived and said so; customers and revenue", async () => {
    const { analysis, sheet } = await run(FILE, "accounts");
    expect(analysis.derived).toMatchObject({ role: "amount" });
    expect(analysis.notes.some((n) => n.includes("Quantity") && n.includes("UnitPrice"))).toBe(
      true
    );
    const withCustomer = rows.filter((r) => r.CustomerID.trim() !== "");
    expect(analysis.kept).toBe(withCustomer.length);
    expect(analysis.skippedCount).toBe(rows.length - withCustomer.length);
    const revenue = sumBy(
      withCustomer,
      (r) => String(Number(r.CustomerID)),
      (r) => Number(r.Quantity) * Number(r.UnitPrice)
    );
    expect(sheet.figures!.customers).toBe(revenue.size);
    close(
      sheet.figures!.revenue as number,
      [...revenue.values()].reduce((a, b) => a + b, 0)
    );
    // cancellations are in the data and reduce revenue
    expect(withCustomer.some((r) => r.InvoiceNo.startsWith("C"))).toBe(true);
  });

  test("the forecast forecasts money, not units", async () => {
    const a = analyseSource(sheetOf(FILE), "forecast", { lang: "en" });
    expect(a.derived).toMatchObject({ role: "value" });
    expect(a.mapping.value).toBeUndefined();
  });
});

// -------------------------------------------------------------------------------------------------
// (f) Chinese headers: a Chaoyang hospital pharmacy's 2018 sales (朝阳医院 2018 销售数据)

describe("朝阳医院销售数据: Chinese headers, impossible dates skipped with the reason", () => {
  const FILE = "chaoyang-pharmacy-cn/chaoyang-hospital-2018-sales.csv";
  const rows = records(FILE);
  const valid = (t: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t ?? "");
    if (!m) return false;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const dt = new Date(Date.UTC(y, mo - 1, d));
    return dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
  };

  test("columns, skipped rows and revenue", async () => {
    const { analysis, sheet } = await run(FILE, "accounts");
    expect(columnsOf(analysis)).toMatchObject({
      customer: "社保卡号",
      date: "购药时间",
      amount: "实收金额",
    });
    expect(analysis.choices).toEqual([
      { role: "amount", chosen: analysis.mapping.amount, others: [5] },
    ]);
    const usable = rows.filter((r) => valid(r["购药时间"]) && (r["社保卡号"] ?? "").trim() !== "");
    expect(analysis.kept).toBe(usable.length);
    const revenue = usable.reduce((s, r) => s + Number(r["实收金额"]), 0);
    close(sheet.figures!.revenue as number, revenue);
    const reasons = analysis.skipped.map((s) => s.reason);
    expect(reasons.some((r) => r.includes('"2018-02-29 星期一" is not a date'))).toBe(true);
  });
});

// -------------------------------------------------------------------------------------------------
// (f)(b) The Chinese Superstore (Tableau's 示例 - 超市), as an .xlsx with date cells, as the CLI reads it

describe("示例 - 超市 (.xlsx): Chinese headers, date cells, plans by region", () => {
  const rows = records("superstore-cn/superstore-cn-orders.csv");
  const date = (t: string) => {
    const [m, d, y] = t.split("/").map(Number);
    return { y, m, d };
  };
  let values: unknown[][];
  let formats: readonly (readonly unknown[])[] | undefined;
  beforeAll(async () => {
    const { readXlsx } = await import("../../src/cli/read");
    const [orders] = await readXlsx(
      fs.readFileSync(path.join(ROOT, "superstore-cn/superstore-cn.xlsx"))
    );
    values = orders.values;
    formats = orders.formats;
  });
  const analyse = (workflow: WorkflowId) =>
    analyseSource(values, workflow, { lang: "zh", formats, maxIssues: 100_000 });

  test("accounts: columns, customers, revenue, profit", async () => {
    const a = analyse("accounts");
    expect(columnsOf(a)).toEqual({
      customer: "客户名称",
      date: "订单日期",
      amount: "销售额",
      profit: "利润",
    });
    const [sheet] = await buildReport("accounts", a.dataset!, { lang: "zh", created: CREATED });
    const revenue = sumBy(
      rows,
      (r) => r["客户名称"],
      (r) => Number(r["销售额"])
    );
    expect(sheet.figures!.customers).toBe(revenue.size);
    close(
      sheet.figures!.revenue as number,
      [...revenue.values()].reduce((x, y) => x + y, 0)
    );
    // the date cells are the dates the CSV text shows
    const first = date(rows[0]["订单日期"]);
    expect(a.dataset!.numbers.date![0]).toBe(serial(first.y, first.m, first.d));
  });

  test("plan: split by region (地区), not by 50 customers", async () => {
    const a = analyse("plan");
    expect(columnsOf(a).region).toBe("地区");
    const [sheet] = await buildReport("plan", a.dataset!, { lang: "zh", created: CREATED });
    const regions = new Set(rows.map((r) => r["地区"]));
    expect(JSON.stringify(sheet.figures)).toContain(String(regions.size));
    for (const region of regions) expect(texts(sheet)).toContain(region);
  });

  test("KPIs per year equal the sums by the CSV's dates", async () => {
    const a = analyse("kpi");
    const [sheet] = await buildReport("kpi", a.dataset!, {
      lang: "zh",
      created: CREATED,
      grain: "year",
    } as never);
    const perYear = sumBy(
      rows,
      (r) => String(date(r["订单日期"]).y),
      (r) => Number(r["销售额"])
    );
    const got = sheet.figures!.revenue as Record<string, number>;
    for (const [y, v] of perYear) close(got[`${y}-01-01`], v);
  });
});

// -------------------------------------------------------------------------------------------------
// (c) An Indian e-commerce export: DD-MM-YYYY with dashes, 60 empty rows at the end

describe("Indian e-commerce orders: DD-MM-YYYY, trailing empty rows", () => {
  const FILE = "india-ecommerce-ddmmyyyy/List of Orders.csv";
  const rows = records(FILE).filter((r) => r.OrderID.trim() !== "");
  // the amounts are in Order Details, one line per item: joined on OrderID, as a user would with
  // a lookup column
  const amount = sumBy(
    records("india-ecommerce-ddmmyyyy/Order Details.csv"),
    (r) => r.OrderID,
    (r) => Number(r.Amount)
  );
  const date = (t: string) => {
    const [d, m, y] = t.split("-").map(Number);
    return { y, m, d };
  };

  test("day first is proven by the data; the empty rows at the end are not read", () => {
    const raw = fs.readFileSync(path.join(ROOT, FILE), "utf8").split(/\r?\n/).slice(1);
    expect(raw.filter((l) => /^,+$/.test(l)).length).toBe(60);
    const a = analyseSource(sheetOf(FILE), "kpi", { lang: "en" });
    expect(a.problems).toEqual(["No column is recognised as Amount: choose it."]);
    expect(a.dateOrder).toBe("dmy");
    expect(a.dates[0].plan.basis).toBe("proven");
  });

  test("with the joined amounts: quarterly revenue by hand-split dates", async () => {
    const cells = sheetOf(FILE).map((row, i) =>
      i === 0 ? [...row, "Amount"] : [...row, row[0] === "" ? "" : amount.get(String(row[0]))]
    );
    const a = analyseSource(cells, "kpi", { lang: "en" });
    expect(a.problems).toEqual([]);
    expect(a.kept).toBe(rows.length);
    expect(a.skippedCount).toBe(0);
    const [sheet] = await buildReport("kpi", a.dataset!, {
      lang: "en",
      created: CREATED,
      grain: "quarter",
    } as never);
    const perQuarter = sumBy(
      rows,
      (r) => {
        const { y, m } = date(r.OrderDate);
        return iso(y, Math.floor((m - 1) / 3) * 3 + 1, 1);
      },
      (r) => amount.get(r.OrderID) ?? 0
    );
    const got = sheet.figures!.revenue as Record<string, number>;
    expect(Object.keys(got).sort()).toEqual([...perQuarter.keys()].sort());
    for (const [q, v] of perQuarter) close(got[q], v);
  });
});

// -------------------------------------------------------------------------------------------------
// A forecast of an order list: the series is the category (few names), not the product name (one
// series per product, most with a single month, would forecast nothing).

describe("forecast series of an order list", () => {
  for (const [file, header, names] of [
    ["superstore/sample-superstore-customers-A.csv", "Category", "Category"],
    ["superstore-cn/superstore-cn-orders.csv", "类别", "类别"],
  ] as const) {
    test(`${file}: series = ${header}`, () => {
      const a = analyseSource(sheetOf(file), "forecast", { lang: "en" });
      expect(a.headers[a.mapping.series as number]).toBe(header);
      const distinct = new Set(records(file).map((r) => r[names]));
      expect(distinct.size).toBeLessThanOrEqual(30);
    });
  }
});

// -------------------------------------------------------------------------------------------------
// Sales team (issue 16): the CRM export per rep, and the revenue bridge of an order list.

describe("Sales team on the CRM export: per-rep won, win rate and weighted pipeline", () => {
  const FILE = "crm-sales-opportunities/sales_pipeline.csv";
  const rows = records(FILE);
  let team: Run;
  beforeAll(async () => {
    team = await run(FILE, "team");
  });

  test("columns by meaning, every row kept", () => {
    expect(columnsOf(team.analysis)).toMatchObject({
      owner: "sales_agent",
      customer: "account",
      stage: "deal_stage",
      amount: "close_value",
      closeDate: "close_date",
      created: "engage_date",
    });
    expect(team.analysis.kept).toBe(rows.length);
  });

  test("won amount, win rate and weighted pipeline per rep equal a plain computation", () => {
    const isOpen = (r: Record<string, string>) => r.deal_stage !== "Won" && r.deal_stage !== "Lost";
    const won = rows.filter((r) => r.deal_stage === "Won").length;
    const lost = rows.filter((r) => r.deal_stage === "Lost").length;
    // ≥ 20 closed deals: every open stage takes the learned won ÷ (won + lost) (no lost stage known).
    expect(won + lost).toBeGreaterThanOrEqual(20);
    const p = won / (won + lost);
    // An open deal without close_value: its product's mean won close_value (the estimate column).
    const wonValues = new Map<string, number[]>();
    for (const r of rows)
      if (r.deal_stage === "Won")
        wonValues.set(r.product, [...(wonValues.get(r.product) ?? []), Number(r.close_value)]);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const reps = [...new Set(rows.map((r) => r.sales_agent))];
    const owners = team.sheet.figures!.owners as Record<string, Record<string, number | null>>;
    expect(Object.keys(owners).sort()).toEqual([...reps].sort());
    for (const rep of reps) {
      const mine = rows.filter((r) => r.sales_agent === rep);
      const w = mine.filter((r) => r.deal_stage === "Won");
      const l = mine.filter((r) => r.deal_stage === "Lost");
      const o = owners[rep];
      close(
        o.won as number,
        w.reduce((s, r) => s + Number(r.close_value), 0)
      );
      if (w.length + l.length > 0) close(o.win_rate as number, w.length / (w.length + l.length));
      else expect(o.win_rate).toBeNull();
      const open = mine.filter(isOpen);
      expect(o.open_deals).toBe(open.length);
      close(
        o.weighted as number,
        open.filter((r) => r.close_value !== "").reduce((s, r) => s + Number(r.close_value) * p, 0)
      );
      close(
        o.weighted_estimated as number,
        open.reduce((s, r) => {
          if (r.close_value !== "") return s + Number(r.close_value) * p;
          const v = wonValues.get(r.product);
          return v ? s + mean(v) * p : s;
        }, 0)
      );
    }
  });
});

describe("Sales team on UCI Online Retail: the revenue bridge adds up exactly every month", () => {
  const FILE = "online-retail-uci/online-retail-switzerland-customers.csv";
  const rows = records(FILE).filter((r) => r.CustomerID.trim() !== "");

  test("start + new + expansion − contraction − churned = end, and end = the month's revenue", async () => {
    const { sheet } = await run(FILE, "team");
    // Revenue per month and customer in pence: quantity × price (two decimals), summed as integers.
    const byMonth = new Map<string, Map<string, number>>();
    for (const r of rows) {
      const month = r.InvoiceDate.slice(0, 7);
      const pence = Number(r.Quantity) * Math.round(Number(r.UnitPrice) * 100);
      const m = byMonth.get(month) ?? new Map<string, number>();
      // the customer as the report shows it: the number 12377, not the text "12377.0"
      const id = String(Number(r.CustomerID));
      m.set(id, (m.get(id) ?? 0) + pence);
      byMonth.set(month, m);
    }
    const months = [...byMonth.keys()].sort();
    const total = (m: string) => [...(byMonth.get(m)?.values() ?? [])].reduce((a, b) => a + b, 0);
    const bridge = sheet.figures!.bridge as Record<string, Record<string, number>>;
    expect(Object.keys(bridge)).toEqual(months.slice(1));
    const pence = (v: number) => Math.round(v * 100);
    for (let k = 1; k < months.length; k++) {
      const b = bridge[months[k]];
      const [start, nw, exp, con, churn, end] = [
        b.start,
        b.new,
        b.expansion,
        b.contraction,
        b.churned,
        b.end,
      ].map(pence);
      expect(start + nw + exp - con - churn).toBe(end);
      expect(start).toBe(total(months[k - 1]));
      expect([months[k], end]).toEqual([months[k], total(months[k])]);
      // Churned: last month's revenue of the customers active then and not now (plus any credit now).
      const prev = byMonth.get(months[k - 1])!;
      const cur = byMonth.get(months[k])!;
      let churned = 0;
      for (const [c, v] of prev)
        if (v > 0 && !((cur.get(c) ?? 0) > 0)) churned += v - (cur.get(c) ?? 0);
      expect(churn).toBe(churned);
    }
    expectLostAccountReview(sheet, byMonth);
  });
});

describe("Sales team on Superstore: the lost-account review covers the last year", () => {
  test("four years of orders: the last 12 months' churned accounts listed, earlier ones counted", async () => {
    const FILE = "superstore/sample-superstore-customers-A.csv";
    const byMonth = new Map<string, Map<string, number>>();
    for (const r of records(FILE)) {
      const [m, , y] = r["Order Date"].split("/");
      const month = `${y}-${m.padStart(2, "0")}`;
      const cents = Math.round(Number(r.Sales) * 100);
      const byCustomer = byMonth.get(month) ?? new Map<string, number>();
      byCustomer.set(r["Customer Name"], (byCustomer.get(r["Customer Name"]) ?? 0) + cents);
      byMonth.set(month, byCustomer);
    }
    const { sheet } = await run(FILE, "team");
    expect(expectLostAccountReview(sheet, byMonth)).toBeGreaterThan(100);
  });
});

// -------------------------------------------------------------------------------------------------
// Account plan on Superstore (issue 15's "done when"): the plan of the largest account has revenue
// and profit by year, and whitespace (products by sub-category) equal to sums written out here.

describe("Account plan on Superstore: the largest account's plan", () => {
  const FILE = "superstore/sample-superstore-customers-A.csv";
  const rows = records(FILE).map((r) => ({
    customer: r["Customer Name"],
    year: Number(r["Order Date"].split("/")[2]),
    sales: Number(r.Sales),
    profit: Number(r.Profit),
    sub: r["Sub-Category"],
  }));
  const revenue = sumBy(
    rows,
    (r) => r.customer,
    (r) => r.sales
  );
  const [top] = [...revenue.entries()].sort((a, b) => b[1] - a[1]);
  let sheets: ReportSheet[];
  let tierOf: Map<string, string>;

  beforeAll(async () => {
    const values = sheetOf(FILE);
    const product = (values[0] as string[]).indexOf("Sub-Category");
    const analysis = analyseSource(values, "account-plan", {
      lang: "en",
      maxIssues: 100_000,
      mapping: { product },
    });
    expect(analysis.problems).toEqual([]);
    sheets = await buildReport("account-plan", analysis.dataset!, {
      lang: "en",
      created: CREATED,
      accounts: top[0].toUpperCase(),
    } as never);
    // The tiers as the Accounts report gives them: the comparable accounts of the whitespace.
    const { sheet } = await run(FILE, "accounts");
    const t = sheet.tables.find((x) => x.name === "KAM_Accounts")!;
    const customer = t.headers.indexOf("Customer");
    const tier = t.headers.indexOf("Tier");
    tierOf = new Map(
      table(sheet, "KAM_Accounts").map((r) => [String(r[customer]), String(r[tier])])
    );
  }, 120_000);

  test("the index names the account planned; --json gets it as figures.accounts", () => {
    expect(sheets).toHaveLength(2);
    expect(sheets[0].figures?.accounts).toEqual([top[0]]);
    expect(sheets[1].marker.workflow).toBe("account-plan");
  });

  test("revenue and profit by year", () => {
    const years = table(sheets[1], "KAM_AP_Years");
    const mine = rows.filter((r) => r.customer === top[0]);
    expect(years.map((y) => y[0])).toEqual([...new Set(rows.map((r) => String(r.year)))].sort());
    for (const [y, rev, profit] of years) {
      const inYear = mine.filter((r) => String(r.year) === y);
      close(
        rev as number,
        inYear.reduce((s, r) => s + r.sales, 0)
      );
      close(
        profit as number,
        inYear.reduce((s, r) => s + r.profit, 0)
      );
    }
  });

  test("whitespace: spend per sub-category and each gap's opportunity against the same tier", () => {
    const ws = table(sheets[1], "KAM_AP_Whitespace");
    const header = sheets[1].tables.find((x) => x.name.startsWith("KAM_AP_Whitespace"))!.headers;
    const totalCol = header.indexOf("Total");
    const oppCol = header.indexOf("Opportunity");
    const own = tierOf.get(top[0]);
    const peers = [...tierOf.entries()]
      .filter(([c, t]) => c !== top[0] && t === own)
      .map(([c]) => c);
    const peerSet = new Set(
      peers.length > 0 ? peers : [...revenue.keys()].filter((c) => c !== top[0])
    );
    const peerTotal = rows.filter((r) => peerSet.has(r.customer)).reduce((s, r) => s + r.sales, 0);
    expect(new Set(ws.map((r) => r[0]))).toEqual(new Set(rows.map((r) => r.sub)));
    for (const r of ws) {
      const spend = rows
        .filter((x) => x.customer === top[0] && x.sub === r[0])
        .reduce((s, x) => s + x.sales, 0);
      close(r[totalCol] as number, spend);
      if (spend > 0) expect(r[oppCol]).toBeNull();
      else {
        const onIt = rows
          .filter((x) => peerSet.has(x.customer) && x.sub === r[0])
          .reduce((s, x) => s + x.sales, 0);
        close(r[oppCol] as number, (Math.max(0, onIt) / peerTotal) * top[1]);
      }
    }
  });
});
