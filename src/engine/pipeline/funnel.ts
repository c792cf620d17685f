// The weighted sales funnel: each opportunity's amount times the win probability of its stage
// (the key-account practice's five stages: 10%, 30%, 50%, 70%, 100%).

export interface Stage {
  /** Display name (English for the default stages). */
  name: string;
  /** Other names that match the stage, e.g. the zh-CN name. */
  aliases: string[];
  /** Win probability, 0..1. */
  probability: number;
}

export const DEFAULT_STAGES: readonly Stage[] = [
  { name: "Prospect", aliases: ["潜在客户"], probability: 0.1 },
  { name: "Intent", aliases: ["意向客户"], probability: 0.3 },
  { name: "Proposal", aliases: ["方案阶段"], probability: 0.5 },
  { name: "Negotiation", aliases: ["商务谈判"], probability: 0.7 },
  { name: "Won", aliases: ["销售实现"], probability: 1 },
];

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

/** Builds a company's own stage table from (name, probability) pairs, checking each entry. */
export function customStageTable(
  entries: readonly { name: string; probability: number | string }[]
): { ok: true; table: StageTable } | { ok: false; index: number; reason: string } {
  const stages: Stage[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < entries.length; i++) {
    const { name, probability } = entries[i];
    const p = typeof probability === "number" ? probability : parseProbabilityText(probability);
    if (p === undefined || !(p >= 0 && p <= 1)) {
      return {
        ok: false,
        index: i,
        reason: `the probability of "${name}" must be from 0 to 1 (or 0% to 100%)`,
      };
    }
    const key = stageKey(name);
    if (key === "") return { ok: false, index: i, reason: "the stage name is blank" };
    if (seen.has(key)) return { ok: false, index: i, reason: `stage "${name}" is listed twice` };
    seen.add(key);
    stages.push({ name, aliases: [], probability: p });
  }
  if (stages.length === 0) return { ok: false, index: 0, reason: "the stage table is empty" };
  return { ok: true, table: new StageTable(stages) };
}

/** Weighted amount of each opportunity: amount × probability. */
export function weightedAmounts(
  amounts: readonly number[],
  probabilities: readonly number[]
): number[] {
  if (amounts.length !== probabilities.length)
    throw new RangeError("amounts and probabilities differ in length");
  return amounts.map((a, i) => a * probabilities[i]);
}
