/** @jest-environment jsdom */
// The Reports tab in jsdom: the real src/excel reader and writer against the Excel stand-in, the real
// source analysis and report builders. Reads a messy sheet, shows what will be skipped, writes the
// report sheet, and asks before replacing its own earlier report (never the user's sheet).

import { afterEach, beforeEach, describe, expect, jest, test } from "@jest/globals";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import { officeExcel } from "../../src/excel/workbook";
import { MARKER_KEY, officeReports } from "../../src/excel/report";
import { Language } from "../../src/i18n/strings";
import { setWorkbookDateOrder, workbookDateOrder } from "../../src/cells/locale";
import { StageTable } from "../../src/engine/pipeline/funnel";
import { buildReport } from "../../src/report";
import { analyseSource } from "../../src/report/source";
import { InstalledMock, MockOfficeError, MockWorkbook, installOfficeMock } from "../excel-mock";
import { settleUntilStable } from "./settle";

// The real reader and builders, watched: the tests check what the pane passes them.
jest.mock("../../src/report", () => {
  const actual = jest.requireActual<typeof import("../../src/report")>("../../src/report");
  return { ...actual, buildReport: jest.fn(actual.buildReport) };
});
jest.mock("../../src/report/source", () => {
  const actual =
    jest.requireActual<typeof import("../../src/report/source")>("../../src/report/source");
  return { ...actual, analyseSource: jest.fn(actual.analyseSource) };
});
const built = jest.mocked(buildReport);
const analysed = jest.mocked(analyseSource);

/* global document */

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
  built.mockClear();
  analysed.mockClear();
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

// ---------------------------------------------------------------------------------------------
// What the reader decided on ambiguous data, shown before Create and changeable.

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * An opportunity list on the sheet Deals: close dates as year-last text that read both ways
 * (02/01/2024 …) unless `proof` adds a won deal closing 13/01/2024 (day first, sheet row 22); an
 * Amount and a Sales column (both name the amount); a stage the default table does not know
 * (Qualify, first in row 5), a CRM alias of Won (Closed won) and stages written as 50%. Without
 * `lost` the Lost deals are won instead (nothing to learn Qualify's probability from).
 */
function deals(options: { proof?: boolean; lost?: boolean } = {}): (string | number)[][] {
  const { proof = true, lost = true } = options;
  const cycle = [
    "Prospect",
    "Intent",
    "Proposal",
    "Qualify",
    "Won",
    "Lost",
    "Negotiation",
    "Qualify",
    "Closed won",
    "50%",
  ];
  const rows: (string | number)[][] = [
    ["Deal", "Customer", "Amount", "Sales", "Stage", "Close date"],
  ];
  for (let i = 0; i < 20; i++) {
    const stage = cycle[i % cycle.length];
    rows.push([
      `D${i + 1}`,
      ["Acme", "Globex", "Initech", "Hooli"][i % 4],
      1000 + i * 10,
      900 + i,
      stage === "Lost" && !lost ? "Won" : stage,
      `${pad((i % 9) + 2)}/${pad((i % 12) + 1)}/2024`,
    ]);
  }
  if (proof) rows.push(["D21", "Acme", 500, 480, "Won", "13/01/2024"]);
  return rows;
}

async function openWorkflow(name: RegExp, language: Language = "en-US") {
  render(
    <App
      language={language}
      excel={officeExcel}
      reports={officeReports}
      loadFunctions={async () => []}
    />
  );
  await settle();
  fireEvent.click(screen.getByRole("button", { name }));
  await settle();
}

async function openPipeline(
  rows: (string | number)[][],
  language: Language = "en-US"
): Promise<void> {
  book.addSheet("Deals");
  book.setValues("Deals!A1", rows);
  await openWorkflow(language === "zh-CN" ? /^销售漏斗/ : /^Pipeline/, language);
  await readSelection(`Deals!A1:F${rows.length}`, language === "zh-CN" ? "读取数据" : "Read data");
}

const dateSelect = (label = "Dates such as 03/01/2019 mean") =>
  screen.getByRole("combobox", { name: label }) as HTMLSelectElement;
const createButton = () =>
  screen.getByRole("button", { name: "Create report" }) as HTMLButtonElement;
const stagesBox = () => screen.getByTestId("stages");
const stageInput = (stage: string) =>
  within(stagesBox()).getByRole("textbox", { name: `Probability of ${stage}` }) as HTMLInputElement;
const stageRow = (stage: string) =>
  stagesBox().querySelector(`tr[data-stage-row="${stage}"]`) as HTMLTableRowElement;
/** A stage row's cells as text: stage, probability (an input shows as ""), deals. */
const stageCells = (stage: string) =>
  [...stageRow(stage).querySelectorAll("td")].map((td) => td.textContent);
/** The options of the last analyseSource and buildReport calls. */
const lastAnalysis = () => analysed.mock.calls[analysed.mock.calls.length - 1][2];
const lastBuild = () => built.mock.calls[built.mock.calls.length - 1];

async function setStage(stage: string, text: string) {
  fireEvent.change(stageInput(stage), { target: { value: text } });
  await settle();
}

async function create() {
  fireEvent.click(createButton());
  await settle();
}

describe("Reports: what the reader decided, before Create", () => {
  test("date order: the automatic choice says what each column proved; day or month first is passed to the reader", async () => {
    await openPipeline(deals());
    const select = dateSelect();
    expect(select.value).toBe("auto");
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ["auto", "decided per column (now: day first, proven by 13/01/2024 in column F)"],
      ["dmy", "day first (3 January)"],
      ["mdy", "month first (March 1)"],
    ]);
    expect(lastAnalysis().dateOrder).toBeUndefined();
    expect(lastAnalysis().defaultDateOrder).toBe(workbookDateOrder());

    fireEvent.change(select, { target: { value: "mdy" } });
    await settle();
    expect(lastAnalysis().dateOrder).toBe("mdy");
    // Read month first, 13/01/2024 is no date: its row is skipped, and the automatic option still
    // says what the column itself proves.
    const preview = screen.getByTestId("preview");
    expect(within(preview).getByText("20 rows will be used.")).toBeTruthy();
    expect(preview.textContent).toContain('Row 22 (F22, Close date): "13/01/2024" is not a date');
    expect(dateSelect().options[0].textContent).toContain("day first, proven by 13/01/2024");
    await create();
    const monthFirst = lastBuild()[1];
    expect(monthFirst.rows).toBe(20);
    expect(monthFirst.sparse?.closeDate?.[0]).toBe(45323); // 02/01/2024 = 1 February 2024

    fireEvent.change(dateSelect(), { target: { value: "auto" } });
    await settle();
    await create();
    fireEvent.click(screen.getByRole("button", { name: "Keep it, use a new sheet" }));
    await settle();
    const automatic = lastBuild()[1];
    expect(automatic.rows).toBe(21);
    expect(automatic.sparse?.closeDate?.[0]).toBe(45293); // 2 January 2024
  });

  test("date order: dates that read both ways are assumed in the workbook's order, and the option says so", async () => {
    const before = workbookDateOrder();
    setWorkbookDateOrder("dmy");
    try {
      await openPipeline(deals({ proof: false }));
      expect(dateSelect().options[0].textContent).toBe(
        "decided per column (now: day first, assumed from the workbook's locale in column F)"
      );
      expect(lastAnalysis().defaultDateOrder).toBe("dmy");
      fireEvent.change(dateSelect(), { target: { value: "mdy" } });
      await settle();
      await create();
      expect(lastBuild()[1].sparse?.closeDate?.[0]).toBe(45323);
    } finally {
      setWorkbookDateOrder(before);
    }
  });

  test("no year-last text dates: no date order choice", async () => {
    await openAccounts();
    await readSelection("Orders!A1:C69");
    expect(screen.queryByRole("combobox", { name: "Dates such as 03/01/2019 mean" })).toBeNull();
    expect(document.body.textContent).not.toContain("Also matches");
  });

  test("columns: another column whose header names the role is shown under its drop-down", async () => {
    await openPipeline(deals());
    const amount = document.querySelector('select[data-role="amount"]') as HTMLSelectElement;
    expect(amount.value).toBe("2");
    const field = amount.closest(".fui-Field") as HTMLElement;
    expect(within(field).getByText("Also matches: D (Sales)")).toBeTruthy();
    // Only the amount is ambiguous.
    expect(document.body.textContent?.match(/Also matches/g)).toHaveLength(1);
  });

  test("columns: an amount computed as quantity × unit price is said once", async () => {
    book.setValues("Orders!H1", [
      ["Customer", "Order date", "Qty", "Unit price"],
      ["Acme", 45300, 3, 10],
      ["Globex", 45310, 2, 12.5],
      ["Acme", 45320, 1, 99],
    ]);
    await openAccounts();
    await readSelection("Orders!H1:K4");
    const text = document.body.textContent ?? "";
    expect(text).toContain("Amount = column J (Qty) × column K (Unit price)");
    expect(text.match(/× column K/g)).toHaveLength(1);
  });

  test("stages: known, written as probabilities and unknown, with counts and the learned probability; an edit reaches the report", async () => {
    await openPipeline(deals());
    const box = stagesBox();
    expect(within(box).getByText("Stages")).toBeTruthy();
    expect(stageInput("Prospect").value).toBe("10%");
    expect(stageInput("Proposal").value).toBe("50%");
    expect(stageCells("Proposal")[2]).toBe("2");
    // Won counts Closed won too; won and lost stay at 100% and 0%.
    expect(stageCells("Won")).toEqual(["Won", "100%", "5"]);
    expect(stageCells("Lost")).toEqual(["Lost", "0%", "2"]);
    expect(within(box).queryByRole("textbox", { name: "Probability of Won" })).toBeNull();
    expect(box.textContent).toContain("50%written as a probability");
    expect(stageCells("Qualify")).toEqual([
      "Qualifyunknown, first in row 5; takes the learned 71.4%",
      "",
      "4",
    ]);
    expect(stageInput("Qualify").placeholder).toBe("71.4%");
    expect(within(box).getByTestId("stage-counts").textContent).toBe(
      "5 won, 2 lost, 14 open deals."
    );
    expect(box.textContent).toContain(
      "A stage the stage table does not know takes the learned probability 71.4%: Qualify (4 deals)."
    );
    expect(createButton().disabled).toBe(false);

    await setStage("Proposal", "40");
    expect(stageInput("Proposal").value).toBe("40");
    await create();
    const table = lastBuild()[2] as { stageTable?: StageTable };
    expect(table.stageTable).toBeInstanceOf(StageTable);
    const stages = table.stageTable?.stages.map((s) => [s.name, s.probability]);
    expect(stages).toEqual([
      ["Prospect", 0.1],
      ["Intent", 0.3],
      ["Proposal", 0.4],
      ["Negotiation", 0.7],
      ["Won", 1],
      ["Lost", 0],
    ]);
    // The defaults' other names still match: a Closed won deal is won.
    expect(table.stageTable?.find("Closed won")?.name).toBe("Won");
    expect(within(stagesBox()).getByTestId("stage-counts").textContent).toBe(
      "5 won, 2 lost, 14 open deals."
    );
  });

  test("stages: unknown stages with nothing to learn from stop Create until they have a probability", async () => {
    await openPipeline(deals({ lost: false }));
    const box = stagesBox();
    expect(box.textContent).toContain('Unknown stage "Qualify" (4 deals, first in row 5)');
    expect(within(box).getByText(/The stages need a decision/)).toBeTruthy();
    expect(stageInput("Qualify").placeholder).toBe("none");
    expect(createButton().disabled).toBe(true);
    expect(screen.getByTestId("create-blocked").textContent).toBe(
      "Create report is unavailable until every stage has a probability: see Stages under 2. Columns."
    );

    await setStage("Qualify", "abc");
    expect(stagesBox().textContent).toContain("Qualify: enter a percentage from 0% to 100%.");
    expect(createButton().disabled).toBe(true);
    await setStage("Qualify", "150%");
    expect(createButton().disabled).toBe(true);

    await setStage("Qualify", "20%");
    expect(stagesBox().textContent).not.toContain("Unknown stage");
    expect(stageCells("Qualify")[0]).toBe("Qualifyyour probability, first in row 5");
    expect(screen.queryByTestId("create-blocked")).toBeNull();
    expect(createButton().disabled).toBe(false);
    await create();
    const options = lastBuild()[2] as { stageTable?: StageTable };
    const qualify = options.stageTable?.find("Qualify");
    expect([qualify?.probability, qualify?.category]).toEqual([0.2, "pipeline"]);
    expect(screen.getByText(/The report is on the sheet “KAM Pipeline”/)).toBeTruthy();
  });

  test("the written notice lists the report's own warnings", async () => {
    await openPipeline(deals());
    await create();
    const [report] = (await built.mock.results[built.mock.results.length - 1].value) as unknown[];
    const warnings = (report as { warnings?: string[] }).warnings ?? [];
    expect(warnings.length).toBeGreaterThan(0);
    const notice = screen.getByTestId("panel-notice");
    expect(notice.getAttribute("data-intent")).toBe("warning");
    expect(notice.textContent).toContain("The report is on the sheet “KAM Pipeline”.");
    expect(notice.textContent).toContain("The report notes:");
    expect([...notice.querySelectorAll("li")].map((li) => li.textContent)).toEqual(warnings);
    expect(warnings).toContain(
      "A stage the stage table does not know takes the learned probability 71.4%: Qualify (4 deals)."
    );
  });

  test("a failed read clears the earlier data, columns and preview", async () => {
    await openAccounts();
    await readSelection("Orders!A1:C69");
    expect(screen.getByTestId("preview")).toBeTruthy();
    book.failNextSync(new MockOfficeError("GeneralException", "Out of memory"));
    fireEvent.click(screen.getByRole("button", { name: "Read data" }));
    await settle();
    expect(screen.getByText(/The data could not be read/)).toBeTruthy();
    expect(screen.queryByTestId("preview")).toBeNull();
    expect(screen.queryByTestId("data-read")).toBeNull();
    expect(document.querySelector("select[data-role]")).toBeNull();
    expect(screen.queryByRole("button", { name: "Create report" })).toBeNull();
  });

  test("reading the data again resets the stage probabilities and the date order", async () => {
    await openPipeline(deals());
    await setStage("Proposal", "40");
    fireEvent.change(dateSelect(), { target: { value: "mdy" } });
    await settle();
    expect(dateSelect().value).toBe("mdy");
    await readSelection("Deals!A1:F22");
    expect(dateSelect().value).toBe("auto");
    expect(lastAnalysis().dateOrder).toBeUndefined();
    expect(stageInput("Proposal").value).toBe("50%");
    await create();
    expect((lastBuild()[2] as { stageTable?: unknown }).stageTable).toBeUndefined();
  });

  test("zh-CN: the date order, the other columns and the stages in Chinese", async () => {
    await openPipeline(deals(), "zh-CN");
    const select = dateSelect("03/01/2019 这样的日期表示");
    expect([...select.options].map((o) => o.textContent)).toEqual([
      "由各列自行判断（当前：F 列日在前，由 13/01/2024 确定）",
      "日在前（1 月 3 日）",
      "月在前（3 月 1 日）",
    ]);
    expect(screen.getByText("也可能是：D（Sales）")).toBeTruthy();
    const box = stagesBox();
    expect(within(box).getByRole("textbox", { name: "潜在客户 的概率" })).toBeTruthy();
    expect(box.textContent).toContain("未知，首次出现在第 5 行；采用学习所得的 71.4%");
    expect(within(box).getByTestId("stage-counts").textContent).toBe(
      "赢单 5 个，输单 2 个，未结 14 个商机。"
    );
    fireEvent.click(screen.getByRole("button", { name: "生成报表" }));
    await settle();
    expect(screen.getByTestId("panel-notice").textContent).toContain("报表说明：");
  });
});
