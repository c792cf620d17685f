// Browser build of the stand-in, served by the headless test in place of Office's office.js. It
// defines Office, Excel and CustomFunctions before the page's scripts run, and exposes the workbook
// as window.kamMock so the test can select cells and read what was written.
// Configuration, set by the test before the page loads: window.__KAM_MOCK_CONFIG__ =
// { displayLanguage?: string, sheets?: string[], localFunctionNames?: Record<id, name> (a zh-CN Excel
// that knows the functions only by their localized names), noHost?: boolean (Office.js outside
// Office) }.

import { MockWorkbook, createOffice, installOfficeMock } from "./index";

/* global window */

interface MockConfig {
  displayLanguage?: string;
  sheets?: string[];
  localFunctionNames?: Record<string, string>;
  /** Office.js as loaded in a plain browser tab: onReady finds no host. */
  noHost?: boolean;
}

const page = window as unknown as Record<string, unknown>;
const config = (page.__KAM_MOCK_CONFIG__ ?? {}) as MockConfig;
const book = new MockWorkbook(config.sheets ?? ["Sheet1"]);
if (config.localFunctionNames)
  book.localFunctionNames = new Map(Object.entries(config.localFunctionNames));
const mock = installOfficeMock({
  workbook: book,
  displayLanguage: config.displayLanguage ?? "en-US",
  target: window,
});

if (config.noHost) {
  page.Office = createOffice(config.displayLanguage ?? "en-US", false);
}

page.kamMock = {
  workbook: mock.workbook,
  associated: mock.CustomFunctions.associated,
  setValues: (address: string, rows: (string | number | boolean)[][]) =>
    mock.workbook.setValues(address, rows),
  select: (address: string, activeCell?: string) => mock.workbook.select(address, activeCell),
  formula: (address: string) => mock.workbook.formula(address),
  protect: (sheet: string, on?: boolean) => mock.workbook.protect(sheet, on),
  writes: () => mock.workbook.writes.map((w) => ({ ...w })),
  syncCount: () => mock.workbook.syncCount,
  sheetNames: () => mock.workbook.sheetNames(),
  activeSheet: () => mock.workbook.activeSheet.name,
  value: (address: string) => mock.workbook.value(address),
  cellFormat: (address: string) => mock.workbook.cellFormat(address),
  snapshot: () => mock.workbook.snapshot(),
  createTable: (address: string, name?: string) => mock.workbook.createTable(address, name).name,
  defineName: (name: string, formula: string) => void mock.workbook.defineName(name, formula),
  addSheet: (name: string) => void mock.workbook.addSheet(name),
  customProperty: (sheet: string, key: string) => mock.workbook.sheet(sheet)?.customProperty(key),
};
