// What follows from the panel's state, computed (the panel memoizes it), never stored: the reader's
// analysis of the data read with the user's choices, the pipeline's stage check, and what stops
// Create.

import { DateOrder } from "../../cells/dates";
import { StageTable } from "../../engine/pipeline/funnel";
import { WorkflowId } from "../../report/model";
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

/** What stops Create: a stage without a probability, or a probability typed wrong. */
export type CreateBlock = "stages" | "input" | null;

export function createBlock(stages: PipelineStages | null): CreateBlock {
  if (stages?.check.error) return "stages";
  if (stages && stages.invalid.length > 0) return "input";
  return null;
}
