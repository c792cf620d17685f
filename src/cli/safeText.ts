/* global Buffer */
// User text in the workbooks `kam` writes: cut to what a cell holds (with a note), and marked with
// Excel's quote prefix when Excel would read it as something else (the pane's rule,
// src/report/cellText.ts). ExcelJS has no quote prefix, so the writer marks such cells with a style
// of their own and turns that style's xf into quotePrefix="1" when styles.xml is written.

import type { Cell, Workbook } from "exceljs";
import { Lang } from "../i18n/lang";
import { cutCellText, needsTextPrefix } from "../report/cellText";

/**
 * Puts `text` into `cell` as text that stays this text in Excel: cut to MAX_CELL_TEXT characters
 * with a note (returned, naming the cell `at`, given or made when needed), and with the quote prefix when Excel would read it as a
 * formula, number, date or boolean. The decision is taken on the text as written, after any trimming
 * of labels, so no trimming can undo it.
 */
export function putText(
  cell: Cell,
  text: string,
  at: string | (() => string),
  lang: Lang
): string | undefined {
  const fitted = cutCellText(text, lang, at);
  cell.value = fitted.text;
  if (needsTextPrefix(fitted.text)) markQuotePrefix(cell);
  return fitted.note;
}

/**
 * The mark: `applyProtection="1"` without a protection element (locked, Excel's default), which no
 * report style uses otherwise; storeQuotePrefix turns it into `quotePrefix="1"` in styles.xml.
 */
function markQuotePrefix(cell: Cell): void {
  cell.protection = { locked: true };
}

/** Whether putText marked the cell for the quote prefix. */
export function hasQuotePrefixMark(cell: Cell): boolean {
  return cell.style.protection !== undefined;
}

interface ZipLike {
  append(data: string | Buffer, options: { name: string }): void;
}
interface StylesInternals {
  addStyles(zip: ZipLike, model: unknown): Promise<void>;
}

/** The cell formats of a styles.xml with every marked xf given the quote prefix instead. */
export function quotePrefixStyles(xml: string): string {
  return xml.replace(/<cellXfs\b[\s\S]*?<\/cellXfs>/, (xfs) =>
    xfs.replace(/(<xf\b[^>]*?)\sapplyProtection="1"/g, '$1 quotePrefix="1"')
  );
}

/** Makes `book.xlsx` write the quote prefix of the cells putText marked. */
export function storeQuotePrefix(book: Workbook): void {
  const xlsx = book.xlsx as unknown as Partial<StylesInternals>;
  if (typeof xlsx.addStyles !== "function")
    throw new Error("this ExcelJS version cannot store the quote prefix (internals changed)");
  const addStyles = xlsx.addStyles.bind(xlsx);
  xlsx.addStyles = async (zip, model) => {
    const proxy: ZipLike = {
      append(data, options) {
        zip.append(
          options.name === "xl/styles.xml" && typeof data === "string"
            ? quotePrefixStyles(data)
            : data,
          options
        );
      },
    };
    await addStyles(proxy, model);
  };
}
