/* global CustomFunctions */
import { parseOutcome } from "../engine/team/outcome";
import { Outcome } from "../engine/pipeline/conversion";
import { winRates } from "../engine/team/winrate";
import { argError, cellError, isOmitted, optionalBoolean, readTable, toVector } from "../grid";
import { TEAM_LABELS } from "../i18n/results.team";
import { classify, describe } from "../cells/values";
import { argAddresses, guard, language } from "./shared";

const FN = "KAM.WIN_RATE";

/** Parameter names of each function, in signature order (checked against functions.json). */
export const PARAMS = {
  WIN_RATE: ["outcomes", "groups", "amounts", "headers"],
} as const;

/**
 * Win rate of closed deals, won ÷ (won + lost), by count and by value, per group (rep, stage, product, ...) and for all deals. Open deals are counted but not in the rate.
 * @customfunction WIN_RATE
 * @param outcomes Outcome of each deal: Won, Lost, or Open/blank for a deal still open (赢单, 输单, 进行中 and CRM stages such as Closed Won also work).
 * @param [groups] Group of each deal; without it only the All row. A blank group is its own group.
 * @param [amounts] Amount of each deal, for the win rate by value (won amount ÷ closed amount); blank amounts count in neither.
 * @param [headers] TRUE (default) puts a header row on top.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns Spills Group, Won, Lost, Open, Win rate, Won amount, Closed amount, Win rate by value: one row per group in order of first appearance, then All. A rate without closed deals is left blank.
 * @requiresParameterAddresses
 */
export function winRate(
  outcomes: unknown[][],
  groups?: unknown[][],
  amounts?: unknown[][],
  headers?: unknown,
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN, ["amounts"], () => {
    const at = argAddresses(invocation, PARAMS.WIN_RATE);
    const withHeaders = optionalBoolean(
      { fn: FN, arg: "headers", address: at("headers") },
      headers,
      true
    );
    const grouped = !isOmitted(groups);
    const valued = !isOmitted(amounts);
    const outcomePlace = { fn: FN, arg: "outcomes", address: at("outcomes") };
    const blanks = toVector(outcomePlace, outcomes).values.map(() => [null]);
    const data = readTable(FN, [
      {
        arg: "outcomes",
        kind: "label",
        value: outcomes,
        address: outcomePlace.address,
        optional: true,
      },
      {
        arg: "groups",
        kind: "label",
        value: grouped ? groups : blanks,
        address: at("groups"),
        optional: true,
      },
      {
        arg: "amounts",
        kind: "number",
        value: valued ? amounts : blanks,
        address: at("amounts"),
        optional: true,
      },
    ] as const);
    const [outCol, groupCol, amountCol] = data.columns;
    const ov = toVector(outcomePlace, outcomes).vertical;
    const lang = language();
    const L = TEAM_LABELS[lang];
    const result: Outcome[] = outCol.map((raw, i) => {
      const o = raw === null ? "open" : parseOutcome(raw);
      if (o === undefined) {
        const pos = data.positions[i];
        cellError(
          outcomePlace,
          ov ? pos : 0,
          ov ? 0 : pos,
          ov,
          `${describe(classify(raw))} is not an outcome; write Won, Lost, or Open (or leave it blank) for a deal still open`
        );
      }
      return o as Outcome;
    });
    if (result.length === 0) argError(outcomePlace, "no deals: the range is blank");
    const r = winRates(
      result,
      grouped ? groupCol.map((g) => g ?? L.blank) : undefined,
      valued ? amountCol : undefined
    );
    const rowOf = (w: (typeof r.groups)[number], label: string | number) => [
      label,
      w.won,
      w.lost,
      w.open,
      w.rate ?? "",
      valued ? w.wonAmount : "",
      valued ? w.closedAmount : "",
      w.valueRate ?? "",
    ];
    const rows = [...r.groups.map((g) => rowOf(g, g.group ?? "")), rowOf(r.all, L.all)];
    return withHeaders ? [[...L.winRateHeaders], ...rows] : rows;
  });
}
