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
