// The Account plan report (src/report/accountPlan.ts) on the Superstore fixture: the index and one
// sheet per account; the largest account's revenue and profit by year and its whitespace against
// sums written here; the actions table's status validation; the inputs declared for carrying over.
/* global __dirname */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "@jest/globals";
import { parse } from "csv-parse/sync";
import { decodeText, readCsv } from "../../src/cli/read";
import { buildReport } from "../../src/report";
import { ReportSheet } from "../../src/report/model";
import { analyseSource } from "../../src/report/source";
import { Dataset } from "../../src/report/roles";

const FILE = path.resolve(
  __dirname,
  "../fixtures/real/superstore/sample-superstore-customers-A.csv"
);
const rows = (
  parse(fs.readFileSync(FILE), { bom: true, columns: true }) as Record<string, string>[]
).map((r) => ({
  customer: r["Customer Name"],
  year: Number(r["Order Date"].split("/")[2]),
  sales: Number(r.Sales),
  profit: Number(r.Profit),
  sub: r["Sub-Category"],
  cat: r.Category,
}));

/** The value of the cell at (row, column) as the sheet's blocks write it (formulas: their value). */
function cellAt(sheet: ReportSheet, row: number, column: number): unknown {
  let out: unknown = undefined;
  for (const b of sheet.blocks) {
    const r = row - b.row;
    const c = column - b.column;
    if (r < 0 || c < 0 || r >= b.cells.length) continue;
    const v = b.cells[r][c];
    if (v === undefined) continue;
    out = typeof v === "object" && v !== null ? v.value : v;
  }
  return out;
}

function tableRows(sheet: ReportSheet, prefix: string): unknown[][] {
  const t = sheet.tables.find((x) => x.name.startsWith(prefix));
  if (!t) throw new Error(`no table ${prefix}`);
  const out: unknown[][] = [];
  for (let r = 1; r < t.area.rows; r++)
    out.push(
      Array.from({ length: t.area.columns }, (_, c) =>
        cellAt(sheet, t.area.row + r, t.area.column + c)
      )
    );
  return out;
}

describe("Account plan on Superstore", () => {
  let sheets: ReportSheet[];
  let mapping: Record<string, string>;
  beforeAll(async () => {
    const values = readCsv(decodeText(fs.readFileSync(FILE)), FILE).values;
    // Whitespace by product line: the Sub-Category column plays the product role.
    const analysis = analyseSource(values, "account-plan", {
      lang: "en",
      maxIssues: 100_000,
      mapping: { product: (values[0] as string[]).indexOf("Sub-Category") },
    });
    expect(analysis.problems).toEqual([]);
    mapping = Object.fromEntries(
      Object.entries(analysis.mapping).map(([role, c]) => [role, analysis.headers[c as number]])
    );
    sheets = await buildReport("account-plan", analysis.dataset!, {
      lang: "en",
      created: "2026-12-01T00:00:00.000Z",
      top: 3,
    });
  }, 60_000);

  test("columns and sheets", () => {
    expect(mapping).toMatchObject({ customer: "Customer Name", amount: "Sales", profit: "Profit" });
    expect(sheets).toHaveLength(4);
    expect(sheets[0].figures?.accounts).toHaveLength(3);
    // A plan sheet is named after its account alone, so a re-run replaces the same sheet.
    expect(sheets.slice(1).map((s) => s.name)).toEqual(
      (sheets[0].figures?.accounts as string[]).map((a) => `Plan ${a}`.slice(0, 31).trim())
    );
  });

  test("the largest account: revenue and profit by year equal the sums by order date", () => {
    const totals = new Map<string, number>();
    for (const r of rows) totals.set(r.customer, (totals.get(r.customer) ?? 0) + r.sales);
    const top = [...totals].sort((a, b) => b[1] - a[1])[0][0];
    expect((sheets[0].figures?.accounts as string[])[0]).toBe(top);
    const years = tableRows(sheets[1], "KAM_AP_Years");
    for (const [y, revenue, profit] of years) {
      const mine = rows.filter((r) => r.customer === top && String(r.year) === y);
      expect(revenue as number).toBeCloseTo(
        mine.reduce((s, r) => s + r.sales, 0),
        6
      );
      expect(profit as number).toBeCloseTo(
        mine.reduce((s, r) => s + r.profit, 0),
        6
      );
    }
  });

  test("whitespace of the largest account: bought and not bought", () => {
    expect(mapping.product).toBe("Sub-Category");
    const key = "sub";
    const totals = new Map<string, number>();
    for (const r of rows) totals.set(r.customer, (totals.get(r.customer) ?? 0) + r.sales);
    const top = [...totals].sort((a, b) => b[1] - a[1])[0][0];
    const ws = tableRows(sheets[1], "KAM_AP_Whitespace");
    const all = new Set(rows.map((r) => r[key]));
    expect(ws.map((r) => r[0]).sort()).toEqual([...all].sort());
    for (const r of ws) {
      const spend = rows
        .filter((x) => x.customer === top && x[key] === r[0])
        .reduce((s, x) => s + x.sales, 0);
      const totalCol = r.length - 3;
      expect(r[totalCol] as number).toBeCloseTo(spend, 6);
      if (spend > 0) expect(r[r.length - 1]).toBeNull();
    }
  });

  test("actions table with a status drop-down; inputs keyed by account and section", () => {
    const s = sheets[1];
    expect(s.tables.some((t) => t.name.startsWith("KAM_AP_Actions"))).toBe(true);
    expect(s.validations?.[0].list).toEqual(["Not started", "In progress", "Done", "Blocked"]);
    const keys = (s.inputs ?? []).map((i) => i.key.split("|")[1]);
    expect(keys).toEqual(
      expect.arrayContaining(["mission", "csf", "objectives", "actions", "dmu"])
    );
  });
});

describe("Account plan with the extra sources", () => {
  const serial = (y: number, m: number, d: number) =>
    (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
  const ds = (
    workflow: Dataset["workflow"],
    text: Dataset["text"],
    numbers: Dataset["numbers"],
    sparse?: Dataset["sparse"]
  ): Dataset => {
    const rows = Object.values(text)[0]?.length ?? 0;
    return {
      workflow,
      rows,
      text,
      numbers,
      sparse,
      sheetRows: Array.from({ length: rows }, (_, i) => i + 2),
      source: "X!A1",
      addresses: {},
    };
  };
  const customer: string[] = [];
  const date: number[] = [];
  const amount: number[] = [];
  for (let y = 2022; y <= 2024; y++)
    for (let m = 1; m <= 12; m++) {
      customer.push("Acme", "Beta");
      date.push(serial(y, m, 3), serial(y, m, 4));
      amount.push(1000 + m, 500);
    }
  const orders = ds("account-plan", { customer }, { date, amount });
  const contacts = ds(
    "contacts",
    {
      account: ["Acme", "acme", "Acme", "Zeta Ltd"],
      contact: ["Li", "Wu", "Ng", "X"],
      dmuRole: ["决策者", "buyer", "CEO", "user"],
      attitude: ["支持", "neutral", "", ""],
    },
    {},
    { lastContact: [serial(2024, 12, 20), serial(2024, 6, 1), null, null] }
  );
  // 2023 lacks total liabilities: the debt ratio of 2023 stays blank, with a note.
  const facts = ds(
    "facts",
    { account: ["Acme", "Acme"] },
    { year: [2023, 2024] },
    {
      revenue: [1000, 1200],
      netProfit: [100, 150],
      currentAssets: [400, 500],
      currentLiabilities: [200, 200],
      totalAssets: [2000, 2400],
      totalLiabilities: [null, 1200],
    }
  );
  const opportunities = ds(
    "opportunities",
    { customer: ["Acme", "Acme", "Acme", "Beta"], stage: ["Proposal", "Won", "50%", "Proposal"] },
    {},
    {
      amount: [1000, 5000, 400, 999],
      closeDate: [serial(2025, 2, 10), serial(2025, 2, 11), serial(2025, 3, 1), serial(2025, 2, 1)],
    }
  );
  let sheet: ReportSheet;
  let index: ReportSheet;
  beforeAll(async () => {
    [index, sheet] = await buildReport("account-plan", orders, {
      lang: "en",
      accounts: "acme",
      extras: { contacts, facts, opportunities },
    });
  }, 60_000);

  test("DMU: contacts by role, the roles missing, stale contacts; unknown roles and accounts listed", () => {
    const dmu = tableRows(sheet, "KAM_AP_DMU");
    expect(dmu.map((r) => [r[0], r[1], r[3], r[6]])).toEqual([
      ["Decision maker", "Li", "Supporter", "No"],
      ["Buyer", "Wu", "Neutral", "Yes"],
      ["Role not recognised", "Ng", null, "Yes"],
      ["User", null, null, null],
      ["Gatekeeper / interface", null, null, null],
      ["Influencer", null, null, null],
    ]);
    expect(index.warnings?.join(" ")).toMatch(
      /role that is not one of the five: Ng \(Acme, CEO, row 4\)/
    );
    expect(index.warnings?.join(" ")).toMatch(/not in the order list: X \(Zeta Ltd, user, row 5\)/);
  });

  test("ratios per year from the facts; a missing figure leaves its ratio blank", () => {
    const r = tableRows(sheet, "KAM_AP_Ratios");
    expect(r[0]).toEqual(["2023", 2, 0.1, 0.05, null, 0.5]);
    expect(r[1]).toEqual(["2024", 2.5, 0.125, 0.0625, 0.5, 0.5]);
    expect(r[2][0]).toBe("Change, first to last year");
    expect(r[2][1]).toBeCloseTo(0.5, 12);
    expect(r[2][4]).toBeNull();
  });

  test("weighted open pipeline by close month: won deals and other accounts left out", () => {
    expect(tableRows(sheet, "KAM_AP_Pipeline")).toEqual([
      ["2025-02", 1000, 500],
      ["2025-03", 400, 200],
    ]);
  });
});
