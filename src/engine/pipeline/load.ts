// Account load per sales rep: distinct key accounts each rep manages, against the key-account practice's
// guideline of 30 to 40 accounts per rep.

import { groupKey } from "./cycle";

export type LoadStatus = "under" | "ok" | "over";

export interface RepLoad {
  /** The rep as first written. */
  rep: string | number;
  /** Distinct accounts (matched ignoring case and surrounding spaces). */
  accounts: number;
  status: LoadStatus;
  /** accounts − min when under, accounts − max when over, else 0. */
  difference: number;
}

export const DEFAULT_LOAD_RANGE = { min: 30, max: 40 } as const;

/** One row per rep in order of first appearance. An account listed under two reps counts for both. */
export function accountLoad(
  reps: readonly (string | number)[],
  accounts: readonly (string | number)[],
  min: number = DEFAULT_LOAD_RANGE.min,
  max: number = DEFAULT_LOAD_RANGE.max
): RepLoad[] {
  if (reps.length !== accounts.length)
    throw new RangeError("accountLoad: columns differ in length");
  if (!(min <= max)) throw new RangeError("accountLoad: min must not exceed max");
  const index = new Map<string, number>();
  const first: (string | number)[] = [];
  const sets: Set<string>[] = [];
  for (let i = 0; i < reps.length; i++) {
    const key = groupKey(reps[i]);
    let k = index.get(key);
    if (k === undefined) {
      k = first.length;
      index.set(key, k);
      first.push(reps[i]);
      sets.push(new Set());
    }
    sets[k].add(groupKey(accounts[i]));
  }
  return first.map((rep, k) => {
    const n = sets[k].size;
    const status: LoadStatus = n < min ? "under" : n > max ? "over" : "ok";
    return {
      rep,
      accounts: n,
      status,
      difference: status === "under" ? n - min : status === "over" ? n - max : 0,
    };
  });
}
