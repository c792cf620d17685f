// Hand-built report sheets for the interop tests: the kinds of native formulas, values, formats, tables
// and conditional formats report builders write, laid out with the same SheetBuilder they use.

import { ReportSheet, ReportWorkbook } from "../../src/report/model";
import { SheetBuilder } from "../../src/report/sheet";

const CREATED = "2025-01-31T08:00:00.000Z";

/** Three accounts with dates, amounts and shares; formulas of many kinds refer to them. */
function accountsSheet(lang: "en" | "zh"): ReportSheet {
  const zh = lang === "zh";
  const b = new SheetBuilder("accounts", zh ? "KAM 客户" : "KAM Accounts", {
    lang,
    created: CREATED,
    source: "Orders!A1:C4",
  });
  b.title(zh ? "客户价值" : "Account value", zh ? "来源：Orders!A1:C4" : "Source: Orders!A1:C4");
  const names = zh
    ? ["=华东机电", "+北方重工", "@南方物流", "-西部能源"]
    : ["=Acme", "+Beta Ltd", "@Gamma", "-Delta & Co"];
  const amounts = [1234.5, 98765.4321, 0.1 + 0.2, 5e-7];
  const dates = [45292, 45351, 45412, 45657];
  const total = amounts.reduce((a, b) => a + b, 0);
  const table = b.table(
    "KAM_Accounts",
    [
      { header: zh ? "客户" : "Customer", total: { label: zh ? "合计" : "Total" } },
      { header: zh ? "最近日期" : "Last date", format: "date" },
      { header: zh ? "金额" : "Amount", format: "currency", total: "sum" },
      { header: zh ? "占比" : "Share", format: "percent", total: "sum" },
      { header: zh ? "等级" : "Class" },
      { header: zh ? "月末" : "Month end", format: "date" },
    ],
    names.map((n, i) => [n, dates[i], amounts[i], null, null, null]),
    {
      rowFormula: (p, r, i) => {
        const row = r + 1;
        const share = amounts[i] / total;
        return [
          names[i],
          dates[i],
          amounts[i],
          { formula: `=C${row}/SUM(${p.columnA1(2, true)})`, value: share },
          {
            formula: `=IF(C${row}>=1000,"${zh ? "重点" : "Key"}","${zh ? "一般" : "Other"}")`,
            value: amounts[i] >= 1000 ? (zh ? "重点" : "Key") : zh ? "一般" : "Other",
          },
          { formula: `=EOMONTH(B${row},0)`, value: monthEnd(dates[i]) },
        ];
      },
    }
  );
  const kv = b.keyValues([
    [zh ? "客户数" : "Accounts", 4, "integer"],
    [zh ? "合计" : "Total", { formula: `=SUM(${table.columnA1(2)})`, value: total }, "currency"],
    [
      zh ? "标准差" : "Std dev",
      { formula: `=STDEV.S(${table.columnA1(2)})`, value: stdev(amounts) },
      "number",
    ],
  ]);
  b.conditional({ kind: "dataBar", area: table.column(2), color: "#5B9BD5" });
  b.conditional({
    kind: "colorScale",
    area: table.column(3),
    min: "#F8696B",
    mid: "#FFEB84",
    max: "#63BE7B",
  });
  b.conditional({
    kind: "cellValue",
    area: table.column(2),
    operator: "greaterThan",
    values: ["1000"],
    style: { color: "#006100", fill: "#C6EFCE", bold: true },
  });
  b.conditional({
    kind: "textEquals",
    area: table.column(4),
    text: zh ? "重点" : "Key",
    style: { fill: "#FFC7CE" },
  });
  b.chart(
    {
      kind: "column",
      title: zh ? "各客户金额" : "Amount by account",
      series: [{ name: "Amount", categories: table.column(0), values: table.column(2) }],
    },
    table.area.row
  );
  b.section(zh ? "统计" : "Statistics");
  const stats = b.row;
  const c = table.columnA1(2);
  const sorted = [...amounts].sort((x, y) => x - y);
  b.put(stats, 0, [
    [
      "SUMPRODUCT",
      { formula: `=SUMPRODUCT(${c},${table.columnA1(3)})`, value: sumProduct(amounts, total) },
    ],
    ["COUNTIFS", { formula: `=COUNTIFS(${c},">1")`, value: amounts.filter((a) => a > 1).length }],
    [
      "SUMIFS",
      {
        formula: `=SUMIFS(${c},${table.columnA1(4)},"${zh ? "重点" : "Key"}")`,
        value: amounts.filter((a) => a >= 1000).reduce((a, x) => a + x, 0),
      },
    ],
    [
      "INDEX/MATCH",
      { formula: `=INDEX(${table.columnA1(0)},MATCH(MAX(${c}),${c},0))`, value: names[1] },
    ],
    ["MEDIAN", { formula: `=MEDIAN(${c})`, value: (sorted[1] + sorted[2]) / 2 }],
    ["ROUND", { formula: `=ROUND(B${kv[1] + 1}/3,2)`, value: Math.round((total / 3) * 100) / 100 }],
    ["IFERROR", { formula: `=IFERROR(1/0,0)`, value: 0 }],
    [
      "POWER",
      {
        formula: `=(C${table.firstRow + 2}/C${table.firstRow + 1})^(1/3)-1`,
        value: (amounts[1] / amounts[0]) ** (1 / 3) - 1,
      },
    ],
    ["DATE", { formula: "=DATE(2024,2,29)", value: 45351 }],
    ["TEXT", { formula: `=TEXT(B${table.firstRow + 1},"yyyy-mm")`, value: "2024-01" }],
  ]);
  b.format({ row: stats + 8, column: 1, rows: 1, columns: 1 }, { numberFormat: "date" });
  b.format({ row: stats + 7, column: 1, rows: 1, columns: 1 }, { numberFormat: "decimal4" });
  b.row = stats + 11;
  b.note(zh ? "=这行是文字，不是公式" : "=this line is text, not a formula");
  b.table("KAM_Empty", [{ header: "Nothing" }, { header: "Here" }], []);
  b.freeze(1);
  return b.build();
}

/** A second sheet whose formulas refer to the first one by its (quoted) name. */
function summarySheet(lang: "en" | "zh", first: ReportSheet): ReportSheet {
  const zh = lang === "zh";
  const b = new SheetBuilder("kpi", zh ? "KAM 指标" : "KAM KPIs", {
    lang,
    created: CREATED,
    source: first.name,
  });
  b.title(zh ? "指标" : "KPIs");
  const ref = `'${first.name}'!`;
  const totalCell = first.blocks
    .flatMap((bl) => bl.cells.map((r, i) => ({ r, row: bl.row + i })))
    .find((x) => typeof x.r[1] === "object" && x.r[1] !== null && "formula" in x.r[1]);
  const total =
    totalCell &&
    typeof totalCell.r[1] === "object" &&
    totalCell.r[1] !== null &&
    "value" in totalCell.r[1]
      ? Number(totalCell.r[1].value)
      : 0;
  b.table(
    "KAM_KPIs",
    [{ header: zh ? "指标" : "KPI" }, { header: zh ? "数值" : "Value", format: "number" }],
    [
      [
        zh ? "合计（引用）" : "Total (linked)",
        { formula: `=${ref}B${(totalCell?.row ?? 0) + 1}`, value: total },
      ],
      [zh ? "增长率" : "Growth", { formula: "=(121-100)/ABS(100)", value: 0.21 }],
      [zh ? "复合增长率" : "CAGR", { formula: "=(121/100)^(1/2)-1", value: 0.1 }],
    ]
  );
  b.format(
    { row: 4, column: 1, rows: 2, columns: 1 },
    { numberFormat: "percent", fill: "#DDEBF7" }
  );
  return b.build();
}

export function handBuiltWorkbook(lang: "en" | "zh"): ReportWorkbook {
  const first = accountsSheet(lang);
  return { sheets: [first, summarySheet(lang, first)] };
}

function stdev(xs: number[]): number {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

function sumProduct(amounts: number[], total: number): number {
  return amounts.reduce((a, x) => a + x * (x / total), 0);
}

/** Serial of the last day of a serial date's month (1900 system, dates after March 1900). */
function monthEnd(serial: number): number {
  const d = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  const end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0);
  return Math.round((end - Date.UTC(1899, 11, 30)) / 86_400_000);
}
