// Test support for the report builders: the sheet's cells as a map, a tiny evaluator for the native
// formulas the builders emit (SUM/AVERAGE/COUNTIF/SUMIF/IF/MAX over references, + − × ÷ and
// comparisons), and the checks every report must pass.

import { expect } from "@jest/globals";
import { Area, CellContent, ReportSheet, isFormula, isLive } from "../../src/report/model";

export type Value = number | string | boolean | null;

export interface Cells {
  get(row: number, column: number): CellContent | undefined;
  has(row: number, column: number): boolean;
  /** Cells written by two blocks. */
  overlaps: string[];
  all: { row: number; column: number; content: CellContent }[];
}

export function cellsOf(sheet: ReportSheet): Cells {
  const map = new Map<string, CellContent>();
  const overlaps: string[] = [];
  const all: Cells["all"] = [];
  for (const block of sheet.blocks) {
    block.cells.forEach((line, r) =>
      line.forEach((content, c) => {
        const row = block.row + r;
        const column = block.column + c;
        const key = `${row},${column}`;
        if (map.has(key)) overlaps.push(key);
        map.set(key, content);
        all.push({ row, column, content });
      })
    );
  }
  return {
    get: (row, column) => map.get(`${row},${column}`),
    has: (row, column) => map.has(`${row},${column}`),
    overlaps,
    all,
  };
}

/** The value a cell shows: a constant, a formula's cached value, a live formula's anchor value. */
export function valueOf(c: CellContent | undefined): Value {
  if (c === undefined || c === null) return null;
  if (typeof c === "object") return c.value;
  return c;
}

/** 0-based row/column of an A1 reference ("$C$12" → [11, 2]). */
export function parseA1(ref: string): [number, number] {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) throw new Error(`not a cell reference: ${ref}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]) - 1, col - 1];
}

type Operand = Value | { range: Value[] };

/**
 * Evaluates a formula over the sheet. A referenced cell gives its shown value (cached for formula
 * cells, which are checked on their own); `extra` supplies cells a live formula spills into.
 */
export function evaluate(
  formula: string,
  cells: Cells,
  extra: Map<string, number> = new Map()
): Value {
  const src = formula.startsWith("=") ? formula.slice(1) : formula;
  let pos = 0;
  const cellValue = (row: number, col: number): Value => {
    const e = extra.get(`${row},${col}`);
    if (e !== undefined) return e;
    return valueOf(cells.get(row, col));
  };
  const skip = () => {
    while (src[pos] === " ") pos++;
  };
  const num = (v: Operand): number => {
    if (v !== null && typeof v === "object")
      throw new Error(`a range where a number is needed: ${formula}`);
    if (v === null || v === "") return 0;
    if (typeof v === "boolean") return v ? 1 : 0;
    if (typeof v === "number") return v;
    throw new Error(`text "${v}" in arithmetic: ${formula}`);
  };
  const flat = (args: Operand[]): Value[] =>
    args.flatMap((a) => (a !== null && typeof a === "object" ? a.range : [a]));
  const numbersIn = (args: Operand[]) =>
    flat(args).filter((v): v is number => typeof v === "number");

  function primary(): Operand {
    skip();
    const ch = src[pos];
    if (ch === "(") {
      pos++;
      const v = comparison();
      skip();
      if (src[pos] !== ")") throw new Error(`missing ) in ${formula}`);
      pos++;
      return v;
    }
    if (ch === '"') {
      let end = pos + 1;
      let text = "";
      while (end < src.length) {
        if (src[end] === '"') {
          if (src[end + 1] === '"') {
            text += '"';
            end += 2;
            continue;
          }
          break;
        }
        text += src[end++];
      }
      pos = end + 1;
      return text;
    }
    const numMatch = /^\d+(\.\d+)?(E[+-]?\d+)?/i.exec(src.slice(pos));
    if (numMatch) {
      pos += numMatch[0].length;
      return Number(numMatch[0]);
    }
    const fn = /^([A-Z][A-Z0-9.]*)\(/.exec(src.slice(pos));
    if (fn) {
      pos += fn[0].length;
      const args: Operand[] = [];
      skip();
      if (src[pos] === ")") pos++;
      else {
        for (;;) {
          args.push(comparison());
          skip();
          if (src[pos] === ",") {
            pos++;
            continue;
          }
          if (src[pos] === ")") {
            pos++;
            break;
          }
          throw new Error(`bad argument list in ${formula}`);
        }
      }
      return call(fn[1], args);
    }
    const ref = /^(\$?[A-Z]{1,3}\$?\d+)(:(\$?[A-Z]{1,3}\$?\d+))?/.exec(src.slice(pos));
    if (ref) {
      pos += ref[0].length;
      const [r1, c1] = parseA1(ref[1]);
      if (!ref[3]) return cellValue(r1, c1);
      const [r2, c2] = parseA1(ref[3]);
      const range: Value[] = [];
      for (let r = Math.min(r1, r2); r <= Math.max(r1, r2); r++)
        for (let c = Math.min(c1, c2); c <= Math.max(c1, c2); c++) range.push(cellValue(r, c));
      return { range };
    }
    throw new Error(`cannot read "${src.slice(pos)}" in ${formula}`);
  }

  function call(name: string, args: Operand[]): Operand {
    switch (name) {
      case "SUM":
        return numbersIn(args).reduce((s, v) => s + v, 0);
      case "AVERAGE": {
        const v = numbersIn(args);
        if (v.length === 0) throw new Error(`AVERAGE of nothing: ${formula}`);
        return v.reduce((s, x) => s + x, 0) / v.length;
      }
      case "MIN":
        return Math.min(...numbersIn(args));
      case "MAX":
        return Math.max(...numbersIn(args));
      case "COUNTIF": {
        const crit = String(args[1]).toLowerCase();
        return flat([args[0]]).filter((v) => v !== null && String(v).toLowerCase() === crit).length;
      }
      case "SUMIF": {
        const crit = String(args[1]).toLowerCase();
        const keys = flat([args[0]]);
        const vals = flat([args[2]]);
        let s = 0;
        keys.forEach((k, i) => {
          const v = vals[i];
          if (k !== null && String(k).toLowerCase() === crit && typeof v === "number") s += v;
        });
        return s;
      }
      case "IF":
        return num(args[0]) !== 0 ? args[1] : (args[2] ?? false);
      case "AND":
        return args.every((a) => num(a) !== 0);
      case "ROUND": {
        const f = 10 ** num(args[1]);
        return Math.round(num(args[0]) * f) / f;
      }
      default:
        throw new Error(`function ${name} is not supported by the test evaluator: ${formula}`);
    }
  }

  function unary(): Operand {
    skip();
    if (src[pos] === "-") {
      pos++;
      return -num(unary());
    }
    if (src[pos] === "+") {
      pos++;
      return unary();
    }
    return primary();
  }
  function term(): Operand {
    let v = unary();
    for (;;) {
      skip();
      const op = src[pos];
      if (op !== "*" && op !== "/") return v;
      pos++;
      const r = num(unary());
      if (op === "/" && r === 0) throw new Error(`division by zero: ${formula}`);
      v = op === "*" ? num(v) * r : num(v) / r;
    }
  }
  function additive(): Operand {
    let v = term();
    for (;;) {
      skip();
      const op = src[pos];
      if (op !== "+" && op !== "-") return v;
      pos++;
      const r = num(term());
      v = op === "+" ? num(v) + r : num(v) - r;
    }
  }
  function comparison(): Operand {
    const left = additive();
    skip();
    const m = /^(<=|>=|<>|=|<|>)/.exec(src.slice(pos));
    if (!m) return left;
    pos += m[0].length;
    const right = additive();
    const a = typeof left === "string" || typeof right === "string" ? String(left) : num(left);
    const b = typeof left === "string" || typeof right === "string" ? String(right) : num(right);
    switch (m[0]) {
      case "=":
        return a === b;
      case "<>":
        return a !== b;
      case "<":
        return a < b;
      case ">":
        return a > b;
      case "<=":
        return a <= b;
      default:
        return a >= b;
    }
  }

  const v = comparison();
  skip();
  if (pos !== src.length) throw new Error(`unread text "${src.slice(pos)}" in ${formula}`);
  if (v !== null && typeof v === "object") throw new Error(`formula gives a range: ${formula}`);
  return v;
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Every formula's cached value equals what it computes over the sheet's own cells. */
export function expectFormulasConsistent(
  sheet: ReportSheet,
  extra: Map<string, number> = new Map()
): number {
  const cells = cellsOf(sheet);
  let count = 0;
  for (const { row, column, content } of cells.all) {
    if (!isFormula(content)) continue;
    const got = evaluate(content.formula, cells, extra);
    const want = content.value;
    const where = `${sheet.name}!R${row + 1}C${column + 1} ${content.formula}`;
    if (typeof want === "number") {
      if (typeof got !== "number" || !close(got, want))
        throw new Error(`${where}: computes ${String(got)}, cached ${want}`);
    } else if (String(got) !== want) {
      throw new Error(`${where}: computes ${String(got)}, cached "${want}"`);
    }
    count++;
  }
  return count;
}

function inside(area: Area, cells: Cells): boolean {
  for (let r = area.row; r < area.row + area.rows; r++)
    for (let c = area.column; c < area.column + area.columns; c++)
      if (!cells.has(r, c)) return false;
  return true;
}

/** The structural checks every report sheet must pass. */
export function expectWellFormed(sheet: ReportSheet, options: { live?: boolean } = {}): void {
  const cells = cellsOf(sheet);
  expect(cells.overlaps).toEqual([]);
  // Never NaN or Infinity, anywhere.
  for (const { row, column, content } of cells.all) {
    const v = valueOf(content);
    if (typeof v === "number" && !Number.isFinite(v))
      throw new Error(`R${row + 1}C${column + 1} holds ${v}`);
    if (isFormula(content)) {
      expect(content.formula.startsWith("=")).toBe(true);
      expect(content.formula).not.toMatch(/KAM\./);
    }
    if (isLive(content)) expect(options.live).toBe(true);
  }
  expect(sheet.live === true).toBe(options.live === true);
  // Tables: their header row is the first row of their area, and inside written cells.
  for (const t of sheet.tables) {
    expect(inside(t.area, cells)).toBe(true);
    const head = t.headers.map((_, i) => valueOf(cells.get(t.area.row, t.area.column + i)));
    expect(head).toEqual(t.headers);
    expect(t.headers.length).toBe(t.area.columns);
    expect(new Set(t.headers).size).toBe(t.headers.length);
  }
  expect(new Set(sheet.tables.map((t) => t.name)).size).toBe(sheet.tables.length);
  for (const ch of sheet.charts) {
    expect(ch.series.length).toBeGreaterThan(0);
    for (const s of ch.series) {
      expect(inside(s.categories, cells)).toBe(true);
      expect(inside(s.values, cells)).toBe(true);
      if (s.sizes) expect(inside(s.sizes, cells)).toBe(true);
    }
  }
  for (const cf of sheet.conditionalFormats) expect(inside(cf.area, cells)).toBe(true);
  for (const f of sheet.formats) {
    expect(f.area.rows).toBeGreaterThan(0);
    expect(f.area.columns).toBeGreaterThan(0);
  }
  expect(sheet.name.length).toBeLessThanOrEqual(31);
  expect(sheet.name).not.toMatch(/[:\\/?*[\]]/);
}

/** The texts of column A (titles, notes, labels), for looking up sections and notes. */
export function texts(sheet: ReportSheet): string[] {
  return cellsOf(sheet)
    .all.map((c) => valueOf(c.content))
    .filter((v): v is string => typeof v === "string");
}

/** Row of the first cell whose text is `text` (or matches it), in column `column`. */
export function findRow(sheet: ReportSheet, text: string | RegExp, column = 0): number {
  const hit = cellsOf(sheet).all.find(
    (c) =>
      c.column === column &&
      typeof valueOf(c.content) === "string" &&
      (typeof text === "string"
        ? valueOf(c.content) === text
        : text.test(String(valueOf(c.content))))
  );
  if (!hit) throw new Error(`no cell ${String(text)} in column ${column}`);
  return hit.row;
}
