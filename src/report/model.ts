// The host-neutral description of a report workbook. Report builders (src/report/*) produce it from
// engine results; two writers apply it: src/excel/report.ts (Office.js, the task pane) and the `kam`
// command's ExcelJS writer (src/cli). Nothing here knows about Office, the DOM or files.
//
// Coordinates are 0-based (row 0 = sheet row 1, column 0 = column A). Every range a builder refers to
// lies on its own sheet unless a formula says otherwise. A report sheet holds values and native Excel
// formulas only (portable); `live` cells carry a KAM.* formula and are only produced when the user
// asks for live formulas.

import { columnLetters } from "./names";
import { Lang } from "../i18n/lang";

// Column letters and sheet quoting live in ./names (host-neutral); re-exported for the builders.
import type { Dataset, ExtraId } from "./roles";
export { columnLetters, sheetRef } from "./names";

/** A constant written as it is. Text is always text: a writer never lets "=..." become a formula. */
export type Scalar = string | number | boolean | null;

/** A native Excel formula (en-US function names, A1 references, "," separators), with the value the
 *  engine computed for it: writers may cache it, tests compare the spreadsheet's result with it. */
export interface FormulaCell {
  formula: string;
  value: number | string;
}

/** A KAM.* formula (live mode only): recipients need the add-in. `value` is the engine's result for
 *  the anchor cell; the formula may spill. */
export interface LiveCell {
  live: string;
  value: Scalar;
}

export type CellContent = Scalar | FormulaCell | LiveCell;

export function isFormula(c: CellContent): c is FormulaCell {
  return typeof c === "object" && c !== null && "formula" in c;
}

export function isLive(c: CellContent): c is LiveCell {
  return typeof c === "object" && c !== null && "live" in c;
}

/** A rectangle on the sheet. */
export interface Area {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** A rectangular block of cells written at (row, column); rows may be ragged (missing = empty). */
export interface Block {
  row: number;
  column: number;
  cells: CellContent[][];
}

/** Named number formats; writers map them to Excel format codes (see NUMBER_FORMATS). */
export type NumberFormat =
  | "integer" // #,##0
  | "number" // #,##0.00
  | "decimal4" // 0.0000
  | "percent" // 0.0%
  | "currency" // #,##0.00 (no symbol: the user's currency is unknown)
  | "date" // yyyy-mm-dd
  | "month" // yyyy-mm
  | "text"; // @

export const NUMBER_FORMATS: Readonly<Record<NumberFormat, string>> = {
  integer: "#,##0",
  number: "#,##0.00",
  decimal4: "0.0000",
  percent: "0.0%",
  currency: "#,##0.00",
  date: "yyyy-mm-dd",
  month: "yyyy-mm",
  text: "@",
};

export interface Style {
  numberFormat?: NumberFormat;
  bold?: boolean;
  italic?: boolean;
  /** Font size in points. */
  size?: number;
  /** "#RRGGBB". */
  color?: string;
  /** "#RRGGBB" background. */
  fill?: string;
  horizontalAlignment?: "left" | "center" | "right";
  wrap?: boolean;
}

export interface Formatting {
  area: Area;
  style: Style;
}

/** Conditional formats that Excel, LibreOffice and ExcelJS all understand. */
export type ConditionalFormat =
  | { kind: "dataBar"; area: Area; color: string }
  | { kind: "colorScale"; area: Area; min: string; mid?: string; max: string }
  | {
      kind: "cellValue";
      area: Area;
      operator: "greaterThan" | "lessThan" | "between" | "equal";
      /** Formula operands as Excel expects them, e.g. "0" or "1.2". */
      values: [string] | [string, string];
      style: Pick<Style, "color" | "fill" | "bold">;
    }
  | {
      kind: "textEquals";
      area: Area;
      text: string;
      style: Pick<Style, "color" | "fill" | "bold">;
    };

/** An Excel table (ListObject) over `area`; its first row is the header row. */
export interface TableSpec {
  /** Workbook-unique name, letters/digits/underscore, e.g. "KAM_Accounts". Writers de-duplicate. */
  name: string;
  area: Area;
  /** Header texts, in order (also the first row of `area`, written by a Block). */
  headers: string[];
  /** A built-in style such as "TableStyleMedium2". */
  style?: string;
}

export type ChartKind =
  "column" | "bar" | "line" | "pareto" | "funnel" | "bubble" | "scatter" | "pie";

export interface ChartSeries {
  /** Series name (text). */
  name: string;
  /** Category labels (column/bar/line/pie/funnel) or x values (scatter/bubble). */
  categories: Area;
  values: Area;
  /** Bubble sizes (bubble charts only). */
  sizes?: Area;
  /** Drawn as a line on a secondary axis (the cumulative % of a Pareto chart). */
  secondaryAxis?: boolean;
  /** Overrides the chart kind for this series (a line in a column chart). */
  kind?: "line" | "column";
  color?: string;
  /** Dashed line (forecast intervals). */
  dashed?: boolean;
}

export interface ChartSpec {
  kind: ChartKind;
  title: string;
  series: ChartSeries[];
  /** Where it is drawn, in cells (top-left cell and size in rows/columns). */
  anchor: Area;
  xAxisTitle?: string;
  yAxisTitle?: string;
  /** Value-axis number format of the primary axis. */
  yFormat?: NumberFormat;
  legend?: "right" | "bottom" | "none";
}

/** Data validation by a list of allowed texts (an in-cell drop-down), e.g. an action's status. */
export interface ListValidation {
  area: Area;
  list: string[];
}

/** Input cells under a stable key ("<account>|<section>"): a re-run writes the values typed in the
 *  old sheet's area of the same key into the new one, as far as the new area reaches. */
export interface InputArea {
  key: string;
  area: Area;
}

/** What makes a sheet recognisably ours: stored with the sheet, not derived from its name. */
export interface ReportMarker {
  /** Always "kam-analytics". */
  product: "kam-analytics";
  /** Which workflow wrote it ("accounts", "forecast", "pipeline", "plan", "portfolio", "kpi"). */
  workflow: WorkflowId;
  /** Report format version. */
  version: 1;
  /** ISO timestamp of the run. */
  created: string;
  /** Where the data came from, e.g. "Orders!A1:D500" or "Table1". */
  source: string;
}

/** The worksheet custom property that holds a report sheet's marker (JSON): the same key for the
 *  task pane's writer (Office.js, ExcelApi 1.12 worksheet custom properties) and the `kam` files. */
export const MARKER_PROPERTY = "KAM.Report";

/** The marker as the custom property's text. */
export function markerText(marker: ReportMarker): string {
  return JSON.stringify(marker);
}

/** The marker stored in the custom property, or null when the text is not one of ours. */
export function parseMarker(text: unknown): ReportMarker | null {
  if (typeof text !== "string") return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== "object" || data === null) return null;
  const m = data as Record<string, unknown>;
  if (
    m.product !== "kam-analytics" ||
    !WORKFLOWS.includes(m.workflow as ReportMarker["workflow"]) ||
    m.version !== 1 ||
    typeof m.created !== "string" ||
    typeof m.source !== "string"
  ) {
    return null;
  }
  return {
    product: "kam-analytics",
    workflow: m.workflow as ReportMarker["workflow"],
    version: 1,
    created: m.created,
    source: m.source,
  };
}

export type WorkflowId =
  "accounts" | "forecast" | "pipeline" | "plan" | "portfolio" | "kpi" | "account-plan" | "team";

export const WORKFLOWS: readonly WorkflowId[] = [
  "accounts",
  "forecast",
  "pipeline",
  "plan",
  "portfolio",
  "kpi",
  "account-plan",
  "team",
];

export interface ReportSheet {
  /** Preferred sheet name (≤ 31 characters, none of : \ / ? * [ ]), e.g. "KAM Accounts". */
  name: string;
  marker: ReportMarker;
  blocks: Block[];
  formats: Formatting[];
  conditionalFormats: ConditionalFormat[];
  tables: TableSpec[];
  charts: ChartSpec[];
  /** In-cell drop-down lists (data validation): a cell of `area` must hold one of `list`. */
  validations?: ListValidation[];
  /** The cells the user fills (the yellow input cells, an actions table's rows), each under a key
   *  that names its account and section: a re-run carries their values over (src/report/inputs.ts). */
  inputs?: InputArea[];
  /** Column widths in characters, from column A. */
  columnWidths?: number[];
  /** Rows and columns to freeze (e.g. the title and header rows). */
  freeze?: { rows: number; columns: number };
  /** True when the sheet holds KAM.* formulas (live mode): the writer says recipients need the add-in. */
  live?: boolean;
  /** The report's key figures for `kam report --json` (snake_case keys, documented in the README),
   *  e.g. accounts {customers, revenue, tiers: {core, key, ordinary}, clv}. */
  figures?: Record<string, ReportFigure>;
  /** What the reader of the sheet must know (data left out, assumptions, fits that failed): the
   *  same texts the sheet shows, for the CLI and the pane. */
  warnings?: string[];
  /** How the sheet prints; when absent, writers derive it with printSetup (src/report/print.ts). */
  print?: PrintSetup;
}

/** Page setup of a report sheet, the same for both writers. Header and footer sections use Excel's
 *  header/footer codes (&P page, &N pages; a literal & is &&). */
export interface PrintSetup {
  orientation: "landscape" | "portrait";
  /** Pages wide and tall the print is scaled to; 0 = as many as needed (long tables break by rows). */
  fitWidth: number;
  fitHeight: number;
  /** What prints: from A1 to the last cell or chart. */
  area: Area;
  /** Rows repeated at the top of every page (0-based, inclusive), if any. */
  titleRows?: { first: number; last: number };
  header: { left: string; center: string; right: string };
  footer: { left: string; center: string; right: string };
}

export type ReportFigure =
  number | string | boolean | null | ReportFigure[] | { [key: string]: ReportFigure };

export interface ReportWorkbook {
  sheets: ReportSheet[];
}

/** Options every builder takes. */
export interface BuildOptions {
  lang: Lang;
  /** Write KAM.* formulas where the builder knows the source ranges (default false: portable). */
  live?: boolean;
  /** ISO timestamp to put into the marker (tests pass a fixed one). */
  created?: string;
  /** Human-readable source description for the marker and the sheet's subtitle. */
  source?: string;
  /** Progress of long builds (units done, total units). */
  onProgress?: (done: number, total: number) => void;
  /** The extra sources given (only those the workflow declares in WORKFLOW_EXTRAS, each read with
   *  its own roles); a builder says on the sheet what it could not do without one. */
  extras?: Partial<Record<ExtraId, Dataset>>;
}

/** The number format the report gives to all of `area` (the last of `formats` covering it). */
export function numberFormatOf(
  formats: readonly { area: Area; style: Style }[],
  area: Area
): NumberFormat | undefined {
  let found: NumberFormat | undefined;
  for (const { area: f, style } of formats) {
    if (
      style.numberFormat &&
      f.row <= area.row &&
      f.column <= area.column &&
      f.row + f.rows >= area.row + area.rows &&
      f.column + f.columns >= area.column + area.columns
    )
      found = style.numberFormat;
  }
  return found;
}

/** The area of a Block. */
export function blockArea(block: Block): Area {
  return {
    row: block.row,
    column: block.column,
    rows: block.cells.length,
    columns: block.cells.reduce((m, r) => Math.max(m, r.length), 0),
  };
}

/** A1 address of a cell or an area on the same sheet: (0,0) → "A1"; absolute with `$` when asked. */
export function a1(row: number, column: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetters(column)}${d}${row + 1}`;
}

export function areaA1(area: Area, absolute = false): string {
  const first = a1(area.row, area.column, absolute);
  if (area.rows === 1 && area.columns === 1) return first;
  return `${first}:${a1(area.row + area.rows - 1, area.column + area.columns - 1, absolute)}`;
}
