// The back-test of the win probabilities as a report section (../engine/team/probabilities.ts
// backtest): one row per method — forecast of the last full quarter's won revenue from the pipeline as
// it stood on the quarter's first day, the actual won amount, the error and the absolute percentage
// error as native formulas, and the deals that took a learned rate. One writer for every report that
// shows it.

import { Backtest } from "../engine/team/probabilities";
import { isoFromSerial } from "../engine/calendar";
import { BACKTEST_TEXT } from "../i18n/report.backtest";
import { Lang } from "../i18n/lang";
import { a1, CellContent, FormulaCell } from "./model";
import { PlacedTable, SheetBuilder } from "./sheet";

const formula = (text: string, value: number): FormulaCell => ({ formula: text, value });

/**
 * Writes the section title and the back-test table `name` (Probabilities, Forecast, Actual won, Error,
 * Abs. % error, Deals on learned rates, Deals in the pipeline then) at the builder's row; `chosen`
 * marks the method that weights the sheet.
 */
export function writeBacktestSection(
  b: SheetBuilder,
  name: string,
  bt: Backtest,
  lang: Lang,
  chosen?: Backtest["rows"][number]["method"]
): PlacedTable {
  const T = BACKTEST_TEXT[lang];
  b.section(T.section(isoFromSerial(bt.start), isoFromSerial(bt.end)));
  const H = T.headers;
  return b.table(
    name,
    [
      { header: H.method, width: 34 },
      { header: H.forecast, format: "number", width: 14 },
      { header: H.actual, format: "number", width: 14 },
      { header: H.error, format: "number", width: 16 },
      { header: H.absError, format: "percent" },
      { header: H.learnedDeals, format: "integer" },
      { header: H.deals, format: "integer" },
    ],
    bt.rows.map(() => []),
    {
      rowFormula: (_, r, k): CellContent[] => {
        const row = bt.rows[k];
        return [
          T.methods[row.method] + (row.method === chosen ? T.chosen : ""),
          row.forecast,
          bt.actual,
          formula(`=${a1(r, 1)}-${a1(r, 2)}`, row.error),
          row.absPercentError === undefined
            ? null
            : formula(`=ABS(${a1(r, 3)})/${a1(r, 2)}`, row.absPercentError),
          row.learnedDeals,
          bt.deals,
        ];
      },
    }
  );
}
