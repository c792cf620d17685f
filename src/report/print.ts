// How a report sheet prints, derived in one place from the sheet's content for both writers (the
// task pane's Office.js writer and the `kam` command's file writer): landscape, scaled to one page
// wide and as many pages tall as needed (so long tables break between rows, never across columns),
// the print area from A1 to the last cell or chart, the header row of the longest table repeated on
// every page, and a header and footer with the report's title, date, source and page numbers.
// The header/footer codes (&P, &N, && for "&") are those of ECMA-376 Part 1, 18.3.1.39 (evenFooter:
// "Header/footer formatting codes"), which Office.js's HeaderFooter sections take as well.

import { Area, PrintSetup, ReportSheet, blockArea } from "./model";

/** Excel keeps at most 255 characters in a header or footer, codes included. */
const SECTION_TEXT = 80;

/** Text as a header/footer section shows it literally: "&" doubled, one line, at most `max` characters. */
export function headerText(text: string, max = SECTION_TEXT): string {
  const line = text.replace(/[\r\n\t]+/g, " ").trim();
  const short = line.length > max ? `${line.slice(0, max - 1)}…` : line;
  return short.replace(/&/g, "&&");
}

/** The sheet's extent: the last row and column any block, table or chart reaches (0-based), or
 *  undefined for an empty sheet. */
export function sheetExtent(
  sheet: ReportSheet
): { lastRow: number; lastColumn: number } | undefined {
  const areas: Area[] = [
    ...sheet.blocks.map(blockArea),
    ...sheet.tables.map((t) => t.area),
    ...sheet.charts.map((c) => c.anchor),
  ].filter((a) => a.rows > 0 && a.columns > 0);
  if (areas.length === 0) return undefined;
  let lastRow = 0;
  let lastColumn = 0;
  for (const a of areas) {
    lastRow = Math.max(lastRow, a.row + a.rows - 1);
    lastColumn = Math.max(lastColumn, a.column + a.columns - 1);
  }
  return { lastRow, lastColumn };
}

/** The report's title: the text in A1 when the sheet has one (the builders put it there), else the
 *  sheet's name. */
function titleOf(sheet: ReportSheet): string {
  for (const block of sheet.blocks) {
    if (block.row !== 0 || block.column !== 0) continue;
    const first = block.cells[0]?.[0];
    if (typeof first === "string" && first.trim() !== "") return first;
  }
  return sheet.name;
}

/**
 * The sheet's page setup: `sheet.print` when a builder set one, else derived from the content.
 * The header row of the table with the most rows is repeated at the top of every page (the table a
 * reader follows across pages); a sheet without tables repeats nothing. The right header holds the
 * date of the run (the marker's timestamp, as written into the marker), the footer the data's source
 * and "page / pages".
 */
export function printSetup(sheet: ReportSheet): PrintSetup {
  if (sheet.print) return sheet.print;
  const extent = sheetExtent(sheet) ?? { lastRow: 0, lastColumn: 0 };
  let longest: ReportSheet["tables"][number] | undefined;
  for (const t of sheet.tables) if (!longest || t.area.rows > longest.area.rows) longest = t;
  const date = /^\d{4}-\d{2}-\d{2}/.exec(sheet.marker.created)?.[0] ?? sheet.marker.created;
  return {
    orientation: "landscape",
    fitWidth: 1,
    fitHeight: 0,
    area: { row: 0, column: 0, rows: extent.lastRow + 1, columns: extent.lastColumn + 1 },
    ...(longest && longest.area.rows > 1
      ? { titleRows: { first: longest.area.row, last: longest.area.row } }
      : {}),
    header: { left: headerText(titleOf(sheet)), center: "", right: headerText(date, 40) },
    footer: { left: headerText(sheet.marker.source), center: "&P / &N", right: "" },
  };
}

/** The setup with its area grown to take in `rows` more rows below (notes a writer adds). */
export function withRowsBelow(setup: PrintSetup, lastRow: number): PrintSetup {
  if (lastRow < setup.area.row + setup.area.rows) return setup;
  return { ...setup, area: { ...setup.area, rows: lastRow - setup.area.row + 1 } };
}
