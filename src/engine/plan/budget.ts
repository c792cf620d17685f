// The sales budget: revenue, costs and profit per period. Cost model (the variable/fixed split of
// cost-volume-profit budgeting): each variable cost line is revenue × its rate for the period; fixed
// costs are an amount per period; profit = revenue − variable − fixed; margin = profit ÷ revenue.

import { sum } from "../numeric";

export interface BudgetRow {
  revenue: number;
  /** Variable cost of each line. */
  lines: number[];
  variable: number;
  fixed: number;
  totalCost: number;
  profit: number;
  /** profit ÷ revenue; undefined when revenue is 0. */
  margin?: number;
}

export interface Budget {
  periods: BudgetRow[];
  total: BudgetRow;
}

/**
 * `rates[p][j]` is the rate of cost line j in period p (the caller repeats one row of rates for every
 * period); `fixed[p]` the fixed costs of period p. Totals are compensated sums over the periods.
 */
export function salesBudget(
  revenue: readonly number[],
  rates: readonly (readonly number[])[],
  fixed: readonly number[]
): Budget {
  const n = revenue.length;
  if (rates.length !== n || fixed.length !== n)
    throw new RangeError("salesBudget: inputs differ in length");
  const lineCount = n > 0 ? rates[0].length : 0;
  const periods = revenue.map((r, p): BudgetRow => {
    if (rates[p].length !== lineCount) throw new RangeError("salesBudget: ragged rates");
    const lines = rates[p].map((rate) => r * rate);
    const variable = sum(lines);
    const totalCost = variable + fixed[p];
    return row(r, lines, variable, fixed[p], totalCost);
  });
  const col = (pick: (b: BudgetRow) => number) => sum(periods.map(pick));
  const lines = Array.from({ length: lineCount }, (_, j) => col((b) => b.lines[j]));
  const total = row(
    col((b) => b.revenue),
    lines,
    col((b) => b.variable),
    col((b) => b.fixed),
    col((b) => b.totalCost)
  );
  return { periods, total };
}

function row(
  revenue: number,
  lines: number[],
  variable: number,
  fixed: number,
  totalCost: number
): BudgetRow {
  const profit = revenue - totalCost;
  return {
    revenue,
    lines,
    variable,
    fixed,
    totalCost,
    profit,
    ...(revenue !== 0 ? { margin: profit / revenue } : {}),
  };
}
