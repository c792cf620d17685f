import { describe, expect, test } from "@jest/globals";
import { buildReport } from "../../src/report";
import { ReportSheet } from "../../src/report/model";
import { serial, sheetDataset } from "./datasets";
import { expectFormulasConsistent, expectWellFormed, tableBody, texts } from "./reportCheck";

const CREATED = "2026-12-01T00:00:00.000Z";

async function build(
  data: ReturnType<typeof sheetDataset>,
  options: Record<string, unknown> = {}
): Promise<ReportSheet> {
  const [sheet] = await buildReport("team", data, {
    lang: "en",
    created: CREATED,
    ...options,
  } as never);
  return sheet;
}

// An opportunity list: Ann 3 won (100, 200, 300) and 1 lost, an open Proposal deal of 1,000;
// Bob 1 lost, an open Negotiation deal of 500; one open Prospect deal without an owner (50).
const opportunities = sheetDataset("team", "Deals", [
  { role: "owner", text: ["Ann", "Ann", "Ann", "Ann", "Ann", "Bob", "Bob", ""] },
  { role: "customer", text: ["X", "Y", "X", "Z", "W", "V", "U", "T"] },
  {
    role: "stage",
    text: ["Won", "Won", "赢单", "Lost", "Proposal", "Closed Lost", "Negotiation", "Prospect"],
  },
  { role: "amount", sparse: [100, 200, 300, 0, 1000, 0, 500, 50] },
  {
    role: "closeDate",
    sparse: [
      serial(2024, 1, 10),
      serial(2024, 2, 10),
      serial(2024, 3, 10),
      serial(2024, 3, 12),
      serial(2024, 5, 1),
      serial(2024, 3, 20),
      serial(2024, 6, 1),
      null,
    ],
  },
]);

describe("Sales team report: opportunity list", () => {
  test("textbook probabilities below 20 closed deals; per-owner figures by hand", async () => {
    const sheet = await build(opportunities);
    expectWellFormed(sheet);
    expectFormulasConsistent(sheet);
    const owners = sheet.figures!.owners as Record<string, Record<string, number | null>>;
    // 5 closed deals < 20: the textbook 50% (Proposal), 70% (Negotiation), 10% (Prospect).
    expect(owners.Ann).toMatchObject({
      won: 600,
      won_deals: 3,
      lost_deals: 1,
      win_rate: 0.75,
      weighted: 500,
    });
    expect(owners.Bob).toMatchObject({ won: 0, win_rate: 0, weighted: 350 });
    expect(owners["(no owner)"]).toMatchObject({ weighted: 5, win_rate: null });
    expect(sheet.figures!.team).toMatchObject({
      won: 600,
      open: 1550,
      commit: 500,
      best_case: 1500,
    });
    // Revenue bridge from the won deals: Jan X 100, Feb Y 200 (X churned), Mar X 300 (Y churned).
    expect(sheet.figures!.bridge).toEqual({
      "2024-02": {
        start: 100,
        new: 200,
        expansion: 0,
        contraction: 0,
        churned: 100,
        end: 200,
        nrr: 0,
        grr: 0,
      },
      "2024-03": {
        start: 200,
        new: 300,
        expansion: 0,
        contraction: 0,
        churned: 200,
        end: 300,
        nrr: 0,
        grr: 0,
      },
    });
    expect(texts(sheet).join("\n")).toMatch(/No targets table given/);
    // Per owner: only Ann has won deals; start 100 (January) + new 200 + 300 − churned 100 + 200 = 300.
    expect(tableBody(sheet, "KAM_TeamBridgeOwners")).toEqual([
      ["Ann", "2024-01", "2024-03", 100, 500, 0, 0, 300, 300],
    ]);
  });

  test("learned rates with a minimum of 2 closed deals, and a targets table", async () => {
    const targets = sheetDataset("team", "Targets", [
      { role: "owner", text: ["ann", "Bob", "Cy"] },
      { role: "target", numbers: [1200, 100, 50] },
    ]);
    targets.workflow = "targets";
    const sheet = await build(opportunities, { minClosed: 2, extras: { targets } });
    const owners = sheet.figures!.owners as Record<string, Record<string, number | null>>;
    // Every stage learns won ÷ closed = 3 / 5 (no lost stage recorded).
    expect(owners.Ann.weighted).toBeCloseTo(1000 * 0.6, 9);
    expect(owners.Bob.weighted).toBeCloseTo(500 * 0.6, 9);
    expect(owners.Ann).toMatchObject({ target: 1200, attainment: 0.5 });
    expect(owners.Ann.coverage).toBeCloseTo(1000 / 600, 12);
    expect(owners.Cy).toMatchObject({ target: 50, won: 0 });
    expect(texts(sheet).join("\n")).toMatch(/Owners in the targets without deals: Cy/);
    // The textbook column beside the learned one.
    expect(owners.Ann.weighted_other).toBe(500);
  });

  test("Chinese sheet", async () => {
    const [sheet] = await buildReport("team", opportunities, {
      lang: "zh",
      created: CREATED,
    } as never);
    expect(sheet.name).toBe("KAM 销售团队");
    expect(texts(sheet)).toContain("（无负责人）");
    expectWellFormed(sheet);
  });
});

describe("Sales team report: order list with an owner", () => {
  // 32 accounts for Ann, 25 for Bob (range 30–40): Bob takes Ann's smallest... Ann only spares 2.
  const customers: string[] = [];
  const owners: string[] = [];
  const amounts: number[] = [];
  const dates: number[] = [];
  for (let k = 0; k < 57; k++) {
    customers.push(`C${k}`);
    owners.push(k < 32 ? "Ann" : "Bob");
    amounts.push(10 + k);
    dates.push(serial(2024, 1 + (k % 3), 5));
  }
  const orders = sheetDataset("team", "Orders", [
    { role: "customer", text: customers },
    { role: "owner", text: owners },
    { role: "date", sparse: dates },
    { role: "amount", sparse: amounts },
  ]);

  test("revenue per owner, load and the least-revenue moves", async () => {
    const sheet = await build(orders);
    expectWellFormed(sheet);
    expectFormulasConsistent(sheet);
    const f = sheet.figures!;
    expect(f.mode).toBe("orders");
    const o = f.owners as Record<string, Record<string, number | null>>;
    const sum = (from: number, to: number) => {
      let s = 0;
      for (let k = from; k < to; k++) s += 10 + k;
      return s;
    };
    expect(o.Ann).toMatchObject({ won: sum(0, 32), accounts: 32, win_rate: null });
    expect(o.Bob).toMatchObject({ won: sum(32, 57), accounts: 25 });
    // Bob needs 5, Ann can spare 2 (32 − 30): the team of 57 cannot fill two reps to 30.
    expect(f.load).toEqual({ moves: 2, revenue_moved: 10 + 11, feasible: false });
    const moves = tableBody(sheet, "KAM_TeamMoves");
    expect(moves.map((r) => r.slice(0, 3))).toEqual([
      ["C1", "Ann", "Bob"],
      ["C0", "Ann", "Bob"],
    ]);
  });
});
