/* global CustomFunctions */
import { isoFromSerial } from "../engine/calendar";
import { parseOutcome } from "../engine/team/outcome";
import { salesVelocity as velocityEngine, VelocityDeal } from "../engine/team/velocity";
import { argError, cellError, optionalBoolean, readTable, toVector } from "../grid";
import { zerosAsBlank } from "../grid/matrix";
import { TEAM_LABELS } from "../i18n/results.team";
import { classify, describe } from "../cells/values";
import { argAddresses, guard, language } from "./shared";

const FN = "KAM.SALES_VELOCITY";

/** Parameter names of each function, in signature order (checked against functions.json). */
export const PARAMS = {
  SALES_VELOCITY: ["owners", "outcomes", "amounts", "created", "closed", "headers"],
} as const;

/**
 * Sales velocity per owner: open deals × win rate × average won amount ÷ average sales cycle (days), the revenue the pipeline is expected to bring per day, with the days the open deals have been open.
 * @customfunction SALES_VELOCITY
 * @param owners Owner (sales rep) of each deal; blank owners form "(no owner)".
 * @param outcomes Outcome of each deal: Won, Lost, or Open/blank (赢单, 输单, 进行中 also work).
 * @param amounts Amount of each deal; may be blank for open deals.
 * @param created Date each deal was created (or first contact); may be blank.
 * @param closed Close date of each closed deal; blank (or 0) for an open deal.
 * @param [headers] TRUE (default) puts a header row on top.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns Spills Owner, Open deals, Won, Lost, Win rate, Average won, Cycle (days), Velocity (per day), Days open: one row per owner (by name), then All. Cycle: mean days from created to close of the closed deals; days open: mean age of the open deals on the latest date in created or closed. A figure that cannot be computed is left blank.
 * @requiresParameterAddresses
 */
export function salesVelocity(
  owners: unknown[][],
  outcomes: unknown[][],
  amounts: unknown[][],
  created: unknown[][],
  closed: unknown[][],
  headers?: unknown,
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN, ["amounts", "created", "closed"], () => {
    const at = argAddresses(invocation, PARAMS.SALES_VELOCITY);
    const withHeaders = optionalBoolean(
      { fn: FN, arg: "headers", address: at("headers") },
      headers,
      true
    );
    const outcomePlace = { fn: FN, arg: "outcomes", address: at("outcomes") };
    const closePlace = { fn: FN, arg: "closed", address: at("closed") };
    const data = readTable(FN, [
      { arg: "owners", kind: "label", value: owners, address: at("owners"), optional: true },
      {
        arg: "outcomes",
        kind: "label",
        value: outcomes,
        address: outcomePlace.address,
        optional: true,
      },
      { arg: "amounts", kind: "number", value: amounts, address: at("amounts"), optional: true },
      {
        arg: "created",
        kind: "date",
        value: zerosAsBlank(created),
        address: at("created"),
        optional: true,
      },
      // 0 is no date: Excel desktop passes an empty close date (an open deal) as 0
      {
        arg: "closed",
        kind: "date",
        value: zerosAsBlank(closed),
        address: closePlace.address,
        optional: true,
      },
    ] as const);
    const [ownerCol, outCol, amountCol, createdCol, closedCol] = data.columns;
    const ov = toVector(outcomePlace, outcomes).vertical;
    const cv = toVector(closePlace, closed).vertical;
    const where = (i: number, v: boolean) => {
      const pos = data.positions[i];
      return [v ? pos : 0, v ? 0 : pos] as const;
    };
    let asOf = -Infinity;
    const deals: VelocityDeal[] = outCol.map((raw, i) => {
      const outcome = raw === null ? "open" : parseOutcome(raw);
      if (outcome === undefined) {
        const [r, c] = where(i, ov);
        cellError(
          outcomePlace,
          r,
          c,
          ov,
          `${describe(classify(raw))} is not an outcome; write Won, Lost, or Open (or leave it blank) for a deal still open`
        );
      }
      const start = createdCol[i];
      const close = outcome === "open" ? null : closedCol[i];
      if (start !== null && close !== null && Math.floor(close) < Math.floor(start)) {
        const [r, c] = where(i, cv);
        cellError(
          closePlace,
          r,
          c,
          cv,
          `closes on ${isoFromSerial(close)}, before its created date ${isoFromSerial(start)}`
        );
      }
      for (const d of [start, closedCol[i]]) if (d !== null && d > asOf) asOf = d;
      const owner = ownerCol[i];
      return {
        owner: owner === null ? null : String(owner),
        outcome: outcome as VelocityDeal["outcome"],
        amount: amountCol[i],
        created: start,
        close,
      };
    });
    if (deals.length === 0) argError(outcomePlace, "no deals: the ranges are blank");
    const L = TEAM_LABELS[language()];
    const rows = velocityEngine(deals, Number.isFinite(asOf) ? asOf : 0).map((r) => [
      r.owner === undefined ? L.all : r.owner === null ? L.noOwner : r.owner,
      r.open,
      r.won,
      r.lost,
      r.winRate ?? "",
      r.averageWon ?? "",
      r.cycle ?? "",
      r.velocity ?? "",
      r.daysOpen ?? "",
    ]);
    return withHeaders ? [[...L.velocityHeaders], ...rows] : rows;
  });
}
