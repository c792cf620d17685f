// Range arguments -> typed columns. Several ranges read together form a table: same length, one
// optional header row, blank rows skipped, and the first bad cell reported by name and position.

import { argError, cellError, Place } from "./errors";
import { parseTextDate } from "./dates";
import { asDate, asNumber, asText, Cell, classify, describe } from "./values";

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

/** A cell that Excel desktop may pass for an empty cell: blank, or the number 0. */
function isBlankish(raw: unknown): boolean {
  return (
    raw === null || raw === undefined || raw === 0 || (typeof raw === "string" && raw.trim() === "")
  );
}

/** Why a cell could not be read; parse() returns the value itself on success. */
class Failure {
  constructor(readonly reason: string) {}
}

function parse(kind: Kind, raw: unknown): string | number | Failure {
  if (kind === "label" && typeof raw === "string" && !raw.startsWith("#")) return raw.trim();
  if (kind !== "label" && typeof raw === "number" && Number.isFinite(raw)) {
    if (kind === "number" || (raw >= 1 && raw <= 2_958_466)) return raw;
  }
  if (kind === "date" && typeof raw === "string") {
    const serial = parseTextDate(raw);
    if (serial !== undefined) return serial;
  }
  const cell: Cell = classify(raw);
  if (kind === "label") {
    if (cell.kind === "error") return new Failure(describe(cell));
    return cell.kind === "number" ? cell.value : (asText(cell) ?? "");
  }
  const result = kind === "number" ? asNumber(cell) : asDate(cell);
  return typeof result === "number" ? result : new Failure(result);
}

/**
 * Reads several range arguments as one table.
 * - Every range must have the same number of cells.
 * - The first row is a header when every number/date column holds text there that does not parse.
 * - A row whose cells are all blank (or 0, which Excel desktop may pass for an empty cell) is skipped.
 * - Otherwise every cell must parse; a blank one is an error unless its column is optional.
 */
export function readTable<S extends readonly ColumnSpec[]>(fn: string, specs: S): Table<S> {
  const vectors = specs.map((s) => toVector({ fn, arg: s.arg, address: s.address }, s.value));
  const length = vectors[0].values.length;
  vectors.forEach((v, i) => {
    if (v.values.length !== length) {
      argError(
        { fn, arg: specs[i].arg },
        `has ${v.values.length} cells but ${specs[0].arg} has ${length}; the ranges must be the same size`
      );
    }
  });

  const typed = specs.map((s, i) => ({ s, v: vectors[i] })).filter(({ s }) => s.kind !== "label");
  const header =
    length > 1 &&
    typed.length > 0 &&
    typed.every(({ s, v }) => {
      const c = classify(v.values[0]);
      return c.kind === "text" && parse(s.kind, v.values[0]) instanceof Failure;
    });

  const columns = specs.map(() => [] as (string | number | null)[]);
  const positions: number[] = [];
  for (let r = header ? 1 : 0; r < length; r++) {
    let blank = true;
    for (const v of vectors) {
      if (!isBlankish(v.values[r])) {
        blank = false;
        break;
      }
    }
    if (blank) continue;
    for (let c = 0; c < specs.length; c++) {
      const spec = specs[c];
      const raw = vectors[c].values[r];
      let problem: string | undefined;
      if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) {
        if (spec.optional) {
          columns[c].push(null);
          continue;
        }
        problem = "the cell is blank";
      } else {
        const p = parse(spec.kind, raw);
        if (p instanceof Failure) problem = p.reason;
        else columns[c].push(p);
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
    positions.push(r);
  }
  return { columns: columns as Columns<S>, positions, header, length };
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
