/* global __dirname, process */
import { describe, test, expect, beforeAll, afterAll } from "@jest/globals";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { forecastSeries } from "../../src/engine/forecast/batch";

const root = path.resolve(__dirname, "../..");
const tsx = path.join(root, "node_modules/tsx/dist/cli.mjs");
const kamScript = path.join(root, "src/cli/kam.ts");
let dir = "";

function kam(...args: string[]) {
  const r = spawnSync(process.execPath, [tsx, kamScript, ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 60000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const file = (name: string, text?: string) => {
  const p = path.join(dir, name);
  if (text !== undefined) fs.writeFileSync(p, text);
  return p;
};
const readCsv = (p: string) =>
  fs
    .readFileSync(p, "utf8")
    .trim()
    .split("\n")
    .map((l) => l.split(","));

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kam-forecast-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("kam forecast", () => {
  test("wide layout, moving average: hand-checked forecasts; a blank cell ends a series", () => {
    const input = file("wide.csv", "id,m1,m2,m3,m4,m5,m6,m7\nA,5,4,6,5,7,6,8\nB,1,2,3,6,,,\n");
    const out = file("wide-out.csv");
    const r = kam("forecast", "--in", input, "--horizon", "2", "--method", "ma", "--out", out);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("2 series (wide layout)");
    expect(r.stderr).toContain("2/2 series forecast");
    const rows = readCsv(out);
    expect(rows[0]).toEqual(["series", "f1", "f2"]);
    // mean of the last 3 values, then recursively: A (7 + 6 + 8) / 3 = 7, (6 + 8 + 7) / 3 = 7.
    expect(rows[1][0]).toBe("A");
    expect(Number(rows[1][1])).toBeCloseTo(7, 12);
    expect(Number(rows[1][2])).toBeCloseTo(7, 12);
    // B: (2 + 3 + 6) / 3 = 11/3, then (3 + 6 + 11/3) / 3.
    expect(Number(rows[2][1])).toBeCloseTo(11 / 3, 12);
    expect(Number(rows[2][2])).toBeCloseTo((9 + 11 / 3) / 3, 12);
  });

  test("long layout (unsorted dates) with intervals equals the engine on the sorted series", () => {
    const values = [112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118, 115, 126, 141];
    const lines = ["Series,Date,Value"];
    values.forEach((v, i) =>
      lines.push(`"North, key accounts",2024-${String((i % 12) + 1).padStart(2, "0")}-01,${v}`)
    );
    // Put the dates in a different year for the last three so that they sort after the rest.
    for (let i = 12; i < 15; i++)
      lines[i + 1] =
        `"North, key accounts",2025-${String(i - 11).padStart(2, "0")}-01,${values[i]}`;
    const shuffled = [lines[0], ...lines.slice(1).reverse()];
    const input = file("long.csv", shuffled.join("\n") + "\n");
    const out = file("long-out.csv");
    const r = kam(
      "forecast",
      "--in",
      input,
      "--horizon",
      "3",
      "--method",
      "theta",
      "--confidence",
      "0.9",
      "--out",
      out
    );
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("1 series (long layout)");
    const text = fs.readFileSync(out, "utf8").trim().split("\n");
    expect(text[0]).toBe("series,f1,f2,f3,lower1,lower2,lower3,upper1,upper2,upper3");
    expect(text[1].startsWith('"North, key accounts",')).toBe(true);
    const nums = text[1].slice('"North, key accounts",'.length).split(",").map(Number);
    const expected = forecastSeries(values, 3, { method: "theta", period: 1, level: 0.9 });
    nums.slice(0, 3).forEach((v, i) => expect(v).toBeCloseTo(expected.mean[i], 9));
    nums.slice(3, 6).forEach((v, i) => expect(v).toBeCloseTo(expected.lower![i], 9));
    nums.slice(6, 9).forEach((v, i) => expect(v).toBeCloseTo(expected.upper![i], 9));
    nums.slice(0, 3).forEach((v, i) => {
      expect(nums[3 + i]).toBeLessThan(v);
      expect(nums[6 + i]).toBeGreaterThan(v);
    });
  });

  test("never overwrites without --force", () => {
    const input = file("ow.csv", "A,1,2,3,4,5\n");
    const out = file("ow-out.csv", "keep me\n");
    const r = kam("forecast", "--in", input, "--horizon", "1", "--method", "ma", "--out", out);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`kam forecast: ${out} already exists; use --force to overwrite it\n`);
    expect(fs.readFileSync(out, "utf8")).toBe("keep me\n");
    const f = kam(
      "forecast",
      "--in",
      input,
      "--horizon",
      "1",
      "--method",
      "ma",
      "--out",
      out,
      "--force"
    );
    expect(f.status).toBe(0);
    expect(readCsv(out)[1]).toEqual(["A", "4"]);
  });

  test("bad input: one line naming the file, row and column; exit status 1", () => {
    const out = file("bad-out.csv");
    const cases: [string, string][] = [
      ["A,1,2,3\nB,4,abc,6\n", 'row 2, column 3: "abc" is not a number'],
      [
        "A,1,2,,4\n",
        "row 1, column 5: a value after the blank cell in column 4, which ended the series",
      ],
      [
        "series,date,value\nA,2024-01-01,5\nA,2024-02-01,#N/A\n",
        'row 3, column 3: "#N/A" is not a number',
      ],
      ["series,date,value\nA,2024-01-01,5\nA,someday,6\n", "row 3, column 2: "],
      [
        "series,date,value\nA,2024-01-01,5\nA,2024-01-01,6\nA,2024-03-01,6\n",
        'row 3, column 2: series "A" has this date twice',
      ],
      ["series,date,value\nA,2024-01-01,\n", "row 2, column 3: the value is blank"],
      ["A,1,2\n", 'row 1: series "A" has 2 values; at least 3 are needed'],
      ["", "the file has no data"],
    ];
    cases.forEach(([text, problem], i) => {
      const input = file(`bad${i}.csv`, text);
      const r = kam("forecast", "--in", input, "--horizon", "2", "--out", out);
      expect(r.status).toBe(1);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toContain(`kam forecast: ${input}`);
      expect(r.stderr).toContain(problem);
      expect(fs.existsSync(out)).toBe(false);
    });
    const missing = kam(
      "forecast",
      "--in",
      path.join(dir, "none.csv"),
      "--horizon",
      "2",
      "--out",
      out
    );
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("cannot read the file (ENOENT)");
  });

  test("usage: --help, bad options, exit status 2", () => {
    const help = kam("forecast", "--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("--horizon N");
    const top = kam("--help");
    expect(top.status).toBe(0);
    expect(top.stdout).toContain("forecast");
    const input = file("ok.csv", "A,1,2,3,4\n");
    const out = path.join(dir, "never.csv");
    const usage: [string[], string][] = [
      [["forecast", "--in", input, "--out", out], "--horizon is required"],
      [["forecast", "--in", input, "--horizon", "0", "--out", out], '--horizon "0" is not allowed'],
      [
        ["forecast", "--in", input, "--horizon", "2", "--out", out, "--method", "arima"],
        '--method "arima" is not one of',
      ],
      [
        ["forecast", "--in", input, "--horizon", "2", "--out", out, "--confidence", "95"],
        '--confidence "95" is not allowed',
      ],
      [
        [
          "forecast",
          "--in",
          input,
          "--horizon",
          "2",
          "--out",
          out,
          "--method",
          "ma",
          "--confidence",
          "0.9",
        ],
        "--confidence is not available with --method ma",
      ],
      [
        ["forecast", "--in", input, "--horizon", "2", "--out", out, "--bogus"],
        'unknown option "--bogus"',
      ],
      [["frobnicate"], 'unknown command "frobnicate"'],
    ];
    for (const [args, problem] of usage) {
      const r = kam(...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(problem);
    }
    expect(fs.existsSync(out)).toBe(false);
  });
});
