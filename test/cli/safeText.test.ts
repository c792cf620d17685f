// User text in what kam writes: CSV fields neutralised as OWASP advises, .xlsx cells with Excel's
// quote prefix (checked in the written XML: a shared-string cell whose xf has quotePrefix="1"), text
// cut at 32,767 characters with a note. One rule (src/report/cellText.ts) for the pane, CSV and xlsx.
import { describe, expect, test } from "@jest/globals";
import { Workbook } from "exceljs";
import { SheetBuilder } from "../../src/report/sheet";
import { workbookBytes } from "../../src/cli/xlsx";
import {
  MAX_CELL_TEXT,
  csvField,
  fitCellText,
  formulaLike,
  needsTextPrefix,
} from "../../src/report/cellText";
import { needsTextPrefix as paneRule } from "../../src/excel/report";
import { zipEntries } from "../support/zip";

const HOSTILE = [
  "=cmd|'/C calc'!A0",
  "+1+1",
  "@SUM(A1)",
  "-2+3",
  "\t=1+1",
  "\rX",
  " =HYPERLINK(1)",
];

describe("the text rule", () => {
  test("OWASP's leading characters are formula-like; plain signed numbers and words are not", () => {
    for (const t of HOSTILE) expect([t, formulaLike(t)]).toEqual([t, true]);
    for (const t of ["-5", "+3.25", "-1e5", "Acme", "e-mail", "客户 A", "", "5-3"])
      expect([t, formulaLike(t)]).toEqual([t, false]);
  });

  test("the pane's rule is the same function, and covers every formula-like text", () => {
    expect(paneRule).toBe(needsTextPrefix);
    for (const t of HOSTILE) expect([t, needsTextPrefix(t)]).toEqual([t, true]);
  });

  test("CSV fields: hostile text gets an apostrophe and quotes; numbers stay numbers", () => {
    expect(csvField("=cmd|'/C calc'!A0")).toBe(`"'=cmd|'/C calc'!A0"`);
    expect(csvField("+1+1")).toBe(`"'+1+1"`);
    expect(csvField("@SUM(A1)")).toBe(`"'@SUM(A1)"`);
    expect(csvField("\tx")).toBe(`"'\tx"`);
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField(-5)).toBe("-5");
    expect(csvField("-5")).toBe("-5");
    expect(csvField(-0.25)).toBe("-0.25");
    expect(csvField("a,b")).toBe(`"a,b"`);
    expect(csvField("Acme")).toBe("Acme");
  });

  test("fitCellText: 32,767 characters at most, the marker says it, a surrogate pair is not split", () => {
    const long = "x".repeat(40000);
    const marker = (n: number) => ` [cut from ${n}]`;
    const r = fitCellText(long, marker);
    expect(r.text.length).toBe(MAX_CELL_TEXT);
    expect(r.text.endsWith(" [cut from 40000]")).toBe(true);
    expect(r.cut).toBe(40000 - (MAX_CELL_TEXT - " [cut from 40000]".length));
    const emoji = "a" + "😀".repeat(20000); // 40,001 UTF-16 units
    const e = fitCellText(emoji, marker);
    const body = e.text.slice(0, e.text.length - " [cut from 40001]".length);
    expect(body.length % 2).toBe(1); // "a" + whole pairs
    expect(e.text.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
    expect(fitCellText("short", marker)).toEqual({ text: "short", cut: 0 });
  });
});

/** The style index and type of each cell of a worksheet's XML, by A1 reference. */
function cellsOf(xml: string): Map<string, { s: number; t: string }> {
  const out = new Map<string, { s: number; t: string }>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)\/?>/g)) {
    const s = /\bs="(\d+)"/.exec(m[2]);
    const t = /\bt="(\w+)"/.exec(m[2]);
    out.set(m[1], { s: s ? Number(s[1]) : 0, t: t ? t[1] : "n" });
  }
  return out;
}

/** The <xf> elements of styles.xml's cellXfs, in order. */
function cellXfs(xml: string): string[] {
  const block = /<cellXfs\b[\s\S]*?<\/cellXfs>/.exec(xml)?.[0] ?? "";
  return [...block.matchAll(/<xf\b[^>]*?(\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
}

describe("kam's .xlsx writer", () => {
  test("hostile text is a string cell whose style has quotePrefix=1; other cells have none", async () => {
    const b = new SheetBuilder("accounts", "Names", {
      lang: "en",
      created: "2025-01-31T08:00:00.000Z",
      source: "A1:B9",
    });
    b.title("Names");
    const rows = [...HOSTILE, "Acme", "-5"].map((t, i) => [t, i]);
    b.table("Names", [{ header: "\t=1+1" }, { header: "N" }], rows);
    const { bytes } = await workbookBytes({ sheets: [b.build()] }, { lang: "en" });
    const parts = zipEntries(bytes);
    const sheetXml = parts.get("xl/worksheets/sheet1.xml")!.toString("utf8");
    const xfs = cellXfs(parts.get("xl/styles.xml")!.toString("utf8"));
    const cells = cellsOf(sheetXml);
    const shared = [
      ...parts
        .get("xl/sharedStrings.xml")!
        .toString("utf8")
        .matchAll(/<si>([\s\S]*?)<\/si>/g),
    ].map((m) => m[1].replace(/<[^>]+>/g, ""));
    // The table's header row is the first row with "N" as a header.
    const headerRow = [...cells.keys()]
      .filter((r) => r.startsWith("B"))
      .find((r) => cells.get(r)!.t === "s" && shared[Number(valueOf(sheetXml, r))] === "N")!;
    const first = Number(headerRow.slice(1));
    const header = cells.get(`A${first}`)!;
    expect(header.t).toBe("s");
    // Trimmed to "=1+1" for the table's column name: still quote-prefixed.
    expect(shared[Number(valueOf(sheetXml, `A${first}`))]).toBe("=1+1");
    expect(xfs[header.s]).toContain('quotePrefix="1"');
    HOSTILE.forEach((text, i) => {
      const ref = `A${first + 1 + i}`;
      const c = cells.get(ref)!;
      expect([ref, c.t]).toEqual([ref, "s"]);
      expect(xmlText(shared[Number(valueOf(sheetXml, ref))])).toBe(text);
      expect([ref, xfs[c.s]]).toEqual([ref, expect.stringContaining('quotePrefix="1"')]);
    });
    const acme = cells.get(`A${first + 1 + HOSTILE.length}`)!;
    expect(xfs[acme.s]).not.toContain("quotePrefix");
    const minus5 = cells.get(`A${first + 2 + HOSTILE.length}`)!; // text "-5": Excel would make it -5
    expect(minus5.t).toBe("s");
    expect(xfs[minus5.s]).toContain('quotePrefix="1"');
    // The numbers beside them are numbers without the prefix.
    const n = cells.get(`B${first + 1}`)!;
    expect(n.t).toBe("n");
    expect(xfs[n.s] ?? "").not.toContain("quotePrefix");
    // And ExcelJS reads the texts back unchanged.
    const wb = new Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.getWorksheet("Names")!.getCell(`A${first + 1}`).value).toBe(HOSTILE[0]);
  });

  test("text over 32,767 characters is cut to 32,767 with a note in the cell and in the notes", async () => {
    const b = new SheetBuilder("accounts", "Long", {
      lang: "en",
      created: "2025-01-31T08:00:00.000Z",
      source: "A1:A2",
    });
    const text = "=" + "y".repeat(99_999);
    b.put(0, 0, [[text]]);
    const { bytes, written } = await workbookBytes({ sheets: [b.build()] }, { lang: "en" });
    const wb = new Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const value = String(wb.getWorksheet("Long")!.getCell("A1").value);
    expect(value.length).toBe(MAX_CELL_TEXT);
    expect(value.endsWith(" … (cut: 100,000 characters, a cell holds 32,767)")).toBe(true);
    expect(value.startsWith("=yyy")).toBe(true);
    expect(written.sheets[0].notes).toContain(
      "Long!A1: the text has 100,000 characters, more than a cell holds; it was cut."
    );
    const parts = zipEntries(bytes);
    const c = cellsOf(parts.get("xl/worksheets/sheet1.xml")!.toString("utf8")).get("A1")!;
    expect(cellXfs(parts.get("xl/styles.xml")!.toString("utf8"))[c.s]).toContain('quotePrefix="1"');
  });
});

function valueOf(sheetXml: string, ref: string): string {
  const m = new RegExp(`<c r="${ref}"[^>]*>(?:<f>[^<]*</f>)?<v>([^<]*)</v>`).exec(sheetXml);
  return m ? m[1] : "";
}

function xmlText(s: string): string {
  return s
    .replace(/_x000D_/g, "\r")
    .replace(/&#13;/g, "\r")
    .replace(/&#9;/g, "\t")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}
