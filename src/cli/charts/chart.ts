// A chart part (xl/charts/chartN.xml) for a report's ChartSpec, written from the DrawingML chart
// definitions of Office Open XML (ECMA-376 Part 1, 21.2 "DrawingML - Charts"): a c:chartSpace whose
// plot area holds one plot per chart type (barChart, lineChart, scatterChart, bubbleChart, pieChart)
// and its axes. Series refer to the report sheet's ranges (c:cat / c:val / c:xVal / c:yVal /
// c:bubbleSize) and carry the values as a cache, so a reader that does not recalculate still draws
// them. Children are written in the order the schema's sequences require.

import {
  Area,
  CellContent,
  ChartSeries,
  ChartSpec,
  NUMBER_FORMATS,
  NumberFormat,
  ReportSheet,
  isFormula,
  numberFormatOf,
  isLive,
} from "../../report/model";
import { columnLetters, sheetRef } from "../../report/names";
import { el, esc, val, XML_DECLARATION } from "./xml";

export const NS_CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart";
export const NS_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/main";
export const NS_RELATIONSHIPS =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// ---- the sheet's values ---------------------------------------------------------------------------

/** The values a report sheet shows, by cell: constants, and the engine's value for formulas. Only the
 *  blocks that meet a chart's ranges are read (a report may hold a million rows; a chart a few). */
export class SheetValues {
  constructor(private readonly sheet: ReportSheet) {}

  /** The cells of `area`, row by row (a later block wins where blocks overlap, as when written). */
  of(area: Area): (string | number | boolean | null)[] {
    const out: (string | number | boolean | null)[] = new Array(area.rows * area.columns).fill(
      null
    );
    for (const block of this.sheet.blocks) {
      const top = Math.max(area.row, block.row);
      const bottom = Math.min(area.row + area.rows, block.row + block.cells.length);
      for (let r = top; r < bottom; r++) {
        const cells = block.cells[r - block.row];
        const left = Math.max(area.column, block.column);
        const right = Math.min(area.column + area.columns, block.column + cells.length);
        for (let c = left; c < right; c++) {
          const v = shown(cells[c - block.column]);
          if (v !== null) out[(r - area.row) * area.columns + (c - area.column)] = v;
        }
      }
    }
    return out;
  }

  /** The number format the report gives to all of `area` (report/model's numberFormatOf). */
  formatOf(area: Area): NumberFormat | undefined {
    return numberFormatOf(this.sheet.formats, area);
  }
}

function shown(content: CellContent): string | number | boolean | null {
  if (content === null || content === "") return null;
  if (isFormula(content) || isLive(content)) {
    const v = content.value;
    return typeof v === "number" && !Number.isFinite(v) ? null : v;
  }
  return content;
}

// ---- references and caches ------------------------------------------------------------------------

/** An absolute reference to `area` on `sheetName`, as a chart formula holds it ('KAM Plan'!$A$2:$A$9). */
export function areaRef(sheetName: string, area: Area): string {
  const cell = (r: number, c: number) => `$${columnLetters(c)}$${r + 1}`;
  const first = cell(area.row, area.column);
  const last = cell(area.row + area.rows - 1, area.column + area.columns - 1);
  return `${sheetRef(sheetName)}!${first === last ? first : `${first}:${last}`}`;
}

/** A number as the cache stores it: the shortest text that reads back as the same double. */
function numberText(n: number): string {
  return String(n === 0 ? 0 : n);
}

function numRef(ref: string, values: (string | number | boolean | null)[], format: string): string {
  const points = values
    .map((v, idx) =>
      typeof v === "number" ? el("c:pt", { idx }, el("c:v", {}, numberText(v))) : ""
    )
    .join("");
  return el(
    "c:numRef",
    {},
    el("c:f", {}, esc(ref)),
    el(
      "c:numCache",
      {},
      el("c:formatCode", {}, esc(format)),
      val("c:ptCount", values.length),
      points
    )
  );
}

function strRef(ref: string, values: (string | number | boolean | null)[]): string {
  const points = values
    .map((v, idx) =>
      v === null
        ? ""
        : el("c:pt", { idx }, el("c:v", {}, esc(typeof v === "string" ? v : String(v))))
    )
    .join("");
  return el(
    "c:strRef",
    {},
    el("c:f", {}, esc(ref)),
    el("c:strCache", {}, val("c:ptCount", values.length), points)
  );
}

/** Categories: numbers (periods, dates) as numbers with the sheet's format, anything else as text. */
function categoryData(ctx: Context, area: Area): string {
  const values = ctx.values.of(area);
  const ref = areaRef(ctx.sheetName, area);
  const numeric = values.every((v) => v === null || typeof v === "number");
  if (numeric && values.some((v) => v !== null)) return numRef(ref, values, ctx.formatCode(area));
  return strRef(ref, values);
}

function numberData(ctx: Context, area: Area): string {
  return numRef(areaRef(ctx.sheetName, area), ctx.values.of(area), ctx.formatCode(area));
}

// ---- shapes and text ------------------------------------------------------------------------------

function colour(color: string | undefined): string | undefined {
  const hex = color?.replace(/^#/, "").toUpperCase();
  return hex && /^[0-9A-F]{6}$/.test(hex) ? hex : undefined;
}

function solid(hex: string): string {
  return el("a:solidFill", {}, val("a:srgbClr", hex));
}

/** Shape properties of a series drawn as a line (a:ln: fill, then dash, then join). */
function lineShape(s: ChartSeries): string {
  const hex = colour(s.color);
  return el(
    "c:spPr",
    {},
    el(
      "a:ln",
      { w: 28_575, cap: "rnd" },
      hex ? solid(hex) : undefined,
      s.dashed ? val("a:prstDash", "dash") : undefined,
      el("a:round")
    )
  );
}

function fillShape(s: ChartSeries): string | undefined {
  const hex = colour(s.color);
  return hex ? el("c:spPr", {}, solid(hex)) : undefined;
}

/** No connecting line: a scatter of points (the marker's colour is set on c:marker). */
const NO_LINE = el("c:spPr", {}, el("a:ln", { w: 19_050 }, el("a:noFill")));

function rich(text: string, bold: boolean): string {
  return el(
    "c:tx",
    {},
    el(
      "c:rich",
      {},
      el("a:bodyPr"),
      el("a:lstStyle"),
      el(
        "a:p",
        {},
        el("a:pPr", {}, el("a:defRPr", { b: bold ? 1 : 0 })),
        el("a:r", {}, el("a:rPr", { lang: "en-US", b: bold ? 1 : 0 }), el("a:t", {}, esc(text)))
      )
    )
  );
}

/** CT_Title: tx, layout, overlay. */
function title(text: string, bold = true): string {
  return el("c:title", {}, rich(text, bold), val("c:overlay", 0));
}

/** The series name (CT_SerTx: a literal value). */
function seriesName(s: ChartSeries): string {
  return el("c:tx", {}, el("c:v", {}, esc(s.name)));
}

// ---- series ---------------------------------------------------------------------------------------

interface Context {
  sheetName: string;
  values: SheetValues;
  formatCode(area: Area): string;
}

interface Indexed {
  series: ChartSeries;
  /** Position in the spec (c:idx and c:order, unique in the chart). */
  index: number;
}

const hasArea = (a: Area | undefined): a is Area => a !== undefined && a.rows > 0 && a.columns > 0;

/** CT_BarSer: idx, order, tx, spPr, invertIfNegative, cat, val. */
function barSeries(ctx: Context, { series: s, index }: Indexed): string {
  return el(
    "c:ser",
    {},
    val("c:idx", index),
    val("c:order", index),
    seriesName(s),
    fillShape(s),
    val("c:invertIfNegative", 0),
    hasArea(s.categories) ? el("c:cat", {}, categoryData(ctx, s.categories)) : undefined,
    el("c:val", {}, numberData(ctx, s.values))
  );
}

/** CT_LineSer: idx, order, tx, spPr, marker, cat, val, smooth. */
function lineSeries(ctx: Context, { series: s, index }: Indexed): string {
  return el(
    "c:ser",
    {},
    val("c:idx", index),
    val("c:order", index),
    seriesName(s),
    lineShape(s),
    el("c:marker", {}, val("c:symbol", "none")),
    hasArea(s.categories) ? el("c:cat", {}, categoryData(ctx, s.categories)) : undefined,
    el("c:val", {}, numberData(ctx, s.values)),
    val("c:smooth", 0)
  );
}

/** CT_PieSer: idx, order, tx, spPr, cat, val (the slices take the chart's varied colours). */
function pieSeries(ctx: Context, { series: s, index }: Indexed): string {
  return el(
    "c:ser",
    {},
    val("c:idx", index),
    val("c:order", index),
    seriesName(s),
    hasArea(s.categories) ? el("c:cat", {}, categoryData(ctx, s.categories)) : undefined,
    el("c:val", {}, numberData(ctx, s.values))
  );
}

/** CT_ScatterSer: idx, order, tx, spPr, marker, xVal, yVal, smooth. */
function scatterSeries(ctx: Context, { series: s, index }: Indexed): string {
  const hex = colour(s.color);
  return el(
    "c:ser",
    {},
    val("c:idx", index),
    val("c:order", index),
    seriesName(s),
    NO_LINE,
    el(
      "c:marker",
      {},
      val("c:symbol", "circle"),
      val("c:size", 7),
      hex ? el("c:spPr", {}, solid(hex)) : undefined
    ),
    hasArea(s.categories) ? el("c:xVal", {}, numberData(ctx, s.categories)) : undefined,
    el("c:yVal", {}, numberData(ctx, s.values)),
    val("c:smooth", 0)
  );
}

/** CT_BubbleSer: idx, order, tx, spPr, invertIfNegative, xVal, yVal, bubbleSize, bubble3D. */
function bubbleSeries(ctx: Context, { series: s, index }: Indexed): string {
  const hex = colour(s.color);
  const fill = hex
    ? el("c:spPr", {}, el("a:solidFill", {}, el("a:srgbClr", { val: hex }, val("a:alpha", 75_000))))
    : undefined;
  return el(
    "c:ser",
    {},
    val("c:idx", index),
    val("c:order", index),
    seriesName(s),
    fill,
    val("c:invertIfNegative", 0),
    hasArea(s.categories) ? el("c:xVal", {}, numberData(ctx, s.categories)) : undefined,
    el("c:yVal", {}, numberData(ctx, s.values)),
    hasArea(s.sizes) ? el("c:bubbleSize", {}, numberData(ctx, s.sizes)) : undefined,
    val("c:bubble3D", 0)
  );
}

// ---- plots and axes -------------------------------------------------------------------------------

/** Axis ids of one chart: unique within it, each referenced by its plot and its crossing axis. */
const AXES = { category: 101, value: 102, category2: 103, value2: 104 } as const;

function axisIds(secondary: boolean): string {
  return secondary
    ? val("c:axId", AXES.category2) + val("c:axId", AXES.value2)
    : val("c:axId", AXES.category) + val("c:axId", AXES.value);
}

/** CT_BarChart: barDir, grouping, varyColors, ser*, gapWidth, overlap, axId×2. */
function barPlot(ctx: Context, series: Indexed[], dir: "col" | "bar", gap = 80): string {
  return el(
    "c:barChart",
    {},
    val("c:barDir", dir),
    val("c:grouping", "clustered"),
    val("c:varyColors", 0),
    series.map((s) => barSeries(ctx, s)).join(""),
    val("c:gapWidth", gap),
    axisIds(false)
  );
}

/** CT_LineChart: grouping, varyColors, ser*, marker, axId×2. */
function linePlot(ctx: Context, series: Indexed[], secondary: boolean): string {
  return el(
    "c:lineChart",
    {},
    val("c:grouping", "standard"),
    val("c:varyColors", 0),
    series.map((s) => lineSeries(ctx, s)).join(""),
    val("c:marker", 1),
    axisIds(secondary)
  );
}

interface AxisOptions {
  id: number;
  cross: number;
  position: "b" | "l" | "r" | "t";
  title?: string;
  format?: string;
  deleted?: boolean;
  /** Categories from the top (a funnel's first stage at the top). */
  reversed?: boolean;
  crosses?: "autoZero" | "max";
}

/** CT_CatAx: axId, scaling, delete, axPos, title, numFmt, majorTickMark, minorTickMark, tickLblPos,
 *  crossAx, crosses, auto, lblAlgn, lblOffset, noMultiLvlLbl. */
function categoryAxis(o: AxisOptions): string {
  return el(
    "c:catAx",
    {},
    val("c:axId", o.id),
    el("c:scaling", {}, val("c:orientation", o.reversed ? "maxMin" : "minMax")),
    val("c:delete", o.deleted ? 1 : 0),
    val("c:axPos", o.position),
    o.title ? title(o.title, false) : undefined,
    o.format ? el("c:numFmt", { formatCode: o.format, sourceLinked: 1 }) : undefined,
    val("c:majorTickMark", "out"),
    val("c:minorTickMark", "none"),
    val("c:tickLblPos", "low"),
    val("c:crossAx", o.cross),
    val("c:crosses", o.crosses ?? "autoZero"),
    val("c:auto", 1),
    val("c:lblAlgn", "ctr"),
    val("c:lblOffset", 100),
    val("c:noMultiLvlLbl", 0)
  );
}

/** CT_ValAx: axId, scaling, delete, axPos, majorGridlines, title, numFmt, majorTickMark,
 *  minorTickMark, tickLblPos, crossAx, crosses, crossBetween. */
function valueAxis(
  o: AxisOptions & { gridlines?: boolean; between?: "between" | "midCat" }
): string {
  return el(
    "c:valAx",
    {},
    val("c:axId", o.id),
    el("c:scaling", {}, val("c:orientation", "minMax")),
    val("c:delete", o.deleted ? 1 : 0),
    val("c:axPos", o.position),
    o.gridlines ? el("c:majorGridlines") : undefined,
    o.title ? title(o.title, false) : undefined,
    o.format ? el("c:numFmt", { formatCode: o.format, sourceLinked: 0 }) : undefined,
    val("c:majorTickMark", "out"),
    val("c:minorTickMark", "none"),
    val("c:tickLblPos", "nextTo"),
    val("c:crossAx", o.cross),
    val("c:crosses", o.crosses ?? "autoZero"),
    val("c:crossBetween", o.between ?? "between")
  );
}

/** The plots and axes of the plot area for a chart's series (those with values). */
function plotArea(ctx: Context, spec: ChartSpec, series: Indexed[]): string {
  const yFormat = spec.yFormat ? NUMBER_FORMATS[spec.yFormat] : undefined;
  const firstCategories = series.find((s) => hasArea(s.series.categories))?.series.categories;
  const categoryFormat =
    firstCategories && ctx.values.formatOf(firstCategories)
      ? NUMBER_FORMATS[ctx.values.formatOf(firstCategories) as NumberFormat]
      : undefined;
  const axes = (gridlines: boolean, reversed = false) =>
    categoryAxis({
      id: AXES.category,
      cross: AXES.value,
      position: spec.kind === "bar" || spec.kind === "funnel" ? "l" : "b",
      title: spec.xAxisTitle,
      format: categoryFormat,
      reversed,
    }) +
    valueAxis({
      id: AXES.value,
      cross: AXES.category,
      position: spec.kind === "bar" || spec.kind === "funnel" ? "b" : "l",
      title: spec.yAxisTitle,
      format: yFormat,
      gridlines,
    });

  switch (spec.kind) {
    case "pie":
      return el(
        "c:plotArea",
        {},
        el("c:layout"),
        el(
          "c:pieChart",
          {},
          val("c:varyColors", 1),
          series.map((s) => pieSeries(ctx, s)).join(""),
          val("c:firstSliceAng", 0)
        )
      );
    case "scatter":
    case "bubble": {
      const plot =
        spec.kind === "scatter"
          ? el(
              "c:scatterChart",
              {},
              val("c:scatterStyle", "lineMarker"),
              val("c:varyColors", 0),
              series.map((s) => scatterSeries(ctx, s)).join(""),
              axisIds(false)
            )
          : el(
              "c:bubbleChart",
              {},
              val("c:varyColors", 0),
              series.map((s) => bubbleSeries(ctx, s)).join(""),
              val("c:bubbleScale", 100),
              val("c:showNegBubbles", 0),
              axisIds(false)
            );
      const xFormat = firstCategories ? ctx.values.formatOf(firstCategories) : undefined;
      return el(
        "c:plotArea",
        {},
        el("c:layout"),
        plot,
        valueAxis({
          id: AXES.category,
          cross: AXES.value,
          position: "b",
          title: spec.xAxisTitle,
          format: xFormat ? NUMBER_FORMATS[xFormat] : undefined,
          between: "midCat",
        }),
        valueAxis({
          id: AXES.value,
          cross: AXES.category,
          position: "l",
          title: spec.yAxisTitle,
          format: yFormat,
          gridlines: true,
          between: "midCat",
        })
      );
    }
    case "bar":
    case "funnel":
      // A funnel is drawn as horizontal bars, first stage at the top: DrawingML's chart schema has
      // no funnel (Excel 2016's funnel is a chartex part that LibreOffice and older Excel ignore).
      return el(
        "c:plotArea",
        {},
        el("c:layout"),
        barPlot(ctx, series, "bar", spec.kind === "funnel" ? 30 : 80),
        axes(true, spec.kind === "funnel")
      );
    case "column":
    case "line":
    case "pareto": {
      const base = spec.kind === "line" ? "line" : "column";
      const secondary = series.filter((s) => s.series.secondaryAxis);
      const primary = series.filter((s) => !s.series.secondaryAxis);
      const columns = primary.filter((s) => (s.series.kind ?? base) === "column");
      const lines = primary.filter((s) => (s.series.kind ?? base) === "line");
      const secondaryFormat = secondary[0]
        ? ctx.values.formatOf(secondary[0].series.values)
        : undefined;
      return el(
        "c:plotArea",
        {},
        el("c:layout"),
        columns.length > 0 ? barPlot(ctx, columns, "col") : undefined,
        lines.length > 0 ? linePlot(ctx, lines, false) : undefined,
        secondary.length > 0 ? linePlot(ctx, secondary, true) : undefined,
        axes(true),
        secondary.length > 0
          ? categoryAxis({
              id: AXES.category2,
              cross: AXES.value2,
              position: "b",
              deleted: true,
            }) +
              valueAxis({
                id: AXES.value2,
                cross: AXES.category2,
                position: "r",
                format: secondaryFormat ? NUMBER_FORMATS[secondaryFormat] : undefined,
                crosses: "max",
              })
          : undefined
      );
    }
  }
}

/** The series a chart draws: those with values (an empty range would be an empty series). */
export function drawnSeries(spec: ChartSpec): Indexed[] {
  return spec.series
    .map((series, index) => ({ series, index }))
    .filter((s) => hasArea(s.series.values));
}

/**
 * The chart part for `spec` on the sheet written as `sheetName`, or undefined when no series has
 * values (nothing to draw). CT_ChartSpace: roundedCorners, chart; CT_Chart: title, autoTitleDeleted,
 * plotArea, legend, plotVisOnly, dispBlanksAs.
 */
export function chartPartXml(
  spec: ChartSpec,
  sheet: ReportSheet,
  sheetName: string,
  values = new SheetValues(sheet)
): string | undefined {
  const series = drawnSeries(spec);
  if (series.length === 0) return undefined;
  const ctx: Context = {
    sheetName,
    values,
    formatCode: (area) => {
      const f = values.formatOf(area);
      return f ? NUMBER_FORMATS[f] : "General";
    },
  };
  const legend =
    spec.legend === "none"
      ? undefined
      : el(
          "c:legend",
          {},
          val("c:legendPos", spec.legend === "right" ? "r" : "b"),
          val("c:overlay", 0)
        );
  const chart = el(
    "c:chart",
    {},
    spec.title ? title(spec.title) : undefined,
    val("c:autoTitleDeleted", spec.title ? 0 : 1),
    plotArea(ctx, spec, series),
    legend,
    val("c:plotVisOnly", 1),
    val("c:dispBlanksAs", "gap")
  );
  return (
    XML_DECLARATION +
    el(
      "c:chartSpace",
      { "xmlns:c": NS_CHART, "xmlns:a": NS_DRAWING, "xmlns:r": NS_RELATIONSHIPS },
      val("c:roundedCorners", 0),
      chart
    )
  );
}
