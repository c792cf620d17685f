import { describe, test, expect } from "@jest/globals";
import { parseTextDate } from "../../src/cells/dates";
import { isoFromSerial, serialFromYmd, ymdFromSerial } from "../../src/engine/calendar";

// Reference serials: Excel's DATE() in the 1900 date system (DATE(2024,1,15) = 45306,
// DATE(1900,1,1) = 1, DATE(1900,2,28) = 59, DATE(1900,3,1) = 61, DATE(9999,12,31) = 2958465).
describe("Excel serial dates", () => {
  test.each([
    [2024, 1, 15, 45306],
    [1900, 1, 1, 1],
    [1900, 2, 28, 59],
    [1900, 3, 1, 61],
    [1997, 9, 30, 35703],
    [9999, 12, 31, 2958465],
  ])("%i-%i-%i is serial %i", (y, m, d, serial) => {
    expect(serialFromYmd(y, m, d)).toBe(serial);
    expect(ymdFromSerial(serial)).toEqual([y, m, d]);
  });

  test("serial 60 is Excel's fictitious 1900-02-29", () =>
    expect(ymdFromSerial(60)).toEqual([1900, 2, 29]));
  test("impossible dates are rejected", () => {
    expect(serialFromYmd(2024, 2, 30)).toBeUndefined();
    expect(serialFromYmd(2023, 2, 29)).toBeUndefined();
    expect(serialFromYmd(2024, 13, 1)).toBeUndefined();
    expect(serialFromYmd(1899, 12, 31)).toBeUndefined();
  });
  test("a time of day is dropped", () => expect(isoFromSerial(45306.75)).toBe("2024-01-15"));
});

describe("text dates", () => {
  test.each([
    ["2024-01-15", 45306],
    ["2024/1/15", 45306],
    ["2024.01.15", 45306],
    ["2024-01-15T10:30:00Z", 45306],
    ["2024-01-15 10:30", 45306],
    ["2024年1月15日", 45306],
    ["2024 年 1 月 15 日", 45306],
    ["2024年1月15号", 45306],
    ["1/15/2024", 45306], // month first
    ["15/1/2024", 45306], // first number > 12: day first
    ["  2024-01-15  ", 45306],
  ])("%s", (text, serial) => expect(parseTextDate(text)).toBe(serial));

  test("year-last dates with both numbers <= 12 are month first (Excel en-US)", () => {
    expect(parseTextDate("3/4/2024")).toBe(serialFromYmd(2024, 3, 4));
  });

  test.each(["2024-02-30", "abc", "2024", "15.2024", "2024-1", "13/13/2024", "45306"])(
    "%s is not a date",
    (text) => expect(parseTextDate(text)).toBeUndefined()
  );
});
