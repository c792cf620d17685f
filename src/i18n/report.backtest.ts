// Text of the back-test of the win probabilities (src/report/backtestSection.ts), en-US and zh-CN: the
// methods' names and the table's headers, shared by every report that writes the back-test.

import { ProbabilityMethod } from "../engine/team/probabilities";
import { Lang } from "./lang";

const en = {
  methods: {
    textbook: "Stage table (textbook 10/30/50/70%)",
    stage: "Learned per stage",
    rep: "Learned per rep",
    band: "Learned per deal size",
  } as Record<ProbabilityMethod, string>,
  section: (start: string, end: string) =>
    `Back-test: forecast of ${start} – ${end} from the pipeline as it stood on ${start}`,
  headers: {
    method: "Probabilities",
    forecast: "Forecast",
    actual: "Actual won",
    error: "Error (forecast − actual)",
    absError: "Abs. % error",
    learnedDeals: "Deals on learned rates",
    deals: "Deals in the pipeline then",
  },
  chosen: " (weights this sheet)",
};

export type BacktestText = typeof en;

const zh: BacktestText = {
  methods: {
    textbook: "阶段表（教科书 10/30/50/70%）",
    stage: "按阶段学习",
    rep: "按销售代表学习",
    band: "按商机金额学习",
  },
  section: (start, end) => `回测：以 ${start} 当时的管道预测 ${start} – ${end}`,
  headers: {
    method: "概率",
    forecast: "预测",
    actual: "实际赢单",
    error: "误差（预测 − 实际）",
    absError: "绝对百分比误差",
    learnedDeals: "采用学习概率的商机",
    deals: "当时管道中的商机",
  },
  chosen: "（本表采用）",
};

export const BACKTEST_TEXT: Readonly<Record<Lang, BacktestText>> = { en, zh };
