/* global CustomFunctions */
import { isoFromSerial } from "../engine/calendar";
import { salesCycle as cycleEngine } from "../engine/pipeline/cycle";
import { argError, cellError, isOmitted, optionalBoolean, readTable, toVector } from "../grid";
import { zerosAsBlank } from "../grid/matrix";
import { PLAN_LABELS } from "../i18n/results.plan";
import { argAddresses, guard, language } from "./shared";

const FN = "KAM.SALES_CYCLE";

/** Parameter names of each function, in signature order (checked against functions.json). */
export const PARAMS = {
  SALES_CYCLE: ["start_dates", "close_dates", "groups", "headers"],
} as const;

/**
 * Sales cycle length in days (close date − start date) of closed deals: count, mean, median, minimum and maximum per group and for all deals.
 * @customfunction SALES_CYCLE
 * @param start_dates Date each deal was opened (or first contact).
 * @param close_dates Date each deal closed; a blank close date (or 0, as Excel desktop passes an empty cell) is a deal still open and is left out.
 * @param [groups] Group of each deal (rep, region, product, ...); without it only the All row.
 * @param [headers] TRUE (default) puts a header row on top.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns Spills Group, Deals, Mean (days), Median (days), Min (days), Max (days): one row per group in order of first appearance, then All.
 * @requiresParameterAddresses
 */
export function salesCycle(
  start_dates: unknown[][],
  close_dates: unknown[][],
  groups?: unknown[][],
  headers?: unknown,
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN, ["start_dates", "close_dates"], () => {
    const at = argAddresses(invocation, PARAMS.SALES_CYCLE);
    const withHeaders = optionalBoolean(
      { fn: FN, arg: "headers", address: at("headers") },
      headers,
      true
    );
    const grouped = !isOmitted(groups);
    const closePlace = { fn: FN, arg: "close_dates", address: at("close_dates") };
    const groupPlace = { fn: FN, arg: "groups", address: at("groups") };
    const data = readTable(FN, [
      { arg: "start_dates", kind: "date", value: start_dates, address: at("start_dates") },
      {
        // 0 is no date: Excel desktop passes an empty close date (an open deal) as 0
        arg: "close_dates",
        kind: "date",
        value: zerosAsBlank(close_dates),
        address: closePlace.address,
        optional: true,
      },
      {
        arg: "groups",
        kind: "label",
        value: grouped ? groups : toVector(closePlace, close_dates).values.map(() => [null]),
        address: groupPlace.address,
        optional: true,
      },
    ] as const);
    const [startCol, closeCol, groupCol] = data.columns;
    const cv = toVector(closePlace, close_dates).vertical;
    const gv = grouped && toVector(groupPlace, groups).vertical;
    const starts: number[] = [];
    const closes: number[] = [];
    const keys: (string | number)[] = [];
    closeCol.forEach((close, i) => {
      const pos = data.positions[i];
      if (grouped && groupCol[i] === null)
        cellError(groupPlace, gv ? pos : 0, gv ? 0 : pos, !!gv, "the cell is blank");
      if (close === null) return; // still open
      if (Math.floor(close) < Math.floor(startCol[i])) {
        cellError(
          closePlace,
          cv ? pos : 0,
          cv ? 0 : pos,
          cv,
          `closes on ${isoFromSerial(close)}, before its start date ${isoFromSerial(startCol[i])}`
        );
      }
      starts.push(startCol[i]);
      closes.push(close);
      keys.push(groupCol[i] ?? "");
    });
    if (starts.length === 0)
      argError(closePlace, "no closed deals: every close date is blank (open deals are left out)");
    const lang = language();
    const rows = cycleEngine(starts, closes, grouped ? keys : undefined).map((g) => [
      g.group ?? PLAN_LABELS[lang].all,
      g.count,
      g.mean,
      g.median,
      g.min,
      g.max,
    ]);
    return withHeaders ? [[...PLAN_LABELS[lang].cycleHeaders], ...rows] : rows;
  });
}
