// src/excel/report.ts (the Office.js report writer) against the in-memory Excel stand-in: a full
// accounts report, text safety, the marker, replacing, failures part-way, round trips and progress.

import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import {
  DEFAULT_CHUNK_CELLS,
  MARKER_KEY,
  ReportWriteError,
  columnWidthPoints,
  findReports,
  needsTextPrefix,
  officeReports,
  parseMarker,
  textInput,
  writeReport,
} from "../../src/excel/report";
import { CellContent, ReportMarker, ReportSheet } from "../../src/report/model";
import { sheetNameFor, tableNameFor } from "../../src/report/names";
import { ColumnSpec, PlacedTable, SheetBuilder, userText } from "../../src/report/sheet";
import {
  InstalledMock,
  MockOfficeError,
  MockRequestContext,
  MockWorkbook,
  installOfficeMock,
} from "../excel-mock";

let mock: InstalledMock;
let book: MockWorkbook;

beforeEach(() => {
  book = new MockWorkbook(["Orders", "Sheet1"]);
  book.setValues("Orders!A1", [
    ["Account", "Date", "Amount"],
    ["Acme", 45292, 1200],
  ]);
  mock = installOfficeMock({ workbook: book });
});
afterEach(() => mock.uninstall());

const CREATED = "2024-06-01T08:00:00.000Z";
const USER_TEXT = ["=SUM(A1)", "+86 123", "-", "@home"];
const ROWS = 2500;

interface Built {
  report: ReportSheet;
  placed: PlacedTable;
  revenue: number[];
  total: number;
}

/** A realistic accounts report: title, key figures, a table with totals, formats, charts. */
function accountsReport(options: { rows?: number; created?: string } = {}): Built {
  const n = options.rows ?? ROWS;
  const b = new SheetBuilder("accounts", "KAM Accounts", {
    lang: "en",
    created: options.created ?? CREATED,
    source: "Orders!A1:C10001",
  });
  b.title("Key accounts by value", "Source: Orders!A1:C10001");
  const accounts = Array.from({ length: n }, (_, i) =>
    i < USER_TEXT.length ? USER_TEXT[i] : `Account ${String(i + 1).padStart(4, "0")}`
  );
  const revenue = accounts.map((_, i) => Math.round(1_000_000 / (i + 1)) / 10);
  const total = revenue.reduce((s, v) => s + v, 0);
  let running = 0;
  const cumulative = revenue.map((v) => (running += v) / total);
  const orders = accounts.map((_, i) => 5 + ((i * 37) % 200));
  b.keyValues([
    ["Accounts", n, "integer"],
    ["Revenue", total, "currency"],
    ["Top account share", revenue[0] / total, "percent"],
  ]);
  b.section("Accounts");
  const columns: ColumnSpec[] = [
    { header: "Account", total: { label: "Total" }, width: 24 },
    { header: "Tier" },
    { header: "Revenue", format: "currency", total: "sum" },
    { header: "Share", format: "percent", total: "sum" },
    { header: "Cumulative", format: "percent" },
    { header: "Orders", format: "integer", total: "sum" },
  ];
  const rows: CellContent[][] = accounts.map((a, i) => [
    userText(a),
    cumulative[i] <= 0.8 ? "A" : cumulative[i] <= 0.95 ? "B" : "C",
    revenue[i],
    revenue[i] / total,
    cumulative[i],
    orders[i],
  ]);
  const placed = b.table("KAM_Accounts", columns, rows, {
    rowFormula: (p, r, i) => {
      const row = [...rows[i]];
      row[3] = { formula: `=C${r + 1}/C$${(p.totalsRow ?? 0) + 1}`, value: revenue[i] / total };
      return row;
    },
  });
  b.conditional({ kind: "dataBar", area: placed.column(2), color: "#5B9BD5" });
  b.conditional({
    kind: "colorScale",
    area: placed.column(3),
    min: "#F8696B",
    mid: "#FFEB84",
    max: "#63BE7B",
  });
  b.conditional({
    kind: "cellValue",
    area: placed.column(5),
    operator: "greaterThan",
    values: ["100"],
    style: { color: "#006100", fill: "#C6EFCE", bold: true },
  });
  b.conditional({
    kind: "textEquals",
    area: placed.column(1),
    text: "A",
    style: { fill: "#FFC7CE" },
  });
  const top = (column: number) => ({ row: placed.firstRow, column, rows: 20, columns: 1 });
  b.chart(
    {
      kind: "pareto",
      title: "Revenue concentration",
      series: [
        { name: "Revenue", categories: top(0), values: top(2), color: "#4472C4" },
        {
          name: "Cumulative %",
          categories: top(0),
          values: top(4),
          secondaryAxis: true,
          kind: "line",
          color: "#ED7D31",
        },
      ],
      xAxisTitle: "Account",
      yAxisTitle: "Revenue",
      yFormat: "currency",
      legend: "bottom",
    },
    placed.area.row
  );
  b.chart(
    {
      kind: "bubble",
      title: "Orders and revenue",
      series: [
        {
          name: "Accounts",
          categories: placed.column(5),
          values: placed.column(2),
          sizes: placed.column(3),
        },
      ],
      xAxisTitle: "Orders",
      yAxisTitle: "Revenue",
      legend: "none",
    },
    placed.area.row + 17
  );
  b.freeze(placed.area.row + 1);
  return { report: b.build(), placed, revenue, total };
}

/** A small report (a title and one text cell) for the replace and failure tests. */
function smallReport(name = "KAM Accounts", created = CREATED): ReportSheet {
  const b = new SheetBuilder("accounts", name, { lang: "en", created, source: "Orders!A1:C2" });
  b.title("Small");
  b.table(
    "KAM_Accounts",
    [{ header: "Account" }, { header: "Value", format: "number" }],
    [
      ["Acme", 1],
      ["Globex", 2],
    ]
  );
  return b.build();
}

const errorOf = async (promise: Promise<unknown>): Promise<ReportWriteError> => {
  try {
    await promise;
  } catch (error) {
    return error as ReportWriteError;
  }
  throw new Error("expected a rejection");
};

describe("writeReport: the accounts report", () => {
  test("every cell, formula, format, table, conditional format, chart and the marker", async () => {
    const { report, placed, revenue, total } = accountsReport();
    const result = await writeReport(report);
    expect(result).toEqual({ sheet: "KAM Accounts", replaced: false, warnings: [] });
    expect(book.sheetNames()).toEqual(["Orders", "Sheet1", "KAM Accounts"]);
    expect(book.activeSheet.name).toBe("KAM Accounts");
    const sheet = book.sheet("KAM Accounts")!;

    // The marker, stored with the sheet.
    expect(JSON.parse(sheet.customProperty(MARKER_KEY) ?? "")).toEqual(report.marker);

    // Title, subtitle, key figures, section heading.
    expect(book.value("'KAM Accounts'!A1")).toBe("Key accounts by value");
    expect(book.cellFormat("'KAM Accounts'!A1")).toMatchObject({
      bold: true,
      size: 16,
      color: "#1F3864",
    });
    expect(book.value("'KAM Accounts'!A2")).toBe("Source: Orders!A1:C10001");
    expect(book.cellFormat("'KAM Accounts'!A2")).toMatchObject({ italic: true, color: "#595959" });
    expect(book.values("'KAM Accounts'!A4:B6")).toEqual([
      ["Accounts", ROWS],
      ["Revenue", total],
      ["Top account share", revenue[0] / total],
    ]);
    expect(book.cellFormat("'KAM Accounts'!A4").bold).toBe(true);
    expect(book.cellFormat("'KAM Accounts'!B4").numberFormat).toBe("#,##0");
    expect(book.cellFormat("'KAM Accounts'!B5").numberFormat).toBe("#,##0.00");
    expect(book.cellFormat("'KAM Accounts'!B6").numberFormat).toBe("0.0%");
    expect(book.value("'KAM Accounts'!A8")).toBe("Accounts");

    // The table: header row, data, formulas, totals.
    expect(placed.area).toEqual({ row: 8, column: 0, rows: ROWS + 1, columns: 6 });
    expect(book.values("'KAM Accounts'!A9:F9")).toEqual([
      ["Account", "Tier", "Revenue", "Share", "Cumulative", "Orders"],
    ]);
    const last = 9 + ROWS; // sheet row of the last data row
    const totals = last + 1;
    expect(book.value("'KAM Accounts'!A15")).toBe("Account 0006");
    expect(book.value("'KAM Accounts'!C15")).toBe(revenue[5]);
    expect(book.formula("'KAM Accounts'!D15")).toBe(`=C15/C$${totals}`);
    expect(book.formula(`'KAM Accounts'!D${last}`)).toBe(`=C${last}/C$${totals}`);
    expect(book.value(`'KAM Accounts'!A${last}`)).toBe(`Account ${ROWS}`);
    expect(book.values(`'KAM Accounts'!A${totals}:B${totals}`)).toEqual([["Total", ""]]);
    expect(book.formula(`'KAM Accounts'!C${totals}`)).toBe(`=SUM(C10:C${last})`);
    expect(book.formula(`'KAM Accounts'!D${totals}`)).toBe(`=SUM(D10:D${last})`);
    expect(book.formula(`'KAM Accounts'!E${totals}`)).toBe("");
    expect(book.formula(`'KAM Accounts'!F${totals}`)).toBe(`=SUM(F10:F${last})`);
    expect(book.cellFormat(`'KAM Accounts'!A${totals}`).bold).toBe(true);
    for (const [column, format] of [
      ["C", "#,##0.00"],
      ["D", "0.0%"],
      ["E", "0.0%"],
      ["F", "#,##0"],
    ]) {
      expect(book.cellFormat(`'KAM Accounts'!${column}10`).numberFormat).toBe(format);
      expect(book.cellFormat(`'KAM Accounts'!${column}${last}`).numberFormat).toBe(format);
    }
    expect(book.cellFormat(`'KAM Accounts'!E${totals}`).numberFormat).toBe("General");
    expect(book.cellFormat("'KAM Accounts'!A10").numberFormat).toBe("General");

    // Text from the user's data arrives as that text, never as a formula.
    USER_TEXT.forEach((text, i) => {
      const cell = book.cell(`'KAM Accounts'!A${10 + i}`);
      expect(cell).toEqual({ value: text, formula: text, quotePrefix: true });
    });

    const tables = book.tables.filter((t) => t.sheet === sheet);
    expect(tables.map((t) => ({ name: t.name, style: t.style, rect: t.rect }))).toEqual([
      {
        name: "KAM_Accounts",
        style: "TableStyleMedium2",
        rect: { top: 8, left: 0, bottom: last - 1, right: 5 },
      },
    ]);

    expect(sheet.conditionalFormats).toEqual([
      {
        type: "DataBar",
        rect: { top: 9, left: 2, bottom: last - 1, right: 2 },
        dataBar: { fillColor: "#5B9BD5" },
      },
      {
        type: "ColorScale",
        rect: { top: 9, left: 3, bottom: last - 1, right: 3 },
        colorScale: {
          criteria: {
            minimum: { type: "LowestValue", color: "#F8696B" },
            midpoint: { type: "Percentile", formula: "50", color: "#FFEB84" },
            maximum: { type: "HighestValue", color: "#63BE7B" },
          },
        },
      },
      {
        type: "CellValue",
        rect: { top: 9, left: 5, bottom: last - 1, right: 5 },
        format: { fontColor: "#006100", bold: true, fillColor: "#C6EFCE" },
        rule: { formula1: "=100", operator: "GreaterThan" },
      },
      {
        type: "CellValue",
        rect: { top: 9, left: 1, bottom: last - 1, right: 1 },
        format: { fillColor: "#FFC7CE" },
        rule: { formula1: '="A"', operator: "EqualTo" },
      },
    ]);

    // Column widths: characters → points (7 px per character + 5 px padding, 0.75 pt per px).
    expect(sheet.columnWidth(0)).toBe(columnWidthPoints(24));
    expect(sheet.columnWidth(0)).toBe(129.75);
    expect(sheet.columnWidth(1)).toBe(columnWidthPoints(10));
    expect(sheet.columnWidth(4)).toBe(columnWidthPoints(12));
    expect(sheet.frozen).toEqual({ rows: 9, columns: 0 });

    const charts = sheet.charts.map((c) => book.describeChart(c));
    expect(charts).toHaveLength(2);
    const q = "'KAM Accounts'";
    expect(charts[0]).toEqual({
      name: expect.any(String),
      chartType: "ColumnClustered",
      title: "Revenue concentration",
      axes: {
        Category: { title: "Account" },
        Value: { title: "Revenue", numberFormat: "#,##0.00" },
        "Value/Secondary": { numberFormat: "0.0%" },
      },
      legend: { position: "Bottom", visible: true },
      position: { start: "H9", end: "O24" },
      series: [
        {
          name: "Revenue",
          chartType: undefined,
          axisGroup: "Primary",
          values: `${q}!C10:C29`,
          xValues: `${q}!A10:A29`,
          fillColor: "#4472C4",
        },
        {
          name: "Cumulative %",
          chartType: "Line",
          axisGroup: "Secondary",
          values: `${q}!E10:E29`,
          xValues: `${q}!A10:A29`,
          lineColor: "#ED7D31",
        },
      ],
    });
    expect(charts[1]).toEqual({
      name: expect.any(String),
      chartType: "Bubble",
      title: "Orders and revenue",
      axes: { Category: { title: "Orders" }, Value: { title: "Revenue" } },
      legend: { position: "Right", visible: false },
      position: { start: "H26", end: "O41" },
      series: [
        {
          name: "Accounts",
          chartType: undefined,
          axisGroup: "Primary",
          values: `${q}!C10:C${last}`,
          xValues: `${q}!F10:F${last}`,
          bubbleSizes: `${q}!D10:D${last}`,
        },
      ],
    });
  });

  test("the 2,500-row report takes 7 round trips: read, 2 chunks, formats, charts, check, commit", async () => {
    const { report } = accountsReport();
    const progress: [number, number][] = [];
    await writeReport(report, { onProgress: (done, total) => progress.push([done, total]) });
    expect(DEFAULT_CHUNK_CELLS).toBe(20000);
    expect(progress).toHaveLength(2);
    const total = progress[0][1];
    // Contents (2,501 × 6 table cells + title, key figures, totals) and number formats.
    expect(total).toBe(9 + 15006 + 6 + 3 + 4 * ROWS + 3);
    expect(progress).toEqual([
      [20000, total],
      [total, total],
    ]);
    expect(book.syncCount).toBe(7);
    expect(book.runCount).toBe(1);
  });

  test("round trips grow with the chunks only, not with formats or charts", async () => {
    const { report } = accountsReport();
    const progress: number[] = [];
    await writeReport(report, { chunkCells: 5000, onProgress: (done) => progress.push(done) });
    const chunks = progress.length;
    expect(chunks).toBe(6); // 25,027 cells, ≤ 5,000 per round trip: ceil(25,027 / 5,000)
    expect(book.syncCount).toBe(chunks + 5);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    const busy = accountsReport().report;
    for (let i = 0; i < 40; i++) {
      busy.formats.push({
        area: { row: 9 + i, column: 0, rows: 1, columns: 6 },
        style: { fill: "#F2F2F2", italic: true },
      });
    }
    for (let i = 0; i < 10; i++) busy.charts.push({ ...busy.charts[0], title: `Copy ${i}` });
    for (let i = 0; i < 10; i++) busy.conditionalFormats.push(busy.conditionalFormats[0]);
    const before = book.syncCount;
    const written = await writeReport(busy, { chunkCells: 5000 });
    expect(written.sheet).toBe("KAM Accounts (2)");
    expect(book.syncCount - before).toBe(chunks + 5);
    expect(book.sheet("KAM Accounts (2)")!.charts).toHaveLength(12);
  });

  test("chunks never exceed chunkCells and rows are not split across writes", async () => {
    const { report } = accountsReport({ rows: 300 });
    const progress: number[] = [];
    await writeReport(report, { chunkCells: 100, onProgress: (done) => progress.push(done) });
    expect(book.syncCount).toBe(progress.length + 5);
    expect(progress.length).toBeLessThanOrEqual(Math.ceil(progress[progress.length - 1] / 100) + 1);
    const table = book.writes.filter((w) => w.sheet === "KAM Accounts");
    for (const write of table) {
      expect(write.formulas.length * write.formulas[0].length).toBeLessThanOrEqual(100);
      // Whole rows of each block: 1 (titles), 2 (key figures) or 6 (the table) columns.
      expect([1, 2, 6]).toContain(write.formulas[0].length);
    }
    expect(book.formula("'KAM Accounts'!D12")).toBe("=C12/C$310");
    expect(book.value("'KAM Accounts'!A309")).toBe("Account 0300");
  });
});

describe("text is written as text", () => {
  test("text that Excel would read as something else gets the quote prefix", () => {
    for (const text of [
      "=SUM(A1)",
      "+86 123",
      "-",
      "@home",
      "'quoted",
      " =1",
      "00123",
      "2024-01-15",
      "12%",
      "(5)",
      "$5",
      "TRUE",
      "false",
      "#N/A",
      "Jan 2024",
      "2024年1月15日",
    ]) {
      expect([text, needsTextPrefix(text)]).toEqual([text, true]);
      expect(textInput(text)).toBe(`'${text}`);
    }
    for (const text of ["Acme", "Account 5", "Q1 2024", "客户 A", "Total", "e-mail", "Mayfair"]) {
      expect([text, needsTextPrefix(text)]).toEqual([text, false]);
      expect(textInput(text)).toBe(text);
    }
  });

  test("every such text arrives in its cell exactly, as text", async () => {
    const texts = [
      "=SUM(A1)",
      "+86 123",
      "-",
      "@home",
      "'quoted",
      "00123",
      "2024-01-15",
      "TRUE",
      "=1/0",
    ];
    const b = new SheetBuilder("kpi", "KAM KPIs", { lang: "en", created: CREATED });
    b.put(
      0,
      0,
      texts.map((t) => [t, { formula: "=LEN(A1)", value: 3 }])
    );
    await writeReport(b.build());
    texts.forEach((text, i) => {
      const cell = book.cell(`'KAM KPIs'!A${i + 1}`);
      expect(cell.value).toBe(text);
      expect(cell.formula).toBe(text);
    });
    expect(book.formula("'KAM KPIs'!B1")).toBe("=LEN(A1)");
  });

  test("text longer than a cell holds is cut with a note in the cell and a warning naming it", async () => {
    const b = new SheetBuilder("kpi", "KAM KPIs", { lang: "zh", created: CREATED });
    const long = "=" + "长".repeat(39_999);
    b.put(2, 1, [["short"], [long]]);
    const written = await writeReport(b.build(), { lang: "zh" });
    const cell = book.cell("'KAM KPIs'!B4");
    expect(String(cell.value).length).toBe(32_767);
    expect(String(cell.value).startsWith("=长长")).toBe(true);
    expect(String(cell.value).endsWith("（已截断：共 40,000 个字符，单元格最多 32,767 个）")).toBe(
      true
    );
    expect(cell.quotePrefix).toBe(true);
    expect(book.value("'KAM KPIs'!B3")).toBe("short");
    expect(written.warnings).toContain("B4：文本有 40,000 个字符，超过单元格上限，已截断。");
  });

  test("live cells are written as their KAM.* formula; empty and odd cells as nothing", async () => {
    const b = new SheetBuilder("forecast", "KAM Forecast", {
      lang: "en",
      live: true,
      created: CREATED,
    });
    b.put(0, 0, [
      [
        { live: "=KAM.FORECAST_SMOOTH(Orders!C2:C40,6)", value: 120 },
        { formula: "SUM(B2:B3)", value: 0 },
      ],
      [null, Number.NaN],
      ["", true],
    ]);
    await writeReport(b.build());
    expect(book.formula("'KAM Forecast'!A1")).toBe("=KAM.FORECAST_SMOOTH(Orders!C2:C40,6)");
    expect(book.formula("'KAM Forecast'!B1")).toBe("=SUM(B2:B3)");
    expect(book.formula("'KAM Forecast'!A2")).toBe("");
    expect(book.formula("'KAM Forecast'!B2")).toBe("");
    expect(book.formula("'KAM Forecast'!A3")).toBe("");
    expect(book.value("'KAM Forecast'!B3")).toBe(true);
  });

  test("the stand-in reads input as Excel does (so the tests above prove something)", async () => {
    await mock.Excel.run(async (context: MockRequestContext) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:F1").values = [["=SUM(B1)", "+86", "@home", "'=x", "00123", "2024-01-15"]];
      await context.sync();
    });
    expect(book.cell("Sheet1!A1")).toEqual({ value: "", formula: "=SUM(B1)" });
    expect(book.cell("Sheet1!B1")).toEqual({ value: 86, formula: 86 });
    expect(book.cell("Sheet1!C1")).toEqual({ value: "", formula: "=@home" });
    expect(book.cell("Sheet1!D1")).toEqual({ value: "=x", formula: "=x", quotePrefix: true });
    expect(book.value("Sheet1!E1")).toBe(123);
    expect(book.value("Sheet1!F1")).toBe(45306);
    expect(book.cellFormat("Sheet1!F1").numberFormat).toBe("yyyy-mm-dd");
    await expect(
      mock.Excel.run(async (context: MockRequestContext) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [["-"]];
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await mock.Excel.run(async (context: MockRequestContext) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A3");
      range.numberFormat = [["@"]];
      range.values = [["=SUM(B1)"]];
      await context.sync();
    });
    expect(book.cell("Sheet1!A3")).toEqual({ value: "=SUM(B1)", formula: "=SUM(B1)" });
  });
});

describe("names", () => {
  test("sheet names: forbidden characters removed, 31 characters, (2), (3)...", () => {
    const none = () => false;
    expect(sheetNameFor("KAM: Accounts [Q1] / 2024?*", none)).toBe("KAM Accounts Q1  2024");
    expect(sheetNameFor("'quoted'", none)).toBe("quoted");
    expect(sheetNameFor("", none)).toBe("KAM Report");
    expect(sheetNameFor("History", none)).toBe("KAM Report");
    const long = "A very long report name that goes on";
    expect(sheetNameFor(long, none)).toBe(long.slice(0, 31));
    const taken = new Set(["KAM ACCOUNTS", "KAM ACCOUNTS (2)"]);
    expect(sheetNameFor("KAM Accounts", (n) => taken.has(n.toUpperCase()))).toBe(
      "KAM Accounts (3)"
    );
    const named = sheetNameFor(long, (n) => n === long.slice(0, 31));
    expect(named).toBe(`${long.slice(0, 27)} (2)`);
    expect(named).toHaveLength(31);
  });

  test("table names: valid and unique in the workbook", () => {
    const takenIn = (names: string[]) => (n: string) => names.includes(n.toUpperCase());
    expect(tableNameFor("KAM_Accounts", takenIn([]))).toBe("KAM_Accounts");
    expect(tableNameFor("KAM_Accounts", takenIn(["KAM_ACCOUNTS"]))).toBe("KAM_Accounts_2");
    expect(tableNameFor("KAM_Accounts", takenIn(["KAM_ACCOUNTS", "KAM_ACCOUNTS_2"]))).toBe(
      "KAM_Accounts_3"
    );
    expect(tableNameFor("KAM Accounts-2024", takenIn([]))).toBe("KAM_Accounts_2024");
    expect(tableNameFor("2024", takenIn([]))).toBe("_2024");
    expect(tableNameFor("ABC1", takenIn([]))).toBe("_ABC1");
    expect(tableNameFor("R1C1", takenIn([]))).toBe("_R1C1");
    expect(tableNameFor("客户_汇总", takenIn([]))).toBe("客户_汇总");
  });

  test("a table name taken by the user's table or name gets a suffix", async () => {
    book.setValues("Orders!F1", [["Key"], ["x"]]);
    book.createTable("Orders!A1:C2", "KAM_Accounts");
    book.defineName("KAM_Accounts_2", "=Orders!$F$1:$F$2");
    await writeReport(smallReport());
    const ours = book.tables.filter((t) => t.sheet.name === "KAM Accounts").map((t) => t.name);
    expect(ours).toEqual(["KAM_Accounts_3"]);
    expect(book.table("KAM_Accounts")!.sheet.name).toBe("Orders");
  });

  test("the stand-in rejects a duplicate table name as Excel does (InvalidArgument)", async () => {
    book.createTable("Orders!A1:C2", "Sales");
    const error = await errorOf(
      mock.Excel.run(async (context: MockRequestContext) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:A2").values = [["H"], [1]];
        const table = context.workbook.worksheets.getItem("Sheet1").tables.add("A1:A2", true);
        table.name = "sales";
        await context.sync();
      })
    );
    expect(error).toMatchObject({ code: "InvalidArgument" });
  });
});

describe("the marker and findReports", () => {
  test("finds our sheets by their marker, not by their name", async () => {
    book.addSheet("KAM Accounts"); // the user's own sheet with the same name
    book.addSheet("Broken").setCustomProperty(MARKER_KEY, "{not json");
    book.addSheet("Other").setCustomProperty(MARKER_KEY, JSON.stringify({ product: "else" }));
    await writeReport(smallReport());
    await writeReport(smallReport("KAM Plan"));
    book.syncCount = 0;
    const found = await findReports();
    expect(found).toEqual([
      { sheet: "KAM Accounts (2)", marker: smallReport().marker },
      { sheet: "KAM Plan", marker: smallReport("KAM Plan").marker },
    ]);
    expect(book.syncCount).toBe(2);
    expect(await officeReports.findReports()).toEqual(found);
  });

  test("parseMarker accepts only our markers", () => {
    const marker: ReportMarker = {
      product: "kam-analytics",
      workflow: "pipeline",
      version: 1,
      created: CREATED,
      source: "Table1",
    };
    expect(parseMarker(JSON.stringify(marker))).toEqual(marker);
    expect(parseMarker(JSON.stringify({ ...marker, extra: 1 }))).toEqual(marker);
    expect(parseMarker(JSON.stringify({ ...marker, workflow: "other" }))).toBeNull();
    expect(parseMarker(JSON.stringify({ ...marker, version: 2 }))).toBeNull();
    expect(parseMarker("[]")).toBeNull();
    expect(parseMarker(undefined)).toBeNull();
  });
});

describe("replacing a report", () => {
  test("our sheet is replaced after confirmation: same name, place, table name; new marker", async () => {
    await writeReport(smallReport());
    await mock.Excel.run(async (context: MockRequestContext) => {
      context.workbook.worksheets.getItem("KAM Accounts").position = 0;
      await context.sync();
    });
    book.activate(book.sheet("Sheet1")!);
    expect(book.sheetNames()).toEqual(["KAM Accounts", "Orders", "Sheet1"]);

    const later = "2024-07-01T08:00:00.000Z";
    const { report } = accountsReport({ rows: 50, created: later });
    const result = await writeReport(report, { replace: "kam accounts" });
    expect(result).toEqual({ sheet: "KAM Accounts", replaced: true, warnings: [] });
    expect(book.sheetNames()).toEqual(["KAM Accounts", "Orders", "Sheet1"]);
    expect(book.activeSheet.name).toBe("KAM Accounts");
    const sheet = book.sheet("KAM Accounts")!;
    expect(parseMarker(sheet.customProperty(MARKER_KEY))?.created).toBe(later);
    expect(book.value("'KAM Accounts'!A1")).toBe("Key accounts by value");
    expect(book.tables.map((t) => [t.sheet.name, t.name])).toEqual([
      ["KAM Accounts", "KAM_Accounts"],
    ]);
  });

  test("the user's same-named sheet is untouched; the report goes to KAM Accounts (2)", async () => {
    const users = book.addSheet("KAM Accounts");
    users.set(0, 0, "my notes");
    const before = book.snapshotSheet(users);
    const result = await writeReport(smallReport());
    expect(result).toEqual({ sheet: "KAM Accounts (2)", replaced: false, warnings: [] });
    expect(book.snapshotSheet(book.sheet("KAM Accounts")!)).toEqual(before);
    expect(book.sheetNames()).toEqual(["Orders", "Sheet1", "KAM Accounts", "KAM Accounts (2)"]);
  });

  test("replace is refused when the named sheet carries no marker; nothing changes", async () => {
    book.addSheet("KAM Accounts").set(0, 0, "my notes");
    const before = book.snapshot();
    const error = await errorOf(writeReport(smallReport(), { replace: "KAM Accounts" }));
    expect(error).toBeInstanceOf(ReportWriteError);
    expect(error.message).toBe(
      'Could not write the report: the sheet "KAM Accounts" was not written by KAM Analytics ' +
        "(it carries no report marker), so it is not replaced. Your sheets were not changed."
    );
    expect(error.sheetsChanged).toBe(false);
    expect(book.snapshot()).toEqual(before);
  });

  test("the marker is checked again before the old sheet is deleted", async () => {
    await writeReport(smallReport());
    // The marker disappears while the report is written (after the first chunk's check).
    const original = book.check.bind(book);
    book.check = (operation: string) => {
      if (operation === "RangeFormat.columnWidth") {
        book.sheet("KAM Accounts")!.customProperties.clear();
      }
      original(operation);
    };
    const before = book.snapshot();
    const error = await errorOf(writeReport(smallReport(), { replace: "KAM Accounts" }));
    expect(error.message).toMatch(
      /was not written by KAM Analytics.*Your sheets were not changed\.$/
    );
    // Only what the "user" did (removing the marker) differs.
    before.sheets[2].customProperties = {};
    expect(book.snapshot()).toEqual(before);
  });

  test("a replace target that no longer exists: the report is simply written", async () => {
    const result = await writeReport(smallReport(), { replace: "KAM Accounts" });
    expect(result).toEqual({ sheet: "KAM Accounts", replaced: false, warnings: [] });
  });
});

describe("failures part-way", () => {
  test("a sync failing between chunks leaves the workbook exactly as before", async () => {
    book.addSheet("KAM Accounts").set(0, 0, "my notes");
    const before = book.snapshot();
    book.failNextSync(new MockOfficeError("GeneralException", "The network went away."), {
      after: 3,
    });
    const error = await errorOf(writeReport(accountsReport().report, { chunkCells: 5000 }));
    expect(error).toBeInstanceOf(ReportWriteError);
    expect(error.message).toBe(
      "Could not write the report: writing cells (chunk 3 of 6) failed (The network went away.). " +
        "Your sheets were not changed."
    );
    expect(error.code).toBe("GeneralException");
    expect(error.stage).toBe("writing cells (chunk 3 of 6)");
    expect(book.snapshot()).toEqual(before);
    // said in the pane's language (Excel's own message comes in Office's)
    book.failNextSync(new MockOfficeError("GeneralException", "The network went away."), {
      after: 3,
    });
    const zh = await errorOf(
      writeReport(accountsReport().report, { chunkCells: 5000, lang: "zh" })
    );
    expect(zh.message).toBe(
      "无法写入报表：写入单元格（第 3 批，共 6 批）失败（The network went away.）。您的工作表未被更改。"
    );
    expect(book.snapshot()).toEqual(before);
  });

  test("an operation failing in the formatting batch removes the new sheet too", async () => {
    const before = book.snapshot();
    book.failOperation("Table.style", new MockOfficeError("InvalidArgument", "Bad style."));
    const error = await errorOf(writeReport(accountsReport({ rows: 30 }).report));
    expect(error.message).toBe(
      "Could not write the report: formatting the sheet, tables and charts failed (Bad style.). " +
        "Your sheets were not changed."
    );
    expect(book.snapshot()).toEqual(before);
  });

  test("charts the host refuses cost the charts, not the report: it is written and says so", async () => {
    book.failOperation("Chart.add", new MockOfficeError("InvalidArgument", "Bad chart."));
    const result = await writeReport(accountsReport({ rows: 30 }).report);
    expect(result.warnings).toEqual(["the charts could not be drawn (Bad chart.)"]);
    const sheet = book.snapshot().sheets.find((s) => s.name === result.sheet);
    expect(sheet?.charts).toEqual([]);
    expect(sheet?.tables.length).toBeGreaterThan(0);
    // in the pane's language
    book.failOperation("Chart.add", new MockOfficeError("InvalidArgument", "Bad chart."));
    const zh = await writeReport(accountsReport({ rows: 30 }).report, { lang: "zh" });
    expect(zh.warnings).toEqual(["无法绘制图表（Bad chart.）"]);
  });

  test("when the unfinished sheet cannot be removed, the message names it", async () => {
    book.failOperation("Range.formulas", new MockOfficeError("GeneralException", "Boom."));
    book.failOperation("Worksheet.delete", new MockOfficeError("AccessDenied", "Locked."));
    const error = await errorOf(writeReport(accountsReport({ rows: 30 }).report));
    expect(error.leftoverSheet).toMatch(/^KAM writing /);
    expect(error.message).toBe(
      "Could not write the report: creating the report sheet failed (Boom.). Your sheets were not " +
        `changed, but the unfinished sheet "${error.leftoverSheet}" could not be removed; delete it.`
    );
    expect(book.sheetNames()).toEqual(["Orders", "Sheet1", error.leftoverSheet]);
  });

  test("the old report cannot be deleted: nothing changes", async () => {
    await writeReport(smallReport());
    const before = book.snapshot();
    book.failOperation("Worksheet.delete", new MockOfficeError("AccessDenied", "Protected."));
    const error = await errorOf(writeReport(smallReport(), { replace: "KAM Accounts" }));
    expect(error.message).toBe(
      "Could not write the report: replacing the sheet failed (Protected.). Your sheets were not changed."
    );
    expect(book.snapshot()).toEqual(before);
  });

  test("the old report deleted but the new one not renamed: the message says where it is", async () => {
    await writeReport(smallReport());
    book.failOperation("Worksheet.name", new MockOfficeError("GeneralException", "Rename failed."));
    const error = await errorOf(writeReport(smallReport(), { replace: "KAM Accounts" }));
    expect(error.sheetsChanged).toBe(true);
    expect(error.leftoverSheet).toMatch(/^KAM writing /);
    expect(error.message).toBe(
      "Could not finish the report: replacing the sheet failed (Rename failed.). The previous report " +
        `sheet "KAM Accounts" was removed; the new report is on the sheet "${error.leftoverSheet}". ` +
        "Your other sheets were not changed."
    );
    expect(book.sheetNames()).toEqual(["Orders", "Sheet1", error.leftoverSheet]);
  });

  test("only activating failed: the report is in place, that is success", async () => {
    book.failOperation("Worksheet.activate", new MockOfficeError("GeneralException", "Busy."));
    const result = await writeReport(smallReport());
    expect(result).toEqual({ sheet: "KAM Accounts", replaced: false });
    expect(book.sheetNames()).toEqual(["Orders", "Sheet1", "KAM Accounts"]);
  });
});
