// The one cell reader. The custom functions (src/grid) and the workflows (src/report/source.ts) read
// a cell as a number, a date or a label through these functions, so a report and a live formula over
// the same cells never disagree. Dates are decided per column: planDates() looks at every text date
// of a column once, and the column's cells are then read in that one order.

import { MAX_SERIAL, serialFromYmd } from "../engine/calendar";
import { DateOrder, parseTextDate, yearLastParts } from "./dates";
import { isYear, parsePeriod } from "./period";
import { classify, parseNumberText } from "./values";

/** Why a cell cannot be read; `shown` is the value as a message shows it ("abc" quoted, 12, TRUE). */
export interface Bad {
  why: "number" | "date" | "error";
  shown: string;
}

/** How a value is shown in a message: text in quotes (shortened), numbers and booleans as such. */
export function shownValue(v: unknown): string {
  if (typeof v === "string") {
    const t = v.trim();
    return `"${t.length > 40 ? t.slice(0, 37) + "..." : t}"`;
  }
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** A blank cell: null, undefined, or text of spaces only (Excel on the web passes "" or null). */
export function isBlankCell(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== "string") return false;
  const first = v.charCodeAt(0);
  if (first > 32 && first !== 0xa0 && first !== 0x3000) return false;
  return v.trim() === "";
}

function errorOf(v: unknown): Bad | undefined {
  const cell = classify(v);
  return cell.kind === "error" ? { why: "error", shown: cell.code } : undefined;
}

/** A number: a number cell, or text such as `1,234.50`, `(300)`, `¥1,200`, `12%`. */
export function readNumber(v: unknown): number | Bad {
  if (typeof v === "number") return Number.isFinite(v) ? v : { why: "error", shown: "#NUM!" };
  if (typeof v === "string" && v[0] !== "#") {
    const num = parseNumberText(v);
    return num !== undefined ? num : { why: "number", shown: shownValue(v) };
  }
  return errorOf(v) ?? { why: "number", shown: shownValue(v) };
}

/** A label (customer, stage, ...): text trimmed; numbers and booleans as they display. */
export function readText(v: unknown): string | Bad {
  if (typeof v === "string") {
    if (v[0] !== "#") return v.trim();
    return errorOf(v) ?? v.trim();
  }
  if (typeof v === "number")
    return Number.isFinite(v) ? String(v) : { why: "error", shown: "#NUM!" };
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return errorOf(v) ?? { why: "error", shown: "#VALUE!" };
}

/** How a column's dates are read, decided once for the column (planDates). */
export interface DatePlan {
  /** The order of year-last text dates (`03/01/2019`). */
  order: DateOrder;
  /** Why: `proven` (a cell such as 13/01/2019 or 01/13/2019 shows it), `assumed` (every such date
   *  reads both ways: the workbook's order was taken), `mixed` (cells prove both orders: the
   *  majority wins and the others are unreadable), `none` (no year-last text dates). */
  basis: "proven" | "assumed" | "mixed" | "none";
  /** A cell text that proves the order taken (for the note), when proven or mixed. */
  example?: string;
  /** Year-last text dates in the column, and how many prove each order. */
  yearLast: number;
  dayFirst: number;
  monthFirst: number;
  /** The column holds only whole numbers 1900–2100 (no text dates): read as years (1 January). */
  years: boolean;
}

/**
 * Decides how to read a date column from all its cells: the order of year-last text dates (a first
 * part over 12 proves day first, a second part over 12 proves month first; when nothing proves it,
 * `fallback`, the workbook's order), and whether its numbers are years. Linear; each distinct text
 * is looked at once.
 */
export function planDates(cells: ArrayLike<unknown>, fallback: DateOrder): DatePlan {
  return planDatesBy(cells.length, (i) => cells[i], fallback);
}

/** planDates over `length` cells given one at a time by `cellAt` (a column read where it is, as
 *  Excel passes a tall range: rows of one cell, not copied first). */
export function planDatesBy(
  length: number,
  cellAt: (i: number) => unknown,
  fallback: DateOrder
): DatePlan {
  let yearLast = 0;
  let dayFirst = 0;
  let monthFirst = 0;
  let dayExample: string | undefined;
  let monthExample: string | undefined;
  let numbers = 0;
  let years = true;
  let texts = 0;
  const seen = new Set<string>();
  for (let i = 0; i < length; i++) {
    const v = cellAt(i);
    if (typeof v === "number") {
      numbers++;
      if (years && !isYear(v)) years = false;
      continue;
    }
    if (typeof v !== "string" || isBlankCell(v)) continue;
    texts++;
    if (seen.has(v)) continue;
    seen.add(v);
    const parts = yearLastParts(v);
    if (!parts) continue;
    yearLast++;
    const [a, b] = parts;
    if (a > 12 && b <= 12) {
      dayFirst++;
      dayExample ??= v.trim();
    } else if (b > 12 && a <= 12) {
      monthFirst++;
      monthExample ??= v.trim();
    }
  }
  let order: DateOrder = fallback;
  let basis: DatePlan["basis"] = yearLast === 0 ? "none" : "assumed";
  if (dayFirst > 0 || monthFirst > 0) {
    order = dayFirst >= monthFirst ? "dmy" : "mdy";
    basis = dayFirst > 0 && monthFirst > 0 ? "mixed" : "proven";
  }
  return {
    order,
    basis,
    example: order === "dmy" ? dayExample : monthExample,
    yearLast,
    dayFirst,
    monthFirst,
    years: numbers > 0 && years && texts === 0,
  };
}

/** A date as an Excel serial: a date cell (serial), a text date in the column's order, a period label
 *  (`2024-02` = its first day), or, in a column of years, a year (= 1 January). */
export function readDate(v: unknown, plan: Pick<DatePlan, "order" | "years">): number | Bad {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { why: "error", shown: "#NUM!" };
    if (plan.years && isYear(v)) return serialFromYmd(v, 1, 1) as number;
    if (v >= 1 && v < MAX_SERIAL + 1) return v;
    return { why: "date", shown: shownValue(v) };
  }
  if (typeof v === "string" && v[0] !== "#") {
    const d = parseTextDate(v, plan.order) ?? parsePeriod(v)?.serial;
    return d !== undefined ? d : { why: "date", shown: shownValue(v) };
  }
  return errorOf(v) ?? { why: "date", shown: shownValue(v) };
}
