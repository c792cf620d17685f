/* global __dirname */
// The offline dependency check (npm run deps, test/deps/check.ts): on a lock file built here by hand
// (chains, nested resolution, licences from package.json or the lock, SPDX OR/AND) and on the
// project's own lock (no deprecated production package, every production licence allowed), and
// ExcelJS's streaming and CSV paths still working on the overridden packages.
import { describe, expect, test, beforeAll, afterAll } from "@jest/globals";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Workbook, stream } from "exceljs";
import { LockPackage, checkDeps, formatReport, inRange, licenceAllowed, loadPolicy } from "./check";

const root = path.resolve(__dirname, "../..");
let dir = "";

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kam-deps-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the check on a lock file written here", () => {
  test("chains by Node's resolution, prod and dev apart, licences from package.json first", () => {
    const packages: Record<string, LockPackage> = {
      "": { dependencies: { a: "^1" }, devDependencies: { t: "^1" } },
      "node_modules/a": { version: "1.0.0", dependencies: { b: "^2", glob: "^10" } },
      // a's own glob is the nested 10.1.0 (not deprecated); b gets the top-level 7.2.3.
      "node_modules/a/node_modules/glob": { version: "10.1.0", license: "ISC" },
      "node_modules/b": {
        version: "2.0.0",
        license: "(MIT OR GPL-3.0-only)",
        dependencies: { glob: "^7", c: "^1" },
      },
      "node_modules/c": { version: "1.0.0", license: "MIT AND GPL-3.0-only" },
      "node_modules/glob": { version: "7.2.3", license: "ISC", dependencies: { inflight: "^1" } },
      "node_modules/inflight": { version: "1.0.6", license: "ISC" },
      "node_modules/t": { version: "1.0.0", dev: true, dependencies: { rimraf: "^3" } },
      "node_modules/rimraf": { version: "3.0.2", dev: true, license: "ISC" },
    };
    fs.writeFileSync(
      path.join(dir, "package-lock.json"),
      JSON.stringify({ lockfileVersion: 3, packages })
    );
    // a's package.json says Apache-2.0 although the lock says nothing: package.json wins.
    fs.mkdirSync(path.join(dir, "node_modules/a"), { recursive: true });
    fs.writeFileSync(path.join(dir, "node_modules/a/package.json"), '{"license":"Apache-2.0"}');
    const report = checkDeps(dir, loadPolicy());
    expect(report.runtime).toEqual(["a"]);
    expect(report.productionPackages).toBe(6);
    expect(report.devPackages).toBe(2);
    expect(report.deprecated.map((d) => [d.name, d.version, d.production, d.chain]).sort()).toEqual(
      [
        ["glob", "7.2.3", true, "a@1.0.0 > b@2.0.0 > glob@7.2.3"],
        ["inflight", "1.0.6", true, "a@1.0.0 > b@2.0.0 > glob@7.2.3 > inflight@1.0.6"],
        ["rimraf", "3.0.2", false, "t@1.0.0 > rimraf@3.0.2"],
      ].sort()
    );
    const licences = Object.fromEntries(
      report.licences.map((l) => [`${l.name}@${l.version}`, [l.licence, l.from, l.allowed]])
    );
    expect(licences).toEqual({
      "a@1.0.0": ["Apache-2.0", "package.json", true],
      "glob@10.1.0": ["ISC", "lock", true],
      "b@2.0.0": ["(MIT OR GPL-3.0-only)", "lock", true],
      "c@1.0.0": ["MIT AND GPL-3.0-only", "lock", false],
      "glob@7.2.3": ["ISC", "lock", true],
      "inflight@1.0.6": ["ISC", "lock", true],
    });
    const text = formatReport(report);
    expect(text).toContain(
      "PRODUCTION glob@7.2.3: Glob versions prior to v9 are no longer supported"
    );
    expect(text).toContain("c@1.0.0: MIT AND GPL-3.0-only (lock)");
    expect(text).toContain("FAILED: 2 deprecated production package(s), 1 licence(s) not allowed.");
  });

  test("ranges and SPDX expressions", () => {
    expect([inRange("7.2.3", "<9"), inRange("9.0.0", "<9"), inRange("1.0.6", "*")]).toEqual([
      true,
      false,
      true,
    ]);
    const allowed = ["MIT", "Zlib", "ISC"];
    expect(licenceAllowed("(MIT OR GPL-3.0-or-later)", allowed)).toBe(true);
    expect(licenceAllowed("(MIT AND Zlib)", allowed)).toBe(true);
    expect(licenceAllowed("MIT AND GPL-2.0", allowed)).toBe(false);
    expect(licenceAllowed("MIT/X11", allowed)).toBe(false);
    expect(licenceAllowed("(none given)", allowed)).toBe(false);
  });
});

describe("the project's own lock file", () => {
  test("no deprecated production package; every production licence allowed; ExcelJS's chain clean", () => {
    const report = checkDeps(root, loadPolicy());
    expect(report.deprecated.filter((d) => d.production)).toEqual([]);
    expect(report.licences.filter((l) => !l.allowed)).toEqual([]);
    const prod = new Set(report.licences.map((l) => `${l.name}@${l.version.split(".")[0]}`));
    for (const gone of ["fstream@1", "inflight@1", "rimraf@2", "glob@7", "lodash.isequal@4"])
      expect([gone, prod.has(gone)]).toEqual([gone, false]);
    expect(formatReport(report)).toContain("OK: no deprecated production package");
  });
});

describe("ExcelJS on the overridden packages", () => {
  test("streaming writer (archiver) and reader (unzipper 0.12) round-trip 1,000 rows", async () => {
    const file = path.join(dir, "stream.xlsx");
    const writer = new stream.xlsx.WorkbookWriter({ filename: file });
    const ws = writer.addWorksheet("S");
    for (let i = 0; i < 1000; i++) ws.addRow([i, `t${i}`]).commit();
    await writer.commit();
    const reader = new stream.xlsx.WorkbookReader(file, {});
    let rows = 0;
    let sum = 0;
    let last = "";
    for await (const sheet of reader)
      for await (const row of sheet) {
        rows++;
        sum += Number(row.getCell(1).value);
        last = String(row.getCell(2).value);
      }
    expect([rows, sum, last]).toEqual([1000, (999 * 1000) / 2, "t999"]);
  });

  test("CSV (fast-csv 5): quotes and commas survive a write and a read", async () => {
    const wb = new Workbook();
    wb.addWorksheet("S").addRows([
      ["a", 1, "x,y"],
      ["b", 2.5, 'q"r'],
    ]);
    const file = path.join(dir, "c.csv");
    await wb.csv.writeFile(file);
    expect(fs.readFileSync(file, "utf8").trim().split("\n")).toEqual(['a,1,"x,y"', 'b,2.5,"q""r"']);
    const back = await new Workbook().csv.readFile(file);
    expect(back.getRow(2).values).toEqual([undefined, "b", 2.5, 'q"r']);
  });
});
