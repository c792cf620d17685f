/* global CustomFunctions */
import { simpleClv } from "../engine/accounts/clv";
import {
  argError,
  cellError,
  isOmitted,
  optionalBoolean,
  optionalNumber,
  readTable,
  toVector,
} from "../grid";
import { alignedRows } from "../grid/aligned";
import { ACCOUNT_LABELS } from "../i18n/results.accounts";
import { argAddresses, guard, language } from "./shared";

const FN = "KAM.CLV";

/** Parameter names of each function, in signature order (checked against functions.json). */
export const PARAMS = {
  CLV: ["margin", "retention", "discount_rate", "periods", "headers"],
} as const;

/**
 * Simple closed-form customer lifetime value, for customers without transaction history: a constant margin per period, a retention rate and a discount rate. CLV = margin × (1 + d) / (1 + d − retention), or over n periods margin × (1 − q^n) / (1 − q) with q = retention / (1 + d).
 * @customfunction CLV
 * @param margin Margin per period of each customer (one column, or a single value).
 * @param retention Retention rate per period, from 0 to 1 (below 1 without a periods limit): one value per customer or a single value.
 * @param discount_rate Discount rate per period, e.g. 0.1 for 10%.
 * @param [periods] Number of periods; default unlimited. The first period's margin is counted undiscounted.
 * @param [headers] TRUE (default) puts a header on top when the input has no header row.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns One CLV per customer (spills in rows matching margin).
 * @requiresParameterAddresses
 */
export function clv(
  margin: unknown[][],
  retention: unknown[][],
  discount_rate: unknown,
  periods?: unknown,
  headers?: unknown,
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN, ["margin", "retention", "discount_rate"], () => {
    const at = argAddresses(invocation, PARAMS.CLV);
    if (isOmitted(discount_rate))
      argError(
        { fn: FN, arg: "discount_rate", address: at("discount_rate") },
        "is required (0 for no discounting)"
      );
    const d = optionalNumber(
      { fn: FN, arg: "discount_rate", address: at("discount_rate") },
      discount_rate,
      0,
      { min: 0 }
    );
    const n = isOmitted(periods)
      ? undefined
      : optionalNumber({ fn: FN, arg: "periods", address: at("periods") }, periods, 1, {
          min: 1,
          integer: true,
        });
    const withHeaders = optionalBoolean(
      { fn: FN, arg: "headers", address: at("headers") },
      headers,
      true
    );
    const marginPlace = { fn: FN, arg: "margin", address: at("margin") };
    const retentionPlace = { fn: FN, arg: "retention", address: at("retention") };
    const retentionCells = toVector(retentionPlace, retention).values;
    const single = retentionCells.length === 1;
    if (single && isOmitted(retentionCells[0])) argError(retentionPlace, "is required");
    const scalar = single ? optionalNumber(retentionPlace, retentionCells[0], 0) : undefined;
    const data = readTable(FN, [
      { arg: "margin", kind: "number", value: margin, address: marginPlace.address },
      ...(single
        ? []
        : [
            {
              arg: "retention",
              kind: "number",
              value: retention,
              address: retentionPlace.address,
            } as const,
          ]),
    ] as const);
    const cols: readonly number[][] = data.columns;
    const m = cols[0];
    if (m.length === 0) argError(marginPlace, "no values: the range is blank");
    const vertical = toVector(retentionPlace, retention).vertical;
    const rows = m.map((mi, i) => {
      const ri = scalar ?? cols[1][i];
      if (!(ri >= 0 && ri <= 1) || (n === undefined && ri >= 1)) {
        const problem =
          n === undefined && ri === 1
            ? "a retention of 1 without a periods limit gives an unlimited value; give periods"
            : `${ri} is not a retention rate from 0 to 1`;
        if (single) argError(retentionPlace, problem);
        const pos = data.positions[i];
        cellError(retentionPlace, vertical ? pos : 0, vertical ? 0 : pos, vertical, problem);
      }
      return [simpleClv(mi, ri, d, n)];
    });
    if (m.length === 1 && !data.header && data.length === 1) return rows;
    return alignedRows(data, rows, withHeaders ? [ACCOUNT_LABELS[language()].clv] : undefined, 1);
  });
}
