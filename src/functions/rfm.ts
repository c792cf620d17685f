/* global CustomFunctions */
import { rfm as rfmEngine } from "../engine/accounts/rfm";
import { SEGMENT_NAMES } from "../i18n/segments";
import { argError, optionalBoolean, optionalDate, optionalNumber } from "../grid";
import { RESULT_LABELS } from "../i18n/results";
import { argAddresses, guard, language, readTransactions, reused } from "./shared";

const FN = "KAM.RFM";

/** Parameter names of each function, in signature order (checked against functions.json). */
export const PARAMS = {
  RFM: ["customers", "dates", "amounts", "as_of", "bins", "headers"],
} as const;

/**
 * RFM scores from a transaction list: one row per customer with recency, frequency, monetary, their 1..bins quantile scores, the RFM code and the customer segment (Champions, Loyal, ... Lost). A purchase is a transaction with an amount of 0 or more, as in KAM.RFM_SUMMARY; purchases on the same day are one purchase.
 * @customfunction RFM
 * @param customers Customer of each transaction (one column).
 * @param dates Date of each transaction: date cells, or text such as 2024-01-15, 2024/1/15 or 2024年1月15日.
 * @param amounts Amount of each transaction; 0 counts as a purchase (a free or fully discounted order); negative amounts are returns and only reduce monetary.
 * @param [as_of] Analysis date; default the day after the last transaction. Later transactions are left out.
 * @param [bins] Number of score groups, 2 to 9; default 5.
 * @param [headers] TRUE (default) puts a header row on top of the spilled table.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns Spills one row per customer: customer, recency (days), frequency (purchase days), monetary, R, F, M, RFM code, segment.
 * @requiresParameterAddresses
 */
export function rfmAsync(
  customers: unknown[][],
  dates: unknown[][],
  amounts: unknown[][],
  as_of?: unknown,
  bins?: unknown,
  headers?: unknown,
  invocation?: CustomFunctions.Invocation
): Promise<unknown[][]> {
  return reused(FN, [customers, dates, amounts, as_of, bins, headers], invocation, () =>
    rfm(customers, dates, amounts, as_of, bins, headers, invocation)
  );
}

/** Computed at once (tests, benchmarks). Excel calls rfmAsync, which queues the call
 *  (the task pane stays responsive) and reuses results (shared.ts, reused). */
export function rfm(
  customers: unknown[][],
  dates: unknown[][],
  amounts: unknown[][],
  as_of?: unknown,
  bins?: unknown,
  headers?: unknown,
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN, ["amounts", "dates"], () => {
    const at = argAddresses(invocation, PARAMS.RFM);
    const asOf = optionalDate({ fn: FN, arg: "as_of", address: at("as_of") }, as_of);
    const groups = optionalNumber({ fn: FN, arg: "bins", address: at("bins") }, bins, 5, {
      min: 2,
      max: 9,
      integer: true,
    });
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

    const result = rfmEngine(cust, day, amount, { asOf, bins: groups });
    if (result.customers.length === 0) {
      argError(
        { fn: FN, arg: "amounts", address: at("amounts") },
        asOf !== undefined && result.afterAsOf > 0
          ? "no purchases on or before as_of"
          : "no purchases: every amount is negative (a return)"
      );
    }
    const lang = language();
    const rows: (string | number)[][] = result.customers.map((c) => [
      c.customer,
      c.recency,
      c.frequency,
      c.monetary,
      c.r,
      c.f,
      c.m,
      c.code,
      SEGMENT_NAMES[c.segment][lang],
    ]);
    return withHeaders ? [[...RESULT_LABELS[lang].rfmHeaders], ...rows] : rows;
  });
}
