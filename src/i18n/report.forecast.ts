// Text of the forecast report sheet (src/report/forecast.ts): titles, headers, notes and messages, in
// en-US and zh-CN. The zh-CN object is typed from the en-US one, so a missing key is a compile error.

import { Lang } from "./lang";

/** The shape of a label set: strings widen to string, functions keep their parameters. */
export type ReportLabels<T> = {
  readonly [K in keyof T]: T[K] extends (...args: infer A) => infer R
    ? (...args: A) => R extends string ? string : R
    : T[K] extends string
      ? string
      : T[K] extends readonly string[]
        ? readonly string[]
        : ReportLabels<T[K]>;
};

const en = {
  sheetName: "KAM Forecast",
  title: "Sales forecast",
  titleOne: (series: string) => `Sales forecast: ${series}`,
  subtitle: (source: string, created: string) =>
    `${source ? `Source: ${source} · ` : ""}Created ${created} · KAM Analytics`,
  grains: { month: "Monthly", quarter: "Quarterly", year: "Yearly", none: "Periods in row order" },
  grainNouns: { month: "month", quarter: "quarter", year: "year", none: "period" },
  methods: {
    auto: "Automatic (combination)",
    smooth: "Exponential smoothing (ETS)",
    theta: "Theta",
    ma: "Moving average",
    damped: "Damped-trend ETS",
  },
  members: {
    "Weighted ETS": "Akaike-weighted ETS",
    "Damped ETS": "Damped ETS",
    Theta: "Theta",
  } as Record<string, string>,
  model: {
    combination: (parts: string) => `Average of ${parts}`,
    theta: (seasonal: boolean) => (seasonal ? "Theta, seasonally adjusted" : "Theta"),
    ma: (window: number) => `Mean of the last ${window} periods`,
  },
  key: {
    series: "Series",
    seriesCount: "Series forecast",
    notForecast: "Series not forecast",
    frequency: "Periods",
    seasonalPeriod: "Seasonal period",
    history: "History",
    historyRange: (from: string, to: string, n: number) => `${from} to ${to} (${n} periods)`,
    horizon: "Horizon (periods)",
    method: "Method",
    model: "Model",
    confidence: "Prediction interval",
    backtest: "Back-test",
    backtestHow: (origins: number, h: number) =>
      `rolling origin: ${origins} origin${origins === 1 ? "" : "s"} × ${h} periods ahead`,
    backtestNone: "not run",
    mape: "Back-test MAPE (%)",
    smape: "Back-test sMAPE (%)",
    mase: "Back-test MASE",
    next: "Next period forecast",
    total: "Total of the horizon",
  },
  sections: {
    table: "History and forecast",
    backtest: (origins: number, h: number) =>
      `Back-test accuracy (rolling origin: ${origins} origin${origins === 1 ? "" : "s"}, ${h} periods ahead; lower is better)`,
    summary: "Summary by series",
    top: (series: string) => `Largest series by sales to date: ${series}`,
    detail: "Forecasts of all series",
    notes: "Notes",
  },
  headers: {
    period: "Period",
    actual: "Actual",
    forecast: "Forecast",
    lower: "Lower",
    upper: "Upper",
    series: "Series",
    method: "Method / model",
    periods: "History (periods)",
    next: "Next period",
    horizonTotal: "Total of horizon",
    mape: "MAPE (%)",
    smape: "sMAPE (%)",
    mase: "MASE",
    mae: "MAE",
    bias: "Bias",
    used: "Used",
    smooth: "ETS",
    damped: "Damped ETS",
    theta: "Theta",
    ma: "Moving average",
    combination: "Combination",
  },
  total: "Total",
  usedMark: "✓",
  chartTitle: (series: string) => `History and forecast: ${series}`,
  chartOne: "History and forecast",
  notes: {
    aggregated: (rows: number, periods: number, grain: string) =>
      `Values of the same ${grain} are added up: ${rows} rows give ${periods} period totals.`,
    zeroPeriods: (count: number, grain: string) =>
      `${count} ${grain}${count === 1 ? "" : "s"} inside the histories ${count === 1 ? "has" : "have"} no row: the rows are transactions, so ${count === 1 ? "it counts" : "they count"} as 0 sales (not as missing).`,
    gaps: (count: number, list: string) =>
      `${count} period${count === 1 ? "" : "s"} without data (${list}) ${count === 1 ? "was" : "were"} filled by straight-line interpolation between the neighbouring periods for the forecast; their Actual cells are blank.`,
    gapsMany: (count: number) =>
      `${count} period${count === 1 ? "" : "s"} without data inside the histories ${count === 1 ? "was" : "were"} filled by straight-line interpolation between the neighbouring periods (a period with no rows counts as missing, not as 0).`,
    incomplete: (period: string, last: string) =>
      `The last period ${period} is incomplete (data to ${last}) and is left out of the history.`,
    noIntervals: "The moving average has no prediction interval.",
    interval: (level: number) =>
      `Lower and upper bound a ${Math.round(level * 1000) / 10}% prediction interval.`,
    backtestShort: (series: string, h: number) =>
      `${series}: the history is too short to back-test ${h} periods ahead.`,
    backtestFailed: (series: string, method: string, reason: string) =>
      `${series}: ${method} could not be back-tested (${reason}).`,
    compareFailed: (method: string, reason: string) =>
      `${method} could not be fitted to this history (${reason}); its column is blank.`,
    mapeBlank: "MAPE is blank where an actual value is 0 (a percentage of 0 is undefined).",
    failed: (series: string, reason: string) => `Series "${series}" was not forecast: ${reason}.`,
    live: (formula: string) =>
      `Live mode: the forecast cells hold ${formula}, which recalculates when the data changes; recipients without KAM Analytics see #NAME?.`,
    liveNotPossible: (why: string) =>
      `Live formulas were not written (${why}); every number is a value or a native Excel formula.`,
    liveWhyMany: "they are written for a single series only",
    liveWhyAggregated:
      "the data is added up into periods first, which a formula over the rows cannot do",
    liveWhyAddress: "the source address of the values is not known",
    bestMase: (method: string) => `Lowest back-test MASE: ${method}.`,
    compareAuto:
      "The automatic method averages several methods: combining forecasts lowers the error on average (M3 and M4 competitions), even when one method wins on this history.",
    mase: "MASE below 1: the forecasts beat the seasonal-naive forecast (same period last season) on this history.",
    chartLower: "Lower and upper bounds are drawn dashed.",
    detailPeriod:
      "Period: the first day of the month, quarter or year (or the period number without dates).",
  },
  blankSeries: "(blank)",
  reasons: {
    tooShort: (n: number) =>
      `it has ${n} period${n === 1 ? "" : "s"} of data; at least 3 are needed`,
    noValues: "it has no values",
  },
  errors: {
    noData: "The forecast needs data: no rows with a value were found.",
    badDate: (row: number) => `Row ${row}: the date is missing or not a date.`,
    badValue: (row: number) => `Row ${row}: the value is not a number.`,
    horizon: (h: number) => `The horizon ${h} is not allowed; give a whole number from 1 to 1000.`,
    confidence: (c: number) =>
      `The confidence level ${c} is not allowed; give a level between 0 and 1, e.g. 0.95.`,
    frequencyDates: (f: number) =>
      `The frequency ${f} is not allowed with dates; use 12 (monthly), 4 (quarterly) or 1 (yearly).`,
    frequency: (f: number) =>
      `The frequency ${f} is not allowed; give the seasonal period as a whole number from 1 to 24 (12 for months, 4 for quarters, 1 for none).`,
    coarser: (grain: string) =>
      `The dates are further apart than a ${grain}; choose a longer period (frequency 4 or 1), or the data would be mostly gaps.`,
    origins: (k: number) => `The number of back-test origins ${k} is not allowed; give 1 to 100.`,
    method: (m: string) => `The method "${m}" is not known; use auto, smooth, theta or ma.`,
    one: (series: string, reason: string) =>
      `The series "${series}" cannot be forecast: ${reason}.`,
    oneNoName: (reason: string) => `The data cannot be forecast: ${reason}.`,
    none: "No series could be forecast; the notes on each series say why.",
  },
};

export type ForecastReportLabels = ReportLabels<typeof en>;

const zh: ForecastReportLabels = {
  sheetName: "KAM 销售预测",
  title: "销售预测",
  titleOne: (series) => `销售预测：${series}`,
  subtitle: (source, created) =>
    `${source ? `数据来源：${source} · ` : ""}生成于 ${created} · KAM Analytics`,
  grains: { month: "按月", quarter: "按季度", year: "按年", none: "按行顺序的期间" },
  grainNouns: { month: "月", quarter: "季度", year: "年", none: "期间" },
  methods: {
    auto: "自动（组合预测）",
    smooth: "指数平滑 (ETS)",
    theta: "Theta 法",
    ma: "移动平均",
    damped: "阻尼趋势 ETS",
  },
  members: { "Weighted ETS": "赤池加权 ETS", "Damped ETS": "阻尼趋势 ETS", Theta: "Theta" },
  model: {
    combination: (parts) => `${parts} 的平均`,
    theta: (seasonal) => (seasonal ? "Theta（经季节调整）" : "Theta"),
    ma: (window) => `最近 ${window} 期的平均`,
  },
  key: {
    series: "序列",
    seriesCount: "已预测序列",
    notForecast: "未能预测的序列",
    frequency: "期间",
    seasonalPeriod: "季节周期",
    history: "历史数据",
    historyRange: (from, to, n) => `${from} 至 ${to}（${n} 期）`,
    horizon: "预测期数",
    method: "方法",
    model: "模型",
    confidence: "预测区间",
    backtest: "回测",
    backtestHow: (origins, h) => `滚动起点：${origins} 个起点 × 向前 ${h} 期`,
    backtestNone: "未进行",
    mape: "回测 MAPE (%)",
    smape: "回测 sMAPE (%)",
    mase: "回测 MASE",
    next: "下一期预测",
    total: "预测期合计",
  },
  sections: {
    table: "历史与预测",
    backtest: (origins, h) => `回测精度（滚动起点：${origins} 个起点，向前 ${h} 期；越低越好）`,
    summary: "各序列汇总",
    top: (series) => `迄今销售额最大的序列：${series}`,
    detail: "全部序列的预测",
    notes: "说明",
  },
  headers: {
    period: "期间",
    actual: "实际",
    forecast: "预测",
    lower: "下限",
    upper: "上限",
    series: "序列",
    method: "方法 / 模型",
    periods: "历史期数",
    next: "下一期",
    horizonTotal: "预测期合计",
    mape: "MAPE (%)",
    smape: "sMAPE (%)",
    mase: "MASE",
    mae: "MAE",
    bias: "偏差",
    used: "采用",
    smooth: "ETS",
    damped: "阻尼趋势 ETS",
    theta: "Theta",
    ma: "移动平均",
    combination: "组合",
  },
  total: "合计",
  usedMark: "✓",
  chartTitle: (series) => `历史与预测：${series}`,
  chartOne: "历史与预测",
  notes: {
    aggregated: (rows, periods, grain) =>
      `同一${grain}的数值相加：${rows} 行汇总为 ${periods} 个期间。`,
    zeroPeriods: (count, grain) =>
      `历史中有 ${count} 个${grain}没有任何行：数据是逐笔交易，因此这些期间计为销售额 0（而不是缺失）。`,
    gaps: (count, list) =>
      `${count} 个期间没有数据（${list}），预测时按相邻期间直线插值补齐；其“实际”单元格留空。`,
    gapsMany: (count) =>
      `历史中共有 ${count} 个期间没有数据，按相邻期间直线插值补齐（没有任何行的期间视为缺失，而不是 0）。`,
    incomplete: (period, last) => `最后一期 ${period} 不完整（数据截至 ${last}），未计入历史。`,
    noIntervals: "移动平均没有预测区间。",
    interval: (level) => `下限和上限构成 ${Math.round(level * 1000) / 10}% 预测区间。`,
    backtestShort: (series, h) => `${series}：历史太短，无法回测向前 ${h} 期。`,
    backtestFailed: (series, method, reason) => `${series}：${method} 无法回测（${reason}）。`,
    compareFailed: (method, reason) => `${method} 无法拟合此历史数据（${reason}），该列留空。`,
    mapeBlank: "实际值为 0 时 MAPE 留空（0 的百分比没有定义）。",
    failed: (series, reason) => `序列“${series}”未能预测：${reason}。`,
    live: (formula) =>
      `实时模式：预测单元格为 ${formula}，数据变化时自动重算；没有安装 KAM Analytics 的收件人会看到 #NAME?。`,
    liveNotPossible: (why) => `未写入实时公式（${why}）；所有数字均为数值或 Excel 原生公式。`,
    liveWhyMany: "实时公式只用于单个序列",
    liveWhyAggregated: "数据需先按期间汇总，直接引用数据行的公式做不到",
    liveWhyAddress: "不知道数值所在的源地址",
    bestMase: (method) => `回测 MASE 最低：${method}。`,
    compareAuto:
      "自动方法取多种方法的平均：组合预测平均而言误差更低（M3、M4 竞赛），即使在这段历史上某个单一方法更好。",
    mase: "MASE 小于 1：在这段历史上预测优于季节朴素预测（上一季节同期的值）。",
    chartLower: "下限和上限以虚线绘制。",
    detailPeriod: "期间：月、季度或年的第一天（没有日期时为期间序号）。",
  },
  blankSeries: "（空白）",
  reasons: {
    tooShort: (n) => `只有 ${n} 期数据，至少需要 3 期`,
    noValues: "没有数值",
  },
  errors: {
    noData: "预测需要数据：没有找到含数值的行。",
    badDate: (row) => `第 ${row} 行：日期缺失或不是日期。`,
    badValue: (row) => `第 ${row} 行：数值不是数字。`,
    horizon: (h) => `预测期数 ${h} 无效；请输入 1 到 1000 的整数。`,
    confidence: (c) => `置信水平 ${c} 无效；请输入 0 到 1 之间的值，例如 0.95。`,
    frequencyDates: (f) => `有日期时频率 ${f} 无效；请用 12（按月）、4（按季度）或 1（按年）。`,
    frequency: (f) =>
      `频率 ${f} 无效；请输入 1 到 24 的整数作为季节周期（月 12，季度 4，无季节 1）。`,
    coarser: (grain) =>
      `日期间隔大于一${grain}；请选择更长的期间（频率 4 或 1），否则数据大多为缺口。`,
    origins: (k) => `回测起点数 ${k} 无效；请输入 1 到 100。`,
    method: (m) => `未知的方法“${m}”；请用 auto、smooth、theta 或 ma。`,
    one: (series, reason) => `序列“${series}”无法预测：${reason}。`,
    oneNoName: (reason) => `数据无法预测：${reason}。`,
    none: "没有任何序列能够预测；各序列的说明给出了原因。",
  },
};

export const FORECAST_REPORT: Readonly<Record<Lang, ForecastReportLabels>> = { en, zh };
