import { describe, test, expect } from "@jest/globals";
import { asDate, asNumber, classify, parseNumberText } from "../../src/cells/values";

describe("classify", () => {
  test("blanks", () => {
    expect(classify(null).kind).toBe("blank");
    expect(classify(undefined).kind).toBe("blank");
    expect(classify("").kind).toBe("blank");
    expect(classify("   ").kind).toBe("blank");
  });
  test("Excel errors as text and as CustomFunctions.Error objects", () => {
    expect(classify("#N/A")).toEqual({ kind: "error", code: "#N/A" });
    expect(classify("#DIV/0!")).toEqual({ kind: "error", code: "#DIV/0!" });
    expect(classify({ code: "notAvailable", message: "" })).toEqual({
      kind: "error",
      code: "#N/A",
    });
    expect(classify({ code: "#REF!" })).toEqual({ kind: "error", code: "#REF!" });
    expect(classify(NaN)).toEqual({ kind: "error", code: "#NUM!" });
  });
  test("text that merely starts with # is text", () =>
    expect(classify("#1 customer").kind).toBe("text"));
});

describe("numbers written as text", () => {
  test.each([
    ["1234", 1234],
    ["1,234.50", 1234.5],
    ["-12", -12],
    ["(1,234)", -1234],
    ["¥1,200", 1200],
    ["$5", 5],
    ["-$5", -5],
    ["12%", 0.12],
    ["1e3", 1000],
    [".5", 0.5],
    [" 42 ", 42],
  ])("%s", (text, value) => expect(parseNumberText(text)).toBeCloseTo(value, 12));
  test.each(["abc", "1,23", "12,3456", "1.2.3", "", "--1", "1 2"])("%s is not a number", (text) =>
    expect(parseNumberText(text)).toBeUndefined()
  );
});

describe("asNumber / asDate reasons", () => {
  test("text", () => expect(asNumber(classify("abc"))).toBe('"abc" is not a number'));
  test("boolean", () => expect(asNumber(classify(true))).toBe("TRUE is not a number"));
  test("error", () => expect(asNumber(classify("#N/A"))).toBe("the cell holds the error #N/A"));
  test("date from number and text", () => {
    expect(asDate(classify(45306))).toBe(45306);
    expect(asDate(classify("2024年1月15日"))).toBe(45306);
  });
  test("out-of-range serials", () => {
    expect(asDate(classify(-3))).toMatch(/is not a date/);
    expect(asDate(classify(0))).toMatch(/is not a date/);
  });
});
