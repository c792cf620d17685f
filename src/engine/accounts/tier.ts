// Key-account tiers (core / key / ordinary; 核心 / 重点 / 普通) from revenue contribution, margin against
// the portfolio average and growth, after the tiering rule of key-account practice (high value: a
// large revenue share, or an above-average margin with stable growth; low value: a small share and a
// below-average margin).

import { sum } from "../numeric";

export type Tier = "core" | "key" | "ordinary";

export interface TierThresholds {
  /** Revenue share at or above which an account is core. Default 0.30. */
  coreShare: number;
  /** Revenue share at or below which an account with a below-average margin is ordinary. Default 0.05. */
  ordinaryShare: number;
  /** Growth at or above which growth counts as stable. Default 0. */
  stableGrowth: number;
}

export const DEFAULT_TIER_THRESHOLDS: TierThresholds = {
  coreShare: 0.3,
  ordinaryShare: 0.05,
  stableGrowth: 0,
};

export interface TierRow {
  share: number;
  /** Margin minus the portfolio's revenue-weighted average margin. */
  marginGap: number;
  growth: number;
  tier: Tier;
}

/**
 * Rule, per account: share = revenue / total revenue; average margin = Σ revenue·margin / Σ revenue.
 *   core      if share >= coreShare, or (margin > average and growth >= stableGrowth);
 *   ordinary  else if share <= ordinaryShare and margin < average;
 *   key       otherwise.
 */
export function tiers(
  revenue: readonly number[],
  margin: readonly number[],
  growth: readonly number[],
  t: TierThresholds = DEFAULT_TIER_THRESHOLDS
): { ok: true; rows: TierRow[]; averageMargin: number } | { ok: false; reason: string } {
  const n = revenue.length;
  if (margin.length !== n || growth.length !== n) throw new RangeError("tiers: lengths differ");
  const total = sum(revenue);
  if (!(total > 0))
    return { ok: false, reason: `the total revenue is ${total}; shares need a total above 0` };
  const average = sum(revenue.map((r, i) => r * margin[i])) / total;
  const eps = 1e-12;
  const rows = revenue.map((r, i) => {
    const share = r / total;
    const gap = margin[i] - average;
    const above = gap > eps;
    const below = gap < -eps;
    const tier: Tier =
      share >= t.coreShare - eps || (above && growth[i] >= t.stableGrowth)
        ? "core"
        : share <= t.ordinaryShare + eps && below
          ? "ordinary"
          : "key";
    return { share, marginGap: gap, growth: growth[i], tier };
  });
  return { ok: true, rows, averageMargin: average };
}
