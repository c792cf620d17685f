// Whitespace analysis (cross-selling gaps) as key-account planning uses it (McDonald & Rogers, "Key
// Account Management", the account plan's "products bought / not bought" grid): an account × product
// spend matrix, the products an account does not buy, and for each gap an estimated opportunity —
// the share of spend comparable accounts give that product, applied to this account's size — plus
// share of wallet when the account's total spend on the category is known.

import { CompensatedSum } from "../numeric";
import { customerKey } from "./rfm";

export type Label = string | number;

export interface SpendMatrix {
  /** Accounts, as first written in the data, in order of first appearance. */
  accounts: Label[];
  /** Products, as first written in the data, in order of first appearance. */
  products: Label[];
  /** spend[a][p]: net spend (returns included) of account a on product p. */
  spend: number[][];
  /** Net spend of each account over all products. */
  totals: number[];
  /** Net spend on each product over all accounts. */
  productTotals: number[];
}

/** Index of a label by customerKey (case and surrounding spaces ignored), keeping the first spelling. */
class Labels {
  readonly list: Label[] = [];
  private readonly index = new Map<string, number>();
  add(label: Label): number {
    const key = customerKey(label);
    let k = this.index.get(key);
    if (k === undefined) {
      k = this.list.length;
      this.index.set(key, k);
      this.list.push(label);
    }
    return k;
  }
  find(label: Label): number | undefined {
    return this.index.get(customerKey(label));
  }
}

/**
 * The account × product spend matrix: amounts of the same account and product added (Neumaier
 * compensated), accounts and products matched by their text ignoring case and surrounding spaces.
 */
export function spendMatrix(
  accounts: readonly Label[],
  products: readonly Label[],
  amounts: readonly number[]
): SpendMatrix {
  const n = accounts.length;
  if (products.length !== n || amounts.length !== n)
    throw new RangeError("spendMatrix: columns differ in length");
  const acc = new Labels();
  const prod = new Labels();
  const cells: CompensatedSum[][] = [];
  for (let i = 0; i < n; i++) {
    const a = acc.add(accounts[i]);
    const p = prod.add(products[i]);
    while (cells.length <= a) cells.push([]);
    const row = cells[a];
    while (row.length <= p) row.push(new CompensatedSum());
    row[p].add(amounts[i]);
  }
  const np = prod.list.length;
  const spend = cells.map((row) =>
    Array.from({ length: np }, (_, p) => (p < row.length ? row[p].value : 0))
  );
  const totals = spend.map((row) => {
    const s = new CompensatedSum();
    for (const v of row) s.add(v);
    return s.value;
  });
  const productTotals = Array.from({ length: np }, (_, p) => {
    const s = new CompensatedSum();
    for (const row of spend) s.add(row[p]);
    return s.value;
  });
  return { accounts: acc.list, products: prod.list, spend, totals, productTotals };
}

/** Index of an account in a matrix (matched as the matrix matches them), or undefined. */
export function findAccount(m: SpendMatrix, account: Label): number | undefined {
  const key = customerKey(account);
  const k = m.accounts.findIndex((a) => customerKey(a) === key);
  return k < 0 ? undefined : k;
}

export interface WhitespaceGap {
  product: Label;
  /** Column of the product in the matrix. */
  productIndex: number;
  /** Comparable accounts that buy it (net spend above 0). */
  buyers: number;
  /** Comparable accounts' spend on it ÷ their total spend (0 when their total is not above 0). */
  peerShare: number;
  /** peerShare × this account's total spend (0 when that total is not above 0). */
  opportunity: number;
}

/** Which accounts the gaps were compared with. */
export type PeerBasis =
  /** The accounts of the same group (tier or segment), this account left out. */
  | "group"
  /** Every other account: no group was given, or no other account is in this one's group. */
  | "all";

export interface AccountWhitespace {
  account: Label;
  /** Net spend of the account over all products. */
  total: number;
  /** Products with net spend above 0, largest first. */
  bought: { product: Label; productIndex: number; spend: number }[];
  /** Products without net spend above 0, largest opportunity first (ties in product order). */
  gaps: WhitespaceGap[];
  basis: PeerBasis;
  /** Comparable accounts (this one left out). */
  peers: number;
  /** Sum of the gaps' opportunities. */
  opportunity: number;
  /** Total ÷ wallet, when the account's total spend (wallet) is given and above 0. */
  shareOfWallet?: number;
  /** Wallet − total: what the account spends elsewhere, when the wallet is given. */
  walletGap?: number;
}

/**
 * One account's whitespace. `groups[a]` is account a's group (tier, segment; null = none): the
 * comparable accounts are those of the same group, else every other account. A product is bought
 * when the account's net spend on it is above 0; every other product is a gap, with opportunity
 * = (Σ peers' spend on it ÷ Σ peers' total spend) × this account's total, i.e. what comparable
 * accounts spend on it, scaled to this account's size.
 */
export function accountWhitespace(
  m: SpendMatrix,
  account: number,
  groups?: readonly (Label | null)[],
  wallet?: number
): AccountWhitespace {
  const na = m.accounts.length;
  if (!(account >= 0 && account < na)) throw new RangeError("accountWhitespace: no such account");
  if (groups && groups.length !== na) throw new RangeError("accountWhitespace: groups length");
  const own = groups?.[account];
  let peers: number[] = [];
  if (own !== null && own !== undefined) {
    const key = customerKey(own);
    peers = m.accounts
      .map((_, b) => b)
      .filter((b) => {
        const g = groups?.[b];
        return b !== account && g !== null && g !== undefined && customerKey(g) === key;
      });
  }
  const basis: PeerBasis = peers.length > 0 ? "group" : "all";
  if (basis === "all") peers = m.accounts.map((_, b) => b).filter((b) => b !== account);

  const peerTotal = new CompensatedSum();
  for (const b of peers) peerTotal.add(m.totals[b]);
  const total = m.totals[account];
  const row = m.spend[account];
  const bought: AccountWhitespace["bought"] = [];
  const gaps: WhitespaceGap[] = [];
  m.products.forEach((product, p) => {
    if (row[p] > 0) {
      bought.push({ product, productIndex: p, spend: row[p] });
      return;
    }
    const s = new CompensatedSum();
    let buyers = 0;
    for (const b of peers) {
      s.add(m.spend[b][p]);
      if (m.spend[b][p] > 0) buyers++;
    }
    const peerShare = peerTotal.value > 0 ? Math.max(0, s.value) / peerTotal.value : 0;
    gaps.push({
      product,
      productIndex: p,
      buyers,
      peerShare,
      opportunity: total > 0 ? peerShare * total : 0,
    });
  });
  bought.sort((x, y) => y.spend - x.spend || x.productIndex - y.productIndex);
  gaps.sort((x, y) => y.opportunity - x.opportunity || x.productIndex - y.productIndex);
  const sumOpp = new CompensatedSum();
  for (const g of gaps) sumOpp.add(g.opportunity);
  const out: AccountWhitespace = {
    account: m.accounts[account],
    total,
    bought,
    gaps,
    basis,
    peers: peers.length,
    opportunity: sumOpp.value,
  };
  if (wallet !== undefined && Number.isFinite(wallet)) {
    if (wallet > 0) out.shareOfWallet = total / wallet;
    out.walletGap = wallet - total;
  }
  return out;
}

export interface ProductYears {
  /** Calendar years, ascending, from the first to the last year in `years`' data. */
  years: number[];
  /** matrix[p][y]: the account's net spend on product p (matrix order) in years[y]. */
  spend: number[][];
}

/**
 * One account's product × year spend: the rows are the matrix's products (all of them, so gaps show
 * as zero rows), the columns every calendar year from `firstYear` to `lastYear`. `yearOf[i]` is the
 * calendar year of transaction i; transactions outside the years are not counted.
 */
export function productYears(
  m: SpendMatrix,
  account: number,
  accounts: readonly Label[],
  products: readonly Label[],
  amounts: readonly number[],
  yearOf: readonly number[],
  firstYear: number,
  lastYear: number
): ProductYears {
  const n = accounts.length;
  if (products.length !== n || amounts.length !== n || yearOf.length !== n)
    throw new RangeError("productYears: columns differ in length");
  const years: number[] = [];
  for (let y = firstYear; y <= lastYear; y++) years.push(y);
  const key = customerKey(m.accounts[account]);
  const productIndex = new Map<string, number>();
  m.products.forEach((p, k) => productIndex.set(customerKey(p), k));
  const cells = m.products.map(() => years.map(() => new CompensatedSum()));
  for (let i = 0; i < n; i++) {
    if (customerKey(accounts[i]) !== key) continue;
    const y = yearOf[i] - firstYear;
    if (!(y >= 0 && y < years.length)) continue;
    const p = productIndex.get(customerKey(products[i]));
    if (p !== undefined) cells[p][y].add(amounts[i]);
  }
  return { years, spend: cells.map((row) => row.map((c) => c.value)) };
}
