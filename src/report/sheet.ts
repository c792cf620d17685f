// Lays out a report sheet top to bottom: a title, key figures, Excel tables with a totals row of native
// formulas, notes and charts beside the tables. Builders describe content; this file places it.

import { maxOf, minOf, sum } from "../engine/numeric";
import {
  Area,
  BuildOptions,
  CellContent,
  ChartSpec,
  ConditionalFormat,
  FormulaCell,
  NumberFormat,
  ReportMarker,
  ReportSheet,
  Scalar,
  TableSpec,
  WorkflowId,
  areaA1,
} from "./model";

export const TITLE_STYLE = { bold: true, size: 16, color: "#1F3864" } as const;
export const SUBTITLE_STYLE = { italic: true, color: "#595959" } as const;
export const SECTION_STYLE = { bold: true, size: 12, color: "#1F3864" } as const;

/** A column of a report table: its header, number format and what its totals row holds. */
export interface ColumnSpec {
  header: string;
  format?: NumberFormat;
  /** Totals row: SUM/AVERAGE/MIN/MAX of the column as a native formula, a label, or nothing. */
  total?: "sum" | "average" | "min" | "max" | { label: string };
  width?: number;
}

export interface PlacedTable {
  /** Header row + data rows (the Excel table's range). */
  area: Area;
  /** Sheet row of the first data row (0-based). */
  firstRow: number;
  /** Number of data rows. */
  rows: number;
  /** Sheet row of the totals row, when there is one. */
  totalsRow?: number;
  /** The data cells of column i (without header and totals). */
  column(i: number): Area;
  /** A1 address of the data cells of column i, e.g. "C5:C104". */
  columnA1(i: number, absolute?: boolean): string;
}

const FN: Record<"sum" | "average" | "min" | "max", string> = {
  sum: "SUM",
  average: "AVERAGE",
  min: "MIN",
  max: "MAX",
};

function numbersOf(cells: CellContent[]): number[] {
  const out: number[] = [];
  for (const c of cells) {
    const v = typeof c === "object" && c !== null ? c.value : c;
    if (typeof v === "number" && Number.isFinite(v)) out.push(v);
  }
  return out;
}

function aggregate(kind: "sum" | "average" | "min" | "max", values: number[]): number {
  if (values.length === 0) return 0;
  if (kind === "sum") return sum(values);
  if (kind === "average") return sum(values) / values.length;
  return kind === "min" ? minOf(values) : maxOf(values);
}

export class SheetBuilder {
  private readonly sheet: ReportSheet;
  /** The next free row. */
  row = 0;
  /** The right-most column used so far by tables (charts go to its right). */
  private rightmost = 0;
  private tableNames = new Set<string>();

  constructor(workflow: WorkflowId, name: string, options: BuildOptions) {
    const marker: ReportMarker = {
      product: "kam-analytics",
      workflow,
      version: 1,
      created: options.created ?? new Date().toISOString(),
      source: options.source ?? "",
    };
    this.sheet = {
      name,
      marker,
      blocks: [],
      formats: [],
      conditionalFormats: [],
      tables: [],
      charts: [],
      columnWidths: [],
      live: options.live === true ? true : undefined,
    };
  }

  /** Writes cells at (row, column) without moving the cursor. */
  put(row: number, column: number, cells: CellContent[][]): void {
    this.sheet.blocks.push({ row, column, cells });
  }

  format(area: Area, style: ReportSheet["formats"][number]["style"]): void {
    this.sheet.formats.push({ area, style });
  }

  conditional(format: ConditionalFormat): void {
    this.sheet.conditionalFormats.push(format);
  }

  /** The sheet's title and a subtitle line (source, date); leaves one blank row after. */
  title(text: string, subtitle?: string): void {
    this.put(this.row, 0, [[text]]);
    this.format({ row: this.row, column: 0, rows: 1, columns: 1 }, TITLE_STYLE);
    this.row++;
    if (subtitle) {
      this.put(this.row, 0, [[subtitle]]);
      this.format({ row: this.row, column: 0, rows: 1, columns: 1 }, SUBTITLE_STYLE);
      this.row++;
    }
    this.row++;
  }

  /** A section heading on its own row. */
  section(text: string): void {
    this.put(this.row, 0, [[text]]);
    this.format({ row: this.row, column: 0, rows: 1, columns: 1 }, SECTION_STYLE);
    this.row++;
  }

  /** A line of explanatory text (wrapped across `columns` cells is up to the host; kept in column A). */
  note(text: string): void {
    this.put(this.row, 0, [[text]]);
    this.format({ row: this.row, column: 0, rows: 1, columns: 1 }, SUBTITLE_STYLE);
    this.row++;
  }

  /**
   * Label/value pairs, one per row, starting at the cursor. Returns the sheet row of each pair so
   * formulas can refer to the values (column B).
   */
  keyValues(pairs: [string, CellContent, NumberFormat?][]): number[] {
    const top = this.row;
    this.put(
      top,
      0,
      pairs.map(([label, value]) => [label, value])
    );
    this.format({ row: top, column: 0, rows: pairs.length, columns: 1 }, { bold: true });
    pairs.forEach(([, , format], i) => {
      if (format)
        this.format({ row: top + i, column: 1, rows: 1, columns: 1 }, { numberFormat: format });
    });
    this.row += pairs.length + 1;
    this.rightmost = Math.max(this.rightmost, 2);
    return pairs.map((_, i) => top + i);
  }

  /**
   * An Excel table at the cursor (header row + rows), optionally followed by a totals row of native
   * formulas below the table. `rows` may hold FormulaCells (e.g. shares as "=C5/C$105"); use
   * `rowFormula` for formulas that refer to the table's own cells.
   */
  table(
    name: string,
    columns: ColumnSpec[],
    rows: CellContent[][],
    options: {
      style?: string;
      /** Builds a row's cells once the table's position is known (sheet row r, data index i). */
      rowFormula?: (placed: PlacedTable, r: number, i: number) => CellContent[] | undefined;
    } = {}
  ): PlacedTable {
    const top = this.row;
    const left = 0;
    const firstRow = top + 1;
    const n = rows.length;
    const hasTotals = columns.some((c) => c.total !== undefined);
    const placed: PlacedTable = {
      area: { row: top, column: left, rows: n + 1, columns: columns.length },
      firstRow,
      rows: n,
      totalsRow: hasTotals ? firstRow + n : undefined,
      column: (i) => ({ row: firstRow, column: left + i, rows: Math.max(n, 1), columns: 1 }),
      columnA1: (i, absolute = false) => areaA1(placed.column(i), absolute),
    };
    const body = options.rowFormula
      ? rows.map((r, i) => options.rowFormula?.(placed, firstRow + i, i) ?? r)
      : rows;

    let unique = name;
    for (let k = 2; this.tableNames.has(unique); k++) unique = `${name}_${k}`;
    this.tableNames.add(unique);

    this.put(top, left, [columns.map((c) => c.header), ...body]);
    const spec: TableSpec = {
      name: unique,
      area: placed.area,
      headers: columns.map((c) => c.header),
      style: options.style ?? "TableStyleMedium2",
    };
    this.sheet.tables.push(spec);
    columns.forEach((c, i) => {
      if (c.format && n > 0) this.format(placed.column(i), { numberFormat: c.format });
      const widths = this.sheet.columnWidths ?? [];
      widths[left + i] = Math.max(
        widths[left + i] ?? 0,
        c.width ?? Math.min(40, Math.max(10, c.header.length + 2))
      );
      this.sheet.columnWidths = widths;
    });

    if (hasTotals && placed.totalsRow !== undefined) {
      const totals: CellContent[] = columns.map((c, i) => {
        if (c.total === undefined) return null;
        if (typeof c.total === "object") return c.total.label;
        const values = numbersOf(body.map((r) => r[i] ?? null));
        const cell: FormulaCell = {
          formula: n > 0 ? `=${FN[c.total]}(${placed.columnA1(i)})` : "=0",
          value: aggregate(c.total, values),
        };
        return cell;
      });
      this.put(placed.totalsRow, left, [totals]);
      this.format(
        { row: placed.totalsRow, column: left, rows: 1, columns: columns.length },
        { bold: true }
      );
      columns.forEach((c, i) => {
        if (c.format && c.total !== undefined && typeof c.total !== "object") {
          this.format(
            { row: placed.totalsRow ?? 0, column: left + i, rows: 1, columns: 1 },
            { numberFormat: c.format }
          );
        }
      });
    }
    this.row = firstRow + n + (hasTotals ? 1 : 0) + 1;
    this.rightmost = Math.max(this.rightmost, left + columns.length);
    return placed;
  }

  /**
   * A chart placed to the right of the widest table so far, at `row` (default: the current row),
   * `height` rows tall and 8 columns wide unless the spec says otherwise.
   */
  chart(spec: Omit<ChartSpec, "anchor"> & { anchor?: Partial<Area> }, row?: number): void {
    const anchor: Area = {
      row: spec.anchor?.row ?? row ?? this.row,
      column: spec.anchor?.column ?? this.rightmost + 1,
      rows: spec.anchor?.rows ?? 16,
      columns: spec.anchor?.columns ?? 8,
    };
    this.sheet.charts.push({ ...spec, anchor });
  }

  freeze(rows: number, columns = 0): void {
    this.sheet.freeze = { rows, columns };
  }

  width(column: number, characters: number): void {
    const widths = this.sheet.columnWidths ?? [];
    widths[column] = characters;
    this.sheet.columnWidths = widths;
  }

  build(): ReportSheet {
    const widths = this.sheet.columnWidths ?? [];
    // Holes in the widths array would be undefined in JSON; fill them with Excel's default.
    this.sheet.columnWidths = Array.from({ length: widths.length }, (_, i) => widths[i] ?? 9);
    return this.sheet;
  }
}

/** Text a builder takes from the user's data: kept as text (writers never turn it into a formula). */
export function userText(value: string | number): Scalar {
  return typeof value === "number" ? String(value) : value;
}

/** User text, or our own label `none` where the data have none (e.g. "(no owner)"). */
export function userTextOr(value: string | null, none: string): Scalar {
  return value === null ? none : userText(value);
}
