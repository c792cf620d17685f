// The Sales team's blended outlook and forecast vs actual per rep and quarter on real data: the CRM
// export (test/fixtures/real/crm-sales-opportunities, Maven Analytics' fictitious B2B pipeline) and
// a Superstore order list (test/fixtures/real/superstore). The pipeline part and forecast vs actual
// are checked against a plain computation written here; the repeat part against the forecasting
// engine (automatic ETS) called directly on monthly sums computed here.

/* global __dirname */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "@jest/globals";
import { parse } from "csv-parse/sync";
import { decodeText, readCsv } from "../../src/cli/read";
import { chooseEts, forecastEts } from "../../src/engine/forecast/ets";
import { buildReport } from "../../src/report";
import { ReportSheet } from "../../src/report/model";
import { Dataset } from "../../src/report/roles";
import { analyseSource } from "../../src/report/source";

const REAL = path.resolve(__dirname, "../fixtures/real");
const CRM = path.join(REAL, "crm-sales-opportunities/sales_pipeline.csv");
const STORE = path.join(REAL, "superstore/sample-superstore-customers-A.csv");
const CREATED = "2026-12-01T00:00:00.000Z";
const DAY = 86_400_000;
const days = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const isoOf = (d: number) => new Date(d * DAY).toISOString().slice(0, 10);
const monthOf = (iso: string) => iso.slice(0, 7);

type Row = Record<string, string>;
const records = parse(fs.readFileSync(CRM), { columns: true, bom: true }) as Row[];

/**
 * The export with a dated pipeline: the export's open deals (Engaging, Prospecting) have neither a
 * close date nor a value. The j-th open deal (0-based, file order) is given the close date
 * 2018-01-01 + (7j mod 210) days and the value 1000 + 100 × (j mod 10); nothing else changes.
 */
function dated(): Row[] {
  let j = 0;
  return records.map((r) => {
    if (r.deal_stage !== "Engaging" && r.deal_stage !== "Prospecting") return r;
    const k = j++;
    return {
      ...r,
      close_date: isoOf(days("2018-01-01") + ((7 * k) % 210)),
      close_value: String(1000 + 100 * (k % 10)),
    };
  });
}

function read(rows: unknown[][], kind: "team"): Dataset {
  const a = analyseSource(rows, kind, { lang: "en", maxIssues: 100_000 });
  expect(a.problems).toEqual([]);
  return a.dataset!;
}

const HEADER = Object.keys(records[0]);
const rowsOf = (rs: Row[]) => [HEADER, ...rs.map((r) => HEADER.map((h) => r[h]))];

describe("Sales team outlook and forecast vs actual on the CRM export", () => {
  const deals = dated();
  let sheet: ReportSheet;
  beforeAll(async () => {
    [sheet] = await buildReport("team", read(rowsOf(deals), "team"), {
      lang: "en",
      created: CREATED,
    } as never);
  });

  test("the outlook's pipeline: new business by month of close, expansion apart", () => {
    // The learned rate (every open stage learns won ÷ closed: the export keeps only current stages).
    const won = records.filter((r) => r.deal_stage === "Won");
    const lost = records.filter((r) => r.deal_stage === "Lost");
    const p = won.length / (won.length + lost.length);
    // As of the last close date of a closed deal; the outlook is the next 6 months.
    const asOf = [...won, ...lost]
      .map((r) => r.close_date)
      .sort()
      .pop() as string;
    expect(asOf).toBe("2017-12-31");
    const months = ["2018-01", "2018-02", "2018-03", "2018-04", "2018-05", "2018-06"];
    // Accounts that buy: those with a won deal (no order list: the won deals are the revenue).
    const buying = new Set(won.filter((r) => r.account !== "").map((r) => r.account.toLowerCase()));
    const pipeline = months.map(() => 0);
    const expansion = months.map(() => 0);
    let beyond = 0;
    for (const r of deals) {
      if (r.deal_stage === "Won" || r.deal_stage === "Lost") continue;
      const k = months.indexOf(monthOf(r.close_date));
      if (k < 0) {
        beyond++;
        continue;
      }
      const w = Number(r.close_value) * p;
      if (r.account !== "" && buying.has(r.account.toLowerCase())) expansion[k] += w;
      else pipeline[k] += w;
    }
    expect(beyond).toBeGreaterThan(0);
    expect(expansion.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const outlook = sheet.figures?.outlook as Record<string, Record<string, number>>;
    expect(Object.keys(outlook)).toEqual(months);
    months.forEach((m, k) => {
      expect(outlook[m].pipeline).toBeCloseTo(pipeline[k], 6);
      expect(outlook[m].expansion).toBeCloseTo(expansion[k], 6);
    });
    // The repeat part: the won amounts per month (Mar–Dec 2017) by the automatic ETS.
    const monthly = new Map<string, number>();
    for (const r of won)
      if (r.account !== "")
        monthly.set(
          monthOf(r.close_date),
          (monthly.get(monthOf(r.close_date)) ?? 0) + Number(r.close_value)
        );
    const history = [...monthly.keys()].sort().map((m) => monthly.get(m) as number);
    expect(history).toHaveLength(10);
    const repeat = forecastEts(chooseEts(history, { period: 12 }).best, 6).mean;
    months.forEach((m, k) => {
      expect(outlook[m].repeat).toBeCloseTo(repeat[k], 6);
      expect(outlook[m].blended).toBeCloseTo(repeat[k] + pipeline[k], 6);
    });
  });

  test("forecast vs actual per rep and quarter equals a plain computation", async () => {
    const [quarterly] = await buildReport("team", read(rowsOf(deals), "team"), {
      lang: "en",
      created: CREATED,
      grain: "quarter",
    } as never);
    // Quarters after the first engage date's (2016-Q4) up to the last full one (2017-Q4).
    const quarters: [string, string, string][] = [
      ["2017-Q1", "2017-01-01", "2017-03-31"],
      ["2017-Q2", "2017-04-01", "2017-06-30"],
      ["2017-Q3", "2017-07-01", "2017-09-30"],
      ["2017-Q4", "2017-10-01", "2017-12-31"],
    ];
    type Cell = { forecast: number; actual: number; won: number; open: boolean };
    const hand = new Map<string, Cell>();
    const kept = new Set<string>();
    for (const [label, s, e] of quarters) {
      // Rates learned from the deals closed before the start (at least 20 of them), else the
      // textbook's mean open-stage probability, 40%: the stage of a deal closed since is unknown.
      const before = records.filter(
        (r) => (r.deal_stage === "Won" || r.deal_stage === "Lost") && r.close_date < s
      );
      const wonBefore = before.filter((r) => r.deal_stage === "Won").length;
      const p = before.length >= 20 ? wonBefore / before.length : 0.4;
      for (const r of deals) {
        const closed = r.deal_stage === "Won" || r.deal_stage === "Lost";
        if (!closed || r.close_date < s || r.close_date > e) continue;
        const key = `${r.sales_agent}|${label}`;
        const cell = hand.get(key) ?? { forecast: 0, actual: 0, won: 0, open: false };
        hand.set(key, cell);
        const amount = Number(r.close_value || 0);
        if (r.deal_stage === "Won") cell.won += amount;
        if (r.engage_date === "" || r.engage_date >= s) continue;
        cell.open = true;
        kept.add(label);
        cell.forecast += amount * p;
        if (r.deal_stage === "Won") cell.actual += amount;
      }
    }
    const fva = quarterly.figures?.forecast_vs_actual as Record<
      string,
      Record<string, { forecast: number; actual: number; won: number; error: number }>
    >;
    let cells = 0;
    for (const [key, h] of hand) {
      const [rep, q] = key.split("|");
      const got = fva[rep]?.[q];
      // The report lists a rep in a quarter kept (a deal was open at its start) when the rep had
      // a deal open at the start or won something in it.
      if (!kept.has(q) || (!h.open && h.won === 0)) {
        expect(got).toBeUndefined();
        continue;
      }
      cells++;
      expect(got.forecast).toBeCloseTo(h.forecast, 6);
      expect(got.actual).toBe(h.actual);
      expect(got.won).toBe(h.won);
      expect(got.error).toBeCloseTo(h.forecast - h.actual, 6);
    }
    const listed = Object.values(fva).reduce((n, o) => n + Object.keys(o).length, 0);
    expect(listed).toBe(cells);
    expect(cells).toBeGreaterThan(20);
    // Bias per rep: Σ(forecast − actual) ÷ Σ actual over the quarters.
    const bias = quarterly.figures?.forecast_vs_actual_owners as Record<
      string,
      Record<string, number | null>
    >;
    for (const rep of Object.keys(fva)) {
      const cs = Object.values(fva[rep]);
      const f = cs.reduce((a, c) => a + c.forecast, 0);
      const a = cs.reduce((x, c) => x + c.actual, 0);
      if (a > 0) expect(bias[rep].bias).toBeCloseTo((f - a) / a, 9);
    }
    // The outlook in quarters: 2018-Q1 and Q2.
    expect(Object.keys(quarterly.figures?.outlook as object)).toEqual(["2018-Q1", "2018-Q2"]);
  });
});

describe("Sales team outlook on a Superstore order list (repeat business only)", () => {
  test("repeat = the automatic ETS of the monthly sales; the missing pipeline is named", async () => {
    const csv = readCsv(decodeText(fs.readFileSync(STORE)), STORE);
    const a = analyseSource(csv.values, "team", { lang: "en", maxIssues: 100_000 });
    expect(a.problems).toEqual([]);
    const header = (role: "customer" | "date" | "amount") => a.headers[a.mapping[role] as number];
    expect([header("customer"), header("date"), header("amount")]).toEqual([
      "Customer Name",
      "Order Date",
      "Sales",
    ]);
    const [sheet] = await buildReport("team", a.dataset!, {
      lang: "en",
      created: CREATED,
    } as never);
    const rows = parse(fs.readFileSync(STORE), { columns: true, bom: true }) as Row[];
    const iso = (mdy: string) => {
      const [m, d, y] = mdy.split("/").map(Number);
      return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    };
    const last = rows
      .map((r) => iso(r["Order Date"]))
      .sort()
      .pop() as string;
    expect(last).toBe("2019-12-24");
    // December 2019 is under way on the as-of date: the history is Jan 2016 – Nov 2019.
    const monthly = new Map<string, number>();
    for (const r of rows) {
      const m = monthOf(iso(r["Order Date"]));
      monthly.set(m, (monthly.get(m) ?? 0) + Number(r.Sales));
    }
    const history: number[] = [];
    for (let y = 2016; y <= 2019; y++)
      for (let m = 1; m <= 12; m++) {
        if (y === 2019 && m === 12) break;
        history.push(monthly.get(`${y}-${String(m).padStart(2, "0")}`) ?? 0);
      }
    expect(history).toHaveLength(47);
    const repeat = forecastEts(chooseEts(history, { period: 12 }).best, 6).mean;
    const outlook = sheet.figures?.outlook as Record<string, Record<string, number | null>>;
    expect(Object.keys(outlook)).toEqual([
      "2019-12",
      "2020-01",
      "2020-02",
      "2020-03",
      "2020-04",
      "2020-05",
    ]);
    Object.values(outlook).forEach((o, k) => {
      expect(o.repeat).toBeCloseTo(repeat[k], 4);
      expect(o.pipeline).toBeNull();
    });
    const notes = sheet.warnings?.join("\n") ?? "";
    expect(notes).toMatch(/No opportunity list: the outlook holds the repeat business only/);
    expect(notes).toMatch(/The first outlook period 2019-12 is under way/);
  });
});
