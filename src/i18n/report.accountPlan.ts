// The Account plan report's texts (账户计划), en-US and zh-CN. The profile block's labels are
// KAM.ACCOUNT_PROFILE's (results.accountPlan.ts).

import type { DmuRole } from "../engine/plan/accountPlan";
import type { Lang } from "./lang";

const en = {
  indexSheet: "Account plans",
  title: "Key-account plans",
  subtitle: (source: string, asOf: string, accounts: number) =>
    `Source: ${source} · data up to ${asOf} · ${accounts} ${accounts === 1 ? "account" : "accounts"} planned`,
  chosenCore: (n: number, max: number) =>
    `Accounts planned: the core tier (${n}), at most ${max}, largest revenue first.`,
  chosenA: (max: number) =>
    `No account is in the core tier: the largest accounts of the A class are planned, at most ${max}.`,
  chosenTop: (n: number) => `Accounts planned: the ${n} largest by revenue.`,
  chosenGiven: "Accounts planned: those you named.",
  notFound: (name: string, nearest: string) =>
    nearest === ""
      ? `The account "${name}" is not in the data.`
      : `The account "${name}" is not in the data; nearest: ${nearest}.`,
  indexHeaders: [
    "Account",
    "Plan sheet",
    "Tier",
    "Revenue",
    "Share",
    "Profit",
    "CAGR",
    "Whitespace opportunity",
    "Target T+1",
    "DMU roles without contact",
  ],
  open: "Open",
  sheetPrefix: "Plan",
  back: "← All account plans",
  accountTitle: (name: string) => `Account plan: ${name}`,
  accountSubtitle: (source: string, asOf: string) => `Source: ${source} · data up to ${asOf}`,
  inputsNote: "Yellow cells are yours to fill; re-running the report keeps what you typed there.",
  sections: {
    profile: "1. Profile",
    years: "Revenue and profit by year",
    quarters: "Revenue by quarter",
    whitespace: "2. Whitespace: products bought and not bought",
    outlook: "3. Outlook",
    pipeline: "Weighted open pipeline by month",
    dmu: "4. Relationship map (decision-making unit)",
    ratios: "5. Customer financial ratios",
    plan: "6. The T+3 plan",
    actions: "7. Actions",
  },
  yearHeaders: ["Year", "Revenue", "Profit", "Growth"],
  quarterHeaders: ["Quarter", "Revenue", "Growth"],
  noProfit: "No profit column: profit and margin are left out.",
  lapsed:
    "This account has no order in the last 12 months (lapsed): the figures below are history.",
  chartYears: "Revenue by year",
  chartRevenue: "Revenue",
  noProduct:
    "No product column: whitespace needs the product or product line of each order. Map one in the Columns step (--product on the command line).",
  total: "Total",
  product: "Product",
  opportunity: "Opportunity",
  peersBuying: "Comparable accounts buying",
  whitespaceNote: (basis: "group" | "all", peers: number, tier: string) =>
    basis === "group"
      ? `Gaps (highlighted) against the ${peers} other ${tier} accounts: opportunity = their share of spend on the product × this account's revenue.`
      : `Gaps (highlighted) against all ${peers} other accounts (no other account in this tier): opportunity = their share of spend on the product × this account's revenue.`,
  walletNote:
    "Share of wallet needs the account's total spend on what you sell; the customer financials give its own revenue, not its spend, so it is left out.",
  outlookHeaders: ["Year", "Booked", "Forecast", "Total", "Lower", "Upper", "Target"],
  outlookNote: (method: string, level: number) =>
    `Forecast of the account's monthly revenue by ${method}; the bounds are the sums of the months' ${Math.round(level * 100)}% bounds (a wide band). Targets: the forecast totals, or the base year × (1 + growth) per year when a growth rate is given.`,
  backtest: (mape: string, mase: string, origins: number) =>
    `Back-test (the same method, 12 months ahead from ${origins} origins): MAPE ${mape}, MASE ${mase}.`,
  noBacktest: (why: string) => `No back-test: ${why}.`,
  pipelineHeaders: ["Close month", "Open amount", "Weighted"],
  noPipeline: "No opportunity list given: the weighted pipeline is left out.",
  noOpenDeals: "No open deal of this account in the opportunity list.",
  dmuHeaders: ["Role", "Contact", "Title", "Attitude", "Last contact", "Days since", "Not reached"],
  roles: {
    decisionMaker: "Decision maker",
    user: "User",
    buyer: "Buyer",
    gatekeeper: "Gatekeeper / interface",
    influencer: "Influencer",
  } as Record<DmuRole, string>,
  attitudes: { supporter: "Supporter", neutral: "Neutral", opponent: "Opponent" },
  unknownRole: "Role not recognised",
  dmuTemplate:
    "No contacts list given: fill in the buying centre below (a contacts list with account, name, title, role, attitude and last contact fills it).",
  dmuMissing: (roles: string) => `Roles without a contact: ${roles}.`,
  dmuStale: (n: number, days: number) => `${n} contact(s) not reached in ${days} days (or never).`,
  unknownRoles: (list: string) => `Contacts with a role that is not one of the five: ${list}.`,
  unknownAccounts: (list: string) => `Contacts of accounts not in the order list: ${list}.`,
  contactRef: (name: string, account: string, role: string, row: number) =>
    `${name} (${account}, ${role}, row ${row})`,
  chartAccounts: "Revenue and whitespace opportunity by account",
  yes: "Yes",
  no: "No",
  ratioHeaders: [
    "Year",
    "Current ratio",
    "Net margin",
    "Return on assets",
    "Debt ratio",
    "Asset turnover",
  ],
  trend: "Change, first to last year",
  noFacts: "No customer financials given: the ratios are left out.",
  noFactsForAccount: "The customer financials have no row for this account.",
  missingYears: (years: string) =>
    `Figures missing for ${years}: the ratios that need them are left blank.`,
  plan: {
    mission: "6.1 Mission",
    missionHint: "Why this account matters to us and what we want to be for it.",
    financial: "6.2 Financial analysis",
    overview: "6.3 Account overview",
    csf: "6.4 Critical success factors: weighted comparison with the main competitor",
    csfHeaders: ["Factor", "Weight", "Our score (0–10)", "Competitor (0–10)"],
    csfFactors: ["Product quality", "Price", "Delivery and service", "Relationship", "Innovation"],
    weighted: "Weighted score",
    portfolio: "6.5 Portfolio",
    bought: (list: string) => `Bought: ${list}.`,
    gaps: (list: string) => `Largest gaps: ${list}.`,
    assumptions: "6.6 Assumptions",
    growthAssumption: "Growth assumption",
    forecastMethod: "Forecast method",
    market: "Market and competition",
    objectives: "6.7 Objectives and strategies",
    objectiveHeaders: ["Year", "Target", "Forecast", "Objective", "Strategy"],
    budget: "6.8 Budget",
    budgetHeaders: ["Year", "Revenue target", "Cost of sales %", "Account costs", "Margin"],
    actionsRef: "6.9 Actions: see section 7.",
    lastYearRevenue: (y: number) => `Revenue ${y}`,
    lastYearProfit: (y: number) => `Profit ${y}`,
    overviewText: (tier: string, abc: string, segment: string, share: string, rank: number) =>
      `Tier ${tier}, ABC class ${abc}, RFM segment ${segment}; ${share} of our revenue, rank ${rank}.`,
    dmuText: (covered: number, missing: string) =>
      missing === ""
        ? `Buying centre: all five roles have a contact.`
        : `Buying centre: ${covered} of 5 roles covered; missing ${missing}.`,
  },
  actionHeaders: ["Action", "Owner", "Due date", "Status", "Objective"],
  statuses: ["Not started", "In progress", "Done", "Blocked"],
  errors: {
    noColumn: (role: string) => `The data have no ${role} column.`,
    noRows: "The data have no rows.",
    option: (name: string, bounds: string) => `Option ${name}: give ${bounds}.`,
    noAccounts: "No account to plan.",
    total: "The revenue total is not above 0: shares and tiers need it.",
  },
  roleNames: { customer: "customer", date: "date", amount: "amount" },
};

export type AccountPlanText = typeof en;

const zh: AccountPlanText = {
  indexSheet: "账户计划",
  title: "大客户账户计划",
  subtitle: (source, asOf, accounts) =>
    `数据来源：${source} · 截至 ${asOf} · 计划 ${accounts} 个客户`,
  chosenCore: (n, max) => `计划的客户：核心客户（${n} 个），最多 ${max} 个，按收入从大到小。`,
  chosenA: (max) => `没有核心客户：计划 A 类中收入最大的客户，最多 ${max} 个。`,
  chosenTop: (n) => `计划的客户：收入最大的 ${n} 个。`,
  chosenGiven: "计划的客户：您指定的客户。",
  notFound: (name, nearest) =>
    nearest === ""
      ? `数据中没有客户“${name}”。`
      : `数据中没有客户“${name}”；最接近的：${nearest}。`,
  indexHeaders: [
    "客户",
    "计划工作表",
    "客户分级",
    "收入",
    "收入占比",
    "利润",
    "复合增长率",
    "空白点机会",
    "T+1 目标",
    "没有联系人的决策角色",
  ],
  open: "打开",
  sheetPrefix: "计划",
  back: "← 全部账户计划",
  accountTitle: (name) => `账户计划：${name}`,
  accountSubtitle: (source, asOf) => `数据来源：${source} · 截至 ${asOf}`,
  inputsNote: "黄色单元格由您填写；重新生成报告时会保留您填写的内容。",
  sections: {
    profile: "1. 客户档案",
    years: "各年收入和利润",
    quarters: "各季度收入",
    whitespace: "2. 空白点：已购买和未购买的产品",
    outlook: "3. 展望",
    pipeline: "各月加权在途商机",
    dmu: "4. 关系图（采购决策单元）",
    ratios: "5. 客户财务比率",
    plan: "6. T+3 计划",
    actions: "7. 行动",
  },
  yearHeaders: ["年份", "收入", "利润", "增长率"],
  quarterHeaders: ["季度", "收入", "增长率"],
  noProfit: "没有利润列：不计算利润和利润率。",
  lapsed: "该客户近 12 个月没有订单（已流失）：以下数字为历史数据。",
  chartYears: "各年收入",
  chartRevenue: "收入",
  noProduct:
    "没有产品列：空白点分析需要每笔订单的产品或产品线。请在“列”步骤中指定（命令行用 --product）。",
  total: "合计",
  product: "产品",
  opportunity: "机会金额",
  peersBuying: "购买的可比客户数",
  whitespaceNote: (basis, peers, tier) =>
    basis === "group"
      ? `空白（高亮）与其他 ${peers} 个${tier}客户比较：机会金额 = 它们在该产品上的支出占比 × 本客户收入。`
      : `空白（高亮）与其他全部 ${peers} 个客户比较（同级没有其他客户）：机会金额 = 它们在该产品上的支出占比 × 本客户收入。`,
  walletNote:
    "钱包份额需要客户在我方所售品类上的总支出；客户财务数据只有其自身收入而非支出，因此不计算。",
  outlookHeaders: ["年份", "已实现", "预测", "合计", "下限", "上限", "目标"],
  outlookNote: (method, level) =>
    `按 ${method} 预测该客户的月收入；上下限为各月 ${Math.round(level * 100)}% 区间的合计（较宽）。目标：预测合计，或给出增长率时为基准年 × (1 + 增长率) 逐年递增。`,
  backtest: (mape, mase, origins) =>
    `回测（同一方法，从 ${origins} 个起点各预测 12 个月）：MAPE ${mape}，MASE ${mase}。`,
  noBacktest: (why) => `无法回测：${why}。`,
  pipelineHeaders: ["预计成交月份", "在途金额", "加权金额"],
  noPipeline: "没有提供商机列表：不计算加权在途商机。",
  noOpenDeals: "商机列表中没有该客户的在途商机。",
  dmuHeaders: ["角色", "联系人", "职务", "态度", "最近联系", "距今天数", "未联系"],
  roles: {
    decisionMaker: "决策者",
    user: "使用者",
    buyer: "采购者",
    gatekeeper: "把关者 / 对接人",
    influencer: "影响者",
  },
  attitudes: { supporter: "支持", neutral: "中立", opponent: "反对" },
  unknownRole: "无法识别的角色",
  dmuTemplate:
    "没有提供联系人列表：请在下方填写采购决策单元（提供含客户、姓名、职务、角色、态度、最近联系日期的联系人列表即可自动填写）。",
  dmuMissing: (roles) => `没有联系人的角色：${roles}。`,
  dmuStale: (n, days) => `${n} 位联系人超过 ${days} 天未联系（或从未联系）。`,
  unknownRoles: (list) => `角色不属于五种之一的联系人：${list}。`,
  unknownAccounts: (list) => `客户不在订单列表中的联系人：${list}。`,
  contactRef: (name, account, role, row) => `${name}（${account}，${role}，第 ${row} 行）`,
  chartAccounts: "各客户的收入和空白点机会",
  yes: "是",
  no: "否",
  ratioHeaders: ["年份", "流动比率", "净利润率", "资产收益率", "资产负债率", "资产周转率"],
  trend: "首年到末年的变化",
  noFacts: "没有提供客户财务数据：不计算财务比率。",
  noFactsForAccount: "客户财务数据中没有该客户。",
  missingYears: (years) => `${years} 的数据不全：需要这些数据的比率留空。`,
  plan: {
    mission: "6.1 使命",
    missionHint: "该客户对我们为何重要，我们希望成为它的什么伙伴。",
    financial: "6.2 财务分析",
    overview: "6.3 客户概况",
    csf: "6.4 关键成功因素：与主要竞争对手的加权比较",
    csfHeaders: ["因素", "权重", "我方得分（0–10）", "竞争对手（0–10）"],
    csfFactors: ["产品质量", "价格", "交付与服务", "客户关系", "创新"],
    weighted: "加权得分",
    portfolio: "6.5 产品组合",
    bought: (list) => `已购买：${list}。`,
    gaps: (list) => `最大的空白：${list}。`,
    assumptions: "6.6 假设",
    growthAssumption: "增长假设",
    forecastMethod: "预测方法",
    market: "市场与竞争",
    objectives: "6.7 目标与策略",
    objectiveHeaders: ["年份", "目标", "预测", "目标描述", "策略"],
    budget: "6.8 预算",
    budgetHeaders: ["年份", "收入目标", "销售成本率", "客户费用", "毛利"],
    actionsRef: "6.9 行动：见第 7 节。",
    lastYearRevenue: (y) => `${y} 年收入`,
    lastYearProfit: (y) => `${y} 年利润`,
    overviewText: (tier, abc, segment, share, rank) =>
      `客户分级 ${tier}，ABC 类别 ${abc}，RFM 客户群 ${segment}；占我方收入 ${share}，排名第 ${rank}。`,
    dmuText: (covered, missing) =>
      missing === ""
        ? "采购决策单元：五个角色都有联系人。"
        : `采购决策单元：5 个角色中覆盖 ${covered} 个；缺少 ${missing}。`,
  },
  actionHeaders: ["行动", "负责人", "截止日期", "状态", "服务的目标"],
  statuses: ["未开始", "进行中", "已完成", "受阻"],
  errors: {
    noColumn: (role) => `数据中没有${role}列。`,
    noRows: "数据中没有行。",
    option: (name, bounds) => `选项 ${name}：请给出 ${bounds}。`,
    noAccounts: "没有可计划的客户。",
    total: "收入合计不大于 0：收入占比和客户分级需要它。",
  },
  roleNames: { customer: "客户", date: "日期", amount: "金额" },
};

export const ACCOUNT_PLAN_REPORT: Readonly<Record<Lang, AccountPlanText>> = { en, zh };
