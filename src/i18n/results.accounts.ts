// Labels that the account-value functions write into cells (spilled headers, row labels), en-US and zh-CN.

export const ACCOUNT_LABELS = {
  en: {
    summaryHeaders: ["Customer", "Frequency", "Recency", "T", "Monetary"],
    fit: {
      bgnbdLogLik: "BG/NBD log-likelihood",
      customers: "Customers",
      ggLogLik: "Gamma-Gamma log-likelihood",
      ggCustomers: "Repeat customers fitted",
      ggLeftOut: "Left out (average value <= 0)",
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
