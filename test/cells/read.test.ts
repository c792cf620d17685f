// The one cell reader (src/cells): per-column date order, two-digit years, month names, and the same
// reading by the functions' readTable and the workflows' source reader.

import { describe, test, expect } from "@jest/globals";
import { parseTextDate } from "../../src/cells/dates";
import { serialFromYmd } from "../../src/engine/calendar";
import { orderOfPattern } from "../../src/cells/locale";
import { planDates, readDate } from "../../src/cells/read";
import { readTable } from "../../src/grid/columns";
import { analyseSource } from "../../src/report/source";
import { CRM_FIRST_ROW, CRM_HEADER } from "../support/crm";

const d = (y: number, m: number, day: number) => serialFromYmd(y, m, day) as number;

describe("text dates", () => {
  test("year last, two or four digits, with a time; month names; a Chinese weekday", () => {
    expect(parseTextDate("03/01/19", "dmy")).toBe(d(2019, 1, 3));
    expect(parseTextDate("03/01/19", "mdy")).toBe(d(2019, 3, 1));
    expect(parseTextDate("12/1/2010 8:26", "mdy")).toBe(d(2010, 12, 1));
    expect(parseTextDate("01-04-2018", "dmy")).toBe(d(2018, 4, 1));
    expect(parseTextDate("1/2/30", "mdy")).toBe(d(1930, 1, 2)); // Excel: 30–99 are 1930–1999
    expect(parseTextDate("15-Jan-2024")).toBe(d(2024, 1, 15));
    expect(parseTextDate("Jan 15, 2024")).toBe(d(2024, 1, 15));
    expect(parseTextDate("2018-01-01 星期五")).toBe(d(2018, 1, 1));
    expect(parseTextDate("2018-02-29 星期一")).toBeUndefined(); // no such day
  });

  test("an order forbids what it cannot read; without one each text decides alone", () => {
    expect(parseTextDate("15/1/2024", "mdy")).toBeUndefined();
    expect(parseTextDate("15/1/2024")).toBe(d(2024, 1, 15));
    expect(parseTextDate("3/1/2024")).toBe(d(2024, 3, 1));
  });
});

describe("a column's date order", () => {
  test("one day over 12 proves day first for the whole column", () => {
    const plan = planDates(["03/01/19", "04/01/19", "13/01/19", "01/02/19"], "mdy");
    expect(plan).toMatchObject({ order: "dmy", basis: "proven", example: "13/01/19" });
    expect(readDate("03/01/19", plan)).toBe(d(2019, 1, 3));
  });
  test("nothing proves it: the workbook's order, said to be assumed", () => {
    expect(planDates(["03/01/19", "04/01/19"], "dmy")).toMatchObject({
      order: "dmy",
      basis: "assumed",
    });
    expect(planDates(["03/01/19"], "mdy").order).toBe("mdy");
  });
  test("both orders: the majority wins, the column is mixed", () => {
    const plan = planDates(["13/01/19", "14/01/19", "01/13/19"], "mdy");
    expect(plan).toMatchObject({ order: "dmy", basis: "mixed", dayFirst: 2, monthFirst: 1 });
    expect(typeof readDate("01/13/19", plan)).toBe("object");
  });
  test("ISO dates and serials need no order; whole years are years", () => {
    expect(planDates(["2024-01-15", 45306], "mdy").basis).toBe("none");
    const years = planDates([2022, 2023, 2024], "mdy");
    expect(years.years).toBe(true);
    expect(readDate(2023, years)).toBe(d(2023, 1, 1));
  });
  test("Excel's short date pattern gives the workbook's order", () => {
    expect(orderOfPattern("M/d/yyyy")).toBe("mdy");
    expect(orderOfPattern("dd/MM/yyyy")).toBe("dmy");
    expect(orderOfPattern("d.M.yyyy")).toBe("dmy");
    expect(orderOfPattern("yyyy/M/d")).toBeUndefined();
  });
});

describe("functions and workflows read the same cells the same way", () => {
  const rows: unknown[][] = [
    ["Acme", "03/01/19", "1,200"],
    ["Beta", "13/01/19", 300],
    ["Acme", "2024-02", "(50)"],
    ["Gamma", 45306, "¥1,000"],
  ];
  test("day-first text, a period label, text numbers", () => {
    const fn = readTable("KAM.TEST", [
      { arg: "customers", kind: "label", value: rows.map((r) => [r[0]]) },
      { arg: "dates", kind: "date", value: rows.map((r) => [r[1]]) },
      { arg: "amounts", kind: "number", value: rows.map((r) => [r[2]]) },
    ] as const);
    const a = analyseSource([["Customer", "Date", "Amount"], ...rows], "accounts", { lang: "en" });
    expect(a.dataset?.numbers.date).toEqual(fn.columns[1]);
    expect(a.dataset?.numbers.amount).toEqual(fn.columns[2]);
    expect(fn.columns[1]).toEqual([d(2019, 1, 3), d(2019, 1, 13), d(2024, 2, 1), 45306]);
    expect(fn.columns[2]).toEqual([1200, 300, -50, 1000]);
    expect(a.dateOrder).toBe("dmy");
    expect(a.notes).toContain(
      'Dates in column B (Date) are read day first (D/M/Y): "13/01/19" shows it.'
    );
  });
  test("the user's order wins over the column's", () => {
    const a = analyseSource([["Customer", "Date", "Amount"], ...rows], "accounts", {
      lang: "en",
      dateOrder: "mdy",
    });
    expect(a.dataset?.numbers.date?.[0]).toBe(d(2019, 3, 1));
    expect(a.skipped.map((s) => s.reason)).toEqual(['Row 3 (B3, Date): "13/01/19" is not a date']);
  });
});

describe("rows of zeros (Excel desktop passes empty cells as 0)", () => {
  const col = (...v: unknown[]) => v.map((x) => [x]);
  test("an interior row of zeros in number columns is data", () => {
    const t = readTable("KAM.TEST", [{ arg: "x", kind: "number", value: col(0, 0, 9) }] as const);
    expect(t.columns[0]).toEqual([0, 0, 9]);
  });
  test("trailing zeros of an oversized range are padding", () => {
    const t = readTable("KAM.TEST", [
      { arg: "x", kind: "number", value: col(5, 0, 7, 0, 0) },
      { arg: "y", kind: "number", value: col(1, 0, 2, 0, null) },
    ] as const);
    expect(t.columns[0]).toEqual([5, 0, 7]);
    expect(t.positions).toEqual([0, 1, 2]);
  });
  test("with a date column, a row of zeros is an empty row (0 is no date)", () => {
    const t = readTable("KAM.TEST", [
      { arg: "customers", kind: "label", value: col("A", 0, "B") },
      { arg: "dates", kind: "date", value: col(45306, 0, 45307) },
      { arg: "amounts", kind: "number", value: col(1, 0, 2) },
    ] as const);
    expect(t.positions).toEqual([0, 2]);
  });
});

describe("columns found by meaning", () => {
  test("a CRM export: snake_case headers, open deals kept, Amount never a text column", () => {
    const a = analyseSource(
      [
        [...CRM_HEADER],
        [...CRM_FIRST_ROW],
        ["ZNBS69V1", "Anna Snelling", "MG Special", "", "Prospecting", "", "", ""],
        ["4HYM2CRG", "Darcel Schlecht", "GTX Pro", "Hottechi", "Engaging", "2017-10-30", "", ""],
      ],
      "pipeline",
      { lang: "en" }
    );
    expect(a.problems).toEqual([]);
    expect(a.mapping).toEqual({
      opportunity: 0,
      owner: 1,
      product: 2,
      customer: 3,
      stage: 4,
      // engage_date: when the deal entered the funnel (the pipeline's back-test reads it)
      created: 5,
      closeDate: 6,
      amount: 7,
    });
    expect(a.dataset?.rows).toBe(3);
    expect(a.dataset?.sparse?.amount).toEqual([1054, null, null]);
  });
  test("amount beats quantity; quantity × unit price when there is no amount", () => {
    const withAmount = analyseSource(
      [
        ["Order Date", "Quantity", "Sales"],
        ["2024-01-05", 3, 30],
      ],
      "forecast",
      { lang: "en" }
    );
    expect(withAmount.mapping.value).toBe(2);
    const lines = analyseSource(
      [
        ["InvoiceNo", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID"],
        ["536365", 6, "12/1/2010 8:26", 2.55, 17850],
        ["C536379", -1, "12/1/2010 9:41", 27.5, 14527],
      ],
      "accounts",
      { lang: "en" }
    );
    expect(lines.derived).toEqual({ role: "amount", quantity: 1, unitPrice: 3 });
    expect(lines.mapping.amount).toBeUndefined();
    expect(lines.dataset?.numbers.amount).toEqual([6 * 2.55, -27.5]);
    expect(lines.dataset?.addresses.amount).toBeUndefined();
    expect(lines.notes).toContain(
      "Amount = column B (Quantity) × column D (UnitPrice): the sheet has no amount column."
    );
  });
  test("a quantity alone is said to be units", () => {
    const a = analyseSource(
      [
        ["Month", "Quantity"],
        ["2024-01", 3],
        ["2024-02", 4],
      ],
      "forecast",
      { lang: "en" }
    );
    expect(a.mapping.value).toBe(1);
    expect(a.notes).toContain(
      "Value is read from column B (Quantity): quantities (units), not money. Choose an amount column if the sheet has one."
    );
  });
  test("two columns named alike: the choice is shown", () => {
    const a = analyseSource(
      [
        ["客户名称", "下单日期", "应收金额", "实收金额"],
        ["华为", "2024-01-05", 100, 90],
      ],
      "accounts",
      { lang: "zh" }
    );
    expect(a.choices).toEqual([{ role: "amount", chosen: 3, others: [2] }]);
  });
});
