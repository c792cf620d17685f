// Strings of the source reader (src/report/source.ts) in en-US and zh-CN — role names, why a row is
// skipped, blocking problems, notes — and the header names (both languages) that identify a role.

import type { Role } from "../report/roles";

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

function rows(from: number, to: number): string {
  return from === to ? `Row ${from}` : `Rows ${from}–${to}`;
}

const en = {
  roles: {
    customer: "Customer",
    date: "Date",
    amount: "Amount",
    series: "Series",
    value: "Value",
    opportunity: "Opportunity",
    stage: "Stage",
    closeDate: "Close date",
    owner: "Owner",
    team: "Team",
    target: "Target",
    account: "Account",
    attractiveness: "Attractiveness",
    strength: "Strength",
    revenue: "Revenue",
    satisfaction: "Satisfaction",
    marketSize: "Market size",
    tier: "Tier",
    profit: "Profit",
    quantity: "Quantity",
    unitPrice: "Unit price",
    product: "Product",
    region: "Region",
  } as Record<Role, string>,
  /** Name of a column without a header. */
  column: (letter: string) => `Column ${letter}`,
  /** A column in a problem: "column C (Amount)". */
  columnRef: (letter: string, header: string) => `column ${letter} (${header})`,

  // Why a row is skipped. `row` is the sheet row, `cell` an address such as "C17".
  cellProblem: (row: number, cell: string, header: string, problem: string) =>
    `Row ${row} (${cell}, ${header}): ${problem}`,
  notNumber: (shown: string) => `${shown} is not a number`,
  notDate: (shown: string) => `${shown} is not a date`,
  errorValue: (code: string) => `the cell holds the error ${code}`,
  blank: (row: number, role: string, cell: string) =>
    `Row ${row}: no ${role.toLowerCase()} (${cell} is blank)`,
  totalsRow: (row: number, text: string) => `Row ${row}: totals row ("${text}")`,
  repeatedHeader: (row: number) => `Row ${row}: the header row again`,
  noValues: (row: number) => `Row ${row}: the series has no values`,

  // Blocking problems.
  empty: "There is no data: every cell is empty.",
  noRows: (headerRow: number) => `There are no data rows below the header (row ${headerRow}).`,
  noColumn: (role: string) => `No column is recognised as ${role}: choose it.`,
  sameColumn: (column: string, roles: string[]) =>
    `The same ${column} is chosen for ${roles.join(" and ")}; a column can play one role only.`,
  noSuchColumn: (role: string, index: number, columns: number) =>
    `The column chosen for ${role} (number ${index + 1}) is not in the data, which has ${count(columns, "column", "columns")}.`,
  noSuchHeaderRow: (row: number, first: number, last: number) =>
    `Row ${row} cannot be the header: the data covers rows ${first}–${last}.`,
  nothingKept: (n: number) =>
    `No row can be used: ${n === 1 ? "the only data row was" : `all ${n.toLocaleString("en-US")} data rows were`} skipped (see why below).`,
  noPeriods:
    "No header row with periods (such as 2024-01, Jan 2024, 2024Q1, 2024年1月 or years) was found above one series per row.",
  duplicatePeriod: (label: string, cells: string) =>
    `The period ${label} appears more than once in the header (${cells}).`,

  // Notes: not blocking, shown with the preview.
  aboveHeader: (from: number, to: number) =>
    `${rows(from, to)} above the header ${from === to ? "is" : "are"} not read (a title or notes).`,
  combinedHeader: (top: number, example: string) =>
    `The header spans rows ${top} and ${top + 1}; their names are combined${example ? ` (e.g. "${example}")` : ""}.`,
  noHeader:
    "No header row was found: the first row is data, and the columns are called Column A, Column B, ….",
  blankRows: (n: number) => `${count(n, "blank row is", "blank rows are")} left out.`,
  gaps: (n: number) =>
    `${count(n, "blank value", "blank values")} inside a series ${n === 1 ? "is" : "are"} kept as ${n === 1 ? "a missing period" : "missing periods"}.`,
  wide: (series: number, periods: number, first: string, last: string) =>
    `One series per row: ${count(series, "series", "series")} × ${count(periods, "period", "periods")} (${first} to ${last}), read as series, date and value.`,
  ignoredColumns: (names: string) => `Not read as periods: ${names}.`,
  sparseBlanks: (role: string, n: number) =>
    `${role} is blank in ${count(n, "row", "rows")}; ${n === 1 ? "that row is" : "those rows are"} used without it.`,
  /** The two date orders, as the preview's switch names them. */
  orderName: { mdy: "month first (M/D/Y)", dmy: "day first (D/M/Y)" } as Record<"mdy" | "dmy", string>,
  dateProven: (column: string, order: string, example: string) =>
    `Dates in ${column} are read ${order}: "${example}" shows it.`,
  dateAssumed: (column: string, order: string, n: number) =>
    `Dates in ${column} read either way (${count(n, "date has", "dates have")} a day of 12 or less): read ${order}, the workbook's order. Switch the order if that is wrong.`,
  dateMixed: (column: string, order: string, example: string, other: number) =>
    `Dates in ${column} mix both orders: read ${order} as most are ("${example}"); ${count(other, "date", "dates")} that only read the other way ${other === 1 ? "is" : "are"} skipped.`,
  dateForced: (column: string, order: string) => `Dates in ${column} are read ${order}, as chosen.`,
};

export type SourceStrings = {
  readonly [K in keyof typeof en]: (typeof en)[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : (typeof en)[K];
};

const zh: SourceStrings = {
  roles: {
    customer: "客户",
    date: "日期",
    amount: "金额",
    series: "序列",
    value: "数值",
    opportunity: "商机",
    stage: "阶段",
    closeDate: "预计成交日期",
    owner: "负责人",
    team: "团队",
    target: "目标",
    account: "客户",
    attractiveness: "市场吸引力",
    strength: "业务实力",
    revenue: "收入",
    satisfaction: "满意度",
    marketSize: "市场规模",
    tier: "客户等级",
    profit: "利润",
    quantity: "数量",
    unitPrice: "单价",
    product: "产品",
    region: "区域",
  },
  column: (letter: string) => `${letter} 列`,
  columnRef: (letter: string, header: string) => `${letter} 列（${header}）`,

  cellProblem: (row: number, cell: string, header: string, problem: string) =>
    `第 ${row} 行（${cell}，${header}）：${problem}`,
  notNumber: (shown: string) => `${shown} 不是数字`,
  notDate: (shown: string) => `${shown} 不是日期`,
  errorValue: (code: string) => `单元格为错误值 ${code}`,
  blank: (row: number, role: string, cell: string) => `第 ${row} 行：缺少${role}（${cell} 为空）`,
  totalsRow: (row: number, text: string) => `第 ${row} 行：合计行（"${text}"）`,
  repeatedHeader: (row: number) => `第 ${row} 行：重复的表头行`,
  noValues: (row: number) => `第 ${row} 行：该序列没有数值`,

  empty: "没有数据：所有单元格均为空。",
  noRows: (headerRow: number) => `表头（第 ${headerRow} 行）下方没有数据行。`,
  noColumn: (role: string) => `未识别出“${role}”列，请手动选择。`,
  sameColumn: (column: string, roles: string[]) =>
    `${column}同时被选为${roles.map((r) => `“${r}”`).join("和")}；一列只能对应一项。`,
  noSuchColumn: (role: string, index: number, columns: number) =>
    `为“${role}”选择的第 ${index + 1} 列不在数据中（数据共 ${columns} 列）。`,
  noSuchHeaderRow: (row: number, first: number, last: number) =>
    `第 ${row} 行不能作为表头：数据范围为第 ${first}–${last} 行。`,
  nothingKept: (n: number) =>
    n === 1
      ? "没有可用的行：唯一的数据行已被跳过（原因见下）。"
      : `没有可用的行：全部 ${n} 个数据行均被跳过（原因见下）。`,
  noPeriods:
    "未找到期间表头（如 2024-01、Jan 2024、2024Q1、2024年1月或年份），无法按“每行一个序列”读取。",
  duplicatePeriod: (label: string, cells: string) => `期间 ${label} 在表头中重复出现（${cells}）。`,

  aboveHeader: (from: number, to: number) =>
    from === to
      ? `表头上方的第 ${from} 行（标题或说明）不读取。`
      : `表头上方的第 ${from}–${to} 行（标题或说明）不读取。`,
  combinedHeader: (top: number, example: string) =>
    `表头占第 ${top}、${top + 1} 两行，列名已合并${example ? `（如"${example}"）` : ""}。`,
  noHeader: "未找到表头：第一行即为数据，各列称为 A 列、B 列……",
  blankRows: (n: number) => `已略过 ${n} 个空行。`,
  gaps: (n: number) => `序列中间的 ${n} 个空值按缺失期间处理。`,
  wide: (series: number, periods: number, first: string, last: string) =>
    `每行一个序列：${series} 个序列 × ${periods} 个期间（${first} 至 ${last}），已转换为序列、日期、数值。`,
  ignoredColumns: (names: string) => `未作为期间读取：${names}。`,
  sparseBlanks: (role: string, n: number) =>
    `有 ${n} 行的“${role}”为空；这些行照常使用，只是不含该项。`,
  orderName: { mdy: "月在前（月/日/年）", dmy: "日在前（日/月/年）" } as Record<"mdy" | "dmy", string>,
  dateProven: (column: string, order: string, example: string) =>
    `${column} 的日期按${order}读取：“${example}”可以证明。`,
  dateAssumed: (column: string, order: string, n: number) =>
    `${column} 的 ${n} 个日期两种读法都成立（日不超过 12）：已按工作簿的习惯${order}读取；如不对，请切换日期顺序。`,
  dateMixed: (column: string, order: string, example: string, other: number) =>
    `${column} 的日期混用了两种顺序：按多数${order}读取（如“${example}”）；只能按另一种顺序读取的 ${other} 个日期已跳过。`,
  dateForced: (column: string, order: string) => `${column} 的日期按所选的${order}读取。`,
};

export const SOURCE_STRINGS: Readonly<Record<"en" | "zh", SourceStrings>> = { en, zh };

/**
 * Header names that identify each role's column, English and Chinese. They are compared ignoring
 * case, spaces and punctuation ("Order-Date", "ORDER DATE" and "order date" are the same); a header
 * that starts or ends with one of them ("Amount (USD)", "本月销售额") matches less strongly.
 */
export const HEADER_SYNONYMS: Readonly<Record<Role, readonly string[]>> = {
  customer: [
    "customer",
    "client",
    "account",
    "account name",
    "customer name",
    "client name",
    "buyer",
    "company",
    "company name",
    "sold to",
    "客户",
    "客户名称",
    "客户名",
    "客户全称",
    "大客户",
    "单位",
    "单位名称",
    "公司",
    "公司名称",
    "购买方",
    "买方",
  ],
  date: [
    "date",
    "order date",
    "invoice date",
    "transaction date",
    "purchase date",
    "sale date",
    "day",
    "month",
    "week",
    "quarter",
    "year",
    "period",
    "日期",
    "订单日期",
    "下单日期",
    "开票日期",
    "交易日期",
    "销售日期",
    "月份",
    "月",
    "周",
    "季度",
    "年份",
    "年",
    "期间",
    "年月",
    "时间",
  ],
  amount: [
    "amount",
    "sales",
    "revenue",
    "value",
    "total",
    "net sales",
    "net amount",
    "sales amount",
    "order amount",
    "order value",
    "invoice amount",
    "金额",
    "销售额",
    "销售金额",
    "收入",
    "订单金额",
    "含税金额",
    "不含税金额",
    "实收金额",
    "合同金额",
    "价税合计",
  ],
  series: [
    "series",
    "product",
    "product name",
    "account",
    "sku",
    "item",
    "category",
    "产品",
    "产品名称",
    "系列",
    "品类",
    "品名",
    "型号",
    "物料",
  ],
  value: [
    "value",
    "sales",
    "quantity",
    "qty",
    "units",
    "volume",
    "demand",
    "amount",
    "销量",
    "数量",
    "销售额",
    "销售量",
    "需求",
    "金额",
  ],
  opportunity: [
    "opportunity",
    "opportunity name",
    "deal",
    "deal name",
    "商机",
    "商机名称",
    "项目",
    "项目名称",
  ],
  stage: [
    "stage",
    "sales stage",
    "deal stage",
    "opportunity stage",
    "pipeline stage",
    "阶段",
    "销售阶段",
    "商机阶段",
  ],
  closeDate: [
    "close date",
    "expected close",
    "expected close date",
    "closing date",
    "预计成交日期",
    "成交日期",
    "预计签约日期",
    "签约日期",
    "预计结单日期",
  ],
  owner: [
    "owner",
    "rep",
    "salesperson",
    "sales rep",
    "sales representative",
    "account manager",
    "key account manager",
    "kam",
    "负责人",
    "销售",
    "销售代表",
    "业务员",
    "销售员",
    "客户经理",
    "大客户经理",
  ],
  team: [
    "team",
    "territory",
    "department",
    "branch",
    "sales team",
    "manager",
    "regional office",
    "团队",
    "部门",
    "片区",
    "销售团队",
    "事业部",
  ],
  region: ["region", "area", "sales region", "区域", "大区", "地区", "销售区域"],
  profit: [
    "profit",
    "gross profit",
    "margin",
    "gross margin",
    "net profit",
    "contribution",
    "利润",
    "毛利",
    "毛利润",
    "毛利额",
    "利润额",
    "净利润",
  ],
  quantity: [
    "quantity",
    "qty",
    "units",
    "volume",
    "order quantity",
    "pieces",
    "数量",
    "销量",
    "件数",
    "订购数量",
    "销售数量",
  ],
  unitPrice: [
    "unit price",
    "price",
    "price each",
    "unit cost",
    "sales price",
    "list price",
    "单价",
    "价格",
    "售价",
    "销售单价",
  ],
  product: [
    "product",
    "product name",
    "product line",
    "sku",
    "item",
    "category",
    "sub category",
    "产品",
    "产品名称",
    "产品线",
    "品类",
    "商品",
    "商品名称",
  ],
  target: ["target", "quota", "goal", "目标", "指标", "销售目标", "任务"],
  account: [
    "account",
    "account name",
    "customer",
    "customer name",
    "client",
    "segment",
    "客户",
    "客户名称",
    "大客户",
    "细分市场",
  ],
  attractiveness: ["attractiveness", "market attractiveness", "吸引力", "市场吸引力"],
  strength: [
    "strength",
    "business strength",
    "competitive position",
    "competitive strength",
    "实力",
    "竞争地位",
    "业务实力",
    "竞争实力",
  ],
  revenue: ["revenue", "sales", "turnover", "收入", "销售额", "营业收入", "营收"],
  satisfaction: [
    "satisfaction",
    "csat",
    "nps",
    "score",
    "satisfaction score",
    "满意度",
    "客户满意度",
    "满意度评分",
    "评分",
  ],
  marketSize: [
    "market",
    "market size",
    "market volume",
    "市场规模",
    "市场容量",
    "市场总量",
    "市场",
  ],
  tier: [
    "tier",
    "level",
    "class",
    "grade",
    "customer tier",
    "customer level",
    "等级",
    "级别",
    "客户等级",
    "客户级别",
    "客户分级",
    "分级",
  ],
};

/** Cell texts that mark a totals row (compared ignoring case, spaces and punctuation). */
export const TOTAL_WORDS: readonly string[] = [
  "total",
  "totals",
  "grand total",
  "subtotal",
  "sub total",
  "sum",
  "合计",
  "总计",
  "小计",
  "总额",
  "共计",
  "总合计",
];
