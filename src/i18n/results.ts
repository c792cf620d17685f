// Labels that custom functions write into cells (spilled headers), in en-US and zh-CN.

export const RESULT_LABELS = {
  en: {
    weightedAmount: "Weighted amount",
    rfmHeaders: [
      "Customer",
      "Recency (days)",
      "Frequency",
      "Monetary",
      "R",
      "F",
      "M",
      "RFM",
      "Segment",
    ],
  },
  zh: {
    weightedAmount: "加权金额",
    rfmHeaders: [
      "客户",
      "最近购买间隔(天)",
      "购买频次",
      "消费金额",
      "R",
      "F",
      "M",
      "RFM",
      "客户分群",
    ],
  },
} as const;
