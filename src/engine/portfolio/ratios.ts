// A customer's financial ratios, as a key-account manager reads a customer's annual report:
// liquidity (current ratio), profitability (net profit margin, return on assets), leverage (debt
// ratio) and efficiency (asset turnover), with the textbook definitions (e.g. Brealey, Myers & Allen,
// Principles of Corporate Finance, ch. 28).

export interface FinancialStatement {
  currentAssets: number;
  currentLiabilities: number;
  netProfit: number;
  revenue: number;
  totalAssets: number;
  totalLiabilities: number;
}

/** A ratio, or the denominator that is zero. */
export type Ratio =
  { value: number } | { zero: "current_liabilities" | "revenue" | "total_assets" };

export interface FinancialRatios {
  currentRatio: Ratio;
  netProfitMargin: Ratio;
  returnOnAssets: Ratio;
  debtRatio: Ratio;
  assetTurnover: Ratio;
}

const ratio = (
  num: number,
  den: number,
  name: "current_liabilities" | "revenue" | "total_assets"
): Ratio => (den === 0 ? { zero: name } : { value: num / den });

export function financialRatios(s: FinancialStatement): FinancialRatios {
  return {
    currentRatio: ratio(s.currentAssets, s.currentLiabilities, "current_liabilities"),
    netProfitMargin: ratio(s.netProfit, s.revenue, "revenue"),
    returnOnAssets: ratio(s.netProfit, s.totalAssets, "total_assets"),
    debtRatio: ratio(s.totalLiabilities, s.totalAssets, "total_assets"),
    assetTurnover: ratio(s.revenue, s.totalAssets, "total_assets"),
  };
}
