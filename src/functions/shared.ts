/* global CustomFunctions, Office, Excel */
// What every custom function wrapper shares: turning input problems into Excel errors with the
// message users see, the argument addresses Excel supplies, and the display language.

import { orderOfPattern, setWorkbookDateOrder } from "../cells/locale";
import { argError, InputError, OutCell, readTable, toCells } from "../grid";
import { countCells, ResultCache } from "../grid/cache";
import { schedule } from "../grid/schedule";
import { workbookDateOrder } from "../cells/locale";
import { Lang } from "../i18n/lang";

/** Quoted user text longer than this is shortened in a message (the contract allows 300 characters). */
const QUOTED_MAX = 60;

/**
 * A message as the user sees it: any quoted text of 200 characters or more (user input echoed by a
 * reader that did not shorten it) is cut to its first characters and its length, so that no message
 * repeats a long cell or option text.
 */
export function boundedMessage(message: string): string {
  return message.replace(/"([^"]{200,})"/g, (_all, inner: string) => {
    return `"${inner.slice(0, QUOTED_MAX - 3)}..." (${inner.length.toLocaleString("en-US")} characters)`;
  });
}

type Body = () => readonly (readonly (OutCell | null | undefined)[])[];

/**
 * Runs a function body. An InputError becomes CustomFunctions.Error(invalidValue, message), so the
 * cell shows #VALUE! with our message; any other failure is reported the same way, never as a crash.
 * `from` names the arguments a result is computed from, for the message when a result is beyond
 * Excel's numbers (e.g. ["current", "previous"]), so that every error names an argument.
 */
export function guard(fn: string, from: readonly string[], body: Body): OutCell[][] {
  try {
    return toCells(fn, body(), from, language());
  } catch (e) {
    const message =
      e instanceof InputError
        ? e.message
        : `${fn}: unexpected problem (${e instanceof Error ? e.message : String(e)})`;
    const error = new CustomFunctions.Error(
      CustomFunctions.ErrorCode.invalidValue,
      boundedMessage(message)
    );
    if (e instanceof InputError) fromInput.add(error);
    throw error;
  }
}

/** The errors guard raised for bad input (the same input gives the same error: reusable). */
const fromInput = new WeakSet<object>();

/** A result or an input error, as kept for reuse. */
type Outcome = { cells: unknown[][] } | { error: string };

/** Recent results of the functions Excel calls through `reused` (grid/cache.ts). */
export const recentResults = new ResultCache<Outcome>();

/**
 * The entry Excel calls for a function whose work can be long: the call is queued (grid/schedule.ts:
 * a slice of calls at a time, yielding to the event loop between slices, so the task pane in the
 * same runtime stays responsive) and returns a Promise, which Excel awaits
 * (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-web-reqs). When Excel
 * recalculates it with the same arguments (`args`, the signature's arguments without the
 * invocation) in the same context — display language, workbook date order, argument addresses
 * (which messages name) and, for a function whose result depends on the date (`today`), today's
 * date — the previous result or input error is returned without computing again. `compute` is the
 * function's synchronous body (its guard); an unexpected failure is never kept.
 */
export function reused(
  fn: string,
  args: readonly unknown[],
  invocation: CustomFunctions.Invocation | undefined,
  compute: () => unknown[][],
  options: { today?: boolean } = {}
): Promise<unknown[][]> {
  return schedule(() => {
    const context = [
      language(),
      workbookDateOrder(),
      (invocation?.parameterAddresses ?? []).join("\u0001"),
      options.today ? new Date().toDateString() : "",
    ].join("\u0002");
    const key = recentResults.keyOf(fn, context, args);
    const kept = recentResults.getKey(key);
    if (kept && "cells" in kept) return kept.cells.map((row) => row.slice());
    if (kept) throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, kept.error);
    try {
      const cells = compute();
      recentResults.setKey(key, { cells: cells.map((row) => row.slice()) }, countCells(cells));
      return cells;
    } catch (e) {
      if (e instanceof Error && fromInput.has(e))
        recentResults.setKey(key, { error: e.message }, 1);
      throw e;
    }
  });
}

/**
 * The A1 address of parameter `index`, when the function asked Excel for parameter addresses
 * (`@requiresParameterAddresses`: invocation.parameterAddresses, in signature order). Wrappers look
 * arguments up by name through argAddresses, never by position.
 */
function addressOf(
  invocation: CustomFunctions.Invocation | undefined,
  index: number
): string | undefined {
  const a = index >= 0 ? invocation?.parameterAddresses?.[index] : undefined;
  return typeof a === "string" && a !== "" ? a : undefined;
}

/**
 * A custom function's parameter names, in the order of its signature (without the invocation).
 * Each wrapper module exports them once as `PARAMS`, keyed by function id, e.g.
 * `export const PARAMS = { GAP: ["target", "actual_to_date", …] } as const;` — the contract test
 * checks every list against dist/functions.json, so the names and their order cannot drift.
 */
export type ParamNames = readonly string[];

/** Looks up the A1 address of an argument by its parameter name (undefined when Excel gave none). */
export type ArgAddresses<Name extends string> = (name: Name) => string | undefined;

/**
 * The addresses of a function's arguments, looked up by parameter name:
 * `const at = argAddresses(invocation, PARAMS.GAP); at("target")`. A name not in `params` is a
 * compile error, and adding or reordering a parameter only needs its PARAMS list updated.
 */
export function argAddresses<const P extends ParamNames>(
  invocation: CustomFunctions.Invocation | undefined,
  params: P
): ArgAddresses<P[number]> {
  return (name) => addressOf(invocation, params.indexOf(name));
}

/**
 * Amounts whose sums would pass Excel's largest number (±1.8E+308, e.g. two amounts of 1E+308),
 * divided by a power of two so that every sum fits; `factor` multiplies results back (1, and the
 * amounts untouched, when their sizes add up within range). A power of two keeps each amount's
 * digits exactly, so shares computed from the scaled amounts are the true shares.
 */
export function withinRange(amounts: readonly number[]): {
  values: readonly number[];
  factor: number;
} {
  let total = 0;
  let largest = 0;
  for (const v of amounts) {
    total += Math.abs(v);
    largest = Math.max(largest, Math.abs(v));
  }
  if (Number.isFinite(total)) return { values: amounts, factor: 1 }; // as they are: no copy
  // room for up to 2^20 amounts of the largest size
  const factor = 2 ** (Math.ceil(Math.log2(largest)) + 20 - 1023);
  return { values: amounts.map((v) => v / factor), factor };
}

/** "zh" when Office's display language is Chinese, else "en". */
export function language(): Lang {
  try {
    const lang = typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
    return typeof lang === "string" && lang.toLowerCase().startsWith("zh") ? "zh" : "en";
  } catch {
    return "en";
  }
}

/**
 * A transaction list given as three ranges (customers, dates, amounts), arguments of the function
 * with those parameter names: read as one table; an all-blank list is an error.
 */
export function readTransactions(
  fn: string,
  customers: unknown,
  dates: unknown,
  amounts: unknown,
  at: ArgAddresses<"customers" | "dates" | "amounts">
): { customers: (string | number)[]; dates: number[]; amounts: number[] } {
  const data = readTable(fn, [
    { arg: "customers", kind: "label", value: customers, address: at("customers") },
    { arg: "dates", kind: "date", value: dates, address: at("dates") },
    { arg: "amounts", kind: "number", value: amounts, address: at("amounts") },
  ] as const);
  const [c, d, a] = data.columns;
  if (c.length === 0)
    argError(
      { fn, arg: "customers", address: at("customers") },
      "no transactions: the ranges are blank"
    );
  return { customers: c, dates: d, amounts: a };
}

/**
 * The workbook's date order, read once from Excel's culture when the runtime starts: a column of
 * year-last text dates that proves no order (every day 12 or less) is then read as the workbook's
 * locale reads dates. Application.cultureInfo.datetimeFormat needs ExcelApi 1.12
 * (https://learn.microsoft.com/javascript/api/excel/excel.datetimeformatinfo); the shared runtime
 * lets custom functions' code call Excel.run
 * (https://learn.microsoft.com/office/dev/add-ins/develop/configure-your-add-in-to-use-a-shared-runtime).
 * Without either, month first stays (Excel en-US).
 */
function readWorkbookDateOrder(): void {
  if (typeof Office === "undefined" || typeof Excel === "undefined") return;
  void Office.onReady()
    .then(async () => {
      if (!Office.context?.requirements?.isSetSupported("ExcelApi", "1.12")) return;
      await Excel.run(async (context) => {
        const format = context.application.cultureInfo.datetimeFormat;
        format.load("shortDatePattern");
        await context.sync();
        const order = orderOfPattern(format.shortDatePattern);
        if (order) setWorkbookDateOrder(order);
      });
    })
    .catch(() => undefined);
}
readWorkbookDateOrder();
