// Sales team extra sources on the real CRM export (test/fixtures/real/crm-sales-opportunities, Maven
// Analytics' fictitious B2B pipeline): a second snapshot and an account-owner list, each made from the
// export by a documented, deterministic transformation written below, and the report's slipped deals
// and owner figures checked against a plain computation here.

/* global __dirname */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "@jest/globals";
import { parse } from "csv-parse/sync";
import { decodeText, readCsv } from "../../src/cli/read";
import { buildReport } from "../../src/report";
import { ReportSheet } from "../../src/report/model";
import { Dataset, ExtraId } from "../../src/report/roles";
import { analyseSource } from "../../src/report/source";
import { tableBody } from "../report/reportCheck";

const FILE = path.resolve(__dirname, "../fixtures/real/crm-sales-opportunities/sales_pipeline.csv");
const CREATED = "2026-12-01T00:00:00.000Z";
const records = parse(fs.readFileSync(FILE), { columns: true, bom: true }) as Record<
  string,
  string
>[];
const DAY = 86_400_000;
const days = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const isoOf = (d: number) => new Date(d * DAY).toISOString().slice(0, 10);

/**
 * The snapshot: the export as it might have stood earlier. For the k-th record (0-based, file order):
 * - k % 10 === 9: left out (a deal new since the snapshot);
 * - otherwise its id, stage "Engaging" (open then), close_value, and close_date moved:
 *   k % 3 === 0 → (k % 50) + 1 days earlier (so the deal slipped by that many days),
 *   k % 3 === 1 → 10 days later (pulled in), k % 3 === 2 → the same; a blank close_date stays blank;
 * plus five ids that are not in the export (gone since the snapshot).
 */
function snapshotRows(): unknown[][] {
  const out: unknown[][] = [["opportunity_id", "deal_stage", "close_value", "close_date"]];
  records.forEach((r, k) => {
    if (k % 10 === 9) return;
    let close = r.close_date;
    if (close !== "") {
      const shift = k % 3 === 0 ? -((k % 50) + 1) : k % 3 === 1 ? 10 : 0;
      close = isoOf(days(close) + shift);
    }
    out.push([r.opportunity_id, "Engaging", r.close_value, close]);
  });
  for (let g = 1; g <= 5; g++) out.push([`GONE${g}`, "Engaging", 100 * g, "2017-06-01"]);
  return out;
}

/** The main data: the export as the CLI reads it, with sales_agent blanked on the first 3 won
 *  deals that have an account (they take their owner from the owner list). */
function mainRows(): { rows: unknown[][]; blanked: Set<string> } {
  const rows = readCsv(decodeText(fs.readFileSync(FILE)), FILE).values;
  const agent = rows[0].indexOf("sales_agent");
  const blanked = new Set<string>();
  for (let i = 1; i < rows.length && blanked.size < 3; i++) {
    const r = records[i - 1];
    if (r.deal_stage === "Won" && r.account !== "") {
      rows[i] = [...rows[i]];
      rows[i][agent] = "";
      blanked.add(r.opportunity_id);
    }
  }
  return { rows, blanked };
}

/**
 * The owner list: per account with a won deal, the agent with the largest won close_value on it
 * (ties: the first alphabetically); then two deliberate conflicts — the first two accounts
 * (alphabetically) are given to the alphabetically first agent who is not their owner — and one
 * account with no deal, "Nonesuch Ltd", given to that same agent.
 */
function ownerList(): { rows: string[][]; owner: Map<string, string>; conflicted: string[] } {
  const won = new Map<string, Map<string, number>>();
  for (const r of records)
    if (r.deal_stage === "Won" && r.account !== "") {
      const m = won.get(r.account) ?? new Map<string, number>();
      m.set(r.sales_agent, (m.get(r.sales_agent) ?? 0) + Number(r.close_value));
      won.set(r.account, m);
    }
  const agents = [...new Set(records.map((r) => r.sales_agent))].sort();
  const owner = new Map<string, string>();
  for (const [account, m] of won) {
    const best = [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
    owner.set(account, best);
  }
  const accounts = [...owner.keys()].sort();
  const conflicted = accounts.slice(0, 2);
  const first = agents[0];
  for (const a of conflicted) owner.set(a, agents.find((g) => g !== owner.get(a)) ?? first);
  owner.set("Nonesuch Ltd", first);
  const rows = [["account", "sales_agent"], ...[...owner].map(([a, o]) => [a, o])];
  return { rows, owner, conflicted };
}

function read(rows: unknown[][], kind: "team" | ExtraId): Dataset {
  const a = analyseSource(rows, kind, { lang: "en", maxIssues: 100_000 });
  expect(a.problems).toEqual([]);
  return a.dataset!;
}

describe("Sales team on the CRM export with a snapshot and an owner list", () => {
  const main = mainRows();
  const snap = snapshotRows();
  const list = ownerList();
  const sheets: Partial<Record<"en" | "zh", ReportSheet>> = {};
  beforeAll(async () => {
    for (const lang of ["en", "zh"] as const) {
      [sheets[lang]] = await buildReport("team", read(main.rows, "team"), {
        lang,
        created: CREATED,
        extras: { snapshot: read(snap, "snapshot"), owners: read(list.rows, "owners") },
      } as never);
    }
  });

  test("slipped deals per rep equal a plain comparison of the two lists", () => {
    const then = new Map(snap.slice(1).map((r) => [r[0] as string, r]));
    const per = new Map<string, { deals: number; amount: number; days: number }>();
    for (const r of records) {
      const s = then.get(r.opportunity_id);
      if (!s || r.close_date === "" || s[3] === "") continue;
      const moved = days(r.close_date) - days(s[3] as string);
      if (moved <= 0) continue;
      // A blanked owner comes back from the owner list (the account's listed owner).
      const owner = main.blanked.has(r.opportunity_id) ? list.owner.get(r.account)! : r.sales_agent;
      const p = per.get(owner) ?? { deals: 0, amount: 0, days: 0 };
      p.deals++;
      p.amount += r.close_value === "" ? Number(s[2] || 0) : Number(r.close_value);
      p.days += moved;
      per.set(owner, p);
    }
    expect(per.size).toBeGreaterThan(10);
    for (const lang of ["en", "zh"] as const) {
      const f = sheets[lang]!.figures!;
      const owners = f.owners as Record<string, Record<string, Record<string, number>>>;
      let total = 0;
      for (const [rep, o] of Object.entries(owners)) {
        const p = per.get(rep);
        expect(o.slipped.deals).toBe(p?.deals ?? 0);
        expect(o.slipped.amount).toBeCloseTo(p?.amount ?? 0, 6);
        if (p) expect(o.slipped.average_days).toBeCloseTo(p.days / p.deals, 9);
        total += o.slipped.deals;
      }
      // The transformation moved every third close date back: those deals slipped, the next pulled in.
      const kept = records
        .map((r, k) => ({ r, k }))
        .filter(({ r, k }) => r.close_date !== "" && k % 10 !== 9);
      expect(total).toBe(kept.filter(({ k }) => k % 3 === 0).length);
      expect(f.snapshot).toMatchObject({
        used: true,
        matched: records.filter((_, k) => k % 10 !== 9).length,
        only_now: records.filter((_, k) => k % 10 === 9).length,
        only_snapshot: 5,
        duplicate_ids_snapshot: 0,
        duplicate_ids_now: 0,
        slipped: total,
        pulled_in: kept.filter(({ k }) => k % 3 === 1).length,
      });
    }
  });

  test("the owner list: owners filled, conflicts counted, the list's owners carry the accounts", () => {
    // Revenue rows: the won deals with an account, a close date and an amount.
    const revenue = records.filter(
      (r) =>
        r.deal_stage === "Won" && r.account !== "" && r.close_date !== "" && r.close_value !== ""
    );
    const conflictRows = revenue.filter(
      (r) => !main.blanked.has(r.opportunity_id) && list.owner.get(r.account) !== r.sales_agent
    );
    const accountsOf = new Map<string, number>();
    for (const o of list.owner.values()) accountsOf.set(o, (accountsOf.get(o) ?? 0) + 1);
    for (const lang of ["en", "zh"] as const) {
      const sheet = sheets[lang]!;
      expect(sheet.figures!.owner_list).toEqual({
        rows_used: list.owner.size,
        filled: 0, // the blanked deals were filled as deals already
        conflict_rows: conflictRows.length,
        conflict_accounts: new Set(conflictRows.map((r) => r.account)).size,
        accounts_without_revenue: 1,
      });
      expect(conflictRows.length).toBeGreaterThan(0);
      // Both deliberately conflicted accounts are among the conflicts.
      for (const a of list.conflicted) expect(conflictRows.some((r) => r.account === a)).toBe(true);
      // Account load: the accounts per owner are the list's (Nonesuch Ltd, without deals, included).
      const load = new Map(tableBody(sheet, "KAM_TeamLoad").map((r) => [r[0], r[1]]));
      for (const [o, n] of accountsOf) expect(load.get(o)).toBe(n);
      const notes = sheet.warnings!.join("\n");
      expect(notes).toMatch(
        lang === "en"
          ? /3 deals took their owner from the owner list/
          : /3 个商机的负责人取自负责人清单/
      );
    }
  });
});
