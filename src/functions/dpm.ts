/* global CustomFunctions */
import { dpm as dpmEngine } from "../engine/portfolio/dpm";
import { argError, isOmitted, optionalBoolean, optionalNumber, readTable } from "../grid";
import { readNumberList, readNumberMatrix } from "../grid/matrix";
import { ACCOUNT_LABELS } from "../i18n/results.accounts";
import { addressOf, guard, language } from "./shared";

const FN = "KAM.DPM";

/**
 * Directional policy matrix: weighted market attractiveness and relative business strength of each segment or account, its quadrant and strategy: improve (star: both high), maintain (cash cow: strength high, attractiveness low), enter (question mark: attractiveness high, strength low; a new business), harvest or exit (dog: both low).
 * @customfunction DPM
 * @param attractiveness_scores One row per segment or account, one column per attractiveness factor (scores, e.g. 0 to 10).
 * @param attractiveness_weights One weight per attractiveness factor.
 * @param strength_scores One row per segment or account (same rows), one column per strength factor.
 * @param strength_weights One weight per strength factor.
 * @param [sizes] Size of each segment or account (e.g. revenue, for the bubble size of a chart); shown in the result.
 * @param [cut] Score above which attractiveness or strength is high; default 5 (the middle of a 0 to 10 scale).
 * @param [headers] TRUE (default) puts a header row on top.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns Spills one row per segment or account: attractiveness, strength, size (blank without sizes), quadrant, strategy.
 * @requiresParameterAddresses
 */
export function dpm(
  attractiveness_scores: unknown[][],
  attractiveness_weights: unknown[][],
  strength_scores: unknown[][],
  strength_weights: unknown[][],
  sizes?: unknown[][],
  cut?: unknown,
  headers?: unknown,
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN, () => {
    const c = optionalNumber({ fn: FN, arg: "cut" }, cut, 5);
    const withHeaders = optionalBoolean({ fn: FN, arg: "headers" }, headers, true);
    const a = readNumberMatrix(
      FN,
      "attractiveness_scores",
      attractiveness_scores,
      addressOf(invocation, 0)
    );
    const s = readNumberMatrix(FN, "strength_scores", strength_scores, addressOf(invocation, 2));
    const n = a.columns[0].length;
    if (n === 0) argError({ fn: FN, arg: "attractiveness_scores" }, "no rows: the range is blank");
    if (s.columns[0].length !== n)
      argError(
        { fn: FN, arg: "strength_scores" },
        `has ${s.columns[0].length} rows of scores but attractiveness_scores has ${n}`
      );
    const weights = (arg: string, value: unknown, index: number, k: number) => {
      const w = readNumberList(
        { fn: FN, arg, address: addressOf(invocation, index) },
        value
      ).values;
      if (w.length !== k)
        argError({ fn: FN, arg }, `has ${w.length} weights but there are ${k} factors`);
      if (w.some((x) => x < 0)) argError({ fn: FN, arg }, "weights cannot be negative");
      if (!(w.reduce((t, x) => t + x, 0) > 0)) argError({ fn: FN, arg }, "the weights add up to 0");
      return w;
    };
    const aw = weights("attractiveness_weights", attractiveness_weights, 1, a.columns.length);
    const sw = weights("strength_weights", strength_weights, 3, s.columns.length);
    let size: (number | string)[] = new Array<string>(n).fill("");
    if (!isOmitted(sizes)) {
      size = readTable(FN, [
        { arg: "sizes", kind: "number", value: sizes, address: addressOf(invocation, 4) },
      ] as const).columns[0];
      if (size.length !== n)
        argError(
          { fn: FN, arg: "sizes" },
          `has ${size.length} values but there are ${n} rows of scores`
        );
    }
    const L = ACCOUNT_LABELS[language()];
    const rows = dpmEngine(a.columns, aw, s.columns, sw, c).map((r, i) => [
      r.attractiveness,
      r.strength,
      size[i],
      L.quadrants[r.quadrant],
      L.strategies[r.strategy],
    ]);
    return withHeaders ? [[...L.dpmHeaders], ...rows] : rows;
  });
}
