// The Excel JavaScript API surface the add-in uses, over a MockWorkbook, with Office.js's batching
// rules: methods and property writes are queued and run at context.sync(); a property can be read
// only after it was load()ed and a sync ran (else PropertyNotLoaded, as in Office.js); objects such
// as getActiveCell() are resolved once, by the first sync that needs them, and keep pointing at the
// same cell afterwards.

import {
  COLUMNS,
  MockOfficeError,
  MockSheet,
  MockValue,
  MockWorkbook,
  ROWS,
  Rect,
  parseAddress,
  printRect,
  printSheet,
} from "./model";

/* global setTimeout */

type Target = { sheet: MockSheet; rect: Rect };

export class MockRequestContext {
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

function propertyList(props: string | string[] | undefined, all: readonly string[]): string[] {
  if (props === undefined) return [...all];
  const list = (Array.isArray(props) ? props : props.split(","))
    .map((p) => p.trim())
    .filter(Boolean);
  for (const p of list) {
    if (!all.includes(p)) {
      throw new Error(
        `Excel stand-in: load("${p}") is not supported (loadable: ${all.join(", ")})`
      );
    }
  }
  return list;
}

abstract class MockClientObject {
  protected loaded = new Map<string, unknown>();

  constructor(readonly context: MockRequestContext) {}

  protected read<T>(name: string, typeName: string): T {
    if (!this.loaded.has(name)) {
      throw new MockOfficeError(
        "PropertyNotLoaded",
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
        `${typeName}.${name}`
      );
    }
    return this.loaded.get(name) as T;
  }
}

const RANGE_PROPERTIES = [
  "address",
  "rowIndex",
  "columnIndex",
  "rowCount",
  "columnCount",
  "values",
  "formulas",
  "text",
] as const;

export class MockRange extends MockClientObject {
  private target: Target | null = null;

  constructor(
    context: MockRequestContext,
    private readonly resolver: () => Target
  ) {
    super(context);
  }

  /** Resolved by the first operation that runs at a sync, then fixed. */
  resolve(): Target {
    if (!this.target) this.target = this.resolver();
    return this.target;
  }

  load(props?: string | string[]): this {
    const list = propertyList(props, RANGE_PROPERTIES);
    this.context.enqueue(() => {
      const { sheet, rect } = this.resolve();
      const grid = (pick: (r: number, c: number) => MockValue) => {
        if ((rect.bottom - rect.top + 1) * (rect.right - rect.left + 1) > 1_000_000) {
          throw new MockOfficeError("ResponsePayloadSizeLimitExceeded", "The range is too large.");
        }
        const rows: MockValue[][] = [];
        for (let r = rect.top; r <= rect.bottom; r++) {
          const row: MockValue[] = [];
          for (let c = rect.left; c <= rect.right; c++) row.push(pick(r, c));
          rows.push(row);
        }
        return rows;
      };
      for (const p of list) {
        if (p === "address") {
          this.loaded.set(p, `${printSheet(sheet.name)}!${printRect(rect)}`);
        } else if (p === "rowIndex") this.loaded.set(p, rect.top);
        else if (p === "columnIndex") this.loaded.set(p, rect.left);
        else if (p === "rowCount") this.loaded.set(p, rect.bottom - rect.top + 1);
        else if (p === "columnCount") this.loaded.set(p, rect.right - rect.left + 1);
        else if (p === "values")
          this.loaded.set(
            p,
            grid((r, c) => sheet.get(r, c).value)
          );
        else if (p === "formulas")
          this.loaded.set(
            p,
            grid((r, c) => sheet.get(r, c).formula)
          );
        else if (p === "text")
          this.loaded.set(
            p,
            grid((r, c) => String(sheet.get(r, c).value))
          );
      }
    });
    return this;
  }

  get address(): string {
    return this.read("address", "Range");
  }
  get rowIndex(): number {
    return this.read("rowIndex", "Range");
  }
  get columnIndex(): number {
    return this.read("columnIndex", "Range");
  }
  get rowCount(): number {
    return this.read("rowCount", "Range");
  }
  get columnCount(): number {
    return this.read("columnCount", "Range");
  }
  get values(): MockValue[][] {
    return this.read("values", "Range");
  }
  set values(rows: MockValue[][]) {
    this.queueWrite(rows);
  }
  get formulas(): MockValue[][] {
    return this.read("formulas", "Range");
  }
  set formulas(rows: MockValue[][]) {
    this.queueWrite(rows);
  }
  get text(): string[][] {
    return this.read("text", "Range");
  }

  private queueWrite(rows: MockValue[][]): void {
    const copy = rows.map((row) => [...row]);
    this.context.enqueue(() => {
      const { sheet, rect } = this.resolve();
      this.context.model.write(sheet, rect, copy);
    });
  }

  get worksheet(): MockWorksheet {
    return new MockWorksheet(this.context, () => this.resolve().sheet);
  }

  /** The cell at (row, column) relative to this range's top-left corner. */
  getCell(row: number, column: number): MockRange {
    return new MockRange(this.context, () => {
      const { sheet, rect } = this.resolve();
      const top = rect.top + row;
      const left = rect.left + column;
      if (top < 0 || left < 0 || top >= ROWS || left >= COLUMNS) {
        throw new MockOfficeError(
          "InvalidArgument",
          "The cell is outside the sheet.",
          "Range.getCell"
        );
      }
      return { sheet, rect: { top, left, bottom: top, right: left } };
    });
  }

  getColumn(column: number): MockRange {
    return new MockRange(this.context, () => {
      const { sheet, rect } = this.resolve();
      if (column < 0 || rect.left + column > rect.right) {
        throw new MockOfficeError(
          "InvalidArgument",
          "The column is outside the range.",
          "Range.getColumn"
        );
      }
      return { sheet, rect: { ...rect, left: rect.left + column, right: rect.left + column } };
    });
  }

  getRow(row: number): MockRange {
    return new MockRange(this.context, () => {
      const { sheet, rect } = this.resolve();
      if (row < 0 || rect.top + row > rect.bottom) {
        throw new MockOfficeError(
          "InvalidArgument",
          "The row is outside the range.",
          "Range.getRow"
        );
      }
      return { sheet, rect: { ...rect, top: rect.top + row, bottom: rect.top + row } };
    });
  }
}

export class MockWorksheet extends MockClientObject {
  private sheet: MockSheet | null = null;

  constructor(
    context: MockRequestContext,
    private readonly resolver: () => MockSheet
  ) {
    super(context);
  }

  resolve(): MockSheet {
    if (!this.sheet) this.sheet = this.resolver();
    return this.sheet;
  }

  load(props?: string | string[]): this {
    const list = propertyList(props, ["name", "position"]);
    this.context.enqueue(() => {
      const sheet = this.resolve();
      for (const p of list) {
        if (p === "name") this.loaded.set(p, sheet.name);
        else this.loaded.set(p, this.context.model.sheets.indexOf(sheet));
      }
    });
    return this;
  }

  get name(): string {
    return this.read("name", "Worksheet");
  }
  get position(): number {
    return this.read("position", "Worksheet");
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
}

export class MockWorksheetCollection {
  constructor(private readonly context: MockRequestContext) {}

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
}

export interface MockEventHandlerResult {
  context: MockRequestContext;
  remove(): void;
}

export class MockWorkbookObject {
  readonly worksheets: MockWorksheetCollection;
  readonly onSelectionChanged: {
    add(handler: (args: { type: string }) => unknown): MockEventHandlerResult;
  };

  constructor(private readonly context: MockRequestContext) {
    this.worksheets = new MockWorksheetCollection(context);
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

  getSelectedRange(): MockRange {
    const model = this.context.model;
    return new MockRange(this.context, () => ({
      sheet: model.activeSheet,
      rect: { ...model.selection },
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
