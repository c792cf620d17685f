/* global process, Buffer */
// `kam report`: the task pane's workflows on the user's own .xlsx or .csv file, through the same source
// reader and report builders, written as one workbook of report sheets with ExcelJS.

import fs from "node:fs";
import { DateOrder } from "../cells/dates";
import { SOURCE_STRINGS } from "../i18n/report.source";
import { ReportFigure, WORKFLOWS, WorkflowId, columnLetters } from "../report/model";
import { OptionSpec, WORKFLOW_OPTIONS, boundsText, readOptionText } from "../report/options";
import { ExtraId, Role, WORKFLOW_ROLES } from "../report/roles";
import {
  InputProblem,
  PARTIAL_EXIT,
  UsageProblem,
  WorkflowFailure,
  checkOutput,
  fileErrorCode,
  parseLang,
  parseOptions,
  progressLine,
  say,
  writeOutput,
} from "./common";
import { readStages } from "./stages";
import {
  BuildRequest,
  BuiltReport,
  WorkflowSettings,
  analyse,
  describeColumns,
  fits,
  place,
  runWorkflow,
  unnamedRoles,
} from "./workflows";
import { SheetValues, checkCsvSize, readCsvFile, readXlsxFile } from "./read";
import type { SourceAnalysis } from "../report/source";
import { WriteStep, workbookBytes } from "./xlsx";
import { extraFlags, extraHelp, parseExtraRef, readExtras } from "./extras";
import { Lang } from "../i18n/lang";

/** The workflows' declared options that have a flag (src/report/options.ts), by flag: one flag may
 *  set the same option of several workflows (--as-of: accounts and pipeline). */
const OPTION_FLAGS = new Map<string, { workflow: WorkflowId; spec: OptionSpec }[]>();
for (const workflow of WORKFLOWS)
  for (const spec of WORKFLOW_OPTIONS[workflow]) {
    if (spec.flag === undefined) continue;
    const list = OPTION_FLAGS.get(spec.flag) ?? [];
    list.push({ workflow, spec });
    OPTION_FLAGS.set(spec.flag, list);
  }

/** The help's lines for the option flags, from their declarations, wrapped at 92 columns. */
function optionHelp(): string {
  const lines: string[] = [];
  for (const [flag, uses] of OPTION_FLAGS) {
    const { spec } = uses[0];
    const value =
      spec.kind === "date"
        ? "DATE"
        : spec.kind === "choice"
          ? "WORD"
          : spec.kind === "text"
            ? "TEXT"
            : "N";
    const head = `  --${flag} ${value}`;
    const shown = (v: number | string | boolean) =>
      spec.kind === "percent" && typeof v === "number"
        ? `${Math.round(v * 1000) / 10}%`
        : String(v);
    const facts = [
      spec.kind === "date" || spec.kind === "text" ? "" : boundsText(spec),
      "default" in spec && spec.default !== undefined ? `default ${shown(spec.default)}` : "",
    ].filter((x) => x !== "");
    const helps = [...new Set(uses.map((u) => u.spec.help))];
    // One description for all its workflows, or each workflow's own (--as-of).
    const text =
      helps.length === 1
        ? `${helps[0]} (${[uses.map((u) => u.workflow).join(", "), ...facts].join("; ")})`
        : `${uses.map((u) => `${u.workflow}: ${u.spec.help}`).join(" ")}` +
          (facts.length > 0 ? ` (${facts.join("; ")})` : "");
    lines.push(wrapped(head, text));
  }
  return lines.join("\n");
}

/** A help entry: the flag, then its text from column 21, wrapped at 92 columns. */
function wrapped(head: string, text: string): string {
  const indent = " ".repeat(20);
  let out = head.length < 20 ? head.padEnd(20) : `${head}\n${indent}`;
  let width = 20;
  for (const word of text.split(" ")) {
    if (width > 20 && width + 1 + word.length > 92) {
      out += `\n${indent}`;
      width = 20;
    }
    out += `${width > 20 ? " " : ""}${word}`;
    width += (width > 20 ? 1 : 0) + word.length;
  }
  return out;
}

/** The option flags given, as options per workflow (a choice of "auto" leaves the default). */
function parseWorkflowOptions(values: ReadonlyMap<string, string>): WorkflowSettings {
  const settings: WorkflowSettings = {};
  for (const [flag, uses] of OPTION_FLAGS) {
    const text = values.get(flag);
    if (text === undefined) continue;
    for (const { workflow, spec } of uses) {
      const read = readOptionText(spec, text);
      if ("problem" in read)
        throw new UsageProblem(
          read.problem === "date"
            ? `--${flag} ${JSON.stringify(text)} is not a date such as 2024-12-31`
            : read.problem === "choice"
              ? `--${flag} ${JSON.stringify(text)} is not one of ${boundsText(spec)}`
              : `--${flag} ${JSON.stringify(text)} is not allowed; give ${boundsText(spec)}`
        );
      if (read.value === "auto" && spec.key !== "method") continue;
      const value = read.value;
      const options = (settings.options ??= {});
      options[workflow] = { ...options[workflow], [spec.key]: value };
    }
  }
  return settings;
}

export const REPORT_HELP = `kam report — the task pane's reports on your own file, as a workbook

Usage:
  kam report --in FILE.xlsx|FILE.csv --out FILE.xlsx [--sheet NAME]
             [--workflow accounts,forecast,pipeline,plan,portfolio,kpi]
             [--map ROLE=COLUMN ...] [--header-row N|none] [--date-order mdy|dmy]
             [--lang en|zh] [--stages FILE.csv] [--OPTION VALUE ...]
             [--skip-bad-rows] [--json] [--progress] [--force]

Options:
  --in FILE         The data: an .xlsx workbook or a .csv file (UTF-8, or GB18030 as
                    Chinese Excel saves it; comma, semicolon or tab separated).
  --sheet NAME      The worksheet to read (.xlsx); default the first visible one with data.
  --workflow LIST   Which reports, comma-separated: ${WORKFLOWS.join(", ")}.
                    Default: every report whose columns the data has (found by their
                    headers); an opportunity list gets the pipeline report only.
  --map ROLE=COL    Which column plays a role, by letter (C) or header text
                    ("Order date"); ROLE=none leaves an optional role out. May be repeated.
                    Roles: ${[...new Set(Object.values(WORKFLOW_ROLES).flatMap((r) => r.map((s) => s.role)))].join(", ")}.
  --header-row N    The sheet row of the header (1-based), or none; default detected.
  --date-order mdy|dmy
                    How to read text dates with the year last (03/01/2024): month first or
                    day first. Default: decided per column from its dates (a day over 12
                    proves the order), else month first.
  --lang en|zh      Language of the report sheets (default en).
  --stages FILE     Your stage table for the pipeline (CSV: stage, probability such as 30%,
                    optional forecast category); default the five standard stages.
${extraHelp()}${optionHelp()}
  --skip-bad-rows   Leave rows with unreadable cells out (listed on stderr) instead of stopping.
  --json            Print what was done as one JSON object on stdout (below); the progress
                    and problems stay on stderr.
  --progress        Show the writing's progress (each sheet, and the share of a large sheet
                    written) on stderr; shown anyway when stderr is a terminal, unless --json.
  --out FILE        The workbook to write (.xlsx).
  --force           Overwrite --out if it exists (otherwise an existing file is an error).
  --help            This text.

Every formula in the report sheets is a native Excel formula with its result stored: the
workbook opens in Excel or LibreOffice without the add-in. Charts are native Excel charts (a
funnel as bars); each sheet prints landscape, one page wide.

A workflow that cannot run (its columns are missing, a cell cannot be read, too little
data) is reported on stderr in one line naming it and why, and left out; the others are
still written.

--json prints {"workflows": [...]}, one entry per workflow in the order run:
  {"id": "plan", "sheet": "KAM Plan",
   "columns": {"date": "Order date", "amount": "Amount", ...},   (role: header)
   "rows": {"used": 10231, "skipped": 0},
   "dateOrder": "mdy" | "dmy" | null,    (how year-last text dates were read)
   "figures": {...}, "warnings": ["...", ...]}
or, for a workflow that could not run, {"id": "plan", "error": "..."}. Figures per workflow:
  forecast  series, method (one series: "auto", "ETS(A,N,A)", "theta", "theta (seasonal)",
            "ma(12)"; several: series -> method), horizon, frequency, not_forecast
  plan      year, base_year, target, groups {by: team|owner|region|customer|abc|company,
            count}, targets (group -> target)
  kpi       grain, customers, revenue (period start yyyy-mm-dd -> revenue)
  team      mode (opportunities|orders|both), as_of, owners (owner -> won, win_rate, weighted,
            ...; with --snapshot also slipped {deals, amount, average_days}), bridge (period ->
            start, new, expansion, contraction, churned, end), snapshot {matched, only_snapshot,
            only_now, duplicate_ids_snapshot, duplicate_ids_now, slipped, slipped_amount,
            pulled_in, amount_changed, stage_forward, stage_back, won_since, lost_since, new,
            gone}, owner_list {rows_used, filled, conflict_rows, conflict_accounts,
            accounts_without_revenue} (with --owners), outlook (period -> repeat, pipeline,
            expansion, blended, target, gap), outlook_repeat_method, forecast_vs_actual (owner ->
            period -> forecast, actual, won, error), forecast_vs_actual_owners (owner -> periods,
            forecast, actual, won, bias, abs_error)
  accounts, pipeline, portfolio: their key figures (see the README).
The JSON is printed when the workflows ran (exit status 0, 3, or 1 when none could be
written); on other problems stdout is empty.

Exit status: 0 done; 3 the workbook was written, but some workflows failed (each named
on stderr); 1 bad input, nothing written (one line naming the file, sheet, row and
column) or an unexpected failure; 2 bad usage.
`;

export interface ReportArgs {
  input: string;
  output: string;
  sheet?: string;
  workflows?: WorkflowId[];
  map: [string, string][];
  headerRow?: number | null;
  dateOrder?: DateOrder;
  lang: Lang;
  settings: WorkflowSettings;
  stagesFile?: string;
  skipBadRows: boolean;
  force: boolean;
  /** Print the run's summary as one JSON object on stdout. */
  json: boolean;
  /** Show the writing's progress on stderr: --progress, or stderr a terminal without --json. */
  progress: boolean;
  /** The extra sources' flags as given (--contacts FILE[#SHEET], ...). */
  extras: Partial<Record<ExtraId, string>>;
}

/** Parses the arguments after `report`; undefined means --help. */
export function parseReportArgs(args: readonly string[]): ReportArgs | undefined {
  const o = parseOptions(args, {
    values: [
      "in",
      "out",
      "sheet",
      "workflow",
      "map",
      "header-row",
      "lang",
      "stages",
      "date-order",
      ...extraFlags(),
      ...OPTION_FLAGS.keys(),
    ],
    repeated: ["map", "workflow"],
    flags: ["force", "skip-bad-rows", "json", "progress"],
  });
  if (o.help) return undefined;
  const input = o.values.get("in");
  if (input === undefined) throw new UsageProblem("--in is required");
  const output = o.values.get("out");
  if (output === undefined) throw new UsageProblem("--out is required");
  if (!/\.xlsx$/i.test(output))
    throw new UsageProblem(`--out ${JSON.stringify(output)} must end in .xlsx`);
  let workflows: WorkflowId[] | undefined;
  const listed = (o.repeated.get("workflow") ?? []).flatMap((w) => w.split(","));
  if (listed.length > 0) {
    workflows = [];
    for (const w of listed.map((x) => x.trim().toLowerCase())) {
      if (!(WORKFLOWS as readonly string[]).includes(w))
        throw new UsageProblem(
          `--workflow ${JSON.stringify(w)} is not one of ${WORKFLOWS.join(", ")}`
        );
      if (!workflows.includes(w as WorkflowId)) workflows.push(w as WorkflowId);
    }
  }
  const map: [string, string][] = (o.repeated.get("map") ?? []).map((m) => {
    const eq = m.indexOf("=");
    if (eq <= 0 || eq === m.length - 1)
      throw new UsageProblem(`--map ${JSON.stringify(m)} is not ROLE=COLUMN`);
    return [m.slice(0, eq).trim(), m.slice(eq + 1).trim()];
  });
  let headerRow: number | null | undefined;
  const hr = o.values.get("header-row");
  if (hr !== undefined) {
    if (hr.toLowerCase() === "none") headerRow = null;
    else {
      const n = Number(hr);
      if (!Number.isInteger(n) || n < 1)
        throw new UsageProblem(`--header-row ${JSON.stringify(hr)} is not a row number or none`);
      headerRow = n - 1;
    }
  }
  const settings: WorkflowSettings = parseWorkflowOptions(o.values);
  let dateOrder: DateOrder | undefined;
  const order = o.values.get("date-order");
  if (order !== undefined) {
    const d = order.trim().toLowerCase();
    if (d !== "mdy" && d !== "dmy")
      throw new UsageProblem(`--date-order ${JSON.stringify(order)} is not one of mdy, dmy`);
    dateOrder = d;
  }
  return {
    input,
    output,
    sheet: o.values.get("sheet"),
    workflows,
    map,
    headerRow,
    dateOrder,
    lang: parseLang(o.values.get("lang")),
    settings,
    stagesFile: o.values.get("stages"),
    skipBadRows: o.flags.has("skip-bad-rows"),
    force: o.flags.has("force"),
    json: o.flags.has("json"),
    progress: o.flags.has("progress") || (process.stderr.isTTY === true && !o.flags.has("json")),
    extras: Object.fromEntries(
      extraFlags().flatMap((id) => {
        const v = o.values.get(id);
        return v === undefined ? [] : [[id, v]];
      })
    ),
  };
}

// ---------------------------------------------------------------------------------------------------
// Input files

export function isCsv(file: string): boolean {
  return /\.(csv|tsv|txt)$/i.test(file);
}

/** Reads an .xlsx or .csv file into sheets of values. */
export async function readInput(file: string): Promise<SheetValues[]> {
  let bytes: Buffer;
  try {
    // A CSV over the size limit is refused before it is read (reading 250 MB takes seconds).
    if (isCsv(file)) checkCsvSize(fs.statSync(file).size, file);
    bytes = fs.readFileSync(file);
  } catch (e) {
    if (e instanceof InputProblem) throw e;
    throw new InputProblem(`${file}: cannot read the file (${fileErrorCode(e)})`);
  }
  if (isCsv(file)) return [readCsvFile(bytes, file)];
  if (!/\.(xlsx|xlsm)$/i.test(file))
    throw new InputProblem(`${file}: not an .xlsx or .csv file (.xls files: save them as .xlsx)`);
  return readXlsxFile(bytes, file);
}

/** The sheet named by --sheet, or the first visible sheet with data. */
export function chooseSheet(sheets: SheetValues[], file: string, name?: string): SheetValues {
  if (name !== undefined) {
    const found =
      sheets.find((s) => s.name === name) ??
      sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!found)
      throw new InputProblem(
        `${file}: there is no sheet ${JSON.stringify(name)}; the sheets are ${sheets.map((s) => JSON.stringify(s.name)).join(", ")}`
      );
    return found;
  }
  const withData = sheets.filter((s) => s.values.length > 0);
  const chosen = withData.find((s) => !s.hidden) ?? withData[0];
  if (!chosen) throw new InputProblem(`${file}: every sheet is empty`);
  return chosen;
}

const roleKey = (text: string) =>
  text
    .normalize("NFKC")
    .replace(/[\s_\-.]+/g, "")
    .toLowerCase();

/** A role named on the command line: its id (closeDate, close-date) or its name in either language. */
export function findRole(text: string): Role | undefined {
  const key = roleKey(text);
  const roles = new Set(Object.values(WORKFLOW_ROLES).flatMap((r) => r.map((s) => s.role)));
  for (const role of roles) {
    if (roleKey(role) === key) return role;
    if (roleKey(SOURCE_STRINGS.en.roles[role]) === key) return role;
  }
  for (const role of roles) if (roleKey(SOURCE_STRINGS.zh.roles[role]) === key) return role;
  return undefined;
}

/** The --map choices as column indexes: letters, or header texts of the detected header. */
export function resolveMap(
  map: readonly [string, string][],
  sheet: SheetValues,
  headers: readonly string[],
  where: string
): Partial<Record<Role, number | null>> {
  const width = sheet.values.reduce((m, r) => Math.max(m, r.length), 0);
  const out: Partial<Record<Role, number | null>> = {};
  for (const [roleText, column] of map) {
    const role = findRole(roleText);
    if (!role)
      throw new UsageProblem(
        `--map ${roleText}=${column}: there is no role ${JSON.stringify(roleText)}`
      );
    if (/^(none|-)$/i.test(column)) {
      out[role] = null;
      continue;
    }
    const key = column.trim().toLowerCase();
    let index = headers.findIndex((h) => h.trim().toLowerCase() === key);
    if (index < 0 && /^[A-Za-z]{1,3}$/.test(column)) {
      let n = 0;
      for (const ch of column.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
      index = n - 1;
    }
    if (index < 0 || index >= width)
      throw new UsageProblem(
        `--map ${roleText}=${column}: ${where} has no such column; its columns are ${headers
          .slice(0, Math.max(width, 0))
          .map((h, i) => `${columnLetters(i)} (${h})`)
          .join(", ")}`
      );
    out[role] = index;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// The command

/** One workflow of a `kam report` run: built (with what the reader found), or why not. */
export type WorkflowOutcome =
  { workflow: WorkflowId; built: BuiltReport } | { workflow: WorkflowId; failure: WorkflowFailure };

/** The reports of one sheet: those asked for (or fitting), each built or failed. */
export interface ReportRun {
  where: string;
  outcomes: WorkflowOutcome[];
}

/**
 * Builds the requested (or fitting) reports of one sheet. A workflow that cannot run (its columns are
 * missing, a bad cell, too little data) is a failure of its own: the others are still built.
 */
export async function reportSheets(
  args: ReportArgs,
  sheet: SheetValues,
  command = "report"
): Promise<ReportRun> {
  const csv = isCsv(args.input);
  const where = place(args.input, sheet.name, csv);
  const base: Omit<BuildRequest, "workflow"> = {
    sheet,
    file: args.input,
    csv,
    lang: args.lang,
    headerRow: args.headerRow,
    dateOrder: args.dateOrder,
    skipBadRows: args.skipBadRows,
    settings: args.settings,
    note: (text) => say(command, text),
  };
  if (args.map.length > 0) {
    const first = analyse({ ...base, workflow: args.workflows?.[0] ?? "accounts" });
    base.mapping = resolveMap(args.map, sheet, first.headers, where);
  }
  let workflows = args.workflows;
  // The analyses the choice of workflows made, kept for the workflows chosen (each is read once).
  const analysed = new Map<WorkflowId, SourceAnalysis>();
  if (!workflows) {
    const analyses = WORKFLOWS.map((w) => ({ w, a: analyse({ ...base, workflow: w }) }));
    const fitting = analyses.filter(({ w, a }) => fits(a, w)).map(({ w }) => w);
    // An opportunity list also has customers, amounts and dates: it gets the pipeline only.
    workflows = fitting.includes("pipeline") ? ["pipeline"] : fitting;
    for (const { w, a } of analyses) if (workflows.includes(w)) analysed.set(w, a);
    if (workflows.length === 0) {
      // Per workflow, the required roles no header names: what --map would have to say.
      const lacking = analyses.map(
        ({ w, a }) => `${w} lacks ${unnamedRoles(a, w).join(", ") || "readable rows"}`
      );
      throw new InputProblem(
        `${where}: no report fits this data (by the column headers: ${lacking.join("; ")}; ` +
          `columns: ${describeColumns(analyses[0].a)}); choose one with --workflow and --map`
      );
    }
    say(
      command,
      `${where}: ${workflows.join(", ")} (chosen from the columns; --workflow to choose)`
    );
  }
  const outcomes: WorkflowOutcome[] = [];
  for (const workflow of workflows) {
    say(command, `${workflow}: building`);
    const started = Date.now();
    try {
      const analysis = analysed.get(workflow);
      analysed.delete(workflow);
      const built = await runWorkflow({
        ...base,
        workflow,
        analysis,
        onProgress: progressLine(command, workflow),
      });
      say(command, `${workflow}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      outcomes.push({ workflow, built });
    } catch (e) {
      if (e instanceof UsageProblem) throw e;
      const failure =
        e instanceof WorkflowFailure
          ? e
          : new WorkflowFailure(workflow, where, e instanceof Error ? e.message : String(e));
      // Alone, the failure is the run's one line (exit status 1); among others it is said now.
      if (workflows.length > 1)
        say(command, `${failure.where}: ${workflow}: not written: ${oneLine(failure.reason)}`);
      outcomes.push({ workflow, failure });
    }
  }
  return { where, outcomes };
}

/** Messages are one line: a line break inside one would split it on the terminal. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ");
}

/** One workflow's entry of `kam report --json`: what was written and assumed, or why not. */
export type WorkflowJson =
  | { id: WorkflowId; error: string }
  | {
      id: WorkflowId;
      /** The report sheet's name in the workbook written (the first, when it wrote several). */
      sheet: string;
      /** Every sheet it wrote, when more than one (e.g. an index and one sheet per account). */
      sheets?: string[];
      /** Role -> the header of the column that played it. */
      columns: Partial<Record<Role, string>>;
      rows: { used: number; skipped: number };
      /** The order year-last text dates were read in ("mdy", "dmy"); null when there were none. */
      dateOrder: DateOrder | null;
      figures: Record<string, ReportFigure>;
      warnings: string[];
    };

/** One workflow's entry of `kam report --json`. */
export function workflowJson(outcome: WorkflowOutcome, sheetNames?: string[]): WorkflowJson {
  if ("failure" in outcome) return { id: outcome.workflow, error: oneLine(outcome.failure.reason) };
  const { reports, analysis, badRows: bad } = outcome.built;
  const report = reports[0];
  const names = sheetNames ?? reports.map((r) => r.name);
  const columns: Partial<Record<Role, string>> = {};
  for (const { role } of WORKFLOW_ROLES[outcome.workflow]) {
    const index = analysis.mapping[role];
    if (index !== undefined) columns[role] = analysis.headers[index] ?? columnLetters(index);
  }
  // An amount (a forecast's value) computed from two columns: "Quantity × UnitPrice".
  const d = analysis.derived;
  if (d && columns[d.role] === undefined) {
    const name = (i: number) => analysis.headers[i] ?? columnLetters(i);
    columns[d.role] = `${name(d.quantity)} × ${name(d.unitPrice)}`;
  }
  const warnings = [...new Set(reports.flatMap((r) => r.warnings ?? []))];
  if (bad.length > 0)
    warnings.push(
      `${bad.length} row${bad.length === 1 ? "" : "s"} with cells that cannot be read left out (--skip-bad-rows); first: ${bad[0].reason}`
    );
  return {
    id: outcome.workflow,
    sheet: names[0],
    ...(names.length > 1 ? { sheets: names } : {}),
    columns,
    rows: { used: analysis.kept, skipped: analysis.skippedCount },
    dateOrder: analysis.dateOrder ?? null,
    figures: report.figures ?? {},
    warnings,
  };
}

/** Sheets of at least this many cells get progress lines within them while written. */
const LARGE_SHEET_CELLS = 20_000;

/**
 * The writing's progress as lines on stderr: each sheet as it starts ("writing KAM Accounts (sheet 1
 * of 5)"), the share written of a large sheet (about every 10%, at most every half second, as the
 * builders' progress), and the packing of the file, which the library does in one go.
 */
export function writingProgress(command: string): (step: WriteStep) => void {
  let within: ((done: number, total: number) => void) | undefined;
  return (step) => {
    if (step.sheet === undefined) {
      if (step.done === 0) say(command, "packing the workbook (compressing its sheets)");
      return;
    }
    if (step.done === 0) {
      say(command, `writing ${step.sheet} (sheet ${step.index} of ${step.count})`);
      within =
        step.total >= LARGE_SHEET_CELLS
          ? progressLine(command, `writing ${step.sheet}`)
          : undefined;
      return;
    }
    within?.(step.done, step.total);
  };
}

/**
 * Reads the input and builds the reports. The input's cells and the rows each workflow read are
 * not kept past this function (only the reports and what --json says), so the writing has the
 * memory they took: a 1,048,576-row file holds gigabytes of them.
 */
async function readAndBuild(options: ReportArgs): Promise<ReportRun> {
  say("report", `reading ${options.input}`);
  const sheets = await readInput(options.input);
  const sheet = chooseSheet(sheets, options.input, options.sheet);
  const rows = sheet.values.length.toLocaleString("en-US");
  say("report", isCsv(options.input) ? `${rows} rows` : `sheet ${sheet.name}: ${rows} rows`);
  const extras = await readExtras(options.extras, {
    lang: options.lang,
    dateOrder: options.dateOrder,
    readFile: readInput,
    chooseSheet,
    isCsv,
    input: options.input,
    inputSheets: sheets,
    note: (text) => say("report", text),
  });
  options.settings.extras = extras;
  const run = await reportSheets(options, sheet);
  for (const outcome of run.outcomes) if ("built" in outcome) delete outcome.built.analysis.dataset;
  return run;
}

/** Runs `kam report`; resolves to the exit status. */
export async function runReport(args: readonly string[]): Promise<number> {
  const options = parseReportArgs(args);
  if (!options) {
    process.stdout.write(REPORT_HELP);
    return 0;
  }
  // Before any work: --out is writable and none of the inputs (by real path: a link counts).
  checkOutput(options.output, options.force, [
    options.input,
    ...(options.stagesFile ? [options.stagesFile] : []),
    ...Object.entries(options.extras).map(
      ([id, value]) => parseExtraRef(id as ExtraId, value as string, options.input).file
    ),
  ]);
  if (options.stagesFile) options.settings.stages = readStages(options.stagesFile);
  const run = await readAndBuild(options);
  const built = run.outcomes.filter(
    (o): o is { workflow: WorkflowId; built: BuiltReport } => "built" in o
  );
  const failed = run.outcomes.filter(
    (o): o is { workflow: WorkflowId; failure: WorkflowFailure } => "failure" in o
  );
  const json = (names: string[]) => {
    if (!options.json) return;
    let k = 0;
    const entries = run.outcomes.map((o) => {
      if (!("built" in o)) return workflowJson(o);
      const count = o.built.reports.length;
      k += count;
      return workflowJson(o, names.slice(k - count, k));
    });
    process.stdout.write(`${JSON.stringify({ workflows: entries }, null, 2)}\n`);
  };
  if (built.length === 0) {
    json([]);
    if (failed.length === 1) throw failed[0].failure;
    throw new InputProblem(
      `${run.where}: no report could be written (${failed.map((f) => f.workflow).join(", ")} failed, above)`
    );
  }
  say("report", "writing the workbook");
  const { bytes, written } = await workbookBytes(
    { sheets: built.flatMap((b) => b.built.reports) },
    { lang: options.lang, onProgress: options.progress ? writingProgress("report") : undefined }
  );
  writeOutput(options.output, bytes, options.force);
  const names = written.sheets.map((s) => s.name);
  say("report", `wrote ${options.output} (${names.join(", ")})`);
  json(names);
  if (failed.length > 0) {
    say(
      "report",
      `${failed.length} of ${run.outcomes.length} reports not written: ${failed.map((f) => f.workflow).join(", ")} (exit status ${PARTIAL_EXIT})`
    );
    return PARTIAL_EXIT;
  }
  return 0;
}
