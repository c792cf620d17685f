// The RFM segment rule table: every (R, F) cell of the 5×5 score grid names one segment.
// The eleven segment names follow common CRM practice (Champions ... Lost); the table is this project's.

export type SegmentId =
  | "champions"
  | "loyal"
  | "potential_loyalist"
  | "new"
  | "promising"
  | "needs_attention"
  | "about_to_sleep"
  | "at_risk"
  | "cant_lose"
  | "hibernating"
  | "lost";

/**
 * Rows R = 5 (most recent) .. 1, columns F = 1 .. 5 (most frequent).
 *
 *   R\F   1               2                   3                   4          5
 *   5     New             Potential loyalist  Potential loyalist  Champions  Champions
 *   4     Promising       Potential loyalist  Potential loyalist  Loyal      Loyal
 *   3     About to sleep  About to sleep      Needs attention     Loyal      Loyal
 *   2     Hibernating     Hibernating         At risk             At risk    Can't lose
 *   1     Lost            Lost                At risk             At risk    Can't lose
 */
export const SEGMENT_GRID: readonly (readonly SegmentId[])[] = [
  ["lost", "lost", "at_risk", "at_risk", "cant_lose"],
  ["hibernating", "hibernating", "at_risk", "at_risk", "cant_lose"],
  ["about_to_sleep", "about_to_sleep", "needs_attention", "loyal", "loyal"],
  ["promising", "potential_loyalist", "potential_loyalist", "loyal", "loyal"],
  ["new", "potential_loyalist", "potential_loyalist", "champions", "champions"],
];

/** Maps a score on a 1..bins scale to the 1..5 scale of the grid (the middle maps to the middle). */
export function toFivePoint(score: number, bins: number): number {
  if (bins === 5) return score;
  return Math.min(5, Math.max(1, Math.ceil(((score - 0.5) * 5) / bins)));
}

/** The segment of an (R, F) score pair on a 1..bins scale. */
export function segmentOf(r: number, f: number, bins = 5): SegmentId {
  return SEGMENT_GRID[toFivePoint(r, bins) - 1][toFivePoint(f, bins) - 1];
}
