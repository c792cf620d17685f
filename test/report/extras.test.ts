// Extra sources (contacts, customer facts, targets, ... : src/report/roles.ts): each is read by the
// one source reader with its own roles, in both languages; the pane keeps them in its state, blocks
// Create while one cannot be read, and writes a report of several sheets, asking before it replaces
// earlier sheets of the same name; `kam report` reads them from their flags.

import { describe, expect, test } from "@jest/globals";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readExtras, parseExtraRef } from "../../src/cli/extras";
import { chooseSheet, isCsv, readInput } from "../../src/cli/report";
import { ReportSheet } from "../../src/report/model";
import { EXTRA_IDS, EXTRA_ROLES, WORKFLOW_EXTRAS, rolesFor } from "../../src/report/roles";
import { analyseSource } from "../../src/report/source";
import { WORKFLOW_REGISTRY } from "../../src/report";
import { getWorkflowStrings } from "../../src/i18n/workflows";
import { createBlock, extraDatasets, analyseExtras } from "../../src/taskpane/workflows/derived";
import { replacements, writeReport } from "../../src/taskpane/workflows/commands";
import { ExistingReport, WorkflowPort } from "../../src/taskpane/workflows/port";
import {
  WorkflowAction,
  extraRef,
  initialWorkflowState,
  workflowReducer,
} from "../../src/taskpane/workflows/state";

const CONTACTS_EN = [
  ["Account", "Name", "Job title", "Buying role", "Attitude", "Last contact"],
  ["Acme", "Ann Lee", "CFO", "Decision maker", "Supporter", "2024-03-01"],
  ["Acme", "Bo Chen", "Buyer", "Buyer", "Neutral", "2023-11-20"],
  ["Globex", "Cy Diaz", "IT lead", "User", "", ""],
];
const CONTACTS_ZH = [
  ["客户", "姓名", "职位", "采购角色", "态度", "最近联系日期"],
  ["华东医药", "王芳", "采购总监", "决策者", "支持", "2024/3/1"],
  ["华东医药", "李明", "信息科", "使用者", "中立", "2023/11/20"],
];
const FACTS = [
  ["Account", "Fiscal year", "Revenue", "Net income", "Total current assets", "Total assets"],
  ["Acme", 2022, 1000, 80, 400, 2000],
  ["Acme", 2023, 1100, 95, 420, 2100],
];

describe("the extra sources' roles", () => {
  test("every extra source has roles, at least one required; rolesFor gives them", () => {
    for (const id of EXTRA_IDS) {
      expect(EXTRA_ROLES[id].some((r) => r.required)).toBe(true);
      expect(rolesFor(id)).toBe(EXTRA_ROLES[id]);
    }
    expect(rolesFor("accounts").map((r) => r.role)).toContain("customer");
  });

  test("each registry entry carries its workflow's extra sources", () => {
    for (const [id, entry] of Object.entries(WORKFLOW_REGISTRY))
      expect(entry.extras).toBe(WORKFLOW_EXTRAS[id as keyof typeof WORKFLOW_EXTRAS]);
  });

  test("contacts with English headers: every role by its header, blanks kept", () => {
    const a = analyseSource(CONTACTS_EN, "contacts", { lang: "en" });
    expect(a.problems).toEqual([]);
    expect(a.mapping).toEqual({
      account: 0,
      contact: 1,
      title: 2,
      dmuRole: 3,
      attitude: 4,
      lastContact: 5,
    });
    expect(a.dataset?.rows).toBe(3);
    expect(a.dataset?.text.dmuRole).toEqual(["Decision maker", "Buyer", "User"]);
    // 2024-03-01 is Excel serial 45352; a blank last contact stays blank, the row is kept.
    expect(a.dataset?.sparse?.lastContact).toEqual([45352, 45250, null]);
  });

  test("contacts with Chinese headers and text dates", () => {
    const a = analyseSource(CONTACTS_ZH, "contacts", { lang: "zh" });
    expect(a.problems).toEqual([]);
    expect(Object.keys(a.mapping).sort()).toEqual(
      ["account", "attitude", "contact", "dmuRole", "lastContact", "title"].sort()
    );
    expect(a.dataset?.text.contact).toEqual(["王芳", "李明"]);
  });

  test("facts: the year is a number, the figures by their finance names", () => {
    const a = analyseSource(FACTS, "facts", { lang: "en" });
    expect(a.problems).toEqual([]);
    expect(a.mapping).toMatchObject({
      account: 0,
      year: 1,
      revenue: 2,
      netProfit: 3,
      currentAssets: 4,
      totalAssets: 5,
    });
    expect(a.dataset?.numbers.year).toEqual([2022, 2023]);
  });

  test("a contacts list without a name column is a blocking problem, never a guess", () => {
    const a = analyseSource(
      CONTACTS_EN.map((r) => [r[0], r[2]]),
      "contacts",
      { lang: "en" }
    );
    expect(a.missing).toContain("contact");
    expect(a.dataset).toBeUndefined();
  });
});

describe("the pane: extra sources in the state, Create blocked on one that cannot be read", () => {
  const contacts = {
    address: "Contacts!A1:F4",
    sheet: "Contacts",
    row: 0,
    column: 0,
    values: CONTACTS_EN,
  };

  test("read, failed and removed", () => {
    let s = initialWorkflowState("accounts");
    s = workflowReducer(s, { type: "extraReadStarted", id: "contacts" });
    expect(s.readingExtra).toBe("contacts");
    s = workflowReducer(s, { type: "extraRead", id: "contacts", block: contacts });
    expect(s.extras.contacts).toBe(contacts);
    expect(s.readingExtra).toBeNull();
    const failed = workflowReducer(s, {
      type: "extraFailed",
      id: "contacts",
      notice: { intent: "error", title: "x", body: "x" },
    });
    expect(failed.extras.contacts).toBeUndefined();
    expect(failed.notice?.title).toBe("x");
    expect(workflowReducer(s, { type: "extraCleared", id: "contacts" }).extras).toEqual({});
  });

  test("extraRef: the selection, a table or a name", () => {
    expect(extraRef("selection")).toEqual({ kind: "selection" });
    expect(extraRef("table:Contacts")).toEqual({ kind: "table", name: "Contacts" });
    expect(extraRef("name:People:2024")).toEqual({ kind: "name", name: "People:2024" });
    expect(extraRef("")).toBeNull();
  });

  test("analysed with their own roles; one that cannot be read blocks Create", () => {
    const choices = {
      dateChoice: "auto" as const,
      lang: "en" as const,
      defaultDateOrder: "mdy" as const,
    };
    const good = analyseExtras({ contacts }, choices);
    expect(createBlock(null, good)).toBeNull();
    expect(Object.keys(extraDatasets(good))).toEqual(["contacts"]);
    const bad = analyseExtras(
      { contacts: { ...contacts, values: CONTACTS_EN.map((r) => [r[0], r[2]]) } },
      choices
    );
    expect(createBlock(null, bad)).toBe("extras");
    expect(extraDatasets(bad)).toEqual({});
  });
});

describe("the pane: a report of several sheets", () => {
  const sheet = (name: string) => ({ name, warnings: [] }) as unknown as ReportSheet;
  const earlier = (name: string, created: string): ExistingReport => ({
    sheet: name,
    marker: { product: "kam-analytics", workflow: "accounts", version: 1, created, source: "" },
  });

  test("one sheet replaces the one of its name, else the newest; several only by name", () => {
    const old = [earlier("KAM Accounts", "2024-01-01"), earlier("KAM Accounts (2)", "2024-02-01")];
    expect(replacements([sheet("KAM Accounts")], old)).toEqual([old[0]]);
    expect(replacements([sheet("Other")], old)).toEqual([old[1]]);
    expect(replacements([sheet("Index"), sheet("KAM Accounts")], old)).toEqual([undefined, old[0]]);
    expect(replacements([sheet("Index")], [])).toEqual([undefined]);
  });

  test("every sheet written, each over its earlier sheet; one progress bar; all sheets named", async () => {
    const t = getWorkflowStrings("en-US");
    const actions: WorkflowAction[] = [];
    const writes: [string, string | undefined][] = [];
    const port: WorkflowPort = {
      listSources: async () => ({ tables: [], names: [] }),
      readSource: async () => {
        throw new Error("not read");
      },
      findReports: async () => [],
      writeReport: async (report, options) => {
        writes.push([report.name, options?.replace]);
        options?.onProgress?.(1, 1);
        return { sheet: report.name, replaced: options?.replace !== undefined };
      },
    };
    await writeReport(
      { workflow: "accounts", port, dispatch: (a) => void actions.push(a), t },
      [sheet("Plans"), sheet("Acme")],
      [undefined, "Acme"]
    );
    expect(writes).toEqual([
      ["Plans", undefined],
      ["Acme", "Acme"],
    ]);
    expect(actions.filter((a) => a.type === "writeProgress")).toEqual([
      { type: "writeProgress", done: 1, total: 2 },
      { type: "writeProgress", done: 2, total: 2 },
    ]);
    const written = actions.find((a) => a.type === "written");
    expect(written).toMatchObject({ notice: { body: t.written("Plans, Acme") } });
  });
});

describe("kam report: --contacts FILE[#SHEET]", () => {
  test("FILE, FILE#SHEET and #SHEET (a sheet of --in)", () => {
    expect(parseExtraRef("contacts", "c.xlsx", "in.xlsx")).toEqual({ file: "c.xlsx" });
    expect(parseExtraRef("contacts", "c.xlsx#People", "in.xlsx")).toEqual({
      file: "c.xlsx",
      sheet: "People",
    });
    expect(parseExtraRef("contacts", "#People", "in.xlsx")).toEqual({
      file: "in.xlsx",
      sheet: "People",
    });
    expect(() => parseExtraRef("contacts", "c.xlsx#", "in.xlsx")).toThrow(/name the sheet/);
  });

  test("a CSV read with its roles, said on stderr; a list that is not contacts stops the run", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kam-extras-"));
    try {
      const file = path.join(dir, "contacts.csv");
      fs.writeFileSync(file, CONTACTS_EN.map((r) => r.join(",")).join("\n"));
      const notes: string[] = [];
      const ctx = {
        lang: "en" as const,
        readFile: readInput,
        chooseSheet,
        isCsv,
        input: path.join(dir, "orders.csv"),
        inputSheets: [],
        note: (text: string) => void notes.push(text),
      };
      const read = await readExtras({ contacts: file }, ctx);
      expect(read.contacts?.rows).toBe(3);
      expect(notes.join("\n")).toContain("3 rows (account: Account, contact: Name");
      const bad = path.join(dir, "bad.csv");
      fs.writeFileSync(bad, "Account,Job title\nAcme,CFO\n");
      await expect(readExtras({ contacts: bad }, ctx)).rejects.toThrow(/^--contacts .*bad\.csv/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
