/* global CustomFunctions */
import { pareto as paretoEngine } from "../engine/accounts/pareto";
import { argError, optionalBoolean, optionalNumber, readTable } from "../grid";
import { withoutRowsOfZeros } from "../grid/aligned";
import { ACCOUNT_LABELS } from "../i18n/results.accounts";
import { argAddresses, guard, language, reused, withinRange } from "./shared";

const FN = "KAM.PARETO";

/** Parameter names of each function, in signature order (checked against functions.json). */
export const PARAMS = {
  PARETO: ["customers", "amounts", "a_cut", "b_cut", "headers"],
} as const;

/**
 * The 80/20 rule: per customer the total amount, its share, the cumulative share (largest first), the rank and the ABC class (A while the cumulative share is at most a_cut, B at most b_cut, else C).
 * @customfunction PARETO
 * @param customers Customer of each amount (one column); amounts of the same customer are added. A row of zeros (customer 0, amount 0) is an empty row.
 * @param amounts Amounts (revenue, margin, ...); negative amounts reduce the customer's total.
 * @param [a_cut] Cumulative share up to which customers are class A; default 0.8.
 * @param [b_cut] Cumulative share up to which customers are class B; default 0.95.
 * @param [headers] TRUE (default) puts a header row on top of the spilled table.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns Spills one row per customer, largest total first: customer, total, share, cumulative share, rank, class.
 * @requiresParameterAddresses
 */
export function paretoAsync(
  customers: unknown[][],
  amounts: unknown[][],
  a_cut?: unknown,
  b_cut?: unknown,
  headers?: unknown,
  invocation?: CustomFunctions.Invocation
): Promise<unknown[][]> {
  return reused(FN, [customers, amounts, a_cut, b_cut, headers], invocation, () =>
    pareto(customers, amounts, a_cut, b_cut, headers, invocation)
  );
}

/** Computed at once (tests, benchmarks). Excel calls paretoAsync, which queues the call
 *  (the task pane stays responsive) and reuses results (shared.ts, reused). */
export function pareto(
  customers: unknown[][],
  amounts: unknown[][],
  a_cut?: unknown,
  b_cut?: unknown,
  headers?: unknown,
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN, ["amounts"], () => {
    const at = argAddresses(invocation, PARAMS.PARETO);
    const a = optionalNumber({ fn: FN, arg: "a_cut", address: at("a_cut") }, a_cut, 0.8, {
      min: 0,
      max: 1,
    });
    const b = optionalNumber({ fn: FN, arg: "b_cut", address: at("b_cut") }, b_cut, 0.95, {
      min: 0,
      max: 1,
    });
    if (b < a)
      argError(
        { fn: FN, arg: "b_cut", address: at("b_cut") },
        `${b} is below a_cut (${a}); b_cut must be at least a_cut`
      );
    const withHeaders = optionalBoolean(
      { fn: FN, arg: "headers", address: at("headers") },
      headers,
      true
    );
    // a row of zeros is an empty row (0 is no customer), as Excel desktop passes one
    const data = withoutRowsOfZeros(
      readTable(FN, [
        { arg: "customers", kind: "label", value: customers, address: at("customers") },
        { arg: "amounts", kind: "number", value: amounts, address: at("amounts") },
      ] as const)
    );
    const [cust, amount] = data.columns;
    if (cust.length === 0)
      argError(
        { fn: FN, arg: "customers", address: at("customers") },
        "no data: the ranges are blank"
      );
    // amounts whose total would pass ±1.8E+308: shares from the amounts scaled to fit, totals back
    const { values: scaled, factor } = withinRange(amount);
    const res = paretoEngine(cust, scaled, a, b);
    if (!res.ok) {
      const total = scaled.reduce((s, v) => s + v, 0) * factor;
      const shown = Number.isFinite(total) ? String(total) : "below -1.8E+308";
      return argError(
        { fn: FN, arg: "amounts", address: at("amounts") },
        factor === 1 ? res.reason : `the total is ${shown}; shares need a total above 0`
      );
    }
    const rows = res.value.map((r) => [
      r.customer,
      r.total * factor,
      r.share,
      r.cumulative,
      r.rank,
      r.abc,
    ]);
    const lang = language();
    return withHeaders ? [[...ACCOUNT_LABELS[lang].paretoHeaders], ...rows] : rows;
  });
}
