// KAM.WHITESPACE and KAM.ACCOUNT_PROFILE on the Superstore fixture (customer × sub-category, sales,
// profit) against sums written out here, plus hand-checked small cases and bad input.
/* global __dirname, globalThis */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "@jest/globals";
import { parse } from "csv-parse/sync";
import { accountProfile } from "../../../src/functions/accountProfile";
import { whitespace } from "../../../src/functions/whitespace";
import { at, col, installCustomFunctions, OMITTED } from "../../support/customFunctions";
import { errorOf } from "../../support/errorOf";

beforeAll(() => {
  installCustomFunctions();
});

const inChinese = <T>(fn: () => T): T => {
  const g = globalThis as unknown as { Office?: unknown };
  g.Office = { context: { displayLanguage: "zh-CN" } };
  try {
    return fn();
  } finally {
    delete g.Office;
  }
};

const serial = (y: number, m: number, d: number) =>
  (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

describe("KAM.WHITESPACE", () => {
  const A = col("Header", "A", "A", "B", "B", "C");
  const P = col("Product", "x", "y", "x", "z", "z");
  const V = col("Amount", 60, 40, 50, 50, 100);

  test("matrix: accounts and products largest total first, with totals", () => {
    // Totals: A 100, B 100, C 100 (first appearance breaks ties); x 110, z 150, y 40.
    expect(whitespace(A, P, V)).toEqual([
      ["Account", "z", "x", "y", "Total"],
      ["A", 0, 60, 40, 100],
      ["B", 50, 50, 0, 100],
      ["C", 100, 0, 0, 100],
    ]);
  });

  test("one account's gaps: the others' share of spend × its size", () => {
    // A lacks z: B and C spend 150 of 200 on it → 0.75 × 100.
    expect(whitespace(A, P, V, "a")).toEqual([
      ["Product", "Comparable accounts buying", "Their share of spend", "Opportunity"],
      ["z", 2, 0.75, 75],
    ]);
    // C lacks x (110 of 200) and y (40 of 200).
    const c = inChinese(() => whitespace(A, P, V, "C", false));
    expect(c.map((r) => r.slice(0, 3))).toEqual([
      ["x", 2, 0.55],
      ["y", 1, 0.2],
    ]);
    expect(c[0][3]).toBeCloseTo(55, 12);
    expect(c[1][3]).toBeCloseTo(20, 12);
  });

  test("no gaps, and an account that is not there", () => {
    const one = whitespace(col("A", "A"), col("x", "y"), col(1, 2), "A", false);
    expect(one).toEqual([["No gaps: A buys every product", "", "", ""]]);
    expect(errorOf(() => whitespace(A, P, V, "Bee", null, at("A1:A6")))).toBe(
      'KAM.WHITESPACE: account: "Bee" is not among the accounts; nearest: "B", "A", "C"'
    );
  });

  test("Superstore: the largest customer's row and gaps", () => {
    const file = path.resolve(
      __dirname,
      "../../fixtures/real/superstore/sample-superstore-customers-A.csv"
    );
    const rows = parse(fs.readFileSync(file), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    const acc = col(...rows.map((r) => r["Customer Name"]));
    const sub = col(...rows.map((r) => r["Sub-Category"]));
    const sales = col(...rows.map((r) => Number(r.Sales)));
    const matrix = whitespace(acc, sub, sales) as (string | number)[][];
    const totals = new Map<string, number>();
    for (const r of rows)
      totals.set(r["Customer Name"], (totals.get(r["Customer Name"]) ?? 0) + Number(r.Sales));
    const top = [...totals].sort((a, b) => b[1] - a[1])[0][0];
    expect(matrix[1][0]).toBe(top);
    const header = matrix[0];
    for (let j = 1; j < header.length - 1; j++) {
      const want = rows
        .filter((r) => r["Customer Name"] === top && r["Sub-Category"] === header[j])
        .reduce((s, r) => s + Number(r.Sales), 0);
      expect(matrix[1][j] as number).toBeCloseTo(want, 8);
    }
    // Gaps: every sub-category the top customer never bought; opportunity = others' share × total.
    const gaps = whitespace(acc, sub, sales, top, false) as (string | number)[][];
    const bought = new Set(
      rows.filter((r) => r["Customer Name"] === top).map((r) => r["Sub-Category"])
    );
    const others = rows.filter((r) => r["Customer Name"] !== top);
    const othersTotal = others.reduce((s, r) => s + Number(r.Sales), 0);
    const missing = [...new Set(rows.map((r) => r["Sub-Category"]))].filter((s) => !bought.has(s));
    expect(gaps.map((g) => g[0]).sort()).toEqual(missing.sort());
    for (const g of gaps) {
      const onIt = others
        .filter((r) => r["Sub-Category"] === g[0])
        .reduce((s, r) => s + Number(r.Sales), 0);
      expect(g[3] as number).toBeCloseTo((onIt / othersTotal) * (totals.get(top) as number), 8);
    }
  });
});

describe("KAM.ACCOUNT_PROFILE", () => {
  const C = col("Customer", "Acme", "Acme", "Acme", "Beta");
  const D = col("Date", "2022-01-10", "2023-03-01", "2023-12-20", "2022-06-01");
  const V = col("Amount", 100, 50, 60, 300);
  const PR = col("Profit", 20, null, 12, 30);

  const value = (rows: unknown[][], label: string) => rows.find((r) => r[0] === label)?.[1];

  test("label/value rows, hand-checked", () => {
    const rows = accountProfile(C, D, V, "ACME", PR);
    expect(rows[0]).toEqual(["Measure", "Value"]);
    expect(value(rows, "Account")).toBe("Acme");
    expect(value(rows, "Orders")).toBe(3);
    expect(value(rows, "First order")).toBe(serial(2022, 1, 10));
    expect(value(rows, "Revenue")).toBe(210);
    // The order without a profit is left out of profit and margin: 32 / 160.
    expect(value(rows, "Profit")).toBe(32);
    expect(value(rows, "Margin")).toBeCloseTo(0.2, 14);
    expect(value(rows, "Share of revenue")).toBeCloseTo(210 / 510, 14);
    expect(value(rows, "Rank by revenue")).toBe(2);
    expect(value(rows, "Revenue 2022")).toBe(100);
    expect(value(rows, "Revenue 2023")).toBe(110);
    expect(value(rows, "Growth 2023")).toBeCloseTo(0.1, 14);
    // Two complete years (data from 10 January 2022 to 20 December 2023).
    expect(value(rows, "CAGR 2022–2023")).toBeCloseTo(0.1, 14);
    expect(value(rows, "P(alive)")).toBe("n/a: 1 repeat buyers, the CLV model needs 10");
  });

  test("Chinese labels; an account not found is named with the nearest", () => {
    const rows = inChinese(() => accountProfile(C, D, V, "Beta", OMITTED, null, false));
    expect(rows[0]).toEqual(["客户", "Beta"]);
    expect(value(rows, "收入")).toBe(300);
    expect(value(rows, "利润")).toBeUndefined();
    expect(errorOf(() => accountProfile(C, D, V, "Acne"))).toBe(
      'KAM.ACCOUNT_PROFILE: account: "Acne" is not among the accounts; nearest: "Acme", "Beta"'
    );
    expect(errorOf(() => accountProfile(C, D, V, "Acme", OMITTED, serial(2021, 1, 1)))).toBe(
      "KAM.ACCOUNT_PROFILE: as_of: no orders on or before the analysis date"
    );
  });
});
