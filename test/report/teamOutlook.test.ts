// The Sales team report's blended outlook and forecast vs actual per period (src/report/teamOutlook.ts)
// on an opportunity list with an order list and a targets table given as extra sources: the figures
// against a computation written here (the repeat part against the ETS engine called directly).

import { describe, expect, test } from "@jest/globals";
import { chooseEts, forecastEts } from "../../src/engine/forecast/ets";
import { buildReport } from "../../src/report";
import { ReportSheet } from "../../src/report/model";
import { Dataset } from "../../src/report/roles";
import { serial, sheetDataset } from "./datasets";
import { expectFormulasConsistent, expectWellFormed, tableBody, texts } from "./reportCheck";

const CREATED = "2026-12-01T00:00:00.000Z";
const AS_OF = serial(2024, 6, 30);

async function build(data: Dataset, options: Record<string, unknown> = {}): Promise<ReportSheet> {
  const [sheet] = await buildReport("team", data, {
    lang: "en",
    created: CREATED,
    asOf: AS_OF,
    probabilities: "textbook",
    ...options,
  } as never);
  return sheet;
}

// Deals: owner, account, stage, amount, close date, created date.
const DEALS: [string, string, string, number, number, number][] = [
  ["Ann", "X", "Won", 500, serial(2024, 3, 10), serial(2024, 1, 5)],
  ["Ann", "X", "Proposal", 1000, serial(2024, 7, 20), serial(2024, 5, 1)],
  ["Ann", "Z", "Negotiation", 2000, serial(2024, 8, 15), serial(2024, 6, 1)],
  ["Bob", "W", "Prospect", 3000, serial(2024, 9, 1), serial(2024, 6, 10)],
  ["Bob", "Y", "Lost", 0, serial(2024, 4, 2), serial(2024, 2, 1)],
  ["Bob", "V", "Proposal", 800, serial(2025, 2, 1), serial(2024, 6, 20)],
  ["", "T", "Prospect", 50, serial(2024, 7, 5), serial(2024, 6, 2)],
];
const TEXTBOOK: Record<string, number> = { Prospect: 0.1, Proposal: 0.5, Negotiation: 0.7 };

const opportunities = sheetDataset("team", "Deals", [
  { role: "owner", text: DEALS.map((d) => d[0]) },
  { role: "customer", text: DEALS.map((d) => d[1]) },
  { role: "stage", text: DEALS.map((d) => d[2]) },
  { role: "amount", sparse: DEALS.map((d) => d[3]) },
  { role: "closeDate", sparse: DEALS.map((d) => d[4]) },
  { role: "created", sparse: DEALS.map((d) => d[5]) },
]);

// Orders: X (Ann) 100 + 10k in month k of Jul 2023 – Jun 2024, Y (Bob) 200 a month.
const ORDERS: [string, number, number, string][] = [];
for (let k = 0; k < 12; k++) {
  ORDERS.push(["X", serial(2023, 7 + k, 5), 100 + 10 * k, "Ann"]);
  ORDERS.push(["Y", serial(2023, 7 + k, 25), 200, "Bob"]);
}
const orders = sheetDataset("team", "Orders", [
  { role: "customer", text: ORDERS.map((o) => o[0]) },
  { role: "date", numbers: ORDERS.map((o) => o[1]) },
  { role: "amount", numbers: ORDERS.map((o) => o[2]) },
  { role: "owner", text: ORDERS.map((o) => o[3]) },
]);
orders.workflow = "orders";

const targets = sheetDataset("team", "Targets", [
  { role: "owner", text: ["Ann", "Bob", "Ann"] },
  { role: "date", sparse: [serial(2024, 7, 1), serial(2024, 8, 1), null] },
  { role: "target", numbers: [3000, 2000, 12000] },
]);
targets.workflow = "targets";

const MONTHS = ["2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12"];

/** By hand: the weighted open pipeline per outlook month, new business and expansion (accounts
 *  with orders: X and Y). */
function pipelineByHand(): { pipeline: number[]; expansion: number[] } {
  const pipeline = MONTHS.map(() => 0);
  const expansion = MONTHS.map(() => 0);
  for (const [, account, stage, amount, close] of DEALS) {
    const p = TEXTBOOK[stage];
    if (p === undefined) continue;
    const d = new Date(Date.UTC(1899, 11, 30) + close * 86_400_000);
    const k = MONTHS.indexOf(d.toISOString().slice(0, 7));
    if (k < 0) continue;
    (["X", "Y"].includes(account) ? expansion : pipeline)[k] += amount * p;
  }
  return { pipeline, expansion };
}

describe("Sales team: blended outlook", () => {
  test("repeat (ETS on the orders) + new-business pipeline against dated and spread targets", async () => {
    const sheet = await build(opportunities, { extras: { orders, targets } });
    expectWellFormed(sheet);
    expectFormulasConsistent(sheet);
    const body = tableBody(sheet, "KAM_TeamOutlook");
    expect(body.map((r) => r[0])).toEqual(MONTHS);
    const history = Array.from({ length: 12 }, (_, k) => 100 + 10 * k + 200);
    const fit = chooseEts(history, { period: 12 }).best;
    const repeat = forecastEts(fit, 6).mean;
    const { pipeline, expansion } = pipelineByHand();
    expect(pipeline).toEqual([5, 1400, 300, 0, 0, 0]);
    expect(expansion).toEqual([500, 0, 0, 0, 0, 0]);
    const target = [3000 + 1000, 2000 + 1000, 1000, 1000, 1000, 1000];
    MONTHS.forEach((_, k) => {
      const [, r, p, e, blended, t, gap] = body[k] as number[];
      expect(r).toBeCloseTo(repeat[k], 6);
      expect(p).toBeCloseTo(pipeline[k], 9);
      expect(e).toBeCloseTo(expansion[k], 9);
      expect(blended).toBeCloseTo(repeat[k] + pipeline[k], 6);
      expect(t).toBeCloseTo(target[k], 9);
      expect(gap).toBeCloseTo(repeat[k] + pipeline[k] - target[k], 6);
    });
    const outlook = sheet.figures?.outlook as Record<string, Record<string, number>>;
    expect(Object.keys(outlook)).toEqual(MONTHS);
    expect(outlook["2024-08"].pipeline).toBeCloseTo(1400, 9);
    expect(outlook["2024-07"].target).toBe(4000);
    expect(outlook["2024-09"].repeat).toBeCloseTo(repeat[2], 6);
    // Per owner: Ann and Bob add up to the team; Bob holds Y (2,400 of 4,260 in the last year).
    const owners = tableBody(sheet, "KAM_TeamOutlookOwners");
    const bobJul = owners.find((r) => r[0] === "Bob" && r[1] === "2024-07") as number[];
    expect(bobJul[2]).toBeCloseTo((repeat[0] * 2400) / (2400 + 1860), 6);
    const all = texts(sheet).join("\n");
    expect(all).toMatch(/Repeat business: the order list/);
    expect(all).toMatch(/ETS model of least AICc/);
    expect(all).toMatch(/Open deals of accounts that already buy \(1\) are expansion/);
    expect(all).toMatch(/0 with a close date before the outlook \(overdue\), 1 closing after it/);
    expect(all).toMatch(/1 undated row\(s\) read as annual targets/);
    expect(sheet.charts.some((c) => c.title.startsWith("Blended outlook"))).toBe(true);
  });

  test("forecast vs actual per owner and quarter; zh; quarters; one list only", async () => {
    const sheet = await build(opportunities, { extras: { orders }, grain: "quarter" });
    expect(tableBody(sheet, "KAM_TeamOutlook").map((r) => r[0])).toEqual(["2024-Q3", "2024-Q4"]);
    // Q2 2024 (the only full quarter after January's first created date with a deal open at its
    // start closing in it): Bob's lost deal was created Feb 1 and closed Apr 2 → 0 × 0.4; nothing
    // won. Q1: Ann's won deal was created during the quarter (won, not forecast).
    const fva = tableBody(sheet, "KAM_TeamForecastActual");
    expect(fva).toEqual([["Bob", "2024-Q2", 0, 0, 0, 0]]);
    const json = sheet.figures?.forecast_vs_actual as Record<string, Record<string, unknown>>;
    expect(json.Bob["2024-Q2"]).toEqual({ forecast: 0, actual: 0, won: 0, error: 0 });

    const zh = await build(opportunities, { lang: "zh", extras: { orders, targets } });
    expectFormulasConsistent(zh);
    expect(texts(zh).join("\n")).toMatch(/综合展望：未来 6 个月/);

    const onlyDeals = await build(opportunities);
    const notes = texts(onlyDeals).join("\n");
    expect(notes).toMatch(/Repeat business: no order list was given/);
    const onlyOrders = await build(orders as Dataset);
    const body = tableBody(onlyOrders, "KAM_TeamOutlook");
    expect(body.every((r) => r[2] === null && typeof r[1] === "number")).toBe(true);
    expect(texts(onlyOrders).join("\n")).toMatch(
      /No opportunity list: the outlook holds the repeat/
    );
  });
});
