// Re-running a report keeps what the user typed (src/report/inputs.ts and the pane's writer,
// src/excel/report.ts): the Account plan's yellow cells and actions table, matched by account and
// section, carried from the old sheet into the new one, against the in-memory Excel stand-in.
import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { writeReport } from "../../src/excel/report";
import { buildReport } from "../../src/report";
import { a1, ReportSheet } from "../../src/report/model";
import {
  INPUTS_PROPERTY,
  carriedBlocks,
  inputsText,
  parseInputs,
  withCarriedInputs,
} from "../../src/report/inputs";
import { Dataset } from "../../src/report/roles";
import { InstalledMock, MockWorkbook, installOfficeMock } from "../excel-mock";

const serial = (y: number, m: number, d: number) =>
  (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

/** Orders of three accounts over 2022–2024, product lines x, y, z. */
function orders(lastYear = 2024): Dataset {
  const customer: string[] = [];
  const date: number[] = [];
  const amount: number[] = [];
  const product: string[] = [];
  const add = (c: string, d: number, a: number, p: string) => {
    customer.push(c);
    date.push(d);
    amount.push(a);
    product.push(p);
  };
  for (let y = 2022; y <= lastYear; y++)
    for (let m = 1; m <= 12; m++) {
      add("Acme", serial(y, m, 5), 1000 + 10 * m, "x");
      add("Acme", serial(y, m, 15), 300, "y");
      add("Beta", serial(y, m, 7), 400, "x");
      if (m % 3 === 0) add("Beta", serial(y, m, 20), 200, "z");
      if (m % 2 === 0) add("Gamma", serial(y, m, 9), 150, "z");
    }
  return {
    workflow: "account-plan",
    rows: customer.length,
    text: { customer, product },
    numbers: { date, amount },
    sheetRows: customer.map((_, i) => i + 2),
    source: "Orders!A1:D999",
    addresses: {},
  };
}

async function plan(lastYear = 2024): Promise<ReportSheet[]> {
  return buildReport("account-plan", orders(lastYear), {
    lang: "en",
    created: "2026-12-01T00:00:00.000Z",
    accounts: "Acme",
  });
}

const areaOf = (s: ReportSheet, section: string) => {
  const i = s.inputs?.find((x) => x.key === `acme|${section}`);
  if (!i) throw new Error(`no input ${section}`);
  return i.area;
};

describe("input layout and carried blocks", () => {
  test("the layout round-trips through its text; bad text gives nothing", async () => {
    const [, acme] = await plan();
    const back = parseInputs(inputsText(acme));
    expect(back.get("acme|mission")).toEqual(areaOf(acme, "mission"));
    expect(back.size).toBe(acme.inputs?.length);
    expect(parseInputs("{nope").size).toBe(0);
    expect(parseInputs('{"a":[1,2,0,1],"b":[1,2,3]}').size).toBe(0);
  });

  test("old values land in the new areas of the same key, cut to their size; blanks keep the new", async () => {
    const [, acme] = await plan();
    const actions = areaOf(acme, "actions");
    const old = new Map<string, unknown[][]>([
      ["acme|mission", [["Be Acme's first supplier", "", "", "", "", ""]]],
      [
        "acme|actions",
        [
          ["Visit the CFO", "Li", serial(2025, 2, 1), "In progress", "T+1 target"],
          ["", "", "", "", ""],
          ...Array.from({ length: 20 }, () => ["more", "", "", "", ""]),
        ],
      ],
      ["beta|mission", [["not Acme's"]]],
    ]);
    const blocks = carriedBlocks(acme, old);
    expect(blocks).toHaveLength(2);
    const act = blocks.find((b) => b.row === actions.row);
    expect(act?.cells).toHaveLength(actions.rows);
    expect(act?.cells[0]).toEqual([
      "Visit the CFO",
      "Li",
      serial(2025, 2, 1),
      "In progress",
      "T+1 target",
    ]);
    expect(act?.cells[1]).toEqual([null, null, null, null, null]);
    expect(withCarriedInputs(acme, new Map()).blocks).toBe(acme.blocks);
  });
});

describe("the pane's writer carries typed cells over when it replaces a plan sheet", () => {
  let mock: InstalledMock;
  let book: MockWorkbook;
  beforeEach(() => {
    book = new MockWorkbook(["Orders"]);
    mock = installOfficeMock({ workbook: book });
  });
  afterEach(() => mock.uninstall());

  test("typed mission (text kept as text), CSF scores and an action survive a re-run with new data", async () => {
    const [, first] = await plan(2023);
    const written = await writeReport(first);
    const name = written.sheet;
    expect(book.sheet(name)?.customProperties.get(INPUTS_PROPERTY.toLowerCase())).toBeDefined();
    // The manager types into the yellow cells and the actions table.
    const mission = areaOf(first, "mission");
    const csf = areaOf(first, "csf");
    const actions = areaOf(first, "actions");
    book.setValues(`'${name}'!${a1(mission.row, mission.column)}`, [["+86 first supplier"]]);
    book.setValues(`'${name}'!${a1(csf.row, csf.column + 2)}`, [[8, 6]]);
    book.setValues(`'${name}'!${a1(actions.row, actions.column)}`, [
      ["Visit the CFO", "Li", serial(2025, 2, 1), "Done", "T+1 target"],
    ]);

    // A year more of data: the layout moves (another year column), the typed cells follow.
    const [, second] = await plan(2024);
    const again = await writeReport(second, { replace: name });
    expect(again.replaced).toBe(true);
    const m2 = areaOf(second, "mission");
    const c2 = areaOf(second, "csf");
    const a2 = areaOf(second, "actions");
    expect(m2.row).not.toBe(mission.row);
    const at = (r: number, c: number) => book.value(`'${again.sheet}'!${a1(r, c)}`);
    // Text stays text (Excel would read "+86 …" as a formula without the quote prefix).
    expect(at(m2.row, m2.column)).toBe("+86 first supplier");
    expect(book.cell(`'${again.sheet}'!${a1(m2.row, m2.column)}`).quotePrefix).toBe(true);
    expect([at(c2.row, c2.column + 2), at(c2.row, c2.column + 3)]).toEqual([8, 6]);
    expect(at(a2.row, a2.column)).toBe("Visit the CFO");
    expect(at(a2.row, a2.column + 3)).toBe("Done");
    expect(at(a2.row + 1, a2.column)).toBe("");
    // The status column keeps its drop-down.
    const snap = book.snapshot().sheets.find((s) => s.name === again.sheet);
    expect(snap?.dataValidations[0].source).toBe("Not started,In progress,Done,Blocked");
  });
});
