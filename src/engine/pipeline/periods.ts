// Calendar periods on Excel date serials: months, quarters and ISO weeks (Monday to Sunday), their
// first days, labels ("2024-03", "2024-Q1", week "2024-01-01" = its Monday) and indices.

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

/** [year, month, day] of an Excel serial (1900 date system, with Excel's fictitious 1900-02-29). */
function ymdFromSerial(serial: number): [number, number, number] {
  const whole = Math.floor(serial);
  if (whole === 60) return [1900, 2, 29];
  const d = new Date(EPOCH + (whole < 60 ? whole + 1 : whole) * DAY_MS);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/** Excel serial of the first day of a month; `month` may run past 12 or below 1 (Date.UTC carries). */
function firstOfMonth(year: number, month: number): number {
  const serial = Math.round((Date.UTC(year, month - 1, 1) - EPOCH) / DAY_MS);
  return serial < 61 ? serial - 1 : serial;
}

export type Grain = "month" | "quarter" | "week";

/** First day of the period that contains `serial` (whole days). */
export function periodStart(serial: number, grain: Grain): number {
  const day = Math.floor(serial);
  if (grain === "week") return day - mondayOffset(day);
  const [y, m] = ymdFromSerial(day);
  const month = grain === "quarter" ? 3 * Math.floor((m - 1) / 3) + 1 : m;
  return firstOfMonth(y, month);
}

/** Days since the Monday on or before `day` (serial 45292 = 2024-01-01 is a Monday). */
function mondayOffset(day: number): number {
  return (((day - 45292) % 7) + 7) % 7;
}

/** First day of the period `k` periods after the period starting at `start`. */
export function addPeriods(start: number, k: number, grain: Grain): number {
  if (grain === "week") return start + 7 * k;
  const [y, m] = ymdFromSerial(start);
  return firstOfMonth(y, m + k * (grain === "quarter" ? 3 : 1));
}

/**
 * Index of the period containing `serial`, counted from the period starting at `start` (which must
 * be a period start): 0 for the first, -1 for the one before, and so on.
 */
export function periodIndex(serial: number, start: number, grain: Grain): number {
  const day = Math.floor(serial);
  if (grain === "week") return Math.floor((day - start) / 7);
  const [y, m] = ymdFromSerial(day);
  const [y0, m0] = ymdFromSerial(start);
  const months = (y - y0) * 12 + (m - m0);
  return grain === "quarter" ? Math.floor(months / 3) : months;
}

/** "2024-03" for a month, "2024-Q1" for a quarter, "2024-01-01" (its Monday) for a week. */
export function periodLabel(start: number, grain: Grain): string {
  const [y, m, d] = ymdFromSerial(start);
  const two = (n: number) => String(n).padStart(2, "0");
  if (grain === "month") return `${y}-${two(m)}`;
  if (grain === "quarter") return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
  return `${y}-${two(m)}-${two(d)}`;
}
