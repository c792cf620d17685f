/* global process, Buffer */
// What the `kam` commands share: the two kinds of problem (bad input, bad usage), a small option
// parser, progress lines on stderr and writing an output file without overwriting one by accident.

import fs from "node:fs";
import path from "node:path";
import { Lang } from "../i18n/lang";

/** Bad input: exit status 1. The message names the file (and sheet, row, column where it can). */
export class InputProblem extends Error {}
/** Bad command line: exit status 2. */
export class UsageProblem extends Error {}

/** One workflow of `kam report` could not run: `where: workflow: reason`. `kam report` reports it and
 *  goes on with the other workflows (exit status 3 when some were written); alone, it is bad input. */
export class WorkflowFailure extends InputProblem {
  constructor(
    readonly workflow: string,
    readonly where: string,
    /** Why, without the place and the workflow (the `error` of `kam report --json`). */
    readonly reason: string
  ) {
    super(`${where}: ${workflow}: ${reason}`);
  }
}

/** Exit status of `kam report` when some workflows were written and others failed. */
export const PARTIAL_EXIT = 3;

export interface OptionSpec {
  /** Options that take a value (`--in FILE` or `--in=FILE`), without the dashes. */
  values: readonly string[];
  /** Options that may be given more than once (a subset of `values`), e.g. `map`. */
  repeated?: readonly string[];
  /** Options without a value, e.g. `force`. */
  flags?: readonly string[];
}

export interface ParsedOptions {
  values: Map<string, string>;
  repeated: Map<string, string[]>;
  flags: Set<string>;
  /** True when --help or -h was given. */
  help: boolean;
}

/** Parses `--name value`, `--name=value` and flags; anything else is a UsageProblem. */
export function parseOptions(args: readonly string[], spec: OptionSpec): ParsedOptions {
  const parsed: ParsedOptions = {
    values: new Map(),
    repeated: new Map(),
    flags: new Set(),
    help: false,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--help" || arg === "-h") {
      parsed.help = true;
      continue;
    }
    if (!arg.startsWith("--")) throw new UsageProblem(`unexpected argument ${JSON.stringify(arg)}`);
    const eq = arg.indexOf("=");
    const name = (eq > 0 ? arg.slice(0, eq) : arg).slice(2);
    if (spec.flags?.includes(name)) {
      if (eq > 0) throw new UsageProblem(`--${name} takes no value`);
      parsed.flags.add(name);
      continue;
    }
    if (!spec.values.includes(name))
      throw new UsageProblem(`unknown option ${JSON.stringify(eq > 0 ? arg.slice(0, eq) : arg)}`);
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = args[i + 1];
      i++;
    }
    if (value === undefined || value === "") throw new UsageProblem(`--${name} needs a value`);
    if (spec.repeated?.includes(name)) {
      parsed.repeated.set(name, [...(parsed.repeated.get(name) ?? []), value]);
    } else {
      if (parsed.values.has(name)) throw new UsageProblem(`--${name} is given twice`);
      parsed.values.set(name, value);
    }
  }
  return parsed;
}

/** The value of `--lang`: en (default) or zh; zh-CN and en-US are accepted too. */
export function parseLang(text: string | undefined): Lang {
  if (text === undefined) return "en";
  const t = text.toLowerCase();
  if (t === "en" || t === "en-us") return "en";
  if (t === "zh" || t === "zh-cn" || t === "cn") return "zh";
  throw new UsageProblem(`--lang ${JSON.stringify(text)} is not one of en, zh`);
}

/** Whether the terminal acts on `code` instead of showing it: C0 and C1 controls (ESC and CSI start
 *  colour, cursor and title sequences), DEL, and the bidirectional marks that reorder what is shown. */
function isTerminalControl(code: number): boolean {
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/**
 * Text as one line the terminal shows as it is: line breaks (with the space around them) become one
 * space, every other control character is shown escaped (\x1b, \t, \u202e), so text from a cell or a
 * file name cannot recolour the terminal, move the cursor or hide part of the message.
 */
export function terminalLine(text: string): string {
  let out = "";
  for (const ch of text.replace(/\s*[\r\n]+\s*/g, " ")) {
    const code = ch.charCodeAt(0);
    if (!isTerminalControl(code)) out += ch;
    else if (ch === "\t") out += "\\t";
    else
      out +=
        code <= 0xff
          ? `\\x${code.toString(16).padStart(2, "0")}`
          : `\\u${code.toString(16).padStart(4, "0")}`;
  }
  return out;
}

/** Writes one progress line to stderr: `kam demo: ...` (terminalLine). */
export function say(command: string, text: string): void {
  process.stderr.write(`kam ${command}: ${terminalLine(text)}\n`);
}

/**
 * A progress callback for (done, total) that prints about every 10% and at the end, and never more
 * often than every half second, so long work shows it is alive without flooding the terminal.
 */
export function progressLine(command: string, what: string): (done: number, total: number) => void {
  let lastShare = -1;
  let lastTime = 0;
  return (done, total) => {
    if (total <= 0) return;
    const share = Math.floor((done / total) * 10);
    const now = Date.now();
    if (done === total || (share > lastShare && now - lastTime >= 500)) {
      if (done === total && lastShare === 10) return;
      lastShare = done === total ? 10 : share;
      lastTime = now;
      say(command, `${what}: ${Math.round((done / total) * 100)}%`);
    }
  };
}

/** The real path of `file` (symbolic links resolved), or of its folder when it does not exist. */
function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(path.resolve(file))), path.basename(file));
    } catch {
      return path.resolve(file);
    }
  }
}

/** Whether `a` and `b` are the same file: the same real path, or (hard links) the same inode. */
export function sameFile(a: string, b: string): boolean {
  if (realPath(a) === realPath(b)) return true;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/**
 * Checks, before any work, that `file` can be written: it is none of `inputs` (compared by real
 * path, so a symbolic link to an input is refused too, --force or not), it does not exist unless
 * `force`, it is not a folder, and its folder exists and takes a new file (tried with a probe file
 * that is removed at once). Each problem is one InputProblem naming the file (UsageProblem for an
 * input given as output).
 */
export function checkOutput(file: string, force: boolean, inputs: readonly string[] = []): void {
  const input = inputs.find((i) => sameFile(i, file));
  if (input !== undefined)
    throw new UsageProblem(
      input === file
        ? "--out must not be the input file"
        : `--out ${file} is the input file ${input} (the same file by its real path); give another name`
    );
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file);
  } catch {
    stat = undefined;
  }
  if (stat?.isDirectory()) throw new InputProblem(`${file} is a folder; give a file name`);
  if (stat && !force) throw new InputProblem(`${file} already exists; use --force to overwrite it`);
  const dir = path.dirname(path.resolve(file));
  let dirStat: fs.Stats;
  try {
    dirStat = fs.statSync(dir);
  } catch {
    throw new InputProblem(`${file}: cannot write the file: the folder ${dir} does not exist`);
  }
  if (!dirStat.isDirectory())
    throw new InputProblem(`${file}: cannot write the file: ${dir} is not a folder`);
  try {
    if (stat) fs.accessSync(file, fs.constants.W_OK);
    else {
      const probe = path.join(dir, `.kam-write-check-${process.pid}-${Date.now()}`);
      fs.writeFileSync(probe, "", { flag: "wx" });
      fs.unlinkSync(probe);
    }
  } catch (e) {
    const code = fileErrorCode(e);
    throw new InputProblem(
      code === "EACCES" || code === "EPERM" || code === "EROFS"
        ? `${file}: cannot write the file: no permission to write ${stat ? "it" : `in ${dir}`} (${code})`
        : `${file}: cannot write the file (${code})`
    );
  }
}

/** Writes `data` to `file`; without `force` an existing file (even one created meanwhile) is kept. */
export function writeOutput(file: string, data: Buffer | string, force: boolean): void {
  try {
    fs.writeFileSync(file, data, { flag: force ? "w" : "wx" });
  } catch (e) {
    const code = e instanceof Error && "code" in e ? String((e as { code: unknown }).code) : "";
    if (code === "EEXIST")
      throw new InputProblem(`${file} already exists; use --force to overwrite it`);
    throw new InputProblem(
      `${file}: cannot write the file (${code || (e instanceof Error ? e.message : String(e))})`
    );
  }
}

/** The error code of a failed file operation (ENOENT, EACCES...), or its message. */
export function fileErrorCode(e: unknown): string {
  if (e instanceof Error && "code" in e) return String((e as { code: unknown }).code);
  return e instanceof Error ? e.message : String(e);
}
