// The panel's work with Excel and the builders, as actions on its state: read the data; check the
// options, build the report (with progress) and ask before an earlier report sheet of this workflow is
// replaced; write the report (with progress) and say what was written, with the report's own
// warnings. Failures become notices; nothing here keeps state of its own.

import type { Dispatch } from "react";
import { StageTable } from "../../engine/pipeline/funnel";
import { describeExcelError } from "../../excel/errors";
import { WorkflowStrings } from "../../i18n/workflows";
import { buildReport } from "../../report";
import { ReportSheet, WorkflowId } from "../../report/model";
import { boundsText, optionSpec } from "../../report/options";
import { Dataset, ExtraId } from "../../report/roles";
import { NoticeContent } from "../components/Notice";
import { Lang } from "../../i18n/lang";
import { RawOptions, parseOptions } from "./options";
import { ExistingReport, SourceRef, WorkflowPort } from "./port";
import { WorkflowAction } from "./state";

export interface WorkflowContext {
  workflow: WorkflowId;
  port: WorkflowPort;
  dispatch: Dispatch<WorkflowAction>;
  t: WorkflowStrings;
  /** The pane's language (notes the writer puts into cells). */
  lang?: Lang;
}

export function excelNotice(title: string, error: unknown, extra?: string): NoticeContent {
  const problem = describeExcelError(error);
  return {
    intent: "error",
    title,
    body: extra ? `${problem.message} ${extra}` : problem.message,
    detail: problem.code,
  };
}

/** Reads the source; new data (or none, when the read fails) start the column choices over. */
export async function readData(ctx: WorkflowContext, from: SourceRef): Promise<void> {
  const { port, dispatch, t } = ctx;
  dispatch({ type: "readStarted" });
  try {
    const block = await port.readSource(from);
    dispatch({ type: "dataRead", block });
  } catch (error) {
    dispatch({ type: "readFailed", notice: excelNotice(t.readFailed, error) });
  }
}

/** Reads an extra source (contacts, targets, ...) from the selection, a table or a name. */
export async function readExtra(ctx: WorkflowContext, id: ExtraId, from: SourceRef): Promise<void> {
  const { port, dispatch, t } = ctx;
  dispatch({ type: "extraReadStarted", id });
  try {
    const block = await port.readSource(from);
    dispatch({ type: "extraRead", id, block });
  } catch (error) {
    dispatch({ type: "extraFailed", id, notice: excelNotice(t.readFailed, error) });
  }
}

export interface CreateInput {
  dataset: Dataset;
  /** The extra sources read (each analysed with its own roles). */
  extras?: Partial<Record<ExtraId, Dataset>>;
  /** The source's address, named on the report. */
  source: string;
  raw: RawOptions;
  live: boolean;
  lang: Lang;
  stageTable?: StageTable;
}

/** Builds the report; writes it, or first asks when this workflow has written a report before. */
export async function createReport(ctx: WorkflowContext, input: CreateInput): Promise<void> {
  const { workflow, port, dispatch, t } = ctx;
  const parsed = parseOptions(workflow, input.raw);
  if (!parsed.ok) {
    dispatch({
      type: "optionsRejected",
      notice: {
        intent: "warning",
        title: t.problemsTitle,
        body: t.optionProblem(
          t.optionLabels[parsed.key] ?? parsed.key,
          parsed.problem,
          boundsText(optionSpec(workflow, parsed.key))
        ),
      },
    });
    return;
  }
  dispatch({ type: "buildStarted" });
  let reports: ReportSheet[];
  try {
    reports = await buildReport(workflow, input.dataset, {
      ...parsed.options,
      lang: input.lang,
      live: input.live,
      source: input.source,
      extras: input.extras,
      ...(input.stageTable ? { stageTable: input.stageTable } : {}),
      onProgress: (done, total) => dispatch({ type: "buildProgress", done, total }),
    });
  } catch (error) {
    dispatch({
      type: "buildFailed",
      notice: {
        intent: "error",
        title: t.buildFailed,
        body: error instanceof Error ? error.message : String(error),
      },
    });
    return;
  }
  let existing: ExistingReport[] = [];
  try {
    existing = (await port.findReports()).filter((r) => r.marker.workflow === workflow);
  } catch {
    existing = []; // cannot tell: never replace, write a new sheet
  }
  const replace = replacements(reports, existing);
  if (replace.some((r) => r !== undefined)) {
    dispatch({ type: "replaceAsked", reports, replace });
    return;
  }
  await writeReport(ctx, reports, []);
}

/**
 * Which earlier report sheet of this workflow each new sheet would replace: one report sheet replaces
 * the earlier one of the same name, else the most recent one; a report of several sheets (an index
 * and one per account) replaces sheets of the same name only, the others are written new.
 */
export function replacements(
  reports: readonly ReportSheet[],
  existing: readonly ExistingReport[]
): (ExistingReport | undefined)[] {
  if (existing.length === 0) return reports.map(() => undefined);
  if (reports.length === 1) {
    const same = existing.find((r) => r.sheet === reports[0].name);
    const latest = [...existing].sort((a, b) => b.marker.created.localeCompare(a.marker.created));
    return [same ?? latest[0]];
  }
  return reports.map((report) => existing.find((r) => r.sheet === report.name));
}

/** Writes the report sheets, each to a new sheet or over the earlier report sheet `replace[i]`. */
export async function writeReport(
  ctx: WorkflowContext,
  reports: readonly ReportSheet[],
  replace: readonly (string | undefined)[]
): Promise<void> {
  const { port, dispatch, t } = ctx;
  dispatch({ type: "writeStarted" });
  try {
    const sheets: string[] = [];
    const warnings: string[] = [];
    for (let i = 0; i < reports.length; i++) {
      const result = await port.writeReport(reports[i], {
        replace: replace[i],
        lang: ctx.lang,
        // One bar for all the sheets: each sheet's share of it.
        onProgress: (done, total) =>
          dispatch({
            type: "writeProgress",
            done: i * total + done,
            total: total * reports.length,
          }),
      });
      sheets.push(result.sheet);
      warnings.push(...(result.warnings ?? []));
    }
    // What the report says the reader must know (the same texts as on the sheets).
    const notes = [...new Set(reports.flatMap((r) => r.warnings ?? []))];
    dispatch({
      type: "written",
      notice: {
        intent: warnings.length > 0 || notes.length > 0 ? "warning" : "success",
        title: t.writtenTitle,
        body: t.written(sheets.join(", ")),
        detail: warnings.length > 0 ? t.writtenWarnings(warnings.join("; ")) : undefined,
        items: notes.length > 0 ? notes : undefined,
        itemsTitle: notes.length > 0 ? t.reportWarnings : undefined,
      },
    });
  } catch (error) {
    dispatch({ type: "writeFailed", notice: excelNotice(t.failedTitle, error, t.nothingLost) });
  }
}
