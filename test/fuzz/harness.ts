/* global __dirname, require, CustomFunctions */
// The custom functions' contract under Excel-shaped arbitrary input (issue 14 §1), shared by the
// property test (test/contract/fuzz.property.test.ts) and the standalone fuzzer (test/fuzz/run.ts).
// Every @customfunction in src/functions is found from the source (no build needed), called as Excel
// calls it (a matrix for a range parameter, a scalar otherwise, null for an omitted argument, the
// invocation last, with or without parameter addresses), and its outcome checked: a rectangular
// result of finite numbers, text of at most 32,767 characters and booleans, or a
// CustomFunctions.Error(#VALUE!) whose message names the function and the argument (and the cell,
// when Excel gave addresses), says nothing of NaN, Infinity, undefined or [object Object], and
// echoes at most 300 characters of the user's input.
import fc from "fast-check";
import fs from "fs";
import path from "path";
import { performance } from "perf_hooks";
import ts from "typescript";
import { StandInError } from "../support/customFunctions";

export interface Param {
  name: string;
  optional: boolean;
  /** Declared as a range (`unknown[][]`): Excel passes a matrix. */
  range: boolean;
}

export interface FunctionUnderTest {
  id: string;
  /** As the user types it: KAM.ID. */
  fn: string;
  params: Param[];
  /** Whether the function takes the invocation (parameter addresses) last. */
  invocation: boolean;
  /** Quoted words of the function's JSDoc ("multiplicative", "weeks"): likely option values. */
  words: string[];
  call: (...args: unknown[]) => unknown;
}

const DIR = path.resolve(__dirname, "../../src/functions");

/** Every custom function of src/functions, from the TypeScript source and the wrapper modules. */
export function functionsUnderTest(): FunctionUnderTest[] {
  const out: FunctionUnderTest[] = [];
  for (const file of fs.readdirSync(DIR).filter((f) => f.endsWith(".ts"))) {
    const text = fs.readFileSync(path.join(DIR, file), "utf8");
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    sf.forEachChild((node) => {
      if (!ts.isFunctionDeclaration(node) || !node.name) return;
      const doc = ts.getJSDocTags(node).find((t) => t.tagName.text === "customfunction");
      if (!doc) return;
      const id = String(doc.comment ?? "")
        .trim()
        .split(/\s+/)[0];
      const isInvocation = (p: ts.ParameterDeclaration) =>
        /CustomFunctions\.(Streaming)?Invocation/.test(p.type?.getText() ?? "");
      const params = node.parameters
        .filter((p) => !isInvocation(p))
        .map((p) => ({
          name: p.name.getText(),
          optional: !!p.questionToken || !!p.initializer,
          range: /\[\]\[\]/.test(p.type?.getText() ?? ""),
        }));
      const full = ts
        .getJSDocCommentsAndTags(node)
        .map((d) => d.getText())
        .join(" ");
      const words = [...new Set([...full.matchAll(/"([^"\n]{1,30})"/g)].map((m) => m[1]))];
      const name = node.name.text;
      const mod = require(path.join(DIR, file)) as Record<string, (...a: unknown[]) => unknown>;
      out.push({
        id,
        fn: `KAM.${id}`,
        params,
        invocation: node.parameters.some(isInvocation),
        words,
        call: mod[name],
      });
    });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

// ---- Excel-shaped values ----

/** A 100,000-character text (Excel's cell limit is 32,767; a formula can build longer). */
export const LONG_TEXT = "Lorem ipsum dolor sit amet ".repeat(3704).slice(0, 100000);

const HOSTILE_TEXT = [
  "(-5)",
  "0x4",
  "1e400",
  "-1e400",
  "1e-400",
  "Lost",
  "NaN",
  "Infinity",
  "-Infinity",
  "undefined",
  "[object Object]",
  "\u0000\u0007\u001b[31m",
  "\t",
  "a\r\nb",
  "=cmd|' /C calc'!A0",
  "+1+1",
  "@SUM(A1)",
  "(5)",
  "12%",
  "¥1,200",
  "1,2,3",
  "--5",
  "5-",
  "TRUE",
  "2024-13-45",
  "2024-01-15",
  "15/01/2024",
  "2024年1月15日",
  "9".repeat(400),
  "x".repeat(1000),
  LONG_TEXT,
];

const LABELS = [
  "A",
  "B",
  "C",
  "Acme",
  "Globex",
  "North",
  "Won",
  "Lost",
  "Prospect",
  "Qualified",
  "Proposal",
  "Negotiation",
  "Closed Won",
  "意向客户",
  "yes",
  "no",
  "TRUE",
  "Q1",
  "2024-02",
];

/** Stage names of the default stage table, and probabilities written as stages. */
const STAGES = ["Prospect", "Intent", "Proposal", "Negotiation", "Won", "意向客户", "50%", 0.3];

const HOSTILE_NUMBERS = [
  0,
  -0,
  1e308,
  -1e308,
  1.7976931348623157e308,
  1e-300,
  -1e-300,
  5e-324,
  2 ** 53 + 2,
  1e15,
  1e9,
  1e154,
  -1,
  -1e9,
  0.9999999999999999,
  0.5,
  2958466,
  2958465.99,
];

/** An Excel error as a custom function may receive it: the error text, or an error object. */
const ERRORS: unknown[] = ["#N/A", "#VALUE!", "#DIV/0!", "#REF!", { code: "#NUM!" }];

const plausibleNumber = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 1000 }) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 1e8 }).map((k) => k / 100) },
  { weight: 1, arbitrary: fc.double({ min: -1000, max: 1000, noNaN: true }) }
);
const hostileNumber = fc.oneof(
  fc.constantFrom(...HOSTILE_NUMBERS),
  fc.double({ noNaN: true, noDefaultInfinity: true })
);
const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 3, arbitrary: fc.constantFrom(...LABELS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }
);
const blank = fc.constantFrom<unknown>(null, "", 0);
const anyCell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: plausibleNumber },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 3, arbitrary: text },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(...ERRORS) },
  { weight: 2, arbitrary: blank }
);

type Flavour = "numbers" | "dates" | "labels" | "flags" | "stages" | "outcomes" | "scores" | "any";

/** A column's cells: mostly of one plausible kind, now and then anything at all. */
function cellOf(flavour: Flavour, hostility: number): fc.Arbitrary<unknown> {
  const main: fc.Arbitrary<unknown> =
    flavour === "numbers"
      ? plausibleNumber
      : flavour === "dates"
        ? fc.oneof(
            { weight: 5, arbitrary: fc.integer({ min: 43000, max: 46500 }) },
            { weight: 1, arbitrary: fc.constantFrom("2024-01-15", "2023/7/1", "15/01/2024") }
          )
        : flavour === "labels"
          ? fc.oneof(fc.constantFrom(...LABELS), fc.integer({ min: 0, max: 5 }))
          : flavour === "flags"
            ? fc.oneof(fc.boolean(), fc.constantFrom(0, 1, "yes", "no"))
            : flavour === "stages"
              ? fc.constantFrom(...STAGES)
              : flavour === "outcomes"
                ? fc.constantFrom("Won", "Lost", "Open", null)
                : flavour === "scores"
                  ? fc.integer({ min: 0, max: 10 }).map((k) => (k > 5 && k < 9 ? k - 5 : k))
                  : anyCell;
  return hostility === 0
    ? main
    : fc.oneof(
        { weight: 100 - hostility, arbitrary: main },
        { weight: hostility, arbitrary: anyCell }
      );
}

type Shape = "column" | "row" | "other-length" | "wide" | "single";

function matrixOf(
  flavour: Flavour,
  hostility: number,
  shape: Shape,
  n: number
): fc.Arbitrary<unknown[][]> {
  const cell = cellOf(flavour, hostility);
  const grid = (rows: number, cols: number) =>
    fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), {
      minLength: rows,
      maxLength: rows,
    });
  switch (shape) {
    case "column":
      return grid(n, 1);
    case "row":
      return grid(1, n);
    case "single":
      return grid(1, 1);
    case "wide":
      return fc.integer({ min: 2, max: 4 }).chain((w) => grid(n, w));
    case "other-length":
      return fc.integer({ min: 1, max: n + 3 }).chain((m) => grid(m, 1));
  }
}

/** A parameter's likely kind of cells, from its name. */
function flavourOf(name: string): Flavour {
  if (/date|timeline|^start$|as_of/.test(name)) return "dates";
  if (/^is_|total_only|headers/.test(name)) return "flags";
  if (/stage/.test(name)) return "stages";
  if (/outcome/.test(name)) return "outcomes";
  if (/^[rfm]$|scores$/.test(name) && !/attractiveness|strength/.test(name)) return "scores";
  if (
    /customer|reps|accounts|groups|owners|products|segment|scheme|grain|method|model|type/.test(
      name
    )
  )
    return "labels";
  return "numbers";
}

/** A plausible scalar for a parameter, from its name. */
function plausibleScalar(name: string, words: readonly string[]): fc.Arbitrary<unknown> {
  if (/headers|total_only/.test(name)) return fc.boolean();
  if (/confidence/.test(name)) return fc.constantFrom(0.8, 0.9, 0.95, 0.99);
  if (/fraction|trim|rate|threshold|cut|margin/.test(name))
    return fc.integer({ min: 1, max: 99 }).map((k) => k / 100);
  if (/as_of|^start$/.test(name)) return fc.integer({ min: 44000, max: 46500 });
  if (/method|model|type|grain|scheme/.test(name) && words.length > 0)
    return fc.constantFrom(...words);
  if (name === "period" && words.includes("weeks")) return fc.constantFrom(...words);
  if (/period|seasonality/.test(name)) return fc.constantFrom(1, 2, 4, 7, 12);
  if (/total|target|fixed/.test(name)) return fc.integer({ min: 1, max: 1e7 });
  return fc.integer({ min: 1, max: 12 });
}

/** A scalar argument: a plausible value, a small whole number, an option word, or anything else. */
function scalarOf(
  name: string,
  words: readonly string[],
  hostility: number
): fc.Arbitrary<unknown> {
  const options = words.length > 0 ? [fc.constantFrom(...words)] : [];
  return fc.oneof(
    { weight: 3 * (60 - hostility), arbitrary: plausibleScalar(name, words) },
    { weight: 20, arbitrary: fc.integer({ min: 0, max: 24 }) },
    { weight: 10, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
    ...options.map((arbitrary) => ({ weight: 20, arbitrary })),
    { weight: 30, arbitrary: anyCell }
  );
}

export interface Sizes {
  /** Most ranges have up to this many rows. */
  small: number;
  /** Now and then a range this long. */
  large: number;
}

/** A model's fitted parameters passed on (CLV_PREDICT's params: r, alpha, a, b, p, q, v). */
const PARAMS_OF_A_FIT = /^params$/;
const fittedParams = fc.array(
  fc.integer({ min: 5, max: 2000 }).map((k) => [k / 100]),
  { minLength: 7, maxLength: 7 }
);

/** The arguments of one call, as Excel passes them, and the invocation. */
export interface Call {
  args: unknown[];
  invocation: CustomFunctions.Invocation | undefined;
}

/** Arbitrary calls of one function. */
export function callsOf(f: FunctionUnderTest, sizes: Sizes): fc.Arbitrary<Call> {
  const n = fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(1, 2, 3) },
    { weight: 6, arbitrary: fc.integer({ min: 4, max: sizes.small }) },
    { weight: 1, arbitrary: fc.integer({ min: sizes.small, max: sizes.large }) }
  );
  const anyFlavour = fc.constantFrom<Flavour>(
    "numbers",
    "dates",
    "labels",
    "flags",
    "stages",
    "any"
  );
  const anyShape = fc.constantFrom<Shape>("column", "row", "other-length", "wide", "single");
  const hostility = fc.constantFrom(0, 0, 0, 2, 10, 50);
  return fc
    .record({
      n,
      hostility,
      addressed: fc.boolean(),
      omitRate: fc.constantFrom(0, 0.5, 1),
      across: fc.boolean(),
    })
    .chain(({ n, hostility, addressed, omitRate, across }) => {
      const args = f.params.map((p, i) => {
        const flavour = fc.oneof(
          { weight: 4, arbitrary: fc.constant(flavourOf(p.name)) },
          { weight: 1, arbitrary: anyFlavour }
        );
        const shape = fc.oneof(
          { weight: 6, arbitrary: fc.constant<Shape>(across ? "row" : "column") },
          { weight: 1, arbitrary: anyShape }
        );
        const value: fc.Arbitrary<unknown> = PARAMS_OF_A_FIT.test(p.name)
          ? fc.oneof(
              { weight: 3, arbitrary: fittedParams },
              { weight: 1, arbitrary: matrixOf("any", hostility, "column", n) }
            )
          : p.range
            ? fc
                .tuple(flavour, shape)
                .chain(([fl, sh]) =>
                  matrixOf(fl, hostility, i === 0 && sh === "other-length" ? "column" : sh, n)
                )
            : scalarOf(p.name, f.words, hostility);
        if (!p.optional) return value;
        return fc.oneof(
          { weight: Math.round(omitRate * 10) + 1, arbitrary: fc.constant(null) },
          { weight: 5, arbitrary: value }
        );
      });
      return fc.tuple(...args).map((values) => {
        const addresses = f.params.map((p, i) =>
          p.range ? `Sheet1!B${2 + i}:B${1 + i + n}` : `Sheet1!C${i + 1}`
        );
        const invocation = addressed
          ? ({ parameterAddresses: addresses } as unknown as CustomFunctions.Invocation)
          : undefined;
        return { args: values, invocation };
      });
    });
}

// ---- The contract ----

export type Violation =
  | "escaped JavaScript error"
  | "error code is not #VALUE!"
  | "message does not name the function"
  | "message says NaN/Infinity/undefined/[object Object]"
  | "message: unexpected problem"
  | "message echoes more than 300 characters of input"
  | "message names no argument"
  | "message names no cell"
  | "cell NaN/Infinity/null/undefined"
  | "cell of another type"
  | "result not a non-empty rectangle"
  | "cell longer than 32,767 characters"
  | "promise";

export interface Outcome {
  kind: "value" | "error" | "violation";
  violations: Violation[];
  message?: string;
  ms: number;
}

const BAD_WORDS = /NaN|Infinity|undefined|\[object Object\]/;

/** Text arguments longer than 300 characters: a message may quote at most 300 characters of them. */
function longTexts(args: readonly unknown[]): string[] {
  const out: string[] = [];
  const visit = (v: unknown) => {
    if (typeof v === "string" && v.trim().length > 300) out.push(v.trim());
    else if (Array.isArray(v)) v.forEach(visit);
  };
  args.forEach(visit);
  return out;
}

function echoes(message: string, long: readonly string[]): boolean {
  return long.some((t) => {
    for (let i = 0; i + 301 <= t.length; i += 97)
      if (message.includes(t.slice(i, i + 301))) return true;
    return false;
  });
}

/** Checks one message against the contract. */
export function messageViolations(f: FunctionUnderTest, message: string, call: Call): Violation[] {
  const v: Violation[] = [];
  const prefix = `${f.fn}: `;
  if (!message.startsWith(prefix)) v.push("message does not name the function");
  if (/unexpected problem/.test(message)) v.push("message: unexpected problem");
  if (BAD_WORDS.test(message.replace(/"[^"]*"/g, '""')))
    v.push("message says NaN/Infinity/undefined/[object Object]");
  if (echoes(message, longTexts(call.args)))
    v.push("message echoes more than 300 characters of input");
  const rest = message.slice(prefix.length);
  const names = f.params.map((p) => p.name);
  const named = names.some((n) => new RegExp(`^${n}\\b`).test(rest));
  if (!named) v.push("message names no argument");
  else if (call.invocation && /^\w+, (row|column) \d+:/.test(rest)) v.push("message names no cell");
  return v;
}

/** Checks a returned value against the contract. */
export function valueViolations(value: unknown): Violation[] {
  const v = new Set<Violation>();
  const cell = (c: unknown) => {
    if (typeof c === "number") {
      if (!Number.isFinite(c)) v.add("cell NaN/Infinity/null/undefined");
    } else if (typeof c === "string") {
      if (c.length > 32767) v.add("cell longer than 32,767 characters");
    } else if (c === null || c === undefined) v.add("cell NaN/Infinity/null/undefined");
    else if (typeof c !== "boolean") v.add("cell of another type");
  };
  if (value instanceof Promise) return ["promise"];
  if (!Array.isArray(value)) cell(value);
  else {
    const rows = value as unknown[];
    const width = Array.isArray(rows[0]) ? (rows[0] as unknown[]).length : -1;
    if (rows.length === 0 || width < 1) v.add("result not a non-empty rectangle");
    for (const row of rows) {
      if (!Array.isArray(row) || row.length !== width) {
        v.add("result not a non-empty rectangle");
        continue;
      }
      row.forEach(cell);
    }
  }
  return [...v];
}

/**
 * Calls a function once and judges the outcome. A function Excel calls through the queue returns a
 * Promise (src/functions/shared.ts, reused): its value or rejection is the outcome; the time includes
 * the wait in the queue.
 */
export async function runCall(f: FunctionUnderTest, call: Call): Promise<Outcome> {
  const args = f.invocation ? [...call.args, call.invocation] : call.args;
  const t0 = performance.now();
  let value: unknown;
  let thrown: unknown;
  let threw = false;
  try {
    value = f.call(...args);
    if (value instanceof Promise) value = await value;
  } catch (e) {
    thrown = e;
    threw = true;
  }
  const ms = performance.now() - t0;
  if (!threw) {
    const violations = valueViolations(value);
    return { kind: violations.length ? "violation" : "value", violations, ms };
  }
  if (!(thrown instanceof StandInError)) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    return { kind: "violation", violations: ["escaped JavaScript error"], message, ms };
  }
  const message = thrown.message;
  const violations = messageViolations(f, message, call);
  if (thrown.code !== "#VALUE!") violations.push("error code is not #VALUE!");
  return { kind: violations.length ? "violation" : "error", violations, message, ms };
}

/** A call written out for a report: long texts and large ranges shortened. */
export function shownCall(f: FunctionUnderTest, call: Call): string {
  const show = (v: unknown): string => {
    if (Array.isArray(v)) {
      const rows = v as unknown[];
      const inner = rows.slice(0, 6).map(show).join(";");
      return `{${inner}${rows.length > 6 ? `;…${rows.length} rows` : ""}}`;
    }
    if (typeof v === "string")
      return JSON.stringify(v.length > 40 ? `${v.slice(0, 20)}…(${v.length} chars)` : v);
    if (v === null) return "";
    if (typeof v === "object") return JSON.stringify(v);
    return String(v);
  };
  return `${f.fn}(${call.args.map(show).join(",")})${call.invocation ? " [with addresses]" : ""}`;
}
