// The 80/20 (Pareto) rule and ABC classification of customers by revenue (Juran's "vital few";
// ABC inventory classification, e.g. Dickie, "ABC inventory analysis shoots for dollars", 1951).

import { CompensatedSum, sum } from "../numeric";
import { CustomerIndex, grow } from "./rfm";

export type AbcClass = "A" | "B" | "C";

export interface ParetoRow {
  customer: string | number;
  total: number;
  share: number;
  cumulative: number;
  rank: number;
  abc: AbcClass;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Per customer total (amounts of the same customer added, returns included), its share of the grand
 * total, the cumulative share in descending order, the rank (1 = largest; ties by first appearance)
 * and the ABC class: A while the cumulative share is at most aCut, B while at most bCut, else C.
 */
export function pareto(
  customers: readonly (string | number)[],
  amounts: readonly number[],
  aCut = 0.8,
  bCut = 0.95
): Outcome<ParetoRow[]> {
  if (customers.length !== amounts.length) throw new RangeError("pareto: lengths differ");
  const index = new CustomerIndex();
  const names = index.first;
  // Per customer, a Neumaier-compensated running total (the same value as sum() over its amounts).
  let s: Float64Array = new Float64Array(1024);
  let comp: Float64Array = new Float64Array(1024);
  for (let i = 0; i < customers.length; i++) {
    const k = index.of(customers[i]);
    if (k === s.length) {
      s = grow(s, 0);
      comp = grow(comp, 0);
    }
    const v = amounts[i];
    const sk = s[k];
    const t = sk + v;
    comp[k] += Math.abs(sk) >= Math.abs(v) ? sk - t + v : v - t + sk;
    s[k] = t;
  }
  const count = names.length;
  const totals = new Float64Array(count);
  for (let k = 0; k < count; k++) totals[k] = s[k] + comp[k];
  const grand = sum(totals);
  if (!(grand > 0))
    return { ok: false, reason: `the total is ${grand}; shares need a total above 0` };
  // Largest first, ties by first appearance.
  const order = new Int32Array(count);
  for (let k = 0; k < count; k++) order[k] = k;
  order.sort((p, q) => totals[q] - totals[p] || p - q);
  const rows = new Array<ParetoRow>(count);
  // The same value as sum() over the first r + 1 totals, in linear time.
  const running = new CompensatedSum();
  const eps = 1e-12;
  const aLimit = aCut + eps;
  const bLimit = bCut + eps;
  for (let r = 0; r < count; r++) {
    const k = order[r];
    const total = totals[k];
    running.add(total);
    const cumulative = running.value / grand;
    rows[r] = {
      customer: names[k],
      total,
      share: total / grand,
      cumulative,
      rank: r + 1,
      abc: cumulative <= aLimit ? "A" : cumulative <= bLimit ? "B" : "C",
    };
  }
  return { ok: true, value: rows };
}

/**
 * Share of the total held by the largest ceil(topFraction × n) values (at least one), e.g. the
 * revenue share of the top 20% of customers.
 */
export function paretoShare(amounts: readonly number[], topFraction = 0.2): Outcome<number> {
  const n = amounts.length;
  if (n === 0) return { ok: false, reason: "no values" };
  const grand = sum(amounts);
  if (!(grand > 0))
    return { ok: false, reason: `the total is ${grand}; a share needs a total above 0` };
  const k = Math.max(1, Math.ceil(topFraction * n - 1e-9));
  const sorted = amounts.slice().sort((a, b) => b - a);
  return { ok: true, value: sum(sorted.slice(0, k)) / grand };
}
