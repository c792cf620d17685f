// The workbook's date order: how a column of year-last text dates that prove nothing (every day 12 or
// less) is read. Month first unless the host says otherwise: the shared runtime sets it at start-up
// from Excel's culture (Application.cultureInfo.datetimeFormat.shortDatePattern, ExcelApi 1.12), the
// task pane and `kam report --date-order` can override it per read.

import { DateOrder } from "./dates";

let order: DateOrder = "mdy";

export function workbookDateOrder(): DateOrder {
  return order;
}

export function setWorkbookDateOrder(next: DateOrder): void {
  order = next;
}

/** The order of an Excel short date pattern: "M/d/yyyy" -> mdy, "dd/MM/yyyy" or "d.M.yyyy" -> dmy;
 *  year-first patterns ("yyyy/M/d", zh-CN) -> undefined (year-last text then follows the default). */
export function orderOfPattern(pattern: string): DateOrder | undefined {
  const p = pattern.replace(/'[^']*'|"[^"]*"/g, "").toLowerCase();
  const d = p.indexOf("d");
  const m = p.indexOf("m");
  const y = p.indexOf("y");
  if (d < 0 || m < 0) return undefined;
  if (y >= 0 && y < d && y < m) return undefined;
  return d < m ? "dmy" : "mdy";
}
