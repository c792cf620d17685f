// Sales velocity per rep — open opportunities × win rate × average won deal size ÷ average sales
// cycle length (days), the pipeline-velocity formula of sales management (revenue the pipeline is
// expected to turn into per day) — with the cycle statistics of ../pipeline/cycle.ts and the days the
// open deals have been open.

import { cycleStats } from "../pipeline/cycle";
import { Outcome } from "../pipeline/conversion";
import { groupKey } from "../pipeline/cycle";

export interface VelocityRow {
  /** The owner as first written; null for deals without one; undefined for the All row. */
  owner?: string | null;
  /** Open deals, won and lost deals. */
  open: number;
  won: number;
  lost: number;
  /** won ÷ (won + lost). */
  winRate?: number;
  /** Mean amount of the won deals with an amount. */
  averageWon?: number;
  /** Mean days from created to close of the closed deals with both dates. */
  cycle?: number;
  /** open × winRate × averageWon ÷ cycle (per day); absent when a factor is missing or cycle is 0. */
  velocity?: number;
  /** Mean days the open deals with a created date have been open on the as-of date. */
  daysOpen?: number;
}

export interface VelocityDeal {
  owner: string | null;
  outcome: Outcome;
  amount: number | null;
  created: number | null;
  close: number | null;
}

const NONE = "\u0000none";

function row(deals: readonly VelocityDeal[], asOf: number): VelocityRow {
  let open = 0;
  let won = 0;
  let lost = 0;
  let wonSum = 0;
  let wonCounted = 0;
  const cycles: number[] = [];
  const ages: number[] = [];
  for (const d of deals) {
    if (d.outcome === "open") {
      open++;
      if (d.created !== null) ages.push(Math.floor(asOf) - Math.floor(d.created));
      continue;
    }
    if (d.outcome === "won") {
      won++;
      if (d.amount !== null) {
        wonSum += d.amount;
        wonCounted++;
      }
    } else lost++;
    if (d.created !== null && d.close !== null)
      cycles.push(Math.floor(d.close) - Math.floor(d.created));
  }
  const out: VelocityRow = { open, won, lost };
  if (won + lost > 0) out.winRate = won / (won + lost);
  if (wonCounted > 0) out.averageWon = wonSum / wonCounted;
  if (cycles.length > 0) out.cycle = cycleStats(cycles).mean;
  if (ages.length > 0) out.daysOpen = cycleStats(ages).mean;
  if (
    out.winRate !== undefined &&
    out.averageWon !== undefined &&
    out.cycle !== undefined &&
    out.cycle > 0
  )
    out.velocity = (open * out.winRate * out.averageWon) / out.cycle;
  return out;
}

/** Velocity per owner (sorted by name, no owner last), then the All row. `asOf` dates the open deals'
 *  age. */
export function salesVelocity(deals: readonly VelocityDeal[], asOf: number): VelocityRow[] {
  const groups = new Map<string, { owner: string | null; deals: VelocityDeal[] }>();
  for (const d of deals) {
    const blank = d.owner === null || d.owner.trim() === "";
    const key = blank ? NONE : groupKey(d.owner as string);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { owner: blank ? null : d.owner, deals: [] }));
    g.deals.push(d);
  }
  const owners = [...groups.values()].sort((a, b) =>
    a.owner === null ? 1 : b.owner === null ? -1 : a.owner.localeCompare(b.owner)
  );
  return [...owners.map((g) => ({ owner: g.owner, ...row(g.deals, asOf) })), row(deals, asOf)];
}
