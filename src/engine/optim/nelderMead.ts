// Nelder–Mead simplex minimisation (Nelder & Mead, "A simplex method for function minimization",
// The Computer Journal 7, 1965), with the reflection/expansion/contraction coefficients 1, 2, 0.5 and
// the relative-tolerance stopping rule of R's optim(), plus a simplex-size condition.

export interface NelderMeadOptions {
  /** Stop when the spread of function values is below reltol × (|f| + reltol). Default 1e-8. */
  reltol?: number;
  /**
   * Also require the simplex to be this small (each vertex within xtol × (1 + |x|) of the best), so
   * that vertices with equal values on either side of a minimum do not stop the search. Default 1e-8.
   */
  xtol?: number;
  /** Absolute lower bound on f: stop once reached. Default -Infinity. */
  abstol?: number;
  /** Maximum number of function evaluations. Default 500 × dimension. */
  maxEvaluations?: number;
  /** Initial step per coordinate (absolute). Default 10% of |x0| (0.1 where x0 is 0). */
  step?: readonly number[];
}

export interface MinimizeResult {
  x: number[];
  value: number;
  evaluations: number;
  converged: boolean;
}

/**
 * Minimises f from x0. Non-finite values of f (outside the admissible region) are treated as +Infinity,
 * so the simplex moves away from them.
 */
export function nelderMead(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  options: NelderMeadOptions = {}
): MinimizeResult {
  const n = x0.length;
  const reltol = options.reltol ?? 1e-8;
  const abstol = options.abstol ?? -Infinity;
  const xtol = options.xtol ?? 1e-8;
  const maxEvaluations = options.maxEvaluations ?? 500 * Math.max(1, n);
  let evaluations = 0;
  const value = (x: readonly number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };

  const simplex: number[][] = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    const step = options.step?.[i] ?? (p[i] !== 0 ? 0.1 * Math.abs(p[i]) : 0.1);
    p[i] += step;
    simplex.push(p);
  }
  const values = simplex.map(value);

  const centroid = (exclude: number): number[] => {
    const c = new Array<number>(n).fill(0);
    for (let j = 0; j <= n; j++) {
      if (j === exclude) continue;
      for (let i = 0; i < n; i++) c[i] += simplex[j][i] / n;
    }
    return c;
  };
  const along = (c: number[], p: number[], t: number) => c.map((ci, i) => ci + t * (p[i] - ci));

  let converged = false;
  while (evaluations < maxEvaluations) {
    // Order: best first.
    const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
    const sorted = order.map((i) => simplex[i]);
    const sortedValues = order.map((i) => values[i]);
    for (let i = 0; i <= n; i++) {
      simplex[i] = sorted[i];
      values[i] = sortedValues[i];
    }
    const best = values[0];
    const worst = values[n];
    const small = simplex.every((p) =>
      p.every((v, i) => Math.abs(v - simplex[0][i]) <= xtol * (1 + Math.abs(simplex[0][i])))
    );
    if (best <= abstol || (Math.abs(worst - best) <= reltol * (Math.abs(best) + reltol) && small)) {
      converged = Number.isFinite(best);
      break;
    }

    const c = centroid(n);
    const reflected = along(c, simplex[n], -1);
    const fr = value(reflected);
    if (fr < best) {
      const expanded = along(c, simplex[n], -2);
      const fe = value(expanded);
      if (fe < fr) {
        simplex[n] = expanded;
        values[n] = fe;
      } else {
        simplex[n] = reflected;
        values[n] = fr;
      }
    } else if (fr < values[n - 1]) {
      simplex[n] = reflected;
      values[n] = fr;
    } else {
      // Contract towards the better of the worst point and its reflection.
      const outside = fr < worst;
      const contracted = along(c, outside ? reflected : simplex[n], 0.5);
      const fc = value(contracted);
      if (fc < (outside ? fr : worst)) {
        simplex[n] = contracted;
        values[n] = fc;
      } else {
        // Shrink towards the best point.
        for (let j = 1; j <= n; j++) {
          simplex[j] = along(simplex[0], simplex[j], 0.5);
          values[j] = value(simplex[j]);
        }
      }
    }
  }
  let bestIndex = 0;
  for (let j = 1; j <= n; j++) if (values[j] < values[bestIndex]) bestIndex = j;
  return { x: simplex[bestIndex], value: values[bestIndex], evaluations, converged };
}
