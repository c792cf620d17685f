/* global CustomFunctions */
import { salesBudget } from "../engine/plan/budget";
import { argError, cellError, isOmitted, optionalBoolean } from "../grid";
import { isBlankCell } from "../cells/read";
import { paddingStart, rowsOf } from "../grid/matrix";
import { asNumber, classify } from "../cells/values";
import { PLAN_LABELS } from "../i18n/results.plan";
import { argAddresses, guard, language } from "./shared";
import { readCompleteSeries } from "./targetPhase";

const FN = "KAM.BUDGET";

/** Parameter names of each function, in signature order (checked against functions.json). */
export const PARAMS = {
  BUDGET: ["revenue_plan", "cost_rates", "fixed_costs", "headers"],
} as const;

/**
 * The sales budget per period: revenue, variable costs (revenue × rate of each cost line), fixed costs, total costs, profit and margin, with a Total row.
 * @customfunction BUDGET
 * @param revenue_plan Planned revenue of each period, in order (one column; a header cell is skipped).
 * @param cost_rates Variable cost rates, one column per cost line (e.g. 60% cost of sales, 5% commission): one row used for every period, or one row per period. An optional header row names the lines.
 * @param [fixed_costs] Fixed costs: one amount for every period, or one per period. Default 0.
 * @param [headers] TRUE (default) puts a header row on top.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns Spills Period, Revenue, one column per cost line, Variable costs, Fixed costs, Total costs, Profit, Margin (blank when revenue is 0): one row per period, then Total.
 * @requiresParameterAddresses
 */
export function budget(
  revenue_plan: unknown[][],
  cost_rates: unknown[][],
  fixed_costs?: unknown[][],
  headers?: unknown,
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN, ["revenue_plan", "cost_rates", "fixed_costs"], () => {
    const at = argAddresses(invocation, PARAMS.BUDGET);
    const withHeaders = optionalBoolean(
      { fn: FN, arg: "headers", address: at("headers") },
      headers,
      true
    );
    const revenue = readCompleteSeries(
      { fn: FN, arg: "revenue_plan", address: at("revenue_plan") },
      revenue_plan
    );
    const n = revenue.values.length;
    if (n === 0)
      argError(
        { fn: FN, arg: "revenue_plan", address: at("revenue_plan") },
        "no periods: the range is blank"
      );
    const rates = readRates(cost_rates, n, at("cost_rates"));
    let fixed: number[];
    if (isOmitted(fixed_costs)) fixed = new Array<number>(n).fill(0);
    else {
      const place = { fn: FN, arg: "fixed_costs", address: at("fixed_costs") };
      const f = readCompleteSeries(place, fixed_costs, (k) => k === 1 || k === n);
      if (f.values.length === 1) fixed = new Array<number>(n).fill(f.values[0]);
      else if (f.values.length === n) fixed = f.values;
      else
        argError(
          place,
          `has ${f.values.length} values; give one amount for every period or one per period (${n})`
        );
    }

    const b = salesBudget(revenue.values, rates.perPeriod, fixed);
    const l = PLAN_LABELS[language()].budget;
    const names = rates.names ?? rates.perPeriod[0].map((_, j) => l.line(j + 1));
    const line = (label: string | number, r: (typeof b.periods)[number]) => [
      label,
      r.revenue,
      ...r.lines,
      r.variable,
      r.fixed,
      r.totalCost,
      r.profit,
      r.margin ?? "",
    ];
    const rows = [
      ...b.periods.map((r, p) => line(p + 1, r)),
      line(PLAN_LABELS[language()].total, b.total),
    ];
    const head = [
      l.period,
      l.revenue,
      ...names,
      l.variable,
      l.fixed,
      l.totalCost,
      l.profit,
      l.margin,
    ];
    return withHeaders ? [head, ...rows] : rows;
  });
}

/**
 * The rate matrix: rows are periods, columns cost lines. A first row of text is the lines' names; rows
 * of blanks and zeros at the end are ignored (an oversized range) unless they are needed for one row
 * per period; one row of rates applies to every period.
 */
function readRates(
  value: unknown,
  periods: number,
  address: string | undefined
): { perPeriod: number[][]; names?: string[] } {
  const place = { fn: FN, arg: "cost_rates", address };
  const rows = rowsOf(value);
  let names: string[] | undefined;
  let first = 0;
  if (
    rows.length > 1 &&
    rows[0].every((v) => {
      const c = classify(v);
      return c.kind === "text" && typeof asNumber(c) === "string";
    })
  ) {
    names = rows[0].map((v) => String(v).trim());
    first = 1;
  }
  // rows of zeros and blanks at the end pad an oversized range, unless a row of zero rates is needed
  // to give one row per period
  let end = paddingStart(rows, first);
  const fits = (count: number) => count === 1 || count === periods;
  if (!fits(end - first)) {
    let k = end;
    while (k < rows.length && !rows[k].every(isBlankCell) && !fits(k + 1 - first)) k++;
    if (k < rows.length && !rows[k].every(isBlankCell)) end = k + 1;
  }
  const count = end - first;
  if (count === 0) argError(place, "no rates: the range is blank");
  if (count !== 1 && count !== periods)
    argError(
      place,
      `has ${count} rows of rates; give one row (the same rates every period) or one row per period (${periods})`
    );
  const matrix: number[][] = [];
  for (let r = first; r < end; r++) {
    matrix.push(
      rows[r].map((v, c) => {
        const cell = classify(v);
        const x = cell.kind === "blank" ? "the cell is blank; write 0 for no cost" : asNumber(cell);
        if (typeof x === "string") return cellError(place, r, c, true, x);
        if (x < 0)
          return cellError(place, r, c, true, `${x} is negative; a cost rate must be 0 or more`);
        return x;
      })
    );
  }
  const perPeriod = count === 1 ? Array.from({ length: periods }, () => matrix[0]) : matrix;
  return { perPeriod, names };
}
