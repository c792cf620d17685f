/* global CustomFunctions */
import { delphi, surveyComposite, SurveyProblem } from "../engine/forecast/delphi";
import {
  argError,
  cellAddress,
  cellError,
  ColumnSpec,
  isOmitted,
  optionalNumber,
  readTable,
} from "../grid";
import { paddingStart, readNumberList, rowsOf } from "../grid/matrix";
import { classify } from "../cells/values";
import { FORECAST_LABELS } from "../i18n/results.forecast";
import { argAddresses, guard, language } from "./shared";

const FN_D = "KAM.DELPHI";
const FN_S = "KAM.SURVEY_FORECAST";

/** Parameter names of each function, in signature order (checked against functions.json). */
export const PARAMS = {
  DELPHI: ["estimates", "threshold"],
  SURVEY_FORECAST: ["estimates", "weights", "trim"],
} as const;

/**
 * Delphi panel summary: for each round, the median of the experts' estimates, the lower and upper quartile (as QUARTILE.INC), the interquartile range, its ratio to the median and whether consensus is reached (IQR / median ≤ threshold); then the final estimate, the median of the last round.
 * @customfunction DELPHI
 * @param estimates The experts' estimates: one row per expert, one column per round (oldest first); blank where an expert did not answer; an optional header row names the rounds. A 0 is an estimate; rows of zeros at the end are the empty cells of a larger range.
 * @param [threshold] Consensus when IQR / |median| is at most this; default 0.1 (10%), from 0 to 10.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns A header row (Round, Median, Lower quartile, Upper quartile, IQR, IQR / median, Consensus), one row per round, then Final estimate.
 * @requiresParameterAddresses
 */
export function delphiFunction(
  estimates: unknown[][],
  threshold?: unknown,
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN_D, ["estimates"], () => {
    const at = argAddresses(invocation, PARAMS.DELPHI);
    const limit = optionalNumber(
      { fn: FN_D, arg: "threshold", address: at("threshold") },
      threshold,
      0.1,
      {
        min: 0,
        max: 10,
      }
    );
    const address = at("estimates");
    const rows = rowsOf(estimates);
    const width = rows[0].length;
    // experts' rows of zeros and blanks at the end are the empty cells of an oversized range
    const end = paddingStart(rows);
    const columns = Array.from({ length: width }, (_, j) =>
      rows.map((row, i) => [i < end ? row[j] : null])
    );
    const names: (string | number)[] = [];
    const rounds = columns.map((c, j) => {
      const place = { fn: FN_D, arg: "estimates", address: cellAddress(address, 0, j) };
      const list = readNumberList(place, c, Infinity);
      const head = classify(c[0][0]);
      names.push(
        list.positions[0] !== 0 && c.length > 1 && head.kind === "text" ? head.value.trim() : j + 1
      );
      if (list.values.length === 0)
        argError(
          { fn: FN_D, arg: "estimates", address: at("estimates") },
          `round ${j + 1}${cellAddress(address, 0, j) ? ` (column ${cellAddress(address, 0, j)!.replace(/\d+$/, "")})` : ""} has no estimates`
        );
      return list.values;
    });
    const d = delphi(rounds, limit);
    const L = FORECAST_LABELS[language()];
    const out: (string | number)[][] = [[...L.delphi]];
    d.rounds.forEach((r, j) =>
      out.push([
        names[j],
        r.median,
        r.q1,
        r.q3,
        r.iqr,
        r.ratio ?? "",
        r.consensus ? L.consensusYes : L.consensusNo,
      ])
    );
    out.push([L.finalEstimate, d.finalEstimate, "", "", "", "", ""]);
    return out;
  });
}

/**
 * Sales-force or market survey composite: the weighted mean of the estimates after dropping the trim fraction of the lowest and of the highest estimates (with their weights).
 * @customfunction SURVEY_FORECAST
 * @param estimates The estimates (e.g. each salesperson's or respondent's forecast), one column or row. A 0 is an estimate; zeros at the end (with zero or no weight) are the empty cells of a larger range.
 * @param [weights] One weight per estimate (same size), e.g. each territory's share; default equal. Negative weights are an error.
 * @param [trim] Fraction of estimates dropped at each end, at least 0 and below 0.5; default 0. floor(trim × count) lowest and as many highest are dropped.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns The composite forecast (one cell).
 * @requiresParameterAddresses
 */
export function surveyForecast(
  estimates: unknown[][],
  weights?: unknown[][],
  trim?: unknown,
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN_S, ["estimates", "weights"], () => {
    const at = argAddresses(invocation, PARAMS.SURVEY_FORECAST);
    const cut = optionalNumber({ fn: FN_S, arg: "trim", address: at("trim") }, trim, 0);
    if (!(cut >= 0 && cut < 0.5))
      argError(
        { fn: FN_S, arg: "trim", address: at("trim") },
        `${cut} is not allowed; give a fraction of at least 0 and below 0.5`
      );
    const hasWeights = !isOmitted(weights) && weights !== undefined;
    const specs: ColumnSpec<"number">[] = [
      { arg: "estimates", kind: "number", value: estimates, address: at("estimates") },
    ];
    if (hasWeights)
      specs.push({
        arg: "weights",
        kind: "number",
        value: weights,
        address: at("weights"),
      });
    const t = readTable(FN_S, specs);
    const cols = t.columns as unknown as number[][];
    if (cols[0].length === 0)
      argError(
        { fn: FN_S, arg: "estimates", address: at("estimates") },
        "no values: the range is blank"
      );
    if (hasWeights) {
      const bad = cols[1].findIndex((v) => v < 0);
      if (bad >= 0) {
        const vertical = !(Array.isArray(weights) && weights.length === 1 && weights[0].length > 1);
        const pos = t.positions[bad];
        cellError(
          { fn: FN_S, arg: "weights", address: at("weights") },
          vertical ? pos : 0,
          vertical ? 0 : pos,
          vertical,
          `${cols[1][bad]} is negative; weights must be ≥ 0`
        );
      }
    }
    try {
      return [[surveyComposite(cols[0], hasWeights ? cols[1] : undefined, cut)]];
    } catch (e) {
      if (e instanceof SurveyProblem)
        argError({ fn: FN_S, arg: hasWeights ? "weights" : "estimates" }, e.message);
      throw e;
    }
  });
}
