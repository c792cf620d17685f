/* global CustomFunctions */
import {
  customStageTable,
  DEFAULT_STAGE_TABLE,
  parseProbabilityText,
  classifyStages,
  StageTable,
  weightedTotal,
} from "../engine/pipeline/funnel";
import {
  argError,
  cellAddress,
  cellError,
  isOmitted,
  optionalBoolean,
  OutCell,
  readTable,
  splitColumns,
} from "../grid";
import { alignedRows, withoutRowsOfZeros } from "../grid/aligned";
import { RESULT_LABELS } from "../i18n/results";
import { argAddresses, guard, language } from "./shared";

const FN = "KAM.FUNNEL_WEIGHT";

/** Parameter names of each function, in signature order (checked against functions.json). */
export const PARAMS = {
  FUNNEL_WEIGHT: ["amounts", "stages", "stage_table", "total_only"],
} as const;

/**
 * Weighted sales funnel: each opportunity's amount times the win probability of its stage. Default stages: Prospect 10%, Intent 30%, Proposal 50%, Negotiation 70%, Won 100% (or 潜在客户, 意向客户, 方案阶段, 商务谈判, 销售实现).
 * @customfunction FUNNEL_WEIGHT
 * @param amounts Opportunity amounts (one column or row).
 * @param stages Stage of each opportunity: a stage name (case and spaces ignored) or a probability such as 0.5 or 50%.
 * @param [stage_table] Your own stages, replacing the defaults: stage name, probability (e.g. Closed Lost, 0%) and optionally a third column with the forecast category (Pipeline, Best case, Commit, Closed, Omitted).
 * @param [total_only] TRUE returns only the total weighted amount; FALSE (default) spills the weighted amount of each row.
 * @param invocation Invocation (parameter addresses for error messages).
 * @returns Weighted amount per opportunity (spills in the shape of amounts), or the total.
 * @requiresParameterAddresses
 */
export function funnelWeight(
  amounts: unknown[][],
  stages: unknown[][],
  stage_table?: unknown[][],
  total_only?: unknown,
  invocation?: CustomFunctions.Invocation
): unknown[][] {
  return guard(FN, ["amounts", "stages"], () => {
    const at = argAddresses(invocation, PARAMS.FUNNEL_WEIGHT);
    const table = isOmitted(stage_table)
      ? DEFAULT_STAGE_TABLE
      : readStageTable(FN, stage_table, at("stage_table"));
    const totalOnly = optionalBoolean(
      { fn: FN, arg: "total_only", address: at("total_only") },
      total_only,
      false
    );
    const stagesPlace = { fn: FN, arg: "stages", address: at("stages") };
    const data = readTable(FN, [
      { arg: "amounts", kind: "number", value: amounts, address: at("amounts") },
      { arg: "stages", kind: "label", value: stages, address: stagesPlace.address },
    ] as const);
    const [amountCol, stageCol] = data.columns;
    const vertical = data.vertical[1];
    const badStage = (i: number, reason: string) => {
      const pos = data.positions[i];
      return cellError(stagesPlace, vertical ? pos : 0, vertical ? 0 : pos, vertical, reason);
    };
    // Each distinct stage as written classified once (classifyStage: resolveStage's probability or
    // reason); the total in one pass, without a column of weighted amounts.
    if (totalOnly) {
      const res = weightedTotal(amountCol, stageCol, table);
      return res.ok ? [[res.total]] : badStage(res.index, res.reason);
    }
    const stageClasses = classifyStages(stageCol, table);
    if (!stageClasses.ok) return badStage(stageClasses.index, stageClasses.reason);
    const p = stageClasses.probabilities;
    const weighted = new Array<OutCell[]>(amountCol.length);
    for (let i = 0; i < amountCol.length; i++) weighted[i] = [amountCol[i] * p[i]];

    const out = alignedRows(
      data,
      weighted,
      data.header ? [RESULT_LABELS[language()].weightedAmount] : undefined,
      1
    );
    // In the shape of amounts (a row of amounts spills a row, whatever the stages' orientation).
    const across = !data.vertical[0];
    return across ? [out.map((r) => r[0])] : out;
  });
}

/**
 * Reads a stage table argument: two columns (stage name, probability) or three (plus the forecast
 * category). A first row whose probability is text that is no probability ("Probability") is a header.
 * Shared with KAM.PIPELINE_FORECAST.
 */
export function readStageTable(
  fn: string,
  value: unknown,
  address: string | undefined
): StageTable {
  const place = { fn, arg: "stage_table", address };
  const rows = Array.isArray(value) ? (value as unknown[][]) : [[value]];
  const width = Array.isArray(rows[0]) ? rows[0].length : 1;
  if (width > 3)
    argError(
      place,
      `must have 2 or 3 columns (stage, probability, forecast category); got ${width}`
    );
  const parts = splitColumns(place, value, width === 3 ? 3 : 2);
  // a row of zeros is an empty row (0 is no stage), as Excel desktop passes one
  const t = withoutRowsOfZeros(
    readTable(fn, [
      { arg: "stage_table", kind: "label", value: parts[0], address },
      { arg: "stage_table", kind: "label", value: parts[1], address: cellAddress(address, 0, 1) },
      {
        arg: "stage_table",
        kind: "label",
        value: parts[2] ?? parts[1].map(() => [null]),
        address: cellAddress(address, 0, 2),
        optional: true,
      },
    ] as const)
  );
  let entries = t.columns[0].map((name, i) => ({
    name: String(name),
    probability: t.columns[1][i],
    // 0 is no category: Excel desktop passes an empty cell as 0
    category:
      width === 3 && t.columns[2][i] !== null && t.columns[2][i] !== 0
        ? String(t.columns[2][i])
        : null,
    pos: t.positions[i],
  }));
  const head = entries[0]?.probability;
  if (entries.length > 1 && typeof head === "string" && parseProbabilityText(head) === undefined) {
    entries = entries.slice(1);
  }
  const built = customStageTable(entries);
  if (built.ok) return built.table;
  const pos = entries[built.index]?.pos ?? 0;
  return cellError(place, pos, 0, true, built.reason);
}
