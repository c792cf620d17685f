// The Sales team report's extra sources (src/report/team.ts): the second snapshot of the opportunity
// list (slipped deals and every other change, ../engine/team/snapshot.ts) and the account-owner list
// (../engine/team/owners.ts), written as sections of the team sheet.

import { firstOfMonth, periodLabel, ymdFromSerial } from "../engine/calendar";
import { classifyStage } from "../engine/pipeline/funnel";
import {
  compareSnapshot,
  CurrentDeal,
  DealChange,
  largestSlipped,
  SlippedByOwner,
  SnapshotDeal,
  snapshotForecast,
} from "../engine/team/snapshot";
import { ownerKey } from "../engine/team/deals";
import { outcomeOfStage } from "../engine/team/outcome";
import { AppliedOwners, OwnerList, readOwnerList } from "../engine/team/owners";
import { TEAM_SOURCES } from "../i18n/report.teamSources";
import { Lang } from "../i18n/lang";
import { ReportFigure } from "./model";
import { REPORT_STAGE_TABLE } from "./pipeline";
import { Dataset } from "./roles";
import { SheetBuilder, userText, userTextOr } from "./sheet";

/** Deals listed per table at most (the rest are counted in a note). */
export const DEAL_LIST_CAP = 50;

/** A stage's textbook probability (../pipeline/funnel.ts), its rank in the funnel; undefined when
 *  the stage table does not know it. */
export function stageRank(stage: string): number | undefined {
  const c = classifyStage(stage, REPORT_STAGE_TABLE);
  return c.ok ? c.probability : undefined;
}

/** The deals of a snapshot dataset (its roles: EXTRA_ROLES.snapshot). */
export function snapshotDeals(ds: Dataset): SnapshotDeal[] {
  const ids = ds.text.opportunity ?? [];
  const stages = ds.text.stage;
  const amounts = ds.sparse?.amount ?? ds.numbers.amount;
  const closes = ds.sparse?.closeDate ?? ds.numbers.closeDate;
  const out: SnapshotDeal[] = [];
  for (let i = 0; i < ds.rows; i++) {
    const stage = stages ? (stages[i] ?? "").trim() : "";
    out.push({
      id: ids[i] ?? "",
      stage: stage === "" ? null : stage,
      outcome: stage === "" ? null : outcomeOfStage(stage),
      amount: amounts?.[i] ?? null,
      close: closes?.[i] ?? null,
    });
  }
  return out;
}

const changeKinds = (c: DealChange): (keyof (typeof TEAM_SOURCES)["en"]["changes"])[] => [
  ...(c.presence === "gone" ? (["gone"] as const) : []),
  ...(c.slipped ? (["slipped"] as const) : []),
  ...(c.pulledIn ? (["pulledIn"] as const) : []),
  ...(c.amountChanged ? (["amountChanged"] as const) : []),
  ...(c.stageMove > 0 ? (["forward"] as const) : []),
  ...(c.stageMove < 0 ? (["back"] as const) : []),
  ...(c.stageChanged ? (["stageChanged"] as const) : []),
  ...(c.closedSince === "won" ? (["closedWon"] as const) : []),
  ...(c.closedSince === "lost" ? (["closedLost"] as const) : []),
];

export interface SnapshotInput {
  lang: Lang;
  /** The current opportunity list's deals with their ids; undefined when it has no id column. */
  current: CurrentDeal[] | undefined;
  /** Where the ids were read (e.g. "Deals!A2:A900"), for the note. */
  idColumn: string;
  snapshot: Dataset;
  noOwner: string;
  team: string;
}

/**
 * Writes the snapshot's sections and notes; returns the slipped deals per owner (by ownerKey) for the
 * velocity table, or undefined when the snapshot could not be used (said in a note).
 */
export function snapshotSections(
  b: SheetBuilder,
  notes: string[],
  figures: Record<string, ReportFigure>,
  x: SnapshotInput
): Map<string, SlippedByOwner> | undefined {
  const L = TEAM_SOURCES[x.lang];
  if (!x.current) {
    notes.push(L.notes.snapshotNoId);
    figures.snapshot = { used: false, reason: "no opportunity id column" };
    return undefined;
  }
  const snap = snapshotDeals(x.snapshot);
  const cmp = compareSnapshot(x.current, snap, stageRank);
  const owner = (o: string | null) => userTextOr(o, x.noOwner);
  notes.push(
    L.notes.snapshotMatch(
      x.idColumn,
      cmp.matched,
      cmp.onlySnapshot,
      cmp.onlyNow,
      cmp.duplicateIdsSnapshot,
      cmp.duplicateIdsNow,
      cmp.blankSnapshot,
      cmp.blankNow
    )
  );
  figures.snapshot = {
    used: cmp.matched > 0,
    matched: cmp.matched,
    only_snapshot: cmp.onlySnapshot,
    only_now: cmp.onlyNow,
    duplicate_ids_snapshot: cmp.duplicateIdsSnapshot,
    duplicate_ids_now: cmp.duplicateIdsNow,
    blank_ids_snapshot: cmp.blankSnapshot,
    blank_ids_now: cmp.blankNow,
    slipped: cmp.counts.slipped,
    slipped_amount: cmp.team.amount,
    pulled_in: cmp.counts.pulledIn,
    amount_changed: cmp.counts.amountChanged,
    stage_forward: cmp.counts.forward,
    stage_back: cmp.counts.back,
    won_since: cmp.counts.closedWon,
    lost_since: cmp.counts.closedLost,
    new: cmp.counts.new,
    gone: cmp.counts.gone,
  };
  if (cmp.matched === 0) {
    notes.push(L.notes.snapshotNoneMatched);
    return undefined;
  }
  const unique = cmp.matched + cmp.onlyNow;
  if (unique > 0 && cmp.matched / unique < 0.5)
    notes.push(L.notes.snapshotFewMatched(`${((cmp.matched / unique) * 100).toFixed(1)}%`));
  const hasClose = (x.snapshot.sparse?.closeDate ?? x.snapshot.numbers.closeDate) !== undefined;
  if (!hasClose) notes.push(L.notes.snapshotNoClose);

  // Slipped deals per owner and the largest of them.
  b.section(L.sections.slipped);
  b.table(
    "KAM_TeamSlipped",
    [
      { header: L.headers.owner, total: { label: x.team }, width: 24 },
      { header: L.headers.slippedDeals, format: "integer", total: "sum" },
      { header: L.headers.slippedAmount, format: "number", total: "sum", width: 14 },
      { header: L.headers.averageDays, format: "number" },
    ],
    cmp.slipped.map((r) => [owner(r.owner), r.deals, r.amount, r.averageDays])
  );
  notes.push(L.notes.slipped);
  const largest = largestSlipped(cmp.changes, DEAL_LIST_CAP);
  if (largest.deals.length > 0) {
    b.section(L.sections.slippedDeals);
    b.table(
      "KAM_TeamSlippedDeals",
      [
        { header: L.headers.id, width: 14 },
        { header: L.headers.owner, width: 20 },
        { header: L.headers.account, width: 20 },
        { header: L.headers.stageNow },
        { header: L.headers.amountNow, format: "number" },
        { header: L.headers.closeBefore, format: "date" },
        { header: L.headers.closeNow, format: "date" },
        { header: L.headers.days, format: "integer" },
      ],
      largest.deals.map((c) => [
        userText(c.id),
        owner(c.owner),
        c.account === null ? null : userText(c.account),
        c.stageNow === null ? null : userText(c.stageNow),
        c.amountNow ?? c.amountBefore,
        c.closeBefore,
        c.closeNow,
        c.days ?? null,
      ])
    );
    if (largest.more > 0) b.note(L.notes.more(largest.more));
  }

  // Every change, counted, and the changed deals (matched or gone) largest first.
  b.section(L.sections.changes);
  const kinds = Object.keys(L.changes) as (keyof typeof L.changes)[];
  b.table(
    "KAM_TeamChanges",
    [
      { header: L.headers.change, width: 30 },
      { header: L.headers.deals, format: "integer" },
    ],
    kinds.map((k) => [L.changes[k], cmp.counts[k]])
  );
  const amount = (c: DealChange) => c.amountNow ?? c.amountBefore ?? 0;
  const changed = cmp.changes
    .filter((c) => c.presence !== "new")
    .sort((a, b) => amount(b) - amount(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (changed.length > 0) {
    b.section(L.sections.changedDeals);
    b.table(
      "KAM_TeamChangedDeals",
      [
        { header: L.headers.id, width: 14 },
        { header: L.headers.owner, width: 20 },
        { header: L.headers.change, width: 30 },
        { header: L.headers.stageBefore },
        { header: L.headers.stageNow },
        { header: L.headers.amountBefore, format: "number" },
        { header: L.headers.amountNow, format: "number" },
        { header: L.headers.closeBefore, format: "date" },
        { header: L.headers.closeNow, format: "date" },
      ],
      changed.slice(0, DEAL_LIST_CAP).map((c) => [
        userText(c.id),
        c.presence === "gone" ? null : owner(c.owner),
        changeKinds(c)
          .map((k) => L.changes[k])
          .join("; "),
        c.stageBefore === null ? null : userText(c.stageBefore),
        c.stageNow === null ? null : userText(c.stageNow),
        c.amountBefore,
        c.amountNow,
        c.closeBefore,
        c.closeNow,
      ])
    );
    if (changed.length > DEAL_LIST_CAP) b.note(L.notes.more(changed.length - DEAL_LIST_CAP));
  }
  if (cmp.counts.gone > 0) notes.push(L.notes.gone);

  // Forecast vs actual from the snapshot, per owner and month of the expected close date.
  if (hasClose) {
    const rows = snapshotForecast(
      x.current,
      snap,
      (stage) => (stage === null ? 0 : (stageRank(stage) ?? 0)),
      monthOf
    );
    if (rows.length > 0) {
      b.section(L.sections.snapshotForecast);
      b.table(
        "KAM_TeamSnapshotForecast",
        [
          { header: L.headers.owner, total: { label: x.team }, width: 24 },
          { header: L.headers.period, width: 10 },
          { header: L.headers.deals, format: "integer", total: "sum" },
          { header: L.headers.forecast, format: "number", total: "sum" },
          { header: L.headers.weighted, format: "number", total: "sum" },
          { header: L.headers.won, format: "number", total: "sum" },
        ],
        rows.map((r) => [
          owner(r.owner),
          periodLabel(r.period, "month"),
          r.deals,
          r.forecast,
          r.weighted,
          r.won,
        ])
      );
      notes.push(L.notes.snapshotForecast);
    }
  }
  return new Map(cmp.slipped.map((r) => [ownerKey(r.owner), r]));
}

/** The first day of a date's month (Excel serial). */
export function monthOf(serial: number): number {
  const [y, m] = ymdFromSerial(serial);
  return firstOfMonth(y, m);
}

/** The owner list read from its dataset (EXTRA_ROLES.owners: customer, owner), with its notes. */
export function ownerListOf(ds: Dataset, lang: Lang, notes: string[]): OwnerList {
  const L = TEAM_SOURCES[lang];
  const list = readOwnerList(ds.text.customer ?? [], ds.text.owner ?? []);
  notes.push(L.notes.ownersUsed(list.used, ds.rows));
  if (list.contradictions.length > 0)
    notes.push(
      L.notes.ownersContradictions(
        list.contradictions.length,
        list.contradictions
          .slice(0, 3)
          .map((c) => `${c.account}: ${c.kept} / ${c.other}`)
          .join(", ")
      )
    );
  return list;
}

/** Writes the owner list's notes, its conflicts and the accounts it gives without revenue, for the
 *  list applied to the revenue rows (../engine/team/owners.ts applyOwnerList). */
export function ownerSections(
  b: SheetBuilder,
  notes: string[],
  figures: Record<string, ReportFigure>,
  list: OwnerList,
  applied: AppliedOwners,
  lang: Lang
): void {
  const L = TEAM_SOURCES[lang];
  if (applied.filled > 0) notes.push(L.notes.ownersFilled(applied.filled));
  if (applied.conflicts.length > 0) {
    const examples = applied.conflicts
      .slice(0, 3)
      .map((c) => `${c.account}: ${c.dataOwner} → ${c.listOwner}`)
      .join(", ");
    notes.push(
      L.notes.ownersConflicts(
        applied.conflictRows,
        new Set(applied.conflicts.map((c) => c.account.toLowerCase())).size,
        examples
      )
    );
    b.section(L.sections.ownerConflicts);
    b.table(
      "KAM_TeamOwnerConflicts",
      [
        { header: L.headers.account, width: 24 },
        { header: L.headers.listOwner, width: 20 },
        { header: L.headers.dataOwner, width: 20 },
        { header: L.headers.rows, format: "integer", total: "sum" },
      ],
      applied.conflicts
        .slice(0, DEAL_LIST_CAP)
        .map((c) => [userText(c.account), userText(c.listOwner), userText(c.dataOwner), c.rows])
    );
    if (applied.conflicts.length > DEAL_LIST_CAP)
      b.note(L.notes.more(applied.conflicts.length - DEAL_LIST_CAP));
  }
  if (applied.withoutRows.length > 0) {
    notes.push(L.notes.ownersWithoutRows(applied.withoutRows.length));
    b.section(L.sections.heldWithoutOrders);
    b.table(
      "KAM_TeamHeldWithoutOrders",
      [
        { header: L.headers.account, width: 24 },
        { header: L.headers.owner, width: 20 },
      ],
      applied.withoutRows.map((a) => [userText(a.account), userText(a.owner)])
    );
  }
  figures.owner_list = {
    rows_used: list.used,
    filled: applied.filled,
    conflict_rows: applied.conflictRows,
    conflict_accounts: new Set(applied.conflicts.map((c) => c.account.toLowerCase())).size,
    accounts_without_revenue: applied.withoutRows.length,
  };
}
