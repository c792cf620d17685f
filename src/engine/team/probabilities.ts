// Which win probability weights each open deal — the textbook stage probability (10/30/50/70%), or
// one learned from closed deals per stage (../pipeline/learn.ts, the cohort stage win rate), per rep or
// per deal-size band (./winrate.ts) when enough closed deals back it — and a back-test of each: what it
// would have forecast for the last full quarter's won revenue from the pipeline as it stood at the
// quarter's start, against what was won (a hold-out test: rates are learned only from deals closed
// before that day).

import { addPeriods, periodEnd, periodStart } from "../calendar";
import { learnStageProbabilities } from "../pipeline/learn";
import { stageKey } from "../pipeline/funnel";
import { Deal, ownerKey } from "./deals";
import {
  bandOf,
  learnedOr,
  MIN_CLOSED_DEALS,
  sizeBands,
  TEXTBOOK_PROBABILITIES,
  WinRate,
  winRates,
} from "./winrate";

export type ProbabilityMethod = "textbook" | "stage" | "rep" | "band";

export const PROBABILITY_METHODS: readonly ProbabilityMethod[] = [
  "textbook",
  "stage",
  "rep",
  "band",
];

export interface LearnedStageRate {
  /** The stage as first written. */
  stage: string;
  /** Closed deals that reached it, won among them, won ÷ reached. */
  reached: number;
  won: number;
  rate?: number;
}

/** What the closed deals teach. */
export interface LearnedModel {
  minClosed: number;
  all: WinRate;
  /** Per open stage (in order of first appearance). A CRM export keeps only a deal's current stage,
   *  so where lost deals dropped out is unknown and every stage learns won ÷ closed. */
  stages: LearnedStageRate[];
  reps: WinRate[];
  /** Upper bounds of the size bands (quartiles of closed amounts) and each band's rates. Empty when
   *  the sizes cannot teach anything: a CRM export often writes a lost deal's value as 0 or leaves it
   *  blank, and bands learned from won amounts alone would all win. Bands are learned only when at
   *  least half the lost deals have an amount above 0, from the closed deals with one. */
  bounds: number[];
  bands: WinRate[];
}

/** Learns the rates from the closed deals among `deals` (open ones only name the stages). */
export function learnModel(
  deals: readonly Deal[],
  minClosed: number = MIN_CLOSED_DEALS
): LearnedModel {
  const outcomes = deals.map((d) => d.outcome);
  const stageNames: string[] = [];
  const seen = new Set<string>();
  for (const d of deals) {
    if (d.outcome !== "open") continue;
    const k = stageKey(d.stage);
    if (!seen.has(k)) {
      seen.add(k);
      stageNames.push(d.stage.trim());
    }
  }
  const learned =
    stageNames.length > 0 ? learnStageProbabilities(stageNames.length, outcomes) : undefined;
  const stages = stageNames.map((stage, k) => {
    const s = learned?.stages[k];
    return {
      stage,
      reached: s?.reached ?? 0,
      won: s?.won ?? 0,
      ...(s?.probability !== undefined ? { rate: s.probability } : {}),
    };
  });
  const owners = deals.map((d) => (d.owner === null ? "\u0000none" : d.owner));
  const reps = winRates(outcomes, owners).groups.map((g) =>
    g.group === "\u0000none" ? { ...g, group: undefined } : g
  );
  const sized = (d: Deal) => d.amount !== null && d.amount > 0;
  const lost = deals.filter((d) => d.outcome === "lost");
  const learnable = lost.length > 0 && 2 * lost.filter(sized).length >= lost.length;
  const closedAmounts = learnable
    ? deals.filter((d) => d.outcome !== "open" && sized(d)).map((d) => d.amount as number)
    : [];
  const bounds = sizeBands(closedAmounts);
  const bandIds: number[] = [];
  const bandOutcomes: Deal["outcome"][] = [];
  for (const d of learnable ? deals : []) {
    if (!sized(d)) continue;
    bandIds.push(bandOf(d.amount as number, bounds));
    bandOutcomes.push(d.outcome);
  }
  const byBand = winRates(bandOutcomes, bandIds).groups;
  const bands = Array.from({ length: learnable ? bounds.length + 1 : 0 }, (_, k) => {
    const found = byBand.find((g) => g.group === k);
    return found ?? { group: k, won: 0, lost: 0, open: 0, wonAmount: 0, closedAmount: 0 };
  });
  return { minClosed, all: winRates(outcomes).all, stages, reps, bounds, bands };
}

/** The probability `method` gives an open deal whose textbook stage probability is `textbook`:
 *  the learned rate when it rests on at least minClosed closed deals, else the textbook one. */
export function probabilityOf(
  deal: Deal,
  textbook: number,
  method: ProbabilityMethod,
  model: LearnedModel
): { probability: number; learned: boolean } {
  if (method === "textbook") return { probability: textbook, learned: false };
  if (method === "stage") {
    const k = stageKey(deal.stage);
    const s = model.stages.find((x) => stageKey(x.stage) === k);
    if (s && s.rate !== undefined && s.reached >= model.minClosed)
      return { probability: s.rate, learned: true };
    // A stage not seen among the open deals (one unknown at a back-test's start): the mean of the
    // learned stage rates, when every stage learned one.
    const rates = model.stages.map((x) => (x.reached >= model.minClosed ? x.rate : undefined));
    if (!s && rates.length > 0 && rates.every((r) => r !== undefined))
      return { probability: rates.reduce((a, b) => a + (b ?? 0), 0) / rates.length, learned: true };
    return { probability: textbook, learned: false };
  }
  if (method === "rep") {
    const key = ownerKey(deal.owner);
    const rep = model.reps.find((r) =>
      r.group === undefined ? key === ownerKey(null) : ownerKey(String(r.group)) === key
    );
    return learnedOr(rep, textbook, model.minClosed);
  }
  if (deal.amount === null || deal.amount <= 0 || model.bands.length === 0)
    return { probability: textbook, learned: false };
  return learnedOr(model.bands[bandOf(deal.amount, model.bounds)], textbook, model.minClosed);
}

/** The textbook probability of a stage unknown at the back-test's start: the open stages' mean. */
export const UNKNOWN_STAGE_TEXTBOOK =
  TEXTBOOK_PROBABILITIES.reduce((a, b) => a + b, 0) / TEXTBOOK_PROBABILITIES.length;

export interface BacktestRow {
  method: ProbabilityMethod;
  /** Σ amount × probability over the deals in the pipeline at the start that closed (or were
   *  expected to close) in the quarter. */
  forecast: number;
  /** forecast − actual, and |forecast − actual| ÷ actual (absent when nothing was won). */
  error: number;
  absPercentError?: number;
  /** Deals whose probability was learned (the others took the textbook one). */
  learnedDeals: number;
}

export interface Backtest {
  /** The quarter: first and last day; the pipeline is taken as it stood on its first day. */
  start: number;
  end: number;
  /** Deals created before the start, not closed before it, with an amount, closing in the quarter. */
  deals: number;
  /** Won amount of those deals: what the pipeline at the start brought in the quarter. */
  actual: number;
  /** Won amount in the quarter from deals created during it (no forecast at the start could see it). */
  wonFromNewDeals: number;
  /** Closed deals before the start that the learned rates rest on. */
  trainingDeals: number;
  rows: BacktestRow[];
  /** The same per owner (by ownerKey, in order of first appearance): actual won and each method's
   *  forecast, in PROBABILITY_METHODS order. */
  owners: { owner: string | null; actual: number; forecast: number[] }[];
}

/**
 * Back-tests each method on the last full quarter (or month, with `grain`) that ends on or before
 * `asOf`. The pipeline at the period's start s is rebuilt from the dates: deals created before s that were still open on s
 * (closed on or after s, or open now). Their stage on s is not recorded: a deal still open keeps its
 * current stage; a deal closed since is taken at the mean of the textbook's open stages
 * (UNKNOWN_STAGE_TEXTBOOK) for the textbook and stage methods' fallback. Rates are learned from the
 * deals closed before s only. Undefined when no deal has a created date, or no deal was in the
 * pipeline at s.
 */
export function backtest(
  deals: readonly Deal[],
  textbook: readonly number[],
  asOf: number,
  minClosed: number = MIN_CLOSED_DEALS,
  grain: "month" | "quarter" = "quarter"
): Backtest | undefined {
  if (textbook.length !== deals.length) throw new RangeError("backtest: columns differ in length");
  const q = periodStart(asOf, grain);
  const start = periodEnd(q, grain) <= Math.floor(asOf) ? q : addPeriods(q, -1, grain);
  const end = periodEnd(start, grain);
  const before = deals.filter((d) => d.outcome !== "open" && d.close !== null && d.close < start);
  // Stages still open now are known; the model learns from the deals closed before the start.
  const model = learnModel([...before, ...deals.filter((d) => d.outcome === "open")], minClosed);
  const inPipeline: { d: Deal; textbook: number }[] = [];
  let wonFromNewDeals = 0;
  let actual = 0;
  deals.forEach((d, i) => {
    if (d.created === null) return;
    const closesInQuarter = d.close !== null && d.close >= start && d.close <= end;
    if (d.created >= start) {
      if (d.outcome === "won" && closesInQuarter) wonFromNewDeals += d.amount ?? 0;
      return;
    }
    if (!closesInQuarter || d.amount === null) return;
    inPipeline.push({ d, textbook: d.outcome === "open" ? textbook[i] : UNKNOWN_STAGE_TEXTBOOK });
    if (d.outcome === "won") actual += d.amount;
  });
  if (inPipeline.length === 0) return undefined;
  const owners: Backtest["owners"] = [];
  const ownerIndex = new Map<string, number>();
  const slot = (d: Deal) => {
    const key = ownerKey(d.owner);
    let k = ownerIndex.get(key);
    if (k === undefined) {
      k = owners.length;
      ownerIndex.set(key, k);
      owners.push({
        owner: d.owner === null || d.owner.trim() === "" ? null : d.owner,
        actual: 0,
        forecast: PROBABILITY_METHODS.map(() => 0),
      });
    }
    return owners[k];
  };
  for (const { d } of inPipeline) if (d.outcome === "won") slot(d).actual += d.amount as number;
  const rows = PROBABILITY_METHODS.map((method, m): BacktestRow => {
    let forecast = 0;
    let learnedDeals = 0;
    for (const { d, textbook: t } of inPipeline) {
      // A deal closed since the start had an open stage then, unknown now.
      const asOpen: Deal = d.outcome === "open" ? d : { ...d, stage: "\u0000unknown" };
      const p = probabilityOf(asOpen, t, method, model);
      const w = (d.amount as number) * p.probability;
      forecast += w;
      slot(d).forecast[m] += w;
      if (p.learned) learnedDeals++;
    }
    const error = forecast - actual;
    return {
      method,
      forecast,
      error,
      ...(actual > 0 ? { absPercentError: Math.abs(error) / actual } : {}),
      learnedDeals,
    };
  });
  return {
    start,
    end,
    deals: inPipeline.length,
    actual,
    wonFromNewDeals,
    trainingDeals: before.length,
    rows,
    owners,
  };
}
