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
import { Dataset } from "../../report/roles";
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

export interface CreateInput {
  dataset: Dataset;
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
  let report: ReportSheet;
  try {
    report = await buildReport(workflow, input.dataset, {
      ...parsed.options,
      lang: input.lang,
      live: input.live,
      source: input.source,
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
  if (existing.length > 0) {
    // The report of this workflow with the same sheet name, else the most recent one.
    const same = existing.find((r) => r.sheet === report.name);
    const latest = [...existing].sort((a, b) => b.marker.created.localeCompare(a.marker.created));
    dispatch({ type: "replaceAsked", report, existing: same ?? latest[0] });
    return;
  }
  await writeReport(ctx, report);
}

/** Writes the report to a new sheet, or over the earlier report sheet `replace`. */
export async function writeReport(
  ctx: WorkflowContext,
  report: ReportSheet,
  replace?: string
): Promise<void> {
  const { port, dispatch, t } = ctx;
  dispatch({ type: "writeStarted" });
  try {
    const result = await port.writeReport(report, {
      replace,
      onProgress: (done, total) => dispatch({ type: "writeProgress", done, total }),
    });
    const warnings = result.warnings ?? [];
    // What the report says the reader must know (the same texts as on the sheet).
    const notes = report.warnings ?? [];
    dispatch({
      type: "written",
      notice: {
        intent: warnings.length > 0 || notes.length > 0 ? "warning" : "success",
        title: t.writtenTitle,
        body: t.written(result.sheet),
        detail: warnings.length > 0 ? t.writtenWarnings(warnings.join("; ")) : undefined,
        items: notes.length > 0 ? notes : undefined,
        itemsTitle: notes.length > 0 ? t.reportWarnings : undefined,
      },
    });
  } catch (error) {
    dispatch({ type: "writeFailed", notice: excelNotice(t.failedTitle, error, t.nothingLost) });
  }
}
