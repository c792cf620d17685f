// User text in the files and sheets the add-in writes: the one rule for "would a spreadsheet read this
// text as something else (a formula above all)", used by the pane's writer (src/excel/report.ts), the
// kam workbook writer (src/cli/xlsx.ts) and every CSV the kam command writes. Source of the formula
// rule: OWASP, "CSV Injection" (cells beginning with = + - @, tab or carriage return).

import { Lang } from "../i18n/lang";
import { RESULT_LABELS } from "../i18n/results";

/** The most characters an Excel cell holds (Excel specifications and limits: 32,767). */
export const MAX_CELL_TEXT = 32767;

/** A plain decimal number, signed or not ("-12.5", "+3", "1e5"): a spreadsheet reads it as a number,
 *  never as a formula, so a leading sign is no danger. */
const PLAIN_NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Whether a spreadsheet opening or editing `text` could run it as a formula: it begins with = + - or
 * @ (also after leading spaces), or with a tab or carriage return (OWASP). A plain signed number
 * ("-5", "+3.2") is not: it is read as the number it shows.
 */
export function formulaLike(text: string): boolean {
  if (text === "") return false;
  if (/^[\t\r]/.test(text)) return true;
  const t = text.replace(/^[ \u00a0]+/, "");
  return /^[=+\-@]/.test(t) && !PLAIN_NUMBER.test(t.trimEnd());
}

/**
 * Whether Excel would read `text` as something other than this text when it is typed or sent through
 * Range.values/formulas (and so, in a file, whether the cell needs Excel's quote prefix to stay this
 * text when edited): a formula (formulaLike), a number, date, time, percentage or currency amount, a
 * boolean, an error value, or a leading apostrophe (which Excel would swallow).
 */
export function needsTextPrefix(text: string): boolean {
  if (text === "") return false;
  const t = text.trim();
  return (
    formulaLike(text) ||
    /^[=+\-@'#]/.test(text) ||
    /^[=+\-@#]/.test(t) ||
    /^[\d.,(]/.test(t) ||
    /^[$€£¥]\s*[\d.,]/.test(t) ||
    /^(true|false)$/i.test(t) ||
    /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s\-/.,]*\d/i.test(t)
  );
}

/**
 * One CSV field. Numbers are written as numbers. Text that could run as a formula gets a leading
 * apostrophe and is quoted (OWASP's advice), so `=cmd|'/C calc'!A0` arrives as the text
 * `'=cmd|'/C calc'!A0`; text with a comma, quote, line break or outer space is quoted.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (formulaLike(value)) return `"'${value.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Text cut to what a cell holds: at most MAX_CELL_TEXT characters, the end replaced by `marker`
 * (which says that and how much was cut). A surrogate pair is never split. `cut` is the number of
 * characters of the original left out (0 when the text fits).
 */
export function fitCellText(
  text: string,
  marker: (length: number) => string
): { text: string; cut: number } {
  if (text.length <= MAX_CELL_TEXT) return { text, cut: 0 };
  const tail = marker(text.length);
  let keep = Math.max(0, MAX_CELL_TEXT - tail.length);
  const last = text.charCodeAt(keep - 1);
  if (keep > 0 && last >= 0xd800 && last <= 0xdbff) keep--;
  return { text: text.slice(0, keep) + tail, cut: text.length - keep };
}

/**
 * The one cut of text to what a cell holds, for the functions' results and both writers: the end
 * replaced by a note in `lang` of how long the text was. `note` names the cell `where` for a
 * writer's list of notes (undefined when nothing was cut).
 */
export function cutCellText(
  text: string,
  lang: Lang,
  where?: string | (() => string)
): { text: string; cut: number; note?: string } {
  const L = RESULT_LABELS[lang];
  const fitted = fitCellText(text, (length) =>
    L.cutNote(length.toLocaleString("en-US"), MAX_CELL_TEXT.toLocaleString("en-US"))
  );
  if (fitted.cut === 0 || where === undefined) return fitted;
  const at = typeof where === "string" ? where : where();
  return { ...fitted, note: L.cutCell(at, text.length.toLocaleString("en-US")) };
}
