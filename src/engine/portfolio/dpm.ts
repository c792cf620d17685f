// The directional policy matrix (Shell DPM; McDonald & Rogers, "Key Account Management", the ten
// steps): weighted market attractiveness and relative business strength per segment or account, the
// quadrant of the 2×2 matrix and its strategy.

export type Quadrant = "star" | "cashCow" | "questionMark" | "dog";
export type Strategy = "improve" | "maintain" | "enter" | "harvest";

/** Quadrant → strategy: invest to improve stars, maintain cash cows, enter (build) question marks, harvest or exit dogs. */
export const STRATEGY_OF: Record<Quadrant, Strategy> = {
  star: "improve",
  cashCow: "maintain",
  questionMark: "enter",
  dog: "harvest",
};

export interface DpmRow {
  attractiveness: number;
  strength: number;
  quadrant: Quadrant;
  strategy: Strategy;
}

/** Σ w_j s_j / Σ w_j for each row of scores (scores[j][i]: factor j of item i). */
export function weightedScores(
  scores: readonly (readonly number[])[],
  weights: readonly number[]
): number[] {
  if (scores.length !== weights.length) throw new RangeError("weightedScores: lengths differ");
  const wsum = weights.reduce((s, w) => s + w, 0);
  if (!(wsum > 0)) throw new RangeError("weightedScores: the weights must add up to more than 0");
  const n = scores.length === 0 ? 0 : scores[0].length;
  return Array.from(
    { length: n },
    (_, i) => scores.reduce((s, col, j) => s + weights[j] * col[i], 0) / wsum
  );
}

/**
 * Places each item: high attractiveness is > cut, high strength is > cut (a score equal to the cut is low).
 *   high/high star → improve; low attractiveness/high strength cash cow → maintain;
 *   high attractiveness/low strength question mark → enter; low/low dog → harvest or exit.
 */
export function dpm(
  attractiveness: readonly (readonly number[])[],
  attractivenessWeights: readonly number[],
  strength: readonly (readonly number[])[],
  strengthWeights: readonly number[],
  cut: number
): DpmRow[] {
  const a = weightedScores(attractiveness, attractivenessWeights);
  const s = weightedScores(strength, strengthWeights);
  if (a.length !== s.length) throw new RangeError("dpm: item counts differ");
  return a.map((ai, i) => {
    const hiA = ai > cut;
    const hiS = s[i] > cut;
    const quadrant: Quadrant = hiA ? (hiS ? "star" : "questionMark") : hiS ? "cashCow" : "dog";
    return { attractiveness: ai, strength: s[i], quadrant, strategy: STRATEGY_OF[quadrant] };
  });
}
