// The source reader: a block of sheet values (Excel's range.values, or a file's cells) -> where the
// header is, which column plays which role, and a Dataset of the usable rows, with why others are not.

import { DateOrder, parseTextDate } from "../cells/dates";
import { MAX_SERIAL, isoFromSerial, serialFromYmd } from "../engine/calendar";
import { workbookDateOrder } from "../cells/locale";
import { Period, isYear, parsePeriod, yearPeriod } from "../cells/period";
import {
  Bad,
  DatePlan,
  isBlankCell,
  planDates,
  readDate,
  readNumber,
  readText,
} from "../cells/read";
import { classify, parseNumberText } from "../cells/values";
import {
  HEADER_EXCLUDES,
  HEADER_SYNONYMS,
  SOURCE_STRINGS,
  SourceStrings,
  TOTAL_WORDS,
} from "../i18n/report.source";
import { a1, columnLetters, sheetRef } from "./model";
import { Dataset, Role, RoleKind, RoleSpec, SourceFor, rolesFor } from "./roles";
import { Lang } from "../i18n/lang";

/** What a column's data cells mostly hold (a guess from a sample, shown in the preview). */
export type ColumnKind = "text" | "number" | "date" | "empty";

export interface SourceOrigin {
  /** Sheet name ("" when unknown: addresses then have no sheet part). */
  sheet: string;
  /** 0-based sheet row and column of values[0][0]. */
  row: number;
  column: number;
}

export interface SourceOptions {
  /** Where values[0][0] sits; default A1 of an unnamed sheet. */
  origin?: SourceOrigin;
  /** User overrides: the column index (in values) for a role, or null = the role is not used. */
  mapping?: Partial<Record<Role, number | null>>;
  /** User override: index (in values) of the header row, or null = there is no header row. */
  headerRow?: number | null;
  /** forecast only: force the layout instead of detecting it. */
  layout?: "long" | "wide";
  /** Excel's range.numberFormat for the same block, when known: number cells with a date format
   *  count as dates when guessing column kinds and reading a period header. */
  formats?: readonly (readonly unknown[])[];
  lang: Lang;
  /** How many skipped rows to describe (all are counted); default 200. */
  maxIssues?: number;
  /** The user's choice of date order for year-last text dates (03/01/2019): read every date column
   *  this way. Unset: each column decides from its own cells, else `defaultDateOrder`. */
  dateOrder?: DateOrder;
  /** The workbook's order, for columns whose dates read either way; default cells/locale.ts. */
  defaultDateOrder?: DateOrder;
}

/** How one date column was read: its role, column and the plan (order and why). */
export interface SourceDates {
  role: Role;
  column: number;
  plan: DatePlan;
  /** The order was the user's choice (SourceOptions.dateOrder). */
  forced: boolean;
}

export interface SourceColumn {
  /** Index in values. */
  index: number;
  header: string;
  /** Sheet column letters, e.g. "C". */
  letter: string;
  kind: ColumnKind;
  /** The first few non-blank data values as the sheet shows them (dates as yyyy-mm-dd). */
  sample: string[];
}

export interface SkippedRow {
  /** 1-based sheet row. */
  sheetRow: number;
  reason: string;
}

/** A period column of a wide (one series per row) forecast layout. */
export interface SourcePeriod {
  column: number;
  label: string;
  /** Excel serial of the period's first day. */
  date: number;
}

export interface SourceAnalysis {
  layout: "long" | "wide";
  /** Index in values of the (top) header row, or null when there is none. */
  headerRow: number | null;
  /** Index in values of the first row read as data. */
  dataRow: number;
  /** Per column: its header (two header rows combined), or "Column C" when it has none. */
  headers: string[];
  columns: SourceColumn[];
  /** Role -> column index in values. In the wide layout only `series` (the label column). */
  mapping: Partial<Record<Role, number>>;
  /** How each mapped role was found. */
  matchedBy: Partial<Record<Role, "user" | "header" | "content">>;
  /** Required roles without a column. */
  missing: Role[];
  /** Wide layout: the period columns; empty otherwise. */
  periods: SourcePeriod[];
  /** Blocking problems; when there is any, `dataset` is absent. */
  problems: string[];
  /** Not blocking: what the reader noticed and decided (titles ignored, blank rows, gaps...). */
  notes: string[];
  /** Sheet rows used (wide layout: series rows). */
  kept: number;
  /** Blank rows left out silently. */
  blankRows: number;
  /** The first `maxIssues` skipped rows, in sheet order, with the reason. */
  skipped: SkippedRow[];
  skippedCount: number;
  /** forecast: blank values inside a series kept as missing periods (Dataset.gaps). */
  gapCount: number;
  /** The amount (forecast: value) computed as quantity × unit price when the sheet has no amount
   *  column: the two columns (indices in values). */
  derived?: { role: Role; quantity: number; unitPrice: number };
  /** Roles whose header matched more than one column: the one taken and the others (the pane shows
   *  the choice). */
  choices: { role: Role; chosen: number; others: number[] }[];
  /** Per mapped date column: the order its year-last text dates were read in, and why. */
  dates: SourceDates[];
  /** The order of year-last text dates, when a date column has any (the first such column's);
   *  null when no column holds dates such as 03/01/2019 (ISO text, date cells). */
  dateOrder: DateOrder | null;
  dataset?: Dataset;
}

type Gap = NonNullable<Dataset["gaps"]>[number];

// ---------------------------------------------------------------------------------------------
// Cells

/** Rough kind of one cell, for finding the header and guessing column kinds. */
type CellKind = "blank" | "text" | "number" | "date" | "error" | "boolean";

/** Whole numbers in this range read as dates when nothing says otherwise: 1990-01-01..2099-12-31. */
const SERIAL_MIN = 32874;
const SERIAL_MAX = 73050;

/** A JavaScript Date (as ExcelJS gives date cells) -> Excel serial of its UTC calendar day. */
function serialOfDate(d: Date): number | undefined {
  if (Number.isNaN(d.getTime())) return undefined;
  return serialFromYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Whether an Excel number format shows a date (y or d, or m without h/s: not minutes). */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== "string" || format === "" || /^general$/i.test(format)) return false;
  const f = format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "");
  return /[dy]/i.test(f) || (/m/i.test(f) && !/[hs]/i.test(f));
}

/** Names compared ignoring width, case, spaces and punctuation: "Order-Date " = "order date". */
function normalizeName(s: string): string {
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, "");
}

const EXCLUDES: ReadonlyMap<Role, readonly string[]> = new Map(
  (Object.keys(HEADER_EXCLUDES) as Role[]).map((role) => [
    role,
    (HEADER_EXCLUDES[role] ?? []).map(normalizeName),
  ])
);

const TOTALS = new Set(TOTAL_WORDS.map(normalizeName));
/** Cheap test before normalizing: could this text be a totals word? */
const TOTAL_HINT = /total|sum|合计|总计|小计|总额|共计/i;

/** The characters a totals word can start with (after spaces). */
const TOTAL_FIRST = new Set("tTgGsS合总小共 \u3000");

function totalsWord(v: unknown): string | undefined {
  if (typeof v !== "string" || v.length > 24 || !TOTAL_FIRST.has(v[0]) || !TOTAL_HINT.test(v))
    return undefined;
  return TOTALS.has(normalizeName(v)) ? v.trim() : undefined;
}

/** Synonyms normalized once: per role, and which roles each name names exactly. */
const SYNONYMS: ReadonlyMap<Role, readonly string[]> = new Map(
  (Object.keys(HEADER_SYNONYMS) as Role[]).map((role) => [
    role,
    HEADER_SYNONYMS[role].map(normalizeName),
  ])
);
const EXACT = new Map<string, Role[]>();
SYNONYMS.forEach((names, role) => {
  for (const name of names) {
    const list = EXACT.get(name) ?? [];
    if (!list.includes(role)) list.push(role);
    EXACT.set(name, list);
  }
});
/** Roles whose cells are numbers: a header naming one is never taken for a date column. */
const NUMBER_ROLES = new Set<Role>([
  "amount",
  "value",
  "target",
  "attractiveness",
  "strength",
  "revenue",
  "satisfaction",
  "marketSize",
  "profit",
  "quantity",
  "unitPrice",
]);

/** A role a header may also name: a forecast's value is an amount, revenue or (last) a quantity; a
 *  portfolio's revenue an amount; an account a customer. Ranked after the role's own names. */
const ALSO: Partial<Record<Role, readonly Role[]>> = {
  value: ["amount", "revenue", "quantity"],
  revenue: ["amount"],
  account: ["customer"],
  customer: ["account"],
};

const HEADER_WINDOW = 10;
const BODY_ROWS = 30;
const SAMPLE_ROWS = 500;
const SAMPLE_SCAN = 5000;
const SAMPLE_SHOWN = 5;

// ---------------------------------------------------------------------------------------------
// The block: cell access, rough kinds, sheet addresses

const NO_CELLS: readonly unknown[] = [];
/** Bound once: a global looked up per cell is slow in sandboxes such as jest's vm contexts. */
const isArray = Array.isArray;

/** A cell's value, a Date (as ExcelJS gives date cells) turned into its serial. */
function cellValue(v: unknown): unknown {
  if (typeof v !== "object" || v === null || !(v instanceof Date)) return v;
  return serialOfDate(v) ?? { code: "#VALUE!" };
}

/** The values with their place on the sheet. Kinds are computed once per row and only for the few
 *  rows the detection looks at; the row pass reads raw values. */
class Block {
  readonly n: number;
  readonly width: number;
  private readonly kindCache = new Map<number, CellKind[]>();
  private readonly prefix: string;

  constructor(
    private readonly values: unknown[][],
    private readonly origin: SourceOrigin,
    private readonly formats: SourceOptions["formats"]
  ) {
    this.n = values.length;
    let width = 0;
    for (let i = 0; i < values.length; i++) {
      const row = values[i];
      if (isArray(row) && row.length > width) width = row.length;
    }
    this.width = width;
    this.prefix = origin.sheet ? `${sheetRef(origin.sheet)}!` : "";
  }

  /** Row i's cells (an empty list for a missing row). */
  row(i: number): readonly unknown[] {
    const row = this.values[i];
    return isArray(row) ? row : NO_CELLS;
  }

  /** The value as given (a Date stays a Date). */
  given(i: number, c: number): unknown {
    return this.row(i)[c];
  }

  /** The value at (i, c), a Date turned into its serial (see cellValue). */
  raw(i: number, c: number): unknown {
    return cellValue(this.row(i)[c]);
  }

  dateFormatted(i: number, c: number): boolean {
    return this.formats !== undefined && isDateFormat(this.formats[i]?.[c]);
  }

  kinds(i: number): CellKind[] {
    let kinds = this.kindCache.get(i);
    if (!kinds) {
      kinds = [];
      for (let c = 0; c < this.width; c++) kinds.push(this.kind(i, c));
      this.kindCache.set(i, kinds);
    }
    return kinds;
  }

  private kind(i: number, c: number): CellKind {
    const v = this.given(i, c);
    if (v instanceof Date) return "date";
    if (typeof v === "number") {
      if (!Number.isFinite(v)) return "error";
      return this.dateFormatted(i, c) ? "date" : "number";
    }
    const cell = classify(v);
    if (cell.kind !== "text") return cell.kind;
    if (parseNumberText(cell.value) !== undefined) return "number";
    if (parseTextDate(cell.value) !== undefined || parsePeriod(cell.value) !== undefined)
      return "date";
    return "text";
  }

  /** Every cell empty or whitespace. */
  blank(i: number): boolean {
    const row = this.row(i);
    for (let c = 0; c < row.length; c++) if (!isBlankCell(row[c])) return false;
    return true;
  }

  /** The text of a totals cell in row i (Total, 合计, ...), if any. */
  totals(i: number): string | undefined {
    const row = this.row(i);
    for (let c = 0; c < row.length; c++) {
      const w = totalsWord(row[c]);
      if (w !== undefined) return w;
    }
    return undefined;
  }

  /** The next non-blank row at or after i (n when none). */
  nextNonBlank(i: number): number {
    while (i < this.n && this.blank(i)) i++;
    return i;
  }

  sheetRow(i: number): number {
    return this.origin.row + i + 1;
  }

  letter(c: number): string {
    return columnLetters(this.origin.column + c);
  }

  /** "C17" (no sheet). */
  cell(i: number, c: number): string {
    return a1(this.origin.row + i, this.origin.column + c);
  }

  /** "Orders!C2:C500" (the sheet when known). */
  range(r0: number, c0: number, r1: number, c1: number): string {
    const first = this.cell(r0, c0);
    return r0 === r1 && c0 === c1
      ? this.prefix + first
      : `${this.prefix}${first}:${this.cell(r1, c1)}`;
  }

  whole(): string {
    return this.range(0, 0, this.n - 1, Math.max(0, this.width - 1));
  }
}

/** The skipped rows: all counted, the first `max` described (in sheet order). */
class Issues {
  readonly list: SkippedRow[] = [];
  count = 0;

  constructor(
    private readonly block: Block,
    private readonly max: number
  ) {}

  skip(i: number, reason: () => string): void {
    this.count++;
    if (this.list.length < this.max)
      this.list.push({ sheetRow: this.block.sheetRow(i), reason: reason() });
  }

  /** Adds rows found skipped after the pass (indices ascending), keeping sheet order. */
  merge(late: readonly number[], reason: (i: number) => string): void {
    this.count += late.length;
    const merged: SkippedRow[] = [];
    let a = 0;
    let b = 0;
    while (merged.length < this.max && (a < this.list.length || b < late.length)) {
      const row = b < late.length ? this.block.sheetRow(late[b]) : Infinity;
      if (a < this.list.length && this.list[a].sheetRow < row) merged.push(this.list[a++]);
      else merged.push({ sheetRow: row, reason: reason(late[b++]) });
    }
    this.list.length = 0;
    for (const m of merged) this.list.push(m);
  }
}

// ---------------------------------------------------------------------------------------------
// Rule 1: a wide forecast layout

interface Wide {
  row: number;
  /** Label columns (before the first period). */
  labels: number[];
  periods: SourcePeriod[];
  /** Total columns after the periods, not read. */
  ignored: number[];
}

type HeaderPeriod = Period & { fromNumber: boolean; column: number };

/** A header cell read as a period: a date cell, a year, a date serial, a text date or period. */
function headerPeriod(block: Block, i: number, c: number): HeaderPeriod | undefined {
  const v = block.given(i, c);
  if (v instanceof Date) {
    const serial = serialOfDate(v);
    return serial === undefined
      ? undefined
      : { serial, grain: "day", fromNumber: false, column: c };
  }
  if (typeof v === "number") {
    if (isYear(v)) return { ...(yearPeriod(v) as Period), fromNumber: true, column: c };
    if (block.dateFormatted(i, c) && v >= 1 && v < MAX_SERIAL + 1)
      return { serial: Math.floor(v), grain: "day", fromNumber: false, column: c };
    if (Number.isInteger(v) && v >= SERIAL_MIN && v <= SERIAL_MAX)
      return { serial: v, grain: "day", fromNumber: true, column: c };
    return undefined;
  }
  if (typeof v !== "string") return undefined;
  const d = parseTextDate(v);
  if (d !== undefined) return { serial: d, grain: "day", fromNumber: false, column: c };
  const p = parsePeriod(v);
  return p && { ...p, fromNumber: false, column: c };
}

/** Rule 1's test of row r. */
function wideAt(block: Block, r: number): Wide | undefined {
  if (r >= block.n || block.blank(r)) return undefined;
  let first = -1;
  const periods: HeaderPeriod[] = [];
  const ignored: number[] = [];
  for (let c = 0; c < block.width; c++) {
    const v = block.raw(r, c);
    if (isBlankCell(v)) continue;
    const period = c > 0 ? headerPeriod(block, r, c) : undefined;
    if (period) {
      if (first < 0) first = c;
      periods.push(period);
    } else if (first < 0) {
      if (typeof v !== "string") return undefined; // label columns are named by text
    } else if (totalsWord(v) !== undefined) {
      ignored.push(c);
    } else {
      return undefined;
    }
  }
  if (first < 1 || periods.length < 2) return undefined;
  if (periods.some((q) => q.grain !== periods[0].grain)) return undefined;
  if (periods.every((q) => q.fromNumber)) {
    for (let k = 1; k < periods.length; k++)
      if (periods[k].serial <= periods[k - 1].serial) return undefined;
  }
  const next = block.nextNonBlank(r + 1);
  if (next >= block.n || !periods.some((q) => block.kinds(next)[q.column] === "number"))
    return undefined;
  return {
    row: r,
    labels: Array.from({ length: first }, (_, c) => c),
    ignored,
    periods: periods.map((q) => ({
      column: q.column,
      label: headerText(block.raw(r, q.column), q),
      date: q.serial,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Rule 2: the header row(s)

interface BodyStats {
  /** Per column: mostly numbers/dates. */
  typed: boolean[];
  /** Per column: any value. */
  used: boolean[];
  rows: number;
}

/** The kinds of the next BODY_ROWS non-blank rows from `from`. */
function bodyStats(block: Block, from: number): BodyStats {
  const typedCount = new Array<number>(block.width).fill(0);
  const usedCount = new Array<number>(block.width).fill(0);
  let rows = 0;
  for (let i = from; i < block.n && rows < BODY_ROWS; i++) {
    if (block.blank(i)) continue;
    rows++;
    const kinds = block.kinds(i);
    for (let c = 0; c < block.width; c++) {
      const k = kinds[c];
      if (k === "blank" || k === "error") continue;
      usedCount[c]++;
      if (k === "number" || k === "date") typedCount[c]++;
    }
  }
  return {
    typed: usedCount.map((u, c) => u > 0 && typedCount[c] * 2 >= u),
    used: usedCount.map((u) => u > 0),
    rows,
  };
}

/** A cell a second header row may hold: text, a year, or a period label. */
function isLabelLike(block: Block, i: number, c: number, k: CellKind): boolean {
  if (k === "text") return true;
  const v = block.raw(i, c);
  if (k === "number") {
    const num = typeof v === "number" ? v : parseNumberText(String(v));
    return num !== undefined && isYear(num);
  }
  return k === "date" && typeof v === "string" && parsePeriod(v) !== undefined;
}

/** Rule 2's test for a second header row s below the header row h. */
function isSubHeader(block: Block, h: number, s: number): boolean {
  if (s >= block.n || block.blank(s)) return false;
  const kh = block.kinds(h);
  const ks = block.kinds(s);
  // one name alone above is a title (a merged title cell spans the whole table), not a parent
  if (kh.filter((k) => k !== "blank").length < 2) return false;
  const body = bodyStats(block, s + 1);
  let overTyped = false;
  let vertical = false;
  let horizontal = false;
  let allSpan = true;
  let lastTop = -1;
  for (let c = 0; c < block.width; c++) {
    const top = kh[c] !== "blank";
    const sub = ks[c] !== "blank";
    if (sub) {
      if (!isLabelLike(block, s, c, ks[c])) return false;
      if (body.typed[c]) overTyped = true;
      // a parent merged across columns: its first sub-column named, this one empty above
      if (!top && lastTop >= 0 && ks[lastTop] !== "blank") horizontal = true;
    } else if (top && body.used[c]) {
      vertical = true; // a name merged down over both rows: empty below it
    }
    if (top) {
      // does this name span at least two named sub-columns?
      const spans = sub && c + 1 < block.width && kh[c + 1] === "blank" && ks[c + 1] !== "blank";
      if (!spans) allSpan = false;
      lastTop = c;
    }
  }
  // Merged cells show: a name merged down (with a group or a units row beside it), or every name
  // above is a group over sub-names. Two rows of names side by side ("Currency | CNY" above the
  // header) are neither.
  return overTyped && (vertical || (horizontal && allSpan));
}

interface HeaderCandidate {
  row: number;
  twoRows: boolean;
  /** Columns used by the data below, and how many of them the header names. */
  used: number;
  covered: number;
  /** Cells that are known column names. */
  named: number;
}

/** Rule 2's test of row h: undefined, or the header it would be. */
function headerAt(block: Block, h: number): HeaderCandidate | undefined {
  const kh = block.kinds(h);
  let nonBlank = 0;
  let texts = 0;
  for (const k of kh) {
    if (k === "blank") continue;
    nonBlank++;
    if (k === "text") texts++;
  }
  if (nonBlank === 0 || texts * 2 <= nonBlank) return undefined;
  const twoRows = isSubHeader(block, h, h + 1);
  const body = bodyStats(block, twoRows ? h + 2 : h + 1);
  // a header with nothing below it
  if (body.rows === 0) return { row: h, twoRows, used: 0, covered: 0, named: 0 };
  const ks = twoRows ? block.kinds(h + 1) : undefined;
  let usedColumns = 0;
  let covered = 0;
  let differs = false;
  let named = 0;
  for (let c = 0; c < block.width; c++) {
    const labelled = kh[c] !== "blank" || (ks !== undefined && ks[c] !== "blank");
    if (body.used[c]) {
      usedColumns++;
      if (labelled) covered++;
    }
    if ((kh[c] === "text" || ks?.[c] === "text") && body.typed[c]) differs = true;
    for (const r of twoRows ? [h, h + 1] : [h]) {
      const v = block.raw(r, c);
      if (typeof v === "string" && EXACT.has(normalizeName(v))) named++;
    }
  }
  if (covered * 2 < usedColumns) return undefined;
  if (!differs && !(named >= 2 || (named >= 1 && named === nonBlank))) return undefined;
  return { row: h, twoRows, used: usedColumns, covered, named };
}

/** Rule 2: the header among the rows before the data starts, or undefined for none. */
function findHeader(block: Block, first: number, window: number): HeaderCandidate | undefined {
  let best: HeaderCandidate | undefined;
  for (let h = first; h < window; h++) {
    const found = headerAt(block, h);
    if (found) {
      // more of the data's columns named wins, then more known names, then the first
      const better =
        !best ||
        found.covered * best.used > best.covered * found.used ||
        (found.covered * best.used === best.covered * found.used && found.named > best.named);
      if (better) best = found;
      if (found.twoRows) h++;
    } else if (looksLikeData(block, h)) break; // the data has begun: no header below it
  }
  return best;
}

/** A row shaped like the rows below it: numbers/dates in at least two thirds of their number/date
 *  columns. The header must come before such a row. */
function looksLikeData(block: Block, h: number): boolean {
  const kinds = block.kinds(h);
  const body = bodyStats(block, h + 1);
  let typedColumns = 0;
  let agree = 0;
  for (let c = 0; c < block.width; c++) {
    const typed = kinds[c] === "number" || kinds[c] === "date";
    if (body.rows === 0 || body.typed[c]) {
      if (body.rows > 0) typedColumns++;
      if (typed) agree++;
    }
  }
  return agree > 0 && agree * 3 >= typedColumns * 2;
}

/**
 * The column names of a header at row `top` (and `top + 1`). A parent name merged across columns
 * (its first column named in both rows, the next ones empty above and named below) is put in front
 * of each sub-name: "Sales" over "2023 | 2024" gives "Sales 2023", "Sales 2024".
 */
function headerLabels(
  block: Block,
  top: number,
  twoRows: boolean
): { labels: string[]; example: string } {
  const labels: string[] = [];
  let example = "";
  let parent = "";
  for (let c = 0; c < block.width; c++) {
    const above = headerText(block.raw(top, c));
    const below = twoRows ? headerText(block.raw(top + 1, c)) : "";
    let name = above;
    if (above) parent = below ? above : "";
    else if (below) name = parent;
    else parent = "";
    const label = [name, below].filter((x) => x !== "").join(" ");
    if (name && below && !example) example = label;
    labels.push(label);
  }
  return { labels, example };
}

// ---------------------------------------------------------------------------------------------
// Column kinds and samples

interface Profile {
  kind: ColumnKind;
  sample: string[];
  /** Distinct values among the sampled rows. */
  distinct: number;
}

/** A forecast's series column is guessed from content only when the sampled rows hold at most this
 *  many distinct names; otherwise (a customer or product list) the user chooses it. */
const SERIES_GUESS_MAX = 30;

/**
 * Guesses each column's kind from up to SAMPLE_ROWS data rows: a date column when 60% of its values
 * are dates (date cells, date-formatted numbers, text dates, period labels) or when they are numbers
 * that are all whole serials of 1990–2099 (with no number formats to tell otherwise, and a header
 * that does not name a number role); a number column when 60% are numbers; text otherwise.
 */
function profileColumns(
  block: Block,
  dataRow: number,
  headerRoles: readonly (readonly Role[] | undefined)[],
  formatsKnown: boolean
): Profile[] {
  const counts = Array.from({ length: block.width }, () => ({
    used: 0,
    numbers: 0,
    dates: 0,
    serialLike: true,
    sample: [] as unknown[],
    values: new Set<unknown>(),
  }));
  let seen = 0;
  const end = Math.min(block.n, dataRow + SAMPLE_SCAN);
  for (let i = dataRow; i < end && seen < SAMPLE_ROWS; i++) {
    if (block.blank(i) || block.totals(i) !== undefined) continue;
    seen++;
    const kinds = block.kinds(i);
    for (let c = 0; c < block.width; c++) {
      const k = kinds[c];
      if (k === "blank" || k === "error") continue;
      const col = counts[c];
      col.used++;
      const v = block.raw(i, c);
      if (col.sample.length < SAMPLE_SHOWN) col.sample.push(v);
      if (col.values.size <= SERIES_GUESS_MAX) col.values.add(v);
      if (k === "date") col.dates++;
      else if (k === "number") {
        col.numbers++;
        const num = typeof v === "number" ? v : (parseNumberText(String(v)) ?? NaN);
        if (!(Number.isInteger(num) && num >= SERIAL_MIN && num <= SERIAL_MAX))
          col.serialLike = false;
      }
    }
  }
  return counts.map((col, c) => {
    const numberHeader = (headerRoles[c] ?? []).some((r) => NUMBER_ROLES.has(r));
    let kind: ColumnKind;
    if (col.used === 0) kind = "empty";
    else if (col.dates * 5 >= col.used * 3) kind = "date";
    else if (
      (col.numbers + col.dates) * 5 >= col.used * 3 &&
      col.numbers > 0 &&
      col.serialLike &&
      !numberHeader &&
      (col.dates > 0 || !formatsKnown)
    )
      kind = "date";
    else if (col.numbers * 5 >= col.used * 3) kind = "number";
    else kind = "text";
    return {
      kind,
      sample: col.sample.map((v) => displayValue(v, kind)),
      distinct: col.values.size,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Reading cells for a role

function badText(t: SourceStrings, bad: Bad): string {
  if (bad.why === "number") return t.notNumber(bad.shown);
  if (bad.why === "date") return t.notDate(bad.shown);
  return t.errorValue(bad.shown);
}

// ---------------------------------------------------------------------------------------------
// The analysis

/** What the steps share. */
interface Context {
  block: Block;
  workflow: SourceFor;
  options: SourceOptions;
  t: SourceStrings;
  analysis: SourceAnalysis;
  issues: Issues;
  /** Header text per column ("" when none). */
  labels: string[];
  /** Roles each header names exactly (any workflow). */
  headerRoles: (readonly Role[] | undefined)[];
  profiles: Profile[];
}

/**
 * Reads a block of sheet values for a workflow. Rules, in order:
 *
 * 1. Layout (forecast only). A row among the first ten whose cells after one or more label columns
 *    are all periods of one grain (dates, `2024-01`, `Jan 2024`, `2024Q1`, `2024年1月`, years; at
 *    least two; numbers must increase) — with a trailing Total column allowed and ignored — and
 *    followed by a row with numbers under them is a wide header: one series per row. `layout`
 *    forces either. Otherwise the layout is long (one observation per row).
 * 2. Header row (long). Among the first ten rows, a row whose non-empty cells are mostly text,
 *    that covers at least half of the columns the rows below use, and either stands above a column of
 *    numbers/dates with a text cell or holds two or more recognised column names; the search stops at
 *    the first row shaped like the data (numbers/dates in two thirds of the number/date columns).
 *    Of several such rows (a "Currency | CNY" line above the header), the one naming the larger share
 *    of the data's columns wins, then the one with more recognised names, then the first.
 *    Rows above the header (titles, notes, a merged title whose other cells Excel gives as "") are not
 *    read. When the header row holds at least two names and the row below it holds only text or
 *    years, sits over number/date columns and shows merged cells — a name merged down (empty below
 *    it) beside a group ("Sales" over "2023 | 2024") or a units row ("Amount" over "(USD)"), or only
 *    groups over sub-names — the two rows form the header: "Sales 2023", "Amount (USD)". No header
 *    found: every row is data and columns are called "Column A"... `headerRow` overrides (the
 *    two-row test still applies below it).
 * 3. Roles. User overrides first (a column, or null = not used). Then by header name: an exact synonym
 *    (English or Chinese, ignoring case, spaces and punctuation) beats a header that starts or ends
 *    with one (longer matches first); a header that exactly names a role of another workflow ("Close
 *    date" in an order list) is not taken for a partial match. Then, for required roles (and all of
 *    forecast's), by content: the leftmost unused column of the right kind (date columns for date
 *    roles, numbers for number roles, text for text roles) whose header names no role; optional
 *    roles of other workflows are only taken by name, never guessed. A column never plays two roles;
 *    two overrides on one column are a blocking problem. Overrides for roles the workflow does not
 *    have are ignored.
 * 4. Rows (long), each kept or skipped with a reason naming the row, cell, header and value:
 *    - a blank row (every cell empty or whitespace) is left out silently and counted;
 *    - a totals row (a cell reading Total, Grand total, Subtotal, Sum, 合计, 总计, 小计, 总额...) is
 *      skipped, wherever it is; so is a repetition of the header row;
 *    - numbers: number cells, or text the grid reads ("1,234.50", "¥1,200", "(300)" = -300,
 *      "12%" = 0.12); negative amounts (returns) are kept;
 *    - dates: date cells (serials), text dates the grid reads, period labels (`2024-01` = its first
 *      day), and in a column of whole numbers 1900–2100, years (= 1 January);
 *    - text: as typed, trimmed; numbers as they are written;
 *    - a cell that cannot be read for its role (text in a number column, an impossible date, an Excel
 *      error such as #N/A) skips the row;
 *    - a blank required cell skips the row ("no customer"); forecast's series and date, when mapped,
 *      count as required; a blank optional text cell is kept as ""; a blank optional number cell (kpi
 *      satisfaction and market size) keeps the row with null in Dataset.sparse — never NaN;
 *    - forecast: a blank value between a series' first and last value (by date, or by position without
 *      dates) is a missing period (Dataset.gaps), not a row; one before the first or after the last
 *      value is skipped ("no value"). With a single column of values (no series, no dates) a blank
 *      row inside it is such a gap too, as the KAM.FORECAST_* functions read a column.
 * 5. Wide rows: the label cell(s) name the series (several label columns joined by " / "); a value
 *    cell that cannot be read skips the series' row; blank cells between its first and last value are
 *    missing periods; blank cells before the first or after the last value are not periods of it.
 *
 * Sheet rows in messages and Dataset.sheetRows are 1-based (origin + index). The Dataset exists only
 * when there is no blocking problem. Linear in the number of cells.
 */
export function analyseSource(
  values: unknown[][],
  workflow: SourceFor,
  options: SourceOptions
): SourceAnalysis {
  const t = SOURCE_STRINGS[options.lang];
  const block = new Block(
    values,
    options.origin ?? { sheet: "", row: 0, column: 0 },
    options.formats
  );
  const analysis: SourceAnalysis = {
    layout: "long",
    headerRow: null,
    dataRow: 0,
    headers: Array.from({ length: block.width }, (_, c) => t.column(block.letter(c))),
    columns: [],
    mapping: {},
    matchedBy: {},
    missing: [],
    periods: [],
    problems: [],
    notes: [],
    kept: 0,
    blankRows: 0,
    skipped: [],
    skippedCount: 0,
    gapCount: 0,
    choices: [],
    dates: [],
    dateOrder: null,
  };

  const first = block.nextNonBlank(0);
  if (first >= block.n) {
    analysis.problems.push(t.empty);
    return analysis;
  }
  const override = options.headerRow;
  if (
    override !== undefined &&
    override !== null &&
    (!Number.isInteger(override) || override < 0 || override >= block.n)
  ) {
    analysis.problems.push(
      t.noSuchHeaderRow(block.sheetRow(override), block.sheetRow(0), block.sheetRow(block.n - 1))
    );
    return analysis;
  }
  const window = Math.min(block.n, first + HEADER_WINDOW);

  // Rule 1
  let wide: Wide | undefined;
  if (workflow === "forecast" && options.layout !== "long" && override !== null) {
    if (override !== undefined) wide = wideAt(block, override);
    else for (let r = first; r < window && !wide; r++) wide = wideAt(block, r);
    if (!wide && options.layout === "wide") {
      analysis.problems.push(t.noPeriods);
      return analysis;
    }
  }

  // Rule 2
  let top: number | null = null;
  let twoRows = false;
  if (wide) top = wide.row;
  else if (override !== undefined) {
    top = override;
    if (override !== null) twoRows = isSubHeader(block, override, override + 1);
  } else {
    const found = findHeader(block, first, window);
    if (found) {
      top = found.row;
      twoRows = found.twoRows;
    }
  }
  let labels = new Array<string>(block.width).fill("");
  if (top !== null) {
    const header = headerLabels(block, top, twoRows);
    labels = header.labels;
    if (wide) for (const p of wide.periods) labels[p.column] = p.label;
    analysis.headerRow = top;
    analysis.dataRow = top + (twoRows ? 2 : 1);
    analysis.headers = labels.map((l, c) => l || t.column(block.letter(c)));
    if (block.nextNonBlank(0) < top)
      analysis.notes.push(t.aboveHeader(block.sheetRow(0), block.sheetRow(top - 1)));
    if (twoRows) analysis.notes.push(t.combinedHeader(block.sheetRow(top), header.example));
  } else {
    analysis.notes.push(t.noHeader);
  }

  const headerRoles = labels.map((l) => EXACT.get(normalizeName(l)));
  const noRows = block.nextNonBlank(analysis.dataRow) >= block.n;
  const profiles = profileColumns(
    block,
    analysis.dataRow,
    headerRoles,
    options.formats !== undefined
  );
  analysis.columns = profiles.map((p, c) => ({
    index: c,
    header: analysis.headers[c],
    letter: block.letter(c),
    kind: p.kind,
    sample: p.sample,
  }));

  if (noRows) {
    analysis.problems.push(t.noRows(block.sheetRow(top ?? 0)));
    return analysis;
  }
  const ctx: Context = {
    block,
    workflow,
    options,
    t,
    analysis,
    issues: new Issues(block, Math.max(0, options.maxIssues ?? 200)),
    labels,
    headerRoles,
    profiles,
  };
  if (wide) readWide(ctx, wide);
  else {
    mapRoles(ctx);
    readLong(ctx);
  }
  analysis.skipped = ctx.issues.list;
  analysis.skippedCount = ctx.issues.count;
  if (analysis.blankRows > 0) analysis.notes.push(t.blankRows(analysis.blankRows));
  if (analysis.gapCount > 0) analysis.notes.push(t.gaps(analysis.gapCount));
  if (analysis.problems.length > 0) delete analysis.dataset;
  return analysis;
}

// ---------------------------------------------------------------------------------------------
// Rule 3: roles

function mapRoles(ctx: Context): void {
  const { analysis, t, block } = ctx;
  const specs = rolesFor(ctx.workflow);
  const taken = new Map<number, Role>();
  const overrides = ctx.options.mapping ?? {};
  const decided = new Set<Role>();
  /** Roles whose override was refused: already reported. */
  const refused = new Set<Role>();

  const assign = (role: Role, column: number, how: "user" | "header" | "content") => {
    taken.set(column, role);
    analysis.mapping[role] = column;
    analysis.matchedBy[role] = how;
  };

  for (const spec of specs) {
    const index = overrides[spec.role];
    if (index === undefined) continue;
    decided.add(spec.role);
    if (index === null) continue;
    if (!Number.isInteger(index) || index < 0 || index >= block.width) {
      analysis.problems.push(t.noSuchColumn(t.roles[spec.role], index, block.width));
      refused.add(spec.role);
      continue;
    }
    const other = taken.get(index);
    if (other !== undefined) {
      refused.add(spec.role);
      analysis.problems.push(
        t.sameColumn(t.columnRef(block.letter(index), analysis.headers[index]), [
          t.roles[other],
          t.roles[spec.role],
        ])
      );
      continue;
    }
    assign(spec.role, index, "user");
  }
  const open = specs.filter((s) => !decided.has(s.role));

  // by header name: an exact synonym (earlier synonyms in a role's list are preferred: "Sales" before
  // "Quantity" for a forecast's value), then a header starting or ending with one; a number role
  // never takes a column of text
  const candidates: { role: Role; column: number; score: number; order: number }[] = [];
  /** Number roles whose name a column of text carries (said when the role stays missing). */
  const textNamed = new Map<Role, number>();
  ctx.labels.forEach((label, column) => {
    const name = normalizeName(label);
    if (!name || taken.has(column)) return;
    const exact = EXACT.get(name);
    const kind = ctx.profiles[column].kind;
    open.forEach((spec, order) => {
      const synonyms = SYNONYMS.get(spec.role) ?? [];
      if (spec.kind === "number" && kind !== "number" && kind !== "empty") {
        if (exact?.includes(spec.role) && !textNamed.has(spec.role))
          textNamed.set(spec.role, column);
        return;
      }
      if (exact) {
        const at = synonyms.indexOf(name);
        const also = (ALSO[spec.role] ?? []).findIndex((r) => exact.includes(r));
        if (at < 0 && also >= 0) {
          const list = SYNONYMS.get((ALSO[spec.role] as readonly Role[])[also]) ?? [];
          const rank = Math.max(0, list.indexOf(name)) / Math.max(1, list.length);
          candidates.push({
            role: spec.role,
            column,
            score: 3 - (also + 1) / 8 - rank / 16,
            order,
          });
        } else if (at >= 0)
          candidates.push({
            role: spec.role,
            column,
            // A forecast's series named by its header but holding many names (every product of an
            // order list) gives way to one with few (the category): hundreds of one-period series
            // forecast nothing. It is still taken when no other column names a series.
            score:
              3.5 -
              at / synonyms.length / 2 -
              (spec.role === "series" && ctx.profiles[column].distinct > SERIES_GUESS_MAX ? 1 : 0),
            order,
          });
        return;
      }
      if (spec.kind === "date" && kind === "text") return;
      if (EXCLUDES.get(spec.role)?.some((word) => name.includes(word))) return;
      let best = 0;
      for (const syn of synonyms) {
        if (syn.length >= 2 && (name.startsWith(syn) || name.endsWith(syn)))
          best = Math.max(best, 1 + syn.length / name.length);
      }
      if (best > 0) candidates.push({ role: spec.role, column, score: best, order });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.order - b.order || a.column - b.column);
  for (const c of candidates) {
    if (analysis.mapping[c.role] === undefined && !taken.has(c.column))
      assign(c.role, c.column, "header");
  }
  deriveAmount(ctx, open, taken);
  // other columns whose header names a role just as well: the pane shows the choice
  for (const c of candidates) {
    const chosen = analysis.mapping[c.role];
    if (c.score < 3 || taken.has(c.column) || chosen === undefined) continue;
    if (analysis.matchedBy[c.role] !== "header") continue;
    const choice = analysis.choices.find((x) => x.role === c.role);
    if (choice) choice.others.push(c.column);
    else analysis.choices.push({ role: c.role, chosen, others: [c.column] });
  }
  for (const choice of analysis.choices) {
    const ref = (c: number) => t.columnRef(block.letter(c), analysis.headers[c]);
    analysis.notes.push(
      t.otherCandidates(t.roles[choice.role], ref(choice.chosen), choice.others.map(ref).join(", "))
    );
  }

  // by content: date roles first (the fewest candidates), then numbers, then text; required first
  const byNeed = [...open.filter((s) => s.required), ...open.filter((s) => !s.required)];
  for (const kind of ["date", "number", "text"] as const) {
    for (const spec of byNeed) {
      if (spec.kind !== kind || analysis.mapping[spec.role] !== undefined) continue;
      if (analysis.derived?.role === spec.role) continue;
      if (!spec.required && ctx.workflow !== "forecast") continue;
      // a forecast's series guessed from content must look like a few series, not a customer list
      const fewValues = (p: Profile) => spec.role !== "series" || p.distinct <= SERIES_GUESS_MAX;
      const column = ctx.profiles.findIndex(
        (p, c) => p.kind === kind && !taken.has(c) && !ctx.headerRoles[c] && fewValues(p)
      );
      if (column >= 0) assign(spec.role, column, "content");
    }
  }

  for (const spec of specs) {
    if (
      spec.required &&
      analysis.mapping[spec.role] === undefined &&
      analysis.derived?.role !== spec.role
    ) {
      analysis.missing.push(spec.role);
      const text = textNamed.get(spec.role);
      if (refused.has(spec.role)) continue;
      analysis.problems.push(
        text === undefined
          ? t.noColumn(t.roles[spec.role])
          : t.textColumn(
              t.roles[spec.role],
              t.columnRef(block.letter(text), analysis.headers[text]),
              ctx.profiles[text].sample[0] ?? ""
            )
      );
    }
  }
}

/**
 * Amount = quantity × unit price, when the sheet has no money column for the workflow's amount (or
 * forecast value) but has a quantity and a unit price column (an order-line export): never forecast
 * units and call them sales. A quantity alone stays the value, and the note says it is units.
 */
function deriveAmount(ctx: Context, open: readonly RoleSpec[], taken: Map<number, Role>): void {
  const { analysis, t, block } = ctx;
  const spec = open.find((s) => s.role === "amount" || s.role === "value");
  if (!spec) return;
  const named = (role: Role) =>
    ctx.headerRoles.findIndex(
      (roles, c) =>
        roles?.includes(role) &&
        ctx.profiles[c].kind === "number" &&
        (!taken.has(c) || taken.get(c) === spec.role)
    );
  const chosen = analysis.mapping[spec.role];
  const quantity = named("quantity");
  if (chosen !== undefined && chosen !== quantity) return;
  const ref = (c: number) => t.columnRef(block.letter(c), analysis.headers[c]);
  const price = named("unitPrice");
  if (quantity < 0 || price < 0) {
    if (chosen !== undefined) analysis.notes.push(t.unitsNotMoney(t.roles[spec.role], ref(chosen)));
    return;
  }
  if (chosen !== undefined) {
    taken.delete(chosen);
    delete analysis.mapping[spec.role];
    delete analysis.matchedBy[spec.role];
  }
  taken.set(quantity, spec.role);
  taken.set(price, spec.role);
  analysis.derived = { role: spec.role, quantity, unitPrice: price };
  analysis.notes.push(t.derivedAmount(t.roles[spec.role], ref(quantity), ref(price)));
}

// ---------------------------------------------------------------------------------------------
// Rule 4: long rows

/** How the date column `column` is read (cells/read.ts planDates over all its data cells), with a
 *  note saying which order was taken and why. */
function datePlan(ctx: Context, role: Role, column: number): DatePlan {
  const { block, analysis, t, options } = ctx;
  const cells: unknown[] = [];
  for (let i = analysis.dataRow; i < block.n; i++) cells.push(block.raw(i, column));
  const forced = options.dateOrder !== undefined;
  const plan = planDates(cells, options.defaultDateOrder ?? workbookDateOrder());
  if (options.dateOrder !== undefined) plan.order = options.dateOrder;
  analysis.dates.push({ role, column, plan, forced });
  if (plan.basis === "none") return plan;
  analysis.dateOrder ??= plan.order;
  const name = t.columnRef(block.letter(column), analysis.headers[column]);
  const order = t.orderName[plan.order];
  if (forced) analysis.notes.push(t.dateForced(name, order));
  else if (plan.basis === "proven")
    analysis.notes.push(t.dateProven(name, order, plan.example ?? ""));
  else if (plan.basis === "assumed") analysis.notes.push(t.dateAssumed(name, order, plan.yearLast));
  else
    analysis.notes.push(
      t.dateMixed(
        name,
        order,
        plan.example ?? "",
        plan.order === "dmy" ? plan.monthFirst : plan.dayFirst
      )
    );
  return plan;
}

interface Reader {
  role: Role;
  kind: RoleKind;
  column: number;
  /** A derived amount: the unit price column this column (the quantity) is multiplied by. */
  times?: number;
  /** What a blank cell does: skip the row, keep "" (text), keep null (Dataset.sparse), or a gap. */
  blank: "skip" | "empty" | "null" | "gap";
  /** The column's name in messages: its header, or the role when there is none. */
  name: string;
  plan: DatePlan | undefined;
  text: string[];
  numbers: number[];
  sparse: (number | null)[];
  blanks: number;
}

function readLong(ctx: Context): void {
  const { analysis, t, block, issues } = ctx;
  const forecast = ctx.workflow === "forecast";
  const readers: Reader[] = [];
  for (const spec of rolesFor(ctx.workflow)) {
    const derived = analysis.derived?.role === spec.role ? analysis.derived : undefined;
    const column = derived ? derived.quantity : analysis.mapping[spec.role];
    if (column === undefined) continue;
    readers.push({
      times: derived?.unitPrice,
      role: spec.role,
      kind: spec.kind,
      column,
      blank:
        forecast && spec.role === "value"
          ? "gap"
          : spec.keepBlank
            ? "null"
            : spec.required || forecast
              ? "skip"
              : spec.kind === "text"
                ? "empty"
                : "null",
      name: ctx.labels[column] || t.roles[spec.role],
      plan: spec.kind === "date" ? datePlan(ctx, spec.role, column) : undefined,
      text: [],
      numbers: [],
      sparse: [],
      blanks: 0,
    });
  }
  // a copy of the header inside the data (pages of an export pasted together): the same texts
  const top = analysis.headerRow;
  const headerCells = ctx.labels.map((label, c) => {
    const texts = new Set<string>([label]);
    if (top !== null) {
      for (let r = top; r < analysis.dataRow; r++) {
        const v = block.raw(r, c);
        if (typeof v === "string" && v.trim()) texts.add(v.trim());
      }
    }
    return texts;
  });
  const repeatsHeader = (i: number): boolean => {
    let compared = 0;
    for (const r of readers) {
      if (!ctx.labels[r.column]) continue;
      const v = block.raw(i, r.column);
      if (typeof v !== "string" || !headerCells[r.column].has(v.trim())) return false;
      compared++;
    }
    return compared > 0;
  };

  // forecast: series positions, to tell gaps (inside a series) from blanks before or after it
  const seriesAt = readers.findIndex((r) => r.role === "series");
  const dateAt = readers.findIndex((r) => r.role === "date");
  /** One column of values, no dates, no series: a blank row inside it is a missing period. */
  const bareSeries = forecast && seriesAt < 0 && dateAt < 0;
  const series = new Map<string, { count: number; min: number; max: number; rows: number[] }>();
  const pending: { i: number; key: string; date: number | null; position: number }[] = [];

  const sheetRows: number[] = [];
  const textBuf = new Array<string>(readers.length).fill("");
  const numBuf = new Array<number | null>(readers.length).fill(null);
  let lastKept = -1;
  let dataRows = 0;
  let blankRows = 0;

  for (let i = ctx.analysis.dataRow; i < block.n; i++) {
    if (block.blank(i)) {
      if (bareSeries && sheetRows.length > 0)
        pending.push({ i, key: "", date: null, position: sheetRows.length });
      else blankRows++;
      continue;
    }
    dataRows++;
    const total = block.totals(i);
    if (total !== undefined) {
      issues.skip(i, () => t.totalsRow(block.sheetRow(i), total));
      continue;
    }
    if (analysis.headerRow !== null && repeatsHeader(i)) {
      issues.skip(i, () => t.repeatedHeader(block.sheetRow(i)));
      continue;
    }
    let failed = false;
    let valueBlank = false;
    const cells = block.row(i);
    for (let k = 0; k < readers.length && !failed; k++) {
      const r = readers[k];
      const v = cellValue(cells[r.column]);
      if (isBlankCell(v)) {
        if (r.blank === "skip") {
          failed = true;
          issues.skip(i, () =>
            t.blank(block.sheetRow(i), t.roles[r.role], block.cell(i, r.column))
          );
        } else if (r.blank === "gap") valueBlank = true;
        else {
          textBuf[k] = "";
          numBuf[k] = null;
        }
        continue;
      }
      const got =
        r.kind === "text"
          ? readText(v)
          : r.kind === "number"
            ? readNumber(v)
            : readDate(v, r.plan as DatePlan);
      if (typeof got === "object") {
        failed = true;
        issues.skip(i, () =>
          t.cellProblem(block.sheetRow(i), block.cell(i, r.column), r.name, badText(t, got))
        );
      } else if (typeof got === "string") textBuf[k] = got;
      else if (r.times === undefined) numBuf[k] = got;
      else {
        const price = readNumber(cellValue(cells[r.times]));
        const p = r.times;
        if (typeof price === "object" || isBlankCell(cells[p])) {
          failed = true;
          issues.skip(i, () =>
            isBlankCell(cells[p])
              ? t.blank(block.sheetRow(i), ctx.labels[p] || t.roles.unitPrice, block.cell(i, p))
              : t.cellProblem(
                  block.sheetRow(i),
                  block.cell(i, p),
                  ctx.labels[p],
                  badText(t, price as Bad)
                )
          );
        } else numBuf[k] = got * price;
      }
    }
    if (failed) continue;
    const key = seriesAt >= 0 ? textBuf[seriesAt] : "";
    if (valueBlank) {
      const position = bareSeries ? sheetRows.length : (series.get(key)?.count ?? 0);
      pending.push({ i, key, date: dateAt >= 0 ? numBuf[dateAt] : null, position });
      continue;
    }
    const index = sheetRows.length;
    for (let k = 0; k < readers.length; k++) {
      const r = readers[k];
      if (r.kind === "text") r.text.push(textBuf[k]);
      else if (r.blank === "null") {
        r.sparse.push(numBuf[k]);
        if (numBuf[k] === null) r.blanks++;
      } else r.numbers.push(numBuf[k] as number);
    }
    sheetRows.push(block.sheetRow(i));
    lastKept = i;
    if (forecast) {
      let info = series.get(key);
      if (!info) {
        info = { count: 0, min: Infinity, max: -Infinity, rows: [] };
        series.set(key, info);
      }
      info.count++;
      info.rows.push(index);
      if (dateAt >= 0) {
        const d = readers[dateAt].numbers[index];
        if (d < info.min) info.min = d;
        if (d > info.max) info.max = d;
      }
    }
  }

  // forecast: blank values inside a series are gaps; the others are not periods of it
  const gaps: Gap[] = [];
  const late: number[] = [];
  for (const p of pending) {
    const info = series.get(p.key);
    if (info && p.date !== null) {
      if (info.min < p.date && p.date < info.max) gaps.push({ series: p.key, date: p.date });
      else late.push(p.i);
    } else if (info && p.position > 0 && p.position < info.count) {
      gaps.push({ series: p.key, before: info.rows[p.position] });
    } else if (bareSeries && block.blank(p.i)) {
      blankRows++; // a blank row after the series
    } else {
      late.push(p.i);
    }
  }
  const valueColumn = analysis.mapping.value ?? 0;
  issues.merge(late, (i) => t.blank(block.sheetRow(i), t.roles.value, block.cell(i, valueColumn)));

  analysis.blankRows = blankRows;
  analysis.gapCount = gaps.length;
  analysis.kept = sheetRows.length;
  for (const r of readers) {
    if (r.blank === "null" && r.blanks > 0)
      analysis.notes.push(t.sparseBlanks(t.roles[r.role], r.blanks));
  }
  if (analysis.kept === 0) {
    analysis.problems.push(t.nothingKept(dataRows));
    return;
  }
  if (analysis.problems.length > 0) return;

  const dataset: Dataset = {
    workflow: ctx.workflow,
    rows: sheetRows.length,
    text: {},
    numbers: {},
    sheetRows,
    source: block.whole(),
    addresses: {},
  };
  for (const r of readers) {
    if (r.kind === "text") dataset.text[r.role] = r.text;
    else if (r.blank === "null") (dataset.sparse ??= {})[r.role] = r.sparse;
    else dataset.numbers[r.role] = r.numbers;
    // a derived amount has no column of its own for a live formula
    if (r.times === undefined)
      dataset.addresses[r.role] = block.range(analysis.dataRow, r.column, lastKept, r.column);
  }
  if (forecast) dataset.gaps = gaps;
  analysis.dataset = dataset;
}

// ---------------------------------------------------------------------------------------------
// Rule 5: wide rows

function readWide(ctx: Context, w: Wide): void {
  const { analysis, t, block, issues } = ctx;
  analysis.layout = "wide";
  analysis.periods = w.periods;
  const override = ctx.options.mapping?.series;
  let labelColumns = w.labels;
  if (typeof override === "number") {
    if (!Number.isInteger(override) || override < 0 || override >= block.width) {
      analysis.problems.push(t.noSuchColumn(t.roles.series, override, block.width));
      return;
    }
    labelColumns = [override];
    analysis.matchedBy.series = "user";
  } else analysis.matchedBy.series = "header";
  analysis.mapping.series = labelColumns[0];

  const seen = new Map<number, number>();
  for (const p of w.periods) {
    const earlier = seen.get(p.date);
    if (earlier === undefined) seen.set(p.date, p.column);
    else {
      analysis.problems.push(
        t.duplicatePeriod(p.label, `${block.cell(w.row, earlier)}, ${block.cell(w.row, p.column)}`)
      );
    }
  }
  if (w.ignored.length > 0) {
    const names = w.ignored.map((c) => t.columnRef(block.letter(c), analysis.headers[c]));
    analysis.notes.push(t.ignoredColumns(names.join(", ")));
  }

  const seriesOut: string[] = [];
  const dates: number[] = [];
  const valuesOut: number[] = [];
  const sheetRows: number[] = [];
  const gaps: Gap[] = [];
  const blanks: number[] = [];
  let kept = 0;
  let dataRows = 0;
  let lastKept = -1;

  rows: for (let i = w.row + 1; i < block.n; i++) {
    if (block.blank(i)) {
      analysis.blankRows++;
      continue;
    }
    dataRows++;
    const total = block.totals(i);
    if (total !== undefined) {
      issues.skip(i, () => t.totalsRow(block.sheetRow(i), total));
      continue;
    }
    const parts: string[] = [];
    for (const c of labelColumns) {
      const v = block.raw(i, c);
      if (isBlankCell(v)) continue;
      const text = readText(v);
      if (typeof text === "object") {
        issues.skip(i, () =>
          t.cellProblem(block.sheetRow(i), block.cell(i, c), analysis.headers[c], badText(t, text))
        );
        continue rows;
      }
      parts.push(text);
    }
    if (parts.length === 0) {
      issues.skip(i, () =>
        t.blank(block.sheetRow(i), t.roles.series, block.cell(i, labelColumns[0]))
      );
      continue;
    }
    const name = parts.join(" / ");
    const start = valuesOut.length;
    const gapStart = gaps.length;
    blanks.length = 0;
    for (const p of w.periods) {
      const v = block.raw(i, p.column);
      if (isBlankCell(v)) {
        if (valuesOut.length > start) blanks.push(p.date); // after a value: a gap if one follows
        continue;
      }
      const got = readNumber(v);
      if (typeof got === "object") {
        issues.skip(i, () =>
          t.cellProblem(block.sheetRow(i), block.cell(i, p.column), p.label, badText(t, got))
        );
        seriesOut.length = dates.length = valuesOut.length = sheetRows.length = start;
        gaps.length = gapStart;
        continue rows;
      }
      for (const date of blanks) gaps.push({ series: name, date, before: valuesOut.length });
      blanks.length = 0;
      seriesOut.push(name);
      dates.push(p.date);
      valuesOut.push(got);
      sheetRows.push(block.sheetRow(i));
    }
    if (valuesOut.length === start) {
      issues.skip(i, () => t.noValues(block.sheetRow(i)));
      continue;
    }
    kept++;
    lastKept = i;
  }

  analysis.kept = kept;
  analysis.gapCount = gaps.length;
  if (kept === 0) {
    analysis.problems.push(t.nothingKept(dataRows));
    return;
  }
  const firstPeriod = w.periods[0];
  const lastPeriod = w.periods[w.periods.length - 1];
  analysis.notes.push(t.wide(kept, w.periods.length, firstPeriod.label, lastPeriod.label));
  if (analysis.problems.length > 0) return;
  analysis.dataset = {
    workflow: ctx.workflow,
    rows: valuesOut.length,
    text: { series: seriesOut },
    numbers: { date: dates, value: valuesOut },
    sheetRows,
    source: block.whole(),
    addresses: {
      series: block.range(
        w.row + 1,
        Math.min(...labelColumns),
        lastKept,
        Math.max(...labelColumns)
      ),
      date: block.range(w.row, firstPeriod.column, w.row, lastPeriod.column),
      value: block.range(w.row + 1, firstPeriod.column, lastKept, lastPeriod.column),
    },
    gaps,
  };
}

/** A header cell as a name: text with line breaks and runs of spaces collapsed; a period's label. */
function headerText(v: unknown, period?: Period): string {
  if (period && typeof v === "number")
    return period.grain === "year" ? String(v) : isoFromSerial(period.serial);
  if (typeof v === "string") return v.replace(/\s+/g, " ").trim();
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return "";
}

/** A value as the preview shows it: date columns' serials as yyyy-mm-dd, text trimmed. */
function displayValue(v: unknown, kind: ColumnKind): string {
  if (typeof v === "number") {
    if (kind === "date" && v >= 1 && v < MAX_SERIAL + 1) return isoFromSerial(v);
    return String(v);
  }
  if (typeof v === "string") return v.trim();
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  const cell = classify(v);
  return cell.kind === "error" ? cell.code : "";
}
