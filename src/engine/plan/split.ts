// Splitting a total into parts in proportion to weights, rounded to a unit so that the parts add up to
// the total exactly: the largest remainder method (Hamilton's method of apportionment).

export type Apportionment =
  { ok: true; parts: number[] } | { ok: false; reason: string; index?: number };

/** The decimals a unit is written with (0.01 -> 2, 1000 -> 0, at most 12), so rounding to it leaves
 *  no binary noise. */
export function decimals(unit: number): number {
  for (let d = 0; d <= 12; d++) {
    const scaled = unit * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) <= 1e-9 * Math.max(1, Math.abs(scaled))) return d;
  }
  return 12;
}

/**
 * Splits `total` in proportion to `weights` (each ≥ 0, not all 0).
 *
 * With a unit: the total must be a whole number of units. Each part gets the whole units of its exact
 * share (floor); the units left over go one each to the parts with the largest remainders, ties to the
 * earlier part. The parts are whole multiples of the unit and add up to the total exactly.
 *
 * Without a unit: the exact shares; the floating-point residual of their sum (a few units in the
 * last place) is added to the largest part so that they add up to the total.
 */
export function apportion(total: number, weights: readonly number[], unit?: number): Apportionment {
  if (!Number.isFinite(total) || total < 0)
    return { ok: false, reason: `${total} cannot be split; the total must be 0 or more` };
  if (weights.length === 0)
    return { ok: false, reason: "there is nothing to split the total over" };
  let w = 0;
  for (let i = 0; i < weights.length; i++) {
    if (!(weights[i] >= 0) || !Number.isFinite(weights[i]))
      return {
        ok: false,
        index: i,
        reason: `${weights[i]} is negative; weights must be 0 or more`,
      };
    w += weights[i];
  }
  if (!(w > 0)) return { ok: false, reason: "the weights add up to 0, so there are no shares" };

  if (unit === undefined) {
    const parts = weights.map((x) => (total * x) / w);
    let largest = 0;
    for (let i = 1; i < parts.length; i++) if (parts[i] > parts[largest]) largest = i;
    parts[largest] += total - exactSum(parts);
    return { ok: true, parts };
  }

  if (!(unit > 0) || !Number.isFinite(unit))
    return { ok: false, reason: `the unit ${unit} must be greater than 0` };
  const units = total / unit;
  const whole = Math.round(units);
  if (Math.abs(units - whole) > 1e-9 * Math.max(1, Math.abs(units))) {
    return {
      ok: false,
      reason: `the total ${total} is not a whole number of units of ${unit}; round the total to the unit first (e.g. with MROUND)`,
    };
  }
  // Whole units are counted exactly only up to 2^53; beyond, floor and sum lose units.
  if (whole > Number.MAX_SAFE_INTEGER)
    return {
      ok: false,
      reason: `the total ${total} is ${Number.isFinite(whole) ? whole.toExponential(3) : "more than 1.8E+308"} units of ${unit}, more than 9,007,199,254,740,991 can be counted exactly; use a larger unit`,
    };
  const quotas = weights.map((x) => (whole * x) / w);
  const counts = quotas.map((q) => Math.floor(q));
  let left = whole - counts.reduce((a, b) => a + b, 0);
  const order = quotas
    .map((q, i) => ({ i, r: q - counts[i] }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (let j = 0; left > 0 && j < order.length; j++, left--) counts[order[j].i]++;
  if (left !== 0) throw new Error("apportion: remainders do not add up");
  const d = decimals(unit);
  return { ok: true, parts: counts.map((c) => Number((c * unit).toFixed(d))) };
}

/** Neumaier sum, exact enough to find the residual of a split. */
function exactSum(values: readonly number[]): number {
  let s = 0;
  let c = 0;
  for (const v of values) {
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
}
