// The portfolio report builder: 30 accounts placed on the directional policy matrix by the engine,
// a strategy summary of COUNTIF/SUMIF formulas, a bubble chart per quadrant and coloured strategies.

import { describe, expect, test } from "@jest/globals";
import { dpm } from "../../src/engine/portfolio/dpm";
import { uniformGenerator } from "../../src/engine/random";
import { ReportSheet, isFormula } from "../../src/report/model";
import { buildPortfolioReport } from "../../src/report/portfolio";
import { Dataset } from "../../src/report/roles";
import { sheetDataset } from "./datasets";
import {
  expectFormulasConsistent,
  expectWellFormed,
  keyFigure,
  tableRows,
  texts,
  valueOf,
} from "./reportCheck";

const CREATED = "2025-04-01T00:00:00.000Z";

interface Account {
  account: string;
  attractiveness: number;
  strength: number;
  revenue: number;
}

function accounts(count: number, seed: number, scale = 10): Account[] {
  const rnd = uniformGenerator(seed);
  return Array.from({ length: count }, (_, i) => ({
    account: `Account ${String(i + 1).padStart(2, "0")}`,
    attractiveness: Math.round(rnd() * scale * 10) / 10,
    strength: Math.round(rnd() * scale * 10) / 10,
    revenue: Math.round(50_000 + 2_000_000 * rnd() * rnd()),
  }));
}

function dataset(rows: Account[]): Dataset {
  return sheetDataset("portfolio", "Accounts", [
    { role: "account", text: rows.map((r) => r.account) },
    { role: "attractiveness", numbers: rows.map((r) => r.attractiveness) },
    { role: "strength", numbers: rows.map((r) => r.strength) },
    { role: "revenue", numbers: rows.map((r) => r.revenue) },
  ]);
}

describe("30 accounts on a 0–10 scale", () => {
  const rows = accounts(30, 42);
  // A score equal to the cut is low: one account exactly on it.
  rows[3].attractiveness = 5;
  let sheet: ReportSheet;

  test("builds", async () => {
    sheet = await buildPortfolioReport(dataset(rows), { lang: "en", created: CREATED });
    expect(sheet.name).toBe("KAM Portfolio");
    expect(sheet.marker.workflow).toBe("portfolio");
    expectWellFormed(sheet);
    expect(expectFormulasConsistent(sheet)).toBeGreaterThan(40);
  });

  test("every account's quadrant and strategy is the engine's, cut 5 from the scale", () => {
    const engine = dpm(
      [rows.map((r) => r.attractiveness)],
      [1],
      [rows.map((r) => r.strength)],
      [1],
      5
    );
    const quadrantName = {
      star: "Star",
      questionMark: "Question mark",
      cashCow: "Cash cow",
      dog: "Dog",
    };
    const strategyName = {
      improve: "Improve (invest)",
      enter: "Enter (build)",
      maintain: "Maintain",
      harvest: "Harvest or exit",
    };
    const table = tableRows(sheet, "KAM_Portfolio");
    expect(table.length).toBe(30);
    for (const line of table) {
      const i = rows.findIndex((r) => r.account === line[0]);
      expect(line[1]).toBe(rows[i].attractiveness);
      expect(line[2]).toBe(rows[i].strength);
      expect(line[3]).toBe(rows[i].revenue);
      expect(line[5]).toBe(quadrantName[engine[i].quadrant]);
      expect(line[6]).toBe(strategyName[engine[i].strategy]);
    }
    expect(table.find((l) => l[0] === rows[3].account)?.[5]).toMatch(/Cash cow|Dog/);
    expect(valueOf(keyFigure(sheet, "Cut (high is above)"))).toBe(5);
    expect(texts(sheet)).toContain(
      "Cut 5: the middle of the 0–10 scale; a score above it is high, a score equal to it is low (as KAM.DPM)."
    );
  });

  test("shares are formulas over the revenue total; the summary counts and adds per strategy", () => {
    const table = tableRows(sheet, "KAM_Portfolio");
    const total = rows.reduce((s, r) => s + r.revenue, 0);
    for (const line of table) {
      expect(isFormula(line[4])).toBe(true);
      expect(Math.abs((valueOf(line[4]) as number) - (line[3] as number) / total)).toBeLessThan(
        1e-12
      );
    }
    const summary = tableRows(sheet, "KAM_PortfolioStrategy");
    expect(summary.map((r) => r[0])).toEqual([
      "Improve (invest)",
      "Enter (build)",
      "Maintain",
      "Harvest or exit",
    ]);
    for (const line of summary) {
      const members = table.filter((l) => l[6] === line[0]);
      expect(valueOf(line[2])).toBe(members.length);
      expect(isFormula(line[2]) && line[2].formula).toMatch(
        /^=COUNTIF\(\$G\$\d+:\$G\$\d+,"[^"]+"\)$/
      );
      expect(isFormula(line[3]) && line[3].formula).toMatch(/^=SUMIF\(/);
    }
    expect(summary.reduce((s, l) => s + (valueOf(l[2]) as number), 0)).toBe(30);
  });

  test("a bubble chart: one series per quadrant, x strength, y attractiveness, size revenue", () => {
    expect(sheet.charts.length).toBe(1);
    const c = sheet.charts[0];
    expect(c.kind).toBe("bubble");
    const table = sheet.tables.find((t) => t.name === "KAM_Portfolio");
    if (!table) throw new Error("no table");
    const lines = tableRows(sheet, "KAM_Portfolio");
    let covered = 0;
    for (const s of c.series) {
      expect(s.categories.column).toBe(2);
      expect(s.values.column).toBe(1);
      expect(s.sizes?.column).toBe(3);
      const quadrant = s.name.split(":")[0];
      for (let r = 0; r < s.values.rows; r++) {
        expect(lines[s.values.row - table.area.row - 1 + r][5]).toBe(quadrant);
      }
      covered += s.values.rows;
    }
    expect(covered).toBe(30);
    expect(new Set(c.series.map((s) => s.color)).size).toBe(c.series.length);
    expect(c.xAxisTitle).toBe("Business strength (higher →)");
    expect(
      texts(sheet).some((t) =>
        t.includes("classic Shell / McDonald DPM draws strength falling to the right")
      )
    ).toBe(true);
  });

  test("the strategy column is coloured by conditional formats", () => {
    const strategyColumn = sheet.conditionalFormats.filter(
      (f) => f.kind === "textEquals" && f.area.column === 6
    );
    expect(strategyColumn.map((f) => (f.kind === "textEquals" ? f.text : ""))).toEqual([
      "Improve (invest)",
      "Enter (build)",
      "Maintain",
      "Harvest or exit",
    ]);
    expect(strategyColumn.every((f) => f.area.rows === 30)).toBe(true);
  });
});

describe("scales, languages, bad input", () => {
  test("scores on a 1–5 scale: cut 3, in Chinese; live is never used", async () => {
    const rows = accounts(12, 7, 4).map((r) => ({
      ...r,
      attractiveness: 1 + r.attractiveness,
      strength: 1 + r.strength,
    }));
    const sheet = await buildPortfolioReport(dataset(rows), {
      lang: "zh",
      created: CREATED,
      live: true,
    });
    expect(sheet.name).toBe("KAM 客户组合");
    expect(sheet.live).toBeUndefined();
    expectWellFormed(sheet);
    expectFormulasConsistent(sheet);
    expect(valueOf(keyFigure(sheet, "分界值（高于即为高）"))).toBe(3);
    expect(sheet.tables[0].headers).toEqual([
      "客户",
      "市场吸引力",
      "业务实力",
      "收入",
      "占比",
      "象限",
      "策略",
    ]);
    const engine = dpm(
      [rows.map((r) => r.attractiveness)],
      [1],
      [rows.map((r) => r.strength)],
      [1],
      3
    );
    const names = {
      improve: "改进（投资）",
      enter: "进入（建立）",
      maintain: "维持",
      harvest: "收割或退出",
    };
    for (const line of tableRows(sheet, "KAM_Portfolio")) {
      const i = rows.findIndex((r) => r.account === line[0]);
      expect(line[6]).toBe(names[engine[i].strategy]);
    }
  });

  test("a given cut and scale; a zero revenue is listed and noted", async () => {
    const rows = accounts(8, 3, 100);
    rows[2].revenue = 0;
    const sheet = await buildPortfolioReport(dataset(rows), {
      lang: "en",
      created: CREATED,
      cut: 60,
      scale: { min: 0, max: 100 },
    });
    expectWellFormed(sheet);
    expectFormulasConsistent(sheet);
    expect(texts(sheet)).toContain(
      "Cut 60: a score above it is high, a score equal to it is low (as KAM.DPM)."
    );
    expect(texts(sheet)).toContain(
      "1 account has no revenue: it is listed but drawn without a bubble."
    );
  });

  test("negative revenue names the account and row, in both languages", async () => {
    const rows = accounts(5, 1);
    rows[3].revenue = -100;
    await expect(buildPortfolioReport(dataset(rows), { lang: "en" })).rejects.toThrow(
      'Account "Account 04" (row 5): the revenue -100 is negative'
    );
    await expect(buildPortfolioReport(dataset(rows), { lang: "zh" })).rejects.toThrow(
      "客户“Account 04”（第 5 行）：收入 -100 为负数"
    );
  });

  test("no rows, all revenue 0, a score outside the given scale", async () => {
    await expect(buildPortfolioReport(dataset([]), { lang: "en" })).rejects.toThrow(
      "The portfolio needs data"
    );
    const zero = accounts(3, 2).map((r) => ({ ...r, revenue: 0 }));
    await expect(buildPortfolioReport(dataset(zero), { lang: "en" })).rejects.toThrow(
      "The revenues add up to 0"
    );
    const rows = accounts(3, 2);
    await expect(
      buildPortfolioReport(dataset(rows), { lang: "en", scale: { min: 1, max: 5 } })
    ).rejects.toThrow(/is outside the scale 1–5/);
  });
});
