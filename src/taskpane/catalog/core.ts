// Gallery entries of the foundation functions.

import { CatalogEntry } from "./entry";

export const CORE_CATALOG: Readonly<Record<string, CatalogEntry>> = {
  FUNNEL_WEIGHT: {
    dataColumns: ["amounts", "stages"],
    example: "=KAM.FUNNEL_WEIGHT(B2:B80,C2:C80,,TRUE)",
    meaning: {
      "en-US":
        "The weighted pipeline: each opportunity amount in B2:B80 times the win probability of its " +
        "stage in C2:C80 (default stages: Prospect 10%, Intent 30%, Proposal 50%, Negotiation 70%, " +
        "Won 100%), returned as the total only.",
      "zh-CN":
        "加权销售漏斗：B2:B80 中每个商机的金额乘以 C2:C80 中其所处阶段的赢单概率（默认阶段：" +
        "潜在客户 10%、意向客户 30%、方案阶段 50%、商务谈判 70%、销售实现 100%），只返回合计。",
    },
  },
  RFM: {
    dataColumns: ["customers", "dates", "amounts"],
    example: "=KAM.RFM(A2:A500,B2:B500,C2:C500,DATE(2024,12,31))",
    meaning: {
      "en-US":
        "Scores every customer in A2:A500 by recency, frequency and monetary value of their orders " +
        "(dates in B, amounts in C), with recency counted to 31 Dec 2024; spills one row per customer.",
      "zh-CN":
        "按订单（B 列为日期，C 列为金额）为 A2:A500 中的每个客户计算最近一次购买（R）、购买频率（F）" +
        "和购买金额（M）评分，最近度计算到 2024 年 12 月 31 日；每个客户溢出一行结果。",
    },
  },
};
