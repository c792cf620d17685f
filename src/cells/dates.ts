// Text dates at the Excel boundary: the dates users paste from other systems, read into Excel serial
// numbers (src/engine/calendar.ts), year-last ones in the order their column decides.

import { serialFromYmd } from "../engine/calendar";

/** How a text date with the year last is read: month first (`3/1/2019` = 1 March, Excel en-US) or
 *  day first (`3/1/2019` = 3 January, en-GB, fr, de, ...). */
export type DateOrder = "mdy" | "dmy";

/** An optional time of day, and a Chinese weekday after the date (`2018-01-01 星期五`, as some
 *  Chinese exports write it). */
const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp][Mm])?(?:Z|[+-]\d{2}:?\d{2})?)?(?:\s*(?:星期|周|礼拜)[一二三四五六日天])?`;
const YMD = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`);
const CJK = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})${TIME}$`);
const DAY_MONTHNAME = /^(\d{1,2})[\s/-]*([A-Za-z]{3,9})\.?[\s/,-]*(\d{4}|\d{2})$/;
const MONTHNAME_DAY = /^([A-Za-z]{3,9})\.?\s*(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/;

/** English month names and their common abbreviations -> month number. */
export const MONTH_NAMES: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/** A two-digit year as Excel reads it: 00–29 are 2000–2029, 30–99 are 1930–1999. */
export function fullYear(digits: string): number {
  const y = Number(digits);
  return digits.length <= 2 ? (y < 30 ? 2000 + y : 1900 + y) : y;
}

/**
 * Parses a text date into an Excel serial (time of day dropped), or returns undefined.
 * Accepted: year first (`2024-01-15`, `2024/1/15`, `2024.1.15`, ISO with a time), Chinese
 * (`2024年1月15日`), month names (`15-Jan-2024`, `15 January 24`, `Jan 15, 2024`) and year last with
 * four or two digits (`1/15/2024`, `15/01/19 08:26`). Year-last dates follow `order`, decided once
 * for a whole column (cells/read.ts planDates): month first or day first; a date impossible in that
 * order (`15/1/2024` month first) is undefined. Without `order` (a single value such as an as-of
 * date) each text decides alone: month first, as Excel en-US, unless the first number is over 12.
 */
export function parseTextDate(text: string, order?: DateOrder): number | undefined {
  const cache = order === undefined ? autoCache : order === "mdy" ? mdyCache : dmyCache;
  if (cache.has(text)) return cache.get(text);
  const serial = parseUncached(text, order);
  if (cache.size >= 100_000) cache.clear();
  cache.set(text, serial);
  return serial;
}

/** Long columns repeat the same few hundred dates: parse each distinct text once per order. */
const autoCache = new Map<string, number | undefined>();
const mdyCache = new Map<string, number | undefined>();
const dmyCache = new Map<string, number | undefined>();

/** The two leading numbers of a year-last text date, for deciding a column's order; else undefined. */
export function yearLastParts(text: string): [number, number] | undefined {
  const m = YEAR_LAST.exec(text.trim());
  return m ? [Number(m[1]), Number(m[3])] : undefined;
}

function parseUncached(text: string, order: DateOrder | undefined): number | undefined {
  const s = text.trim();
  let m = YMD.exec(s) ?? CJK.exec(s);
  if (m) return serialFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = YEAR_LAST.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const year = fullYear(m[4]);
    const dayFirst = order === "dmy" || (order === undefined && a > 12);
    return dayFirst ? serialFromYmd(year, b, a) : serialFromYmd(year, a, b);
  }
  m = DAY_MONTHNAME.exec(s);
  if (m) {
    const month = MONTH_NAMES[m[2].toLowerCase()];
    return month === undefined ? undefined : serialFromYmd(fullYear(m[3]), month, Number(m[1]));
  }
  m = MONTHNAME_DAY.exec(s);
  if (m) {
    const month = MONTH_NAMES[m[1].toLowerCase()];
    return month === undefined ? undefined : serialFromYmd(Number(m[3]), month, Number(m[2]));
  }
  return undefined;
}
