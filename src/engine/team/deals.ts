// The deals of an opportunity list as the team views read them, grouped by owner: the pipeline roll-up
// per rep and for the team (open, weighted, commit, best case, won and lost, target, attainment,
// coverage), as in CRM forecasting (Salesforce's forecast categories, ../pipeline/funnel.ts), and the
// rep × month matrix of weighted pipeline.

import { Outcome } from "../pipeline/conversion";
import { ForecastCategory } from "../pipeline/funnel";
import { groupKey } from "../pipeline/cycle";
import { firstOfMonth, ymdFromSerial } from "../calendar";

export interface Deal {
  /** The owner as written; null when the deal has none ("(no owner)" in the report). */
  owner: string | null;
  account?: string;
  /** The amount; null when the list gives none (an early open deal). */
  amount: number | null;
  /** The stage as written. */
  stage: string;
  outcome: Outcome;
  /** Close date (Excel serial): actual for a closed deal, expected for an open one; null if blank. */
  close: number | null;
  /** Created (or first contact) date; null when unknown. */
  created: number | null;
  /** Forecast category of the stage (open deals: pipeline, best case or commit). */
  category: ForecastCategory;
}

/** Owners compare ignoring case and surrounding spaces; no owner is its own key. */
export function ownerKey(owner: string | null): string {
  return owner === null || owner.trim() === "" ? "\u0000none" : groupKey(owner);
}

export interface OwnerRollup {
  /** The owner as first written; null for deals without one. */
  owner: string | null;
  /** Open deals, and those of them without an amount (in no sum). */
  openDeals: number;
  openWithoutAmount: number;
  /** Sum of open amounts; weighted = Σ amount × probability. */
  open: number;
  weighted: number;
  /** Open amounts in the Commit category; best case = commit + Best case category (the roll-up CRM
   *  forecasts show: best case includes what is committed). */
  commit: number;
  bestCase: number;
  /** Won and lost deals closed in the period (count and amount). */
  wonDeals: number;
  won: number;
  lostDeals: number;
  lost: number;
  /** wonDeals ÷ (wonDeals + lostDeals) in the period. */
  winRate?: number;
  target?: number;
  /** won ÷ target. */
  attainment?: number;
  /** open ÷ (target − won): the pipeline against what is still to win; absent once the target is met. */
  coverage?: number;
}

export interface RollupOptions {
  /** Won and lost deals count when their close date is in [from, to] (Excel serials); without a
   *  bound every closed deal counts. */
  from?: number;
  to?: number;
  /** Targets per owner (as written); matched like owners. */
  targets?: readonly { owner: string; target: number }[];
}

function empty(owner: string | null): OwnerRollup {
  return {
    owner,
    openDeals: 0,
    openWithoutAmount: 0,
    open: 0,
    weighted: 0,
    commit: 0,
    bestCase: 0,
    wonDeals: 0,
    won: 0,
    lostDeals: 0,
    lost: 0,
  };
}

function finish(r: OwnerRollup): OwnerRollup {
  const closed = r.wonDeals + r.lostDeals;
  if (closed > 0) r.winRate = r.wonDeals / closed;
  if (r.target !== undefined && r.target > 0) {
    r.attainment = r.won / r.target;
    if (r.target > r.won) r.coverage = r.open / (r.target - r.won);
  }
  return r;
}

/**
 * The roll-up per owner (sorted by name, no owner last) and for the team. `probabilities[i]` is the
 * win probability used for deal i when it is open. Owners in the targets without a deal are listed
 * (with zero pipeline) and named in `targetsWithoutDeals`.
 */
export function rollUp(
  deals: readonly Deal[],
  probabilities: readonly number[],
  options: RollupOptions = {}
): { owners: OwnerRollup[]; team: OwnerRollup; targetsWithoutDeals: string[] } {
  if (probabilities.length !== deals.length)
    throw new RangeError("rollUp: deals and probabilities differ in length");
  const byKey = new Map<string, OwnerRollup>();
  const team = empty(null);
  const { from = -Infinity, to = Infinity } = options;
  const unbounded = options.from === undefined && options.to === undefined;
  deals.forEach((d, i) => {
    const key = ownerKey(d.owner);
    let r = byKey.get(key);
    if (!r) {
      r = empty(d.owner === null || d.owner.trim() === "" ? null : d.owner);
      byKey.set(key, r);
    }
    for (const t of [r, team]) {
      if (d.outcome === "open") {
        t.openDeals++;
        if (d.amount === null) {
          t.openWithoutAmount++;
          continue;
        }
        t.open += d.amount;
        t.weighted += d.amount * probabilities[i];
        if (d.category === "commit") t.commit += d.amount;
        if (d.category === "commit" || d.category === "bestCase") t.bestCase += d.amount;
      } else {
        const inPeriod = unbounded || (d.close !== null && d.close >= from && d.close <= to);
        if (!inPeriod) continue;
        const a = d.amount ?? 0;
        if (d.outcome === "won") {
          t.wonDeals++;
          t.won += a;
        } else {
          t.lostDeals++;
          t.lost += a;
        }
      }
    }
  });
  const targetsWithoutDeals: string[] = [];
  let teamTarget = 0;
  let anyTarget = false;
  for (const { owner, target } of options.targets ?? []) {
    const key = ownerKey(owner);
    let r = byKey.get(key);
    if (!r) {
      r = empty(owner);
      byKey.set(key, r);
      targetsWithoutDeals.push(owner);
    }
    r.target = (r.target ?? 0) + target;
    teamTarget += target;
    anyTarget = true;
  }
  if (anyTarget) team.target = teamTarget;
  const owners = [...byKey.values()].sort((a, b) =>
    a.owner === null ? 1 : b.owner === null ? -1 : a.owner.localeCompare(b.owner)
  );
  return { owners: owners.map(finish), team: finish(team), targetsWithoutDeals };
}

/**
 * Weighted pipeline per owner and month of (expected) close date: the months from the earliest to
 * the latest open close date, and per owner (in `owners`' order, by ownerKey) the weighted amount of
 * each month plus that of open deals without a close date (`undated`).
 */
export function weightedByMonth(
  deals: readonly Deal[],
  probabilities: readonly number[],
  owners: readonly (string | null)[]
): { months: number[]; rows: { owner: string | null; months: number[]; undated: number }[] } {
  const open = deals
    .map((d, i) => ({ d, p: probabilities[i] }))
    .filter(({ d }) => d.outcome === "open" && d.amount !== null);
  const dated = open.filter(({ d }) => d.close !== null).map(({ d }) => d.close as number);
  const months: number[] = [];
  if (dated.length > 0) {
    // Loops, not Math.min(...dated): a spread of a user-sized array overflows the stack.
    let first = Infinity;
    let last = -Infinity;
    for (const c of dated) {
      if (c < first) first = c;
      if (c > last) last = c;
    }
    const [y0, m0] = ymdFromSerial(first);
    for (let k = 0; ; k++) {
      const m = firstOfMonth(y0, m0 + k);
      if (m > last) break;
      months.push(m);
    }
  }
  const index = new Map(owners.map((o, k) => [ownerKey(o), k]));
  const rows = owners.map((owner) => ({ owner, months: months.map(() => 0), undated: 0 }));
  for (const { d, p } of open) {
    const k = index.get(ownerKey(d.owner));
    if (k === undefined) continue;
    const w = (d.amount as number) * p;
    if (d.close === null) rows[k].undated += w;
    else {
      const [y, m] = ymdFromSerial(d.close);
      const [y0, m0] = ymdFromSerial(months[0]);
      rows[k].months[(y - y0) * 12 + (m - m0)] += w;
    }
  }
  return { months, rows };
}
