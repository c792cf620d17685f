/* global Buffer */
// The kam command's ExcelJS writer and file readers: formulas with cached results, text that stays
// text, names Excel accepts, the report marker as a worksheet custom property, and reading back.
import { describe, expect, test } from "@jest/globals";
import { Workbook } from "exceljs";
import { ReportSheet } from "../../src/report/model";
import { SheetBuilder } from "../../src/report/sheet";
import { MARKER_PROPERTY, fileFormula, workbookBytes } from "../../src/cli/xlsx";
import { decodeText, readCsv, readXlsx } from "../../src/cli/read";
import { MARKER_KEY } from "../../src/excel/report";
import { sheetCustomProperties, zipEntries } from "../support/zip";

const CREATED = "2025-01-31T08:00:00.000Z";

function sheet(name = "KAM Accounts", table = "KAM_Accounts"): ReportSheet {
  const b = new SheetBuilder("accounts", name, { lang: "en", created: CREATED, source: "A1:C4" });
  b.title("Accounts", "source");
  const t = b.table(
    table,
    [
      { header: "Customer", total: { label: "Total" } },
      { header: "Amount", format: "currency", total: "sum" },
      { header: "Zero", total: "sum" },
    ],
    [
      ["=1+1", 10, { formula: "=B5-B5", value: 0 }],
      ["+Beta", 20.5, { formula: "=B6-B6", value: 0 }],
    ]
  );
  b.conditional({ kind: "dataBar", area: t.column(1), color: "#5B9BD5" });
  b.chart({
    kind: "column",
    title: "Amount by customer",
    series: [{ name: "Amount", categories: t.column(0), values: t.column(1) }],
  });
  b.freeze(4);
  return b.build();
}

async function load(bytes: Buffer): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe("fileFormula", () => {
  test("drops the = and prefixes functions newer than Excel 2007, outside strings and names", () => {
    expect(fileFormula("=SUM(A1:A3)")).toBe("SUM(A1:A3)");
    expect(fileFormula("=STDEV.S(A1:A9)+stdev.p(B1:B9)")).toBe(
      "_xlfn.STDEV.S(A1:A9)+_xlfn.stdev.p(B1:B9)"
    );
    expect(fileFormula("=IFS(A1>0,\"STDEV.S(x)\",TRUE,'CONCAT('!A1)")).toBe(
      "_xlfn.IFS(A1>0,\"STDEV.S(x)\",TRUE,'CONCAT('!A1)"
    );
    expect(fileFormula("=FILTER(A1:A9,B1:B9>0)")).toBe("_xlfn._xlws.FILTER(A1:A9,B1:B9>0)");
    expect(fileFormula("=_xlfn.CONCAT(A1,B1)")).toBe("_xlfn.CONCAT(A1,B1)");
    expect(fileFormula("=MY.STDEV.S(1)")).toBe("MY.STDEV.S(1)");
  });
});

describe("workbookBytes", () => {
  test("formulas keep the engine's value (0 too); user text that looks like a formula stays text", async () => {
    const { bytes } = await workbookBytes({ sheets: [sheet()] }, { lang: "en" });
    const ws = (await load(bytes)).getWorksheet("KAM Accounts")!;
    expect(ws.getCell("A5").value).toBe("=1+1");
    expect(ws.getCell("A5").type).not.toBe(6); // not a formula
    expect(ws.getCell("A6").value).toBe("+Beta");
    expect(ws.getCell("C5").formula).toBe("B5-B5");
    expect(ws.getCell("C5").result).toBe(0); // ExcelJS's cell.value would drop a 0 result
    const xml = zipEntries(bytes).get("xl/worksheets/sheet1.xml")!.toString("utf8");
    expect(xml).toContain("<f>B5-B5</f><v>0</v>");
    expect(xml).toContain("<f>SUM(B5:B6)</f><v>30.5</v>");
    expect(ws.getCell("B7").numFmt).toBe("#,##0.00");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("A1").font?.size).toBe(16);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
  });

  test("stores the marker as the worksheet custom property KAM.Report, as the task pane does", async () => {
    const s = sheet();
    const { bytes } = await workbookBytes(
      { sheets: [s, sheet("KAM Plan", "KAM_Plan")] },
      { lang: "en" }
    );
    expect(MARKER_PROPERTY).toBe(MARKER_KEY); // the key the task pane's writer uses
    const props = sheetCustomProperties(bytes);
    expect(JSON.parse(props.get("KAM Accounts")!.get(MARKER_PROPERTY)!)).toEqual(s.marker);
    expect(JSON.parse(props.get("KAM Plan")!.get(MARKER_PROPERTY)!).workflow).toBe("accounts");
    const entries = zipEntries(bytes);
    const types = entries.get("[Content_Types].xml")!.toString("utf8");
    expect(types).toContain(
      '<Override PartName="/xl/customProperty1.bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.customProperty"/>'
    );
    const xml = entries.get("xl/worksheets/sheet1.xml")!.toString("utf8");
    // customProperties sits before tableParts and the sheet's own extLst (CT_Worksheet order).
    const at = xml.indexOf("<customProperties>");
    expect(at).toBeGreaterThan(xml.lastIndexOf("</conditionalFormatting>"));
    expect(at).toBeLessThan(xml.indexOf("<tableParts"));
    expect(xml.lastIndexOf("<extLst>")).toBeGreaterThan(at);
  });

  test("an Excel table over the header and rows; the chart drawn, no note in its place", async () => {
    const s = sheet();
    const { bytes, written } = await workbookBytes({ sheets: [s] }, { lang: "zh" });
    expect(written.sheets[0].tables).toEqual([
      { name: "KAM_Accounts", ref: "A4:C6", headers: ["Customer", "Amount", "Zero"] },
    ]);
    expect(written.sheets[0].notes).toEqual([]);
    const ws = (await load(bytes)).getWorksheet("KAM Accounts")!;
    const table = ws.getTable("KAM_Accounts") as unknown as { table: { tableRef: string } };
    expect(table.table.tableRef).toBe("A4:C6");
    const anchor = s.charts[0].anchor;
    expect(ws.getCell(anchor.row + 1, anchor.column + 1).value).toBeNull();
    expect(anchor.column).toBe(4); // right of the table
    const chart = zipEntries(bytes).get("xl/charts/chart1.xml")!.toString("utf8");
    expect(chart).toContain("<c:f>'KAM Accounts'!$B$5:$B$6</c:f>");
    const xml = zipEntries(bytes).get("xl/tables/table1.xml")!.toString("utf8");
    expect(xml).toContain('name="KAM_Accounts"');
    expect(xml).toContain("TableStyleMedium2");
  });

  test("sheet and table names are made valid and unique; duplicate headers get a number", async () => {
    const a = sheet("KAM: Accounts/2024 [draft] with a very long name", "1st table");
    const b = sheet("KAM: Accounts/2024 [draft] with a very long name", "1st table");
    b.tables[0].headers = ["Customer", "customer", ""];
    const { written } = await workbookBytes({ sheets: [a, b] }, { lang: "en" });
    // the same rule as the task pane's writer (src/report/names.ts): forbidden characters removed
    expect(written.sheets.map((s) => s.name)).toEqual([
      "KAM Accounts2024 draft with a v",
      "KAM Accounts2024 draft with (2)",
    ]);
    expect(written.sheets.map((s) => s.tables[0].name)).toEqual(["_1st_table", "_1st_table_2"]);
    expect(written.sheets[1].tables[0].headers).toEqual(["Customer", "customer 2", "Column3"]);
  });

  test("a number that is not finite is a bug, not a cell", async () => {
    const s = sheet();
    s.blocks.push({ row: 20, column: 0, cells: [[Number.NaN]] });
    await expect(workbookBytes({ sheets: [s] }, { lang: "en" })).rejects.toThrow(/A21.*NaN/);
  });
});

describe("readers", () => {
  test("xlsx: dates as serials, formulas as their results, errors as text, rectangular from A1", async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet("Orders");
    ws.getCell("A1").value = "Customer";
    ws.getCell("B1").value = "Date";
    ws.getCell("C1").value = "Amount";
    ws.getCell("A2").value = { richText: [{ text: "Ac" }, { text: "me" }] };
    ws.getCell("B2").value = new Date(Date.UTC(2024, 0, 15));
    ws.getCell("C2").value = { formula: "1-1", result: 0 };
    ws.getCell("A3").value = "Beta";
    ws.getCell("B3").value = 45307;
    ws.getCell("B3").numFmt = "yyyy-mm-dd";
    ws.getCell("C3").value = { error: "#N/A" };
    ws.getCell("E4").value = "";
    wb.addWorksheet("Empty");
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const sheets = await readXlsx(bytes);
    expect(sheets.map((s) => s.name)).toEqual(["Orders", "Empty"]);
    expect(sheets[0].values).toEqual([
      ["Customer", "Date", "Amount"],
      ["Acme", 45306, 0],
      ["Beta", 45307, "#N/A"],
    ]);
    expect(sheets[0].formats?.[2][1]).toBe("yyyy-mm-dd");
    expect(sheets[1].values).toEqual([]);
  });

  test("xlsx: date cells before 1900-03-01 and times keep the serial the file holds", async () => {
    // ExcelJS reads serial s as 1899-12-30 + s days (59, Excel's 1900-02-28, as 1900-02-27): the
    // reader inverts that, not the calendar, so Excel's serials come back unchanged.
    const wb = new Workbook();
    const ws = wb.addWorksheet("Dates");
    const serials = [1, 59, 60, 61, 45306.5];
    serials.forEach((s, i) => {
      const c = ws.getCell(i + 1, 1);
      c.value = s;
      c.numFmt = "yyyy-mm-dd";
    });
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const [sheet] = await readXlsx(bytes);
    expect(sheet.values).toEqual(serials.map((s) => [s]));
  });

  test("csv: numbers become numbers (ids with leading zeros stay text); BOM, GB18030, semicolons", () => {
    const s = readCsv(
      '\uFEFFid,customer,amount\n007,Acme,1234.5\n8,"Beta, Ltd",-3\n\n',
      "/x/orders.csv"
    );
    expect(s.name).toBe("orders");
    expect(s.values).toEqual([
      ["id", "customer", "amount"],
      ["007", "Acme", 1234.5],
      [8, "Beta, Ltd", -3],
    ]);
    const gbk = Buffer.from([0xbf, 0xcd, 0xbb, 0xa7, 0x2c, 0x31, 0x0a]); // "客户,1" in GB18030
    expect(decodeText(gbk)).toBe("客户,1\n");
    expect(decodeText(Buffer.from("客户,1\n", "utf8"))).toBe("客户,1\n");
    expect(readCsv("a;b\n1,5;2\n", "x.csv").values).toEqual([
      ["a", "b"],
      ["1,5", 2],
    ]);
  });
});
