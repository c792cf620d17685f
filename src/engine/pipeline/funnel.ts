// The weighted sales funnel: each opportunity's amount times the win probability of its stage
// (the key-account practice's five stages: 10%, 30%, 50%, 70%, 100%), and each stage's forecast
// category as CRM forecasting uses them (Salesforce's Pipeline, Best Case, Commit, Closed, Omitted).

/**
 * Forecast category of a stage: open deals are "pipeline", "bestCase" or "commit" (rising confidence),
 * won deals "closed", lost or excluded deals "omitted".
 */
export type ForecastCategory = "pipeline" | "bestCase" | "commit" | "closed" | "omitted";

export const FORECAST_CATEGORIES: readonly ForecastCategory[] = [
  "pipeline",
  "bestCase",
  "commit",
  "closed",
  "omitted",
];

/** Display names of the categories; every name here (and its stageKey form) is accepted as input. */
export const CATEGORY_NAMES: Readonly<Record<ForecastCategory, { en: string; zh: string }>> = {
  pipeline: { en: "Pipeline", zh: "管道" },
  bestCase: { en: "Best case", zh: "最佳情况" },
  commit: { en: "Commit", zh: "承诺" },
  closed: { en: "Closed", zh: "已成交" },
  omitted: { en: "Omitted", zh: "不计入" },
};

const CATEGORY_ALIASES: Readonly<Record<ForecastCategory, readonly string[]>> = {
  pipeline: ["Pipeline", "管道", "渠道", "储备"],
  bestCase: ["Best case", "Best", "最佳情况", "最佳", "乐观"],
  commit: ["Commit", "Committed", "承诺", "确定"],
  closed: ["Closed", "Closed won", "Won", "已成交", "已关闭", "成交"],
  omitted: ["Omitted", "Omit", "Lost", "Closed lost", "不计入", "已忽略", "忽略", "输单"],
};

/** A forecast category written in English or Chinese (case, spaces and width ignored). */
export function parseCategory(text: string): ForecastCategory | undefined {
  const key = stageKey(text);
  for (const c of FORECAST_CATEGORIES) {
    if (CATEGORY_ALIASES[c].some((a) => stageKey(a) === key)) return c;
  }
  return undefined;
}

/** The category a stage gets when none is given: 100% is closed (won), 0% omitted (lost), else pipeline. */
export function categoryOfProbability(p: number): ForecastCategory {
  return p === 1 ? "closed" : p === 0 ? "omitted" : "pipeline";
}

export interface Stage {
  /** Display name (English for the default stages). */
  name: string;
  /** Other names that match the stage, e.g. the zh-CN name. */
  aliases: string[];
  /** Win probability, 0..1. */
  probability: number;
  /** Forecast category; when absent, categoryOfProbability(probability). */
  category?: ForecastCategory;
}

export const DEFAULT_STAGES: readonly Stage[] = [
  { name: "Prospect", aliases: ["潜在客户"], probability: 0.1, category: "pipeline" },
  { name: "Intent", aliases: ["意向客户"], probability: 0.3, category: "pipeline" },
  { name: "Proposal", aliases: ["方案阶段"], probability: 0.5, category: "bestCase" },
  { name: "Negotiation", aliases: ["商务谈判"], probability: 0.7, category: "commit" },
  // CRM exports' words for a won deal (Salesforce "Closed Won", HubSpot "closedwon", Chinese CRMs 赢单/成交).
  {
    name: "Won",
    aliases: [
      "销售实现",
      "Closed won",
      "Closed-won",
      "Closed_won",
      "赢单",
      "已赢单",
      "成交",
      "已成交",
    ],
    probability: 1,
    category: "closed",
  },
];

/** CRM exports' words for a lost deal; the report's stage table adds this stage (0%, Omitted). */
export const LOST_STAGE: Stage = {
  name: "Lost",
  aliases: [
    "输单",
    "已输单",
    "丢单",
    "已丢单",
    "失败",
    "Closed lost",
    "Closed-lost",
    "Closed_lost",
  ],
  probability: 0,
  category: "omitted",
};

/** Stage names compare without case, spaces (including full-width ones) or width differences. */
export function stageKey(name: string): string {
  return name.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

export class StageTable {
  private readonly byKey = new Map<string, Stage>();
  /** Names already looked up, as written, so long columns normalise each distinct name once. */
  private readonly seen = new Map<string, Stage | undefined>();

  constructor(readonly stages: readonly Stage[]) {
    for (const stage of stages) {
      for (const n of [stage.name, ...stage.aliases]) this.byKey.set(stageKey(n), stage);
    }
  }

  /** Looks a stage name up; undefined when unknown. */
  find(name: string): Stage | undefined {
    if (this.seen.has(name)) return this.seen.get(name);
    const stage = this.byKey.get(stageKey(name));
    if (this.seen.size < 10_000) this.seen.set(name, stage);
    return stage;
  }

  /** "Prospect (10%), Intent (30%), ..." for messages. */
  describe(): string {
    return this.stages.map((s) => `${s.name} (${formatPercent(s.probability)})`).join(", ");
  }
}

export const DEFAULT_STAGE_TABLE = new StageTable(DEFAULT_STAGES);

export function formatPercent(p: number): string {
  return `${Math.round(p * 1e6) / 1e4}%`;
}

/** A probability written as text: "50%", "0.5", "50 %". Undefined when it is not one. */
export function parseProbabilityText(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d*)?|\.\d+)\s*(%)?\s*$/.exec(text.normalize("NFKC"));
  if (!m) return undefined;
  const p = m[2] ? Number(m[1]) / 100 : Number(m[1]);
  return p >= 0 && p <= 1 ? p : undefined;
}

export type StageResolution = { ok: true; probability: number } | { ok: false; reason: string };

export type StageClass =
  { ok: true; probability: number; category: ForecastCategory } | { ok: false; reason: string };

/**
 * Probability and forecast category of a stage (name, number or percentage as in resolveStage).
 * A stage given as a probability gets categoryOfProbability(p).
 */
export function classifyStage(stage: string | number, table: StageTable): StageClass {
  let memo = classified.get(table);
  if (!memo) classified.set(table, (memo = new Map()));
  const known = memo.get(stage);
  if (known) return known;
  const result = classifyUncached(stage, table);
  if (memo.size < 10_000) memo.set(stage, result);
  return result;
}

/** Stages already classified per table, as written: long columns repeat a handful of stages. */
const classified = new WeakMap<StageTable, Map<string | number, StageClass>>();

function classifyUncached(stage: string | number, table: StageTable): StageClass {
  if (typeof stage === "string") {
    const named = table.find(stage);
    if (named) {
      return {
        ok: true,
        probability: named.probability,
        category: named.category ?? categoryOfProbability(named.probability),
      };
    }
  }
  const r = resolveStage(stage, table);
  return r.ok ? { ...r, category: categoryOfProbability(r.probability) } : r;
}

/**
 * The win probability of a stage given as a name (matched in the table), a number from 0 to 1,
 * or a percentage text such as "50%".
 */
export function resolveStage(stage: string | number, table: StageTable): StageResolution {
  if (typeof stage === "number") {
    if (stage >= 0 && stage <= 1) return { ok: true, probability: stage };
    return {
      ok: false,
      reason: `${stage} is not a probability; write it as a number from 0 to 1 (0.5) or as a percentage (50%)`,
    };
  }
  const named = table.find(stage);
  if (named) return { ok: true, probability: named.probability };
  const p = parseProbabilityText(stage);
  if (p !== undefined) return { ok: true, probability: p };
  return {
    ok: false,
    reason: `unknown stage "${stage}"; known stages: ${table.describe()}, or a probability such as 0.5 or 50%`,
  };
}

/** What is wrong with an entry of a company's stage table, for messages in either language. */
export type StageTableProblem =
  | { kind: "probability"; name: string }
  | { kind: "category"; name: string; category: string }
  | { kind: "closedNot100"; name: string }
  | { kind: "omittedNot0"; name: string }
  | { kind: "blank" }
  | { kind: "twice"; name: string }
  | { kind: "empty" };

/** The English text of a stage table problem (the `reason` of customStageTable). */
export function stageTableReason(problem: StageTableProblem): string {
  switch (problem.kind) {
    case "probability":
      return `the probability of "${problem.name}" must be from 0 to 1 (or 0% to 100%)`;
    case "category":
      return `unknown forecast category "${problem.category}" for "${problem.name}"; use ${FORECAST_CATEGORIES.map((c) => `${CATEGORY_NAMES[c].en} (${CATEGORY_NAMES[c].zh})`).join(", ")}`;
    case "closedNot100":
      return `"${problem.name}" is Closed (won), so its probability must be 100%`;
    case "omittedNot0":
      return `"${problem.name}" is Omitted (lost or excluded), so its probability must be 0%`;
    case "blank":
      return "the stage name is blank";
    case "twice":
      return `stage "${problem.name}" is listed twice`;
    default:
      return "the stage table is empty";
  }
}

/**
 * Builds a company's own stage table from (name, probability[, category]) entries, checking each.
 * A missing category follows categoryOfProbability; a Closed stage must have 100%, an Omitted one 0%,
 * so a category never changes a weighted amount.
 */
export function customStageTable(
  entries: readonly { name: string; probability: number | string; category?: string | null }[]
): { ok: true; table: StageTable } | { ok: false; index: number; reason: string } {
  const r = stageTableOf(entries);
  return r.ok ? r : { ok: false, index: r.index, reason: stageTableReason(r.problem) };
}

/** customStageTable with the problem as data (for messages in the report's language). */
export function stageTableOf(
  entries: readonly { name: string; probability: number | string; category?: string | null }[]
): { ok: true; table: StageTable } | { ok: false; index: number; problem: StageTableProblem } {
  const stages: Stage[] = [];
  const seen = new Set<string>();
  const failure = (index: number, problem: StageTableProblem) =>
    ({ ok: false, index, problem }) as const;
  for (let i = 0; i < entries.length; i++) {
    const { name, probability } = entries[i];
    const p = typeof probability === "number" ? probability : parseProbabilityText(probability);
    if (p === undefined || !(p >= 0 && p <= 1)) return failure(i, { kind: "probability", name });
    const written = entries[i].category;
    let category: ForecastCategory | undefined;
    if (written !== undefined && written !== null && written.trim() !== "") {
      category = parseCategory(written);
      if (category === undefined) return failure(i, { kind: "category", name, category: written });
      if (category === "closed" && p !== 1) return failure(i, { kind: "closedNot100", name });
      if (category === "omitted" && p !== 0) return failure(i, { kind: "omittedNot0", name });
    }
    const key = stageKey(name);
    if (key === "") return failure(i, { kind: "blank" });
    if (seen.has(key)) return failure(i, { kind: "twice", name });
    seen.add(key);
    stages.push({
      name,
      aliases: [],
      probability: p,
      category: category ?? categoryOfProbability(p),
    });
  }
  if (stages.length === 0) return failure(0, { kind: "empty" });
  return { ok: true, table: new StageTable(stages) };
}

/** The stages of a column classified (classifyStage), or the first that is no stage and its index. */
export type StageColumn =
  | { ok: true; probabilities: Float64Array; categories: ForecastCategory[] }
  | { ok: false; index: number; reason: string };

/** classifyStage for `table`, each distinct stage as written looked up once (a column repeats a
 *  handful of stages). */
function classifierOf(table: StageTable): (stage: string | number) => StageClass {
  const seen = new Map<string | number, StageClass>();
  return (stage) => {
    let res = seen.get(stage);
    if (res === undefined) {
      res = classifyStage(stage, table);
      seen.set(stage, res);
    }
    return res;
  };
}

/**
 * classifyStage for each stage of a column, each distinct stage as written looked up once (a long
 * column repeats a handful of stages): the probability and the forecast category of each row.
 */
export function classifyStages(
  stages: readonly (string | number)[],
  table: StageTable
): StageColumn {
  const n = stages.length;
  const probabilities = new Float64Array(n);
  const categories = new Array<ForecastCategory>(n);
  const classify = classifierOf(table);
  for (let i = 0; i < n; i++) {
    const res = classify(stages[i]);
    if (!res.ok) return { ok: false, index: i, reason: res.reason };
    probabilities[i] = res.probability;
    categories[i] = res.category;
  }
  return { ok: true, probabilities, categories };
}

/**
 * The weighted total of a funnel: the Neumaier-compensated sum of amount × the stage's probability
 * over the rows, in one pass (the same value as sum(weightedAmounts(...)) over classifyStages'
 * probabilities), each distinct stage as written looked up once; or the first stage that is no
 * stage and its index.
 */
export function weightedTotal(
  amounts: readonly number[],
  stages: readonly (string | number)[],
  table: StageTable
): { ok: true; total: number } | { ok: false; index: number; reason: string } {
  const n = amounts.length;
  if (stages.length !== n) throw new RangeError("amounts and stages differ in length");
  const classify = classifierOf(table);
  let s = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const res = classify(stages[i]);
    if (!res.ok) return { ok: false, index: i, reason: res.reason };
    const v = amounts[i] * res.probability;
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return { ok: true, total: s + c };
}

/** Weighted amount of each opportunity: amount × probability. */
export function weightedAmounts(
  amounts: readonly number[],
  probabilities: ArrayLike<number>
): number[] {
  if (amounts.length !== probabilities.length)
    throw new RangeError("amounts and probabilities differ in length");
  const out = new Array<number>(amounts.length);
  for (let i = 0; i < amounts.length; i++) out[i] = amounts[i] * probabilities[i];
  return out;
}
