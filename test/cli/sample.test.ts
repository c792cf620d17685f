/* global __dirname, Buffer */
// The sample data in assets/sample: the generator still reproduces the committed files byte for byte,
// and the data has the shape the demo relies on (a long tail, returns, every stage, both languages).
import { describe, expect, test } from "@jest/globals";
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import os from "node:os";
import { SAMPLE, SAMPLE_FILES, generateSample } from "../../src/cli/sample";
import { kam } from "../support/kam";

const root = path.resolve(__dirname, "../..");
const rows = (text: string) => parse(text, { bom: true }) as string[][];
// A checkout on Windows may turn line ends into CRLF; the content is what must not change.
const lf = (text: string) => text.replace(/\r\n/g, "\n");

describe("sample data", () => {
  const en = generateSample("en");
  const zh = generateSample("zh");

  test.each(["en", "zh"] as const)(
    "%s: the generator reproduces assets/sample byte for byte (regenerate: npm run sample)",
    (lang) => {
      for (const f of lang === "en" ? en : zh) {
        const file = path.join(root, "assets/sample", lang, f.name);
        expect(fs.existsSync(file)).toBe(true);
        const committed = lf(fs.readFileSync(file, "utf8"));
        if (committed !== f.text) throw new Error(`${file} differs from the generator's output`);
      }
      expect(fs.readdirSync(path.join(root, "assets/sample", lang)).sort()).toEqual(
        [...SAMPLE_FILES].sort()
      );
    }
  );

  test("orders: three years, a few hundred accounts with a long tail, returns, seasonality", () => {
    const orders = rows(en[0].text);
    expect(orders[0]).toEqual([
      "Order ID",
      "Order date",
      "Customer",
      "Region",
      "Owner",
      "Product line",
      "Amount",
      "Tier",
      "Satisfaction",
    ]);
    const body = orders.slice(1);
    expect(body.length).toBeGreaterThan(5000);
    const dates = body.map((r) => r[1]).sort();
    expect(dates[0].slice(0, 7)).toBe(`${SAMPLE.firstYear}-01`);
    expect(dates[dates.length - 1].slice(0, 4)).toBe(String(SAMPLE.firstYear + SAMPLE.years - 1));
    const revenue = new Map<string, number>();
    for (const r of body) revenue.set(r[2], (revenue.get(r[2]) ?? 0) + Number(r[6]));
    expect(revenue.size).toBe(SAMPLE.customers);
    const sorted = [...revenue.values()].sort((a, b) => b - a);
    const total = sorted.reduce((a, b) => a + b, 0);
    const top = sorted.slice(0, SAMPLE.customers / 5).reduce((a, b) => a + b, 0);
    expect(top / total).toBeGreaterThan(0.6); // Pareto: the top 20% bring most of the revenue
    const returns = body.filter((r) => Number(r[6]) < 0);
    expect(returns.length).toBeGreaterThan(50);
    expect(returns.every((r) => r[0].startsWith("RT-"))).toBe(true);
    expect(new Set(body.map((r) => r[3])).size).toBe(4);
    expect(new Set(body.map((r) => r[7]))).toEqual(new Set(["Key", "Standard"]));
    const surveyed = body.filter((r) => r[8] !== "").map((r) => Number(r[8]));
    expect(surveyed.every((s) => Number.isInteger(s) && s >= 0 && s <= 10)).toBe(true);
    // Seasonality: February (Spring Festival) is the weakest month, December the strongest.
    const byMonth = new Array<number>(12).fill(0);
    for (const r of body) byMonth[Number(r[1].slice(5, 7)) - 1] += Number(r[6]);
    expect(byMonth.indexOf(Math.min(...byMonth))).toBe(1);
    expect(byMonth.indexOf(Math.max(...byMonth))).toBe(11);
  });

  test("opportunities: every stage, close dates ahead and some overdue; stage table matches", () => {
    const opps = rows(en[1].text).slice(1);
    const stages = new Set(opps.map((r) => r[3]));
    expect([...stages].sort()).toEqual([
      "Intent",
      "Lost",
      "Negotiation",
      "Proposal",
      "Prospect",
      "Won",
    ]);
    const asOf = "2025-01-01";
    const open = opps.filter((r) => !["Won", "Lost"].includes(r[3]));
    expect(open.filter((r) => r[5] < asOf).length).toBeGreaterThan(3); // overdue
    expect(open.filter((r) => r[5] >= "2025-06-01").length).toBeGreaterThan(10);
    const table = rows(en[5].text).slice(1);
    expect(table.map((r) => r[0])).toEqual([
      "Prospect",
      "Intent",
      "Proposal",
      "Negotiation",
      "Won",
      "Lost",
    ]);
    expect(new Set(opps.map((r) => r[0])).size).toBe(opps.length);
  });

  test("monthly sales are the orders summed by product line and month", () => {
    const sales = rows(en[2].text).slice(1);
    expect(sales.length).toBe(4 * 12 * SAMPLE.years);
    const orders = rows(en[0].text).slice(1);
    const jan = orders
      .filter((r) => r[5] === "Pumps" && r[1].startsWith(`${SAMPLE.firstYear}-01`))
      .reduce((a, r) => a + Number(r[6]), 0);
    expect(Number(sales[0][2])).toBeCloseTo(jan, 6);
    expect(sales[0].slice(0, 2)).toEqual(["Pumps", `${SAMPLE.firstYear}-01`]);
  });

  test("Chinese files: the same numbers with Chinese headers, names and stages, with a BOM", () => {
    for (let k = 0; k < SAMPLE_FILES.length; k++)
      expect(zh[k].text.startsWith("\uFEFF")).toBe(true);
    const a = rows(en[0].text);
    const b = rows(zh[0].text);
    expect(b[0][0]).toBe("订单编号");
    expect(b.length).toBe(a.length);
    expect(b.map((r) => r[6])).toEqual(a.map((r, i) => (i === 0 ? "金额" : r[6])));
    expect(b[1][2]).toMatch(/有限公司$/);
    expect(
      new Set(
        rows(zh[1].text)
          .slice(1)
          .map((r) => r[3])
      )
    ).toEqual(new Set(["潜在客户", "意向客户", "方案阶段", "商务谈判", "销售实现", "输单"]));
  });

  test("kam sample writes the same files; never overwrites without --force", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kam-sample-"));
    try {
      const out = path.join(dir, "data");
      const r = await kam(["sample", "--out", out]);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe(`kam sample: wrote 12 files to ${out}\n`);
      for (const lang of ["en", "zh"])
        for (const name of SAMPLE_FILES)
          expect(
            fs
              .readFileSync(path.join(out, lang, name))
              .equals(
                Buffer.from((lang === "en" ? en : zh).find((f) => f.name === name)!.text, "utf8")
              )
          ).toBe(true);
      const again = await kam(["sample", "--out", out]);
      expect(again.status).toBe(1);
      expect(again.stderr).toContain("already exists; use --force to overwrite it");
      expect((await kam(["sample", "--out", out, "--force"])).status).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
