// The calendar: Excel serial numbers (1900 date system: serial 1 = 1900-01-01, with Excel's fictitious
// 1900-02-29 as serial 60) <-> calendar dates, and period grains — day, ISO week (Monday to Sunday),
// month, quarter, year — with their first day, index, end and label. The only place that does date
// arithmetic; parsing text dates is src/cells' job.

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);
/** Largest serial Excel accepts: 9999-12-31. */
export const MAX_SERIAL = 2_958_465;

/** Excel serial of a calendar date, or undefined if the date does not exist (e.g. 2024-02-30). */
export function serialFromYmd(year: number, month: number, day: number): number | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day))
    return undefined;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return serialOfUtc(d.getTime());
}

/** Serial of a UTC midnight; before 1900-03-01 Excel counts its fictitious 1900-02-29, so real
 *  dates sit one lower. */
function serialOfUtc(ms: number): number {
  const serial = Math.round((ms - EPOCH) / DAY_MS);
  return serial < 61 ? serial - 1 : serial;
}

/** Calendar date of an Excel serial (whole days), as [year, month, day]. */
export function ymdFromSerial(serial: number): [number, number, number] {
  const whole = Math.floor(serial);
  if (whole === 60) return [1900, 2, 29];
  const d = new Date(EPOCH + (whole < 60 ? whole + 1 : whole) * DAY_MS);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/** ISO text of an Excel serial, e.g. 45306 -> "2024-01-15". */
export function isoFromSerial(serial: number): string {
  const [y, m, d] = ymdFromSerial(serial);
  return `${y}-${two(m)}-${two(d)}`;
}

function two(n: number): string {
  return String(n).padStart(2, "0");
}

/** Serial of the first day of a month; `month` may run past 12 or below 1 (the year carries). */
export function firstOfMonth(year: number, month: number): number {
  return serialOfUtc(Date.UTC(year, month - 1, 1));
}

export type Grain = "day" | "week" | "month" | "quarter" | "year";

/** Months in a period of a month-based grain. */
const MONTHS: Readonly<Record<"month" | "quarter" | "year", number>> = {
  month: 1,
  quarter: 3,
  year: 12,
};

/** Days since the Monday on or before `day` (serial 45292 = 2024-01-01 is a Monday). */
function mondayOffset(day: number): number {
  return (((day - 45292) % 7) + 7) % 7;
}

/** First day of the period that contains `serial` (whole days). */
export function periodStart(serial: number, grain: Grain): number {
  const day = Math.floor(serial);
  if (grain === "day") return day;
  if (grain === "week") return day - mondayOffset(day);
  const [y, m] = ymdFromSerial(day);
  const size = MONTHS[grain];
  return firstOfMonth(y, size * Math.floor((m - 1) / size) + 1);
}

/** First day of the period `k` periods after the period starting at `start`. */
export function addPeriods(start: number, k: number, grain: Grain): number {
  if (grain === "day") return start + k;
  if (grain === "week") return start + 7 * k;
  const [y, m] = ymdFromSerial(start);
  return firstOfMonth(y, m + k * MONTHS[grain]);
}

/** Last day of the period starting at `start`. */
export function periodEnd(start: number, grain: Grain): number {
  return addPeriods(start, 1, grain) - 1;
}

/**
 * Index of the period containing `serial`, counted from the period starting at `start` (a period
 * start): 0 for the first, -1 for the one before, and so on.
 */
export function periodIndex(serial: number, start: number, grain: Grain): number {
  const day = Math.floor(serial);
  if (grain === "day") return day - start;
  if (grain === "week") return Math.floor((day - start) / 7);
  const [y, m] = ymdFromSerial(day);
  const [y0, m0] = ymdFromSerial(start);
  return Math.floor(((y - y0) * 12 + (m - m0)) / MONTHS[grain]);
}

/** "2024-03-05" for a day, "2024-01-01" (its Monday) for a week, "2024-03" for a month, "2024-Q1"
 *  for a quarter, "2024" for a year. */
export function periodLabel(start: number, grain: Grain): string {
  const [y, m, d] = ymdFromSerial(start);
  if (grain === "month") return `${y}-${two(m)}`;
  if (grain === "quarter") return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
  if (grain === "year") return String(y);
  return `${y}-${two(m)}-${two(d)}`;
}
