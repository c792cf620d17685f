/* global CustomFunctions */
import { financialRatios, Ratio } from "../engine/portfolio/ratios";
import { argError, optionalBoolean, readTable } from "../grid";
import { alignedRows } from "../grid/aligned";
import { ACCOUNT_LABELS } from "../i18n/results.accounts";
import { argAddresses, guard, language } from "./shared";

const FN = "KAM.FIN_RATIOS";

/** Parameter names of each function, in signature order (checked against functions.json). */
export const PARAMS = {
  FIN_RATIOS: [
    "current_assets",
    "current_liabilities",
    "net_profit",
    "revenue",
    "total_assets",
    "total_liabilities",
    "headers",
  ],
} as const;

/** The arguments a result is computed from (named when a result is beyond Excel's numbers). */
const FROM = [
  "current_assets",
  "current_liabilities",
  "net_profit",
  "revenue",
  "total_assets",
  "total_liabilities",
];

/**
 * A customer's financial ratios from its balance sheet and income statement: current ratio, net profit margin, return on assets, debt ratio and asset turnover. A ratio whose denominator is 0 shows a short text such as "n/a: revenue is 0" instead of a number.
 * @customfunction FIN_RATIOS
 * @param current_assets Current assets (a number, or a column with one customer per row; an optional header row).
 * @param current_liabilities Current liabilities.
 * @param net_profit Net profit.
 * @param revenue Revenue (sales).
 * @param total_assets Total assets.
 * @param total_liabilities Total liabilities.
 * @param [headers] TRUE (default) puts a header row on top (or in place of the input's header row).
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns Spills one row per input row: current ratio, net profit margin, return on assets, debt ratio, asset turnover. Blank rows stay blank; a row of zeros is a customer with zero figures (ratios n/a), except at the end of the range, where it is the range's empty cells.
 * @requiresParameterAddresses
 */
export function finRatios(
  current_assets: unknown[][],
  current_liabilities: unknown[][],
  net_profit: unknown[][],
  revenue: unknown[][],
  total_assets: unknown[][],
  total_liabilities: unknown[][],
  headers?: unknown,
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN, FROM, () => {
    const at = argAddresses(invocation, PARAMS.FIN_RATIOS);
    const withHeaders = optionalBoolean(
      { fn: FN, arg: "headers", address: at("headers") },
      headers,
      true
    );
    const args = [
      ["current_assets", current_assets],
      ["current_liabilities", current_liabilities],
      ["net_profit", net_profit],
      ["revenue", revenue],
      ["total_assets", total_assets],
      ["total_liabilities", total_liabilities],
    ] as const;
    const data = readTable(
      FN,
      args.map(([arg, value]) => ({
        arg,
        kind: "number" as const,
        value,
        address: at(arg),
      }))
    );
    const cols = data.columns as unknown as number[][];
    if (cols[0].length === 0)
      argError(
        { fn: FN, arg: "current_assets", address: at("current_assets") },
        "no values: the ranges are blank"
      );
    const L = ACCOUNT_LABELS[language()];
    const cell = (r: Ratio): string | number =>
      "value" in r ? r.value : L.notAvailable(L.ratioNames[r.zero]);
    const rows = cols[0].map((_, i) => {
      const r = financialRatios({
        currentAssets: cols[0][i],
        currentLiabilities: cols[1][i],
        netProfit: cols[2][i],
        revenue: cols[3][i],
        totalAssets: cols[4][i],
        totalLiabilities: cols[5][i],
      });
      return [
        r.currentRatio,
        r.netProfitMargin,
        r.returnOnAssets,
        r.debtRatio,
        r.assetTurnover,
      ].map(cell);
    });
    return alignedRows(data, rows, withHeaders ? L.ratioHeaders : undefined, 5);
  });
}
