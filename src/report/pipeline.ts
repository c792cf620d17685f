// The Pipeline report: the weighted funnel by stage, the win probabilities learned from the closed
// deals beside the stage table's with a back-test of each (../engine/team/probabilities.ts), the
// pipeline by period of close date against the target (KAM.PIPELINE_FORECAST's rows with gap and
// coverage), the overdue open deals, the open deals without an amount, and charts. The probabilities
// that weight the open deals are the option `probabilities`' (learned per stage by default, where
// enough closed deals back a stage; the stage table's otherwise).

import { checkOptions } from "./options";
import { sum } from "../engine/numeric";
import { Outcome } from "../engine/pipeline/conversion";
import { pipelineCoverage } from "../engine/pipeline/coverage";
import { pipelineForecast, PipelineForecast, PipelineGrain } from "../engine/pipeline/forecast";
import {
  CATEGORY_NAMES,
  categoryOfProbability,
  classifyStage,
  DEFAULT_STAGE_TABLE,
  ForecastCategory,
  formatPercent,
  LOST_STAGE,
  Stage,
  StageTable,
  stageKey,
  stageTableOf,
  weightedAmounts,
} from "../engine/pipeline/funnel";
import { LearnedProbabilities, learnStageProbabilities } from "../engine/pipeline/learn";
import { gapToTarget } from "../engine/plan/gap";
import { pareto } from "../engine/accounts/pareto";
import { isoFromSerial, periodLabel, serialFromYmd } from "../engine/calendar";
import { AsOfRule, PIPELINE_REPORT, PipelineReportText, StageCount } from "../i18n/report.pipeline";
import { PLAN_LABELS, pipelineFigures, pipelineRowLabel } from "../i18n/results.plan";
import { booleanArg, dateArg, kamCall, numberArg, textArg } from "./formulas";
import { ProductBasis, wonAmountByProduct } from "../engine/pipeline/estimate";
import {
  Area,
  BuildOptions,
  CellContent,
  FormulaCell,
  NumberFormat,
  ReportFigure,
  ReportSheet,
  a1,
  areaA1,
  columnLetters,
} from "./model";
import { ticker } from "./progress";
import { writeBacktestSection } from "./backtestSection";
import { Deal } from "../engine/team/deals";
import {
  Backtest,
  backtest,
  LearnedModel,
  learnModel,
  ProbabilityMethod,
  probabilityOf,
  UNKNOWN_STAGE_TEXTBOOK,
} from "../engine/team/probabilities";
import { MIN_CLOSED_DEALS } from "../engine/team/winrate";
import { Dataset } from "./roles";
import { ColumnSpec, PlacedTable, SheetBuilder, userText } from "./sheet";
import { Lang } from "../i18n/lang";

export type { StageCount } from "../i18n/report.pipeline";

/** A stage of a company's own stage table: name, probability (0..1 or "50%"), forecast category. */
export interface StageEntry {
  name: string;
  probability: number | string;
  category?: string | null;
}

export interface PipelineOptions {
  /** Any day of the first period (Excel serial). Default: the as-of date. */
  start?: number;
  /** Number of periods, 1..600. Default 12. */
  periods?: number;
  /** Default "month". */
  grain?: PipelineGrain;
  /** One target for every period, or one per period. */
  targets?: number | readonly number[];
  /** The company's own stages, replacing the defaults. */
  stageTable?: StageTable | readonly StageEntry[];
  /** The as-of date (Excel serial): open deals closing before it are overdue, and the periods start
   *  with its period. Default: the latest close date of a won or lost deal (the last day with
   *  actuals); when no won or lost deal has a close date, `today`. */
  asOf?: number;
  /** Today (Excel serial), the as-of date of last resort. Default: the computer's date. */
  today?: number;
  /** Which probabilities weight the open deals: "learned" per stage (default), "textbook" (the stage
   *  table's: the textbook 10/30/50/70% or the company's), learned per "rep" or per deal-size "band".
   *  A learned rate is used only when at least minClosed closed deals back it, else the stage table's
   *  probability. A stage table given (stageTable) stays authoritative under "learned": the learned
   *  rates are shown beside it, and weight the pipeline only per rep or band, when chosen. */
  probabilities?: ProbabilitiesOption;
  /** Closed deals a learned rate needs (default MIN_CLOSED_DEALS, 20). */
  minClosed?: number;
}

export type ProbabilitiesOption = "learned" | "textbook" | "rep" | "band";

/** The option's choices as the engine names them (learned per stage is its "stage" method). */
const METHOD_OF: Record<ProbabilitiesOption, ProbabilityMethod> = {
  learned: "stage",
  textbook: "textbook",
  rep: "rep",
  band: "band",
};
const OPTION_OF: Record<ProbabilityMethod, ProbabilitiesOption> = {
  stage: "learned",
  textbook: "textbook",
  rep: "rep",
  band: "band",
};

/** CRM exports list lost deals: the report's default stages add Lost (0%, left out of forecasts). */
export const REPORT_STAGE_TABLE = new StageTable([...DEFAULT_STAGE_TABLE.stages, LOST_STAGE]);

const OPEN: ReadonlySet<ForecastCategory> = new Set(["pipeline", "bestCase", "commit"]);

const COLORS = {
  bar: "#5B9BD5",
  line: "#ED7D31",
  won: "#70AD47",
  badFill: "#FFC7CE",
  badText: "#9C0006",
  warnFill: "#FFEB9C",
  warnText: "#9C5700",
};

const n = (v: number) => v.toLocaleString("en-US");

const fail = (message: string): never => {
  throw new Error(message);
};

const formula = (text: string, value: number): FormulaCell => ({ formula: text, value });
const rowAbs = (row: number, column: number) => `${columnLetters(column)}$${row + 1}`;

// ---------------------------------------------------------------------------------------------
// Stages: which the table knows, which it does not, and the probabilities learned from closed deals.

/** What the stage column holds, checked against a stage table (see checkStages). */
export interface StageCheck {
  /** The table's stages the data use, in the table's order: the table's name, the name the report
   *  shows (the zh-CN name of a default stage in Chinese), probability, category, deals. */
  known: {
    name: string;
    label: string;
    probability: number;
    category: ForecastCategory;
    count: number;
  }[];
  /** Stages written as a probability ("50%"), by probability. */
  probabilities: { probability: number; count: number }[];
  /** Stages the table does not know, in order of first appearance: the name as written (trimmed),
   *  deals, the first sheet row. */
  unknown: StageCount[];
  /** Deals in a Closed stage (won), an Omitted stage (lost) and an open stage (unknown ones included). */
  won: number;
  lost: number;
  open: number;
  /** The win probability learned from the closed deals, won ÷ (won + lost), which unknown stages take:
   *  present when there are won and lost deals (and some open stage to learn). */
  learned?: number;
  /** The sheet's note on the unknown stages and the probability they take, in the report language. */
  note?: string;
  /** What Create would stop with, in the report language: unknown stages with nothing to learn from
   *  (no won or no lost deal), or a bad stage table. */
  error?: string;
}

interface StageAnalysis {
  check: StageCheck;
  table: StageTable;
  /** Per row: win probability and forecast category (an unknown stage: learned, Pipeline). */
  probabilities: number[];
  categories: ForecastCategory[];
  /** Per row: the table's stage, when the row names one. */
  named: (Stage | undefined)[];
  /** Per row: index into check.unknown, or -1. */
  unknownOf: Int32Array;
  /** The table's open stages in order: with the unknown ones after them, the stages learned. */
  openStages: Stage[];
  /** Learned from the closed deals (open stages: openStages, then the unknown ones). */
  learning?: LearnedProbabilities;
}

/** The report's stage table: the default one (with Lost), a StageTable, or the company's entries. */
function resolveTable(
  given: StageTable | readonly StageEntry[] | undefined,
  L: PipelineReportText
): { table: StageTable } | { error: string } {
  if (given === undefined) return { table: REPORT_STAGE_TABLE };
  if (given instanceof StageTable) return { table: given };
  const built = stageTableOf(given);
  if (!built.ok) return { error: L.errors.stageTable(built.index + 1, built.problem) };
  return { table: built.table };
}

/** A stage's name as the report shows it: the zh-CN name of a default stage in Chinese. */
function stageLabel(s: Stage, lang: Lang): string {
  return lang === "zh" && s.aliases.length > 0 ? s.aliases[0] : s.name;
}

/** "Prospect (10%), Intent (30%), ..." in the report language, for messages. */
function describeStages(table: StageTable, lang: Lang): string {
  return table.stages
    .map((s) => `${stageLabel(s, lang)} (${formatPercent(s.probability)})`)
    .join(PIPELINE_REPORT[lang].listSeparator);
}

function analyseStages(
  stages: readonly string[],
  given: StageTable | readonly StageEntry[] | undefined,
  lang: Lang,
  rowOf: (i: number) => number
): StageAnalysis {
  const L = PIPELINE_REPORT[lang];
  const resolved = resolveTable(given, L);
  const empty: StageCheck = { known: [], probabilities: [], unknown: [], won: 0, lost: 0, open: 0 };
  if ("error" in resolved) {
    return {
      check: { ...empty, error: resolved.error },
      table: REPORT_STAGE_TABLE,
      probabilities: [],
      categories: [],
      named: [],
      unknownOf: new Int32Array(0),
      openStages: [],
    };
  }
  const table = resolved.table;
  const count = stages.length;
  const probabilities = new Array<number>(count);
  const categories = new Array<ForecastCategory>(count);
  const named = new Array<Stage | undefined>(count);
  const unknownOf = new Int32Array(count).fill(-1);
  const knownCount = new Map<Stage, number>();
  const byProbability = new Map<number, number>();
  const unknown: StageCount[] = [];
  const unknownIndex = new Map<string, number>();
  const outcomes = new Array<Outcome>(count);
  let won = 0;
  let lost = 0;
  for (let i = 0; i < count; i++) {
    const stage = stages[i];
    const res = classifyStage(stage, table);
    if (res.ok) {
      probabilities[i] = res.probability;
      categories[i] = res.category;
      const s = table.find(stage);
      named[i] = s;
      if (s) knownCount.set(s, (knownCount.get(s) ?? 0) + 1);
      else byProbability.set(res.probability, (byProbability.get(res.probability) ?? 0) + 1);
    } else {
      const key = stageKey(String(stage));
      let k = unknownIndex.get(key);
      if (k === undefined) {
        k = unknown.length;
        unknownIndex.set(key, k);
        unknown.push({ name: String(stage).trim(), count: 0, row: rowOf(i) });
      }
      unknown[k].count++;
      unknownOf[i] = k;
      probabilities[i] = 0;
      categories[i] = "pipeline";
    }
    const c = categories[i];
    outcomes[i] = c === "closed" ? "won" : c === "omitted" ? "lost" : "open";
    if (c === "closed") won++;
    else if (c === "omitted") lost++;
  }
  const openStages = table.stages.filter((s) => OPEN.has(categoryOfStage(s)));
  const learnable = openStages.length + unknown.length;
  const learning =
    won > 0 && lost > 0 && learnable > 0 ? learnStageProbabilities(learnable, outcomes) : undefined;
  const unknownProbability = (k: number) =>
    learning?.stages[openStages.length + k].probability ?? 0;
  if (learning && unknown.length > 0)
    for (let i = 0; i < count; i++)
      if (unknownOf[i] >= 0) probabilities[i] = unknownProbability(unknownOf[i]);
  const learned = learning?.stages[learning.stages.length - 1].probability;
  const check: StageCheck = {
    known: table.stages
      .filter((s) => knownCount.has(s))
      .map((s) => ({
        name: s.name,
        label: stageLabel(s, lang),
        probability: s.probability,
        category: categoryOfStage(s),
        count: knownCount.get(s) ?? 0,
      })),
    probabilities: [...byProbability]
      .sort((p, q) => p[0] - q[0])
      .map(([probability, c]) => ({ probability, count: c })),
    unknown,
    won,
    lost,
    open: count - won - lost,
    ...(learned !== undefined ? { learned } : {}),
  };
  if (unknown.length > 0) {
    if (learned !== undefined) check.note = L.notes.learnedUsed(learned, unknown);
    else check.error = L.errors.unknownStages(unknown, describeStages(table, lang), won, lost);
  }
  return { check, table, probabilities, categories, named, unknownOf, openStages, learning };
}

/**
 * Checks an opportunity list's stage column against a stage table before the report is built (the
 * pane's preview): the stages the table knows, those written as probabilities, the unknown ones with
 * their deals and first row, and what the report will do about them — take the win probability
 * learned from the closed deals (`learned`, `note`), or stop (`error`, also for a bad stage table).
 * `table` defaults to the report's stages (Prospect … Won, Lost, with CRM synonyms such as Closed Won);
 * `sheetRows[i]` is the sheet row of stages[i] (Dataset.sheetRows; default i + 1) for messages.
 */
export function checkStages(
  stages: readonly string[],
  table?: StageTable | readonly StageEntry[],
  lang: Lang = "en",
  sheetRows?: readonly number[]
): StageCheck {
  return analyseStages(stages, table, lang, (i) => sheetRows?.[i] ?? i + 1).check;
}

// ---------------------------------------------------------------------------------------------
// The report's model.

interface StageGroup {
  label: string;
  probability: number;
  category: ForecastCategory;
  deals: number[];
  /** Sum of the known amounts. */
  amount: number;
  weighted: number;
  /** Deals without an amount. */
  noAmount: number;
  /** Share of the open deals' weighted amount (open stages only). */
  share?: number;
}

interface OverdueDeal {
  index: number;
  close: number;
  days: number;
}

interface Model {
  amounts: readonly (number | null)[];
  stages: string[];
  closes: readonly (number | null)[];
  probabilities: number[];
  categories: ForecastCategory[];
  groups: StageGroup[];
  /** The first groups that make the stage table (the table's stages and the learned ones). */
  tableStages: number;
  stagesAnalysis: StageAnalysis;
  forecast: PipelineForecast;
  grain: PipelineGrain;
  periods: number;
  targets?: number[];
  asOf: number;
  asOfRule: AsOfRule;
  startGiven: boolean;
  overdue: OverdueDeal[];
  open: number[];
  /** Open deals without an amount, in data order. */
  openNoAmount: number[];
  wonNoAmount: number;
  openNoDate: number;
  wonNoDate: number;
  /** The product of each deal, when the data have a product column. */
  products?: readonly string[];
  /** With a product column: per open deal without an amount (by index) the average won amount of
   *  its product, the estimate offered for it (never added to the pipeline); deals whose product
   *  was never won have none. */
  estimates?: Map<number, ProductBasis>;
  /** The sum of those estimates. */
  estimateTotal: number;
  /** Some amount or close date is blank (live formulas cannot take it). */
  blanks: boolean;
  stageTableGiven: boolean;
  /** A stage written otherwise than the stage rows a live formula would read (live mode is off). */
  liveStageMismatch?: string;
  /** The probabilities asked for, and those that weight the open deals (a stage table given keeps
   *  its own under "learned"), with the closed deals a learned rate needs. */
  asked: ProbabilityMethod;
  method: ProbabilityMethod;
  minClosed: number;
  /** What the closed deals teach (per stage, rep and deal-size band). */
  learned: LearnedModel;
  /** The list has won and lost deals, which learned rates need. */
  canLearn: boolean;
  /** Per row: the stage table's probability (an unknown stage: the learned one) before the method. */
  tableProbabilities: number[];
  /** Per row: an open deal weighted by a learned rate. */
  learnedRow: boolean[];
  /** Deals of one stage weighted by different probabilities (per rep or band): a stage's
   *  probability is then its weighted ÷ amount, and live formulas (one probability per stage) are off. */
  mixed: boolean;
  /** The back-test of each method on the last full quarter (needs created dates). */
  backtest?: Backtest;
  hasCreated: boolean;
}

/** Builds the Pipeline report sheet from an opportunity list (roles amount, stage, closeDate). */
export async function buildPipelineReport(
  data: Dataset,
  options: BuildOptions & PipelineOptions
): Promise<ReportSheet> {
  const L = PIPELINE_REPORT[options.lang];
  const tick = ticker(4, options);
  const model = compute(data, options, options.lang, L);
  await tick(1);
  const live =
    options.live === true &&
    !model.blanks &&
    model.liveStageMismatch === undefined &&
    !model.mixed &&
    data.addresses.amount !== undefined &&
    data.addresses.stage !== undefined &&
    data.addresses.closeDate !== undefined;
  const source = options.source ?? data.source;
  const b = new SheetBuilder("pipeline", L.sheetName, { ...options, source, live });
  const f = model.forecast;
  b.title(
    L.title,
    L.subtitle(
      source,
      model.amounts.length,
      model.open.length,
      model.periods,
      model.grain,
      periodLabel(f.start, model.grain)
    )
  );
  const warnings = layout(b, model, data, options, L, live);
  await tick(4);
  const sheet = b.build();
  sheet.figures = figuresOf(model);
  sheet.warnings = warnings;
  return sheet;
}

/**
 * The key figures of `kam report --json` (sheet.figures):
 * - open_deals: the number of open deals (stages in the Pipeline, Best case or Commit category, and
 *   unknown stages that take a learned probability), those without an amount or close date included;
 * - open_amount: the sum of the open deals' known amounts (a deal without an amount adds nothing);
 * - weighted: the weighted open pipeline, the sum over open deals of amount × win probability
 *   (won deals are not in it);
 * - won: the sum of the won deals' amounts (Closed category, every close date);
 * - lost: the number of lost deals (Omitted category: Lost, or a stage of the company's table that is
 *   left out of forecasts);
 * - as_of: the as-of date, yyyy-mm-dd (given, else the latest close date of a won or lost deal,
 *   else today): open deals closing before it are overdue, and the periods start with its period;
 * - open_estimate (with a product column and open deals without an amount): the sum of their
 *   estimates, each the average won amount of the deal's product; estimated: how many have one;
 * - probabilities: the probabilities that weighted the open deals (`method`: learned, textbook, rep
 *   or band) and those asked for (`asked`), `min_closed`, the won and lost deals the learned rates
 *   rest on (`closed_deals`), the open deals on a learned rate (`learned_deals`), and per open stage
 *   the stage table's probability (`textbook`, null for a stage it does not know), the learned one,
 *   the closed and won deals behind it and what weighted it (`used`);
 * - backtest (with created dates): the quarter (`start`, `end`), the deals in the pipeline on its
 *   first day, the deals closed before it (`training_deals`), the won amount they brought (`actual`),
 *   the won amount of deals created during it, and each method's forecast and absolute % error.
 */
function figuresOf(model: Model): Record<string, ReportFigure> {
  const openAmounts = model.open.flatMap((i) => {
    const a = model.amounts[i];
    return a === null ? [] : [a];
  });
  const openWeighted = model.open.flatMap((i) => {
    const a = model.amounts[i];
    return a === null ? [] : [a * model.probabilities[i]];
  });
  const won = model.categories.flatMap((c, i) => {
    const a = model.amounts[i];
    return c === "closed" && a !== null ? [a] : [];
  });
  const estimate: Record<string, ReportFigure> = model.estimates
    ? { open_estimate: model.estimateTotal, estimated: model.estimates.size }
    : {};
  return {
    open_deals: model.open.length,
    open_amount: sum(openAmounts),
    weighted: sum(openWeighted),
    won: sum(won),
    lost: model.categories.filter((c) => c === "omitted").length,
    as_of: isoFromSerial(model.asOf),
    ...estimate,
    probabilities: {
      method: OPTION_OF[model.method],
      asked: OPTION_OF[model.asked],
      min_closed: model.minClosed,
      closed_deals: model.learned.all.won + model.learned.all.lost,
      learned_deals: model.open.filter((i) => model.learnedRow[i]).length,
      stages: stageRows(model, "en").map((r) => ({
        stage: r.label,
        textbook: r.table,
        learned: r.learned.probability ?? null,
        closed_deals: r.learned.reached,
        won_deals: r.learned.won,
        used: r.used.kind,
      })),
    },
    ...(model.backtest ? { backtest: backtestFigures(model.backtest) } : {}),
  };
}

/** The back-test in `kam report --json`: the quarter, the deals in the pipeline on its first day,
 *  what they brought, and each method's forecast (by the option's names). */
function backtestFigures(bt: Backtest): Record<string, ReportFigure> {
  return {
    start: isoFromSerial(bt.start),
    end: isoFromSerial(bt.end),
    deals: bt.deals,
    training_deals: bt.trainingDeals,
    actual: bt.actual,
    won_from_new_deals: bt.wonFromNewDeals,
    forecast: Object.fromEntries(bt.rows.map((r) => [OPTION_OF[r.method], r.forecast])),
    abs_percent_error: Object.fromEntries(
      bt.rows.map((r) => [OPTION_OF[r.method], r.absPercentError ?? null])
    ),
  };
}

/** How a stage's open deals were weighted (the Used column). */
export type StageUse =
  | { kind: "learned" | "below" | "table" | "unknown" }
  | { kind: "rep" | "band"; learned: number; deals: number };

interface StageRow {
  label: string;
  /** The stage table's probability; null for a stage it does not know. */
  table: number | null;
  learned: { reached: number; won: number; probability?: number };
  used: StageUse;
}

/** The open stages side by side: the stage table's probability, the learned one with the closed
 *  deals behind it, and what weighted the stage's open deals. */
function stageRows(model: Model, lang: Lang): StageRow[] {
  const st = model.stagesAnalysis;
  const learning = st.learning;
  const none = { reached: 0, won: 0 };
  const use = (deals: number[], known: boolean, reached: number): StageUse => {
    const open = deals.filter((i) => OPEN.has(model.categories[i]));
    const learned = open.filter((i) => model.learnedRow[i]).length;
    if (model.method === "rep" || model.method === "band")
      return { kind: model.method, learned, deals: open.length };
    if (!known) return { kind: "unknown" };
    if (model.method === "textbook") return { kind: "table" };
    const met = open.length > 0 ? learned > 0 : reached >= model.minClosed;
    return { kind: met ? "learned" : "below" };
  };
  const dealsWhere = (keep: (i: number) => boolean) =>
    model.stages.flatMap((_, i) => (keep(i) ? [i] : []));
  return [
    ...st.openStages.map((s, k) => {
      const learned = learning?.stages[k] ?? none;
      return {
        label: stageLabel(s, lang),
        table: s.probability as number | null,
        learned,
        used: use(
          dealsWhere((i) => st.named[i] === s),
          true,
          learned.reached
        ),
      };
    }),
    ...st.check.unknown.map((u, k) => {
      const learned = learning?.stages[st.openStages.length + k] ?? none;
      return {
        label: u.name,
        table: null,
        learned,
        used: use(
          dealsWhere((i) => st.unknownOf[i] === k),
          false,
          learned.reached
        ),
      };
    }),
  ];
}

/** Today as an Excel serial (the computer's local date). */
function todaySerial(): number {
  const d = new Date();
  return serialFromYmd(d.getFullYear(), d.getMonth() + 1, d.getDate()) ?? 0;
}

function compute(
  data: Dataset,
  options: PipelineOptions,
  lang: Lang,
  L: PipelineReportText
): Model {
  // Each option's bounds (src/report/options.ts); `start` and `today` are not user options.
  checkOptions("pipeline", options, (key, bounds) => {
    const t = options.targets;
    const first = typeof t === "number" ? t : t?.find((v) => !(Number.isFinite(v) && v >= 0));
    return key === "targets" ? L.errors.target(Number(first)) : L.errors.option(key, bounds);
  });
  // A CRM export's open deals may have no amount or close date: those roles keep blank cells as null
  // in Dataset.sparse (a Dataset built without blanks may carry them in `numbers`).
  const amounts: readonly (number | null)[] | undefined =
    data.sparse?.amount ?? data.numbers.amount;
  const stages = data.text.stage;
  const closes: readonly (number | null)[] | undefined =
    data.sparse?.closeDate ?? data.numbers.closeDate;
  if (!amounts) return fail(L.errors.noColumn(L.roles.amount));
  if (!stages) return fail(L.errors.noColumn(L.roles.stage));
  if (!closes) return fail(L.errors.noColumn(L.roles.closeDate));
  if (amounts.length === 0 || data.rows === 0) fail(L.errors.noRows);
  if (stages.length !== amounts.length || closes.length !== amounts.length) fail(L.errors.lengths);
  for (const role of ["opportunity", "customer", "owner"] as const) {
    const col = data.text[role];
    if (col && col.length !== amounts.length) fail(L.errors.lengths);
  }
  const bad = (name: string, rule: string) => fail(L.errors.option(name, rule));
  const periods = options.periods ?? 12;
  const grain = options.grain ?? "month";
  for (const [name, v] of [
    ["start", options.start],
    ["today", options.today],
  ] as const) {
    if (v !== undefined && !Number.isFinite(v)) bad(name, "a date");
  }
  const rowOf = (i: number) => data.sheetRows[i] ?? i + 1;
  let blanks = false;
  for (let i = 0; i < amounts.length; i++) {
    const a = amounts[i];
    const c = closes[i];
    if (a === null || c === null) blanks = true;
    if (a !== null && !Number.isFinite(a)) fail(L.errors.notNumber(rowOf(i), L.roles.amount));
    if (c !== null && !Number.isFinite(c)) fail(L.errors.notNumber(rowOf(i), L.roles.closeDate));
  }

  const st = analyseStages(stages, options.stageTable, lang, rowOf);
  if (st.check.error !== undefined) fail(st.check.error);
  const { table, categories } = st;
  const tableProbabilities = st.probabilities;

  // The probabilities that weight the open deals (../engine/team/probabilities.ts): the learned rate
  // where enough closed deals back it, else the stage table's. A stage table the user gave stays
  // authoritative under the default (learned per stage).
  const asked = METHOD_OF[options.probabilities ?? "learned"];
  const minClosed = options.minClosed ?? MIN_CLOSED_DEALS;
  const created: readonly (number | null)[] | undefined =
    data.sparse?.created ?? data.numbers.created;
  if (created && created.length !== amounts.length) fail(L.errors.lengths);
  const owners = data.text.owner;
  const deals: Deal[] = stages.map((stage, i) => {
    const owner = owners?.[i] ?? "";
    const c = categories[i];
    return {
      owner: owner.trim() === "" ? null : owner,
      amount: amounts[i],
      stage,
      outcome: c === "closed" ? "won" : c === "omitted" ? "lost" : "open",
      close: closes[i],
      created: created?.[i] ?? null,
      category: c,
    };
  });
  const learnedModel = learnModel(deals, minClosed);
  // Nothing is learned without both won and lost deals (a list of won deals alone would learn 100%).
  const canLearn = learnedModel.all.won > 0 && learnedModel.all.lost > 0;
  const method: ProbabilityMethod =
    !canLearn || (options.stageTable !== undefined && asked === "stage") ? "textbook" : asked;
  const learnedRow = new Array<boolean>(deals.length).fill(false);
  const probabilities = tableProbabilities.map((p, i) => {
    if (!OPEN.has(categories[i])) return p;
    const used = probabilityOf(deals[i], p, method, learnedModel);
    learnedRow[i] = used.learned;
    return used.probability;
  });

  let targets: number[] | undefined;
  if (options.targets !== undefined) {
    const t = options.targets;
    targets = typeof t === "number" ? new Array<number>(periods).fill(t) : [...t];
    if (targets.length !== periods) fail(L.errors.targets(targets.length, periods));
    for (const v of targets) if (!(Number.isFinite(v) && v >= 0)) fail(L.errors.target(v));
  }

  // Stage groups: the table's open stages, the unknown stages (learned), the table's won stages, its
  // omitted ones, then stages written as probabilities. Where the data name their own stages, the
  // report's default open stages that no deal is in are left out.
  const unknown = st.check.unknown;
  const dropUnused = options.stageTable === undefined && unknown.length > 0;
  const used = new Set<Stage>();
  st.named.forEach((s) => {
    if (s) used.add(s);
  });
  const inCategory = (keep: (c: ForecastCategory) => boolean) =>
    table.stages.filter((s) => keep(categoryOfStage(s)));
  const group = (label: string, probability: number, category: ForecastCategory): StageGroup => ({
    label,
    probability,
    category,
    deals: [],
    amount: 0,
    weighted: 0,
    noAmount: 0,
  });
  const stageGroup = new Map<Stage, StageGroup>();
  const fromTable = (list: Stage[]) =>
    list.map((s) => {
      const g = group(stageLabel(s, lang), s.probability, categoryOfStage(s));
      stageGroup.set(s, g);
      return g;
    });
  const openGroups = fromTable(
    inCategory((c) => OPEN.has(c)).filter((s) => !dropUnused || used.has(s))
  );
  const learnedGroups = unknown.map((u, k) =>
    group(u.name, st.learning?.stages[st.openStages.length + k].probability ?? 0, "pipeline")
  );
  const closedGroups = fromTable(inCategory((c) => c === "closed"));
  const omittedGroups = fromTable(inCategory((c) => c === "omitted"));
  const groups = [...openGroups, ...learnedGroups, ...closedGroups, ...omittedGroups];
  const byProbability = new Map<number, StageGroup>();
  for (let i = 0; i < stages.length; i++) {
    const named = st.named[i];
    let g = named ? stageGroup.get(named) : undefined;
    if (!g && st.unknownOf[i] >= 0) g = learnedGroups[st.unknownOf[i]];
    if (!g) {
      const p = tableProbabilities[i];
      g = byProbability.get(p);
      if (!g) {
        g = group(formatPercent(p), p, categories[i]);
        byProbability.set(p, g);
      }
    }
    g.deals.push(i);
  }
  const extra = [...byProbability.values()].sort((p, q) => p.probability - q.probability);
  const all = [...groups, ...extra];
  for (const g of all) {
    const known = g.deals.filter((i) => amounts[i] !== null);
    const a = known.map((i) => amounts[i] ?? 0);
    g.noAmount = g.deals.length - known.length;
    g.amount = sum(a);
    g.weighted = sum(
      weightedAmounts(
        a,
        known.map((i) => probabilities[i])
      )
    );
  }
  // A stage's probability is its open deals' (the method's); where they differ (per rep or band),
  // its weighted ÷ amount (the mean probability without amounts), so Weighted = Amount × Probability.
  let mixed = false;
  for (const g of all) {
    const ps = g.deals.filter((i) => OPEN.has(categories[i])).map((i) => probabilities[i]);
    if (ps.length === 0) continue;
    if (ps.every((p) => p === ps[0])) g.probability = ps[0];
    else {
      mixed = true;
      g.probability = g.amount > 0 ? g.weighted / g.amount : sum(ps) / ps.length;
    }
  }
  // Shares of the weighted pipeline: open stages only (won revenue is not pipeline).
  const openAll = all.filter((g) => OPEN.has(g.category));
  const shares = pareto(
    openAll.map((_, k) => String(k)),
    openAll.map((g) => g.weighted)
  );
  if (shares.ok) for (const r of shares.value) openAll[Number(r.customer)].share = r.share;

  // As of: given; else the last day with actuals (the latest close date of a won or lost deal);
  // else today.
  let asOf = options.asOf;
  let asOfRule: AsOfRule = "given";
  if (asOf === undefined) {
    let latest = -Infinity;
    for (let i = 0; i < closes.length; i++) {
      const c = closes[i];
      if (c !== null && !OPEN.has(categories[i]) && c > latest) latest = c;
    }
    if (latest > -Infinity) {
      asOf = latest;
      asOfRule = "actuals";
    } else {
      asOf = options.today ?? todaySerial();
      asOfRule = "today";
    }
  }
  asOf = Math.floor(asOf);

  const forecast = pipelineForecast(amounts, probabilities, categories, closes, {
    start: options.start ?? asOf,
    periods,
    grain,
  });
  const open: number[] = [];
  const overdue: OverdueDeal[] = [];
  const openNoAmount: number[] = [];
  let wonNoAmount = 0;
  let openNoDate = 0;
  let wonNoDate = 0;
  categories.forEach((c, i) => {
    if (c === "closed") {
      if (amounts[i] === null) wonNoAmount++;
      if (closes[i] === null) wonNoDate++;
    }
    if (!OPEN.has(c)) return;
    open.push(i);
    if (amounts[i] === null) openNoAmount.push(i);
    const d = closes[i];
    if (d === null) {
      openNoDate++;
      return;
    }
    const close = Math.floor(d);
    if (close < asOf) overdue.push({ index: i, close, days: asOf - close });
  });
  // The live formula needs the stage rows when the table is the user's, a Lost stage is used or
  // stages are learned (KAM.PIPELINE_FORECAST's own default table has neither). Those rows hold the
  // names the sheet shows, so a stage written otherwise (an alias such as Closed Lost, or the English
  // name of a stage shown in Chinese) would be unknown to the formula.
  const stageTableGiven =
    options.stageTable !== undefined ||
    used.has(LOST_STAGE) ||
    learnedGroups.length > 0 ||
    learnedRow.some((x) => x);
  let liveStageMismatch: string | undefined;
  if (stageTableGiven) {
    for (let i = 0; i < stages.length && liveStageMismatch === undefined; i++) {
      const s = st.named[i];
      if (s && stageKey(stageLabel(s, lang)) !== stageKey(stages[i])) liveStageMismatch = stages[i];
    }
  }
  // A stage written as a probability ("50%") is read as that probability by the live formula: when
  // its deals take a learned one, the formula would differ.
  if (liveStageMismatch === undefined)
    liveStageMismatch = extra.find(
      (g) => OPEN.has(g.category) && g.probability !== tableProbabilities[g.deals[0]]
    )?.label;
  // The estimate offered for open deals without an amount: their product's average won amount.
  const products = data.text.product;
  let estimates: Map<number, ProductBasis> | undefined;
  if (products) {
    const basis = wonAmountByProduct(
      products,
      amounts,
      categories.map((c) => c === "closed")
    );
    estimates = new Map();
    for (const i of openNoAmount) {
      const b = basis.get(products[i].trim());
      if (b) estimates.set(i, b);
    }
  }
  // The back-test: the pipeline on the first day of the last full quarter, weighted by each method
  // (rates learned from the deals closed before that day). A stage the table does not know has no
  // textbook probability: the back-test's textbook takes the open stages' mean for it (as for a deal
  // whose stage on that day is unknown).
  const backtestTextbook = tableProbabilities.map((p, i) =>
    st.unknownOf[i] >= 0 ? UNKNOWN_STAGE_TEXTBOOK : p
  );
  const bt = created ? backtest(deals, backtestTextbook, asOf, minClosed) : undefined;
  const amountOf = (i: number) => amounts[i] ?? 0;
  overdue.sort(
    (p, q) => q.days - p.days || amountOf(q.index) - amountOf(p.index) || p.index - q.index
  );

  return {
    amounts,
    stages,
    closes,
    probabilities,
    categories,
    groups: all,
    tableStages: groups.length,
    stagesAnalysis: st,
    forecast,
    grain,
    periods,
    targets,
    asOf,
    asOfRule,
    startGiven: options.start !== undefined,
    overdue,
    open,
    openNoAmount,
    wonNoAmount,
    openNoDate,
    wonNoDate,
    products,
    estimates,
    estimateTotal: sum([...(estimates?.values() ?? [])].map((b) => b.mean)),
    blanks,
    stageTableGiven,
    liveStageMismatch,
    asked,
    method,
    minClosed,
    learned: learnedModel,
    canLearn,
    tableProbabilities,
    learnedRow,
    mixed,
    ...(bt ? { backtest: bt } : {}),
    hasCreated: created !== undefined,
  };
}

function categoryOfStage(s: Stage): ForecastCategory {
  return s.category ?? categoryOfProbability(s.probability);
}

// ---------------------------------------------------------------------------------------------
// The sheet.

interface Note {
  text: string;
  /** Data left out or an assumption made: also in sheet.warnings. */
  warning: boolean;
}

/** Lays the sheet out; returns the warnings (the notes on data left out and assumptions). */
function layout(
  b: SheetBuilder,
  model: Model,
  data: Dataset,
  options: BuildOptions & PipelineOptions,
  L: PipelineReportText,
  live: boolean
): string[] {
  const lang = options.lang;
  const P = PLAN_LABELS[lang];
  const f = model.forecast;
  const st = model.stagesAnalysis;
  const hasTargets = model.targets !== undefined;
  const notes: Note[] = [];
  const note = (text: string, warning = true) => notes.push({ text, warning });
  if (live) note(L.notes.live, false);
  note(L.notes.method, false);
  if (options.live === true && !live)
    note(
      model.blanks
        ? L.notes.liveBlank
        : model.liveStageMismatch !== undefined
          ? L.notes.liveStage(model.liveStageMismatch)
          : L.notes.liveNeedsAddresses
    );
  if (model.open.length === 0) note(L.notes.noOpen);
  note(L.notes.asOf(model.asOfRule, isoFromSerial(model.asOf), model.grain, !model.startGiven));
  const learning = st.learning;
  if (learning) {
    note(
      L.notes.learned(learning.won / (learning.won + learning.lost), learning.won, learning.lost)
    );
    if (st.check.note !== undefined) note(st.check.note);
  }
  // Which probabilities weighted the pipeline, and why.
  const openIndex = model.open;
  note(
    L.notes.probabilities({
      method: model.method,
      asked: model.asked,
      tableGiven: options.stageTable !== undefined,
      canLearn: model.canLearn,
      won: model.learned.all.won,
      minClosed: model.minClosed,
      closed: model.learned.all.won + model.learned.all.lost,
      learnedDeals: openIndex.filter((i) => model.learnedRow[i]).length,
      openDeals: openIndex.length,
    })
  );
  if (model.mixed) note(L.notes.mixed, false);
  if (options.live === true && model.mixed) note(L.notes.liveMixed);
  const groups = model.groups;
  const withoutAmount = groups.some((g) => g.noAmount > 0);
  if (model.openNoAmount.length > 0) {
    const byStage = groups
      .filter((g) => OPEN.has(g.category) && g.noAmount > 0)
      .map((g) => `${g.label} ${n(g.noAmount)}`)
      .join(L.listSeparator);
    note(L.notes.noAmount(model.openNoAmount.length, byStage));
  }
  // The estimate offered for them: the average won amount of their product (never in the pipeline).
  const { products, estimates, estimateTotal } = model;
  const basisOf = (i: number) => estimates?.get(i);
  if (estimates && model.openNoAmount.length > 0)
    note(
      L.notes.estimate(
        estimates.size,
        n(Math.round(estimateTotal)),
        model.openNoAmount.length - estimates.size
      )
    );
  if (model.wonNoAmount > 0) note(L.notes.wonNoAmount(model.wonNoAmount));
  if (model.openNoDate + model.wonNoDate > 0)
    note(L.notes.noDate(model.openNoDate, model.wonNoDate, model.grain));
  if (f.omitted > 0) note(L.notes.omitted(f.omitted));
  if (f.wonBefore > 0) note(L.notes.wonBefore(f.wonBefore, isoFromSerial(f.start)));
  // Shares need a weighted open pipeline above 0; no open deal, or none with an amount, is said above.
  if (
    model.open.length > model.openNoAmount.length &&
    groups.some((g) => OPEN.has(g.category) && g.share === undefined)
  )
    note(L.notes.noWeighted);

  // Key figures refer to the tables below: reserve their rows.
  b.section(L.keyFigures);
  const kvTop = b.row;
  type Key =
    | "open"
    | "weighted"
    | "commit"
    | "won"
    | "lost"
    | "openDeals"
    | "openNoAmount"
    | "openNoAmountEstimate"
    | "openNoDate"
    | "asOf"
    | "overdueDeals"
    | "overdueAmount"
    | "target"
    | "coverage";
  const keys: Key[] = ["open", "weighted", "commit", "won", "lost", "openDeals"];
  if (model.openNoAmount.length > 0) keys.push("openNoAmount");
  if (estimates && model.openNoAmount.length > 0) keys.push("openNoAmountEstimate");
  if (model.openNoDate > 0) keys.push("openNoDate");
  keys.push("asOf", "overdueDeals", "overdueAmount");
  if (hasTargets) keys.push("target", "coverage");
  /** The "As of" key figure, which the days-overdue formulas subtract from. */
  const asOfCell = a1(kvTop + keys.indexOf("asOf"), 1, true);
  b.row += keys.length + 1;

  // 1. The weighted funnel by stage; its totals row covers the open deals only.
  b.section(L.funnelSection);
  const funnelColumns: ColumnSpec[] = [
    { header: L.fh.stage, width: 18 },
    { header: L.fh.probability, format: "percent" },
    { header: L.fh.category, width: 16 },
    { header: L.fh.deals, format: "integer" },
    { header: L.fh.amount, format: "number", width: 16 },
    { header: L.fh.weighted, format: "number", width: 16 },
    { header: L.fh.share, format: "percent" },
  ];
  if (withoutAmount) funnelColumns.push({ header: L.fh.noAmount, format: "integer" });
  const funnel = b.table(
    "KAM_Funnel",
    funnelColumns,
    groups.map(() => []),
    {
      rowFormula: (p, r, i) => {
        const g = groups[i];
        const cells: CellContent[] = [
          g.label,
          g.probability,
          CATEGORY_NAMES[g.category][lang],
          g.deals.length,
          g.amount,
          formula(`=${a1(r, 4)}*${a1(r, 1)}`, g.weighted),
          g.share === undefined
            ? null
            : formula(`=${a1(r, 5)}/${rowAbs(p.firstRow + p.rows, 5)}`, g.share),
        ];
        if (withoutAmount) cells.push(g.noAmount);
        return cells;
      },
    }
  );
  const fr = funnel.firstRow;
  const funnelTotals = fr + groups.length;
  const catRange = areaA1({ row: fr, column: 2, rows: groups.length, columns: 1 });
  const colRange = (c: number) => areaA1({ row: fr, column: c, rows: groups.length, columns: 1 });
  const cat = (c: ForecastCategory) => `"${CATEGORY_NAMES[c][lang]}"`;
  const sumIf = (c: ForecastCategory, column: number) =>
    `SUMIF(${catRange},${cat(c)},${colRange(column)})`;
  const openSum = (column: number) =>
    (["pipeline", "bestCase", "commit"] as const).map((c) => sumIf(c, column)).join("+");
  const openGroups = groups.filter((g) => OPEN.has(g.category));
  const openOf = (value: (g: StageGroup) => number) => sum(openGroups.map(value));
  const totals: CellContent[] = [
    L.openTotal,
    null,
    null,
    formula(
      `=${openSum(3)}`,
      openOf((g) => g.deals.length)
    ),
    formula(
      `=${openSum(4)}`,
      openOf((g) => g.amount)
    ),
    formula(
      `=${openSum(5)}`,
      openOf((g) => g.weighted)
    ),
    formula(
      `=SUM(${colRange(6)})`,
      openOf((g) => g.share ?? 0)
    ),
  ];
  if (withoutAmount)
    totals.push(
      formula(
        `=${openSum(7)}`,
        openOf((g) => g.noAmount)
      )
    );
  b.put(funnelTotals, 0, [totals]);
  b.format({ row: funnelTotals, column: 0, rows: 1, columns: totals.length }, { bold: true });
  funnelColumns.forEach((c, i) => {
    if (i >= 3 && c.format)
      b.format({ row: funnelTotals, column: i, rows: 1, columns: 1 }, { numberFormat: c.format });
  });
  b.row = funnelTotals + 2;

  // 2. The win probabilities learned from the closed deals, beside the stage table's, and which
  // weighted each stage; then the back-test of each method.
  let backtestColumns = 0;
  if (learning) {
    b.section(L.learnSection);
    const rows = stageRows(model, lang);
    b.table(
      "KAM_LearnedStages",
      [
        { header: L.lh.stage, width: 18 },
        { header: L.lh.table, format: "percent" },
        { header: L.lh.learned, format: "percent" },
        { header: L.lh.reached, format: "integer" },
        { header: L.lh.won, format: "integer" },
        { header: L.lh.used, width: 14 },
      ],
      rows.map(() => []),
      {
        rowFormula: (_, r, i) => {
          const x = rows[i];
          const p = x.learned.probability;
          return [
            userText(x.label),
            x.table,
            p === undefined ? null : formula(`=${a1(r, 4)}/${a1(r, 3)}`, p),
            x.learned.reached,
            x.learned.won,
            L.usedText(x.used, model.minClosed),
          ];
        },
      }
    );
  }
  if (model.backtest) {
    const placed = writeBacktestSection(
      b,
      "KAM_PipelineBacktest",
      model.backtest,
      lang,
      model.method
    );
    backtestColumns = placed.area.columns;
    note(
      L.notes.backtest(
        model.backtest.trainingDeals,
        model.backtest.wonFromNewDeals,
        formatPercent(UNKNOWN_STAGE_TEXTBOOK)
      ),
      false
    );
  } else note(L.notes.noBacktest(model.hasCreated));

  // 3. The pipeline by period (the engine's rows; its Total row is the SUM row under the table).
  b.section(L.periodSection(model.grain));
  const rows = f.rows.filter((r) => r.kind !== "total");
  // Labels and the first seven headers as KAM.PIPELINE_FORECAST spills them (one presenter).
  const label = (r: (typeof rows)[number]) => pipelineRowLabel(r, f, model.grain, lang);
  const H = P.pipelineHeaders;
  const targetOf = (k: number) =>
    k >= 1 && k <= model.periods ? model.targets?.[k - 1] : undefined;
  const zeroTargets: string[] = [];
  const extraCells = (r: number, k: number): CellContent[] => {
    const target = targetOf(k);
    if (target === undefined) return [null, null, null];
    if (!(target > 0)) {
      zeroTargets.push(label(rows[k]));
      return [target, null, null];
    }
    const row = rows[k];
    return [
      target,
      formula(`=${a1(r, 7)}-${a1(r, 3)}`, gapToTarget(target, row.weighted).gap),
      formula(`=${a1(r, 2)}/${a1(r, 7)}`, pipelineCoverage(row.total, target).coverage),
    ];
  };
  const periodColumns: ColumnSpec[] = [
    { header: H[0], total: { label: P.total }, width: 14 },
    { header: H[1], format: "integer", total: "sum" },
    { header: H[2], format: "number", total: "sum", width: 16 },
    { header: H[3], format: "number", total: "sum", width: 16 },
    { header: H[4], format: "number", total: "sum", width: 14 },
    { header: H[5], format: "number", total: "sum", width: 14 },
    { header: H[6], format: "number", total: "sum", width: 14 },
  ];
  if (hasTargets) {
    periodColumns.push(
      { header: L.ph.target, format: "number", total: "sum", width: 14 },
      { header: L.ph.gap, format: "number", total: "sum", width: 16 },
      { header: L.ph.coverage, format: "percent", width: 16 }
    );
  }
  const figures = (r: (typeof rows)[number]): CellContent[] => pipelineFigures(r);
  let period: PeriodPlacement;
  if (live) {
    period = livePeriods(b, model, data, options, funnel, rows, periodColumns, extraCells);
  } else {
    const placed = b.table(
      "KAM_PipelineByPeriod",
      periodColumns,
      rows.map(() => []),
      {
        rowFormula: (_, r, k) => [
          label(rows[k]),
          ...figures(rows[k]),
          ...(hasTargets ? extraCells(r, k) : []),
        ],
      }
    );
    period = {
      firstRow: placed.firstRow,
      totalsRow: placed.totalsRow ?? placed.firstRow + rows.length,
      top: placed.area.row,
      column: (i) => placed.column(i),
    };
  }
  if (zeroTargets.length > 0) note(L.notes.targetZero(zeroTargets.join(", ")));

  // Deal lists (overdue, without an amount) show the deal's name, customer and owner when known.
  const text = data.text;
  type DealColumn<D> = { spec: ColumnSpec; cell: (d: D, r: number) => CellContent };
  const dealColumns = <D extends { index: number }>(): DealColumn<D>[] => {
    const cols: DealColumn<D>[] = [];
    const textColumn = (role: "opportunity" | "customer" | "owner", header: string) => {
      const values = text[role];
      if (values)
        cols.push({ spec: { header, width: 22 }, cell: (d) => userText(values[d.index]) });
    };
    textColumn("opportunity", L.oh.opportunity);
    textColumn("customer", L.oh.customer);
    textColumn("owner", L.oh.owner);
    cols.push({
      spec: { header: L.oh.stage, width: 16 },
      cell: (d) => userText(model.stages[d.index]),
    });
    return cols;
  };
  const sourceRow = <D extends { index: number }>(cols: DealColumn<D>[]) => {
    if (!text.opportunity)
      cols.push({
        spec: { header: L.oh.row, format: "integer" },
        cell: (d) => data.sheetRows[d.index] ?? d.index + 1,
      });
  };

  // 4. Overdue deals.
  const overdueText = isoFromSerial(model.asOf);
  let overdue: PlacedTable | undefined;
  let overdueAmountColumn = 0;
  let overdueCloseColumn = 0;
  if (model.overdue.length === 0) {
    note(L.notes.noOverdue(overdueText), false);
  } else {
    b.section(L.overdueSection(overdueText));
    const cols = dealColumns<OverdueDeal>();
    overdueAmountColumn = cols.length;
    cols.push({
      spec: { header: L.oh.amount, format: "number", total: "sum", width: 16 },
      cell: (d) => model.amounts[d.index],
    });
    const closeColumn = cols.length;
    overdueCloseColumn = closeColumn;
    cols.push({
      spec: { header: L.oh.closeDate, format: "date", width: 12 },
      cell: (d) => d.close,
    });
    cols.push({
      spec: { header: L.oh.days, format: "integer" },
      cell: (d, r) => formula(`=${asOfCell}-${a1(r, closeColumn)}`, d.days),
    });
    sourceRow(cols);
    cols[0].spec = { ...cols[0].spec, total: { label: L.total } };
    const deals = model.overdue;
    overdue = b.table(
      "KAM_Overdue",
      cols.map((c) => c.spec),
      deals.map(() => []),
      { rowFormula: (_, r, i) => cols.map((c) => c.cell(deals[i], r)) }
    );
    const daysArea = overdue.column(closeColumn + 1);
    b.conditional({
      kind: "cellValue",
      area: daysArea,
      operator: "greaterThan",
      values: ["30"],
      style: { fill: COLORS.badFill, color: COLORS.badText, bold: true },
    });
    b.conditional({
      kind: "cellValue",
      area: daysArea,
      operator: "between",
      values: ["1", "30"],
      style: { fill: COLORS.warnFill, color: COLORS.warnText },
    });
  }

  // 5. Open deals without an amount: counted, never dropped; listed so that they can be completed.
  let noAmountTable: PlacedTable | undefined;
  let estimateColumn = -1;
  if (model.openNoAmount.length > 0) {
    b.section(L.noAmountSection);
    const cols = dealColumns<{ index: number }>();
    cols.push({
      spec: { header: L.oh.closeDate, format: "date", width: 12 },
      cell: (d) => {
        const c = model.closes[d.index];
        return c === null ? null : Math.floor(c);
      },
    });
    if (products) {
      cols.push({
        spec: { header: L.oh.product, width: 18 },
        cell: (d) => userText(products[d.index]),
      });
      estimateColumn = cols.length;
      cols.push({
        spec: { header: L.oh.estimate, format: "number", total: "sum", width: 18 },
        cell: (d) => basisOf(d.index)?.mean ?? null,
      });
      cols.push({
        spec: { header: L.oh.basis, format: "integer", width: 12 },
        cell: (d) => basisOf(d.index)?.won ?? null,
      });
    }
    sourceRow(cols);
    const deals = model.openNoAmount.map((index) => ({ index }));
    noAmountTable = b.table(
      "KAM_NoAmount",
      cols.map((c) => c.spec),
      deals.map(() => []),
      { rowFormula: (_, r, i) => cols.map((c) => c.cell(deals[i], r)) }
    );
  }

  b.section(L.notesSection);
  for (const x of notes) b.note(x.text);
  const end = b.row;

  // Key figures, now that the tables are placed.
  const openAmounts = model.open.flatMap((i) => {
    const a = model.amounts[i];
    return a === null ? [] : [a];
  });
  const openProbabilities = model.open.flatMap((i) =>
    model.amounts[i] === null ? [] : [model.probabilities[i]]
  );
  const amountsIn = (c: ForecastCategory) =>
    model.categories.flatMap((k, i) => {
      const a = model.amounts[i];
      return k === c && a !== null ? [a] : [];
    });
  const dealsIn = (c: ForecastCategory) => model.categories.filter((k) => k === c).length;
  const overdueAmounts = model.overdue.flatMap((d) => {
    const a = model.amounts[d.index];
    return a === null ? [] : [a];
  });
  const value: Record<Key, () => [string, CellContent, NumberFormat]> = {
    open: () => [L.kOpen, formula(`=${openSum(4)}`, sum(openAmounts)), "number"],
    weighted: () => [
      L.kWeighted,
      formula(`=${openSum(5)}`, sum(weightedAmounts(openAmounts, openProbabilities))),
      "number",
    ],
    commit: () => [
      L.kCommit,
      formula(`=${sumIf("commit", 4)}`, sum(amountsIn("commit"))),
      "number",
    ],
    won: () => [L.kWon, formula(`=${sumIf("closed", 4)}`, sum(amountsIn("closed"))), "number"],
    lost: () => [L.kLost, formula(`=${sumIf("omitted", 3)}`, dealsIn("omitted")), "integer"],
    openDeals: () => [L.kOpenDeals, formula(`=${openSum(3)}`, model.open.length), "integer"],
    openNoAmount: () => [
      L.kOpenNoAmount,
      formula(`=${openSum(7)}`, model.openNoAmount.length),
      "integer",
    ],
    openNoAmountEstimate: () => [
      L.kOpenNoAmountEstimate,
      noAmountTable && estimateColumn >= 0
        ? formula(`=SUM(${noAmountTable.columnA1(estimateColumn, true)})`, estimateTotal)
        : estimateTotal,
      "number",
    ],
    openNoDate: () => [L.kOpenNoDate, model.openNoDate, "integer"],
    asOf: () => [L.kAsOf, model.asOf, "date"],
    overdueDeals: () => [
      L.kOverdueDeals,
      overdue
        ? formula(`=COUNT(${overdue.columnA1(overdueCloseColumn)})`, model.overdue.length)
        : 0,
      "integer",
    ],
    overdueAmount: () => [
      L.kOverdueAmount,
      overdue ? formula(`=SUM(${overdue.columnA1(overdueAmountColumn)})`, sum(overdueAmounts)) : 0,
      "number",
    ],
    target: () => [
      L.kTarget,
      formula(`=${a1(period.totalsRow, 7)}`, sum(model.targets ?? [])),
      "number",
    ],
    coverage: () => {
      const targetTotal = sum(model.targets ?? []);
      const due = rows.slice(0, model.periods + 1).map((r) => r.total);
      return [
        L.kCoverage(label(rows[model.periods])),
        targetTotal > 0
          ? formula(
              `=SUM(${areaA1({ row: period.firstRow, column: 2, rows: model.periods + 1, columns: 1 })})/${a1(period.totalsRow, 7)}`,
              pipelineCoverage(sum(due), targetTotal).coverage
            )
          : null,
        "percent",
      ];
    },
  };
  const pairs = keys.map((k) => value[k]());
  b.row = kvTop;
  b.keyValues(pairs);
  b.row = end;
  b.width(0, Math.min(48, Math.max(24, ...pairs.map(([l]) => l.length + 2))));

  // Conditional formats and charts.
  if (hasTargets) {
    b.conditional({
      kind: "cellValue",
      area: { ...period.column(9), row: period.firstRow + 1, rows: model.periods },
      operator: "lessThan",
      values: ["1"],
      style: { fill: COLORS.badFill, color: COLORS.badText },
    });
  }
  const widest = Math.max(
    funnelColumns.length,
    hasTargets ? 10 : 7,
    learning ? 6 : 0,
    backtestColumns,
    overdue ? overdue.area.columns : 0,
    noAmountTable ? noAmountTable.area.columns : 0
  );
  const chartColumn = widest + 1;
  const stagesShown = groups.filter(
    (g, k) => k < model.tableStages && g.category !== "omitted"
  ).length;
  let chartRow = funnel.area.row;
  if (stagesShown > 0) {
    // Where open deals lack amounts, amounts would hide them: the chart counts deals.
    const byDeals = model.openNoAmount.length > 0;
    const shown = (c: number): Area => ({ ...funnel.column(c), rows: stagesShown });
    b.chart({
      kind: "funnel",
      title: byDeals ? L.funnelChartDeals : L.funnelChart,
      series: [
        {
          name: byDeals ? L.fh.deals : L.fh.amount,
          categories: shown(0),
          values: shown(byDeals ? 3 : 4),
          color: COLORS.bar,
        },
      ],
      anchor: { row: chartRow, column: chartColumn, rows: 16, columns: 8 },
      legend: "none",
      yFormat: byDeals ? "integer" : "number",
    });
    chartRow += 17;
  }
  const periodsArea = (c: number): Area => ({
    ...period.column(c),
    row: period.firstRow + 1,
    rows: model.periods,
  });
  b.chart({
    kind: "column",
    title: L.periodChart(model.grain, hasTargets),
    series: [
      {
        name: PLAN_LABELS[lang].pipelineHeaders[3],
        categories: periodsArea(0),
        values: periodsArea(3),
        color: COLORS.bar,
      },
      hasTargets
        ? {
            name: L.ph.target,
            categories: periodsArea(0),
            values: periodsArea(7),
            kind: "line",
            color: COLORS.line,
          }
        : {
            name: PLAN_LABELS[lang].pipelineHeaders[4],
            categories: periodsArea(0),
            values: periodsArea(4),
            color: COLORS.won,
          },
    ],
    anchor: { row: Math.max(chartRow, period.top), column: chartColumn, rows: 16, columns: 10 },
    yFormat: "number",
    legend: "bottom",
  });
  return notes.filter((x) => x.warning).map((x) => x.text);
}

/** Where the pipeline-by-period rows are, portable table or live spill. */
interface PeriodPlacement {
  top: number;
  firstRow: number;
  totalsRow: number;
  column(i: number): Area;
}

/** The number a cell holds (its cached value for a formula), as a list of zero or one. */
function numberIn(c: CellContent | undefined): number[] {
  const v = typeof c === "object" && c !== null ? c.value : c;
  return typeof v === "number" ? [v] : [];
}

/**
 * Live mode: KAM.PIPELINE_FORECAST spills the Period … Best case columns (header, Overdue, the
 * periods, Later, Total) at the table's anchor; Target, Gap and Coverage stay native beside it.
 */
function livePeriods(
  b: SheetBuilder,
  model: Model,
  data: Dataset,
  options: BuildOptions,
  funnel: PlacedTable,
  rows: PipelineForecast["rows"],
  columns: ColumnSpec[],
  extraCells: (r: number, k: number) => CellContent[]
): PeriodPlacement {
  const a = data.addresses;
  const top = b.row;
  const firstRow = top + 1;
  const totalsRow = firstRow + rows.length;
  const stageRange = model.stageTableGiven
    ? areaA1({ row: funnel.firstRow, column: 0, rows: model.tableStages, columns: 3 })
    : "";
  const live = `=${kamCall("PIPELINE_FORECAST", {
    amounts: a.amount ?? "",
    stages: a.stage ?? "",
    close_dates: a.closeDate ?? "",
    start: dateArg(model.forecast.start),
    periods: numberArg(model.periods),
    grain: textArg(model.grain),
    stage_table: stageRange || undefined,
    headers: booleanArg(true),
  })}`;
  const headers = PLAN_LABELS[options.lang].pipelineHeaders;
  b.put(top, 0, [[{ live, value: headers[0] }]]);
  b.format({ row: top, column: 0, rows: 1, columns: columns.length }, { bold: true });
  columns.forEach((c, i) => {
    if (c.format)
      b.format(
        { row: firstRow, column: i, rows: rows.length + 1, columns: 1 },
        { numberFormat: c.format }
      );
    b.width(i, c.width ?? Math.max(10, c.header.length + 2));
  });
  b.format({ row: totalsRow, column: 0, rows: 1, columns: columns.length }, { bold: true });
  if (columns.length > 7) {
    const extras = rows.map((_, k) => extraCells(firstRow + k, k));
    b.put(top, 7, [columns.slice(7).map((c) => c.header)]);
    b.put(firstRow, 7, extras);
    const sumOf = (c: number) =>
      formula(
        `=SUM(${areaA1({ row: firstRow, column: c, rows: rows.length, columns: 1 })})`,
        sum(extras.flatMap((e) => numberIn(e[c - 7])))
      );
    b.put(totalsRow, 7, [[sumOf(7), sumOf(8), null]]);
  }
  b.row = totalsRow + 2;
  return {
    top,
    firstRow,
    totalsRow,
    column: (i) => ({ row: firstRow, column: i, rows: rows.length, columns: 1 }),
  };
}
