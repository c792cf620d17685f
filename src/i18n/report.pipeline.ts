// Text of the Pipeline report sheet (src/report/pipeline.ts), en-US and zh-CN. The zh-CN table is typed
// from the en-US one, so a missing (or extra) key is a compile error. Texts that take values are functions.

import {
  CATEGORY_NAMES,
  FORECAST_CATEGORIES,
  StageTableProblem,
  stageTableReason,
} from "../engine/pipeline/funnel";
import { Lang } from "./lang";

const n = (v: number) => v.toLocaleString("en-US");
/** A probability as the report and the pane show it: 10%, 61.2% (one decimal). */
export const pct = (p: number): string => `${Math.round(p * 1000) / 10}%`;

type GrainName = "month" | "quarter" | "week";

/** How the as-of date was chosen: given by the user, the last day with actuals, or today. */
export type AsOfRule = "given" | "actuals" | "today";

/** A stage the stage table does not know: as written, its deals, the first sheet row. */
export interface StageCount {
  name: string;
  count: number;
  row: number;
}

const zhGrain: Record<GrainName, string> = { month: "月", quarter: "季度", week: "周" };

/** The probabilities that weight the open deals, as the engine names them. */
type Method = "textbook" | "stage" | "rep" | "band";

/** How a stage's open deals were weighted (src/report/pipeline.ts StageUse). */
type StageUseText =
  | { kind: "learned" | "below" | "table" | "unknown" }
  | { kind: "rep" | "band"; learned: number; deals: number };

/** Which probabilities weighted the pipeline and why (the sheet's note). */
export interface ProbabilitiesNote {
  /** Used, and asked for (a stage table given keeps its own under learned per stage). */
  method: Method;
  asked: Method;
  tableGiven: boolean;
  /** The list has won and lost deals (else nothing is learned), and its won deals. */
  canLearn: boolean;
  won: number;
  minClosed: number;
  /** Won and lost deals, which the learned rates rest on. */
  closed: number;
  /** Open deals that took a learned rate, of all open deals. */
  learnedDeals: number;
  openDeals: number;
}

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
  kLost: "Lost deals",
  kOpenDeals: "Open deals",
  kOpenNoAmount: "Open deals without an amount",
  kOpenNoAmountEstimate: "Their estimate (not in the pipeline)",
  kOpenNoDate: "Open deals without a close date",
  kAsOf: "As of",
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
    noAmount: "Without amount",
  },
  /** The funnel's totals row: open deals only (won and lost deals have their own rows). */
  openTotal: "Total of open deals",
  learnSection: "Win probabilities per stage: the stage table's and learned from the closed deals",
  lh: {
    stage: "Stage",
    table: "Stage table",
    learned: "Learned",
    reached: "Closed deals that reached it",
    won: "Won",
    used: "Used",
  },
  usedText: (u: StageUseText, minClosed: number): string =>
    u.kind === "rep" || u.kind === "band"
      ? `Learned per ${u.kind === "rep" ? "rep" : "deal size"}: ${n(u.learned)} of ${n(u.deals)} deals`
      : u.kind === "learned"
        ? `Learned (≥ ${n(minClosed)} closed deals)`
        : u.kind === "below"
          ? `Stage table (fewer than ${n(minClosed)} closed deals)`
          : u.kind === "table"
            ? "Stage table"
            : "Learned (not in the stage table)",
  noAmountSection: "Open deals without an amount",
  periodSection: (grain: GrainName) =>
    `Pipeline by ${grain} of close date${grain === "week" ? " (weeks start on Monday)" : ""}`,
  ph: {
    target: "Target",
    gap: "Gap (target − closed − weighted open)",
    coverage: "Coverage ((closed + open) ÷ target)",
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
    product: "Product",
    estimate: "Estimate (average won amount of the product)",
    basis: "Won deals of the product",
  },
  total: "Total",
  notesSection: "Notes",
  funnelChart: "Pipeline by stage (amount)",
  funnelChartDeals: "Pipeline by stage (deals)",
  periodChart: (grain: GrainName, target: boolean) =>
    target
      ? `Weighted forecast and target by ${grain}`
      : `Weighted forecast (won + weighted open) and won by ${grain}`,
  listSeparator: ", ",
  notes: {
    method:
      "Weighted = amount × the stage's win probability. The funnel's total row, its shares and the key figures Open pipeline and Weighted pipeline cover open deals only; won and lost deals are on their own rows and key figures. In the pipeline by period, Closed is each period's won deals, and Commit, Best case, Total and Weighted add the open deals to them (a forecast of the period: Closed ≤ Commit ≤ Best case ≤ Total). Overdue: open deals closing before the first period; Later: deals closing after the last.",
    omitted: (count: number) =>
      `${n(count)} lost or omitted opportunities (probability 0%, category Omitted) are left out of the pipeline and the periods; the funnel and Lost deals count them.`,
    asOf: (rule: AsOfRule, date: string, grain: GrainName, startsPeriods: boolean) =>
      `As of ${date}: ${
        rule === "given"
          ? "the date given"
          : rule === "actuals"
            ? "the latest close date of a won or lost deal (the last day with actuals)"
            : "today, since no won or lost deal has a close date"
      }. Open deals closing before it are overdue${startsPeriods ? `; the periods start with its ${grain}, whose won deals are in its Closed column` : ""}.`,
    learned: (p: number, won: number, lost: number) =>
      `Learned probabilities follow KAM.FUNNEL_CONVERSION: won ÷ closed deals that reached the stage, with stages cumulative (a won deal passed every earlier stage). The data record only Won or Lost for a closed deal, not the stage a lost deal had reached, so every closed deal is taken to have passed every open stage: each open stage learns ${pct(p)} = ${n(won)} won ÷ ${n(won + lost)} won or lost.`,
    learnedUsed: (p: number, stages: StageCount[]) =>
      `${stages.length === 1 ? "A stage" : "Stages"} the stage table does not know ${stages.length === 1 ? "takes" : "take"} the learned probability ${pct(p)}: ${stages.map((s) => `${s.name} (${n(s.count)} deal${s.count === 1 ? "" : "s"})`).join(", ")}.`,
    noAmount: (count: number, byStage: string) =>
      `${n(count)} open deal${count === 1 ? " has" : "s have"} no amount: counted in the deal counts, not in the amounts (${byStage}); listed under "Open deals without an amount".`,
    estimate: (estimated: number, total: string, none: number) =>
      `${n(estimated)} open deal${estimated === 1 ? "" : "s"} without an amount ${estimated === 1 ? "has" : "have"} an estimate, the average won amount of ${estimated === 1 ? "its" : "their"} product (together ${total}), shown in "Open deals without an amount" and the key figures; the estimates are not in the pipeline, weighted or period figures.${none > 0 ? ` ${n(none)} ${none === 1 ? "has" : "have"} none: ${none === 1 ? "its" : "their"} product was never won or is blank.` : ""}`,
    wonNoAmount: (count: number) =>
      `${n(count)} won deal${count === 1 ? " has" : "s have"} no amount: counted in the deal counts, not in Won.`,
    noDate: (open: number, won: number, grain: GrainName) =>
      `${[open > 0 ? `${n(open)} open deal${open === 1 ? "" : "s"}` : "", won > 0 ? `${n(won)} won deal${won === 1 ? "" : "s"}` : ""].filter((x) => x !== "").join(" and ")} ${open + won === 1 ? "has" : "have"} no close date: counted in the "No close date" row of the pipeline by ${grain}, never in a ${grain} and never overdue.`,
    wonBefore: (count: number, first: string) =>
      `${n(count)} won deals closed before ${first} are left out of the periods (past results); the funnel and Won include them.`,
    noOpen:
      "There are no open opportunities: the pipeline is empty and the tables show won and lost deals only.",
    liveBlank:
      "Live formulas were asked for, but some amounts or close dates are blank, which KAM.PIPELINE_FORECAST does not take: the sheet holds values and native formulas.",
    liveStage: (stage: string) =>
      `Live formulas were asked for, but the stage "${stage}" is written otherwise than in the stage table the formula would read from the funnel: the sheet holds values and native formulas.`,
    noOverdue: (asOf: string) => `No open deal is overdue on ${asOf}.`,
    targetZero: (periods: string) =>
      `Gap and coverage are left empty where the target is 0 (${periods}): a coverage needs a target above 0.`,
    noWeighted:
      "Shares of the weighted pipeline are left empty: the weighted total is not above 0.",
    probabilities: (p: ProbabilitiesNote) => {
      const enough = p.closed >= p.minClosed;
      const rule = `A learned rate is used only when at least ${n(p.minClosed)} closed deals back it (option min-closed); otherwise the stage table's probability`;
      if (!p.canLearn)
        return `Probabilities: the stage table's (${p.tableGiven ? "yours" : "the textbook 10/30/50/70%"}) — a win rate needs won and lost deals to learn from, and there ${p.won === 1 ? "is" : "are"} ${n(p.won)} won and ${n(p.closed - p.won)} lost.`;
      if (p.method === "textbook")
        return p.asked === "stage"
          ? `Probabilities: your stage table weights the pipeline — a stage table given stays authoritative over the rates learned per stage (shown beside it; ${n(p.closed)} closed deals). Choose learned per rep or per deal size to weight by learned rates.`
          : `Probabilities: the stage table's (${p.tableGiven ? "yours" : "the textbook Prospect 10%, Intent 30%, Proposal 50%, Negotiation 70%"}), as chosen; the rates learned from ${n(p.closed)} closed deals are shown beside them and back-tested.`;
      if (p.method === "stage")
        return `Probabilities: learned per stage (the default). ${rule} (the textbook 10/30/50/70%). Here ${n(p.closed)} closed deals back each stage's rate: ${enough ? "the threshold is met, so the learned rates weight the pipeline" : "below the threshold, so the stage table's probabilities weight the pipeline"} (${n(p.learnedDeals)} of ${n(p.openDeals)} open deals on a learned rate; the Used column says it per stage).`;
      return `Probabilities: learned per ${p.method === "rep" ? "rep (each owner's won ÷ closed deals)" : "deal size (won ÷ closed deals per quartile band of closed amounts)"}. ${rule}: ${n(p.learnedDeals)} of ${n(p.openDeals)} open deals took a learned rate.`;
    },
    mixed:
      "Where the deals of one stage take different probabilities (per rep or deal size), the stage's Probability in the funnel is its weighted ÷ amount (the mean probability where the stage has no amounts).",
    liveMixed:
      "Live formulas were asked for, but the probabilities differ within a stage (per rep or deal size), which KAM.PIPELINE_FORECAST's stage table cannot say: the sheet holds values and native formulas.",
    backtest: (training: number, wonFromNew: number, mean: string) =>
      `Back-test: each method forecasts the quarter's won amount from the deals in the pipeline on its first day (created before it, not closed before it, closing in the quarter), amount × probability; rates are learned only from the ${n(training)} deals closed before that day. A deal closed since had a stage then that the data do not record, and a stage the table does not know has no textbook probability: the textbook takes the open stages' mean (${mean}) for them. Won in the quarter from deals created during it (${n(Math.round(wonFromNew))}) is in no forecast and not in Actual won.`,
    noBacktest: (hasCreated: boolean): string =>
      hasCreated
        ? "No back-test: no deal with a created date and an amount was in the pipeline at the start of the last full quarter and closing in it."
        : "No back-test: it needs a created (or engage) date column, which rebuilds the pipeline of the last full quarter's first day.",
    live: "Live formula: the pipeline by period is KAM.PIPELINE_FORECAST and recalculates with the data; recipients need the KAM Analytics add-in.",
    liveNeedsAddresses:
      "Live formulas were asked for, but the source ranges are not known: the sheet holds values and native formulas.",
  },
  errors: {
    noColumn: (role: string) => `The pipeline report needs a ${role} column.`,
    noRows: "The data have no rows: there are no opportunities to analyse.",
    lengths: "The data columns differ in length.",
    notNumber: (row: number, what: string) => `Row ${row}: the ${what} is not a number.`,
    unknownStages: (stages: StageCount[], known: string, won: number, lost: number) =>
      `Unknown stage${stages.length === 1 ? "" : "s"} ${stages.map((s) => `"${s.name}" (${n(s.count)} deal${s.count === 1 ? "" : "s"}, first in row ${s.row})`).join(", ")}; known stages: ${known}, or a probability such as 50%. A stage the table does not know takes the win rate learned from the data's closed deals, which needs won and lost deals: there ${won === 1 ? "is" : "are"} ${n(won)} won and ${n(lost)} lost.`,
    stageTable: (entry: number, problem: StageTableProblem) =>
      `Stage table, entry ${entry}: ${stageTableReason(problem)}.`,
    targets: (count: number, periods: number) =>
      `There are ${n(count)} targets for ${n(periods)} periods: give one target per period, or a single number for all.`,
    target: (value: number) => `A target of ${value} is not allowed: targets must be 0 or more.`,
    option: (name: string, rule: string) => `The option ${name} must be ${rule}.`,
  },
  roles: { amount: "amount", stage: "stage", closeDate: "close date" },
};

export type PipelineReportText = typeof en;

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
  kLost: "输单商机数",
  kOpenDeals: "未结商机数",
  kOpenNoAmount: "无金额的未结商机数",
  kOpenNoAmountEstimate: "其估计金额（不计入管道）",
  kOpenNoDate: "无预计成交日期的未结商机数",
  kAsOf: "截至日期",
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
    noAmount: "无金额",
  },
  openTotal: "未结商机合计",
  learnSection: "各阶段的赢单概率：阶段表与从已结商机学习所得",
  lh: {
    stage: "阶段",
    table: "阶段表",
    learned: "学习所得",
    reached: "到达该阶段的已结商机",
    won: "赢单",
    used: "采用",
  },
  usedText: (u, minClosed) =>
    u.kind === "rep" || u.kind === "band"
      ? `按${u.kind === "rep" ? "销售代表" : "商机金额"}学习：${n(u.deals)} 个商机中 ${n(u.learned)} 个`
      : u.kind === "learned"
        ? `学习所得（≥ ${n(minClosed)} 个已结商机）`
        : u.kind === "below"
          ? `阶段表（已结商机少于 ${n(minClosed)} 个）`
          : u.kind === "table"
            ? "阶段表"
            : "学习所得（阶段表中没有）",
  noAmountSection: "无金额的未结商机",
  periodSection: (grain) =>
    `按预计成交${zhGrain[grain]}的管道${grain === "week" ? "（每周从周一开始）" : ""}`,
  ph: {
    target: "目标",
    gap: "差距（目标 − 已成交 − 加权未结）",
    coverage: "覆盖率（（已成交 + 未结）÷ 目标）",
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
    product: "产品",
    estimate: "估计金额（该产品赢单的平均金额）",
    basis: "该产品的赢单数",
  },
  total: "合计",
  notesSection: "说明",
  funnelChart: "各阶段管道金额",
  funnelChartDeals: "各阶段商机数",
  periodChart: (grain, target) =>
    target
      ? `每${zhGrain[grain]}加权预测与目标`
      : `每${zhGrain[grain]}加权预测（已成交 + 加权未结）与已成交`,
  listSeparator: "、",
  notes: {
    method:
      "加权金额 = 金额 × 阶段赢单概率。漏斗的合计行、占比以及关键数字“未结管道金额”“加权管道金额”只含未结商机；已成交和输单商机各有单独的行和关键数字。分期管道中，“已成交”为各期间的赢单，承诺、最佳情况、总金额和加权金额在其基础上加上未结商机（即该期间的预测：已成交 ≤ 承诺 ≤ 最佳情况 ≤ 总金额）。已逾期：预计成交日期早于第一期的未结商机；以后：晚于最后一期的商机。",
    omitted: (count) =>
      `${n(count)} 个输单或不计入的商机（概率 0%，类别“不计入”）不计入管道和各期间；漏斗和“输单商机数”包含它们。`,
    asOf: (rule, date, grain, startsPeriods) =>
      `截至日期 ${date}：${
        rule === "given"
          ? "指定的日期"
          : rule === "actuals"
            ? "赢单或输单商机中最晚的成交日期（最后一个有实际结果的日期）"
            : "今天（没有带成交日期的赢单或输单商机）"
      }。预计成交日期早于该日期的未结商机为逾期${startsPeriods ? `；各期间从该日期所在的${zhGrain[grain]}开始，该${zhGrain[grain]}的赢单计入其“已成交”列` : ""}。`,
    learned: (p, won, lost) =>
      `学习所得概率按 KAM.FUNNEL_CONVERSION 的方法计算：赢单数 ÷ 到达该阶段的已结商机数，并假定阶段是累进的（赢单商机经过了之前的每个阶段）。数据中的已结商机只记录赢单或输单，没有记录输单商机到达的阶段，因此假定每个已结商机都经过了每个未结阶段：每个未结阶段的学习概率均为 ${pct(p)} = ${n(won)} 个赢单 ÷ ${n(won + lost)} 个赢单或输单商机。`,
    learnedUsed: (p, stages) =>
      `阶段表中没有的阶段采用学习所得概率 ${pct(p)}：${stages.map((s) => `${s.name}（${n(s.count)} 个商机）`).join("、")}。`,
    noAmount: (count, byStage) =>
      `${n(count)} 个未结商机没有金额：计入商机数，不计入金额（${byStage}）；见“无金额的未结商机”列表。`,
    estimate: (estimated, total, none) =>
      `${n(estimated)} 个无金额的未结商机有估计金额，即其产品赢单的平均金额（合计 ${total}），列在“无金额的未结商机”和关键指标中；估计金额不计入管道、加权金额和分期数字。${none > 0 ? `${n(none)} 个没有估计：其产品从未赢单或为空。` : ""}`,
    wonNoAmount: (count) => `${n(count)} 个赢单商机没有金额：计入商机数，不计入“已成交”金额。`,
    noDate: (open, won, grain) =>
      `${[open > 0 ? `${n(open)} 个未结商机` : "", won > 0 ? `${n(won)} 个赢单商机` : ""].filter((x) => x !== "").join("和")}没有预计成交日期：计入分期管道的“无预计成交日期”行，不计入任何${zhGrain[grain]}，也不算逾期。`,
    wonBefore: (count, first) =>
      `${n(count)} 个在 ${first} 之前成交的商机不计入各期间（属于历史结果）；漏斗和“已成交”包含它们。`,
    noOpen: "没有未结商机：管道为空，表中只有已成交和输单的商机。",
    liveBlank:
      "已要求使用实时公式，但部分金额或预计成交日期为空，KAM.PIPELINE_FORECAST 不接受空值：本表只包含数值和 Excel 原生公式。",
    liveStage: (stage) =>
      `已要求使用实时公式，但阶段“${stage}”的写法与公式将从漏斗读取的阶段表不同：本表只包含数值和 Excel 原生公式。`,
    noOverdue: (asOf) => `${asOf} 没有逾期的未结商机。`,
    targetZero: (periods) =>
      `目标为 0 的期间（${periods}）不计算差距和覆盖率：覆盖率需要目标大于 0。`,
    noWeighted: "加权金额合计不大于 0，因此加权金额占比留空。",
    probabilities: (p) => {
      const enough = p.closed >= p.minClosed;
      const rule = `学习所得的概率只在至少有 ${n(p.minClosed)} 个已结商机支持时采用（选项 min-closed），否则采用阶段表的概率`;
      if (!p.canLearn)
        return `赢单概率：采用阶段表的概率（${p.tableGiven ? "您的阶段表" : "教科书 10/30/50/70%"}）——学习赢单率需要既有赢单也有输单的商机：现有 ${n(p.won)} 个赢单、${n(p.closed - p.won)} 个输单。`;
      if (p.method === "textbook")
        return p.asked === "stage"
          ? `赢单概率：采用您的阶段表——给定的阶段表优先于按阶段学习的概率（学习所得列在旁边；${n(p.closed)} 个已结商机）。如需按学习所得加权，请选择按销售代表或按商机金额学习。`
          : `赢单概率：按所选采用阶段表的概率（${p.tableGiven ? "您的阶段表" : "教科书：潜在客户 10%、意向客户 30%、方案阶段 50%、商务谈判 70%"}）；从 ${n(p.closed)} 个已结商机学习的概率列在旁边并做了回测。`;
      if (p.method === "stage")
        return `赢单概率：按阶段学习（默认）。${rule}（教科书 10/30/50/70%）。此处每个阶段的学习概率有 ${n(p.closed)} 个已结商机支持：${enough ? "达到门槛，因此按学习所得的概率加权" : "未达到门槛，因此按阶段表的概率加权"}（${n(p.openDeals)} 个未结商机中 ${n(p.learnedDeals)} 个采用学习所得的概率；“采用”列逐阶段说明）。`;
      return `赢单概率：按${p.method === "rep" ? "销售代表学习（各负责人的赢单 ÷ 已结商机）" : "商机金额学习（按已结金额四分位分档的赢单 ÷ 已结商机）"}。${rule}：${n(p.openDeals)} 个未结商机中 ${n(p.learnedDeals)} 个采用学习所得的概率。`;
    },
    mixed:
      "同一阶段的商机采用不同概率时（按销售代表或商机金额），漏斗中该阶段的赢单概率为其加权金额 ÷ 金额（该阶段没有金额时为概率的平均值）。",
    liveMixed:
      "已要求使用实时公式，但同一阶段内的概率不同（按销售代表或商机金额），KAM.PIPELINE_FORECAST 的阶段表无法表达：本表只包含数值和 Excel 原生公式。",
    backtest: (training, wonFromNew, mean) =>
      `回测：各方法以季度第一天管道中的商机（在该日之前创建、尚未关闭、预计在该季度成交）预测该季度的赢单金额，即金额 × 概率；概率只用该日之前关闭的 ${n(training)} 个商机学习。之后才关闭的商机当时所处的阶段没有记录，阶段表中没有的阶段也没有教科书概率：教科书方法对它们采用未结阶段概率的平均值（${mean}）。该季度内新建商机的赢单（${n(Math.round(wonFromNew))}）不在任何预测中，也不计入“实际赢单”。`,
    noBacktest: (hasCreated) =>
      hasCreated
        ? "无法回测：没有带创建日期和金额、在最近一个完整季度开始时仍在管道中并预计在该季度成交的商机。"
        : "无法回测：需要创建日期（或接触日期）列，用来重建最近一个完整季度第一天的管道。",
    live: "实时公式：分期管道为 KAM.PIPELINE_FORECAST，会随数据重新计算；收件人需要安装 KAM Analytics 加载项。",
    liveNeedsAddresses:
      "已要求使用实时公式，但不知道数据来源区域：本表只包含数值和 Excel 原生公式。",
  },
  errors: {
    noColumn: (role) => `销售漏斗报告需要“${role}”列。`,
    noRows: "数据没有任何行，没有可分析的商机。",
    lengths: "各数据列的长度不一致。",
    notNumber: (row, what) => `第 ${row} 行：${what}不是数字。`,
    unknownStages: (stages, known, won, lost) =>
      `未知阶段${stages.map((s) => `“${s.name}”（${n(s.count)} 个商机，首次出现在第 ${s.row} 行）`).join("、")}；已知阶段：${known}，也可以填写概率（如 50%）。阶段表中没有的阶段按数据中已结商机学习的赢单率计算，这需要既有赢单也有输单的商机：现有 ${n(won)} 个赢单、${n(lost)} 个输单。`,
    stageTable: (entry, problem) => `阶段表第 ${entry} 项：${zhStageTableProblem(problem)}。`,
    targets: (count, periods) =>
      `共有 ${n(periods)} 个期间，却给了 ${n(count)} 个目标：请每个期间给一个目标，或给一个适用于所有期间的数。`,
    target: (value) => `目标不能为 ${value}：目标必须大于或等于 0。`,
    option: (name, rule) => `选项 ${name} 必须为 ${rule}。`,
  },
  roles: { amount: "金额", stage: "阶段", closeDate: "预计成交日期" },
};

/** A stage table problem in Chinese (the English text is the engine's reason). */
function zhStageTableProblem(p: StageTableProblem): string {
  switch (p.kind) {
    case "probability":
      return `“${p.name}”的概率必须在 0 到 1 之间（或 0% 到 100%）`;
    case "category":
      return `“${p.name}”的预测类别“${p.category}”未知；请使用 ${FORECAST_CATEGORIES.map((c) => `${CATEGORY_NAMES[c].zh}（${CATEGORY_NAMES[c].en}）`).join("、")}`;
    case "closedNot100":
      return `“${p.name}”属于“已成交”类别，概率必须为 100%`;
    case "omittedNot0":
      return `“${p.name}”属于“不计入”类别（输单或排除），概率必须为 0%`;
    case "blank":
      return "阶段名称为空";
    case "twice":
      return `阶段“${p.name}”出现了两次`;
    default:
      return "阶段表是空的";
  }
}

export const PIPELINE_REPORT: Readonly<Record<Lang, PipelineReportText>> = { en, zh };
