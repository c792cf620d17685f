// What one Excel cell value is: blank, number, text, boolean or an Excel error, as custom functions
// receive them (numbers, strings, booleans, null/"" for empty cells, error objects or "#N/A" text).

import { MAX_SERIAL } from "../engine/calendar";
import { parseTextDate } from "./dates";

export type Cell =
  | { kind: "blank" }
  | { kind: "number"; value: number }
  | { kind: "text"; value: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "error"; code: string };

const BLANK: Cell = { kind: "blank" };
const ERROR_TEXT =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;
/** CustomFunctions.ErrorCode names and the error each shows in a cell. */
const ERROR_CODES: Record<string, string> = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
};

/** Classifies one raw cell value. */
export function classify(raw: unknown): Cell {
  if (raw === null || raw === undefined) return BLANK;
  switch (typeof raw) {
    case "number":
      return Number.isFinite(raw)
        ? { kind: "number", value: raw }
        : { kind: "error", code: "#NUM!" };
    case "string":
      if (raw.trim() === "") return BLANK;
      return ERROR_TEXT.test(raw) ? { kind: "error", code: raw } : { kind: "text", value: raw };
    case "boolean":
      return { kind: "boolean", value: raw };
    case "object": {
      const code = (raw as { code?: unknown }).code;
      if (typeof code === "string") return { kind: "error", code: ERROR_CODES[code] ?? code };
      return { kind: "error", code: "#VALUE!" };
    }
    default:
      return { kind: "error", code: "#VALUE!" };
  }
}

const NUMBER_TEXT =
  /^([-+])?\s*([¥$€£])?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE]([-+]?\d+))?\s*(%)?$/;

/**
 * A number written as text: `1234`, `1,234.50`, `-12`, `(1,234)` (negative), `¥1,200`, `$5`, `12%`
 * (= 0.12), `1e3`. Thousands separators must sit in groups of three. Anything else is undefined, as
 * Excel's VALUE() refuses it: a sign inside parentheses (`(-5)`, `(+5)`), hexadecimal (`0x4`), a
 * number beyond ±1.8E+308 (`1e400`).
 */
export function parseNumberText(text: string): number | undefined {
  let s = text.trim();
  let negative = false;
  if (s.startsWith("(") && s.endsWith(")")) {
    negative = true;
    s = s.slice(1, -1).trim();
    if (s.startsWith("-") || s.startsWith("+")) return undefined;
  }
  const m = NUMBER_TEXT.exec(s);
  if (!m) return undefined;
  let value = Number(m[3].replace(/,/g, "")) * (m[4] ? 10 ** Number(m[4]) : 1);
  if (m[5]) value /= 100;
  if (m[1] === "-") negative = !negative;
  if (!Number.isFinite(value)) return undefined;
  return negative ? -value : value;
}

/** Why a cell cannot be read as the expected kind, for messages: `"abc" is not a number`. */
export function describe(cell: Cell): string {
  switch (cell.kind) {
    case "blank":
      return "the cell is blank";
    case "text":
      return `"${cell.value.length > 40 ? cell.value.slice(0, 37) + "..." : cell.value}"`;
    case "boolean":
      return cell.value ? "TRUE" : "FALSE";
    case "error":
      return `the cell holds the error ${cell.code}`;
    case "number":
      return String(cell.value);
  }
}

/** Reads a number; returns the reason when the cell is not one. Blank is not handled here. */
export function asNumber(cell: Cell): number | string {
  if (cell.kind === "number") return cell.value;
  if (cell.kind === "text") {
    const n = parseNumberText(cell.value);
    return n === undefined ? `${describe(cell)} is not a number` : n;
  }
  if (cell.kind === "error") return describe(cell);
  return `${describe(cell)} is not a number`;
}

/** Reads a date as an Excel serial; returns the reason when the cell is not one. */
export function asDate(cell: Cell): number | string {
  if (cell.kind === "number") {
    if (cell.value < 1 || cell.value > MAX_SERIAL + 1) {
      return `${cell.value} is not a date (Excel dates are serial numbers from 1 = 1900-01-01 to ${MAX_SERIAL} = 9999-12-31)`;
    }
    return cell.value;
  }
  if (cell.kind === "text") {
    const d = parseTextDate(cell.value);
    return d === undefined
      ? `${describe(cell)} is not a date (use a date cell, or text such as 2024-01-15, 2024/1/15 or 2024年1月15日)`
      : d;
  }
  if (cell.kind === "error") return describe(cell);
  return `${describe(cell)} is not a date`;
}

/** Reads a label (customer, stage, ...): text as typed, numbers as they display. */
export function asText(cell: Cell): string | undefined {
  if (cell.kind === "text") return cell.value.trim();
  if (cell.kind === "number") return String(cell.value);
  if (cell.kind === "boolean") return cell.value ? "TRUE" : "FALSE";
  return undefined;
}
