// Account load per rep against the key-account practice's 30–40 accounts per rep
// (../pipeline/load.ts DEFAULT_LOAD_RANGE), with the key-account revenue each carries, and the
// rebalancing that brings every rep into range while moving the least revenue.
//
// Method (exact for this problem): a rep over the maximum must give away (accounts − max) accounts and
// gives its smallest ones — any other choice moves more revenue. Reps under the minimum need
// (min − accounts); what the over-loaded reps give fills them first; any further need is met with the
// globally smallest accounts of reps that can spare some (accounts above the minimum): a partition-
// matroid choice, for which taking the smallest allowed accounts one by one is optimal. Moved accounts
// go, largest first, to the receiving rep with the fewest accounts (then the least revenue). When the
// team is too small (accounts > reps × max) or too large (accounts < reps × min) not every rep can be in
// range: the moves still go as far as the room allows, and `feasible` is false.

import { DEFAULT_LOAD_RANGE } from "../pipeline/load";
import { groupKey } from "../pipeline/cycle";

export interface HeldAccount {
  account: string;
  owner: string;
  revenue: number;
}

export interface RepLoadRow {
  owner: string;
  accounts: number;
  revenue: number;
  status: "under" | "ok" | "over";
  /** After the suggested moves. */
  accountsAfter: number;
  revenueAfter: number;
}

export interface AccountMove {
  account: string;
  from: string;
  to: string;
  revenue: number;
}

export interface Rebalancing {
  reps: RepLoadRow[];
  moves: AccountMove[];
  /** Σ revenue of the moved accounts. */
  revenueMoved: number;
  /** Whether every rep can be brought into range with this many reps. */
  feasible: boolean;
}

/**
 * Load and rebalancing of `accounts` (one row per account and its owner; an account listed twice is
 * counted once, under its first owner — the caller says so). `reps` may add reps without accounts.
 */
export function rebalance(
  accounts: readonly HeldAccount[],
  min: number = DEFAULT_LOAD_RANGE.min,
  max: number = DEFAULT_LOAD_RANGE.max,
  reps: readonly string[] = []
): Rebalancing {
  if (!(min <= max) || min < 0) throw new RangeError("rebalance: 0 ≤ min ≤ max");
  const owners = new Map<string, { owner: string; held: HeldAccount[] }>();
  const add = (owner: string) => {
    const key = groupKey(owner);
    let o = owners.get(key);
    if (!o) owners.set(key, (o = { owner, held: [] }));
    return o;
  };
  for (const r of reps) add(r);
  for (const a of accounts) add(a.owner).held.push(a);
  const list = [...owners.values()].sort((a, b) => a.owner.localeCompare(b.owner));
  for (const o of list)
    o.held.sort((a, b) => a.revenue - b.revenue || a.account.localeCompare(b.account));
  const total = accounts.length;
  const feasible = total <= list.length * max && total >= list.length * min;
  const count = list.map((o) => o.held.length);
  const pool: { a: HeldAccount; from: number }[] = [];
  // 1. Over-loaded reps give their smallest accounts (as far as others have room).
  let roomLeft = list.reduce((s, o) => s + Math.max(0, max - o.held.length), 0);
  const given = list.map(() => 0);
  for (let k = 0; k < list.length; k++) {
    const excess = Math.max(0, count[k] - max);
    for (let j = 0; j < excess && roomLeft > 0; j++, roomLeft--) {
      pool.push({ a: list[k].held[given[k]], from: k });
      given[k]++;
    }
  }
  for (let k = 0; k < list.length; k++) count[k] -= given[k];
  // 2. Under-loaded reps still short after the pool: the globally smallest spare accounts.
  const need = list.reduce((s, _, k) => s + Math.max(0, min - count[k]), 0) - pool.length;
  if (need > 0) {
    const spare: { a: HeldAccount; from: number }[] = [];
    for (let k = 0; k < list.length; k++) {
      const canGive = Math.max(0, count[k] - min);
      for (let j = 0; j < canGive; j++) spare.push({ a: list[k].held[given[k] + j], from: k });
    }
    spare.sort((x, y) => x.a.revenue - y.a.revenue || x.a.account.localeCompare(y.a.account));
    for (const s of spare.slice(0, need)) {
      pool.push(s);
      count[s.from]--;
      given[s.from]++;
    }
  }
  // 3. Hand the pool out: largest first, to the rep with the fewest accounts, then least revenue;
  //    under-loaded reps first, never a rep's own account back, never past the maximum.
  const revenue = list.map((o, k) => o.held.slice(given[k]).reduce((s, a) => s + a.revenue, 0));
  pool.sort((x, y) => y.a.revenue - x.a.revenue || x.a.account.localeCompare(y.a.account));
  const moves: AccountMove[] = [];
  for (const { a, from } of pool) {
    let best = -1;
    for (let k = 0; k < list.length; k++) {
      if (k === from || count[k] >= max) continue;
      if (
        best < 0 ||
        count[k] < count[best] ||
        (count[k] === count[best] && revenue[k] < revenue[best])
      )
        best = k;
    }
    if (best < 0) best = from; // nowhere to go: it stays
    count[best]++;
    revenue[best] += a.revenue;
    if (best !== from)
      moves.push({
        account: a.account,
        from: list[from].owner,
        to: list[best].owner,
        revenue: a.revenue,
      });
  }
  const rows = list.map((o, k): RepLoadRow => {
    const n = o.held.length;
    return {
      owner: o.owner,
      accounts: n,
      revenue: o.held.reduce((s, a) => s + a.revenue, 0),
      status: n < min ? "under" : n > max ? "over" : "ok",
      accountsAfter: count[k],
      revenueAfter: revenue[k],
    };
  });
  return { reps: rows, moves, revenueMoved: moves.reduce((s, m) => s + m.revenue, 0), feasible };
}
