// The blended outlook and forecast vs actual per owner and period (src/engine/team/outlook.ts) on
// small lists whose figures are worked out by hand below; the repeat forecast against the ETS engine
// called directly.

import { describe, expect, test } from "@jest/globals";
import { chooseEts, etsMethodName, forecastEts } from "../../../src/engine/forecast/ets";
import { Deal } from "../../../src/engine/team/deals";
import { blendedOutlook, forecastVsActual, PipelineDeal } from "../../../src/engine/team/outlook";

/** Excel serial of a date, independently of the engine's calendar. */
const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;

describe("blended outlook", () => {
  // Account A (Ann) buys 100 a month Jan–Jun 2024, account B (Bob) 50 a month Mar–Jun.
  const revenue = [
    ...[1, 2, 3, 4, 5, 6].map((m) => ({
      customer: "A",
      date: day(2024, m, 10),
      amount: 100,
      owner: "Ann",
    })),
    ...[3, 4, 5, 6].map((m) => ({
      customer: "b ",
      date: day(2024, m, 20),
      amount: 50,
      owner: "Bob",
    })),
  ];
  const deals: PipelineDeal[] = [
    // Expansion: account A already buys (in the repeat part, not added).
    { account: "a", owner: "Ann", amount: 1000, close: day(2024, 7, 15), probability: 0.5 },
    // New business.
    { account: "C", owner: "Bob", amount: 2000, close: day(2024, 8, 1), probability: 0.3 },
    { account: null, owner: "Ann", amount: 400, close: day(2024, 9, 30), probability: 0.1 },
    // Left out: overdue, beyond the outlook, undated, without an amount.
    { account: "D", owner: "Bob", amount: 300, close: day(2024, 6, 1), probability: 0.5 },
    { account: "D", owner: "Bob", amount: 300, close: day(2024, 10, 1), probability: 0.5 },
    { account: "D", owner: "Bob", amount: 300, close: null, probability: 0.5 },
    { account: "D", owner: "Bob", amount: null, close: day(2024, 7, 1), probability: 0.5 },
  ];
  const targets = [
    { owner: "Ann", date: day(2024, 7, 10), target: 1000 },
    { owner: "Bob", date: day(2024, 8, 20), target: 500 },
    { owner: null, date: day(2024, 12, 1), target: 999 },
    { owner: "bob", date: null, target: 1200 },
  ];

  test("repeat by the ETS engine, new business and expansion apart, targets dated and spread", () => {
    const o = blendedOutlook({
      asOf: day(2024, 6, 30),
      grain: "month",
      count: 3,
      revenue,
      deals,
      targets,
    });
    expect(o.periods.map((p) => p.label)).toEqual(["2024-07", "2024-08", "2024-09"]);
    // Repeat: the six full months [100, 100, 150, 150, 150, 150] forecast by the ETS of least AICc.
    const fit = chooseEts([100, 100, 150, 150, 150, 150], { period: 12 }).best;
    const mean = forecastEts(fit, 3).mean;
    expect(o.repeat?.method).toBe(etsMethodName(fit.model));
    expect(o.repeat?.history).toBe(6);
    expect(o.repeat?.fallback).toBe(false);
    o.periods.forEach((p, k) => expect(p.repeat).toBeCloseTo(mean[k], 9));
    expect(o.periods.map((p) => p.pipeline)).toEqual([0, 2000 * 0.3, 400 * 0.1]);
    expect(o.periods.map((p) => p.expansion)).toEqual([500, 0, 0]);
    o.periods.forEach((p, k) => expect(p.blended).toBeCloseTo(mean[k] + [0, 600, 40][k], 9));
    expect(o.pipeline).toEqual({
      newDeals: 2,
      expansionDeals: 1,
      withoutAccount: 1,
      overdue: { deals: 1, weighted: 150 },
      beyond: { deals: 1, weighted: 150 },
      undated: { deals: 1, weighted: 150 },
      withoutAmount: 1,
    });
    // Targets: Jul 1,000 + 1,200 ÷ 12; Aug 500 + 100; Sep 100; the December row is outside.
    expect(o.periods.map((p) => p.target)).toEqual([1100, 600, 100]);
    expect(o.targets).toEqual({ dated: 2, outside: 1, undated: 1 });
    o.periods.forEach((p) => expect(p.gap).toBeCloseTo(p.blended - (p.target as number), 9));
    // Per owner: shares of the last 12 months (Ann 600, Bob 200 of 800).
    const [ann, bob] = o.owners;
    expect([ann.owner, bob.owner]).toEqual(["Ann", "Bob"]);
    ann.periods.forEach((c, k) => expect(c.repeat).toBeCloseTo(mean[k] * 0.75, 9));
    bob.periods.forEach((c, k) => expect(c.repeat).toBeCloseTo(mean[k] * 0.25, 9));
    expect(ann.periods.map((c) => c.pipeline)).toEqual([0, 0, 40]);
    expect(ann.periods.map((c) => c.expansion)).toEqual([500, 0, 0]);
    expect(bob.periods.map((c) => c.pipeline)).toEqual([0, 600, 0]);
    expect(ann.periods.map((c) => c.target)).toEqual([1000, undefined, undefined]);
    expect(bob.periods.map((c) => c.target)).toEqual([100, 600, 100]);
    // The owners add up to the team.
    o.periods.forEach((p, k) =>
      expect(ann.periods[k].blended + bob.periods[k].blended).toBeCloseTo(p.blended, 9)
    );
  });

  test("a short history falls back to its mean; a period under way says what is booked", () => {
    const o = blendedOutlook({ asOf: day(2024, 2, 15), grain: "month", count: 2, revenue });
    // Jan is the only full month (100); Feb is under way: its 100 are booked, not in the history.
    expect(o.repeat).toMatchObject({ method: "mean", fallback: true, history: 1, booked: 100 });
    expect(o.periods.map((p) => [p.label, p.repeat, p.pipeline])).toEqual([
      ["2024-02", 100, undefined],
      ["2024-03", 100, undefined],
    ]);
    expect(o.pipeline).toBeUndefined();
    expect(o.targets).toBeUndefined();
  });

  test("quarters; only a pipeline; the revenue ending before the as-of date", () => {
    const q = blendedOutlook({ asOf: day(2024, 6, 30), grain: "quarter", count: 2, deals });
    expect(q.periods.map((p) => [p.label, p.pipeline, p.expansion, p.repeat])).toEqual([
      // No revenue: every deal with an account is new business (A's 500 too).
      ["2024-Q3", 500 + 600 + 40, 0, undefined],
      ["2024-Q4", 150, 0, undefined],
    ]);
    // Revenue up to June, as of September: the forecast runs Jul–Sep unseen, Oct–Nov shown.
    const later = blendedOutlook({
      asOf: day(2024, 9, 30),
      revenueAsOf: day(2024, 6, 30),
      grain: "month",
      count: 2,
      revenue,
    });
    const fit = chooseEts([100, 100, 150, 150, 150, 150], { period: 12 }).best;
    const mean = forecastEts(fit, 5).mean;
    expect(later.repeat?.skipped).toBe(3);
    later.periods.forEach((p, k) => expect(p.repeat).toBeCloseTo(mean[3 + k], 9));
  });
});

describe("forecast vs actual per owner and period", () => {
  const deal = (
    owner: string,
    outcome: Deal["outcome"],
    amount: number,
    created: number,
    close: number
  ): Deal => ({
    owner,
    amount,
    stage: outcome === "open" ? "Proposal" : outcome,
    outcome,
    close,
    created,
    category: outcome === "open" ? "pipeline" : outcome === "won" ? "closed" : "omitted",
  });
  const deals = [
    deal("Ann", "won", 1000, day(2023, 11, 1), day(2024, 2, 10)),
    deal("Ann", "lost", 500, day(2023, 12, 1), day(2024, 3, 1)),
    deal("Bob", "won", 300, day(2024, 1, 15), day(2024, 3, 20)),
    deal("Bob", "won", 800, day(2024, 2, 1), day(2024, 5, 5)),
    deal("Bob", "open", 1000, day(2024, 3, 1), day(2024, 6, 30)),
    deal("Ann", "won", 200, day(2023, 10, 5), day(2023, 12, 1)),
  ];
  const textbook = [0.1, 0.1, 0.1, 0.1, 0.5, 0.1];

  /** The same by hand: per quarter, the deals created before its start that close in it, weighted
   *  with the textbook (0.4 for a deal closed since: its stage then is unknown). */
  function byHand(start: number, end: number) {
    const out = new Map<string, { forecast: number; actual: number; won: number }>();
    const at = (o: string) =>
      out.get(o) ?? (out.set(o, { forecast: 0, actual: 0, won: 0 }), out.get(o))!;
    deals.forEach((d, i) => {
      const inPeriod = (d.close as number) >= start && (d.close as number) <= end;
      if (!inPeriod) return;
      if (d.outcome === "won") at(d.owner as string).won += d.amount as number;
      if ((d.created as number) >= start) return;
      const p = d.outcome === "open" ? textbook[i] : 0.4;
      at(d.owner as string).forecast += (d.amount as number) * p;
      if (d.outcome === "won") at(d.owner as string).actual += d.amount as number;
    });
    return out;
  }

  test("every full quarter after the first created date, against a computation by hand", () => {
    const f = forecastVsActual(deals, textbook, "textbook", day(2024, 6, 30), "quarter", 20);
    expect(f).toBeDefined();
    if (!f) return;
    expect(f.periods.map((p) => p.label)).toEqual(["2024-Q1", "2024-Q2"]);
    const q1 = byHand(day(2024, 1, 1), day(2024, 3, 31));
    const q2 = byHand(day(2024, 4, 1), day(2024, 6, 30));
    for (const [p, hand] of [
      [f.periods[0], q1],
      [f.periods[1], q2],
    ] as const) {
      expect(p.owners.map((c) => c.owner)).toEqual([...hand.keys()].sort());
      for (const c of p.owners) {
        const h = hand.get(c.owner as string)!;
        expect(c.forecast).toBeCloseTo(h.forecast, 9);
        expect(c.actual).toBe(h.actual);
        expect(c.won).toBe(h.won);
        expect(c.error).toBeCloseTo(h.forecast - h.actual, 9);
      }
    }
    // Ann: 600 forecast against 1,000 won; Bob: 820 against 800 (and 300 won from a new deal).
    expect(f.owners).toEqual([
      expect.objectContaining({ owner: "Ann", periods: 1, forecast: 600, actual: 1000, won: 1000 }),
      expect.objectContaining({ owner: "Bob", periods: 2, actual: 800, won: 1100 }),
    ]);
    expect(f.owners[0].bias).toBeCloseTo(-0.4, 12);
    expect(f.owners[0].absError).toBeCloseTo(0.4, 12);
    expect(f.owners[1].forecast).toBeCloseTo(820, 9);
    expect(f.owners[1].bias).toBeCloseTo(20 / 800, 12);
  });

  test("months; without created dates there is nothing to reconstruct", () => {
    const f = forecastVsActual(deals, textbook, "textbook", day(2024, 6, 30), "month", 20);
    // Months from Nov 2023 (after October's first created date) to June 2024; November has no deal
    // open at its start and closing in it (left out, counted). February: Ann's won deal only.
    expect(f?.periods[0].label).toBe("2023-12");
    expect(f?.empty).toBeGreaterThanOrEqual(1);
    const feb = f?.periods.find((p) => p.label === "2024-02");
    expect(feb?.owners).toEqual([
      { owner: "Ann", forecast: 400, actual: 1000, won: 1000, error: -600 },
    ]);
    const none = deals.map((d) => ({ ...d, created: null }));
    expect(forecastVsActual(none, textbook, "textbook", day(2024, 6, 30), "month")).toBeUndefined();
  });
});
