// Empty cells as Excel passes them: null (or "") on the web, 0 on the desktop for the empty cells of a
// referenced range (office-js #4702, #5262). Every function that reads a table, a list or a series is
// run here through its wrapper, as Excel calls it, on the three cases of the rule:
// - a row of zeros inside the range is data (never dropped, never shifting the rows after it);
// - a blank row inside keeps the output in line with the input (a blank output row);
// - the trailing rows of zeros of an oversized range are padding, read as the web's empty cells.
import { describe, test, expect, beforeAll } from "@jest/globals";
import { accountLoad } from "../../src/functions/accountLoad";
import { budget } from "../../src/functions/budget";
import { delphiFunction, surveyForecast } from "../../src/functions/delphi";
import { dpm } from "../../src/functions/dpm";
import { finRatios } from "../../src/functions/finRatios";
import { forecastAccuracy } from "../../src/functions/forecastAccuracy";
import { forecastCombine } from "../../src/functions/forecastCombine";
import { forecastMa } from "../../src/functions/forecastMa";
import { forecastRegress } from "../../src/functions/forecastRegress";
import { forecastSmooth } from "../../src/functions/forecastSmooth";
import { funnelConversion } from "../../src/functions/funnelConversion";
import { funnelWeight } from "../../src/functions/funnelWeight";
import { csat, growth, kaContributionFn, nps, share } from "../../src/functions/kpis";
import { gap } from "../../src/functions/gap";
import { pipelineCoverage } from "../../src/functions/pipelineCoverage";
import { pareto } from "../../src/functions/pareto";
import { paretoShare } from "../../src/functions/paretoShare";
import { pipelineForecast } from "../../src/functions/pipelineForecast";
import { rfmSegment } from "../../src/functions/rfmSegment";
import { salesCycle } from "../../src/functions/salesCycle";
import { deseasonalize, seasonalIndex } from "../../src/functions/seasonalIndex";
import { targetPhase } from "../../src/functions/targetPhase";
import { targetSplit } from "../../src/functions/targetSplit";
import { valueScore } from "../../src/functions/valueScore";
import { col, installCustomFunctions, OMITTED } from "../support/customFunctions";
import { errorOf } from "../support/errorOf";

beforeAll(() => {
  installCustomFunctions();
});

/** The same range as Excel desktop passes it: every empty cell (null) as 0. */
const desktop = (m: unknown[][]): unknown[][] => m.map((r) => r.map((v) => (v === null ? 0 : v)));
/** A column with `n` empty cells added at the end (an oversized range), as the web passes it. */
const padded = (m: unknown[][], n: number): unknown[][] => [
  ...m,
  ...Array.from({ length: n }, () => m[0].map(() => null)),
];
const blankRow = (width: number) => new Array<string>(width).fill("");

describe("KAM.FIN_RATIOS", () => {
  const a = [200, 0, null, 400];
  const figures = (k: number) => [200, 100, 50, 1000, 500, 300][k];
  const cols = (extra: unknown[]) =>
    Array.from({ length: 6 }, (_, k) =>
      col(...a.map((v) => (v === null ? null : v && (v === 400 ? 2 : 1) * figures(k))), ...extra)
    );
  const ratios = [2, 0.05, 0.1, 0.6, 2];
  const na = [
    "n/a: current liabilities is 0",
    "n/a: revenue is 0",
    "n/a: total assets is 0",
    "n/a: total assets is 0",
    "n/a: total assets is 0",
  ];
  const run = (c: unknown[][][]) => finRatios(c[0], c[1], c[2], c[3], c[4], c[5], false);

  test("an interior row of zeros is a customer; a blank row stays blank, in line", () => {
    expect(run(cols([]))).toEqual([ratios, na, blankRow(5), ratios]);
  });
  test("the header row is replaced by the labels, not added on top", () => {
    const c = cols([]).map((x, k) => [[`Figure ${k}`], ...x]);
    const out = finRatios(c[0], c[1], c[2], c[3], c[4], c[5]);
    expect(out).toHaveLength(5);
    expect(out[0][0]).toBe("Current ratio");
    expect(out[4]).toEqual(ratios);
  });
  test("trailing zero rows of an oversized range are padding (desktop = web)", () => {
    const web = run(cols([null, null]));
    expect(web).toEqual([ratios, na, blankRow(5), ratios, blankRow(5), blankRow(5)]);
    expect(run(cols([0, 0]))).toEqual(web);
  });
});

describe("KAM.DPM", () => {
  const a = [
    [8, 5],
    [0, 0],
    [null, null],
    [9, 9],
  ];
  const s = col(8, 0, null, 2);
  test("an interior row of zero scores is scored; a blank row stays blank, in line", () => {
    expect(dpm(a, [[2, 1]], s, [[1]], col(100, 0, null, 20), null, false)).toEqual([
      [7, 8, 100, "Star", "Improve"],
      [0, 0, 0, "Dog", "Harvest or exit"],
      blankRow(5),
      [9, 2, 20, "Question mark", "Enter"],
    ]);
  });
  test("trailing zero rows are padding; a last weight of 0 is a weight", () => {
    const web = dpm(padded(a, 2), [[1, 0]], padded(s, 2), [[1]], OMITTED, null, false);
    expect(web.map((r) => r[0])).toEqual([8, 0, "", 9, "", ""]);
    expect(dpm(desktop(padded(a, 2)), [[1, 0]], desktop(padded(s, 2)), [[1]])).toEqual([
      ["Attractiveness", "Strength", "Size", "Quadrant", "Strategy"],
      [8, 8, "", "Star", "Improve"],
      [0, 0, "", "Dog", "Harvest or exit"],
      [0, 0, "", "Dog", "Harvest or exit"], // the interior blank row, as the desktop passes it
      [9, 2, "", "Question mark", "Enter"],
      blankRow(5),
      blankRow(5),
    ]);
  });
  test("the rows of both matrices and the sizes are read together", () =>
    expect(errorOf(() => dpm(a, [[1, 1]], col(8, 0, 3, 2), [[1]]))).toBe(
      "KAM.DPM: attractiveness_scores, row 3: the cell is blank"
    ));
});

describe("KAM.VALUE_SCORE", () => {
  const criteria = [
    ["Revenue", "Growth"],
    [10, 1],
    [0, 0],
    [null, null],
    [20, 3],
  ];
  test("an interior row of zeros is an account; a blank row stays blank, in line", () => {
    expect(valueScore(criteria, [[1, 1]])).toEqual([
      ["Score", "Rank"],
      [expect.closeTo((0.5 + 1 / 3) / 2, 12), 2],
      [0, 3],
      ["", ""],
      [1, 1],
    ]);
  });
  test("trailing zero rows are padding; a last weight of 0 is a weight", () => {
    // growth weighs 0: revenue 10, 0, 0 (the blank row as the desktop passes it), 20 -> .5, 0, 0, 1
    const out = valueScore(desktop(padded(criteria, 2)), col(1, 0), OMITTED, null, false);
    expect(out.map((r) => r[0])).toEqual(["", 0.5, 0, 0, 1, "", ""]);
  });
});

describe("KAM.RFM_SEGMENT", () => {
  test("0 is no score: a row of zeros stays blank like a blank row, in line", () => {
    const r = col("R", 5, 0, null, 1, 0);
    const f = col("F", 5, 0, null, 1, 0);
    const expected = [
      ["RFM", "Segment"],
      ["55", "Champions"],
      ["", ""],
      ["", ""],
      ["11", "Lost"],
      ["", ""],
    ];
    expect(rfmSegment(r, f)).toEqual(expected);
    expect(rfmSegment(desktop(r), desktop(f))).toEqual(expected);
  });
  test("a zero score next to a real one is still an error", () =>
    expect(errorOf(() => rfmSegment(col(5, 0), col(5, 3)))).toBe(
      "KAM.RFM_SEGMENT: r, row 2: 0 is not a score from 1 to 5"
    ));
});

describe("KAM.FORECAST_COMBINE", () => {
  const F = [
    [100, 90],
    [0, 0],
    [null, null],
    [120, 130],
  ];
  test("an interior row of zeros is combined; a blank row stays blank, in line", () => {
    expect(forecastCombine(F)).toEqual([[95], [0], [""], [125]]);
  });
  test("trailing zero rows are padding; a last weight of 0 is a weight", () => {
    expect(forecastCombine(desktop(padded(F, 2)), col(1, 0))).toEqual([
      [100],
      [0],
      [0],
      [120],
      [""],
      [""],
    ]);
  });
  test("zeros after the last actual are unknown actuals, not actuals of 0", () => {
    const f = [
      [100, 90],
      [110, 100],
      [120, 130],
      [130, 125],
    ];
    const web = forecastCombine(f, OMITTED, col(98, 112, null, null));
    expect(forecastCombine(f, OMITTED, col(98, 112, 0, 0))).toEqual(web);
    const wa = 1 / 4 / (1 / 4 + 1 / 104); // MSE of method 1: 4, of method 2: 104
    expect(web[3][0] as number).toBeCloseTo(wa * 130 + (1 - wa) * 125, 10);
  });
});

describe("KAM.FORECAST_REGRESS", () => {
  // y = 1 + 2x exactly, plus one noisy point so that the interval is defined
  const x = [1, 2, 3, 4, 5, 6];
  const y = [3, 5, 7.1, 9, 11, 12.9];
  test("future rows: zeros forecast at x = 0, a blank row stays blank, padding stays blank", () => {
    const web = forecastRegress(col(...y), col(...x), col("x", 7, 0, null, 8, null, null));
    expect(web).toHaveLength(7);
    expect(web[0]).toEqual(["Forecast", "Lower", "Upper"]);
    expect(web[3]).toEqual(blankRow(3));
    expect(web.slice(5)).toEqual([blankRow(3), blankRow(3)]);
    // a straight line: the forecast at 0 is the one at 7 less 7 steps of (forecast at 8 − at 7)
    const [at7, at0, at8] = [web[1][0], web[2][0], web[4][0]] as number[];
    expect(at0).toBeCloseTo(at7 - 7 * (at8 - at7), 9);
    const desk = forecastRegress(
      col(...y),
      col(...x),
      desktop(col("x", 7, 0, null, 8, null, null))
    );
    expect(desk[2]).toEqual(web[2]);
    expect(desk[3]).toEqual(web[2]); // the interior empty row, as the desktop passes it: x = 0
    expect(desk.slice(5)).toEqual(web.slice(5));
  });
});

describe("KAM.FUNNEL_WEIGHT", () => {
  test("a zero amount is an opportunity; blank rows and padding stay blank, in line", () => {
    const amounts = col(1000, 0, null, 500, null, null);
    const stages = col("Proposal", "Won", null, "Prospect", null, null);
    const web = funnelWeight(amounts, stages);
    expect(web).toEqual([[500], [0], [""], [50], [""], [""]]);
    const desk = funnelWeight(desktop(amounts), desktop(stages));
    expect(desk).toEqual([[500], [0], [0], [50], [""], [""]]);
  });
  test("0 in a stage table's category column is no category (desktop's empty cell)", () => {
    const table = [
      ["Lead", 0.2, 0],
      ["Deal", 0.9, "Commit"],
      [0, 0, 0],
    ];
    expect(funnelWeight(col(100, 100), col("Lead", "Deal"), table)).toEqual([[20], [90]]);
  });
});

describe("KAM.TARGET_SPLIT", () => {
  test("a basis of 0 gets 0; a blank row and the padding stay blank, in line", () => {
    const basis = col(300, 0, null, 100, null, null);
    expect(targetSplit(1000, basis)).toEqual([[750], [0], [""], [250], [""], [""]]);
    expect(targetSplit(1000, desktop(basis))).toEqual([[750], [0], [0], [250], [""], [""]]);
  });
  test("equal split: padding is no person", () =>
    expect(targetSplit(90, desktop(col("Li", "Wang", "Zhao", null, null)), "equal")).toEqual([
      [30],
      [30],
      [30],
      [""],
      [""],
    ]));
});

describe("KPIs", () => {
  test("GROWTH: a row of zeros (no growth from 0) stays blank like a blank row, in line", () => {
    const cur = col(110, 0, null, 50, null);
    const prev = col(100, 0, null, 40, null);
    const expected = [[expect.closeTo(0.1, 12)], [""], [""], [0.25], [""]];
    expect(growth(cur, prev)).toEqual(expected);
    expect(growth(desktop(cur), desktop(prev))).toEqual(expected);
  });
  test("SHARE: a zero share is a value", () =>
    expect(share(col(0, 30), col(100, 60))).toEqual([[0], [0.5]]));
  test("NPS: an interior 0 is a detractor; zeros at the end are padding", () => {
    // 10, 0, 9, 7: promoters 2, detractors 1 -> 25
    expect(nps(col(10, 0, 9, 7))).toEqual([[25]]);
    expect(nps(col(10, 0, 9, 7, 0, 0, 0))).toEqual([[25]]);
    expect(nps(col(10, 0, null, 9, 7, null))).toEqual([[25]]);
  });
  test("CSAT: zeros at the end are padding", () =>
    expect(csat(col(5, 4, 2, 0, 0))).toEqual([[2 / 3]]));
});

describe("KAM.SURVEY_FORECAST and KAM.DELPHI", () => {
  test("SURVEY_FORECAST({0;0;9}) is the mean of 0, 0 and 9", () => {
    expect(surveyForecast(col(0, 0, 9))).toEqual([[3]]);
    expect(surveyForecast(col(0, 0, 9), col(1, 1, 1))).toEqual([[3]]);
    expect(surveyForecast(col(0, 0, 9), col(1, 2, 1))).toEqual([[9 / 4]]);
    expect(surveyForecast(col(0, null, 0, 9))).toEqual([[3]]);
  });
  test("SURVEY_FORECAST: zeros at the end are padding; a 0 with a weight is an estimate", () => {
    expect(surveyForecast(col(0, 0, 9, 0, 0))).toEqual([[3]]);
    expect(surveyForecast(col(6, 0), col(1, 2))).toEqual([[2]]);
  });
  test("DELPHI: zeros are estimates; rows of zeros at the end are padding", () => {
    const panel = [
      ["Round 1", "Round 2"],
      [0, 2],
      [0, 0],
      [null, null],
      [9, 4],
    ];
    const web = delphiFunction(padded(panel, 2));
    expect(web[1].slice(0, 2)).toEqual(["Round 1", 0]); // median of 0, 0, 9
    expect(web[2].slice(0, 2)).toEqual(["Round 2", 2]); // median of 2, 0, 4
    // on the desktop the blank row is an expert with 0, 0 (medians 0 and 1); the padding is not
    const desk = delphiFunction(desktop(padded(panel, 2)));
    expect(desk[1].slice(0, 2)).toEqual(["Round 1", 0]);
    expect(desk[2].slice(0, 2)).toEqual(["Round 2", 1]);
    expect(desk[3]).toEqual(["Final estimate", 1, "", "", "", "", ""]);
    // an expert's 0 in the last column of the last row is an estimate when the row has another
    expect(
      delphiFunction([
        [5, 4],
        [7, 0],
        [0, 0],
      ])[2][1]
    ).toBe(2);
  });
});

describe("KAM.BUDGET", () => {
  test("an interior zero revenue is a period; zeros at the end of the ranges are padding", () => {
    const web = budget(
      col(100, 0, 100, null, null),
      [[0.1], [null]],
      col(5, 5, 5, null, null),
      false
    );
    expect(web).toHaveLength(4);
    expect(web[1]).toEqual([2, 0, 0, 0, 5, 5, -5, ""]);
    const desk = budget(col(100, 0, 100, 0, 0), [[0.1], [0]], col(5, 5, 5, 0, 0), false);
    expect(desk).toEqual(web);
  });
  test("a last fixed cost or row of rates of 0 is a value when needed for one per period", () => {
    const out = budget(col(100, 100, 100), [[0.1], [0.2], [0], [0]], col(5, 6, 0, 0), false);
    expect(out.map((r) => r[2])).toEqual([10, 20, 0, 30]); // rates 10%, 20%, 0
    expect(out.map((r) => r[4])).toEqual([5, 6, 0, 11]); // fixed 5, 6, 0
    // one value fits without the zeros: the same rate and fixed cost for every period
    const one = budget(col(100, 100), [[0.1], [0]], col(5, 0), false);
    expect(one.map((r) => r[4])).toEqual([5, 5, 10]);
  });
});

describe("KAM.TARGET_PHASE", () => {
  test("a last month of 0 completes the year; a whole year of zeros at the end is padding", () => {
    const q = [10, 20, 30, 40, 30, 30, 60, 0];
    const two = targetPhase(1000, col(...q), 4, null, false);
    // year 1 shares .1 .2 .3 .4; year 2 (total 120): .25 .25 .5 0
    expect(two.map((r) => r[1])).toEqual(
      [0.175, 0.225, 0.4, 0.2].map((v) => expect.closeTo(v, 12))
    );
    expect(targetPhase(1000, col(...q.slice(0, 4), 0, 0, 0, 0), 4, null, false)).toEqual(
      targetPhase(1000, col(...q.slice(0, 4)), 4, null, false)
    );
  });
});

describe("Series: KAM.FORECAST_SMOOTH, KAM.FORECAST_MA, KAM.SEASONAL_INDEX, KAM.DESEASONALIZE", () => {
  const quarters = [10, 20, 30, 40, 12, 22, 32, 44, 14, 24, 36, 46];
  test("zeros at the end of an oversized range are padding, like the web's empty cells", () => {
    const web = col(...quarters, null, null, null);
    const desk = col(...quarters, 0, 0, 0);
    expect(forecastSmooth(desk, 4, 4)).toEqual(forecastSmooth(web, 4, 4));
    expect(seasonalIndex(desk, 4)).toEqual(seasonalIndex(web, 4));
    const adjusted = deseasonalize(desk, 4);
    expect(adjusted).toEqual(deseasonalize(web, 4));
    expect(adjusted.slice(12)).toEqual([[""], [""], [""]]);
  });
  test("an interior 0 is a value; a blank inside is interpolated", () => {
    expect(forecastMa(col(10, 0, 20, 0, 0), 3, 1)).toEqual([[10]]);
    expect(forecastMa(col(10, 0, null, 20), 2, 1)).toEqual([[15]]); // 0, 10 (interpolated), 20
  });
  test("FORECAST_MA: a last weight of 0 is a weight", () =>
    expect(forecastMa(col(10, 20, 30), 3, 1, col(1, 1, 0))).toEqual([[15]]));
});

describe("Tables keyed by a name: 0 is no name, so a row of zeros is an empty row", () => {
  test("PARETO: no customer 0", () => {
    const web = pareto(col("A", null, "B", null), col(80, null, 20, null), null, null, false);
    expect(
      pareto(desktop(col("A", null, "B", null)), col(80, 0, 20, 0), null, null, false)
    ).toEqual(web);
    expect(web.map((r) => r[0])).toEqual(["A", "B"]);
    // a named customer with 0 is a customer
    expect(pareto(col("A", "C", "B"), col(80, 0, 20), null, null, false)).toHaveLength(3);
  });
  test("PARETO_SHARE: an interior 0 is a customer; zeros at the end are padding", () => {
    // 5 customers 50, 20, 0, 20, 10: top 20% = 1 customer = 50%
    expect(paretoShare(col(50, 20, 0, 20, 10, 0, 0))).toEqual([[0.5]]);
    // with the interior 0 dropped it would be 4 customers (top 1 = 50%), so use top 40%
    expect(paretoShare(col(50, 20, 0, 20, 10, 0, 0), 0.4)).toEqual([[0.7]]);
  });
  test("ACCOUNT_LOAD: no rep 0", () => {
    const reps = col("Li", null, "Li", null);
    const accounts = col("X", null, "Y", null);
    expect(accountLoad(desktop(reps), desktop(accounts), 1, 5, false)).toEqual(
      accountLoad(reps, accounts, 1, 5, false)
    );
  });
  test("FUNNEL_CONVERSION: an empty row on the desktop is no deal", () => {
    const stages = col("Proposal", null, "Won", null);
    const outcomes = col("Lost", null, "Won", null);
    expect(funnelConversion(desktop(stages), desktop(outcomes))).toEqual(
      funnelConversion(stages, outcomes)
    );
  });
});

describe("Dated tables: 0 is no date", () => {
  test("SALES_CYCLE: a close date of 0 is an open deal", () => {
    const start = col(45000, 45010, null, 45020);
    const close = col(45030, null, null, 45040);
    const web = salesCycle(start, close, OMITTED, false);
    expect(salesCycle(desktop(start), desktop(close), OMITTED, false)).toEqual(web);
    expect(web).toEqual([["All", 2, 25, 25, 20, 30]]);
  });
  test("PIPELINE_FORECAST: a row of zeros (close date 0) is an empty row", () => {
    const a = col(1000, null, 500);
    const s = col("Won", null, "Proposal");
    const c = col(45306, null, 45337);
    expect(pipelineForecast(desktop(a), desktop(s), desktop(c))).toEqual(pipelineForecast(a, s, c));
  });
});

describe("KAM.FORECAST_ACCURACY", () => {
  test("an interior 0/0 period counts; the padding does not", () => {
    const web = forecastAccuracy(col(10, 0, 20, null), col(12, 0, 18, null), OMITTED, null, false);
    // errors 2, 0, -2: MAE 4/3
    expect(web[0][0] as number).toBeCloseTo(4 / 3, 12);
    expect(forecastAccuracy(col(10, 0, 20, 0), col(12, 0, 18, 0), OMITTED, null, false)).toEqual(
      web
    );
  });
});

describe("Totals: KAM.KA_CONTRIBUTION, KAM.GAP, KAM.PIPELINE_COVERAGE", () => {
  test("a row of zeros adds nothing, inside or at the end", () => {
    expect(kaContributionFn(col(60, 0, 40, 0), col("yes", 0, "no", 0))).toEqual([[0.6]]);
    expect(gap(col(100, 0, 0), col(30, 0, 20, 0))[1]).toEqual(["Actual to date", 50]);
    expect(pipelineCoverage(col(200, 0, 100, 0, 0), 100)[2][1]).toBe(3);
  });
});
