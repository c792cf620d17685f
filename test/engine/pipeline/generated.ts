// A realistic generated opportunity list for the pipeline tests: a deterministic PRNG (mulberry32), a few
// thousand deals over 2024 with stages, close dates (some overdue in late 2023, some in 2025), won and
// lost deals, and an independent calendar (JavaScript Date, not src/grid) to check results against.

import { uniformGenerator } from "../../../src/engine/random";

/** mulberry32: a small deterministic PRNG returning numbers in [0, 1). */
export const prng = uniformGenerator;

const DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

/** Excel serial of a date (after 1900-02-28), independently of src/grid. */
export const serial = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - EPOCH) / DAY;
/** [year, month] of an Excel serial (after 1900-02-28). */
export const yearMonth = (s: number): [number, number] => {
  const d = new Date(EPOCH + Math.floor(s) * DAY);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1];
};

export interface Deal {
  amount: number;
  stage: string;
  close: number;
  /** Created date, before close. */
  created: number;
  rep: string;
  account: string;
}

export const STAGES = ["Prospect", "Intent", "Proposal", "Negotiation", "Won", "Lost"];
/** The stage table the generated data uses: the defaults plus Lost (0%, Omitted). */
export const STAGE_TABLE = [
  ["Stage", "Probability", "Category"],
  ["Prospect", 0.1, "Pipeline"],
  ["Intent", 0.3, "Pipeline"],
  ["Proposal", 0.5, "Best case"],
  ["Negotiation", 0.7, "Commit"],
  ["Won", 1, "Closed"],
  ["Lost", 0, "Omitted"],
];
export const PROBABILITY: Record<string, number> = {
  Prospect: 0.1,
  Intent: 0.3,
  Proposal: 0.5,
  Negotiation: 0.7,
  Won: 1,
  Lost: 0,
};
export const CATEGORY: Record<string, string> = {
  Prospect: "pipeline",
  Intent: "pipeline",
  Proposal: "bestCase",
  Negotiation: "commit",
  Won: "closed",
  Lost: "omitted",
};

/** `n` deals closing between 2023-11-01 and 2025-02-28; amounts in cents, 1,000 to 500,000. */
export function generateDeals(n: number, seed = 20240101): Deal[] {
  const rnd = prng(seed);
  const first = serial(2023, 11, 1);
  const last = serial(2025, 2, 28);
  const deals: Deal[] = [];
  for (let i = 0; i < n; i++) {
    const close = first + Math.floor(rnd() * (last - first + 1));
    const r = rnd();
    // Closed deals are more likely in the past, open ones in the future.
    const past = close < serial(2024, 6, 1);
    const stage =
      r < (past ? 0.3 : 0.1)
        ? "Won"
        : r < (past ? 0.55 : 0.25)
          ? "Lost"
          : STAGES[Math.floor(rnd() * 4)];
    const amount = Math.round((1000 + rnd() * 499_000) * 100) / 100;
    const created = close - 5 - Math.floor(rnd() * 200);
    const rep = `Rep ${1 + Math.floor(rnd() * 12)}`;
    const account = `Account ${1 + Math.floor(rnd() * 400)}`;
    deals.push({ amount, stage, close, created, rep, account });
  }
  return deals;
}
