/* global CustomFunctions */
import { classifyStages, DEFAULT_STAGE_TABLE } from "../engine/pipeline/funnel";
import { pipelineForecast as forecastEngine, PipelineGrain } from "../engine/pipeline/forecast";
import {
  argError,
  cellError,
  isOmitted,
  optionalBoolean,
  optionalDate,
  optionalNumber,
  readTable,
} from "../grid";
import { optionalChoice } from "../grid/choice";
import { PLAN_LABELS, pipelineForecastRows } from "../i18n/results.plan";
import { readStageTable } from "./funnelWeight";
import { argAddresses, guard, language } from "./shared";

const FN = "KAM.PIPELINE_FORECAST";

/** Parameter names of each function, in signature order (checked against functions.json). */
export const PARAMS = {
  PIPELINE_FORECAST: [
    "amounts",
    "stages",
    "close_dates",
    "start",
    "periods",
    "grain",
    "stage_table",
    "headers",
  ],
} as const;

/** Accepted spellings of the grain argument. */
export const GRAINS: Readonly<Record<string, PipelineGrain>> = {
  month: "month",
  monthly: "month",
  m: "month",
  月: "month",
  月度: "month",
  quarter: "quarter",
  quarterly: "quarter",
  q: "quarter",
  季: "quarter",
  季度: "quarter",
  week: "week",
  weekly: "week",
  w: "week",
  周: "week",
  星期: "week",
};

/**
 * The pipeline by close month (or quarter, week): count, total, weighted amount, closed, commit and best case per period, with overdue open deals first and a total last.
 * @customfunction PIPELINE_FORECAST
 * @param amounts Opportunity amounts (one column).
 * @param stages Stage of each opportunity: a stage name or a probability such as 50%. Default categories: Prospect and Intent are Pipeline, Proposal Best case, Negotiation Commit, Won Closed.
 * @param close_dates Expected (or actual) close date of each opportunity.
 * @param [start] Any day of the first period; default the period of the earliest close date of an open opportunity. Open deals before it are Overdue.
 * @param [periods] Number of periods, 1 to 600; default 12.
 * @param [grain] month (default), quarter or week (weeks start on Monday); 月, 季度, 周 also work.
 * @param [stage_table] Your own stages: name, probability and optionally the forecast category (Pipeline, Best case, Commit, Closed, Omitted).
 * @param [headers] TRUE (default) puts a header row on top.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns Spills Period, Deals, Closed + open, Closed + weighted open, Closed, Commit (closed + commit), Best case (commit + best case): an Overdue row, one row per period, a Later row, a Total row.
 * @requiresParameterAddresses
 */
export function pipelineForecast(
  amounts: unknown[][],
  stages: unknown[][],
  close_dates: unknown[][],
  start?: unknown,
  periods?: unknown,
  grain?: unknown,
  stage_table?: unknown[][],
  headers?: unknown,
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN, ["amounts", "stages"], () => {
    const at = argAddresses(invocation, PARAMS.PIPELINE_FORECAST);
    const first = optionalDate({ fn: FN, arg: "start", address: at("start") }, start);
    const count = optionalNumber({ fn: FN, arg: "periods", address: at("periods") }, periods, 12, {
      min: 1,
      max: 600,
      integer: true,
    });
    const unit = optionalChoice(
      { fn: FN, arg: "grain", address: at("grain") },
      grain,
      "month",
      GRAINS,
      ["month", "quarter", "week", "月", "季度", "周"]
    );
    const table = isOmitted(stage_table)
      ? DEFAULT_STAGE_TABLE
      : readStageTable(FN, stage_table, at("stage_table"));
    const withHeaders = optionalBoolean(
      { fn: FN, arg: "headers", address: at("headers") },
      headers,
      true
    );
    const stagesPlace = { fn: FN, arg: "stages", address: at("stages") };
    const data = readTable(FN, [
      { arg: "amounts", kind: "number", value: amounts, address: at("amounts") },
      { arg: "stages", kind: "label", value: stages, address: stagesPlace.address },
      { arg: "close_dates", kind: "date", value: close_dates, address: at("close_dates") },
    ] as const);
    const [amountCol, stageCol, closeCol] = data.columns;
    if (amountCol.length === 0)
      argError(
        { fn: FN, arg: "amounts", address: at("amounts") },
        "no opportunities: the ranges are blank"
      );
    // Each distinct stage as written classified once (classifyStage).
    const stageClasses = classifyStages(stageCol, table);
    if (!stageClasses.ok) {
      const vertical = data.vertical[1];
      const pos = data.positions[stageClasses.index];
      cellError(stagesPlace, vertical ? pos : 0, vertical ? 0 : pos, vertical, stageClasses.reason);
    }
    const { probabilities, categories } = stageClasses;

    const result = forecastEngine(amountCol, probabilities, categories, closeCol, {
      start: first,
      periods: count,
      grain: unit,
    });
    const lang = language();
    const rows = pipelineForecastRows(result, unit, lang);
    return withHeaders ? [[...PLAN_LABELS[lang].pipelineHeaders], ...rows] : rows;
  });
}
