// How report sheets print: the setup derived from a sheet's content (src/report/print.ts) and as the
// kam command's writer stores it (pageSetUpPr fitToPage, pageSetup, headerFooter, and the defined
// names _xlnm.Print_Area / _xlnm.Print_Titles).
import { describe, expect, test } from "@jest/globals";
import { ReportSheet } from "../../src/report/model";
import { SheetBuilder } from "../../src/report/sheet";
import { headerText, printSetup } from "../../src/report/print";
import { workbookBytes } from "../../src/cli/xlsx";
import { zipEntries } from "../support/zip";

function report(rows: number): ReportSheet {
  const b = new SheetBuilder("accounts", "KAM Accounts", {
    lang: "en",
    created: "2025-01-31T08:00:00.000Z",
    source: "Orders & returns!A1:C99",
  });
  b.title("Accounts & tiers", "source");
  b.table(
    "KAM_Small",
    [{ header: "A" }, { header: "B" }],
    [
      [1, 2],
      [3, 4],
    ]
  );
  b.row++;
  b.table(
    "KAM_Long",
    [{ header: "Customer" }, { header: "Revenue", format: "currency" }, { header: "Share" }],
    Array.from({ length: rows }, (_, i) => [`C${i}`, 100 - i, 0.01])
  );
  b.chart({
    kind: "column",
    title: "Revenue",
    series: [
      {
        name: "Revenue",
        categories: { row: 10, column: 0, rows: 5, columns: 1 },
        values: { row: 10, column: 1, rows: 5, columns: 1 },
      },
    ],
    anchor: { row: 2, column: 5, rows: 18, columns: 10 },
  });
  return b.build();
}

describe("printSetup", () => {
  test("landscape, one page wide, area to the last cell or chart, the longest table's header repeated", () => {
    const s = report(120);
    const setup = printSetup(s);
    const long = s.tables.find((t) => t.name === "KAM_Long")!;
    // Independent extent: the table ends at its last row (plus a totals row when it has one), the
    // chart at column 5 + 10 - 1 = 14.
    let lastRow = 0;
    for (const b of s.blocks) lastRow = Math.max(lastRow, b.row + b.cells.length - 1);
    lastRow = Math.max(lastRow, long.area.row + long.area.rows - 1, 2 + 18 - 1);
    expect(setup).toMatchObject({ orientation: "landscape", fitWidth: 1, fitHeight: 0 });
    expect(setup.area).toEqual({ row: 0, column: 0, rows: lastRow + 1, columns: 15 });
    expect(setup.titleRows).toEqual({ first: long.area.row, last: long.area.row });
    expect(setup.header).toEqual({ left: "Accounts && tiers", center: "", right: "2025-01-31" });
    expect(setup.footer).toEqual({
      left: "Orders && returns!A1:C99",
      center: "&P / &N",
      right: "",
    });
    // A builder's own setup wins.
    expect(printSetup({ ...s, print: { ...setup, fitWidth: 2 } }).fitWidth).toBe(2);
  });

  test("header text: & doubled, one line, at most 80 characters", () => {
    expect(headerText("R&D\nplan")).toBe("R&&D plan");
    const long = headerText("x".repeat(200));
    expect(long).toHaveLength(80);
    expect(long.endsWith("…")).toBe(true);
  });

  test("the kam writer stores it as Excel reads it", async () => {
    const s = report(120);
    const setup = printSetup(s);
    const { bytes } = await workbookBytes({ sheets: [s] }, { lang: "en" });
    const entries = zipEntries(bytes);
    const sheet = entries.get("xl/worksheets/sheet1.xml")!.toString("utf8");
    expect(sheet).toContain('<pageSetUpPr fitToPage="1"/>');
    const pageSetup = /<pageSetup [^>]*\/>/.exec(sheet)![0];
    expect(pageSetup).toContain('orientation="landscape"');
    expect(pageSetup).toContain('fitToWidth="1"');
    expect(pageSetup).toContain('fitToHeight="0"');
    expect(sheet).toContain(
      "<headerFooter><oddHeader>&amp;LAccounts &amp;&amp; tiers&amp;R2025-01-31</oddHeader>" +
        "<oddFooter>&amp;LOrders &amp;&amp; returns!A1:C99&amp;C&amp;P / &amp;N</oddFooter></headerFooter>"
    );
    const book = entries.get("xl/workbook.xml")!.toString("utf8");
    // Column 15 is O; rows are 1-based in A1 references.
    const lastRow = setup.area.rows;
    expect(book).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="0">&apos;KAM Accounts&apos;!$A$1:$O$${lastRow}</definedName>`
    );
    const header = setup.titleRows!.first + 1;
    expect(book).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;KAM Accounts&apos;!$${header}:$${header}</definedName>`
    );
  });
});
