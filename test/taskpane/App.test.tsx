/** @jest-environment jsdom */
// The task pane in jsdom, with the real src/excel code running against the Excel stand-in and the
// gallery fed from the hand-written functions.json fixtures.

import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import fs from "fs";
import path from "path";
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import { officeExcel } from "../../src/excel/workbook";
import { officeReports } from "../../src/excel/report";
import { Language } from "../../src/i18n/strings";
import { FunctionInfo, metadataFile, parseFunctionMetadata } from "../../src/taskpane/metadata";
import { InstalledMock, MockOfficeError, MockWorkbook, installOfficeMock } from "../excel-mock";
import { settleUntilStable } from "./settle";
import { CRM_FIRST_ROW, CRM_HEADER } from "../support/crm";

/* global __dirname, document */

const fixtures: Record<string, unknown> = {};
for (const file of ["functions.json", "functions.zh-CN.json"]) {
  fixtures[file] = JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures", file), "utf8"));
}
const loadFunctions = async (language: Language): Promise<FunctionInfo[]> =>
  parseFunctionMetadata(fixtures[metadataFile(language)]);

let mock: InstalledMock;
let book: MockWorkbook;

beforeEach(() => {
  book = new MockWorkbook(["Sheet1", "销售 数据", "Report"]);
  book.setValues("Sheet1!A1", [
    ["Customer", "Date", "Amount"],
    ["Acme", "2024-01-15", 1200],
    ["Globex", "2024-02-03", 800],
    ["Acme", "2024-03-09", 450],
  ]);
  mock = installOfficeMock({ workbook: book });
});
afterEach(() => {
  cleanup();
  mock.uninstall();
});

/** Lets pending Excel runs and React updates finish: waits until nothing changes for 3 rounds. */
const settle = () => settleUntilStable(() => JSON.stringify(book?.writes ?? []), 100);

async function renderPane(language: Language = "en-US") {
  render(
    <App
      language={language}
      excel={officeExcel}
      reports={officeReports}
      initialTab="functions"
      loadFunctions={loadFunctions}
    />
  );
  await screen.findByTestId("function-count");
  await settle();
}

/** Selects cells in the fake workbook, as the user would, and lets the pane hear about it. */
async function select(address: string, activeCell?: string) {
  await act(async () => book.select(address, activeCell));
  await settle();
}

async function clickUseSelection(label = "Use selection") {
  fireEvent.click(screen.getByRole("button", { name: label }));
  await settle();
}

function openFunction(name: RegExp) {
  fireEvent.click(screen.getByRole("button", { name }));
}

function insertButton(name = "Insert KAM.RFM") {
  return screen.getByRole("button", { name });
}

describe("gallery", () => {
  test("lists the functions from functions.json with parameters, optional marks and examples", async () => {
    await renderPane();
    expect(screen.getByRole("heading", { name: "KAM Analytics" })).toBeTruthy();
    expect(screen.getByTestId("function-count").textContent).toBe("2 functions");
    expect(screen.getByRole("button", { name: /^KAM\.FUNNEL_WEIGHT/ })).toBeTruthy();
    openFunction(/^KAM\.RFM/);
    const details = screen.getByText("customers").closest("ul") as HTMLElement;
    const items = within(details).getAllByRole("listitem");
    expect(items.map((li) => li.querySelector("code")?.textContent)).toEqual([
      "customers",
      "dates",
      "amounts",
      "as_of",
      "bins",
      "headers",
    ]);
    expect(within(items[0]).getByText("data column")).toBeTruthy();
    expect(within(items[3]).getByText("optional")).toBeTruthy();
    expect(within(items[0]).queryByText("optional")).toBeNull();
    expect(screen.getByText("=KAM.RFM(A2:A500,B2:B500,C2:C500,DATE(2024,12,31))")).toBeTruthy();
    expect(screen.getByText(/Scores every customer/)).toBeTruthy();
    expect(screen.getByText("Choose your data above to see the formula.")).toBeTruthy();
  });

  test("the search box filters by name, description and parameter", async () => {
    await renderPane();
    const search = screen.getByRole("searchbox", { name: "Search functions" });
    fireEvent.change(search, { target: { value: "stage" } });
    expect(screen.getByTestId("function-count").textContent).toBe("1 of 2 functions");
    expect(screen.queryByRole("button", { name: /^KAM\.RFM/ })).toBeNull();
    fireEvent.change(search, { target: { value: "zzz" } });
    expect(screen.getByTestId("function-count").textContent).toBe("No function matches “zzz”.");
  });

  test("follows the display language: zh-CN names, descriptions and UI", async () => {
    await renderPane("zh-CN");
    expect(screen.getByRole("heading", { name: "大客户分析" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "使用所选区域" })).toBeTruthy();
    expect(screen.getByTestId("function-count").textContent).toBe("共 2 个函数");
    openFunction(/^KAM\.RFM分析/);
    expect(screen.getByText("每笔交易的客户。")).toBeTruthy();
    expect(screen.getAllByText("可选")).toHaveLength(3);
    expect(screen.getByText(/为 A2:A500 中的每个客户/)).toBeTruthy();
    expect(screen.getByRole("searchbox", { name: "搜索函数" })).toBeTruthy();
  });

  test("a metadata file that cannot be read is reported", async () => {
    render(
      <App
        language="en-US"
        excel={officeExcel}
        reports={officeReports}
        initialTab="functions"
        loadFunctions={() => Promise.reject(new Error("functions.json: HTTP 404"))}
      />
    );
    expect(await screen.findByText("The function list could not be loaded.")).toBeTruthy();
    expect(screen.getByText("functions.json: HTTP 404")).toBeTruthy();
  });
});

describe("data and target", () => {
  test("Use selection pins the whole list, header row included; the pane shows the selection and the result cell live", async () => {
    await renderPane();
    expect(screen.getByText("No data chosen yet.")).toBeTruthy();
    expect(
      screen.getByText(
        "Select the whole list in the sheet, header row included, then choose Use selection."
      )
    ).toBeTruthy();
    await select("Sheet1!A1:C4");
    expect(screen.getByTestId("selected-now").textContent).toBe("Selected now: Sheet1!A1:C4");
    await clickUseSelection();
    expect(screen.getByTestId("data-address").textContent).toBe("Sheet1!A1:C4");
    expect(screen.getByText("3 data rows × 3 columns")).toBeTruthy();
    expect(screen.getByTestId("data-header").textContent).toBe("Row 1: Customer, Date, Amount");
    expect(screen.getByText(/The active cell is inside the data/)).toBeTruthy();

    await select("Sheet1!E2");
    expect(screen.getByTestId("data-address").textContent).toBe("Sheet1!A1:C4"); // stays pinned
    expect(screen.getByTestId("target-address").textContent).toBe("The active cell, now Sheet1!E2");
    expect(screen.getByText(/Click the cell where the result should go/)).toBeTruthy();
  });

  test("whole columns are trimmed to the list; a totals row at the end is left out", async () => {
    book.setValues("Sheet1!A5", [["Total", "", 2450]]);
    await renderPane();
    await select("Sheet1!A:C");
    await clickUseSelection();
    expect(screen.getByTestId("data-address").textContent).toBe("Sheet1!A1:C5");
    expect(screen.getByText("3 data rows × 3 columns")).toBeTruthy();
    expect(screen.getByText("Row 5, a totals row, is left out.")).toBeTruthy();
  });

  test("data selected without its header still works: every row is data", async () => {
    await renderPane();
    await pickData("Sheet1!A2:C4", "Sheet1!E2");
    expect(screen.getByTestId("data-header").textContent).toBe("None: every row is data");
    openFunction(/^KAM\.RFM/);
    expect(screen.getByTestId("formula-preview").textContent).toBe("=KAM.RFM(A2:A4,B2:B4,C2:C4)");
    expect(columnChoice("customers")).toBe("Column A");
  });

  test("empty cells are said to be empty", async () => {
    await renderPane();
    await select("Sheet1!H1:J9");
    await clickUseSelection();
    expect(screen.getByText("The selected cells are empty.")).toBeTruthy();
    expect(screen.getByText("No data chosen yet.")).toBeTruthy();
  });

  test("an error reading the selection is shown with Excel's code", async () => {
    await renderPane();
    book.failNextSync(new MockOfficeError("InvalidSelection", "The current selection is invalid."));
    await clickUseSelection();
    expect(screen.getByText("Excel could not read the selection.")).toBeTruthy();
    expect(screen.getByText("The current selection is invalid.")).toBeTruthy();
    expect(screen.getByText("Error code: InvalidSelection")).toBeTruthy();
  });
});

async function pickData(address: string, target: string) {
  await select(address);
  await clickUseSelection();
  await select(target);
}

/** The drop-down of a data argument (by parameter name). */
function columnSelect(parameter: string): HTMLSelectElement {
  return screen.getByRole("combobox", { name: parameter }) as HTMLSelectElement;
}

/** The text of the option chosen for a data argument. */
function columnChoice(parameter: string): string {
  const select = columnSelect(parameter);
  return select.options[select.selectedIndex]?.textContent ?? "";
}

/** The options of a data argument's drop-down, disabled ones marked with "×". */
function columnOptions(parameter: string): string[] {
  return [...columnSelect(parameter).options].map(
    (o) => `${o.disabled ? "× " : ""}${o.textContent}`
  );
}

describe("Insert", () => {
  test("writes =KAM.RFM with the three columns of the list (header left out) into the active cell", async () => {
    await renderPane();
    await pickData("Sheet1!A1:C4", "Sheet1!E2");
    openFunction(/^KAM\.RFM/);
    expect(columnChoice("customers")).toBe("A · Customer");
    expect(columnChoice("dates")).toBe("B · Date");
    expect(columnChoice("amounts")).toBe("C · Amount");
    expect(screen.getByTestId("formula-preview").textContent).toBe("=KAM.RFM(A2:A4,B2:B4,C2:C4)");
    fireEvent.click(insertButton());
    await settle();
    expect(book.formula("Sheet1!E2")).toBe("=KAM.RFM(A2:A4,B2:B4,C2:C4)");
    expect(screen.getByText("Formula inserted")).toBeTruthy();
    expect(screen.getByText("=KAM.RFM(A2:A4,B2:B4,C2:C4) is now in Sheet1!E2.")).toBeTruthy();
    expect(book.writes).toHaveLength(1);
  });

  test("data on another sheet is referenced with its quoted name", async () => {
    await renderPane();
    book.setValues("'销售 数据'!B1", [
      ["Stage", "Amount"],
      ["Proposal", 1000],
      ["Won", 500],
    ]);
    await pickData("'销售 数据'!B1:C3", "Report!A1");
    openFunction(/^KAM\.FUNNEL_WEIGHT/);
    fireEvent.click(insertButton("Insert KAM.FUNNEL_WEIGHT"));
    await settle();
    // Arguments in the function's order (amounts, stages), whatever the order of the columns.
    expect(book.formula("Report!A1")).toBe(
      "=KAM.FUNNEL_WEIGHT('销售 数据'!C2:C3,'销售 数据'!B2:B3)"
    );
  });

  test("no column for a required argument: says which and writes nothing", async () => {
    await renderPane();
    await pickData("Sheet1!A1:B4", "Sheet1!E2");
    openFunction(/^KAM\.RFM/);
    expect(columnChoice("amounts")).toBe("Choose a column");
    // a number argument is never offered a column of text
    expect(columnOptions("amounts")).toEqual([
      "Choose a column",
      "× A · Customer (text)",
      "× B · Date (text)",
    ]);
    expect(
      screen.getByText(
        "KAM.RFM needs a column for amounts (numbers). Choose it above, or select a list that has one."
      )
    ).toBeTruthy();
    const button = insertButton();
    expect(button.getAttribute("aria-disabled")).toBe("true");
    fireEvent.click(button);
    await settle();
    expect(book.writes).toEqual([]);
    expect(book.formula("Sheet1!E2")).toBe("");
  });

  test("refuses a target inside the list, its header row included", async () => {
    await renderPane();
    await pickData("Sheet1!A1:C4", "Sheet1!B3");
    openFunction(/^KAM\.RFM/);
    fireEvent.click(insertButton());
    await settle();
    expect(screen.getByText("Not inserted")).toBeTruthy();
    expect(screen.getByText(/Sheet1!B3 is inside your data \(Sheet1!A1:C4\)/)).toBeTruthy();
    expect(book.writes).toEqual([]);
    expect(book.formula("Sheet1!B3")).toBe("2024-02-03");
  });

  test("asks before replacing a non-empty cell: Cancel keeps it, Replace writes", async () => {
    book.setValues("Sheet1!E2", [["=SUM(C2:C4)"]]);
    await renderPane();
    await pickData("Sheet1!A1:C4", "Sheet1!E2");
    openFunction(/^KAM\.RFM/);

    fireEvent.click(insertButton());
    const dialog = await waitFor(() => screen.getByRole("alertdialog"));
    expect(within(dialog).getByText("Replace the cell’s content?")).toBeTruthy();
    expect(within(dialog).getByText("Sheet1!E2 is not empty. It contains:")).toBeTruthy();
    expect(within(dialog).getByTestId("existing-content").textContent).toBe("=SUM(C2:C4)");
    await waitFor(() => expect(document.activeElement?.textContent).toBe("Cancel"));
    fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(book.formula("Sheet1!E2")).toBe("=SUM(C2:C4)");
    expect(screen.getByText("Nothing was changed.")).toBeTruthy();

    fireEvent.click(insertButton());
    // Wait for the dialog's open motion (and the previous one's close) to settle.
    const replace = await waitFor(() =>
      within(screen.getByRole("alertdialog")).getByRole("button", { name: "Replace" })
    );
    fireEvent.click(replace);
    await settle();
    expect(book.formula("Sheet1!E2")).toBe("=KAM.RFM(A2:A4,B2:B4,C2:C4)");
    expect(screen.getByText("=KAM.RFM(A2:A4,B2:B4,C2:C4) is now in Sheet1!E2.")).toBeTruthy();
  });

  test("an Excel error (protected sheet) is shown, not swallowed", async () => {
    await renderPane();
    await pickData("Sheet1!A1:C4", "Sheet1!E2");
    book.protect("Sheet1");
    openFunction(/^KAM\.RFM/);
    fireEvent.click(insertButton());
    await settle();
    expect(screen.getByText("Excel could not insert the formula")).toBeTruthy();
    expect(screen.getByText("The sheet is protected: its cells cannot be changed.")).toBeTruthy();
    expect(screen.getByText("Error code: AccessDenied")).toBeTruthy();
    expect(book.formula("Sheet1!E2")).toBe("");
  });

  test("zh-CN: the same flow in Chinese", async () => {
    await renderPane("zh-CN");
    await select("Sheet1!A1:C4");
    await clickUseSelection("使用所选区域");
    await select("Sheet1!E2");
    openFunction(/^KAM\.RFM分析/);
    expect(screen.getByTestId("data-header").textContent).toBe("第 1 行：Customer, Date, Amount");
    expect(columnChoice("amounts")).toBe("C 列 · Amount");
    fireEvent.click(insertButton("插入 KAM.RFM分析"));
    await settle();
    expect(book.formula("Sheet1!E2")).toBe("=KAM.RFM(A2:A4,B2:B4,C2:C4)");
    expect(screen.getByText("公式已插入")).toBeTruthy();
  });
});

describe("columns by header name", () => {
  test("an order list with Quantity and Sales: RFM takes Sales, not Quantity", async () => {
    book.setValues("'销售 数据'!A1", [
      ["Order ID", "Order Date", "Customer", "Quantity", "Sales"],
      ["SO-1", "2024-01-15", "Acme", 3, 1200],
      ["SO-2", "2024-02-03", "Globex", 1, 800],
      ["SO-3", "2024-03-09", "Acme", 2, 450],
    ]);
    await renderPane();
    await pickData("'销售 数据'!A1:E4", "Report!B2");
    openFunction(/^KAM\.RFM/);
    expect(columnChoice("customers")).toBe("C · Customer");
    expect(columnChoice("dates")).toBe("B · Order Date");
    expect(columnChoice("amounts")).toBe("E · Sales");
    expect(screen.getByTestId("formula-preview").textContent).toBe(
      "=KAM.RFM('销售 数据'!C2:C4,'销售 数据'!B2:B4,'销售 数据'!E2:E4)"
    );
  });

  test("a CRM export: FUNNEL_WEIGHT takes close_value and deal_stage", async () => {
    book.setValues("Sheet1!A1", [
      [...CRM_HEADER],
      [...CRM_FIRST_ROW],
      ["Z063OYW0", "Darcel Schlecht", "GTXPro", "Isdom", "Won", "2016-10-25", "2017-03-11", 4514],
      ["EC4QE1BX", "Darcel Schlecht", "MG Special", "Cancity", "Engaging", "2016-10-25", "", ""],
    ]);
    await renderPane();
    await pickData("Sheet1!A1:H4", "Sheet1!J2");
    openFunction(/^KAM\.FUNNEL_WEIGHT/);
    expect(columnChoice("amounts")).toBe("H · close_value");
    expect(columnChoice("stages")).toBe("E · deal_stage");
    fireEvent.click(insertButton("Insert KAM.FUNNEL_WEIGHT"));
    await settle();
    expect(book.formula("Sheet1!J2")).toBe("=KAM.FUNNEL_WEIGHT(H2:H4,E2:E4)");
  });

  test("columns apart (Ctrl+click): each argument refers to its own column", async () => {
    book.setValues("Sheet1!A1", [
      ["Customer", "Region", "Date", "Rep", "Amount"],
      ["Acme", "North", "2024-01-15", "Ann", 1200],
      ["Globex", "South", "2024-02-03", "Bob", 800],
      ["Acme", "North", "2024-03-09", "Ann", 450],
    ]);
    await renderPane();
    await select("Sheet1!A1:A4,Sheet1!C1:C4,Sheet1!E1:E4", "A1");
    expect(screen.getByTestId("selected-now").textContent).toBe(
      "Selected now: Sheet1!A1:A4, Sheet1!C1:C4, Sheet1!E1:E4"
    );
    await clickUseSelection();
    expect(screen.getByTestId("data-address").textContent).toBe(
      "Sheet1!A1:A4, Sheet1!C1:C4, Sheet1!E1:E4"
    );
    expect(screen.getByTestId("data-header").textContent).toBe("Row 1: Customer, Date, Amount");
    await select("Sheet1!B7");
    openFunction(/^KAM\.RFM/);
    expect(columnOptions("customers")).toEqual([
      "Choose a column",
      "A · Customer",
      "C · Date",
      "E · Amount",
    ]);
    fireEvent.click(insertButton());
    await settle();
    expect(book.formula("Sheet1!B7")).toBe("=KAM.RFM(A2:A4,C2:C4,E2:E4)");
  });

  const TWO_AMOUNTS = [
    ["Customer", "Date", "Amount", "Net amount"],
    ["Acme", "2024-01-15", 1200, 1000],
    ["Globex", "2024-02-03", 800, 700],
    ["Acme", "2024-03-09", 450, 400],
  ];

  test("a drop-down changes the column an argument takes", async () => {
    book.setValues("Sheet1!A1", TWO_AMOUNTS);
    await renderPane();
    await pickData("Sheet1!A1:D4", "Sheet1!F2");
    openFunction(/^KAM\.RFM/);
    expect(columnChoice("amounts")).toBe("C · Amount");
    fireEvent.change(columnSelect("amounts"), { target: { value: "3" } });
    expect(columnChoice("amounts")).toBe("D · Net amount");
    expect(screen.getByTestId("formula-preview").textContent).toBe("=KAM.RFM(A2:A4,B2:B4,D2:D4)");
    fireEvent.click(insertButton());
    await settle();
    expect(book.formula("Sheet1!F2")).toBe("=KAM.RFM(A2:A4,B2:B4,D2:D4)");
  });

  test("a required argument set to no column: no formula; a new selection starts afresh", async () => {
    book.setValues("Sheet1!A1", TWO_AMOUNTS);
    await renderPane();
    await pickData("Sheet1!A1:D4", "Sheet1!F2");
    openFunction(/^KAM\.RFM/);
    fireEvent.change(columnSelect("dates"), { target: { value: "" } });
    expect(screen.queryByTestId("formula-preview")).toBeNull();
    expect(screen.getByText(/KAM.RFM needs a column for dates \(dates\)/)).toBeTruthy();
    expect(insertButton().getAttribute("aria-disabled")).toBe("true");

    await select("Sheet1!A1:D4");
    await clickUseSelection();
    expect(columnChoice("dates")).toBe("B · Date");
    expect(screen.getByTestId("formula-preview").textContent).toBe("=KAM.RFM(A2:A4,B2:B4,C2:C4)");
  });
});

describe("round trips", () => {
  test("Insert into an empty cell costs one Excel.run with two syncs", async () => {
    await renderPane();
    await pickData("Sheet1!A1:C4", "Sheet1!E2");
    openFunction(/^KAM\.RFM/);
    const runs = book.runCount;
    const syncs = book.syncCount;
    fireEvent.click(insertButton());
    await waitFor(() => expect(book.formula("Sheet1!E2")).not.toBe(""));
    expect(book.runCount - runs).toBe(1);
    expect(book.syncCount - syncs).toBe(2);
  });
});
