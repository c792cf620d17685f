// Labels that the account-value functions write into cells (spilled headers, row labels), en-US and zh-CN.

import type { FitWarning } from "../engine/accounts/clv";

export const ACCOUNT_LABELS = {
  en: {
    summaryHeaders: ["Customer", "Frequency", "Recency", "T", "Monetary"],
    fit: {
      bgnbdLogLik: "BG/NBD log-likelihood",
      customers: "Customers",
      ggLogLik: "Gamma-Gamma log-likelihood",
      ggCustomers: "Repeat customers fitted",
      ggLeftOut: "Left out (average value <= 0)",
      warning: "Warning",
      warnings: {
        noRepeat:
          "No customer bought twice: the repeat-purchase rate cannot be estimated (r tends to 0) and the dropout parameters a, b are not determined.",
        oneCustomer:
          "Only one customer: the four BG/NBD parameters cannot be estimated from one purchase history.",
        sameHistory:
          "Every customer has the same frequency, recency and T: that tells no more than one customer, and the four BG/NBD parameters cannot be estimated.",
        oneRepeatCustomer:
          "Only one repeat customer: the spread of spend between customers cannot be estimated; the expected average value is that customer's average.",
        sameSpend: (value: number) =>
          `Every repeat customer has the same average value (${value}): the spread of spend cannot be estimated (p and q grow without limit); the expected average value is that value.`,
        undetermined: (params: string) =>
          `The data do not determine ${params}: other values fit almost as well (the estimate ran to the edge of the search or is very uncertain); use the predictions with caution.`,
        ggNotFitted:
          "No customer bought twice: the Gamma-Gamma model of spend needs repeat customers and was not fitted (p, q, v left blank).",
      },
    },
    predictHeaders: ["Expected purchases", "P(alive)", "Expected average value", "CLV"],
    clv: "CLV",
    paretoHeaders: ["Customer", "Total", "Share", "Cumulative share", "Rank", "Class"],
    tierHeaders: ["Revenue share", "Margin vs average", "Growth", "Tier"],
    tiers: { core: "Core", key: "Key", ordinary: "Ordinary" },
    valueHeaders: ["Score", "Rank"],
    dpmHeaders: ["Attractiveness", "Strength", "Size", "Quadrant", "Strategy"],
    quadrants: {
      star: "Star",
      cashCow: "Cash cow",
      questionMark: "Question mark",
      dog: "Dog",
    },
    strategies: {
      improve: "Improve",
      maintain: "Maintain",
      enter: "Enter",
      harvest: "Harvest or exit",
    },
    ratioHeaders: [
      "Current ratio",
      "Net profit margin",
      "Return on assets",
      "Debt ratio",
      "Asset turnover",
    ],
    notAvailable: (what: string) => `n/a: ${what} is 0`,
    ratioNames: {
      current_liabilities: "current liabilities",
      revenue: "revenue",
      total_assets: "total assets",
    },
    segment: "Segment",
    kpi: { retention: "Retention", churn: "Churn", growth: "Growth", cagr: "CAGR", share: "Share" },
  },
  zh: {
    summaryHeaders: ["客户", "重复购买次数", "最近购买时间", "观察时长", "平均客单价"],
    fit: {
      bgnbdLogLik: "BG/NBD 对数似然",
      customers: "客户数",
      ggLogLik: "Gamma-Gamma 对数似然",
      ggCustomers: "参与拟合的重复购买客户",
      ggLeftOut: "剔除（平均金额 <= 0）",
      warning: "警告",
      warnings: {
        noRepeat: "没有客户购买过两次：无法估计重复购买率（r 趋于 0），流失参数 a、b 也无法确定。",
        oneCustomer: "只有一个客户：无法从一条购买记录估计 BG/NBD 的四个参数。",
        sameHistory:
          "所有客户的重复购买次数、最近购买时间和观察时长都相同：信息量与一个客户无异，无法估计 BG/NBD 的四个参数。",
        oneRepeatCustomer:
          "只有一个重复购买客户：无法估计客户之间客单价的差异；预期客单价即该客户的平均金额。",
        sameSpend: (value: number) =>
          `所有重复购买客户的平均金额相同（${value}）：无法估计客单价的差异（p 和 q 无限增大）；预期客单价即该金额。`,
        undetermined: (params: string) =>
          `数据无法确定 ${params}：其他取值拟合得几乎一样好（估计值到达搜索范围的边界或极不确定）；请谨慎使用预测结果。`,
        ggNotFitted:
          "没有客户购买过两次：Gamma-Gamma 客单价模型需要重复购买客户，未拟合（p、q、v 留空）。",
      },
    },
    predictHeaders: ["预期购买次数", "存活概率", "预期客单价", "客户终身价值"],
    clv: "客户终身价值",
    paretoHeaders: ["客户", "合计", "占比", "累计占比", "排名", "ABC类"],
    tierHeaders: ["收入占比", "毛利率与平均之差", "增长率", "客户层级"],
    tiers: { core: "核心", key: "重点", ordinary: "普通" },
    valueHeaders: ["得分", "排名"],
    dpmHeaders: ["市场吸引力", "业务实力", "规模", "象限", "策略"],
    quadrants: {
      star: "明星",
      cashCow: "现金牛",
      questionMark: "问题",
      dog: "瘦狗",
    },
    strategies: {
      improve: "改进",
      maintain: "维持",
      enter: "进入",
      harvest: "收割或退出",
    },
    ratioHeaders: ["流动比率", "净利润率", "资产收益率", "资产负债率", "资产周转率"],
    notAvailable: (what: string) => `无法计算：${what}为 0`,
    ratioNames: {
      current_liabilities: "流动负债",
      revenue: "营业收入",
      total_assets: "总资产",
    },
    segment: "客户分群",
    kpi: {
      retention: "留存率",
      churn: "流失率",
      growth: "增长率",
      cagr: "复合增长率",
      share: "份额",
    },
  },
} as const;

export type AccountLang = keyof typeof ACCOUNT_LABELS;

/** The text of a CLV fit warning (engine/accounts/clv.ts FitWarning), as KAM.CLV_FIT spills it. */
export function fitWarningText(w: FitWarning, lang: AccountLang): string {
  const W = ACCOUNT_LABELS[lang].fit.warnings;
  switch (w.code) {
    case "no-repeat":
      return W.noRepeat;
    case "one-customer":
      return W.oneCustomer;
    case "same-history":
      return W.sameHistory;
    case "one-repeat-customer":
      return W.oneRepeatCustomer;
    case "same-spend":
      return W.sameSpend(Number(w.value.toPrecision(12)));
    case "undetermined":
      return W.undetermined(w.params.join(lang === "zh" ? "、" : ", "));
  }
}
