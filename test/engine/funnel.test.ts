import { describe, test, expect } from "@jest/globals";
import {
  customStageTable,
  DEFAULT_STAGE_TABLE,
  parseProbabilityText,
  resolveStage,
  weightedAmounts,
} from "../../src/engine/pipeline/funnel";
import { sum } from "../../src/engine/numeric";

const p = (stage: string | number) => {
  const r = resolveStage(stage, DEFAULT_STAGE_TABLE);
  if (!r.ok) throw new Error(r.reason);
  return r.probability;
};

describe("default stages (the practice's 10/30/50/70/100%)", () => {
  test.each([
    ["Prospect", 0.1],
    ["Intent", 0.3],
    ["Proposal", 0.5],
    ["Negotiation", 0.7],
    ["Won", 1],
    ["潜在客户", 0.1],
    ["意向客户", 0.3],
    ["方案阶段", 0.5],
    ["商务谈判", 0.7],
    ["销售实现", 1],
    ["  pro posal ", 0.5],
    ["NEGOTIATION", 0.7],
    ["商务　谈判", 0.7], // full-width space
    ["ＷＯＮ", 1], // full-width letters
  ])("%s -> %d", (stage, prob) => expect(p(stage)).toBe(prob));

  test("probabilities as numbers and percent text", () => {
    expect(p(0.5)).toBe(0.5);
    expect(p(0)).toBe(0);
    expect(p("50%")).toBe(0.5);
    expect(p("12.5 %")).toBe(0.125);
    expect(p("0.25")).toBe(0.25);
  });

  test("unknown stages list the known ones", () => {
    const r = resolveStage("Qualify", DEFAULT_STAGE_TABLE);
    expect(r).toEqual({
      ok: false,
      reason:
        'unknown stage "Qualify"; known stages: Prospect (10%), Intent (30%), Proposal (50%), Negotiation (70%), Won (100%), or a probability such as 0.5 or 50%',
    });
  });

  test("numbers outside 0..1 are not probabilities", () => {
    const r = resolveStage(50, DEFAULT_STAGE_TABLE);
    expect(r.ok).toBe(false);
    expect(parseProbabilityText("150%")).toBeUndefined();
  });
});

describe("custom stage tables", () => {
  test("replace the defaults", () => {
    const built = customStageTable([
      { name: "Qualified", probability: 0.2 },
      { name: "Closed Lost", probability: "0%" },
      { name: "Closed Won", probability: 1 },
    ]);
    if (!built.ok) throw new Error(built.reason);
    expect(resolveStage("closed lost", built.table)).toEqual({ ok: true, probability: 0 });
    expect(resolveStage("Prospect", built.table).ok).toBe(false);
  });
  test("checks entries", () => {
    expect(customStageTable([{ name: "A", probability: 1.5 }])).toMatchObject({
      ok: false,
      index: 0,
    });
    expect(
      customStageTable([
        { name: "A", probability: 0.1 },
        { name: " a ", probability: 0.2 },
      ])
    ).toEqual({ ok: false, index: 1, reason: 'stage " a " is listed twice' });
    expect(customStageTable([])).toMatchObject({ ok: false });
  });
});

describe("weighted amounts", () => {
  // Hand-checked: 100×10% + 200×30% + 300×50% + 400×70% + 500×100% = 10 + 60 + 150 + 280 + 500 = 1000.
  test("per row and total", () => {
    const w = weightedAmounts([100, 200, 300, 400, 500], [0.1, 0.3, 0.5, 0.7, 1]);
    expect(w.map((x) => Math.round(x * 1e9) / 1e9)).toEqual([10, 60, 150, 280, 500]);
    expect(sum(w)).toBeCloseTo(1000, 10);
  });
  test("compensated sum keeps cents over many rows", () => {
    const cents = new Array(1_000_000).fill(0.01);
    expect(Math.abs(sum(cents) - 10000)).toBeLessThan(1e-9);
  });
});
