// Formulas written by the pane in an en-US Excel and in a zh-CN Excel that knows the custom functions
// only by their localized names (office-js issue #891), through the stand-in; and the translation of
// an invariant formula into the user's formula language.

import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import fs from "fs";
import path from "path";
import { localizeFormula } from "../../src/excel/formulaLanguage";
import { createOfficeExcel, officeExcel } from "../../src/excel/workbook";
import { createOfficeReports, officeReports } from "../../src/excel/report";
import { SheetBuilder } from "../../src/report/sheet";
import { InstalledMock, MockWorkbook, installOfficeMock } from "../excel-mock";

/* global __dirname */

/** The zh-CN names of every function, read from the translation files the build uses. */
function zhNames(): Map<string, string> {
  const dir = path.resolve(__dirname, "../../src/i18n/functions");
  const names = new Map<string, string>();
  for (const file of fs.readdirSync(dir).filter((f) => /^zh-CN\..+\.json$/.test(f))) {
    const entries = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Record<
      string,
      { name: string }
    >;
    for (const [id, t] of Object.entries(entries)) names.set(id, t.name);
  }
  return names;
}

const ZH = zhNames();
const INVARIANT = "=KAM.RFM('销售 数据'!A2:A9,'销售 数据'!B2:B9,'销售 数据'!C2:C9,,,TRUE)";
const LOCAL = `=KAM.${ZH.get("RFM")}('销售 数据'!A2:A9,'销售 数据'!B2:B9,'销售 数据'!C2:C9,,,TRUE)`;

describe("localizeFormula", () => {
  test("the zh-CN names come from the translation files, and differ from the ids", () => {
    expect(ZH.get("RFM")).toBe("RFM分析");
    expect(ZH.get("PARETO")).toBe("帕累托分析");
  });

  test("KAM ids become the localized names; sheet names and text stay as they are", () => {
    expect(localizeFormula(INVARIANT, ZH)).toBe(LOCAL);
    const f = "=KAM.PARETO('KAM.RFM(x'!A2:A9,B2:B9,0.8,0.95,\"KAM.RFM(\")";
    expect(localizeFormula(f, ZH)).toBe(
      "=KAM.帕累托分析('KAM.RFM(x'!A2:A9,B2:B9,0.8,0.95,\"KAM.RFM(\")"
    );
  });

  test("a locale with a decimal comma: ';' between arguments, ',' in numbers, not in references", () => {
    const f = '=KAM.PARETO(A2:A9,B2:B9,0.8,1E-3,"a,b.c")';
    expect(localizeFormula(f, ZH, { list: ";", decimal: "," })).toBe(
      '=KAM.帕累托分析(A2:A9;B2:B9;0,8;1E-3;"a,b.c")'
    );
  });

  test("an id without a localized name, or another namespace, is left alone", () => {
    expect(localizeFormula("=KAM.NOPE(A1)+XKAM.RFM(A1)", ZH)).toBe("=KAM.NOPE(A1)+XKAM.RFM(A1)");
  });
});

let mock: InstalledMock;
let book: MockWorkbook;

beforeEach(() => {
  book = new MockWorkbook(["Sheet1", "销售 数据"]);
  mock = installOfficeMock({ workbook: book });
});
afterEach(() => mock.uninstall());

const write = () => ({ kind: "write" as const, formula: INVARIANT });

describe("en-US Excel: the ids through Range.formulas", () => {
  test("written once, checked in the same sync: two syncs in all", async () => {
    book.select("Sheet1!E2");
    let asked = 0;
    const excel = createOfficeExcel({
      localNames: async () => {
        asked++;
        return ZH;
      },
    });
    const outcome = await excel.insertAtActiveCell(write);
    expect(outcome.kind === "written" && outcome.formula).toBe(INVARIANT);
    expect(book.formula("Sheet1!E2")).toBe(INVARIANT);
    expect(book.cell("Sheet1!E2").value).not.toBe("#NAME?");
    expect(book.syncCount).toBe(2);
    expect(asked).toBe(0);
  });
});

describe("zh-CN Excel that knows only the localized names", () => {
  beforeEach(() => {
    book.localFunctionNames = ZH;
  });

  test("the stand-in behaves as issue #891 reports", async () => {
    book.select("Sheet1!E2");
    await officeExcel.insertAtActiveCell(write);
    expect(book.cell("Sheet1!E2").value).toBe("#NAME?");
  });

  test("#NAME? through formulas: the localized form goes in through formulasLocal", async () => {
    book.select("Sheet1!E2");
    const excel = createOfficeExcel({ localNames: async () => ZH });
    const outcome = await excel.insertAtActiveCell(write);
    expect(outcome.kind === "written" && outcome.formula).toBe(LOCAL);
    // Excel keeps it in the invariant language, with the id; the user sees the localized name.
    expect(book.formula("Sheet1!E2")).toBe(INVARIANT);
    expect(book.cell("Sheet1!E2").value).not.toBe("#NAME?");
    expect(book.localFormula(book.formula("Sheet1!E2"))).toBe(LOCAL);
    // Read, write + check, write local + check.
    expect(book.syncCount).toBe(3);
  });

  test("writeFormula (replacing a cell's content) takes the same path", async () => {
    book.setValues("Sheet1!B3", [["old"]]);
    const excel = createOfficeExcel({ localNames: async () => ZH });
    await excel.writeFormula({ sheet: "Sheet1", row: 2, column: 1 }, INVARIANT);
    expect(book.formula("Sheet1!B3")).toBe(INVARIANT);
    expect(book.cell("Sheet1!B3").value).not.toBe("#NAME?");
  });

  test("refused both ways (wrong names): the id form is put back", async () => {
    book.select("Sheet1!E2");
    const excel = createOfficeExcel({ localNames: async () => new Map([["RFM", "别的名字"]]) });
    const outcome = await excel.insertAtActiveCell(write);
    expect(outcome.kind === "written" && outcome.formula).toBe(INVARIANT);
    expect(book.formula("Sheet1!E2")).toBe(INVARIANT);
    expect(book.cell("Sheet1!E2").value).toBe("#NAME?");
  });

  test("names that cannot be loaded: the id form stays, nothing throws", async () => {
    book.select("Sheet1!E2");
    const excel = createOfficeExcel({
      localNames: async () => {
        throw new Error("offline");
      },
    });
    const outcome = await excel.insertAtActiveCell(write);
    expect(outcome.kind === "written" && outcome.formula).toBe(INVARIANT);
  });
});

describe("live report sheets in a zh-CN Excel", () => {
  const LIVE = "=KAM.PARETO(Orders!A2:A40,Orders!C2:C40,,,TRUE)";

  function liveReport() {
    const b = new SheetBuilder("accounts", "KAM Accounts", {
      lang: "zh",
      live: true,
      created: "2024-06-01T08:00:00.000Z",
    });
    b.put(0, 0, [
      [
        { live: LIVE, value: "客户" },
        { formula: "SUM(B2:B3)", value: 0 },
      ],
    ]);
    return b.build();
  }

  test("a live KAM formula answered with #NAME? is written again with the localized name", async () => {
    book.localFunctionNames = ZH;
    const reports = createOfficeReports({ localNames: async () => ZH });
    const syncsBefore = book.syncCount;
    await reports.writeReport(liveReport());
    expect(book.formula("'KAM Accounts'!A1")).toBe(LIVE);
    expect(book.cell("'KAM Accounts'!A1").value).not.toBe("#NAME?");
    expect(book.localFormula(LIVE)).toBe(
      `=KAM.${ZH.get("PARETO")}(Orders!A2:A40,Orders!C2:C40,,,TRUE)`
    );
    // The native formula is not touched.
    expect(book.formula("'KAM Accounts'!B1")).toBe("=SUM(B2:B3)");
    const zhSyncs = book.syncCount - syncsBefore;

    // The same report in an en-US Excel: no extra round trip.
    book = new MockWorkbook(["Sheet1"]);
    mock.uninstall();
    mock = installOfficeMock({ workbook: book });
    await createOfficeReports({ localNames: async () => ZH }).writeReport(liveReport());
    expect(book.formula("'KAM Accounts'!A1")).toBe(LIVE);
    expect(book.syncCount).toBe(zhSyncs - 2);
  });

  test("without the names (officeReports) the #NAME? stays, as before", async () => {
    book.localFunctionNames = ZH;
    await officeReports.writeReport(liveReport());
    expect(book.cell("'KAM Accounts'!A1").value).toBe("#NAME?");
  });
});
