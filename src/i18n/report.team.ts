// Text of the Sales team report sheet (src/report/team.ts): pipeline by owner, learned probabilities
// and their back-test, velocity, account load, accountability and the revenue bridge, in en-US and
// zh-CN (zh typed from en: a missing key fails to compile).

import { ReportLabels } from "./report.forecast";
import { Lang } from "./lang";

const n = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: 2 });
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

const en = {
  sheetName: "KAM Sales team",
  title: "Sales team: pipeline, win rates and accounts by rep",
  subtitle: (source: string, created: string) =>
    `${source ? `Source: ${source} · ` : ""}Created ${created} · KAM Analytics`,
  noOwner: "(no owner)",
  team: "Team",
  total: "Total",
  undated: "No close date",
  key: {
    mode: "Data",
    modeOpportunities: "Opportunity list",
    modeOrders: "Order list",
    owners: "Reps",
    deals: "Deals",
    open: "Open pipeline",
    weighted: "Weighted pipeline",
    won: "Won",
    winRate: "Win rate",
    method: "Probabilities used",
    asOf: "As of",
    revenue: "Revenue",
    customers: "Customers",
  },
  methods: {
    textbook: "Textbook stages (10/30/50/70%)",
    stage: "Learned per stage",
    rep: "Learned per rep",
    band: "Learned per deal size",
  },
  sections: {
    owners: "Pipeline by owner",
    matrix: "Weighted pipeline by owner and month of close date",
    learned: "Win probabilities: learned from closed deals and textbook",
    reps: "Win rate per rep",
    bands: "Win rate per deal size (quartiles of closed amounts)",
    velocity: "Velocity and cycle per owner",
    load: "Account load (30–40 accounts per rep) and suggested moves",
    moves: "Suggested moves (least revenue moved)",
    accountability: "Accountability: declining and silent accounts",
    bridge: "Revenue bridge",
    bridgeByOwner: "Revenue bridge per owner (first period to last)",
    churned: "Lost-account review: churned accounts",
    notes: "Notes",
  },
  headers: {
    owner: "Owner",
    openDeals: "Open deals",
    withoutAmount: "Without amount",
    withEstimates: "Weighted incl. estimates",
    open: "Open",
    weighted: "Weighted",
    commit: "Commit",
    bestCase: "Best case",
    wonDeals: "Won deals",
    won: "Won",
    lostDeals: "Lost deals",
    lost: "Lost",
    winRate: "Win rate",
    target: "Target",
    attainment: "Attainment",
    coverage: "Coverage",
    stage: "Stage",
    textbook: "Textbook",
    learned: "Learned",
    closedDeals: "Closed deals",
    used: "Used",
    band: "Deal size",
    forecast: "Forecast",
    actual: "Actual won",
    error: "Error",
    absError: "Abs. % error",
    averageWon: "Average won",
    cycle: "Cycle (days)",
    velocity: "Velocity (per day)",
    daysOpen: "Days open",
    accounts: "Accounts",
    orders: "Orders",
    revenue: "Revenue",
    status: "Load",
    accountsAfter: "Accounts after",
    revenueAfter: "Revenue after",
    account: "Account",
    from: "From",
    to: "To",
    kind: "Why",
    before: "Same period last year",
    now: "This period",
    fall: "Fall",
    atStake: "Revenue at stake",
    lastOrder: "Last order",
    daysSince: "Days since",
    period: "Period",
    start: "Start",
    new: "New",
    expansion: "Expansion",
    contraction: "Contraction",
    churned: "Churned",
    end: "End",
    nrr: "NRR",
    grr: "GRR",
    lastRevenue: "Last period's revenue",
  },
  used: { learned: "learned", textbook: "textbook" },
  load: { under: "Under", ok: "In range", over: "Over" },
  kinds: { declining: "Declining", silent: "No order" },
  bandLabel: (lo: number | undefined, hi: number | undefined) =>
    lo === undefined ? `≤ ${n(hi ?? 0)}` : hi === undefined ? `> ${n(lo)}` : `${n(lo)} – ${n(hi)}`,
  notes: {
    opportunities:
      "Read as an opportunity list: a stage of Won (Closed won, 赢单…) is won, Lost (Closed lost, 输单…) lost, any other stage open. Won and lost count for every close date in the data.",
    orders:
      "Read as an order list (no stage column): the revenue per owner, account load, accountability and the revenue bridge; the pipeline sections need an opportunity list.",
    noOwner: (count: number) => `${n(count)} rows have no owner: they are shown as "(no owner)".`,
    noOwnerColumn: 'The data have no owner column: every row is under "(no owner)".',
    method: (method: string, minClosed: number) =>
      `Weighted pipeline: ${method}. A learned rate is used only when at least ${minClosed} closed deals back it; otherwise the textbook probability of the stage (Prospect 10%, Intent 30%, Proposal 50%, Negotiation 70%).`,
    unknownStages: (stages: string) =>
      `Stages the textbook does not know (${stages}) take its first stage's 10% when the textbook is used.`,
    noBands:
      "Win rate per deal size: not learned — fewer than half the lost deals have an amount above 0 (a CRM export often writes a lost deal's value as 0), so sizes would only tell won deals apart.",
    sameRate:
      "The export keeps only each deal's current stage, so where lost deals dropped out is unknown: every open stage learns the same rate, won ÷ closed.",
    withoutAmount: (count: number) =>
      `${n(count)} open deals have no amount: they are counted as deals but add nothing to open or weighted pipeline.`,
    backtest:
      "Back-test: rates are learned only from deals closed before the quarter began; the pipeline then is the deals created before that day and not yet closed. A deal closed since had a stage then that the data do not record: it takes the mean of the method's stage probabilities (textbook 40%).",
    noBacktest:
      "No back-test: it needs created dates (or engage dates) and deals that were open at the start of the last full quarter.",
    bestCase: "Best case includes Commit, as CRM forecast roll-ups show it.",
    estimates: (count: number) =>
      `Weighted incl. estimates: ${n(count)} open deals without an amount taken at their product's average won amount — an estimate shown beside the pipeline, not in it.`,
    coverage: "Coverage = open pipeline ÷ (target − won); blank once the target is met.",
    velocity:
      "Velocity = open deals × win rate × average won amount ÷ mean cycle in days (created to close of the closed deals): revenue per day the pipeline is expected to bring. Days open: mean age of open deals on the as-of date.",
    load: (min: number, max: number, feasible: boolean, moved: number) =>
      `Accounts per rep against ${min}–${max}. Moves: an over-loaded rep gives its smallest accounts, an under-loaded rep takes the smallest ones others can spare; ${n(moved)} of revenue moves in all.${feasible ? "" : " The team cannot bring every rep into range with this many reps; the moves go as far as the room allows."}`,
    accountRevenue:
      "An account's revenue is its won amounts (opportunity list) or its orders (order list); it belongs to the owner of its latest deal or order.",
    accountability: (months: number, threshold: number, days: number, from: string, to: string) =>
      `Declining: revenue ${from} – ${to} (${months} months) more than ${pct(threshold)} below the same months a year earlier. No order: nothing for ${days} days or more; revenue at stake is the 12 months up to the last order.`,
    bridge:
      "Start + new + expansion − contraction − churned = end, exactly (summed in whole units of the amounts' smallest decimal, e.g. cents). New includes returning customers. NRR: this period's revenue of last period's customers ÷ their revenue then; GRR the same without increases.",
    bridgeByOwner:
      "Per owner: the bridge of the owner's own orders from its first period to its last, the movements summed over the periods; an account that changes owner churns from one and is new for the other.",
    partial: (label: string) => `The last period (${label}) may be incomplete.`,
    churnedEarlier: (periods: number, from: string, earlier: number) =>
      `Lost-account review: the accounts churned in the last ${periods} periods (from ${from}); ${n(earlier)} churned accounts of earlier periods are counted in the bridge, not listed.`,
    noDates: "No dates: no revenue bridge or accountability.",
    withoutCustomer: (count: number) =>
      `${n(count)} rows have no customer: they are left out of the revenue per owner, account load, accountability and the revenue bridge.`,
    targetsWithoutDeals: (owners: string) => `Owners in the targets without deals: ${owners}.`,
    targets: (used: number, rows: number) =>
      `Targets: ${n(used)} of ${n(rows)} rows of the targets table used (those naming an owner or team and a target), summed per owner over all their periods; attainment = won ÷ target over every close date in the data.`,
    noTargets:
      "No targets table given: target, attainment and coverage need one (a list of owner and target).",
  },
  errors: {
    noData: "No rows to report on.",
    noAmount: "The Sales team report needs an amount column.",
    noCustomerOrDate:
      "Without a stage column the data are read as an order list, which needs a customer and a date column.",
    option: (key: string, bounds: string) => `Option ${key}: allowed ${bounds}.`,
    load: (min: number, max: number) =>
      `The fewest accounts per rep (${min}) must not exceed the most (${max}).`,
  },
  chartTitle: "Won and weighted pipeline by owner",
  bridgeChart: "Revenue bridge",
  outlook: {
    section: (grain: string, count: number) => `Blended outlook: the next ${count} ${grain}`,
    byOwner: "Blended outlook per owner",
    chart: "Blended outlook: repeat + new-business pipeline against target",
    fva: (grain: string) => `Forecast vs actual per owner and ${grain}`,
    fvaOwners: "Forecast vs actual per owner: all periods",
    grains: { month: "months", quarter: "quarters" },
    grainOne: { month: "month", quarter: "quarter" },
    headers: {
      period: "Period",
      owner: "Owner",
      repeat: "Repeat (existing accounts)",
      pipeline: "New-business pipeline (weighted)",
      expansion: "Expansion pipeline (in repeat, not added)",
      blended: "Blended outlook",
      target: "Target",
      gap: "Gap (blended − target)",
      forecast: "Forecast at period start",
      actual: "Won from those deals",
      won: "Won in period (all deals)",
      error: "Error (forecast − won from those)",
      bias: "Bias",
      absError: "Abs. error ÷ won",
      periods: "Periods",
      deals: "Deals open at start",
    },
    notes: {
      repeatOrders:
        "Repeat business: the order list (--orders / Orders source) is the existing accounts' revenue.",
      repeatWon:
        "Repeat business: no order list was given, so the existing accounts' revenue is that of the won deals with an account (by close date).",
      repeatEts: (method: string, history: number, from: string, to: string, season: number) =>
        `Repeat business: the existing accounts' revenue per period (${history} full periods, ${from} to ${to}) forecast by automatic exponential smoothing: the ETS model of least AICc among the candidates (seasonal period ${season} tried when the history allows), here ${method}. ETS is chosen because it picks trend and season from the data itself and names the model it used.`,
      repeatMean: (history: number) =>
        `Repeat business: only ${history} full period(s) of history, too short for exponential smoothing (at least 3): the repeat part of every period is their mean revenue.`,
      repeatNone:
        "Repeat business: the as-of date falls in the first period of revenue, so no full period exists to forecast from; the repeat part is 0.",
      booked: (period: string, amount: string) =>
        `The first outlook period ${period} is under way on the as-of date: its repeat part is the whole period's forecast; ${amount} already booked in it is part of that, not added.`,
      shares:
        "Repeat per owner: the team's repeat forecast × the owner's share of the last 12 months' revenue of the accounts they hold (an account belongs to the owner of its latest order), so the owners add up to the team.",
      expansion: (deals: number) =>
        `Open deals of accounts that already buy (${deals}) are expansion: their revenue history already holds such deals, so the repeat forecast counts them; they are shown in their own column and not added, to avoid counting them twice. The pipeline part is new business only (deals of accounts without revenue, and deals without an account).`,
      weights: (method: string) =>
        `The pipeline is weighted with the probabilities of the pipeline by owner (${method}) by the period of the close date.`,
      leftOut: (overdue: number, beyond: number, undated: number, withoutAmount: number) =>
        `Open deals not in the outlook (not moved to another period): ${overdue} with a close date before the outlook (overdue), ${beyond} closing after it, ${undated} without a close date, ${withoutAmount} without an amount.`,
      targets: (dated: number, outside: number, undated: number, perYear: number) =>
        `Targets: ${dated} dated row(s) summed per period of their date, ${outside} dated outside the outlook (left out), ${undated} undated row(s) read as annual targets and spread evenly (÷ ${perYear} per period). Gap = blended − target.`,
      noTargets: "No targets table with a target: the outlook has no target or gap.",
      noPipeline:
        "No opportunity list: the outlook holds the repeat business only. For the new-business pipeline, report on the opportunity list and give the orders as the Orders source (--orders).",
      noRevenue:
        "No order list and no won deal with an account and a close date: the outlook holds the weighted pipeline only. Give the orders as the Orders source (--orders) for the repeat business.",
      yearGrain: "The bridge grain is year: the outlook and forecast vs actual use quarters.",
      fva: (method: string) =>
        `Forecast vs actual: one export holds each deal's current state only, so the pipeline at a period's start is rebuilt from the dates: deals created before the start and not closed before it (closed on or after it, or still open), closing in the period. It is weighted with ${method}, learned only from deals closed before the start (a hold-out test); a deal closed since has no recorded stage then and takes the mean of the method's stage probabilities (textbook 40%). Limits: amounts, close dates and stages as they stood then are not in the export (a close date moved into or out of the period is seen as it is now), and deals deleted since are missing. Error and bias compare the forecast with the won amount of those same deals; the won amount of every deal of the period (also those created during it) is shown beside it. Bias = Σ(forecast − won) ÷ Σ won; abs. error = Σ|forecast − won| ÷ Σ won.`,
      fvaEmpty: (periods: number) =>
        `${periods} full period(s) had no deal open at their start with a close date in them: left out of forecast vs actual.`,
      noFva:
        "Forecast vs actual per period needs a created date (first contact, engage date) per deal: none was given.",
    },
  },
};

export type TeamReportLabels = ReportLabels<typeof en>;

const nz = (v: number) => v.toLocaleString("zh-CN", { maximumFractionDigits: 2 });

const zh: TeamReportLabels = {
  sheetName: "KAM 销售团队",
  title: "销售团队：按销售代表的管道、赢单率与客户",
  subtitle: (source: string, created: string) =>
    `${source ? `数据来源：${source} · ` : ""}生成于 ${created} · KAM Analytics`,
  noOwner: "（无负责人）",
  team: "团队",
  total: "合计",
  undated: "无成交日期",
  key: {
    mode: "数据",
    modeOpportunities: "商机清单",
    modeOrders: "订单清单",
    owners: "销售代表",
    deals: "商机数",
    open: "未结管道",
    weighted: "加权管道",
    won: "赢单",
    winRate: "赢单率",
    method: "所用概率",
    asOf: "截至",
    revenue: "收入",
    customers: "客户数",
  },
  methods: {
    textbook: "教科书阶段概率（10/30/50/70%）",
    stage: "按阶段学习",
    rep: "按销售代表学习",
    band: "按商机金额学习",
  },
  sections: {
    owners: "按负责人的管道",
    matrix: "按负责人和预计成交月份的加权管道",
    learned: "赢单概率：由已关闭商机学习与教科书对比",
    reps: "各销售代表的赢单率",
    bands: "按商机金额的赢单率（已关闭金额的四分位）",
    velocity: "各负责人的销售速度与周期",
    load: "客户负荷（每人 30–40 个客户）与调整建议",
    moves: "建议调整（移动的收入最少）",
    accountability: "问责：下滑客户与沉默客户",
    bridge: "收入桥",
    bridgeByOwner: "各负责人的收入桥（首期到末期）",
    churned: "流失客户复盘",
    notes: "说明",
  },
  headers: {
    owner: "负责人",
    openDeals: "未结商机",
    withoutAmount: "无金额",
    withEstimates: "含估算的加权金额",
    open: "未结金额",
    weighted: "加权金额",
    commit: "承诺",
    bestCase: "最佳情况",
    wonDeals: "赢单数",
    won: "赢单金额",
    lostDeals: "输单数",
    lost: "输单金额",
    winRate: "赢单率",
    target: "目标",
    attainment: "达成率",
    coverage: "覆盖率",
    stage: "阶段",
    textbook: "教科书",
    learned: "学习所得",
    closedDeals: "已关闭商机",
    used: "采用",
    band: "商机金额",
    forecast: "预测",
    actual: "实际赢单",
    error: "误差",
    absError: "绝对百分比误差",
    averageWon: "平均赢单金额",
    cycle: "周期(天)",
    velocity: "速度(每天)",
    daysOpen: "已进行天数",
    accounts: "客户数",
    orders: "订单数",
    revenue: "收入",
    status: "负荷",
    accountsAfter: "调整后客户数",
    revenueAfter: "调整后收入",
    account: "客户",
    from: "从",
    to: "到",
    kind: "原因",
    before: "去年同期",
    now: "本期",
    fall: "降幅",
    atStake: "涉及收入",
    lastOrder: "最近订单",
    daysSince: "距今天数",
    period: "期间",
    start: "期初",
    new: "新增",
    expansion: "扩大",
    contraction: "收缩",
    churned: "流失",
    end: "期末",
    nrr: "净收入留存率",
    grr: "毛收入留存率",
    lastRevenue: "上期收入",
  },
  used: { learned: "学习所得", textbook: "教科书" },
  load: { under: "偏少", ok: "合适", over: "偏多" },
  kinds: { declining: "下滑", silent: "无订单" },
  bandLabel: (lo: number | undefined, hi: number | undefined) =>
    lo === undefined
      ? `≤ ${nz(hi ?? 0)}`
      : hi === undefined
        ? `> ${nz(lo)}`
        : `${nz(lo)} – ${nz(hi)}`,
  notes: {
    opportunities:
      "按商机清单读取：阶段为赢单（Won、Closed won 等）记为赢单，输单（Lost、Closed lost 等）记为输单，其他阶段为进行中。赢单和输单按数据中所有成交日期统计。",
    orders:
      "按订单清单读取（没有阶段列）：按负责人的收入、客户负荷、问责和收入桥；管道部分需要商机清单。",
    noOwner: (count: number) => `${nz(count)} 行没有负责人，列为“（无负责人）”。`,
    noOwnerColumn: "数据没有负责人列：所有行都列在“（无负责人）”下。",
    method: (method: string, minClosed: number) =>
      `加权管道：${method}。学习所得的概率只在至少有 ${minClosed} 个已关闭商机支持时采用，否则使用该阶段的教科书概率（潜在客户 10%、意向客户 30%、方案阶段 50%、商务谈判 70%）。`,
    unknownStages: (stages: string) =>
      `教科书不认识的阶段（${stages}）在采用教科书概率时按第一阶段的 10% 计。`,
    noBands:
      "按商机金额的赢单率：未学习——有金额（大于 0）的输单商机不到一半（CRM 导出常把输单金额记为 0），按金额只能区分赢单商机。",
    sameRate:
      "导出数据只保留每个商机的当前阶段，输单商机在哪一阶段流失无从得知：所有未结阶段学到相同的概率，即赢单 ÷ 已关闭。",
    withoutAmount: (count: number) =>
      `${nz(count)} 个未结商机没有金额：计入商机数，但不计入未结和加权金额。`,
    backtest:
      "回测：概率只用季度开始前已关闭的商机学习；当时的管道为在那一天之前创建且尚未关闭的商机。之后才关闭的商机当时所处的阶段没有记录，按该方法各阶段概率的平均值计（教科书为 40%）。",
    noBacktest:
      "无法回测：需要创建日期（或接触日期），以及在最近一个完整季度开始时仍未关闭的商机。",
    bestCase: "最佳情况包含承诺，与 CRM 预测汇总的口径一致。",
    estimates: (count: number) =>
      `含估算的加权金额：${nz(count)} 个没有金额的未结商机按其产品的平均赢单金额计——估算值与管道并列显示，不计入管道。`,
    coverage: "覆盖率 = 未结管道 ÷（目标 − 已赢单）；达成目标后留空。",
    velocity:
      "销售速度 = 未结商机数 × 赢单率 × 平均赢单金额 ÷ 平均周期天数（已关闭商机从创建到成交）：管道预计每天带来的收入。已进行天数：截至日未结商机的平均天数。",
    load: (min: number, max: number, feasible: boolean, moved: number) =>
      `每位销售代表的客户数对照 ${min}–${max}。调整：客户偏多者移出其收入最小的客户，偏少者接收其他人可让出的最小客户；共移动收入 ${nz(moved)}。${feasible ? "" : "以现有人数无法让每个人都在范围内，调整只做到容量允许的程度。"}`,
    accountRevenue:
      "客户收入为其赢单金额（商机清单）或订单金额（订单清单）；客户归属其最近一笔商机或订单的负责人。",
    accountability: (months: number, threshold: number, days: number, from: string, to: string) =>
      `下滑：${from} – ${to}（${months} 个月）的收入比去年同期下降超过 ${pct(threshold)}。无订单：${days} 天或更久没有订单；涉及收入为最近订单前 12 个月的收入。`,
    bridge:
      "期初 + 新增 + 扩大 − 收缩 − 流失 = 期末，精确相等（按金额的最小小数位（如分）整数累加）。新增包括回流客户。净收入留存率：上期客户本期收入 ÷ 其上期收入；毛收入留存率不计增长部分。",
    bridgeByOwner:
      "各负责人：按其本人订单从首期到末期的收入桥，各项变动为各期之和；客户换了负责人时，对原负责人记为流失，对新负责人记为新增。",
    partial: (label: string) => `最后一期（${label}）可能不完整。`,
    churnedEarlier: (periods: number, from: string, earlier: number) =>
      `流失客户复盘：列出最近 ${periods} 期（自 ${from} 起）流失的客户；更早各期流失的 ${nz(earlier)} 个客户已计入收入桥，未逐一列出。`,
    noDates: "没有日期：无法生成收入桥和问责。",
    withoutCustomer: (count: number) =>
      `${nz(count)} 行没有客户：不计入按负责人的收入、客户负荷、问责和收入桥。`,
    targetsWithoutDeals: (owners: string) => `目标表中没有商机的负责人：${owners}。`,
    targets: (used: number, rows: number) =>
      `目标：目标表 ${nz(rows)} 行中用了 ${nz(used)} 行（写明负责人或团队及目标的行），按负责人汇总所有期间；达成率 = 赢单 ÷ 目标，按数据中所有成交日期计。`,
    noTargets: "未提供目标表：目标、达成率和覆盖率需要目标表（负责人和目标）。",
  },
  errors: {
    noData: "没有可分析的行。",
    noAmount: "销售团队报告需要金额列。",
    noCustomerOrDate: "没有阶段列时按订单清单读取，需要客户列和日期列。",
    option: (key: string, bounds: string) => `选项 ${key}：允许 ${bounds}。`,
    load: (min: number, max: number) => `每人最少客户数（${min}）不能大于最多客户数（${max}）。`,
  },
  chartTitle: "各负责人的赢单与加权管道",
  bridgeChart: "收入桥",
  outlook: {
    section: (grain: string, count: number) => `综合展望：未来 ${count} 个${grain}`,
    byOwner: "各负责人的综合展望",
    chart: "综合展望：复购 + 新业务管道对比目标",
    fva: (grain: string) => `各负责人按${grain}的预测与实际`,
    fvaOwners: "各负责人预测与实际：全部期间",
    grains: { month: "月", quarter: "季度" },
    grainOne: { month: "月", quarter: "季度" },
    headers: {
      period: "期间",
      owner: "负责人",
      repeat: "复购（现有客户）",
      pipeline: "新业务管道（加权）",
      expansion: "扩展管道（已含于复购，不重复相加）",
      blended: "综合展望",
      target: "目标",
      gap: "差距（综合 − 目标）",
      forecast: "期初预测",
      actual: "这些商机的赢单额",
      won: "本期赢单额（全部商机）",
      error: "误差（预测 − 这些商机的赢单额）",
      bias: "偏差",
      absError: "绝对误差 ÷ 赢单额",
      periods: "期数",
      deals: "期初未结商机数",
    },
    notes: {
      repeatOrders: "复购：以订单清单（--orders / 订单数据源）作为现有客户的收入。",
      repeatWon: "复购：未提供订单清单，现有客户的收入取有客户名的赢单商机（按成交日期）。",
      repeatEts: (method: string, history: number, from: string, to: string, season: number) =>
        `复购：现有客户每期收入（${history} 个完整期间，${from} 至 ${to}）用自动指数平滑预测：在候选模型中取 AICc 最小的 ETS 模型（历史足够时尝试季节周期 ${season}），本次为 ${method}。选用 ETS 是因为它由数据本身决定趋势与季节，并写明所用模型。`,
      repeatMean: (history: number) =>
        `复购：历史只有 ${history} 个完整期间，不足以做指数平滑（至少 3 个）：每期复购取这些期间的平均收入。`,
      repeatNone: "复购：截止日期落在有收入的第一个期间内，没有完整期间可供预测；复购为 0。",
      booked: (period: string, amount: string) =>
        `展望的第一期 ${period} 在截止日期时尚未结束：其复购为整期预测；期内已入账的 ${amount} 已包含在内，不另加。`,
      shares:
        "各负责人的复购：团队复购预测 × 该负责人所持客户过去 12 个月收入的占比（客户归属其最近一笔订单的负责人），因此各负责人之和等于团队。",
      expansion: (deals: number) =>
        `已有收入客户的未结商机（${deals} 个）属于扩展：其收入历史已包含此类商机，复购预测已将其计入；单列显示、不再相加，以免重复计算。管道部分只含新业务（无收入客户的商机和没有客户名的商机）。`,
      weights: (method: string) =>
        `管道按成交日期所在期间，以各负责人管道所用的概率（${method}）加权。`,
      leftOut: (overdue: number, beyond: number, undated: number, withoutAmount: number) =>
        `未计入展望的未结商机（不移到其他期间）：成交日期早于展望的 ${overdue} 个（逾期），晚于展望的 ${beyond} 个，没有成交日期的 ${undated} 个，没有金额的 ${withoutAmount} 个。`,
      targets: (dated: number, outside: number, undated: number, perYear: number) =>
        `目标：${dated} 行有日期的目标按日期所在期间相加，${outside} 行日期在展望之外（未计入），${undated} 行无日期的目标视为年度目标，平均分摊（每期 ÷ ${perYear}）。差距 = 综合 − 目标。`,
      noTargets: "没有含目标值的目标表：展望不含目标与差距。",
      noPipeline:
        "没有商机清单：展望只含复购。如需新业务管道，请以商机清单为数据，并将订单作为订单数据源（--orders）提供。",
      noRevenue:
        "没有订单清单，也没有带客户名和成交日期的赢单商机：展望只含加权管道。请将订单作为订单数据源（--orders）提供以计算复购。",
      yearGrain: "收入桥的期间为年：展望与预测对实际按季度计算。",
      fva: (method: string) =>
        `预测与实际：一份导出只记录每个商机的当前状态，因此期初管道由日期重建：在期初之前创建、且未在期初之前关闭（在期初当天或之后关闭，或仍未结）、成交日期在本期内的商机。按${method}加权，概率只从期初之前关闭的商机学习（留出检验）；此后已关闭的商机当时的阶段未记录，取该方法各阶段概率的平均（教科书为 40%）。局限：导出中没有当时的金额、成交日期和阶段（移入或移出本期的成交日期按现在的值计），此后删除的商机也缺失。误差和偏差比较预测与这些商机的赢单额；本期全部商机（含期内新建的）的赢单额列在旁边。偏差 = Σ(预测 − 赢单额) ÷ Σ赢单额；绝对误差 = Σ|预测 − 赢单额| ÷ Σ赢单额。`,
      fvaEmpty: (periods: number) =>
        `${periods} 个完整期间在期初没有成交日期落在本期的未结商机：未列入预测与实际。`,
      noFva: "按期间的预测与实际需要每个商机的创建日期（首次接触、接洽日期）：未提供。",
    },
  },
};

export const TEAM_REPORT: Readonly<Record<Lang, TeamReportLabels>> = { en, zh };
