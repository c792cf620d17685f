// Text of the Pipeline report sheet (src/report/pipeline.ts), en-US and zh-CN. The zh-CN table is typed
// from the en-US one, so a missing (or extra) key is a compile error. Texts that take values are functions.

const n = (v: number) => v.toLocaleString("en-US");

type GrainName = "month" | "quarter" | "week";

const en = {
  sheetName: "KAM Pipeline",
  title: "Sales pipeline: weighted funnel, pipeline by period and overdue deals",
  subtitle: (
    source: string,
    deals: number,
    open: number,
    periods: number,
    grain: GrainName,
    first: string
  ) =>
    `Source: ${source || "(not named)"} · ${n(deals)} opportunities (${n(open)} open) · ${n(periods)} ${grain}${periods === 1 ? "" : "s"} from ${first}`,
  keyFigures: "Key figures",
  kOpen: "Open pipeline",
  kWeighted: "Weighted pipeline (open deals)",
  kCommit: "Commit (open deals in the Commit category)",
  kWon: "Won",
  kOpenDeals: "Open deals",
  kOverdueAsOf: "Overdue as of",
  kOverdueDeals: "Overdue deals",
  kOverdueAmount: "Overdue amount",
  kTarget: "Target (all periods)",
  kCoverage: (last: string) => `Coverage: deals due up to ${last} ÷ target`,
  funnelSection: "Weighted funnel by stage",
  fh: {
    stage: "Stage",
    probability: "Probability",
    category: "Forecast category",
    deals: "Deals",
    amount: "Amount",
    weighted: "Weighted",
    share: "Share of weighted",
  },
  periodSection: (grain: GrainName) =>
    `Pipeline by ${grain} of close date${grain === "week" ? " (weeks start on Monday)" : ""}`,
  ph: {
    period: "Period",
    deals: "Deals",
    total: "Total",
    weighted: "Weighted",
    closed: "Closed",
    commit: "Commit",
    bestCase: "Best case",
    target: "Target",
    gap: "Gap (target − weighted)",
    coverage: "Coverage (total ÷ target)",
  },
  overdueSection: (asOf: string) => `Overdue deals (open, close date before ${asOf})`,
  oh: {
    opportunity: "Opportunity",
    customer: "Customer",
    owner: "Owner",
    stage: "Stage",
    amount: "Amount",
    closeDate: "Close date",
    days: "Days overdue",
    row: "Source row",
  },
  total: "Total",
  notesSection: "Notes",
  funnelChart: "Pipeline by stage (amount)",
  periodChart: (grain: GrainName, target: boolean) =>
    target ? `Weighted pipeline and target by ${grain}` : `Weighted pipeline and won by ${grain}`,
  notes: {
    method:
      "Weighted = amount × the stage's win probability (won deals at 100%). Commit and Best case are cumulative: Closed ≤ Commit ≤ Best case ≤ Total. Overdue: open deals closing before the first period; Later: deals closing after the last.",
    omitted: (count: number) =>
      `${n(count)} lost or omitted opportunities count nowhere (probability 0%, category Omitted).`,
    wonBefore: (count: number, first: string) =>
      `${n(count)} won deals closed before ${first} are left out of the periods (past results); the funnel and Won include them.`,
    noOpen:
      "There are no open opportunities: the pipeline is empty and the tables show won and lost deals only.",
    noOverdue: (asOf: string) => `No open deal is overdue on ${asOf}.`,
    targetZero: (periods: string) =>
      `Gap and coverage are left empty where the target is 0 (${periods}): a coverage needs a target above 0.`,
    noWeighted:
      "Shares of the weighted pipeline are left empty: the weighted total is not above 0.",
    live: "Live formula: the pipeline by period is KAM.PIPELINE_FORECAST and recalculates with the data; recipients need the KAM Analytics add-in.",
    liveNeedsAddresses:
      "Live formulas were asked for, but the source ranges are not known: the sheet holds values and native formulas.",
  },
  errors: {
    noColumn: (role: string) => `The pipeline report needs a ${role} column.`,
    noRows: "The data have no rows: there are no opportunities to analyse.",
    lengths: "The data columns differ in length.",
    notNumber: (row: number, what: string) => `Row ${row}: the ${what} is not a number.`,
    stage: (row: number, stage: string, known: string) =>
      `Row ${row}: unknown stage "${stage}"; known stages: ${known}, or a probability such as 50%.`,
    stageTable: (entry: number, reason: string) => `Stage table, entry ${entry}: ${reason}.`,
    targets: (count: number, periods: number) =>
      `There are ${n(count)} targets for ${n(periods)} periods: give one target per period, or a single number for all.`,
    target: (value: number) => `A target of ${value} is not allowed: targets must be 0 or more.`,
    option: (name: string, rule: string) => `The option ${name} must be ${rule}.`,
  },
  roles: { amount: "amount", stage: "stage", closeDate: "close date" },
};

export type PipelineReportText = typeof en;

const zhGrain: Record<GrainName, string> = { month: "月", quarter: "季度", week: "周" };

const zh: PipelineReportText = {
  sheetName: "KAM 销售漏斗",
  title: "销售漏斗：加权漏斗、分期管道与逾期商机",
  subtitle: (source, deals, open, periods, grain, first) =>
    `数据来源：${source || "（未命名）"} · ${n(deals)} 个商机（${n(open)} 个未结）· 自 ${first} 起 ${n(periods)} ${grain === "week" ? "" : "个"}${zhGrain[grain]}`,
  keyFigures: "关键数字",
  kOpen: "未结管道金额",
  kWeighted: "加权管道金额（未结商机）",
  kCommit: "承诺（承诺类别的未结商机）",
  kWon: "已成交",
  kOpenDeals: "未结商机数",
  kOverdueAsOf: "逾期判断日期",
  kOverdueDeals: "逾期商机数",
  kOverdueAmount: "逾期金额",
  kTarget: "目标（全部期间）",
  kCoverage: (last) => `覆盖率：截至 ${last} 应成交的商机 ÷ 目标`,
  funnelSection: "按阶段的加权漏斗",
  fh: {
    stage: "阶段",
    probability: "赢单概率",
    category: "预测类别",
    deals: "商机数",
    amount: "金额",
    weighted: "加权金额",
    share: "加权金额占比",
  },
  periodSection: (grain) =>
    `按预计成交${zhGrain[grain]}的管道${grain === "week" ? "（每周从周一开始）" : ""}`,
  ph: {
    period: "期间",
    deals: "商机数",
    total: "总金额",
    weighted: "加权金额",
    closed: "已成交",
    commit: "承诺",
    bestCase: "最佳情况",
    target: "目标",
    gap: "差距（目标 − 加权）",
    coverage: "覆盖率（总金额 ÷ 目标）",
  },
  overdueSection: (asOf) => `逾期商机（未结，预计成交日期早于 ${asOf}）`,
  oh: {
    opportunity: "商机",
    customer: "客户",
    owner: "负责人",
    stage: "阶段",
    amount: "金额",
    closeDate: "预计成交日期",
    days: "逾期天数",
    row: "来源行",
  },
  total: "合计",
  notesSection: "说明",
  funnelChart: "各阶段管道金额",
  periodChart: (grain, target) =>
    target ? `每${zhGrain[grain]}加权管道与目标` : `每${zhGrain[grain]}加权管道与已成交`,
  notes: {
    method:
      "加权金额 = 金额 × 阶段赢单概率（已成交按 100%）。承诺和最佳情况为累计值：已成交 ≤ 承诺 ≤ 最佳情况 ≤ 总金额。已逾期：预计成交日期早于第一期的未结商机；以后：晚于最后一期的商机。",
    omitted: (count) => `${n(count)} 个输单或不计入的商机不计入任何期间（概率 0%，类别“不计入”）。`,
    wonBefore: (count, first) =>
      `${n(count)} 个在 ${first} 之前成交的商机不计入各期间（属于历史结果）；漏斗和“已成交”包含它们。`,
    noOpen: "没有未结商机：管道为空，表中只有已成交和输单的商机。",
    noOverdue: (asOf) => `${asOf} 没有逾期的未结商机。`,
    targetZero: (periods) =>
      `目标为 0 的期间（${periods}）不计算差距和覆盖率：覆盖率需要目标大于 0。`,
    noWeighted: "加权金额合计不大于 0，因此加权金额占比留空。",
    live: "实时公式：分期管道为 KAM.PIPELINE_FORECAST，会随数据重新计算；收件人需要安装 KAM Analytics 加载项。",
    liveNeedsAddresses:
      "已要求使用实时公式，但不知道数据来源区域：本表只包含数值和 Excel 原生公式。",
  },
  errors: {
    noColumn: (role) => `销售漏斗报告需要“${role}”列。`,
    noRows: "数据没有任何行，没有可分析的商机。",
    lengths: "各数据列的长度不一致。",
    notNumber: (row, what) => `第 ${row} 行：${what}不是数字。`,
    stage: (row, stage, known) =>
      `第 ${row} 行：未知阶段“${stage}”；已知阶段：${known}，也可以填写概率（如 50%）。`,
    stageTable: (entry, reason) => `阶段表第 ${entry} 项：${reason}。`,
    targets: (count, periods) =>
      `共有 ${n(periods)} 个期间，却给了 ${n(count)} 个目标：请每个期间给一个目标，或给一个适用于所有期间的数。`,
    target: (value) => `目标不能为 ${value}：目标必须大于或等于 0。`,
    option: (name, rule) => `选项 ${name} 必须为 ${rule}。`,
  },
  roles: { amount: "金额", stage: "阶段", closeDate: "预计成交日期" },
};

export const PIPELINE_REPORT: Readonly<Record<"en" | "zh", PipelineReportText>> = { en, zh };
