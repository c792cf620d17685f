// The extra sources of `kam report` (src/report/roles.ts, ExtraId): one flag per source, e.g.
// --contacts contacts.xlsx, --facts facts.csv#Sheet2, --targets "#Targets" (a sheet of the --in
// workbook). Each is read by the same source reader with its own roles; its problems stop the run
// with a line naming the flag and the file, and what the reader noticed is said on stderr.

import path from "node:path";
import { DateOrder } from "../cells/dates";
import { Lang } from "../i18n/lang";
import { WORKFLOWS, WorkflowId } from "../report/model";
import { Dataset, EXTRA_IDS, EXTRA_ROLES, ExtraId, WORKFLOW_EXTRAS } from "../report/roles";
import { analyseSource } from "../report/source";
import { InputProblem, UsageProblem } from "./common";
import { SheetValues } from "./read";

/** What each extra source's flag reads, for the help. */
const EXTRA_HELP: Readonly<Record<ExtraId, string>> = {
  opportunities: "an opportunity list (stage, amount, close date; created date)",
  orders: "an order list (customer, date, amount; owner, product, profit)",
  contacts: "the buying centre (account, name; title, role, attitude, last contact)",
  facts: "the customer's financials by year (account, year, revenue, net profit, assets...)",
  targets: "targets (owner or team, period, target)",
  snapshot: "an earlier export of the opportunity list (id, stage, amount, close date)",
  owners: "which owner holds which account (customer, owner)",
};

/** The workflows that take an extra source. */
function takers(id: ExtraId): WorkflowId[] {
  return WORKFLOWS.filter((w) => WORKFLOW_EXTRAS[w].includes(id));
}

/** The extra sources some workflow takes: the flags `kam report` accepts. */
export function extraFlags(): ExtraId[] {
  return EXTRA_IDS.filter((id) => takers(id).length > 0);
}

/** Help lines for the extra-source flags (none while no workflow takes one). */
export function extraHelp(): string {
  const flags = extraFlags();
  if (flags.length === 0) return "";
  const lines = flags.map(
    (id) =>
      `  --${id} FILE[#SHEET]\n                    ${EXTRA_HELP[id]}; for ${takers(id).join(", ")}.`
  );
  return (
    `${lines.join("\n")}\n` +
    "                    FILE is an .xlsx or .csv file; #SHEET names its sheet, or alone\n" +
    '                    ("#Contacts") a sheet of the --in workbook.\n'
  );
}

/** Where an extra source's flag points: a file (or the --in workbook) and maybe a sheet. */
export interface ExtraRef {
  file: string;
  sheet?: string;
}

/** Splits a flag's value FILE#SHEET; "#SHEET" alone is a sheet of `input`. */
export function parseExtraRef(id: ExtraId, value: string, input: string): ExtraRef {
  const hash = value.lastIndexOf("#");
  const file = hash >= 0 ? value.slice(0, hash) : value;
  const sheet = hash >= 0 ? value.slice(hash + 1) : undefined;
  if (hash >= 0 && sheet === "")
    throw new UsageProblem(`--${id} ${JSON.stringify(value)}: name the sheet after #`);
  if (file === "" && sheet === undefined)
    throw new UsageProblem(`--${id} needs a file (FILE, FILE#SHEET or #SHEET)`);
  return { file: file === "" ? input : file, sheet };
}

export interface ExtraReadContext {
  lang: Lang;
  dateOrder?: DateOrder;
  /** Reads a file's sheets (the --in workbook's are passed in `inputSheets`). */
  readFile: (file: string) => Promise<SheetValues[]>;
  chooseSheet: (sheets: SheetValues[], file: string, name?: string) => SheetValues;
  isCsv: (file: string) => boolean;
  input: string;
  inputSheets: SheetValues[];
  note: (text: string) => void;
}

/** Reads each extra source given into a Dataset; problems stop the run naming the flag. */
export async function readExtras(
  given: Partial<Record<ExtraId, string>>,
  ctx: ExtraReadContext
): Promise<Partial<Record<ExtraId, Dataset>>> {
  const out: Partial<Record<ExtraId, Dataset>> = {};
  for (const id of EXTRA_IDS) {
    const value = given[id];
    if (value === undefined) continue;
    const ref = parseExtraRef(id, value, ctx.input);
    const same = path.resolve(ref.file) === path.resolve(ctx.input);
    const sheets = same ? ctx.inputSheets : await ctx.readFile(ref.file);
    const sheet = ctx.chooseSheet(sheets, ref.file, ref.sheet);
    const csv = ctx.isCsv(ref.file);
    const where = csv ? ref.file : `${ref.file}, sheet ${sheet.name}`;
    out[id] = extraDataset(id, sheet, where, csv, { ...ctx, flag: `--${id}` });
  }
  return out;
}

/**
 * One sheet read as the extra source `id`: its rows as a Dataset, what was assumed and left out said
 * through `note`; a sheet that cannot be read stops the run naming `flag` (the option that gave it,
 * if any) and `where`.
 */
export function extraDataset(
  id: ExtraId,
  sheet: SheetValues,
  where: string,
  csv: boolean,
  ctx: Pick<ExtraReadContext, "lang" | "dateOrder" | "note"> & { flag?: string }
): Dataset {
  const flag = ctx.flag ?? "";
  const analysis = analyseSource(sheet.values, id, {
    lang: ctx.lang,
    origin: { sheet: csv ? "" : sheet.name, row: 0, column: 0 },
    formats: sheet.formats,
    dateOrder: ctx.dateOrder,
    maxIssues: 1_000,
  });
  if (analysis.problems.length > 0 || !analysis.dataset)
    throw new InputProblem(
      `${flag ? `${flag} ` : ""}${where}: ${analysis.problems[0] ?? "no usable rows"}`
    );
  for (const n of analysis.notes) ctx.note(`${flag}: ${n}`);
  if (analysis.skippedCount > 0) {
    ctx.note(`${flag}: left out ${analysis.skippedCount} row(s):`);
    for (const r of analysis.skipped.slice(0, 5)) ctx.note(`  ${r.reason}`);
  }
  const columns = EXTRA_ROLES[id]
    .filter(({ role }) => analysis.mapping[role] !== undefined)
    .map(({ role }) => `${role}: ${analysis.headers[analysis.mapping[role] as number]}`)
    .join(", ");
  ctx.note(`${flag}: ${where}, ${analysis.kept} rows (${columns})`);
  return analysis.dataset;
}
