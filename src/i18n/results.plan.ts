// Labels that the funnel and plan functions write into cells (spilled headers, row labels), en-US and zh-CN.

import { Grain, periodLabel } from "../engine/calendar";
import { ForecastRow, PipelineForecast } from "../engine/pipeline/forecast";
import { Lang } from "./lang";

export const PLAN_LABELS = {
  en: {
    pipelineHeaders: [
      "Period",
      "Deals",
      "Closed + open",
      "Closed + weighted open",
      "Closed",
      "Commit",
      "Best case",
    ],
    overdue: "Overdue",
    noCloseDate: "No close date",
    later: "Later",
    total: "Total",
    coverage: {
      pipeline: "Pipeline",
      target: "Target",
      coverage: "Coverage (pipeline ÷ target)",
      winRate: "Win rate",
      coverageNeeded: "Coverage needed (1 ÷ win rate)",
      pipelineNeeded: "Pipeline needed (target ÷ win rate)",
      expectedWins: "Expected wins (pipeline × win rate)",
      shortfall: "Pipeline shortfall",
    },
    conversionHeaders: [
      "Stage",
      "Win probability",
      "Reached",
      "Moved on",
      "Conversion to next",
      "Won",
    ],
    cycleHeaders: ["Group", "Deals", "Mean (days)", "Median (days)", "Min (days)", "Max (days)"],
    all: "All",
    loadHeaders: ["Rep", "Accounts", "Status", "Difference"],
    loadStatus: { under: "Under", ok: "OK", over: "Over" },
    splitHeader: "Target",
    phaseHeaders: ["Period", "Share", "Target"],
    gap: {
      target: "Target",
      actual: "Actual to date",
      attainment: "Attainment",
      gap: "Gap to target",
      forecast: "Forecast for the rest",
      expected: "Expected total",
      expectedAttainment: "Expected attainment",
      expectedGap: "Expected gap",
      periodsLeft: "Periods left",
      runRate: "Run rate needed per period",
      forecastRate: "Forecast per period",
      extraRate: "Extra needed per period",
    },
    budget: {
      period: "Period",
      revenue: "Revenue",
      line: (k: number) => `Cost ${k}`,
      variable: "Variable costs",
      fixed: "Fixed costs",
      totalCost: "Total costs",
      profit: "Profit",
      margin: "Margin",
    },
  },
  zh: {
    pipelineHeaders: [
      "期间",
      "商机数",
      "已成交 + 未结",
      "已成交 + 加权未结",
      "已成交",
      "承诺",
      "最佳情况",
    ],
    overdue: "已逾期",
    noCloseDate: "无预计成交日期",
    later: "以后",
    total: "合计",
    coverage: {
      pipeline: "管道金额",
      target: "目标",
      coverage: "覆盖率（管道÷目标）",
      winRate: "赢单率",
      coverageNeeded: "所需覆盖率（1÷赢单率）",
      pipelineNeeded: "所需管道（目标÷赢单率）",
      expectedWins: "预计赢单（管道×赢单率）",
      shortfall: "管道缺口",
    },
    conversionHeaders: ["阶段", "赢单概率", "到达数", "进入下一阶段", "阶段转化率", "赢单数"],
    cycleHeaders: ["分组", "商机数", "平均(天)", "中位数(天)", "最短(天)", "最长(天)"],
    all: "全部",
    loadHeaders: ["销售代表", "客户数", "状态", "差额"],
    loadStatus: { under: "偏少", ok: "合适", over: "偏多" },
    splitHeader: "目标",
    phaseHeaders: ["期间", "占比", "目标"],
    gap: {
      target: "目标",
      actual: "累计实际",
      attainment: "完成率",
      gap: "目标差距",
      forecast: "剩余期间预测",
      expected: "预计总额",
      expectedAttainment: "预计完成率",
      expectedGap: "预计差距",
      periodsLeft: "剩余期数",
      runRate: "每期所需销售额",
      forecastRate: "每期预测",
      extraRate: "每期需额外增加",
    },
    budget: {
      period: "期间",
      revenue: "收入",
      line: (k: number) => `成本${k}`,
      variable: "变动成本",
      fixed: "固定成本",
      totalCost: "总成本",
      profit: "利润",
      margin: "利润率",
    },
  },
} as const;

/** The label of a KAM.PIPELINE_FORECAST row: Overdue, the period, Later, No close date, Total. */
export function pipelineRowLabel(
  row: ForecastRow,
  result: PipelineForecast,
  grain: Grain,
  lang: Lang
): string {
  const L = PLAN_LABELS[lang];
  switch (row.kind) {
    case "overdue":
      return L.overdue;
    case "later":
      return L.later;
    case "noDate":
      return L.noCloseDate;
    case "total":
      return L.total;
    case "period":
      return periodLabel(row.start ?? result.start, grain);
  }
}

/**
 * The rows KAM.PIPELINE_FORECAST spills, as the function and the pipeline report both present them:
 * label, deals, closed + open, closed + weighted open, closed, commit, best case.
 */
export function pipelineForecastRows(
  result: PipelineForecast,
  grain: Grain,
  lang: Lang
): (string | number)[][] {
  return result.rows.map((r) => [pipelineRowLabel(r, result, grain, lang), ...pipelineFigures(r)]);
}

/** A row's figures in the spilled column order: deals, closed + open, closed + weighted open,
 *  closed, commit, best case. */
export function pipelineFigures(r: ForecastRow): number[] {
  return [r.count, r.total, r.weighted, r.closed, r.commit, r.bestCase];
}
