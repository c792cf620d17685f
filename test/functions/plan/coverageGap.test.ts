/* global globalThis */
import { describe, test, expect, beforeAll, afterEach } from "@jest/globals";
import { pipelineCoverage } from "../../../src/functions/pipelineCoverage";
import { gap } from "../../../src/functions/gap";
import { at, col, installCustomFunctions } from "../../support/customFunctions";
import { errorOf } from "../../support/errorOf";

/** Excel passes null for an omitted optional argument (typed `?: unknown[][]` for the metadata). */
const OMITTED = null as unknown as undefined;

beforeAll(() => {
  installCustomFunctions();
});
afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe("KAM.PIPELINE_COVERAGE", () => {
  test("a range of amounts against a target at a win rate (hand-checked)", () => {
    // Pipeline 1,000,000 + 1,500,000 + 500,000 = 3,000,000; target 1,000,000 -> 3×.
    // 25%: coverage needed 4×, pipeline needed 4,000,000, expected wins 750,000, shortfall 1,000,000.
    expect(pipelineCoverage(col("Amount", 1e6, 1.5e6, null, "500,000"), 1e6, "25%")).toEqual([
      ["Pipeline", 3e6],
      ["Target", 1e6],
      ["Coverage (pipeline ÷ target)", 3],
      ["Win rate", 0.25],
      ["Coverage needed (1 ÷ win rate)", 4],
      ["Pipeline needed (target ÷ win rate)", 4e6],
      ["Expected wins (pipeline × win rate)", 750000],
      ["Pipeline shortfall", 1e6],
    ]);
  });
  test("a single amount, no win rate; Chinese labels", () => {
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: "zh-CN" } };
    expect(pipelineCoverage([[500]], [[2000]])).toEqual([
      ["管道金额", 500],
      ["目标", 2000],
      ["覆盖率（管道÷目标）", 0.25],
    ]);
  });
  describe("bad input", () => {
    test("zero target is explained", () =>
      expect(errorOf(() => pipelineCoverage(col(1), 0))).toBe(
        "KAM.PIPELINE_COVERAGE: target: 0 is not allowed; coverage is pipeline ÷ target, so the target must be greater than 0"
      ));
    test("blank target", () =>
      expect(errorOf(() => pipelineCoverage(col(1), [[""]]))).toBe(
        "KAM.PIPELINE_COVERAGE: target: is blank; give the sales target"
      ));
    test("text target and a target range", () => {
      expect(errorOf(() => pipelineCoverage(col(1), "lots"))).toBe(
        'KAM.PIPELINE_COVERAGE: target: "lots" is not a number'
      );
      expect(errorOf(() => pipelineCoverage(col(1), col(1, 2)))).toBe(
        "KAM.PIPELINE_COVERAGE: target: must be a single value, not a range of 2 cells"
      );
    });
    test("text and errors in the pipeline name the cell", () => {
      expect(errorOf(() => pipelineCoverage(col(1, "abc"), 5, null, at("B2:B3")))).toBe(
        'KAM.PIPELINE_COVERAGE: pipeline, row 2 (B3): "abc" is not a number'
      );
      expect(errorOf(() => pipelineCoverage(col(1, "#N/A"), 5))).toBe(
        "KAM.PIPELINE_COVERAGE: pipeline, row 2: the cell holds the error #N/A"
      );
    });
    test("negative pipeline", () =>
      expect(errorOf(() => pipelineCoverage(col(1, -5), 5))).toBe(
        "KAM.PIPELINE_COVERAGE: pipeline: adds up to -4; a pipeline cannot be negative"
      ));
    test("win rate out of range", () => {
      expect(errorOf(() => pipelineCoverage(col(1), 5, 25))).toBe(
        "KAM.PIPELINE_COVERAGE: win_rate: 25 is not allowed; give a number from 0 to 1"
      );
      expect(errorOf(() => pipelineCoverage(col(1), 5, 0))).toMatch(
        /^KAM\.PIPELINE_COVERAGE: win_rate: 0 is not allowed; at a win rate of 0/
      );
    });
    test("an empty pipeline range is 0, which is still a coverage", () =>
      expect(pipelineCoverage(col(null, null), 5)[2]).toEqual(["Coverage (pipeline ÷ target)", 0]));
  });
});

describe("KAM.GAP", () => {
  test("target, actuals by month, forecast for the rest and periods left (hand-checked)", () => {
    // Target 100 × 12 = 1,200; actual 80 × 8 + 60 = 700 (58.3%); gap 500; forecast 100 × 3 = 300 ->
    // expected 1,000, gap 200. 4 months left: needed 125, forecast 75, extra 50.
    const target = col("Target", ...Array(12).fill(100));
    const actual = col("Actual", ...Array(8).fill(80), 60, null, null, null);
    const forecast = col("Forecast", ...Array(9).fill(null), 100, 100, 100);
    expect(gap(target, actual, forecast, 4)).toEqual([
      ["Target", 1200],
      ["Actual to date", 700],
      ["Attainment", 700 / 1200],
      ["Gap to target", 500],
      ["Forecast for the rest", 300],
      ["Expected total", 1000],
      ["Expected attainment", 1000 / 1200],
      ["Expected gap", 200],
      ["Periods left", 4],
      ["Run rate needed per period", 125],
      ["Forecast per period", 75],
      ["Extra needed per period", 50],
    ]);
  });
  test("numbers only; target exceeded", () => {
    expect(gap([[100]], [[120]], OMITTED, 2)).toEqual([
      ["Target", 100],
      ["Actual to date", 120],
      ["Attainment", 1.2],
      ["Gap to target", -20],
      ["Periods left", 2],
      ["Run rate needed per period", 0],
    ]);
    expect(gap([[100]], [[40]])).toHaveLength(4);
  });
  describe("bad input", () => {
    test("zero or blank target", () => {
      expect(errorOf(() => gap([[0]], [[1]]))).toBe(
        "KAM.GAP: target: 0 is not allowed; attainment is actual ÷ target, so the target must be greater than 0"
      );
      expect(errorOf(() => gap([[null]], [[1]]))).toBe(
        "KAM.GAP: target: is blank; give the target"
      );
    });
    test("text in actuals names the cell", () =>
      expect(errorOf(() => gap([[10]], col(1, "n/a"), OMITTED, null, at("A1", "B2:B3")))).toBe(
        'KAM.GAP: actual_to_date, row 2 (B3): "n/a" is not a number'
      ));
    test("Excel error in the forecast", () =>
      expect(errorOf(() => gap([[10]], [[1]], col("#DIV/0!")))).toBe(
        "KAM.GAP: forecast_rest, row 1: the cell holds the error #DIV/0!"
      ));
    test("periods left out of range", () => {
      expect(errorOf(() => gap([[10]], [[1]], OMITTED, 0))).toMatch(
        /^KAM\.GAP: periods_left: 0 is not allowed; with no period left/
      );
      expect(errorOf(() => gap([[10]], [[1]], OMITTED, -1))).toBe(
        "KAM.GAP: periods_left: -1 is not allowed; with no period left there is no run rate (give a number greater than 0)"
      );
      expect(errorOf(() => gap([[10]], [[1]], OMITTED, "soon"))).toBe(
        'KAM.GAP: periods_left: "soon" is not a number'
      );
    });
    test("a two-dimensional range", () =>
      expect(
        errorOf(() =>
          gap(
            [[10]],
            [
              [1, 2],
              [3, 4],
            ]
          )
        )
      ).toBe("KAM.GAP: actual_to_date: must be a single column or row; got 2 rows × 2 columns"));
  });
});
