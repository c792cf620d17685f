import { describe, test, expect } from "@jest/globals";
import { Outcome, funnelConversion } from "../../../src/engine/pipeline/conversion";
import { pipelineForecast } from "../../../src/engine/pipeline/forecast";
import { ForecastCategory } from "../../../src/engine/pipeline/funnel";
import { learnStageProbabilities } from "../../../src/engine/pipeline/learn";
import { serial } from "./generated";

describe("win probabilities learned from closed deals", () => {
  // Three open stages. 6 won, 4 lost (stage not recorded), 5 open deals (taught nothing).
  const outcomes: Outcome[] = [
    ...Array<Outcome>(6).fill("won"),
    ...Array<Outcome>(4).fill("lost"),
    ...Array<Outcome>(5).fill("open"),
  ];

  test("a CRM export (Won/Lost only): every open stage learns won ÷ (won + lost)", () => {
    const r = learnStageProbabilities(3, outcomes);
    expect(r).toMatchObject({ won: 6, lost: 4, open: 5, lostStageUnknown: 4 });
    expect(r.stages).toEqual([
      { reached: 10, won: 6, probability: 0.6 },
      { reached: 10, won: 6, probability: 0.6 },
      { reached: 10, won: 6, probability: 0.6 },
    ]);
  });

  test("where the lost stage is known, later stages learn more (KAM.FUNNEL_CONVERSION's rates)", () => {
    // Lost at stage 0: 2, at stage 1: 1, unknown: 1 (taken to have reached stage 2).
    const lostAt = [
      null,
      null,
      null,
      null,
      null,
      null,
      0,
      0,
      1,
      null,
      null,
      null,
      null,
      null,
      null,
    ];
    const r = learnStageProbabilities(3, outcomes, lostAt);
    // reached: s2 = 6 + 1 = 7, s1 = 7 + 1 = 8, s0 = 8 + 2 = 10.
    expect(r.stages.map((s) => s.reached)).toEqual([10, 8, 7]);
    expect(r.stages.map((s) => s.probability)).toEqual([0.6, 0.75, 6 / 7]);
    expect(r.lostStageUnknown).toBe(1);
    // The same as the engine behind KAM.FUNNEL_CONVERSION with the furthest stages written out.
    const furthest = outcomes.map((o, i) =>
      o === "won" ? 3 : o === "lost" ? (lostAt[i] ?? 2) : 0
    );
    const conv = funnelConversion(furthest, outcomes, 4);
    expect(r.stages.map((s) => s.probability)).toEqual(
      conv.stages.slice(0, 3).map((s) => s.winProbability)
    );
  });

  test("no closed deal: no probability; bad input throws", () => {
    const r = learnStageProbabilities(2, ["open", "open"]);
    expect(r.stages).toEqual([
      { reached: 0, won: 0 },
      { reached: 0, won: 0 },
    ]);
    expect(() => learnStageProbabilities(0, [])).toThrow(RangeError);
    expect(() => learnStageProbabilities(2, ["lost"], [2])).toThrow(RangeError);
    expect(() => learnStageProbabilities(2, ["lost"], [])).toThrow(RangeError);
  });
});

describe("pipeline forecast with blank amounts and close dates (a CRM export's open deals)", () => {
  //   A 100 @50% pipeline 2024-01-10   B  —  @50% pipeline 2024-01-20 (no amount)
  //   C 300 @50% pipeline (no date)    D  —  @50% pipeline (no amount, no date)
  //   E 400 won 2024-02-05              F 200 won (no date)   G 500 lost (no date)
  const amounts = [100, null, 300, null, 400, 200, 500];
  const probs = [0.5, 0.5, 0.5, 0.5, 1, 1, 0];
  const cats: ForecastCategory[] = [
    "pipeline",
    "pipeline",
    "pipeline",
    "pipeline",
    "closed",
    "closed",
    "omitted",
  ];
  const closes = [
    serial(2024, 1, 10),
    serial(2024, 1, 20),
    null,
    null,
    serial(2024, 2, 5),
    null,
    null,
  ];

  test("deals without an amount are counted at 0; those without a date go to No close date", () => {
    const r = pipelineForecast(amounts, probs, cats, closes, {
      start: serial(2024, 1, 1),
      periods: 2,
      grain: "month",
    });
    expect(r.rows.map((x) => x.kind)).toEqual([
      "overdue",
      "period",
      "period",
      "later",
      "noDate",
      "total",
    ]);
    expect(r.rows[1]).toMatchObject({ count: 2, total: 100, weighted: 50 });
    expect(r.rows[2]).toMatchObject({ count: 1, total: 400, weighted: 400, closed: 400 });
    expect(r.rows[4]).toMatchObject({ count: 3, total: 500, weighted: 350, closed: 200 });
    expect(r.rows[5]).toMatchObject({ count: 6, total: 1000, weighted: 800, closed: 600 });
    expect(r.omitted).toBe(1);
  });

  test("without blanks there is no No close date row; the default start skips blank dates", () => {
    const r = pipelineForecast(
      [1, 2],
      [0.5, 1],
      ["pipeline", "closed"],
      [serial(2024, 3, 3), serial(2024, 5, 1)],
      {
        periods: 1,
        grain: "month",
      }
    );
    expect(r.rows.map((x) => x.kind)).toEqual(["overdue", "period", "later", "total"]);
    const d = pipelineForecast(
      [1, 2],
      [0.5, 0.5],
      ["pipeline", "pipeline"],
      [null, serial(2024, 5, 1)],
      {
        periods: 1,
        grain: "month",
      }
    );
    expect(d.start).toBe(serial(2024, 5, 1));
    expect(() =>
      pipelineForecast([1], [0.5], ["pipeline"], [null], { periods: 1, grain: "month" })
    ).toThrow(RangeError);
  });
});
