// The six report workflows end to end in headless Chromium, on the project's sample data
// (assets/sample, en and zh): put the data into the stand-in workbook as Excel would hold it (numbers,
// date serials with a date format), select it, read it, create the report, and check the sheet that
// was written: marked as the add-in's, with a table and a native chart, portable (no KAM.* formulas,
// no error values). A messy sheet (title and merged two-row header, blank rows, text numbers, a bad
// cell, a totals row) shows its skipped rows. Screenshots of each workflow go to test/.out/.

import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import fs from "fs";
import path from "path";
import { parse } from "csv-parse/sync";
import type { Page } from "playwright-core";
import { serialFromYmd } from "../../src/engine/calendar";
import { Harness, out, root, skipBrowser, startHarness } from "./harness";

/* global window, document */

type Cell = string | number;

interface SheetShot {
  name: string;
  cells: Record<string, { value: unknown; formula: unknown }>;
  customProperties: Record<string, string>;
  charts: unknown[];
  tables: { name: string; address: string }[];
}

interface BrowserMock {
  workbook: {
    snapshotSheet(sheet: unknown): SheetShot;
    sheet(name: string): {
      setFormat(
        rect: { top: number; left: number; bottom: number; right: number },
        patch: { numberFormat: string }
      ): void;
    };
  };
  setValues(address: string, rows: Cell[][]): void;
  select(address: string): void;
  addSheet(name: string): void;
  sheetNames(): string[];
}
type MockWindow = { kamMock: BrowserMock };

/** A sample CSV as Excel would hold it after opening: numbers as numbers, ISO dates as serials. */
function sample(
  lang: "en" | "zh",
  file: string,
  limit = Infinity
): { rows: Cell[][]; dateColumns: number[] } {
  const text = fs.readFileSync(path.join(root, "assets/sample", lang, file), "utf8");
  const records: string[][] = parse(text, { bom: true, relax_column_count: true });
  const dateColumns = new Set<number>();
  const rows = records.slice(0, limit + 1).map((record, r) =>
    record.map((cell, c) => {
      if (r === 0) return cell;
      const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cell);
      if (date) {
        dateColumns.add(c);
        return serialFromYmd(Number(date[1]), Number(date[2]), Number(date[3])) ?? cell;
      }
      return /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell;
    })
  );
  return { rows, dateColumns: [...dateColumns] };
}

function lastCell(rows: Cell[][]): string {
  const columns = Math.max(...rows.map((r) => r.length));
  let letters = "";
  for (let n = columns; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return `${letters}${rows.length}`;
}

async function putData(page: Page, sheet: string, rows: Cell[][], dateColumns: number[]) {
  await page.evaluate(
    ({ sheet, rows, dateColumns }) => {
      const mock = (window as unknown as MockWindow).kamMock;
      mock.setValues(`${sheet}!A1`, rows);
      for (const c of dateColumns) {
        mock.workbook
          .sheet(sheet)
          .setFormat(
            { top: 1, left: c, bottom: rows.length - 1, right: c },
            { numberFormat: "yyyy-mm-dd" }
          );
      }
    },
    { sheet, rows, dateColumns }
  );
}

const LABELS = {
  en: {
    tab: "Reports",
    read: "Read data",
    run: "Create report",
    done: "Report written",
    names: {
      accounts: "Accounts",
      forecast: "Forecast",
      pipeline: "Pipeline",
      plan: "Plan",
      portfolio: "Portfolio",
      kpi: "KPIs",
      team: "Sales team",
      "account-plan": "Account plan",
    },
  },
  zh: {
    tab: "报表",
    read: "读取数据",
    run: "生成报表",
    done: "报表已生成",
    names: {
      accounts: "客户分析",
      forecast: "销售预测",
      pipeline: "销售漏斗",
      plan: "目标与预算",
      portfolio: "客户组合",
      kpi: "关键指标",
      team: "销售团队",
      "account-plan": "账户计划",
    },
  },
} as const;

type Workflow = keyof (typeof LABELS)["en"]["names"];

const CASES: { workflow: Workflow; file: string; limit?: number }[] = [
  { workflow: "accounts", file: "orders.csv" },
  { workflow: "forecast", file: "monthly-sales.csv" },
  { workflow: "pipeline", file: "opportunities.csv" },
  { workflow: "plan", file: "orders.csv" },
  { workflow: "portfolio", file: "portfolio.csv" },
  { workflow: "kpi", file: "orders.csv" },
  { workflow: "team", file: "opportunities.csv" },
  { workflow: "account-plan", file: "orders.csv" },
];

const describeBrowser = skipBrowser ? describe.skip : describe;

describeBrowser("report workflows in headless Chromium", () => {
  let harness: Harness | undefined;

  beforeAll(async () => {
    harness = await startHarness();
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
  });

  async function runWorkflow(
    page: Page,
    lang: "en" | "zh",
    workflow: Workflow,
    address: string
  ): Promise<SheetShot[]> {
    const t = LABELS[lang];
    const before = await page.evaluate(() =>
      (window as unknown as MockWindow).kamMock.sheetNames()
    );
    await page.getByRole("button", { name: new RegExp(`^${t.names[workflow]}`) }).click();
    await page.evaluate((a) => (window as unknown as MockWindow).kamMock.select(a), address);
    await page.getByRole("button", { name: t.read }).click();
    await page.getByTestId("preview").waitFor();
    await page.getByRole("button", { name: t.run }).click();
    try {
      await page.getByText(t.done).waitFor({ timeout: 60_000 });
    } catch (error) {
      await page.screenshot({ path: path.join(out, `workflow-${workflow}-${lang}-failure.png`) });
      throw new Error(`${String(error)}\n${await page.evaluate(() => document.body.innerText)}`);
    }
    // The pane (360 px wide) never scrolls sideways, whatever the headers' length.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth
    );
    expect(overflow).toBeLessThanOrEqual(0);
    // Only the new sheet crosses over from the page (the data sheets are large).
    const added = await page.evaluate((before) => {
      const mock = (window as unknown as MockWindow).kamMock;
      return mock
        .sheetNames()
        .filter((name) => !before.includes(name))
        .map((name) => mock.workbook.snapshotSheet(mock.workbook.sheet(name)));
    }, before);
    // One sheet, or several (the account plan: an index and one sheet per account).
    expect(added.length).toBeGreaterThanOrEqual(1);
    return added;
  }

  function checkPortable(sheet: SheetShot, workflow: Workflow): void {
    expect(JSON.parse(sheet.customProperties["KAM.Report"]).workflow).toBe(workflow);
    expect(sheet.tables.length).toBeGreaterThan(0);
    expect(sheet.charts.length).toBeGreaterThan(0);
    for (const [address, cell] of Object.entries(sheet.cells)) {
      const formula = String(cell.formula);
      if (formula.startsWith("=") && formula.includes("KAM."))
        throw new Error(`${address} holds a KAM formula: ${formula}`);
      if (typeof cell.value === "number" && !Number.isFinite(cell.value)) {
        throw new Error(`${address} holds ${cell.value}`);
      }
      if (
        typeof cell.value === "string" &&
        /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?)/.test(cell.value)
      ) {
        throw new Error(`${address} holds ${cell.value}`);
      }
    }
  }

  for (const lang of ["en", "zh"] as const) {
    test(`${lang}: each of the six workflows writes a portable report sheet with its chart`, async () => {
      if (!harness) throw new Error("no browser");
      const { page, problems } = await harness.openPane({
        displayLanguage: lang === "zh" ? "zh-CN" : "en-US",
        sheets: ["Data"],
      });
      page.setDefaultTimeout(20_000);
      const filled = new Map<string, string>();
      for (const { workflow, file, limit } of CASES) {
        // One sheet per sample file: accounts, plan and KPIs read the same orders sheet.
        const { rows, dateColumns } = sample(lang, file, limit);
        let sheet = filled.get(file);
        if (sheet === undefined) {
          sheet = filled.size === 0 ? "Data" : `Data ${filled.size + 1}`;
          if (filled.size > 0) {
            const name = sheet;
            await page.evaluate((s) => (window as unknown as MockWindow).kamMock.addSheet(s), name);
          }
          await putData(page, sheet, rows, dateColumns);
          filled.set(file, sheet);
        }
        const reports = await runWorkflow(page, lang, workflow, `'${sheet}'!A1:${lastCell(rows)}`);
        for (const report of reports) checkPortable(report, workflow);
        await page.screenshot({
          path: path.join(out, `workflow-${workflow}-${lang}.png`),
          fullPage: true,
        });
        // Back to the list for the next workflow.
        await page
          .getByRole("button", { name: lang === "zh" ? /全部报表/ : /All reports/ })
          .click();
      }
      expect(problems).toEqual([]);
      await page.context().close();
    }, 300_000);
  }

  for (const lang of ["en", "zh"] as const) {
    test(`${lang}: the Sales team takes a second snapshot from its picker and writes the slipped deals`, async () => {
      if (!harness) throw new Error("no browser");
      const { page, problems } = await harness.openPane({
        displayLanguage: lang === "zh" ? "zh-CN" : "en-US",
        sheets: ["Data", "Snapshot"],
      });
      page.setDefaultTimeout(20_000);
      const t = LABELS[lang];
      const { rows, dateColumns } = sample(lang, "opportunities.csv");
      await putData(page, "Data", rows, dateColumns);
      // The snapshot: id, stage, amount and close date of every deal, every third close date 20 days
      // earlier (those deals slipped since).
      const close = rows[0].length - 1;
      const snapshot: Cell[][] = [
        [rows[0][0], rows[0][3], rows[0][4], rows[0][close]],
        ...rows
          .slice(1)
          .map((r, k) => [
            r[0],
            r[3],
            r[4],
            typeof r[close] === "number" && k % 3 === 0 ? (r[close] as number) - 20 : r[close],
          ]),
      ];
      await putData(page, "Snapshot", snapshot, [3]);
      await page.getByRole("button", { name: new RegExp(`^${t.names.team}`) }).click();
      await page.evaluate(
        (a) => (window as unknown as MockWindow).kamMock.select(a),
        `Data!A1:${lastCell(rows)}`
      );
      await page.getByRole("button", { name: t.read }).click();
      await page.getByTestId("preview").waitFor();
      // One picker per extra source; the snapshot's reads the selection.
      const extras = page.getByTestId("extra-sources");
      const name = lang === "zh" ? "较早导出的商机清单" : "Earlier opportunity export";
      await extras.getByText(name, { exact: true }).waitFor();
      await page.evaluate(
        (a) => (window as unknown as MockWindow).kamMock.select(a),
        `Snapshot!A1:${lastCell(snapshot)}`
      );
      await extras
        .getByRole("button", { name: lang === "zh" ? "读取" : "Read", exact: true })
        .nth(1)
        .click();
      await page.getByTestId("extra-snapshot").waitFor();
      await page.getByRole("button", { name: t.run }).click();
      await page.getByText(t.done).waitFor({ timeout: 60_000 });
      const written = await page.evaluate(() => {
        const mock = (window as unknown as MockWindow).kamMock;
        const name = mock.sheetNames().find((n) => /KAM/.test(n)) as string;
        return mock.workbook.snapshotSheet(mock.workbook.sheet(name));
      });
      const texts = Object.values(written.cells).map((c) => String(c.value));
      expect(texts).toContain(
        lang === "zh"
          ? "各负责人的延期商机（成交日期晚于快照）"
          : "Slipped deals per owner (close date later than in the snapshot)"
      );
      expect(written.tables.map((x) => x.name)).toContain("KAM_TeamSlipped");
      expect(problems).toEqual([]);
      await page.context().close();
    }, 120_000);
  }

  test("a messy sheet: title, merged two-row header, blank rows, text numbers, a totals row", async () => {
    if (!harness) throw new Error("no browser");
    const { page, problems } = await harness.openPane({
      displayLanguage: "en-US",
      sheets: ["Export"],
    });
    const { rows } = sample("en", "orders.csv", 400);
    const header = rows[0];
    const messy: Cell[][] = [
      ["Orders export — Q1–Q4", "", "", "", "", "", "", "", ""],
      // A merged group header above the real one ("Order" spans ID and date).
      [
        "Order",
        "",
        "Customer",
        "Region",
        "Owner",
        "Product line",
        "Amount",
        "Tier",
        "Satisfaction",
      ],
      ["ID", "Date", "", "", "", "", "(CNY)", "", ""],
    ];
    rows.slice(1).forEach((row, i) => {
      const copy = [...row];
      if (i % 7 === 0) copy[6] = Number(copy[6]).toLocaleString("en-US"); // "12,345" as text
      messy.push(copy);
      if (i % 100 === 50) messy.push(["", "", "", "", "", "", "", "", ""]);
    });
    messy[40][6] = "n/a";
    messy.push(["Total", "", "", "", "", "", 123456789, "", ""]);
    expect(header[0]).toBe("Order ID");
    await putData(page, "Export", messy, [1]);
    await page.getByRole("button", { name: /^Accounts/ }).click();
    await page.evaluate(
      (a) => (window as unknown as MockWindow).kamMock.select(a),
      `Export!A1:I${messy.length}`
    );
    await page.getByRole("button", { name: "Read data" }).click();
    const preview = page.getByTestId("preview");
    await preview.waitFor();
    const text = await preview.innerText();
    expect(text).toMatch(/Row 41 \(G41, Amount \(CNY\)\): "n\/a" is not a number/);
    expect(text).toMatch(new RegExp(`Row ${messy.length}.*total`, "i"));
    await page.screenshot({ path: path.join(out, "workflow-messy-sheet.png"), fullPage: true });
    await page.getByRole("button", { name: "Create report" }).click();
    await page.getByText("Report written").waitFor({ timeout: 60_000 });
    expect(problems).toEqual([]);
    await page.context().close();
  }, 120_000);
});

if (skipBrowser) {
  test.skip("browser tests skipped (KAM_SKIP_BROWSER=1)", () => undefined);
}
