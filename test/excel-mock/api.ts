// The Excel JavaScript API surface the add-in uses, over a MockWorkbook, with Office.js's batching
// rules: methods and property writes are queued and run at context.sync(); a property can be read
// only after it was load()ed and a sync ran (else PropertyNotLoaded, as in Office.js); objects such
// as getActiveCell() are resolved once, by the first sync that needs them, and keep pointing at the
// same cell afterwards. Charts and conditional formats are in charts.ts and conditional.ts.

import { MockPageLayout } from "./pageLayout";
import { MockClientObject, MockCollection, MockContextLike, propertyList } from "./base";
import { MockChartCollection } from "./charts";
import { MockConditionalFormatCollection } from "./conditional";
import {
  COLUMNS,
  MockFormat,
  MockName,
  MockOfficeError,
  MockSheet,
  MockTable,
  MockValue,
  MockWorkbook,
  ROWS,
  Rect,
  intersect,
  parseAddress,
  printRect,
  printSheet,
  rectCells,
} from "./model";

/* global setTimeout */

export type Target = { sheet: MockSheet; rect: Rect };

export class MockRequestContext implements MockContextLike {
  private queue: (() => void)[] = [];
  readonly workbook: MockWorkbookObject;

  constructor(readonly model: MockWorkbook) {
    this.workbook = new MockWorkbookObject(this);
  }

  enqueue(op: () => void): void {
    this.queue.push(op);
  }

  get hasPending(): boolean {
    return this.queue.length > 0;
  }

  async sync(): Promise<void> {
    this.model.syncCount++;
    // A round trip: the queued batch runs "in Excel", after the caller yields.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const ops = this.queue.splice(0);
    const error = this.model.takePendingError();
    if (error) throw error;
    for (const op of ops) op(); // the first failing op rejects the sync; later ops do not run
  }
}

/** Larger reads fail as Excel on the web fails them (its response payload limit). */
const MAX_LOAD_CELLS = 1_000_000;

const RANGE_PROPERTIES = [
  "address",
  "rowIndex",
  "columnIndex",
  "rowCount",
  "columnCount",
  "cellCount",
  "values",
  "formulas",
  "formulasLocal",
  "text",
  "numberFormat",
  "valueTypes",
] as const;
const CONTENT_PROPERTIES = new Set([
  "values",
  "formulas",
  "formulasLocal",
  "text",
  "numberFormat",
  "valueTypes",
]);

function grid<V>(target: Target, pick: (r: number, c: number) => V): V[][] {
  const { rect } = target;
  if (rectCells(rect) > MAX_LOAD_CELLS) {
    throw new MockOfficeError(
      "ResponsePayloadSizeLimitExceeded",
      "The response payload size has exceeded the limit.",
      "Range.load"
    );
  }
  const rows: V[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row: V[] = [];
    for (let c = rect.left; c <= rect.right; c++) row.push(pick(r, c));
    rows.push(row);
  }
  return rows;
}

function checkShape(rect: Rect, rows: unknown[][], operation: string): void {
  const height = rect.bottom - rect.top + 1;
  const width = rect.right - rect.left + 1;
  if (
    !Array.isArray(rows) ||
    rows.length !== height ||
    rows.some((row) => !Array.isArray(row) || row.length !== width)
  ) {
    throw new MockOfficeError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size of the range (${height}×${width}).`,
      operation
    );
  }
}

function valueType(value: MockValue): string {
  if (value === "") return "Empty";
  if (typeof value === "number") return "Double";
  if (typeof value === "boolean") return "Boolean";
  return /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!)$/.test(value)
    ? "Error"
    : "String";
}

/** The single value of a format property over a range, or null when the cells differ (as Excel). */
function uniform<V>(target: Target, pick: (format: MockFormat) => V): V | null {
  const { sheet, rect } = target;
  if (rectCells(rect) > MAX_LOAD_CELLS) return pick(sheet.format(rect.top, rect.left));
  let first: V | undefined;
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) {
      const v = pick(sheet.format(r, c));
      if (first === undefined) first = v;
      else if (v !== first) return null;
    }
  }
  return first ?? null;
}

function checkWritable(target: Target, operation: string): void {
  if (target.sheet.protected) {
    throw new MockOfficeError(
      "AccessDenied",
      "The sheet is protected: its cells cannot be changed.",
      operation
    );
  }
}

function hexColor(color: string): string {
  return /^#[0-9a-f]{6}$/i.test(color) ? color.toUpperCase() : color;
}

export class MockRange extends MockClientObject<Target> {
  protected readonly typeName = "Range";
  protected readonly loadable = RANGE_PROPERTIES;

  constructor(context: MockContextLike, resolver: () => Target | null, nullable = false) {
    super(context, resolver, nullable);
  }

  load(props?: string | string[]): this {
    const list = propertyList(props, RANGE_PROPERTIES, "Range");
    const content = list.filter((p) => CONTENT_PROPERTIES.has(p));
    if (content.length > 0) {
      this.context.enqueue(() => {
        const target = this.resolveOrNull();
        if (!target) return;
        this.model.rangeLoads.push({
          address: `${printSheet(target.sheet.name)}!${printRect(target.rect)}`,
          properties: content,
          cells: rectCells(target.rect),
        });
      });
    }
    return super.load(list);
  }

  protected property(target: Target, name: string): unknown {
    const { sheet, rect } = target;
    switch (name) {
      case "address":
        return `${printSheet(sheet.name)}!${printRect(rect)}`;
      case "rowIndex":
        return rect.top;
      case "columnIndex":
        return rect.left;
      case "rowCount":
        return rect.bottom - rect.top + 1;
      case "columnCount":
        return rect.right - rect.left + 1;
      case "cellCount":
        return rectCells(rect);
      case "values":
        return grid(target, (r, c) => sheet.get(r, c).value);
      case "formulas":
        return grid(target, (r, c) => sheet.get(r, c).formula);
      case "formulasLocal":
        return grid(target, (r, c) => this.model.localFormula(sheet.get(r, c).formula));
      case "text":
        return grid(target, (r, c) => String(sheet.get(r, c).value));
      case "numberFormat":
        return grid(target, (r, c) => sheet.format(r, c).numberFormat);
      default:
        return grid(target, (r, c) => valueType(sheet.get(r, c).value));
    }
  }

  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get cellCount(): number {
    return this.read("cellCount");
  }
  get values(): MockValue[][] {
    return this.read("values");
  }
  set values(rows: (MockValue | null)[][]) {
    this.queueWrite(rows, "Range.values");
  }
  get formulas(): MockValue[][] {
    return this.read("formulas");
  }
  set formulas(rows: (MockValue | null)[][]) {
    this.queueWrite(rows, "Range.formulas");
  }
  /** In the user's language (see MockWorkbook.functionLanguage); the same as formulas in en-US. */
  get formulasLocal(): MockValue[][] {
    return this.read("formulasLocal");
  }
  set formulasLocal(rows: (MockValue | null)[][]) {
    this.queueWrite(rows, "Range.formulasLocal");
  }
  get text(): string[][] {
    return this.read("text");
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(rows: (string | null)[][]) {
    const copy = rows.map((row) => [...row]);
    this.op("Range.numberFormat", (target) => {
      checkShape(target.rect, copy, "Range.numberFormat");
      checkWritable(target, "Range.numberFormat");
      copy.forEach((row, r) =>
        row.forEach((format, c) => {
          if (format === null) return;
          const cell = { top: target.rect.top + r, left: target.rect.left + c };
          target.sheet.setFormat(
            { ...cell, bottom: cell.top, right: cell.left },
            { numberFormat: format }
          );
        })
      );
    });
  }

  private queueWrite(
    rows: (MockValue | null)[][],
    operation: "Range.values" | "Range.formulas" | "Range.formulasLocal"
  ) {
    const copy = rows.map((row) => [...row]);
    this.op(operation, (target) => this.model.write(target.sheet, target.rect, copy, operation));
  }

  get worksheet(): MockWorksheet {
    return new MockWorksheet(this.context, () => this.resolve().sheet);
  }

  get format(): MockRangeFormat {
    return new MockRangeFormat(this.context, () => this.resolve());
  }

  get conditionalFormats(): MockConditionalFormatCollection {
    return new MockConditionalFormatCollection(this.context, () => this.resolve());
  }

  get dataValidation(): MockDataValidation {
    return new MockDataValidation(this.context, () => this.resolve());
  }

  private derived(compute: (target: Target) => Rect, what: string): MockRange {
    return new MockRange(this.context, () => {
      const target = this.resolve();
      const rect = compute(target);
      if (rect.top < 0 || rect.left < 0 || rect.bottom >= ROWS || rect.right >= COLUMNS) {
        throw new MockOfficeError("InvalidArgument", "The range is outside the sheet.", what);
      }
      return { sheet: target.sheet, rect };
    });
  }

  /** The cell at (row, column) relative to this range's top-left corner. */
  getCell(row: number, column: number): MockRange {
    return this.derived(
      ({ rect }) => ({
        top: rect.top + row,
        left: rect.left + column,
        bottom: rect.top + row,
        right: rect.left + column,
      }),
      "Range.getCell"
    );
  }

  getColumn(column: number): MockRange {
    return this.derived(({ rect }) => {
      if (column < 0 || rect.left + column > rect.right) {
        throw new MockOfficeError(
          "InvalidArgument",
          "The column is outside the range.",
          "Range.getColumn"
        );
      }
      return { ...rect, left: rect.left + column, right: rect.left + column };
    }, "Range.getColumn");
  }

  getRow(row: number): MockRange {
    return this.derived(({ rect }) => {
      if (row < 0 || rect.top + row > rect.bottom) {
        throw new MockOfficeError(
          "InvalidArgument",
          "The row is outside the range.",
          "Range.getRow"
        );
      }
      return { ...rect, top: rect.top + row, bottom: rect.top + row };
    }, "Range.getRow");
  }

  getOffsetRange(rowOffset: number, columnOffset: number): MockRange {
    return this.derived(
      ({ rect }) => ({
        top: rect.top + rowOffset,
        left: rect.left + columnOffset,
        bottom: rect.bottom + rowOffset,
        right: rect.right + columnOffset,
      }),
      "Range.getOffsetRange"
    );
  }

  getResizedRange(deltaRows: number, deltaColumns: number): MockRange {
    return this.derived(
      ({ rect }) => ({
        ...rect,
        bottom: rect.bottom + deltaRows,
        right: rect.right + deltaColumns,
      }),
      "Range.getResizedRange"
    );
  }

  /** The part of this range inside the sheet's used range; throws ItemNotFound when there is none. */
  getUsedRange(valuesOnly = false): MockRange {
    return new MockRange(this.context, () => {
      const used = this.usedPart(valuesOnly);
      if (!used) {
        throw new MockOfficeError(
          "ItemNotFound",
          "The requested resource doesn't exist.",
          "Range.getUsedRange"
        );
      }
      return used;
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): MockRange {
    return new MockRange(this.context, () => this.usedPart(valuesOnly), true);
  }

  private usedPart(valuesOnly: boolean): Target | null {
    const { sheet, rect } = this.resolve();
    const used = sheet.usedRect(valuesOnly);
    const part = used && intersect(used, rect);
    return part ? { sheet, rect: part } : null;
  }
}

const FORMAT_PROPERTIES = ["columnWidth", "horizontalAlignment", "wrapText"] as const;

/** Range.dataValidation: only list rules ({ list: { source, inCellDropDown } }) are kept. */
export class MockDataValidation extends MockClientObject<Target> {
  protected readonly typeName = "DataValidation";
  protected readonly loadable = [] as const;

  protected property(): unknown {
    return null;
  }

  set rule(rule: { list?: { source?: string; inCellDropDown?: boolean } }) {
    this.op("DataValidation.rule", (target) => {
      checkWritable(target, "DataValidation.rule");
      const source = rule.list?.source;
      if (typeof source !== "string" || source === "")
        throw new MockOfficeError(
          "InvalidArgument",
          "Only list rules with a source are supported.",
          "DataValidation.rule"
        );
      target.sheet.dataValidations.push({ rect: target.rect, source });
    });
  }
}

export class MockRangeFormat extends MockClientObject<Target> {
  protected readonly typeName = "RangeFormat";
  protected readonly loadable = FORMAT_PROPERTIES;

  protected property(target: Target, name: string): unknown {
    if (name === "columnWidth") {
      const { sheet, rect } = target;
      const first = sheet.columnWidth(rect.left);
      for (let c = rect.left + 1; c <= rect.right; c++) {
        if (sheet.columnWidth(c) !== first) return null;
      }
      return first;
    }
    if (name === "horizontalAlignment") return uniform(target, (f) => f.horizontalAlignment);
    return uniform(target, (f) => f.wrapText);
  }

  private setFormat(name: string, patch: Partial<MockFormat>): void {
    this.op(name, (target) => {
      checkWritable(target, name);
      target.sheet.setFormat(target.rect, patch);
    });
  }

  get columnWidth(): number {
    return this.read("columnWidth");
  }
  set columnWidth(points: number) {
    this.op("RangeFormat.columnWidth", ({ sheet, rect }) => {
      if (!(points >= 0) || points > 1800) {
        throw new MockOfficeError(
          "InvalidArgument",
          "The column width is out of range.",
          "RangeFormat.columnWidth"
        );
      }
      for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, points);
    });
  }
  get horizontalAlignment(): string {
    return this.read("horizontalAlignment");
  }
  set horizontalAlignment(value: string) {
    const allowed = [
      "General",
      "Left",
      "Center",
      "Right",
      "Fill",
      "Justify",
      "CenterAcrossSelection",
    ];
    if (!allowed.includes(value)) {
      throw new MockOfficeError("InvalidArgument", `Unknown alignment "${value}".`);
    }
    this.setFormat("RangeFormat.horizontalAlignment", { horizontalAlignment: value });
  }
  get wrapText(): boolean {
    return this.read("wrapText");
  }
  set wrapText(value: boolean) {
    this.setFormat("RangeFormat.wrapText", { wrapText: value });
  }

  get font(): MockRangeFont {
    return new MockRangeFont(this.context, () => this.resolve());
  }

  get fill(): MockRangeFill {
    return new MockRangeFill(this.context, () => this.resolve());
  }

  autofitColumns(): void {
    this.op("RangeFormat.autofitColumns", () => undefined);
  }
}

export class MockRangeFont extends MockClientObject<Target> {
  protected readonly typeName = "RangeFont";
  protected readonly loadable = ["bold", "italic", "size", "color"] as const;

  protected property(target: Target, name: string): unknown {
    return uniform(target, (f) => f[name as "bold" | "italic" | "size" | "color"]);
  }

  private set(name: string, patch: Partial<MockFormat>): void {
    this.op(`RangeFont.${name}`, (target) => {
      checkWritable(target, `RangeFont.${name}`);
      target.sheet.setFormat(target.rect, patch);
    });
  }

  get bold(): boolean {
    return this.read("bold");
  }
  set bold(value: boolean) {
    this.set("bold", { bold: value });
  }
  get italic(): boolean {
    return this.read("italic");
  }
  set italic(value: boolean) {
    this.set("italic", { italic: value });
  }
  get size(): number {
    return this.read("size");
  }
  set size(value: number) {
    this.set("size", { size: value });
  }
  get color(): string {
    return this.read("color");
  }
  set color(value: string) {
    this.set("color", { color: hexColor(value) });
  }
}

export class MockRangeFill extends MockClientObject<Target> {
  protected readonly typeName = "RangeFill";
  protected readonly loadable = ["color"] as const;

  protected property(target: Target): unknown {
    return uniform(target, (f) => f.fill);
  }

  get color(): string {
    return this.read("color");
  }
  set color(value: string) {
    this.op("RangeFill.color", (target) => {
      checkWritable(target, "RangeFill.color");
      target.sheet.setFormat(target.rect, { fill: hexColor(value) });
    });
  }

  clear(): void {
    this.op("RangeFill.clear", (target) => target.sheet.setFormat(target.rect, { fill: "" }));
  }
}

/** A range given as a Range proxy or an address on `sheet`. */
function rangeOn(sheet: MockSheet, range: MockRange | string, what: string): Rect {
  if (typeof range !== "string") {
    const target = range.resolve();
    if (target.sheet !== sheet) {
      throw new MockOfficeError("InvalidArgument", "The range is on another sheet.", what);
    }
    return target.rect;
  }
  const parsed = parseAddress(range);
  if (parsed.sheet !== undefined && parsed.sheet.toUpperCase() !== sheet.name.toUpperCase()) {
    throw new MockOfficeError("InvalidArgument", "The range is on another sheet.", what);
  }
  return parsed.rect;
}

export { rangeOn };

const WORKSHEET_PROPERTIES = ["name", "position", "visibility"] as const;

export class MockWorksheet extends MockClientObject<MockSheet> {
  protected readonly typeName = "Worksheet";
  protected readonly loadable = WORKSHEET_PROPERTIES;

  constructor(context: MockContextLike, resolver: () => MockSheet | null, nullable = false) {
    super(context, resolver, nullable);
  }

  resolve(): MockSheet {
    const sheet = super.resolve();
    if (!this.model.sheets.includes(sheet)) {
      throw new MockOfficeError("ItemNotFound", "The worksheet was deleted.", "Worksheet");
    }
    return sheet;
  }

  protected property(sheet: MockSheet, name: string): unknown {
    if (name === "name") return sheet.name;
    if (name === "position") return this.model.sheets.indexOf(sheet);
    return sheet.visibility;
  }

  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.op("Worksheet.name", (sheet) => this.model.renameSheet(sheet, value));
  }
  get position(): number {
    return this.read("position");
  }
  set position(value: number) {
    this.op("Worksheet.position", (sheet) => this.model.moveSheet(sheet, value));
  }
  get visibility(): string {
    return this.read("visibility");
  }

  delete(): void {
    this.op("Worksheet.delete", (sheet) => this.model.deleteSheet(sheet));
  }

  activate(): void {
    this.op("Worksheet.activate", (sheet) => this.model.activate(sheet));
  }

  getRange(address?: string): MockRange {
    return new MockRange(this.context, () => {
      const sheet = this.resolve();
      if (address === undefined)
        return { sheet, rect: { top: 0, left: 0, bottom: ROWS - 1, right: COLUMNS - 1 } };
      const parsed = parseAddress(address);
      if (parsed.sheet !== undefined) {
        throw new MockOfficeError(
          "InvalidArgument",
          `use Worksheet.getRange without a sheet name: ${address}`
        );
      }
      return { sheet, rect: parsed.rect };
    });
  }

  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number
  ): MockRange {
    return new MockRange(this.context, () => {
      const sheet = this.resolve();
      const rect = {
        top: startRow,
        left: startColumn,
        bottom: startRow + rowCount - 1,
        right: startColumn + columnCount - 1,
      };
      if (
        !Number.isInteger(startRow) ||
        !Number.isInteger(startColumn) ||
        rowCount < 1 ||
        columnCount < 1 ||
        rect.top < 0 ||
        rect.left < 0 ||
        rect.bottom >= ROWS ||
        rect.right >= COLUMNS
      ) {
        throw new MockOfficeError(
          "InvalidArgument",
          "The range is outside the sheet.",
          "Worksheet.getRangeByIndexes"
        );
      }
      return { sheet, rect };
    });
  }

  getCell(row: number, column: number): MockRange {
    return new MockRange(this.context, () => {
      if (row < 0 || column < 0 || row >= ROWS || column >= COLUMNS) {
        throw new MockOfficeError(
          "InvalidArgument",
          "The cell is outside the sheet.",
          "Worksheet.getCell"
        );
      }
      return {
        sheet: this.resolve(),
        rect: { top: row, left: column, bottom: row, right: column },
      };
    });
  }

  /** The sheet's used range; an empty sheet gives A1 (as Excel does). */
  getUsedRange(valuesOnly = false): MockRange {
    return new MockRange(this.context, () => {
      const sheet = this.resolve();
      return {
        sheet,
        rect: sheet.usedRect(valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 },
      };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): MockRange {
    return new MockRange(
      this.context,
      () => {
        const sheet = this.resolve();
        const rect = sheet.usedRect(valuesOnly);
        return rect ? { sheet, rect } : null;
      },
      true
    );
  }

  get customProperties(): MockWorksheetCustomPropertyCollection {
    return new MockWorksheetCustomPropertyCollection(this.context, () => this.resolve());
  }

  get tables(): MockTableCollection {
    return new MockTableCollection(this.context, () => this.resolve());
  }

  get charts(): MockChartCollection {
    return new MockChartCollection(this.context, () => this.resolve());
  }

  get freezePanes(): MockWorksheetFreezePanes {
    return new MockWorksheetFreezePanes(this.context, () => this.resolve());
  }

  /** ExcelApi 1.9 (see pageLayout.ts). */
  get pageLayout(): MockPageLayout {
    return new MockPageLayout(this.context, () => this.resolve());
  }
}

export class MockWorksheetCollection extends MockCollection<MockSheet, MockWorksheet> {
  protected readonly typeName = "WorksheetCollection";
  protected readonly itemLoadable = WORKSHEET_PROPERTIES;

  protected list(): MockSheet[] {
    return [...this.context.model.sheets];
  }

  protected proxy(sheet: MockSheet): MockWorksheet {
    return new MockWorksheet(this.context, () => sheet);
  }

  getActiveWorksheet(): MockWorksheet {
    return new MockWorksheet(this.context, () => this.context.model.activeSheet);
  }

  getItem(name: string): MockWorksheet {
    return new MockWorksheet(this.context, () => {
      const sheet = this.context.model.sheet(name);
      if (!sheet) {
        throw new MockOfficeError(
          "ItemNotFound",
          "The requested resource doesn't exist.",
          "WorksheetCollection.getItem"
        );
      }
      return sheet;
    });
  }

  getItemOrNullObject(name: string): MockWorksheet {
    return new MockWorksheet(this.context, () => this.context.model.sheet(name) ?? null, true);
  }

  /** A new sheet at the end of the workbook (not activated). */
  add(name?: string): MockWorksheet {
    let created: MockSheet | null = null;
    this.context.enqueue(() => {
      this.context.model.check("Worksheet.add");
      created = this.context.model.addWorksheet(name);
    });
    return new MockWorksheet(this.context, () => {
      if (!created) throw new MockOfficeError("ItemNotFound", "The worksheet was not created.");
      return created;
    });
  }
}

type PropertyTarget = { sheet: MockSheet; key: string };

export class MockWorksheetCustomProperty extends MockClientObject<PropertyTarget> {
  protected readonly typeName = "WorksheetCustomProperty";
  protected readonly loadable = ["key", "value"] as const;

  constructor(context: MockContextLike, resolver: () => PropertyTarget | null, nullable = false) {
    super(context, resolver, nullable);
  }

  protected property(target: PropertyTarget, name: string): unknown {
    const entry = target.sheet.customProperties.get(target.key.toLowerCase());
    if (!entry) throw new MockOfficeError("ItemNotFound", "The custom property was deleted.");
    return name === "key" ? entry.key : entry.value;
  }

  get key(): string {
    return this.read("key");
  }
  get value(): string {
    return this.read("value");
  }
  set value(value: string) {
    this.op("CustomProperty.value", ({ sheet, key }) => {
      const entry = sheet.customProperties.get(key.toLowerCase());
      if (!entry) throw new MockOfficeError("ItemNotFound", "The custom property was deleted.");
      entry.value = String(value);
    });
  }

  delete(): void {
    this.op("CustomProperty.delete", ({ sheet, key }) =>
      sheet.customProperties.delete(key.toLowerCase())
    );
  }
}

export class MockWorksheetCustomPropertyCollection extends MockCollection<
  PropertyTarget,
  MockWorksheetCustomProperty
> {
  protected readonly typeName = "WorksheetCustomPropertyCollection";
  protected readonly itemLoadable = ["key", "value"] as const;

  constructor(
    context: MockContextLike,
    private readonly sheetOf: () => MockSheet
  ) {
    super(context);
  }

  protected list(): PropertyTarget[] {
    const sheet = this.sheetOf();
    return [...sheet.customProperties.values()].map(({ key }) => ({ sheet, key }));
  }

  protected proxy(target: PropertyTarget): MockWorksheetCustomProperty {
    return new MockWorksheetCustomProperty(this.context, () => target);
  }

  /** Adds (or overwrites) the property with this key. */
  add(key: string, value: string): MockWorksheetCustomProperty {
    let sheet: MockSheet | null = null;
    this.context.enqueue(() => {
      sheet = this.sheetOf();
      this.context.model.check("CustomProperty.add");
      if (key === "" || key.length > 255) {
        throw new MockOfficeError(
          "InvalidArgument",
          "The key of a custom property must be 1 to 255 characters long.",
          "WorksheetCustomPropertyCollection.add"
        );
      }
      sheet.setCustomProperty(key, String(value));
    });
    return new MockWorksheetCustomProperty(this.context, () => (sheet ? { sheet, key } : null));
  }

  getItem(key: string): MockWorksheetCustomProperty {
    return new MockWorksheetCustomProperty(this.context, () => {
      const sheet = this.sheetOf();
      if (!sheet.customProperties.has(key.toLowerCase())) {
        throw new MockOfficeError(
          "ItemNotFound",
          "The requested resource doesn't exist.",
          "WorksheetCustomPropertyCollection.getItem"
        );
      }
      return { sheet, key };
    });
  }

  getItemOrNullObject(key: string): MockWorksheetCustomProperty {
    return new MockWorksheetCustomProperty(
      this.context,
      () => {
        const sheet = this.sheetOf();
        return sheet.customProperties.has(key.toLowerCase()) ? { sheet, key } : null;
      },
      true
    );
  }
}

const TABLE_PROPERTIES = ["name", "style", "showHeaders", "showTotals", "id"] as const;

export class MockTableObject extends MockClientObject<MockTable> {
  protected readonly typeName = "Table";
  protected readonly loadable = TABLE_PROPERTIES;

  constructor(context: MockContextLike, resolver: () => MockTable | null, nullable = false) {
    super(context, resolver, nullable);
  }

  resolve(): MockTable {
    const table = super.resolve();
    if (!this.model.tables.includes(table)) {
      throw new MockOfficeError("ItemNotFound", "The table was deleted.", "Table");
    }
    return table;
  }

  protected property(table: MockTable, name: string): unknown {
    if (name === "id") return String(table.id);
    return table[name as "name" | "style" | "showHeaders" | "showTotals"];
  }

  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.op("Table.name", (table) => this.model.renameTable(table, value));
  }
  get style(): string {
    return this.read("style");
  }
  set style(value: string) {
    this.op("Table.style", (table) => {
      if (value !== "" && !/^TableStyle(Light|Medium|Dark)\d{1,2}$/.test(value)) {
        throw new MockOfficeError(
          "InvalidArgument",
          `Unknown table style "${value}".`,
          "Table.style"
        );
      }
      table.style = value;
    });
  }
  get showHeaders(): boolean {
    return this.read("showHeaders");
  }
  get showTotals(): boolean {
    return this.read("showTotals");
  }
  get id(): string {
    return this.read("id");
  }

  get worksheet(): MockWorksheet {
    return new MockWorksheet(this.context, () => this.resolve().sheet);
  }

  /** Header row, data and (when shown) totals row. */
  getRange(): MockRange {
    return new MockRange(this.context, () => {
      const table = this.resolve();
      return { sheet: table.sheet, rect: { ...table.rect } };
    });
  }

  getHeaderRowRange(): MockRange {
    return new MockRange(this.context, () => {
      const { sheet, rect } = this.resolve();
      return { sheet, rect: { ...rect, bottom: rect.top } };
    });
  }

  getDataBodyRange(): MockRange {
    return new MockRange(this.context, () => {
      const { sheet, rect, showTotals } = this.resolve();
      return {
        sheet,
        rect: { ...rect, top: rect.top + 1, bottom: rect.bottom - (showTotals ? 1 : 0) },
      };
    });
  }

  delete(): void {
    this.op("Table.delete", (table) =>
      this.model.tables.splice(this.model.tables.indexOf(table), 1)
    );
  }
}

export class MockTableCollection extends MockCollection<MockTable, MockTableObject> {
  protected readonly typeName = "TableCollection";
  protected readonly itemLoadable = TABLE_PROPERTIES;

  /** `sheetOf` null: the workbook's collection; else one sheet's. */
  constructor(
    context: MockContextLike,
    private readonly sheetOf: (() => MockSheet) | null
  ) {
    super(context);
  }

  protected list(): MockTable[] {
    const sheet = this.sheetOf?.();
    return this.context.model.tables.filter((t) => !sheet || t.sheet === sheet);
  }

  protected proxy(table: MockTable): MockTableObject {
    return new MockTableObject(this.context, () => table);
  }

  /** A table over `address` (a Range, or an address: sheet-qualified or on the active sheet). */
  add(address: MockRange | string, hasHeaders: boolean): MockTableObject {
    let created: MockTable | null = null;
    this.context.enqueue(() => {
      const model = this.context.model;
      let sheet: MockSheet;
      let rect: Rect;
      if (typeof address !== "string") {
        ({ sheet, rect } = address.resolve());
        if (this.sheetOf && this.sheetOf() !== sheet) {
          throw new MockOfficeError(
            "InvalidArgument",
            "The range is on another sheet.",
            "Table.add"
          );
        }
      } else if (this.sheetOf) {
        sheet = this.sheetOf();
        rect = rangeOn(sheet, address, "Table.add");
      } else {
        const parsed = parseAddress(address);
        const found = parsed.sheet === undefined ? model.activeSheet : model.sheet(parsed.sheet);
        if (!found)
          throw new MockOfficeError("ItemNotFound", `No sheet for ${address}.`, "Table.add");
        sheet = found;
        rect = parsed.rect;
      }
      model.check("Table.add");
      created = model.addTable(sheet, rect, hasHeaders);
    });
    return new MockTableObject(this.context, () => created);
  }

  getItem(name: string): MockTableObject {
    return new MockTableObject(this.context, () => {
      const table = this.list().find((t) => t.name.toUpperCase() === name.toUpperCase());
      if (!table) {
        throw new MockOfficeError(
          "ItemNotFound",
          "The requested resource doesn't exist.",
          "TableCollection.getItem"
        );
      }
      return table;
    });
  }

  getItemOrNullObject(name: string): MockTableObject {
    return new MockTableObject(
      this.context,
      () => this.list().find((t) => t.name.toUpperCase() === name.toUpperCase()) ?? null,
      true
    );
  }
}

const NAME_PROPERTIES = ["name", "type", "value", "visible"] as const;

export class MockNamedItem extends MockClientObject<MockName> {
  protected readonly typeName = "NamedItem";
  protected readonly loadable = NAME_PROPERTIES;

  constructor(context: MockContextLike, resolver: () => MockName | null, nullable = false) {
    super(context, resolver, nullable);
  }

  protected property(item: MockName, name: string): unknown {
    return item[name as "name" | "type" | "value" | "visible"];
  }

  get name(): string {
    return this.read("name");
  }
  get type(): string {
    return this.read("type");
  }
  get value(): unknown {
    return this.read("value");
  }
  get visible(): boolean {
    return this.read("visible");
  }

  getRange(): MockRange {
    return new MockRange(this.context, () => {
      const item = this.resolve();
      if (!item.ref) {
        throw new MockOfficeError(
          "InvalidArgument",
          "The named item does not refer to a range.",
          "NamedItem.getRange"
        );
      }
      return { sheet: item.ref.sheet, rect: { ...item.ref.rect } };
    });
  }

  getRangeOrNullObject(): MockRange {
    return new MockRange(
      this.context,
      () => {
        const ref = this.resolve().ref;
        return ref ? { sheet: ref.sheet, rect: { ...ref.rect } } : null;
      },
      true
    );
  }
}

export class MockNamedItemCollection extends MockCollection<MockName, MockNamedItem> {
  protected readonly typeName = "NamedItemCollection";
  protected readonly itemLoadable = NAME_PROPERTIES;

  protected list(): MockName[] {
    return [...this.context.model.names];
  }

  protected proxy(item: MockName): MockNamedItem {
    return new MockNamedItem(this.context, () => item);
  }

  getItem(name: string): MockNamedItem {
    return new MockNamedItem(this.context, () => {
      const item = this.context.model.namedItem(name);
      if (!item) {
        throw new MockOfficeError(
          "ItemNotFound",
          "The requested resource doesn't exist.",
          "NamedItemCollection.getItem"
        );
      }
      return item;
    });
  }

  getItemOrNullObject(name: string): MockNamedItem {
    return new MockNamedItem(this.context, () => this.context.model.namedItem(name) ?? null, true);
  }

  /** A name for a range (Range or sheet-qualified address) or a constant formula ("=0.2"). */
  add(name: string, reference: MockRange | string): MockNamedItem {
    let created: MockName | null = null;
    this.context.enqueue(() => {
      const model = this.context.model;
      model.check("NamedItem.add");
      if (typeof reference === "string") created = model.defineName(name, reference);
      else {
        const { sheet, rect } = reference.resolve();
        created = model.defineName(name, `=${printSheet(sheet.name)}!${printRect(rect)}`);
      }
    });
    return new MockNamedItem(this.context, () => created);
  }
}

export class MockWorksheetFreezePanes extends MockClientObject<MockSheet> {
  protected readonly typeName = "WorksheetFreezePanes";
  protected readonly loadable = [] as const;

  protected property(): unknown {
    return undefined;
  }

  freezeRows(count = 1): void {
    this.op("WorksheetFreezePanes.freezeRows", (sheet) => {
      sheet.frozen = count > 0 ? { rows: count, columns: 0 } : null;
    });
  }

  freezeColumns(count = 1): void {
    this.op("WorksheetFreezePanes.freezeColumns", (sheet) => {
      sheet.frozen = count > 0 ? { rows: 0, columns: count } : null;
    });
  }

  /** Freezes the cells of `range` (which starts at A1) in the top-left pane. */
  freezeAt(range: MockRange | string): void {
    this.op("WorksheetFreezePanes.freezeAt", (sheet) => {
      const rect = rangeOn(sheet, range, "WorksheetFreezePanes.freezeAt");
      sheet.frozen = { rows: rect.bottom + 1, columns: rect.right + 1 };
    });
  }

  unfreeze(): void {
    this.op("WorksheetFreezePanes.unfreeze", (sheet) => {
      sheet.frozen = null;
    });
  }

  getLocationOrNullObject(): MockRange {
    return new MockRange(
      this.context,
      () => {
        const sheet = this.resolve();
        const f = sheet.frozen;
        if (!f) return null;
        return {
          sheet,
          rect: {
            top: 0,
            left: 0,
            bottom: f.rows > 0 ? f.rows - 1 : ROWS - 1,
            right: f.columns > 0 ? f.columns - 1 : COLUMNS - 1,
          },
        };
      },
      true
    );
  }
}

type AreasTarget = { sheet: MockSheet; rects: Rect[] };

export class MockRangeCollection extends MockCollection<Target, MockRange> {
  protected readonly typeName = "RangeCollection";
  protected readonly itemLoadable = RANGE_PROPERTIES;

  constructor(
    context: MockContextLike,
    private readonly of: () => Target[]
  ) {
    super(context);
  }

  protected list(): Target[] {
    return this.of();
  }

  protected proxy(target: Target): MockRange {
    return new MockRange(this.context, () => target);
  }

  getItemAt(index: number): MockRange {
    return new MockRange(this.context, () => {
      const target = this.of()[index];
      if (!target) {
        throw new MockOfficeError(
          "InvalidArgument",
          "The index is out of range.",
          "RangeCollection.getItemAt"
        );
      }
      return target;
    });
  }
}

/** RangeAreas: the (possibly several) blocks of a selection. */
export class MockRangeAreas extends MockClientObject<AreasTarget> {
  protected readonly typeName = "RangeAreas";
  protected readonly loadable = ["address", "areaCount", "cellCount"] as const;

  protected property(target: AreasTarget, name: string): unknown {
    if (name === "areaCount") return target.rects.length;
    if (name === "cellCount") return target.rects.reduce((n, r) => n + rectCells(r), 0);
    return target.rects.map((r) => `${printSheet(target.sheet.name)}!${printRect(r)}`).join(",");
  }

  get address(): string {
    return this.read("address");
  }
  get areaCount(): number {
    return this.read("areaCount");
  }
  get cellCount(): number {
    return this.read("cellCount");
  }

  get areas(): MockRangeCollection {
    return new MockRangeCollection(this.context, () => {
      const { sheet, rects } = this.resolve();
      return rects.map((rect) => ({ sheet, rect }));
    });
  }

  get worksheet(): MockWorksheet {
    return new MockWorksheet(this.context, () => this.resolve().sheet);
  }
}

export interface MockEventHandlerResult {
  context: MockRequestContext;
  remove(): void;
}

export class MockWorkbookObject {
  readonly worksheets: MockWorksheetCollection;
  readonly tables: MockTableCollection;
  readonly names: MockNamedItemCollection;
  readonly onSelectionChanged: {
    add(handler: (args: { type: string }) => unknown): MockEventHandlerResult;
  };

  constructor(private readonly context: MockRequestContext) {
    this.worksheets = new MockWorksheetCollection(context);
    this.tables = new MockTableCollection(context, null);
    this.names = new MockNamedItemCollection(context);
    const model = context.model;
    this.onSelectionChanged = {
      add: (handler) => {
        context.enqueue(() => model.selectionHandlers.add(handler));
        return {
          context,
          remove: () => context.enqueue(() => model.selectionHandlers.delete(handler)),
        };
      },
    };
  }

  /** The selected block; fails, as in Excel, when several blocks are selected. */
  getSelectedRange(): MockRange {
    const model = this.context.model;
    return new MockRange(this.context, () => {
      if (model.selectionAreas) {
        throw new MockOfficeError(
          "InvalidSelection",
          "This operation is not supported for multiple selections.",
          "Workbook.getSelectedRange"
        );
      }
      return { sheet: model.activeSheet, rect: { ...model.selection } };
    });
  }

  getSelectedRanges(): MockRangeAreas {
    const model = this.context.model;
    return new MockRangeAreas(this.context, () => ({
      sheet: model.activeSheet,
      rects: (model.selectionAreas ?? [model.selection]).map((r) => ({ ...r })),
    }));
  }

  getActiveCell(): MockRange {
    const model = this.context.model;
    return new MockRange(this.context, () => ({
      sheet: model.activeSheet,
      rect: {
        top: model.activeCell.row,
        left: model.activeCell.column,
        bottom: model.activeCell.row,
        right: model.activeCell.column,
      },
    }));
  }
}

export interface MockExcel {
  run<T>(batch: (context: MockRequestContext) => Promise<T>): Promise<T>;
  run<T>(
    context: MockRequestContext,
    batch: (context: MockRequestContext) => Promise<T>
  ): Promise<T>;
  RequestContext: new () => MockRequestContext;
}

/** The `Excel` global over `model`. Like Office.js, run() syncs whatever the batch left queued. */
export function createExcel(model: MockWorkbook): MockExcel {
  async function run<T>(
    first: MockRequestContext | ((context: MockRequestContext) => Promise<T>),
    second?: (context: MockRequestContext) => Promise<T>
  ): Promise<T> {
    model.runCount++;
    const context = typeof first === "function" ? new MockRequestContext(model) : first;
    const batch = typeof first === "function" ? first : second;
    if (!batch) throw new Error("Excel.run: no batch function");
    const result = await batch(context);
    if (context.hasPending) await context.sync();
    return result;
  }
  return {
    run: run as MockExcel["run"],
    RequestContext: class extends MockRequestContext {
      constructor() {
        super(model);
      }
    },
  };
}
