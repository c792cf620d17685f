// `kam report --workflow team --json` with --orders and --targets: the blended outlook per period and
// forecast vs actual per owner and period in the JSON figures, the owners and bridge keys kept, and
// --outlook-periods; figures against a plain computation on the shipped sample.

import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { kam, root } from "../support/kam";

const SAMPLE = path.join(root, "assets/sample/en");
const deals = parse(fs.readFileSync(path.join(SAMPLE, "opportunities.csv"), "utf8"), {
  bom: true,
}) as string[][];
const DAY = 86_400_000;
const moved = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const csv = (table: string[][]) =>
  table.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(",")).join("\n");

type Figures = Record<string, Record<string, Record<string, unknown>>>;

describe("kam report --workflow team --orders --targets --json: outlook and forecast vs actual", () => {
  let dir = "";
  let figures: Figures = {};
  let warnings: string[] = [];
  // The sample's opportunity list with a created date: 75 days before each close date.
  const withCreated = [
    [...deals[0], "Created"],
    ...deals.slice(1).map((r) => [...r, r[5] === "" ? "" : moved(r[5], -75)]),
  ];
  // Targets: Zhao Lei 30,000 in February 2025; Li Wei 120,000 a year (undated).
  const targets = [
    ["Owner", "Date", "Target"],
    ["Zhao Lei", "2025-02-01", "30000"],
    ["Li Wei", "", "120000"],
  ];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "kam-team-outlook-"));
    fs.writeFileSync(path.join(dir, "deals.csv"), csv(withCreated));
    fs.writeFileSync(path.join(dir, "targets.csv"), csv(targets));
    const r = await kam([
      "report",
      "--in",
      path.join(dir, "deals.csv"),
      "--workflow",
      "team",
      "--orders",
      path.join(SAMPLE, "orders.csv"),
      "--targets",
      path.join(dir, "targets.csv"),
      "--as-of",
      "2025-01-01",
      "--outlook-periods",
      "3",
      "--bridge-grain",
      "month",
      "--json",
      "--out",
      path.join(dir, "team.xlsx"),
    ]);
    expect(r.status).toBe(0);
    const w = JSON.parse(r.stdout).workflows[0];
    figures = w.figures;
    warnings = w.warnings;
  }, 180_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("outlook per period: repeat, pipeline, blended, target; owners and bridge kept", () => {
    const outlook = figures.outlook as Record<string, Record<string, number>>;
    expect(Object.keys(outlook)).toEqual(["2025-01", "2025-02", "2025-03"]);
    for (const p of Object.values(outlook)) {
      expect(p.blended).toBeCloseTo(p.repeat + p.pipeline, 6);
      expect(p.gap).toBeCloseTo(p.blended - p.target, 6);
    }
    // 120,000 a year is 10,000 a month; Zhao Lei's 30,000 fall in February.
    expect(outlook["2025-01"].target).toBe(10000);
    expect(outlook["2025-02"].target).toBe(40000);
    expect(outlook["2025-03"].target).toBe(10000);
    // The sample's open deals all belong to accounts with orders: expansion, not new business.
    const customers = new Set(
      (
        parse(fs.readFileSync(path.join(SAMPLE, "orders.csv"), "utf8"), {
          bom: true,
        }) as string[][]
      )
        .slice(1)
        .map((r) => r[2].toLowerCase())
    );
    const open = deals.slice(1).filter((r) => r[3] !== "Won" && r[3] !== "Lost");
    expect(open.every((r) => customers.has(r[1].toLowerCase()))).toBe(true);
    expect(Object.values(outlook).map((p) => p.pipeline)).toEqual([0, 0, 0]);
    expect(Object.values(outlook).some((p) => p.expansion > 0)).toBe(true);
    expect(Object.keys(figures.owners).length).toBeGreaterThan(5);
    expect(Object.keys(figures.bridge).length).toBeGreaterThan(30);
    expect(String(figures.outlook_repeat_method)).toMatch(/^ETS\(/);
    expect(warnings.join("\n")).toMatch(/Repeat business: the order list/);
  });

  test("forecast vs actual per owner and month against a plain computation", () => {
    const fva = figures.forecast_vs_actual as Record<
      string,
      Record<string, { forecast: number; actual: number; won: number; error: number }>
    >;
    expect(Object.keys(fva).length).toBeGreaterThan(3);
    // Won per owner and month of close, from the list itself.
    const won = new Map<string, number>();
    for (const r of deals.slice(1))
      if (r[3] === "Won") {
        const key = `${r[2]}|${r[5].slice(0, 7)}`;
        won.set(key, (won.get(key) ?? 0) + Number(r[4]));
      }
    let checked = 0;
    for (const [owner, periods] of Object.entries(fva))
      for (const [month, c] of Object.entries(periods)) {
        expect(c.won).toBe(won.get(`${owner}|${month}`) ?? 0);
        expect(c.error).toBeCloseTo(c.forecast - c.actual, 9);
        expect(c.actual).toBeLessThanOrEqual(c.won);
        checked++;
      }
    expect(checked).toBeGreaterThan(5);
    const owners = figures.forecast_vs_actual_owners as Record<string, Record<string, number>>;
    for (const [owner, o] of Object.entries(owners)) {
      const cs = Object.values(fva[owner]);
      const f = cs.reduce((a, c) => a + c.forecast, 0);
      const a = cs.reduce((x, c) => x + c.actual, 0);
      expect(o.periods).toBe(cs.length);
      if (a > 0) expect(o.bias).toBeCloseTo((f - a) / a, 9);
    }
  });
});
