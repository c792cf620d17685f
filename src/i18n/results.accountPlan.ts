// Labels that KAM.WHITESPACE and KAM.ACCOUNT_PROFILE write into cells, and that the Account plan
// report's profile and whitespace blocks reuse, en-US and zh-CN.

import type { AccountProfile, ClvProblem, ProfilePortfolio } from "../engine/accounts/profile";
import type {
  Contribution,
  Potential,
  Profitability,
  Tier,
  TierReason,
} from "../engine/accounts/tier";
import type { Quadrant } from "../engine/portfolio/dpm";
import type { Lang } from "./lang";
import { SEGMENT_NAMES } from "./segments";

const en = {
  account: "Account",
  total: "Total",
  gapHeaders: ["Product", "Comparable accounts buying", "Their share of spend", "Opportunity"],
  noGaps: (account: string) => `No gaps: ${account} buys every product`,
  notFound: (account: string, nearest: string) =>
    nearest === ""
      ? `"${account}" is not among the accounts`
      : `"${account}" is not among the accounts; nearest: ${nearest}`,
  profileHeaders: ["Measure", "Value"],
  profile: {
    account: "Account",
    orders: "Orders",
    firstOrder: "First order",
    lastOrder: "Last order",
    revenue: "Revenue",
    profit: "Profit",
    margin: "Margin",
    share: "Share of revenue",
    rank: "Rank by revenue",
    accounts: "Accounts",
    abc: "ABC class",
    tier: "Tier",
    tierReason: "Tier basis",
    contribution: "Contribution",
    profitability: "Profitability",
    potential: "Potential",
    growth: "Growth, last 12 months",
    recent: "Orders in the last 12 months",
    rfmCode: "RFM code",
    segment: "RFM segment",
    recency: "Recency (days)",
    frequency: "Frequency (purchase days)",
    pAlive: "P(alive)",
    expectedPurchases: (months: number) => `Expected purchases, next ${months} months`,
    clv: (months: number) => `CLV, next ${months} months`,
    cagr: (from: number, to: number) => `CAGR ${from}–${to}`,
    yearRevenue: (year: string) => `Revenue ${year}`,
    yearProfit: (year: string) => `Profit ${year}`,
    yearGrowth: (year: string) => `Growth ${year}`,
    attractiveness: "DPM attractiveness",
    strength: "DPM strength",
    quadrant: "DPM position",
    yes: "Yes",
    lapsed: "None: no order in the last 12 months (lapsed)",
    none: "n/a",
  },
  tiers: { core: "Core", key: "Key", ordinary: "Ordinary" } as Record<Tier, string>,
  reasons: {
    high: "High contribution, no weakness",
    highOneWeakness: "High contribution, one weakness",
    highTwoWeaknesses: "High contribution, below-average margin and shrinking",
    medium: "Medium contribution",
    lowPotential: "Low contribution, above-average margin and growing",
    low: "Low contribution",
  } as Record<TierReason, string>,
  contribution: { high: "High", medium: "Medium", low: "Low" } as Record<Contribution, string>,
  profitability: {
    above: "Margin above average",
    average: "Margin at average",
    below: "Margin below average",
    unknown: "Margin unknown",
  } as Record<Profitability, string>,
  potential: {
    growing: "Growing",
    stable: "Stable",
    shrinking: "Shrinking",
    new: "New",
    unknown: "Unknown",
  } as Record<Potential, string>,
  quadrants: {
    star: "Star (improve)",
    cashCow: "Cash cow (maintain)",
    questionMark: "Question mark (enter)",
    dog: "Dog (harvest)",
  } as Record<Quadrant, string>,
  clvProblem: (p: ClvProblem): string =>
    p.code === "tooFewRepeat"
      ? `n/a: ${p.repeat} repeat buyers, the CLV model needs ${p.needed}`
      : p.code === "notConverged"
        ? `n/a: the ${p.model} fit did not converge`
        : p.code === "noRepeatValue"
          ? "n/a: no repeat purchase has a value above 0"
          : "n/a: the Gamma-Gamma fit gives no finite mean spend (q ≤ 1)",
};

export type AccountPlanLabels = typeof en;

const zh: AccountPlanLabels = {
  account: "客户",
  total: "合计",
  gapHeaders: ["产品", "购买该产品的可比客户数", "可比客户的支出占比", "机会金额"],
  noGaps: (account) => `没有空白：${account} 购买了所有产品`,
  notFound: (account, nearest) =>
    nearest === "" ? `“${account}”不在客户中` : `“${account}”不在客户中；最接近的：${nearest}`,
  profileHeaders: ["指标", "值"],
  profile: {
    account: "客户",
    orders: "订单数",
    firstOrder: "首次下单",
    lastOrder: "最近下单",
    revenue: "收入",
    profit: "利润",
    margin: "利润率",
    share: "收入占比",
    rank: "收入排名",
    accounts: "客户数",
    abc: "ABC 类别",
    tier: "客户分级",
    tierReason: "分级依据",
    contribution: "收入贡献",
    profitability: "盈利能力",
    potential: "发展潜力",
    growth: "近 12 个月增长率",
    recent: "近 12 个月订单",
    rfmCode: "RFM 代码",
    segment: "RFM 客户群",
    recency: "最近购买（天）",
    frequency: "购买频次（购买天数）",
    pAlive: "存活概率",
    expectedPurchases: (months) => `未来 ${months} 个月预期购买次数`,
    clv: (months) => `未来 ${months} 个月客户终身价值`,
    cagr: (from, to) => `${from}–${to} 年复合增长率`,
    yearRevenue: (year) => `${year} 年收入`,
    yearProfit: (year) => `${year} 年利润`,
    yearGrowth: (year) => `${year} 年增长率`,
    attractiveness: "DPM 市场吸引力",
    strength: "DPM 业务实力",
    quadrant: "DPM 位置",
    yes: "有",
    lapsed: "无：近 12 个月没有订单（已流失）",
    none: "无",
  },
  tiers: { core: "核心", key: "重点", ordinary: "普通" },
  reasons: {
    high: "收入贡献高，没有弱项",
    highOneWeakness: "收入贡献高，有一项弱项",
    highTwoWeaknesses: "收入贡献高，但毛利率低于平均且萎缩",
    medium: "收入贡献中等",
    lowPotential: "收入贡献低，但毛利率高于平均且增长",
    low: "收入贡献低",
  },
  contribution: { high: "高", medium: "中", low: "低" },
  profitability: {
    above: "毛利率高于平均",
    average: "毛利率等于平均",
    below: "毛利率低于平均",
    unknown: "毛利率未知",
  },
  potential: { growing: "增长", stable: "稳定", shrinking: "萎缩", new: "新客户", unknown: "未知" },
  quadrants: {
    star: "明星（改进）",
    cashCow: "现金牛（维持）",
    questionMark: "问号（进入）",
    dog: "瘦狗（收获）",
  },
  clvProblem: (p) =>
    p.code === "tooFewRepeat"
      ? `无：重复购买客户 ${p.repeat} 个，CLV 模型需要 ${p.needed} 个`
      : p.code === "notConverged"
        ? `无：${p.model} 拟合未收敛`
        : p.code === "noRepeatValue"
          ? "无：没有金额大于 0 的重复购买"
          : "无：Gamma-Gamma 拟合得不到有限的平均消费（q ≤ 1）",
};

export const ACCOUNT_PLAN_LABELS: Readonly<Record<Lang, AccountPlanLabels>> = { en, zh };

/** How a profile value is shown: the report formats by kind; the function returns the value. */
export type ProfileKind = "text" | "date" | "money" | "percent" | "count" | "number";

export interface ProfileLine {
  label: string;
  value: string | number;
  kind: ProfileKind;
}

/**
 * The profile block as label/value lines, the one presentation KAM.ACCOUNT_PROFILE spills and the
 * Account plan report writes. Unknown figures are a text saying why, never a blank.
 */
export function profileLines(p: AccountProfile, pf: ProfilePortfolio, lang: Lang): ProfileLine[] {
  const L = ACCOUNT_PLAN_LABELS[lang];
  const P = L.profile;
  const out: ProfileLine[] = [];
  const add = (label: string, value: string | number | null | undefined, kind: ProfileKind) =>
    out.push(
      value === null || value === undefined || (typeof value === "number" && !isFinite(value))
        ? { label, value: P.none, kind: "text" }
        : { label, value, kind }
    );
  add(P.account, p.account, "text");
  add(P.orders, p.orders, "count");
  add(P.firstOrder, p.firstOrder, "date");
  add(P.lastOrder, p.lastOrder, "date");
  add(P.recent, p.recent ? P.yes : P.lapsed, "text");
  add(P.revenue, p.revenue, "money");
  if (pf.profitTotal !== null) {
    add(P.profit, p.profit, "money");
    add(P.margin, p.margin, "percent");
  }
  add(P.share, p.share, "percent");
  add(P.rank, p.rank, "count");
  add(P.accounts, pf.accounts, "count");
  add(P.abc, p.abc, "text");
  if (p.tier) {
    add(P.tier, L.tiers[p.tier.tier], "text");
    add(P.tierReason, L.reasons[p.tier.reason], "text");
    add(P.contribution, L.contribution[p.tier.contribution], "text");
    add(P.profitability, L.profitability[p.tier.profitability], "text");
    add(P.potential, L.potential[p.tier.potential], "text");
  }
  add(P.growth, p.growth?.growth, "percent");
  for (const y of p.years) {
    add(P.yearRevenue(y.label), y.revenue, "money");
    if (y.profit !== null) add(P.yearProfit(y.label), y.profit, "money");
  }
  for (const y of p.years.slice(1)) add(P.yearGrowth(y.label), y.growth, "percent");
  if (pf.completeYears.length >= 2)
    add(
      P.cagr(pf.completeYears[0], pf.completeYears[pf.completeYears.length - 1]),
      p.cagr?.value,
      "percent"
    );
  add(P.rfmCode, p.rfm?.code, "text");
  add(P.segment, p.rfm ? SEGMENT_NAMES[p.rfm.segment][lang] : undefined, "text");
  add(P.recency, p.rfm?.recency, "count");
  add(P.frequency, p.rfm?.frequency, "count");
  const why = pf.clvProblem ? L.clvProblem(pf.clvProblem) : P.none;
  add(P.pAlive, p.clv?.pAlive ?? why, p.clv ? "percent" : "text");
  add(
    P.expectedPurchases(pf.clvMonths),
    p.clv?.expectedPurchases ?? why,
    p.clv ? "number" : "text"
  );
  add(P.clv(pf.clvMonths), p.clv?.clv ?? why, p.clv ? "money" : "text");
  if (p.dpm) {
    add(P.attractiveness, p.dpm.attractiveness, "number");
    add(P.strength, p.dpm.strength, "number");
    add(P.quadrant, L.quadrants[p.dpm.quadrant], "text");
  }
  return out;
}
