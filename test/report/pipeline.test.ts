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
import { periodLabel } from "../../src/engine/calendar";
import { uniformGenerator } from "../../src/engine/random";
import { PLAN_LABELS, pipelineForecastRows } from "../../src/i18n/results.plan";
import { isFormula, isLive, ReportSheet } from "../../src/report/model";
import { buildPipelineReport, checkStages, StageEntry } from "../../src/report/pipeline";
import { Dataset } from "../../src/report/roles";
import { analyseSource } from "../../src/report/source";
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
import { CRM_HEADER } from "../support/crm";

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
      "Closed + open",
      "Closed + weighted open",
      "Closed",
      "Commit",
      "Best case",
      "Target",
      "Gap (target − closed − weighted open)",
      "Coverage ((closed + open) ÷ target)",
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
    // Days overdue = the "As of" key figure − the close date, as a formula.
    const days = grid.get(t.area.row + 1, 6);
    expect(formulaOf(days)).toMatch(/^=\$B\$\d+-F\d+$/);
    expect(valueOf(keyFigure(grid, "As of"))).toBe(AS_OF);
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
      ["Closed + weighted open", undefined],
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
      "已成交 + 未结",
      "已成交 + 加权未结",
    ]);
    const rows = tableBody(g, "KAM_PipelineByPeriod");
    expect(rows[0][0]).toBe("已逾期");
    expect(rows[rows.length - 1][0]).toBe("以后");
    expect(tableBody(g, "KAM_Funnel").map((r) => r[2])).toContain("最佳情况");
    const open = keyFigure(g, "未结管道金额");
    expect(formulaOf(open)).toMatch(/"管道"/);
  });

  test("default stages in Chinese show their zh-CN names; with no won or lost deal the as-of date is today", async () => {
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
      today: AS_OF,
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
    // As of today (no won or lost deal to date the actuals): the periods start with its quarter,
    // open deals closing before it are overdue.
    expect(valueOf(keyFigure(g, "截至日期"))).toBe(AS_OF);
    expect(texts(s).some((t) => t.startsWith("截至日期 2025-01-15：今天"))).toBe(true);
    const rows = tableBody(g, "KAM_PipelineByPeriod");
    expect(rows[1][0]).toBe(periodLabel(AS_OF, "quarter"));
    const before = d.close.filter((c) => c < serial(2025, 1, 1));
    expect(rows[0].slice(1, 2)).toEqual([before.length]);
    expect(tableBody(g, "KAM_Overdue")).toHaveLength(d.close.filter((c) => c < AS_OF).length);
    expect(s.figures).toMatchObject({ as_of: "2025-01-15", open_deals: d.amount.length, lost: 0 });
    expect(s.tables.map((t) => t.name)).not.toContain("KAM_LearnedStages");
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
    expect(s.tables.map((t) => t.name)).toEqual(["KAM_Funnel", "KAM_LearnedStages", "KAM_Overdue"]);
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
    // The function's own presenter (the wrapper spills exactly these rows).
    const spill: Value[][] = [
      [...PLAN_LABELS.en.pipelineHeaders],
      ...pipelineForecastRows(f, "month", "en"),
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
    // An unknown stage with no lost deal to learn a win rate from is an error naming it, in the
    // report's language (stage names included).
    const d = dataset(small(["Prospect", "On hold", "Won"], [100, 200, 50], [45690, 45720, 45600]));
    await expect(buildPipelineReport(d, { lang: "en" })).rejects.toThrow(
      'Unknown stage "On hold" (1 deal, first in row 3); known stages: Prospect (10%), Intent (30%), Proposal (50%), Negotiation (70%), Won (100%), Lost (0%), or a probability such as 50%. A stage the table does not know takes the win rate learned from the data\'s closed deals, which needs won and lost deals: there is 1 won and 0 lost.'
    );
    await expect(buildPipelineReport(d, { lang: "zh" })).rejects.toThrow(
      "未知阶段“On hold”（1 个商机，首次出现在第 3 行）；已知阶段：潜在客户 (10%)、意向客户 (30%)、方案阶段 (50%)、商务谈判 (70%)、销售实现 (100%)、输单 (0%)，也可以填写概率（如 50%）。"
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
    expect(valueOf(keyFigure(g, "Lost deals"))).toBe(1);
    expect(s.tables.map((t) => t.name)).toEqual([
      "KAM_Funnel",
      "KAM_LearnedStages",
      "KAM_PipelineByPeriod",
    ]);
    // As of the last day with actuals: its month holds its won deal, not Later.
    expect(valueOf(keyFigure(g, "As of"))).toBe(serial(2024, 6, 9));
    const rows = tableBody(g, "KAM_PipelineByPeriod");
    expect(rows[1].slice(0, 5)).toEqual(["2024-06", 1, 50, 50, 50]);
    expect(rows[4].slice(0, 3)).toEqual(["Later", 0, 0]);
    expect(s.figures).toMatchObject({
      open_deals: 0,
      open_amount: 0,
      weighted: 0,
      won: 150,
      lost: 1,
      as_of: "2024-06-09",
    });
    // The stage table given stays authoritative under the default (learned per stage).
    expect(s.figures?.probabilities).toMatchObject({
      method: "textbook",
      asked: "learned",
      closed_deals: 3,
    });
  });

  test("a zero target leaves gap and coverage empty with a note; all-zero amounts leave shares empty", async () => {
    const d = dataset(
      small(["Prospect", "Intent"], [0, 0], [serial(2025, 1, 5), serial(2025, 2, 5)])
    );
    const s = await buildPipelineReport(d, {
      lang: "en",
      periods: 2,
      targets: [0, 10],
      today: serial(2025, 1, 1),
    });
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

// A CRM export shaped like Maven Analytics' "CRM Sales Opportunities" sales_pipeline.csv: stages
// Prospecting, Engaging, Won, Lost; open deals have no close_value and no close_date (Prospecting no
// engage_date either); lost deals have close_value 0.
interface CrmDeal {
  id: string;
  agent: string;
  product: string;
  account: string;
  stage: string;
  engage: number | null;
  close: number | null;
  value: number | null;
}

function generateCrm(n = 400, seed = 8800): CrmDeal[] {
  const rnd = uniformGenerator(seed);
  const first = serial(2016, 10, 20);
  const last = serial(2017, 12, 31);
  const out: CrmDeal[] = [];
  for (let i = 0; i < n; i++) {
    const r = rnd();
    const stage = r < 0.45 ? "Won" : r < 0.72 ? "Lost" : r < 0.88 ? "Engaging" : "Prospecting";
    const engage = stage === "Prospecting" ? null : first + Math.floor(rnd() * (last - first - 40));
    const closed = stage === "Won" || stage === "Lost";
    const close = closed ? Math.min(last, (engage ?? first) + 1 + Math.floor(rnd() * 120)) : null;
    out.push({
      id: `OPP${String(i).padStart(5, "0")}`,
      agent: `Agent ${1 + Math.floor(rnd() * 12)}`,
      product: ["GTX Basic", "GTX Pro", "MG Special", "MG Advanced"][Math.floor(rnd() * 4)],
      account: `Account ${1 + Math.floor(rnd() * 40)}`,
      stage,
      engage,
      close,
      value: stage === "Won" ? Math.round(50 + rnd() * 5000) : stage === "Lost" ? 0 : null,
    });
  }
  return out;
}

function crmDataset(deals: CrmDeal[]): Dataset {
  return sheetDataset("pipeline", "sales_pipeline", [
    { role: "opportunity", text: deals.map((d) => d.id) },
    { role: "owner", text: deals.map((d) => d.agent) },
    undefined,
    { role: "customer", text: deals.map((d) => d.account) },
    { role: "stage", text: deals.map((d) => d.stage) },
    undefined,
    { role: "closeDate", sparse: deals.map((d) => d.close) },
    { role: "amount", sparse: deals.map((d) => d.value) },
  ]);
}

describe("Pipeline report on a CRM export (open deals without amount or close date)", () => {
  const deals = generateCrm();
  const isOpen = (d: CrmDeal) => d.stage === "Prospecting" || d.stage === "Engaging";
  const open = deals.filter(isOpen);
  const won = deals.filter((d) => d.stage === "Won");
  const lost = deals.filter((d) => d.stage === "Lost");
  // Independently: the learned win probability of an open stage when every closed deal passed every
  // open stage (the export says Lost, not where), and the last day with actuals.
  const learned = won.length / (won.length + lost.length);
  const asOf = Math.max(...[...won, ...lost].map((d) => d.close ?? -Infinity));
  const wonAmount = add(won.map((d) => d.value ?? 0));
  let sheet: ReportSheet;
  let grid: Grid;

  test("the sheet is well formed and its formulas compute their cached values", async () => {
    expect(open.length).toBeGreaterThan(80);
    sheet = await buildPipelineReport(crmDataset(deals), { lang: "en", created: CREATED });
    grid = new Grid(sheet);
    expectWellFormed(grid);
    expect(expectFormulasConsistent(grid)).toBeGreaterThan(25);
  });

  test("open deals are counted and listed, never dropped; the pipeline is not called empty", () => {
    const all = texts(sheet);
    expect(all.some((t) => /no open opportunities/.test(t))).toBe(false);
    expect(all).toContain(
      `${open.length} open deals have no amount: counted in the deal counts, not in the amounts (Engaging ${open.filter((d) => d.stage === "Engaging").length}, Prospecting ${open.filter((d) => d.stage === "Prospecting").length}); listed under "Open deals without an amount".`
    );
    expect(all[1]).toContain(`${deals.length} opportunities (${open.length} open)`);
    const fig = (label: string) => valueOf(keyFigure(grid, label));
    expect(fig("Open deals")).toBe(open.length);
    expect(fig("Open deals without an amount")).toBe(open.length);
    expect(fig("Open deals without a close date")).toBe(open.length);
    expect(fig("Open pipeline")).toBe(0);
    expect(tableBody(grid, "KAM_NoAmount").map((r) => [r[0], r[3], r[4]])).toEqual(
      open.map((d) => [d.id, d.stage, null])
    );
    // The funnel: Prospecting and Engaging are rows with their deals, not "unknown stage" errors.
    const funnel = tableBody(grid, "KAM_Funnel");
    expect(funnel.map((r) => r[0])).toEqual(["Engaging", "Prospecting", "Won", "Lost"]);
    for (const r of funnel) {
      const inStage = deals.filter((d) => d.stage === r[0]);
      expect(r[3]).toBe(inStage.length);
      expect(r[7]).toBe(inStage.filter((d) => d.value === null).length);
    }
    // No close date: a bucket of its own in the pipeline by month, not a month, never overdue.
    const periods = tableBody(grid, "KAM_PipelineByPeriod");
    const noDate = periods.find((r) => r[0] === "No close date");
    expect(noDate?.slice(1, 3)).toEqual([open.length, 0]);
    expect(sheet.tables.map((t) => t.name)).not.toContain("KAM_Overdue");
    expect(all.some((t) => t.startsWith(`${open.length} open deals have no close date`))).toBe(
      true
    );
  });

  test("unknown stages take the probability learned from the closed deals, shown beside the textbook", () => {
    const funnel = tableBody(grid, "KAM_Funnel");
    expect(close(funnel[0][1] as number, learned)).toBe(true);
    expect(close(funnel[1][1] as number, learned)).toBe(true);
    expect(funnel[0][2]).toBe("Pipeline");
    const rows = tableBody(grid, "KAM_LearnedStages");
    // Enough closed deals: a table stage would take the learned rate (none of its deals here).
    expect(won.length + lost.length).toBeGreaterThanOrEqual(20);
    expect(rows.map((r) => [r[0], r[1], r[5]])).toEqual([
      ["Prospect", 0.1, "Learned (≥ 20 closed deals)"],
      ["Intent", 0.3, "Learned (≥ 20 closed deals)"],
      ["Proposal", 0.5, "Learned (≥ 20 closed deals)"],
      ["Negotiation", 0.7, "Learned (≥ 20 closed deals)"],
      ["Engaging", null, "Learned (not in the stage table)"],
      ["Prospecting", null, "Learned (not in the stage table)"],
    ]);
    for (const r of rows) {
      expect(close(r[2] as number, learned)).toBe(true);
      expect(r.slice(3, 5)).toEqual([won.length + lost.length, won.length]);
    }
    const t = tableOf(sheet, "KAM_LearnedStages");
    expect(formulaOf(grid.get(t.area.row + 1, 2))).toBe(`=E${t.area.row + 2}/D${t.area.row + 2}`);
    const all = texts(sheet);
    expect(
      all.some((x) => x.includes("every closed deal is taken to have passed every open stage"))
    ).toBe(true);
    expect(all).toContain(
      `Stages the stage table does not know take the learned probability ${Math.round(learned * 1000) / 10}%: Engaging (${open.filter((d) => d.stage === "Engaging").length} deals), Prospecting (${open.filter((d) => d.stage === "Prospecting").length} deals).`
    );
  });

  test("as of the last day with actuals: stated, and its month keeps its won deals", () => {
    expect(valueOf(keyFigure(grid, "As of"))).toBe(asOf);
    const iso = periodLabel(asOf, "month");
    expect(texts(sheet)).toContain(
      `As of 2017-12-31: the latest close date of a won or lost deal (the last day with actuals). Open deals closing before it are overdue; the periods start with its month, whose won deals are in its Closed column.`
    );
    const periods = tableBody(grid, "KAM_PipelineByPeriod");
    expect(periods[1][0]).toBe(iso);
    const inMonth = won.filter((d) => periodLabel(d.close ?? 0, "month") === iso);
    expect(periods[1][1]).toBe(inMonth.length);
    expect(periods[1][4]).toBe(add(inMonth.map((d) => d.value ?? 0)));
    const later = periods.find((r) => r[0] === "Later");
    expect(later?.slice(1, 3)).toEqual([0, 0]);
  });

  test("won, lost and open are never mixed; figures and warnings for kam report --json", () => {
    const fig = (label: string) => valueOf(keyFigure(grid, label));
    expect(fig("Won")).toBe(wonAmount);
    expect(fig("Lost deals")).toBe(lost.length);
    expect(fig("Weighted pipeline (open deals)")).toBe(0);
    // The funnel's total row covers open deals only: no won revenue in it.
    const t = tableOf(sheet, "KAM_Funnel");
    const totals = grid.values({
      row: t.area.row + t.area.rows,
      column: 0,
      rows: 1,
      columns: 8,
    })[0];
    expect(totals).toEqual(["Total of open deals", null, null, open.length, 0, 0, 0, open.length]);
    expect(sheet.figures).toMatchObject({
      open_deals: open.length,
      open_amount: 0,
      weighted: 0,
      won: wonAmount,
      lost: lost.length,
      as_of: "2017-12-31",
    });
    expect(sheet.figures?.probabilities).toMatchObject({
      method: "learned",
      asked: "learned",
      min_closed: 20,
      closed_deals: won.length + lost.length,
      learned_deals: open.length,
    });
    const w = sheet.warnings ?? [];
    expect(w.some((x) => x.startsWith(`${open.length} open deals have no amount`))).toBe(true);
    expect(w.some((x) => x.startsWith("As of 2017-12-31"))).toBe(true);
    expect(w.some((x) => x.startsWith("Learned probabilities"))).toBe(true);
    expect(w.every((x) => texts(sheet).includes(x))).toBe(true);
    expect(w.some((x) => x.startsWith("Weighted = amount"))).toBe(false);
  });

  test("open deals with amounts and dates mix with those without: sums, weights, overdue", async () => {
    const mixed = deals.map((d, i) =>
      isOpen(d) && i % 3 === 0
        ? { ...d, value: 1000 + i, close: serial(2017, 11, 1) + (i % 90) }
        : d
    );
    const s = await buildPipelineReport(crmDataset(mixed), { lang: "en", created: CREATED });
    const g = new Grid(s);
    expectWellFormed(g);
    expectFormulasConsistent(g);
    const openMixed = mixed.filter(isOpen);
    const known = openMixed.filter((d) => d.value !== null);
    const fig = (label: string) => valueOf(keyFigure(g, label)) as number;
    expect(fig("Open deals")).toBe(openMixed.length);
    expect(fig("Open pipeline")).toBe(add(known.map((d) => d.value ?? 0)));
    expect(
      close(fig("Weighted pipeline (open deals)"), add(known.map((d) => (d.value ?? 0) * learned)))
    ).toBe(true);
    expect(fig("Open deals without an amount")).toBe(openMixed.length - known.length);
    const overdue = known.filter((d) => (d.close ?? Infinity) < asOf);
    expect(tableBody(g, "KAM_Overdue")).toHaveLength(overdue.length);
    expect(fig("Overdue deals")).toBe(overdue.length);
    expect(s.figures).toMatchObject({
      open_deals: openMixed.length,
      open_amount: add(known.map((d) => d.value ?? 0)),
    });
    expect(
      close(s.figures?.weighted as number, add(known.map((d) => (d.value ?? 0) * learned)))
    ).toBe(true);
  });

  test("zh-CN: learned stages, notes and the no-amount list in Chinese", async () => {
    const s = await buildPipelineReport(crmDataset(deals), { lang: "zh", created: CREATED });
    const g = new Grid(s);
    expectWellFormed(g);
    expectFormulasConsistent(g);
    expect(tableBody(g, "KAM_Funnel").map((r) => r[0])).toEqual([
      "Engaging",
      "Prospecting",
      "销售实现",
      "输单",
    ]);
    expect(tableBody(g, "KAM_LearnedStages").map((r) => r[0])).toEqual([
      "潜在客户",
      "意向客户",
      "方案阶段",
      "商务谈判",
      "Engaging",
      "Prospecting",
    ]);
    const all = texts(s);
    expect(
      all.some((t) => t.startsWith(`${open.length} 个未结商机没有金额：计入商机数，不计入金额`))
    ).toBe(true);
    expect(all.some((t) => t.startsWith("阶段表中没有的阶段采用学习所得概率"))).toBe(true);
    expect(
      all.some((t) => t.startsWith("截至日期 2017-12-31：赢单或输单商机中最晚的成交日期"))
    ).toBe(true);
    expect(tableBody(g, "KAM_PipelineByPeriod").some((r) => r[0] === "无预计成交日期")).toBe(true);
    expect(valueOf(keyFigure(g, "无金额的未结商机数"))).toBe(open.length);
  });

  test("read from the export's cells: blank close_value and close_date keep the row", async () => {
    const iso = (v: number | null) => (v === null ? "" : isoFromSerialForTest(v));
    const values: unknown[][] = [
      [...CRM_HEADER],
      ...deals.map((d) => [
        d.id,
        d.agent,
        d.product,
        d.account,
        d.stage,
        iso(d.engage),
        iso(d.close),
        d.value === null ? "" : d.value,
      ]),
    ];
    const analysis = analyseSource(values, "pipeline", { lang: "en" });
    expect(analysis.problems).toEqual([]);
    expect(analysis.dataset?.rows).toBe(deals.length);
    const data = analysis.dataset as Dataset;
    const s = await buildPipelineReport(data, { lang: "en", created: CREATED });
    expectFormulasConsistent(s);
    // The same figures, and with the product column the estimate for the deals without an amount:
    // the average won value of their product, summed in a plain loop here.
    // (With the engage dates read, the back-test joins them.)
    const { open_estimate: estimate, estimated, backtest, ...figures } = s.figures!;
    expect(figures).toEqual(sheet.figures);
    expect(backtest).toBeDefined();
    const won = new Map<string, number[]>();
    for (const d of deals)
      if (d.stage === "Won" && d.value !== null)
        won.set(d.product, [...(won.get(d.product) ?? []), d.value]);
    let expected = 0;
    let count = 0;
    for (const d of deals) {
      const values = won.get(d.product);
      if (d.value !== null || d.stage === "Won" || d.stage === "Lost" || !values) continue;
      expected += values.reduce((a, b) => a + b, 0) / values.length;
      count++;
    }
    expect(estimated).toBe(count);
    expect(Math.abs((estimate as number) - expected)).toBeLessThan(1e-6 * expected);
    const shown = valueOf(keyFigure(new Grid(s), "Their estimate (not in the pipeline)")) as number;
    expect(Math.abs(shown - expected)).toBeLessThan(1e-6 * expected);
  });

  test("only open deals: as of today (injected); an unknown stage with nothing to learn from is an error", async () => {
    const onlyOpen = open.slice(0, 20);
    const today = serial(2018, 1, 10);
    await expect(buildPipelineReport(crmDataset(onlyOpen), { lang: "en", today })).rejects.toThrow(
      /^Unknown stages "Engaging" \(\d+ deals, first in row \d+\), "Prospecting" \(\d+ deals, first in row \d+\); known stages: Prospect \(10%\), Intent \(30%\), Proposal \(50%\), Negotiation \(70%\), Won \(100%\), Lost \(0%\), or a probability such as 50%\. .* there are 0 won and 0 lost\.$/
    );
    // With the company's stage table the same deals are known: the as-of date is today.
    const stageTable = [
      { name: "Prospecting", probability: "10%" },
      { name: "Engaging", probability: "40%" },
      { name: "Won", probability: 1 },
      { name: "Lost", probability: 0 },
    ];
    const s = await buildPipelineReport(crmDataset(onlyOpen), { lang: "en", today, stageTable });
    expect(s.figures?.as_of).toBe("2018-01-10");
    expect(texts(s)).toContain(
      "As of 2018-01-10: today, since no won or lost deal has a close date. Open deals closing before it are overdue; the periods start with its month, whose won deals are in its Closed column."
    );
    expect(s.figures?.open_deals).toBe(20);
  });
});

test("live: learned stages join the stage table KAM.PIPELINE_FORECAST reads", async () => {
  // A CRM export with amounts and dates everywhere (live formulas need them) and its own stage names.
  const stage = ["Qualification", "Won", "Lost", "Qualification", "Won", "lost"];
  const deals6 = (st: string[]): Deals => ({
    opportunity: st.map((_, i) => `Q${i}`),
    customer: st.map(() => "Acme"),
    owner: st.map(() => "Ann"),
    amount: [100, 200, 300, 400, 500, 600],
    stage: st,
    close: [45700, 45600, 45610, 45720, 45620, 45630],
  });
  const d = dataset(deals6(stage));
  const s = await buildPipelineReport(d, { lang: "en", live: true, created: CREATED });
  const funnel = tableOf(s, "KAM_Funnel");
  const range = `A${funnel.area.row + 2}:C${funnel.area.row + 4}`;
  const lives = s.blocks.flatMap((b) => b.cells.flat().filter(isLive));
  expect(lives).toHaveLength(1);
  expect(lives[0].live).toContain(`,${range},TRUE)`);
  expect(new Grid(s).values({ row: funnel.area.row + 1, column: 0, rows: 3, columns: 3 })).toEqual([
    ["Qualification", 0.5, "Pipeline"],
    ["Won", 1, "Closed"],
    ["Lost", 0, "Omitted"],
  ]);
  // A stage written otherwise than the funnel's rows (Closed Lost for Lost) keeps the sheet portable.
  const alias = await buildPipelineReport(
    dataset({ ...deals6(stage), stage: stage.map((x) => (x === "lost" ? "Closed Lost" : x)) }),
    { lang: "en", live: true }
  );
  expect(alias.live).toBeUndefined();
  expect(alias.warnings).toContain(
    'Live formulas were asked for, but the stage "Closed Lost" is written otherwise than in the stage table the formula would read from the funnel: the sheet holds values and native formulas.'
  );
  // Blank amounts keep the sheet portable, with a note saying why.
  const blank = crmDataset(generateCrm(40));
  blank.addresses = { amount: "A2:A41", stage: "B2:B41", closeDate: "C2:C41" };
  const portable = await buildPipelineReport(blank, { lang: "en", live: true });
  expect(portable.live).toBeUndefined();
  expect(portable.warnings).toContain(
    "Live formulas were asked for, but some amounts or close dates are blank, which KAM.PIPELINE_FORECAST does not take: the sheet holds values and native formulas."
  );
});

describe("checkStages: the pane's preview of the stage column", () => {
  test("CRM stages: unknown ones with counts and first rows, the probability they will take", () => {
    const stages = [
      "Won",
      "Engaging",
      "Lost",
      "Prospecting",
      "Engaging",
      "Won",
      "Closed Won",
      "50%",
    ];
    const c = checkStages(
      stages,
      undefined,
      "en",
      stages.map((_, i) => i + 2)
    );
    expect(c.unknown).toEqual([
      { name: "Engaging", count: 2, row: 3 },
      { name: "Prospecting", count: 1, row: 5 },
    ]);
    expect(c.known.map((k) => [k.name, k.count])).toEqual([
      ["Won", 3],
      ["Lost", 1],
    ]);
    expect(c.probabilities).toEqual([{ probability: 0.5, count: 1 }]);
    expect(c).toMatchObject({ won: 3, lost: 1, open: 4, learned: 0.75 });
    expect(c.error).toBeUndefined();
    expect(c.note).toBe(
      "Stages the stage table does not know take the learned probability 75%: Engaging (2 deals), Prospecting (1 deal)."
    );
    const zh = checkStages(stages, undefined, "zh");
    expect(zh.note).toBe(
      "阶段表中没有的阶段采用学习所得概率 75%：Engaging（2 个商机）、Prospecting（1 个商机）。"
    );
    expect(zh.known.map((k) => k.label)).toEqual(["销售实现", "输单"]);
  });

  test("CRM words for won and lost are known stages of the default table", () => {
    const words = [
      "Closed Won",
      "closed lost",
      "Closed-Won",
      "赢单",
      "输单",
      "丢单",
      "成交",
      "已成交",
      "失败",
      "Won",
      "Lost",
    ];
    const c = checkStages(words);
    expect(c.unknown).toEqual([]);
    expect(c.won).toBe(6);
    expect(c.lost).toBe(5);
  });

  test("nothing to learn from: the error lists the unknown stages and the known ones in the report's language", () => {
    const c = checkStages(["意向", "销售实现", "意向"], undefined, "zh");
    expect(c.learned).toBeUndefined();
    expect(c.error).toBe(
      "未知阶段“意向”（2 个商机，首次出现在第 1 行）；已知阶段：潜在客户 (10%)、意向客户 (30%)、方案阶段 (50%)、商务谈判 (70%)、销售实现 (100%)、输单 (0%)，也可以填写概率（如 50%）。阶段表中没有的阶段按数据中已结商机学习的赢单率计算，这需要既有赢单也有输单的商机：现有 1 个赢单、0 个输单。"
    );
    const bad = checkStages(["A"], [{ name: "A", probability: "150%" }], "zh");
    expect(bad.error).toBe("阶段表第 1 项：“A”的概率必须在 0 到 1 之间（或 0% 到 100%）。");
    expect(
      checkStages(["A"], [{ name: "Won", probability: 0.5, category: "Closed" }], "en").error
    ).toBe('Stage table, entry 1: "Won" is Closed (won), so its probability must be 100%.');
  });
});

/** ISO text of an Excel serial, independently of src/. */
function isoFromSerialForTest(v: number): string {
  return new Date(Date.UTC(1899, 11, 30) + v * 86_400_000).toISOString().slice(0, 10);
}
