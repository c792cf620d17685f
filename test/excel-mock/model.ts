// The in-memory workbook behind the Excel stand-in: sheets of cells, a selection and an active cell,
// protection, and hooks to make the next sync fail. Addresses here are parsed and printed by the
// stand-in's own code (independent of src/excel, which it is used to test).

/* global setTimeout */

export type MockValue = string | number | boolean;

export interface MockCell {
  /** What the cell shows ("" when empty; the stand-in does not calculate formulas). */
  value: MockValue;
  /** The formula ("=..."), or the constant when there is no formula, or "" when empty. */
  formula: MockValue;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const ROWS = 1048576;
export const COLUMNS = 16384;

/** An error shaped like OfficeExtension.Error (name, code, message, debugInfo). */
export class MockOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

export function letters(column: number): string {
  let s = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  }
  return s;
}

function columnNumber(text: string): number {
  let n = 0;
  for (const ch of text.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** How Excel prints a sheet name in an address: quoted when it holds anything but letters/digits/_. */
export function printSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

export function printRect(rect: Rect): string {
  if (rect.top === 0 && rect.bottom === ROWS - 1) {
    return `${letters(rect.left)}:${letters(rect.right)}`;
  }
  if (rect.left === 0 && rect.right === COLUMNS - 1) {
    return `${rect.top + 1}:${rect.bottom + 1}`;
  }
  const first = `${letters(rect.left)}${rect.top + 1}`;
  return rect.top === rect.bottom && rect.left === rect.right
    ? first
    : `${first}:${letters(rect.right)}${rect.bottom + 1}`;
}

/** "Sheet1!A2:C5", "'My sheet'!B3", "A1" (no sheet), "A:C", "2:5" -> sheet name (or undefined) and rect. */
export function parseAddress(address: string): { sheet?: string; rect: Rect } {
  let sheet: string | undefined;
  let rest = address.trim();
  const bang = rest.lastIndexOf("!");
  if (bang >= 0) {
    const raw = rest.slice(0, bang);
    sheet = raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    rest = rest.slice(bang + 1);
  }
  const parts = rest.replace(/\$/g, "").split(":");
  if (parts.length > 2) throw new MockOfficeError("InvalidArgument", `bad address: ${address}`);
  const one = (part: string) => {
    const m = /^([A-Za-z]*)(\d*)$/.exec(part);
    if (!m || (!m[1] && !m[2])) {
      throw new MockOfficeError("InvalidArgument", `bad address: ${address}`);
    }
    return {
      column: m[1] ? columnNumber(m[1]) : undefined,
      row: m[2] ? Number(m[2]) - 1 : undefined,
    };
  };
  const a = one(parts[0]);
  const b = one(parts[1] ?? parts[0]);
  const rect: Rect = {
    top: a.row ?? 0,
    left: a.column ?? 0,
    bottom: b.row ?? (a.row === undefined ? ROWS - 1 : a.row),
    right: b.column ?? (a.column === undefined ? COLUMNS - 1 : a.column),
  };
  if (a.row === undefined && b.row === undefined) {
    rect.top = 0;
    rect.bottom = ROWS - 1;
  }
  if (a.column === undefined && b.column === undefined) {
    rect.left = 0;
    rect.right = COLUMNS - 1;
  }
  return {
    sheet,
    rect: {
      top: Math.min(rect.top, rect.bottom),
      bottom: Math.max(rect.top, rect.bottom),
      left: Math.min(rect.left, rect.right),
      right: Math.max(rect.left, rect.right),
    },
  };
}

const EMPTY: MockCell = { value: "", formula: "" };

export class MockSheet {
  readonly cells = new Map<string, MockCell>();
  protected = false;

  constructor(public name: string) {}

  get(row: number, column: number): MockCell {
    return this.cells.get(`${row},${column}`) ?? EMPTY;
  }

  /** A constant, or a formula when the text starts with "=" (its value stays "": nothing calculates). */
  set(row: number, column: number, content: MockValue): void {
    if (content === "") this.cells.delete(`${row},${column}`);
    else if (typeof content === "string" && content.startsWith("=")) {
      this.cells.set(`${row},${column}`, { value: "", formula: content });
    } else this.cells.set(`${row},${column}`, { value: content, formula: content });
  }

  /** A cell that shows a value without holding a formula (part of another formula's spill). */
  setSpilled(row: number, column: number, value: MockValue): void {
    this.cells.set(`${row},${column}`, { value, formula: "" });
  }
}

export interface MockWrite {
  sheet: string;
  address: string;
  formulas: MockValue[][];
}

export class MockWorkbook {
  readonly sheets: MockSheet[];
  activeSheet: MockSheet;
  selection: Rect = { top: 0, left: 0, bottom: 0, right: 0 };
  activeCell = { row: 0, column: 0 };
  /** context.sync() calls, all runs together. */
  syncCount = 0;
  /** Excel.run calls. */
  runCount = 0;
  /** Every write, in order. */
  readonly writes: MockWrite[] = [];
  readonly selectionHandlers = new Set<(args: { type: string }) => unknown>();
  private pendingError: MockOfficeError | null = null;

  constructor(sheetNames: readonly string[] = ["Sheet1"]) {
    this.sheets = sheetNames.map((n) => new MockSheet(n));
    if (this.sheets.length === 0) this.sheets.push(new MockSheet("Sheet1"));
    this.activeSheet = this.sheets[0];
  }

  sheet(name: string): MockSheet | undefined {
    return this.sheets.find((s) => s.name.toUpperCase() === name.toUpperCase());
  }

  addSheet(name: string): MockSheet {
    const sheet = new MockSheet(name);
    this.sheets.push(sheet);
    return sheet;
  }

  private locate(address: string): { sheet: MockSheet; rect: Rect } {
    const { sheet: name, rect } = parseAddress(address);
    const sheet = name === undefined ? this.activeSheet : this.sheet(name);
    if (!sheet) throw new MockOfficeError("ItemNotFound", `no sheet named ${name}`);
    return { sheet, rect };
  }

  /** Writes a block of constants/formulas with its top-left corner at `address`. */
  setValues(address: string, rows: readonly (readonly MockValue[])[]): void {
    const { sheet, rect } = this.locate(address);
    rows.forEach((row, r) => row.forEach((v, c) => sheet.set(rect.top + r, rect.left + c, v)));
  }

  cell(address: string): MockCell {
    const { sheet, rect } = this.locate(address);
    return sheet.get(rect.top, rect.left);
  }

  formula(address: string): MockValue {
    return this.cell(address).formula;
  }

  /**
   * Selects a range like the user would (activating its sheet); the active cell is its top-left
   * corner unless given. Selection-changed handlers run asynchronously, as in Excel.
   */
  select(address: string, activeCell?: string): void {
    const { sheet, rect } = this.locate(address);
    this.activeSheet = sheet;
    this.selection = rect;
    const active = activeCell ? parseAddress(activeCell).rect : rect;
    this.activeCell = { row: active.top, column: active.left };
    for (const handler of [...this.selectionHandlers]) {
      setTimeout(() => void handler({ type: "SelectionChanged" }), 0);
    }
  }

  protect(sheetName: string, on = true): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`no sheet named ${sheetName}`);
    sheet.protected = on;
  }

  /** The next context.sync() rejects with this error before doing anything. */
  failNextSync(error: MockOfficeError): void {
    this.pendingError = error;
  }

  takePendingError(): MockOfficeError | null {
    const error = this.pendingError;
    this.pendingError = null;
    return error;
  }

  /** Applies a formulas/values write (what range.formulas = ... does at sync). */
  write(sheet: MockSheet, rect: Rect, rows: MockValue[][]): void {
    if (sheet.protected) {
      throw new MockOfficeError(
        "AccessDenied",
        "The sheet is protected: its cells cannot be changed.",
        "Range.formulas"
      );
    }
    const height = rect.bottom - rect.top + 1;
    const width = rect.right - rect.left + 1;
    if (rows.length !== height || rows.some((row) => row.length !== width)) {
      throw new MockOfficeError(
        "InvalidArgument",
        `The number of rows or columns in the input array doesn't match the size of the range (${height}×${width}).`,
        "Range.formulas"
      );
    }
    rows.forEach((row, r) => row.forEach((v, c) => sheet.set(rect.top + r, rect.left + c, v)));
    this.writes.push({
      sheet: sheet.name,
      address: `${printSheet(sheet.name)}!${printRect(rect)}`,
      formulas: rows,
    });
  }
}
