// Text of the plan report sheet (src/report/plan.ts): targets, phasing, budget, gap and the T+3
// key-account marketing plan template, in en-US and zh-CN (zh typed from en: a missing key fails).

import { ReportLabels } from "./report.forecast";
import { Lang } from "./lang";

const en = {
  sheetName: "KAM Plan",
  title: (year: number) => `Targets and budget ${year}`,
  subtitle: (source: string, created: string) =>
    `${source ? `Source: ${source} · ` : ""}Created ${created} · KAM Analytics`,
  inputsNote:
    "Yellow cells are yours to fill in or change; the formulas that use them follow. The targets, their split and phasing are computed for the assumptions below: run the workflow again after changing the growth or the target.",
  units: {
    team: "Team",
    owner: "Owner",
    region: "Region",
    customer: "Customer",
    abc: "ABC class",
    company: "Company",
  },
  /** The units as a noun inside a sentence ("Target by region"). */
  unitNouns: {
    team: "team",
    owner: "owner",
    region: "region",
    customer: "customer",
    abc: "ABC class",
    company: "company",
  },
  /** An ABC class as a unit of the split: "A (37 customers)". */
  abcUnit: (abc: string, customers: number) =>
    `${abc} (${customers.toLocaleString("en-US")} customer${customers === 1 ? "" : "s"})`,
  company: "Whole company",
  blank: "(blank)",
  total: "Total",
  none: "none",
  sections: {
    assumptions: "Assumptions",
    split: (unit: string) => `1. Target by ${unit}`,
    matrix: (unit: string) => `2. Target by ${unit} and month`,
    phasing: "3. Monthly phasing",
    budget: (year: number) => `4. Budget ${year}`,
    gap: (year: number) => `5. Gap to target ${year}`,
    plan: (from: number, to: number) => `6. Key-account marketing plan ${from}–${to} (T+3)`,
    mission: "6.1 Mission / purpose statement",
    financial: "6.2 Financial analysis: sales by year",
    accounts: "6.3 Account overview: the largest accounts",
    factors: "6.4 Critical success factors",
    portfolio: "6.5 Portfolio summary",
    planAssumptions: "6.6 Assumptions",
    objectives: "6.7 Objectives and strategies (next three years)",
    planBudget: "6.8 Budget",
    notes: "Notes",
  },
  key: {
    planYear: "Plan year",
    baseYear: "Basis: last full year",
    baseSales: (year: number) => `Sales ${year}`,
    growth: "Growth assumption",
    target: (year: number) => `Annual target ${year}`,
    unit: "Rounding unit",
    pattern: "Seasonal pattern from",
    patternYears: (from: number, to: number, n: number) =>
      from === to ? `${from} (1 year)` : `${from}–${to} (${n} years)`,
    rate: (name: string) => `Cost rate: ${name}`,
    fixed: "Fixed costs per month",
    gapTarget: (year: number) => `Target ${year}`,
    actual: (to: string) => `Sales to date (to ${to})`,
    targetToDate: (months: number) => `Target to date (${months} month${months === 1 ? "" : "s"})`,
    attainment: "Attainment",
    gap: "Gap to target",
    monthsLeft: "Months left",
    runRate: "Run rate needed per month",
    accountsBase: (year: number) => `Accounts with sales in ${year}`,
    accountsBefore: (year: number) => `Accounts with sales in ${year}`,
    newAccounts: (year: number) => `New accounts in ${year}`,
    lostAccounts: (year: number) => `Accounts lost in ${year}`,
    topShare: (year: number) => `Share of ${year} sales of the top 20% of accounts`,
    comment: "Comment",
    market: "Market (growth, trends)",
    prices: "Prices and costs",
    competition: "Competition",
    revenue: "Revenue",
    totalCosts: "Total costs",
    profit: "Profit",
    margin: "Margin",
    resources: "Resources needed (people, marketing)",
  },
  headers: {
    sales: (year: number) => `Sales ${year}`,
    salesPlain: "Sales",
    share: "Share",
    target: (year: number) => `Target ${year}`,
    growth: "Growth",
    change: (year: number) => `Change vs ${year}`,
    month: "Month",
    seasonalShare: "Seasonal share",
    revenue: "Revenue",
    variable: "Variable costs",
    fixed: "Fixed costs",
    totalCosts: "Total costs",
    profit: "Profit",
    margin: "Margin",
    year: "Year",
    note: "Note",
    rank: "Rank",
    account: "Account",
    cumulative: "Cumulative share",
    factor: "Critical success factor",
    weight: "Weight",
    ours: "Our score (0–10)",
    competitor: "Best competitor (0–10)",
    revenueTarget: "Revenue target",
    objective: "Objective",
    strategy: "Strategy",
  },
  costLines: { costOfSales: "Cost of sales", selling: "Selling expenses" },
  costLine: (k: number) => `Cost ${k}`,
  others: (n: number) => `Other accounts (${n})`,
  partialFrom: (date: string) => `partial year: data from ${date}`,
  partialTo: (date: string) => `partial year: data to ${date}`,
  chartTitle: (plan: number, base: number) => `Target ${plan} by month vs sales ${base}`,
  hints: {
    mission:
      "Why this business with these accounts: what we do for them, what they value, where we want to be in three years.",
    factors:
      "The 3–6 factors that decide which supplier these accounts choose (e.g. quality, price, delivery, service, relationship): weight them to 100% and score us and the best competitor.",
    portfolio:
      "The directional policy matrix of the accounts (attractiveness × our strength) is on the KAM Portfolio sheet (Portfolio workflow).",
    objectives:
      "Revenue targets: year 1 is this plan's target, the next years grow by the growth assumption (formulas: change the yellow growth cell to see them move).",
    noAccounts: "Map a customer column to see the accounts here.",
  },
  notes: {
    split: (unit: string, year: number) =>
      `Each ${unit}'s target is its share of the ${year} sales (largest remainder method: the targets add up exactly to the annual target).`,
    abc: (customers: number, year: number, max: number) =>
      `The target is split by ABC class, not per customer: the data has ${customers.toLocaleString("en-US")} customers with orders in ${year} (more than ${max}) and no team, owner or region column. A: the largest customers, making up the first 80% of the ${year} sales; B: the next 15%; C: the rest. Map a team, owner or region column to split the target by it.`,
    abcChosen: (year: number) =>
      `The target is split by ABC class. A: the largest customers, making up the first 80% of the ${year} sales; B: the next 15%; C: the rest.`,
    baseGap: (plan: number, base: number) =>
      `The plan for ${plan} is based on ${base}, the last full calendar year in the data: ${plan - 1} is not complete.`,
    rounded: (unit: number) => `Targets are whole multiples of ${unit}.`,
    defaultTarget: (year: number, growth: string) =>
      `The annual target is the ${year} sales × (1 + ${growth}) (rounded to the unit).`,
    givenTarget: "The annual target was given.",
    phasing: (from: number, to: number) =>
      `Months are phased by the average share of each month in the sales of ${from}–${to}; each row adds up exactly to its target.`,
    fullYear:
      "A year counts as full when the data runs from its January to its December; a month without orders counts as 0.",
    notInBase: (n: number, year: number, unit: string) =>
      `${n} ${n === 1 ? `${unit} has` : `${unit}s have`} no sales in ${year} and get${n === 1 ? "s" : ""} no target.`,
    budget:
      "Budget: each cost line is revenue × its rate, fixed costs are the amount per month, profit = revenue − total costs, margin = profit ÷ revenue (formulas over the yellow assumption cells).",
    gapNone: (year: number) =>
      `The data has no sales in ${year} yet, so there is no gap to report.`,
    gapDone: "The month of the last order counts as done.",
    zeroTarget: "The annual target is 0: attainment and run rate are not defined.",
  },
  errors: {
    splitBy: (level: string) =>
      `The split level "${level}" is not known; use team, owner, region, customer or abc.`,
    noData: "The plan needs data: no order rows were found.",
    badDate: (row: number) => `Row ${row}: the date is missing or not a date.`,
    badAmount: (row: number) => `Row ${row}: the amount is not a number.`,
    year: (y: number) => `The plan year ${y} is not allowed; give a year such as 2026.`,
    growth: (g: number) =>
      `The growth ${g} is not allowed; give a rate above −100%, e.g. 0.1 for 10%.`,
    unit: (u: number) => `The rounding unit ${u} is not allowed; give a unit above 0, e.g. 1000.`,
    target: (t: number) => `The annual target ${t} is not allowed; give an amount of 0 or more.`,
    costRate: (name: string, rate: number) =>
      `The cost rate of "${name}" is ${rate}; give a rate of 0 or more, e.g. 0.6 for 60%.`,
    fixed: (f: number) => `The fixed costs ${f} are not allowed; give an amount of 0 or more.`,
    splitNotMapped: (unit: string) =>
      `The target is to be split by ${unit}, but no ${unit === "ABC class" ? "customer" : unit} column is mapped.`,
    maxCustomers: (n: number) =>
      `The most customers for a per-customer split must be a whole number of 1 or more, not ${n}.`,
    noFullYear: (year: number, from: string, to: string) =>
      `The plan needs at least one full calendar year of orders (January to December) before ${year}; the data runs from ${from} to ${to}.`,
    noSales: (year: number, total: number) =>
      `The sales of ${year} add up to ${total}; a target cannot be based on them.`,
    negativeUnit: (unit: string, name: string, year: number, total: number) =>
      `${unit} "${name}": the sales of ${year} add up to ${total}; a share of the target cannot be based on a negative amount.`,
    negativeMonth: (month: string, total: number) =>
      `The sales of ${month} add up to ${total} (returns exceed orders); seasonal shares need months of 0 or more.`,
    unitMultiple: (target: number, unit: number) =>
      `The annual target ${target} is not a whole number of units of ${unit}; round it to the unit or choose another unit.`,
  },
};

export type PlanReportLabels = ReportLabels<typeof en>;

const zh: PlanReportLabels = {
  sheetName: "KAM 目标与预算",
  title: (year) => `${year} 年目标与预算`,
  subtitle: (source, created) =>
    `${source ? `数据来源：${source} · ` : ""}生成于 ${created} · KAM Analytics`,
  inputsNote:
    "黄色单元格由您填写或修改，引用它们的公式随之更新。目标及其分解、分期按下面的假设计算：修改增长率或目标后请重新运行此流程。",
  units: {
    team: "团队",
    owner: "负责人",
    region: "区域",
    customer: "客户",
    abc: "ABC 分类",
    company: "公司",
  },
  unitNouns: {
    team: "团队",
    owner: "负责人",
    region: "区域",
    customer: "客户",
    abc: "ABC 分类",
    company: "公司",
  },
  abcUnit: (abc, customers) => `${abc} 类（${customers.toLocaleString("en-US")} 个客户）`,
  company: "全公司",
  blank: "（空白）",
  total: "合计",
  none: "无",
  sections: {
    assumptions: "假设",
    split: (unit) => `1. 按${unit}分解目标`,
    matrix: (unit) => `2. 按${unit}和月份的目标`,
    phasing: "3. 按月分期",
    budget: (year) => `4. ${year} 年预算`,
    gap: (year) => `5. ${year} 年目标差距`,
    plan: (from, to) => `6. 大客户营销计划 ${from}–${to}（T+3）`,
    mission: "6.1 使命 / 目的陈述",
    financial: "6.2 财务分析：各年销售额",
    accounts: "6.3 客户概览：最大的客户",
    factors: "6.4 关键成功因素",
    portfolio: "6.5 客户组合概要",
    planAssumptions: "6.6 假设",
    objectives: "6.7 目标与策略（未来三年）",
    planBudget: "6.8 预算",
    notes: "说明",
  },
  key: {
    planYear: "计划年度",
    baseYear: "基准：最近完整年度",
    baseSales: (year) => `${year} 年销售额`,
    growth: "增长率假设",
    target: (year) => `${year} 年年度目标`,
    unit: "取整单位",
    pattern: "季节模式取自",
    patternYears: (from, to, n) => (from === to ? `${from}（1 年）` : `${from}–${to}（${n} 年）`),
    rate: (name) => `成本率：${name}`,
    fixed: "每月固定成本",
    gapTarget: (year) => `${year} 年目标`,
    actual: (to) => `迄今销售额（截至 ${to}）`,
    targetToDate: (months) => `迄今目标（${months} 个月）`,
    attainment: "完成率",
    gap: "目标差距",
    monthsLeft: "剩余月数",
    runRate: "每月所需销售额",
    accountsBase: (year) => `${year} 年有销售的客户数`,
    accountsBefore: (year) => `${year} 年有销售的客户数`,
    newAccounts: (year) => `${year} 年新客户数`,
    lostAccounts: (year) => `${year} 年流失客户数`,
    topShare: (year) => `前 20% 客户占 ${year} 年销售额的比例`,
    comment: "评述",
    market: "市场（增长、趋势）",
    prices: "价格与成本",
    competition: "竞争",
    revenue: "收入",
    totalCosts: "总成本",
    profit: "利润",
    margin: "利润率",
    resources: "所需资源（人员、营销）",
  },
  headers: {
    sales: (year) => `${year} 年销售额`,
    salesPlain: "销售额",
    share: "占比",
    target: (year) => `${year} 年目标`,
    growth: "增长",
    change: (year) => `较 ${year} 年变化`,
    month: "月份",
    seasonalShare: "季节占比",
    revenue: "收入",
    variable: "变动成本",
    fixed: "固定成本",
    totalCosts: "总成本",
    profit: "利润",
    margin: "利润率",
    year: "年度",
    note: "备注",
    rank: "排名",
    account: "客户",
    cumulative: "累计占比",
    factor: "关键成功因素",
    weight: "权重",
    ours: "我方得分（0–10）",
    competitor: "最强竞争对手（0–10）",
    revenueTarget: "收入目标",
    objective: "目标",
    strategy: "策略",
  },
  costLines: { costOfSales: "销售成本", selling: "销售费用" },
  costLine: (k) => `成本 ${k}`,
  others: (n) => `其他客户（${n}）`,
  partialFrom: (date) => `不完整年度：数据始于 ${date}`,
  partialTo: (date) => `不完整年度：数据截至 ${date}`,
  chartTitle: (plan, base) => `${plan} 年各月目标与 ${base} 年销售额`,
  hints: {
    mission:
      "为什么与这些客户做这项业务：我们为他们做什么、他们看重什么、三年后我们希望达到的位置。",
    factors:
      "决定这些客户选择哪家供应商的 3–6 个因素（如质量、价格、交付、服务、关系）：权重合计 100%，并为我方和最强竞争对手打分。",
    portfolio: "客户的方向政策矩阵（吸引力 × 我方实力）见“KAM 客户组合”工作表（客户组合流程）。",
    objectives:
      "收入目标：第 1 年为本计划目标，之后各年按增长率假设增长（公式：修改黄色的增长率单元格即可看到变化）。",
    noAccounts: "映射客户列后，此处将显示客户。",
  },
  notes: {
    split: (unit, year) =>
      `每个${unit}的目标按其在 ${year} 年销售额中的占比分配（最大余额法：各目标之和恰好等于年度目标）。`,
    rounded: (unit) => `目标均为 ${unit} 的整数倍。`,
    defaultTarget: (year, growth) =>
      `年度目标 = ${year} 年销售额 ×（1 + ${growth}）（按取整单位取整）。`,
    givenTarget: "年度目标为给定值。",
    phasing: (from, to) =>
      `各月按 ${from}–${to} 年销售额中各月的平均占比分期；每一行之和恰好等于其目标。`,
    fullYear: "数据覆盖某年 1 月至 12 月时，该年视为完整年度；没有订单的月份按 0 计。",
    abc: (customers, year, max) =>
      `目标按 ABC 分类分解，而不是按单个客户：数据中 ${year} 年有订单的客户共 ${customers.toLocaleString("en-US")} 个（超过 ${max} 个），且没有团队、负责人或区域列。A 类：占 ${year} 年销售额前 80% 的最大客户；B 类：其后的 15%；C 类：其余客户。映射团队、负责人或区域列即可按其分解目标。`,
    abcChosen: (year) =>
      `目标按 ABC 分类分解。A 类：占 ${year} 年销售额前 80% 的最大客户；B 类：其后的 15%；C 类：其余客户。`,
    baseGap: (plan, base) =>
      `${plan} 年计划以数据中最近的完整日历年度 ${base} 年为基准：${plan - 1} 年数据不完整。`,
    notInBase: (n, year, unit) => `${n} 个${unit}在 ${year} 年没有销售，不分配目标。`,
    budget:
      "预算：每项成本 = 收入 × 其成本率，固定成本为每月金额，利润 = 收入 − 总成本，利润率 = 利润 ÷ 收入（公式引用黄色的假设单元格）。",
    gapNone: (year) => `数据中尚无 ${year} 年的销售，因此没有目标差距。`,
    gapDone: "最后一笔订单所在的月份视为已完成。",
    zeroTarget: "年度目标为 0：完成率和所需销售额没有定义。",
  },
  errors: {
    splitBy: (level) => `拆分层级"${level}"无效；请使用 team、owner、region、customer 或 abc。`,
    noData: "计划需要数据：没有找到订单行。",
    badDate: (row) => `第 ${row} 行：日期缺失或不是日期。`,
    badAmount: (row) => `第 ${row} 行：金额不是数字。`,
    year: (y) => `计划年度 ${y} 无效；请输入年份，例如 2026。`,
    growth: (g) => `增长率 ${g} 无效；请输入大于 −100% 的比率，例如 0.1 表示 10%。`,
    unit: (u) => `取整单位 ${u} 无效；请输入大于 0 的单位，例如 1000。`,
    target: (t) => `年度目标 ${t} 无效；请输入 0 或更大的金额。`,
    costRate: (name, rate) =>
      `“${name}”的成本率为 ${rate}；请输入 0 或更大的比率，例如 0.6 表示 60%。`,
    fixed: (f) => `固定成本 ${f} 无效；请输入 0 或更大的金额。`,
    splitNotMapped: (unit) =>
      `目标要按${unit}分解，但没有映射${unit === "ABC 分类" ? "客户" : unit}列。`,
    maxCustomers: (n) => `按客户分解的最多客户数必须为 1 或更大的整数，而不是 ${n}。`,
    noFullYear: (year, from, to) =>
      `计划需要 ${year} 年之前至少一个完整日历年度（1 月至 12 月）的订单；数据范围为 ${from} 至 ${to}。`,
    noSales: (year, total) => `${year} 年销售额合计为 ${total}，无法据此制定目标。`,
    negativeUnit: (unit, name, year, total) =>
      `${unit}“${name}”：${year} 年销售额合计为 ${total}；不能按负数分配目标。`,
    negativeMonth: (month, total) =>
      `${month} 的销售额合计为 ${total}（退货多于订单）；季节占比要求各月为 0 或更多。`,
    unitMultiple: (target, unit) =>
      `年度目标 ${target} 不是 ${unit} 的整数倍；请按单位取整，或选择其他单位。`,
  },
};

export const PLAN_REPORT: Readonly<Record<Lang, PlanReportLabels>> = { en, zh };
