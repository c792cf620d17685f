// The in-memory workbook behind the Excel stand-in: sheets of cells with formats, tables, named
// items, charts, conditional formats, custom properties and frozen panes; a selection (one or more
// areas) and an active cell; protection; hooks to make a sync or one operation fail; and inspection
// helpers for tests. Addresses here are parsed and printed by the stand-in's own code (independent
// of src/excel, which it is used to test).

/* global setTimeout */

export type MockValue = string | number | boolean;

export interface MockCell {
  /** What the cell shows ("" when empty; the stand-in does not calculate formulas). */
  value: MockValue;
  /** The formula ("=..."), or the constant when there is no formula, or "" when empty. */
  formula: MockValue;
  /** Entered with a leading apostrophe (Excel's quote prefix): text, whatever it looks like. */
  quotePrefix?: boolean;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const ROWS = 1048576;
export const COLUMNS = 16384;

/** Excel's default column width in points (8.43 characters of Calibri 11 = 64 pixels). */
export const DEFAULT_COLUMN_WIDTH = 48;

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
  if (rect.right >= COLUMNS || rect.bottom >= ROWS || rect.top < 0 || rect.left < 0) {
    throw new MockOfficeError("InvalidArgument", `bad address: ${address}`);
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

export function rectCells(rect: Rect): number {
  return (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const r = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
  return r.top <= r.bottom && r.left <= r.right ? r : null;
}

/** Cell formats the stand-in keeps (Excel's defaults are used for anything not set). */
export interface MockFormat {
  numberFormat: string;
  bold: boolean;
  italic: boolean;
  size: number;
  color: string;
  /** "" = no fill. */
  fill: string;
  horizontalAlignment: string;
  wrapText: boolean;
}

export const DEFAULT_FORMAT: Readonly<MockFormat> = {
  numberFormat: "General",
  bold: false,
  italic: false,
  size: 11,
  color: "#000000",
  fill: "",
  horizontalAlignment: "General",
  wrapText: false,
};

/** A cell/area reference that follows its sheet through renames (charts, tables, names). */
export interface MockRef {
  sheet: MockSheet;
  rect: Rect;
}

export function printRef(ref: MockRef): string {
  return `${printSheet(ref.sheet.name)}!${printRect(ref.rect)}`;
}

export interface MockConditionalFormat {
  type: string;
  rect: Rect;
  /** Whatever the add-in set on it: dataBar / colorScale / cellValue / textComparison / custom. */
  dataBar?: { barDirection?: string; fillColor?: string; gradientFill?: boolean };
  colorScale?: { criteria?: unknown };
  rule?: Record<string, unknown>;
  format?: { fontColor?: string; bold?: boolean; italic?: boolean; fillColor?: string };
}

export interface MockChartSeries {
  name: string;
  /** undefined = the chart's type. */
  chartType?: string;
  axisGroup: "Primary" | "Secondary";
  values?: MockRef;
  xValues?: MockRef;
  bubbleSizes?: MockRef;
  lineStyle?: string;
  lineColor?: string;
  fillColor?: string;
  markerBackgroundColor?: string;
  markerForegroundColor?: string;
}

export interface MockChartAxis {
  title?: string;
  numberFormat?: string;
}

export interface MockChart {
  name: string;
  chartType: string;
  sheet: MockSheet;
  series: MockChartSeries[];
  title?: string;
  axes: Record<string, MockChartAxis>;
  legend: { position: string; visible: boolean };
  /** Top-left and bottom-right cells from setPosition. */
  position?: { start: string; end?: string };
}

export interface MockTable {
  id: number;
  name: string;
  sheet: MockSheet;
  rect: Rect;
  style: string;
  showHeaders: boolean;
  showTotals: boolean;
}

export interface MockName {
  name: string;
  /** "Range", "String", "Double", "Integer", "Boolean", "Error", "Array". */
  type: string;
  /** What Excel reports as the value: "=Sheet1!$A$1:$B$4" for a range, the constant otherwise. */
  value: string | number | boolean;
  ref?: MockRef;
  visible: boolean;
}

const EMPTY: MockCell = { value: "", formula: "" };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;
const PERCENT = /^[+-]?(\d+(\.\d*)?|\.\d+)%$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/**
 * What Excel makes of a string entered through Range.values/formulas, as if typed: a leading
 * apostrophe makes text (the apostrophe is not part of the value); "=" starts a formula, and so do
 * "+", "-" and "@" unless a number follows; numbers, percentages, ISO dates and TRUE/FALSE become
 * values. In a cell formatted as text ("@") everything stays text.
 */
export function parseInput(
  input: MockValue,
  numberFormat: string
): { cell: MockCell | null; dateFormat?: boolean } {
  if (typeof input !== "string") return { cell: { value: input, formula: input } };
  if (input === "") return { cell: null };
  if (numberFormat === "@") return { cell: { value: input, formula: input } };
  if (input.startsWith("'")) {
    const text = input.slice(1);
    return { cell: text === "" ? null : { value: text, formula: text, quotePrefix: true } };
  }
  const trimmed = input.trim();
  if (NUMBER.test(trimmed)) {
    const n = Number(trimmed);
    return { cell: { value: n, formula: n } };
  }
  if (GROUPED.test(trimmed)) {
    const n = Number(trimmed.replace(/,/g, ""));
    return { cell: { value: n, formula: n } };
  }
  if (PERCENT.test(trimmed)) {
    const n = Number(trimmed.slice(0, -1)) / 100;
    return { cell: { value: n, formula: n } };
  }
  const date = ISO_DATE.exec(trimmed);
  if (date) {
    const ms = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]));
    const serial = Math.round(ms / 86400000) + 25569;
    return { cell: { value: serial, formula: serial }, dateFormat: true };
  }
  if (/^(true|false)$/i.test(trimmed)) {
    const b = trimmed.toUpperCase() === "TRUE";
    return { cell: { value: b, formula: b } };
  }
  if (/^[=+\-@]/.test(input)) {
    if (input.length === 1) {
      throw new MockOfficeError(
        "InvalidArgument",
        `The argument is invalid or missing or has an incorrect format (formula "${input}").`,
        "Range.formulas"
      );
    }
    const formula = input.startsWith("=") ? input : `=${input}`;
    return { cell: { value: "", formula } };
  }
  return { cell: { value: input, formula: input } };
}

export class MockSheet {
  readonly cells = new Map<string, MockCell>();
  readonly formats = new Map<string, Partial<MockFormat>>();
  /** Column widths in points, by 0-based column (unset = DEFAULT_COLUMN_WIDTH). */
  readonly columnWidths = new Map<number, number>();
  /** Worksheet custom properties by lower-case key (keys are case-insensitive in Excel). */
  readonly customProperties = new Map<string, { key: string; value: string }>();
  readonly conditionalFormats: MockConditionalFormat[] = [];
  /** List data validations (Range.dataValidation.rule = { list }), in the order they were set. */
  readonly dataValidations: { rect: Rect; source: string }[] = [];
  readonly charts: MockChart[] = [];
  frozen: { rows: number; columns: number } | null = null;
  protected = false;
  visibility = "Visible";

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

  /** The cell's format with Excel's defaults filled in. */
  format(row: number, column: number): MockFormat {
    return { ...DEFAULT_FORMAT, ...this.formats.get(`${row},${column}`) };
  }

  setFormat(rect: Rect, patch: Partial<MockFormat>): void {
    if (rectCells(rect) > 2_000_000) {
      throw new Error("Excel stand-in: formats on more than 2,000,000 cells are not modelled");
    }
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) {
        const key = `${r},${c}`;
        this.formats.set(key, { ...this.formats.get(key), ...patch });
      }
    }
  }

  columnWidth(column: number): number {
    return this.columnWidths.get(column) ?? DEFAULT_COLUMN_WIDTH;
  }

  customProperty(key: string): string | undefined {
    return this.customProperties.get(key.toLowerCase())?.value;
  }

  setCustomProperty(key: string, value: string): void {
    this.customProperties.set(key.toLowerCase(), { key, value });
  }

  /** The smallest rectangle holding every non-empty cell (and formatted cell unless valuesOnly). */
  usedRect(valuesOnly: boolean): Rect | null {
    let rect: Rect | null = null;
    const add = (key: string) => {
      const [r, c] = key.split(",").map(Number);
      if (!rect) rect = { top: r, left: c, bottom: r, right: c };
      else {
        rect.top = Math.min(rect.top, r);
        rect.left = Math.min(rect.left, c);
        rect.bottom = Math.max(rect.bottom, r);
        rect.right = Math.max(rect.right, c);
      }
    };
    for (const key of this.cells.keys()) add(key);
    if (!valuesOnly) for (const key of this.formats.keys()) add(key);
    return rect;
  }
}

export interface MockWrite {
  sheet: string;
  address: string;
  formulas: (MockValue | null)[][];
}

/** One load of range contents (values/formulas/text/numberFormat), for tests that count reads. */
export interface MockRangeLoad {
  address: string;
  properties: string[];
  cells: number;
}

/** Everything visible about one sheet, as plain data (see MockWorkbook.snapshot). */
export interface SheetSnapshot {
  name: string;
  cells: Record<string, { value: MockValue; formula: MockValue; quotePrefix?: boolean }>;
  formats: Record<string, Partial<MockFormat>>;
  columnWidths: Record<string, number>;
  customProperties: Record<string, string>;
  conditionalFormats: unknown[];
  dataValidations: { address: string; source: string }[];
  charts: unknown[];
  tables: { name: string; address: string; style: string }[];
  frozen: { rows: number; columns: number } | null;
}

const FORBIDDEN_SHEET_CHARS = /[:\\/?*[\]]/;

export class MockWorkbook {
  readonly sheets: MockSheet[];
  activeSheet: MockSheet;
  selection: Rect = { top: 0, left: 0, bottom: 0, right: 0 };
  /** All areas of the selection when several blocks are selected (Ctrl+click); else null. */
  selectionAreas: Rect[] | null = null;
  activeCell = { row: 0, column: 0 };
  readonly tables: MockTable[] = [];
  readonly names: MockName[] = [];
  /** context.sync() calls, all runs together. */
  syncCount = 0;
  /** Excel.run calls. */
  runCount = 0;
  /** Every write of cell contents (values or formulas), in order. */
  readonly writes: MockWrite[] = [];
  /** Every load of range contents, in order. */
  readonly rangeLoads: MockRangeLoad[] = [];
  readonly selectionHandlers = new Set<(args: { type: string }) => unknown>();
  private pendingError: { error: MockOfficeError; after: number } | null = null;
  private operationFailures: { operation: string; error: MockOfficeError; after: number }[] = [];
  private nextTableId = 1;
  private nextChartId = 1;
  /**
   * The custom functions' names in Excel's display language, by id, when they differ from the ids
   * (a zh-CN Excel given functions.zh-CN.json); null for an en-US Excel. See functionLanguage().
   */
  localFunctionNames: ReadonlyMap<string, string> | null = null;

  constructor(sheetNames: readonly string[] = ["Sheet1"]) {
    this.sheets = sheetNames.map((n) => new MockSheet(n));
    if (this.sheets.length === 0) this.sheets.push(new MockSheet("Sheet1"));
    this.activeSheet = this.sheets[0];
  }

  sheet(name: string): MockSheet | undefined {
    return this.sheets.find((s) => s.name.toUpperCase() === name.toUpperCase());
  }

  /** Test helper: adds a sheet at the end without the checks Worksheets.add makes. */
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

  /** Test helper: writes constants/formulas with the top-left corner at `address` (no parsing). */
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

  /** The value a cell shows (see MockCell.value). */
  value(address: string): MockValue {
    return this.cell(address).value;
  }

  /** The format of one cell, Excel's defaults filled in. */
  cellFormat(address: string): MockFormat {
    const { sheet, rect } = this.locate(address);
    return sheet.format(rect.top, rect.left);
  }

  /** The values of a block, row by row. */
  values(address: string): MockValue[][] {
    const { sheet, rect } = this.locate(address);
    const rows: MockValue[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row: MockValue[] = [];
      for (let c = rect.left; c <= rect.right; c++) row.push(sheet.get(r, c).value);
      rows.push(row);
    }
    return rows;
  }

  /**
   * Selects a range like the user would (activating its sheet); the active cell is its top-left
   * corner unless given. "A1:B2,D1:D4" selects several areas. Selection-changed handlers run
   * asynchronously, as in Excel.
   */
  select(address: string, activeCell?: string): void {
    const parts = address.split(",");
    const { sheet, rect } = this.locate(parts[0]);
    const areas = parts.map((p, i) => {
      if (i === 0) return rect;
      const { sheet: other, rect: area } = parseAddress(p);
      if (other !== undefined && this.sheet(other) !== sheet) {
        throw new Error("Excel stand-in: a selection lies on one sheet");
      }
      return area;
    });
    this.activeSheet = sheet;
    this.selection = rect;
    this.selectionAreas = areas.length > 1 ? areas : null;
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

  /**
   * A coming context.sync() rejects with this error before doing anything: the next one, or the
   * one after `after` more syncs succeeded.
   */
  failNextSync(error: MockOfficeError, options: { after?: number } = {}): void {
    this.pendingError = { error, after: options.after ?? 0 };
  }

  takePendingError(): MockOfficeError | null {
    const pending = this.pendingError;
    if (!pending) return null;
    if (pending.after > 0) {
      pending.after--;
      return null;
    }
    this.pendingError = null;
    return pending.error;
  }

  /**
   * The named operation fails with `error` when it runs at a sync (the operations queued before it
   * in that batch have run; the ones after it do not): the next time, or after `after` more
   * successful runs of it. Names: "Worksheet.delete", "Worksheet.name", "Worksheet.add",
   * "Range.values", "Range.formulas", "Range.numberFormat", "Table.add", "Chart.add",
   * "ConditionalFormat.add", "CustomProperty.add", ...
   */
  failOperation(operation: string, error: MockOfficeError, options: { after?: number } = {}): void {
    this.operationFailures.push({ operation, error, after: options.after ?? 0 });
  }

  /** Called by every operation as it runs. */
  check(operation: string): void {
    const i = this.operationFailures.findIndex((f) => f.operation === operation);
    if (i < 0) return;
    const failure = this.operationFailures[i];
    if (failure.after > 0) {
      failure.after--;
      return;
    }
    this.operationFailures.splice(i, 1);
    throw failure.error;
  }

  /**
   * How this Excel reads KAM.<name>( in a formula entered through `operation`: the formula it
   * keeps (invariant language, with the ids) and whether it shows #NAME?. An en-US Excel (no
   * localFunctionNames) takes the ids both ways. A zh-CN Excel behaves as office-js issue #891
   * reports: through Range.formulas an id whose name is localized gives #NAME?; through
   * Range.formulasLocal only the localized name is known (and is kept as the id).
   */
  functionLanguage(
    formula: string,
    operation: "Range.values" | "Range.formulas" | "Range.formulasLocal"
  ): { formula: string; nameError: boolean } {
    const names = this.localFunctionNames;
    if (!names) return { formula, nameError: false };
    const ids = new Map([...names].map(([id, name]) => [name, id]));
    let nameError = false;
    const kept = formula.replace(/(^|[^A-Za-z0-9_.])KAM\.([^(\s,;"']+)\(/g, (all, lead, name) => {
      if (operation === "Range.formulasLocal") {
        const id = ids.get(name);
        if (id === undefined) nameError = true;
        return `${lead}KAM.${id ?? name}(`;
      }
      const local = names.get(name);
      if (local === undefined || local !== name) nameError = true;
      return all;
    });
    return { formula: kept, nameError };
  }

  /** The formula as formulasLocal shows it: the ids replaced by their localized names. */
  localFormula(formula: MockValue): MockValue {
    const names = this.localFunctionNames;
    if (!names || typeof formula !== "string" || !formula.startsWith("=")) return formula;
    return formula.replace(
      /(^|[^A-Za-z0-9_.])KAM\.([A-Z0-9_.]+)\(/g,
      (_all, lead, id) => `${lead}KAM.${names.get(id) ?? id}(`
    );
  }

  /** Applies a formulas/values write (what range.formulas = ... does at sync); null = unchanged. */
  write(
    sheet: MockSheet,
    rect: Rect,
    rows: (MockValue | null)[][],
    operation: "Range.values" | "Range.formulas" | "Range.formulasLocal" = "Range.formulas"
  ): void {
    if (sheet.protected) {
      throw new MockOfficeError(
        "AccessDenied",
        "The sheet is protected: its cells cannot be changed.",
        operation
      );
    }
    const height = rect.bottom - rect.top + 1;
    const width = rect.right - rect.left + 1;
    if (rows.length !== height || rows.some((row) => row.length !== width)) {
      throw new MockOfficeError(
        "InvalidArgument",
        `The number of rows or columns in the input array doesn't match the size of the range (${height}×${width}).`,
        operation
      );
    }
    // Parse everything first: one bad entry rejects the whole write, as in Excel.
    const parsed = rows.map((row, r) =>
      row.map((v, c) =>
        v === null
          ? undefined
          : parseInput(v, sheet.format(rect.top + r, rect.left + c).numberFormat)
      )
    );
    parsed.forEach((row, r) =>
      row.forEach((p, c) => {
        if (p === undefined) return;
        const key = `${rect.top + r},${rect.left + c}`;
        if (p.cell === null) sheet.cells.delete(key);
        else if (typeof p.cell.formula === "string" && p.cell.formula.startsWith("=")) {
          const read = this.functionLanguage(p.cell.formula, operation);
          sheet.cells.set(key, {
            ...p.cell,
            formula: read.formula,
            value: read.nameError ? "#NAME?" : p.cell.value,
          });
        } else sheet.cells.set(key, p.cell);
        if (p.dateFormat && sheet.format(rect.top + r, rect.left + c).numberFormat === "General") {
          sheet.formats.set(key, { ...sheet.formats.get(key), numberFormat: "yyyy-mm-dd" });
        }
      })
    );
    this.writes.push({
      sheet: sheet.name,
      address: `${printSheet(sheet.name)}!${printRect(rect)}`,
      formulas: rows,
    });
  }

  // ---- worksheets -----------------------------------------------------------------------------

  private checkSheetName(name: string, except?: MockSheet): void {
    if (
      name.trim() === "" ||
      name.length > 31 ||
      FORBIDDEN_SHEET_CHARS.test(name) ||
      name.startsWith("'") ||
      name.endsWith("'") ||
      name.toLowerCase() === "history"
    ) {
      throw new MockOfficeError(
        "InvalidArgument",
        `The argument is invalid or missing or has an incorrect format (sheet name "${name}").`,
        "Worksheet.name"
      );
    }
    const other = this.sheet(name);
    if (other && other !== except) {
      throw new MockOfficeError(
        "ItemAlreadyExists",
        "A resource with the same name or identifier already exists.",
        "Worksheet.name"
      );
    }
  }

  /** Worksheets.add: a new sheet at the end ("SheetN" unless named); it is not activated. */
  addWorksheet(name?: string): MockSheet {
    let sheetName = name;
    if (sheetName === undefined) {
      let n = this.sheets.length + 1;
      while (this.sheet(`Sheet${n}`)) n++;
      sheetName = `Sheet${n}`;
    }
    this.checkSheetName(sheetName);
    return this.addSheet(sheetName);
  }

  renameSheet(sheet: MockSheet, name: string): void {
    this.checkSheetName(name, sheet);
    sheet.name = name;
    // Range names follow the sheet (they hold the sheet, not its name); only the printed value changes.
    for (const n of this.names) if (n.ref?.sheet === sheet) n.value = `=${printRef(n.ref)}`;
  }

  moveSheet(sheet: MockSheet, position: number): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) {
      throw new MockOfficeError("InvalidArgument", "The position is outside the workbook.");
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position, 0, sheet);
  }

  deleteSheet(sheet: MockSheet): void {
    const index = this.sheets.indexOf(sheet);
    if (index < 0) throw new MockOfficeError("ItemNotFound", "The worksheet was deleted.");
    if (this.sheets.filter((s) => s.visibility === "Visible").length <= 1) {
      throw new MockOfficeError(
        "InvalidOperation",
        "A workbook must contain at least one visible worksheet.",
        "Worksheet.delete"
      );
    }
    this.sheets.splice(index, 1);
    for (let i = this.tables.length - 1; i >= 0; i--) {
      if (this.tables[i].sheet === sheet) this.tables.splice(i, 1);
    }
    for (const n of this.names) {
      if (n.ref?.sheet === sheet) {
        n.ref = undefined;
        n.type = "Error";
        n.value = "#REF!";
      }
    }
    if (this.activeSheet === sheet) {
      this.activeSheet = this.sheets[Math.min(index, this.sheets.length - 1)];
      this.selection = { top: 0, left: 0, bottom: 0, right: 0 };
      this.selectionAreas = null;
      this.activeCell = { row: 0, column: 0 };
    }
  }

  activate(sheet: MockSheet): void {
    if (!this.sheets.includes(sheet)) {
      throw new MockOfficeError("ItemNotFound", "The worksheet was deleted.");
    }
    this.activeSheet = sheet;
    this.selection = { top: 0, left: 0, bottom: 0, right: 0 };
    this.selectionAreas = null;
    this.activeCell = { row: 0, column: 0 };
  }

  // ---- tables and names -----------------------------------------------------------------------

  table(name: string): MockTable | undefined {
    return this.tables.find((t) => t.name.toUpperCase() === name.toUpperCase());
  }

  namedItem(name: string): MockName | undefined {
    return this.names.find((n) => n.name.toUpperCase() === name.toUpperCase());
  }

  private checkTableName(name: string, except?: MockTable): void {
    if (
      !/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) ||
      name.length > 255 ||
      /^[A-Za-z]{1,3}\d+$/.test(name)
    ) {
      throw new MockOfficeError(
        "InvalidArgument",
        `The argument is invalid or missing or has an incorrect format (table name "${name}").`,
        "Table.name"
      );
    }
    const other = this.table(name);
    if ((other && other !== except) || this.namedItem(name)) {
      throw new MockOfficeError(
        "InvalidArgument",
        `A table or a name called "${name}" already exists in the workbook.`,
        "Table.name"
      );
    }
  }

  /** Tables.add with headers: the first row of `rect` becomes the header row (texts, unique). */
  addTable(sheet: MockSheet, rect: Rect, hasHeaders: boolean): MockTable {
    if (!hasHeaders) {
      throw new Error(
        "Excel stand-in: Tables.add without headers (inserting a row) is not modelled"
      );
    }
    if (rect.bottom === rect.top) {
      throw new MockOfficeError("InvalidArgument", "A table needs a header row and a data row.");
    }
    if (this.tables.some((t) => t.sheet === sheet && intersect(t.rect, rect))) {
      throw new MockOfficeError(
        "InvalidArgument",
        "A table can't overlap another table.",
        "Table.add"
      );
    }
    const seen = new Set<string>();
    for (let c = rect.left; c <= rect.right; c++) {
      const cell = sheet.get(rect.top, c);
      let header = String(cell.value);
      if (header === "") header = `Column${c - rect.left + 1}`;
      let unique = header;
      for (let k = 2; seen.has(unique.toUpperCase()); k++) unique = `${header}${k}`;
      seen.add(unique.toUpperCase());
      sheet.cells.set(`${rect.top},${c}`, { value: unique, formula: unique });
    }
    let n = this.nextTableId;
    while (this.table(`Table${n}`) || this.namedItem(`Table${n}`)) n++;
    const table: MockTable = {
      id: this.nextTableId++,
      name: `Table${n}`,
      sheet,
      rect,
      style: "TableStyleMedium2",
      showHeaders: true,
      showTotals: false,
    };
    this.tables.push(table);
    return table;
  }

  renameTable(table: MockTable, name: string): void {
    this.checkTableName(name, table);
    table.name = name;
  }

  /** Test helper: an Excel table over `address` (header row first), optionally named. */
  createTable(address: string, name?: string): MockTable {
    const { sheet, rect } = this.locate(address);
    const table = this.addTable(sheet, rect, true);
    if (name !== undefined) this.renameTable(table, name);
    return table;
  }

  /**
   * Test helper: a workbook-scoped name. "=Sheet1!$A$1:$B$4" refers to a range; "=0.2", "=TRUE"
   * and '="text"' are constants.
   */
  defineName(name: string, formula: string): MockName {
    if (this.namedItem(name) || this.table(name)) {
      throw new MockOfficeError("InvalidArgument", `The name "${name}" already exists.`);
    }
    const body = formula.replace(/^=/, "");
    let item: MockName;
    if (/^-?\d+(\.\d+)?$/.test(body)) {
      const n = Number(body);
      item = { name, type: Number.isInteger(n) ? "Integer" : "Double", value: n, visible: true };
    } else if (/^(TRUE|FALSE)$/i.test(body)) {
      item = { name, type: "Boolean", value: body.toUpperCase() === "TRUE", visible: true };
    } else if (/^".*"$/.test(body)) {
      item = { name, type: "String", value: body.slice(1, -1).replace(/""/g, '"'), visible: true };
    } else {
      const { sheet, rect } = this.locate(body);
      const ref = { sheet, rect };
      item = { name, type: "Range", value: `=${printRef(ref)}`, ref, visible: true };
    }
    this.names.push(item);
    return item;
  }

  // ---- charts ---------------------------------------------------------------------------------

  addChart(sheet: MockSheet, chartType: string): MockChart {
    const chart: MockChart = {
      name: `Chart ${this.nextChartId++}`,
      chartType,
      sheet,
      series: [],
      axes: {},
      legend: { position: "Right", visible: true },
    };
    sheet.charts.push(chart);
    return chart;
  }

  // ---- inspection -----------------------------------------------------------------------------

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** Everything the stand-in knows about a sheet, as plain data (for toEqual comparisons). */
  snapshotSheet(sheet: MockSheet): SheetSnapshot {
    const cells: SheetSnapshot["cells"] = {};
    for (const [key, cell] of sheet.cells) {
      const [r, c] = key.split(",").map(Number);
      cells[`${letters(c)}${r + 1}`] = { ...cell };
    }
    const formats: SheetSnapshot["formats"] = {};
    for (const [key, format] of sheet.formats) {
      const [r, c] = key.split(",").map(Number);
      formats[`${letters(c)}${r + 1}`] = { ...format };
    }
    const columnWidths: Record<string, number> = {};
    for (const [c, w] of sheet.columnWidths) columnWidths[letters(c)] = w;
    const customProperties: Record<string, string> = {};
    for (const { key, value } of sheet.customProperties.values()) customProperties[key] = value;
    return {
      name: sheet.name,
      cells,
      formats,
      columnWidths,
      customProperties,
      conditionalFormats: sheet.conditionalFormats.map((f) => ({ ...f, rect: printRect(f.rect) })),
      dataValidations: sheet.dataValidations.map((v) => ({
        address: printRect(v.rect),
        source: v.source,
      })),
      charts: sheet.charts.map((chart) => this.describeChart(chart)),
      tables: this.tables
        .filter((t) => t.sheet === sheet)
        .map((t) => ({ name: t.name, address: printRect(t.rect), style: t.style })),
      frozen: sheet.frozen ? { ...sheet.frozen } : null,
    };
  }

  /** All sheets in order, workbook names and the active sheet: compare before/after with toEqual. */
  snapshot(): { sheets: SheetSnapshot[]; names: unknown[]; active: string } {
    return {
      sheets: this.sheets.map((s) => this.snapshotSheet(s)),
      names: this.names.map((n) => ({ name: n.name, type: n.type, value: n.value })),
      active: this.activeSheet.name,
    };
  }

  /** A chart as plain data, its ranges as sheet-qualified addresses. */
  describeChart(chart: MockChart): {
    name: string;
    chartType: string;
    title?: string;
    axes: Record<string, MockChartAxis>;
    legend: { position: string; visible: boolean };
    position?: { start: string; end?: string };
    series: {
      name: string;
      chartType?: string;
      axisGroup: string;
      values?: string;
      xValues?: string;
      bubbleSizes?: string;
      lineStyle?: string;
      lineColor?: string;
      fillColor?: string;
      markerBackgroundColor?: string;
      markerForegroundColor?: string;
    }[];
  } {
    return {
      name: chart.name,
      chartType: chart.chartType,
      title: chart.title,
      axes: JSON.parse(JSON.stringify(chart.axes)),
      legend: { ...chart.legend },
      position: chart.position ? { ...chart.position } : undefined,
      series: chart.series.map((s) => ({
        name: s.name,
        chartType: s.chartType,
        axisGroup: s.axisGroup,
        values: s.values ? printRef(s.values) : undefined,
        xValues: s.xValues ? printRef(s.xValues) : undefined,
        bubbleSizes: s.bubbleSizes ? printRef(s.bubbleSizes) : undefined,
        lineStyle: s.lineStyle,
        lineColor: s.lineColor,
        fillColor: s.fillColor,
        markerBackgroundColor: s.markerBackgroundColor,
        markerForegroundColor: s.markerForegroundColor,
      })),
    };
  }
}
