// Win probability of each open stage learned from an opportunity list's own closed deals: the cohort
// stage win rate of KAM.FUNNEL_CONVERSION (./conversion.ts), won ÷ closed deals that reached the stage,
// for stages that are cumulative (a deal at a stage passed every earlier one; a won deal passed all).

import { funnelConversion, Outcome } from "./conversion";

export interface LearnedStage {
  /** Closed (won or lost) deals that reached the stage. */
  reached: number;
  /** Won deals among them (every won deal reached every stage). */
  won: number;
  /** won ÷ reached; undefined when no closed deal reached the stage. */
  probability?: number;
}

export interface LearnedProbabilities {
  /** One entry per open stage, in funnel order. */
  stages: LearnedStage[];
  won: number;
  lost: number;
  /** Open deals, which teach nothing. */
  open: number;
  /** Lost deals whose stage was not known, taken to have reached every open stage. */
  lostStageUnknown: number;
}

/**
 * Learns the win probability of `openStages` open stages (funnel order) from the deals' outcomes.
 *
 * A CRM export's stage column holds the current stage: an open deal's open stage, and Won or Lost for a
 * closed deal, so where a lost deal dropped out is not recorded. `lostAt[i]` gives it (the index of the
 * furthest open stage lost deal i reached) when known; when it is absent or null the deal is taken to
 * have reached every open stage. With no lost stage known, every open stage learns the same
 * probability, won ÷ (won + lost): the data cannot tell the stages apart.
 */
export function learnStageProbabilities(
  openStages: number,
  outcomes: readonly Outcome[],
  lostAt?: readonly (number | null)[]
): LearnedProbabilities {
  if (!Number.isInteger(openStages) || openStages < 1)
    throw new RangeError("learnStageProbabilities: at least one open stage");
  if (lostAt !== undefined && lostAt.length !== outcomes.length)
    throw new RangeError("learnStageProbabilities: columns differ in length");
  // Stages 0..openStages-1 are the open ones; openStages is the won stage.
  const furthest = new Array<number>(outcomes.length);
  let lostStageUnknown = 0;
  for (let i = 0; i < outcomes.length; i++) {
    const o = outcomes[i];
    if (o === "won") furthest[i] = openStages;
    else if (o === "lost") {
      const at = lostAt?.[i];
      if (at === undefined || at === null) {
        lostStageUnknown++;
        furthest[i] = openStages - 1;
      } else {
        if (!Number.isInteger(at) || at < 0 || at >= openStages)
          throw new RangeError(`learnStageProbabilities: stage index ${at} out of range`);
        furthest[i] = at;
      }
    } else furthest[i] = 0;
  }
  const conv = funnelConversion(furthest, outcomes, openStages + 1);
  return {
    stages: conv.stages.slice(0, openStages).map((s) => ({
      reached: s.reached,
      won: s.won,
      ...(s.winProbability !== undefined ? { probability: s.winProbability } : {}),
    })),
    won: conv.won,
    lost: conv.lost,
    open: conv.open,
    lostStageUnknown,
  };
}
