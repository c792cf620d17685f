// The native Excel functions the report builders and the Office.js writer put into formulas exist in
// every Excel the add-in supports, and in the Excel 2016 / 2019 a recipient of a portable sheet may
// open it with. Which version introduced a function: Microsoft's "Excel functions (alphabetical)"
// (https://support.microsoft.com/office/excel-functions-alphabetical-b3944572-255d-4efb-bb96-c6d90033e188),
// where each function is marked with the first version that has it, and each function's page lists
// "Applies to". Decisions:
// - Microsoft 365 / Excel 2024 only (TAKE, DROP, VSTACK, ..., LAMBDA and its helpers): never. Excel
//   2021 passes the ExcelApi 1.12 check the Reports tab makes, so a live sheet with TAKE would show
//   #NAME? there.
// - Excel 2021 (FILTER, SORT, UNIQUE, SEQUENCE, XLOOKUP, XMATCH, LET, RANDARRAY, SORTBY): never
//   either: live sheets would work (live mode needs Excel 2021 for spill references such as A5#),
//   but portable sheets must open in Excel 2016 / 2019.
// - Excel 2019 (IFS, MAXIFS, MINIFS, SWITCH, CONCAT, TEXTJOIN): never, for Excel 2016.
// A builder that needs one of these must write the classic form (INDEX, SUMIF, COUNTIF, ...).

import { describe, expect, test } from "@jest/globals";
import fs from "fs";
import path from "path";

/* global __dirname */

const SINCE: Record<string, string[]> = {
  "Microsoft 365 / Excel 2024": [
    "TAKE",
    "DROP",
    "VSTACK",
    "HSTACK",
    "CHOOSECOLS",
    "CHOOSEROWS",
    "TOCOL",
    "TOROW",
    "WRAPROWS",
    "WRAPCOLS",
    "EXPAND",
    "TEXTSPLIT",
    "TEXTBEFORE",
    "TEXTAFTER",
    "LAMBDA",
    "MAP",
    "REDUCE",
    "SCAN",
    "BYROW",
    "BYCOL",
    "MAKEARRAY",
    "ISOMITTED",
    "ARRAYTOTEXT",
    "VALUETOTEXT",
    "IMAGE",
    "GROUPBY",
    "PIVOTBY",
    "PERCENTOF",
    "REGEXTEST",
    "REGEXEXTRACT",
    "REGEXREPLACE",
    "TRIMRANGE",
  ],
  "Excel 2021": [
    "FILTER",
    "SORT",
    "SORTBY",
    "UNIQUE",
    "SEQUENCE",
    "RANDARRAY",
    "XLOOKUP",
    "XMATCH",
    "LET",
  ],
  "Excel 2019": ["IFS", "MAXIFS", "MINIFS", "SWITCH", "CONCAT", "TEXTJOIN"],
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The file without its comment lines (a comment may name a function it avoids). */
function code(file: string): string {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line))
    .join("\n");
}

/** Where `name(` is written as an Excel function (not part of a longer name, not a JS call). */
function uses(text: string, name: string): boolean {
  return new RegExp(`(^|[^A-Za-z0-9_.])${name}\\(`).test(text);
}

describe("native functions in report formulas", () => {
  const root = path.resolve(__dirname, "../../src");
  const files = [
    ...sourceFiles(path.join(root, "report")),
    ...sourceFiles(path.join(root, "excel")),
  ];

  test("the scan sees the report sources and finds the classic functions they use", () => {
    expect(files.length).toBeGreaterThan(10);
    const all = files.map(code).join("\n");
    for (const classic of ["SUM", "INDEX", "ROWS", "COUNTIF", "SUMIF", "ROUNDUP"]) {
      expect(uses(all, classic)).toBe(true);
    }
  });

  test.each(Object.entries(SINCE))("none that needs %s", (_version, names) => {
    const found: string[] = [];
    for (const file of files) {
      const text = code(file);
      for (const name of names) {
        if (uses(text, name)) found.push(`${path.relative(root, file)}: ${name}`);
      }
    }
    expect(found).toEqual([]);
  });

  test("the scan would catch one", () => {
    expect(uses("`=SUM(TAKE(${col},3))`", "TAKE")).toBe(true);
    expect(uses("=KAM.TAKE(A1)", "TAKE")).toBe(false);
    expect(uses("MYTAKE(A1)", "TAKE")).toBe(false);
  });
});
