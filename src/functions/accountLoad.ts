/* global CustomFunctions */
import { accountLoad as loadEngine, DEFAULT_LOAD_RANGE } from "../engine/pipeline/load";
import { argError, optionalBoolean, optionalNumber, readTable } from "../grid";
import { withoutRowsOfZeros } from "../grid/aligned";
import { PLAN_LABELS } from "../i18n/results.plan";
import { argAddresses, guard, language } from "./shared";

const FN = "KAM.ACCOUNT_LOAD";

/** Parameter names of each function, in signature order (checked against functions.json). */
export const PARAMS = {
  ACCOUNT_LOAD: ["reps", "accounts", "min", "max", "headers"],
} as const;

/**
 * Accounts per sales rep against the key-account practice's range of 30 to 40: distinct accounts of each rep, flagged Under, OK or Over.
 * @customfunction ACCOUNT_LOAD
 * @param reps Sales rep of each row (select without the header row). A row of zeros (rep 0, account 0) is an empty row.
 * @param accounts Account of each row; an account listed twice for a rep counts once.
 * @param [min] Fewest accounts a rep should have; default 30.
 * @param [max] Most accounts a rep should have; default 40.
 * @param [headers] TRUE (default) puts a header row on top.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns Spills Rep, Accounts, Status (Under, OK, Over), Difference (below min negative, above max positive, else 0): one row per rep in order of first appearance.
 * @requiresParameterAddresses
 */
export function accountLoad(
  reps: unknown[][],
  accounts: unknown[][],
  min?: unknown,
  max?: unknown,
  headers?: unknown,
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN, ["reps", "accounts"], () => {
    const at = argAddresses(invocation, PARAMS.ACCOUNT_LOAD);
    const low = optionalNumber(
      { fn: FN, arg: "min", address: at("min") },
      min,
      DEFAULT_LOAD_RANGE.min,
      {
        min: 0,
        integer: true,
      }
    );
    const high = optionalNumber(
      { fn: FN, arg: "max", address: at("max") },
      max,
      DEFAULT_LOAD_RANGE.max,
      {
        min: 0,
        integer: true,
      }
    );
    if (high < low)
      argError(
        { fn: FN, arg: "max", address: at("max") },
        `${high} is less than min (${low}); give max ≥ min`
      );
    const withHeaders = optionalBoolean(
      { fn: FN, arg: "headers", address: at("headers") },
      headers,
      true
    );
    // a row of zeros is an empty row (0 is no rep or account), as Excel desktop passes one
    const data = withoutRowsOfZeros(
      readTable(FN, [
        { arg: "reps", kind: "label", value: reps, address: at("reps") },
        { arg: "accounts", kind: "label", value: accounts, address: at("accounts") },
      ] as const)
    );
    if (data.columns[0].length === 0)
      argError({ fn: FN, arg: "reps", address: at("reps") }, "no rows: the ranges are blank");
    const labels = PLAN_LABELS[language()];
    const rows = loadEngine(data.columns[0], data.columns[1], low, high).map((r) => [
      r.rep,
      r.accounts,
      labels.loadStatus[r.status],
      r.difference,
    ]);
    return withHeaders ? [[...labels.loadHeaders], ...rows] : rows;
  });
}
