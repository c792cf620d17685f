// Text of the portfolio report sheet (src/report/portfolio.ts): the directional policy matrix, its
// strategies and chart, in en-US and zh-CN (zh typed from en: a missing key fails to compile).

import { ReportLabels } from "./report.forecast";
import { Lang } from "./lang";

const en = {
  sheetName: "KAM Portfolio",
  title: "Key-account portfolio: directional policy matrix",
  subtitle: (source: string, created: string) =>
    `${source ? `Source: ${source} · ` : ""}Created ${created} · KAM Analytics`,
  blank: "(blank)",
  total: "Total",
  quadrants: { star: "Star", questionMark: "Question mark", cashCow: "Cash cow", dog: "Dog" },
  strategies: {
    improve: "Improve (invest)",
    enter: "Enter (build)",
    maintain: "Maintain",
    harvest: "Harvest or exit",
  },
  key: {
    accounts: "Accounts",
    scale: "Score scale",
    scaleText: (min: number, max: number) => `${min}–${max}`,
    cut: "Cut (high is above)",
    axes: "Chart axes",
    axesText: "x: business strength, rising to the right; y: market attractiveness, rising upwards",
  },
  sections: {
    matrix: "Accounts on the matrix",
    summary: "Strategy summary",
    notes: "Notes",
  },
  headers: {
    account: "Account",
    attractiveness: "Attractiveness",
    strength: "Strength",
    revenue: "Revenue",
    share: "Share",
    quadrant: "Quadrant",
    strategy: "Strategy",
    accounts: "Accounts",
  },
  chartTitle: "Directional policy matrix (bubble = revenue)",
  xAxis: "Business strength (higher →)",
  yAxis: "Market attractiveness (higher ↑)",
  series: (quadrant: string, strategy: string) => `${quadrant}: ${strategy}`,
  notes: {
    cutGiven: (cut: number) =>
      `Cut ${cut}: a score above it is high, a score equal to it is low (as KAM.DPM).`,
    cutDefault: (cut: number, min: number, max: number) =>
      `Cut ${cut}: the middle of the ${min}–${max} scale; a score above it is high, a score equal to it is low (as KAM.DPM).`,
    scaleRule:
      "Scale, when not given: 0–1 if every score lies in 0–1, 1–5 if in 1–5, 0–10 if in 0–10, 0–100 if in 0–100, otherwise the lowest to the highest score.",
    quadrants:
      "Star (both high) → improve: invest to grow the position; question mark (attractive, weak) → enter: build the position or choose not to; cash cow (strong, less attractive) → maintain: keep the position efficiently; dog (both low) → harvest or exit.",
    exit: "The matrix does not separate harvest from exit: decide per dog account (e.g. exit where it loses money).",
    axes: "The chart draws business strength rising to the right and attractiveness rising upwards, so stars are top right. The classic Shell / McDonald DPM draws strength falling to the right (stars top left).",
    colours:
      "Strategy cells are coloured: green improve, yellow enter, blue maintain, red harvest or exit.",
    zeroRevenue: (n: number) =>
      `${n} account${n === 1 ? " has" : "s have"} no revenue: ${n === 1 ? "it is" : "they are"} listed but drawn without a bubble.`,
  },
  errors: {
    noData: "The portfolio needs data: no account rows were found.",
    score: (what: string, row: number) => `Row ${row}: the ${what} score is not a number.`,
    revenue: (row: number) => `Row ${row}: the revenue is not a number.`,
    negative: (account: string, row: number, revenue: number) =>
      `Account "${account}" (row ${row}): the revenue ${revenue} is negative; bubble sizes and shares need revenue of 0 or more.`,
    noRevenue: "The revenues add up to 0: there are no shares or bubble sizes to show.",
    scale: (min: number, max: number) =>
      `The scale ${min}–${max} is not allowed; give a lowest score below the highest.`,
    outside: (what: string, account: string, row: number, v: number, min: number, max: number) =>
      `Account "${account}" (row ${row}): the ${what} score ${v} is outside the scale ${min}–${max}.`,
    cut: (cut: number) => `The cut ${cut} is not allowed; give a number, e.g. 5 on a 0–10 scale.`,
  },
  what: { attractiveness: "attractiveness", strength: "strength" },
};

export type PortfolioReportLabels = ReportLabels<typeof en>;

const zh: PortfolioReportLabels = {
  sheetName: "KAM 客户组合",
  title: "大客户组合：方向政策矩阵",
  subtitle: (source, created) =>
    `${source ? `数据来源：${source} · ` : ""}生成于 ${created} · KAM Analytics`,
  blank: "（空白）",
  total: "合计",
  quadrants: { star: "明星", questionMark: "问题", cashCow: "现金牛", dog: "瘦狗" },
  strategies: {
    improve: "改进（投资）",
    enter: "进入（建立）",
    maintain: "维持",
    harvest: "收割或退出",
  },
  key: {
    accounts: "客户数",
    scale: "评分尺度",
    scaleText: (min, max) => `${min}–${max}`,
    cut: "分界值（高于即为高）",
    axes: "图表坐标轴",
    axesText: "x：业务实力，向右递增；y：市场吸引力，向上递增",
  },
  sections: {
    matrix: "客户在矩阵中的位置",
    summary: "策略汇总",
    notes: "说明",
  },
  headers: {
    account: "客户",
    attractiveness: "市场吸引力",
    strength: "业务实力",
    revenue: "收入",
    share: "占比",
    quadrant: "象限",
    strategy: "策略",
    accounts: "客户数",
  },
  chartTitle: "方向政策矩阵（气泡 = 收入）",
  xAxis: "业务实力（越右越高）",
  yAxis: "市场吸引力（越上越高）",
  series: (quadrant, strategy) => `${quadrant}：${strategy}`,
  notes: {
    cutGiven: (cut) => `分界值 ${cut}：高于该值为高，等于该值为低（与 KAM.DPM 相同）。`,
    cutDefault: (cut, min, max) =>
      `分界值 ${cut}：${min}–${max} 尺度的中点；高于该值为高，等于该值为低（与 KAM.DPM 相同）。`,
    scaleRule:
      "未给定尺度时：所有评分在 0–1 内取 0–1，在 1–5 内取 1–5，在 0–10 内取 0–10，在 0–100 内取 0–100，否则取最低至最高评分。",
    quadrants:
      "明星（两者皆高）→ 改进：投资以扩大地位；问题（有吸引力、实力弱）→ 进入：建立地位或决定放弃；现金牛（实力强、吸引力较低）→ 维持：高效保持地位；瘦狗（两者皆低）→ 收割或退出。",
    exit: "矩阵不区分收割与退出：请逐个瘦狗客户决定（例如亏损的客户退出）。",
    axes: "图表中业务实力向右递增、吸引力向上递增，因此明星位于右上方。经典的壳牌 / McDonald 方向政策矩阵将实力画成向右递减（明星位于左上方）。",
    colours: "策略单元格着色：绿色改进，黄色进入，蓝色维持，红色收割或退出。",
    zeroRevenue: (n) => `${n} 个客户没有收入：列出但不画气泡。`,
  },
  errors: {
    noData: "客户组合需要数据：没有找到客户行。",
    score: (what, row) => `第 ${row} 行：${what}评分不是数字。`,
    revenue: (row) => `第 ${row} 行：收入不是数字。`,
    negative: (account, row, revenue) =>
      `客户“${account}”（第 ${row} 行）：收入 ${revenue} 为负数；气泡大小和占比要求收入为 0 或更多。`,
    noRevenue: "收入合计为 0：没有可显示的占比或气泡大小。",
    scale: (min, max) => `尺度 ${min}–${max} 无效；最低分须小于最高分。`,
    outside: (what, account, row, v, min, max) =>
      `客户“${account}”（第 ${row} 行）：${what}评分 ${v} 超出尺度 ${min}–${max}。`,
    cut: (cut) => `分界值 ${cut} 无效；请输入数字，例如 0–10 尺度上的 5。`,
  },
  what: { attractiveness: "市场吸引力", strength: "业务实力" },
};

export const PORTFOLIO_REPORT: Readonly<Record<Lang, PortfolioReportLabels>> = { en, zh };
