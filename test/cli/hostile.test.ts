/* global __dirname, process, Buffer */
// kam on hostile files (issue 14 §2): formula text in the CSV it writes, zip bombs and lying zip
// directories refused before anything is unpacked, --out that is the input through a link, control
// characters kept off the terminal, library messages in the product's words, an --out that cannot be
// written reported before the work.
import { describe, test, expect, beforeAll, afterAll } from "@jest/globals";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { checkXlsx, countRowsAndCells, LIMITS } from "../../src/cli/inputLimits";
import { zipEntries } from "../../src/cli/zip";
import { terminalLine } from "../../src/cli/common";
import { readCsvFile } from "../../src/cli/read";
import { UsageProblem } from "../../src/cli/common";
import { readInput, runReport } from "../../src/cli/report";
import { runForecast } from "../../src/cli/forecast";

const root = path.resolve(__dirname, "../..");
const tsx = path.join(root, "node_modules/tsx/dist/cli.mjs");
const kamScript = path.join(root, "src/cli/kam.ts");
let dir = "";

function kam(...args: string[]) {
  const t = Date.now();
  const r = spawnSync(process.execPath, [tsx, kamScript, ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 60000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - t };
}
const file = (name: string, data?: string | Buffer) => {
  const p = path.join(dir, name);
  if (data !== undefined) fs.writeFileSync(p, data);
  return p;
};
/** One line on stderr, nothing the terminal would act on (controls other than the final newline). */
function oneCleanLine(stderr: string): string {
  const lines = stderr.split("\n");
  expect(lines.length).toBe(2);
  expect(lines[1]).toBe("");
  // eslint-disable-next-line no-control-regex
  expect(lines[0]).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  return lines[0];
}

// ---- a zip writer for the tests (APPNOTE.TXT): stored sizes as given, zip64 when they need it -----

interface TestEntry {
  name: string;
  /** The deflated data. */
  data: Buffer;
  /** The uncompressed size to declare. */
  size: number;
}

function zip(entries: TestEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const big = e.size >= 0xffffffff;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(45, 4);
    local.writeUInt16LE(8, 8); // deflated
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(big ? 0xffffffff : e.size, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, e.data);
    const extra = Buffer.alloc(big ? 12 : 0);
    if (big) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(8, 2);
      extra.writeBigUInt64LE(BigInt(e.size), 4);
    }
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(45, 4);
    c.writeUInt16LE(45, 6);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(e.data.length, 20);
    c.writeUInt32LE(big ? 0xffffffff : e.size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt16LE(extra.length, 30);
    c.writeUInt32LE(offset, 42);
    central.push(c, name, extra);
    offset += 30 + name.length + e.data.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, dirBytes, end]);
}

const deflated = (text: string) => zlib.deflateRawSync(Buffer.from(text, "utf8"));

/** A deflate stream of `mb` MB of spaces, built from one flushed 1 MB block repeated (a fully flushed
 *  block refers to nothing before it), so a 5 GB stream costs 5 MB and no 5 GB of work. */
function spaces(mb: number): Buffer {
  const block = zlib.deflateRawSync(Buffer.alloc(1 << 20, 0x20), {
    finishFlush: zlib.constants.Z_FULL_FLUSH,
  });
  const last = zlib.deflateRawSync(Buffer.alloc(0));
  return Buffer.concat([...Array.from({ length: mb }, () => block), last]);
}

const WORKBOOK = [
  { name: "[Content_Types].xml", data: deflated("<Types/>"), size: 8 },
  { name: "xl/workbook.xml", data: deflated("<workbook/>"), size: 11 },
];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kam-hostile-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("CSV injection (kam forecast --out x.csv)", () => {
  test("series names that are formulas arrive as text; negative forecasts stay numbers", () => {
    const ids = ["=cmd|'/C calc'!A0", "+1+1", "@SUM(A1)", "-2+3", "Acme"];
    // Each series: its values are -k, -k-1, -k-2, so the moving average of the last 3 is -k-1.
    const rows = ids.map((id, k) => `"${id.replace(/"/g, '""')}",${-k},${-k - 1},${-k - 2}`);
    const input = file("inj.csv", `series,m1,m2,m3\n${rows.join("\n")}\n`);
    const out = file("inj-out.csv");
    const r = kam("forecast", "--in", input, "--horizon", "1", "--method", "ma", "--out", out);
    expect(r.stderr).toContain("5 series");
    expect(r.status).toBe(0);
    const lines = fs.readFileSync(out, "utf8").trim().split("\n");
    expect(lines).toEqual([
      "series,f1",
      `"'=cmd|'/C calc'!A0",-1`,
      `"'+1+1",-2`,
      `"'@SUM(A1)",-3`,
      `"'-2+3",-4`,
      "Acme,-5",
    ]);
  });
});

describe("input .xlsx: refused before it is unpacked", () => {
  test("the zip reader reads a zip64 size (5 GB) and countRowsAndCells counts rows and cells (prefixed too)", () => {
    const bytes = zip([{ name: "a.xml", data: deflated("x"), size: 5_000_000_000 }]);
    expect(zipEntries(bytes)).toEqual([
      expect.objectContaining({ name: "a.xml", size: 5_000_000_000, method: 8, offset: 0 }),
    ]);
    const plain = '<worksheet><sheetData><row r="1"><c r="A1"/><c r="B1"><v>1</v></c><cols/></row>';
    expect(countRowsAndCells(Buffer.from(`${plain}<row/><row><c/></row>`))).toEqual({
      rows: 3,
      cells: 3,
    });
    const xml = '<x:worksheet xmlns:x="s"><x:row r="1"><x:c r="A1"/><x:col/><x:c>1</x:c></x:row>';
    expect(countRowsAndCells(Buffer.from(xml))).toEqual({ rows: 1, cells: 2 });
  });

  test("a 5 MB file that truly inflates to 5 GB: one line, at once, no crash", () => {
    const bomb = spaces(5000);
    expect(bomb.length).toBeLessThan(6_000_000);
    const input = file(
      "bomb.xlsx",
      zip([...WORKBOOK, { name: "xl/worksheets/sheet1.xml", data: bomb, size: 5000 * 2 ** 20 }])
    );
    const r = kam("report", "--in", input, "--out", file("bomb-out.xlsx"));
    expect(r.status).toBe(1);
    expect(oneCleanLine(r.stderr.replace(/^kam report: reading .*\n/, ""))).toBe(
      `kam report: ${input}: unpacks to 5.2 GB (xl/worksheets/sheet1.xml: 5.2 GB); kam reads workbooks that unpack to at most 500 MB`
    );
  });

  test("a directory that lies (declares 1 KB, inflates to 5 GB): stopped at the declared size", () => {
    const input = file(
      "liar.xlsx",
      zip([...WORKBOOK, { name: "xl/worksheets/sheet1.xml", data: spaces(5000), size: 1000 }])
    );
    const t = Date.now();
    expect(() => checkXlsx(fs.readFileSync(input))).toThrow(
      "the zip entry xl/worksheets/sheet1.xml unpacks to more than it says"
    );
    expect(Date.now() - t).toBeLessThan(2000);
    const r = kam("report", "--in", input, "--out", file("liar-out.xlsx"));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `kam report: ${input} is not an .xlsx workbook (the zip entry xl/worksheets/sheet1.xml unpacks to more than it says)`
    );
  });

  test("more cells than the limit: counted in the sheet's XML, refused with the limit", () => {
    const cells = LIMITS.cells + 1;
    const xml = `<worksheet><sheetData><row r="1">${"<c/>".repeat(cells)}</row></sheetData></worksheet>`;
    const input = file(
      "cells.xlsx",
      zip([
        ...WORKBOOK,
        { name: "xl/worksheets/sheet1.xml", data: deflated(xml), size: xml.length },
      ])
    );
    const r = kam("report", "--in", input, "--out", file("cells-out.xlsx"));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `${input}: holds more than 3,000,000 cells; kam reads workbooks of at most 3,000,000 cells`
    );
    const rows = `<sheetData>${"<row/>".repeat(LIMITS.rows + 1)}</sheetData>`;
    expect(() =>
      checkXlsx(
        zip([...WORKBOOK, { name: "xl/worksheets/s.xml", data: deflated(rows), size: rows.length }])
      )
    ).toThrow("s.xml has 1,048,577 rows; a sheet holds at most 1,048,576");
  });

  test("not a zip file, an OLE file: said in the product's words, not the library's", async () => {
    const text = file("text.xlsx", "just text, not a workbook\n");
    const r = kam("report", "--in", text, "--out", file("t-out.xlsx"));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`kam report: ${text} is not an .xlsx workbook (not a zip file)`);
    expect(r.stderr).not.toMatch(/central directory|stuk\.github|zip file \?/);
    const ole = Buffer.alloc(512);
    ole.writeUInt32BE(0xd0cf11e0, 0);
    await expect(readInput(file("ole.xlsx", ole))).rejects.toThrow(
      "a workbook protected with a password, or an old .xls"
    );
    const empty = zip([{ name: "word/document.xml", data: deflated("<w/>"), size: 4 }]);
    await expect(readInput(file("doc.xlsx", empty))).rejects.toThrow(
      "is not an .xlsx workbook (a zip file without a workbook"
    );
  });
});

describe("input CSV: past the row and size limits, one line", () => {
  test("one row more than the limit is refused with the limit; the limit itself is read", () => {
    // LIMITS.rows is Excel's 1,048,576; the rule is checked here on a limit of 1,000 (fast).
    const limits = { rows: 1000, csvBytes: 1e6 };
    const rows = (n: number) => Buffer.from("v\n" + "1\n".repeat(n - 1));
    expect(() => readCsvFile(rows(1001), "big.csv", limits)).toThrow(
      "big.csv: 1,001 rows; a sheet holds at most 1,000"
    );
    expect(readCsvFile(rows(1000), "ok.csv", limits).values.length).toBe(1000);
    expect(() => readCsvFile(Buffer.alloc(1_000_001, 0x31), "wide.csv", limits)).toThrow(
      "wide.csv: 1 MB; kam reads CSV files of at most 1 MB"
    );
    expect(LIMITS.rows).toBe(1_048_576);
  });

  test("a CSV file over 250 MB is refused by its size, before it is read", async () => {
    // A sparse file: 260 MB long, no disk used; refused from its size alone, in well under a second.
    const big = file("huge.csv", "");
    fs.truncateSync(big, 260_000_000);
    const started = Date.now();
    await expect(readInput(big)).rejects.toThrow(
      `${big}: 260 MB; kam reads CSV files of at most 250 MB`
    );
    expect(Date.now() - started).toBeLessThan(1000);
    fs.unlinkSync(big);
  });
});

describe("--out is never the input", () => {
  test("a symbolic link to the input is refused, --force or not, in kam report and kam forecast", async () => {
    const csv = "series,m1,m2,m3\nA,1,2,3\n";
    const input = file("in.csv", csv);
    const link = path.join(dir, "link.csv");
    fs.symlinkSync(input, link);
    const f = kam("forecast", "--in", input, "--horizon", "1", "--out", link, "--force");
    expect(f.status).toBe(2);
    expect(f.stderr).toContain(`--out ${link} is the input file ${input}`);
    expect(fs.readFileSync(input, "utf8")).toBe(csv);
    const linkX = path.join(dir, "link.xlsx");
    fs.symlinkSync(input, linkX);
    await expect(runReport(["--in", input, "--out", linkX, "--force"])).rejects.toThrow(
      UsageProblem
    );
    // A hard link is the same file too; the same path given twice as before.
    const hard = path.join(dir, "hard.csv");
    fs.linkSync(input, hard);
    const forecast = (out: string) => () =>
      runForecast(["--in", input, "--horizon", "1", "--out", out, "--force"]);
    expect(forecast(hard)).toThrow(`--out ${hard} is the input file ${input}`);
    expect(forecast(input)).toThrow("--out must not be the input file");
    expect(fs.readFileSync(input, "utf8")).toBe(csv);
  });

  test("nor an extra source's file (--targets FILE or FILE#SHEET), by its real path", async () => {
    const orders = file("orders.csv", "Customer,Date,Amount,Owner\nAcme,2024-01-05,100,Ann\n");
    const targets = "Owner,Target\nAnn,500\n";
    const targetsFile = file("targets.csv", targets);
    const link = path.join(dir, "targets-link.xlsx");
    fs.symlinkSync(targetsFile, link);
    const report = (out: string, flag: string) =>
      runReport(["--in", orders, "--workflow", "team", flag, targetsFile, "--out", out, "--force"]);
    await expect(report(link, "--targets")).rejects.toThrow(
      `--out ${link} is the input file ${targetsFile}`
    );
    await expect(
      runReport([
        "--in",
        orders,
        "--workflow",
        "team",
        "--targets",
        `${link}#Sheet1`,
        "--out",
        targetsFile,
        "--force",
      ])
    ).rejects.toThrow(UsageProblem);
    expect(fs.readFileSync(targetsFile, "utf8")).toBe(targets);
  });
});

describe("messages on the terminal", () => {
  test("control characters from a file are escaped (ESC sequences, C1, bidi overrides)", () => {
    expect(terminalLine("a\u001b[31mred\u001b]0;title\u0007 \u009b2J \u202eevil\tx\r\ny")).toBe(
      "a\\x1b[31mred\\x1b]0;title\\x07 \\x9b2J \\u202eevil\\tx y"
    );
    // A series id with a C1 CSI and a bidi override (JSON.stringify leaves both raw).
    const input = file("ctl.csv", "series,m1,m2\n\u009b2J\u202eX,1,2\n");
    const r = kam("forecast", "--in", input, "--horizon", "1", "--out", file("ctl-out.csv"));
    expect(r.status).toBe(1);
    expect(oneCleanLine(r.stderr)).toContain('series "\\x9b2J\\u202eX" has 2 values');
    const esc = path.join(dir, "\u001b[2Jname.csv");
    const r2 = kam("forecast", "--in", esc, "--horizon", "1", "--out", file("e-out.csv"));
    expect(oneCleanLine(r2.stderr)).toContain("\\x1b[2Jname.csv: cannot read the file (ENOENT)");
  });
});

describe("an --out that cannot be written is said before the work", () => {
  test("a missing folder, a file as folder, a folder as file: one line, no progress, fast", async () => {
    const rows = Array.from(
      { length: 400 },
      (_, i) =>
        `S${i},${Array.from({ length: 48 }, (_, k) => 100 + ((i * 7 + k * 13) % 37)).join(",")}`
    );
    const input = file(
      "many.csv",
      `series,${Array.from({ length: 48 }, (_, k) => `m${k + 1}`).join(",")}\n${rows.join("\n")}\n`
    );
    const missing = path.join(dir, "no-such-folder", "out.csv");
    const r = kam(
      "forecast",
      "--in",
      input,
      "--horizon",
      "12",
      "--frequency",
      "12",
      "--out",
      missing
    );
    expect(r.status).toBe(1);
    expect(oneCleanLine(r.stderr)).toBe(
      `kam forecast: ${missing}: cannot write the file: the folder ${path.dirname(missing)} does not exist`
    );
    expect(r.stderr).not.toContain("series");
    // In-process: each refusal comes before any reading or forecasting (nothing on stderr, well
    // under the time the 400 series take).
    const written: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => written.push(String(chunk)) > 0) as typeof write;
    try {
      const t = Date.now();
      const args = ["--in", input, "--horizon", "12", "--method", "ma", "--out"];
      expect(() => runForecast([...args, missing])).toThrow("does not exist");
      const asFolder = path.join(input, "out.csv");
      expect(() => runForecast([...args, asFolder])).toThrow(
        `cannot write the file: ${input} is not a folder`
      );
      const folder = path.join(dir, "folder.xlsx");
      fs.mkdirSync(folder);
      await expect(runReport(["--in", input, "--out", folder])).rejects.toThrow(
        `${folder} is a folder; give a file name`
      );
      await expect(
        runReport(["--in", input, "--out", missing.replace(/csv$/, "xlsx")])
      ).rejects.toThrow("does not exist");
      const refusals = Date.now() - t;
      expect(written).toEqual([]); // not even "400 series (wide layout)", said after reading
      expect(refusals).toBeLessThan(2000);
      // The same run with a writable --out reads and forecasts, and says so.
      expect(runForecast([...args, file("many-out.csv")])).toBe(0);
      expect(written.join("").split("\n")[0]).toContain("400 series (wide layout)");
      expect(written.join("")).toContain("400/400 series forecast");
    } finally {
      process.stderr.write = write;
    }
  }, 120_000);

  test("no permission to write in the folder", () => {
    // As root every folder is writable; /proc takes no new files for anyone.
    const locked = process.getuid?.() === 0 ? "/proc" : fs.mkdtempSync(path.join(dir, "ro-"));
    if (locked !== "/proc") fs.chmodSync(locked, 0o555);
    const input = file("p.csv", "series,m1,m2,m3\nA,1,2,3\n");
    const out = path.join(locked, "out.csv");
    const r = kam("forecast", "--in", input, "--horizon", "1", "--out", out);
    expect(r.status).toBe(1);
    expect(oneCleanLine(r.stderr)).toMatch(
      new RegExp(
        `^kam forecast: ${out}: cannot write the file(: no permission to write in ${locked})? \\((EACCES|ENOENT|EPERM|EROFS)\\)$`
      )
    );
    expect(r.stderr).not.toContain("series");
  });
});
