/* global Buffer, URL */
// The chart parts kam writes, checked by the rules of the Office Open XML chart schema (ECMA-376
// Part 1, 21.2 and 20.5) as this test states them: the order of children in c:chartSpace, c:chart,
// c:plotArea, each plot and each kind of series and axis, the required children, axis ids unique
// and referenced by the plot and the crossing axis, relationship targets that exist, content types
// for every new part; and every cached value equal to the cell the series refers to (read back
// from the written file with ExcelJS).
import { describe, expect, test } from "@jest/globals";
import { Workbook } from "exceljs";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { ChartKind, ReportSheet } from "../../src/report/model";
import { SheetBuilder } from "../../src/report/sheet";
import { workbookBytes } from "../../src/cli/xlsx";
import { insertDrawing } from "../../src/cli/charts/store";
import { zipEntries } from "../support/zip";

// ---- an ordered element tree ---------------------------------------------------------------------

interface XNode {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  text: string;
}
type OrderedItem = Record<string, unknown>;

function toTree(items: OrderedItem[]): XNode[] {
  const nodes: XNode[] = [];
  for (const item of items) {
    const name = Object.keys(item).find((k) => k !== ":@");
    if (!name || name === "#text" || name.startsWith("?")) continue;
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries((item[":@"] ?? {}) as Record<string, unknown>))
      attrs[k] = String(v);
    const kids = (item[name] ?? []) as OrderedItem[];
    const text = kids
      .filter((k) => "#text" in k)
      .map((k) => String(k["#text"]))
      .join("");
    nodes.push({ name, attrs, children: toTree(kids), text });
  }
  return nodes;
}

function parseXml(xml: string): XNode {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed: ${valid.err.msg} (line ${valid.err.line})`);
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseAttributeValue: false,
    parseTagValue: false,
    ignoreDeclaration: true,
    trimValues: false,
    processEntities: true,
  });
  return toTree(parser.parse(xml) as OrderedItem[])[0];
}

const local = (name: string) => name.replace(/^[a-z]+:/, "");
const all = (node: XNode, name: string): XNode[] => [
  ...(local(node.name) === name ? [node] : []),
  ...node.children.flatMap((c) => all(c, name)),
];
const child = (node: XNode, name: string) => node.children.find((c) => local(c.name) === name);

// ---- sequences of the schema, as this test states them --------------------------------------------
// Each slot lists the element names it accepts; "!" after the slot's first name: required; "*": may
// repeat. Children must come in slot order.

type Slot = string;
const PLOTS =
  "areaChart|area3DChart|lineChart|line3DChart|stockChart|radarChart|scatterChart|pieChart|pie3DChart|doughnutChart|barChart|bar3DChart|ofPieChart|surfaceChart|surface3DChart|bubbleChart!*";
const AXES = "valAx|catAx|dateAx|serAx*";
const SEQUENCES: Record<string, Slot[]> = {
  chartSpace: [
    "date1904",
    "lang",
    "roundedCorners",
    "AlternateContent",
    "style",
    "clrMapOvr",
    "pivotSource",
    "protection",
    "chart!",
    "spPr",
    "txPr",
    "externalData",
    "printSettings",
    "userShapes",
    "extLst",
  ],
  chart: [
    "title",
    "autoTitleDeleted",
    "pivotFmts",
    "view3D",
    "floor",
    "sideWall",
    "backWall",
    "plotArea!",
    "legend",
    "plotVisOnly",
    "dispBlanksAs",
    "showDLblsOverMax",
    "extLst",
  ],
  plotArea: ["layout", PLOTS, AXES, "dTable", "spPr", "extLst"],
  barChart: [
    "barDir!",
    "grouping",
    "varyColors",
    "ser*",
    "dLbls",
    "gapWidth",
    "overlap",
    "serLines*",
    "axId!*",
    "extLst",
  ],
  lineChart: [
    "grouping!",
    "varyColors",
    "ser*",
    "dLbls",
    "dropLines",
    "hiLowLines",
    "upDownBars",
    "marker",
    "smooth",
    "axId!*",
    "extLst",
  ],
  scatterChart: ["scatterStyle!", "varyColors", "ser*", "dLbls", "axId!*", "extLst"],
  bubbleChart: [
    "varyColors",
    "ser*",
    "dLbls",
    "bubble3D",
    "bubbleScale",
    "showNegBubbles",
    "sizeRepresents",
    "axId!*",
    "extLst",
  ],
  pieChart: ["varyColors", "ser*", "dLbls", "firstSliceAng", "extLst"],
  catAx: [
    "axId!",
    "scaling!",
    "delete",
    "axPos!",
    "majorGridlines",
    "minorGridlines",
    "title",
    "numFmt",
    "majorTickMark",
    "minorTickMark",
    "tickLblPos",
    "spPr",
    "txPr",
    "crossAx!",
    "crosses|crossesAt",
    "auto",
    "lblAlgn",
    "lblOffset",
    "tickLblSkip",
    "tickMarkSkip",
    "noMultiLvlLbl",
    "extLst",
  ],
  valAx: [
    "axId!",
    "scaling!",
    "delete",
    "axPos!",
    "majorGridlines",
    "minorGridlines",
    "title",
    "numFmt",
    "majorTickMark",
    "minorTickMark",
    "tickLblPos",
    "spPr",
    "txPr",
    "crossAx!",
    "crosses|crossesAt",
    "crossBetween",
    "majorUnit",
    "minorUnit",
    "dispUnits",
    "extLst",
  ],
  scaling: ["logBase", "orientation", "max", "min", "extLst"],
  title: ["tx", "layout", "overlay", "spPr", "txPr", "extLst"],
  legend: ["legendPos", "legendEntry*", "layout", "overlay", "spPr", "txPr", "extLst"],
  numRef: ["f!", "numCache", "extLst"],
  strRef: ["f!", "strCache", "extLst"],
  numCache: ["formatCode", "ptCount", "pt*", "extLst"],
  strCache: ["ptCount", "pt*", "extLst"],
  pt: ["v!"],
  rich: ["bodyPr!", "lstStyle", "p!*"],
  ln: [
    "noFill|solidFill|gradFill|pattFill",
    "prstDash|custDash",
    "round|bevel|miter",
    "headEnd",
    "tailEnd",
    "extLst",
  ],
  wsDr: ["twoCellAnchor|oneCellAnchor|absoluteAnchor*"],
  twoCellAnchor: ["from!", "to!", "sp|grpSp|graphicFrame|cxnSp|pic|contentPart!", "clientData!"],
  from: ["col!", "colOff!", "row!", "rowOff!"],
  to: ["col!", "colOff!", "row!", "rowOff!"],
  graphicFrame: ["nvGraphicFramePr!", "xfrm!", "graphic!", "extLst"],
};
const SERIES: Record<string, Slot[]> = {
  barChart: [
    "idx!",
    "order!",
    "tx",
    "spPr",
    "invertIfNegative",
    "pictureOptions",
    "dPt*",
    "dLbls",
    "trendline*",
    "errBars",
    "cat",
    "val",
    "shape",
    "extLst",
  ],
  lineChart: [
    "idx!",
    "order!",
    "tx",
    "spPr",
    "marker",
    "dPt*",
    "dLbls",
    "trendline*",
    "errBars",
    "cat",
    "val",
    "smooth",
    "extLst",
  ],
  scatterChart: [
    "idx!",
    "order!",
    "tx",
    "spPr",
    "marker",
    "dPt*",
    "dLbls",
    "trendline*",
    "errBars*",
    "xVal",
    "yVal",
    "smooth",
    "extLst",
  ],
  bubbleChart: [
    "idx!",
    "order!",
    "tx",
    "spPr",
    "invertIfNegative",
    "dPt*",
    "dLbls",
    "trendline*",
    "errBars*",
    "xVal",
    "yVal",
    "bubbleSize",
    "bubble3D",
    "extLst",
  ],
  pieChart: ["idx!", "order!", "tx", "spPr", "explosion", "dPt*", "dLbls", "cat", "val", "extLst"],
};

/** Problems with the order and presence of `node`'s children against `slots`. */
function checkSequence(node: XNode, slots: Slot[], where: string): string[] {
  const parsed = slots.map((s) => ({
    names: s.replace(/[!*]/g, "").split("|"),
    required: s.includes("!"),
    repeats: s.includes("*"),
  }));
  const problems: string[] = [];
  let slot = 0;
  const seen = new Array<number>(parsed.length).fill(0);
  for (const c of node.children) {
    const name = local(c.name);
    let k = slot;
    while (k < parsed.length && !parsed[k].names.includes(name)) k++;
    if (k === parsed.length) {
      const known = parsed.findIndex((p) => p.names.includes(name));
      problems.push(
        known < 0
          ? `${where}: <${name}> is not allowed in <${local(node.name)}>`
          : `${where}: <${name}> comes after an element that must follow it`
      );
      continue;
    }
    if (k === slot && seen[k] > 0 && !parsed[k].repeats)
      problems.push(`${where}: <${name}> appears twice`);
    seen[k]++;
    slot = k;
  }
  parsed.forEach((p, i) => {
    if (p.required && seen[i] === 0)
      problems.push(`${where}: <${local(node.name)}> lacks <${p.names.join("|")}>`);
  });
  return problems;
}

/** Every sequence problem in a part's tree. */
function checkTree(node: XNode, where: string, parentPlot?: string, parent = ""): string[] {
  const name = local(node.name);
  const problems: string[] = [];
  // (A drawing's c:chart is the empty reference to a chart part, not CT_Chart.)
  const reference = name === "chart" && parent === "graphicData";
  if (name === "ser" && parentPlot)
    problems.push(...checkSequence(node, SERIES[parentPlot], where));
  else if (SEQUENCES[name] && !reference)
    problems.push(...checkSequence(node, SEQUENCES[name], where));
  const plot = SERIES[name] ? name : parentPlot;
  for (const c of node.children)
    problems.push(...checkTree(c, `${where}/${local(c.name)}`, plot, name));
  return problems;
}

/** Axis rules: ids unique in the chart, each plot names two existing axes, each axis crosses another
 *  existing axis that crosses it back. */
function checkAxes(space: XNode, where: string): string[] {
  const problems: string[] = [];
  const plotArea = all(space, "plotArea")[0];
  const axes = plotArea.children.filter((c) => /^(valAx|catAx|dateAx|serAx)$/.test(local(c.name)));
  const id = (n: XNode, tag: string) => child(n, tag)?.attrs.val ?? "";
  const ids = axes.map((a) => id(a, "axId"));
  if (new Set(ids).size !== ids.length) problems.push(`${where}: axis ids repeat: ${ids}`);
  for (const plot of plotArea.children.filter((c) => SERIES[local(c.name)])) {
    const refs = plot.children.filter((c) => local(c.name) === "axId").map((c) => c.attrs.val);
    if (local(plot.name) === "pieChart") {
      if (refs.length !== 0) problems.push(`${where}: a pie has no axes`);
      continue;
    }
    if (refs.length !== 2) problems.push(`${where}: ${local(plot.name)} names ${refs.length} axes`);
    for (const r of refs) if (!ids.includes(r)) problems.push(`${where}: axis ${r} does not exist`);
  }
  for (const a of axes) {
    const cross = id(a, "crossAx");
    const other = axes.find((b) => id(b, "axId") === cross);
    if (!other) problems.push(`${where}: axis ${id(a, "axId")} crosses a missing axis ${cross}`);
    else if (id(other, "crossAx") !== id(a, "axId"))
      problems.push(`${where}: axes ${id(a, "axId")} and ${cross} do not cross each other`);
  }
  return problems;
}

// ---- a sheet with every chart kind ----------------------------------------------------------------

const KINDS: ChartKind[] = [
  "column",
  "bar",
  "line",
  "pareto",
  "funnel",
  "bubble",
  "scatter",
  "pie",
];

function chartSheet(): ReportSheet {
  const b = new SheetBuilder("accounts", "KAM Charts & Co", {
    lang: "en",
    created: "2025-01-31T08:00:00.000Z",
    source: "R&D!A1:F9",
  });
  b.title("Every chart", "source");
  const names = ["Alpha", "Beta & Sons", "Gamma <Ltd>", "Delta", "Epsilon"];
  const revenue = [500, 300, 120.5, 60, 19.5];
  const total = revenue.reduce((a, x) => a + x, 0);
  let running = 0;
  const t = b.table(
    "KAM_Charts",
    [
      { header: "Customer" },
      { header: "Revenue", format: "currency" },
      { header: "Cumulative", format: "percent" },
      { header: "Strength", format: "number" },
      { header: "Attractiveness", format: "number" },
      { header: "Month", format: "month" },
    ],
    names.map((n, i) => {
      running += revenue[i];
      return [
        n,
        revenue[i],
        { formula: `=SUM($B$5:B${5 + i})/SUM($B$5:$B$9)`, value: running / total },
        1 + i * 0.75,
        5 - i * 0.5,
        45_658 + 31 * i,
      ];
    })
  );
  const base = { categories: t.column(0), values: t.column(1), color: "#5B9BD5" };
  for (const kind of KINDS) {
    const series =
      kind === "bubble" || kind === "scatter"
        ? [
            {
              name: "Accounts",
              categories: t.column(3),
              values: t.column(4),
              ...(kind === "bubble" ? { sizes: t.column(1) } : {}),
            },
          ]
        : kind === "pareto" || kind === "column"
          ? [
              { name: "Revenue", ...base },
              {
                name: "Cumulative",
                categories: t.column(0),
                values: t.column(2),
                secondaryAxis: kind === "pareto",
                kind: "line" as const,
                color: "#ED7D31",
                dashed: kind === "column",
              },
            ]
          : kind === "line"
            ? [{ name: "By month", categories: t.column(5), values: t.column(1), dashed: true }]
            : [{ name: "Revenue", ...base }];
    b.chart({
      kind,
      title: `${kind} chart`,
      series,
      yFormat: "number",
      legend: kind === "funnel" ? "none" : "bottom",
      xAxisTitle: kind === "bubble" ? "Strength" : undefined,
    });
  }
  // A chart with no values draws nothing.
  b.chart({
    kind: "column",
    title: "empty",
    series: [{ name: "x", categories: t.column(0), values: { ...t.column(1), rows: 0 } }],
  });
  return b.build();
}

interface Written {
  bytes: Buffer;
  entries: Map<string, Buffer>;
  text(name: string): string;
}

async function written(sheets: ReportSheet[]): Promise<Written> {
  const { bytes } = await workbookBytes({ sheets }, { lang: "en" });
  const entries = zipEntries(bytes);
  return { bytes, entries, text: (n) => entries.get(n)?.toString("utf8") ?? "" };
}

/** A target of a relationship in part `from`, as a package path. */
const resolve = (from: string, target: string) =>
  new URL(target, `file:///${from}`).pathname.slice(1);

function rels(w: Written, part: string): { Id: string; Type: string; Target: string }[] {
  const relsName = part.replace(/([^/]+)$/, "_rels/$1.rels");
  const xml = w.text(relsName);
  if (xml === "") return [];
  return parseXml(xml).children.map((r) => ({
    Id: r.attrs.Id,
    Type: r.attrs.Type,
    Target: r.attrs.Target,
  }));
}

// ---- tests ----------------------------------------------------------------------------------------

describe("chart parts", () => {
  test("one chart part per chart with values, of the plot types each kind needs", async () => {
    const w = await written([chartSheet()]);
    const charts = [...w.entries.keys()].filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    expect(charts.sort()).toEqual(KINDS.map((_, i) => `xl/charts/chart${i + 1}.xml`).sort());
    const plots = (i: number) =>
      all(parseXml(w.text(`xl/charts/chart${i + 1}.xml`)), "plotArea")[0]
        .children.filter((c) => SERIES[local(c.name)])
        .map(
          (c) => `${local(c.name)}${child(c, "barDir") ? `:${child(c, "barDir")!.attrs.val}` : ""}`
        );
    expect(KINDS.map((_, i) => plots(i))).toEqual([
      ["barChart:col", "lineChart"], // column with a line on the same axes
      ["barChart:bar"],
      ["lineChart"],
      ["barChart:col", "lineChart"], // Pareto: the cumulative line on the secondary axes
      ["barChart:bar"], // funnel as horizontal bars
      ["bubbleChart"],
      ["scatterChart"],
      ["pieChart"],
    ]);
    // The Pareto line is on its own (secondary) axes: four axes, the second value axis on the right.
    const pareto = all(parseXml(w.text("xl/charts/chart4.xml")), "valAx");
    expect(pareto.map((a) => child(a, "axPos")!.attrs.val)).toEqual(["l", "r"]);
    // The funnel's first stage at the top: categories from max to min.
    const funnel = all(parseXml(w.text("xl/charts/chart5.xml")), "catAx")[0];
    expect(child(child(funnel, "scaling")!, "orientation")!.attrs.val).toBe("maxMin");
  });

  test("children in the schema's order, required children present, axes that exist and cross", async () => {
    const w = await written([chartSheet()]);
    const problems: string[] = [];
    for (const [name, data] of w.entries) {
      if (!/^xl\/(charts|drawings)\/[^/]+\.xml$/.test(name)) continue;
      const root = parseXml(data.toString("utf8"));
      problems.push(...checkTree(root, name));
      if (name.startsWith("xl/charts/")) problems.push(...checkAxes(root, name));
    }
    expect(problems).toEqual([]);
    // The checker is not vacuous: a swapped pair and a missing required child are found.
    const broken = w
      .text("xl/charts/chart1.xml")
      .replace(
        '<c:barDir val="col"/><c:grouping val="clustered"/>',
        '<c:grouping val="clustered"/><c:barDir val="col"/>'
      )
      .replace(/<c:crossAx val="102"\/>/, "");
    const found = checkTree(parseXml(broken), "broken");
    expect(found.some((p) => p.includes("<barDir> comes after"))).toBe(true);
    expect(found.some((p) => p.includes("lacks <crossAx>"))).toBe(true);
  });

  test("relationships point at parts that exist; every new part has its content type", async () => {
    const w = await written([chartSheet(), { ...chartSheet(), name: "Second" }]);
    const types = parseXml(w.text("[Content_Types].xml"));
    const overrides = new Map(
      types.children
        .filter((c) => local(c.name) === "Override")
        .map((c) => [c.attrs.PartName, c.attrs.ContentType])
    );
    const defaults = new Map(
      types.children
        .filter((c) => local(c.name) === "Default")
        .map((c) => [c.attrs.Extension, c.attrs.ContentType])
    );
    expect(defaults.get("rels")).toBe("application/vnd.openxmlformats-package.relationships+xml");
    let chartsReached = 0;
    for (const sheet of ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]) {
      const xml = w.text(sheet);
      const drawingId = /<drawing r:id="([^"]+)"\/>/.exec(xml)?.[1];
      expect(drawingId).toBeDefined();
      const drawingRel = rels(w, sheet).find((r) => r.Id === drawingId)!;
      expect(drawingRel.Type).toMatch(/\/relationships\/drawing$/);
      const drawing = resolve(sheet, drawingRel.Target);
      expect(w.entries.has(drawing)).toBe(true);
      expect(overrides.get(`/${drawing}`)).toBe(
        "application/vnd.openxmlformats-officedocument.drawing+xml"
      );
      const drawingRels = rels(w, drawing);
      const frames = all(parseXml(w.text(drawing)), "chart");
      expect(frames).toHaveLength(KINDS.length);
      for (const f of frames) {
        const rel = drawingRels.find((r) => r.Id === f.attrs["r:id"])!;
        expect(rel.Type).toMatch(/\/relationships\/chart$/);
        const part = resolve(drawing, rel.Target);
        expect(w.entries.has(part)).toBe(true);
        expect(overrides.get(`/${part}`)).toBe(
          "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
        );
        chartsReached++;
      }
      // <drawing> in its place: after the page setup and custom properties, before the table parts.
      const at = xml.indexOf("<drawing ");
      expect(at).toBeGreaterThan(xml.indexOf("</headerFooter>"));
      expect(at).toBeGreaterThan(xml.indexOf("</customProperties>"));
      expect(at).toBeLessThan(xml.indexOf("<tableParts"));
    }
    expect(chartsReached).toBe(2 * KINDS.length);
    // Every part named in an override exists.
    for (const part of overrides.keys()) expect(w.entries.has(part.slice(1))).toBe(true);
  });

  test("every series refers to the sheet's cells and caches their values", async () => {
    const sheet = chartSheet();
    const w = await written([sheet]);
    const book = new Workbook();
    await book.xlsx.load(w.bytes as unknown as ArrayBuffer);
    const ws = book.getWorksheet("KAM Charts & Co")!;
    const cellValue = (address: string): number | string | null => {
      const v = ws.getCell(address).value;
      if (v === null || v === undefined) return null;
      // A date cell as its serial (days since 1899-12-30, the 1900 system after March 1900).
      if (v instanceof Date) return (v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
      if (typeof v === "object" && "result" in v) return v.result as number;
      return v as number | string;
    };
    let points = 0;
    for (let i = 0; i < KINDS.length; i++) {
      const root = parseXml(w.text(`xl/charts/chart${i + 1}.xml`));
      for (const ref of [...all(root, "numRef"), ...all(root, "strRef")]) {
        const f = child(ref, "f")!.text;
        const m = /^'KAM Charts & Co'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(f);
        expect(m).not.toBeNull();
        const [, c1, r1, c2, r2] = m!;
        expect(c1).toBe(c2);
        const cache = child(ref, "numCache") ?? child(ref, "strCache")!;
        const count = Number(r2) - Number(r1) + 1;
        expect(child(cache, "ptCount")!.attrs.val).toBe(String(count));
        const pts = cache.children.filter((c) => local(c.name) === "pt");
        expect(pts).toHaveLength(count);
        for (const pt of pts) {
          const address = `${c1}${Number(r1) + Number(pt.attrs.idx)}`;
          const expected = cellValue(address);
          const v = child(pt, "v")!.text;
          if (local(ref.name) === "numRef") expect(Number(v)).toBe(expected);
          else expect(v).toBe(String(expected));
          points++;
        }
      }
    }
    // 8 charts: 2+2 (column) + 2 (bar) + 2 (line) + 2+2 (pareto) + 2 (funnel) + 3 (bubble) +
    // 2 (scatter) + 2 (pie) ranges of 5 cells.
    expect(points).toBe(5 * 21);
    // The titles and names with &, < reach the part escaped and read back as written.
    const pie = parseXml(w.text("xl/charts/chart8.xml"));
    expect(all(pie, "strCache")[0].children.map((c) => child(c, "v")?.text)).toContain(
      "Gamma <Ltd>"
    );
  });

  test("a sheet without charts gets no drawing; <drawing> goes before tableParts and extLst", async () => {
    const s = chartSheet();
    const w = await written([{ ...s, charts: [] }]);
    expect([...w.entries.keys()].some((n) => n.startsWith("xl/charts/"))).toBe(false);
    expect(w.text("xl/worksheets/sheet1.xml")).not.toContain("<drawing ");
    const xml =
      '<worksheet><sheetData/><conditionalFormatting><cfRule><extLst/></cfRule></conditionalFormatting><pageSetup/><tableParts count="1"/><extLst/></worksheet>';
    expect(insertDrawing(xml, "<drawing/>")).toBe(
      '<worksheet><sheetData/><conditionalFormatting><cfRule><extLst/></cfRule></conditionalFormatting><pageSetup/><drawing/><tableParts count="1"/><extLst/></worksheet>'
    );
  });
});
