/* global globalThis */
// The task pane's writer gives every report sheet the page setup of src/report/print.ts through
// Worksheet.pageLayout (ExcelApi 1.9), in the formatting round trip; without ExcelApi 1.9 the report
// is written without it and says so.
import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { writeReport } from "../../src/excel/report";
import { ReportSheet } from "../../src/report/model";
import { SheetBuilder } from "../../src/report/sheet";
import { InstalledMock, MockWorkbook, installOfficeMock, pageLayoutOf } from "../excel-mock";

let mock: InstalledMock;
let book: MockWorkbook;

beforeEach(() => {
  book = new MockWorkbook(["Orders"]);
  mock = installOfficeMock({ workbook: book });
});
afterEach(() => mock.uninstall());

function report(rows: number): ReportSheet {
  const b = new SheetBuilder("accounts", "KAM Accounts", {
    lang: "en",
    created: "2024-06-01T08:00:00.000Z",
    source: "Orders!A1:C10001",
  });
  b.title("R&D accounts", "Source: Orders!A1:C10001");
  const t = b.table(
    "KAM_Accounts",
    [{ header: "Account" }, { header: "Revenue", format: "currency", total: "sum" }],
    Array.from({ length: rows }, (_, i) => [`Account ${i + 1}`, 1000 - i])
  );
  b.chart({
    kind: "column",
    title: "Revenue",
    series: [{ name: "Revenue", categories: t.column(0), values: t.column(1) }],
  });
  return b.build();
}

describe("page setup from the task pane", () => {
  test("landscape, one page wide, print area to the chart's edge, header row repeated, header and footer", async () => {
    const r = report(300);
    const written = await writeReport(r);
    const layout = pageLayoutOf(book.sheet(written.sheet)!);
    const table = r.tables[0].area;
    const chart = r.charts[0].anchor;
    // Independent extent: the table with its totals row, the chart beside it.
    const lastRow = Math.max(table.row + table.rows, chart.row + chart.rows - 1);
    const lastColumn = chart.column + chart.columns - 1;
    expect(layout.orientation).toBe("Landscape");
    expect(layout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(layout.printArea).toEqual({ top: 0, left: 0, bottom: lastRow, right: lastColumn });
    expect(layout.printTitleRows).toEqual({ first: table.row, last: table.row });
    expect(layout.defaultForAllPages).toEqual({
      leftHeader: "R&&D accounts",
      centerHeader: "",
      rightHeader: "2024-06-01",
      leftFooter: "Orders!A1:C10001",
      centerFooter: "&P / &N",
      rightFooter: "",
    });
    expect(written.warnings).toEqual([]);
  });

  test("without ExcelApi 1.9 the report is written without page setup, and says so", async () => {
    const office = (globalThis as unknown as { Office: { context: Record<string, unknown> } })
      .Office;
    office.context.requirements = {
      isSetSupported: (name: string, version: string) =>
        name === "ExcelApi" && Number(version) >= 1.9 ? version === "1.12" : true,
    };
    const written = await writeReport(report(5));
    const layout = pageLayoutOf(book.sheet(written.sheet)!);
    expect(layout.orientation).toBe("Portrait");
    expect(layout.printArea).toBeNull();
    expect(written.warnings).toEqual([
      "the sheet has no page setup (this Excel lacks ExcelApi 1.9)",
    ]);
    delete office.context.requirements;
  });
});
