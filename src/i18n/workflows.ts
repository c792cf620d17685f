// The task pane's report workflows: every string they show, in en-US and zh-CN. The zh-CN table is
// typed from the en-US one, so a missing key is a compile error.

import { ExtraId, Role } from "../report/roles";
import { SOURCE_STRINGS } from "./report.source";
import { WorkflowId } from "../report/model";
import { Language } from "./strings";

const count = (n: number) => n.toLocaleString("en-US");

const enUS = {
  tabReports: "Reports",
  tabFunctions: "Functions",
  reportsIntro:
    "Turn a sheet you already have into a finished analysis sheet: pick the data, check the columns, and the add-in writes a new sheet with a table, formats and a chart.",
  workflowNames: {
    accounts: "Accounts",
    forecast: "Forecast",
    pipeline: "Pipeline",
    plan: "Plan",
    portfolio: "Portfolio",
    kpi: "KPIs",
    team: "Sales team",
    "account-plan": "Account plan",
  } as Record<WorkflowId, string>,
  workflowDescriptions: {
    accounts:
      "RFM scores and segments, 80/20 classes, customer lifetime value and tiers from an order list; a Pareto chart and a segment summary.",
    forecast:
      "A forecast with its interval from one series or many (per account, product or region), the method chosen and its back-tested accuracy; a line chart.",
    pipeline:
      "The weighted funnel, pipeline by month against target, coverage and overdue deals from an opportunity list; a funnel chart.",
    plan: "Target split to teams, people and months, the revenue/cost/profit budget, and the key-account plan (T+3) template pre-filled from your data.",
    portfolio:
      "The directional policy matrix: attractiveness × strength with revenue as the bubble, and the strategy for each account.",
    kpi: "Retention, growth, market share, satisfaction and key-account contribution, period over period.",
    team: "Per rep and for the team: pipeline with learned and textbook win rates and their back-test, velocity, account load and rebalancing, declining accounts and the revenue bridge.",
    "account-plan":
      "One plan per key account: profile, whitespace, outlook, buying centre, the T+3 plan and actions, pre-filled from your orders (and, optionally, opportunities, contacts and customer financials).",
  } as Record<WorkflowId, string>,
  back: "All reports",
  stepData: "1. Data",
  stepColumns: "2. Columns",
  stepOptions: "3. Options",
  stepRun: "4. Report",
  sourceKind: "Read from",
  sourceSelection: "The current selection",
  sourceTable: "An Excel table",
  sourceName: "A named range",
  sourceTablePlaceholder: "Choose a table",
  sourceNamePlaceholder: "Choose a named range",
  noTables: "This workbook has no Excel tables.",
  noNames: "This workbook has no named ranges that refer to cells.",
  selectionHint: "Select the whole list in the sheet, header row included, then choose Read data.",
  readData: "Read data",
  reading: "Reading…",
  readFailed: "The data could not be read.",
  dataRead: (address: string, rows: number) =>
    `${address}: ${count(rows)} ${rows === 1 ? "row" : "rows"} read.`,
  extrasTitle: "More data (optional)",
  extraNames: {
    opportunities: "Opportunities",
    orders: "Orders",
    contacts: "Contacts",
    facts: "Customer financials",
    targets: "Targets",
    snapshot: "Earlier opportunity export",
    owners: "Account owners",
  } as Record<ExtraId, string>,
  extraHelp: {
    opportunities: "An opportunity list: stage, amount, close date (created date if you have it).",
    orders: "An order list: customer, date, amount (owner, product, profit if you have them).",
    contacts: "The buying centre: account, name, title, role, attitude, last contact.",
    facts: "The customer's own figures by year: revenue, net profit, assets and liabilities.",
    targets: "Targets by owner or team and period.",
    snapshot: "The same opportunity list exported earlier: deals whose close date moved.",
    owners: "Which owner holds which account.",
  } as Record<ExtraId, string>,
  extraNone: "Not used",
  extraFrom: (what: string) => `Read from ${what}`,
  extraRead: "Read",
  extraClear: "Remove",
  extraRows: (address: string, rows: number, columns: string) =>
    `${address}: ${count(rows)} ${rows === 1 ? "row" : "rows"} (${columns}).`,
  extraProblem: (name: string, problem: string) => `${name}: ${problem}`,
  extraSkipped: (n: number, first: string) =>
    `${count(n)} ${n === 1 ? "row" : "rows"} left out; first: ${first}`,
  extrasBlocked: "Fix the extra data above, or remove it, before the report is created.",
  headerRow: "Header row",
  headerRowOption: (row: number, preview: string) => `Sheet row ${row}: ${preview}`,
  headerNone: "No header row",
  // The source reader's role names, two of them spelled out for the drop-downs.
  roleLabel: {
    ...SOURCE_STRINGS.en.roles,
    series: "Series (account, product…)",
    team: "Team or region",
  } as Record<Role, string>,
  roleField: (label: string, required: boolean) =>
    `${label} (${required ? "required" : "optional"})`,
  notUsed: "(not used)",
  columnOption: (letter: string, header: string) => `${letter}: ${header}`,
  wideLayout: "One series per row (wide layout): the columns are periods.",
  // Date order of year-last text dates (03/01/2019), in the columns step.
  dateOrderLabel: "Dates such as 03/01/2019 mean",
  dateOrderAuto: (decided: string) => `decided per column (now: ${decided})`,
  dateOrderDayFirst: "day first (3 January)",
  dateOrderMonthFirst: "month first (March 1)",
  dateOrderName: { dmy: "day first", mdy: "month first" } as Record<"dmy" | "mdy", string>,
  dateProvenPart: (order: string, example: string, column: string) =>
    `${order}, proven by ${example} in column ${column}`,
  dateAssumedPart: (order: string, column: string) =>
    `${order}, assumed from the workbook's locale in column ${column}`,
  dateMixedPart: (order: string, example: string, column: string, other: number) =>
    `${order} in column ${column}: mixed, most dates such as ${example}; ${count(other)} ${other === 1 ? "date reads" : "dates read"} only the other way`,
  listSeparator: "; ",
  // Other columns whose header names a role just as well.
  alsoMatches: (columns: string) => `Also matches: ${columns}`,
  columnShort: (letter: string, header: string) => `${letter} (${header})`,
  // The pipeline's stages, checked before Create.
  stagesTitle: "Stages",
  stageColumn: "Stage",
  probabilityColumn: "Probability",
  dealsColumn: "Deals",
  stageAsProbability: "written as a probability",
  stageUnknown: (row: number, learned: string | null) =>
    `unknown, first in row ${row}${learned ? `; takes the learned ${learned}` : ""}`,
  stageOwn: (row: number) => `your probability, first in row ${row}`,
  stageProbabilityLabel: (stage: string) => `Probability of ${stage}`,
  stageNoProbability: "none",
  stagesHint:
    "These are the stage table's probabilities. With Win probabilities set to Learned per stage (the default), the report weights a stage by the rate learned from the closed deals when enough of them back it, and shows both. Edit a probability (0% to 100%) to use your own table instead; give an unknown stage one to add it. Won and lost stages stay at 100% and 0%.",
  stageCounts: (won: number, lost: number, open: number) =>
    `${count(won)} won, ${count(lost)} lost, ${count(open)} open ${open === 1 ? "deal" : "deals"}.`,
  stageBadProbability: (stage: string) => `${stage}: enter a percentage from 0% to 100%.`,
  stagesProblem: "The stages need a decision",
  stagesReset: "Use the default probabilities",
  createBlockedStages:
    "Create report is unavailable until every stage has a probability: see Stages under 2. Columns.",
  createBlockedInput:
    "Create report is unavailable until every stage probability is a percentage from 0% to 100%.",
  // What the report itself says the reader must know (also on the sheet).
  reportWarnings: "The report notes:",
  previewKept: (kept: number) => `${count(kept)} ${kept === 1 ? "row" : "rows"} will be used.`,
  previewSkipped: (skipped: number) =>
    `${count(skipped)} ${skipped === 1 ? "row" : "rows"} will be skipped:`,
  previewMore: (more: number) => `…and ${count(more)} more.`,
  problemsTitle: "Not ready yet",
  optionLabels: {
    asOf: "As of (date)",
    bins: "Score classes (RFM)",
    paretoShare: "A class: share of revenue",
    horizon: "Periods to forecast",
    confidence: "Interval",
    method: "Method",
    compare: "Compare methods and their combination",
    periods: "Periods",
    grain: "Period",
    targets: "Target per period",
    year: "Plan year",
    annualTarget: "Annual target (blank: last year + growth)",
    growth: "Growth",
    unit: "Round targets to",
    cut: "High/low cut (blank: middle of the scale)",
    highShare: "Tier: high contribution from a revenue share of",
    lowShare: "Tier: low contribution up to a revenue share of",
    shrinkingGrowth: "Tier: shrinking below a growth of",
    growingGrowth: "Tier: growing from a growth of",
    clvMonths: "CLV horizon (months)",
    discount: "CLV discount rate per month",
    splitBy: "Split the target by",
    maxCustomers: "Most customers with a target each (above: by ABC class)",
    probabilities: "Win probabilities",
    minClosed: "Closed deals per learned rate",
    loadMin: "Fewest accounts per rep",
    loadMax: "Most accounts per rep",
    decline: "Declining: revenue fall above",
    silentDays: "No order for (days)",
    outlookPeriods: "Outlook periods (blank: 6 months or 2 quarters)",
    accounts: "Accounts to plan (comma-separated; blank: the core tier)",
    top: "Or the largest N accounts",
    planGrowth: "Target growth per year (blank: the forecast)",
    staleDays: "Contact not reached after (days)",
  } as Record<string, string>,
  choiceLabels: {
    auto: "Automatic (recommended)",
    smooth: "Exponential smoothing (ETS)",
    theta: "Theta",
    ma: "Moving average",
    month: "Month",
    quarter: "Quarter",
    week: "Week",
    year: "Year",
    team: "Team",
    owner: "Owner",
    region: "Region",
    customer: "Customer",
    abc: "ABC class of the customers",
    learned: "Learned per stage",
    textbook: "Stage table (textbook 10–70% unless edited)",
    rep: "Learned per rep",
    band: "Learned per deal size",
  } as Record<string, string>,
  optionBlank: "blank = automatic",
  optionProblem: (
    label: string,
    problem: "number" | "date" | "range" | "integer",
    bounds: string
  ) =>
    `${label}: ${
      problem === "number"
        ? "enter a number"
        : problem === "date"
          ? "enter a date such as 2024-12-31"
          : problem === "integer"
            ? `enter a whole number (${bounds})`
            : `allowed: ${bounds}`
    }.`,
  outputMode: "Output",
  outputPortable: "Values and Excel formulas (anyone can open it)",
  outputLive: "Live KAM formulas (recalculate; recipients need the add-in)",
  liveWarning:
    "Colleagues without KAM Analytics will see #NAME? in the live cells. Choose values and Excel formulas for a sheet you send to finance.",
  run: "Create report",
  running: "Working…",
  building: (done: number, total: number) => `Calculating: ${count(done)} of ${count(total)}`,
  writing: (done: number, total: number) =>
    `Writing to Excel: ${count(done)} of ${count(total)} cells`,
  cancel: "Cancel",
  written: (sheet: string) => `The report is on the sheet “${sheet}”.`,
  writtenWarnings: (what: string) => `Not everything could be written: ${what}.`,
  unsupportedHost:
    "Report sheets need Excel for Microsoft 365, Excel 2021 or later, or Excel on the web (Excel JavaScript API 1.12). The functions on the Functions tab work in this Excel.",
  writtenTitle: "Report written",
  failedTitle: "The report was not written",
  replaceTitle: "Replace the earlier report?",
  replaceBody: (sheet: string, created: string) =>
    `The sheet “${sheet}” holds a report this add-in wrote on ${created}. Replace it with the new report, or keep it and write the new one to another sheet?`,
  replaceConfirm: "Replace it",
  replaceKeep: "Keep it, use a new sheet",
  nothingLost: "Your own sheets were not changed.",
  buildFailed: "The report could not be calculated.",
} as const;

export type WorkflowStrings = {
  [K in keyof typeof enUS]: (typeof enUS)[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : (typeof enUS)[K] extends string
      ? string
      : (typeof enUS)[K];
};

const zhCN: WorkflowStrings = {
  tabReports: "报表",
  tabFunctions: "函数",
  reportsIntro:
    "把已有的工作表变成一张完整的分析表：选择数据、核对各列，加载项会新建一张带表格、格式和图表的工作表。",
  workflowNames: {
    accounts: "客户分析",
    forecast: "销售预测",
    pipeline: "销售漏斗",
    plan: "目标与预算",
    portfolio: "客户组合",
    kpi: "关键指标",
    team: "销售团队",
    "account-plan": "账户计划",
  },
  workflowDescriptions: {
    accounts:
      "根据订单清单计算 RFM 评分与分群、80/20 分类、客户终身价值和客户等级；帕累托图和分群汇总。",
    forecast:
      "对一个或多个序列（按客户、产品或区域）做预测并给出区间、所选方法及其回测精度；折线图。",
    pipeline: "根据商机清单计算加权漏斗、按月管道与目标对比、覆盖率和逾期商机；漏斗图。",
    plan: "把目标分解到团队、个人和月份，编制收入/成本/利润预算，并根据数据预填大客户营销计划（T+3）模板。",
    portfolio: "方向性政策矩阵：市场吸引力 × 业务实力，气泡大小为收入，并给出每个客户的策略。",
    kpi: "客户保留率、增长率、市场份额、满意度和大客户贡献率，逐期对比。",
    team: "按销售代表和团队：加权管道（学习所得与教科书赢单率对比及回测）、销售速度、客户负荷与调整、下滑客户和收入桥。",
    "account-plan":
      "为每个大客户制定一份计划：客户档案、空白点、展望、采购决策单元、T+3 计划和行动，根据订单（以及可选的商机、联系人和客户财务数据）预填。",
  },
  back: "全部报表",
  stepData: "1. 数据",
  stepColumns: "2. 列",
  stepOptions: "3. 选项",
  stepRun: "4. 报表",
  sourceKind: "读取自",
  sourceSelection: "当前选定区域",
  sourceTable: "Excel 表格",
  sourceName: "命名区域",
  sourceTablePlaceholder: "选择表格",
  sourceNamePlaceholder: "选择命名区域",
  noTables: "此工作簿没有 Excel 表格。",
  noNames: "此工作簿没有指向单元格的命名区域。",
  selectionHint: "在工作表中选中整个清单（包括标题行），然后点击“读取数据”。",
  readData: "读取数据",
  reading: "正在读取…",
  readFailed: "无法读取数据。",
  dataRead: (address: string, rows: number) => `${address}：已读取 ${count(rows)} 行。`,
  extrasTitle: "更多数据（可选）",
  extraNames: {
    opportunities: "商机",
    orders: "订单",
    contacts: "联系人",
    facts: "客户财务数据",
    targets: "目标",
    snapshot: "较早导出的商机清单",
    owners: "客户负责人",
  },
  extraHelp: {
    opportunities: "商机清单：阶段、金额、预计成交日期（如有，还有创建日期）。",
    orders: "订单清单：客户、日期、金额（如有，还有负责人、产品、利润）。",
    contacts: "采购决策小组：客户、姓名、职位、角色、态度、最近联系日期。",
    facts: "客户自身的年度数据：收入、净利润、资产和负债。",
    targets: "按负责人或团队、期间的目标。",
    snapshot: "同一商机清单较早的导出：用来找出成交日期推迟的商机。",
    owners: "每个客户由哪位负责人负责。",
  },
  extraNone: "不使用",
  extraFrom: (what: string) => `读取自${what}`,
  extraRead: "读取",
  extraClear: "移除",
  extraRows: (address: string, rows: number, columns: string) =>
    `${address}：${count(rows)} 行（${columns}）。`,
  extraProblem: (name: string, problem: string) => `${name}：${problem}`,
  extraSkipped: (n: number, first: string) => `有 ${count(n)} 行未使用；第一行：${first}`,
  extrasBlocked: "请先修正或移除上面的附加数据，再创建报表。",
  headerRow: "标题行",
  headerRowOption: (row: number, preview: string) => `工作表第 ${row} 行：${preview}`,
  headerNone: "没有标题行",
  roleLabel: { ...SOURCE_STRINGS.zh.roles, series: "序列（客户、产品…）", team: "团队或区域" },
  roleField: (label: string, required: boolean) => `${label}（${required ? "必填" : "可选"}）`,
  notUsed: "（不使用）",
  columnOption: (letter: string, header: string) => `${letter}：${header}`,
  wideLayout: "每行一个序列（宽格式）：各列为期间。",
  dateOrderLabel: "03/01/2019 这样的日期表示",
  dateOrderAuto: (decided: string) => `由各列自行判断（当前：${decided}）`,
  dateOrderDayFirst: "日在前（1 月 3 日）",
  dateOrderMonthFirst: "月在前（3 月 1 日）",
  dateOrderName: { dmy: "日在前", mdy: "月在前" },
  dateProvenPart: (order: string, example: string, column: string) =>
    `${column} 列${order}，由 ${example} 确定`,
  dateAssumedPart: (order: string, column: string) =>
    `${column} 列${order}，按工作簿的区域设置推定`,
  dateMixedPart: (order: string, example: string, column: string, other: number) =>
    `${column} 列${order}：两种顺序混用，多数如 ${example}；${count(other)} 个日期只能按另一种顺序读取`,
  listSeparator: "；",
  alsoMatches: (columns: string) => `也可能是：${columns}`,
  columnShort: (letter: string, header: string) => `${letter}（${header}）`,
  stagesTitle: "阶段",
  stageColumn: "阶段",
  probabilityColumn: "概率",
  dealsColumn: "商机数",
  stageAsProbability: "以概率填写",
  stageUnknown: (row: number, learned: string | null) =>
    `未知，首次出现在第 ${row} 行${learned ? `；采用学习所得的 ${learned}` : ""}`,
  stageOwn: (row: number) => `您填写的概率，首次出现在第 ${row} 行`,
  stageProbabilityLabel: (stage: string) => `${stage} 的概率`,
  stageNoProbability: "无",
  stagesHint:
    "此处为阶段表的概率。“赢单概率”选项为“按阶段学习”（默认）时，已关闭商机足够多的阶段按其学习所得的赢单率加权，报表并列显示两者。修改概率（0% 到 100%）即改用您自己的阶段表；为未知阶段填写概率即可将其加入。赢单和输单阶段固定为 100% 和 0%。",
  stageCounts: (won: number, lost: number, open: number) =>
    `赢单 ${count(won)} 个，输单 ${count(lost)} 个，未结 ${count(open)} 个商机。`,
  stageBadProbability: (stage: string) => `${stage}：请输入 0% 到 100% 之间的百分比。`,
  stagesProblem: "阶段需要您来决定",
  stagesReset: "使用默认概率",
  createBlockedStages: "每个阶段都有概率之后才能生成报表：请见“2. 列”中的“阶段”。",
  createBlockedInput: "每个阶段概率都是 0% 到 100% 之间的百分比之后才能生成报表。",
  reportWarnings: "报表说明：",
  previewKept: (kept: number) => `将使用 ${count(kept)} 行。`,
  previewSkipped: (skipped: number) => `将跳过 ${count(skipped)} 行：`,
  previewMore: (more: number) => `……另有 ${count(more)} 行。`,
  problemsTitle: "尚不能运行",
  optionLabels: {
    asOf: "截止日期",
    bins: "评分档数（RFM）",
    paretoShare: "A 类：收入占比",
    horizon: "预测期数",
    confidence: "区间",
    method: "方法",
    compare: "比较各方法及其组合",
    periods: "期数",
    grain: "期间",
    targets: "每期目标",
    year: "计划年度",
    annualTarget: "年度目标（留空：上年 + 增长）",
    growth: "增长率",
    unit: "目标取整到",
    cut: "高/低分界（留空：量表中点）",
    highShare: "分级：收入贡献高的占比下限",
    lowShare: "分级：收入贡献低的占比上限",
    shrinkingGrowth: "分级：增长率低于此值为萎缩",
    growingGrowth: "分级：增长率达到此值为增长",
    clvMonths: "客户终身价值期限（月）",
    discount: "客户终身价值月折现率",
    splitBy: "目标分解到",
    maxCustomers: "逐个客户分解的最多客户数（超过则按 ABC 类）",
    probabilities: "赢单概率",
    minClosed: "学习概率所需的已关闭商机数",
    loadMin: "每人最少客户数",
    loadMax: "每人最多客户数",
    decline: "下滑：收入降幅超过",
    silentDays: "无订单天数",
    outlookPeriods: "展望期数（留空：6 个月或 2 个季度）",
    accounts: "要计划的客户（逗号分隔；留空：核心客户）",
    top: "或收入最大的 N 个客户",
    planGrowth: "目标年增长率（留空：按预测）",
    staleDays: "超过多少天未联系即提示",
  },
  choiceLabels: {
    auto: "自动（推荐）",
    smooth: "指数平滑（ETS）",
    theta: "Theta 法",
    ma: "移动平均",
    month: "月",
    quarter: "季度",
    week: "周",
    year: "年",
    team: "团队",
    owner: "负责人",
    region: "区域",
    customer: "客户",
    abc: "客户 ABC 类",
    learned: "按阶段学习",
    textbook: "阶段表（未修改时为教科书 10–70%）",
    rep: "按销售代表学习",
    band: "按商机金额学习",
  },
  optionBlank: "留空 = 自动",
  optionProblem: (
    label: string,
    problem: "number" | "date" | "range" | "integer",
    bounds: string
  ) =>
    `${label}：${
      problem === "number"
        ? "请输入数字"
        : problem === "date"
          ? "请输入日期，例如 2024-12-31"
          : problem === "integer"
            ? `请输入整数（${bounds}）`
            : `允许范围：${bounds}`
    }。`,
  outputMode: "输出",
  outputPortable: "数值和 Excel 公式（任何人都能打开）",
  outputLive: "实时 KAM 公式（自动重算；接收者需要安装加载项）",
  liveWarning:
    "没有安装 KAM Analytics 的同事会在实时单元格中看到 #NAME?。发给财务的表请选择“数值和 Excel 公式”。",
  run: "生成报表",
  running: "正在处理…",
  building: (done: number, total: number) => `正在计算：${count(done)} / ${count(total)}`,
  writing: (done: number, total: number) =>
    `正在写入 Excel：${count(done)} / ${count(total)} 个单元格`,
  cancel: "取消",
  written: (sheet: string) => `报表已写入工作表“${sheet}”。`,
  writtenWarnings: (what: string) => `部分内容未能写入：${what}。`,
  unsupportedHost:
    "报表需要 Microsoft 365 版 Excel、Excel 2021 或更高版本，或 Excel 网页版（Excel JavaScript API 1.12）。“函数”选项卡中的函数在此 Excel 中可用。",
  writtenTitle: "报表已生成",
  failedTitle: "报表未写入",
  replaceTitle: "替换之前的报表？",
  replaceBody: (sheet: string, created: string) =>
    `工作表“${sheet}”中是本加载项于 ${created} 生成的报表。用新报表替换它，还是保留它并把新报表写入另一张工作表？`,
  replaceConfirm: "替换",
  replaceKeep: "保留，写入新工作表",
  nothingLost: "您自己的工作表没有任何改动。",
  buildFailed: "无法计算报表。",
};

export function getWorkflowStrings(language: Language): WorkflowStrings {
  return language === "zh-CN" ? zhCN : (enUS as WorkflowStrings);
}
