// A deal's outcome — won, lost or still open — read from an outcome column or from the deal's stage,
// in English or Chinese, with the CRM words for a won or lost deal that the stage table
// (../pipeline/funnel.ts: DEFAULT_STAGES' won stage, LOST_STAGE) already knows.

import { Outcome } from "../pipeline/conversion";
import { DEFAULT_STAGES, LOST_STAGE, stageKey } from "../pipeline/funnel";

export type { Outcome } from "../pipeline/conversion";

const WON_STAGE = DEFAULT_STAGES[DEFAULT_STAGES.length - 1];

/** Words for each outcome (compared with stageKey: no case, spaces or width). */
const WORDS: Readonly<Record<Outcome, readonly string[]>> = {
  won: [
    WON_STAGE.name,
    ...WON_STAGE.aliases,
    "Win",
    "W",
    "True",
    "赢",
    "赢得",
    "已赢",
    "签约",
    "已签约",
  ],
  lost: [
    LOST_STAGE.name,
    ...LOST_STAGE.aliases,
    "Lose",
    "Loss",
    "L",
    "False",
    "未成交",
    "输",
    "丢失",
    "流失",
    "已失败",
  ],
  open: [
    "Open",
    "Pending",
    "In progress",
    "Active",
    "进行中",
    "跟进中",
    "未结",
    "未关闭",
    "开放",
    "处理中",
    "在途",
    // Excel desktop passes an empty cell as 0: a deal still open.
    "0",
  ],
};

const BY_KEY = new Map<string, Outcome>();
for (const o of ["won", "lost", "open"] as const)
  for (const w of WORDS[o]) BY_KEY.set(stageKey(w), o);

/** The outcome a cell names (English or Chinese), or undefined when it names none. TRUE/FALSE read
 *  as won/lost; 0 (an empty cell on Excel desktop) as open. */
export function parseOutcome(value: string | number | boolean): Outcome | undefined {
  if (typeof value === "boolean") return value ? "won" : "lost";
  return BY_KEY.get(stageKey(String(value)));
}

/** The outcome of a deal from its stage: a won or lost stage name, anything else (a stage of the
 *  funnel) is open. */
export function outcomeOfStage(stage: string): Outcome {
  const o = BY_KEY.get(stageKey(stage));
  return o === "won" || o === "lost" ? o : "open";
}

/** A cell that names no outcome: its index in the column and the value as written. */
export interface OutcomeProblem {
  index: number;
  value: string;
}

/** Reads a column of outcomes; blank cells are open deals. Cells naming no outcome are listed, in
 *  order, and left out of `outcomes` (undefined there) for the caller to report. */
export function parseOutcomes(values: readonly (string | number | boolean | null)[]): {
  outcomes: (Outcome | undefined)[];
  problems: OutcomeProblem[];
} {
  const problems: OutcomeProblem[] = [];
  const outcomes = values.map((v, index) => {
    if (v === null || (typeof v === "string" && v.trim() === "")) return "open" as const;
    const o = parseOutcome(v);
    if (o === undefined) problems.push({ index, value: String(v) });
    return o;
  });
  return { outcomes, problems };
}
