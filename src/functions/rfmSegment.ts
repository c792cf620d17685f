/* global CustomFunctions */
import { segmentOf } from "../engine/accounts/segments";
import { SEGMENT_NAMES } from "../i18n/segments";
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

const FN = "KAM.RFM_SEGMENT";

/** Parameter names of each function, in signature order (checked against functions.json). */
export const PARAMS = {
  RFM_SEGMENT: ["r", "f", "m", "scheme", "headers"],
} as const;

/**
 * The customer segment (Champions, Loyal, ... Lost) of precomputed RFM scores, by the segment table of KAM.RFM: the segment follows from R and F; M, when given, only completes the RFM code.
 * @customfunction RFM_SEGMENT
 * @param r Recency score of each customer, 1 to scheme (higher = more recent).
 * @param f Frequency score of each customer, 1 to scheme.
 * @param [m] Monetary score of each customer, 1 to scheme; adds it to the code.
 * @param [scheme] Number of score groups the scores use, 2 to 9; default 5. Other scales are mapped to 1..5 first.
 * @param [headers] TRUE (default) puts a header row on top (or in place of the input's header row).
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns Spills one row per input row: the RFM code (e.g. 545) and the segment. Blank rows, and rows of zeros (0 is no score), stay blank.
 * @requiresParameterAddresses
 */
export function rfmSegment(
  r: unknown[][],
  f: unknown[][],
  m?: unknown[][],
  scheme?: unknown,
  headers?: unknown,
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN, ["r", "f", "m"], () => {
    const at = argAddresses(invocation, PARAMS.RFM_SEGMENT);
    const bins = optionalNumber({ fn: FN, arg: "scheme", address: at("scheme") }, scheme, 5, {
      min: 2,
      max: 9,
      integer: true,
    });
    const withHeaders = optionalBoolean(
      { fn: FN, arg: "headers", address: at("headers") },
      headers,
      true
    );
    const withM = !isOmitted(m);
    const specs = [
      { arg: "r", kind: "number", value: r, address: at("r") },
      { arg: "f", kind: "number", value: f, address: at("f") },
      ...(withM ? [{ arg: "m", kind: "number", value: m, address: at("m") } as const] : []),
    ] as const;
    const data = readTable(FN, specs);
    const cols: readonly number[][] = data.columns;
    if (cols[0].length === 0)
      argError({ fn: FN, arg: "r", address: at("r") }, "no scores: the ranges are blank");
    // 0 is no score: a row of zeros is an empty row as Excel desktop passes it, and stays blank
    const empty = cols[0].map((_, i) => cols.every((col) => col[i] === 0));
    cols.forEach((col, c) => {
      const place = { fn: FN, arg: specs[c].arg, address: specs[c].address };
      const vertical = toVector(place, specs[c].value).vertical;
      col.forEach((v, i) => {
        if (!empty[i] && (!Number.isInteger(v) || v < 1 || v > bins)) {
          const pos = data.positions[i];
          cellError(
            place,
            vertical ? pos : 0,
            vertical ? 0 : pos,
            vertical,
            `${v} is not a score from 1 to ${bins}`
          );
        }
      });
    });
    const lang = language();
    const rows = cols[0].map((ri, i) => {
      if (empty[i]) return ["", ""];
      const code = cols.map((col) => String(col[i])).join("");
      return [code, SEGMENT_NAMES[segmentOf(ri, cols[1][i], bins)][lang]];
    });
    const labels = withHeaders ? ["RFM", ACCOUNT_LABELS[lang].segment] : undefined;
    return alignedRows(data, rows, labels, 2);
  });
}
