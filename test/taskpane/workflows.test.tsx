/** @jest-environment jsdom */
// The Reports tab in jsdom: the real src/excel reader and writer against the Excel stand-in, the real
// source analysis and report builders. Reads a messy sheet, shows what will be skipped, writes the
// report sheet, and asks before replacing its own earlier report (never the user's sheet).

import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import { officeExcel } from "../../src/excel/workbook";
import { MARKER_KEY, officeReports } from "../../src/excel/report";
import { Language } from "../../src/i18n/strings";
import { InstalledMock, MockWorkbook, installOfficeMock } from "../excel-mock";
import { settleUntilStable } from "./settle";

/* global setTimeout, document */

let mock: InstalledMock;
let book: MockWorkbook;

/** A messy order list: a title row, the header, a blank row, text numbers, a bad amount, a totals row. */
function orders(): (string | number)[][] {
  const rows: (string | number)[][] = [
    ["Orders 2024 (export)", "", ""],
    ["Customer", "Order date", "Amount"],
  ];
  const names = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Wonka"];
  for (let i = 0; i < 64; i++) {
    const name = names[(i * 5) % names.length];
    const day = 45292 + ((i * 37) % 360); // 2024
    const amount = 100 + ((i * 73) % 900);
    rows.push([name, day, i % 9 === 0 ? amount.toLocaleString("en-US") + ".00" : amount]);
    if (i === 20) rows.push(["", "", ""]);
  }
  rows.push(["Wonka", 45400, "abc"]);
  rows.push(["Total", "", 12345]);
  return rows;
}

beforeEach(() => {
  book = new MockWorkbook(["Orders", "KAM Accounts"]);
  book.setValues("Orders!A1", orders());
  // The user's own sheet that happens to have the report's name: must never be touched.
  book.setValues("'KAM Accounts'!A1", [["my notes"]]);
  mock = installOfficeMock({ workbook: book });
});
afterEach(() => {
  cleanup();
  mock.uninstall();
});

const settle = () => settleUntilStable(() => book.sheetNames().join("|"), 400);

async function openAccounts(language: Language = "en-US") {
  render(
    <App
      language={language}
      excel={officeExcel}
      reports={officeReports}
      loadFunctions={async () => []}
    />
  );
  await settle();
  fireEvent.click(
    screen.getByRole("button", { name: language === "zh-CN" ? /^客户分析/ : /^Accounts/ })
  );
  await settle();
}

async function readSelection(address: string, label = "Read data") {
  await act(async () => book.select(address));
  fireEvent.click(screen.getByRole("button", { name: label }));
  await settle();
}

function marker(sheet: string): { workflow: string } | undefined {
  const text = book.sheet(sheet)?.customProperty(MARKER_KEY);
  return text ? JSON.parse(text) : undefined;
}

describe("Reports: the Accounts workflow", () => {
  test("detects header and roles, previews skipped rows, writes a marked report sheet", async () => {
    await openAccounts();
    await readSelection("Orders!A1:C69");

    expect(screen.getByTestId("data-read").textContent).toBe("Orders!A1:C69: 69 rows read.");
    const role = (r: string) =>
      (document.querySelector(`select[data-role="${r}"]`) as HTMLSelectElement).value;
    expect([role("customer"), role("date"), role("amount")]).toEqual(["0", "1", "2"]);
    const preview = screen.getByTestId("preview");
    expect(within(preview).getByText("64 rows will be used.")).toBeTruthy();
    expect(preview.textContent).toMatch(/Row 68 \(C68, Amount\): "abc" is not a number/);
    expect(preview.textContent).toMatch(/Row 69/); // the totals row

    fireEvent.click(screen.getByRole("button", { name: "Create report" }));
    await settle();

    expect(screen.getByText(/The report is on the sheet “KAM Accounts \(2\)”/)).toBeTruthy();
    expect(book.value("'KAM Accounts'!A1")).toBe("my notes");
    expect(marker("KAM Accounts")).toBeUndefined();
    expect(marker("KAM Accounts (2)")?.workflow).toBe("accounts");
    expect(book.sheetNames()).toEqual(["Orders", "KAM Accounts", "KAM Accounts (2)"]);
    // The report names its source and has a table.
    const snapshot = book.snapshot().sheets.find((s) => s.name === "KAM Accounts (2)");
    expect(JSON.stringify(snapshot)).toContain("Orders!A1:C69");
    expect(snapshot?.tables.length).toBeGreaterThan(0);
  });

  test("running again asks before replacing its own report; Keep writes a new sheet", async () => {
    await openAccounts();
    await readSelection("Orders!A1:C69");
    fireEvent.click(screen.getByRole("button", { name: "Create report" }));
    await settle();
    expect(book.sheetNames()).toEqual(["Orders", "KAM Accounts", "KAM Accounts (2)"]);

    fireEvent.click(screen.getByRole("button", { name: "Create report" }));
    await settle();
    const dialog = screen.getByRole("alertdialog");
    expect(dialog.textContent).toContain("KAM Accounts (2)");
    // Cancel is the focused (default) action.
    expect(document.activeElement?.textContent).toBe("Cancel");
    fireEvent.click(within(dialog).getByRole("button", { name: "Replace it" }));
    await settle();
    expect(book.sheetNames()).toEqual(["Orders", "KAM Accounts", "KAM Accounts (2)"]);
    expect(marker("KAM Accounts (2)")?.workflow).toBe("accounts");

    fireEvent.click(screen.getByRole("button", { name: "Create report" }));
    await settle();
    fireEvent.click(screen.getByRole("button", { name: "Keep it, use a new sheet" }));
    await settle();
    expect(book.sheetNames()).toEqual([
      "Orders",
      "KAM Accounts",
      "KAM Accounts (2)",
      "KAM Accounts (3)",
    ]);
    expect(book.value("'KAM Accounts'!A1")).toBe("my notes");
  });

  test("a failure while writing leaves the workbook as it was and says so", async () => {
    await openAccounts();
    await readSelection("Orders!A1:C69");
    const before = JSON.stringify(book.snapshot());
    const { MockOfficeError } = await import("../excel-mock");
    book.failNextSync(new MockOfficeError("GeneralException", "Out of memory"), { after: 2 });
    fireEvent.click(screen.getByRole("button", { name: "Create report" }));
    await settle();
    expect(screen.getByText(/The report was not written/)).toBeTruthy();
    expect(document.body.textContent).toContain("Your own sheets were not changed.");
    const after = JSON.parse(JSON.stringify(book.snapshot()));
    expect(after.sheets.map((s: { name: string }) => s.name)).toEqual(
      JSON.parse(before).sheets.map((s: { name: string }) => s.name)
    );
  });

  test("live output writes KAM formulas over the source ranges and warns that recipients need the add-in", async () => {
    await openAccounts();
    await readSelection("Orders!A1:C69");
    fireEvent.click(screen.getByRole("radio", { name: /Live KAM formulas/ }));
    await settle();
    expect(document.body.textContent).toContain("will see #NAME? in the live cells");
    fireEvent.click(screen.getByRole("button", { name: "Create report" }));
    await settle();
    const sheet = book.snapshot().sheets.find((s) => s.name === "KAM Accounts (2)");
    const formulas = Object.values(sheet?.cells ?? {}).map((c) => String(c.formula));
    expect(formulas.some((f) => f.startsWith("=KAM.RFM(Orders!A3:A"))).toBe(true);
  });

  test("reads an Excel table chosen from the list, header row included", async () => {
    await openAccounts();
    book.createTable("Orders!A2:C67", "Sales");
    fireEvent.click(screen.getByRole("radio", { name: "An Excel table" }));
    await settle();
    const select = screen.getByRole("combobox", { name: "An Excel table" }) as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(["", "Sales"]);
    fireEvent.change(select, { target: { value: "Sales" } });
    fireEvent.click(screen.getByRole("button", { name: "Read data" }));
    await settle();
    expect(screen.getByTestId("data-read").textContent).toBe("Orders!A2:C67: 66 rows read.");
    expect(within(screen.getByTestId("preview")).getByText("64 rows will be used.")).toBeTruthy();
  });

  test("zh-CN: labels, messages and the report follow the display language", async () => {
    await openAccounts("zh-CN");
    await readSelection("Orders!A1:C69", "读取数据");
    expect(screen.getByTestId("preview").textContent).toContain("将使用 64 行。");
    fireEvent.click(screen.getByRole("button", { name: "生成报表" }));
    await settle();
    expect(screen.getByText(/报表已写入工作表/)).toBeTruthy();
    const names = book.sheetNames();
    expect(names).toContain("KAM 客户分析");
    expect(marker("KAM 客户分析")?.workflow).toBe("accounts");
  });
});
