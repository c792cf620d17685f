// A1 references (src/excel/address.ts) and the Insert rules (src/taskpane/formula.ts).

import { describe, expect, test } from "@jest/globals";
import {
  RangeRef,
  a1,
  columnLetters,
  containsCell,
  qualifiedA1,
  quoteSheetName,
  rangeFromPosition,
  referenceFrom,
  splitColumns,
} from "../../src/excel/address";
import { TargetCell } from "../../src/excel/workbook";
import { decideInsert, formulaText, planFormula } from "../../src/taskpane/formula";

const RFM = ["customers", "dates", "amounts"];
const range = (
  sheet: string,
  top: number,
  left: number,
  bottom: number,
  right: number
): RangeRef => ({
  sheet,
  top,
  left,
  bottom,
  right,
});
const target = (sheet: string, row: number, column: number, content = ""): TargetCell => ({
  sheet,
  row,
  column,
  content,
  empty: content === "",
});

describe("A1 references", () => {
  test("column letters", () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702, 16383].map(columnLetters)).toEqual([
      "A",
      "B",
      "Z",
      "AA",
      "AB",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
      "XFD",
    ]);
    expect(() => columnLetters(16384)).toThrow(RangeError);
    expect(() => columnLetters(-1)).toThrow(RangeError);
  });

  test("sheet names are quoted unless plain ASCII identifiers", () => {
    expect(quoteSheetName("Sheet1")).toBe("Sheet1");
    expect(quoteSheetName("Data_2024")).toBe("Data_2024");
    expect(quoteSheetName("销售 数据")).toBe("'销售 数据'");
    expect(quoteSheetName("销售数据")).toBe("'销售数据'");
    expect(quoteSheetName("Q1 Sales")).toBe("'Q1 Sales'");
    expect(quoteSheetName("Q1-2024")).toBe("'Q1-2024'");
    expect(quoteSheetName("Bob's")).toBe("'Bob''s'");
    expect(quoteSheetName("2024")).toBe("'2024'");
    expect(quoteSheetName("A1")).toBe("'A1'"); // would read as a cell
    expect(quoteSheetName("R1C1")).toBe("'R1C1'");
    expect(quoteSheetName("Ventes_été")).toBe("'Ventes_été'");
  });

  test("a1 for cells, blocks, whole columns and whole rows", () => {
    expect(a1(range("S", 1, 0, 499, 2))).toBe("A2:C500");
    expect(a1(range("S", 4, 3, 4, 3))).toBe("D5");
    expect(a1(rangeFromPosition("S", 0, 0, 1048576, 3))).toBe("A:C");
    expect(a1(rangeFromPosition("S", 1, 0, 4, 16384))).toBe("2:5");
    expect(qualifiedA1(range("销售 数据", 1, 0, 499, 0))).toBe("'销售 数据'!A2:A500");
  });

  test("references from the same sheet have no prefix (sheet names compare without case)", () => {
    const data = range("Sheet1", 1, 0, 499, 0);
    expect(referenceFrom(data, "Sheet1")).toBe("A2:A500");
    expect(referenceFrom(data, "SHEET1")).toBe("A2:A500");
    expect(referenceFrom(data, "Report")).toBe("Sheet1!A2:A500");
  });

  test("splitColumns and containsCell", () => {
    expect(splitColumns(range("S", 1, 0, 9, 2)).map(a1)).toEqual(["A2:A10", "B2:B10", "C2:C10"]);
    const data = range("Sheet1", 1, 0, 499, 2);
    expect(containsCell(data, { sheet: "Sheet1", row: 1, column: 0 })).toBe(true);
    expect(containsCell(data, { sheet: "sheet1", row: 499, column: 2 })).toBe(true);
    expect(containsCell(data, { sheet: "Sheet1", row: 500, column: 2 })).toBe(false);
    expect(containsCell(data, { sheet: "Sheet1", row: 1, column: 3 })).toBe(false);
    expect(containsCell(data, { sheet: "Other", row: 1, column: 0 })).toBe(false);
  });
});

describe("planFormula", () => {
  test("three selected columns fill customers, dates, amounts", () => {
    const plan = planFormula("RFM", RFM, range("Sheet1", 1, 0, 499, 2), "Sheet1");
    expect(plan).toEqual({
      kind: "ready",
      formula: "=KAM.RFM(A2:A500,B2:B500,C2:C500)",
      fills: [
        { parameter: "customers", reference: "A2:A500" },
        { parameter: "dates", reference: "B2:B500" },
        { parameter: "amounts", reference: "C2:C500" },
      ],
    });
  });

  test("a formula on another sheet refers to the data with its sheet name", () => {
    expect(planFormula("RFM", RFM, range("Sheet1", 1, 0, 499, 2), "Report")).toMatchObject({
      formula: "=KAM.RFM(Sheet1!A2:A500,Sheet1!B2:B500,Sheet1!C2:C500)",
    });
    expect(planFormula("RFM", RFM, range("销售 数据", 1, 0, 499, 2), "Report")).toMatchObject({
      formula: "=KAM.RFM('销售 数据'!A2:A500,'销售 数据'!B2:B500,'销售 数据'!C2:C500)",
    });
  });

  test("whole columns split into whole columns", () => {
    const data = rangeFromPosition("Sheet1", 0, 3, 1048576, 2);
    expect(planFormula("FUNNEL_WEIGHT", ["amounts", "stages"], data, "Sheet1")).toMatchObject({
      formula: "=KAM.FUNNEL_WEIGHT(D:D,E:E)",
    });
  });

  test("one column fills the first argument only: no formula, and the selection to make instead", () => {
    const plan = planFormula("RFM", RFM, range("Sheet1", 1, 0, 499, 0), "Sheet1");
    expect(plan).toEqual({
      kind: "columns",
      need: 3,
      got: 1,
      fills: [
        { parameter: "customers", reference: "A2:A500" },
        { parameter: "dates", reference: undefined },
        { parameter: "amounts", reference: undefined },
      ],
      suggestion: range("Sheet1", 1, 0, 499, 2),
    });
  });

  test("too many columns fill nothing", () => {
    const plan = planFormula("FUNNEL_WEIGHT", ["amounts", "stages"], range("S", 1, 1, 9, 4), "S");
    expect(plan).toMatchObject({ kind: "columns", need: 2, got: 4 });
    expect(plan.fills.every((f) => f.reference === undefined)).toBe(true);
  });

  test("formulaText", () => {
    expect(formulaText("RFM", ["A1:A2", "B1:B2", "C1:C2"])).toBe("=KAM.RFM(A1:A2,B1:B2,C1:C2)");
  });
});

describe("decideInsert: never overwrite data without asking", () => {
  const data = range("Sheet1", 1, 0, 499, 2);

  test("an empty cell outside the data gets the formula", () => {
    expect(decideInsert("RFM", RFM, data, target("Sheet1", 1, 4))).toEqual({
      kind: "write",
      formula: "=KAM.RFM(A2:A500,B2:B500,C2:C500)",
    });
    expect(decideInsert("RFM", RFM, data, target("Report", 0, 0))).toEqual({
      kind: "write",
      formula: "=KAM.RFM(Sheet1!A2:A500,Sheet1!B2:B500,Sheet1!C2:C500)",
    });
  });

  test("a cell inside the data is refused, even when empty", () => {
    expect(decideInsert("RFM", RFM, data, target("Sheet1", 10, 1))).toEqual({
      kind: "skip",
      reason: { kind: "inside-data" },
    });
    expect(decideInsert("RFM", RFM, data, target("Sheet1", 1, 0, "Acme"))).toEqual({
      kind: "skip",
      reason: { kind: "inside-data" },
    });
  });

  test("a non-empty cell needs confirmation", () => {
    expect(decideInsert("RFM", RFM, data, target("Sheet1", 0, 6, "=SUM(1,2)"))).toEqual({
      kind: "skip",
      reason: { kind: "occupied", formula: "=KAM.RFM(A2:A500,B2:B500,C2:C500)" },
    });
  });

  test("a data range that does not fit is refused before anything else", () => {
    const decision = decideInsert(
      "RFM",
      RFM,
      range("Sheet1", 1, 0, 499, 0),
      target("Sheet1", 1, 4)
    );
    expect(decision).toMatchObject({ kind: "skip", reason: { kind: "columns" } });
  });
});
