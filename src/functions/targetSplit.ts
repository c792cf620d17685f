/* global CustomFunctions */
import { apportion } from "../engine/plan/split";
import { argError, cellError, isOmitted, optionalNumber, readTable, toVector } from "../grid";
import { alignedRows } from "../grid/aligned";
import { optionalChoice } from "../grid/choice";
import { PLAN_LABELS } from "../i18n/results.plan";
import { argAddresses, guard, language } from "./shared";

const FN = "KAM.TARGET_SPLIT";

/** Parameter names of each function, in signature order (checked against functions.json). */
export const PARAMS = {
  TARGET_SPLIT: ["total", "basis", "method", "unit"],
} as const;

type Method = "proportional" | "equal";

/** Accepted spellings of the method argument. */
export const METHODS: Readonly<Record<string, Method>> = {
  proportional: "proportional",
  share: "proportional",
  basis: "proportional",
  sales: "proportional",
  lastyear: "proportional",
  potential: "proportional",
  按比例: "proportional",
  比例: "proportional",
  equal: "equal",
  even: "equal",
  平均: "equal",
  均分: "equal",
};

/**
 * Splits a target across teams, people or accounts in proportion to a basis (last year's sales, potential) or equally, rounded to a unit with the parts adding up exactly to the total (largest remainder method; without a unit, to the last digit of a double).
 * @customfunction TARGET_SPLIT
 * @param total The target to split; 0 or more.
 * @param basis One cell per team, person or account: the basis amount (last year's sales, potential, ...); with method equal, any non-blank cell (e.g. the names). A basis of 0 gets 0; zeros at the end are the empty cells of a larger range.
 * @param [method] proportional (default; also sales, potential, share) or equal (平均).
 * @param [unit] Round each part to a whole number of this unit (e.g. 1000); the total must be a multiple of it. Default: no rounding.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns Spills the target of each row in the shape of basis: blank for blank rows (and the zeros at the end), the label Target for a header row.
 * @requiresParameterAddresses
 */
export function targetSplit(
  total: unknown,
  basis: unknown[][],
  method?: unknown,
  unit?: unknown,
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN, ["total", "basis"], () => {
    const at = argAddresses(invocation, PARAMS.TARGET_SPLIT);
    const totalPlace = { fn: FN, arg: "total", address: at("total") };
    if (isOmitted(total)) argError(totalPlace, "is blank; give the target to split");
    const amount = optionalNumber(totalPlace, total, 0);
    const how = optionalChoice(
      { fn: FN, arg: "method", address: at("method") },
      method,
      "proportional",
      METHODS,
      ["proportional", "sales", "potential", "equal", "按比例", "平均"]
    );
    const step = isOmitted(unit)
      ? undefined
      : optionalNumber({ fn: FN, arg: "unit", address: at("unit") }, unit, 1);
    if (step !== undefined && !(step > 0))
      argError(
        { fn: FN, arg: "unit", address: at("unit") },
        `${step} is not allowed; give a unit greater than 0, or leave it out`
      );
    const place = { fn: FN, arg: "basis", address: at("basis") };
    const data =
      how === "equal"
        ? readTable(FN, [
            { arg: "basis", kind: "label", value: basis, address: place.address },
          ] as const)
        : readTable(FN, [
            { arg: "basis", kind: "number", value: basis, address: place.address },
          ] as const);
    const weights = how === "equal" ? data.columns[0].map(() => 1) : (data.columns[0] as number[]);
    // A 0 is a basis of 0 (its part is 0), except in the trailing run of zeros, which is the padding
    // Excel desktop passes for the empty cells of an oversized range (blank, like an empty row).
    const { values: raw, vertical } = toVector(place, basis);
    if (weights.length === 0) {
      argError(
        place,
        raw.some((v) => v === 0)
          ? "the weights add up to 0, so there are no shares"
          : "no rows: the range is blank"
      );
    }
    const split = apportion(amount, weights, step);
    if (!split.ok) {
      if (split.index !== undefined) {
        const pos = data.positions[split.index];
        cellError(place, vertical ? pos : 0, vertical ? 0 : pos, vertical, split.reason);
      }
      argError(/unit|total/.test(split.reason) ? totalPlace : place, split.reason);
    }
    const out = alignedRows(
      data,
      split.parts.map((v) => [v]),
      data.header ? [PLAN_LABELS[language()].splitHeader] : undefined,
      1
    );
    return vertical ? out : [out.map((r) => r[0])];
  });
}
