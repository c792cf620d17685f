// The task pane's workflows on a file's cells: find the header and the role columns (src/report/source.ts),
// refuse bad rows with a message naming the file, sheet, row and column, and run the report builder.

import path from "node:path";
import { DateOrder } from "../cells/dates";
import { WorkflowOptions, buildReport } from "../report";
import { StageEntry } from "../report/pipeline";
import { SOURCE_STRINGS } from "../i18n/report.source";
import { BuildOptions, ReportSheet, WORKFLOWS, WorkflowId, columnLetters } from "../report/model";
import { Dataset, ExtraId, Role, WORKFLOW_ROLES } from "../report/roles";
import { SkippedRow, SourceAnalysis, analyseSource } from "../report/source";
import { UsageProblem, WorkflowFailure } from "./common";
import { SheetValues } from "./read";
import { Lang } from "../i18n/lang";

/** Options of the command line that builders take. */
export interface WorkflowSettings {
  /** The workflows' declared options (src/report/options.ts) as their flags gave them. */
  options?: Partial<Record<WorkflowId, Record<string, unknown>>>;
  /** The company's stage table (pipeline). */
  stages?: StageEntry[];
  /** The extra sources read (--contacts, --targets, ...); each workflow takes those it declares. */
  extras?: Partial<Record<ExtraId, Dataset>>;
}

export interface BuildRequest {
  workflow: WorkflowId;
  sheet: SheetValues;
  /** The file the sheet came from, for messages and the report's source line. */
  file: string;
  /** True for a CSV file: messages then name no sheet. */
  csv: boolean;
  lang: Lang;
  /** The user's --map choices: role -> column index (null: not used). */
  mapping?: Partial<Record<Role, number | null>>;
  /** Index in the values of the header row, or null when there is none. */
  headerRow?: number | null;
  /** The user's order for year-last text dates (--date-order); default decided per column. */
  dateOrder?: DateOrder;
  /** Leave rows with bad cells out (with a warning) instead of stopping. */
  skipBadRows: boolean;
  settings: WorkflowSettings;
  created?: string;
  onProgress?: (done: number, total: number) => void;
  /** The sheet already analysed for this workflow with these same choices (the run's choice of
   *  workflows reads every workflow's columns): used instead of reading the sheet again. */
  analysis?: SourceAnalysis;
  /** Receives what the reader noticed (notes, skipped rows) as lines for stderr. */
  note: (text: string) => void;
}

/** "orders.xlsx, sheet Orders" or "orders.csv": where messages say the data is. */
export function place(file: string, sheet: string, csv: boolean): string {
  return csv ? file : `${file}, sheet ${sheet}`;
}

/** Analyses the sheet for one workflow with the user's choices. */
export function analyse(request: Omit<BuildRequest, "settings" | "note">): SourceAnalysis {
  const roles = new Set(WORKFLOW_ROLES[request.workflow].map((r) => r.role));
  const mapping: Partial<Record<Role, number | null>> = {};
  for (const [role, column] of Object.entries(request.mapping ?? {}) as [Role, number | null][])
    if (roles.has(role)) mapping[role] = column;
  return analyseSource(request.sheet.values, request.workflow, {
    lang: request.lang,
    // A CSV file has no sheet: its addresses are plain A1 references.
    origin: { sheet: request.csv ? "" : request.sheet.name, row: 0, column: 0 },
    mapping,
    headerRow: request.headerRow,
    dateOrder: request.dateOrder,
    formats: request.sheet.formats,
    maxIssues: 1_000_000,
  });
}

/** Skipped rows that are not the data's fault: totals rows, a repeated header, an empty series. */
function benign(row: SkippedRow, lang: Lang): boolean {
  const t = SOURCE_STRINGS[lang];
  const r = row.sheetRow;
  if (row.reason === t.repeatedHeader(r) || row.reason === t.noValues(r)) return true;
  const totals = t.totalsRow(r, "\u0000").split("\u0000")[0];
  return row.reason.startsWith(totals);
}

/** The rows that were skipped because a cell could not be read or a required cell is blank. */
export function badRows(analysis: SourceAnalysis, lang: Lang): SkippedRow[] {
  return analysis.skipped.filter((r) => !benign(r, lang));
}

/** Whether a workflow fits the data well enough to run when the user did not ask for it. */
export function fits(analysis: SourceAnalysis, workflow: WorkflowId): boolean {
  if (analysis.problems.length > 0 || analysis.missing.length > 0 || !analysis.dataset)
    return false;
  // The account plan writes a sheet per key account: a document asked for by name
  // (--workflow account-plan), not one of the reports every order list gets.
  if (workflow === "account-plan") return false;
  return unnamedRoles(analysis, workflow).length === 0;
}

/**
 * The roles the workflow needs that no header names (nor the user's --map): required roles found
 * only by content, a long forecast's date (any number column would do as a time axis otherwise) and
 * the Sales team's owner (optional for the workflow, but without it there is no team to report on).
 * An amount computed as quantity × unit price comes from two columns named by their headers.
 */
export function unnamedRoles(analysis: SourceAnalysis, workflow: WorkflowId): Role[] {
  const named = (role: Role) => {
    const how = analysis.matchedBy[role];
    return how === "header" || how === "user" || analysis.derived?.role === role;
  };
  const roles = WORKFLOW_ROLES[workflow]
    .filter((spec) => spec.required && !named(spec.role))
    .map((spec) => spec.role);
  if (workflow === "forecast" && analysis.layout === "long" && !named("date")) roles.push("date");
  // The Sales team report is per rep: without an owner column every row would be "(no owner)".
  if (workflow === "team" && !named("owner")) roles.push("owner");
  return roles;
}

/** Columns for messages: "A (Order ID), B (Order date), ...". */
export function describeColumns(analysis: SourceAnalysis): string {
  return analysis.headers.map((h, i) => `${columnLetters(i)} (${h})`).join(", ");
}

function builderOptions(request: BuildRequest, source: string): BuildOptions {
  return {
    lang: request.lang,
    source,
    created: request.created,
    onProgress: request.onProgress,
    extras: request.settings.extras,
  };
}

async function runBuilder(
  request: BuildRequest,
  analysis: SourceAnalysis,
  source: string
): Promise<ReportSheet[]> {
  const data = analysis.dataset;
  if (!data) throw new Error("no dataset");
  const base = builderOptions(request, source);
  const s = request.settings;
  // Checked against their declarations when the flags were read (and again by the builder).
  const given = { ...base, ...s.options?.[request.workflow] };
  if (request.workflow === "pipeline") {
    // The pipeline takes the company's stage table and, per month, a twelfth of the plan's --target.
    const annual = s.options?.plan?.annualTarget;
    return buildReport("pipeline", data, {
      ...(given as BuildOptions & WorkflowOptions["pipeline"]),
      stageTable: s.stages,
      targets: typeof annual === "number" ? annual / 12 : undefined,
    });
  }
  return buildReport(request.workflow, data, given as BuildOptions);
}

/** A report that was built, with what the reader found (columns, rows used and skipped). */
export interface BuiltReport {
  /** The sheets written, in order (most workflows write one). */
  reports: ReportSheet[];
  analysis: SourceAnalysis;
  /** Rows left out because a cell could not be read (only with --skip-bad-rows). */
  badRows: SkippedRow[];
}

/**
 * Reads the sheet for the workflow and builds its report sheet. Blocking problems, bad rows (unless
 * skipped) and a builder that cannot run are WorkflowFailures (InputProblems) naming the file, sheet,
 * workflow, row and column.
 */
export async function runWorkflow(request: BuildRequest): Promise<BuiltReport> {
  const where = place(request.file, request.sheet.name, request.csv);
  const fail = (reason: string) => new WorkflowFailure(request.workflow, where, reason);
  let analysis: SourceAnalysis;
  try {
    analysis = request.analysis ?? analyse(request);
  } catch (e) {
    throw fail(e instanceof Error ? e.message : String(e));
  }
  if (analysis.problems.length > 0) {
    const hint = analysis.missing.length > 0 ? ` (use --map ${analysis.missing[0]}=COLUMN)` : "";
    const bad = badRows(analysis, request.lang)[0];
    throw fail(`${analysis.problems[0]}${hint}${bad ? ` First: ${bad.reason}` : ""}`);
  }
  const bad = badRows(analysis, request.lang);
  if (bad.length > 0 && !request.skipBadRows) {
    const more =
      bad.length > 1
        ? ` (and ${bad.length - 1} more row${bad.length > 2 ? "s" : ""}; --skip-bad-rows leaves them out)`
        : " (--skip-bad-rows leaves such rows out)";
    throw fail(`${bad[0].reason}${more}`);
  }
  for (const n of analysis.notes) request.note(`${request.workflow}: ${n}`);
  if (bad.length > 0) {
    request.note(
      `${request.workflow}: left out ${bad.length} bad row${bad.length > 1 ? "s" : ""}:`
    );
    for (const r of bad.slice(0, 5)) request.note(`  ${r.reason}`);
    if (bad.length > 5) request.note(`  ... and ${bad.length - 5} more`);
  }
  const data = analysis.dataset;
  const source = `${path.basename(request.file)}, ${data?.source ?? request.sheet.name}`;
  try {
    return { reports: await runBuilder(request, analysis, source), analysis, badRows: bad };
  } catch (e) {
    if (e instanceof UsageProblem) throw e;
    throw fail(e instanceof Error ? e.message : String(e));
  }
}

/** Reads the sheet for the workflow and builds its report sheets (see runWorkflow). */
export async function buildFromSheet(request: BuildRequest): Promise<ReportSheet[]> {
  return (await runWorkflow(request)).reports;
}

export { WORKFLOWS };
