// Dates at the Excel boundary: Excel serial numbers in the 1900 date system (serial 1 = 1900-01-01,
// with Excel's fictitious 1900-02-29 as serial 60), and the text dates users paste from other systems.

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
  const serial = Math.round((d.getTime() - EPOCH) / DAY_MS);
  // Before 1900-03-01 Excel counts its fictitious 1900-02-29, so real dates sit one lower.
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
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

const YMD =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const CJK = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;
const SLASH_YEAR_LAST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;

/**
 * Parses a text date into an Excel serial (time of day dropped), or returns undefined.
 * Accepted: year first (`2024-01-15`, `2024/1/15`, `2024.1.15`, ISO with a time), Chinese
 * (`2024年1月15日`), and year last (`1/15/2024`). Year-last dates are read month first, as Excel
 * en-US does, unless the first number cannot be a month (> 12): then day first (`15/1/2024`).
 */
export function parseTextDate(text: string): number | undefined {
  if (cache.has(text)) return cache.get(text);
  const serial = parseUncached(text);
  if (cache.size >= 100_000) cache.clear();
  cache.set(text, serial);
  return serial;
}

/** Long columns repeat the same few hundred dates: parse each distinct text once. */
const cache = new Map<string, number | undefined>();

function parseUncached(text: string): number | undefined {
  const s = text.trim();
  let m = YMD.exec(s) ?? CJK.exec(s);
  if (m) return serialFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = SLASH_YEAR_LAST.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const year = Number(m[3]);
    return a > 12 ? serialFromYmd(year, b, a) : serialFromYmd(year, a, b);
  }
  return undefined;
}
