// The Pipeline report's choice of win probabilities (option probabilities: learned per stage by
// default, textbook, per rep, per deal size; minClosed) and the back-test of each: on the corpus CRM
// export (test/fixtures/real/crm-sales-opportunities) and on generated deals with amounts, every
// figure against a plain computation written here.
import { readFileSync } from "fs";
import { resolve } from "path";
import { describe, expect, test } from "@jest/globals";
import { periodLabel } from "../../src/engine/calendar";
import { REPORT_HELP } from "../../src/cli/report";
import { isLive, ReportSheet } from "../../src/report/model";
import { WORKFLOW_OPTIONS } from "../../src/report/options";
import { initialOptions, parseOptions } from "../../src/taskpane/workflows/options";
import { getWorkflowStrings } from "../../src/i18n/workflows";
import { buildPipelineReport, PipelineOptions } from "../../src/report/pipeline";
import { Dataset } from "../../src/report/roles";
import { analyseSource } from "../../src/report/source";
import { uniformGenerator } from "../../src/engine/random";
import { serial, sheetDataset } from "./datasets";
import {
  Grid,
  close,
  expectFormulasConsistent,
  expectWellFormed,
  keyFigure,
  tableBody,
  texts,
  valueOf,
} from "./reportCheck";

const CREATED = "2025-07-01T09:00:00.000Z";
const add = (v: number[]) => v.reduce((s, x) => s + x, 0);
const TEXTBOOK: Record<string, number> = {
  Prospect: 0.1,
  Intent: 0.3,
  Proposal: 0.5,
  Negotiation: 0.7,
};
/** The textbook's open stages' mean: a deal closed since the back-test's start had an unknown stage. */
const UNKNOWN = (0.1 + 0.3 + 0.5 + 0.7) / 4;

/** Excel serial of a yyyy-mm-dd text. */
const serialOf = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return serial(y, m, d);
};

/** The last full quarter ending on or before `asOf`: [start, end] serials. */
function lastFullQuarter(asOf: number): [number, number] {
  const d = new Date(Date.UTC(1899, 11, 30) + asOf * 86_400_000);
  const y = d.getUTCFullYear();
  const q = Math.floor(d.getUTCMonth() / 3);
  const end = serial(y, 3 * q + 4, 1) - 1;
  if (end <= asOf) return [serial(y, 3 * q + 1, 1), end];
  return [serial(y, 3 * q - 2, 1), serial(y, 3 * q + 1, 1) - 1];
}

// -------------------------------------------------------------------------------------------------
// The corpus CRM export: 1,047 deals (Won 419, Lost 266 with close_value 0, Engaging 199 and
// Prospecting 163 without amount or close date; Prospecting without engage_date).

interface Row {
  agent: string;
  stage: string;
  engage: number | null;
  close: number | null;
  value: number | null;
}

const CSV = readFileSync(
  resolve("test/fixtures/real/crm-sales-opportunities/sales_pipeline.csv"),
  "utf8"
);
const lines = CSV.trim()
  .split(/\r?\n/)
  .map((l) => l.split(","));
const header = lines[0];
const col = (name: string) => header.indexOf(name);
const corpus: Row[] = lines.slice(1).map((c) => ({
  agent: c[col("sales_agent")],
  stage: c[col("deal_stage")],
  engage: c[col("engage_date")] === "" ? null : serialOf(c[col("engage_date")]),
  close: c[col("close_date")] === "" ? null : serialOf(c[col("close_date")]),
  value: c[col("close_value")] === "" ? null : Number(c[col("close_value")]),
}));

async function corpusSheet(options: Partial<PipelineOptions> = {}, lang: "en" | "zh" = "en") {
  const analysis = analyseSource(lines, "pipeline", { lang: "en" });
  expect(analysis.problems).toEqual([]);
  const data = analysis.dataset as Dataset;
  expect(data.rows).toBe(corpus.length);
  return buildPipelineReport(data, { lang, created: CREATED, ...options });
}

describe("Pipeline on the corpus CRM export: learned rates and the back-test", () => {
  const closed = corpus.filter((r) => r.stage === "Won" || r.stage === "Lost");
  const won = closed.filter((r) => r.stage === "Won");
  const asOf = Math.max(...closed.map((r) => r.close ?? -Infinity));
  const [start, end] = lastFullQuarter(asOf);
  // The pipeline on the quarter's first day: engaged before it, closing in the quarter, with a value.
  const then = corpus.filter(
    (r) =>
      r.engage !== null &&
      r.engage < start &&
      r.close !== null &&
      r.close >= start &&
      r.close <= end &&
      r.value !== null
  );
  const training = closed.filter((r) => r.close !== null && r.close < start);
  const trainingWon = training.filter((r) => r.stage === "Won").length;
  const actual = add(then.filter((r) => r.stage === "Won").map((r) => r.value ?? 0));
  const amountThen = add(then.map((r) => r.value ?? 0));
  const textbookForecast = amountThen * UNKNOWN;
  const learnedForecast = amountThen * (trainingWon / training.length);
  // Per rep: the rep's own rate from the training deals when 20 back it, else the textbook mean.
  const repForecast = add(
    then.map((r) => {
      const mine = training.filter((t) => t.agent === r.agent);
      const p =
        mine.length >= 20 ? mine.filter((t) => t.stage === "Won").length / mine.length : UNKNOWN;
      return (r.value ?? 0) * p;
    })
  );
  let sheet: ReportSheet;

  test("the export as the fixture's README describes it", () => {
    expect(corpus.length).toBe(1047);
    expect([won.length, closed.length - won.length]).toEqual([419, 266]);
    expect(periodLabel(asOf, "month")).toBe("2017-12");
    expect([start, end]).toEqual([serial(2017, 10, 1), serial(2017, 12, 31)]);
    expect(then.length).toBeGreaterThan(20);
  });

  test("learned per stage: won ÷ closed deals, 419 ÷ 685, behind each open stage", async () => {
    sheet = await corpusSheet();
    const g = new Grid(sheet);
    expectWellFormed(g);
    expectFormulasConsistent(g);
    const rate = won.length / closed.length;
    const rows = tableBody(g, "KAM_LearnedStages");
    const byStage = new Map(rows.map((r) => [r[0], r]));
    for (const stage of ["Engaging", "Prospecting"]) {
      const r = byStage.get(stage) as unknown[];
      expect(r[1]).toBeNull(); // the stage table does not know it
      expect(close(r[2] as number, rate)).toBe(true);
      expect(r.slice(3, 6)).toEqual([685, 419, "Learned (not in the stage table)"]);
    }
    const p = sheet.figures?.probabilities as Record<string, unknown>;
    expect(p).toMatchObject({ method: "learned", asked: "learned", min_closed: 20 });
    expect(p.closed_deals).toBe(685);
    const stages = p.stages as { stage: string; learned: number; closed_deals: number }[];
    expect(stages.find((s) => s.stage === "Engaging")).toMatchObject({
      textbook: null,
      closed_deals: 685,
      won_deals: 419,
    });
    expect(close(stages[0].learned, rate)).toBe(true);
    // Open deals have no value here: the weighted pipeline is 0 whatever the method.
    expect(valueOf(keyFigure(g, "Weighted pipeline (open deals)"))).toBe(0);
  });

  test("the back-test of each method equals a plain computation on the export", () => {
    const g = new Grid(sheet);
    const bt = sheet.figures?.backtest as Record<string, unknown>;
    expect(bt).toMatchObject({
      start: "2017-10-01",
      end: "2017-12-31",
      deals: then.length,
      training_deals: training.length,
    });
    expect(close(bt.actual as number, actual)).toBe(true);
    const forecast = bt.forecast as Record<string, number>;
    expect(close(forecast.textbook, textbookForecast)).toBe(true);
    expect(close(forecast.learned, learnedForecast)).toBe(true);
    expect(close(forecast.rep, repForecast)).toBe(true);
    // Lost deals carry close_value 0: sizes cannot be learned, so per deal size is the textbook.
    expect(close(forecast.band, textbookForecast)).toBe(true);
    const table = tableBody(g, "KAM_PipelineBacktest");
    expect(table.map((r) => r[0])).toEqual([
      "Stage table (textbook 10/30/50/70%)",
      "Learned per stage (weights this sheet)",
      "Learned per rep",
      "Learned per deal size",
    ]);
    const expected = [textbookForecast, learnedForecast, repForecast, textbookForecast];
    table.forEach((r, k) => {
      expect(close(r[1] as number, expected[k])).toBe(true);
      expect(close(r[2] as number, actual)).toBe(true);
      expect(close(r[3] as number, expected[k] - actual)).toBe(true);
      expect(close(r[4] as number, Math.abs(expected[k] - actual) / actual)).toBe(true);
      expect(r[6]).toBe(then.length);
    });
  });

  test("zh-CN: the back-test and the choice in Chinese", async () => {
    const zh = await corpusSheet({}, "zh");
    const all = texts(zh);
    expect(all).toContain("回测：以 2017-10-01 当时的管道预测 2017-10-01 – 2017-12-31");
    expect(all.some((t) => t.startsWith("赢单概率：按阶段学习（默认）"))).toBe(true);
    expect(tableBody(new Grid(zh), "KAM_PipelineBacktest")[1][0]).toBe("按阶段学习（本表采用）");
  });
});

// -------------------------------------------------------------------------------------------------
// Generated deals with amounts, owners and created dates: every figure follows the choice.

interface Deal {
  owner: string;
  stage: string;
  amount: number;
  created: number;
  close: number;
}

const OPEN_STAGES = ["Prospect", "Intent", "Proposal", "Negotiation"];
const AS_OF = serial(2025, 6, 30);

function generate(n: number, seed: number): Deal[] {
  const rnd = uniformGenerator(seed);
  const first = serial(2024, 7, 1);
  const out: Deal[] = [];
  for (let i = 0; i < n; i++) {
    const created = first + Math.floor(rnd() * 330);
    const close = created + 20 + Math.floor(rnd() * 200);
    const r = rnd();
    // Rep 4 is rare: below the threshold per rep.
    const owner = r < 0.04 ? "Rep 4" : `Rep ${1 + Math.floor(rnd() * 3)}`;
    const w = owner === "Rep 1" ? 0.6 : owner === "Rep 2" ? 0.4 : 0.25;
    const u = rnd();
    const stage =
      close <= AS_OF
        ? u < 0.85
          ? rnd() < w
            ? "Won"
            : "Lost"
          : OPEN_STAGES[Math.floor(rnd() * 4)]
        : OPEN_STAGES[Math.floor(rnd() * 4)];
    out.push({
      owner,
      stage,
      amount: Math.round(1_000 + rnd() * 90_000),
      created,
      close,
    });
  }
  return out;
}

function dataset(d: Deal[], addresses = false): Dataset {
  return sheetDataset(
    "pipeline",
    "Opps",
    [
      { role: "owner", text: d.map((x) => x.owner) },
      { role: "amount", numbers: d.map((x) => x.amount) },
      { role: "stage", text: d.map((x) => x.stage) },
      { role: "closeDate", numbers: d.map((x) => x.close) },
      { role: "created", numbers: d.map((x) => x.created) },
    ],
    addresses
  );
}

const isOpen = (d: Deal) => OPEN_STAGES.includes(d.stage);

/** The weighted pipeline by month of close date from per-deal probabilities: won + weighted open. */
function weightedByMonth(deals: Deal[], p: (d: Deal) => number): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of deals) {
    const v = d.stage === "Won" ? d.amount : isOpen(d) ? d.amount * p(d) : 0;
    const k = periodLabel(d.close, "month");
    out.set(k, (out.get(k) ?? 0) + v);
  }
  return out;
}

describe("Pipeline on generated deals: the weighted figures follow the chosen probabilities", () => {
  const deals = generate(600, 424242);
  const closedDeals = deals.filter((d) => d.stage === "Won" || d.stage === "Lost");
  const rate = closedDeals.filter((d) => d.stage === "Won").length / closedDeals.length;
  const open = deals.filter(isOpen);
  const repRate = (owner: string) => {
    const mine = closedDeals.filter((d) => d.owner === owner);
    return mine.length >= 20
      ? mine.filter((d) => d.stage === "Won").length / mine.length
      : undefined;
  };
  const options = { lang: "en" as const, created: CREATED, asOf: AS_OF, periods: 12 };

  /** Checks the funnel, the key figure and the months of the pipeline by period against p. */
  function expectWeighted(sheet: ReportSheet, p: (d: Deal) => number) {
    const g = new Grid(sheet);
    expectWellFormed(g);
    expectFormulasConsistent(g);
    const weighted = add(open.map((d) => d.amount * p(d)));
    expect(close(valueOf(keyFigure(g, "Weighted pipeline (open deals)")) as number, weighted)).toBe(
      true
    );
    expect(close(sheet.figures?.weighted as number, weighted)).toBe(true);
    const funnel = tableBody(g, "KAM_Funnel");
    for (const stage of OPEN_STAGES) {
      const r = funnel.find((x) => x[0] === stage) as unknown[];
      const inStage = open.filter((d) => d.stage === stage);
      expect(close(r[5] as number, add(inStage.map((d) => d.amount * p(d))))).toBe(true);
    }
    const byMonth = weightedByMonth(deals, p);
    const periods = tableBody(g, "KAM_PipelineByPeriod");
    for (let k = 1; k <= 12; k++) {
      const r = periods[k];
      expect(close(r[3] as number, byMonth.get(r[0] as string) ?? 0)).toBe(true);
    }
  }

  test("default: learned per stage (enough closed deals), every stage at won ÷ closed", async () => {
    expect(closedDeals.length).toBeGreaterThan(100);
    const sheet = await buildPipelineReport(dataset(deals), options);
    expectWeighted(sheet, () => rate);
    const funnel = tableBody(new Grid(sheet), "KAM_Funnel");
    for (const stage of OPEN_STAGES)
      expect(close(funnel.find((x) => x[0] === stage)?.[1] as number, rate)).toBe(true);
    expect(texts(sheet).some((t) => t.includes("the threshold is met"))).toBe(true);
    expect(sheet.figures?.probabilities).toMatchObject({
      method: "learned",
      learned_deals: open.length,
    });
  });

  test("textbook: the stage table's 10/30/50/70%; the learned rates beside it", async () => {
    const sheet = await buildPipelineReport(dataset(deals), {
      ...options,
      probabilities: "textbook",
    });
    expectWeighted(sheet, (d) => TEXTBOOK[d.stage]);
    const rows = tableBody(new Grid(sheet), "KAM_LearnedStages");
    expect(rows.map((r) => [r[0], r[1], r[5]])).toEqual(
      OPEN_STAGES.map((s) => [s, TEXTBOOK[s], "Stage table"])
    );
    for (const r of rows) expect(close(r[2] as number, rate)).toBe(true);
  });

  test("per rep: each rep's own rate where 20 closed deals back it, else the stage's", async () => {
    expect(repRate("Rep 4")).toBeUndefined();
    const p = (d: Deal) => repRate(d.owner) ?? TEXTBOOK[d.stage];
    const sheet = await buildPipelineReport(dataset(deals), { ...options, probabilities: "rep" });
    expectWeighted(sheet, p);
    const learned = open.filter((d) => repRate(d.owner) !== undefined).length;
    expect(sheet.figures?.probabilities).toMatchObject({ method: "rep", learned_deals: learned });
    expect(texts(sheet).some((t) => t.includes("Probability in the funnel is its weighted"))).toBe(
      true
    );
  });

  test("minClosed above the closed deals: the textbook, with the note per stage", async () => {
    const sheet = await buildPipelineReport(dataset(deals), {
      ...options,
      minClosed: closedDeals.length + 1,
    });
    expectWeighted(sheet, (d) => TEXTBOOK[d.stage]);
    const rows = tableBody(new Grid(sheet), "KAM_LearnedStages");
    expect(rows.map((r) => r[5])).toEqual(
      OPEN_STAGES.map(() => `Stage table (fewer than ${closedDeals.length + 1} closed deals)`)
    );
  });

  test("a stage table given stays authoritative under the default", async () => {
    const table = [
      { name: "Prospect", probability: 0.05 },
      { name: "Intent", probability: 0.2 },
      { name: "Proposal", probability: 0.6 },
      { name: "Negotiation", probability: 0.8 },
      { name: "Won", probability: 1 },
      { name: "Lost", probability: 0 },
    ];
    const mine: Record<string, number> = { Prospect: 0.05, Intent: 0.2, Proposal: 0.6 };
    mine.Negotiation = 0.8;
    const sheet = await buildPipelineReport(dataset(deals), { ...options, stageTable: table });
    expectWeighted(sheet, (d) => mine[d.stage]);
    expect(sheet.figures?.probabilities).toMatchObject({ method: "textbook", asked: "learned" });
    expect(texts(sheet).some((t) => t.startsWith("Probabilities: your stage table weights"))).toBe(
      true
    );
  });

  test("the back-test on generated deals equals a plain computation", async () => {
    const sheet = await buildPipelineReport(dataset(deals), options);
    const [start, end] = lastFullQuarter(AS_OF);
    const then = deals.filter((d) => d.created < start && d.close >= start && d.close <= end);
    const training = closedDeals.filter((d) => d.close < start);
    const tRate = training.filter((d) => d.stage === "Won").length / training.length;
    const textbookOf = (d: Deal) => (isOpen(d) ? TEXTBOOK[d.stage] : UNKNOWN);
    const bt = sheet.figures?.backtest as Record<string, unknown>;
    const forecast = bt.forecast as Record<string, number>;
    expect(bt.deals).toBe(then.length);
    expect(bt.training_deals).toBe(training.length);
    expect(
      close(bt.actual as number, add(then.filter((d) => d.stage === "Won").map((d) => d.amount)))
    ).toBe(true);
    expect(close(forecast.textbook, add(then.map((d) => d.amount * textbookOf(d))))).toBe(true);
    expect(close(forecast.learned, add(then.map((d) => d.amount * tRate)))).toBe(true);
    const repTrain = (owner: string) => {
      const mine = training.filter((d) => d.owner === owner);
      return mine.length >= 20
        ? mine.filter((d) => d.stage === "Won").length / mine.length
        : undefined;
    };
    expect(
      close(forecast.rep, add(then.map((d) => d.amount * (repTrain(d.owner) ?? textbookOf(d)))))
    ).toBe(true);
  });

  test("live: learned per stage is the stage table KAM.PIPELINE_FORECAST reads; per rep is not live", async () => {
    const sheet = await buildPipelineReport(dataset(deals, true), { ...options, live: true });
    const g = new Grid(sheet);
    const lives = sheet.blocks.flatMap((b) => b.cells.flat()).filter(isLive);
    expect(lives).toHaveLength(1);
    expect(lives[0].live).toMatch(/KAM\.PIPELINE_FORECAST\(.*,\s*TRUE\)$/);
    // Its stage_table argument is the funnel's stage rows, which hold the learned probability.
    const range = /,"month",([A-Z]+\d+:[A-Z]+\d+),TRUE\)$/.exec(lives[0].live)?.[1] ?? "";
    const [a, b] = range.split(":").map((x) => Number(x.replace(/[A-Z]+/, "")) - 1);
    const stageRows = Array.from({ length: b - a + 1 }, (_, k) => [
      valueOf(g.get(a + k, 0)),
      valueOf(g.get(a + k, 1)),
    ]);
    for (const stage of OPEN_STAGES) {
      const row = stageRows.find((r) => r[0] === stage);
      expect(close(row?.[1] as number, rate)).toBe(true);
    }
    expect(stageRows.find((r) => r[0] === "Won")?.[1]).toBe(1);
    const weighted = add(open.map((d) => d.amount * rate));
    expect(close(sheet.figures?.weighted as number, weighted)).toBe(true);
    const rep = await buildPipelineReport(dataset(deals, true), {
      ...options,
      live: true,
      probabilities: "rep",
    });
    expect(rep.blocks.flatMap((b) => b.cells.flat()).filter(isLive)).toHaveLength(0);
    expect(texts(rep).some((t) => t.includes("probabilities differ within a stage"))).toBe(true);
  });

  test("a stage written as 50% takes the learned rate; the live formula would read 50%: not live", async () => {
    const some = deals.map((d, i) => (isOpen(d) && i % 10 === 0 ? { ...d, stage: "50%" } : d));
    const sheet = await buildPipelineReport(dataset(some, true), { ...options, live: true });
    expect(sheet.blocks.flatMap((b) => b.cells.flat()).filter(isLive)).toHaveLength(0);
    expect(texts(sheet).some((t) => t.includes('the stage "50%" is written otherwise'))).toBe(true);
    const funnel = tableBody(new Grid(sheet), "KAM_Funnel");
    expect(close(funnel.find((r) => r[0] === "50%")?.[1] as number, rate)).toBe(true);
    const textbook = await buildPipelineReport(dataset(some, true), {
      ...options,
      live: true,
      probabilities: "textbook",
    });
    expect(textbook.blocks.flatMap((b) => b.cells.flat()).filter(isLive)).toHaveLength(1);
  });

  test("won deals alone teach nothing: the textbook, with the note", async () => {
    const wonOnly = [...open.slice(0, 10), ...closedDeals.filter((d) => d.stage === "Won")];
    expect(wonOnly.length).toBeGreaterThan(30);
    const sheet = await buildPipelineReport(dataset(wonOnly), options);
    const weighted = add(open.slice(0, 10).map((d) => d.amount * TEXTBOOK[d.stage]));
    expect(close(sheet.figures?.weighted as number, weighted)).toBe(true);
    expect(sheet.figures?.probabilities).toMatchObject({ method: "textbook", asked: "learned" });
    const won = wonOnly.length - 10;
    expect(texts(sheet)).toContain(
      `Probabilities: the stage table's (the textbook 10/30/50/70%) — a win rate needs won and lost deals to learn from, and there are ${won} won and 0 lost.`
    );
  });

  test("a small list below the threshold falls back to the textbook with the note", async () => {
    const small = deals.filter((d) => isOpen(d)).slice(0, 12);
    const few = [...small, ...closedDeals.slice(0, 8)];
    const sheet = await buildPipelineReport(dataset(few), options);
    const g = new Grid(sheet);
    expectFormulasConsistent(g);
    const weighted = add(small.map((d) => d.amount * TEXTBOOK[d.stage]));
    expect(close(sheet.figures?.weighted as number, weighted)).toBe(true);
    expect(sheet.figures?.probabilities).toMatchObject({
      method: "learned",
      closed_deals: 8,
      learned_deals: 0,
    });
    expect(
      texts(sheet).some((t) =>
        t.includes(
          "Here 8 closed deals back each stage's rate: below the threshold, so the stage table's probabilities weight the pipeline"
        )
      )
    ).toBe(true);
    const rows = tableBody(g, "KAM_LearnedStages");
    for (const r of rows) expect(r[5]).toBe("Stage table (fewer than 20 closed deals)");
  });
});

describe("the options are declared once: builder, pane fields and kam report flags", () => {
  test("pipeline declares probabilities and minClosed like the team", () => {
    const keys = (w: "pipeline" | "team") =>
      WORKFLOW_OPTIONS[w].filter((o) => o.key === "probabilities" || o.key === "minClosed");
    expect(keys("pipeline")).toEqual(
      keys("team").map((o) => expect.objectContaining({ key: o.key, flag: o.flag }))
    );
    const help = REPORT_HELP.replace(/\s+/g, " ");
    expect(help).toMatch(/--probabilities WORD .*\(pipeline, team; learned, textbook, rep, band/);
    expect(help).toMatch(/--min-closed N .*\(pipeline, team; 1–100000; default 20\)/);
  });

  test("the pane's option fields: labelled in both languages, learned and 20 to start", () => {
    const fields = WORKFLOW_OPTIONS.pipeline.filter(
      (o) => o.key === "probabilities" || o.key === "minClosed"
    );
    expect(fields.map((f) => f.key)).toEqual(["probabilities", "minClosed"]);
    for (const language of ["en-US", "zh-CN"] as const) {
      const t = getWorkflowStrings(language);
      for (const f of fields) {
        expect(t.optionLabels[f.key]).toBeTruthy();
        if (f.kind === "choice") for (const c of f.choices) expect(t.choiceLabels[c]).toBeTruthy();
      }
    }
    const raw = initialOptions("pipeline");
    expect([raw.probabilities, raw.minClosed]).toEqual(["learned", "20"]);
    const parsed = parseOptions("pipeline", { ...raw, probabilities: "rep", minClosed: "5" });
    expect(parsed).toMatchObject({ ok: true, options: { probabilities: "rep", minClosed: 5 } });
  });

  test("a bad minClosed is refused with the option's bounds", async () => {
    await expect(
      buildPipelineReport(dataset(generate(30, 1)), { lang: "en", minClosed: 0 })
    ).rejects.toThrow("The option minClosed must be 1–100000.");
  });
});
