// The Functions tab's data: the selected list (a whole table with its header row, or any of its
// columns) read the way the Reports tab reads it — the source reader (src/report/source.ts) finds the
// header row and what each column holds. Pure: no Office, no React.

import { CellRef, RangeRef, columnLetters, columnRuns, sameSheet } from "../excel/address";
import { SelectedBlock } from "../excel/workbook";
import { TOTAL_WORDS } from "../i18n/report.source";
import { SourceFor } from "../report/roles";
import { ColumnKind, SourceAnalysis, analyseSource } from "../report/source";

export interface ListColumn {
  /** 0-based sheet column. */
  column: number;
  /** "C". */
  letter: string;
  /** The header ("Amount"; two header rows combined), or null when the list has none or it is empty. */
  header: string | null;
  /** What its data cells mostly hold. */
  kind: ColumnKind;
}

export interface SelectedList {
  sheet: string;
  /** The selected columns, header row included: one range per run of adjacent columns. */
  areas: RangeRef[];
  columns: ListColumn[];
  /** 0-based sheet row of the (first) header row, or null when every row is data. */
  headerRow: number | null;
  /** 0-based sheet rows of the first and last data row (header and a totals row at the end left out). */
  dataTop: number;
  dataBottom: number;
  /** 0-based sheet row of a totals row (Total, 合计, ...) at the end, left out of the data. */
  totalsRow: number | null;
  /** The first rows as read (what the role detection looks at), one value per column. */
  values: unknown[][];
  formats: string[][];
}

function normalize(s: string): string {
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, "");
}

const TOTALS = new Set(TOTAL_WORDS.map(normalize));

function isTotalsRow(row: readonly unknown[] | undefined): boolean {
  return (row ?? []).some((v) => typeof v === "string" && TOTALS.has(normalize(v)));
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

const analyses = new WeakMap<SelectedList, Map<SourceFor, SourceAnalysis>>();

/**
 * The source reader's analysis of the list for a workflow (its header, its columns' kinds and which
 * column it takes for each of the workflow's roles), computed once per list and workflow.
 */
export function listAnalysis(list: SelectedList, workflow: SourceFor): SourceAnalysis {
  let cache = analyses.get(list);
  if (!cache) {
    cache = new Map();
    analyses.set(list, cache);
  }
  let analysis = cache.get(workflow);
  if (!analysis) {
    analysis = analyseSource(list.values, workflow, {
      origin: { sheet: list.sheet, row: list.areas[0].top, column: list.areas[0].left },
      formats: list.formats,
      // The functions read one value per row: never the wide (one series per row) layout.
      layout: workflow === "forecast" ? "long" : undefined,
      lang: "en",
      maxIssues: 0,
    });
    cache.set(workflow, analysis);
  }
  return analysis;
}

/** The list in a selected block, or null when its cells are all empty. */
export function readList(block: SelectedBlock): SelectedList | null {
  const { sheet, top, bottom, columns, values, formats } = block;
  if (columns.length === 0 || values.every((row) => row.every(isBlank))) return null;
  const areas = columnRuns(columns).map((run) => ({
    sheet,
    top,
    bottom,
    left: run.left,
    right: run.right,
  }));
  // Header and column kinds do not depend on the workflow: any will do.
  const list: SelectedList = {
    sheet,
    areas,
    columns: [],
    headerRow: null,
    dataTop: top,
    dataBottom: bottom,
    totalsRow: null,
    values,
    formats,
  };
  const analysis = listAnalysis(list, "accounts");
  const headerRows =
    analysis.headerRow === null
      ? []
      : values.slice(analysis.headerRow, Math.max(analysis.dataRow, analysis.headerRow + 1));
  list.headerRow = analysis.headerRow === null ? null : top + analysis.headerRow;
  list.dataTop = top + analysis.dataRow;
  list.columns = columns.map((column, c) => ({
    column,
    letter: columnLetters(column),
    header: headerRows.some((row) => !isBlank(row[c])) ? analysis.headers[c] : null,
    kind: analysis.columns[c]?.kind ?? "empty",
  }));
  const last = block.lastRow ?? (bottom - top < values.length ? values[bottom - top] : undefined);
  if (bottom > list.dataTop && isTotalsRow(last)) {
    list.totalsRow = bottom;
    list.dataBottom = bottom - 1;
  }
  return list;
}

/** Rows of data (0 when the selection is only a header). */
export function dataRowCount(list: SelectedList): number {
  return Math.max(0, list.dataBottom - list.dataTop + 1);
}

/** The column of the list at a sheet column, if the list has it. */
export function listColumn(list: SelectedList, column: number): ListColumn | undefined {
  return list.columns.find((c) => c.column === column);
}

/** Whether a cell lies in the selected list (header and totals row included). */
export function insideList(list: SelectedList, cell: CellRef): boolean {
  return list.areas.some(
    (area) =>
      sameSheet(area.sheet, cell.sheet) &&
      cell.row >= area.top &&
      cell.row <= area.bottom &&
      cell.column >= area.left &&
      cell.column <= area.right
  );
}
