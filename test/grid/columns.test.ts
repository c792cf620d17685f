import { describe, test, expect } from "@jest/globals";
import { InputError } from "../../src/grid/errors";
import { readTable, splitColumns, toVector } from "../../src/grid/columns";
import { optionalBoolean, optionalDate, optionalNumber } from "../../src/grid/scalars";
import { cellAddress } from "../../src/grid/errors";
import { columnLetters } from "../../src/report/names";

const col = (...v: unknown[]) => v.map((x) => [x]);
const messageOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error("expected an InputError");
};

describe("toVector", () => {
  test("column, row, single cell", () => {
    expect(toVector({ fn: "F", arg: "a" }, [[1], [2]])).toEqual({ values: [1, 2], vertical: true });
    expect(toVector({ fn: "F", arg: "a" }, [[1, 2, 3]])).toEqual({
      values: [1, 2, 3],
      vertical: false,
    });
    expect(toVector({ fn: "F", arg: "a" }, [[7]])).toEqual({ values: [7], vertical: true });
    expect(toVector({ fn: "F", arg: "a" }, 7)).toEqual({ values: [7], vertical: true });
  });
  test("a 2-D block is refused", () =>
    expect(
      messageOf(() =>
        toVector({ fn: "KAM.X", arg: "a" }, [
          [1, 2],
          [3, 4],
        ])
      )
    ).toBe("KAM.X: a: must be a single column or row; got 2 rows × 2 columns"));
});

describe("readTable", () => {
  const read = (
    customers: unknown[][],
    dates: unknown[][],
    amounts: unknown[][],
    address?: string
  ) =>
    readTable("KAM.RFM", [
      { arg: "customers", kind: "label", value: customers },
      { arg: "dates", kind: "date", value: dates },
      { arg: "amounts", kind: "number", value: amounts, address },
    ] as const);

  test("parses numbers, serial and text dates, labels", () => {
    const t = read(
      col("A", 1001, " B "),
      col(45306, "2024/1/16", "2024年1月17日"),
      col(10, "1,000", -5)
    );
    expect(t.columns).toEqual([
      ["A", 1001, "B"],
      [45306, 45307, 45308],
      [10, 1000, -5],
    ]);
    expect(t.header).toBe(false);
    expect(t.positions).toEqual([0, 1, 2]);
  });

  test("detects a header row and keeps row numbers as the user sees them", () => {
    const t = read(col("Customer", "A", "B"), col("Date", 45306, 45307), col("Amount", 1, 2));
    expect(t.header).toBe(true);
    expect(t.positions).toEqual([1, 2]);
    expect(
      messageOf(() =>
        read(col("Customer", "A", "B"), col("Date", 45306, 45307), col("Amount", 1, "x"))
      )
    ).toBe('KAM.RFM: amounts, row 3: "x" is not a number');
  });

  test("skips blank rows, including the zeros Excel desktop passes for empty cells", () => {
    const t = read(
      col("A", null, "", 0, "B"),
      col(45306, null, "", 0, 45307),
      col(1, null, " ", 0, 2)
    );
    expect(t.positions).toEqual([0, 4]);
    expect(t.columns[0]).toEqual(["A", "B"]);
    expect(t.length).toBe(5);
  });

  test("names the first bad cell, with its address when known", () => {
    expect(
      messageOf(() => read(col("A", "B"), col(45306, 45307), col(1, "abc"), "Sheet1!C2:C3"))
    ).toBe('KAM.RFM: amounts, row 2 (C3): "abc" is not a number');
    expect(messageOf(() => read(col("A", "B"), col(45306, "#N/A"), col(1, 2)))).toBe(
      "KAM.RFM: dates, row 2: the cell holds the error #N/A"
    );
    expect(messageOf(() => read(col("A", "B"), col(45306, null), col(1, 2)))).toBe(
      "KAM.RFM: dates, row 2: the cell is blank"
    );
    expect(messageOf(() => read(col("A", "B"), col(45306, 0), col(1, 2)))).toMatch(
      /^KAM\.RFM: dates, row 2: 0 is not a date/
    );
    expect(messageOf(() => read(col("A", "B"), col(45306, "soon"), col(1, 2)))).toMatch(
      /^KAM\.RFM: dates, row 2: "soon" is not a date/
    );
  });

  test("row ranges name columns", () => {
    expect(
      messageOf(() =>
        readTable("KAM.F", [
          { arg: "amounts", kind: "number", value: [[1, "x"]] },
          { arg: "stages", kind: "label", value: [["Won", "Won"]] },
        ] as const)
      )
    ).toBe('KAM.F: amounts, column 2: "x" is not a number');
  });

  test("mismatched lengths", () =>
    expect(messageOf(() => read(col("A", "B", "C"), col(45306, 45307), col(1, 2, 3)))).toBe(
      "KAM.RFM: dates: has 2 cells but customers has 3; the ranges must be the same size"
    ));

  test("optional columns read blanks as null", () => {
    const t = readTable("KAM.F", [
      { arg: "a", kind: "number", value: col(1, 2) },
      { arg: "b", kind: "number", value: col(null, 3), optional: true },
    ] as const);
    expect(t.columns[1]).toEqual([null, 3]);
  });

  test("splitColumns", () => {
    expect(
      splitColumns(
        { fn: "F", arg: "t" },
        [
          ["a", 1],
          ["b", 2],
        ],
        2
      )
    ).toEqual([col("a", "b"), col(1, 2)]);
    expect(messageOf(() => splitColumns({ fn: "F", arg: "t" }, [["a"]], 2))).toBe(
      "F: t: must have 2 columns; got 1"
    );
  });
});

describe("scalar arguments", () => {
  const p = { fn: "KAM.RFM", arg: "bins" };
  test("omitted -> default", () => {
    expect(optionalNumber(p, null, 5)).toBe(5);
    expect(optionalNumber(p, [[""]], 5)).toBe(5);
    expect(optionalBoolean(p, undefined, true)).toBe(true);
    expect(optionalDate(p, null)).toBeUndefined();
  });
  test("values and 1×1 ranges", () => {
    expect(optionalNumber(p, [[3]], 5, { min: 2, max: 9, integer: true })).toBe(3);
    expect(optionalBoolean(p, "false", true)).toBe(false);
    expect(optionalBoolean(p, 1, false)).toBe(true);
    expect(optionalDate(p, "2024-01-15")).toBe(45306);
  });
  test("bad values", () => {
    expect(messageOf(() => optionalNumber(p, 12, 5, { min: 2, max: 9, integer: true }))).toBe(
      "KAM.RFM: bins: 12 is not allowed; give a whole number from 2 to 9"
    );
    expect(messageOf(() => optionalNumber(p, "five", 5))).toBe(
      'KAM.RFM: bins: "five" is not a number'
    );
    expect(messageOf(() => optionalNumber(p, [[1], [2]], 5))).toBe(
      "KAM.RFM: bins: must be a single value, not a range of 2 cells"
    );
    expect(messageOf(() => optionalBoolean(p, "maybe", true))).toBe(
      'KAM.RFM: bins: "maybe" is not TRUE or FALSE'
    );
  });
});

describe("addresses", () => {
  test("cell inside a range", () => {
    expect(cellAddress("Sheet1!B2:D9", 3, 1)).toBe("C5");
    expect(cellAddress("'My sheet'!$Z$10:$AB$20", 0, 2)).toBe("AB10");
    expect(cellAddress(undefined, 0, 0)).toBeUndefined();
  });
  test("column names", () => {
    expect([0, 25, 26, 701, 702, 16383].map(columnLetters)).toEqual([
      "A",
      "Z",
      "AA",
      "ZZ",
      "AAA",
      "XFD",
    ]);
  });
});

describe("readTable's fast paths read every cell as the cell reader does", () => {
  // Labels with and without spaces to trim (ASCII, no-break and ideographic spaces), CJK text,
  // numbers as labels; numbers of every kind; date serials, text dates, and a column of years.
  const labels = [
    "Acme",
    " Acme",
    "Acme ",
    "\u00a0Acme",
    "华东医药",
    "华东医药\u3000",
    42,
    "x\u2003",
    "A B",
  ];
  const numbers = [0, -1.5, 1e-300, 123456.78, "1,234", "(300)", " 7 "];
  const dates = [45000, 45000.5, "2024-01-15", "2024/1/15", 1, 2958465];
  test("a table of every combination equals cell-by-cell reading", () => {
    const n = labels.length * numbers.length * dates.length;
    const c: unknown[] = [];
    const a: unknown[] = [];
    const d: unknown[] = [];
    for (let i = 0; i < n; i++) {
      c.push(labels[i % labels.length]);
      a.push(numbers[Math.floor(i / labels.length) % numbers.length]);
      d.push(dates[Math.floor(i / labels.length / numbers.length) % dates.length]);
    }
    const t = readTable("KAM.T", [
      { arg: "c", kind: "label", value: col(...c) },
      { arg: "d", kind: "date", value: col(...d) },
      { arg: "a", kind: "number", value: col(...a) },
    ] as const);
    expect(t.columns[0]).toEqual(c.map((x) => (typeof x === "number" ? x : String(x).trim())));
    const serial = (x: unknown) =>
      x === "2024-01-15" || x === "2024/1/15" ? 45306 : (x as number);
    expect(t.columns[1]).toEqual(d.map(serial));
    const number = (x: unknown) =>
      typeof x === "number" ? x : ({ "1,234": 1234, "(300)": -300, " 7 ": 7 } as never)[x as never];
    expect(t.columns[2]).toEqual(a.map(number));
  });

  test("a column of years stays years (1 January), not serials", () => {
    const t = readTable("KAM.T", [
      { arg: "d", kind: "date", value: col(2023, 2024) },
      { arg: "a", kind: "number", value: col(1, 2) },
    ] as const);
    expect(t.columns[0]).toEqual([44927, 45292]);
  });

  test("an error text in a label column is still an error", () => {
    expect(
      messageOf(() =>
        readTable("KAM.T", [
          { arg: "c", kind: "label", value: col("Acme", "#N/A") },
          { arg: "a", kind: "number", value: col(1, 2) },
        ] as const)
      )
    ).toMatch(/#N\/A/);
  });
});
