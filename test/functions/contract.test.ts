/* global globalThis */
import { describe, test, expect, beforeAll } from "@jest/globals";
// Issue 14 §1's reproducers: every function gives an answer or a clear error. Each figure is checked
// against a computation written here.
import { parseNumberText } from "../../src/cells/values";
import { delphiFunction } from "../../src/functions/delphi";
import { backtestFunction, forecastAccuracy } from "../../src/functions/forecastAccuracy";
import { forecastAuto } from "../../src/functions/forecastAuto";
import { forecastMa } from "../../src/functions/forecastMa";
import { forecastSmooth } from "../../src/functions/forecastSmooth";
import { forecastTheta } from "../../src/functions/forecastTheta";
import { funnelWeight } from "../../src/functions/funnelWeight";
import { growth, kaContributionFn } from "../../src/functions/kpis";
import { pareto } from "../../src/functions/pareto";
import { paretoShare } from "../../src/functions/paretoShare";
import { revenueBridge } from "../../src/functions/revenueBridge";
import { rfmSummary } from "../../src/functions/rfmSummary";
import { deseasonalize, seasonalIndex } from "../../src/functions/seasonalIndex";
import { targetSplit } from "../../src/functions/targetSplit";
import { tier } from "../../src/functions/tier";
import { at, col, installCustomFunctions, OMITTED } from "../support/customFunctions";
import { errorOf } from "../support/errorOf";

beforeAll(() => {
  installCustomFunctions();
});

/** Two years of monthly sales near 100 with a season of 4 (no outlier). */
const SALES = Array.from({ length: 24 }, (_, t) => 100 + 10 * Math.sin((2 * Math.PI * t) / 4) + t);
const LONG = "Lorem ipsum ".repeat(8334).slice(0, 100000);

/** The contract's words: no message says NaN, Infinity, undefined or [object Object]. */
const clean = (message: string) =>
  expect(message).not.toMatch(/NaN|Infinity|undefined|\[object Object\]|unexpected problem/);

describe("text numbers follow Excel's VALUE()", () => {
  test('"(5)" is -5 (accounting), "(-5)", "0x4" and "1e400" are not numbers', () => {
    expect(parseNumberText("(5)")).toBe(-5);
    expect(parseNumberText("(1,234.5)")).toBe(-1234.5);
    expect(parseNumberText("-5")).toBe(-5);
    expect(parseNumberText("(-5)")).toBeUndefined();
    expect(parseNumberText("(+5)")).toBeUndefined();
    expect(parseNumberText("0x4")).toBeUndefined();
    expect(parseNumberText("1e400")).toBeUndefined();
  });

  test.each([
    ["FORECAST_THETA", () => forecastTheta(col(...SALES), "(-5)")],
    ["FORECAST_MA", () => forecastMa(col(...SALES), 3, "(-5)")],
    ["FORECAST_SMOOTH", () => forecastSmooth(col(...SALES), "(-5)")],
  ])('%s: horizon "(-5)" is not read as 5', (id, call) => {
    expect(errorOf(call)).toBe(`KAM.${id}: horizon: "(-5)" is not a number`);
  });

  test('a horizon of "(5)" is -5, which is refused', () => {
    expect(errorOf(() => forecastTheta(col(...SALES), "(5)"))).toBe(
      "KAM.FORECAST_THETA: horizon: -5 is not allowed; give a whole number from 1 to 1000"
    );
  });

  test("a single-value argument names its cell when Excel passes the addresses", () => {
    // FORECAST_THETA(values, horizon, [seasonality]): horizon in C2 of another sheet
    const where = at("'Q4 plan'!$A$2:$A$13", "'Q4 plan'!$C$2", "");
    expect(errorOf(() => forecastTheta(col(...SALES), "(5)", OMITTED, where))).toBe(
      "KAM.FORECAST_THETA: horizon (C2): -5 is not allowed; give a whole number from 1 to 1000"
    );
    // a literal (Excel passes an empty address): the argument only
    expect(errorOf(() => forecastTheta(col(...SALES), "(5)", OMITTED, at("A2:A13", "", "")))).toBe(
      "KAM.FORECAST_THETA: horizon: -5 is not allowed; give a whole number from 1 to 1000"
    );
    // a range where one value belongs: named as a range
    expect(
      errorOf(() => forecastTheta(col(...SALES), [[3], [4]], OMITTED, at("A2:A13", "D2:D3", "")))
    ).toBe("KAM.FORECAST_THETA: horizon (D2:D3): must be a single value, not a range of 2 cells");
  });

  test('SEASONAL_INDEX: period "Lost", "1e400", "0x4" are named as such; "4" is 4', () => {
    const values = col(...SALES);
    expect(errorOf(() => seasonalIndex(values, "Lost"))).toBe(
      'KAM.SEASONAL_INDEX: period: "Lost" is not a number'
    );
    expect(errorOf(() => seasonalIndex(values, "1e400"))).toBe(
      'KAM.SEASONAL_INDEX: period: "1e400" is not a number'
    );
    expect(errorOf(() => deseasonalize(values, "0x4"))).toBe(
      'KAM.DESEASONALIZE: period: "0x4" is not a number'
    );
    expect(errorOf(() => seasonalIndex(values, 2.5))).toBe(
      "KAM.SEASONAL_INDEX: period: 2.5 is not allowed; give a whole number from 2 to 366"
    );
    expect(seasonalIndex(values, "4")).toEqual(seasonalIndex(values, 4));
  });
});

describe("no message echoes a long text", () => {
  test.each([
    ["SEASONAL_INDEX", "type", () => seasonalIndex(col(...SALES), 4, LONG)],
    ["BACKTEST", "method", () => backtestFunction(col(...SALES), 2, LONG)],
    ["FORECAST_SMOOTH", "model", () => forecastSmooth(col(...SALES), 2, 1, LONG)],
    ["KA_CONTRIBUTION", "is_key_account", () => kaContributionFn(col(1, 2), col(true, LONG))],
  ])("%s: a 100,000-character %s", (id, arg, call) => {
    const message = errorOf(call);
    expect(message.startsWith(`KAM.${id}: ${arg}`)).toBe(true);
    expect(message.length).toBeLessThan(400);
    expect(message).toContain('"Lorem ipsum Lorem ipsum');
  });
});

describe("no output cell is longer than Excel's 32,767 characters", () => {
  const fits = (out: unknown[][]) =>
    out.every((row) => row.every((c) => typeof c !== "string" || c.length <= 32767));

  test("DELPHI: a 40,000-character round name is cut with a note", () => {
    const name = "R".repeat(40000);
    const out = delphiFunction([
      [name, "Round 2"],
      [10, 12],
      [20, 18],
      [30, 24],
    ]);
    expect(fits(out)).toBe(true);
    const cell = out[1][0] as string;
    expect(cell.length).toBe(32767);
    expect(cell.startsWith("RRRR")).toBe(true);
    expect(cell).toContain("(cut: 40,000 characters, a cell holds 32,767)");
    // the figures are untouched: the medians of 10, 20, 30 and of 12, 18, 24
    expect(out[1][1]).toBe(20);
    expect(out[2][1]).toBe(18);
  });

  test("the note is in Office's display language", () => {
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: "zh-CN" } };
    try {
      const out = delphiFunction([["R".repeat(40000)], [10], [20]]);
      const cell = out[1][0] as string;
      expect(cell.length).toBe(32767);
      expect(cell).toContain("（已截断：共 40,000 个字符，单元格最多 32,767 个）");
    } finally {
      delete (globalThis as { Office?: unknown }).Office;
    }
  });

  test("RFM_SUMMARY: a 40,000-character customer name", () => {
    const name = "C".repeat(40000);
    const out = rfmSummary(col(name, name, "B"), col(45000, 45007, 45000), col(10, 20, 5));
    expect(fits(out)).toBe(true);
    expect(out.some((row) => String(row[0]).includes("(cut: 40,000 characters"))).toBe(true);
  });
});

describe("sums beyond Excel's numbers: a correct answer or a clear error", () => {
  test("PARETO_SHARE({5019;-1E308;5019;-1E308}) names the total, not NaN", () => {
    const message = errorOf(() => paretoShare(col(5019, -1e308, 5019, -1e308)));
    expect(message).toBe(
      "KAM.PARETO_SHARE: amounts: the amounts add up to below -1.8E+308; a share needs a total above 0"
    );
  });

  test("PARETO_SHARE of amounts whose total overflows is their true share", () => {
    // five amounts of 1E+308 (total 5E+308, beyond a double): the top 20% is one of five
    expect(paretoShare(col(1e308, 1e308, 1e308, 1e308, 1e308))).toEqual([[0.2]]);
    // 1E+308 and 5E+307, top half: 1 / 1.5
    expect((paretoShare(col(1e308, 5e307), 0.5) as number[][])[0][0]).toBeCloseTo(2 / 3, 12);
    // ordinary amounts are unchanged: top 20% of 10 amounts = the largest two
    const a = [50, 30, 10, 5, 2, 1, 1, 0.5, 0.25, 0.25];
    const expected = (50 + 30) / a.reduce((s, v) => s + v, 0);
    expect((paretoShare(col(...a)) as number[][])[0][0]).toBeCloseTo(expected, 12);
  });

  test("PARETO of amounts whose total overflows: true shares and totals, or the total named", () => {
    const out = pareto(col("A", "B", "C"), col(1e308, 1e308, 5e307), 0.5, 0.9, false) as (
      string | number
    )[][];
    const total = 2.5; // in units of 1E+308
    expect(out.map((r) => r[0])).toEqual(["A", "B", "C"]);
    expect(out.map((r) => r[1])).toEqual([1e308, 1e308, 5e307]);
    expect(out[0][2]).toBeCloseTo(1 / total, 12);
    expect(out[1][3]).toBeCloseTo(2 / total, 12);
    expect(out[2][3]).toBeCloseTo(1, 12);
    expect(errorOf(() => pareto(col("A", "B", "C"), col(5019, -1e308, -1e308)))).toBe(
      "KAM.PARETO: amounts: the total is below -1.8E+308; shares need a total above 0"
    );
  });

  test("GROWTH beyond ±1.8E+308 names its arguments and says what happened", () => {
    const message = errorOf(() => growth(col(1e308), col(1e-10)));
    expect(message).toBe(
      "KAM.GROWTH: current, previous: the result in row 1, column 1 is beyond Excel's largest number (±1.8E+308); check these values for numbers far too large or too small"
    );
  });

  test("TIER of a revenue near 1.8E+308: the share it cannot compute names the inputs", () => {
    const message = errorOf(() => tier(col(1.7976931348623127e308), col(862), col(943668.69)));
    clean(message);
    expect(message).toMatch(
      /^KAM\.TIER: revenue, margin, growth: the result in row \d+, column \d+ /
    );
  });

  test("TARGET_SPLIT with a unit of 7E-323 does not say Infinity", () => {
    const message = errorOf(() =>
      targetSplit(2981318, col(849393.51, 997106.51, 21, 860), null, 7e-323)
    );
    clean(message);
    expect(message).toMatch(/^KAM\.TARGET_SPLIT: total: /);
  });

  test("FORECAST_AUTO on values no model fits is an error about values", () => {
    const values = col(152, 231, 0.16, 671, -1.2441043658660913e-108, 167, 1e308, 5, 3);
    const message = errorOf(() => forecastAuto(values, 4, 1, 2.0128665020323181e-212));
    clean(message);
    expect(message).toMatch(/^KAM\.FORECAST_AUTO: (values|confidence)/);
  });
});

describe("silent answers now say so", () => {
  test("FUNNEL_WEIGHT spills the shape of amounts: a row of amounts with a column of stages", () => {
    expect(funnelWeight([[100, 200, 400]], col("Won", "50%", "Prospect"))).toEqual([
      [100, 100, 40],
    ]);
    expect(funnelWeight(col(100, 200), [["Won", "50%"]])).toEqual([[100], [100]]);
  });

  test("KA_CONTRIBUTION({100;-60},{TRUE;FALSE}) is an error, not 2.5", () => {
    expect(
      errorOf(() => kaContributionFn(col(100, -60), col(true, false), at("B2:B3", "C2:C3")))
    ).toBe(
      "KAM.KA_CONTRIBUTION: amounts (B2:B3): the key accounts' amounts add up to 100 and the others' to -60; a share from 0 to 1 needs both to be 0 or more (are returns larger than sales?)"
    );
    // returns inside a group are netted: key 100 - 20 = 80 of 80 + 50
    expect(
      (kaContributionFn(col(100, -20, 50), col(true, true, false)) as number[][])[0][0]
    ).toBeCloseTo(80 / 130, 12);
  });

  test("a seasonality the history is too short for is an error, not a fit without seasons", () => {
    const ten = col(...SALES.slice(0, 10));
    expect(errorOf(() => forecastSmooth(ten, 3, 12))).toBe(
      "KAM.FORECAST_SMOOTH: seasonality: 12 needs at least 13 values to estimate seasons from; values has 10. Give 1 for no seasons, or a longer history"
    );
    expect(errorOf(() => forecastAuto(ten, 3, 12))).toMatch(
      /^KAM\.FORECAST_AUTO: seasonality: 12 needs/
    );
    // Theta's seasonal test needs more than two cycles
    expect(errorOf(() => forecastTheta(col(...SALES.slice(0, 8)), 2, 4))).toMatch(
      /^KAM\.FORECAST_THETA: seasonality: 4 needs at least 9 values/
    );
    expect(forecastTheta(col(...SALES.slice(0, 9)), 2, 4)).toHaveLength(2);
    expect(forecastSmooth(ten, 3, 1)).toHaveLength(3);
  });

  test("one value of 1E+9 among values near 100 is an error naming its cell", () => {
    const values = SALES.slice(0, 12);
    values[6] = 1e9;
    const message = errorOf(() =>
      forecastSmooth(col(...values), 3, OMITTED, OMITTED, OMITTED, OMITTED, at("B2:B13"))
    );
    expect(message).toMatch(
      /^KAM\.FORECAST_SMOOTH: values, row 7 \(B8\): 1000000000 is more than a million times the typical size of the values \(median 1\d\d(\.\d+)?\)/
    );
    expect(errorOf(() => forecastTheta(col(...values), 3))).toMatch(
      /^KAM\.FORECAST_THETA: values, row 7: /
    );
    // a real spike (50 times the rest) is a value
    values[6] = 5000;
    expect(forecastSmooth(col(...values), 3)).toHaveLength(3);
  });

  test("FORECAST_ACCURACY({0;10;10},{0;12;8}): MAE counts the 0/0 period, MAPE is blank", () => {
    const a = [0, 10, 10];
    const f = [0, 12, 8];
    const out = forecastAccuracy(col(...a), col(...f)) as (string | number)[][];
    const mae = a.reduce((s, x, i) => s + Math.abs(f[i] - x), 0) / a.length;
    const rmse = Math.sqrt(a.reduce((s, x, i) => s + (f[i] - x) ** 2, 0) / a.length);
    expect(mae).toBeCloseTo(4 / 3, 15);
    expect(out[0]).toEqual(["MAE", mae]);
    expect(out[1][1]).toBeCloseTo(rmse, 12);
    expect(out[2]).toEqual(["MAPE (%)", ""]);
    // sMAPE counts the 0/0 period as no error: (0 + 200·2/22 + 200·2/18) / 3
    expect(out[3][1]).toBeCloseTo((0 + 400 / 22 + 400 / 18) / 3, 12);
  });
});

describe("REVENUE_BRIDGE: found by the fuzzer", () => {
  test("orders in one period: an error, not an empty result (which Excel cannot show)", () => {
    expect(errorOf(() => revenueBridge([[43204]], [[43607]], [[332]], null, false))).toBe(
      "KAM.REVENUE_BRIDGE: dates: every order falls in one month: a bridge needs orders in at least two periods"
    );
  });

  test("amounts whose exact sum passes 2^53 units: an error about amounts", () => {
    const message = errorOf(() =>
      revenueBridge(col("A", "B"), col(45000, 45040), col(223146.66, 1.4094282586487559e73))
    );
    expect(message).toMatch(/^KAM\.REVENUE_BRIDGE: amounts: their sums, in whole units/);
  });
});
