// The Sales team report's extra sources: the second snapshot (slipped deals and the other changes,
// matched on the opportunity id), the account-owner list, and both lists (opportunities and orders)
// at once. Figures are checked against plain computations written here.

import { describe, expect, test } from "@jest/globals";
import { buildReport } from "../../src/report";
import { ReportSheet } from "../../src/report/model";
import { Dataset, ExtraId } from "../../src/report/roles";
import { analyseSource } from "../../src/report/source";
import { weightedByMonth, Deal } from "../../src/engine/team/deals";
import { compareSnapshot } from "../../src/engine/team/snapshot";
import { applyOwnerList, readOwnerList } from "../../src/engine/team/owners";
import { expectFormulasConsistent, expectWellFormed, tableBody, texts } from "./reportCheck";

const CREATED = "2026-12-01T00:00:00.000Z";
type Lang = "en" | "zh";

function read(rows: unknown[][], kind: "team" | ExtraId): Dataset {
  const a = analyseSource(rows, kind, { lang: "en" });
  expect(a.problems).toEqual([]);
  return a.dataset!;
}

async function build(
  data: Dataset,
  extras: Partial<Record<ExtraId, Dataset>>,
  lang: Lang = "en",
  options: Record<string, unknown> = {}
): Promise<ReportSheet> {
  const [sheet] = await buildReport("team", data, {
    lang,
    created: CREATED,
    extras,
    ...options,
  } as never);
  expectWellFormed(sheet);
  expectFormulasConsistent(sheet);
  return sheet;
}

// The current opportunity list and an earlier export of it.
const CURRENT: unknown[][] = [
  ["Opportunity ID", "Owner", "Account", "Stage", "Amount", "Close date"],
  ["A1", "Ann", "Acme", "Proposal", 1000, "2024-06-30"], // slipped 30 days (was 05-31)
  ["A2", "Ann", "Beta", "Negotiation", 400, "2024-07-15"], // slipped 44 days, amount 500 → 400
  ["A3", "Ann", "Cobalt", "Won", 300, "2024-04-10"], // won since, pulled in 20 days
  ["B1", "Bob", "Delta", "Prospect", 800, "2024-09-01"], // stage back (Proposal → Prospect), slipped 62
  ["B2", "Bob", "Echo", "Lost", 0, "2024-05-01"], // lost since
  ["B3", "Bob", "Fox", "Proposal", 200, "2024-08-01"], // new since the snapshot
  [" A4 ", "Ann", "Gold", "Negotiation", 50, "2024-06-01"], // unchanged (id trimmed)
  ["D1", "Ann", "Hub", "Proposal", 10, "2024-06-01"], // duplicate id in the current list
  ["D1", "Bob", "Hub", "Proposal", 10, "2024-06-01"],
];
const SNAPSHOT: unknown[][] = [
  ["Opportunity ID", "Stage", "Amount", "Close date"],
  ["A1", "Proposal", 1000, "2024-05-31"],
  ["A2", "Negotiation", 500, "2024-06-01"],
  ["A3", "Negotiation", 300, "2024-04-30"],
  ["B1", "Proposal", 800, "2024-07-01"],
  ["B2", "Proposal", 600, "2024-05-01"],
  ["A4", "Negotiation", 50, "2024-06-01"],
  ["D1", "Proposal", 10, "2024-06-01"],
  ["G1", "Proposal", 999, "2024-05-15"], // gone since
  ["G2", "Prospect", 5, "2024-05-15"], // duplicate id in the snapshot
  ["G2", "Prospect", 5, "2024-05-15"],
];

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe("Sales team: the second snapshot", () => {
  test("slipped deals per owner, the counts of matching, and every change, as computed by hand", async () => {
    const sheet = await build(read(CURRENT, "team"), { snapshot: read(SNAPSHOT, "snapshot") });
    // An independent computation: ids trimmed, duplicates left out, slipped = close date later.
    const ids = (rows: unknown[][]) => rows.slice(1).map((r) => String(r[0]).trim());
    const count = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map());
    const nowIds = count(ids(CURRENT));
    const thenIds = count(ids(SNAPSHOT));
    const uniqueNow = [...nowIds].filter(([, c]) => c === 1).map(([k]) => k);
    const uniqueThen = [...thenIds].filter(([, c]) => c === 1).map(([k]) => k);
    const matched = uniqueNow.filter((k) => uniqueThen.includes(k));
    const slipped = new Map<string, { deals: number; amount: number; days: number }>();
    for (const k of matched) {
      const now = CURRENT.find((r) => String(r[0]).trim() === k)!;
      const then = SNAPSHOT.find((r) => r[0] === k)!;
      const moved = day(now[5] as string) - day(then[3] as string);
      if (moved <= 0) continue;
      const s = slipped.get(now[1] as string) ?? { deals: 0, amount: 0, days: 0 };
      slipped.set(now[1] as string, {
        deals: s.deals + 1,
        amount: s.amount + (now[4] as number),
        days: s.days + moved,
      });
    }
    expect(sheet.figures!.snapshot).toMatchObject({
      used: true,
      matched: matched.length,
      // An id duplicated in one list is in neither count of the other.
      only_snapshot: uniqueThen.filter((k) => !nowIds.has(k)).length,
      only_now: uniqueNow.filter((k) => !thenIds.has(k)).length,
      duplicate_ids_snapshot: 1,
      duplicate_ids_now: 1,
      slipped: 3,
      pulled_in: 1,
      amount_changed: 2, // A2, and B2 (lost: the export writes 0)
      stage_back: 1,
      won_since: 1,
      lost_since: 1,
      new: 1,
      gone: 1,
    });
    expect(matched.length).toBe(6);
    const owners = sheet.figures!.owners as Record<string, Record<string, unknown>>;
    for (const [owner, s] of slipped) {
      expect(owners[owner].slipped).toEqual({
        deals: s.deals,
        amount: s.amount,
        average_days: s.days / s.deals,
      });
    }
    expect(slipped.get("Ann")).toEqual({ deals: 2, amount: 1400, days: 74 });
    // The section per owner, and the velocity table's slipped column.
    expect(tableBody(sheet, "KAM_TeamSlipped")).toEqual([
      ["Ann", 2, 1400, 37],
      ["Bob", 1, 800, 62],
    ]);
    const velocity = tableBody(sheet, "KAM_TeamVelocity");
    expect(velocity.map((r) => r[r.length - 1])).toEqual([2, 1, 3]);
    // The deal list: largest first.
    expect(tableBody(sheet, "KAM_TeamSlippedDeals").map((r) => [r[0], r[7]])).toEqual([
      ["A1", 30],
      ["B1", 62],
      ["A2", 44],
    ]);
    const notes = texts(sheet).join("\n");
    expect(notes).toMatch(
      /6 matched, 1 only in the snapshot, 1 only in the current list; ids written more than once \(their rows not compared\): 1 in the snapshot, 1 in the current list/
    );
    expect(notes).toMatch(/Gone: ids of the snapshot not in the current list/);
  });

  test("zh: the same sections in Chinese", async () => {
    const sheet = await build(
      read(CURRENT, "team"),
      { snapshot: read(SNAPSHOT, "snapshot") },
      "zh"
    );
    const all = texts(sheet);
    expect(all).toContain("各负责人的延期商机（成交日期晚于快照）");
    expect(all.join("\n")).toMatch(/匹配 6 个，仅在快照中 1 个，仅在当前清单中 1 个/);
    expect(tableBody(sheet, "KAM_TeamSlipped")[0]).toEqual(["Ann", 2, 1400, 37]);
  });

  test("ids that do not match are reported with counts, never silently", async () => {
    const other = [
      SNAPSHOT[0],
      ["X1", "Proposal", 5, "2024-05-01"],
      ["X2", "Proposal", 6, "2024-05-01"],
    ];
    const sheet = await build(read(CURRENT, "team"), { snapshot: read(other, "snapshot") });
    expect(sheet.figures!.snapshot).toMatchObject({ used: false, matched: 0, only_snapshot: 2 });
    const notes = texts(sheet).join("\n");
    expect(notes).toMatch(/0 matched, 2 only in the snapshot, 7 only in the current list/);
    expect(notes).toMatch(/No id of the snapshot matches/);
    expect(() => tableBody(sheet, "KAM_TeamSlipped")).toThrow();
  });

  test("no id column in the current list: the snapshot is not used, and the note says why", async () => {
    const noIds = CURRENT.map((r) => r.slice(1));
    const sheet = await build(read(noIds, "team"), { snapshot: read(SNAPSHOT, "snapshot") });
    expect(sheet.figures!.snapshot).toMatchObject({ used: false });
    expect(texts(sheet).join("\n")).toMatch(
      /The snapshot was not used: .* no opportunity id column/
    );
  });

  test("an order list with a snapshot: not used, said in a note", async () => {
    const orders = [
      ["Customer", "Date", "Amount", "Owner"],
      ["Acme", "2024-01-05", 100, "Ann"],
    ];
    const sheet = await build(read(orders, "team"), { snapshot: read(SNAPSHOT, "snapshot") });
    expect(texts(sheet).join("\n")).toMatch(/The snapshot was not used: .* an order list/);
  });

  test("forecast vs actual from the snapshot, per owner and month, as computed by hand", async () => {
    const sheet = await build(read(CURRENT, "team"), { snapshot: read(SNAPSHOT, "snapshot") });
    // By hand: deals open in the snapshot, with a unique id in both lists, by the snapshot's month;
    // weighted by the textbook (Prospect 10%, Proposal 50%, Negotiation 70%); won = won now in that month.
    const p: Record<string, number> = { Prospect: 0.1, Proposal: 0.5, Negotiation: 0.7 };
    const idsNow = CURRENT.slice(1).map((r) => String(r[0]).trim());
    const idsThen = SNAPSHOT.slice(1).map((r) => String(r[0]));
    const once = (xs: string[], x: string) => xs.filter((y) => y === x).length === 1;
    const expected = new Map<string, number[]>();
    for (const s of SNAPSHOT.slice(1)) {
      const id = String(s[0]);
      if (!once(idsThen, id) || !once(idsNow, id)) continue;
      const now = CURRENT.find((r) => String(r[0]).trim() === id)!;
      const month = String(s[3]).slice(0, 7);
      const key = `${now[1]} ${month}`;
      const e = expected.get(key) ?? [0, 0, 0, 0];
      e[0]++;
      e[1] += s[2] as number;
      e[2] += (s[2] as number) * p[s[1] as string];
      if (now[3] === "Won" && String(now[5]).slice(0, 7) === month) e[3] += now[4] as number;
      expected.set(key, e);
    }
    const got = tableBody(sheet, "KAM_TeamSnapshotForecast");
    expect(got.length).toBe(expected.size);
    for (const r of got) {
      const e = expected.get(`${r[0]} ${r[1]}`)!;
      expect(r.slice(2, 5)).toEqual(e.slice(0, 3).map((v) => expect.closeTo(v, 9)));
      expect(r[5]).toBe(e[3]);
    }
    expect(expected.get("Ann 2024-04")).toEqual([1, 300, 210, 300]);
  });

  test("the engine compares ids as trimmed text and keeps their case", () => {
    const c = compareSnapshot(
      [
        {
          id: "ab",
          owner: null,
          account: null,
          stage: "Proposal",
          outcome: "open",
          amount: 1,
          close: 10,
        },
      ],
      [{ id: "AB", stage: "Proposal", outcome: "open", amount: 1, close: 5 }],
      () => 0.5
    );
    expect([c.matched, c.onlyNow, c.onlySnapshot]).toEqual([0, 1, 1]);
  });
});

// An order list and an owner list with a missing owner, conflicts and an account without orders.
const ORDERS: unknown[][] = [
  ["Customer", "Order date", "Amount", "Owner"],
  ["Acme", "2024-01-05", 100, "Ann"],
  ["Acme", "2024-02-05", 150, "Bob"], // conflict: the list gives Acme to Ann
  ["Beta", "2024-01-10", 200, ""], // no owner: takes Bob's from the list
  ["Beta", "2024-03-10", 50, "Bob"],
  ["Cobalt", "2024-02-01", 70, "Cy"], // not in the list: keeps Cy
  ["Delta", "2024-03-01", 30, "Ann"], // conflict: the list gives Delta to Cy
];
const OWNER_LIST: unknown[][] = [
  ["Customer", "Owner"],
  ["acme ", "Ann"],
  ["Beta", "Bob"],
  ["Delta", "Cy"],
  ["Zeta", "Bob"], // no orders in the data
];

describe("Sales team: the account-owner list", () => {
  test("fills missing owners, names the conflicts, uses the list, counts accounts without orders", async () => {
    for (const lang of ["en", "zh"] as const) {
      const sheet = await build(read(ORDERS, "team"), { owners: read(OWNER_LIST, "owners") }, lang);
      // By hand: the owner used per row is the list's where it names the account.
      const listed = new Map(
        OWNER_LIST.slice(1).map((r) => [String(r[0]).trim().toLowerCase(), r[1]])
      );
      const used = ORDERS.slice(1).map((r) => listed.get(String(r[0]).toLowerCase()) ?? r[3]);
      const filled = ORDERS.slice(1).filter(
        (r) => r[3] === "" && listed.has(String(r[0]).toLowerCase())
      ).length;
      const conflicts = ORDERS.slice(1).filter(
        (r) =>
          r[3] !== "" &&
          listed.has(String(r[0]).toLowerCase()) &&
          listed.get(String(r[0]).toLowerCase()) !== r[3]
      );
      expect(sheet.figures!.owner_list).toEqual({
        rows_used: 4,
        filled,
        conflict_rows: conflicts.length,
        conflict_accounts: 2,
        accounts_without_revenue: 1,
      });
      expect(filled).toBe(1);
      // Revenue per owner under the list's owners.
      const revenue = new Map<string, number>();
      ORDERS.slice(1).forEach((r, i) =>
        revenue.set(used[i] as string, (revenue.get(used[i] as string) ?? 0) + (r[2] as number))
      );
      const owners = sheet.figures!.owners as Record<string, Record<string, number>>;
      for (const [o, v] of revenue) expect(owners[o].won).toBe(v);
      expect(owners.Ann.won).toBe(250);
      // The load table counts Zeta for Bob (accounts: Beta, Zeta).
      const load = tableBody(sheet, "KAM_TeamLoad");
      expect(load.find((r) => r[0] === "Bob")!.slice(0, 3)).toEqual(["Bob", 2, 250]);
      expect(tableBody(sheet, "KAM_TeamOwnerConflicts")).toEqual([
        ["acme", "Ann", "Bob", 1], // the account as the list writes it
        ["Delta", "Cy", "Ann", 1],
      ]);
      expect(tableBody(sheet, "KAM_TeamHeldWithoutOrders")).toEqual([["Zeta", "Bob"]]);
      const notes = texts(sheet).join("\n");
      if (lang === "en") {
        expect(notes).toMatch(/1 row took its owner from the owner list/);
        expect(notes).toMatch(
          /2 rows are under another owner than the owner list gives .* the report uses the list's owner/
        );
      } else {
        expect(notes).toMatch(/1 行的负责人取自负责人清单/);
        expect(notes).toMatch(/报告采用清单的负责人/);
      }
    }
  });

  test("the engine: a list that gives an account to two owners keeps its first row, and says so", () => {
    const list = readOwnerList(["A", "a", "B", ""], ["Ann", "Bob", "Bob", "Cy"]);
    expect(list.used).toBe(3);
    expect(list.blank).toBe(1);
    expect(list.contradictions).toEqual([{ account: "A", kept: "Ann", other: "Bob" }]);
    const applied = applyOwnerList(list, ["a", "B", "C"], [null, "bob", "Cy"]);
    expect(applied.owners).toEqual(["Ann", "Bob", "Cy"]);
    expect([applied.filled, applied.conflictRows]).toEqual([1, 0]);
  });
});

describe("Sales team: both lists", () => {
  const OPPS: unknown[][] = [
    ["Opportunity ID", "Owner", "Account", "Stage", "Amount", "Close date"],
    ["A1", "Ann", "Acme", "Won", 999, "2024-01-20"],
    ["A2", "Ann", "Acme", "Proposal", 1000, "2024-06-30"],
    ["B1", "Bob", "Beta", "Lost", 0, "2024-02-01"],
    ["B2", "Bob", "Beta", "Negotiation", 500, "2024-07-01"],
  ];
  const orderRows = ORDERS.slice(1).filter((r) => r[3] !== "");

  const check = (sheet: ReportSheet) => {
    expect(sheet.figures!.mode).toBe("both");
    // Pipeline from the opportunities (textbook: Proposal 50%, Negotiation 70%).
    const owners = sheet.figures!.owners as Record<string, Record<string, number>>;
    expect(owners.Ann.weighted).toBe(500);
    expect(owners.Bob.weighted).toBe(350);
    // The bridge from the orders: January's revenue is the orders of January, not the won deal.
    const jan = orderRows
      .filter((r) => String(r[1]).startsWith("2024-01"))
      .reduce((s, r) => s + (r[2] as number), 0);
    const feb = orderRows
      .filter((r) => String(r[1]).startsWith("2024-02"))
      .reduce((s, r) => s + (r[2] as number), 0);
    const bridge = sheet.figures!.bridge as Record<string, Record<string, number>>;
    expect(bridge["2024-02"]).toMatchObject({ start: jan, end: feb });
    expect(texts(sheet).join("\n")).toMatch(/Both lists given/);
  };

  test("an opportunity list with the order list as an extra source", async () => {
    const orders = [ORDERS[0], ...orderRows];
    check(await build(read(OPPS, "team"), { orders: read(orders, "orders") }));
  });

  test("an order list with the opportunity list as an extra source", async () => {
    const orders = [ORDERS[0], ...orderRows];
    check(await build(read(orders, "team"), { opportunities: read(OPPS, "opportunities") }));
  });
});

test("the month matrix of 200,000 open deals: no spread of a user-sized array", () => {
  const deals: Deal[] = Array.from({ length: 200_000 }, (_, i) => ({
    owner: "Ann",
    amount: 1,
    stage: "Proposal",
    outcome: "open",
    close: 45_000 + (i % 60),
    created: null,
    category: "pipeline",
  }));
  const m = weightedByMonth(
    deals,
    deals.map(() => 0.5),
    ["Ann"]
  );
  expect(m.rows[0].months.reduce((a, b) => a + b, 0)).toBe(100_000);
});
