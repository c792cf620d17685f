// Text of the Accounts report sheet (src/report/accounts.ts), en-US and zh-CN. The zh-CN table is typed
// from the en-US one, so a missing (or extra) key is a compile error. Texts that take values are functions.

import { Lang } from "./lang";

const n = (v: number) => v.toLocaleString("en-US");

const en = {
  sheetName: "KAM Accounts",
  title: "Key accounts: revenue, 80/20, RFM and customer value",
  subtitle: (source: string, asOf: string, transactions: number, customers: number) =>
    `Source: ${source || "(not named)"} · as of ${asOf} · ${n(transactions)} transactions, ${n(customers)} customers`,
  keyFigures: "Key figures",
  kCustomers: "Customers",
  kRevenue: "Revenue",
  kTopShare: (fraction: string, count: number) =>
    `Revenue share of the top ${fraction} of customers (${n(count)})`,
  kAAccounts: (cut: string) => `A accounts (up to ${cut} of revenue)`,
  kAShare: "Revenue share of the A accounts",
  kCore: "Core accounts",
  kKey: "Key accounts",
  kOrdinary: "Ordinary accounts",
  kProfit: "Profit",
  kMargin: "Average margin (revenue-weighted)",
  kProfitA: (cut: string) => `Customers making ${cut} of profit (profit class A)`,
  kClv: (months: number) => `Expected CLV, next ${n(months)} months`,
  accountsSection: "Accounts by revenue",
  liveSection: "Accounts (live formulas: KAM.RFM, and KAM.PARETO beside it)",
  h: {
    customer: "Customer",
    revenue: "Revenue",
    share: "Share",
    cumulative: "Cumulative share",
    abc: "ABC class",
    recency: "Recency (days)",
    frequency: "Frequency",
    monetary: "Monetary",
    r: "R",
    f: "F",
    m: "M",
    rfm: "RFM",
    segment: "Segment",
    growth: "Growth",
    profit: "Profit",
    margin: "Margin",
    profitClass: "Profit class",
    tier: "Tier",
    basis: "Tier basis",
    pAlive: "P(alive)",
    expected: (months: number) => `Expected purchases (${n(months)} months)`,
    clv: (months: number) => `CLV (${n(months)} months)`,
  },
  total: "Total",
  notesSection: "Notes",
  segmentsSection: "RFM segments",
  sh: {
    segment: "Segment",
    customers: "Customers",
    revenue: "Revenue",
    share: "Share of revenue",
  },
  paretoChart: (shown: number, all: number) =>
    shown < all
      ? `Pareto: revenue by customer (top ${n(shown)} of ${n(all)} customers)`
      : `Pareto: revenue by customer (${n(all)} customers)`,
  segmentChart: "Customers and revenue share by RFM segment",
  notes: {
    method: (cut: string, bCut: string) =>
      `Share = revenue ÷ total revenue; ABC: A up to ${cut} of cumulative revenue, B up to ${bCut}, C the rest. RFM: quantile scores 1–5 (recency: fewer days scores higher); segments from R and F.`,
    afterAsOf: (count: number, asOf: string) =>
      `${n(count)} transactions dated after ${asOf} are left out.`,
    unscored: (count: number) =>
      `${n(count)} customers have no purchase (only returns or zero amounts): no RFM scores, segment or CLV.`,
    growth: (prevFrom: string, prevTo: string, curFrom: string, curTo: string, year: boolean) =>
      `Growth = each customer's revenue ${curFrom} – ${curTo} against ${prevFrom} – ${prevTo} (${year ? "the last 12 months against the 12 before" : "the data's two latest halves: less than 24 months of data"}; first and last days included); empty for customers without revenue in the earlier window.`,
    noGrowth:
      "Growth needs at least two days of data; it is left empty and the tiers rest on contribution and margin.",
    profit: (cut: string, bCut: string) =>
      `Profit and margin (profit ÷ revenue) from the profit column. Profit class: the 80/20 of profit — A = the customers making the first ${cut} of total profit, B up to ${bCut}, C the rest.`,
    profitPartial: (count: number) =>
      `${n(count)} customers have a profit figure on only some of their orders: their profit and margin are over those orders.`,
    profitMissing: (count: number) =>
      `${n(count)} customers have no profit figure: their margin is unknown and does not count against them.`,
    profitTotal: (total: number) =>
      `The total profit is ${n(total)}: no profit classes (the 80/20 of profit needs a total above 0).`,
    tierShare: (high: string, low: string) =>
      `Tier, by the practice's value assessment of contribution, profitability and potential. Contribution: high at a revenue share ≥ ${high}, low at a share ≤ ${low} in the C class, medium otherwise.`,
    tierAbc: (high: string, low: string, cut: string, max: string) =>
      `Tier, by the practice's value assessment of contribution, profitability and potential. Contribution: no customer reaches ${high} of revenue (the largest has ${max}), so it is measured against the customer base: high = A class (the customers making the first ${cut} of revenue), low = C class with a share ≤ ${low}, medium otherwise.`,
    tierMargin: (average: string) =>
      `Profitability: each customer's margin against the revenue-weighted average margin of ${average}; below the average is a weakness.`,
    tierNoProfit:
      "Profitability: the data have no profit column, so margins are unknown and count against no customer; growth never stands in for margin.",
    tierNoProfitFigures:
      "Profitability: the profit column holds no figures up to the as-of date, so margins are unknown and count against no customer; growth never stands in for margin.",
    tierRule: (shrinking: string, growing: string) =>
      `Potential: growth below ${shrinking}, or no revenue in either window (lapsed), is shrinking, a weakness; from ${growing} growing. Core = high contribution without a weakness; Key = high contribution with one weakness, medium contribution, or low contribution with an above-average margin and growing; Ordinary = the rest. The Tier basis column gives each customer's criteria.`,
    clv: (months: number, customers: number, discount: string) =>
      `CLV: BG/NBD and Gamma-Gamma models fitted on ${n(customers)} customers (months as the time unit); expected revenue over the next ${n(months)} months, discounted at ${discount} a month.`,
    clvFailed: (why: string) => `P(alive), expected purchases and CLV are left out: ${why}.`,
    clvWarning: (warning: string) => `CLV model: ${warning}`,
    tooFewRepeat: (count: number, need: number) =>
      `only ${n(count)} customers bought more than once (the models need at least ${n(need)})`,
    notConverged: (model: string) => `the ${model} fit did not converge`,
    noRepeatValue: "no repeat customer has an average purchase value above 0",
    ggMean: "the fitted Gamma-Gamma model has no finite mean purchase value (q ≤ 1)",
    shareFailed: (reason: string) => `Segment shares are left empty: ${reason}.`,
    live: "Live formulas: recipients need the KAM Analytics add-in. Profit, tiers and CLV are only in the report without live formulas.",
    liveAsOf:
      "KAM.PARETO adds every transaction, also those after the as-of date; KAM.RFM leaves them out.",
    liveNeedsAddresses:
      "Live formulas were asked for, but the source ranges are not known: the sheet holds values and native formulas.",
  },
  errors: {
    noColumn: (role: string) => `The accounts report needs a ${role} column.`,
    noRows: "The data have no rows: there is nothing to analyse.",
    lengths: "The data columns differ in length.",
    notNumber: (row: number, what: string) => `Row ${row}: the ${what} is not a number.`,
    noPurchases:
      "No purchases: every amount is zero or negative (returns), so there is no customer to score.",
    noPurchasesAsOf: (asOf: string) => `No purchases on or before the as-of date ${asOf}.`,
    total: (total: number) =>
      `The total revenue is ${n(total)}: shares and the 80/20 analysis need a total above 0.`,
    option: (name: string, rule: string) => `The option ${name} must be ${rule}.`,
  },
  roles: { customer: "customer", date: "date", amount: "amount" },
  /** Parts of the Tier basis cell, joined by " · ". */
  basis: {
    share: (share: string, why: string) => `share ${share} (${why})`,
    atLeast: (high: string) => `≥ ${high}`,
    abcClass: (abc: string) => `${abc} class`,
    margin: (margin: string, average: string, below: boolean) =>
      `margin ${margin} vs ${average} avg${below ? " (below)" : ""}`,
    marginUnknown: "margin unknown",
    growth: (growth: string, level?: "shrinking" | "growing") =>
      `growth ${growth}${level ? ` (${level})` : ""}`,
    newAccount: "new (no revenue in the earlier window)",
    lapsed: "lapsed (no revenue in either window)",
    growthUnknown: "growth unknown",
  },
};

export type AccountsReportText = typeof en;

const zh: AccountsReportText = {
  sheetName: "KAM 客户分析",
  title: "大客户分析：收入、80/20、RFM 与客户价值",
  subtitle: (source, asOf, transactions, customers) =>
    `数据来源：${source || "（未命名）"} · 截至 ${asOf} · ${n(transactions)} 笔交易，${n(customers)} 个客户`,
  keyFigures: "关键数字",
  kCustomers: "客户数",
  kRevenue: "收入",
  kTopShare: (fraction, count) => `前 ${fraction} 客户（${n(count)} 个）的收入占比`,
  kAAccounts: (cut) => `A 类客户（累计收入占比不超过 ${cut}）`,
  kAShare: "A 类客户收入占比",
  kCore: "核心客户数",
  kKey: "重点客户数",
  kOrdinary: "普通客户数",
  kProfit: "利润",
  kMargin: "平均毛利率（按收入加权）",
  kProfitA: (cut) => `贡献 ${cut} 利润的客户数（利润 A 类）`,
  kClv: (months) => `未来 ${n(months)} 个月预期客户终身价值`,
  accountsSection: "按收入排列的客户",
  liveSection: "客户（实时公式：KAM.RFM，右侧为 KAM.PARETO）",
  h: {
    customer: "客户",
    revenue: "收入",
    share: "占比",
    cumulative: "累计占比",
    abc: "ABC类",
    recency: "最近购买间隔(天)",
    frequency: "购买频次",
    monetary: "消费金额",
    r: "R",
    f: "F",
    m: "M",
    rfm: "RFM",
    segment: "客户分群",
    growth: "增长率",
    profit: "利润",
    margin: "毛利率",
    profitClass: "利润ABC类",
    tier: "客户层级",
    basis: "分级依据",
    pAlive: "存活概率",
    expected: (months) => `预期购买次数(${n(months)}个月)`,
    clv: (months) => `客户终身价值(${n(months)}个月)`,
  },
  total: "合计",
  notesSection: "说明",
  segmentsSection: "RFM 客户分群",
  sh: {
    segment: "客户分群",
    customers: "客户数",
    revenue: "收入",
    share: "收入占比",
  },
  paretoChart: (shown, all) =>
    shown < all
      ? `帕累托图：各客户收入（${n(all)} 个客户中的前 ${n(shown)} 个）`
      : `帕累托图：各客户收入（${n(all)} 个客户）`,
  segmentChart: "各 RFM 分群的客户数与收入占比",
  notes: {
    method: (cut, bCut) =>
      `占比 = 收入 ÷ 总收入；ABC：累计收入占比不超过 ${cut} 为 A 类，不超过 ${bCut} 为 B 类，其余为 C 类。RFM：按分位数评 1–5 分（最近购买间隔越短得分越高）；客户分群由 R 和 F 决定。`,
    afterAsOf: (count, asOf) => `${asOf} 之后的 ${n(count)} 笔交易未计入。`,
    unscored: (count) =>
      `${n(count)} 个客户没有购买（只有退货或金额为 0）：没有 RFM 得分、分群和客户终身价值。`,
    growth: (prevFrom, prevTo, curFrom, curTo, year) =>
      `增长率 = 每个客户 ${curFrom} 至 ${curTo} 的收入相对 ${prevFrom} 至 ${prevTo} 的收入（${year ? "最近 12 个月对比此前 12 个月" : "数据不足 24 个月，按最近的两个等长时段比较"}；含首尾两天）；前一时段没有收入的客户留空。`,
    noGrowth: "增长率至少需要两天的数据，因此留空，客户层级按收入贡献和毛利率划分。",
    profit: (cut, bCut) =>
      `利润和毛利率（利润 ÷ 收入）取自利润列。利润ABC类即利润的 80/20：累计利润占比不超过 ${cut} 的客户为 A 类，不超过 ${bCut} 为 B 类，其余为 C 类。`,
    profitPartial: (count) =>
      `${n(count)} 个客户只有部分订单有利润数据：其利润和毛利率按这些订单计算。`,
    profitMissing: (count) => `${n(count)} 个客户没有利润数据：毛利率未知，不作为其弱项。`,
    profitTotal: (total) =>
      `利润合计为 ${n(total)}：不划分利润ABC类（利润的 80/20 分析需要利润合计大于 0）。`,
    tierShare: (high, low) =>
      `客户层级按大客户价值评估的收入贡献、盈利能力和发展潜力划分。收入贡献：收入占比 ≥ ${high} 为高，占比 ≤ ${low} 且属 C 类为低，其余为中。`,
    tierAbc: (high, low, cut, max) =>
      `客户层级按大客户价值评估的收入贡献、盈利能力和发展潜力划分。收入贡献：没有客户的收入占比达到 ${high}（最大为 ${max}），因此按客户群内的相对位置衡量：A 类（累计收入占比不超过 ${cut} 的客户）为高，C 类且占比 ≤ ${low} 为低，其余为中。`,
    tierMargin: (average) =>
      `盈利能力：每个客户的毛利率与按收入加权的平均毛利率 ${average} 比较；低于平均为弱项。`,
    tierNoProfit:
      "盈利能力：数据中没有利润列，毛利率未知，不作为任何客户的弱项；增长率不代替毛利率。",
    tierNoProfitFigures:
      "盈利能力：截止日期前利润列没有数据，毛利率未知，不作为任何客户的弱项；增长率不代替毛利率。",
    tierRule: (shrinking, growing) =>
      `发展潜力：增长率低于 ${shrinking}，或两个时段均无收入（流失），为萎缩，是弱项；达到 ${growing} 为增长。核心 = 收入贡献高且没有弱项；重点 = 收入贡献高但有一项弱项、收入贡献中等，或收入贡献低但毛利率高于平均且增长；普通 = 其余。“分级依据”列给出每个客户的各项指标。`,
    clv: (months, customers, discount) =>
      `客户终身价值：以 ${n(customers)} 个客户拟合 BG/NBD 和 Gamma-Gamma 模型（时间单位为月）；未来 ${n(months)} 个月的预期收入，按每月 ${discount} 折现。`,
    clvFailed: (why) => `未列出存活概率、预期购买次数和客户终身价值：${why}。`,
    clvWarning: (warning) => `客户终身价值模型：${warning}`,
    tooFewRepeat: (count, need) =>
      `只有 ${n(count)} 个客户有重复购买（模型至少需要 ${n(need)} 个）`,
    notConverged: (model) => `${model} 模型拟合未收敛`,
    noRepeatValue: "没有平均购买金额大于 0 的重复购买客户",
    ggMean: "拟合的 Gamma-Gamma 模型没有有限的平均购买金额（q ≤ 1）",
    shareFailed: (reason) => `分群收入占比留空：${reason}。`,
    live: "实时公式：收件人需要安装 KAM Analytics 加载项。利润、客户层级和客户终身价值只在不使用实时公式的报告中提供。",
    liveAsOf: "KAM.PARETO 会计入所有交易（包括截止日期之后的交易）；KAM.RFM 不计入这些交易。",
    liveNeedsAddresses:
      "已要求使用实时公式，但不知道数据来源区域：本表只包含数值和 Excel 原生公式。",
  },
  errors: {
    noColumn: (role) => `客户分析报告需要“${role}”列。`,
    noRows: "数据没有任何行，无法分析。",
    lengths: "各数据列的长度不一致。",
    notNumber: (row, what) => `第 ${row} 行：${what}不是数字。`,
    noPurchases: "没有购买记录：所有金额都为 0 或负数（退货），没有可评分的客户。",
    noPurchasesAsOf: (asOf) => `截止日期 ${asOf} 当天及之前没有购买记录。`,
    total: (total) => `总收入为 ${n(total)}：占比和 80/20 分析需要总收入大于 0。`,
    option: (name, rule) => `选项 ${name} 必须为 ${rule}。`,
  },
  roles: { customer: "客户", date: "日期", amount: "金额" },
  basis: {
    share: (share, why) => `占比 ${share}（${why}）`,
    atLeast: (high) => `≥ ${high}`,
    abcClass: (abc) => `${abc} 类`,
    margin: (margin, average, below) =>
      `毛利率 ${margin}，平均 ${average}${below ? "（低于平均）" : ""}`,
    marginUnknown: "毛利率未知",
    growth: (growth, level) =>
      `增长 ${growth}${level === "shrinking" ? "（萎缩）" : level === "growing" ? "（增长）" : ""}`,
    newAccount: "新客户（前一时段没有收入）",
    lapsed: "流失（两个时段均无收入）",
    growthUnknown: "增长未知",
  },
};

export const ACCOUNTS_REPORT: Readonly<Record<Lang, AccountsReportText>> = { en, zh };
