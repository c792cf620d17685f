/* global Buffer */
// `kam report`: the task pane's workflows on the user's own .csv/.xlsx file, written as a workbook;
// problems are one line naming the file, sheet, row and column; usage mistakes exit with status 2.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { Workbook } from "exceljs";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { UsageProblem } from "../../src/cli/common";
import { findRole, parseReportArgs } from "../../src/cli/report";
import { MARKER_PROPERTY } from "../../src/cli/xlsx";
import { kam, root } from "../support/kam";
import { sheetCustomProperties } from "../support/zip";

let dir = "";
const file = (name: string, text?: string | Buffer) => {
  const p = path.join(dir, name);
  if (text !== undefined) fs.writeFileSync(p, text);
  return p;
};
const sample = (lang: string, name: string) =>
  fs.readFileSync(path.join(root, "assets/sample", lang, name), "utf8");

/** The first `n` orders of the sample, as CSV text with the sample's header. */
function orders(n: number): string {
  return (
    sample("en", "orders.csv")
      .split("\n")
      .slice(0, n + 1)
      .join("\n") + "\n"
  );
}

async function sheetNames(xlsx: string): Promise<string[]> {
  const wb = new Workbook();
  await wb.xlsx.readFile(xlsx);
  return wb.worksheets.map((w) => w.name);
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kam-report-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("kam report", () => {
  test("an order list (CSV): the reports whose columns it has, with markers; progress on stderr", async () => {
    const input = file("orders.csv", orders(3000));
    const out = file("orders-report.xlsx");
    const r = await kam(["report", "--in", input, "--out", out]);
    expect(r.stderr).toContain("accounts, forecast, plan, kpi (chosen from the columns");
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/kam report: accounts: 100%/);
    expect(r.stderr).toContain(`kam report: wrote ${out}`);
    const names = await sheetNames(out);
    expect(names).toEqual(["KAM Accounts", "KAM Forecast", "KAM Plan", "KAM KPIs"]);
    const markers = sheetCustomProperties(fs.readFileSync(out));
    const accounts = JSON.parse(markers.get("KAM Accounts")!.get(MARKER_PROPERTY)!);
    expect(accounts).toMatchObject({ product: "kam-analytics", workflow: "accounts", version: 1 });
    expect(accounts.source).toContain("orders.csv");
  }, 120_000);

  test("an opportunity list gets the pipeline; --stages reads the company's stage table", async () => {
    const input = file("opps.csv", sample("zh", "opportunities.csv"));
    const stages = file("stages.csv", sample("zh", "stages.csv"));
    const out = file("opps.xlsx");
    const r = await kam([
      "report",
      "--in",
      input,
      "--stages",
      stages,
      "--as-of",
      "2025-01-01",
      "--target",
      "52,000,000",
      "--lang",
      "zh",
      "--out",
      out,
    ]);
    expect(r.stderr).toContain(`${input}: pipeline (chosen`);
    expect(r.status).toBe(0);
    expect(await sheetNames(out)).toHaveLength(1);
    // Without a stage table the report's default stages (which know Lost/输单) are used; a stage
    // that no table knows is bad input: one line naming it.
    const plain = await kam(["report", "--in", input, "--out", file("opps2.xlsx"), "--lang", "zh"]);
    expect(plain.status).toBe(0);
    const odd = sample("zh", "opportunities.csv").replace(/输单/g, "搁置");
    const bad = await kam(["report", "--in", file("odd.csv", odd), "--out", file("opps3.xlsx")]);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split("\n").pop()).toMatch(
      /^kam report: .*odd\.csv: pipeline: .*搁置/
    );
  }, 120_000);

  test("an .xlsx sheet with a title above the header; --sheet, --map by letter and by header", async () => {
    const rows = parse(orders(1200), { bom: true }) as string[][];
    const wb = new Workbook();
    wb.addWorksheet("Notes").getCell("A1").value = "read me";
    const ws = wb.addWorksheet("Data");
    ws.getCell("A1").value = "Orders 2022";
    rows.forEach((r, i) => {
      const row = ws.getRow(i + 3);
      row.getCell(2).value = r[2]; // customer in B
      row.getCell(3).value = i === 0 ? "Booked" : new Date(`${r[1]}T00:00:00Z`); // date in C
      row.getCell(4).value = i === 0 ? r[6] : Number(r[6]); // amount in D
    });
    const input = file("orders.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
    const out = file("xlsx-report.xlsx");
    const r = await kam([
      "report",
      "--in",
      input,
      "--sheet",
      "data",
      "--workflow",
      "accounts",
      "--map",
      "date=C",
      "--map",
      "Amount=amount",
      "--out",
      out,
    ]);
    expect(r.stderr).toBe(r.stderr); // keep the output in the failure message below
    expect({ status: r.status, stderr: r.stderr }).toMatchObject({ status: 0 });
    expect(r.stderr).toContain("accounts: Rows 1–2 above the header are not read");
    expect(await sheetNames(out)).toEqual(["KAM Accounts"]);
    const noSheet = await kam([
      "report",
      "--in",
      input,
      "--sheet",
      "Nope",
      "--out",
      file("x.xlsx"),
    ]);
    expect(noSheet.status).toBe(1);
    expect(noSheet.stderr).toContain('there is no sheet "Nope"; the sheets are "Notes", "Data"');
  }, 120_000);

  test("a bad cell: one line naming the file, row and column; --skip-bad-rows leaves it out", async () => {
    const lines = orders(400).split("\n");
    lines[6] = lines[6].replace(/,(\d+),(Key|Standard),/, ",abc,$2,");
    const input = file("bad.csv", lines.join("\n"));
    const out = file("bad.xlsx");
    const r = await kam(["report", "--in", input, "--workflow", "accounts", "--out", out]);
    expect(r.status).toBe(1);
    const said = r.stderr.trim().split("\n");
    expect(said.filter((l) => l.includes("Row 7"))).toHaveLength(1);
    expect(said[said.length - 1]).toBe(
      `kam report: ${input}: Row 7 (G7, Amount): "abc" is not a number (--skip-bad-rows leaves such rows out)`
    );
    expect(fs.existsSync(out)).toBe(false);
    const skip = await kam([
      "report",
      "--in",
      input,
      "--workflow",
      "accounts",
      "--skip-bad-rows",
      "--out",
      out,
    ]);
    expect(skip.status).toBe(0);
    expect(skip.stderr).toContain("accounts: left out 1 bad row:");
    expect(skip.stderr).toContain('Row 7 (G7, Amount): "abc" is not a number');
  }, 120_000);

  test("never overwrites without --force; unreadable input is status 1", async () => {
    const input = file("small.csv", orders(200));
    const out = file("keep.xlsx", "keep me");
    const r = await kam(["report", "--in", input, "--workflow", "kpi", "--out", out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`kam report: ${out} already exists; use --force to overwrite it\n`);
    expect(fs.readFileSync(out, "utf8")).toBe("keep me");
    const f = await kam(["report", "--in", input, "--workflow", "kpi", "--out", out, "--force"]);
    expect(f.status).toBe(0);
    expect(await sheetNames(out)).toEqual(["KAM KPIs"]);
    const missing = await kam([
      "report",
      "--in",
      path.join(dir, "none.csv"),
      "--out",
      file("n.xlsx"),
    ]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("none.csv: cannot read the file (ENOENT)");
    const xls = await kam(["report", "--in", file("old.xls", "x"), "--out", file("n.xlsx")]);
    expect(xls.status).toBe(1);
    expect(xls.stderr).toContain("not an .xlsx or .csv file");
    const nothing = await kam([
      "report",
      "--in",
      file("words.csv", "a,b\nx,y\n"),
      "--out",
      file("n.xlsx"),
    ]);
    expect(nothing.status).toBe(1);
    expect(nothing.stderr).toContain("no report fits this data");
  }, 120_000);

  test("usage: --help, bad options, exit status 2", async () => {
    const input = file("u.csv", orders(50));
    const out = path.join(dir, "never.xlsx");
    const [help, top, missing, badMap] = await Promise.all([
      kam(["report", "--help"]),
      kam(["--help"]),
      kam(["report", "--out", out]),
      kam(["report", "--in", input, "--out", out, "--map", "amount=Z"]),
    ]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("--map ROLE=COL");
    expect(top.stdout).toMatch(/demo[\s\S]*report[\s\S]*forecast[\s\S]*sample/);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe("kam report: --in is required; try kam report --help\n");
    expect(badMap.status).toBe(2);
    expect(badMap.stderr).toContain(
      "--map amount=Z: " +
        input +
        " has no such column; its columns are A (Order ID), B (Order date)"
    );
    expect(fs.existsSync(out)).toBe(false);
  }, 120_000);

  test("usage problems found before any work (in-process)", () => {
    const cases: [string[], string][] = [
      [["--in", "a.csv"], "--out is required"],
      [["--in", "a.csv", "--out", "x.csv"], "must end in .xlsx"],
      [["--in", "a.csv", "--out", "o.xlsx", "--workflow", "rfm"], '--workflow "rfm" is not one of'],
      [["--in", "a.csv", "--out", "o.xlsx", "--map", "amount"], "is not ROLE=COLUMN"],
      [["--in", "a.csv", "--out", "o.xlsx", "--as-of", "soon"], '--as-of "soon" is not a date'],
      [["--in", "a.csv", "--out", "o.xlsx", "--horizon", "0"], '--horizon "0" is not allowed'],
      [["--in", "a.csv", "--out", "o.xlsx", "--lang", "fr"], '--lang "fr" is not one of en, zh'],
      [["--in", "a.csv", "--out", "o.xlsx", "--bogus"], 'unknown option "--bogus"'],
      [["--in", "a.csv", "--out", "o.xlsx", "--force=yes"], "--force takes no value"],
      [["--in", "a.csv", "--in", "b.csv", "--out", "o.xlsx"], "--in is given twice"],
    ];
    for (const [args, message] of cases) {
      expect(() => parseReportArgs(args)).toThrow(UsageProblem);
      expect(() => parseReportArgs(args)).toThrow(message);
    }
    const ok = parseReportArgs([
      "--in=a.csv",
      "--out",
      "o.xlsx",
      "--workflow",
      "kpi,accounts",
      "--workflow",
      "kpi",
      "--map",
      "close-date=F",
      "--header-row",
      "3",
      "--as-of",
      "2024-12-31",
      "--target",
      "1,200,000",
    ])!;
    expect(ok.workflows).toEqual(["kpi", "accounts"]);
    expect(ok.map).toEqual([["close-date", "F"]]);
    expect(ok.headerRow).toBe(2);
    expect(ok.settings).toEqual({ asOf: 45657, target: 1_200_000 });
    expect(parseReportArgs(["--help"])).toBeUndefined();
    expect(findRole("close-date")).toBe("closeDate");
    expect(findRole("预计成交日期")).toBe("closeDate");
    expect(findRole("Market size")).toBe("marketSize");
  });
});
