// Key-account tiers (core / key / ordinary; 核心 / 重点 / 普通) by the value assessment of key-account
// practice: revenue contribution (share ≥ 30% high, ≤ 5% low), profitability (margin against the
// revenue-weighted average margin) and potential (growth, stability). Where no account reaches the high
// share, as in most customer bases, contribution is measured against the base: the ABC class of the
// 80/20 rule (pareto.ts).
//
// The rule, per account i (share_i = revenue_i ÷ total revenue):
//   contribution  high    share ≥ highShare; or, when no account reaches highShare, ABC class A
//                         (the accounts making the first aCut = 80% of revenue);
//                 low     share ≤ lowShare and ABC class C (the tail after the first bCut = 95%);
//                 medium  the rest.
//                 Equal revenues get the same class (the better one), so equal accounts tier alike.
//   profitability margin_i against the average Σ revenue·margin ÷ Σ revenue over the accounts whose
//                 margin is known (revenue > 0): below, at or above; unknown when the account has no
//                 margin. Growth never stands in for margin.
//   potential     shrinking  growth < shrinkingGrowth (−10%), or lapsed (no revenue in either window);
//                 growing    growth ≥ growingGrowth (+10%);
//                 stable     in between;
//                 new / unknown  no revenue in the earlier window / no growth.
//   weaknesses    a margin below the average; shrinking. Unknown is never a weakness.
//   core      high contribution and no weakness;
//   key       high with one weakness; medium; or low with a margin above the average and growing;
//   ordinary  high with both weaknesses; low otherwise.
// So the largest accounts are never ordinary unless the data show them both less profitable than
// the average and shrinking.

import { maxOf, sum } from "../numeric";
import { AbcClass, pareto } from "./pareto";

export type Tier = "core" | "key" | "ordinary";
export type Contribution = "high" | "medium" | "low";
/** How contribution was measured: absolute shares (some account reaches highShare) or ABC class. */
export type ContributionRule = "share" | "abc";
export type Profitability = "above" | "average" | "below" | "unknown";
export type Potential = "growing" | "stable" | "shrinking" | "new" | "unknown";

/**
 * An account's growth: a rate (0.05 = +5%); "new" (no revenue in the earlier window); "lapsed" (no
 * revenue in either window, purchases before them: shrinking); null = unknown.
 */
export type GrowthSignal = number | "new" | "lapsed" | null;

export interface TierOptions {
  /** Revenue share at or above which contribution is high. 0 < x ≤ 1; default 0.30. */
  highShare: number;
  /** Revenue share at or below which a class-C account's contribution is low. 0 ≤ x < highShare; default 0.05. */
  lowShare: number;
  /** Growth below which an account is shrinking. x ≤ growingGrowth; default −0.10. */
  shrinkingGrowth: number;
  /** Growth at or above which an account is growing. x ≥ shrinkingGrowth; default 0.10. */
  growingGrowth: number;
  /** Cumulative revenue share up to which accounts are class A. 0 < x ≤ 1; default 0.8. */
  aCut: number;
  /** Cumulative revenue share up to which accounts are class B. aCut ≤ x ≤ 1; default 0.95. */
  bCut: number;
}

export const DEFAULT_TIER_OPTIONS: Readonly<TierOptions> = {
  highShare: 0.3,
  lowShare: 0.05,
  shrinkingGrowth: -0.1,
  growingGrowth: 0.1,
  aCut: 0.8,
  bCut: 0.95,
};

/** The problem with a set of options, or undefined when they are valid. */
export function tierOptionsProblem(t: TierOptions): string | undefined {
  const fin = (v: number) => typeof v === "number" && Number.isFinite(v);
  if (!(fin(t.highShare) && t.highShare > 0 && t.highShare <= 1)) return "highShare: 0 < x ≤ 1";
  if (!(fin(t.lowShare) && t.lowShare >= 0 && t.lowShare < t.highShare))
    return "lowShare: 0 ≤ x < highShare";
  if (!fin(t.growingGrowth)) return "growingGrowth: a number";
  if (!(fin(t.shrinkingGrowth) && t.shrinkingGrowth <= t.growingGrowth))
    return "shrinkingGrowth: x ≤ growingGrowth";
  if (!(fin(t.aCut) && t.aCut > 0 && t.aCut <= 1)) return "aCut: 0 < x ≤ 1";
  if (!(fin(t.bCut) && t.bCut >= t.aCut && t.bCut <= 1)) return "bCut: aCut ≤ x ≤ 1";
  return undefined;
}

/** Why an account got its tier. */
export type TierReason =
  /** core: high contribution, no weakness. */
  | "high"
  /** key: high contribution with one weakness. */
  | "highOneWeakness"
  /** ordinary: high contribution, margin below average and shrinking. */
  | "highTwoWeaknesses"
  /** key: medium contribution. */
  | "medium"
  /** key: low contribution, margin above average and growing. */
  | "lowPotential"
  /** ordinary: low contribution. */
  | "low";

export interface TierAccount {
  share: number;
  /** ABC class by revenue (equal revenues share the better class). */
  abc: AbcClass;
  contribution: Contribution;
  margin: number | null;
  /** Margin minus the average margin; null when either is unknown. */
  marginGap: number | null;
  profitability: Profitability;
  growth: number | null;
  potential: Potential;
  tier: Tier;
  reason: TierReason;
}

export interface TierResult {
  accounts: TierAccount[];
  rule: ContributionRule;
  /** Revenue-weighted average margin of the accounts with a known margin; null when none. */
  averageMargin: number | null;
  /** Largest share of one account. */
  maxShare: number;
}

export type TierOutcome = { ok: true; value: TierResult } | { ok: false; reason: string };

const EPS = 1e-12;

/**
 * Tiers of accounts from their revenue, margin (rate, e.g. 0.25; null = unknown) and growth.
 * `margins` may be omitted (every margin unknown). Fails when the total revenue is not above 0.
 */
export function tierAccounts(
  revenue: readonly number[],
  margins: readonly (number | null)[] | undefined,
  growth: readonly GrowthSignal[],
  options: Partial<TierOptions> = {}
): TierOutcome {
  const n = revenue.length;
  if ((margins && margins.length !== n) || growth.length !== n)
    throw new RangeError("tierAccounts: lengths differ");
  const t: TierOptions = { ...DEFAULT_TIER_OPTIONS, ...options };
  const problem = tierOptionsProblem(t);
  if (problem) throw new RangeError(`tierAccounts: ${problem}`);
  const total = sum(revenue);
  if (!(total > 0))
    return { ok: false, reason: `the total revenue is ${total}; shares need a total above 0` };

  // ABC classes by revenue; equal revenues take the class of the first of them.
  const ranked = pareto(
    revenue.map((_, i) => i),
    revenue,
    t.aCut,
    t.bCut
  );
  if (!ranked.ok) return ranked;
  const abc = new Array<AbcClass>(n);
  let groupValue = NaN;
  let groupClass: AbcClass = "A";
  for (const r of ranked.value) {
    const same =
      Math.abs(r.total - groupValue) <= EPS * Math.max(Math.abs(r.total), Math.abs(groupValue));
    if (!same) {
      groupValue = r.total;
      groupClass = r.abc;
    }
    abc[r.customer as number] = groupClass;
  }

  const shares = revenue.map((r) => r / total);
  const maxShare = maxOf(shares);
  const rule: ContributionRule = maxShare >= t.highShare - EPS ? "share" : "abc";

  // Margins count where known and the account's revenue is above 0.
  const margin = revenue.map((r, i) => {
    const m = margins?.[i];
    return m !== null && m !== undefined && Number.isFinite(m) && r > 0 ? m : null;
  });
  const known = margin.flatMap((m, i) => (m === null ? [] : [i]));
  const weight = sum(known.map((i) => revenue[i]));
  const averageMargin =
    known.length > 0 && weight > 0
      ? sum(known.map((i) => revenue[i] * (margin[i] as number))) / weight
      : null;

  const accounts = revenue.map((_, i): TierAccount => {
    const share = shares[i];
    const contribution: Contribution =
      share >= t.highShare - EPS || (rule === "abc" && abc[i] === "A")
        ? "high"
        : share <= t.lowShare + EPS && abc[i] === "C"
          ? "low"
          : "medium";
    const m = margin[i];
    const gap = m === null || averageMargin === null ? null : m - averageMargin;
    const profitability: Profitability =
      gap === null ? "unknown" : gap > EPS ? "above" : gap < -EPS ? "below" : "average";
    const g = growth[i];
    const rate = typeof g === "number" && Number.isFinite(g) ? g : null;
    const potential: Potential =
      g === "lapsed"
        ? "shrinking"
        : g === "new"
          ? "new"
          : rate === null
            ? "unknown"
            : rate < t.shrinkingGrowth - EPS
              ? "shrinking"
              : rate >= t.growingGrowth - EPS
                ? "growing"
                : "stable";
    const weaknesses = (profitability === "below" ? 1 : 0) + (potential === "shrinking" ? 1 : 0);
    let reason: TierReason;
    if (contribution === "high")
      reason =
        weaknesses === 0 ? "high" : weaknesses === 1 ? "highOneWeakness" : "highTwoWeaknesses";
    else if (contribution === "medium") reason = "medium";
    else reason = profitability === "above" && potential === "growing" ? "lowPotential" : "low";
    const tier: Tier =
      reason === "high"
        ? "core"
        : reason === "highTwoWeaknesses" || reason === "low"
          ? "ordinary"
          : "key";
    return {
      share,
      abc: abc[i],
      contribution,
      margin: m,
      marginGap: gap,
      profitability,
      growth: rate,
      potential,
      tier,
      reason,
    };
  });
  return { ok: true, value: { accounts, rule, averageMargin, maxShare } };
}

/** The three thresholds KAM.TIER has always taken (core share, ordinary share, stable growth). */
export interface TierThresholds {
  /** = highShare. */
  coreShare: number;
  /** = lowShare. */
  ordinaryShare: number;
  /** = shrinkingGrowth: growth at or above which an account is not shrinking. */
  stableGrowth: number;
}

export const DEFAULT_TIER_THRESHOLDS: TierThresholds = {
  coreShare: DEFAULT_TIER_OPTIONS.highShare,
  ordinaryShare: DEFAULT_TIER_OPTIONS.lowShare,
  stableGrowth: DEFAULT_TIER_OPTIONS.shrinkingGrowth,
};

export interface TierRow {
  share: number;
  /** Margin minus the portfolio's revenue-weighted average margin. */
  marginGap: number;
  growth: number;
  tier: Tier;
}

/**
 * The rule of tierAccounts on plain numbers (every margin and growth known), with the thresholds
 * as KAM.TIER takes them; growingGrowth is max(stableGrowth, 0.10) unless given.
 */
export function tiers(
  revenue: readonly number[],
  margin: readonly number[],
  growth: readonly number[],
  t: TierThresholds = DEFAULT_TIER_THRESHOLDS,
  growingGrowth?: number
): { ok: true; rows: TierRow[]; averageMargin: number } | { ok: false; reason: string } {
  const n = revenue.length;
  if (margin.length !== n || growth.length !== n) throw new RangeError("tiers: lengths differ");
  const res = tierAccounts(revenue, margin, growth, {
    highShare: t.coreShare,
    lowShare: t.ordinaryShare,
    shrinkingGrowth: t.stableGrowth,
    growingGrowth: growingGrowth ?? Math.max(t.stableGrowth, DEFAULT_TIER_OPTIONS.growingGrowth),
  });
  if (!res.ok) return res;
  const average = res.value.averageMargin ?? 0;
  return {
    ok: true,
    rows: res.value.accounts.map((a, i) => ({
      share: a.share,
      marginGap: margin[i] - average,
      growth: growth[i],
      tier: a.tier,
    })),
    averageMargin: average,
  };
}
