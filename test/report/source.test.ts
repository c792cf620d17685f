// Tests of the source reader (src/report/source.ts): header and layout detection, role mapping,
// which rows are kept or skipped and why (en and zh), gaps, addresses, and speed on 200,000 rows.
/* global console, performance */

import { describe, test, expect } from "@jest/globals";
import { analyseSource, isDateFormat } from "../../src/report/source";
import { parsePeriod } from "../../src/cells/period";
import { serialFromYmd } from "../../src/engine/calendar";

const orders = { sheet: "Orders", row: 0, column: 0 };
const serial = (y: number, m: number, d: number) => serialFromYmd(y, m, d) as number;

/** An order list as people keep it: a title, a header over two rows (with merged cells), blank rows,
 *  numbers typed as text, an #N/A, an impossible date, a return, a row without customer, a total. */
const MESSY: unknown[][] = [
  ["Orders 2024 — key accounts", "", "", "", ""],
  ["", "", "", "", ""],
  ["Customer", "Order", "", "Amount", "Region"],
  ["", "Date", "No.", "", ""],
  ["Acme Ltd", 45306, "A-001", 1200, "North"],
  ["Beta GmbH", "2024-01-20", "A-002", "1,234.50", "South"],
  ["", "", "", "", ""],
  ["Gamma Co", "2024/2/3", "A-003", "¥1,200", "North"],
  ["Acme Ltd", 45330, "A-004", "(300)", "North"],
  ["Delta", "2024-02-30", "A-005", 500, "East"],
  ["Beta GmbH", 45340, "A-006", "#N/A", "South"],
  ["Acme Ltd", 45350, "A-007", -450, "North"],
  ["Epsilon", 45351, "A-008", "abc", "West"],
  ["  ", 45352, "A-009", 100, "West"],
  ["Zeta", 45353, "A-010", "$2,000", "West"],
  ["", "", "", "", ""],
  ["Total", "", "", 5000, ""],
  ["", "", "", "", ""],
];

describe("a messy order list", () => {
  const en = analyseSource(MESSY, "accounts", { lang: "en", origin: orders });
  const zh = analyseSource(MESSY, "accounts", { lang: "zh", origin: orders });

  test("the title is ignored and the two header rows are combined", () => {
    expect(en.headerRow).toBe(2);
    expect(en.dataRow).toBe(4);
    expect(en.layout).toBe("long");
    expect(en.headers).toEqual(["Customer", "Order Date", "Order No.", "Amount", "Region"]);
    expect(en.columns.map((c) => [c.letter, c.kind])).toEqual([
      ["A", "text"],
      ["B", "date"],
      ["C", "text"],
      ["D", "number"],
      ["E", "text"],
    ]);
    expect(en.columns[1].sample.slice(0, 2)).toEqual(["2024-01-15", "2024-01-20"]);
  });

  test("roles by header name", () => {
    expect(en.mapping).toEqual({ customer: 0, date: 1, amount: 3 });
    expect(en.matchedBy).toEqual({ customer: "header", date: "header", amount: "header" });
    expect(en.missing).toEqual([]);
    expect(en.problems).toEqual([]);
  });

  test("kept rows: text numbers read, the return kept", () => {
    expect(en.kept).toBe(6);
    expect(en.blankRows).toBe(3);
    expect(en.dataset).toEqual({
      workflow: "accounts",
      rows: 6,
      text: { customer: ["Acme Ltd", "Beta GmbH", "Gamma Co", "Acme Ltd", "Acme Ltd", "Zeta"] },
      numbers: {
        date: [45306, serial(2024, 1, 20), serial(2024, 2, 3), 45330, 45350, 45353],
        amount: [1200, 1234.5, 1200, -300, -450, 2000],
      },
      sheetRows: [5, 6, 8, 9, 12, 15],
      source: "Orders!A1:E18",
      addresses: { customer: "Orders!A5:A15", date: "Orders!B5:B15", amount: "Orders!D5:D15" },
    });
  });

  test("skipped rows and why, in English", () => {
    expect(en.skippedCount).toBe(5);
    expect(en.skipped).toEqual([
      { sheetRow: 10, reason: 'Row 10 (B10, Order Date): "2024-02-30" is not a date' },
      { sheetRow: 11, reason: "Row 11 (D11, Amount): the cell holds the error #N/A" },
      { sheetRow: 13, reason: 'Row 13 (D13, Amount): "abc" is not a number' },
      { sheetRow: 14, reason: "Row 14: no customer (A14 is blank)" },
      { sheetRow: 17, reason: 'Row 17: totals row ("Total")' },
    ]);
    expect(en.notes).toEqual([
      "Rows 1–2 above the header are not read (a title or notes).",
      'The header spans rows 3 and 4; their names are combined (e.g. "Order Date").',
      "3 blank rows are left out.",
    ]);
  });

  test("skipped rows and why, in Chinese", () => {
    expect(zh.dataset).toEqual(en.dataset);
    expect(zh.skipped).toEqual([
      { sheetRow: 10, reason: '第 10 行（B10，Order Date）："2024-02-30" 不是日期' },
      { sheetRow: 11, reason: "第 11 行（D11，Amount）：单元格为错误值 #N/A" },
      { sheetRow: 13, reason: '第 13 行（D13，Amount）："abc" 不是数字' },
      { sheetRow: 14, reason: "第 14 行：缺少客户（A14 为空）" },
      { sheetRow: 17, reason: '第 17 行：合计行（"Total"）' },
    ]);
    expect(zh.notes).toEqual([
      "表头上方的第 1–2 行（标题或说明）不读取。",
      '表头占第 3、4 两行，列名已合并（如"Order Date"）。',
      "已略过 3 个空行。",
    ]);
  });

  test("the origin moves addresses and row numbers", () => {
    const a = analyseSource(MESSY, "accounts", {
      lang: "en",
      origin: { sheet: "Q1 Orders", row: 4, column: 2 },
    });
    expect(a.skipped[0].reason).toBe('Row 14 (D14, Order Date): "2024-02-30" is not a date');
    expect(a.dataset?.sheetRows[0]).toBe(9);
    expect(a.dataset?.source).toBe("'Q1 Orders'!C5:G22");
    expect(a.dataset?.addresses.amount).toBe("'Q1 Orders'!F9:F19");
    expect(a.columns[0].letter).toBe("C");
  });

  test("maxIssues limits the described rows, not the count", () => {
    const a = analyseSource(MESSY, "accounts", { lang: "en", maxIssues: 2 });
    expect(a.skipped.map((s) => s.sheetRow)).toEqual([10, 11]);
    expect(a.skippedCount).toBe(5);
  });
});

describe("headers", () => {
  test("Chinese headers, Chinese totals rows", () => {
    const a = analyseSource(
      [
        ["客户名称", "订单日期", "销售金额", "备注"],
        ["华为", "2024年1月15日", "¥12,000", ""],
        ["腾讯", "2024/1/16", "8,000", "退货后"],
        ["百度", "2024-01-20", "一万", ""],
        ["阿里巴巴", 45310, "-500", ""],
        ["小计", "", 19500, ""],
        ["合计：", "", 19500, ""],
      ],
      "accounts",
      { lang: "zh", origin: { sheet: "订单", row: 0, column: 0 } }
    );
    expect(a.headerRow).toBe(0);
    expect(a.mapping).toEqual({ customer: 0, date: 1, amount: 2 });
    expect(a.dataset?.text.customer).toEqual(["华为", "腾讯", "阿里巴巴"]);
    expect(a.dataset?.numbers.amount).toEqual([12000, 8000, -500]);
    expect(a.dataset?.numbers.date).toEqual([45306, 45307, 45310]);
    expect(a.dataset?.addresses.customer).toBe("'订单'!A2:A5");
    expect(a.skipped).toEqual([
      { sheetRow: 4, reason: '第 4 行（C4，销售金额）："一万" 不是数字' },
      { sheetRow: 6, reason: '第 6 行：合计行（"小计"）' },
      { sheetRow: 7, reason: '第 7 行：合计行（"合计："）' },
    ]);
  });

  test("names match ignoring case, spaces, punctuation and width; units after a name", () => {
    const a = analyseSource(
      [
        ["CUSTOMER-NAME", "Invoice  Date", "Amount (USD)", "Sales Rep"],
        ["Acme", 45306, 10, "Li"],
      ],
      "accounts",
      { lang: "en" }
    );
    expect(a.mapping).toEqual({ customer: 0, date: 1, amount: 2 });
    // the rep column names an owner (another workflow's role): not taken for anything here
  });

  test("a parent spanning sub-columns: Sales over 2023 | 2024", () => {
    const a = analyseSource(
      [
        ["Customer", "Sales", ""],
        ["", 2023, 2024],
        ["Acme", 100, 120],
        ["Beta", 90, 80],
      ],
      "accounts",
      { lang: "en" }
    );
    expect(a.headerRow).toBe(0);
    expect(a.dataRow).toBe(2);
    expect(a.headers).toEqual(["Customer", "Sales 2023", "Sales 2024"]);
  });

  test("a units row under the names", () => {
    const a = analyseSource(
      [
        ["Customer", "Date", "Amount"],
        ["", "", "(USD)"],
        ["Acme", 45306, 100],
      ],
      "accounts",
      { lang: "en" }
    );
    expect(a.headers).toEqual(["Customer", "Date", "Amount (USD)"]);
    expect(a.dataset?.numbers.amount).toEqual([100]);
  });

  test("a title above a date column is not taken for the header", () => {
    const a = analyseSource(
      [
        ["Sales report", "", ""],
        ["Date", "Customer", "Amount"],
        [45306, "Acme", 1],
        [45307, "Beta", 2],
      ],
      "accounts",
      { lang: "en" }
    );
    expect(a.headerRow).toBe(1);
    expect(a.mapping).toEqual({ customer: 1, date: 0, amount: 2 });
  });

  test("key-value lines above the header are not the header", () => {
    const a = analyseSource(
      [
        ["Report date", 45473, ""],
        ["Currency", "CNY", ""],
        ["Customer", "Date", "Amount"],
        ["Acme", 45306, 1],
        ["Beta", 45307, 2],
      ],
      "accounts",
      { lang: "en" }
    );
    expect(a.headerRow).toBe(2);
    expect(a.headers).toEqual(["Customer", "Date", "Amount"]);
    expect(a.notes).toEqual(["Rows 1–2 above the header are not read (a title or notes)."]);
  });

  test("an all-text sheet: the header is found by its names", () => {
    const a = analyseSource(
      [
        ["Opportunity", "Stage"],
        ["Big deal", "Proposal"],
      ],
      "pipeline",
      { lang: "en" }
    );
    expect(a.headerRow).toBe(0);
    expect(a.missing).toEqual(["amount", "closeDate"]);
    expect(a.problems).toEqual([
      "No column is recognised as Amount: choose it.",
      "No column is recognised as Close date: choose it.",
    ]);
    expect(a.dataset).toBeUndefined();
  });

  test("no header: columns by content, messages name the role", () => {
    const values = [
      ["Acme", 45306, 100],
      ["Beta", "2024-01-16", "200"],
      ["Gamma", "soon", 5],
      ["Acme", 45310, -50],
    ];
    const a = analyseSource(values, "accounts", { lang: "en" });
    expect(a.headerRow).toBeNull();
    expect(a.dataRow).toBe(0);
    expect(a.headers).toEqual(["Column A", "Column B", "Column C"]);
    expect(a.columns.map((c) => c.kind)).toEqual(["text", "date", "number"]);
    expect(a.mapping).toEqual({ customer: 0, date: 1, amount: 2 });
    expect(a.matchedBy).toEqual({ customer: "content", date: "content", amount: "content" });
    expect(a.skipped).toEqual([{ sheetRow: 3, reason: 'Row 3 (B3, Date): "soon" is not a date' }]);
    expect(a.dataset?.numbers.amount).toEqual([100, 200, -50]);
    expect(a.notes).toEqual([
      "No header row was found: the first row is data, and the columns are called Column A, Column B, ….",
    ]);
    const zh = analyseSource(values, "accounts", { lang: "zh" });
    expect(zh.headers).toEqual(["A 列", "B 列", "C 列"]);
    expect(zh.skipped[0].reason).toBe('第 3 行（B3，日期）："soon" 不是日期');
  });

  test("number formats tell date serials from numbers", () => {
    const values = [
      ["Customer", "When", "Net"],
      ["Acme", 45306, 45000],
      ["Beta", 45307, 46000],
    ];
    const formats = [
      ["General", "General", "General"],
      ["General", "yyyy-mm-dd", "#,##0"],
      ["General", "yyyy-mm-dd", "#,##0"],
    ];
    // without formats, whole numbers that are 2023 dates look like dates
    const without = analyseSource(values, "accounts", { lang: "en" });
    expect(without.columns.map((c) => c.kind)).toEqual(["text", "date", "date"]);
    expect(without.missing).toEqual(["amount"]);
    const a = analyseSource(values, "accounts", { lang: "en", formats });
    expect(a.columns.map((c) => c.kind)).toEqual(["text", "date", "number"]);
    expect(a.mapping).toEqual({ customer: 0, date: 1, amount: 2 });
    expect(a.matchedBy).toEqual({ customer: "header", date: "content", amount: "content" });
    expect(isDateFormat('yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat("[$-804]mmm-yy")).toBe(true);
    expect(isDateFormat("h:mm")).toBe(false);
    expect(isDateFormat("#,##0.00")).toBe(false);
    expect(isDateFormat("General")).toBe(false);
  });

  test("a header repeated inside the data is skipped", () => {
    const a = analyseSource(
      [
        ["Customer", "Date", "Amount"],
        ["Acme", 45306, 1],
        ["Customer", "Date", "Amount"],
        ["Beta", 45307, 2],
      ],
      "accounts",
      { lang: "en" }
    );
    expect(a.kept).toBe(2);
    expect(a.skipped).toEqual([{ sheetRow: 3, reason: "Row 3: the header row again" }]);
  });

  test("date cells given as Date objects (a file read by ExcelJS)", () => {
    const a = analyseSource(
      [
        ["Customer", "Date", "Amount"],
        ["Acme", new Date(Date.UTC(2024, 0, 15)), 1],
      ],
      "accounts",
      { lang: "en" }
    );
    expect(a.columns[1].kind).toBe("date");
    expect(a.dataset?.numbers.date).toEqual([45306]);
  });
});

describe("user overrides", () => {
  const values = [
    ["Customer", "Ship Date", "Order Date", "Amount", "Amount incl. VAT"],
    ["Acme", 45310, 45306, 100, 119],
    ["Beta", 45311, 45307, 200, 238],
  ];

  test("detected first, then overridden", () => {
    const auto = analyseSource(values, "accounts", { lang: "en" });
    expect(auto.mapping).toEqual({ customer: 0, date: 2, amount: 3 });
    const a = analyseSource(values, "accounts", { lang: "en", mapping: { date: 1, amount: 4 } });
    expect(a.mapping).toEqual({ customer: 0, date: 1, amount: 4 });
    expect(a.matchedBy).toEqual({ customer: "header", date: "user", amount: "user" });
    expect(a.dataset?.numbers.date).toEqual([45310, 45311]);
    expect(a.dataset?.numbers.amount).toEqual([119, 238]);
    expect(a.dataset?.addresses.amount).toBe("E2:E3");
  });

  test("null: a required role not used is missing", () => {
    const a = analyseSource(values, "accounts", { lang: "en", mapping: { amount: null } });
    expect(a.missing).toEqual(["amount"]);
    expect(a.problems).toEqual(["No column is recognised as Amount: choose it."]);
    expect(a.dataset).toBeUndefined();
    expect(a.kept).toBe(2); // the preview still reads the mapped columns
  });

  test("the same column for two roles is refused", () => {
    const a = analyseSource(values, "accounts", {
      lang: "en",
      mapping: { customer: 0, amount: 0 },
    });
    expect(a.problems).toEqual([
      "The same column A (Customer) is chosen for Customer and Amount; a column can play one role only.",
    ]);
    expect(a.missing).toEqual(["amount"]);
    expect(a.dataset).toBeUndefined();
    const zh = analyseSource(values, "accounts", {
      lang: "zh",
      mapping: { customer: 0, amount: 0 },
    });
    expect(zh.problems).toEqual(["A 列（Customer）同时被选为“客户”和“金额”；一列只能对应一项。"]);
  });

  test("a column that is not there", () => {
    const a = analyseSource(values, "accounts", { lang: "en", mapping: { amount: 9 } });
    expect(a.problems).toEqual([
      "The column chosen for Amount (number 10) is not in the data, which has 5 columns.",
    ]);
  });

  test("header row override: null reads every row as data", () => {
    const a = analyseSource(values, "accounts", {
      lang: "en",
      headerRow: null,
      mapping: { customer: 0, date: 2, amount: 3 },
    });
    expect(a.headerRow).toBeNull();
    expect(a.skipped).toEqual([
      { sheetRow: 1, reason: 'Row 1 (C1, Date): "Order Date" is not a date' },
    ]);
    expect(a.kept).toBe(2);
  });

  test("header row override: a row further down", () => {
    const a = analyseSource(
      [["Customer", "Date", "Amount"], ...values.slice(1), ["x", "y", "z"]],
      "accounts",
      { lang: "en", headerRow: 3 }
    );
    expect(a.headerRow).toBe(3);
    expect(a.dataRow).toBe(4);
    expect(a.problems).toEqual(["There are no data rows below the header (row 4)."]);
    const out = analyseSource(values, "accounts", { lang: "en", headerRow: 7 });
    expect(out.problems).toEqual(["Row 8 cannot be the header: the data covers rows 1–3."]);
  });
});

describe("forecast", () => {
  const JAN = 45292;
  const FEB = 45323;
  const MAR = 45352;
  const APR = 45383;
  const MAY = 45413;

  test("wide: one series per row, gaps kept, a Total column and row left out", () => {
    const values = [
      ["Monthly units", "", "", "", "", "", ""],
      ["Product", "2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "Total"],
      ["Widget", 10, "", 12, 13, "", 35],
      ["Gadget", "", 5, 6, "", 8, 19],
      ["Bolt", 1, "x", 3, 4, 5, 13],
      ["", "", "", "", "", "", ""],
      ["Nut", "", "", "", "", "", ""],
      ["Total", 11, 5, 18, 13, 8, 55],
    ];
    const a = analyseSource(values, "forecast", {
      lang: "en",
      origin: { sheet: "Plan", row: 0, column: 0 },
    });
    expect(a.layout).toBe("wide");
    expect(a.headerRow).toBe(1);
    expect(a.periods).toEqual([
      { column: 1, label: "2024-01", date: JAN },
      { column: 2, label: "2024-02", date: FEB },
      { column: 3, label: "2024-03", date: MAR },
      { column: 4, label: "2024-04", date: APR },
      { column: 5, label: "2024-05", date: MAY },
    ]);
    expect(a.mapping).toEqual({ series: 0 });
    expect(a.kept).toBe(2);
    expect(a.gapCount).toBe(2);
    expect(a.skipped).toEqual([
      { sheetRow: 5, reason: 'Row 5 (C5, 2024-02): "x" is not a number' },
      { sheetRow: 7, reason: "Row 7: the series has no values" },
      { sheetRow: 8, reason: 'Row 8: totals row ("Total")' },
    ]);
    expect(a.dataset).toEqual({
      workflow: "forecast",
      rows: 6,
      text: { series: ["Widget", "Widget", "Widget", "Gadget", "Gadget", "Gadget"] },
      numbers: { date: [JAN, MAR, APR, FEB, MAR, MAY], value: [10, 12, 13, 5, 6, 8] },
      sheetRows: [3, 3, 3, 4, 4, 4],
      source: "Plan!A1:G8",
      addresses: { series: "Plan!A3:A4", date: "Plan!B2:F2", value: "Plan!B3:F4" },
      gaps: [
        { series: "Widget", date: FEB, before: 1 },
        { series: "Gadget", date: APR, before: 5 },
      ],
    });
    expect(a.notes).toEqual([
      "Row 1 above the header is not read (a title or notes).",
      "Not read as periods: column G (Total).",
      "One series per row: 2 series × 5 periods (2024-01 to 2024-05), read as series, date and value.",
      "1 blank row is left out.",
      "2 blank values inside a series are kept as missing periods.",
    ]);
    const zh = analyseSource(values, "forecast", { lang: "zh" });
    expect(zh.skipped[0].reason).toBe('第 5 行（C5，2024-02）："x" 不是数字');
    expect(zh.notes).toContain(
      "每行一个序列：2 个序列 × 5 个期间（2024-01 至 2024-05），已转换为序列、日期、数值。"
    );
    expect(zh.notes).toContain("序列中间的 2 个空值按缺失期间处理。");
  });

  test("wide headers: years, Chinese months, quarters, date cells", () => {
    const years = analyseSource(
      [
        ["Account", 2019, 2020, 2021],
        ["A", 1, 2, 3],
      ],
      "forecast",
      { lang: "en" }
    );
    expect(years.layout).toBe("wide");
    expect(years.periods.map((p) => p.label)).toEqual(["2019", "2020", "2021"]);
    expect(years.dataset?.numbers.date).toEqual([
      serial(2019, 1, 1),
      serial(2020, 1, 1),
      serial(2021, 1, 1),
    ]);

    const cn = analyseSource(
      [
        ["产品", "区域", "2024年1月", "2024年2月"],
        ["甲", "华东", 1, 2],
      ],
      "forecast",
      { lang: "zh" }
    );
    expect(cn.layout).toBe("wide");
    expect(cn.dataset?.text.series).toEqual(["甲 / 华东", "甲 / 华东"]);
    expect(cn.dataset?.numbers.date).toEqual([JAN, FEB]);

    const quarters = analyseSource(
      [
        ["SKU", "2024Q1", "2024 Q2", "Q3 2024"],
        ["S1", 1, 2, 3],
      ],
      "forecast",
      { lang: "en" }
    );
    expect(quarters.dataset?.numbers.date).toEqual([JAN, APR, serial(2024, 7, 1)]);

    const cells = analyseSource(
      [
        ["Product", new Date(Date.UTC(2024, 0, 1)), new Date(Date.UTC(2024, 1, 1))],
        ["X", 1, 2],
      ],
      "forecast",
      { lang: "en" }
    );
    expect(cells.periods.map((p) => [p.label, p.date])).toEqual([
      ["2024-01-01", JAN],
      ["2024-02-01", FEB],
    ]);

    const long = analyseSource(
      [
        ["Account", 2019, 2020, 2021],
        ["A", 1, 2, 3],
      ],
      "forecast",
      { lang: "en", layout: "long" }
    );
    expect(long.layout).toBe("long");

    const none = analyseSource(
      [
        ["Month", "Units"],
        ["2024-01", 1],
      ],
      "forecast",
      {
        lang: "en",
        layout: "wide",
      }
    );
    expect(none.problems).toEqual([
      "No header row with periods (such as 2024-01, Jan 2024, 2024Q1, 2024年1月 or years) was found above one series per row.",
    ]);
  });

  test("wide: a period twice in the header is a problem", () => {
    const a = analyseSource(
      [
        ["Product", "2024-01", "Jan 2024"],
        ["X", 1, 2],
      ],
      "forecast",
      { lang: "en" }
    );
    expect(a.problems).toEqual([
      "The period Jan 2024 appears more than once in the header (B1, C1).",
    ]);
    expect(a.dataset).toBeUndefined();
  });

  test("long: series, month labels, a gap inside, blanks outside skipped", () => {
    const a = analyseSource(
      [
        ["Month", "Product", "Units"],
        ["2024-01", "A", 10],
        ["2024-02", "A", ""],
        ["2024-03", "A", 12],
        ["2024-04", "A", ""],
        ["2024-01", "B", ""],
        ["2024-02", "B", 7],
        ["2024-03", "B", 8],
        ["", "B", 9],
      ],
      "forecast",
      { lang: "en" }
    );
    expect(a.layout).toBe("long");
    expect(a.mapping).toEqual({ date: 0, series: 1, value: 2 });
    expect(a.matchedBy).toEqual({ date: "header", series: "header", value: "header" });
    expect(a.dataset?.text.series).toEqual(["A", "A", "B", "B"]);
    expect(a.dataset?.numbers.date).toEqual([JAN, MAR, FEB, MAR]);
    expect(a.dataset?.numbers.value).toEqual([10, 12, 7, 8]);
    expect(a.dataset?.gaps).toEqual([{ series: "A", date: FEB }]);
    expect(a.skipped).toEqual([
      { sheetRow: 5, reason: "Row 5: no value (C5 is blank)" },
      { sheetRow: 6, reason: "Row 6: no value (C6 is blank)" },
      { sheetRow: 9, reason: "Row 9: no date (A9 is blank)" },
    ]);
    expect(a.skippedCount).toBe(3);
  });

  test("one column of values: a blank row inside is a gap, blanks after it are not", () => {
    const a = analyseSource([["Sales"], [10], [""], [12], [13], [""], [null]], "forecast", {
      lang: "en",
    });
    expect(a.mapping).toEqual({ value: 0 });
    expect(a.dataset?.numbers.value).toEqual([10, 12, 13]);
    expect(a.dataset?.gaps).toEqual([{ series: "", before: 1 }]);
    expect(a.blankRows).toBe(2);
    expect(a.skipped).toEqual([]);
  });

  test("no header: series, date and value by content", () => {
    const a = analyseSource(
      [
        ["A", 45292, 10],
        ["A", 45323, 11],
        ["B", 45292, 3],
      ],
      "forecast",
      { lang: "en" }
    );
    expect(a.mapping).toEqual({ date: 1, value: 2, series: 0 });
    expect(a.dataset?.text.series).toEqual(["A", "A", "B"]);
  });
});

describe("pipeline, portfolio, kpi", () => {
  test("a pipeline sheet", () => {
    const a = analyseSource(
      [
        ["Opportunity", "Account", "Owner", "Created Date", "Amount", "Stage", "Close Date"],
        ["ERP rollout", "Acme", "Li", 45200, "50,000", "Proposal", "2024-06-30"],
        ["Renewal", "Beta", "", 45210, 12000, "50%", 45400],
        ["Upsell", "Gamma", "Wang", 45220, 8000, "Won", ""],
        ["Pilot", "Delta", "Li", 45230, 3000, "", 45420],
      ],
      "pipeline",
      { lang: "en", origin: { sheet: "Pipeline", row: 0, column: 0 } }
    );
    expect(a.mapping).toEqual({
      opportunity: 0,
      customer: 1,
      owner: 2,
      created: 3,
      amount: 4,
      stage: 5,
      closeDate: 6,
    });
    // an opportunity without a close date (or amount) is kept, with null: CRM exports leave both
    // blank on open deals
    expect(a.dataset?.text).toEqual({
      opportunity: ["ERP rollout", "Renewal", "Upsell"],
      customer: ["Acme", "Beta", "Gamma"],
      owner: ["Li", "", "Wang"],
      stage: ["Proposal", "50%", "Won"],
    });
    expect(a.dataset?.numbers).toEqual({});
    expect(a.dataset?.sparse).toEqual({
      amount: [50000, 12000, 8000],
      closeDate: [serial(2024, 6, 30), 45400, null],
      created: [45200, 45210, 45220],
    });
    expect(a.notes).toContain("Close date is blank in 1 row; that row is used without it.");
    expect(a.skipped).toEqual([{ sheetRow: 5, reason: "Row 5: no stage (F5 is blank)" }]);
    const zh = analyseSource(
      [
        ["商机名称", "客户", "负责人", "预计金额", "销售阶段", "预计成交日期"],
        ["ERP 项目", "华为", "李", 50000, "方案阶段", "2024年6月30日"],
        ["续约", "腾讯", "王", 12000, "商务谈判", ""],
      ],
      "pipeline",
      { lang: "zh" }
    );
    expect(zh.mapping).toEqual({
      opportunity: 0,
      customer: 1,
      owner: 2,
      amount: 3,
      stage: 4,
      closeDate: 5,
    });
    expect(zh.skipped).toEqual([]);
    expect(zh.dataset?.sparse?.closeDate).toEqual([serial(2024, 6, 30), null]);
  });

  test("a portfolio sheet, English and Chinese", () => {
    const a = analyseSource(
      [
        ["Segment", "Market attractiveness", "Business strength", "Revenue (¥m)"],
        ["Retail", 7.5, 6, 120],
        ["Energy", 4, 8, 300],
      ],
      "portfolio",
      { lang: "en" }
    );
    expect(a.mapping).toEqual({ account: 0, attractiveness: 1, strength: 2, revenue: 3 });
    expect(a.dataset?.numbers).toEqual({
      attractiveness: [7.5, 4],
      strength: [6, 8],
      revenue: [120, 300],
    });
    const zh = analyseSource(
      [
        ["客户", "市场吸引力", "竞争地位", "销售额"],
        ["甲", 7, 6, 120],
      ],
      "portfolio",
      { lang: "zh" }
    );
    expect(zh.mapping).toEqual({ account: 0, attractiveness: 1, strength: 2, revenue: 3 });
  });

  test("kpi: a blank optional score keeps the row, as null in sparse", () => {
    const a = analyseSource(
      [
        ["Customer", "Date", "Amount", "Tier", "CSAT"],
        ["Acme", 45306, 100, "Key", 9],
        ["Beta", 45307, 200, "", ""],
        ["Gamma", 45308, 300, "Core", "7"],
      ],
      "kpi",
      { lang: "en" }
    );
    expect(a.mapping).toEqual({ customer: 0, date: 1, amount: 2, tier: 3, satisfaction: 4 });
    expect(a.kept).toBe(3);
    expect(a.dataset?.text.tier).toEqual(["Key", "", "Core"]);
    expect(a.dataset?.sparse).toEqual({ satisfaction: [9, null, 7] });
    expect(a.dataset?.numbers.satisfaction).toBeUndefined();
    expect(a.notes).toEqual(["Satisfaction is blank in 1 row; that row is used without it."]);
  });

  test("plan: optional roles are taken by name only", () => {
    const a = analyseSource(
      [
        ["Team", "Notes", "Date", "Amount"],
        ["North", "x", 45306, 1],
      ],
      "plan",
      { lang: "en" }
    );
    expect(a.mapping).toEqual({ team: 0, date: 2, amount: 3 });
  });
});

describe("edge cases", () => {
  test("nothing to read", () => {
    expect(analyseSource([], "accounts", { lang: "en" }).problems).toEqual([
      "There is no data: every cell is empty.",
    ]);
    expect(analyseSource([["", " "], [null]], "accounts", { lang: "zh" }).problems).toEqual([
      "没有数据：所有单元格均为空。",
    ]);
  });

  test("every row skipped is a problem", () => {
    const a = analyseSource(
      [
        ["Customer", "Date", "Amount"],
        ["Acme", 45306, "n/a"],
        ["Beta", 45307, "n/a"],
      ],
      "accounts",
      { lang: "en" }
    );
    // a number role never takes a column of text, and says why
    expect(a.problems).toEqual([
      'Column C (Amount) is named like Amount but holds text (e.g. "n/a"), not numbers: choose the column with the amount.',
    ]);
    expect(a.dataset).toBeUndefined();
    const b = analyseSource(
      [
        ["Customer", "Date", "Amount"],
        ["Acme", 45306, "n/a"],
        ["Beta", 45307, "n/a"],
      ],
      "accounts",
      { lang: "en", mapping: { amount: 2 } }
    );
    expect(b.problems).toEqual([
      "No row can be used: all 2 data rows were skipped (see why below).",
    ]);
  });

  test("period labels", () => {
    const cases: [string, string, number][] = [
      ["2024-01", "month", serial(2024, 1, 1)],
      ["2024/3", "month", serial(2024, 3, 1)],
      ["2024年1月", "month", serial(2024, 1, 1)],
      ["Jan 2024", "month", serial(2024, 1, 1)],
      ["September-24", "month", serial(2024, 9, 1)],
      ["2024 Dec", "month", serial(2024, 12, 1)],
      ["2024Q1", "quarter", serial(2024, 1, 1)],
      ["2024-Q3", "quarter", serial(2024, 7, 1)],
      ["Q4 2024", "quarter", serial(2024, 10, 1)],
      ["2024年第2季度", "quarter", serial(2024, 4, 1)],
      ["2024年三季度", "quarter", serial(2024, 7, 1)],
      ["2024", "year", serial(2024, 1, 1)],
      ["２０２４年", "year", serial(2024, 1, 1)],
    ];
    for (const [text, grain, date] of cases)
      expect([text, parsePeriod(text)]).toEqual([text, { serial: date, grain }]);
    for (const text of ["2024-13", "Foo 2024", "Q5 2024", "1800", "abc"])
      expect(parsePeriod(text)).toBeUndefined();
  });
});

describe("speed", () => {
  test("200,000 rows in one pass", () => {
    const rows = 200_000;
    const values: unknown[][] = [["Customer", "Order Date", "Amount", "Region"]];
    for (let i = 0; i < rows; i++) {
      const day = 45000 + (i % 700);
      values.push([
        `Customer ${i % 5000}`,
        i % 3 === 0 ? `2024-${String(1 + (i % 12)).padStart(2, "0")}-15` : day,
        i % 4 === 0 ? `${(i % 9000).toLocaleString("en-US")}.50` : (i % 7000) - 100,
        i % 2 === 0 ? "North" : "South",
      ]);
      if (i % 1000 === 999) values.push(["", "", "", ""]);
      if (i % 2000 === 1999) values.push([`Customer ${i}`, 45000, "abc", "North"]);
    }
    values.push(["Total", "", 123, ""]);
    const start = performance.now();
    const a = analyseSource(values, "accounts", { lang: "en", origin: orders });
    const ms = performance.now() - start;
    // A timing printout, not an assertion: the machine is shared.
    console.log(
      `analyseSource: ${values.length.toLocaleString("en-US")} rows × 4 columns in ${ms.toFixed(0)} ms`
    );
    expect(a.kept).toBe(rows);
    expect(a.blankRows).toBe(200);
    expect(a.skippedCount).toBe(101);
    expect(a.skipped).toHaveLength(101);
    expect(a.dataset?.rows).toBe(rows);
    const few = analyseSource(values, "accounts", { lang: "en", maxIssues: 10 });
    expect(few.skipped).toHaveLength(10);
    expect(few.skippedCount).toBe(101);
  });
});

describe("a header that only contains a role's name", () => {
  // The account master of the CRM corpus (test/fixtures/real/crm-sales-opportunities/accounts.csv):
  // its founding year is no order date, so no order-list workflow may read it as one.
  test("year_established / 成立年份 is not a date", () => {
    const en = analyseSource(
      [
        ["account", "sector", "year_established", "revenue"],
        ["Acme Corporation", "technolgy", 1996, 1100.04],
        ["Betasoloin", "medical", 1999, 251.41],
      ],
      "accounts",
      { lang: "en" }
    );
    expect(en.matchedBy.date).not.toBe("header");
    expect(en.mapping.amount).toBe(3);
    const zh = analyseSource(
      [
        ["客户名称", "成立年份", "销售额"],
        ["甲公司", 1996, 1100],
        ["乙公司", 1999, 251],
      ],
      "kpi",
      { lang: "zh" }
    );
    expect(zh.matchedBy.date).not.toBe("header");
    // An order year is still a date by its header.
    const orders = analyseSource(
      [
        ["客户名称", "年份", "销售额"],
        ["甲公司", 2023, 1100],
        ["乙公司", 2024, 251],
      ],
      "kpi",
      { lang: "zh" }
    );
    expect(orders.mapping.date).toBe(1);
    expect(orders.matchedBy.date).toBe("header");
  });
});
