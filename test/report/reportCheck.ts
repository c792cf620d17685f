// Test support for all report builders: the sheet's cells as a grid, a tiny evaluator of the native
// formulas they emit (functions, + − × ÷, comparisons; also over simulated spills of live formulas,
// A14#), the structural checks every report sheet must pass, and lookups of tables and labels.

import { expect } from "@jest/globals";
import {
  Area,
  CellContent,
  ReportSheet,
  TableSpec,
  areaA1,
  isFormula,
  isLive,
} from "../../src/report/model";

export type Value = number | string | boolean | null;

/** The value a cell shows: a constant, a formula's cached value, a live formula's anchor value. */
export function valueOf(c: CellContent | undefined): Value {
  if (c === undefined || c === null) return null;
  if (typeof c === "object") return c.value;
  return c;
}

export class Grid {
  readonly cells = new Map<string, CellContent>();
  readonly overlaps: string[] = [];
  /** Spilled values of live formulas, by anchor "row,column" (header row included). */
  readonly spills = new Map<string, Value[][]>();

  constructor(
    readonly sheet: ReportSheet,
    spills: { row: number; column: number; values: Value[][] }[] = []
  ) {
    for (const b of sheet.blocks) {
      b.cells.forEach((line, r) =>
        line.forEach((content, c) => {
          const key = `${b.row + r},${b.column + c}`;
          if (this.cells.has(key)) this.overlaps.push(key);
          this.cells.set(key, content);
        })
      );
    }
    for (const s of spills) this.spills.set(`${s.row},${s.column}`, s.values);
  }

  get(row: number, column: number): CellContent | undefined {
    return this.cells.get(`${row},${column}`);
  }

  /** Every written cell with its position. */
  all(): { row: number; column: number; content: CellContent }[] {
    return Array.from(this.cells, ([key, content]) => {
      const [row, column] = key.split(",").map(Number);
      return { row, column, content };
    });
  }

  /** The shown value, spilled cells included (a spill shows through blank written cells). */
  value(row: number, column: number): Value {
    const own = this.cells.get(`${row},${column}`);
    if (own !== undefined && own !== null) return valueOf(own);
    for (const [key, values] of this.spills) {
      const [r0, c0] = key.split(",").map(Number);
      const line = values[row - r0];
      if (line && column >= c0 && column - c0 < line.length) return line[column - c0] ?? null;
    }
    return null;
  }

  /** Written (or spilled into). */
  has(row: number, column: number): boolean {
    if (this.cells.has(`${row},${column}`)) return true;
    for (const [key, values] of this.spills) {
      const [r0, c0] = key.split(",").map(Number);
      const line = values[row - r0];
      if (line && column >= c0 && column - c0 < line.length) return true;
    }
    return false;
  }

  inside(area: Area): boolean {
    for (let r = area.row; r < area.row + area.rows; r++)
      for (let c = area.column; c < area.column + area.columns; c++)
        if (!this.has(r, c)) return false;
    return true;
  }

  /** Values of an area, row by row. */
  values(area: Area): Value[][] {
    return Array.from({ length: area.rows }, (_, r) =>
      Array.from({ length: area.columns }, (_, c) => this.value(area.row + r, area.column + c))
    );
  }

  column(area: Area): Value[] {
    return this.values(area).map((r) => r[0]);
  }
}

/** A sheet or its grid: helpers that take either build the grid (without spills) when needed. */
export type SheetOrGrid = ReportSheet | Grid;
export const gridOf = (s: SheetOrGrid): Grid => (s instanceof Grid ? s : new Grid(s));

/** 0-based row/column of an A1 reference ("$C$12" → [11, 2]). */
export function parseA1(ref: string): [number, number] {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) throw new Error(`not a cell reference: ${ref}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]) - 1, col - 1];
}

interface Range {
  cells: Value[][];
}
type Operand = Value | Range;
const isRange = (v: Operand): v is Range => v !== null && typeof v === "object";

/** Evaluates a native formula over the grid; unknown functions throw. */
export function evaluate(formula: string, grid: Grid): Value {
  const src = formula.startsWith("=") ? formula.slice(1) : formula;
  let pos = 0;
  const fail = (why: string): never => {
    throw new Error(`${why}: ${formula}`);
  };
  const num = (v: Operand): number => {
    if (isRange(v)) return fail("a range where a number is needed");
    if (v === null || v === "") return 0;
    if (typeof v === "boolean") return v ? 1 : 0;
    if (typeof v === "number") return v;
    return fail(`text "${v}" in arithmetic`);
  };
  const flat = (args: Operand[]): Value[] =>
    args.flatMap((a) => (isRange(a) ? a.cells.flat() : [a]));
  const numbers = (args: Operand[]) => flat(args).filter((v): v is number => typeof v === "number");
  const range = (a: Operand): Range => (isRange(a) ? a : { cells: [[a]] });
  const matches = (v: Value, crit: Value) =>
    v !== null &&
    (typeof crit === "number"
      ? v === crit
      : String(v).toLowerCase() === String(crit).toLowerCase());
  const skip = () => {
    while (src[pos] === " ") pos++;
  };

  function call(name: string, args: Operand[]): Operand {
    switch (name) {
      case "SUM":
        return numbers(args).reduce((s, v) => s + v, 0);
      case "AVERAGE": {
        const v = numbers(args);
        if (v.length === 0) fail("AVERAGE of nothing");
        return v.reduce((s, x) => s + x, 0) / v.length;
      }
      case "MIN":
        return Math.min(...numbers(args));
      case "MAX":
        return Math.max(...numbers(args));
      case "COUNT":
        return numbers(args).length;
      case "COUNTA":
        return flat(args).filter((v) => v !== null && v !== "").length;
      case "ABS":
        return Math.abs(num(args[0]));
      case "ROUNDUP": {
        const f = 10 ** num(args[1]);
        const x = num(args[0]) * f;
        // Excel rounds to 15 significant digits first.
        const r = Number(x.toPrecision(15));
        return (Math.sign(r) * Math.ceil(Math.abs(r))) / f;
      }
      case "ROWS":
        return range(args[0]).cells.length;
      case "INDEX": {
        const cells = range(args[0]).cells;
        const r = num(args[1]);
        const c = num(args[2] ?? null);
        if (r === 0) return { cells: cells.map((line) => [line[c - 1] ?? null]) };
        if (c === 0) return { cells: [cells[r - 1]] };
        return cells[r - 1][c - 1];
      }
      case "TAKE":
        return { cells: range(args[0]).cells.slice(0, num(args[1])) };
      case "COUNTIF": {
        const crit = isRange(args[1]) ? fail("range criteria") : args[1];
        return flat([args[0]]).filter((v) => matches(v, crit)).length;
      }
      case "SUMIF": {
        const crit = isRange(args[1]) ? fail("range criteria") : args[1];
        const keys = flat([args[0]]);
        const vals = flat([args[2]]);
        let s = 0;
        keys.forEach((k, i) => {
          const v = vals[i];
          if (matches(k, crit) && typeof v === "number") s += v;
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
        return fail(`function ${name} is not supported by the test evaluator`);
    }
  }

  function primary(): Operand {
    skip();
    const rest = src.slice(pos);
    if (src[pos] === "(") {
      pos++;
      const v = comparison();
      skip();
      if (src[pos] !== ")") fail("missing )");
      pos++;
      return v;
    }
    if (src[pos] === '"') {
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
    const number = /^\d+(\.\d+)?(E[+-]?\d+)?/i.exec(rest);
    if (number) {
      pos += number[0].length;
      return Number(number[0]);
    }
    const fn = /^([A-Z][A-Z0-9.]*)\(/.exec(rest);
    if (fn) {
      pos += fn[0].length;
      const args: Operand[] = [];
      skip();
      if (src[pos] === ")") pos++;
      else
        for (;;) {
          skip();
          args.push(src[pos] === "," || src[pos] === ")" ? null : comparison());
          skip();
          if (src[pos] === ",") {
            pos++;
            continue;
          }
          if (src[pos] === ")") {
            pos++;
            break;
          }
          fail("bad argument list");
        }
      return call(fn[1], args);
    }
    const ref = /^(\$?[A-Z]{1,3}\$?\d+)(#|:(\$?[A-Z]{1,3}\$?\d+))?/.exec(rest);
    if (ref) {
      pos += ref[0].length;
      const [r1, c1] = parseA1(ref[1]);
      if (ref[2] === "#") {
        const spill = grid.spills.get(`${r1},${c1}`);
        if (!spill) fail(`no spill at ${ref[1]}`);
        return { cells: spill ?? [] };
      }
      if (!ref[3]) return grid.value(r1, c1);
      const [r2, c2] = parseA1(ref[3]);
      const cells: Value[][] = [];
      for (let r = Math.min(r1, r2); r <= Math.max(r1, r2); r++) {
        const line: Value[] = [];
        for (let c = Math.min(c1, c2); c <= Math.max(c1, c2); c++) line.push(grid.value(r, c));
        cells.push(line);
      }
      return { cells };
    }
    return fail(`cannot read "${rest}"`);
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
      if (op === "/" && r === 0) fail("division by zero");
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
    const text = typeof left === "string" || typeof right === "string";
    const a = text ? String(left) : num(left);
    const b = text ? String(right) : num(right);
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
  if (pos !== src.length) fail(`unread text "${src.slice(pos)}"`);
  return isRange(v) ? fail("formula gives a range") : v;
}

export const close = (a: number, b: number, rel = 1e-9) =>
  Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b)) + 1e-12;

/** Every native formula's cached value equals what it computes over the sheet; returns the count. */
export function expectFormulasConsistent(of: SheetOrGrid): number {
  const grid = gridOf(of);
  let count = 0;
  for (const [key, content] of grid.cells) {
    if (!isFormula(content)) continue;
    const got = evaluate(content.formula, grid);
    const want = content.value;
    const where = `${grid.sheet.name} R${Number(key.split(",")[0]) + 1}C${Number(key.split(",")[1]) + 1} ${content.formula}`;
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

const overlap = (a: Area, b: Area) =>
  a.row < b.row + b.rows &&
  b.row < a.row + a.rows &&
  a.column < b.column + b.columns &&
  b.column < a.column + a.columns;

/** The structural checks every report sheet must pass (spilled cells count as written). */
export function expectWellFormed(of: SheetOrGrid, live = false): void {
  const grid = gridOf(of);
  const sheet = grid.sheet;
  expect(grid.overlaps).toEqual([]);
  // Plain checks in the loops over every cell: jest's expect is too slow for 40,000 cells.
  const problem = (where: string, what: string) => {
    throw new Error(`${sheet.name} ${where}: ${what}`);
  };
  for (const [key, content] of grid.cells) {
    const v = valueOf(content);
    if (typeof v === "number" && !Number.isFinite(v)) problem(key, `holds ${v}`);
    if (typeof v === "string" && /\bNaN\b|Infinity|undefined/.test(v)) problem(key, `text "${v}"`);
    if (isFormula(content)) {
      if (!content.formula.startsWith("=")) problem(key, `formula ${content.formula}`);
      if (/KAM\./.test(content.formula)) problem(key, `KAM.* in a native formula`);
    }
    if (isLive(content)) {
      if (!live) problem(key, "a live formula in a portable sheet");
      if (!/^=KAM\.[A-Z_]+\(/.test(content.live)) problem(key, `live formula ${content.live}`);
    }
  }
  expect(sheet.live === true).toBe(live);
  for (const t of sheet.tables) {
    expect(grid.inside(t.area)).toBe(true);
    expect(t.headers.length).toBe(t.area.columns);
    expect(grid.values({ ...t.area, rows: 1 })[0]).toEqual(t.headers);
    expect(new Set(t.headers).size).toBe(t.headers.length);
    expect(t.name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
    // A table holds no spilling formula.
    for (const key of grid.spills.keys()) {
      const [r, c] = key.split(",").map(Number);
      if (
        r >= t.area.row &&
        r < t.area.row + t.area.rows &&
        c >= t.area.column &&
        c < t.area.column + t.area.columns
      )
        problem(key, `a spilling formula inside table ${t.name}`);
    }
  }
  expect(new Set(sheet.tables.map((t) => t.name)).size).toBe(sheet.tables.length);
  sheet.charts.forEach((ch, i) => {
    expect(ch.series.length).toBeGreaterThan(0);
    for (const s of ch.series) {
      if (
        !grid.inside(s.categories) ||
        !grid.inside(s.values) ||
        (s.sizes !== undefined && !grid.inside(s.sizes))
      )
        throw new Error(`chart "${ch.title}": series ${s.name} outside the written cells`);
      expect(s.categories.rows).toBe(s.values.rows);
    }
    if (areaHasCells(grid, ch.anchor))
      throw new Error(`chart "${ch.title}" at ${areaA1(ch.anchor)} covers written cells`);
    sheet.charts
      .slice(i + 1)
      .forEach((other) => expect(overlap(ch.anchor, other.anchor)).toBe(false));
  });
  for (const cf of sheet.conditionalFormats)
    if (!grid.inside(cf.area)) throw new Error(`conditional format ${areaA1(cf.area)} outside`);
  for (const f of sheet.formats) {
    if (f.area.rows <= 0 || f.area.columns <= 0) throw new Error(`empty format ${areaA1(f.area)}`);
    if (!grid.inside(f.area)) throw new Error(`format ${areaA1(f.area)} outside the written cells`);
  }
  for (const w of sheet.columnWidths ?? []) expect(w > 0 && Number.isFinite(w)).toBe(true);
  expect(sheet.name.length).toBeLessThanOrEqual(31);
  expect(sheet.name).not.toMatch(/[:\\/?*[\]]/);
}

function areaHasCells(grid: Grid, area: Area): boolean {
  for (let r = area.row; r < area.row + area.rows; r++)
    for (let c = area.column; c < area.column + area.columns; c++) if (grid.has(r, c)) return true;
  return false;
}

/** Every text in the sheet (titles, notes, labels). */
export function texts(of: SheetOrGrid): string[] {
  const sheet = of instanceof Grid ? of.sheet : of;
  return sheet.blocks.flatMap((b) =>
    b.cells.flat().flatMap((c) => {
      const v = valueOf(c);
      return typeof v === "string" ? [v] : [];
    })
  );
}

/** The key figure labelled `label`: the topmost column-A cell with that text → its cell in B
 *  (undefined if B is unwritten); throws if no cell in column A has that label. */
export function keyFigure(of: SheetOrGrid, label: string | RegExp): CellContent | undefined {
  const grid = gridOf(of);
  let row = Infinity;
  for (const [key, content] of grid.cells) {
    const [r, c] = key.split(",").map(Number);
    const v = valueOf(content);
    if (
      c === 0 &&
      typeof v === "string" &&
      (typeof label === "string" ? v === label : label.test(v))
    )
      row = Math.min(row, r);
  }
  if (row === Infinity) throw new Error(`no key figure ${String(label)} in column A`);
  return grid.get(row, 1);
}

/** The formula text of a native formula cell, else undefined. */
export function formulaOf(c: CellContent | undefined): string | undefined {
  return c !== undefined && isFormula(c) ? c.formula : undefined;
}

/** Row of the first written cell (in block order) whose text is `text` or matches it, in `column`. */
export function findRow(of: SheetOrGrid, text: string | RegExp, column = 0): number {
  const sheet = of instanceof Grid ? of.sheet : of;
  for (const b of sheet.blocks)
    for (let r = 0; r < b.cells.length; r++) {
      const v = valueOf(b.cells[r][column - b.column]);
      if (typeof v === "string" && (typeof text === "string" ? v === text : text.test(v)))
        return b.row + r;
    }
  throw new Error(`no cell ${String(text)} in column ${column}`);
}

/** The table named `name`. */
export function tableOf(of: SheetOrGrid, name: string): TableSpec {
  const sheet = of instanceof Grid ? of.sheet : of;
  const t = sheet.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
}

/** The shown values of a table's data rows (below its header), row by row. */
export function tableBody(of: SheetOrGrid, name: string): Value[][] {
  const grid = gridOf(of);
  const t = tableOf(grid, name);
  return grid.values({ ...t.area, row: t.area.row + 1, rows: t.area.rows - 1 });
}

/** The cell contents of a table's data rows (below its header), row by row; null where unwritten. */
export function tableRows(of: SheetOrGrid, name: string): CellContent[][] {
  const grid = gridOf(of);
  const t = tableOf(grid, name);
  return Array.from({ length: t.area.rows - 1 }, (_, r) => rowAt(grid, t, t.area.row + 1 + r));
}

/** The cell contents of the row right below a table (its totals row). */
export function belowTable(of: SheetOrGrid, name: string): CellContent[] {
  const grid = gridOf(of);
  const t = tableOf(grid, name);
  return rowAt(grid, t, t.area.row + t.area.rows);
}

function rowAt(grid: Grid, t: TableSpec, row: number): CellContent[] {
  return Array.from({ length: t.area.columns }, (_, c) => grid.get(row, t.area.column + c) ?? null);
}
