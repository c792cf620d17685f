/* global CustomFunctions */
import { accountWhitespace, findAccount, spendMatrix } from "../engine/accounts/whitespace";
import { nearestNames } from "../engine/plan/accountPlan";
import { argError, isOmitted, optionalBoolean, readTable } from "../grid";
import { withoutRowsOfZeros } from "../grid/aligned";
import { ACCOUNT_PLAN_LABELS } from "../i18n/results.accountPlan";
import { argAddresses, guard, language, reused } from "./shared";

const FN = "KAM.WHITESPACE";

/** Parameter names of each function, in signature order (checked against functions.json). */
export const PARAMS = {
  WHITESPACE: ["accounts", "products", "amounts", "account", "headers"],
} as const;

/**
 * Whitespace (cross-selling gaps): without account, the account × product spend matrix (accounts and products largest total first, a Total column); with account, the products that account does not buy (net spend 0 or less), each with the estimated opportunity = the share of spend the other accounts give that product × this account's total spend, largest first.
 * @customfunction WHITESPACE
 * @param accounts Account of each amount (one column); accounts match ignoring case and surrounding spaces.
 * @param products Product or product line of each amount.
 * @param amounts Amounts (revenue); negative amounts (returns) reduce the account's spend on the product.
 * @param [account] One account: spill its gaps instead of the matrix. An account not found is named with the nearest matches.
 * @param [headers] TRUE (default) puts a header row on top of the spilled table.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns Without account: one row per account with its spend on each product and its total. With account: one row per gap: product, other accounts buying it, their share of spend on it, opportunity.
 * @requiresParameterAddresses
 */
export function whitespaceAsync(
  accounts: unknown[][],
  products: unknown[][],
  amounts: unknown[][],
  account?: unknown,
  headers?: unknown,
  invocation?: CustomFunctions.Invocation
): Promise<unknown[][]> {
  return reused(FN, [accounts, products, amounts, account, headers], invocation, () =>
    whitespace(accounts, products, amounts, account, headers, invocation)
  );
}

/** Computed at once (tests, benchmarks). Excel calls whitespaceAsync, which queues the call
 *  (the task pane stays responsive) and reuses results (shared.ts, reused). */
export function whitespace(
  accounts: unknown[][],
  products: unknown[][],
  amounts: unknown[][],
  account?: unknown,
  headers?: unknown,
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN, ["amounts"], () => {
    const at = argAddresses(invocation, PARAMS.WHITESPACE);
    const withHeaders = optionalBoolean(
      { fn: FN, arg: "headers", address: at("headers") },
      headers,
      true
    );
    const data = withoutRowsOfZeros(
      readTable(FN, [
        { arg: "accounts", kind: "label", value: accounts, address: at("accounts") },
        { arg: "products", kind: "label", value: products, address: at("products") },
        { arg: "amounts", kind: "number", value: amounts, address: at("amounts") },
      ] as const)
    );
    const [acc, prod, amount] = data.columns;
    if (acc.length === 0)
      argError(
        { fn: FN, arg: "accounts", address: at("accounts") },
        "no data: the ranges are blank"
      );
    const m = spendMatrix(acc, prod, amount);
    const L = ACCOUNT_PLAN_LABELS[language()];

    if (isOmitted(account)) {
      const byTotal = (totals: number[]) =>
        totals.map((_, i) => i).sort((p, q) => totals[q] - totals[p] || p - q);
      const rowsOrder = byTotal(m.totals);
      const colsOrder = byTotal(m.productTotals);
      const rows = rowsOrder.map((a) => [
        m.accounts[a],
        ...colsOrder.map((p) => m.spend[a][p]),
        m.totals[a],
      ]);
      return withHeaders
        ? [[L.account, ...colsOrder.map((p) => m.products[p]), L.total], ...rows]
        : rows;
    }

    const one = Array.isArray(account) ? (account as unknown[][])[0]?.[0] : account;
    if (typeof one !== "string" && typeof one !== "number")
      return argError(
        { fn: FN, arg: "account", address: at("account") },
        "give one account name (text or number)"
      );
    const k = findAccount(m, one);
    if (k === undefined) {
      const near = nearestNames(one, m.accounts, 3)
        .map((n) => `"${n}"`)
        .join(", ");
      return argError(
        { fn: FN, arg: "account", address: at("account") },
        L.notFound(String(one), near)
      );
    }
    const w = accountWhitespace(m, k);
    const rows: (string | number)[][] = w.gaps.map((g) => [
      g.product,
      g.buyers,
      g.peerShare,
      g.opportunity,
    ]);
    if (rows.length === 0) rows.push([L.noGaps(String(w.account)), "", "", ""]);
    return withHeaders ? [[...L.gapHeaders], ...rows] : rows;
  });
}
