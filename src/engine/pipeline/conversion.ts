// Stage-to-stage funnel conversion and the empirical win probability of each stage, learned from closed
// deals (the cohort "stage win rate" of sales analytics: won ÷ closed deals that reached the stage).

export type Outcome = "won" | "lost" | "open";

export interface StageConversion {
  /** Index of the stage in the funnel order. */
  stage: number;
  /** Closed deals that reached the stage. */
  reached: number;
  /** Closed deals that reached the next stage; undefined for the last (won) stage. */
  movedOn?: number;
  /** movedOn ÷ reached; undefined for the last stage or when no closed deal reached the stage. */
  conversion?: number;
  /** Won deals among those that reached the stage (every won deal reached every stage). */
  won: number;
  /** won ÷ reached; 1 for the last (won) stage; undefined when no closed deal reached the stage. */
  winProbability?: number;
}

export interface FunnelConversion {
  stages: StageConversion[];
  won: number;
  lost: number;
  /** Open deals, which are left out. */
  open: number;
}

/**
 * Conversion through a funnel of `stageCount` stages in order, the last being the won stage.
 *
 * Each deal gives the furthest stage it reached (0-based index) and its outcome. Only closed deals count.
 * A deal that reached a stage passed every earlier one; a won deal reached every stage, the last
 * included. A lost deal reached the stages up to its furthest one, which cannot be the won stage.
 */
export function funnelConversion(
  furthest: readonly number[],
  outcomes: readonly Outcome[],
  stageCount: number
): FunnelConversion {
  if (furthest.length !== outcomes.length)
    throw new RangeError("funnelConversion: columns differ in length");
  if (!Number.isInteger(stageCount) || stageCount < 2)
    throw new RangeError("funnelConversion: at least two stages");
  const lostAt = new Array<number>(stageCount).fill(0);
  let won = 0;
  let lost = 0;
  let open = 0;
  for (let i = 0; i < furthest.length; i++) {
    const s = furthest[i];
    if (!Number.isInteger(s) || s < 0 || s >= stageCount)
      throw new RangeError(`funnelConversion: stage index ${s} out of range`);
    if (outcomes[i] === "won") won++;
    else if (outcomes[i] === "open") open++;
    else {
      if (s === stageCount - 1)
        throw new RangeError("funnelConversion: a lost deal cannot reach the won stage");
      lost++;
      lostAt[s]++;
    }
  }
  // reached(k) = won + lost deals whose furthest stage is k or later.
  const reached = new Array<number>(stageCount);
  let lostFromHere = 0;
  for (let k = stageCount - 1; k >= 0; k--) {
    lostFromHere += lostAt[k];
    reached[k] = won + lostFromHere;
  }
  const stages = reached.map((r, k): StageConversion => {
    const last = k === stageCount - 1;
    return {
      stage: k,
      reached: r,
      won,
      ...(last ? {} : { movedOn: reached[k + 1] }),
      ...(!last && r > 0 ? { conversion: reached[k + 1] / r } : {}),
      ...(last ? { winProbability: 1 } : r > 0 ? { winProbability: won / r } : {}),
    };
  });
  return { stages, won, lost, open };
}
