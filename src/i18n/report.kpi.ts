// Text of the KPI report sheet (src/report/kpi.ts), en-US and zh-CN. The zh-CN table is typed from the
// en-US one, so a missing (or extra) key is a compile error. Texts that take values are functions.

import { Lang } from "./lang";

const n = (v: number) => v.toLocaleString("en-US");

type GrainName = "year" | "quarter" | "month";

const en = {
  sheetName: "KAM KPIs",
  title: "Key-account KPIs by period",
  subtitle: (
    source: string,
    transactions: number,
    customers: number,
    periods: number,
    grain: GrainName
  ) =>
    `Source: ${source || "(not named)"} · ${n(transactions)} transactions, ${n(customers)} customers · ${n(periods)} ${grain}${periods === 1 ? "" : "s"}`,
  keyFigures: (last: string, previous: string) =>
    previous ? `Key figures: ${last} against ${previous}` : `Key figures: ${last}`,
  kPeriod: "Period",
  kRevenue: "Revenue",
  kGrowth: "Revenue growth",
  kCustomers: "Active customers",
  kNew: "New customers",
  kRetention: "Retention",
  kChurn: "Churn",
  kKeyShare: "Key-account contribution",
  kMarketShare: "Market share",
  kSatisfaction: "Satisfaction (mean score)",
  kCsat: "CSAT",
  kNps: "NPS",
  na: "n/a",
  tableSection: (grain: GrainName) => `KPIs by ${grain}`,
  h: {
    period: "Period",
    customers: "Customers",
    new: "New",
    returning: "Returning",
    retained: "Retained",
    lost: "Lost",
    retention: "Retention",
    churn: "Churn",
    revenue: "Revenue",
    growth: "Growth",
    keyRevenue: "Key-account revenue",
    keyShare: "Key-account share",
    market: "Market size",
    marketShare: "Market share",
    satisfaction: "Satisfaction",
    csat: (threshold: number) => `CSAT (≥ ${threshold})`,
    nps: "NPS",
  },
  total: "Total",
  notesSection: "Notes",
  /** "Retention, Churn and Growth". */
  list: (items: string[]) =>
    items.length < 2
      ? items.join("")
      : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`,
  chart: "Revenue and retention by period",
  notes: {
    method:
      "Customers: accounts with a purchase (amount above 0) in the period. New: first purchase ever; Returning: bought before, but not in the previous period; Retained: bought in this and the previous period; Lost: bought in the previous period, not in this one. Retention = retained ÷ customers of the previous period (= (customers − new − returning) ÷ previous); churn = lost ÷ previous customers; growth = (revenue − previous) ÷ |previous|.",
    keyTiers: (tiers: string) =>
      `Key accounts: rows whose tier is ${tiers}; key-account share = their revenue ÷ all revenue.`,
    satisfaction: (threshold: number, nps: boolean) =>
      `Satisfaction: mean score of the period's answers; CSAT = share of answers ≥ ${threshold}${nps ? "; NPS = % of 9–10 answers − % of 0–6 answers (a 0–10 scale)" : ""}.`,
    noCsatScale:
      "CSAT is left out: the scores are not on a 1–5, 1–7 or 0–10 scale; give a satisfaction threshold.",
    marketDiffers: (periods: string) =>
      `The market size differs between rows of ${periods}: the largest value of the period is used.`,
    notComputed: (what: string, periods: string, why: string) =>
      `${what} not computed for ${periods}: ${why}.`,
    partialLast: (period: string, to: string) =>
      `The last period ${period} is partial: the data end on ${to}. Its revenue, customers and growth cover part of the period only.`,
    partialFirst: (period: string, from: string) =>
      `The first period ${period} is partial: the data start on ${from}. The next period's growth and new customers compare with part of a period.`,
    live: "Live formulas: retention and churn are KAM.RETENTION and KAM.CHURN over the counts in the table; recipients need the KAM Analytics add-in.",
  },
  why: {
    first: "the first period has no previous period",
    noStart: "no customers in the previous period",
    zeroPrevious: "the previous period's revenue is 0",
    revenueNotPositive: "the period's revenue is not above 0",
    noMarket: "no market size above 0 for the period",
    negativeRevenue: "the period's revenue is negative",
    noScores: "no satisfaction answers in the period",
  },
  errors: {
    noColumn: (role: string) => `The KPI report needs a ${role} column.`,
    noRows: "The data have no rows: there is nothing to analyse.",
    lengths: "The data columns differ in length.",
    notNumber: (row: number, what: string) => `Row ${row}: the ${what} is not a number.`,
    noPurchases: "No purchases: every amount is zero or negative, so there is no active customer.",
    tooManyPeriods: (count: number) =>
      `The data span ${n(count)} periods; choose a longer grain (quarter or year).`,
    option: (name: string, rule: string) => `The option ${name} must be ${rule}.`,
  },
  roles: { customer: "customer", date: "date", amount: "amount" },
};

export type KpiReportText = typeof en;

const zhGrain: Record<GrainName, string> = { year: "年", quarter: "季度", month: "月" };
/** "3 年", "12 个季度", "36 个月". */
const zhCount: Record<GrainName, (count: number) => string> = {
  year: (count) => `${n(count)} 年`,
  quarter: (count) => `${n(count)} 个季度`,
  month: (count) => `${n(count)} 个月`,
};

const zh: KpiReportText = {
  sheetName: "KAM 关键指标",
  title: "大客户关键指标（分期）",
  subtitle: (source, transactions, customers, periods, grain) =>
    `数据来源：${source || "（未命名）"} · ${n(transactions)} 笔交易，${n(customers)} 个客户 · ${zhCount[grain](periods)}`,
  keyFigures: (last, previous) =>
    previous ? `关键数字：${last} 与 ${previous} 相比` : `关键数字：${last}`,
  kPeriod: "期间",
  kRevenue: "收入",
  kGrowth: "收入增长率",
  kCustomers: "活跃客户数",
  kNew: "新客户数",
  kRetention: "客户留存率",
  kChurn: "客户流失率",
  kKeyShare: "大客户贡献率",
  kMarketShare: "市场份额",
  kSatisfaction: "满意度（平均分）",
  kCsat: "客户满意度（CSAT）",
  kNps: "净推荐值（NPS）",
  na: "无法计算",
  tableSection: (grain) => `按${zhGrain[grain]}的关键指标`,
  h: {
    period: "期间",
    customers: "客户数",
    new: "新客户",
    returning: "回流客户",
    retained: "留存客户",
    lost: "流失客户",
    retention: "留存率",
    churn: "流失率",
    revenue: "收入",
    growth: "增长率",
    keyRevenue: "大客户收入",
    keyShare: "大客户贡献率",
    market: "市场规模",
    marketShare: "市场份额",
    satisfaction: "满意度",
    csat: (threshold) => `满意度占比(≥ ${threshold})`,
    nps: "净推荐值",
  },
  total: "合计",
  notesSection: "说明",
  list: (items) => items.join("、"),
  chart: "各期收入与客户留存率",
  notes: {
    method:
      "客户数：本期有购买（金额大于 0）的客户。新客户：首次购买；回流客户：以前买过但上一期没有购买；留存客户：本期和上一期都有购买；流失客户：上一期有购买而本期没有。留存率 = 留存客户 ÷ 上一期客户数（=（客户数 − 新客户 − 回流客户）÷ 上一期客户数）；流失率 = 流失客户 ÷ 上一期客户数；增长率 =（收入 − 上期收入）÷ |上期收入|。",
    keyTiers: (tiers) => `大客户：客户层级为 ${tiers} 的行；大客户贡献率 = 其收入 ÷ 全部收入。`,
    satisfaction: (threshold, nps) =>
      `满意度：本期评分的平均值；满意度占比 = 评分 ≥ ${threshold} 的比例${nps ? "；净推荐值 = 9–10 分的比例 − 0–6 分的比例（0–10 分制）" : ""}。`,
    noCsatScale: "评分不是 1–5、1–7 或 0–10 分制，未计算满意度占比；请指定满意度阈值。",
    marketDiffers: (periods) => `${periods} 各行的市场规模不一致：采用该期的最大值。`,
    notComputed: (what, periods, why) => `${periods} 的${what}无法计算：${why}。`,
    partialLast: (period, to) =>
      `最后一期 ${period} 不完整：数据截至 ${to}。该期的收入、客户数和增长率只反映部分期间。`,
    partialFirst: (period, from) =>
      `第一期 ${period} 不完整：数据始于 ${from}。下一期的增长率和新客户数是与部分期间相比。`,
    live: "实时公式：留存率和流失率为基于表中客户数的 KAM.RETENTION 和 KAM.CHURN；收件人需要安装 KAM Analytics 加载项。",
  },
  why: {
    first: "第一期没有上一期",
    noStart: "上一期没有客户",
    zeroPrevious: "上一期收入为 0",
    revenueNotPositive: "本期收入不大于 0",
    noMarket: "本期没有大于 0 的市场规模",
    negativeRevenue: "本期收入为负数",
    noScores: "本期没有满意度评分",
  },
  errors: {
    noColumn: (role) => `关键指标报告需要“${role}”列。`,
    noRows: "数据没有任何行，无法分析。",
    lengths: "各数据列的长度不一致。",
    notNumber: (row, what) => `第 ${row} 行：${what}不是数字。`,
    noPurchases: "没有购买记录：所有金额都为 0 或负数，没有活跃客户。",
    tooManyPeriods: (count) => `数据跨越 ${n(count)} 个期间；请选择更长的期间（季度或年）。`,
    option: (name, rule) => `选项 ${name} 必须为 ${rule}。`,
  },
  roles: { customer: "客户", date: "日期", amount: "金额" },
};

export const KPI_REPORT: Readonly<Record<Lang, KpiReportText>> = { en, zh };
