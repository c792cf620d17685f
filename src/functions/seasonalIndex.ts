/* global CustomFunctions */
import { decompose, SeasonalType } from "../engine/forecast/decompose";
import { argError, isOmitted, optionalNumber } from "../grid";
import { FORECAST_LABELS } from "../i18n/results.forecast";
import { readHistory } from "./forecastSmooth";
import { ArgAddresses, argAddresses, guard, language } from "./shared";
import { classify, describe } from "../cells/values";

const FN_INDEX = "KAM.SEASONAL_INDEX";
const FN_ADJUST = "KAM.DESEASONALIZE";

/** Parameter names of each function, in signature order (checked against functions.json). */
export const PARAMS = {
  SEASONAL_INDEX: ["values", "period", "type"],
  DESEASONALIZE: ["values", "period", "type"],
} as const;

/** "multiplicative" (default) or "additive"; also M/A and 乘法/加法. */
function readType(fn: string, value: unknown, address: string | undefined): SeasonalType {
  if (isOmitted(value)) return "multiplicative";
  const raw = Array.isArray(value) ? (value as unknown[][])[0]?.[0] : value;
  const text = typeof raw === "string" ? raw.trim().toLowerCase() : "";
  if (["multiplicative", "mult", "m", "乘法", "乘法型"].includes(text)) return "multiplicative";
  if (["additive", "add", "a", "加法", "加法型"].includes(text)) return "additive";
  return argError(
    { fn, arg: "type", address },
    `${describe(classify(raw))} is not a type; use "multiplicative" or "additive"`
  );
}

function readDecomposition(
  fn: string,
  values: unknown,
  period: unknown,
  type: unknown,
  at: ArgAddresses<"values" | "period" | "type">
) {
  const address = at("values");
  const kind = readType(fn, type, at("type"));
  const place = { fn, arg: "period", address: at("period") };
  if (isOmitted(period))
    argError(
      place,
      "is required: the length of the seasonal cycle, e.g. 12 for months, 4 for quarters"
    );
  const history = readHistory(fn, values, address, 1);
  const n = history.values.length;
  const p = optionalNumber(place, period, 12, { min: 2, max: 366, integer: true });
  if (n < 2 * p)
    argError(
      { fn, arg: "values", address },
      `needs at least two full cycles (${2 * p} values) for period ${p}; got ${n}`
    );
  if (kind === "multiplicative" && history.values.some((v) => !(v > 0))) {
    argError(
      { fn, arg: "values", address },
      'multiplicative indices need positive values; use type "additive"'
    );
  }
  return { history, decomposition: decompose(history.values, p, kind), period: p };
}

/**
 * Seasonal indices by classical decomposition (ratio to a centred moving average): one per position in the cycle, averaging 1 (multiplicative) or 0 (additive). Blank cells inside the history are interpolated; zeros after the last other value are the empty cells of a larger range and are ignored.
 * @customfunction SEASONAL_INDEX
 * @param values History in time order, oldest first, at least two full cycles.
 * @param period Length of the seasonal cycle: 12 for months, 4 for quarters.
 * @param [type] "multiplicative" (default: seasons as ratios, e.g. 1.2 = 20% above trend) or "additive" (seasons as amounts).
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns period rows: the index of each position in the cycle, the first row for the position of the first value.
 * @requiresParameterAddresses
 */
export function seasonalIndex(
  values: unknown[][],
  period: unknown,
  type?: unknown,
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN_INDEX, ["values"], () => {
    const at = argAddresses(invocation, PARAMS.SEASONAL_INDEX);
    const { decomposition } = readDecomposition(FN_INDEX, values, period, type, at);
    return decomposition.indices.map((v) => [v]);
  });
}

/**
 * The history with its seasonal pattern removed (classical decomposition): each value divided by (multiplicative) or less (additive) its seasonal index. Spills in the shape of values; blank cells stay blank.
 * @customfunction DESEASONALIZE
 * @param values History in time order, oldest first, at least two full cycles.
 * @param period Length of the seasonal cycle: 12 for months, 4 for quarters.
 * @param [type] "multiplicative" (default) or "additive".
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns The seasonally adjusted values, aligned with values; a header cell gets a header; blank cells (and zeros after the last other value) stay blank.
 * @requiresParameterAddresses
 */
export function deseasonalize(
  values: unknown[][],
  period: unknown,
  type?: unknown,
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN_ADJUST, ["values"], () => {
    const at = argAddresses(invocation, PARAMS.DESEASONALIZE);
    const { history, decomposition } = readDecomposition(FN_ADJUST, values, period, type, at);
    const cells = history.cells;
    const out: (number | string)[] = new Array<number | string>(cells.length).fill("");
    if (cells.header) out[0] = FORECAST_LABELS[language()].deseasonalized;
    for (let i = history.first; i <= history.last; i++) {
      if (cells.values[i] !== null)
        out[cells.positions[i]] = decomposition.adjusted[i - history.first];
    }
    return cells.vertical ? out.map((v) => [v]) : [out];
  });
}
