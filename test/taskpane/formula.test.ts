// A1 references (src/excel/address.ts), the selected list (src/taskpane/list.ts), the column each
// data argument takes (src/taskpane/argumentRoles.ts) and the Insert rules (src/taskpane/formula.ts).

import { describe, expect, test } from "@jest/globals";
import {
  RangeRef,
  a1,
  columnLetters,
  columnRuns,
  containsCell,
  intersect,
  qualifiedA1,
  qualifiedAreas,
  quoteSheetName,
  rangeFromPosition,
  referenceFrom,
  splitColumns,
} from "../../src/excel/address";
import { SelectedBlock, TargetCell } from "../../src/excel/workbook";
import {
  ArgumentPicks,
  DataArgument,
  argumentSpec,
  dataArguments,
  detectArguments,
} from "../../src/taskpane/argumentRoles";
import { decideInsert, formulaText, planFormula } from "../../src/taskpane/formula";
import { SelectedList, insideList, readList } from "../../src/taskpane/list";
import { FunctionInfo } from "../../src/taskpane/metadata";
import { CRM_FIRST_ROW, CRM_HEADER } from "../support/crm";
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

  test("intersect, columnRuns and qualifiedAreas", () => {
    expect(intersect(range("S", 0, 0, 1048575, 2), range("s", 0, 1, 9, 5))).toEqual(
      range("S", 0, 1, 9, 2)
    );
    expect(intersect(range("S", 0, 0, 9, 2), range("S", 10, 0, 12, 2))).toBeNull();
    expect(intersect(range("S", 0, 0, 9, 2), range("T", 0, 0, 9, 2))).toBeNull();
    expect(columnRuns([5, 0, 1, 2, 2, 7, 6])).toEqual([
      { left: 0, right: 2 },
      { left: 5, right: 7 },
    ]);
    expect(qualifiedAreas([range("S", 0, 0, 9, 0), range("S", 0, 2, 9, 3)])).toBe(
      "S!A1:A10, S!C1:D10"
    );
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

/** A function as functions.json describes it: data parameters, then optional ones. */
function fn(id: string, required: string[], optional: string[] = []): FunctionInfo {
  return {
    id,
    name: id,
    description: "",
    spills: true,
    parameters: [
      ...required.map((name) => ({
        name,
        description: "",
        type: "any",
        dimensionality: "matrix",
        optional: false,
      })),
      ...optional.map((name) => ({
        name,
        description: "",
        type: "any",
        dimensionality: "scalar",
        optional: true,
      })),
    ],
  };
}
const RFM = fn("RFM", ["customers", "dates", "amounts"], ["as_of", "bins", "headers"]);
const FUNNEL_WEIGHT = fn("FUNNEL_WEIGHT", ["amounts", "stages"], ["stage_table", "total_only"]);
const SALES_CYCLE = fn("SALES_CYCLE", ["start_dates", "close_dates", "groups"], ["headers"]);
SALES_CYCLE.parameters[2].optional = true;

/** The list Use selection would read from `values` placed at `top`, in the given sheet columns. */
function list(
  values: unknown[][],
  options: { sheet?: string; top?: number; columns?: number[]; lastRow?: unknown[] } = {}
): SelectedList {
  const top = options.top ?? 0;
  const columns = options.columns ?? values[0].map((_, c) => c);
  const block: SelectedBlock = {
    sheet: options.sheet ?? "Sheet1",
    top,
    bottom: top + values.length - 1 + (options.lastRow ? 1 : 0),
    columns,
    values,
    formats: values.map((row) => row.map(() => "General")),
    lastRow: options.lastRow,
    selection: {
      range: range("Sheet1", 0, 0, 0, 0),
      areas: [range("Sheet1", 0, 0, 0, 0)],
      activeCell: { sheet: "Sheet1", row: 0, column: 0 },
    },
  };
  const read = readList(block);
  if (!read) throw new Error("empty list");
  return read;
}

/** The formula Insert would write for the detected columns, on the data's sheet. */
function detected(f: FunctionInfo, data: SelectedList, targetSheet = data.sheet): string {
  const args = dataArguments(f);
  const plan = planFormula(f.id, args, detectArguments(args, data), data, targetSheet);
  return plan.kind === "ready" ? plan.formula : `incomplete: ${JSON.stringify(plan)}`;
}

const ORDERS = [
  ["Customer", "Date", "Amount"],
  ["Acme", "2024-01-15", 1200],
  ["Globex", "2024-02-03", 800],
  ["Acme", "2024-03-09", 450],
];

describe("the selected list", () => {
  test("the whole list with its header: header row, data rows and column kinds", () => {
    const data = list(ORDERS);
    expect(data.headerRow).toBe(0);
    expect([data.dataTop, data.dataBottom]).toEqual([1, 3]);
    expect(data.columns).toEqual([
      { column: 0, letter: "A", header: "Customer", kind: "text" },
      { column: 1, letter: "B", header: "Date", kind: "date" },
      { column: 2, letter: "C", header: "Amount", kind: "number" },
    ]);
    expect(data.areas).toEqual([range("Sheet1", 0, 0, 3, 2)]);
  });

  test("a title above the header, and a totals row at the end, are not data", () => {
    const data = list([["Orders 2024", "", ""], ...ORDERS, ["Total", "", 2450]], { top: 4 });
    expect(data.headerRow).toBe(5);
    expect([data.dataTop, data.dataBottom, data.totalsRow]).toEqual([6, 8, 9]);
  });

  test("a totals row beyond the rows read is seen in the last row", () => {
    const data = list(ORDERS, { lastRow: ["合计", "", 2450] });
    expect([data.dataTop, data.dataBottom, data.totalsRow]).toEqual([1, 3, 4]);
  });

  test("data without a header: every row is data, columns have no names", () => {
    const data = list(ORDERS.slice(1), { top: 1 });
    expect(data.headerRow).toBeNull();
    expect([data.dataTop, data.dataBottom]).toEqual([1, 3]);
    expect(data.columns.map((c) => c.header)).toEqual([null, null, null]);
  });

  test("columns apart (Ctrl+click) are one list with one area per run of columns", () => {
    const data = list(ORDERS, { columns: [0, 3, 4] });
    expect(data.columns.map((c) => `${c.letter} ${c.header}`)).toEqual([
      "A Customer",
      "D Date",
      "E Amount",
    ]);
    expect(data.areas).toEqual([range("Sheet1", 0, 0, 3, 0), range("Sheet1", 0, 3, 3, 4)]);
    expect(insideList(data, { sheet: "Sheet1", row: 2, column: 3 })).toBe(true);
    expect(insideList(data, { sheet: "Sheet1", row: 2, column: 1 })).toBe(false);
    expect(insideList(data, { sheet: "Sheet1", row: 4, column: 0 })).toBe(false);
  });

  test("empty cells are no list", () => {
    expect(
      readList({
        sheet: "S",
        top: 0,
        bottom: 1,
        columns: [0],
        values: [[""], [""]],
        formats: [["General"], ["General"]],
        selection: {
          range: range("S", 0, 0, 1, 0),
          areas: [],
          activeCell: { sheet: "S", row: 0, column: 0 },
        },
      })
    ).toBeNull();
  });
});

describe("the column each data argument takes", () => {
  test("argument roles: customers, dates, amounts of an order list; pipeline amounts for the funnel", () => {
    expect(argumentSpec("RFM", "customers")).toMatchObject({ kind: "text", role: "customer" });
    expect(argumentSpec("RFM", "amounts")).toMatchObject({ role: "amount", workflow: "accounts" });
    expect(argumentSpec("FUNNEL_WEIGHT", "amounts")).toMatchObject({ workflow: "pipeline" });
    expect(argumentSpec("FUNNEL_WEIGHT", "stages")).toMatchObject({ kind: "text", role: "stage" });
    expect(argumentSpec("FORECAST_SMOOTH", "values")).toMatchObject({ role: "value" });
    expect(argumentSpec("FORECAST_REGRESS", "drivers")).toMatchObject({ shape: "columns" });
    expect(argumentSpec("TARGET_SPLIT", "total")).toMatchObject({ shape: "outside" });
    expect(argumentSpec("NEW_FUNCTION", "whatever")).toMatchObject({ kind: "number" });
    expect(dataArguments(SALES_CYCLE).map((a) => [a.parameter, a.optional])).toEqual([
      ["start_dates", false],
      ["close_dates", false],
      ["groups", true],
    ]);
  });

  test("a whole order list with its header: =KAM.RFM over the data rows, header left out", () => {
    expect(detected(RFM, list(ORDERS))).toBe("=KAM.RFM(A2:A4,B2:B4,C2:C4)");
    expect(detected(RFM, list(ORDERS), "Report")).toBe(
      "=KAM.RFM(Sheet1!A2:A4,Sheet1!B2:B4,Sheet1!C2:C4)"
    );
  });

  test("an order list with Quantity and Sales: RFM takes Sales, whatever the column order", () => {
    const data = list([
      ["Order ID", "Sales", "Quantity", "Order Date", "Customer"],
      ["A-1", 120.5, 3, "2024-01-05", "Acme"],
      ["A-2", 80, 1, "2024-02-05", "Globex"],
      ["A-3", 45, 2, "2024-02-09", "Acme"],
    ]);
    expect(detected(RFM, data)).toBe("=KAM.RFM(E2:E4,D2:D4,B2:B4)");
  });

  test("a CRM export: FUNNEL_WEIGHT takes close_value and deal_stage", () => {
    const data = list([
      [...CRM_HEADER],
      [...CRM_FIRST_ROW],
      ["Z063OYW0", "Darcel Schlecht", "GTXPro", "Isdom", "Won", "2016-10-25", "2017-03-11", 4514],
      ["EC4QE1BX", "Darcel Schlecht", "MG Special", "Cancity", "Engaging", "2016-10-25", "", ""],
    ]);
    expect(detected(FUNNEL_WEIGHT, data)).toBe("=KAM.FUNNEL_WEIGHT(H2:H4,E2:E4)");
    expect(detected(SALES_CYCLE, data)).toBe("=KAM.SALES_CYCLE(F2:F4,G2:G4,B2:B4)");
  });

  test("without a header: by kind, a number argument never takes a text column", () => {
    const data = list(ORDERS.slice(1), { top: 1 });
    expect(detected(RFM, data)).toBe("=KAM.RFM(A2:A4,B2:B4,C2:C4)");
    expect(detected(FUNNEL_WEIGHT, data)).toBe("=KAM.FUNNEL_WEIGHT(C2:C4,A2:A4)");
    const textOnly = list([
      ["Customer", "Stage", "Note"],
      ["Acme", "Won", "call back"],
      ["Globex", "Proposal", "n/a"],
      ["Initech", "Lost", "1,200"],
    ]);
    const args = dataArguments(FUNNEL_WEIGHT);
    expect(detectArguments(args, textOnly)).toEqual({ amounts: null, stages: { from: 1, to: 1 } });
  });

  test("a column named for another role (Quantity) is not taken for amounts by position", () => {
    const data = list([
      ["Customer", "Date", "Quantity"],
      ["Acme", "2024-01-15", 3],
      ["Globex", "2024-02-03", 1],
    ]);
    const picks = detectArguments(dataArguments(RFM), data);
    expect(picks.amounts).toBeNull();
    const plan = planFormula("RFM", dataArguments(RFM), picks, data, "Sheet1");
    expect(plan).toMatchObject({ kind: "incomplete", noRows: false });
    expect(plan.kind === "incomplete" && plan.missing.map((a) => a.parameter)).toEqual(["amounts"]);
  });

  test("columns apart: each argument refers to its own column", () => {
    const data = list(ORDERS, { columns: [0, 3, 6] });
    expect(detected(RFM, data)).toBe("=KAM.RFM(A2:A4,D2:D4,G2:G4)");
  });

  test("an argument of several columns takes the adjacent number columns", () => {
    const REGRESS = fn("REGRESS_STATS", ["y", "drivers"]);
    const data = list([
      ["Month", "Sales", "Price", "Promo", "Market"],
      ["2024-01", 100, 2, 1, 5],
      ["2024-02", 120, 2, 0, 6],
      ["2024-03", 130, 3, 1, 6],
    ]);
    expect(detected(REGRESS, data)).toBe("=KAM.REGRESS_STATS(B2:B4,C2:E4)");
  });
});

describe("planFormula", () => {
  const data = list(ORDERS);
  const args = dataArguments(RFM);
  const picks: ArgumentPicks = {
    customers: { from: 0, to: 0 },
    dates: { from: 1, to: 1 },
    amounts: { from: 2, to: 2 },
  };

  test("follows the parameter order, whatever the columns' order", () => {
    const plan = planFormula(
      "RFM",
      args,
      { customers: { from: 2, to: 2 }, dates: { from: 0, to: 0 }, amounts: { from: 1, to: 1 } },
      data,
      "Sheet1"
    );
    expect(plan).toEqual({
      kind: "ready",
      formula: "=KAM.RFM(C2:C4,A2:A4,B2:B4)",
      fills: [
        { parameter: "customers", reference: "C2:C4" },
        { parameter: "dates", reference: "A2:A4" },
        { parameter: "amounts", reference: "B2:B4" },
      ],
    });
  });

  test("quoted sheet names on another sheet", () => {
    const other = list(ORDERS, { sheet: "销售 数据" });
    expect(planFormula("RFM", args, picks, other, "Report")).toMatchObject({
      formula: "=KAM.RFM('销售 数据'!A2:A4,'销售 数据'!B2:B4,'销售 数据'!C2:C4)",
    });
  });

  test("an optional argument without a column is left out at the end, left empty before others", () => {
    const cycle = dataArguments(SALES_CYCLE);
    const dates = list([
      ["Opened", "Closed", "Rep"],
      ["2024-01-02", "2024-02-01", "Ann"],
      ["2024-01-05", "2024-03-01", "Bob"],
    ]);
    const two = { start_dates: { from: 0, to: 0 }, close_dates: { from: 1, to: 1 }, groups: null };
    expect(planFormula("SALES_CYCLE", cycle, two, dates, "Sheet1")).toMatchObject({
      formula: "=KAM.SALES_CYCLE(A2:A3,B2:B3)",
    });
    expect(formulaText("X", ["A1:A2", "", "C1:C2"])).toBe("=KAM.X(A1:A2,,C1:C2)");
    expect(formulaText("X", ["A1:A2", "", ""])).toBe("=KAM.X(A1:A2)");
  });

  test("a required argument without a column: incomplete, no formula", () => {
    const plan = planFormula("RFM", args, { ...picks, dates: null }, data, "Sheet1");
    expect(plan.kind).toBe("incomplete");
    expect(plan.kind === "incomplete" && plan.missing.map((a) => a.parameter)).toEqual(["dates"]);
    expect(plan.fills[1]).toEqual({ parameter: "dates" });
  });

  test("a block must be columns side by side in the list; outside arguments are typed", () => {
    const drivers: DataArgument[] = [
      { parameter: "y", optional: false, kind: "number", shape: "column" },
      { parameter: "drivers", optional: false, kind: "number", shape: "columns" },
    ];
    const apart = list(ORDERS, { columns: [0, 1, 3] });
    const plan = planFormula(
      "REGRESS_STATS",
      drivers,
      { y: { from: 0, to: 0 }, drivers: { from: 1, to: 3 } },
      apart,
      "Sheet1"
    );
    expect(plan.kind === "incomplete" && plan.apart.map((a) => a.parameter)).toEqual(["drivers"]);
    const split = dataArguments(fn("TARGET_SPLIT", ["total", "basis"]));
    const outside = planFormula("TARGET_SPLIT", split, {}, data, "Sheet1");
    expect(outside.kind === "incomplete" && outside.outside.map((a) => a.parameter)).toEqual([
      "total",
    ]);
  });
});

describe("decideInsert: never overwrite data without asking", () => {
  const data = list(ORDERS);
  const args = dataArguments(RFM);
  const picks = detectArguments(args, data);

  test("an empty cell outside the data gets the formula", () => {
    expect(decideInsert("RFM", args, picks, data, target("Sheet1", 1, 4))).toEqual({
      kind: "write",
      formula: "=KAM.RFM(A2:A4,B2:B4,C2:C4)",
    });
    expect(decideInsert("RFM", args, picks, data, target("Report", 0, 0))).toEqual({
      kind: "write",
      formula: "=KAM.RFM(Sheet1!A2:A4,Sheet1!B2:B4,Sheet1!C2:C4)",
    });
  });

  test("a cell inside the list (its header included) is refused, even when empty", () => {
    for (const cell of [target("Sheet1", 2, 1), target("Sheet1", 0, 0, "Customer")]) {
      expect(decideInsert("RFM", args, picks, data, cell)).toEqual({
        kind: "skip",
        reason: { kind: "inside-data" },
      });
    }
  });

  test("a non-empty cell needs confirmation", () => {
    expect(decideInsert("RFM", args, picks, data, target("Sheet1", 0, 6, "=SUM(1,2)"))).toEqual({
      kind: "skip",
      reason: { kind: "occupied", formula: "=KAM.RFM(A2:A4,B2:B4,C2:C4)" },
    });
  });

  test("an incomplete formula is refused before anything else", () => {
    const decision = decideInsert(
      "RFM",
      args,
      { ...picks, amounts: null },
      data,
      target("Sheet1", 1, 4)
    );
    expect(decision).toMatchObject({ kind: "skip", reason: { kind: "incomplete" } });
  });
});
