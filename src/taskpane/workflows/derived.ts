// What follows from the panel's state, computed (the panel memoizes it), never stored: the reader's
// analysis of the data read with the user's choices, the pipeline's stage check, and what stops
// Create.

import { DateOrder } from "../../cells/dates";
import { StageTable } from "../../engine/pipeline/funnel";
import { WorkflowId } from "../../report/model";
import { Dataset, ExtraId } from "../../report/roles";
import { StageCheck, checkStages } from "../../report/pipeline";
import { SourceAnalysis, analyseSource } from "../../report/source";
import type { DateChoice } from "./DateOrderField";
import { SourceBlock } from "./port";
import { ColumnMapping } from "./state";
import { StageEdits, editedStages } from "./stages";
import { Lang } from "../../i18n/lang";

/** The data read as the reader sees them with the user's header row, columns and date order. */
export function analyseBlock(
  block: SourceBlock | null,
  workflow: WorkflowId,
  choices: {
    mapping: ColumnMapping;
    headerRow: number | null | undefined;
    dateChoice: DateChoice;
    lang: Lang;
    /** The workbook's order, for columns whose dates read both ways. */
    defaultDateOrder: DateOrder;
  }
): SourceAnalysis | null {
  if (!block) return null;
  const { mapping, headerRow, dateChoice, lang, defaultDateOrder } = choices;
  return analyseSource(block.values, workflow, {
    origin: { sheet: block.sheet, row: block.row, column: block.column },
    mapping,
    headerRow,
    formats: block.formats,
    lang,
    dateOrder: dateChoice === "auto" ? undefined : dateChoice,
    defaultDateOrder,
  });
}

/** The extra sources read, each as the reader sees it with its own roles and the date order chosen. */
export function analyseExtras(
  extras: Partial<Record<ExtraId, SourceBlock>>,
  choices: { dateChoice: DateChoice; lang: Lang; defaultDateOrder: DateOrder }
): Partial<Record<ExtraId, SourceAnalysis>> {
  const out: Partial<Record<ExtraId, SourceAnalysis>> = {};
  for (const [id, block] of Object.entries(extras) as [ExtraId, SourceBlock][])
    out[id] = analyseSource(block.values, id, {
      origin: { sheet: block.sheet, row: block.row, column: block.column },
      formats: block.formats,
      lang: choices.lang,
      dateOrder: choices.dateChoice === "auto" ? undefined : choices.dateChoice,
      defaultDateOrder: choices.defaultDateOrder,
    });
  return out;
}

/** The extra sources' datasets, for the builder (those with a blocking problem are not passed:
 *  Create is blocked while there is one). */
export function extraDatasets(
  analyses: Partial<Record<ExtraId, SourceAnalysis>>
): Partial<Record<ExtraId, Dataset>> {
  const out: Partial<Record<ExtraId, Dataset>> = {};
  for (const [id, a] of Object.entries(analyses) as [ExtraId, SourceAnalysis][])
    if (a.dataset && a.problems.length === 0) out[id] = a.dataset;
  return out;
}

export interface PipelineStages {
  /** Against the report's defaults: the rows shown. */
  base: StageCheck;
  /** Against the table with the user's probabilities: what the report will do. */
  check: StageCheck;
  /** The edited stage table; undefined when nothing differs from the defaults. */
  table?: StageTable;
  /** Stages whose typed probability is not a percentage from 0% to 100%. */
  invalid: string[];
}

/** The pipeline's stages (null for other workflows, or before the data have a stage column). */
export function pipelineStages(
  workflow: WorkflowId,
  analysis: SourceAnalysis | null,
  edits: StageEdits,
  lang: Lang
): PipelineStages | null {
  const data = workflow === "pipeline" ? analysis?.dataset : undefined;
  const column = data?.text.stage;
  if (!data || !column) return null;
  const base = checkStages(column, undefined, lang, data.sheetRows);
  const edited = editedStages(edits, base);
  const check = edited.table ? checkStages(column, edited.table, lang, data.sheetRows) : base;
  return { base, check, table: edited.table, invalid: edited.invalid };
}

/** What stops Create: a stage without a probability, a probability typed wrong, or an extra source
 *  that cannot be read as what it is meant to be (never left out silently). */
export type CreateBlock = "stages" | "input" | "extras" | null;

export function createBlock(
  stages: PipelineStages | null,
  extras: Partial<Record<ExtraId, SourceAnalysis>> = {}
): CreateBlock {
  if (stages?.check.error) return "stages";
  if (stages && stages.invalid.length > 0) return "input";
  if (Object.values(extras).some((a) => a.problems.length > 0 || !a.dataset)) return "extras";
  return null;
}
