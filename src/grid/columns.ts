// Range arguments -> typed columns. Several ranges read together form a table: same length, one
// optional header row, blank rows skipped, and the first bad cell reported by name and position.
// Cells are read by the one cell reader (src/cells), as the workflows read a sheet.

import { workbookDateOrder } from "../cells/locale";
import {
  Bad,
  DatePlan,
  isBlankCell,
  planDatesBy,
  readDate,
  readNumber,
  readText,
} from "../cells/read";
import { classify } from "../cells/values";
import { MAX_SERIAL } from "../engine/calendar";
import { argError, cellError, Place } from "./errors";

export type Kind = "number" | "date" | "label";
export type KindValue<K extends Kind> = K extends "label" ? string | number : number;

export interface ColumnSpec<K extends Kind = Kind> {
  /** Argument name, for messages. */
  arg: string;
  kind: K;
  /** The argument as Excel passed it: a matrix, or a scalar for a single cell. */
  value: unknown;
  /** A1 address of the argument, when known. */
  address?: string;
  /** Blank cells are allowed (read as null) instead of being an error. */
  optional?: boolean;
}

export type Columns<S extends readonly ColumnSpec[]> = {
  [I in keyof S]: S[I] extends ColumnSpec<infer K>
    ? S[I]["optional"] extends true
      ? (KindValue<K> | null)[]
      : KindValue<K>[]
    : never;
};

export interface Table<S extends readonly ColumnSpec[]> {
  columns: Columns<S>;
  /** For each data row, its 0-based position in the ranges as passed. */
  positions: number[];
  /** Whether the first row was taken as a header row. */
  header: boolean;
  /** Number of cells in each range (including header and blank rows). */
  length: number;
  /** Per range: a column (or a single cell), not a row. */
  vertical: boolean[];
}

/** A range argument as a flat list of raw values and its orientation. */
export interface Vector {
  values: unknown[];
  vertical: boolean;
}

/** Flattens a one-column or one-row range (or a single value) into a vector. */
export function toVector(place: Place, value: unknown): Vector {
  if (!Array.isArray(value)) return { values: [value], vertical: true };
  const rows = value as unknown[][];
  if (rows.length === 0 || !Array.isArray(rows[0]))
    return { values: rows as unknown[], vertical: true };
  const width = rows[0].length;
  if (rows.length === 1) return { values: rows[0], vertical: width === 1 };
  if (width === 1) {
    const values = new Array<unknown>(rows.length);
    for (let i = 0; i < rows.length; i++) values[i] = rows[i][0];
    return { values, vertical: true };
  }
  return argError(
    place,
    `must be a single column or row; got ${rows.length} rows × ${width} columns`
  );
}

/** A column argument read in place: a tall one-column range as Excel passes it (rows of one cell,
 *  not copied: a million-row argument is touched once), or a flat vector (a row, a single value, and
 *  date columns, which are planned from their cells first). */
interface View {
  vertical: boolean;
  length: number;
  rows: readonly unknown[][] | null;
  flat: readonly unknown[] | null;
}

function viewOf(place: Place, value: unknown, flat: boolean): View {
  if (!flat && Array.isArray(value) && value.length > 1 && Array.isArray(value[0])) {
    const rows = value as unknown[][];
    if (rows[0].length === 1) {
      for (let i = 0; i < rows.length; i++)
        if (!Array.isArray(rows[i]) || rows[i].length !== 1) return viewOf(place, value, true);
      return { vertical: true, length: rows.length, rows, flat: null };
    }
  }
  const v = toVector(place, value);
  return { vertical: v.vertical, length: v.values.length, rows: null, flat: v.values };
}

function cellOf(view: View, r: number): unknown {
  return view.rows !== null ? view.rows[r][0] : (view.flat as unknown[])[r];
}

/** A cell that Excel desktop may pass for an empty cell: blank, or the number 0 (office-js #4702, #5262). */
function isBlankish(raw: unknown): boolean {
  return raw === 0 || isBlankCell(raw);
}

/** Why a cell could not be read, in the grid's (English) words. */
function problemOf(bad: Bad, plan: DatePlan | undefined): string {
  if (bad.why === "error") return `the cell holds the error ${bad.shown}`;
  if (bad.why === "number") return `${bad.shown} is not a number`;
  const order = plan && plan.basis !== "none" && plan.basis !== "assumed" ? plan : undefined;
  return order
    ? `${bad.shown} is not a date in the column's ${order.order === "dmy" ? "day/month/year" : "month/day/year"} order (as ${JSON.stringify(order.example)} shows)`
    : `${bad.shown} is not a date (use a date cell, or text such as 2024-01-15, 2024/1/15 or 2024年1月15日)`;
}

function parse(kind: Kind, raw: unknown, plan: DatePlan | undefined): string | number | Bad {
  if (kind === "label") {
    if (typeof raw === "number" && Number.isFinite(raw)) return raw;
    return readText(raw);
  }
  return kind === "number" ? readNumber(raw) : readDate(raw, plan as DatePlan);
}

/** ECMAScript white space and line terminators (what String.prototype.trim removes). */
function isSpaceCode(c: number): boolean {
  return (
    c <= 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Text the cell reader keeps as it is: not blank, no space to trim, not an error such as #N/A. */
function isTrimmedText(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  const first = s.charCodeAt(0);
  return first !== 35 /* # */ && !isSpaceCode(first) && !isSpaceCode(s.charCodeAt(n - 1));
}

function isBad(v: unknown): v is Bad {
  return typeof v === "object";
}

/**
 * Reads several range arguments as one table, cell by cell as the workflows read a sheet
 * (src/cells/read.ts).
 * - Every range must have the same number of cells.
 * - The first row is a header when every number/date column holds text there that does not parse.
 * - Dates are read per column: a text date such as 13/01/2019 proves day first for the whole
 *   column; when nothing proves the order, the workbook's (cells/locale.ts) is taken.
 * - Blank rows: a row whose cells are all empty is skipped. Excel desktop passes the empty cells of
 *   a referenced range as 0 (Excel on the web as null), so a row of zeros and empty cells is also
 *   skipped when it cannot be data — a date column holds 0, which is no date — or when it is part of
 *   the trailing run of such rows (an oversized range). Any other row of zeros is data: it is never
 *   dropped, and output rows never shift against input rows.
 * - Otherwise every cell must parse; a blank one is an error unless its column is optional.
 */
export function readTable<S extends readonly ColumnSpec[]>(fn: string, specs: S): Table<S> {
  const vectors = specs.map((s) => viewOf({ fn, arg: s.arg, address: s.address }, s.value, false));
  const length = vectors[0].length;
  vectors.forEach((v, i) => {
    if (v.length !== length) {
      argError(
        { fn, arg: specs[i].arg, address: specs[i].address },
        `has ${v.length} cells but ${specs[0].arg} has ${length}; the ranges must be the same size`
      );
    }
  });

  const fallback = workbookDateOrder();
  const plans = specs.map((s, i) =>
    s.kind === "date" ? planDatesBy(length, (r) => cellOf(vectors[i], r), fallback) : undefined
  );
  const typed = specs.map((s, i) => ({ s, i })).filter(({ s }) => s.kind !== "label");
  const header =
    length > 1 &&
    typed.length > 0 &&
    typed.every(({ s, i }) => {
      const first = cellOf(vectors[i], 0);
      return classify(first).kind === "text" && isBad(parse(s.kind, first, plans[i]));
    });
  const hasDate = specs.some((s) => s.kind === "date");

  // rows of zeros and blanks: where the trailing run (padding of an oversized range) begins
  let padding = length;
  while (padding > (header ? 1 : 0) && vectors.every((v) => isBlankish(cellOf(v, padding - 1))))
    padding--;

  // Two passes. First, column by column, the common cells (see isPlain) go straight into place, in
  // one tight loop per column; any other cell, and a 0 (which may be part of a row of zeros), marks
  // its row. Second, the marked rows in order, cell by cell as the cell reader reads them: blank
  // rows and rows of zeros are skipped, and the first bad cell, in row order, is the error. Columns
  // are preallocated and filled by index (1,000,000 rows must not grow arrays push by push: every
  // growth is a copy for the garbage collector), and compacted only when rows were skipped.
  const width = specs.length;
  const first = header ? 1 : 0;
  const size = length - first;
  const columns = specs.map(() => new Array<string | number | null>(size));
  const marked = new Uint8Array(size);
  let anyMarked = false;
  for (let c = 0; c < width; c++) {
    if (plainColumn(vectors[c], specs[c].kind, plans[c], first, columns[c], marked))
      anyMarked = true;
  }

  let skipped = 0;
  for (let j = 0; anyMarked && j < size; j++) {
    if (marked[j] === 0) continue;
    const r = j + first;
    let empty = true;
    let zeros = true;
    for (let c = 0; c < width; c++) {
      const raw = cellOf(vectors[c], r);
      if (typeof raw !== "number" && isBlankCell(raw)) continue;
      empty = false;
      if (raw !== 0) {
        zeros = false;
        break;
      }
    }
    if (empty || (zeros && (hasDate || r >= padding))) {
      marked[j] = SKIPPED;
      skipped++;
      continue;
    }
    for (let c = 0; c < width; c++) {
      const raw = cellOf(vectors[c], r);
      const spec = specs[c];
      if (isPlain(spec.kind, raw, plans[c])) continue; // already in place
      let problem: string | undefined;
      if (isBlankCell(raw)) {
        if (spec.optional) {
          columns[c][j] = null;
          continue;
        }
        problem = "the cell is blank";
      } else {
        const p = parse(spec.kind, raw, plans[c]);
        if (isBad(p)) problem = problemOf(p, plans[c]);
        else columns[c][j] = p;
      }
      if (problem !== undefined) {
        const vertical = vectors[c].vertical;
        cellError(
          { fn, arg: spec.arg, address: spec.address },
          vertical ? r : 0,
          vertical ? 0 : r,
          vertical,
          problem
        );
      }
    }
  }

  const kept = size - skipped;
  // Data row j is input row j + first unless rows were skipped; the identity is only built when a
  // caller asks for it (most read the columns alone).
  let positions: number[] | undefined;
  if (skipped > 0) {
    positions = new Array<number>(kept);
    let k = 0;
    for (let j = 0; j < size; j++) {
      if (marked[j] === SKIPPED) continue;
      for (let c = 0; c < width; c++) columns[c][k] = columns[c][j];
      positions[k++] = j + first;
    }
    for (const column of columns) column.length = kept;
  }
  return {
    columns: columns as Columns<S>,
    get positions(): number[] {
      if (positions === undefined) {
        positions = new Array<number>(size);
        for (let j = 0; j < size; j++) positions[j] = j + first;
      }
      return positions;
    },
    header,
    length,
    vertical: vectors.map((v) => v.vertical),
  };
}

/** A row skipped by readTable (blank, or a row of zeros that cannot be data). */
const SKIPPED = 2;

const LAST_SERIAL = MAX_SERIAL + 1;

/**
 * A common cell, read as it is (the cell reader gives the same value): a finite number in a number
 * column, a date serial in a date column (not a column of years), text without spaces to trim or a
 * finite number other than 0 in a label column.
 */
function isPlain(kind: Kind, raw: unknown, plan: DatePlan | undefined): boolean {
  if (typeof raw === "number") {
    if (kind === "number") return Number.isFinite(raw);
    if (kind === "date") return !(plan as DatePlan).years && raw >= 1 && raw < LAST_SERIAL;
    return raw !== 0 && Number.isFinite(raw);
  }
  return kind === "label" && typeof raw === "string" && isTrimmedText(raw);
}

/**
 * readTable's first pass over one column, from row `first`: each plain cell (isPlain) into `out`
 * at its data row, every other cell and every 0 marked in `marked`. One loop per kind and layout, so
 * that a million cells run through a loop that stays monomorphic. Whether any cell was marked.
 */
function plainColumn(
  view: View,
  kind: Kind,
  plan: DatePlan | undefined,
  first: number,
  out: (string | number | null)[],
  marked: Uint8Array
): boolean {
  const n = view.length;
  const rows = view.rows;
  const flat = view.flat as readonly unknown[];
  let any = false;
  if (kind === "number") {
    for (let r = first; r < n; r++) {
      const raw = rows !== null ? rows[r][0] : flat[r];
      if (typeof raw === "number" && raw !== 0 && raw - raw === 0) out[r - first] = raw;
      else {
        if (raw === 0) out[r - first] = raw; // 0 or -0, kept as written
        marked[r - first] = 1;
        any = true;
      }
    }
  } else if (kind === "date" && !(plan as DatePlan).years) {
    for (let r = first; r < n; r++) {
      const raw = rows !== null ? rows[r][0] : flat[r];
      if (typeof raw === "number" && raw >= 1 && raw < LAST_SERIAL) out[r - first] = raw;
      else {
        marked[r - first] = 1;
        any = true;
      }
    }
  } else if (kind === "label") {
    for (let r = first; r < n; r++) {
      const raw = rows !== null ? rows[r][0] : flat[r];
      if (
        typeof raw === "string"
          ? isTrimmedText(raw)
          : typeof raw === "number" && raw !== 0 && raw - raw === 0
      )
        out[r - first] = raw as string | number;
      else {
        marked[r - first] = 1;
        any = true;
      }
    }
  } else {
    // a column of years: every cell through the cell reader
    if (n > first) marked.fill(1);
    any = n > first;
  }
  return any;
}

/** Splits a range of exactly `count` columns into one column value per column. */
export function splitColumns(place: Place, value: unknown, count: number): unknown[][][] {
  const rows = (Array.isArray(value) ? value : [[value]]) as unknown[][];
  const width = Array.isArray(rows[0]) ? rows[0].length : 1;
  if (width !== count) {
    argError(place, `must have ${count} columns; got ${width}`);
  }
  return Array.from({ length: count }, (_, c) =>
    rows.map((row) => [Array.isArray(row) ? row[c] : row])
  );
}
