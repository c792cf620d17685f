// The Office.js writer of report sheets: applies a host-neutral ReportSheet (src/report/model.ts) to
// the live workbook, always through a new sheet, and finds the sheets it wrote by their marker.
//
// How a report is written (writeReport):
//  1. One sync reads the sheet, table and name lists.
//  2. A new sheet with a temporary unique name is added and marked (worksheet custom property
//     "KAM.Report" = the ReportMarker as JSON); cell contents and number formats follow in chunks of
//     at most `chunkCells` cells, one sync per chunk (the first chunk rides with the sheet's creation).
//  3. One sync applies everything else (fonts, fills, alignment, widths, tables, conditional
//     formats, freeze panes, charts) and re-reads the sheet list and, when replacing, the marker of
//     the sheet to replace.
//     When replacing a sheet that declares input cells (ReportSheet.inputs), one more sync before step 2
//     reads the values typed in the old sheet's input areas (its "KAM.Inputs" layout), and the new
//     sheet gets them back in the areas of the same key (src/report/inputs.ts).
//  4. One sync commits: deletes the replaced sheet (ours, confirmed, re-checked), renames the new
//     sheet to its final name, puts it where the old one was and activates it.
// Round trips: 3 + the number of chunks. Any failure before the commit deletes the new sheet (best
// effort) and throws a ReportWriteError saying what failed and that the user's sheets were not changed.

import {
  Area,
  CellContent,
  ChartKind,
  ChartSeries,
  ChartSpec,
  ConditionalFormat,
  NUMBER_FORMATS,
  PrintSetup,
  ReportMarker,
  ReportSheet,
  Style,
  MARKER_PROPERTY,
  TableSpec,
  a1,
  blockArea,
  isFormula,
  numberFormatOf,
  isLive,
  markerText,
  parseMarker,
} from "../report/model";
import { sheetNameFor, tableNameFor } from "../report/names";
import { cutCellText, needsTextPrefix } from "../report/cellText";
import { Lang } from "../i18n/lang";
import { WRITER_TEXT, WriterText } from "../i18n/writer";
import { printSetup } from "../report/print";
import { INPUTS_PROPERTY, inputsText, parseInputs, withCarriedInputs } from "../report/inputs";
import { describeExcelError } from "./errors";
import { LocalNames, writeKamFormula } from "./formulaLanguage";
import { SourcePort, listSources, readSource } from "./source";

/* global Excel, Office */

/** The worksheet custom property that marks a sheet as written by this add-in. */
/** The custom property of the marker (src/report/model.ts MARKER_PROPERTY). */
export const MARKER_KEY = MARKER_PROPERTY;

/** Cells (contents or number formats) sent to Excel per context.sync(). */
export const DEFAULT_CHUNK_CELLS = 20000;

export interface ExistingReport {
  sheet: string;
  marker: ReportMarker;
}

export interface WriteReportOptions {
  /** The add-in sheet the user agreed to replace (re-checked for our marker before it is deleted). */
  replace?: string;
  /** Called after each chunk of cells: cells written so far and in all. */
  onProgress?: (done: number, total: number) => void;
  /** At most this many cells per round trip (default DEFAULT_CHUNK_CELLS). */
  chunkCells?: number;
  /**
   * The functions' names in Excel's display language: a live KAM formula that Excel answers with
   * #NAME? is written again in that language (formulaLanguage.ts).
   */
  localNames?: LocalNames;
  /** Language of the note that ends a text cut to what a cell holds (default en). */
  lang?: Lang;
}

export interface WrittenReport {
  /** The sheet's final name. */
  sheet: string;
  /** True when `replace` named one of our sheets and it was replaced. */
  replaced: boolean;
  /** What could not be written as asked (e.g. charts the host refused); empty when all went in. */
  warnings?: string[];
}

/** Deletes the charts drawn so far on `sheet` (after a refused chart batch). */
async function clearCharts(context: Excel.RequestContext, sheet: Excel.Worksheet): Promise<void> {
  const charts = sheet.charts;
  charts.load("items/name");
  await context.sync();
  for (const chart of charts.items) chart.delete();
  await context.sync();
}

/**
 * Whether this Excel can write report sheets: the marker needs worksheet custom properties
 * (ExcelApi 1.12: Microsoft 365, Excel 2021 and later, Excel on the web).
 */
export function reportsSupported(): boolean {
  try {
    return Office.context.requirements.isSetSupported("ExcelApi", "1.12");
  } catch {
    return true; // no requirements API (a stand-in): assume a current host
  }
}

/**
 * Whether this Excel has Worksheet.pageLayout (ExcelApi 1.9, "Excel.PageLayout",
 * https://learn.microsoft.com/javascript/api/excel/excel.pagelayout). Reports need 1.12 anyway, so
 * this is false only on a host that answers oddly; the report is then written without page setup.
 */
export function printSupported(): boolean {
  try {
    return Office.context.requirements.isSetSupported("ExcelApi", "1.9");
  } catch {
    return true; // no requirements API (a stand-in): assume a current host
  }
}

/** What the task pane needs to write reports and to read their sources. */
export interface ReportPort extends SourcePort {
  findReports(): Promise<ExistingReport[]>;
  writeReport(report: ReportSheet, options?: WriteReportOptions): Promise<WrittenReport>;
  /** Whether this host can write report sheets (see reportsSupported). */
  supported(): boolean;
}

/** A failed write. `sheetsChanged` is false unless the replaced sheet (ours) was already removed. */
export class ReportWriteError extends Error {
  constructor(
    message: string,
    /** What was being done, e.g. "writing cells (chunk 2 of 3)". */
    readonly stage: string,
    /** Excel's error code, when Excel reported one. */
    readonly code: string | undefined,
    readonly sheetsChanged: boolean,
    /** A sheet of ours that could not be removed or renamed. */
    readonly leftoverSheet?: string
  ) {
    super(message);
    this.name = "ReportWriteError";
  }
}

/** A refusal raised by the writer itself (not by Excel). */
class Refusal extends Error {}

// ---- the marker -------------------------------------------------------------------------------

export { parseMarker };

// ---- names ------------------------------------------------------------------------------------

const upper = (s: string) => s.toUpperCase();

function temporarySheetName(taken: (name: string) => boolean): string {
  for (;;) {
    const name = `KAM writing ${Math.random().toString(36).slice(2, 10)}`;
    if (!taken(name)) return name;
  }
}

// ---- cells ------------------------------------------------------------------------------------

/** The rule for text Excel would read as something else is host-neutral (src/report/cellText.ts). */
export { needsTextPrefix };

/**
 * Text as it must be sent so that it arrives as exactly this text: with Excel's quote prefix (a
 * leading apostrophe, which Excel keeps as the cell's "text" flag, not as part of the value) when
 * Excel would otherwise turn it into a formula, number, date or boolean.
 */
export function textInput(text: string): string {
  return needsTextPrefix(text) ? `'${text}` : text;
}

type Input = string | number | boolean | null;

function nonEmpty(area: Area): boolean {
  return area.rows > 0 && area.columns > 0;
}

function formulaText(formula: string): string {
  const f = formula.trim();
  return f.startsWith("=") ? f : `=${f}`;
}

/** What is sent for one cell; null leaves the cell as it is (empty on a new sheet). Text longer than
 *  a cell holds is cut with a note in the cell (Excel refuses the whole write otherwise) and `cut`
 *  is told where. */
function cellInput(
  cell: CellContent | undefined,
  lang: Lang,
  cut: (note: string) => void,
  where: () => string
): Input {
  if (cell === undefined || cell === null) return null;
  if (typeof cell === "string") {
    if (cell === "") return null;
    const fitted = cutCellText(cell, lang, where);
    if (fitted.note) cut(fitted.note);
    return textInput(fitted.text);
  }
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  if (typeof cell === "boolean") return cell;
  if (isFormula(cell)) return formulaText(cell.formula);
  if (isLive(cell)) return formulaText(cell.live);
  return null;
}

interface Piece {
  kind: "values" | "formulas" | "numberFormat";
  area: Area;
  rows: Input[][];
}

/**
 * All cell contents, then all number formats, cut into chunks of at most `chunk` cells: each area
 * fills what is left of the current chunk with whole rows (an area wider than a chunk is cut into
 * column bands first), so a report needs about total / chunk round trips.
 */
function planCells(
  report: ReportSheet,
  chunk: number,
  lang: Lang
): { chunks: Piece[][]; total: number; cuts: string[] } {
  const cuts: string[] = [];
  const cut = (note: string) => cuts.push(note);
  const chunks: Piece[][] = [];
  let room = 0;
  let total = 0;
  const add = (kind: Piece["kind"], area: Area, cell: (r: number, c: number) => Input) => {
    for (let c0 = 0; c0 < area.columns; c0 += chunk) {
      const columns = Math.min(chunk, area.columns - c0);
      for (let r0 = 0; r0 < area.rows;) {
        let rows = Math.min(area.rows - r0, Math.floor(room / columns));
        if (rows < 1) {
          chunks.push([]);
          room = chunk;
          rows = Math.min(area.rows - r0, Math.floor(chunk / columns));
        }
        const grid: Input[][] = [];
        for (let r = 0; r < rows; r++) {
          const row: Input[] = [];
          for (let c = 0; c < columns; c++) row.push(cell(r0 + r, c0 + c));
          grid.push(row);
        }
        chunks[chunks.length - 1].push({
          kind,
          area: { row: area.row + r0, column: area.column + c0, rows, columns },
          rows: grid,
        });
        room -= rows * columns;
        total += rows * columns;
        r0 += rows;
      }
    }
  };
  for (const block of report.blocks) {
    const area = blockArea(block);
    if (!nonEmpty(area)) continue;
    const hasFormula = block.cells.some((row) =>
      row.some((c) => c !== null && typeof c === "object")
    );
    add(hasFormula ? "formulas" : "values", area, (r, c) =>
      cellInput(block.cells[r][c], lang, cut, () => a1(area.row + r, area.column + c))
    );
  }
  for (const { area, style } of report.formats) {
    if (!style.numberFormat || !nonEmpty(area)) continue;
    const code = NUMBER_FORMATS[style.numberFormat];
    add("numberFormat", area, () => code);
  }
  return { chunks, total, cuts };
}

function cellsOf(pieces: Piece[]): number {
  return pieces.reduce((n, p) => n + p.area.rows * p.area.columns, 0);
}

// ---- formats, tables, conditional formats, charts ---------------------------------------------

/**
 * Column width in points for a width in characters: Excel's default font (Calibri 11) has a
 * maximum digit width of 7 pixels and a column adds 5 pixels of padding, so n characters are
 * 7n + 5 pixels, and a pixel is 0.75 point (at 96 dpi). 10 characters → 56.25 points.
 */
export function columnWidthPoints(characters: number): number {
  return (Math.max(0, characters) * 7 + 5) * 0.75;
}

const ALIGNMENT: Record<NonNullable<Style["horizontalAlignment"]>, "Left" | "Center" | "Right"> = {
  left: "Left",
  center: "Center",
  right: "Right",
};

const CHART_TYPES: Record<ChartKind, string> = {
  column: "ColumnClustered",
  bar: "BarClustered",
  line: "Line",
  pareto: "ColumnClustered",
  funnel: "Funnel",
  bubble: "Bubble",
  scatter: "XYScatter",
  pie: "Pie",
};

const CELL_OPERATORS = {
  greaterThan: "GreaterThan",
  lessThan: "LessThan",
  between: "Between",
  equal: "EqualTo",
} as const;

function operand(value: string): string {
  const v = value.trim();
  return v.startsWith("=") ? v : `=${v}`;
}

class SheetWriter {
  constructor(private readonly sheet: Excel.Worksheet) {}

  range(area: Area): Excel.Range {
    return this.sheet.getRangeByIndexes(area.row, area.column, area.rows, area.columns);
  }

  piece(piece: Piece): void {
    const range = this.range(piece.area);
    if (piece.kind === "values") range.values = piece.rows;
    else if (piece.kind === "formulas") range.formulas = piece.rows;
    else range.numberFormat = piece.rows;
  }

  style(area: Area, style: Style): void {
    if (!nonEmpty(area)) return;
    const range = this.range(area);
    const font = range.format.font;
    if (style.bold !== undefined) font.bold = style.bold;
    if (style.italic !== undefined) font.italic = style.italic;
    if (style.size !== undefined) font.size = style.size;
    if (style.color !== undefined) font.color = style.color;
    if (style.fill !== undefined) range.format.fill.color = style.fill;
    if (style.horizontalAlignment !== undefined) {
      range.format.horizontalAlignment = ALIGNMENT[style.horizontalAlignment];
    }
    if (style.wrap !== undefined) range.format.wrapText = style.wrap;
  }

  columnWidths(widths: number[]): void {
    widths.forEach((characters, column) => {
      if (typeof characters !== "number" || !Number.isFinite(characters)) return;
      this.sheet.getRangeByIndexes(0, column, 1, 1).format.columnWidth =
        columnWidthPoints(characters);
    });
  }

  table(spec: TableSpec, name: string): void {
    if (!nonEmpty(spec.area)) return;
    const table = this.sheet.tables.add(this.range(spec.area), true);
    table.name = name;
    if (spec.style) table.style = spec.style;
  }

  conditional(format: ConditionalFormat): void {
    if (!nonEmpty(format.area)) return;
    const range = this.range(format.area);
    switch (format.kind) {
      case "dataBar": {
        const bar = range.conditionalFormats.add("DataBar").dataBar;
        bar.positiveFormat.fillColor = format.color;
        break;
      }
      case "colorScale": {
        const scale = range.conditionalFormats.add("ColorScale").colorScale;
        scale.criteria = {
          minimum: { type: "LowestValue", color: format.min },
          ...(format.mid !== undefined
            ? { midpoint: { type: "Percentile", formula: "50", color: format.mid } }
            : {}),
          maximum: { type: "HighestValue", color: format.max },
        };
        break;
      }
      case "cellValue":
      case "textEquals": {
        // Text equality is Excel's "Cell Value equal to" with a quoted string (as the UI's
        // "Highlight Cells Rules > Equal To" writes it); comparisons ignore case, as in Excel.
        const cell = range.conditionalFormats.add("CellValue").cellValue;
        const style = format.style;
        if (style.color !== undefined) cell.format.font.color = style.color;
        if (style.bold !== undefined) cell.format.font.bold = style.bold;
        if (style.fill !== undefined) cell.format.fill.color = style.fill;
        if (format.kind === "textEquals") {
          cell.rule = { formula1: `="${format.text.replace(/"/g, '""')}"`, operator: "EqualTo" };
        } else {
          const [first, second] = format.values;
          cell.rule = {
            formula1: operand(first),
            ...(second !== undefined ? { formula2: operand(second) } : {}),
            operator: CELL_OPERATORS[format.operator],
          };
        }
        break;
      }
    }
  }

  /** An in-cell drop-down list (data validation, ExcelApi 1.8). */
  validation(area: Area, list: readonly string[]): void {
    if (!nonEmpty(area)) return;
    this.range(area).dataValidation.rule = {
      list: { inCellDropDown: true, source: list.map((t) => t.replace(/,/g, " ")).join(",") },
    };
  }

  freeze(rows: number, columns: number): void {
    const panes = this.sheet.freezePanes;
    if (rows > 0 && columns > 0) panes.freezeAt(this.sheet.getRangeByIndexes(0, 0, rows, columns));
    else if (rows > 0) panes.freezeRows(rows);
    else if (columns > 0) panes.freezeColumns(columns);
  }

  /**
   * The page setup (src/report/print.ts) through Worksheet.pageLayout, ExcelApi 1.9 (Microsoft's
   * reference: https://learn.microsoft.com/javascript/api/excel/excel.pagelayout): orientation;
   * zoom {horizontalFitToPages, verticalFitToPages} where 0 pages tall is "as many as needed", as
   * Excel's own recorded "Fit All Columns on One Page" sets it (excel.pagelayoutzoomoptions);
   * setPrintArea, setPrintTitleRows ("$16:$16") and headersFooters.defaultForAllPages, whose sections
   * take the header/footer codes (&P, &N, && for "&"; excel.headerfooter).
   */
  print(setup: PrintSetup): void {
    const layout = this.sheet.pageLayout;
    layout.orientation = setup.orientation === "landscape" ? "Landscape" : "Portrait";
    layout.zoom = { horizontalFitToPages: setup.fitWidth, verticalFitToPages: setup.fitHeight };
    if (nonEmpty(setup.area)) layout.setPrintArea(this.range(setup.area));
    if (setup.titleRows)
      layout.setPrintTitleRows(`$${setup.titleRows.first + 1}:$${setup.titleRows.last + 1}`);
    const sections = layout.headersFooters.defaultForAllPages;
    sections.leftHeader = setup.header.left;
    sections.centerHeader = setup.header.center;
    sections.rightHeader = setup.header.right;
    sections.leftFooter = setup.footer.left;
    sections.centerFooter = setup.footer.center;
    sections.rightFooter = setup.footer.right;
  }

  chart(spec: ChartSpec, report: ReportSheet): void {
    const series = spec.series.filter((s) => nonEmpty(s.values));
    if (series.length === 0) return;
    const first = series[0].values;
    const chart = this.sheet.charts.add(
      CHART_TYPES[spec.kind] as Excel.ChartType,
      this.range(first),
      first.columns === 1 ? "Columns" : "Rows"
    );
    const combinable = spec.kind === "column" || spec.kind === "line" || spec.kind === "pareto";
    let secondary: ChartSeries | undefined;
    series.forEach((s, i) => {
      const item = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
      item.name = s.name;
      item.setValues(this.range(s.values));
      if (nonEmpty(s.categories)) item.setXAxisValues(this.range(s.categories));
      if (spec.kind === "bubble" && s.sizes && nonEmpty(s.sizes)) {
        item.setBubbleSizes(this.range(s.sizes));
      }
      let drawnAsLine = spec.kind === "line";
      if (combinable && s.secondaryAxis) {
        item.chartType = "Line";
        item.axisGroup = "Secondary";
        drawnAsLine = true;
        secondary = secondary ?? s;
      } else if (combinable && s.kind !== undefined) {
        const base = spec.kind === "line" ? "line" : "column";
        if (s.kind !== base) item.chartType = s.kind === "line" ? "Line" : "ColumnClustered";
        drawnAsLine = s.kind === "line";
      }
      if (s.dashed) item.format.line.lineStyle = "Dash";
      if (s.color !== undefined) {
        if (drawnAsLine) item.format.line.color = s.color;
        else if (spec.kind === "scatter") {
          item.markerBackgroundColor = s.color;
          item.markerForegroundColor = s.color;
        } else item.format.fill.setSolidColor(s.color);
      }
    });
    chart.title.text = spec.title;
    if (spec.kind !== "pie" && spec.kind !== "funnel") {
      if (spec.xAxisTitle) chart.axes.categoryAxis.title.text = spec.xAxisTitle;
      if (spec.yAxisTitle) chart.axes.valueAxis.title.text = spec.yAxisTitle;
      if (spec.yFormat) chart.axes.valueAxis.numberFormat = NUMBER_FORMATS[spec.yFormat];
      const secondaryFormat = secondary && numberFormatOf(report.formats, secondary.values);
      if (secondaryFormat) {
        chart.axes.getItem("Value", "Secondary").numberFormat = NUMBER_FORMATS[secondaryFormat];
      }
    }
    if (spec.legend === "none") chart.legend.visible = false;
    else if (spec.legend !== undefined) {
      chart.legend.visible = true;
      chart.legend.position = spec.legend === "right" ? "Right" : "Bottom";
    }
    const { row, column, rows, columns } = spec.anchor;
    chart.setPosition(
      a1(row, column),
      a1(row + Math.max(rows, 1) - 1, column + Math.max(columns, 1) - 1)
    );
  }
}

// ---- finding and writing ----------------------------------------------------------------------

/** Queues a load of the sheet's marker property (a null object when the sheet has none). */
function markerOf(sheet: Excel.Worksheet): Excel.WorksheetCustomProperty {
  const property = sheet.customProperties.getItemOrNullObject(MARKER_KEY);
  property.load("value");
  return property;
}

/** After the sync: does the loaded property hold one of our markers? */
function isOurs(property: Excel.WorksheetCustomProperty): boolean {
  return !property.isNullObject && parseMarker(property.value) !== null;
}

export async function findReports(): Promise<ExistingReport[]> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const markers = sheets.items.map((sheet) => ({ sheet: sheet.name, property: markerOf(sheet) }));
    await context.sync();
    const found: ExistingReport[] = [];
    for (const { sheet, property } of markers) {
      const marker = isOurs(property) ? parseMarker(property.value) : null;
      if (marker) found.push({ sheet, marker });
    }
    return found;
  });
}

interface WriteState {
  /** The writer's texts in the pane's language. */
  W: WriterText;
  stage: string;
  /** The temporary sheet, once its creation was queued. */
  temp?: string;
  /** The sheet being replaced (as named in the workbook). */
  replacing?: string;
  /** Set while the commit batch runs. */
  committing: boolean;
  finalName?: string;
}

export async function writeReport(
  given: ReportSheet,
  options: WriteReportOptions = {}
): Promise<WrittenReport> {
  const chunk = Math.max(1, Math.floor(options.chunkCells ?? DEFAULT_CHUNK_CELLS));
  let report = given;
  const W = WRITER_TEXT[options.lang ?? "en"];
  const state: WriteState = { W, stage: W.stages.reading, committing: false };
  try {
    return await Excel.run(async (context) => {
      // 1. What is there: sheet names (for the temporary and final names), table and range names.
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const tables = context.workbook.tables;
      tables.load("items/name");
      const names = context.workbook.names;
      names.load("items/name");
      await context.sync();

      const existing = sheets.items.map((s) => s.name);
      const has = (list: string[], name: string) => list.some((n) => upper(n) === upper(name));
      state.replacing =
        options.replace === undefined
          ? undefined
          : existing.find((n) => upper(n) === upper(options.replace ?? ""));
      const temp = temporarySheetName((n) => has(existing, n));
      // What the user typed into the input cells of the sheet being replaced, carried over.
      if (state.replacing !== undefined && (report.inputs?.length ?? 0) > 0) {
        state.stage = W.stages.readingInputs;
        const before = sheets.getItem(state.replacing);
        const layout = before.customProperties.getItemOrNullObject(INPUTS_PROPERTY);
        layout.load("value");
        await context.sync();
        const oldAreas = layout.isNullObject ? new Map() : parseInputs(layout.value);
        const reads: { key: string; range: Excel.Range }[] = [];
        for (const { key } of report.inputs ?? []) {
          const area = oldAreas.get(key);
          if (!area) continue;
          const range = before.getRangeByIndexes(area.row, area.column, area.rows, area.columns);
          range.load("values");
          reads.push({ key, range });
        }
        if (reads.length > 0) {
          await context.sync();
          report = withCarriedInputs(report, new Map(reads.map((r) => [r.key, r.range.values])));
        }
      }
      const { chunks, total, cuts } = planCells(report, chunk, options.lang ?? "en");
      const takenTables = new Set([...tables.items, ...names.items].map((t) => upper(t.name)));
      const ownTables: { spec: TableSpec; name: string }[] = [];
      for (const spec of report.tables) {
        const name = tableNameFor(spec.name, (n) => takenTables.has(upper(n)));
        takenTables.add(upper(name));
        ownTables.push({ spec, name });
      }

      // 2. The new sheet, marked as ours, and the first chunk of cells.
      state.stage = W.stages.creating;
      state.temp = temp;
      const sheet = sheets.add(temp);
      sheet.customProperties.add(MARKER_KEY, markerText(report.marker));
      const layoutText = inputsText(report);
      if (layoutText !== undefined) sheet.customProperties.add(INPUTS_PROPERTY, layoutText);
      const writer = new SheetWriter(sheet);
      // The sheet to replace may have been deleted or renamed meanwhile: then nothing is replaced.
      const replaced =
        state.replacing === undefined ? undefined : sheets.getItemOrNullObject(state.replacing);
      replaced?.load("name");
      const oldTables = replaced?.tables;
      oldTables?.load("items/name");
      const oldMarker = replaced === undefined ? undefined : markerOf(replaced);
      let done = 0;
      for (let i = 0; i < Math.max(chunks.length, 1); i++) {
        const pieces = chunks[i] ?? [];
        if (chunks.length > 1) {
          state.stage =
            i === 0 ? W.stages.firstChunk(chunks.length) : W.stages.chunk(i + 1, chunks.length);
        }
        for (const piece of pieces) writer.piece(piece);
        // One round trip per chunk keeps each request under Excel's payload limits.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        if (i === 0 && replaced?.isNullObject) {
          state.replacing = undefined;
        } else if (i === 0 && oldMarker !== undefined && !isOurs(oldMarker)) {
          state.stage = W.stages.checking;
          throw new Refusal(W.notOurs(state.replacing ?? ""));
        }
        done += cellsOf(pieces);
        if (pieces.length > 0) options.onProgress?.(done, total);
      }

      // 3. Formats, tables, conditional formats, freeze panes, charts; then look again. The values of
      // the live KAM formulas are read in the same round trip, to catch a #NAME? (localized names).
      const liveCells = report.blocks.flatMap((block) =>
        block.cells.flatMap((line, r) =>
          line.flatMap((cell, c) => {
            if (!isLive(cell)) return [];
            const range = writer.range({
              row: block.row + r,
              column: block.column + c,
              rows: 1,
              columns: 1,
            });
            range.load("values");
            return [{ range, formula: formulaText(cell.live) }];
          })
        )
      );
      state.stage = W.stages.formatting;
      for (const { area, style } of report.formats) writer.style(area, style);
      if (report.columnWidths) writer.columnWidths(report.columnWidths);
      for (const { spec, name } of ownTables) writer.table(spec, name);
      for (const format of report.conditionalFormats) writer.conditional(format);
      if (report.freeze) writer.freeze(report.freeze.rows, report.freeze.columns);
      const printable = printSupported();
      if (printable) writer.print(printSetup(report));
      await context.sync();
      for (const live of liveCells) {
        if (live.range.values[0][0] !== "#NAME?" || !options.localNames) continue;
        state.stage = W.stages.localNames;
        // Rare (a localized Excel), and at most a few cells: one check per cell.
        await writeKamFormula(context, live.range, live.formula, options.localNames);
      }

      // Charts in a batch of their own: a host that refuses a newer chart type (funnel) must not
      // cost the report. Then funnels are drawn as bar charts; failing that, the sheet has no charts.
      state.stage = W.stages.charts;
      const warnings: string[] = [...cuts];
      if (!printable) warnings.push(W.noPageSetup);
      if (report.charts.length > 0) {
        const drawAll = async (adapt: (c: ChartSpec) => ChartSpec): Promise<unknown> => {
          try {
            for (const chart of report.charts) writer.chart(adapt(chart), report);
            await context.sync();
            return undefined;
          } catch (error) {
            await clearCharts(context, sheet);
            return error;
          }
        };
        let problem = await drawAll((c) => c);
        if (problem !== undefined && report.charts.some((c) => c.kind === "funnel")) {
          problem = await drawAll((c) => (c.kind === "funnel" ? { ...c, kind: "bar" } : c));
          if (problem === undefined) warnings.push(W.funnelAsBar);
        }
        if (problem !== undefined) {
          warnings.push(W.chartsFailed(describeExcelError(problem).message));
        }
      }

      // Drop-down lists in a batch of their own too: without them the report still stands.
      if ((report.validations?.length ?? 0) > 0) {
        state.stage = W.stages.lists;
        try {
          for (const v of report.validations ?? []) writer.validation(v.area, v.list);
          await context.sync();
        } catch (error) {
          warnings.push(W.listsFailed(describeExcelError(error).message));
        }
      }

      state.stage = W.stages.formatting;
      const now = context.workbook.worksheets;
      now.load("items/name");
      const old = state.replacing === undefined ? undefined : now.getItem(state.replacing);
      // (The sheet was there a moment ago, checked in step 2.)
      old?.load("position");
      const marker = old === undefined ? undefined : markerOf(old);
      await context.sync();

      state.stage = W.stages.checking;
      if (marker !== undefined && !isOurs(marker)) {
        throw new Refusal(W.notOurs(state.replacing ?? ""));
      }
      const others = now.items
        .map((s) => s.name)
        .filter((n) => upper(n) !== upper(temp) && upper(n) !== upper(state.replacing ?? "\0"));
      const finalName = sheetNameFor(report.name, (n) => has(others, n));
      state.finalName = finalName;

      // 4. Commit: the old sheet goes, the new one takes its name and place.
      state.stage = state.replacing === undefined ? W.stages.naming : W.stages.replacing;
      state.committing = true;
      if (old) {
        const position = old.position;
        old.delete();
        sheet.name = finalName;
        sheet.position = position;
        // Table names the replaced sheet held are free now.
        const freed = new Set((oldTables?.items ?? []).map((t) => upper(t.name)));
        const remaining = new Set([...takenTables].filter((n) => !freed.has(n)));
        for (const own of ownTables) remaining.delete(upper(own.name));
        for (const own of ownTables) {
          const preferred = tableNameFor(own.spec.name, (n) => remaining.has(upper(n)));
          remaining.add(upper(preferred));
          if (preferred !== own.name) sheet.tables.getItem(own.name).name = preferred;
        }
      } else {
        sheet.name = finalName;
      }
      sheet.activate();
      await context.sync();
      return { sheet: finalName, replaced: old !== undefined, warnings };
    });
  } catch (error) {
    if (state.committing) return afterFailedCommit(error, state);
    throw await failed(error, state);
  }
}

/** The error to throw for a failure before the commit, after removing the temporary sheet. */
async function failed(error: unknown, state: WriteState): Promise<ReportWriteError> {
  const problem =
    error instanceof Refusal
      ? { message: error.message, code: undefined }
      : describeExcelError(error);
  const W = state.W;
  const what =
    error instanceof Refusal ? W.refused(problem.message) : W.failed(state.stage, problem.message);
  const leftover = state.temp === undefined ? undefined : await removeSheet(state.temp);
  const tail = leftover === undefined ? W.unchanged : W.leftover(leftover);
  return new ReportWriteError(what + tail, state.stage, problem.code, false, leftover);
}

/** Deletes our temporary sheet if it exists; returns its name if it could not be removed. */
async function removeSheet(name: string): Promise<string | undefined> {
  try {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      sheet.load("name");
      await context.sync();
      if (sheet.isNullObject) return;
      sheet.delete();
      await context.sync();
    });
    return undefined;
  } catch {
    return name;
  }
}

/**
 * The commit batch failed part-way. Look at what happened: nothing (delete the new sheet and say
 * so), the old report removed but the new one not renamed (say where it is), or the report in place
 * (only moving/activating it failed: that is success).
 */
async function afterFailedCommit(error: unknown, state: WriteState): Promise<WrittenReport> {
  const problem = describeExcelError(error);
  let present: string[] | undefined;
  try {
    present = await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      return sheets.items.map((s) => s.name);
    });
  } catch {
    present = undefined;
  }
  const has = (name: string | undefined) =>
    name !== undefined && present !== undefined && present.some((n) => upper(n) === upper(name));
  const temp = state.temp ?? "";
  if (present === undefined) {
    throw new ReportWriteError(
      state.W.unreadable(state.stage, problem.message, temp, state.replacing),
      state.stage,
      problem.code,
      state.replacing !== undefined,
      temp
    );
  }
  if (!has(temp) && has(state.finalName)) {
    return { sheet: state.finalName ?? "", replaced: state.replacing !== undefined };
  }
  if (state.replacing === undefined || has(state.replacing)) throw await failed(error, state);
  throw new ReportWriteError(
    state.W.halfReplaced(state.stage, problem.message, state.replacing, temp),
    state.stage,
    problem.code,
    true,
    temp
  );
}

/** The ReportPort backed by the Office.js `Excel` global. */
export const officeReports: ReportPort = {
  findReports,
  writeReport,
  listSources,
  readSource,
  supported: reportsSupported,
};

/** officeReports, with the functions' names in Excel's display language for live formulas. */
export function createOfficeReports(options: { localNames?: LocalNames } = {}): ReportPort {
  return {
    ...officeReports,
    writeReport: (report, write) =>
      writeReport(report, { localNames: options.localNames, ...write }),
  };
}
