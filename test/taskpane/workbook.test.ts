// src/excel/workbook.ts (the Office.js boundary) driven against the in-memory Excel stand-in.

import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { HEAD_ROWS, officeExcel } from "../../src/excel/workbook";
import { describeExcelError } from "../../src/excel/errors";
import {
  InstalledMock,
  MockOfficeError,
  MockRequestContext,
  MockWorkbook,
  installOfficeMock,
} from "../excel-mock";

/* global setTimeout */

let mock: InstalledMock;
let book: MockWorkbook;

beforeEach(() => {
  book = new MockWorkbook(["Sheet1", "销售 数据"]);
  mock = installOfficeMock({ workbook: book });
});
afterEach(() => mock.uninstall());

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("readSelection", () => {
  test("reports the selected block and the active cell in one sync", async () => {
    book.select("Sheet1!A2:C500", "B7");
    const selection = await officeExcel.readSelection();
    expect(selection).toEqual({
      range: { sheet: "Sheet1", top: 1, left: 0, bottom: 499, right: 2 },
      areas: [{ sheet: "Sheet1", top: 1, left: 0, bottom: 499, right: 2 }],
      activeCell: { sheet: "Sheet1", row: 6, column: 1 },
    });
    expect(book.syncCount).toBe(1);
    expect(book.runCount).toBe(1);
  });

  test("names the active sheet, whatever its name", async () => {
    book.select("'销售 数据'!D4");
    const selection = await officeExcel.readSelection();
    expect(selection.range).toEqual({ sheet: "销售 数据", top: 3, left: 3, bottom: 3, right: 3 });
    expect(selection.activeCell.sheet).toBe("销售 数据");
  });

  test("whole columns come back with all their rows", async () => {
    book.select("Sheet1!A:C");
    const { range } = await officeExcel.readSelection();
    expect(range).toEqual({ sheet: "Sheet1", top: 0, left: 0, bottom: 1048575, right: 2 });
  });

  test("columns selected apart (Ctrl+click) are all reported", async () => {
    book.select("Sheet1!A1:A9,Sheet1!C1:D9", "C1");
    const selection = await officeExcel.readSelection();
    expect(selection.areas).toEqual([
      { sheet: "Sheet1", top: 0, left: 0, bottom: 8, right: 0 },
      { sheet: "Sheet1", top: 0, left: 2, bottom: 8, right: 3 },
    ]);
    expect(selection.range).toEqual(selection.areas[0]);
    expect(book.syncCount).toBe(1);
  });

  test("an Excel error rejects the call", async () => {
    book.failNextSync(new MockOfficeError("InvalidSelection", "The current selection is invalid."));
    await expect(officeExcel.readSelection()).rejects.toMatchObject({ code: "InvalidSelection" });
  });
});

describe("readSelectedBlock", () => {
  beforeEach(() => {
    book.setValues("Sheet1!A1", [
      ["Customer", "Region", "Date", "Amount"],
      ["Acme", "North", "2024-01-15", 1200],
      ["Globex", "South", "2024-02-03", 800],
      ["Total", "", "", 2000],
    ]);
  });

  test("the selection trimmed to the used cells, with values and formats, in two syncs", async () => {
    book.select("Sheet1!A:D", "A1");
    const block = await officeExcel.readSelectedBlock();
    expect(block).toMatchObject({
      sheet: "Sheet1",
      top: 0,
      bottom: 3,
      columns: [0, 1, 2, 3],
      lastRow: undefined,
      selection: { activeCell: { sheet: "Sheet1", row: 0, column: 0 } },
    });
    expect(block?.values[1]).toEqual(["Acme", "North", "2024-01-15", 1200]);
    expect(block?.formats).toHaveLength(4);
    expect(book.syncCount).toBe(2);
    expect(book.runCount).toBe(1);
  });

  test("columns apart are read side by side, left to right, over the same rows", async () => {
    book.select("Sheet1!D1:D4,Sheet1!A1:A3", "A1");
    const block = await officeExcel.readSelectedBlock();
    expect(block).toMatchObject({ top: 0, bottom: 3, columns: [0, 3] });
    expect(block?.values).toEqual([
      ["Customer", "Amount"],
      ["Acme", 1200],
      ["Globex", 800],
      ["Total", 2000],
    ]);
  });

  test("a long list: only the first rows are read, and the last row", async () => {
    book.setValues(
      "'销售 数据'!B1",
      Array.from({ length: 1500 }, (_, i) => (i === 0 ? ["Amount"] : [i]))
    );
    book.setValues("'销售 数据'!B1501", [["合计"]]);
    book.select("'销售 数据'!B:B");
    const block = await officeExcel.readSelectedBlock();
    expect(block).toMatchObject({ sheet: "销售 数据", top: 0, bottom: 1500, columns: [1] });
    expect(block?.values).toHaveLength(HEAD_ROWS);
    expect(block?.lastRow).toEqual(["合计"]);
  });

  test("empty cells: null", async () => {
    book.select("Sheet1!H1:J9");
    await expect(officeExcel.readSelectedBlock()).resolves.toBeNull();
  });
});

describe("insertAtActiveCell", () => {
  test("reads the active cell, then writes the decided formula: two syncs, one run", async () => {
    book.select("Sheet1!E2");
    const outcome = await officeExcel.insertAtActiveCell(() => ({
      kind: "write",
      formula: "=KAM.RFM(A2:A9,B2:B9,C2:C9)",
    }));
    expect(outcome).toEqual({
      kind: "written",
      formula: "=KAM.RFM(A2:A9,B2:B9,C2:C9)",
      target: { sheet: "Sheet1", row: 1, column: 4, content: "", empty: true },
    });
    expect(book.formula("Sheet1!E2")).toBe("=KAM.RFM(A2:A9,B2:B9,C2:C9)");
    expect(book.syncCount).toBe(2);
    expect(book.runCount).toBe(1);
  });

  test("gives decide() what the cell holds; a skip writes nothing", async () => {
    book.setValues("Sheet1!E2", [["=SUM(A1:A3)"]]);
    book.setValues("Sheet1!F2", [[42]]);
    book.select("Sheet1!E2");
    const seen: unknown[] = [];
    const outcome = await officeExcel.insertAtActiveCell((target) => {
      seen.push(target);
      return { kind: "skip", reason: "busy" };
    });
    expect(seen).toEqual([
      { sheet: "Sheet1", row: 1, column: 4, content: "=SUM(A1:A3)", empty: false },
    ]);
    expect(outcome.kind).toBe("skipped");
    expect(book.formula("Sheet1!E2")).toBe("=SUM(A1:A3)");
    expect(book.writes).toEqual([]);
    expect(book.syncCount).toBe(1);

    book.select("Sheet1!F2");
    const number = await officeExcel.insertAtActiveCell((target) => ({
      kind: "skip",
      reason: target,
    }));
    expect(number.target).toMatchObject({ content: "42", empty: false });
  });

  test("a cell that only shows part of another formula's spill is not empty", async () => {
    book.sheet("Sheet1")!.setSpilled(3, 3, "Acme");
    book.select("Sheet1!D4");
    const outcome = await officeExcel.insertAtActiveCell((target) => ({
      kind: "skip",
      reason: target,
    }));
    expect(outcome.target).toMatchObject({ content: "Acme", empty: false });
  });

  test("writes into the cell it checked, even if the user clicks elsewhere meanwhile", async () => {
    book.select("Sheet1!E2");
    await officeExcel.insertAtActiveCell(() => {
      book.select("Sheet1!H9"); // the user moves while the pane decides
      return { kind: "write", formula: "=KAM.RFM(A2:A9,B2:B9,C2:C9)" };
    });
    expect(book.formula("Sheet1!E2")).toBe("=KAM.RFM(A2:A9,B2:B9,C2:C9)");
    expect(book.formula("Sheet1!H9")).toBe("");
  });

  test("a protected sheet rejects with Excel's error code", async () => {
    book.protect("Sheet1");
    book.select("Sheet1!E2");
    const error = await officeExcel
      .insertAtActiveCell(() => ({ kind: "write", formula: "=KAM.RFM(A1:A2,B1:B2,C1:C2)" }))
      .then(
        () => undefined,
        (e: unknown) => e
      );
    expect(describeExcelError(error)).toEqual({
      code: "AccessDenied",
      message: "The sheet is protected: its cells cannot be changed.",
    });
    expect(book.formula("Sheet1!E2")).toBe("");
  });
});

describe("writeFormula", () => {
  test("writes one cell on a named sheet in one sync", async () => {
    book.select("Sheet1!A1");
    await officeExcel.writeFormula(
      { sheet: "销售 数据", row: 9, column: 1 },
      "=KAM.RFM(Sheet1!A2:A5,Sheet1!B2:B5,Sheet1!C2:C5)"
    );
    expect(book.formula("'销售 数据'!B10")).toBe(
      "=KAM.RFM(Sheet1!A2:A5,Sheet1!B2:B5,Sheet1!C2:C5)"
    );
    expect(book.writes).toEqual([
      {
        sheet: "销售 数据",
        address: "'销售 数据'!B10",
        formulas: [["=KAM.RFM(Sheet1!A2:A5,Sheet1!B2:B5,Sheet1!C2:C5)"]],
      },
    ]);
    expect(book.syncCount).toBe(1);
  });

  test("a missing sheet rejects with ItemNotFound", async () => {
    await expect(
      officeExcel.writeFormula({ sheet: "Gone", row: 0, column: 0 }, "=1")
    ).rejects.toMatchObject({
      code: "ItemNotFound",
    });
  });
});

describe("watchSelection", () => {
  test("reports each selection change until removed", async () => {
    const seen: string[] = [];
    const stop = await officeExcel.watchSelection((s) =>
      seen.push(
        `${s.range.sheet}:${s.range.top},${s.range.left}-${s.range.bottom},${s.range.right}`
      )
    );
    expect(book.selectionHandlers.size).toBe(1);
    book.select("Sheet1!B2:C3");
    await tick();
    await tick();
    expect(seen).toEqual(["Sheet1:1,1-2,2"]);

    await stop();
    expect(book.selectionHandlers.size).toBe(0);
    book.select("Sheet1!D4");
    await tick();
    await tick();
    expect(seen).toHaveLength(1);
  });

  test("only the newest of quick successive changes is reported", async () => {
    const seen: number[] = [];
    await officeExcel.watchSelection((s) => seen.push(s.activeCell.row));
    book.select("Sheet1!A1");
    book.select("Sheet1!A2");
    book.select("Sheet1!A3");
    for (let i = 0; i < 5; i++) await tick();
    expect(seen[seen.length - 1]).toBe(2);
  });
});

describe("the stand-in keeps Office.js's rules", () => {
  test("reading a property that was not loaded throws PropertyNotLoaded", async () => {
    await expect(
      mock.Excel.run(async (context: MockRequestContext) => {
        const range = context.workbook.getSelectedRange();
        await context.sync();
        // eslint-disable-next-line office-addins/load-object-before-read -- the point of the test
        return range.address;
      })
    ).rejects.toMatchObject({ code: "PropertyNotLoaded" });
  });

  test("reading before sync throws too; after load + sync it works", async () => {
    book.select("'销售 数据'!B2:C3");
    const address = await mock.Excel.run(async (context: MockRequestContext) => {
      const range = context.workbook.getSelectedRange();
      range.load("address");
      // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read -- the point of the test
      expect(() => range.address).toThrow(/not available/);
      await context.sync();
      return range.address;
    });
    expect(address).toBe("'销售 数据'!B2:C3");
  });

  test("a write of the wrong shape is rejected", async () => {
    await expect(
      mock.Excel.run(async (context: MockRequestContext) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").formulas = [["=1"]];
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("describeExcelError reads code and message, or falls back to debugInfo", () => {
    expect(describeExcelError(new MockOfficeError("AccessDenied", "nope"))).toEqual({
      code: "AccessDenied",
      message: "nope",
    });
    expect(
      describeExcelError({ debugInfo: { code: "GeneralException", message: "boom" } })
    ).toEqual({
      code: "GeneralException",
      message: "boom",
    });
    expect(describeExcelError("plain")).toEqual({ message: "plain" });
    expect(describeExcelError(new Error("x"))).toEqual({ message: "x" });
  });
});
