// Forecast combination: a weighted average of several methods' forecasts with given, equal or
// inverse-MSE weights (Bates & Granger, "The combination of forecasts", 1969; equal weights are the
// robust default found in the M competitions).

export type CombineWeighting = "given" | "equal" | "inverse-mse";

export interface CombinedForecast {
  /** One combined forecast per period. */
  combined: number[];
  /** Normalised weights, one per method, adding up to 1. */
  weights: number[];
  weighting: CombineWeighting;
}

/** Why forecasts cannot be combined. */
export class CombineProblem extends Error {
  constructor(
    message: string,
    readonly about: "weights" | "actuals"
  ) {
    super(message);
    this.name = "CombineProblem";
  }
}

/**
 * Weights proportional to 1 / MSE of each method over the periods whose actual is given. Methods
 * with an MSE of 0 (perfect on every scored period) share all the weight equally.
 */
export function inverseMseWeights(
  methods: readonly (readonly number[])[],
  actuals: readonly (number | null)[]
): number[] {
  const scored = actuals.map((a, i) => (a === null ? -1 : i)).filter((i) => i >= 0);
  if (scored.length === 0)
    throw new CombineProblem("no actual values to score the methods on", "actuals");
  const mse = methods.map(
    (f) => scored.reduce((s, i) => s + (f[i] - (actuals[i] as number)) ** 2, 0) / scored.length
  );
  const perfect = mse.map((m) => m === 0);
  if (perfect.some((p) => p)) {
    const count = perfect.filter((p) => p).length;
    return perfect.map((p) => (p ? 1 / count : 0));
  }
  const inv = mse.map((m) => 1 / m);
  const total = inv.reduce((s, v) => s + v, 0);
  return inv.map((v) => v / total);
}

/**
 * Combines forecasts: `methods` holds one array per method (all of the same length). Given
 * weights are normalised to add up to 1 (negative weights and an all-zero sum are errors); without
 * weights, `actuals` (null where unknown) gives inverse-MSE weights; otherwise equal weights.
 */
export function combineForecasts(
  methods: readonly (readonly number[])[],
  weights?: readonly number[],
  actuals?: readonly (number | null)[]
): CombinedForecast {
  const k = methods.length;
  if (k === 0) throw new CombineProblem("no methods to combine", "weights");
  const n = methods[0].length;
  let w: number[];
  let weighting: CombineWeighting;
  if (weights !== undefined) {
    if (weights.length !== k)
      throw new CombineProblem(
        `needs ${k} weights, one per method; got ${weights.length}`,
        "weights"
      );
    const bad = weights.findIndex((v) => v < 0);
    if (bad >= 0)
      throw new CombineProblem(
        `weight ${bad + 1} is ${weights[bad]}; weights must be ≥ 0`,
        "weights"
      );
    const total = weights.reduce((s, v) => s + v, 0);
    if (!(total > 0)) throw new CombineProblem("the weights add up to 0", "weights");
    w = weights.map((v) => v / total);
    weighting = "given";
  } else if (actuals !== undefined) {
    if (actuals.length !== n)
      throw new CombineProblem(
        `has ${actuals.length} periods but the forecasts have ${n}`,
        "actuals"
      );
    w = inverseMseWeights(methods, actuals);
    weighting = "inverse-mse";
  } else {
    w = methods.map(() => 1 / k);
    weighting = "equal";
  }
  const combined = Array.from({ length: n }, (_, i) =>
    methods.reduce((s, f, j) => s + w[j] * f[i], 0)
  );
  return { combined, weights: w, weighting };
}
