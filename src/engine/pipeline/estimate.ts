// An amount for open deals that have none yet, from the data's own won deals: the average won
// amount of the deal's product. A CRM export often leaves the value of early-stage deals blank; the
// product they are about is known, and so is what that product sold for when it was won. The
// estimate is offered beside the pipeline, never added to it.

/** The average won amount per product: the won deals with an amount, their count and mean. */
export interface ProductBasis {
  won: number;
  mean: number;
}

/**
 * The average amount of the won deals per product (`won[i]` true for a won deal). Products are
 * compared as written, without surrounding spaces; blank products and won deals without an amount
 * are left out.
 */
export function wonAmountByProduct(
  products: readonly string[],
  amounts: readonly (number | null)[],
  won: readonly boolean[]
): Map<string, ProductBasis> {
  const sums = new Map<string, { sum: number; won: number }>();
  for (let i = 0; i < products.length; i++) {
    const product = products[i].trim();
    const amount = amounts[i];
    if (!won[i] || product === "" || amount === null || !Number.isFinite(amount)) continue;
    const s = sums.get(product) ?? { sum: 0, won: 0 };
    s.sum += amount;
    s.won++;
    sums.set(product, s);
  }
  const out = new Map<string, ProductBasis>();
  for (const [product, s] of sums) out.set(product, { won: s.won, mean: s.sum / s.won });
  return out;
}
