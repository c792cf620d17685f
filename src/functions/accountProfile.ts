/* global CustomFunctions */
import { accountProfile as profileOf, profilePortfolio } from "../engine/accounts/profile";
import { nearestNames } from "../engine/plan/accountPlan";
import { argError, isOmitted, optionalBoolean, optionalDate, readTable } from "../grid";
import { ACCOUNT_PLAN_LABELS, profileLines } from "../i18n/results.accountPlan";
import { argAddresses, guard, language, reused } from "./shared";

const FN = "KAM.ACCOUNT_PROFILE";

/** Parameter names of each function, in signature order (checked against functions.json). */
export const PARAMS = {
  ACCOUNT_PROFILE: ["customers", "dates", "amounts", "account", "profits", "as_of", "headers"],
} as const;

/**
 * One account's profile from an order list, as label/value rows: orders, first and last order, revenue, profit and margin, share of revenue and rank, ABC class, tier with its criteria (contribution, profitability, potential, as KAM.TIER), growth over the last 12 months, revenue and profit per calendar year with growth and CAGR over the complete years, RFM code and segment, P(alive), expected purchases and CLV over 12 months (BG/NBD and Gamma-Gamma, when at least 10 customers bought twice).
 * @customfunction ACCOUNT_PROFILE
 * @param customers Customer of each order (one column); customers match ignoring case and surrounding spaces.
 * @param dates Date of each order: date cells, or text such as 2024-01-15, 2024/1/15 or 2024年1月15日.
 * @param amounts Amount of each order; negative amounts are returns.
 * @param account The account to profile. An account not found is named with the nearest matches.
 * @param [profits] Profit of each order; blank cells leave the order out of profit and margin.
 * @param [as_of] Analysis date; default the last order's date. Later orders are left out.
 * @param [headers] TRUE (default) puts a header row on top of the spilled table.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns Spills two columns, measure and value; dates are date serials, shares and rates fractions.
 * @requiresParameterAddresses
 */
export function accountProfileAsync(
  customers: unknown[][],
  dates: unknown[][],
  amounts: unknown[][],
  account: unknown,
  profits?: unknown[][],
  as_of?: unknown,
  headers?: unknown,
  invocation?: CustomFunctions.Invocation
): Promise<unknown[][]> {
  return reused(FN, [customers, dates, amounts, account, profits, as_of, headers], invocation, () =>
    accountProfile(customers, dates, amounts, account, profits, as_of, headers, invocation)
  );
}

/** Computed at once (tests, benchmarks). Excel calls accountProfileAsync, which queues the call
 *  (the task pane stays responsive) and reuses results (shared.ts, reused). */
export function accountProfile(
  customers: unknown[][],
  dates: unknown[][],
  amounts: unknown[][],
  account: unknown,
  profits?: unknown[][],
  as_of?: unknown,
  headers?: unknown,
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN, ["amounts", "profits"], () => {
    const at = argAddresses(invocation, PARAMS.ACCOUNT_PROFILE);
    const asOf = optionalDate({ fn: FN, arg: "as_of", address: at("as_of") }, as_of);
    const withHeaders = optionalBoolean(
      { fn: FN, arg: "headers", address: at("headers") },
      headers,
      true
    );
    const one = Array.isArray(account) ? (account as unknown[][])[0]?.[0] : account;
    if (typeof one !== "string" && typeof one !== "number")
      return argError(
        { fn: FN, arg: "account", address: at("account") },
        "give one account name (text or number)"
      );
    const base = [
      { arg: "customers", kind: "label", value: customers, address: at("customers") },
      { arg: "dates", kind: "date", value: dates, address: at("dates") },
      { arg: "amounts", kind: "number", value: amounts, address: at("amounts") },
    ] as const;
    let cust: (string | number)[];
    let day: number[];
    let amount: number[];
    let profit: (number | null)[] | undefined;
    if (isOmitted(profits)) {
      [cust, day, amount] = readTable(FN, base).columns;
    } else {
      const spec = {
        arg: "profits",
        kind: "number",
        value: profits,
        address: at("profits"),
        optional: true,
      } as const;
      [cust, day, amount, profit] = readTable(FN, [...base, spec] as const).columns;
    }
    if (cust.length === 0)
      argError(
        { fn: FN, arg: "customers", address: at("customers") },
        "no orders: the ranges are blank"
      );
    const res = profilePortfolio(
      { customers: cust, dates: day, amounts: amount, profits: profit },
      { asOf }
    );
    if (!res.ok)
      return argError({ fn: FN, arg: asOf !== undefined ? "as_of" : "amounts" }, res.reason);
    const lang = language();
    const p = profileOf(res.value, one);
    if (!p) {
      const near = nearestNames(one, res.value.names, 3)
        .map((n) => `"${n}"`)
        .join(", ");
      return argError(
        { fn: FN, arg: "account", address: at("account") },
        ACCOUNT_PLAN_LABELS[lang].notFound(String(one), near)
      );
    }
    const rows = profileLines(p, res.value, lang).map((l) => [l.label, l.value]);
    return withHeaders ? [[...ACCOUNT_PLAN_LABELS[lang].profileHeaders], ...rows] : rows;
  });
}
