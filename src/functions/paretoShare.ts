/* global CustomFunctions */
import { paretoShare as shareEngine } from "../engine/accounts/pareto";
import { argError, optionalNumber } from "../grid";
import { readNumberList } from "../grid/matrix";
import { argAddresses, guard, withinRange } from "./shared";

const FN = "KAM.PARETO_SHARE";

/** Parameter names of each function, in signature order (checked against functions.json). */
export const PARAMS = {
  PARETO_SHARE: ["amounts", "top_fraction"],
} as const;

/**
 * Share of the total held by the top customers: the sum of the largest ceil(top_fraction × n) amounts divided by the sum of all (the 80/20 check: is the share of the top 20% near 80%?).
 * @customfunction PARETO_SHARE
 * @param amounts One amount per customer (one column or row), e.g. revenue.
 * @param [top_fraction] Fraction of customers counted as the top, above 0 and up to 1; default 0.2.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns The share, from 0 to 1.
 * @requiresParameterAddresses
 */
export function paretoShare(
  amounts: unknown[][],
  top_fraction?: unknown,
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN, ["amounts"], () => {
    const at = argAddresses(invocation, PARAMS.PARETO_SHARE);
    const f = optionalNumber(
      { fn: FN, arg: "top_fraction", address: at("top_fraction") },
      top_fraction,
      0.2,
      {
        min: 0,
        max: 1,
      }
    );
    if (f === 0)
      argError(
        { fn: FN, arg: "top_fraction", address: at("top_fraction") },
        "0 is not allowed; give a fraction above 0"
      );
    const list = readNumberList({ fn: FN, arg: "amounts", address: at("amounts") }, amounts);
    if (list.values.length === 0)
      argError({ fn: FN, arg: "amounts", address: at("amounts") }, "no values: the range is blank");
    // A share does not change when every amount is divided by the same number: amounts near
    // ±1E+308, whose total would overflow, get their true share, or a total named as it is.
    const { values: scaled, factor } = withinRange(list.values);
    const total = scaled.reduce((s, v) => s + v, 0);
    if (!(total > 0)) {
      const real = total * factor;
      const shown = Number.isFinite(real) ? String(real) : "below -1.8E+308";
      return argError(
        { fn: FN, arg: "amounts", address: at("amounts") },
        `the amounts add up to ${shown}; a share needs a total above 0`
      );
    }
    const res = shareEngine(scaled, f);
    if (!res.ok) return argError({ fn: FN, arg: "amounts", address: at("amounts") }, res.reason);
    return [[res.value]];
  });
}
