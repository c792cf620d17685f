// The parts that put a report sheet's charts into an .xlsx package (ECMA-376 Part 1, 20.5
// "DrawingML - SpreadsheetML Drawing", and Part 2, Open Packaging Conventions): one drawing part per
// sheet (xdr:wsDr, a twoCellAnchor per chart holding a graphicFrame that names the chart part by
// relationship id), the drawing's relationships to its chart parts, the sheet's relationship to the
// drawing, the sheet's <drawing r:id> element and the content types of the new parts.

import { Area, ChartSpec, ReportSheet } from "../../report/model";
import { NS_CHART, NS_DRAWING, NS_RELATIONSHIPS, SheetValues, chartPartXml } from "./chart";
import { XML_DECLARATION, el, esc } from "./xml";

export const NS_SPREADSHEET_DRAWING =
  "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
export const NS_PACKAGE_RELATIONSHIPS =
  "http://schemas.openxmlformats.org/package/2006/relationships";
export const REL_DRAWING =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
export const REL_CHART =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
export const TYPE_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const TYPE_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

/** The relationship id the sheet gives its drawing. */
export const DRAWING_REL_ID = "rIdKamDrawing";

export interface Part {
  /** Path inside the package, without a leading "/" (xl/charts/chart1.xml). */
  name: string;
  data: string;
  /** Content type for an Override in [Content_Types].xml; undefined for .rels parts (their type
   *  comes from the Default for the "rels" extension). */
  contentType?: string;
}

export interface SheetCharts {
  /** The sheet's relationship to its drawing (Target relative to xl/worksheets/). */
  rel: { Id: string; Type: string; Target: string };
  /** The element the worksheet holds, after its page setup and before its table parts. */
  element: string;
  parts: Part[];
  /** The charts drawn, in the sheet's order, with their chart part's name. */
  charts: { spec: ChartSpec; part: string }[];
}

/** xdr:from / xdr:to: the cell (0-based column, row) at a corner, with no offset. */
function marker(tag: "xdr:from" | "xdr:to", column: number, row: number): string {
  return el(
    tag,
    {},
    el("xdr:col", {}, String(column)),
    el("xdr:colOff", {}, "0"),
    el("xdr:row", {}, String(row)),
    el("xdr:rowOff", {}, "0")
  );
}

/** CT_TwoCellAnchor: from, to, graphicFrame, clientData. The chart moves with its cells. */
function anchor(area: Area, id: number, name: string, relId: string): string {
  const frame = el(
    "xdr:graphicFrame",
    { macro: "" },
    el("xdr:nvGraphicFramePr", {}, el("xdr:cNvPr", { id, name }), el("xdr:cNvGraphicFramePr")),
    el("xdr:xfrm", {}, el("a:off", { x: 0, y: 0 }), el("a:ext", { cx: 0, cy: 0 })),
    el(
      "a:graphic",
      {},
      el(
        "a:graphicData",
        { uri: NS_CHART },
        el("c:chart", { "xmlns:c": NS_CHART, "xmlns:r": NS_RELATIONSHIPS, "r:id": relId })
      )
    )
  );
  return el(
    "xdr:twoCellAnchor",
    { editAs: "oneCell" },
    marker("xdr:from", area.column, area.row),
    marker("xdr:to", area.column + Math.max(area.columns, 1), area.row + Math.max(area.rows, 1)),
    frame,
    el("xdr:clientData")
  );
}

function relationships(rels: { Id: string; Type: string; Target: string }[]): string {
  return (
    XML_DECLARATION +
    el(
      "Relationships",
      { xmlns: NS_PACKAGE_RELATIONSHIPS },
      ...rels.map((r) => el("Relationship", { Id: r.Id, Type: r.Type, Target: r.Target }))
    )
  );
}

/**
 * The drawing and chart parts for a sheet written as `sheetName`: drawing number `drawing`, chart
 * parts numbered from `firstChart`. Undefined when the sheet draws no chart (none has values).
 */
export function sheetCharts(
  sheet: ReportSheet,
  sheetName: string,
  drawing: number,
  firstChart: number
): SheetCharts | undefined {
  const values = new SheetValues(sheet);
  const charts: { spec: ChartSpec; part: string; xml: string }[] = [];
  for (const spec of sheet.charts) {
    const xml = chartPartXml(spec, sheet, sheetName, values);
    if (xml === undefined) continue;
    charts.push({ spec, part: `xl/charts/chart${firstChart + charts.length}.xml`, xml });
  }
  if (charts.length === 0) return undefined;
  const drawingName = `xl/drawings/drawing${drawing}.xml`;
  const anchors = charts.map((c, i) =>
    anchor(c.spec.anchor, i + 2, `Chart ${i + 1}: ${c.spec.title}`.slice(0, 250), `rId${i + 1}`)
  );
  const drawingXml =
    XML_DECLARATION +
    el("xdr:wsDr", { "xmlns:xdr": NS_SPREADSHEET_DRAWING, "xmlns:a": NS_DRAWING }, ...anchors);
  const drawingRels = relationships(
    charts.map((c, i) => ({
      Id: `rId${i + 1}`,
      Type: REL_CHART,
      Target: `../charts/${c.part.slice("xl/charts/".length)}`,
    }))
  );
  return {
    rel: { Id: DRAWING_REL_ID, Type: REL_DRAWING, Target: `../drawings/drawing${drawing}.xml` },
    element: `<drawing r:id="${esc(DRAWING_REL_ID)}"/>`,
    parts: [
      { name: drawingName, data: drawingXml, contentType: TYPE_DRAWING },
      { name: `xl/drawings/_rels/drawing${drawing}.xml.rels`, data: drawingRels },
      ...charts.map((c) => ({ name: c.part, data: c.xml, contentType: TYPE_CHART })),
    ],
    charts: charts.map(({ spec, part }) => ({ spec, part })),
  };
}
