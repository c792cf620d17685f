// An in-memory stand-in of the Excel JavaScript API (Excel.run, ranges and formats, worksheets and
// their custom properties, tables, names, charts, conditional formats, sync, selection events) plus
// the Office and CustomFunctions globals, for jest (install into globalThis) and for the
// headless browser test (browser.ts, served in place of office.js).

import { MockExcel, createExcel } from "./api";
import { MockWorkbook } from "./model";
import { MockCustomFunctions, MockOffice, createCustomFunctions, createOffice } from "./office";

/* global globalThis */

export * from "./api";
export * from "./base";
export * from "./charts";
export * from "./conditional";
export * from "./model";
export * from "./office";
export * from "./pageLayout";

export interface InstalledMock {
  workbook: MockWorkbook;
  Excel: MockExcel;
  Office: MockOffice;
  CustomFunctions: MockCustomFunctions;
  /** Puts the previous globals back. */
  uninstall(): void;
}

const NAMES = ["Excel", "Office", "CustomFunctions"] as const;

/** Sets globalThis.Excel / Office / CustomFunctions to stand-ins over `workbook`. */
export function installOfficeMock(
  options: { workbook?: MockWorkbook; displayLanguage?: string; target?: object } = {}
): InstalledMock {
  const target = (options.target ?? globalThis) as Record<string, unknown>;
  const workbook = options.workbook ?? new MockWorkbook();
  const installed = {
    Excel: createExcel(workbook),
    Office: createOffice(options.displayLanguage),
    CustomFunctions: createCustomFunctions(),
  };
  const previous = NAMES.map((n) => [n, Object.getOwnPropertyDescriptor(target, n)] as const);
  for (const n of NAMES) {
    Object.defineProperty(target, n, { value: installed[n], configurable: true, writable: true });
  }
  return {
    workbook,
    ...installed,
    uninstall() {
      for (const [n, descriptor] of previous) {
        if (descriptor) Object.defineProperty(target, n, descriptor);
        else delete target[n];
      }
    },
  };
}
