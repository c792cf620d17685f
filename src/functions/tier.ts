/* global CustomFunctions */
import { DEFAULT_TIER_THRESHOLDS, tiers } from "../engine/accounts/tier";
import { argError, isOmitted, optionalBoolean, readTable } from "../grid";
import { alignedRows } from "../grid/aligned";
import { readNumberList } from "../grid/matrix";
import { ACCOUNT_LABELS } from "../i18n/results.accounts";
import { argAddresses, guard, language } from "./shared";

const FN = "KAM.TIER";

/** Parameter names of each function, in signature order (checked against functions.json). */
export const PARAMS = {
  TIER: ["revenue", "margin", "growth", "thresholds", "headers"],
} as const;

/**
 * Account tiers core / key / ordinary by the value assessment of key-account practice: revenue contribution, margin against the revenue-weighted average, and growth. Contribution is high at a revenue share >= 30% (when no account reaches 30%: the A class, the accounts making the first 80% of revenue) and low at <= 5% in the C class. Core: high contribution, with neither a below-average margin nor growth under -10%. Key: high with one of these weaknesses, medium contribution, or low with an above-average margin and growth >= 10%. Ordinary: the rest.
 * @customfunction TIER
 * @param revenue Revenue of each account (one column).
 * @param margin Margin rate of each account, e.g. 0.25; compared with the revenue-weighted average of all accounts.
 * @param growth Growth rate of each account, e.g. 0.05 for +5%.
 * @param [thresholds] Three or four numbers overriding the rule: high share (0.3), low share (0.05), shrinking below growth (-0.1), growing from growth (0.1).
 * @param [headers] TRUE (default) puts a header row on top (or in place of the input's header row).
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns Spills one row per account: revenue share, margin minus the average margin, growth, tier.
 * @requiresParameterAddresses
 */
export function tier(
  revenue: unknown[][],
  margin: unknown[][],
  growth: unknown[][],
  thresholds?: unknown[][],
  headers?: unknown,
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN, ["revenue", "margin", "growth"], () => {
    const at = argAddresses(invocation, PARAMS.TIER);
    const withHeaders = optionalBoolean(
      { fn: FN, arg: "headers", address: at("headers") },
      headers,
      true
    );
    let t = DEFAULT_TIER_THRESHOLDS;
    let growing: number | undefined;
    if (!isOmitted(thresholds)) {
      // Up to four numbers: a trailing 0 (e.g. {0.3,0.05,0}) is a threshold, not padding.
      const th = readNumberList(
        { fn: FN, arg: "thresholds", address: at("thresholds") },
        thresholds,
        4
      ).values;
      if (th.length !== 3 && th.length !== 4)
        argError(
          { fn: FN, arg: "thresholds", address: at("thresholds") },
          `has ${th.length} numbers; give three or four: high share, low share, shrinking below growth, growing from growth`
        );
      if (!(th[0] > 0 && th[0] <= 1 && th[1] >= 0 && th[1] < th[0]))
        argError(
          { fn: FN, arg: "thresholds", address: at("thresholds") },
          "the shares must satisfy 0 <= low share < high share <= 1"
        );
      growing = th.length === 4 ? th[3] : undefined;
      if (growing !== undefined && !(th[2] <= growing))
        argError(
          { fn: FN, arg: "thresholds", address: at("thresholds") },
          "the growth thresholds must satisfy shrinking below <= growing from"
        );
      t = { coreShare: th[0], ordinaryShare: th[1], stableGrowth: th[2] };
    }
    const data = readTable(FN, [
      { arg: "revenue", kind: "number", value: revenue, address: at("revenue") },
      { arg: "margin", kind: "number", value: margin, address: at("margin") },
      { arg: "growth", kind: "number", value: growth, address: at("growth") },
    ] as const);
    const [rev, mar, gro] = data.columns;
    if (rev.length === 0)
      argError(
        { fn: FN, arg: "revenue", address: at("revenue") },
        "no accounts: the ranges are blank"
      );
    const res = tiers(rev, mar, gro, t, growing);
    if (!res.ok) return argError({ fn: FN, arg: "revenue", address: at("revenue") }, res.reason);
    const L = ACCOUNT_LABELS[language()];
    const rows = res.rows.map((r) => [r.share, r.marginGap, r.growth, L.tiers[r.tier]]);
    return alignedRows(data, rows, withHeaders ? L.tierHeaders : undefined, 4);
  });
}
