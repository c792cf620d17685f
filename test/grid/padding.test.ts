// The padding rule of the readers beside readTable: Excel desktop passes the empty cells of a
// referenced range as 0 (the web as null), so the trailing run of zeros and blanks is padding; any
// other 0 is a value.
import { describe, test, expect } from "@jest/globals";
import { alignedRows, withoutRowsOfZeros } from "../../src/grid/aligned";
import { readTable } from "../../src/grid/columns";
import {
  isBlankish,
  paddingStart,
  readNumberList,
  readNumberMatrix,
  zerosAsBlank,
} from "../../src/grid/matrix";
import { readSeries } from "../../src/grid/series";

const col = (...v: unknown[]) => v.map((x) => [x]);
const place = { fn: "KAM.X", arg: "a" };

describe("paddingStart", () => {
  test("the first row of the trailing run of rows of zeros and blanks", () => {
    expect(isBlankish(0)).toBe(true);
    expect(isBlankish(" ")).toBe(true);
    expect(isBlankish("0")).toBe(false);
    expect(
      paddingStart([
        [1, 0],
        [0, 0],
        [2, null],
        [0, ""],
        [null, 0],
      ])
    ).toBe(3);
    expect(paddingStart([[0], [0]])).toBe(0);
    expect(paddingStart([["Head"], [0]], 1)).toBe(1);
    expect(paddingStart([[1], [2]])).toBe(2);
  });
});

describe("readNumberList", () => {
  test("interior zeros are values, blanks are skipped, the trailing zeros are padding", () => {
    expect(readNumberList(place, col("Score", 0, null, 9, 0, null, 0))).toEqual({
      values: [0, 9],
      positions: [1, 3],
      vertical: true,
    });
  });
  test("wanted: trailing zeros are taken back, in order, until there are enough", () => {
    expect(readNumberList(place, [[1, 0, 0, 0]], 2).values).toEqual([1, 0]);
    expect(readNumberList(place, [[1, 0, null, 0]], 3)).toEqual({
      values: [1, 0, 0],
      positions: [0, 1, 3],
      vertical: false,
    });
    expect(readNumberList(place, [[0]], 1).values).toEqual([0]);
    expect(readNumberList(place, col(5, 0), Infinity).values).toEqual([5, 0]);
  });
});

describe("readSeries", () => {
  test("trailing zeros read as blank (padding); the zeros before are values", () => {
    const s = readSeries(place, col("Sales", 0, 5, 0, null, 7, 0, null, 0));
    expect(s.header).toBe(true);
    expect(s.values).toEqual([0, 5, 0, null, 7, null, null, null]);
    expect(s.positions).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(s.padding).toBe(5);
    expect(s.paddedZeros).toEqual([true, false, true]);
  });
  test("no padding when the last cell holds a value", () => {
    const s = readSeries(place, [[0, 1]]);
    expect(s.values).toEqual([0, 1]);
    expect(s.padding).toBe(2);
    expect(s.paddedZeros).toEqual([]);
  });
});

describe("readNumberMatrix and alignedRows", () => {
  test("rows of zeros inside are data; output rows line up with the input rows", () => {
    const m = readNumberMatrix(
      "KAM.X",
      "a",
      [
        ["A", "B"],
        [1, 2],
        [0, 0],
        [null, null],
        [3, 4],
        [0, 0],
      ],
      undefined
    );
    expect(m.columns).toEqual([
      [1, 0, 3],
      [2, 0, 4],
    ]);
    expect(m.table.positions).toEqual([1, 2, 4]);
    const rows = m.columns[0].map((v, i) => [v + m.columns[1][i]]);
    expect(alignedRows(m.table, rows, ["Sum"], 1)).toEqual([["Sum"], [3], [0], [""], [7], [""]]);
    expect(alignedRows(m.table, rows, undefined, 1)).toEqual([[""], [3], [0], [""], [7], [""]]);
  });
});

describe("withoutRowsOfZeros", () => {
  test("drops the rows whose cells are all 0 or blank, keeps the others and their positions", () => {
    const t = readTable("KAM.X", [
      { arg: "names", kind: "label", value: col("A", 0, "0", 0, "B") },
      { arg: "amounts", kind: "number", value: col(1, 0, 0, 5, 2), optional: true },
    ] as const);
    const u = withoutRowsOfZeros(t);
    expect(u.columns).toEqual([
      ["A", "0", 0, "B"],
      [1, 0, 5, 2],
    ]);
    expect(u.positions).toEqual([0, 2, 3, 4]);
    expect(u.length).toBe(5);
  });
});

describe("zerosAsBlank", () => {
  test("0 reads as an empty cell, other values unchanged", () => {
    expect(zerosAsBlank(col(45000, 0, null, "0"))).toEqual(col(45000, null, null, "0"));
    expect(zerosAsBlank(0)).toBe(null);
    expect(zerosAsBlank(5)).toBe(5);
  });
});
