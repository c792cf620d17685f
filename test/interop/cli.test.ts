/* global console */
// The kam command's workbooks in a spreadsheet that has never seen the add-in: `kam demo` (English and
// Chinese) and `kam report` on an .xlsx file are recalculated by headless LibreOffice, and every
// formula's result must equal the value the engine computed (cached in the file), with no error cell,
// every value present and the tables and formats intact.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { Workbook } from "exceljs";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { kam, root } from "../support/kam";
import { compareFiles } from "./compare";
import { Recalculated, SKIP, announceSkip, recalculate } from "./libreoffice";

let dir = "";
let recalculated: Recalculated | undefined;
const files: Record<string, string> = {};

if (SKIP) announceSkip("LibreOffice interop (kam demo, kam report)");

/** The sample orders as an .xlsx sheet with real date cells, as a user's export would be. */
async function ordersWorkbook(file: string): Promise<void> {
  const text = fs.readFileSync(path.join(root, "assets/sample/zh/orders.csv"), "utf8");
  const rows = parse(text, { bom: true }) as string[][];
  const wb = new Workbook();
  const ws = wb.addWorksheet("订单");
  rows.forEach((r, i) => {
    ws.addRow(
      i === 0
        ? r
        : [
            r[0],
            new Date(`${r[1]}T00:00:00Z`),
            r[2],
            r[3],
            r[4],
            r[5],
            Number(r[6]),
            r[7],
            r[8] === "" ? null : Number(r[8]),
          ]
    );
  });
  ws.getColumn(2).numFmt = "yyyy-mm-dd";
  await wb.xlsx.writeFile(file);
}

/**
 * A second snapshot of the sample opportunities for `--snapshot`: every record but each tenth (new
 * since), stage "Proposal", the close date of every third moved 20 days earlier (those slipped).
 */
function snapshotCsv(file: string): void {
  const rows = parse(
    fs.readFileSync(path.join(root, "assets/sample/en/opportunities.csv"), "utf8"),
    { bom: true }
  ) as string[][];
  const out = [["Opportunity", "Stage", "Amount", "Close date"]];
  rows.slice(1).forEach((r, k) => {
    if (k % 10 === 9) return;
    const close =
      r[5] !== "" && k % 3 === 0
        ? new Date(Date.parse(`${r[5]}T00:00:00Z`) - 20 * 86_400_000).toISOString().slice(0, 10)
        : r[5];
    out.push([`"${r[0]}"`, "Proposal", r[4], close]);
  });
  fs.writeFileSync(file, out.map((r) => r.join(",")).join("\n"));
}

(SKIP ? describe.skip : describe)("kam workbooks recalculated by LibreOffice", () => {
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "kam-interop-cli-"));
    files.demoEn = path.join(dir, "demo-en.xlsx");
    files.demoZh = path.join(dir, "demo-zh.xlsx");
    files.report = path.join(dir, "report-zh.xlsx");
    files.teamEn = path.join(dir, "team-en.xlsx");
    files.teamZh = path.join(dir, "team-zh.xlsx");
    files.teamSnapshot = path.join(dir, "team-snapshot-en.xlsx");
    files.planEn = path.join(dir, "account-plan-en.xlsx");
    files.planZh = path.join(dir, "account-plan-zh.xlsx");
    const input = path.join(dir, "orders-zh.xlsx");
    await ordersWorkbook(input);
    const snapshot = path.join(dir, "snapshot-en.csv");
    snapshotCsv(snapshot);
    const runs = await Promise.all([
      kam(["demo", "--out", files.demoEn]),
      kam(["demo", "--lang", "zh", "--out", files.demoZh]),
      kam(["report", "--in", input, "--lang", "zh", "--out", files.report]),
      ...(["en", "zh"] as const).map((lang) =>
        kam([
          "report",
          "--in",
          path.join(root, `assets/sample/${lang}/opportunities.csv`),
          "--workflow",
          "team",
          "--lang",
          lang,
          "--out",
          lang === "en" ? files.teamEn : files.teamZh,
        ])
      ),
      kam([
        "report",
        "--in",
        path.join(root, "assets/sample/en/opportunities.csv"),
        "--workflow",
        "team",
        "--snapshot",
        snapshot,
        "--out",
        files.teamSnapshot,
      ]),
      ...(["en", "zh"] as const).map((lang) =>
        kam([
          "report",
          "--in",
          path.join(root, `assets/sample/${lang}/orders.csv`),
          "--workflow",
          "account-plan",
          "--top",
          "3",
          "--lang",
          lang,
          "--out",
          lang === "en" ? files.planEn : files.planZh,
        ])
      ),
    ]);
    runs.forEach((r) => {
      if (r.status !== 0) throw new Error(`kam failed (${r.status}):\n${r.stderr}`);
    });
    recalculated = await recalculate(Object.values(files));
    console.log(
      `LibreOffice recalculated ${Object.keys(files).length} kam workbooks in ${recalculated.seconds} s`
    );
  }, 300_000);

  afterAll(() => {
    recalculated?.cleanup();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test.each([
    ["kam demo (en)", "demoEn"],
    ["kam demo --lang zh", "demoZh"],
    ["kam report on an .xlsx file (zh)", "report"],
    ["kam report --workflow team (en)", "teamEn"],
    ["kam report --workflow team --lang zh", "teamZh"],
    ["kam report --workflow team --snapshot (en)", "teamSnapshot"],
    ["kam report --workflow account-plan (en)", "planEn"],
    ["kam report --workflow account-plan --lang zh", "planZh"],
  ])(
    "%s: every formula equals the engine's value; no errors; tables and formats survive",
    async (_, key) => {
      const written = files[key];
      const result = await compareFiles(written, recalculated!.files.get(written)!);
      console.log(
        `${_}: ${result.formulas} formulas, ${result.values} values, ${result.tables} tables, ${result.formats} number formats checked`
      );
      expect(result.problems.slice(0, 20)).toEqual([]);
      const team = key.startsWith("team") || key.startsWith("plan");
      expect(result.formulas).toBeGreaterThan(team ? 20 : 100);
      expect(result.tables).toBeGreaterThanOrEqual(key === "report" || team ? 3 : 8);
      expect(result.formats).toBeGreaterThan(team ? 20 : 100);
    }
  );

  test("kam report --snapshot writes the slipped deals and the velocity table's slipped column", async () => {
    const wb = new Workbook();
    await wb.xlsx.readFile(files.teamSnapshot);
    const cells: string[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain("Slipped deals per owner (close date later than in the snapshot)");
    expect(cells).toContain("Slipped deals");
    expect(cells.some((t) => /^Snapshot: deals matched on the opportunity id/.test(t))).toBe(true);
  });
});
