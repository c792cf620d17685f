// The calendar's grains beyond the pipeline's month, quarter and week (test/engine/pipeline/
// forecast.test.ts): years (the KPI tables, the forecast's yearly axis), days, month ends and the
// carry of firstOfMonth (EDATE in the growth windows, the sample's months).
import { describe, expect, test } from "@jest/globals";
import {
  addPeriods,
  firstOfMonth,
  periodEnd,
  periodIndex,
  periodLabel,
  periodStart,
} from "../../src/engine/calendar";

// Excel's DATE(): DATE(2024,1,1) = 45292, DATE(1900,3,1) = 61, DATE(1900,2,1) = 32.
const JAN_2024 = 45292;

describe("calendar", () => {
  test("firstOfMonth carries months past 12 and below 1 into the year", () => {
    expect(firstOfMonth(2024, 1)).toBe(JAN_2024);
    expect(firstOfMonth(2023, 13)).toBe(JAN_2024);
    expect(firstOfMonth(2024, 0)).toBe(JAN_2024 - 31);
    expect(firstOfMonth(1900, 2)).toBe(32);
    expect(firstOfMonth(1900, 3)).toBe(61);
  });

  test("month ends, with Excel's 1900-02-29 (serial 60)", () => {
    expect(periodEnd(firstOfMonth(2024, 2), "month")).toBe(JAN_2024 + 31 + 28);
    expect(periodEnd(firstOfMonth(2023, 2), "month")).toBe(firstOfMonth(2023, 3) - 1);
    expect(periodEnd(32, "month")).toBe(60);
    expect(periodEnd(JAN_2024, "quarter")).toBe(firstOfMonth(2024, 4) - 1);
  });

  test("years: start, index, label", () => {
    expect(periodStart(JAN_2024 + 200, "year")).toBe(JAN_2024);
    expect(addPeriods(JAN_2024, -2, "year")).toBe(firstOfMonth(2022, 1));
    expect(periodIndex(firstOfMonth(2026, 12), JAN_2024, "year")).toBe(2);
    expect(periodIndex(JAN_2024 - 1, JAN_2024, "year")).toBe(-1);
    expect(periodLabel(JAN_2024, "year")).toBe("2024");
    expect(periodEnd(JAN_2024, "year")).toBe(firstOfMonth(2025, 1) - 1);
  });

  test("days: whole serials", () => {
    expect(periodStart(JAN_2024 + 0.75, "day")).toBe(JAN_2024);
    expect(addPeriods(JAN_2024, 3, "day")).toBe(JAN_2024 + 3);
    expect(periodIndex(JAN_2024 + 3.5, JAN_2024, "day")).toBe(3);
    expect(periodLabel(JAN_2024 + 64, "day")).toBe("2024-03-05");
  });
});
