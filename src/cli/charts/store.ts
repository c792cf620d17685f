/* global Buffer */
// Puts the report sheets' charts into the package ExcelJS writes. ExcelJS writes no charts, so, as for
// the report marker (src/cli/xlsx.ts), three of its steps are wrapped while it writes the zip: the
// prepared model gets each charted sheet's relationship to its drawing, the sheet's XML gets its
// <drawing r:id> element and the drawing and chart parts are added beside it, and [Content_Types].xml
// gets their overrides. No second pass over the finished zip (a report of 1,000,000 rows would be
// unzipped and zipped again).

import type { Workbook } from "exceljs";
import { ReportSheet } from "../../report/model";
import { SheetCharts, sheetCharts } from "./drawing";

interface ZipLike {
  append(data: string | Buffer, options: { name: string; base64?: boolean }): void;
}
interface SheetModel {
  id: number;
  name: string;
  rels?: { Id: string; Type: string; Target: string }[];
}
interface Internals {
  prepareModel(model: { worksheets: SheetModel[] }, options: unknown): void;
  addWorksheets(zip: ZipLike, model: { worksheets: SheetModel[] }): Promise<void>;
  addContentTypes(zip: ZipLike, model: unknown): Promise<void>;
}

function isInternals(x: unknown): x is Internals {
  const o = x as Record<string, unknown>;
  return (
    typeof o.prepareModel === "function" &&
    typeof o.addWorksheets === "function" &&
    typeof o.addContentTypes === "function"
  );
}

/**
 * Inserts the sheet's <drawing> where CT_Worksheet wants it: after sheetData, conditional formats,
 * page setup, header/footer, breaks and custom properties; before legacy drawings, pictures, OLE
 * objects, controls, table parts and the sheet's extLst (conditional formats' rules carry extLst of
 * their own, so the search starts after the last of those elements).
 */
export function insertDrawing(sheetXml: string, element: string): string {
  const from = Math.max(
    sheetXml.lastIndexOf("</sheetData>"),
    sheetXml.lastIndexOf("</conditionalFormatting>"),
    sheetXml.lastIndexOf("</headerFooter>"),
    sheetXml.lastIndexOf("</customProperties>")
  );
  const tail =
    /<(legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)[\s>/]|<\/worksheet>/g;
  tail.lastIndex = Math.max(from, 0);
  const m = tail.exec(sheetXml);
  const at = m ? m.index : sheetXml.length;
  return sheetXml.slice(0, at) + element + sheetXml.slice(at);
}

/** Makes `book.xlsx` write the charts of `sheets` (by the sheet's name in the book). */
export function storeCharts(book: Workbook, sheets: Map<string, ReportSheet>): void {
  if (sheets.size === 0) return;
  const xlsx: unknown = book.xlsx;
  if (!isInternals(xlsx))
    throw new Error("this ExcelJS version cannot store charts (internals changed)");
  const prepareModel = xlsx.prepareModel.bind(xlsx);
  const addWorksheets = xlsx.addWorksheets.bind(xlsx);
  const addContentTypes = xlsx.addContentTypes.bind(xlsx);
  const bySheet = new Map<number, SheetCharts>();

  xlsx.prepareModel = (model, options) => {
    prepareModel(model, options);
    bySheet.clear();
    let drawing = 0;
    let chart = 1;
    for (const sheet of model.worksheets) {
      const report = sheets.get(sheet.name);
      if (report === undefined) continue;
      const charts = sheetCharts(report, sheet.name, drawing + 1, chart);
      if (charts === undefined) continue;
      drawing++;
      chart += charts.charts.length;
      bySheet.set(sheet.id, charts);
      sheet.rels = [...(sheet.rels ?? []), charts.rel];
    }
  };

  xlsx.addWorksheets = async (zip, model) => {
    const proxy: ZipLike = {
      append(data, options) {
        const m = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(options.name);
        const charts = m ? bySheet.get(Number(m[1])) : undefined;
        if (charts && typeof data === "string") data = insertDrawing(data, charts.element);
        zip.append(data, options);
      },
    };
    await addWorksheets(proxy, model);
    for (const charts of bySheet.values())
      for (const part of charts.parts) zip.append(part.data, { name: part.name });
  };

  xlsx.addContentTypes = async (zip, model) => {
    const proxy: ZipLike = {
      append(data, options) {
        if (options.name === "[Content_Types].xml" && typeof data === "string") {
          const overrides = [...bySheet.values()]
            .flatMap((c) => c.parts)
            .filter((p) => p.contentType !== undefined)
            .map((p) => `<Override PartName="/${p.name}" ContentType="${p.contentType}"/>`)
            .join("");
          data = data.replace("</Types>", `${overrides}</Types>`);
        }
        zip.append(data, options);
      },
    };
    await addContentTypes(proxy, model);
  };
}
