// Period labels as users write them in headers and date columns: a month (`2024-01`, `Jan 2024`,
// `2024年1月`), a quarter (`2024Q1`, `2024年第1季度`) or a year (`2024`, `2024年`), read as the period's
// first day (an Excel serial) with its grain.

import { Grain as CalendarGrain, serialFromYmd } from "../engine/calendar";
import { MONTH_NAMES, fullYear } from "./dates";

/** Whole numbers read as years (1900–2100). */
export function isYear(n: number): boolean {
  return Number.isInteger(n) && n >= 1900 && n <= 2100;
}

/** The calendar grains (src/engine/calendar.ts) a period label can have. */
export type Grain = Exclude<CalendarGrain, "week">;

export interface Period {
  serial: number;
  grain: Grain;
}

const QUARTER_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4 };

const YEAR_MONTH = /^(\d{4})\s*[-/.]\s*(\d{1,2})$/;
const YEAR_MONTH_CN = /^(\d{4})\s*年\s*(\d{1,2})\s*月份?$/;
const MONTH_YEAR = /^([a-z]{3,9})\.?[\s\-',]*(\d{4}|\d{2})$/;
const YEAR_MONTHNAME = /^(\d{4})[\s-]*([a-z]{3,9})\.?$/;
const YEAR_QUARTER = /^(\d{4})\s*(?:年|[-/])?\s*q([1-4])$/;
const QUARTER_YEAR = /^q([1-4])\s*[-/'\s]?\s*(\d{4}|\d{2})$/;
const YEAR_QUARTER_CN = /^(\d{4})\s*年\s*第?\s*([1-4一二三四])\s*季度?$/;
const YEAR_ONLY = /^(\d{4})\s*年?$/;

/**
 * A period label written as text: a month (`2024-01`, `2024/1`, `2024年1月`, `Jan 2024`, `January-24`,
 * `2024 Jan`), a quarter (`2024Q1`, `2024-Q1`, `Q1 2024`, `2024年第1季度`, `2024年一季度`) or a year
 * (`2024`, `2024年`, 1900–2100). Two-digit years as Excel reads them (00–29 = 2000s). The period's
 * first day.
 */
export function parsePeriod(text: string): Period | undefined {
  const s = text.normalize("NFKC").trim().toLowerCase();
  let m = YEAR_MONTH.exec(s) ?? YEAR_MONTH_CN.exec(s);
  if (m) return monthPeriod(Number(m[1]), Number(m[2]));
  m = MONTH_YEAR.exec(s);
  if (m && MONTH_NAMES[m[1]] !== undefined) return monthPeriod(fullYear(m[2]), MONTH_NAMES[m[1]]);
  m = YEAR_MONTHNAME.exec(s);
  if (m && MONTH_NAMES[m[2]] !== undefined) return monthPeriod(Number(m[1]), MONTH_NAMES[m[2]]);
  m = YEAR_QUARTER.exec(s);
  if (m) return quarterPeriod(Number(m[1]), Number(m[2]));
  m = QUARTER_YEAR.exec(s);
  if (m) return quarterPeriod(fullYear(m[2]), Number(m[1]));
  m = YEAR_QUARTER_CN.exec(s);
  if (m) return quarterPeriod(Number(m[1]), QUARTER_DIGITS[m[2]] ?? Number(m[2]));
  m = YEAR_ONLY.exec(s);
  if (m && isYear(Number(m[1]))) return yearPeriod(Number(m[1]));
  return undefined;
}

function monthPeriod(year: number, month: number): Period | undefined {
  const serial = serialFromYmd(year, month, 1);
  return serial === undefined ? undefined : { serial, grain: "month" };
}

function quarterPeriod(year: number, quarter: number): Period | undefined {
  const serial = serialFromYmd(year, quarter * 3 - 2, 1);
  return serial === undefined ? undefined : { serial, grain: "quarter" };
}

export function yearPeriod(year: number): Period | undefined {
  const serial = serialFromYmd(year, 1, 1);
  return serial === undefined ? undefined : { serial, grain: "year" };
}
