// Charts in the Excel stand-in: Worksheet.charts.add, series built from ranges (setValues,
// setXAxisValues, setBubbleSizes), per-series chart type and axis group, line style, title, axis
// titles and number format, legend, setPosition. Same batching rules as api.ts.

import { MockClientObject, MockCollection, MockContextLike } from "./base";
import type { MockRange, Target } from "./api";
import {
  MockChart,
  MockChartAxis,
  MockChartSeries,
  MockOfficeError,
  MockRef,
  MockSheet,
  Rect,
  parseAddress,
  printRect,
} from "./model";

/** Chart types the stand-in accepts (Excel.ChartType values). */
export const CHART_TYPES = [
  "ColumnClustered",
  "ColumnStacked",
  "ColumnStacked100",
  "BarClustered",
  "BarStacked",
  "Line",
  "LineMarkers",
  "Pie",
  "Doughnut",
  "Area",
  "XYScatter",
  "XYScatterLines",
  "XYScatterSmooth",
  "Bubble",
  "Funnel",
  "Pareto",
  "Waterfall",
  "Histogram",
];

const LINE_STYLES = [
  "None",
  "Continuous",
  "Dash",
  "DashDot",
  "DashDotDot",
  "Dot",
  "Grey25",
  "Grey50",
  "Grey75",
  "Automatic",
  "RoundDot",
];

function checkType(type: string, what: string): void {
  if (!CHART_TYPES.includes(type)) {
    throw new MockOfficeError("InvalidArgument", `Unknown chart type "${type}".`, what);
  }
}

/** A range given to a chart: a Range proxy or an address on the chart's sheet. */
function chartRange(sheet: MockSheet, range: MockRange | string, what: string): MockRef {
  if (typeof range !== "string") {
    const target: Target = range.resolve();
    return { sheet: target.sheet, rect: { ...target.rect } };
  }
  const parsed = parseAddress(range);
  if (parsed.sheet !== undefined && parsed.sheet.toUpperCase() !== sheet.name.toUpperCase()) {
    throw new MockOfficeError("InvalidArgument", "The cell is on another sheet.", what);
  }
  return { sheet, rect: parsed.rect };
}

function oneDimensional(rect: Rect, what: string): void {
  if (rect.top !== rect.bottom && rect.left !== rect.right) {
    throw new MockOfficeError(
      "InvalidArgument",
      "The source data of a series must be one row or one column.",
      what
    );
  }
}

export class MockChartObject extends MockClientObject<MockChart> {
  protected readonly typeName = "Chart";
  protected readonly loadable = ["name", "chartType"] as const;

  resolve(): MockChart {
    const chart = super.resolve();
    if (!chart.sheet.charts.includes(chart)) {
      throw new MockOfficeError("ItemNotFound", "The chart was deleted.", "Chart");
    }
    return chart;
  }

  protected property(chart: MockChart, name: string): unknown {
    return name === "name" ? chart.name : chart.chartType;
  }

  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.op("Chart.name", (chart) => {
      chart.name = value;
    });
  }
  get chartType(): string {
    return this.read("chartType");
  }
  set chartType(value: string) {
    this.op("Chart.chartType", (chart) => {
      checkType(value, "Chart.chartType");
      chart.chartType = value;
    });
  }

  get title(): MockChartTitle {
    return new MockChartTitle(this.context, () => this.resolve());
  }

  get legend(): MockChartLegend {
    return new MockChartLegend(this.context, () => this.resolve());
  }

  get axes(): MockChartAxes {
    return new MockChartAxes(this.context, () => this.resolve());
  }

  get series(): MockChartSeriesCollection {
    return new MockChartSeriesCollection(this.context, () => this.resolve());
  }

  /** Places the chart over the cells from `startCell` to `endCell` on its sheet. */
  setPosition(startCell: MockRange | string, endCell?: MockRange | string): void {
    this.op("Chart.setPosition", (chart) => {
      const start = chartRange(chart.sheet, startCell, "Chart.setPosition");
      const end =
        endCell === undefined ? undefined : chartRange(chart.sheet, endCell, "Chart.setPosition");
      if (start.sheet !== chart.sheet || (end && end.sheet !== chart.sheet)) {
        throw new MockOfficeError(
          "InvalidArgument",
          "The cell is on another sheet.",
          "Chart.setPosition"
        );
      }
      const corner = (r: Rect) => printRect({ ...r, bottom: r.top, right: r.left });
      chart.position = { start: corner(start.rect), end: end ? corner(end.rect) : undefined };
    });
  }

  delete(): void {
    this.op("Chart.delete", (chart) =>
      chart.sheet.charts.splice(chart.sheet.charts.indexOf(chart), 1)
    );
  }
}

export class MockChartCollection extends MockCollection<MockChart, MockChartObject> {
  protected readonly typeName = "ChartCollection";
  protected readonly itemLoadable = ["name", "chartType"] as const;

  constructor(
    context: MockContextLike,
    private readonly sheetOf: () => MockSheet
  ) {
    super(context);
  }

  protected list(): MockChart[] {
    return [...this.sheetOf().charts];
  }

  protected proxy(chart: MockChart): MockChartObject {
    return new MockChartObject(this.context, () => chart);
  }

  /**
   * A chart of `type` on this sheet with one series per column of `sourceData` (per row when
   * seriesBy is "Rows", or "Auto" and the range is wider than tall).
   */
  add(type: string, sourceData: MockRange, seriesBy = "Auto"): MockChartObject {
    let created: MockChart | null = null;
    this.context.enqueue(() => {
      const model = this.context.model;
      const sheet = this.sheetOf();
      const source: Target = sourceData.resolve();
      model.check("Chart.add");
      checkType(type, "ChartCollection.add");
      const { rect } = source;
      const byRows =
        seriesBy === "Rows" ||
        (seriesBy === "Auto" && rect.right - rect.left > rect.bottom - rect.top);
      const chart = model.addChart(sheet, type);
      const count = byRows ? rect.bottom - rect.top + 1 : rect.right - rect.left + 1;
      for (let i = 0; i < count; i++) {
        const part: Rect = byRows
          ? { ...rect, top: rect.top + i, bottom: rect.top + i }
          : { ...rect, left: rect.left + i, right: rect.left + i };
        chart.series.push({
          name: `Series${i + 1}`,
          axisGroup: "Primary",
          values: { sheet: source.sheet, rect: part },
        });
      }
      created = chart;
    });
    return new MockChartObject(this.context, () => created);
  }

  getItem(name: string): MockChartObject {
    return new MockChartObject(this.context, () => {
      const chart = this.list().find((c) => c.name === name);
      if (!chart) {
        throw new MockOfficeError(
          "ItemNotFound",
          "The requested resource doesn't exist.",
          "ChartCollection.getItem"
        );
      }
      return chart;
    });
  }
}

export class MockChartTitle extends MockClientObject<MockChart> {
  protected readonly typeName = "ChartTitle";
  protected readonly loadable = ["text"] as const;

  protected property(chart: MockChart): unknown {
    return chart.title ?? "";
  }

  get text(): string {
    return this.read("text");
  }
  set text(value: string) {
    this.op("ChartTitle.text", (chart) => {
      chart.title = value;
    });
  }
}

export class MockChartLegend extends MockClientObject<MockChart> {
  protected readonly typeName = "ChartLegend";
  protected readonly loadable = ["position", "visible"] as const;

  protected property(chart: MockChart, name: string): unknown {
    return name === "position" ? chart.legend.position : chart.legend.visible;
  }

  get position(): string {
    return this.read("position");
  }
  set position(value: string) {
    this.op("ChartLegend.position", (chart) => {
      if (!["Top", "Bottom", "Left", "Right", "Corner", "Custom", "Invalid"].includes(value)) {
        throw new MockOfficeError("InvalidArgument", `Unknown legend position "${value}".`);
      }
      chart.legend.position = value;
    });
  }
  get visible(): boolean {
    return this.read("visible");
  }
  set visible(value: boolean) {
    this.op("ChartLegend.visible", (chart) => {
      chart.legend.visible = value;
    });
  }
}

type AxisTarget = { chart: MockChart; key: string };

function axisKey(type: string, group: string): string {
  return group === "Secondary" ? `${type}/Secondary` : type;
}

function axisOf({ chart, key }: AxisTarget): MockChartAxis {
  chart.axes[key] = chart.axes[key] ?? {};
  return chart.axes[key];
}

export class MockChartAxes extends MockClientObject<MockChart> {
  protected readonly typeName = "ChartAxes";
  protected readonly loadable = [] as const;

  protected property(): unknown {
    return undefined;
  }

  get categoryAxis(): MockChartAxisObject {
    return this.getItem("Category");
  }
  get valueAxis(): MockChartAxisObject {
    return this.getItem("Value");
  }
  get seriesAxis(): MockChartAxisObject {
    return this.getItem("Series");
  }

  /** An axis; the secondary ones exist once a series is drawn on the secondary axis group. */
  getItem(type: string, group = "Primary"): MockChartAxisObject {
    return new MockChartAxisObject(this.context, () => {
      const chart = this.resolve();
      if (!["Category", "Value", "Series"].includes(type)) {
        throw new MockOfficeError(
          "InvalidArgument",
          `Unknown axis type "${type}".`,
          "ChartAxes.getItem"
        );
      }
      if (group === "Secondary" && !chart.series.some((s) => s.axisGroup === "Secondary")) {
        throw new MockOfficeError(
          "InvalidArgument",
          "The chart has no secondary axis.",
          "ChartAxes.getItem"
        );
      }
      return { chart, key: axisKey(type, group) };
    });
  }
}

export class MockChartAxisObject extends MockClientObject<AxisTarget> {
  protected readonly typeName = "ChartAxis";
  protected readonly loadable = ["numberFormat"] as const;

  protected property(target: AxisTarget): unknown {
    return axisOf(target).numberFormat ?? "General";
  }

  get numberFormat(): string {
    return this.read("numberFormat");
  }
  set numberFormat(value: string) {
    this.op("ChartAxis.numberFormat", (target) => {
      axisOf(target).numberFormat = value;
    });
  }

  get title(): MockChartAxisTitle {
    return new MockChartAxisTitle(this.context, () => this.resolve());
  }
}

export class MockChartAxisTitle extends MockClientObject<AxisTarget> {
  protected readonly typeName = "ChartAxisTitle";
  protected readonly loadable = ["text"] as const;

  protected property(target: AxisTarget): unknown {
    return axisOf(target).title ?? "";
  }

  get text(): string {
    return this.read("text");
  }
  set text(value: string) {
    this.op("ChartAxisTitle.text", (target) => {
      axisOf(target).title = value;
    });
  }
}

type SeriesTarget = { chart: MockChart; series: MockChartSeries };

export class MockChartSeriesObject extends MockClientObject<SeriesTarget> {
  protected readonly typeName = "ChartSeries";
  protected readonly loadable = ["name", "chartType", "axisGroup"] as const;

  resolve(): SeriesTarget {
    const target = super.resolve();
    if (!target.chart.series.includes(target.series)) {
      throw new MockOfficeError("ItemNotFound", "The series was deleted.", "ChartSeries");
    }
    return target;
  }

  protected property({ chart, series }: SeriesTarget, name: string): unknown {
    if (name === "name") return series.name;
    if (name === "chartType") return series.chartType ?? chart.chartType;
    return series.axisGroup;
  }

  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.op("ChartSeries.name", ({ series }) => {
      series.name = value;
    });
  }
  get chartType(): string {
    return this.read("chartType");
  }
  set chartType(value: string) {
    this.op("ChartSeries.chartType", ({ series }) => {
      checkType(value, "ChartSeries.chartType");
      series.chartType = value;
    });
  }
  get axisGroup(): string {
    return this.read("axisGroup");
  }
  set axisGroup(value: string) {
    this.op("ChartSeries.axisGroup", ({ series }) => {
      if (value !== "Primary" && value !== "Secondary") {
        throw new MockOfficeError("InvalidArgument", `Unknown axis group "${value}".`);
      }
      series.axisGroup = value;
    });
  }

  setValues(sourceData: MockRange): void {
    this.op("ChartSeries.setValues", ({ chart, series }) => {
      series.values = chartRange(chart.sheet, sourceData, "ChartSeries.setValues");
      oneDimensional(series.values.rect, "ChartSeries.setValues");
    });
  }

  setXAxisValues(sourceData: MockRange): void {
    this.op("ChartSeries.setXAxisValues", ({ chart, series }) => {
      series.xValues = chartRange(chart.sheet, sourceData, "ChartSeries.setXAxisValues");
      oneDimensional(series.xValues.rect, "ChartSeries.setXAxisValues");
    });
  }

  /** Bubble charts only (as in Excel). */
  setBubbleSizes(sourceData: MockRange): void {
    this.op("ChartSeries.setBubbleSizes", ({ chart, series }) => {
      if ((series.chartType ?? chart.chartType) !== "Bubble") {
        throw new MockOfficeError(
          "InvalidArgument",
          "Bubble sizes can only be set on a bubble chart.",
          "ChartSeries.setBubbleSizes"
        );
      }
      series.bubbleSizes = chartRange(chart.sheet, sourceData, "ChartSeries.setBubbleSizes");
      oneDimensional(series.bubbleSizes.rect, "ChartSeries.setBubbleSizes");
    });
  }

  set markerBackgroundColor(value: string) {
    this.op("ChartSeries.markerBackgroundColor", ({ series }) => {
      series.markerBackgroundColor = value.toUpperCase();
    });
  }
  set markerForegroundColor(value: string) {
    this.op("ChartSeries.markerForegroundColor", ({ series }) => {
      series.markerForegroundColor = value.toUpperCase();
    });
  }

  get format(): MockChartSeriesFormat {
    return new MockChartSeriesFormat(this.context, () => this.resolve());
  }

  delete(): void {
    this.op("ChartSeries.delete", ({ chart, series }) =>
      chart.series.splice(chart.series.indexOf(series), 1)
    );
  }
}

export class MockChartSeriesFormat extends MockClientObject<SeriesTarget> {
  protected readonly typeName = "ChartSeriesFormat";
  protected readonly loadable = [] as const;

  protected property(): unknown {
    return undefined;
  }

  get line(): MockChartLineFormat {
    return new MockChartLineFormat(this.context, () => this.resolve());
  }

  get fill(): MockChartFill {
    return new MockChartFill(this.context, () => this.resolve());
  }
}

export class MockChartLineFormat extends MockClientObject<SeriesTarget> {
  protected readonly typeName = "ChartLineFormat";
  protected readonly loadable = ["lineStyle", "color"] as const;

  protected property({ series }: SeriesTarget, name: string): unknown {
    return name === "lineStyle" ? (series.lineStyle ?? "Continuous") : (series.lineColor ?? "");
  }

  get lineStyle(): string {
    return this.read("lineStyle");
  }
  set lineStyle(value: string) {
    this.op("ChartLineFormat.lineStyle", ({ series }) => {
      if (!LINE_STYLES.includes(value)) {
        throw new MockOfficeError("InvalidArgument", `Unknown line style "${value}".`);
      }
      series.lineStyle = value;
    });
  }
  get color(): string {
    return this.read("color");
  }
  set color(value: string) {
    this.op("ChartLineFormat.color", ({ series }) => {
      series.lineColor = value.toUpperCase();
    });
  }
}

export class MockChartFill extends MockClientObject<SeriesTarget> {
  protected readonly typeName = "ChartFill";
  protected readonly loadable = [] as const;

  protected property(): unknown {
    return undefined;
  }

  setSolidColor(color: string): void {
    this.op("ChartFill.setSolidColor", ({ series }) => {
      series.fillColor = color.toUpperCase();
    });
  }

  clear(): void {
    this.op("ChartFill.clear", ({ series }) => {
      series.fillColor = undefined;
    });
  }
}

export class MockChartSeriesCollection extends MockCollection<SeriesTarget, MockChartSeriesObject> {
  protected readonly typeName = "ChartSeriesCollection";
  protected readonly itemLoadable = ["name", "chartType", "axisGroup"] as const;

  constructor(
    context: MockContextLike,
    private readonly chartOf: () => MockChart
  ) {
    super(context);
  }

  protected list(): SeriesTarget[] {
    const chart = this.chartOf();
    return chart.series.map((series) => ({ chart, series }));
  }

  protected proxy(target: SeriesTarget): MockChartSeriesObject {
    return new MockChartSeriesObject(this.context, () => target);
  }

  /** A new, empty series (at `index`, else last). */
  add(name?: string, index?: number): MockChartSeriesObject {
    let created: SeriesTarget | null = null;
    this.context.enqueue(() => {
      const chart = this.chartOf();
      this.context.model.check("ChartSeries.add");
      const series: MockChartSeries = {
        name: name ?? `Series${chart.series.length + 1}`,
        axisGroup: "Primary",
      };
      if (index === undefined) chart.series.push(series);
      else chart.series.splice(index, 0, series);
      created = { chart, series };
    });
    return new MockChartSeriesObject(this.context, () => created);
  }

  getItemAt(index: number): MockChartSeriesObject {
    return new MockChartSeriesObject(this.context, () => {
      const chart = this.chartOf();
      const series = chart.series[index];
      if (!series) {
        throw new MockOfficeError(
          "ItemNotFound",
          "The series doesn't exist.",
          "ChartSeriesCollection.getItemAt"
        );
      }
      return { chart, series };
    });
  }
}
