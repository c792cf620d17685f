/* global process, setTimeout, clearTimeout, console */
// LibreOffice as an independent spreadsheet: recalculates .xlsx files headless and saves them again, so
// the interop tests can compare every native formula's result with the value the engine computed.
//
// LibreOffice keeps the cached results of an .xlsx file by default. A private profile whose settings
// say "recalculate on load: always" for Excel 2007+ files (Calc › Formula › Recalculation on file
// load, OOXMLRecalcMode = 0) makes it compute every formula; each run also converts a probe file whose
// cached result is deliberately wrong and fails unless it comes back corrected.

import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Workbook } from "exceljs";

export const SKIP = process.env.KAM_SKIP_INTEROP === "1";

/** The soffice executable, or a message saying how to get it. */
export function findSoffice(): { path: string } | { problem: string } {
  const candidates = [
    process.env.KAM_SOFFICE,
    "/usr/bin/soffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
  ].filter((p): p is string => typeof p === "string" && p !== "");
  for (const p of candidates) if (fs.existsSync(p)) return { path: p };
  const which = spawnSync("sh", ["-c", "command -v soffice libreoffice"], { encoding: "utf8" });
  const found = which.stdout?.split("\n").find((l) => l.trim() !== "");
  if (found) return { path: found.trim() };
  return {
    problem:
      "LibreOffice (soffice) is not installed: install libreoffice-calc " +
      "(Debian/Ubuntu: apt-get install libreoffice-calc; .ci/run does this), " +
      "or set KAM_SKIP_INTEROP=1 to skip the interop tests",
  };
}

/** Says once, visibly, that the suite is skipped on request. */
export function announceSkip(suite: string): void {
  console.warn(`${suite}: skipped because KAM_SKIP_INTEROP=1 (LibreOffice interop not checked)`);
}

const PROFILE_SETTINGS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

const PROBE = "kam-recalc-probe.xlsx";

async function writeProbe(file: string): Promise<void> {
  const wb = new Workbook();
  const ws = wb.addWorksheet("Probe");
  ws.getCell("A1").value = 21;
  ws.getCell("A2").value = { formula: "A1*2", result: -1 };
  await wb.xlsx.writeFile(file);
}

async function probeRecalculated(file: string): Promise<boolean> {
  const wb = new Workbook();
  await wb.xlsx.readFile(file);
  const v = wb.getWorksheet("Probe")?.getCell("A2").value;
  return typeof v === "object" && v !== null && "result" in v && v.result === 42;
}

function run(command: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => {
      if (child.pid) process.kill(-child.pid, "SIGKILL");
      reject(new Error(`soffice did not finish within ${timeoutMs / 1000} s:\n${output}`));
    }, timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`soffice exited with ${code}:\n${output}`));
    });
  });
}

export interface Recalculated {
  /** Input path → the recalculated copy LibreOffice saved. */
  files: Map<string, string>;
  seconds: number;
  /** Removes the folder with LibreOffice's copies. */
  cleanup(): void;
}

/**
 * Opens every file in one headless LibreOffice (it takes seconds to start), recalculates and saves
 * each as .xlsx into a new folder. Throws unless the probe file proves the formulas were recalculated.
 */
export async function recalculate(
  files: readonly string[],
  timeoutMs = 180_000
): Promise<Recalculated> {
  const soffice = findSoffice();
  if ("problem" in soffice) throw new Error(soffice.problem);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "kam-lo-"));
  const profile = path.join(work, "profile");
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  fs.writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), PROFILE_SETTINGS);
  const inputs = path.join(work, "in");
  const outputs = path.join(work, "out");
  fs.mkdirSync(inputs);
  fs.mkdirSync(outputs);
  // Copies with distinct names: LibreOffice names each output after its input.
  const copies = files.map((f, i) => {
    const copy = path.join(inputs, `${i}-${path.basename(f)}`);
    fs.copyFileSync(f, copy);
    return copy;
  });
  const probe = path.join(inputs, PROBE);
  await writeProbe(probe);
  const started = Date.now();
  await run(
    soffice.path,
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--norestore",
      "--nolockcheck",
      "--convert-to",
      "xlsx:Calc MS Excel 2007 XML",
      "--outdir",
      outputs,
      probe,
      ...copies,
    ],
    timeoutMs
  );
  const seconds = (Date.now() - started) / 1000;
  const probeOut = path.join(outputs, PROBE);
  if (!fs.existsSync(probeOut)) throw new Error("LibreOffice wrote no output for the probe file");
  if (!(await probeRecalculated(probeOut)))
    throw new Error(
      "LibreOffice did not recalculate on load: the probe formula kept its wrong cached value"
    );
  const result = new Map<string, string>();
  files.forEach((f, i) => {
    const out = path.join(outputs, path.basename(copies[i]));
    if (!fs.existsSync(out)) throw new Error(`LibreOffice wrote no output for ${f}`);
    result.set(f, out);
  });
  fs.rmSync(profile, { recursive: true, force: true });
  return {
    files: result,
    seconds,
    cleanup: () => fs.rmSync(work, { recursive: true, force: true }),
  };
}

export interface Converted {
  /** Input path → LibreOffice's converted copy. */
  files: Map<string, string>;
  seconds: number;
  cleanup(): void;
}

/**
 * Converts every file in one headless LibreOffice to another format (e.g. "pdf" with Calc's PDF
 * export, or "fods", the flat OpenDocument spreadsheet) into a new folder. Throws when an output is
 * missing.
 */
export async function convert(
  files: readonly string[],
  to: string,
  timeoutMs = 300_000
): Promise<Converted> {
  const soffice = findSoffice();
  if ("problem" in soffice) throw new Error(soffice.problem);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "kam-lo-convert-"));
  const profile = path.join(work, "profile");
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  const inputs = path.join(work, "in");
  const outputs = path.join(work, "out");
  fs.mkdirSync(inputs);
  fs.mkdirSync(outputs);
  const copies = files.map((f, i) => {
    const copy = path.join(inputs, `${i}-${path.basename(f)}`);
    fs.copyFileSync(f, copy);
    return copy;
  });
  const started = Date.now();
  await run(
    soffice.path,
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--norestore",
      "--nolockcheck",
      "--convert-to",
      to,
      "--outdir",
      outputs,
      ...copies,
    ],
    timeoutMs
  );
  const seconds = (Date.now() - started) / 1000;
  const extension = to.split(":")[0];
  const result = new Map<string, string>();
  files.forEach((f, i) => {
    const base = path.basename(copies[i]).replace(/\.[^.]+$/, "");
    const out = path.join(outputs, `${base}.${extension}`);
    if (!fs.existsSync(out)) throw new Error(`LibreOffice wrote no ${extension} for ${f}`);
    result.set(f, out);
  });
  fs.rmSync(profile, { recursive: true, force: true });
  return {
    files: result,
    seconds,
    cleanup: () => fs.rmSync(work, { recursive: true, force: true }),
  };
}
