/* global CustomFunctions */
import { Period, rfmSummary as summaryEngine } from "../engine/accounts/summary";
import { argError, optionalBoolean, optionalDate } from "../grid";
import { optionalChoice } from "../grid/choice";
import { ACCOUNT_LABELS } from "../i18n/results.accounts";
import { argAddresses, guard, language, readTransactions, reused } from "./shared";

const FN = "KAM.RFM_SUMMARY";

/** Parameter names of each function, in signature order (checked against functions.json). */
export const PARAMS = {
  RFM_SUMMARY: ["customers", "dates", "amounts", "as_of", "period", "headers"],
} as const;

/** Spellings of the period argument. */
export const PERIODS: Readonly<Record<string, Period>> = {
  days: "days",
  day: "days",
  d: "days",
  天: "days",
  日: "days",
  weeks: "weeks",
  week: "weeks",
  w: "weeks",
  周: "weeks",
  months: "months",
  month: "months",
  m: "months",
  月: "months",
};

/**
 * The calibration summary used by the CLV models (BG/NBD, Gamma-Gamma): per customer the repeat purchases, the time of the last purchase and the time observed, and the mean value of the repeat purchases. A purchase is a transaction with an amount of 0 or more, as in KAM.RFM; purchases on the same day are one purchase.
 * @customfunction RFM_SUMMARY
 * @param customers Customer of each transaction (one column).
 * @param dates Date of each transaction.
 * @param amounts Amount of each transaction (0 counts as a purchase; negative amounts are returns and are left out).
 * @param [as_of] End of the calibration period; default the last transaction date. Transactions on it count, later ones are left out.
 * @param [period] Time unit of recency and T: "weeks" (default; days / 7), "days" or "months" (days / 30.4375).
 * @param [headers] TRUE (default) puts a header row on top of the spilled table.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns Spills one row per customer, in order of first appearance: customer, frequency (repeat purchases), recency (first to last purchase), T (first purchase to as_of), monetary (mean value of the repeat purchases).
 * @requiresParameterAddresses
 */
export function rfmSummaryAsync(
  customers: unknown[][],
  dates: unknown[][],
  amounts: unknown[][],
  as_of?: unknown,
  period?: unknown,
  headers?: unknown,
  invocation?: CustomFunctions.Invocation
): Promise<unknown[][]> {
  return reused(FN, [customers, dates, amounts, as_of, period, headers], invocation, () =>
    rfmSummary(customers, dates, amounts, as_of, period, headers, invocation)
  );
}

/** Computed at once (tests, benchmarks). Excel calls rfmSummaryAsync, which queues the call
 *  (the task pane stays responsive) and reuses results (shared.ts, reused). */
export function rfmSummary(
  customers: unknown[][],
  dates: unknown[][],
  amounts: unknown[][],
  as_of?: unknown,
  period?: unknown,
  headers?: unknown,
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN, ["amounts", "dates"], () => {
    const at = argAddresses(invocation, PARAMS.RFM_SUMMARY);
    const asOf = optionalDate({ fn: FN, arg: "as_of", address: at("as_of") }, as_of);
    const unit = optionalChoice(
      { fn: FN, arg: "period", address: at("period") },
      period,
      "weeks",
      PERIODS,
      ['"days"', '"weeks"', '"months"']
    );
    const withHeaders = optionalBoolean(
      { fn: FN, arg: "headers", address: at("headers") },
      headers,
      true
    );
    const {
      customers: cust,
      dates: day,
      amounts: amount,
    } = readTransactions(FN, customers, dates, amounts, at);
    const result = summaryEngine(cust, day, amount, { asOf, period: unit });
    if (result.customers.length === 0) {
      argError(
        { fn: FN, arg: "amounts", address: at("amounts") },
        result.afterAsOf > 0
          ? "no purchases on or before as_of"
          : "no purchases: every amount is negative (a return)"
      );
    }
    const lang = language();
    const rows: (string | number)[][] = result.customers.map((c) => [
      c.customer,
      c.frequency,
      c.recency,
      c.T,
      c.monetary,
    ]);
    return withHeaders ? [[...ACCOUNT_LABELS[lang].summaryHeaders], ...rows] : rows;
  });
}
