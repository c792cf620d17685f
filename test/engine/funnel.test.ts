import { describe, test, expect } from "@jest/globals";
import {
  classifyStage,
  classifyStages,
  customStageTable,
  parseCategory,
  DEFAULT_STAGE_TABLE,
  parseProbabilityText,
  resolveStage,
  weightedAmounts,
  weightedTotal,
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

describe("forecast categories", () => {
  test("default stages: Prospect/Intent pipeline, Proposal best case, Negotiation commit, Won closed", () => {
    const cat = (s: string | number) => {
      const r = classifyStage(s, DEFAULT_STAGE_TABLE);
      if (!r.ok) throw new Error(r.reason);
      return [r.probability, r.category];
    };
    expect(cat("Prospect")).toEqual([0.1, "pipeline"]);
    expect(cat("意向客户")).toEqual([0.3, "pipeline"]);
    expect(cat("Proposal")).toEqual([0.5, "bestCase"]);
    expect(cat("商务谈判")).toEqual([0.7, "commit"]);
    expect(cat("won")).toEqual([1, "closed"]);
    // Probabilities: 100% closed, 0% omitted, anything else pipeline.
    expect(cat(1)).toEqual([1, "closed"]);
    expect(cat("0%")).toEqual([0, "omitted"]);
    expect(cat(0.9)).toEqual([0.9, "pipeline"]);
    expect(classifyStage("Qualify", DEFAULT_STAGE_TABLE).ok).toBe(false);
  });
  test("category names in English and Chinese", () => {
    expect(parseCategory("Best Case")).toBe("bestCase");
    expect(parseCategory(" best case ")).toBe("bestCase");
    expect(parseCategory("最佳情况")).toBe("bestCase");
    expect(parseCategory("COMMIT")).toBe("commit");
    expect(parseCategory("承诺")).toBe("commit");
    expect(parseCategory("已成交")).toBe("closed");
    expect(parseCategory("Omitted")).toBe("omitted");
    expect(parseCategory("不计入")).toBe("omitted");
    expect(parseCategory("管道")).toBe("pipeline");
    expect(parseCategory("Maybe")).toBeUndefined();
  });
  test("custom tables: third column, defaults from the probability, consistency checks", () => {
    const built = customStageTable([
      { name: "Qualified", probability: 0.2 },
      { name: "Shortlisted", probability: 0.6, category: "Best case" },
      { name: "Closed Won", probability: 1 },
      { name: "Closed Lost", probability: "0%", category: "Omitted" },
      { name: "On hold", probability: 0 },
    ]);
    if (!built.ok) throw new Error(built.reason);
    const cat = (s: string) => {
      const r = classifyStage(s, built.table);
      return r.ok ? r.category : r.reason;
    };
    expect(["Qualified", "Shortlisted", "closed won", "closed lost", "on hold"].map(cat)).toEqual([
      "pipeline",
      "bestCase",
      "closed",
      "omitted",
      "omitted",
    ]);
    expect(customStageTable([{ name: "W", probability: 0.9, category: "Closed" }])).toEqual({
      ok: false,
      index: 0,
      reason: '"W" is Closed (won), so its probability must be 100%',
    });
    expect(customStageTable([{ name: "L", probability: 0.1, category: "Omitted" }])).toMatchObject({
      ok: false,
      reason: '"L" is Omitted (lost or excluded), so its probability must be 0%',
    });
    expect(customStageTable([{ name: "X", probability: 0.1, category: "Maybe" }])).toMatchObject({
      ok: false,
      reason: expect.stringMatching(
        /^unknown forecast category "Maybe" for "X"; use Pipeline \(管道\), Best case/
      ),
    });
  });
});

describe("a column of stages at once (classifyStages, weightedTotal)", () => {
  // Written as a CRM export writes them: names in any case and spacing, probabilities as numbers
  // and percentages, and the same stage written many times.
  const stages: (string | number)[] = [];
  const amounts: number[] = [];
  const written = [
    "Prospect",
    " intent",
    "PROPOSAL",
    "Negotiation",
    "Won",
    0.25,
    "40%",
    "商务谈判",
  ];
  for (let i = 0; i < 400; i++) {
    stages.push(written[(i * 7) % written.length]);
    amounts.push(((i * 37) % 101) * 10.01 - 50);
  }
  // Probabilities by hand: the default stages' 10/30/50/70/100%, 0.25, 40%, Negotiation's 70%.
  const byHand: Record<string, number> = {
    Prospect: 0.1,
    " intent": 0.3,
    PROPOSAL: 0.5,
    Negotiation: 0.7,
    Won: 1,
    "0.25": 0.25,
    "40%": 0.4,
    商务谈判: 0.7,
  };

  test("each row gets its stage's probability and category", () => {
    const res = classifyStages(stages, DEFAULT_STAGE_TABLE);
    if (!res.ok) throw new Error(res.reason);
    expect(Array.from(res.probabilities)).toEqual(stages.map((s) => byHand[String(s)]));
    expect(res.categories.slice(0, 8)).toEqual(
      stages.slice(0, 8).map((s) => {
        const c = classifyStage(s, DEFAULT_STAGE_TABLE);
        return c.ok ? c.category : null;
      })
    );
    expect(res.categories[stages.indexOf("Won")]).toBe("closed");
    expect(res.categories[stages.indexOf("PROPOSAL")]).toBe("bestCase");
  });

  test("the total is the compensated sum of amount × probability, row by row", () => {
    const res = weightedTotal(amounts, stages, DEFAULT_STAGE_TABLE);
    let s = 0;
    let c = 0;
    for (let i = 0; i < amounts.length; i++) {
      const v = amounts[i] * byHand[String(stages[i])];
      const t = s + v;
      c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
      s = t;
    }
    expect(res).toEqual({ ok: true, total: s + c });
    expect(res).toEqual({
      ok: true,
      total: sum(
        weightedAmounts(
          amounts,
          stages.map((x) => byHand[String(x)])
        )
      ),
    });
  });

  test("the first stage that is no stage is named with its row", () => {
    const bad = [...stages.slice(0, 5), "Maybe", "Nope"];
    const expected = {
      ok: false,
      index: 5,
      reason: expect.stringMatching(/^unknown stage "Maybe"; known stages: Prospect \(10%\)/),
    };
    expect(classifyStages(bad, DEFAULT_STAGE_TABLE)).toEqual(expected);
    expect(weightedTotal(amounts.slice(0, 7), bad, DEFAULT_STAGE_TABLE)).toEqual(expected);
    expect(classifyStages([1.5], DEFAULT_STAGE_TABLE)).toMatchObject({ ok: false, index: 0 });
  });
});
