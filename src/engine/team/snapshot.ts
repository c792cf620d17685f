// Slipped deals: two exports of the same opportunity list compared deal by deal on the opportunity id
// (the pipeline-change or "waterfall" review of CRM forecasting: close date pushed out or pulled in,
// amount changed, stage moved forward or back, deals new since the earlier export or gone from it).

import { Outcome } from "../pipeline/conversion";
import { ownerKey } from "./deals";

/** A deal of the earlier export: its id and whatever it recorded then. */
export interface SnapshotDeal {
  id: string;
  stage: string | null;
  outcome: Outcome | null;
  amount: number | null;
  close: number | null;
}

/** A deal of the current list. */
export interface CurrentDeal {
  id: string;
  owner: string | null;
  account: string | null;
  stage: string;
  outcome: Outcome;
  amount: number | null;
  close: number | null;
}

/** What happened to one deal between the two exports. */
export interface DealChange {
  id: string;
  /** The current owner and account (null for a deal gone since the snapshot: the export has none). */
  owner: string | null;
  account: string | null;
  /** "matched": in both; "new": only in the current list; "gone": only in the snapshot. */
  presence: "matched" | "new" | "gone";
  stageBefore: string | null;
  stageNow: string | null;
  amountBefore: number | null;
  amountNow: number | null;
  closeBefore: number | null;
  closeNow: number | null;
  /** Whole days the close date moved (later > 0, earlier < 0); absent without both dates. */
  days?: number;
  slipped: boolean;
  pulledIn: boolean;
  amountChanged: boolean;
  /** +1 a stage further on (won counts as the furthest), −1 back, 0 unchanged or not comparable. */
  stageMove: -1 | 0 | 1;
  /** The stage text changed but neither stage has a rank (e.g. a stage the stage table does not know). */
  stageChanged: boolean;
  /** Open in the snapshot, won or lost now. */
  closedSince?: "won" | "lost";
}

export interface SlippedByOwner {
  owner: string | null;
  deals: number;
  /** The slipped deals' amount now (the snapshot's when the current list has none). */
  amount: number;
  /** Mean days the close date moved. */
  averageDays: number;
}

export interface SnapshotComparison {
  /** Ids matched (unique in both lists), only in the snapshot, only now (unique ids). */
  matched: number;
  onlySnapshot: number;
  onlyNow: number;
  /** Distinct ids written more than once in each list (their rows are not compared), and the rows. */
  duplicateIdsSnapshot: number;
  duplicateIdsNow: number;
  duplicateRowsSnapshot: number;
  duplicateRowsNow: number;
  /** Rows without an id in each list (not compared). */
  blankSnapshot: number;
  blankNow: number;
  /** Every matched deal with a change, every new and every gone deal, in list order. */
  changes: DealChange[];
  /** Counts over `changes`. */
  counts: {
    slipped: number;
    pulledIn: number;
    amountChanged: number;
    forward: number;
    back: number;
    stageChanged: number;
    closedWon: number;
    closedLost: number;
    new: number;
    gone: number;
  };
  /** Slipped deals per current owner (sorted by name, no owner last) and for the team. */
  slipped: SlippedByOwner[];
  team: SlippedByOwner;
}

/** Ids compare as trimmed text, case and all (CRM ids are case-sensitive). */
export const idKey = (id: string): string => id.trim();

function index<T extends { id: string }>(
  rows: readonly T[]
): {
  unique: Map<string, T>;
  duplicates: Set<string>;
  duplicateIds: number;
  duplicateRows: number;
  blank: number;
} {
  const seen = new Map<string, T[]>();
  let blank = 0;
  for (const r of rows) {
    const k = idKey(r.id);
    if (k === "") {
      blank++;
      continue;
    }
    const list = seen.get(k);
    if (list) list.push(r);
    else seen.set(k, [r]);
  }
  const unique = new Map<string, T>();
  const duplicates = new Set<string>();
  let duplicateIds = 0;
  let duplicateRows = 0;
  for (const [k, list] of seen) {
    if (list.length === 1) unique.set(k, list[0]);
    else {
      duplicates.add(k);
      duplicateIds++;
      duplicateRows += list.length;
    }
  }
  return { unique, duplicates, duplicateIds, duplicateRows, blank };
}

/**
 * Compares the current list with the snapshot by id. `rank(stage)` orders stages (higher is further
 * on; undefined when unknown); a won deal ranks above every open stage, a lost one is not ranked.
 * Ids written more than once in a list are left out of the comparison (in both lists) and counted.
 */
export function compareSnapshot(
  current: readonly CurrentDeal[],
  snapshot: readonly SnapshotDeal[],
  rank: (stage: string) => number | undefined
): SnapshotComparison {
  const now = index(current);
  const then = index(snapshot);
  const rankOf = (stage: string | null, outcome: Outcome | null): number | undefined => {
    if (outcome === "won") return Infinity;
    if (outcome === "lost" || stage === null) return undefined;
    return rank(stage);
  };
  const changes: DealChange[] = [];
  let matched = 0;
  for (const [k, d] of now.unique) {
    // An id written more than once in the snapshot is neither matched nor new (counted apart).
    if (then.duplicates.has(k)) continue;
    const s = then.unique.get(k);
    if (!s) {
      changes.push({
        id: k,
        owner: d.owner,
        account: d.account,
        presence: "new",
        stageBefore: null,
        stageNow: d.stage,
        amountBefore: null,
        amountNow: d.amount,
        closeBefore: null,
        closeNow: d.close,
        slipped: false,
        pulledIn: false,
        amountChanged: false,
        stageMove: 0,
        stageChanged: false,
      });
      continue;
    }
    matched++;
    const c: DealChange = {
      id: k,
      owner: d.owner,
      account: d.account,
      presence: "matched",
      stageBefore: s.stage,
      stageNow: d.stage,
      amountBefore: s.amount,
      amountNow: d.amount,
      closeBefore: s.close,
      closeNow: d.close,
      slipped: false,
      pulledIn: false,
      amountChanged: s.amount !== null && d.amount !== null && s.amount !== d.amount,
      stageMove: 0,
      stageChanged: false,
    };
    if (s.close !== null && d.close !== null) {
      c.days = Math.floor(d.close) - Math.floor(s.close);
      c.slipped = c.days > 0;
      c.pulledIn = c.days < 0;
    }
    if (s.stage !== null && s.stage.trim() !== d.stage.trim()) {
      const a = rankOf(s.stage, s.outcome);
      const b = rankOf(d.stage, d.outcome);
      if (a !== undefined && b !== undefined && a !== b) c.stageMove = b > a ? 1 : -1;
      else if (d.outcome !== "lost") c.stageChanged = true;
    }
    if ((s.outcome === null || s.outcome === "open") && d.outcome !== "open")
      c.closedSince = d.outcome;
    if (
      c.slipped ||
      c.pulledIn ||
      c.amountChanged ||
      c.stageMove !== 0 ||
      c.stageChanged ||
      c.closedSince
    )
      changes.push(c);
  }
  for (const [k, s] of then.unique)
    if (!now.unique.has(k) && !now.duplicates.has(k))
      changes.push({
        id: k,
        owner: null,
        account: null,
        presence: "gone",
        stageBefore: s.stage,
        stageNow: null,
        amountBefore: s.amount,
        amountNow: null,
        closeBefore: s.close,
        closeNow: null,
        slipped: false,
        pulledIn: false,
        amountChanged: false,
        stageMove: 0,
        stageChanged: false,
      });

  const counts = {
    slipped: 0,
    pulledIn: 0,
    amountChanged: 0,
    forward: 0,
    back: 0,
    stageChanged: 0,
    closedWon: 0,
    closedLost: 0,
    new: 0,
    gone: 0,
  };
  const groups = new Map<string, SlippedByOwner & { days: number }>();
  const team = { owner: null, deals: 0, amount: 0, averageDays: 0, days: 0 };
  for (const c of changes) {
    if (c.presence === "new") counts.new++;
    else if (c.presence === "gone") counts.gone++;
    if (c.slipped) counts.slipped++;
    if (c.pulledIn) counts.pulledIn++;
    if (c.amountChanged) counts.amountChanged++;
    if (c.stageMove > 0) counts.forward++;
    if (c.stageMove < 0) counts.back++;
    if (c.stageChanged) counts.stageChanged++;
    if (c.closedSince === "won") counts.closedWon++;
    if (c.closedSince === "lost") counts.closedLost++;
    if (!c.slipped) continue;
    const key = ownerKey(c.owner);
    let g = groups.get(key);
    if (!g) {
      const owner = c.owner === null || c.owner.trim() === "" ? null : c.owner;
      groups.set(key, (g = { owner, deals: 0, amount: 0, averageDays: 0, days: 0 }));
    }
    for (const t of [g, team]) {
      t.deals++;
      t.amount += c.amountNow ?? c.amountBefore ?? 0;
      t.days += c.days as number;
    }
  }
  const finish = ({ owner, deals, amount, days }: SlippedByOwner & { days: number }) => ({
    owner,
    deals,
    amount,
    averageDays: deals > 0 ? days / deals : 0,
  });
  const slipped = [...groups.values()]
    .sort((a, b) => (a.owner === null ? 1 : b.owner === null ? -1 : a.owner.localeCompare(b.owner)))
    .map(finish);
  return {
    matched,
    onlySnapshot: counts.gone,
    onlyNow: counts.new,
    duplicateIdsSnapshot: then.duplicateIds,
    duplicateIdsNow: now.duplicateIds,
    duplicateRowsSnapshot: then.duplicateRows,
    duplicateRowsNow: now.duplicateRows,
    blankSnapshot: then.blank,
    blankNow: now.blank,
    changes,
    counts,
    slipped,
    team: finish(team),
  };
}

/** The slipped deals, largest amount first (ties by id), the first `cap` of them, and how many more. */
export function largestSlipped(
  changes: readonly DealChange[],
  cap: number
): { deals: DealChange[]; more: number } {
  const amount = (c: DealChange) => c.amountNow ?? c.amountBefore ?? 0;
  const all = changes
    .filter((c) => c.slipped)
    .sort((a, b) => amount(b) - amount(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { deals: all.slice(0, cap), more: Math.max(0, all.length - cap) };
}

export interface SnapshotForecastRow {
  owner: string | null;
  /** The period (first day, Excel serial) of the snapshot's expected close date. */
  period: number;
  /** The snapshot's open deals expected to close in the period: count, amount, weighted amount. */
  deals: number;
  forecast: number;
  weighted: number;
  /** Of those deals, what the current list shows won with a close date in the same period. */
  won: number;
}

/**
 * Forecast vs actual from the snapshot: per current owner and period of the snapshot's expected close
 * date, what the snapshot's open pipeline said (amount, and weighted by `probability(stage)`) against
 * what of it the current list shows won in that same period. Only matched deals (unique ids) with a
 * snapshot close date count; a deal without an amount in the snapshot adds nothing to the forecast.
 * `periodOf` maps a date to its period's first day (e.g. calendar.ts's month or quarter start).
 */
export function snapshotForecast(
  current: readonly CurrentDeal[],
  snapshot: readonly SnapshotDeal[],
  probability: (stage: string | null) => number,
  periodOf: (serial: number) => number
): SnapshotForecastRow[] {
  const now = index(current).unique;
  const rows = new Map<string, SnapshotForecastRow>();
  for (const [k, s] of index(snapshot).unique) {
    const d = now.get(k);
    if (!d || s.close === null || (s.outcome !== null && s.outcome !== "open")) continue;
    const period = periodOf(s.close);
    const key = `${ownerKey(d.owner)}\u0001${period}`;
    let r = rows.get(key);
    if (!r) {
      const owner = d.owner === null || d.owner.trim() === "" ? null : d.owner;
      rows.set(key, (r = { owner, period, deals: 0, forecast: 0, weighted: 0, won: 0 }));
    }
    r.deals++;
    if (s.amount !== null) {
      r.forecast += s.amount;
      r.weighted += s.amount * probability(s.stage);
    }
    if (d.outcome === "won" && d.close !== null && periodOf(d.close) === period)
      r.won += d.amount ?? 0;
  }
  return [...rows.values()].sort(
    (a, b) =>
      (a.owner === null ? 1 : 0) - (b.owner === null ? 1 : 0) ||
      (a.owner ?? "").localeCompare(b.owner ?? "") ||
      a.period - b.period
  );
}
