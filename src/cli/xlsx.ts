/* global Buffer */
// The `kam` command's workbook writer: a ReportWorkbook (src/report/model.ts) to .xlsx with ExcelJS —
// values, native formulas with the engine's results cached, formats, tables, conditional formats, the
// report marker, native charts (src/cli/charts) and the page setup (src/report/print.ts). Reading .xlsx
// and .csv files is src/cli/read.ts.

import { Workbook } from "exceljs";
import type {
  Alignment,
  CellValue,
  ConditionalFormattingRule,
  Fill,
  Font,
  TableStyleProperties,
  Worksheet,
} from "exceljs";
import {
  Area,
  CellContent,
  NUMBER_FORMATS,
  PrintSetup,
  ReportSheet,
  ReportWorkbook,
  Style,
  a1,
  areaA1,
  MARKER_PROPERTY,
  isFormula,
  isLive,
  markerText,
} from "../report/model";
import { columnLetters, sheetNameFor, tableNameFor } from "../report/names";
import { printSetup, withRowsBelow } from "../report/print";
import { storeCharts } from "./charts/store";
import { Lang } from "../i18n/lang";
import { deflateStored } from "./zip";
import { hasQuotePrefixMark, putText, storeQuotePrefix } from "./safeText";

export { MARKER_PROPERTY };

const REL_CUSTOM_PROPERTY =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customProperty";
const TYPE_CUSTOM_PROPERTY =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.customProperty";

export interface WriteOptions {
  /** Language of the notes the writer adds (charts it cannot draw, live formulas). */
  lang: Lang;
  /** Told as the writing advances: each sheet as it starts (done 0) and, within a sheet, cells done
   *  of its cells; then the file's packing (sheet undefined). */
  onProgress?: (step: WriteStep) => void;
}

/** One step of the writing, for progress lines. */
export interface WriteStep {
  /** The sheet being written (its name in the file), or undefined while the file is packed. */
  sheet?: string;
  /** 1-based number of the sheet, and how many there are. */
  index: number;
  count: number;
  /** Cells of the sheet written so far, and its cells. */
  done: number;
  total: number;
}

/** What was written: the sheet and table names as they are in the file (de-duplicated, cleaned). */
export interface WrittenWorkbook {
  sheets: { name: string; tables: WrittenTable[]; notes: string[] }[];
}

export interface WrittenTable {
  name: string;
  /** A1 range with the header row, e.g. "A7:D10". */
  ref: string;
  headers: string[];
}

// ---------------------------------------------------------------------------------------------------
// Formulas

/**
 * Functions newer than Excel 2007 are stored with a prefix in the file (`_xlfn.STDEV.S`); Excel shows
 * #NAME? for them otherwise. Office.js adds the prefix itself; a file writer must.
 */
const FUTURE_FUNCTIONS = new Set(
  [
    "AGGREGATE ACOT ACOTH ARABIC BASE BETA.DIST BETA.INV BINOM.DIST BINOM.DIST.RANGE BINOM.INV BITAND",
    "BITLSHIFT BITOR BITRSHIFT BITXOR CEILING.MATH CEILING.PRECISE CHISQ.DIST CHISQ.DIST.RT CHISQ.INV",
    "CHISQ.INV.RT CHISQ.TEST COMBINA CONCAT CONFIDENCE.NORM CONFIDENCE.T COT COTH COVARIANCE.P",
    "COVARIANCE.S CSC CSCH DAYS DECIMAL ERF.PRECISE ERFC.PRECISE EXPON.DIST F.DIST F.DIST.RT F.INV",
    "F.INV.RT F.TEST FLOOR.MATH FLOOR.PRECISE FORECAST.ETS FORECAST.ETS.CONFINT FORECAST.ETS.SEASONALITY",
    "FORECAST.ETS.STAT FORECAST.LINEAR FORMULATEXT GAMMA GAMMA.DIST GAMMA.INV GAMMALN.PRECISE GAUSS",
    "HYPGEOM.DIST IFNA IFS ISFORMULA ISOWEEKNUM LAMBDA LET LOGNORM.DIST LOGNORM.INV MAXIFS MINIFS",
    "MODE.MULT MODE.SNGL NEGBINOM.DIST NORM.DIST NORM.INV NORM.S.DIST NORM.S.INV NUMBERVALUE PDURATION",
    "PERCENTILE.EXC PERCENTILE.INC PERCENTRANK.EXC PERCENTRANK.INC PERMUTATIONA PHI POISSON.DIST",
    "QUARTILE.EXC QUARTILE.INC RANK.AVG RANK.EQ RRI SEC SECH SHEET SHEETS SKEW.P STDEV.P STDEV.S",
    "SWITCH T.DIST T.DIST.2T T.DIST.RT T.INV T.INV.2T T.TEST TEXTJOIN UNICHAR UNICODE VAR.P VAR.S",
    "WEIBULL.DIST XLOOKUP XMATCH XOR Z.TEST SORTBY UNIQUE SEQUENCE RANDARRAY",
  ]
    .join(" ")
    .split(" ")
);
/** Dynamic-array functions that take a second prefix. */
const WORKSHEET_FUNCTIONS = new Set(["FILTER", "SORT"]);

/**
 * A formula as the file stores it: without the leading "=", newer functions prefixed with `_xlfn.`.
 * Text in double quotes and sheet names in single quotes are left alone.
 */
export function fileFormula(formula: string): string {
  const f = formula.startsWith("=") ? formula.slice(1) : formula;
  let out = "";
  let i = 0;
  while (i < f.length) {
    const ch = f[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < f.length) {
        if (f[j] === ch) {
          if (f[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += f.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_.]*(?=\s*\()/.exec(f.slice(i));
    const before = i > 0 ? f[i - 1] : "";
    if (m && !/[A-Za-z0-9_.$!:]/.test(before)) {
      const name = m[0].toUpperCase();
      if (FUTURE_FUNCTIONS.has(name)) out += `_xlfn.${m[0]}`;
      else if (WORKSHEET_FUNCTIONS.has(name)) out += `_xlfn._xlws.${m[0]}`;
      else out += m[0];
      i += m[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Names

/** Table header texts: non-empty and unique in the table (Excel repairs the file otherwise). */
function tableHeaders(headers: readonly string[], columns: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (let i = 0; i < columns; i++) {
    const base = (headers[i] ?? "").replace(/[\r\n]+/g, " ").trim() || `Column${i + 1}`;
    let name = base;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${base} ${k}`;
    seen.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Cells and styles

function argb(color: string): string {
  const hex = color.replace(/^#/, "").toUpperCase();
  if (!/^[0-9A-F]{6}$/.test(hex)) throw new Error(`not a colour: ${JSON.stringify(color)}`);
  return `FF${hex}`;
}

function checkedNumber(value: number, where: string): number {
  if (!Number.isFinite(value)) throw new Error(`${where}: the report holds ${value}, not a number`);
  return value === 0 ? 0 : value;
}

/** The ExcelJS value of a report cell. Text stays text: ExcelJS writes strings as shared strings.
 *  `where` (the cell's address, for messages) is only made when a message needs it. */
function cellValue(content: CellContent, at: () => string): CellValue {
  // An empty string is an empty cell (Excel and LibreOffice drop empty text cells anyway).
  if (content === null || content === "") return null;
  if (typeof content === "number")
    return Number.isFinite(content) ? content + 0 : checkedNumber(content, at());
  if (typeof content === "string" || typeof content === "boolean") return content;
  if (isFormula(content)) {
    const result =
      typeof content.value === "number" ? checkedNumber(content.value, at()) : content.value;
    return { formula: fileFormula(content.formula), result };
  }
  if (isLive(content)) {
    const v = content.value;
    return {
      formula: fileFormula(content.live),
      result: typeof v === "number" ? checkedNumber(v, at()) : v === null ? undefined : v,
    };
  }
  throw new Error(`${at()}: unknown cell content`);
}

const key = (row: number, column: number) => row * 16384 + column;

/** ExcelJS's style of a cell (numFmt, font, fill, alignment, protection). */
type CellStyle = ReturnType<Worksheet["getCell"]>["style"];

/**
 * Styles shared between cells: a report's format covers whole columns of a table, and ExcelJS files
 * each distinct style object once (its styles keep a WeakMap by object), so every cell of the same
 * look gets the same object instead of one of its own. Merges are kept by the pair of objects merged
 * (formats are applied area by area, the same objects again and again).
 */
class SharedStyles {
  private readonly merges = new WeakMap<Style, Map<Style, Style>>();
  private readonly plain = new WeakMap<Style, CellStyle>();
  private readonly prefixed = new WeakMap<Style, CellStyle>();
  readonly none: Style = {};

  /** `style` over `into` (the later format wins), the same object for the same pair. */
  merge(into: Style | undefined, style: Style): Style {
    if (into === undefined) return style;
    let byStyle = this.merges.get(into);
    if (!byStyle) this.merges.set(into, (byStyle = new Map()));
    let merged = byStyle.get(style);
    if (!merged) byStyle.set(style, (merged = { ...into, ...style }));
    return merged;
  }

  /** The ExcelJS style of `style`, with the quote-prefix mark (safeText) when the cell has it. */
  cellStyle(style: Style, quotePrefix: boolean): CellStyle {
    const cache = quotePrefix ? this.prefixed : this.plain;
    let out = cache.get(style);
    if (!out) {
      out = excelStyle(style);
      if (quotePrefix) out.protection = { locked: true };
      cache.set(style, out);
    }
    return out;
  }
}

function excelStyle(style: Style): CellStyle {
  const out: CellStyle = {};
  if (style.numberFormat) out.numFmt = NUMBER_FORMATS[style.numberFormat];
  if (style.bold || style.italic || style.size || style.color) {
    const font: Partial<Font> = { name: "Calibri", size: style.size ?? 11, family: 2 };
    if (style.bold) font.bold = true;
    if (style.italic) font.italic = true;
    if (style.color) font.color = { argb: argb(style.color) };
    out.font = font;
  }
  if (style.fill) {
    const fill: Fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
    out.fill = fill;
  }
  if (style.horizontalAlignment || style.wrap) {
    const alignment: Partial<Alignment> = {};
    if (style.horizontalAlignment) alignment.horizontal = style.horizontalAlignment;
    if (style.wrap) alignment.wrapText = true;
    out.alignment = alignment;
  }
  return out;
}

function conditionalStyle(style: Pick<Style, "color" | "fill" | "bold">) {
  const out: { font?: Partial<Font>; fill?: Fill } = {};
  if (style.color || style.bold) {
    out.font = {};
    if (style.color) out.font.color = { argb: argb(style.color) };
    if (style.bold) out.font.bold = true;
  }
  if (style.fill) {
    // Differential fills take the colour as the background colour.
    out.fill = { type: "pattern", pattern: "solid", bgColor: { argb: argb(style.fill) } };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Notes for what a file cannot hold

function funnelNote(title: string, lang: Lang): string {
  return lang === "zh"
    ? `图表「${title}」画成条形图（从上到下依次为各阶段）：文件格式的经典图表没有漏斗图。`
    : `Chart "${title}" is drawn as a bar chart (stages from the top): the file format's classic charts have no funnel.`;
}

function liveNote(lang: Lang): string {
  return lang === "zh"
    ? "本表含 KAM.* 公式：收件人需要安装 KAM Analytics 加载项，否则显示 #NAME?。"
    : "This sheet holds KAM.* formulas: recipients need the KAM Analytics add-in, or they see #NAME?.";
}

const NOTE_STYLE: Style = { italic: true, color: "#595959" };

// ---------------------------------------------------------------------------------------------------
// The report marker: a worksheet custom property, stored as Excel stores them (a customPr element in
// the sheet naming a binary part that holds the value as UTF-16LE text). ExcelJS writes no custom
// properties, so the writer adds them through three of its (stable since 2017) internal steps.

interface ZipLike {
  append(data: string | Buffer, options: { name: string; base64?: boolean }): void;
}
interface SheetModelInternal {
  id: number;
  name: string;
  rels?: { Id: string; Type: string; Target: string }[];
}
interface XlsxInternals {
  prepareModel(model: { worksheets: SheetModelInternal[] }, options: unknown): void;
  addWorksheets(zip: ZipLike, model: { worksheets: SheetModelInternal[] }): Promise<void>;
  addContentTypes(zip: ZipLike, model: unknown): Promise<void>;
}

function isXlsxInternals(x: unknown): x is XlsxInternals {
  const o = x as Record<string, unknown>;
  return (
    typeof o.prepareModel === "function" &&
    typeof o.addWorksheets === "function" &&
    typeof o.addContentTypes === "function"
  );
}

const xmlText = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * Inserts an element where CT_Worksheet wants customProperties: after sheetData, conditional
 * formats and page setup, before drawing, picture, tableParts and the sheet's extLst. Rules of
 * conditional formats carry their own extLst, so the search starts after the last of them.
 */
function insertBeforeTail(sheetXml: string, element: string): string {
  const from = Math.max(
    sheetXml.lastIndexOf("</sheetData>"),
    sheetXml.lastIndexOf("</conditionalFormatting>")
  );
  const tail = /<(drawing|legacyDrawing|picture|tableParts|extLst)[\s>/]|<\/worksheet>/g;
  tail.lastIndex = Math.max(from, 0);
  const m = tail.exec(sheetXml);
  const at = m ? m.index : sheetXml.length;
  return sheetXml.slice(0, at) + element + sheetXml.slice(at);
}

/** Makes `book.xlsx` store one custom property per marked sheet (by sheet name). */
function storeMarkers(book: Workbook, markers: Map<string, string>): void {
  const xlsx: unknown = book.xlsx;
  if (!isXlsxInternals(xlsx))
    throw new Error("this ExcelJS version cannot store the report marker (internals changed)");
  const prepareModel = xlsx.prepareModel.bind(xlsx);
  const addWorksheets = xlsx.addWorksheets.bind(xlsx);
  const addContentTypes = xlsx.addContentTypes.bind(xlsx);
  const parts = new Map<number, { part: string; rel: string; value: string }>();

  xlsx.prepareModel = (model, options) => {
    prepareModel(model, options);
    parts.clear();
    let n = 0;
    for (const sheet of model.worksheets) {
      const value = markers.get(sheet.name);
      if (value === undefined) continue;
      n++;
      const rel = "rIdKamReport";
      parts.set(sheet.id, { part: `customProperty${n}.bin`, rel, value });
      sheet.rels = [
        ...(sheet.rels ?? []),
        { Id: rel, Type: REL_CUSTOM_PROPERTY, Target: `../customProperty${n}.bin` },
      ];
    }
  };

  xlsx.addWorksheets = async (zip, model) => {
    const proxy: ZipLike = {
      append(data, options) {
        const m = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(options.name);
        const entry = m ? parts.get(Number(m[1])) : undefined;
        if (entry && typeof data === "string") {
          const element = `<customProperties><customPr name="${xmlText(MARKER_PROPERTY)}" r:id="${entry.rel}"/></customProperties>`;
          data = insertBeforeTail(data, element);
        }
        zip.append(data, options);
      },
    };
    await addWorksheets(proxy, model);
    for (const { part, value } of parts.values())
      zip.append(Buffer.from(value, "utf16le"), { name: `xl/${part}` });
  };

  xlsx.addContentTypes = async (zip, model) => {
    const proxy: ZipLike = {
      append(data, options) {
        if (options.name === "[Content_Types].xml" && typeof data === "string") {
          const overrides = [...parts.values()]
            .map(
              (p) => `<Override PartName="/xl/${p.part}" ContentType="${TYPE_CUSTOM_PROPERTY}"/>`
            )
            .join("");
          data = data.replace("</Types>", `${overrides}</Types>`);
        }
        zip.append(data, options);
      },
    };
    await addContentTypes(proxy, model);
  };
}

// ---------------------------------------------------------------------------------------------------
// Writing

function writeSheet(
  ws: Worksheet,
  sheet: ReportSheet,
  usedTables: Set<string>,
  options: WriteOptions,
  shared: SharedStyles,
  progress: (done: number, total: number) => void
): { tables: WrittenTable[]; notes: string[] } {
  const occupied = new Set<number>();
  let lastRow = -1;
  const written: { tables: WrittenTable[]; notes: string[] } = { tables: [], notes: [] };

  // Tables first: ExcelJS's addTable writes its rows into the cells; the blocks then overwrite them
  // with the report's values and formulas.
  const headerCells = new Map<number, string>();
  // Text goes through putText: cut to what a cell holds (noted), quote prefix where Excel needs it.
  const putValue = (
    row: number,
    column: number,
    value: CellValue,
    where: string | (() => string)
  ) => {
    const cell = ws.getCell(row + 1, column + 1);
    if (typeof value !== "string") cell.value = value;
    else {
      const note = putText(cell, value, where, options.lang);
      if (note) written.notes.push(note);
    }
  };
  for (const spec of sheet.tables) {
    const area = spec.area;
    const headers = tableHeaders(spec.headers, area.columns);
    headers.forEach((h, i) => headerCells.set(key(area.row, area.column + i), h));
    if (area.rows < 2 || area.columns < 1) continue; // a header without rows is no Excel table
    const name = tableNameFor(spec.name, (n) => usedTables.has(n.toLowerCase()));
    usedTables.add(name.toLowerCase());
    const style: TableStyleProperties = {
      theme: (spec.style ?? "TableStyleMedium2") as TableStyleProperties["theme"],
      showRowStripes: true,
    };
    ws.addTable({
      name,
      displayName: name,
      ref: a1(area.row, area.column),
      headerRow: true,
      totalsRow: false,
      style,
      columns: headers.map((h) => ({ name: h, filterButton: true })),
      rows: Array.from({ length: area.rows - 1 }, () => headers.map(() => null)),
    });
    written.tables.push({ name, ref: areaA1(area), headers });
  }

  // Progress by cells: told about every 5,000 cells.
  const total = sheet.blocks.reduce(
    (n, b) => n + b.cells.reduce((m, cells) => m + cells.length, 0),
    0
  );
  let done = 0;
  let told = 0;
  progress(0, total);
  // The cell's address for messages, made only when one is needed: one function for all cells (a
  // closure per cell costs more than the cell).
  let atRow = 0;
  let atColumn = 0;
  const at = () => `${sheet.name}!${a1(atRow, atColumn)}`;
  for (const block of sheet.blocks) {
    for (let r = 0; r < block.cells.length; r++) {
      const cells = block.cells[r];
      const row = block.row + r;
      for (let c = 0; c < cells.length; c++) {
        const content = cells[c];
        if (content === undefined) continue; // a hole in the row
        const column = block.column + c;
        atRow = row;
        atColumn = column;
        const k = key(row, column);
        const header = headerCells.get(k);
        const value = header !== undefined ? header : cellValue(content, at);
        if (value === null) continue;
        putValue(row, column, value, at);
        occupied.add(k);
        if (row > lastRow) lastRow = row;
      }
      done += cells.length;
      if (done - told >= 5000) {
        told = done;
        progress(done, total);
      }
    }
  }
  for (const [k, header] of headerCells) {
    const row = Math.floor(k / 16384);
    const column = k % 16384;
    if (!occupied.has(k)) {
      putValue(row, column, header, `${sheet.name}!${a1(row, column)}`);
      occupied.add(k);
    }
    lastRow = Math.max(lastRow, row);
  }

  const styles = new Map<number, Style>();
  const addStyle = (area: Area, style: Style) => {
    for (let r = area.row; r < area.row + area.rows; r++)
      for (let c = area.column; c < area.column + area.columns; c++) {
        const k = key(r, c);
        styles.set(k, shared.merge(styles.get(k), style));
      }
  };
  for (const f of sheet.formats) addStyle(f.area, f.style);

  // The live-mode note below the sheet. Charts are drawn (workbookBytes); a funnel as bars, said here.
  const notesBelow: string[] = [];
  if (sheet.live) notesBelow.push(liveNote(options.lang));
  for (const chart of sheet.charts)
    if (chart.kind === "funnel") written.notes.push(funnelNote(chart.title, options.lang));
  if (sheet.live) written.notes.unshift(liveNote(options.lang));
  notesBelow.forEach((text, i) => {
    const row = lastRow + 2 + i;
    ws.getCell(row + 1, 1).value = text;
    addStyle({ row, column: 0, rows: 1, columns: 1 }, NOTE_STYLE);
  });

  // Every written or formatted cell gets its shared style; a text cell putText marked for the quote
  // prefix keeps the mark.
  const styleCell = (k: number, style: Style) => {
    const cell = ws.getCell(Math.floor(k / 16384) + 1, (k % 16384) + 1);
    cell.style = shared.cellStyle(style, hasQuotePrefixMark(cell));
  };
  for (const [k, style] of styles) styleCell(k, style);
  for (const k of occupied) if (!styles.has(k)) styleCell(k, shared.none);
  progress(total, total);

  let priority = 1;
  for (const cf of sheet.conditionalFormats) {
    if (cf.area.rows < 1 || cf.area.columns < 1) continue;
    const ref = areaA1(cf.area);
    let rule: ConditionalFormattingRule;
    switch (cf.kind) {
      case "dataBar":
        rule = {
          type: "dataBar",
          priority: priority++,
          // Solid bars: ExcelJS writes gradient bars with a dangling x14 reference Excel may repair.
          gradient: false,
          cfvo: [{ type: "min" }, { type: "max" }],
          color: { argb: argb(cf.color) },
        } as ConditionalFormattingRule;
        break;
      case "colorScale":
        rule = {
          type: "colorScale",
          priority: priority++,
          cfvo: cf.mid
            ? [{ type: "min" }, { type: "percentile", value: 50 }, { type: "max" }]
            : [{ type: "min" }, { type: "max" }],
          color: (cf.mid ? [cf.min, cf.mid, cf.max] : [cf.min, cf.max]).map((c) => ({
            argb: argb(c),
          })),
        };
        break;
      case "cellValue":
        rule = {
          type: "cellIs",
          priority: priority++,
          operator: cf.operator,
          formulae: [...cf.values],
          style: conditionalStyle(cf.style),
        };
        break;
      case "textEquals":
        rule = {
          type: "cellIs",
          priority: priority++,
          operator: "equal",
          formulae: [`"${cf.text.replace(/"/g, '""')}"`],
          style: conditionalStyle(cf.style),
        };
        break;
    }
    ws.addConditionalFormatting({ ref, rules: [rule] });
  }

  (sheet.columnWidths ?? []).forEach((w, i) => {
    if (w > 0) ws.getColumn(i + 1).width = w;
  });
  // In-cell drop-down lists (data validation), cell by cell as ExcelJS writes them.
  for (const v of sheet.validations ?? []) {
    const source = `"${v.list.map((t) => t.replace(/[",]/g, " ")).join(",")}"`;
    for (let r = 0; r < v.area.rows; r++)
      for (let c = 0; c < v.area.columns; c++)
        ws.getCell(v.area.row + r + 1, v.area.column + c + 1).dataValidation = {
          type: "list",
          allowBlank: true,
          formulae: [source],
        };
  }

  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0)) {
    ws.views = [
      {
        state: "frozen",
        xSplit: sheet.freeze.columns,
        ySplit: sheet.freeze.rows,
        topLeftCell: a1(sheet.freeze.rows, sheet.freeze.columns),
      },
    ];
  }
  const notesEnd = notesBelow.length > 0 ? lastRow + 1 + notesBelow.length : -1;
  applyPrint(ws, withRowsBelow(printSetup(sheet), notesEnd));
  return written;
}

/** The page setup (src/report/print.ts) as ExcelJS stores it: pageSetUpPr fitToPage with
 *  fitToWidth/fitToHeight (0 = any number of pages), the print area and print titles as the defined
 *  names _xlnm.Print_Area and _xlnm.Print_Titles, and the odd-page header and footer. */
function applyPrint(ws: Worksheet, setup: PrintSetup): void {
  const { area, titleRows } = setup;
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: setup.orientation,
    fitToPage: true,
    fitToWidth: setup.fitWidth,
    fitToHeight: setup.fitHeight,
    // ExcelJS puts a "$" before each end of the range: rows made absolute here ("A$1:K$40").
    printArea: `${columnLetters(area.column)}$${area.row + 1}:${columnLetters(area.column + area.columns - 1)}$${area.row + area.rows}`,
    ...(titleRows ? { printTitlesRow: `${titleRows.first + 1}:${titleRows.last + 1}` } : {}),
  };
  const sections = (s: PrintSetup["header"]) =>
    (s.left ? `&L${s.left}` : "") +
    (s.center ? `&C${s.center}` : "") +
    (s.right ? `&R${s.right}` : "");
  ws.headerFooter = {
    ...ws.headerFooter,
    oddHeader: sections(setup.header),
    oddFooter: sections(setup.footer),
  };
}

/** The workbook as an .xlsx file's bytes, and the names it got. */
export async function workbookBytes(
  book: ReportWorkbook,
  options: WriteOptions
): Promise<{ bytes: Buffer; written: WrittenWorkbook }> {
  const wb = new Workbook();
  wb.creator = "KAM Analytics (kam command)";
  wb.lastModifiedBy = "KAM Analytics (kam command)";
  const created = book.sheets[0]?.marker.created;
  const date = created ? new Date(created) : new Date();
  wb.created = Number.isNaN(date.getTime()) ? new Date() : date;
  wb.modified = wb.created;
  const usedSheets = new Set<string>();
  const usedTables = new Set<string>();
  const markers = new Map<string, string>();
  const chartSheets = new Map<string, ReportSheet>();
  const written: WrittenWorkbook = { sheets: [] };
  const shared = new SharedStyles();
  const count = book.sheets.length;
  for (const [i, sheet] of book.sheets.entries()) {
    const name = sheetNameFor(sheet.name, (n) => usedSheets.has(n.toLowerCase()));
    usedSheets.add(name.toLowerCase());
    const ws = wb.addWorksheet(name);
    const result = writeSheet(ws, sheet, usedTables, options, shared, (done, total) =>
      options.onProgress?.({ sheet: name, index: i + 1, count, done, total })
    );
    markers.set(name, markerText(sheet.marker));
    if (sheet.charts.length > 0) chartSheets.set(name, sheet);
    written.sheets.push({ name, ...result });
  }
  if (book.sheets.length === 0) wb.addWorksheet("Sheet1");
  storeMarkers(wb, markers);
  storeCharts(wb, chartSheets);
  storeQuotePrefix(wb);
  options.onProgress?.({ index: count, count, done: 0, total: 1 });
  // ExcelJS's zip stored, then deflated with Node's zlib (src/cli/zip.ts): the same parts, faster.
  const stored = Buffer.from(await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } }));
  const bytes = deflateStored(stored);
  options.onProgress?.({ index: count, count, done: 1, total: 1 });
  return { bytes, written };
}
