// Labels that custom functions write into cells (spilled headers), in en-US and zh-CN.

export const RESULT_LABELS = {
  en: {
    weightedAmount: "Weighted amount",
    /** The end of a text longer than a cell holds, cut to fit (report/cellText's cutCellText). */
    cutNote: (length: string, max: string) => ` … (cut: ${length} characters, a cell holds ${max})`,
    /** A writer's note naming a cell whose text was cut. */
    cutCell: (where: string, length: string) =>
      `${where}: the text has ${length} characters, more than a cell holds; it was cut.`,
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
    cutNote: (length: string, max: string) =>
      ` …（已截断：共 ${length} 个字符，单元格最多 ${max} 个）`,
    cutCell: (where: string, length: string) =>
      `${where}：文本有 ${length} 个字符，超过单元格上限，已截断。`,
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
