// Pipeline coverage (pipeline ÷ quota, the sales-management rule of thumb of about 3× for a one-in-three
// win rate) and the pipeline a target needs at a win rate: target ÷ win rate.

export interface Coverage {
  pipeline: number;
  target: number;
  /** pipeline ÷ target. */
  coverage: number;
  /** Present when a win rate is given. */
  atWinRate?: {
    winRate: number;
    /** 1 ÷ win rate: the coverage the win rate calls for. */
    coverageNeeded: number;
    /** target ÷ win rate. */
    pipelineNeeded: number;
    /** pipeline × win rate: what the pipeline is expected to bring. */
    expectedWins: number;
    /** max(0, pipeline needed − pipeline). */
    shortfall: number;
  };
}

/** Coverage figures. The target must be > 0 and the win rate in (0, 1]; the caller checks. */
export function pipelineCoverage(pipeline: number, target: number, winRate?: number): Coverage {
  if (!(target > 0)) throw new RangeError("pipelineCoverage: target must be > 0");
  const out: Coverage = { pipeline, target, coverage: pipeline / target };
  if (winRate !== undefined) {
    if (!(winRate > 0 && winRate <= 1))
      throw new RangeError("pipelineCoverage: win rate must be in (0, 1]");
    const pipelineNeeded = target / winRate;
    out.atWinRate = {
      winRate,
      coverageNeeded: 1 / winRate,
      pipelineNeeded,
      expectedWins: pipeline * winRate,
      shortfall: Math.max(0, pipelineNeeded - pipeline),
    };
  }
  return out;
}
