// Gallery entries of account value: CLV, Pareto, tiers, value scores, policy matrix, ratios, KPIs.

import { CatalogEntry } from "./entry";

export const ACCOUNTS_CATALOG: Readonly<Record<string, CatalogEntry>> = {
  RFM_SUMMARY: {
    dataColumns: ["customers", "dates", "amounts"],
    example: '=KAM.RFM_SUMMARY(A2:A7000,B2:B7000,C2:C7000,DATE(1997,9,30),"weeks")',
    meaning: {
      "en-US":
        "Summarises the transactions (customers in A, dates in B, amounts in C) up to 30 Sep 1997 " +
        "for the CLV models: per customer the repeat purchases, recency and age in weeks, and the " +
        "mean value of the repeat purchases.",
      "zh-CN":
        "把截至 1997 年 9 月 30 日的交易（A 列客户、B 列日期、C 列金额）汇总为 CLV 模型的输入：" +
        "每个客户的重复购买次数、以周计的最近购买时间和观察时长，以及重复购买的平均金额。",
    },
  },
  CLV_FIT: {
    dataColumns: ["frequency", "recency", "T", "monetary"],
    example: "=KAM.CLV_FIT(B2:B2358,C2:C2358,D2:D2358,E2:E2358)",
    meaning: {
      "en-US":
        "Fits the BG/NBD model (r, alpha, a, b) to the repeat purchases, recency and age in B:D and " +
        "the Gamma-Gamma spend model (p, q, v) to the mean values in E, with their log-likelihoods.",
      "zh-CN":
        "用 B:D 列的重复购买次数、最近购买时间和观察时长拟合 BG/NBD 模型（r、alpha、a、b），" +
        "用 E 列的平均金额拟合 Gamma-Gamma 客单价模型（p、q、v），并给出对数似然。",
    },
  },
  CLV_PREDICT: {
    dataColumns: ["params", "frequency", "recency", "T", "monetary"],
    example: "=KAM.CLV_PREDICT(H2:I13,B2:B2358,C2:C2358,D2:D2358,E2:E2358,52,0.002,0.3)",
    meaning: {
      "en-US":
        "Uses the fitted parameters in H2:I13 (the result of KAM.CLV_FIT) to predict, per customer, " +
        "the purchases in the next 52 weeks, the probability of being alive, the expected order " +
        "value and the CLV at a 30% margin, discounted at 0.2% per week.",
      "zh-CN":
        "用 H2:I13 中拟合的参数（KAM.CLV_FIT 的结果）预测每个客户未来 52 周的购买次数、存活概率、" +
        "预期客单价，以及按 30% 利润率、每周 0.2% 折现的客户终身价值。",
    },
  },
  CLV: {
    dataColumns: ["margin"],
    example: "=KAM.CLV(B2:B50,0.8,0.1,5)",
    meaning: {
      "en-US":
        "The lifetime value over 5 years of each account's yearly margin in B2:B50, with 80% " +
        "retention and a 10% discount rate per year.",
      "zh-CN": "B2:B50 中每个客户的年毛利在 80% 留存率、每年 10% 折现率下 5 年的客户终身价值。",
    },
  },
  RFM_SEGMENT: {
    dataColumns: ["r", "f", "m"],
    example: "=KAM.RFM_SEGMENT(B2:B200,C2:C200,D2:D200)",
    meaning: {
      "en-US":
        "The segment (Champions ... Lost) and RFM code of each customer from the R, F and M scores in B:D.",
      "zh-CN":
        "由 B:D 列的 R、F、M 评分得到每个客户的 RFM 代码和客户分群（冠军客户……已流失客户）。",
    },
  },
  PARETO: {
    dataColumns: ["customers", "amounts"],
    example: "=KAM.PARETO(A2:A5000,C2:C5000)",
    meaning: {
      "en-US":
        "Totals the amounts in C per customer in A and ranks the customers, largest first, with " +
        "their share, cumulative share and ABC class (A up to 80%, B up to 95%).",
      "zh-CN":
        "按 A 列客户汇总 C 列金额，从大到小排名，给出占比、累计占比和 ABC 分类（A 类至 80%，B 类至 95%）。",
    },
  },
  PARETO_SHARE: {
    dataColumns: ["amounts"],
    example: "=KAM.PARETO_SHARE(B2:B300,0.2)",
    meaning: {
      "en-US":
        "The share of the total revenue in B2:B300 that comes from the top 20% of customers.",
      "zh-CN": "B2:B300 中前 20% 的客户贡献的收入占总收入的比例。",
    },
  },
  TIER: {
    dataColumns: ["revenue", "margin", "growth"],
    example: "=KAM.TIER(B2:B40,C2:C40,D2:D40)",
    meaning: {
      "en-US":
        "Sorts the accounts into core, key and ordinary from their revenue (B), margin rate (C) and " +
        "growth (D): core = a high revenue share (30%, or the A class when no account reaches it) " +
        "without a below-average margin or a fall of more than 10%.",
      "zh-CN":
        "按收入（B）、毛利率（C）和增长率（D）把客户分为核心、重点、普通：收入贡献高（占比达 30%，没有客户达到时为 A 类）且毛利率不低于平均、收入下降不超过 10% 的为核心。",
    },
  },
  VALUE_SCORE: {
    dataColumns: ["criteria"],
    example: "=KAM.VALUE_SCORE(B2:E40,{0.4,0.2,0.3,0.1},{1,1,1,-1})",
    meaning: {
      "en-US":
        "Scores each account on the four criteria in B:E with weights 40/20/30/10%, the last one " +
        "(e.g. cost to serve) counting less-is-better, and ranks them.",
      "zh-CN":
        "按 B:E 四个指标、权重 40/20/30/10% 为每个客户评分并排名，最后一个指标（如服务成本）越小越好。",
    },
  },
  DPM: {
    dataColumns: [
      "attractiveness_scores",
      "attractiveness_weights",
      "strength_scores",
      "strength_weights",
    ],
    example: "=KAM.DPM(B2:E9,B12:E12,G2:I9,G12:I12,J2:J9)",
    meaning: {
      "en-US":
        "Places 8 segments on the directional policy matrix: weighted attractiveness (B:E, weights " +
        "in row 12) and strength (G:I), sized by J, with each quadrant's strategy.",
      "zh-CN":
        "把 8 个细分市场放入方向政策矩阵：加权市场吸引力（B:E，权重在第 12 行）和业务实力（G:I），" +
        "以 J 列为规模，并给出各象限的策略。",
    },
  },
  FIN_RATIOS: {
    dataColumns: [
      "current_assets",
      "current_liabilities",
      "net_profit",
      "revenue",
      "total_assets",
      "total_liabilities",
    ],
    example: "=KAM.FIN_RATIOS(B2,B3,B4,B5,B6,B7)",
    meaning: {
      "en-US":
        "A customer's current ratio, net profit margin, return on assets, debt ratio and asset " +
        "turnover from the figures in B2:B7.",
      "zh-CN": "由 B2:B7 的数据计算客户的流动比率、净利润率、资产收益率、资产负债率和资产周转率。",
    },
  },
  RETENTION: {
    dataColumns: ["customers_start", "customers_end", "customers_new"],
    example: "=KAM.RETENTION(B2,C2,D2)",
    meaning: {
      "en-US":
        "The share of the customers at the start (B2) still there at the end (C2 less the new ones in D2).",
      "zh-CN": "期初客户（B2）中到期末仍保留的比例（C2 减去 D2 中的新增客户）。",
    },
  },
  CHURN: {
    dataColumns: ["customers_start", "customers_end", "customers_new"],
    example: "=KAM.CHURN(B2,C2,D2)",
    meaning: {
      "en-US":
        "The share of the customers at the start (B2) lost by the end (C2, with D2 new ones).",
      "zh-CN": "期初客户（B2）到期末（C2，其中新增 D2）流失的比例。",
    },
  },
  GROWTH: {
    dataColumns: ["current", "previous"],
    example: "=KAM.GROWTH(C2:C40,B2:B40)",
    meaning: {
      "en-US": "Each account's growth from last year's revenue in B to this year's in C.",
      "zh-CN": "每个客户从 B 列去年收入到 C 列今年收入的增长率。",
    },
  },
  CAGR: {
    dataColumns: ["first", "last", "periods"],
    example: "=KAM.CAGR(B2,F2,4)",
    meaning: {
      "en-US": "The compound yearly growth from B2 to F2 over 4 years.",
      "zh-CN": "B2 到 F2 四年间的复合年均增长率。",
    },
  },
  SHARE: {
    dataColumns: ["ours", "market"],
    example: "=KAM.SHARE(B2:B40,C2:C40)",
    meaning: {
      "en-US":
        "Our share of each customer's purchases: our sales in B over their total purchases in C.",
      "zh-CN": "我方在每个客户采购中的份额：B 列我方销售额除以 C 列客户总采购额。",
    },
  },
  NPS: {
    dataColumns: ["scores"],
    example: "=KAM.NPS(B2:B120)",
    meaning: {
      "en-US": "The Net Promoter Score of the 0–10 answers in B2:B120.",
      "zh-CN": "B2:B120 中 0–10 分回答的净推荐值。",
    },
  },
  CSAT: {
    dataColumns: ["scores"],
    example: "=KAM.CSAT(B2:B120,4)",
    meaning: {
      "en-US": "The share of answers of 4 or 5 among the 1–5 satisfaction answers in B2:B120.",
      "zh-CN": "B2:B120 中 1–5 分满意度回答里 4 分和 5 分所占比例。",
    },
  },
  KA_CONTRIBUTION: {
    dataColumns: ["amounts", "is_key_account"],
    example: "=KAM.KA_CONTRIBUTION(C2:C500,D2:D500)",
    meaning: {
      "en-US": "The share of revenue (C) that comes from the rows marked as key accounts in D.",
      "zh-CN": "D 列标为大客户的行贡献的收入（C 列）占总收入的比例。",
    },
  },
  WHITESPACE: {
    dataColumns: ["accounts", "products", "amounts"],
    example: '=KAM.WHITESPACE(A2:A800,B2:B800,C2:C800,"Acme Corp")',
    meaning: {
      "en-US":
        "The products (B) that Acme Corp does not buy, with the opportunity each one holds: the " +
        "share of spend (C) the other accounts (A) give it, applied to Acme's total spend.",
      "zh-CN":
        "Acme Corp 没有购买的产品（B 列），以及每个产品的机会金额：其他客户（A 列）在该产品上的" +
        "支出（C 列）占比乘以 Acme 的总支出。",
    },
  },
  ACCOUNT_PROFILE: {
    dataColumns: ["customers", "dates", "amounts"],
    example: '=KAM.ACCOUNT_PROFILE(A2:A800,B2:B800,C2:C800,"Acme Corp",D2:D800)',
    meaning: {
      "en-US":
        "The profile of Acme Corp from the orders in A:C with profit in D: revenue and profit per " +
        "year, growth and CAGR, share and rank, tier and its criteria, ABC class, RFM segment, " +
        "P(alive) and CLV.",
      "zh-CN":
        "由 A:C 列的订单和 D 列的利润得到 Acme Corp 的档案：各年收入和利润、增长率和复合增长率、" +
        "收入占比和排名、客户分级及依据、ABC 类别、RFM 客户群、存活概率和客户终身价值。",
    },
  },
};
