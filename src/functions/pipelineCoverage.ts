/* global CustomFunctions */
import { sum } from "../engine/numeric";
import { pipelineCoverage as coverageEngine } from "../engine/pipeline/coverage";
import { argError, isOmitted, optionalNumber, readTable } from "../grid";
import { PLAN_LABELS } from "../i18n/results.plan";
import { argAddresses, guard, language } from "./shared";

const FN = "KAM.PIPELINE_COVERAGE";

/** Parameter names of each function, in signature order (checked against functions.json). */
export const PARAMS = {
  PIPELINE_COVERAGE: ["pipeline", "target", "win_rate"],
} as const;

/**
 * Pipeline coverage: the pipeline as a multiple of the target, and, at a win rate, the pipeline the target needs (target ÷ win rate) and the shortfall.
 * @customfunction PIPELINE_COVERAGE
 * @param pipeline Open pipeline: an amount, or a range of opportunity amounts that is added up.
 * @param target Sales target for the same period; must be greater than 0.
 * @param [win_rate] Win rate from 0 to 1 (e.g. 25% or 0.25), e.g. your historical rate from KAM.FUNNEL_CONVERSION. Without it only the coverage is returned.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns A labelled two-column table: Pipeline, Target, Coverage; with a win rate also Win rate, Coverage needed, Pipeline needed, Expected wins, Pipeline shortfall.
 * @requiresParameterAddresses
 */
export function pipelineCoverage(
  pipeline: unknown[][],
  target: unknown,
  win_rate?: unknown,
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN, ["pipeline", "target", "win_rate"], () => {
    const at = argAddresses(invocation, PARAMS.PIPELINE_COVERAGE);
    const data = readTable(FN, [
      { arg: "pipeline", kind: "number", value: pipeline, address: at("pipeline") },
    ] as const);
    const open = sum(data.columns[0]);
    if (open < 0)
      argError(
        { fn: FN, arg: "pipeline", address: at("pipeline") },
        `adds up to ${open}; a pipeline cannot be negative`
      );
    const place = { fn: FN, arg: "target", address: at("target") };
    if (isOmitted(target)) argError(place, "is blank; give the sales target");
    const goal = optionalNumber(place, target, 0);
    if (!(goal > 0))
      argError(
        place,
        `${goal} is not allowed; coverage is pipeline ÷ target, so the target must be greater than 0`
      );
    const rate = isOmitted(win_rate)
      ? undefined
      : optionalNumber({ fn: FN, arg: "win_rate", address: at("win_rate") }, win_rate, 0, {
          min: 0,
          max: 1,
        });
    if (rate === 0)
      argError(
        { fn: FN, arg: "win_rate", address: at("win_rate") },
        "0 is not allowed; at a win rate of 0 no pipeline reaches the target (give a rate above 0, e.g. 25%)"
      );

    const c = coverageEngine(open, goal, rate);
    const l = PLAN_LABELS[language()].coverage;
    const rows: (string | number)[][] = [
      [l.pipeline, c.pipeline],
      [l.target, c.target],
      [l.coverage, c.coverage],
    ];
    if (c.atWinRate) {
      const w = c.atWinRate;
      rows.push(
        [l.winRate, w.winRate],
        [l.coverageNeeded, w.coverageNeeded],
        [l.pipelineNeeded, w.pipelineNeeded],
        [l.expectedWins, w.expectedWins],
        [l.shortfall, w.shortfall]
      );
    }
    return rows;
  });
}
