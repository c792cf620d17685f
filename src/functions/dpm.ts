/* global CustomFunctions */
import { dpm as dpmEngine } from "../engine/portfolio/dpm";
import { argError, isOmitted, optionalBoolean, optionalNumber, readTable, toVector } from "../grid";
import { alignedRows } from "../grid/aligned";
import { matrixSpecs, readNumberList, rowsOf } from "../grid/matrix";
import { ACCOUNT_LABELS } from "../i18n/results.accounts";
import { argAddresses, guard, language } from "./shared";

const FN = "KAM.DPM";

/** Parameter names of each function, in signature order (checked against functions.json). */
export const PARAMS = {
  DPM: [
    "attractiveness_scores",
    "attractiveness_weights",
    "strength_scores",
    "strength_weights",
    "sizes",
    "cut",
    "headers",
  ],
} as const;

/** The arguments a result is computed from (named when a result is beyond Excel's numbers). */
const FROM = [
  "attractiveness_scores",
  "attractiveness_weights",
  "strength_scores",
  "strength_weights",
];

/**
 * Directional policy matrix: weighted market attractiveness and relative business strength of each segment or account, its quadrant and strategy: improve (star: both high), maintain (cash cow: strength high, attractiveness low), enter (question mark: attractiveness high, strength low; a new business), harvest or exit (dog: both low).
 * @customfunction DPM
 * @param attractiveness_scores One row per segment or account, one column per attractiveness factor (scores, e.g. 0 to 10); an optional header row.
 * @param attractiveness_weights One weight per attractiveness factor.
 * @param strength_scores One row per segment or account (same rows), one column per strength factor.
 * @param strength_weights One weight per strength factor.
 * @param [sizes] Size of each segment or account (e.g. revenue, for the bubble size of a chart); shown in the result.
 * @param [cut] Score above which attractiveness or strength is high; default 5 (the middle of a 0 to 10 scale).
 * @param [headers] TRUE (default) puts a header row on top (or in place of the input's header row).
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns Spills one row per input row: attractiveness, strength, size (blank without sizes), quadrant, strategy. Blank rows stay blank; a row of zero scores is scored, except at the end of the ranges, where it is their empty cells.
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
  return guard(FN, FROM, () => {
    const at = argAddresses(invocation, PARAMS.DPM);
    const c = optionalNumber({ fn: FN, arg: "cut", address: at("cut") }, cut, 5);
    const withHeaders = optionalBoolean(
      { fn: FN, arg: "headers", address: at("headers") },
      headers,
      true
    );
    const aSpecs = matrixSpecs(
      "attractiveness_scores",
      attractiveness_scores,
      at("attractiveness_scores")
    );
    const sSpecs = matrixSpecs("strength_scores", strength_scores, at("strength_scores"));
    const rows = rowsOf(attractiveness_scores).length;
    const sRows = rowsOf(strength_scores).length;
    if (sRows !== rows)
      argError(
        { fn: FN, arg: "strength_scores", address: at("strength_scores") },
        `has ${sRows} rows of scores but attractiveness_scores has ${rows}`
      );
    const withSizes = !isOmitted(sizes);
    const sizePlace = { fn: FN, arg: "sizes", address: at("sizes") };
    if (withSizes) {
      const count = toVector(sizePlace, sizes).values.length;
      if (count !== rows)
        argError(sizePlace, `has ${count} values but there are ${rows} rows of scores`);
    }
    // one table, so that the rows of both matrices and the sizes are read (and kept) together
    const data = readTable(FN, [
      ...aSpecs,
      ...sSpecs,
      ...(withSizes ? [{ ...sizePlace, kind: "number" as const, value: sizes }] : []),
    ]);
    const cols = data.columns as unknown as number[][];
    const aCols = cols.slice(0, aSpecs.length);
    const sCols = cols.slice(aSpecs.length, aSpecs.length + sSpecs.length);
    const n = cols[0].length;
    if (n === 0)
      argError(
        { fn: FN, arg: "attractiveness_scores", address: at("attractiveness_scores") },
        "no rows: the range is blank"
      );
    const weights = (
      arg: "attractiveness_weights" | "strength_weights",
      value: unknown,
      k: number
    ) => {
      const w = readNumberList({ fn: FN, arg, address: at(arg) }, value, k).values;
      if (w.length !== k)
        argError({ fn: FN, arg }, `has ${w.length} weights but there are ${k} factors`);
      if (w.some((x) => x < 0)) argError({ fn: FN, arg }, "weights cannot be negative");
      if (!(w.reduce((t, x) => t + x, 0) > 0)) argError({ fn: FN, arg }, "the weights add up to 0");
      return w;
    };
    const aw = weights("attractiveness_weights", attractiveness_weights, aCols.length);
    const sw = weights("strength_weights", strength_weights, sCols.length);
    const size = withSizes ? cols[cols.length - 1] : undefined;
    const L = ACCOUNT_LABELS[language()];
    const out = dpmEngine(aCols, aw, sCols, sw, c).map((r, i) => [
      r.attractiveness,
      r.strength,
      size ? size[i] : "",
      L.quadrants[r.quadrant],
      L.strategies[r.strategy],
    ]);
    return alignedRows(data, out, withHeaders ? L.dpmHeaders : undefined, 5);
  });
}
