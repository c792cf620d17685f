// Win rates learned from closed deals — per group (rep, stage, deal-size band) — with a minimum
// number of closed deals below which the textbook stage probabilities (the key-account practice's
// 10/30/50/70%, ../pipeline/funnel.ts DEFAULT_STAGES) are used instead. Win rate = won ÷ (won + lost)
// by count (the usual CRM definition) and by value (won amount ÷ closed amount).

import { Outcome } from "../pipeline/conversion";
import { DEFAULT_STAGES } from "../pipeline/funnel";
import { groupKey } from "../pipeline/cycle";

/**
 * Closed deals a learned win rate needs before it is used: with 20 closed deals the standard error
 * of a rate near 50% is √(0.25/20) ≈ 11 points, about the gap between two textbook stages; fewer
 * would let chance decide. Below it the textbook probability is used (and the report says so).
 */
export const MIN_CLOSED_DEALS = 20;

/** The textbook probabilities of the open stages, in funnel order: 10%, 30%, 50%, 70%. */
export const TEXTBOOK_PROBABILITIES: readonly number[] = DEFAULT_STAGES.filter(
  (s) => s.probability > 0 && s.probability < 1
).map((s) => s.probability);

export interface WinRate {
  /** The group as first written (undefined for the All row). */
  group?: string | number;
  won: number;
  lost: number;
  open: number;
  /** won ÷ (won + lost); undefined without a closed deal. */
  rate?: number;
  /** Amounts of the won and the closed deals (deals without an amount count in neither). */
  wonAmount: number;
  closedAmount: number;
  /** wonAmount ÷ closedAmount; undefined when no closed deal has an amount, or it is 0. */
  valueRate?: number;
}

function tally(group: string | number | undefined): WinRate {
  return {
    ...(group !== undefined ? { group } : {}),
    won: 0,
    lost: 0,
    open: 0,
    wonAmount: 0,
    closedAmount: 0,
  };
}

function finish(w: WinRate): WinRate {
  const closed = w.won + w.lost;
  if (closed > 0) w.rate = w.won / closed;
  if (w.closedAmount > 0) w.valueRate = w.wonAmount / w.closedAmount;
  return w;
}

/**
 * Win rates per group, in order of first appearance (groups match ignoring case and surrounding
 * spaces), then the All row. `amounts[i]` null: the deal counts, its amount does not.
 */
export function winRates(
  outcomes: readonly Outcome[],
  groups?: readonly (string | number)[],
  amounts?: readonly (number | null)[]
): { groups: WinRate[]; all: WinRate } {
  if (
    (groups && groups.length !== outcomes.length) ||
    (amounts && amounts.length !== outcomes.length)
  )
    throw new RangeError("winRates: columns differ in length");
  const all = tally(undefined);
  const index = new Map<string, WinRate>();
  const list: WinRate[] = [];
  for (let i = 0; i < outcomes.length; i++) {
    const targets = [all];
    if (groups) {
      const key = groupKey(groups[i]);
      let g = index.get(key);
      if (!g) {
        g = tally(groups[i]);
        index.set(key, g);
        list.push(g);
      }
      targets.push(g);
    }
    const a = amounts?.[i] ?? null;
    for (const t of targets) {
      const o = outcomes[i];
      t[o]++;
      if (o !== "open" && a !== null) {
        t.closedAmount += a;
        if (o === "won") t.wonAmount += a;
      }
    }
  }
  return { groups: list.map(finish), all: finish(all) };
}

/**
 * Deal-size bands: the quartiles of the closed deals' amounts (nearest-rank), so each band holds
 * about a quarter of the closed deals. Returns the upper bounds of the first three bands (a deal
 * belongs to the first band whose bound is ≥ its amount); fewer bounds when amounts repeat.
 */
export function sizeBands(closedAmounts: readonly number[]): number[] {
  const sorted = closedAmounts.filter((a) => Number.isFinite(a)).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const bounds: number[] = [];
  for (const q of [0.25, 0.5, 0.75]) {
    const v = sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
    if (v < sorted[sorted.length - 1] && (bounds.length === 0 || v > bounds[bounds.length - 1]))
      bounds.push(v);
  }
  return bounds;
}

/** The band (0-based) of an amount given the bands' upper bounds. */
export function bandOf(amount: number, bounds: readonly number[]): number {
  let k = 0;
  while (k < bounds.length && amount > bounds[k]) k++;
  return k;
}

/** A learned rate when it rests on enough closed deals, else the fallback; says which it used. */
export function learnedOr(
  rate: WinRate | undefined,
  fallback: number,
  minClosed: number = MIN_CLOSED_DEALS
): { probability: number; learned: boolean } {
  if (rate && rate.rate !== undefined && rate.won + rate.lost >= minClosed)
    return { probability: rate.rate, learned: true };
  return { probability: fallback, learned: false };
}
