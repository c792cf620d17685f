// The account-owner list: who holds which account, as sales management assigns key accounts (one
// accountable owner per account). Applied to the rows of the data: rows without an owner take the
// list's, rows under another owner than the list says are conflicts, counted and named; the list wins.

import { groupKey } from "../pipeline/cycle";

export interface OwnerList {
  /** Account key (trimmed, case ignored) -> the account and its owner as first written. */
  byAccount: Map<string, { account: string; owner: string }>;
  /** Rows of the list used, and rows left out (blank account or owner). */
  used: number;
  blank: number;
  /** Accounts the list gives to two different owners: the first row's owner is kept. */
  contradictions: { account: string; kept: string; other: string }[];
}

/** Reads the list (parallel account and owner columns). */
export function readOwnerList(
  accounts: readonly (string | undefined)[],
  owners: readonly (string | undefined)[]
): OwnerList {
  const byAccount = new Map<string, { account: string; owner: string }>();
  const contradictions: OwnerList["contradictions"] = [];
  let used = 0;
  let blank = 0;
  const n = Math.max(accounts.length, owners.length);
  for (let i = 0; i < n; i++) {
    const account = (accounts[i] ?? "").trim();
    const owner = (owners[i] ?? "").trim();
    if (account === "" || owner === "") {
      blank++;
      continue;
    }
    used++;
    const key = groupKey(account);
    const had = byAccount.get(key);
    if (!had) byAccount.set(key, { account, owner });
    else if (groupKey(had.owner) !== groupKey(owner))
      contradictions.push({ account: had.account, kept: had.owner, other: owner });
  }
  return { byAccount, used, blank, contradictions };
}

export interface OwnerConflict {
  account: string;
  /** The owner the list gives (used by the report) and the one the rows are under. */
  listOwner: string;
  dataOwner: string;
  rows: number;
}

export interface AppliedOwners {
  /** The owner used for each row: the list's for an account it names, else the row's own. */
  owners: (string | null)[];
  /** Rows without an owner that took the list's. */
  filled: number;
  /** Rows under another owner than the list's (all counted), grouped per account and data owner. */
  conflictRows: number;
  conflicts: OwnerConflict[];
  /** Accounts of the list with no row in the data, in the list's order. */
  withoutRows: { account: string; owner: string }[];
}

/** Applies the list to rows (customer, owner): see OwnerList. Rows without a customer keep theirs. */
export function applyOwnerList(
  list: OwnerList,
  customers: readonly (string | null | undefined)[],
  owners: readonly (string | null)[]
): AppliedOwners {
  const out: (string | null)[] = [];
  const seen = new Set<string>();
  const conflicts = new Map<string, OwnerConflict>();
  let filled = 0;
  let conflictRows = 0;
  for (let i = 0; i < owners.length; i++) {
    const own = owners[i] === null || (owners[i] as string).trim() === "" ? null : owners[i];
    const c = (customers[i] ?? "").trim();
    const account = c === "" ? undefined : groupKey(c);
    const entry = account === undefined ? undefined : list.byAccount.get(account);
    if (account === undefined || !entry) {
      out.push(own);
      continue;
    }
    seen.add(account);
    out.push(entry.owner);
    const ownKey = own === null ? undefined : groupKey(own);
    if (own === null) filled++;
    else if (ownKey !== groupKey(entry.owner)) {
      conflictRows++;
      const key = `${account}\u0001${ownKey}`;
      const k = conflicts.get(key);
      if (k) k.rows++;
      else
        conflicts.set(key, {
          account: entry.account,
          listOwner: entry.owner,
          dataOwner: own.trim(),
          rows: 1,
        });
    }
  }
  const withoutRows = [...list.byAccount.entries()]
    .filter(([k]) => !seen.has(k))
    .map(([, v]) => ({ account: v.account, owner: v.owner }));
  return { owners: out, filled, conflictRows, conflicts: [...conflicts.values()], withoutRows };
}

/** The owner the list gives an account (trimmed, case ignored); undefined when it names none. */
export function listOwnerOf(
  list: OwnerList,
  customer: string | null | undefined
): string | undefined {
  const c = (customer ?? "").trim();
  return c === "" ? undefined : list.byAccount.get(groupKey(c))?.owner;
}
