/* global Buffer, process */
// `kam report`: the task pane's workflows on the user's own .csv/.xlsx file, written as a workbook;
// problems are one line naming the file, sheet, row and column; usage mistakes exit with status 2; a
// workflow that cannot run is left out (status 3); --json says what was done on stdout.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { Workbook } from "exceljs";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { UsageProblem } from "../../src/cli/common";
import { findRole, parseReportArgs, writingProgress } from "../../src/cli/report";
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

/** The sample's orders before `before` (yyyy-mm-dd), as CSV text with the sample's header. */
function ordersBefore(before: string): string {
  const lines = sample("en", "orders.csv").trimEnd().split("\n");
  return [lines[0], ...lines.slice(1).filter((l) => l.split(",")[1] < before)].join("\n") + "\n";
}

/** Sums of the CSV's amounts (column `amount`) by a key of the row, computed here. */
function sums(text: string, key: (row: string[]) => string, amount: number): Map<string, number> {
  const rows = (parse(text, { bom: true }) as string[][]).slice(1);
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + Number(r[amount]));
  return m;
}

const rel = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

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
    expect(r.stderr).toContain("accounts, forecast, plan, kpi, team (chosen from the columns");
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/kam report: accounts: 100%/);
    expect(r.stderr).toContain(`kam report: wrote ${out}`);
    // stderr is not a terminal here: no progress of the writing without --progress.
    expect(r.stderr).not.toContain("(sheet 1 of");

    // Without the Owner column there is no team to report on: no Sales team among the defaults.
    const noOwner = orders(3000)
      .split("\n")
      .map((line) =>
        line
          .split(",")
          .filter((_, c) => c !== 4)
          .join(",")
      )
      .join("\n");
    const r2 = await kam([
      "report",
      "--in",
      file("no-owner.csv", noOwner),
      "--out",
      file("no-owner.xlsx"),
    ]);
    expect(r2.status).toBe(0);
    expect(r2.stderr).toContain("accounts, forecast, plan, kpi (chosen from the columns");
    expect(r.stderr).not.toContain("packing the workbook");
    const names = await sheetNames(out);
    expect(names).toEqual([
      "KAM Accounts",
      "KAM Forecast",
      "KAM Plan",
      "KAM KPIs",
      "KAM Sales team",
    ]);
    const markers = sheetCustomProperties(fs.readFileSync(out));
    const accounts = JSON.parse(markers.get("KAM Accounts")!.get(MARKER_PROPERTY)!);
    expect(accounts).toMatchObject({ product: "kam-analytics", workflow: "accounts", version: 1 });
    expect(accounts.source).toContain("orders.csv");
  }, 120_000);

  test("--progress: each sheet as it is written, in order, then the packing of the file", async () => {
    const input = file("orders-progress.csv", orders(3000));
    const out = file("orders-progress.xlsx");
    const r = await kam(["report", "--in", input, "--out", out, "--progress"]);
    expect(r.status).toBe(0);
    const lines = r.stderr.split("\n");
    const sheets = ["KAM Accounts", "KAM Forecast", "KAM Plan", "KAM KPIs", "KAM Sales team"];
    const at = sheets.map((name, i) =>
      lines.indexOf(`kam report: writing ${name} (sheet ${i + 1} of ${sheets.length})`)
    );
    expect(at.every((k) => k > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const packing = lines.indexOf("kam report: packing the workbook (compressing its sheets)");
    expect(packing).toBeGreaterThan(at[at.length - 1]);
    expect(lines.findIndex((l) => l.startsWith(`kam report: wrote ${out}`))).toBeGreaterThan(
      packing
    );
    expect(await sheetNames(out)).toEqual(sheets);
  }, 120_000);

  test("the writing's progress: a large sheet's share written, ending at 100%", () => {
    const lines: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((text: string) => {
      lines.push(text);
      return true;
    }) as typeof process.stderr.write;
    try {
      const tell = writingProgress("report");
      tell({ sheet: "Small", index: 1, count: 2, done: 0, total: 100 });
      tell({ sheet: "Small", index: 1, count: 2, done: 100, total: 100 });
      tell({ sheet: "Big", index: 2, count: 2, done: 0, total: 50_000 });
      tell({ sheet: "Big", index: 2, count: 2, done: 10_000, total: 50_000 });
      tell({ sheet: "Big", index: 2, count: 2, done: 50_000, total: 50_000 });
      tell({ index: 2, count: 2, done: 0, total: 1 });
      tell({ index: 2, count: 2, done: 1, total: 1 });
    } finally {
      process.stderr.write = write;
    }
    expect(lines).toEqual([
      "kam report: writing Small (sheet 1 of 2)\n",
      "kam report: writing Big (sheet 2 of 2)\n",
      // 20% is the first share past 0 (half a second has passed since the clock's start at 0).
      "kam report: writing Big: 20%\n",
      "kam report: writing Big: 100%\n",
      "kam report: packing the workbook (compressing its sheets)\n",
    ]);
  });

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
      `kam report: ${input}: accounts: Row 7 (G7, Amount): "abc" is not a number (--skip-bad-rows leaves such rows out)`
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

  test("--json: one JSON object on stdout (progress on stderr): columns, rows, figures", async () => {
    const text = orders(3000);
    const input = file("json.csv", text);
    const out = file("json.xlsx");
    const r = await kam(["report", "--in", input, "--out", out, "--json"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`kam report: wrote ${out}`);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(["workflows"]);
    const byId = new Map<string, Record<string, unknown>>(
      json.workflows.map((w: Record<string, unknown>) => [w.id, w])
    );
    expect([...byId.keys()]).toEqual(["accounts", "forecast", "plan", "kpi", "team"]);
    for (const w of byId.values())
      expect(Object.keys(w)).toEqual([
        "id",
        "sheet",
        "columns",
        "rows",
        "dateOrder",
        "figures",
        "warnings",
      ]);
    expect(json.workflows.map((w: { sheet: string }) => w.sheet)).toEqual(await sheetNames(out));
    expect(byId.get("accounts")).toMatchObject({
      columns: { customer: "Customer", date: "Order date", amount: "Amount" },
      rows: { used: 3000, skipped: 0 },
      dateOrder: null,
    });
    expect(byId.get("plan")?.columns).toEqual({
      owner: "Owner",
      region: "Region",
      customer: "Customer",
      date: "Order date",
      amount: "Amount",
    });
    // Figures against sums computed here from the file.
    const byYear = sums(text, (row) => row[1].slice(0, 4), 6);
    const kpi = byId.get("kpi")?.figures as { grain: string; revenue: Record<string, number> };
    expect(kpi.grain).toBe("quarter");
    const q = sums(
      text,
      (row) =>
        `${row[1].slice(0, 5)}${String(Math.floor((Number(row[1].slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, "0")}-01`,
      6
    );
    expect(Object.keys(kpi.revenue)).toEqual([...q.keys()]);
    for (const [k, v] of q) expect(kpi.revenue[k]).toBe(v);
    const plan = byId.get("plan")?.figures as {
      year: number;
      base_year: number;
      target: number;
      groups: { by: string; count: number };
      targets: Record<string, number>;
    };
    expect(plan).toMatchObject({ year: 2023, base_year: 2022 });
    expect(rel(plan.target, (byYear.get("2022") as number) * 1.1)).toBe(true);
    const owners = sums(text, (row) => row[4], 6);
    expect(plan.groups).toEqual({ by: "owner", count: owners.size });
    for (const [owner, sales] of owners)
      expect(rel(plan.targets[owner], (plan.target * sales) / (byYear.get("2022") as number))).toBe(
        true
      );
    const forecast = byId.get("forecast")?.figures as Record<string, unknown>;
    expect(forecast).toMatchObject({ series: 1, method: "auto", frequency: "month" });
    // Day-first text dates: the order the reader assumed is said.
    const dmy = text
      .trimEnd()
      .split("\n")
      .map((l, i) => (i === 0 ? l : l.replace(/,(\d{4})-(\d\d)-(\d\d),/, ",$3/$2/$1,")))
      .join("\n");
    const d = await kam([
      "report",
      "--in",
      file("dmy.csv", dmy),
      "--workflow",
      "kpi",
      "--out",
      file("dmy.xlsx"),
      "--json",
    ]);
    expect(d.status).toBe(0);
    const dj = JSON.parse(d.stdout);
    expect(dj.workflows[0]).toMatchObject({ id: "kpi", dateOrder: "dmy" });
    expect(dj.workflows[0].figures.revenue).toEqual(kpi.revenue);
    // Dates that read either way (every day 12 or less): month first unless --date-order says.
    const ambiguous = dmy
      .split("\n")
      .filter((l, i) => i === 0 || /,(0\d|1[0-2])\/(0\d|1[0-2])\/\d{4},/.test(l))
      .join("\n");
    const either = file("either.csv", ambiguous);
    const [mdyRun, dmyRun] = await Promise.all(
      [[], ["--date-order", "dmy"]].map((extra, k) =>
        kam([
          "report",
          "--in",
          either,
          "--workflow",
          "kpi",
          "--out",
          file(`either${k}.xlsx`),
          "--json",
          ...extra,
        ])
      )
    );
    expect(JSON.parse(mdyRun.stdout).workflows[0].dateOrder).toBe("mdy");
    expect(JSON.parse(dmyRun.stdout).workflows[0].dateOrder).toBe("dmy");
  }, 120_000);

  test("a workflow that cannot run is named and left out; the others are written (status 3)", async () => {
    const input = file("ten-months.csv", ordersBefore("2022-11-01"));
    const out = file("partial.xlsx");
    const r = await kam([
      "report",
      "--in",
      input,
      "--workflow",
      "accounts,plan,portfolio",
      "--out",
      out,
      "--json",
    ]);
    expect(r.status).toBe(3);
    const said = r.stderr.trim().split("\n");
    expect(said.filter((l) => l.includes("not written"))).toEqual([
      `kam report: ${input}: plan: not written: The plan needs at least one full calendar year of orders (January to December) before 2023; the data runs from 2022-01-01 to 2022-10-31.`,
      `kam report: ${input}: portfolio: not written: No column is recognised as Attractiveness: choose it. (use --map attractiveness=COLUMN)`,
      "kam report: 2 of 3 reports not written: plan, portfolio (exit status 3)",
    ]);
    expect(said[said.length - 1]).toBe(
      "kam report: 2 of 3 reports not written: plan, portfolio (exit status 3)"
    );
    expect(await sheetNames(out)).toEqual(["KAM Accounts"]);
    const json = JSON.parse(r.stdout);
    expect(json.workflows.map((w: { id: string }) => w.id)).toEqual([
      "accounts",
      "plan",
      "portfolio",
    ]);
    expect(json.workflows[0].sheet).toBe("KAM Accounts");
    expect(json.workflows[1]).toEqual({
      id: "plan",
      error:
        "The plan needs at least one full calendar year of orders (January to December) before 2023; the data runs from 2022-01-01 to 2022-10-31.",
    });
    expect(Object.keys(json.workflows[2])).toEqual(["id", "error"]);

    // Nothing can be written: status 1, no file, the JSON still says why.
    const none = file("none.xlsx");
    const n = await kam([
      "report",
      "--in",
      input,
      "--workflow",
      "plan,portfolio",
      "--out",
      none,
      "--json",
    ]);
    expect(n.status).toBe(1);
    expect(fs.existsSync(none)).toBe(false);
    expect(n.stderr.trim().split("\n").pop()).toBe(
      `kam report: ${input}: no report could be written (plan, portfolio failed, above)`
    );
    expect(JSON.parse(n.stdout).workflows.map((w: { error?: string }) => Boolean(w.error))).toEqual(
      [true, true]
    );
    // Without --json stdout stays empty.
    const quiet = await kam([
      "report",
      "--in",
      input,
      "--workflow",
      "kpi",
      "--out",
      file("q.xlsx"),
    ]);
    expect(quiet.status).toBe(0);
    expect(quiet.stdout).toBe("");
  }, 120_000);

  test("thousands of customers without team, owner or region: the plan splits by ABC class", async () => {
    // CDNOW (test/fixtures/cdnow): 2,357 customers, 1997-01 to 1998-06; 1997 is the full year.
    const raw = fs.readFileSync(path.join(root, "test/fixtures/cdnow/CDNOW_sample.txt"), "utf8");
    const rows = raw
      .trim()
      .split(/\r?\n/)
      .map((l) => l.trim().split(/\s+/))
      .map(([, id, d, cds, amount]) => [
        `C${id}`,
        `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`,
        cds,
        amount,
      ]);
    const input = file(
      "cdnow.csv",
      ["Customer,Date,CDs,Amount", ...rows.map((r) => r.join(","))].join("\n")
    );
    const r = await kam([
      "report",
      "--in",
      input,
      "--workflow",
      "plan",
      "--target",
      "1000000",
      "--out",
      file("cdnow.xlsx"),
      "--json",
    ]);
    expect(r.status).toBe(0);
    const plan = JSON.parse(r.stdout).workflows[0];
    expect(plan.figures).toMatchObject({
      year: 1999,
      base_year: 1997,
      target: 1_000_000,
      groups: { by: "abc", count: 3 },
    });
    // The classes computed here: 1997 sales per customer, largest first; A while the running
    // share is ≤ 80%, B while ≤ 95%, C after.
    const totals = new Map<string, number>();
    for (const [c, d, , a] of rows)
      if (d.startsWith("1997")) totals.set(c, (totals.get(c) ?? 0) + Number(a));
    const sorted = [...totals.values()].sort((a, b) => b - a);
    const grand = sorted.reduce((s, v) => s + v, 0);
    const cls: Record<string, { sales: number; n: number }> = {
      A: { sales: 0, n: 0 },
      B: { sales: 0, n: 0 },
      C: { sales: 0, n: 0 },
    };
    let running = 0;
    for (const v of sorted) {
      running += v;
      const c = running / grand <= 0.8 + 1e-9 ? "A" : running / grand <= 0.95 + 1e-9 ? "B" : "C";
      cls[c].sales += v;
      cls[c].n++;
    }
    expect(sorted.length).toBe(2357);
    for (const c of ["A", "B", "C"])
      expect(Math.abs(plan.figures.targets[c] - (1_000_000 * cls[c].sales) / grand)).toBeLessThan(
        1e-6
      );
    expect(plan.warnings).toContain(
      `The target is split by ABC class, not per customer: the data has 2,357 customers with orders in 1997 (more than 50) and no team, owner or region column. A: the largest customers, making up the first 80% of the 1997 sales; B: the next 15%; C: the rest. Map a team, owner or region column to split the target by it.`
    );
    expect(plan.warnings).toContain(
      "The plan for 1999 is based on 1997, the last full calendar year in the data: 1998 is not complete."
    );
    // --split-by names a level; one the data lacks is bad input naming it.
    const region = await kam([
      "report",
      "--in",
      input,
      "--workflow",
      "plan",
      "--split-by",
      "region",
      "--out",
      file("cdnow2.xlsx"),
    ]);
    expect(region.status).toBe(1);
    expect(region.stderr).toContain(
      "plan: The target is to be split by region, but no region column is mapped."
    );
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
      [
        ["--in", "a.csv", "--out", "o.xlsx", "--split-by", "city"],
        '--split-by "city" is not one of',
      ],
      [
        ["--in", "a.csv", "--out", "o.xlsx", "--date-order", "ymd"],
        '--date-order "ymd" is not one of',
      ],
      [["--in", "a.csv", "--out", "o.xlsx", "--max-customers", "0"], '--max-customers "0" is not'],
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
      "--split-by",
      "ABC",
      "--max-customers",
      "80",
      "--date-order",
      "DMY",
      "--json",
    ])!;
    expect(ok.workflows).toEqual(["kpi", "accounts"]);
    expect(ok.map).toEqual([["close-date", "F"]]);
    expect(ok.headerRow).toBe(2);
    // One flag sets the option of every workflow that declares it (src/report/options.ts).
    expect(ok.settings).toEqual({
      options: {
        accounts: { asOf: 45657 },
        pipeline: { asOf: 45657 },
        plan: { annualTarget: 1_200_000, splitBy: "abc", maxCustomers: 80 },
        "account-plan": { asOf: 45657 },
        team: { asOf: 45657 },
      },
    });
    expect(ok.json).toBe(true);
    expect(ok.dateOrder).toBe("dmy");
    expect(parseReportArgs(["--help"])).toBeUndefined();
    expect(findRole("close-date")).toBe("closeDate");
    expect(findRole("预计成交日期")).toBe("closeDate");
    expect(findRole("Market size")).toBe("marketSize");
  });
});
