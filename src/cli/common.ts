/* global process, Buffer */
// What the `kam` commands share: the two kinds of problem (bad input, bad usage), a small option
// parser, progress lines on stderr and writing an output file without overwriting one by accident.

import fs from "node:fs";
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

/** Writes one progress line to stderr: `kam demo: ...`. */
export function say(command: string, text: string): void {
  process.stderr.write(`kam ${command}: ${text}\n`);
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

/** Fails with an InputProblem when `file` exists and `force` is not set. */
export function checkOutput(file: string, force: boolean): void {
  if (!force && fs.existsSync(file))
    throw new InputProblem(`${file} already exists; use --force to overwrite it`);
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
