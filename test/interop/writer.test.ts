/* global console */
// The ExcelJS writer's workbooks in LibreOffice: hand-built report sheets (English and Chinese) are
// written, recalculated by headless LibreOffice, and every formula's result compared with the engine's.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ReportWorkbook } from "../../src/report/model";
import { WrittenWorkbook, workbookBytes } from "../../src/cli/xlsx";
import { compareWorkbook } from "./compare";
import { handBuiltWorkbook } from "./fixtures";
import { Recalculated, SKIP, announceSkip, recalculate } from "./libreoffice";

const cases: {
  lang: "en" | "zh";
  book: ReportWorkbook;
  file: string;
  written?: WrittenWorkbook;
}[] = [];
let dir = "";
let recalculated: Recalculated | undefined;

if (SKIP) announceSkip("LibreOffice interop (writer)");

(SKIP ? describe.skip : describe)("hand-built report sheets recalculated by LibreOffice", () => {
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "kam-interop-writer-"));
    for (const lang of ["en", "zh"] as const) {
      const book = handBuiltWorkbook(lang);
      const { bytes, written } = await workbookBytes(book, { lang });
      const file = path.join(dir, `hand-${lang}.xlsx`);
      fs.writeFileSync(file, bytes);
      cases.push({ lang, book, file, written });
    }
    recalculated = await recalculate(cases.map((c) => c.file));
    console.log(`LibreOffice recalculated ${cases.length} workbooks in ${recalculated.seconds} s`);
  }, 240_000);

  afterAll(() => {
    recalculated?.cleanup();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test.each(["en", "zh"])(
    "%s: every formula equals the engine's value, no errors, tables and formats survive",
    async (lang) => {
      const c = cases.find((x) => x.lang === lang);
      const out = recalculated?.files.get(c?.file ?? "");
      expect(out).toBeDefined();
      const result = await compareWorkbook(c!.book, c!.written!, out!);
      expect(result.problems).toEqual([]);
      expect(result.formulas).toBeGreaterThanOrEqual(20);
      expect(result.tables).toBe(2);
      expect(result.formats).toBeGreaterThan(10);
    }
  );

  test("a wrong cached value is caught: the comparison is not vacuous", async () => {
    const c = cases.find((x) => x.lang === "en")!;
    const broken: ReportWorkbook = JSON.parse(JSON.stringify(c.book));
    const block = broken.sheets[0].blocks.find((b) =>
      b.cells.some((r) => r.some((x) => typeof x === "object" && x !== null && "formula" in x))
    )!;
    for (const row of block.cells)
      for (const x of row)
        if (typeof x === "object" && x !== null && "formula" in x && typeof x.value === "number")
          x.value += 1e-6 * Math.max(1, Math.abs(x.value));
    const result = await compareWorkbook(broken, c.written!, recalculated!.files.get(c.file)!);
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems[0]).toMatch(/in LibreOffice, the engine computed/);
  });
});
