// src/excel/source.ts (reading a workflow's data: selection, table, named range) against the
// in-memory Excel stand-in: used-range trimming, chunked reads, and the errors the pane shows.

import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { SourceError, listSources, officeReports, readSource } from "../../src/excel";
import { InstalledMock, MockValue, MockWorkbook, installOfficeMock } from "../excel-mock";

let mock: InstalledMock;
let book: MockWorkbook;

const ORDERS = 25000;

function orders(n: number): MockValue[][] {
  const rows: MockValue[][] = [["Account", "Date", "Amount", "Region"]];
  for (let i = 0; i < n; i++) {
    rows.push([
      `Account ${i % 97}`,
      45292 + (i % 365),
      100 + (i % 13) * 10,
      i % 2 ? "North" : "South",
    ]);
  }
  return rows;
}

beforeEach(() => {
  book = new MockWorkbook(["Orders", "销售 数据", "Plan"]);
  book.setValues("Orders!A1", orders(ORDERS));
  book.setValues("'销售 数据'!B3", [
    ["客户", "金额"],
    ["甲", 10],
    ["乙", 20],
  ]);
  book.setValues("Plan!A1", [
    ["Quarter", "Target"],
    ["Q1", 100],
    ["Q2", 120],
    ["Total", 220],
  ]);
  mock = installOfficeMock({ workbook: book });
});
afterEach(() => mock.uninstall());

const valueLoads = () => book.rangeLoads.filter((l) => l.properties.includes("values"));

const problemOf = async (promise: Promise<unknown>): Promise<SourceError> => {
  try {
    await promise;
  } catch (error) {
    return error as SourceError;
  }
  throw new Error("expected a rejection");
};

describe("listSources", () => {
  test("lists tables (with data rows) and names that refer to ranges", async () => {
    book.createTable("'销售 数据'!B3:C5", "Sales");
    const plan = book.createTable("Plan!A1:B4", "Targets");
    plan.showTotals = true;
    book.defineName("Regions", "=Orders!$D$1:$D$25001");
    book.defineName("GrowthRate", "=0.05");
    book.defineName("Label", '="Plan"');
    const sources = await listSources();
    expect(sources).toEqual({
      tables: [
        { name: "Sales", sheet: "销售 数据", address: "'销售 数据'!B3:C5", rows: 2 },
        { name: "Targets", sheet: "Plan", address: "Plan!A1:B4", rows: 2 },
      ],
      names: [{ name: "Regions", address: "Orders!D1:D25001" }],
    });
    expect(book.syncCount).toBe(2);
    expect(await officeReports.listSources()).toEqual(sources);
  });

  test("an empty workbook has no sources", async () => {
    expect(await listSources()).toEqual({ tables: [], names: [] });
  });
});

describe("readSource: the selection", () => {
  test("reads the selected block with its position", async () => {
    book.select("Orders!A1:C4");
    const data = await readSource({ kind: "selection" });
    // Number formats come with the values (they tell date serials from numbers).
    expect(data.formats).toHaveLength(4);
    expect(data.formats[0]).toHaveLength(3);
    expect(data).toMatchObject({
      address: "Orders!A1:C4",
      sheet: "Orders",
      row: 0,
      column: 0,
      values: [
        ["Account", "Date", "Amount"],
        ["Account 0", 45292, 100],
        ["Account 1", 45293, 110],
        ["Account 2", 45294, 120],
      ],
    });
    expect(book.syncCount).toBe(2);
  });

  test("whole columns are trimmed to the used range and read in chunks of 10,000 rows", async () => {
    book.select("Orders!A:D");
    const data = await readSource({ kind: "selection" });
    expect(data.address).toBe("Orders!A1:D25001");
    expect(data.values).toHaveLength(ORDERS + 1);
    expect(data.values[0]).toEqual(["Account", "Date", "Amount", "Region"]);
    expect(data.values[ORDERS]).toEqual(orders(ORDERS)[ORDERS]);
    expect(valueLoads().map((l) => l.address)).toEqual([
      "Orders!A1:D6250",
      "Orders!A6251:D12500",
      "Orders!A12501:D18750",
      "Orders!A18751:D25000",
      "Orders!A25001:D25001",
    ]);
    expect(book.syncCount).toBe(1 + 5);
  });

  test("chunk size can be chosen; wide ranges load fewer rows at a time", async () => {
    book.select("Orders!B2:C101");
    const data = await readSource({ kind: "selection" }, { chunkRows: 30 });
    expect(data.values).toHaveLength(100);
    expect(valueLoads().map((l) => l.cells)).toEqual([60, 60, 60, 20]);

    book.rangeLoads.length = 0;
    const wide = Array.from({ length: 1000 }, (_, r) =>
      Array.from({ length: 250 }, (_, c) => r + c)
    );
    book.setValues("Plan!D1", wide);
    book.select("Plan!D1:IS1000");
    const read = await readSource({ kind: "selection" });
    expect(read.values).toEqual(wide);
    // 250 columns: 100 rows (25,000 cells, values and formats) per load, not 10,000.
    expect(valueLoads().map((l) => l.address)).toEqual(
      Array.from({ length: 10 }, (_, k) => `Plan!D${k * 100 + 1}:IS${k * 100 + 100}`)
    );
  });

  test("a selection partly outside the data is trimmed to the used part", async () => {
    book.select("Plan!A2:F40");
    const data = await readSource({ kind: "selection" });
    expect(data).toMatchObject({ address: "Plan!A2:B4", row: 1, column: 0 });
    expect(data.values).toEqual([
      ["Q1", 100],
      ["Q2", 120],
      ["Total", 220],
    ]);
  });

  test("several selected blocks: 'Select one block of cells'", async () => {
    book.select("Orders!A1:B5,Orders!D1:D5");
    const problem = await problemOf(readSource({ kind: "selection" }));
    expect(problem).toBeInstanceOf(SourceError);
    expect(problem.reason).toBe("multipleAreas");
    expect(problem.message).toBe("Select one block of cells (the selection has 2 separate areas).");
    expect(valueLoads()).toEqual([]);
  });

  test("an empty selection", async () => {
    book.select("Plan!H10:J20");
    const problem = await problemOf(readSource({ kind: "selection" }));
    expect(problem.reason).toBe("empty");
    expect(problem.message).toBe("The selected cells are empty.");
  });
});

describe("readSource: tables and names", () => {
  test("a table is read with its header row, without its totals row", async () => {
    book.createTable("'销售 数据'!B3:C5", "Sales");
    const plan = book.createTable("Plan!A1:B4", "Targets");
    plan.showTotals = true;
    expect(await readSource({ kind: "table", name: "sales" })).toMatchObject({
      address: "'销售 数据'!B3:C5",
      sheet: "销售 数据",
      row: 2,
      column: 1,
      values: [
        ["客户", "金额"],
        ["甲", 10],
        ["乙", 20],
      ],
    });
    const targets = await readSource({ kind: "table", name: "Targets" });
    expect(targets.address).toBe("Plan!A1:B3");
    expect(targets.values).toEqual([
      ["Quarter", "Target"],
      ["Q1", 100],
      ["Q2", 120],
    ]);
  });

  test("a large table is read in chunks", async () => {
    book.createTable("Orders!A1:D25001", "Orders");
    const data = await readSource({ kind: "table", name: "Orders" }, { chunkRows: 10000 });
    expect(data.values).toHaveLength(ORDERS + 1);
    expect(valueLoads()).toHaveLength(5);
    expect(book.syncCount).toBe(2 + 5);
  });

  test("a named range, also one of whole columns (trimmed)", async () => {
    book.defineName("TargetsRange", "=Plan!$A$1:$B$3");
    book.defineName("OrderColumns", "=Orders!$A:$B");
    expect(await readSource({ kind: "name", name: "TargetsRange" })).toMatchObject({
      address: "Plan!A1:B3",
      sheet: "Plan",
      row: 0,
      column: 0,
      values: [
        ["Quarter", "Target"],
        ["Q1", 100],
        ["Q2", 120],
      ],
    });
    const columns = await readSource({ kind: "name", name: "OrderColumns" });
    expect(columns.address).toBe("Orders!A1:B25001");
    expect(columns.values).toHaveLength(ORDERS + 1);
  });

  test("clear errors: no such table, no such name, a constant name", async () => {
    book.defineName("GrowthRate", "=0.05");
    const table = await problemOf(readSource({ kind: "table", name: "Nope" }));
    expect([table.reason, table.message]).toEqual(["noTable", 'There is no table named "Nope".']);
    const name = await problemOf(readSource({ kind: "name", name: "Nope" }));
    expect([name.reason, name.message]).toEqual([
      "noName",
      'There is no name "Nope" in the workbook.',
    ]);
    const constant = await problemOf(readSource({ kind: "name", name: "GrowthRate" }));
    expect([constant.reason, constant.message]).toEqual([
      "notARange",
      'The name "GrowthRate" is not a range of cells (it holds 0.05).',
    ]);
  });
});
