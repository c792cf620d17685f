// Key-account KPIs: customer retention and churn (retention = (end − new) / start, Kotler & Keller,
// Marketing Management), growth, compound annual growth rate, market share, Net Promoter Score
// (Reichheld, "The one number you need to grow", HBR 2003), CSAT (top-box share) and the revenue
// share of key accounts.

import { sum } from "../numeric";

export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string };
const fail = (reason: string): Outcome<number> => ({ ok: false, reason });
const ok = (value: number): Outcome<number> => ({ ok: true, value });

/** Customers kept: (end − new) / start. */
export function retention(start: number, end: number, added: number): Outcome<number> {
  if (start < 0 || end < 0 || added < 0) return fail("customer counts cannot be negative");
  if (start === 0) return fail("customers_start is 0: retention needs customers at the start");
  if (added > end) return fail(`customers_new (${added}) is more than customers_end (${end})`);
  if (end - added > start)
    return fail(
      `customers_end − customers_new (${end - added}) is more than customers_start (${start})`
    );
  return ok((end - added) / start);
}

/** Customers lost: 1 − retention = (start − (end − new)) / start. */
export function churn(start: number, end: number, added: number): Outcome<number> {
  const r = retention(start, end, added);
  return r.ok ? ok((start - (end - added)) / start) : r;
}

/** (current − previous) / |previous|. */
export function growth(current: number, previous: number): Outcome<number> {
  if (previous === 0) return fail("previous is 0: growth from zero is not defined");
  return ok((current - previous) / Math.abs(previous));
}

/** (last / first)^(1 / periods) − 1. */
export function cagr(first: number, last: number, periods: number): Outcome<number> {
  if (!(periods > 0)) return fail(`periods is ${periods}; it must be above 0`);
  if (!(first > 0))
    return fail(`first is ${first}; a compound growth rate needs a first value above 0`);
  if (last < 0)
    return fail(`last is ${last}; a compound growth rate needs a last value of 0 or more`);
  return ok(Math.pow(last / first, 1 / periods) - 1);
}

/** ours / market. */
export function share(ours: number, market: number): Outcome<number> {
  if (!(market > 0)) return fail(`market is ${market}; a share needs a market above 0`);
  if (ours < 0) return fail(`ours is ${ours}; it cannot be negative`);
  return ok(ours / market);
}

/** NPS on 0–10 scores: % promoters (9–10) − % detractors (0–6), from −100 to 100. */
export function nps(scores: readonly number[]): Outcome<number> {
  if (scores.length === 0) return fail("no scores");
  let promoters = 0;
  let detractors = 0;
  for (const s of scores) {
    if (s >= 9) promoters++;
    else if (s <= 6) detractors++;
  }
  return ok(((promoters - detractors) / scores.length) * 100);
}

/** Share of scores at or above the threshold (satisfied customers), 0..1. */
export function csat(scores: readonly number[], threshold: number): Outcome<number> {
  if (scores.length === 0) return fail("no scores");
  return ok(scores.filter((s) => s >= threshold).length / scores.length);
}

/** Σ amounts of key accounts / Σ all amounts. */
export function kaContribution(
  amounts: readonly number[],
  isKey: readonly boolean[]
): Outcome<number> {
  const total = sum(amounts);
  if (!(total > 0)) return fail(`the total of amounts is ${total}; a share needs a total above 0`);
  return ok(sum(amounts.filter((_, i) => isKey[i])) / total);
}
