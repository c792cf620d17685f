// Live formulas (KAM.* calls) for the report builders, written from the functions' parameter names
// instead of their positions: kamCall("RFM", { customers, dates, amounts, bins }) puts each argument in
// its declared place, leaves an empty slot for an optional one not given before a given one, and drops
// the trailing ones not given. The parameter lists copy the @customfunction signatures of
// src/functions/*.ts (their JSDoc @param order, which the build writes to dist/functions.json);
// test/contract/formulas.contract.test.ts checks every list against dist/functions.json.

import { ymdFromSerial } from "../engine/calendar";

/** The custom functions' namespace (manifest.xml, src/taskpane/metadata.ts NAMESPACE). */
export const KAM_NAMESPACE = "KAM";

/** A KAM function's parameters in declared order: the required ones, then the optional ones. */
export interface KamSignature {
  readonly required: readonly string[];
  readonly optional: readonly string[];
}

/** The KAM functions the report builders write, by id (the name after "KAM."). */
export const KAM_SIGNATURES = {
  RFM: {
    required: ["customers", "dates", "amounts"],
    optional: ["as_of", "bins", "headers"],
  },
  PARETO: { required: ["customers", "amounts"], optional: ["a_cut", "b_cut", "headers"] },
  RETENTION: { required: ["customers_start", "customers_end", "customers_new"], optional: [] },
  CHURN: { required: ["customers_start", "customers_end", "customers_new"], optional: [] },
  PIPELINE_FORECAST: {
    required: ["amounts", "stages", "close_dates"],
    optional: ["start", "periods", "grain", "stage_table", "headers"],
  },
  FORECAST_AUTO: { required: ["values", "horizon"], optional: ["seasonality", "confidence"] },
  FORECAST_SMOOTH: {
    required: ["values", "horizon"],
    optional: ["seasonality", "model", "confidence", "timeline"],
  },
  FORECAST_THETA: { required: ["values", "horizon"], optional: ["seasonality"] },
  FORECAST_MA: { required: ["values", "window", "horizon"], optional: ["weights"] },
} as const satisfies Record<string, KamSignature>;

export type KamId = keyof typeof KAM_SIGNATURES;

type RequiredOf<F extends KamId> = (typeof KAM_SIGNATURES)[F]["required"][number];
type OptionalOf<F extends KamId> = (typeof KAM_SIGNATURES)[F]["optional"][number];

/** The arguments of a call, by parameter name: each an Excel expression (a range, a number, DATE(…),
 *  a quoted text…). A required one must be given; an optional one may be left out (undefined). */
export type KamArgs<F extends KamId> = { [P in RequiredOf<F>]: string } & {
  [P in OptionalOf<F>]?: string | undefined;
};

/** The parameter names of a function in declared order. */
export function kamParameters(id: KamId): string[] {
  const s: KamSignature = KAM_SIGNATURES[id];
  return [...s.required, ...s.optional];
}

/**
 * The call `KAM.ID(arg1,arg2,…)` (no leading "="): the arguments in the function's parameter order,
 * an optional argument left out (undefined or "") as an empty slot when a later one is given, and
 * dropped when none after it is. Throws on a missing required argument or an unknown name (a
 * builder's mistake).
 */
export function kamCall<F extends KamId>(id: F, args: KamArgs<F>): string {
  const s: KamSignature = KAM_SIGNATURES[id];
  const given = args as Readonly<Record<string, string | undefined>>;
  const names = kamParameters(id);
  for (const name of Object.keys(given))
    if (!names.includes(name)) throw new Error(`${KAM_NAMESPACE}.${id} has no parameter ${name}`);
  for (const name of s.required)
    if (!given[name]) throw new Error(`${KAM_NAMESPACE}.${id}: ${name} is required`);
  const values = names.map((name) => given[name] ?? "");
  let count = values.length;
  while (count > s.required.length && values[count - 1] === "") count--;
  return `${KAM_NAMESPACE}.${id}(${values.slice(0, count).join(",")})`;
}

/** A number argument, or undefined (left out) when there is none. */
export function numberArg(value: number | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}

/** A date argument: DATE(y,m,d) of an Excel serial, or undefined (left out) when there is none. */
export function dateArg(serial: number | undefined): string | undefined {
  if (serial === undefined) return undefined;
  const [y, m, d] = ymdFromSerial(serial);
  return `DATE(${y},${m},${d})`;
}

/** A text argument: the text in double quotes (inner quotes doubled). */
export function textArg(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A logical argument: TRUE or FALSE. */
export function booleanArg(value: boolean): string {
  return value ? "TRUE" : "FALSE";
}
