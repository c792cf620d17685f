// Whitespace (src/engine/accounts/whitespace.ts): hand-checked gaps and opportunities, and the spend
// matrix of the Superstore fixture against sums written out here.
/* global __dirname */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "@jest/globals";
import { parse } from "csv-parse/sync";
import {
  accountWhitespace,
  findAccount,
  productYears,
  spendMatrix,
} from "../../../src/engine/accounts/whitespace";

describe("accountWhitespace: hand-checked", () => {
  // A buys x 60, y 40; B buys x 50, z 50 (and returns 10 of y); C buys y 30, z 70; D buys x 100.
  const accounts = ["A", "A", "B", "B", "b ", "C", "C", "D"];
  const products = ["x", "y", "x", "z", "y", "y", "z", "x"];
  const amounts = [60, 40, 50, 50, -10, 30, 70, 100];
  const m = spendMatrix(accounts, products, amounts);

  test("matrix: keys ignore case and spaces, first spelling kept, returns netted", () => {
    expect(m.accounts).toEqual(["A", "B", "C", "D"]);
    expect(m.products).toEqual(["x", "y", "z"]);
    expect(m.spend).toEqual([
      [60, 40, 0],
      [50, -10, 50],
      [0, 30, 70],
      [100, 0, 0],
    ]);
    expect(m.totals).toEqual([100, 90, 100, 100]);
    expect(m.productTotals).toEqual([210, 60, 120]);
    expect(findAccount(m, " c")).toBe(2);
    expect(findAccount(m, "E")).toBeUndefined();
  });

  test("peers of the same group: B and C (core) give A's gap z", () => {
    const w = accountWhitespace(m, 0, ["core", "core", "core", "key"]);
    expect(w.basis).toBe("group");
    expect(w.peers).toBe(2);
    expect(w.bought.map((b) => [b.product, b.spend])).toEqual([
      ["x", 60],
      ["y", 40],
    ]);
    // Peers spend 50 + 70 = 120 on z out of 90 + 100 = 190; A's total 100 → 100 · 120 / 190.
    expect(w.gaps).toHaveLength(1);
    expect(w.gaps[0].product).toBe("z");
    expect(w.gaps[0].buyers).toBe(2);
    expect(w.gaps[0].peerShare).toBeCloseTo(120 / 190, 14);
    expect(w.gaps[0].opportunity).toBeCloseTo((100 * 120) / 190, 10);
    expect(w.opportunity).toBeCloseTo((100 * 120) / 190, 10);
  });

  test("a net return is not a purchase; alone in its group, every other account is a peer", () => {
    const w = accountWhitespace(m, 1, ["core", "key", "core", "core"], 300);
    expect(w.basis).toBe("all");
    expect(w.peers).toBe(3);
    // B's y is −10: a gap. Peers A, C, D spend 40 + 30 + 0 on y of 300.
    expect(w.gaps.map((g) => g.product)).toEqual(["y"]);
    expect(w.gaps[0].buyers).toBe(2);
    expect(w.gaps[0].opportunity).toBeCloseTo((90 * 70) / 300, 10);
    expect(w.shareOfWallet).toBeCloseTo(0.3, 14);
    expect(w.walletGap).toBe(210);
  });

  test("D: two gaps, largest opportunity first", () => {
    const w = accountWhitespace(m, 3);
    // Peers A, B, C: y 40 − 10 + 30 = 60, z 0 + 50 + 70 = 120, of 290.
    expect(w.gaps.map((g) => [g.product, g.opportunity])).toEqual([
      ["z", (120 / 290) * 100],
      ["y", (60 / 290) * 100],
    ]);
  });

  test("product × year", () => {
    const yearOf = [2023, 2024, 2023, 2024, 2024, 2023, 2024, 2022];
    const py = productYears(m, 1, accounts, products, amounts, yearOf, 2022, 2024);
    expect(py.years).toEqual([2022, 2023, 2024]);
    expect(py.spend).toEqual([
      [0, 50, 0],
      [0, 0, -10],
      [0, 0, 50],
    ]);
  });
});

describe("spendMatrix on Superstore (customer × sub-category)", () => {
  const file = path.resolve(
    __dirname,
    "../../fixtures/real/superstore/sample-superstore-customers-A.csv"
  );
  const rows = parse(fs.readFileSync(file), { bom: true, columns: true }) as Record<
    string,
    string
  >[];

  test("every cell equals the sum of its rows, gaps are the zero cells", () => {
    const m = spendMatrix(
      rows.map((r) => r["Customer Name"]),
      rows.map((r) => r["Sub-Category"]),
      rows.map((r) => Number(r.Sales))
    );
    const cell = new Map<string, number>();
    for (const r of rows) {
      const k = `${r["Customer Name"]}|${r["Sub-Category"]}`;
      cell.set(k, (cell.get(k) ?? 0) + Number(r.Sales));
    }
    const subs = new Set(rows.map((r) => r["Sub-Category"]));
    expect(m.products.length).toBe(subs.size);
    m.accounts.forEach((a, i) =>
      m.products.forEach((p, j) => {
        const want = cell.get(`${a}|${p}`) ?? 0;
        expect(Math.abs(m.spend[i][j] - want)).toBeLessThan(1e-9 * Math.max(1, want));
      })
    );
    // The largest customer's gaps are exactly the sub-categories it never bought.
    const top = m.totals.indexOf(Math.max(...m.totals));
    const w = accountWhitespace(m, top);
    const boughtBy = new Set(
      rows.filter((r) => r["Customer Name"] === m.accounts[top]).map((r) => r["Sub-Category"])
    );
    expect(new Set(w.gaps.map((g) => g.product))).toEqual(
      new Set([...subs].filter((s) => !boughtBy.has(s)))
    );
  });
});
