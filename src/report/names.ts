// Names in a workbook, the same for every host (the Office.js writer, the `kam` ExcelJS writer, the
// readers and the functions' messages): column letters, sheet names as formulas quote them, and valid,
// unique sheet and table names for what a report wants to call them.

/** Excel's last column, XFD. */
export const MAX_COLUMNS = 16_384;

/** Column letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA, 16383 → XFD. */
export function columnLetters(column: number): string {
  if (!Number.isInteger(column) || column < 0 || column >= MAX_COLUMNS)
    throw new RangeError(`column index out of range: ${column}`);
  let s = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  }
  return s;
}

/** 0-based index of column letters: "A" → 0, "Z" → 25, "AA" → 26 (any case). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Names Excel would read as something else unquoted: cell references (A1, XFD1, R1C1, RC) and
 *  booleans. */
function looksLikeReference(name: string): boolean {
  return (
    /^[A-Za-z]{1,3}[0-9]+$/.test(name) ||
    /^[Rr][0-9]*([Cc][0-9]*)?$/.test(name) ||
    /^[Cc][0-9]*$/.test(name) ||
    /^(TRUE|FALSE)$/i.test(name)
  );
}

/**
 * A sheet name as it must appear in a formula: plain ASCII identifiers stay bare (Sheet1), anything
 * else is quoted with embedded apostrophes doubled ('销售 数据', 'Q1-2024', 'Bob''s'). Quoting is
 * always accepted by Excel, so every doubtful case (non-ASCII, spaces, punctuation) is quoted.
 */
export function sheetRef(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !looksLikeReference(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * A valid sheet name for `preferred`: Excel's forbidden characters (: \ / ? * [ ]) removed, no
 * apostrophe or space at either end, at most 31 characters, not "History" (reserved); "Name (2)",
 * "Name (3)"... while `taken` (which compares as Excel does, without case).
 */
export function sheetNameFor(preferred: string, taken: (name: string) => boolean): string {
  let base = preferred
    .replace(/[:\\/?*[\]]/g, "")
    .replace(/^[\s']+|[\s']+$/g, "")
    .slice(0, 31)
    .replace(/[\s']+$/, "");
  if (base === "" || base.toLowerCase() === "history") base = "KAM Report";
  if (!taken(base)) return base;
  for (let k = 2; ; k++) {
    const suffix = ` (${k})`;
    const name = `${base.slice(0, 31 - suffix.length).replace(/[\s']+$/, "")}${suffix}`;
    if (!taken(name)) return name;
  }
}

/**
 * A valid table name for `preferred`: letters (any script), digits, "_" and "."; starting with a
 * letter or "_"; not a cell reference; at most 255 characters; "Name_2"... while `taken`.
 */
export function tableNameFor(preferred: string, taken: (name: string) => boolean): string {
  let base = preferred.replace(/[^\p{L}\p{N}_.]/gu, "_").slice(0, 250);
  if (!/^[\p{L}_]/u.test(base)) base = `_${base}`;
  if (looksLikeReference(base)) base = `_${base}`;
  let name = base;
  for (let k = 2; taken(name); k++) name = `${base}_${k}`;
  return name;
}
