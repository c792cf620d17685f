// Gallery entries of the funnel and the plan: pipeline, coverage, conversion, targets, budgets.

import { CatalogEntry } from "./entry";

export const PLAN_CATALOG: Readonly<Record<string, CatalogEntry>> = {
  PIPELINE_FORECAST: {
    dataColumns: ["amounts", "stages", "close_dates"],
    example: '=KAM.PIPELINE_FORECAST(B2:B500,C2:C500,D2:D500,DATE(2025,1,1),4,"quarter")',
    meaning: {
      "en-US":
        "The pipeline of the opportunities in B2:B500 (stages in C, close dates in D) by quarter of " +
        "2025: deals, total, weighted, closed, commit and best case per quarter, open deals due before " +
        "2025 in an Overdue row, later ones in a Later row, and a Total row.",
      "zh-CN":
        "按 2025 年各季度汇总 B2:B500 中的商机（C 列为阶段，D 列为成交日期）：每季度的商机数、总金额、" +
        "加权金额、已成交、承诺和最佳情况；2025 年以前到期仍未关闭的商机列在“已逾期”行，更晚的列在“以后”行，" +
        "最后为合计。",
    },
  },
  PIPELINE_COVERAGE: {
    dataColumns: ["pipeline"],
    example: "=KAM.PIPELINE_COVERAGE(B2:B80,1200000,25%)",
    meaning: {
      "en-US":
        "How many times the open pipeline in B2:B80 covers a target of 1,200,000, and the pipeline the " +
        "target needs at a 25% win rate (4,800,000) with the shortfall.",
      "zh-CN":
        "B2:B80 中的管道金额是 1,200,000 目标的多少倍，以及在 25% 赢单率下完成目标所需的管道（4,800,000）和缺口。",
    },
  },
  FUNNEL_CONVERSION: {
    dataColumns: ["stages_reached", "outcomes"],
    example: "=KAM.FUNNEL_CONVERSION(C2:C900,D2:D900)",
    meaning: {
      "en-US":
        "Learns the funnel from closed deals: the furthest stage of each deal in C2:C900 and its outcome " +
        "(Won/Lost) in D; per stage the deals that reached it, moved on, the conversion and the empirical " +
        "win probability, ready to use as a stage table in KAM.FUNNEL_WEIGHT.",
      "zh-CN":
        "由已关闭商机学习漏斗：C2:C900 为每个商机到达的最远阶段，D 列为结果（赢单/输单）；" +
        "每个阶段的到达数、进入下一阶段数、转化率和经验赢单概率，可直接作为 KAM.FUNNEL_WEIGHT 的阶段表。",
    },
  },
  SALES_CYCLE: {
    dataColumns: ["start_dates", "close_dates", "groups"],
    example: "=KAM.SALES_CYCLE(B2:B400,C2:C400,D2:D400)",
    meaning: {
      "en-US":
        "Days from opening (B2:B400) to close (C) of each closed deal, per rep in D: count, mean, median, " +
        "shortest and longest, then the same for all deals.",
      "zh-CN":
        "每个已关闭商机从创建（B2:B400）到成交（C 列）的天数，按 D 列的销售代表统计数量、平均值、中位数、" +
        "最短和最长，最后一行为全部商机。",
    },
  },
  ACCOUNT_LOAD: {
    dataColumns: ["reps", "accounts"],
    example: "=KAM.ACCOUNT_LOAD(A2:A300,B2:B300)",
    meaning: {
      "en-US":
        "Distinct accounts in B2:B300 per sales rep in A, flagged Under (fewer than 30), OK or Over (more " +
        "than 40), with the difference to the range.",
      "zh-CN":
        "按 A 列的销售代表统计 B2:B300 中不重复的客户数，标出偏少（少于 30）、合适或偏多（多于 40），并给出与范围的差额。",
    },
  },
  TARGET_SPLIT: {
    dataColumns: ["total"],
    example: '=KAM.TARGET_SPLIT(5000000,B2:B9,"sales",1000)',
    meaning: {
      "en-US":
        "Splits a target of 5,000,000 across the teams in rows 2 to 9 in proportion to last year's sales " +
        "in B2:B9, in whole thousands that add up to exactly 5,000,000.",
      "zh-CN":
        "把 5,000,000 的目标按 B2:B9 中去年的销售额比例分解到第 2 至 9 行的团队，取整到千位，合计正好等于 5,000,000。",
    },
  },
  TARGET_PHASE: {
    dataColumns: ["annual_target"],
    example: "=KAM.TARGET_PHASE(12000000,B2:B37,12,1000)",
    meaning: {
      "en-US":
        "Phases an annual target of 12,000,000 into months by the average share of each month in the " +
        "three years of monthly sales in B2:B37, in whole thousands adding up to the target.",
      "zh-CN":
        "按 B2:B37 中三年月度销售里每个月所占比例的平均值，把 12,000,000 的年度目标分配到各月，取整到千位，合计等于目标。",
    },
  },
  GAP: {
    dataColumns: ["target", "actual_to_date", "forecast_rest"],
    example: "=KAM.GAP(B2:B13,C2:C13,D2:D13,3)",
    meaning: {
      "en-US":
        "The year's target (the monthly targets in B2:B13 added up) against the actual sales so far in C " +
        "(blank for months to come): attainment, the gap, the forecast for the rest in D, and the sales " +
        "needed in each of the 3 months left.",
      "zh-CN":
        "全年目标（B2:B13 各月目标之和）对比 C 列迄今的实际销售（未来月份为空白）：完成率、差距、D 列剩余期间的预测，" +
        "以及剩余 3 个月每月所需的销售额。",
    },
  },
  BUDGET: {
    dataColumns: ["revenue_plan", "cost_rates"],
    example: "=KAM.BUDGET(B2:B13,C1:D2,E2:E13)",
    meaning: {
      "en-US":
        "The monthly sales budget for the revenue plan in B2:B13 with the cost lines named in C1:D1 and " +
        "their rates in C2:D2 (e.g. 60% cost of sales, 5% commission), fixed costs in E2:E13: costs, " +
        "profit and margin per month and in total.",
      "zh-CN":
        "按 B2:B13 的收入计划编制月度销售预算：C1:D1 为成本项名称，C2:D2 为其费率（如销售成本 60%、佣金 5%），" +
        "E2:E13 为固定成本；逐月及合计的成本、利润和利润率。",
    },
  },
};
