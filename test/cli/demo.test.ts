// `kam demo`: the full analysis workbook from the shipped sample data, in English and Chinese, with every
// report sheet marked; never overwrites; --help.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { Workbook } from "exceljs";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { MARKER_PROPERTY } from "../../src/cli/xlsx";
import { kam } from "../support/kam";
import { sheetCustomProperties } from "../support/zip";

let dir = "";
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kam-demo-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function workbook(file: string): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe("kam demo", () => {
  test("writes all seven reports in both languages, from a folder of the user's choice", async () => {
    const [en, zh] = await Promise.all([
      kam(["demo"], dir),
      kam(["demo", "--lang", "zh", "--out", path.join(dir, "演示.xlsx")]),
    ]);
    expect(en.stderr).toContain("kam demo: wrote kam-demo.xlsx");
    expect(en.status).toBe(0);
    expect(zh.status).toBe(0);
    for (const w of ["accounts", "forecast", "pipeline", "plan", "portfolio", "kpi", "team"])
      expect(en.stderr).toContain(`kam demo: ${w}: `);
    const enBook = await workbook(path.join(dir, "kam-demo.xlsx"));
    expect(enBook.worksheets.map((w) => w.name)).toEqual([
      "KAM Accounts",
      "KAM Forecast",
      "KAM Pipeline",
      "KAM Plan",
      "KAM Portfolio",
      "KAM KPIs",
      "KAM Sales team",
    ]);
    const markers = sheetCustomProperties(fs.readFileSync(path.join(dir, "kam-demo.xlsx")));
    expect([...markers.values()].map((m) => JSON.parse(m.get(MARKER_PROPERTY)!).workflow)).toEqual([
      "accounts",
      "forecast",
      "pipeline",
      "plan",
      "portfolio",
      "kpi",
      "team",
    ]);
    // The sales team: the opportunity list with the orders as its order list, and its outlook.
    const cellTexts = (ws: Workbook["worksheets"][number]) => {
      const out: string[] = [];
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === "string") out.push(cell.value);
        })
      );
      return out;
    };
    const team = cellTexts(enBook.worksheets[6]);
    expect(team).toContain("Blended outlook: the next 6 months");
    expect(team.some((t) => t.startsWith("Repeat business: the order list"))).toBe(true);
    const zhBook = await workbook(path.join(dir, "演示.xlsx"));
    expect(zhBook.worksheets).toHaveLength(7);
    expect(cellTexts(zhBook.worksheets[6])).toContain("综合展望：未来 6 个月");
    expect(zhBook.worksheets.every((w) => w.name.startsWith("KAM"))).toBe(true);
    // The sample's Chinese names reach the report.
    const accounts = zhBook.worksheets[0];
    let chinese = 0;
    accounts.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string" && /有限公司$/.test(cell.value)) chinese++;
      })
    );
    expect(chinese).toBeGreaterThan(100);
  }, 180_000);

  test("never overwrites without --force; --help", async () => {
    const out = path.join(dir, "keep.xlsx");
    fs.writeFileSync(out, "keep me");
    const r = await kam(["demo", "--out", out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`kam demo: ${out} already exists; use --force to overwrite it\n`);
    expect(fs.readFileSync(out, "utf8")).toBe("keep me");
    const help = await kam(["demo", "--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("kam demo [--out FILE.xlsx] [--lang en|zh] [--force]");
    const bad = await kam(["demo", "--lang", "de"]);
    expect(bad.status).toBe(2);
  }, 120_000);
});
