/* global CustomFunctions */
import { BgNbdParams, GammaGammaParams, predictClv, summaryProblem } from "../engine/accounts/clv";
import {
  argError,
  cellAddress,
  cellError,
  isOmitted,
  optionalBoolean,
  optionalNumber,
  readTable,
  splitColumns,
  toVector,
} from "../grid";
import { alignedRows } from "../grid/aligned";
import { readNumberList } from "../grid/matrix";
import { ACCOUNT_LABELS } from "../i18n/results.accounts";
import { argAddresses, guard, language, reused } from "./shared";

const FN = "KAM.CLV_PREDICT";

/** Parameter names of each function, in signature order (checked against functions.json). */
export const PARAMS = {
  CLV_PREDICT: [
    "params",
    "frequency",
    "recency",
    "T",
    "monetary",
    "horizon",
    "discount_rate",
    "margin",
    "headers",
  ],
} as const;
const NAMES = ["r", "alpha", "a", "b", "p", "q", "v"] as const;

/**
 * Customer lifetime value from the fitted BG/NBD and Gamma-Gamma models: per customer the expected purchases in the horizon, the probability of being alive, the expected average order value and the discounted CLV.
 * @customfunction CLV_PREDICT
 * @param params The result of KAM.CLV_FIT fitted with monetary (label and value columns), or the seven numbers r, alpha, a, b, p, q, v in one column or row.
 * @param frequency Repeat purchases of each customer (whole numbers).
 * @param recency Time from each customer's first to last purchase.
 * @param T Time from each customer's first purchase to the end of the calibration period.
 * @param monetary Mean value of each customer's repeat purchases (0 without repeat purchases).
 * @param horizon Prediction horizon in periods (the time unit of recency and T), e.g. 39 for 39 weeks.
 * @param [discount_rate] Discount rate per period (not per day or year); default 0. Purchases of period k are discounted by (1 + rate)^k.
 * @param [margin] Profit margin applied to the value; default 1 (CLV in revenue).
 * @param [headers] TRUE (default) puts a header row on top (or in place of the input's header row).
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns Spills one row per input row: expected purchases, P(alive), expected average value, CLV.
 * @requiresParameterAddresses
 */
export function clvPredictAsync(
  params: unknown[][],
  frequency: unknown[][],
  recency: unknown[][],
  T: unknown[][],
  monetary: unknown[][],
  horizon: unknown,
  discount_rate?: unknown,
  margin?: unknown,
  headers?: unknown,
  invocation?: CustomFunctions.Invocation
): Promise<unknown[][]> {
  return reused(
    FN,
    [params, frequency, recency, T, monetary, horizon, discount_rate, margin, headers],
    invocation,
    () =>
      clvPredict(
        params,
        frequency,
        recency,
        T,
        monetary,
        horizon,
        discount_rate,
        margin,
        headers,
        invocation
      )
  );
}

/** Computed at once (tests, benchmarks). Excel calls clvPredictAsync, which queues the call
 *  (the task pane stays responsive) and reuses results (shared.ts, reused). */
export function clvPredict(
  params: unknown[][],
  frequency: unknown[][],
  recency: unknown[][],
  T: unknown[][],
  monetary: unknown[][],
  horizon: unknown,
  discount_rate?: unknown,
  margin?: unknown,
  headers?: unknown,
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN, ["params", "frequency", "recency", "T", "monetary"], () => {
    const at = argAddresses(invocation, PARAMS.CLV_PREDICT);
    const { bg, gg } = readParams(params, at("params"));
    if (isOmitted(horizon))
      argError(
        { fn: FN, arg: "horizon", address: at("horizon") },
        "is required (a number of periods)"
      );
    const h = optionalNumber({ fn: FN, arg: "horizon", address: at("horizon") }, horizon, 0, {
      min: 0,
      max: 100_000,
    });
    const d = optionalNumber(
      { fn: FN, arg: "discount_rate", address: at("discount_rate") },
      discount_rate,
      0,
      { min: 0 }
    );
    const mg = optionalNumber({ fn: FN, arg: "margin", address: at("margin") }, margin, 1, {
      min: 0,
    });
    const withHeaders = optionalBoolean(
      { fn: FN, arg: "headers", address: at("headers") },
      headers,
      true
    );
    const data = readTable(FN, [
      { arg: "frequency", kind: "number", value: frequency, address: at("frequency") },
      { arg: "recency", kind: "number", value: recency, address: at("recency") },
      { arg: "T", kind: "number", value: T, address: at("T") },
      { arg: "monetary", kind: "number", value: monetary, address: at("monetary") },
    ] as const);
    const [x, tx, age, m] = data.columns;
    if (x.length === 0)
      argError(
        { fn: FN, arg: "frequency", address: at("frequency") },
        "no customers: the ranges are blank"
      );
    const place = { fn: FN, arg: "frequency", address: at("frequency") };
    const vertical = toVector(place, frequency).vertical;
    const rows = x.map((xi, i) => {
      const problem = summaryProblem(xi, tx[i], age[i]);
      if (problem !== undefined) {
        const pos = data.positions[i];
        cellError(place, vertical ? pos : 0, vertical ? 0 : pos, vertical, problem);
      }
      const p = predictClv(bg, gg, xi, tx[i], age[i], m[i], h, { discountRate: d, margin: mg });
      return [p.expectedPurchases, p.pAlive, p.expectedValue, p.clv];
    });
    const labels = withHeaders ? ACCOUNT_LABELS[language()].predictHeaders : undefined;
    return alignedRows(data, rows, labels, 4);
  });
}

/** Reads the parameters: a label/value table (as KAM.CLV_FIT spills it) or seven numbers in order. */
function readParams(
  value: unknown,
  address: string | undefined
): { bg: BgNbdParams; gg: GammaGammaParams } {
  const place = { fn: FN, arg: "params", address };
  const rows = (Array.isArray(value) ? value : [[value]]) as unknown[][];
  const width = Array.isArray(rows[0]) ? rows[0].length : 1;
  const found: Partial<Record<(typeof NAMES)[number], number>> = {};
  if (width === 2 && rows.length > 1) {
    const [names, values] = splitColumns(place, value, 2);
    // KAM.CLV_FIT leaves p, q, v blank when no customer bought twice: say so, not "blank cell".
    names.forEach(([name], i) => {
      const key = typeof name === "string" ? name.trim().toLowerCase() : "";
      const v = values[i][0];
      if ((key === "p" || key === "q" || key === "v") && (v === "" || v === null))
        argError(
          place,
          `${key} is blank: that KAM.CLV_FIT result has no Gamma-Gamma fit (see its Warning rows)`
        );
    });
    const t = readTable(FN, [
      { arg: "params", kind: "label", value: names, address },
      { arg: "params", kind: "label", value: values, address: cellAddress(address, 0, 1) },
    ] as const);
    t.columns[0].forEach((name, i) => {
      const key = String(name).trim().toLowerCase() as (typeof NAMES)[number];
      const v = t.columns[1][i];
      if ((NAMES as readonly string[]).includes(key)) {
        if (typeof v !== "number")
          cellError(place, t.positions[i], 1, true, `the value of ${key} is not a number`);
        found[key] = v;
      }
    });
    const missing = NAMES.filter((k) => found[k] === undefined);
    if (missing.length > 0) {
      argError(
        place,
        `has no ${missing.join(", ")}; give the result of KAM.CLV_FIT fitted with monetary, or the seven numbers r, alpha, a, b, p, q, v`
      );
    }
  } else {
    const t = { columns: [readNumberList(place, value).values] };
    if (t.columns[0].length !== 7) {
      argError(
        place,
        `has ${t.columns[0].length} numbers; give the result of KAM.CLV_FIT fitted with monetary, or the seven numbers r, alpha, a, b, p, q, v`
      );
    }
    NAMES.forEach((k, i) => (found[k] = t.columns[0][i]));
  }
  for (const k of NAMES) {
    if (!((found[k] ?? 0) > 0))
      argError(place, `${k} is ${found[k]}; every parameter must be above 0`);
  }
  const { r = 0, alpha = 0, a = 0, b = 0, p = 0, q = 0, v = 0 } = found;
  if (!(q > 1))
    argError(place, `q is ${q}; the expected average value needs q above 1 (mean value p·v/(q−1))`);
  return { bg: { r, alpha, a, b }, gg: { p, q, v } };
}
