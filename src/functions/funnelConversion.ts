/* global CustomFunctions */
import { funnelConversion as conversionEngine, Outcome } from "../engine/pipeline/conversion";
import { DEFAULT_STAGES, parseProbabilityText, stageKey } from "../engine/pipeline/funnel";
import { parseOutcome } from "../engine/team/outcome";
import {
  argError,
  cellError,
  isOmitted,
  optionalBoolean,
  readTable,
  splitColumns,
  toVector,
} from "../grid";
import { withoutRowsOfZeros } from "../grid/aligned";
import { PLAN_LABELS } from "../i18n/results.plan";
import { argAddresses, guard, language } from "./shared";
import { shownValue } from "../cells/read";
import { classify, describe } from "../cells/values";

const FN = "KAM.FUNNEL_CONVERSION";

/** Parameter names of each function, in signature order (checked against functions.json). */
export const PARAMS = {
  FUNNEL_CONVERSION: ["stages_reached", "outcomes", "stage_order", "headers"],
} as const;

const HEADER_NAMES = new Set(["stage", "stages", "stagename", "阶段", "阶段名称"]);

/**
 * Funnel conversion learned from closed deals: per stage the closed deals that reached it, moved on, the conversion to the next stage, and the empirical win probability (won ÷ reached), to replace the textbook 10/30/50/70%.
 * @customfunction FUNNEL_CONVERSION
 * @param stages_reached The furthest stage each deal reached (a stage name). A row of zeros (stage 0, outcome 0 or blank) is an empty row.
 * @param outcomes Outcome of each deal: Won, Lost, or blank/Open for a deal still open (赢单, 输单 also work). Only closed deals count.
 * @param [stage_order] Your stages in funnel order, the last being the won stage (one column; a stage table's first column works). Default: Prospect, Intent, Proposal, Negotiation, Won.
 * @param [headers] TRUE (default) puts a header row on top.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns Spills one row per stage: Stage, Win probability, Reached, Moved on, Conversion to next, Won. The first two columns are a stage table for KAM.FUNNEL_WEIGHT.
 * @requiresParameterAddresses
 */
export function funnelConversion(
  stages_reached: unknown[][],
  outcomes: unknown[][],
  stage_order?: unknown[][],
  headers?: unknown,
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN, ["stages_reached", "outcomes"], () => {
    const argAt = argAddresses(invocation, PARAMS.FUNNEL_CONVERSION);
    const lang = language();
    const names = isOmitted(stage_order)
      ? DEFAULT_STAGES.map((s) => ({
          shown: lang === "zh" ? s.aliases[0] : s.name,
          keys: [s.name, ...s.aliases],
        }))
      : readOrder(stage_order, argAt("stage_order"));
    const withHeaders = optionalBoolean(
      { fn: FN, arg: "headers", address: argAt("headers") },
      headers,
      true
    );
    const index = new Map<string, number>();
    names.forEach((s, k) => s.keys.forEach((n) => index.set(stageKey(n), k)));
    const last = names.length - 1;

    const stagePlace = { fn: FN, arg: "stages_reached", address: argAt("stages_reached") };
    const outcomePlace = { fn: FN, arg: "outcomes", address: argAt("outcomes") };
    // a row of zeros is an empty row (0 is no stage), as Excel desktop passes one
    const data = withoutRowsOfZeros(
      readTable(FN, [
        {
          arg: "stages_reached",
          kind: "label",
          value: stages_reached,
          address: stagePlace.address,
        },
        {
          arg: "outcomes",
          kind: "label",
          value: outcomes,
          address: outcomePlace.address,
          optional: true,
        },
      ] as const)
    );
    const [stageCol, outcomeCol] = data.columns;
    const sv = toVector(stagePlace, stages_reached).vertical;
    const ov = toVector(outcomePlace, outcomes).vertical;
    const at: (place: typeof stagePlace, vertical: boolean, i: number, problem: string) => never = (
      place,
      vertical,
      i,
      problem
    ) => {
      const pos = data.positions[i];
      return cellError(place, vertical ? pos : 0, vertical ? 0 : pos, vertical, problem);
    };
    // A first row with an unknown stage and an unknown outcome ("Stage", "Outcome") is a header.
    const outcomeOf = (raw: string | number | null) => (raw === null ? "open" : parseOutcome(raw));
    const skip =
      data.length > 1 &&
      data.positions[0] === 0 &&
      !index.has(stageKey(String(stageCol[0]))) &&
      outcomeOf(outcomeCol[0]) === undefined
        ? 1
        : 0;
    const furthest: number[] = [];
    const result: Outcome[] = [];
    stageCol.forEach((stage, i) => {
      if (i < skip) return;
      const k = index.get(stageKey(String(stage)));
      if (k === undefined)
        at(
          stagePlace,
          sv,
          i,
          `unknown stage ${shownValue(stage)}; the stages in order are ${names
            .slice(0, 10)
            .map((s) => shownValue(s.shown))
            .join(", ")}${names.length > 10 ? `, … (${names.length} stages)` : ""}`
        );
      const raw = outcomeCol[i];
      const o = outcomeOf(raw);
      if (o === undefined)
        at(
          outcomePlace,
          ov,
          i,
          `${describe(classify(raw))} is not an outcome; write Won, Lost, or Open (or leave it blank) for a deal still open`
        );
      if (o === "lost" && k === last)
        at(
          outcomePlace,
          ov,
          i,
          `a lost deal cannot have reached ${shownValue(names[last].shown)}, the last (won) stage`
        );
      furthest.push(k);
      result.push(o);
    });
    const conv = conversionEngine(furthest, result, names.length);
    if (conv.won + conv.lost === 0)
      argError(
        outcomePlace,
        "no closed deals (Won or Lost); conversion and win probabilities are learned from closed deals only"
      );
    const rows = conv.stages.map((s) => [
      names[s.stage].shown,
      s.winProbability ?? "",
      s.reached,
      s.movedOn ?? "",
      s.conversion ?? "",
      s.won,
    ]);
    return withHeaders ? [[...PLAN_LABELS[lang].conversionHeaders], ...rows] : rows;
  });
}

/** Stage names in order from the first column of stage_order, a header row skipped. */
function readOrder(
  value: unknown,
  address: string | undefined
): { shown: string; keys: string[] }[] {
  const place = { fn: FN, arg: "stage_order", address };
  const rows = Array.isArray(value) ? (value as unknown[][]) : [[value]];
  const width = Array.isArray(rows[0]) ? rows[0].length : 1;
  const columns = width === 1 || rows.length === 1 ? [value] : splitColumns(place, value, width);
  const t = withoutRowsOfZeros(
    readTable(FN, [{ arg: "stage_order", kind: "label", value: columns[0], address }] as const)
  );
  let entries = t.columns[0].map((n, i) => ({ name: String(n), pos: t.positions[i] }));
  const second = width > 1 && rows.length > 1 ? rows[0][1] : undefined;
  const tableHeader =
    typeof second === "string" &&
    parseProbabilityText(second) === undefined &&
    second.trim() !== "";
  if (
    entries.length > 0 &&
    (HEADER_NAMES.has(stageKey(entries[0].name)) || (tableHeader && entries[0].pos === 0))
  )
    entries = entries.slice(1);
  const seen = new Set<string>();
  for (const e of entries) {
    const key = stageKey(e.name);
    if (seen.has(key))
      cellError(place, e.pos, 0, true, `stage ${shownValue(e.name)} is listed twice`);
    seen.add(key);
  }
  if (entries.length < 2)
    argError(place, "needs at least two stages in funnel order, the last being the won stage");
  return entries.map((e) => ({ shown: e.name, keys: [e.name] }));
}
