// The Pipeline report builder on a generated opportunity list (every stage, won and lost deals,
// overdue deals, a stage written as a probability): cells against independent engine calls, every
// formula against its cached value, live mode, both languages and bad input.
import { describe, expect, test } from "@jest/globals";
import { pipelineForecast } from "../../src/engine/pipeline/forecast";
import {
  classifyStage,
  customStageTable,
  ForecastCategory,
} from "../../src/engine/pipeline/funnel";
import { periodLabel } from "../../src/engine/pipeline/periods";
import { uniformGenerator } from "../../src/engine/random";
import { PLAN_LABELS } from "../../src/i18n/results.plan";
import { isFormula, isLive, ReportSheet } from "../../src/report/model";
import { buildPipelineReport, StageEntry } from "../../src/report/pipeline";
import { Dataset } from "../../src/report/roles";
import { serial, sheetDataset } from "./datasets";
import {
  Grid,
  Value,
  close,
  expectFormulasConsistent,
  expectWellFormed,
  formulaOf,
  keyFigure,
  tableBody,
  tableOf,
  texts,
  valueOf,
} from "./reportCheck";

const CREATED = "2025-01-15T09:00:00.000Z";

const STAGE_TABLE: StageEntry[] = [
  { name: "Prospect", probability: 0.1, category: "Pipeline" },
  { name: "Intent", probability: 0.3, category: "Pipeline" },
  { name: "Proposal", probability: 0.5, category: "Best case" },
  { name: "Negotiation", probability: 0.7, category: "Commit" },
  { name: "Won", probability: 1, category: "Closed" },
  { name: "Lost", probability: 0, category: "Omitted" },
];
const OPEN_STAGES = ["Prospect", "Intent", "Proposal", "Negotiation"];

interface Deals {
  opportunity: string[];
  customer: string[];
  owner: string[];
  amount: number[];
  stage: string[];
  close: number[];
}

/** 800 deals closing from 2024-10 to 2026-03: won and lost in the past, open ones (some overdue)
 *  around 2025, a few stages written as "50%" or in other case and spacing. */
function generateDeals(n = 800, seed = 20250115): Deals {
  const rnd = uniformGenerator(seed);
  const first = serial(2024, 10, 1);
  const last = serial(2026, 3, 31);
  const today = serial(2025, 1, 15);
  const d: Deals = { opportunity: [], customer: [], owner: [], amount: [], stage: [], close: [] };
  for (let i = 0; i < n; i++) {
    const close = first + Math.floor(rnd() * (last - first + 1));
    const r = rnd();
    let stage: string;
    if (close < today)
      stage = r < 0.4 ? "Won" : r < 0.7 ? "Lost" : OPEN_STAGES[Math.floor(rnd() * 4)];
    else stage = r < 0.08 ? "Won" : r < 0.15 ? "Lost" : OPEN_STAGES[Math.floor(rnd() * 4)];
    if (i % 50 === 7) stage = "50%";
    if (i % 61 === 3) stage = " proposal ";
    d.opportunity.push(i === 12 ? "=1+1" : `OPP-${String(i + 1).padStart(4, "0")}`);
    d.customer.push(`Account ${1 + Math.floor(rnd() * 120)}`);
    d.owner.push(`Rep ${1 + Math.floor(rnd() * 9)}`);
    d.amount.push(Math.round((2_000 + rnd() * 250_000) * 100) / 100);
    d.stage.push(stage);
    d.close.push(close);
  }
  return d;
}

function dataset(d: Deals, addresses = true): Dataset {
  const columns = [
    { role: "opportunity" as const, text: d.opportunity },
    { role: "customer" as const, text: d.customer },
    { role: "owner" as const, text: d.owner },
    { role: "amount" as const, numbers: d.amount },
    { role: "stage" as const, text: d.stage },
    { role: "closeDate" as const, numbers: d.close },
  ];
  return sheetDataset("pipeline", "Opps", columns, addresses);
}

const deals = generateDeals();
const START = serial(2025, 1, 1);
const AS_OF = serial(2025, 1, 15);
const TARGETS = Array.from({ length: 12 }, (_, k) => 2_500_000 + 100_000 * k);

/** Probabilities and categories of the generated deals, from the engine's stage table. */
function classified(d: Deals) {
  const built = customStageTable(STAGE_TABLE);
  if (!built.ok) throw new Error(built.reason);
  const probabilities: number[] = [];
  const categories: ForecastCategory[] = [];
  for (const s of d.stage) {
    const c = classifyStage(s, built.table);
    if (!c.ok) throw new Error(c.reason);
    probabilities.push(c.probability);
    categories.push(c.category);
  }
  return { probabilities, categories };
}

const OPEN = new Set<ForecastCategory>(["pipeline", "bestCase", "commit"]);
const add = (v: number[]) => v.reduce((s, x) => s + x, 0);

describe("Pipeline report on 800 generated deals", () => {
  let sheet: ReportSheet;
  let grid: Grid;
  const { probabilities, categories } = classified(deals);
  const options = {
    lang: "en" as const,
    created: CREATED,
    start: START,
    asOf: AS_OF,
    periods: 12,
    grain: "month" as const,
    targets: TARGETS,
    stageTable: STAGE_TABLE,
  };

  test("builds a well-formed sheet whose formulas compute their cached values", async () => {
    sheet = await buildPipelineReport(dataset(deals), options);
    grid = new Grid(sheet);
    expect(sheet.name).toBe("KAM Pipeline");
    expect(sheet.marker.workflow).toBe("pipeline");
    expectWellFormed(grid);
    expect(expectFormulasConsistent(grid)).toBeGreaterThan(40);
  });

  test("the funnel: one row per stage, deals, amounts and weighted amounts", () => {
    const t = tableOf(sheet, "KAM_Funnel");
    expect(t.headers).toEqual([
      "Stage",
      "Probability",
      "Forecast category",
      "Deals",
      "Amount",
      "Weighted",
      "Share of weighted",
    ]);
    const rows = tableBody(grid, "KAM_Funnel");
    expect(rows.map((r) => r[0])).toEqual([...STAGE_TABLE.map((s) => s.name), "50%"]);
    expect(rows.map((r) => r[2])).toEqual([
      "Pipeline",
      "Pipeline",
      "Best case",
      "Commit",
      "Closed",
      "Omitted",
      "Pipeline",
    ]);
    const groupOf = (i: number) => {
      const s = deals.stage[i].trim().toLowerCase();
      return s === "50%" ? "50%" : s[0].toUpperCase() + s.slice(1);
    };
    for (const r of rows) {
      const idx = deals.stage.map((_, i) => i).filter((i) => groupOf(i) === r[0]);
      expect(r[3]).toBe(idx.length);
      expect(close(r[4] as number, add(idx.map((i) => deals.amount[i])))).toBe(true);
      expect(close(r[5] as number, add(idx.map((i) => deals.amount[i] * probabilities[i])))).toBe(
        true
      );
    }
    const weighted = grid.get(t.area.row + 1, 5);
    expect(formulaOf(weighted)).toBe(`=E${t.area.row + 2}*B${t.area.row + 2}`);
  });

  test("the pipeline by period is the engine's, with target, gap and coverage", () => {
    const t = tableOf(sheet, "KAM_PipelineByPeriod");
    expect(t.headers).toEqual([
      "Period",
      "Deals",
      "Total",
      "Weighted",
      "Closed",
      "Commit",
      "Best case",
      "Target",
      "Gap (target − weighted)",
      "Coverage (total ÷ target)",
    ]);
    const f = pipelineForecast(deals.amount, probabilities, categories, deals.close, {
      start: START,
      periods: 12,
      grain: "month",
    });
    const rows = tableBody(grid, "KAM_PipelineByPeriod");
    expect(rows).toHaveLength(14);
    expect(rows.map((r) => r[0])).toEqual([
      "Overdue",
      ...Array.from({ length: 12 }, (_, k) => `2025-${String(k + 1).padStart(2, "0")}`),
      "Later",
    ]);
    rows.forEach((r, k) => {
      const e = f.rows[k];
      expect(r.slice(1, 7)).toEqual([e.count, e.total, e.weighted, e.closed, e.commit, e.bestCase]);
      if (k >= 1 && k <= 12) {
        expect(r[7]).toBe(TARGETS[k - 1]);
        expect(close(r[8] as number, TARGETS[k - 1] - e.weighted)).toBe(true);
        expect(close(r[9] as number, e.total / TARGETS[k - 1])).toBe(true);
      } else {
        expect(r.slice(7)).toEqual([null, null, null]);
      }
    });
    // The totals row (SUM formulas) equals the engine's Total row.
    const total = f.rows[f.rows.length - 1];
    const sums = grid.values({ row: t.area.row + t.area.rows, column: 0, rows: 1, columns: 8 })[0];
    expect(sums[0]).toBe("Total");
    [total.count, total.total, total.weighted, total.closed, total.commit, total.bestCase].forEach(
      (v, i) => expect(close(sums[i + 1] as number, v)).toBe(true)
    );
    expect(close(sums[7] as number, add(TARGETS))).toBe(true);
  });

  test("overdue deals: open, closing before the as-of date, most overdue first", () => {
    const t = tableOf(sheet, "KAM_Overdue");
    expect(t.headers).toEqual([
      "Opportunity",
      "Customer",
      "Owner",
      "Stage",
      "Amount",
      "Close date",
      "Days overdue",
    ]);
    const expected = deals.close
      .map((c, i) => ({ i, c, days: AS_OF - c }))
      .filter((x) => OPEN.has(categories[x.i]) && x.c < AS_OF)
      .sort((p, q) => q.days - p.days || deals.amount[q.i] - deals.amount[p.i] || p.i - q.i);
    const rows = tableBody(grid, "KAM_Overdue");
    expect(rows.length).toBe(expected.length);
    expect(rows.length).toBeGreaterThan(20);
    rows.forEach((r, k) => {
      const x = expected[k];
      expect(r).toEqual([
        deals.opportunity[x.i],
        deals.customer[x.i],
        deals.owner[x.i],
        deals.stage[x.i],
        deals.amount[x.i],
        x.c,
        x.days,
      ]);
    });
    // Days overdue = the "Overdue as of" key figure − the close date, as a formula.
    const days = grid.get(t.area.row + 1, 6);
    expect(formulaOf(days)).toMatch(/^=\$B\$\d+-F\d+$/);
    expect(valueOf(keyFigure(grid, "Overdue as of"))).toBe(AS_OF);
  });

  test("key figures: open, weighted, commit, won, coverage", () => {
    const open = deals.amount.filter((_, i) => OPEN.has(categories[i]));
    const openWeighted = deals.amount.flatMap((a, i) =>
      OPEN.has(categories[i]) ? [a * probabilities[i]] : []
    );
    const inCat = (c: ForecastCategory) => add(deals.amount.filter((_, i) => categories[i] === c));
    const fig = (label: string | RegExp) => valueOf(keyFigure(grid, label)) as number;
    expect(close(fig("Open pipeline"), add(open))).toBe(true);
    expect(close(fig("Weighted pipeline (open deals)"), add(openWeighted))).toBe(true);
    expect(close(fig("Commit (open deals in the Commit category)"), inCat("commit"))).toBe(true);
    expect(close(fig("Won"), inCat("closed"))).toBe(true);
    expect(fig("Open deals")).toBe(open.length);
    const f = pipelineForecast(deals.amount, probabilities, categories, deals.close, {
      start: START,
      periods: 12,
      grain: "month",
    });
    const due = add(f.rows.slice(0, 13).map((r) => r.total));
    expect(close(fig("Coverage: deals due up to 2025-12 ÷ target"), due / add(TARGETS))).toBe(true);
    const cov = keyFigure(grid, /^Coverage/);
    expect(formulaOf(cov)).toMatch(/^=SUM\(C\d+:C\d+\)\/H\d+$/);
    expect(valueOf(keyFigure(grid, "Open pipeline"))).toBeGreaterThan(0);
  });

  test("charts and conditional formats", () => {
    const funnel = tableOf(sheet, "KAM_Funnel");
    const period = tableOf(sheet, "KAM_PipelineByPeriod");
    const [funnelChart, byPeriod] = sheet.charts;
    expect(funnelChart.kind).toBe("funnel");
    expect(funnelChart.series[0].categories).toEqual({
      row: funnel.area.row + 1,
      column: 0,
      rows: 5,
      columns: 1,
    });
    expect(funnelChart.series[0].values).toEqual({
      row: funnel.area.row + 1,
      column: 4,
      rows: 5,
      columns: 1,
    });
    expect(byPeriod.kind).toBe("column");
    expect(byPeriod.series.map((s) => [s.name, s.kind])).toEqual([
      ["Weighted", undefined],
      ["Target", "line"],
    ]);
    expect(byPeriod.series[0].categories).toEqual({
      row: period.area.row + 2,
      column: 0,
      rows: 12,
      columns: 1,
    });
    const coverage = sheet.conditionalFormats.find(
      (c) => c.kind === "cellValue" && c.operator === "lessThan"
    );
    expect(coverage?.area).toEqual({ row: period.area.row + 2, column: 9, rows: 12, columns: 1 });
    const overdue = tableOf(sheet, "KAM_Overdue");
    const late = sheet.conditionalFormats.filter(
      (c) => c.area.column === 6 && c.area.row === overdue.area.row + 1
    );
    expect(late.map((c) => c.kind === "cellValue" && c.operator)).toEqual([
      "greaterThan",
      "between",
    ]);
  });

  test("user text stays text: an opportunity named =1+1 is a string, never a formula", () => {
    const cells = [...grid.cells.values()];
    expect(cells.filter((c) => c === "=1+1")).toHaveLength(
      deals.close[12] < AS_OF && OPEN.has(categories[12]) ? 1 : 0
    );
    for (const c of cells) if (isFormula(c)) expect(c.formula).not.toMatch(/OPP-|Account|Rep /);
  });

  test("zh-CN: Chinese names, headers, period labels and categories", async () => {
    const zh = await buildPipelineReport(dataset(deals), { ...options, lang: "zh" });
    const g = new Grid(zh);
    expectWellFormed(g);
    expectFormulasConsistent(g);
    expect(zh.name).toBe("KAM 销售漏斗");
    expect(tableOf(zh, "KAM_Funnel").headers[0]).toBe("阶段");
    expect(tableOf(zh, "KAM_PipelineByPeriod").headers.slice(0, 4)).toEqual([
      "期间",
      "商机数",
      "总金额",
      "加权金额",
    ]);
    const rows = tableBody(g, "KAM_PipelineByPeriod");
    expect(rows[0][0]).toBe("已逾期");
    expect(rows[rows.length - 1][0]).toBe("以后");
    expect(tableBody(g, "KAM_Funnel").map((r) => r[2])).toContain("最佳情况");
    const open = keyFigure(g, "未结管道金额");
    expect(formulaOf(open)).toMatch(/"管道"/);
  });

  test("default stages in Chinese show their zh-CN names; the default start is the earliest open deal", async () => {
    const open = deals.stage.map((_, i) => i).filter((i) => OPEN_STAGES.includes(deals.stage[i]));
    const d: Deals = {
      opportunity: open.map((i) => deals.opportunity[i]),
      customer: open.map((i) => deals.customer[i]),
      owner: open.map((i) => deals.owner[i]),
      amount: open.map((i) => deals.amount[i]),
      stage: open.map((i) => deals.stage[i]),
      close: open.map((i) => deals.close[i]),
    };
    const s = await buildPipelineReport(dataset(d, false), {
      lang: "zh",
      periods: 6,
      grain: "quarter",
    });
    const g = new Grid(s);
    expectWellFormed(g);
    expectFormulasConsistent(g);
    expect(tableBody(g, "KAM_Funnel").map((r) => r[0])).toEqual([
      "潜在客户",
      "意向客户",
      "方案阶段",
      "商务谈判",
      "销售实现",
      "输单",
    ]);
    const earliest = Math.min(...d.close);
    const rows = tableBody(g, "KAM_PipelineByPeriod");
    expect(rows[1][0]).toBe(periodLabel(earliest, "quarter"));
    expect(rows[0].slice(1, 3)).toEqual([0, 0]);
    // No deal is overdue on the first day of the first period.
    expect(s.tables.map((t) => t.name)).not.toContain("KAM_Overdue");
  });

  test("live: KAM.PIPELINE_FORECAST at the anchor with the source ranges and the stage table", async () => {
    const s = await buildPipelineReport(dataset(deals), { ...options, live: true });
    expect(s.live).toBe(true);
    const lives = s.blocks.flatMap((b) =>
      b.cells
        .flat()
        .flatMap((c, k) => (isLive(c) ? [{ row: b.row, column: b.column + k, cell: c }] : []))
    );
    expect(lives).toHaveLength(1);
    const funnel = tableOf(s, "KAM_Funnel");
    const stages = `A${funnel.area.row + 2}:C${funnel.area.row + 7}`;
    expect(lives[0].cell).toEqual({
      live: `=KAM.PIPELINE_FORECAST(Opps!D2:D801,Opps!E2:E801,Opps!F2:F801,DATE(2025,1,1),12,"month",${stages},TRUE)`,
      value: "Period",
    });
    expect(s.tables.map((t) => t.name)).toEqual(["KAM_Funnel", "KAM_Overdue"]);
    // The stage table the formula reads is the funnel's first six rows: name, probability, category.
    const g0 = new Grid(s);
    expect(g0.values({ row: funnel.area.row + 1, column: 0, rows: 6, columns: 3 })).toEqual(
      STAGE_TABLE.map((e) => [e.name, e.probability, e.category])
    );
    // Simulate the spill with the engine's rows; target, gap and coverage refer to it.
    const f = pipelineForecast(deals.amount, probabilities, categories, deals.close, {
      start: START,
      periods: 12,
      grain: "month",
    });
    const P = PLAN_LABELS.en;
    const spill: Value[][] = [
      [...P.pipelineHeaders],
      ...f.rows.map((r) => [
        r.kind === "overdue"
          ? P.overdue
          : r.kind === "later"
            ? P.later
            : r.kind === "total"
              ? P.total
              : periodLabel(r.start ?? 0, "month"),
        r.count,
        r.total,
        r.weighted,
        r.closed,
        r.commit,
        r.bestCase,
      ]),
    ];
    const g = new Grid(s, [{ row: lives[0].row, column: lives[0].column, values: spill }]);
    expectWellFormed(g, true);
    expectFormulasConsistent(g);
    expect(texts(s).some((t) => t.startsWith("Live formula: the pipeline by period"))).toBe(true);

    const portable = await buildPipelineReport(dataset(deals, false), { ...options, live: true });
    expectWellFormed(new Grid(portable));
    expect(portable.live).toBeUndefined();
  });
});

describe("Pipeline report: bad and small input", () => {
  const small = (stage: string[], amount: number[], close: number[]): Deals => ({
    opportunity: stage.map((_, i) => `D${i + 1}`),
    customer: stage.map(() => "Acme"),
    owner: stage.map(() => "Ann"),
    amount,
    stage,
    close,
  });

  test("empty data, an unknown stage, wrong targets, a missing column: clear messages", async () => {
    const empty = dataset(small([], [], []));
    await expect(buildPipelineReport(empty, { lang: "en" })).rejects.toThrow(
      "The data have no rows: there are no opportunities to analyse."
    );
    const d = dataset(
      small(["Prospect", "Closed Won"], [100, 200], [serial(2025, 2, 1), serial(2025, 3, 1)])
    );
    await expect(buildPipelineReport(d, { lang: "en" })).rejects.toThrow(
      'Row 3: unknown stage "Closed Won"; known stages: Prospect (10%), Intent (30%), Proposal (50%), Negotiation (70%), Won (100%), Lost (0%), or a probability such as 50%.'
    );
    await expect(buildPipelineReport(d, { lang: "zh" })).rejects.toThrow(
      /^第 3 行：未知阶段“Closed Won”/
    );
    const ok = dataset(
      small(["Prospect", "Won"], [100, 200], [serial(2025, 2, 1), serial(2025, 3, 1)])
    );
    await expect(
      buildPipelineReport(ok, { lang: "en", periods: 3, targets: [1, 2] })
    ).rejects.toThrow(
      "There are 2 targets for 3 periods: give one target per period, or a single number for all."
    );
    await expect(buildPipelineReport(ok, { lang: "en", targets: -5 })).rejects.toThrow(
      /targets must be 0 or more/
    );
    await expect(
      buildPipelineReport({ ...ok, numbers: { amount: [100, 200] } }, { lang: "en" })
    ).rejects.toThrow("The pipeline report needs a close date column.");
    await expect(
      buildPipelineReport(ok, {
        lang: "en",
        stageTable: [{ name: "Won", probability: 0.5, category: "Closed" }],
      })
    ).rejects.toThrow(
      'Stage table, entry 1: "Won" is Closed (won), so its probability must be 100%.'
    );
  });

  test("no open deals: a sheet with a note, no overdue table, never NaN", async () => {
    const d = dataset(
      small(
        ["Won", "Won", "Lost"],
        [100, 50, 70],
        [serial(2024, 5, 1), serial(2024, 6, 9), serial(2024, 6, 1)]
      )
    );
    const s = await buildPipelineReport(d, {
      lang: "en",
      stageTable: STAGE_TABLE,
      periods: 3,
      targets: 100,
    });
    const g = new Grid(s);
    expectWellFormed(g);
    expectFormulasConsistent(g);
    expect(texts(s)).toContain(
      "There are no open opportunities: the pipeline is empty and the tables show won and lost deals only."
    );
    expect(valueOf(keyFigure(g, "Open pipeline"))).toBe(0);
    expect(valueOf(keyFigure(g, "Won"))).toBe(150);
    expect(s.tables.map((t) => t.name)).toEqual(["KAM_Funnel", "KAM_PipelineByPeriod"]);
  });

  test("a zero target leaves gap and coverage empty with a note; all-zero amounts leave shares empty", async () => {
    const d = dataset(
      small(["Prospect", "Intent"], [0, 0], [serial(2025, 1, 5), serial(2025, 2, 5)])
    );
    const s = await buildPipelineReport(d, { lang: "en", periods: 2, targets: [0, 10] });
    const g = new Grid(s);
    expectWellFormed(g);
    expectFormulasConsistent(g);
    expect(texts(s)).toContain(
      "Gap and coverage are left empty where the target is 0 (2025-01): a coverage needs a target above 0."
    );
    expect(texts(s)).toContain(
      "Shares of the weighted pipeline are left empty: the weighted total is not above 0."
    );
    const rows = tableBody(g, "KAM_PipelineByPeriod");
    expect(rows[1].slice(7)).toEqual([0, null, null]);
    expect(rows[2].slice(7)).toEqual([10, 10, 0]);
  });
});
