// BFGS quasi-Newton minimisation (Nocedal & Wright, "Numerical Optimization", 2nd ed., algorithm 6.1)
// with a backtracking Armijo line search and, when no gradient is given, central-difference gradients.

import { MinimizeResult } from "./nelderMead";

export interface BfgsOptions {
  /** Gradient of f; default: central differences with step 1e-6 × max(1, |x_i|). */
  gradient?: (x: readonly number[]) => number[];
  /** Stop when the gradient's largest component is below this. Default 1e-8. */
  gradientTolerance?: number;
  /** Stop when f improves by less than reltol × (|f| + reltol) in an iteration. Default 1e-12. */
  reltol?: number;
  maxIterations?: number;
}

export function numericGradient(
  f: (x: readonly number[]) => number,
  x: readonly number[]
): number[] {
  const g = new Array<number>(x.length);
  const p = x.slice();
  for (let i = 0; i < x.length; i++) {
    const h = 1e-6 * Math.max(1, Math.abs(x[i]));
    p[i] = x[i] + h;
    const up = f(p);
    p[i] = x[i] - h;
    const down = f(p);
    p[i] = x[i];
    g[i] = (up - down) / (2 * h);
  }
  return g;
}

/** Minimises a smooth f from x0. Non-finite values are treated as outside the domain (step shrinks). */
export function bfgs(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  options: BfgsOptions = {}
): MinimizeResult {
  const n = x0.length;
  const gtol = options.gradientTolerance ?? 1e-8;
  const reltol = options.reltol ?? 1e-12;
  const maxIterations = options.maxIterations ?? 200 * Math.max(1, n);
  let evaluations = 0;
  const value = (x: readonly number[]) => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const grad = options.gradient ?? ((x: readonly number[]) => numericGradient(value, x));

  let x = x0.slice();
  let fx = value(x);
  if (!Number.isFinite(fx)) return { x, value: fx, evaluations, converged: false };
  let g = grad(x);
  // Inverse Hessian approximation, starting from the identity.
  let H: number[][] = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))
  );
  let converged = false;

  for (let iter = 0; iter < maxIterations; iter++) {
    if (Math.max(...g.map(Math.abs)) < gtol) {
      converged = true;
      break;
    }
    let d = H.map((row) => -row.reduce((s, h, j) => s + h * g[j], 0));
    let slope = d.reduce((s, di, i) => s + di * g[i], 0);
    if (!(slope < 0)) {
      // Not a descent direction: restart from steepest descent.
      H = H.map((row, i) => row.map((_, j) => (i === j ? 1 : 0)));
      d = g.map((gi) => -gi);
      slope = -g.reduce((s, gi) => s + gi * gi, 0);
    }
    let t = 1;
    let xn = x.map((xi, i) => xi + t * d[i]);
    let fn = value(xn);
    while (!(fn <= fx + 1e-4 * t * slope) && t > 1e-20) {
      t *= 0.5;
      xn = x.map((xi, i) => xi + t * d[i]);
      fn = value(xn);
    }
    if (!(fn <= fx)) break;
    const gn = grad(xn);
    const s = xn.map((v, i) => v - x[i]);
    const y = gn.map((v, i) => v - g[i]);
    const sy = s.reduce((acc, si, i) => acc + si * y[i], 0);
    const improvement = fx - fn;
    x = xn;
    g = gn;
    const previous = fx;
    fx = fn;
    if (sy > 1e-12) {
      const Hy = H.map((row) => row.reduce((acc, h, j) => acc + h * y[j], 0));
      const yHy = y.reduce((acc, yi, i) => acc + yi * Hy[i], 0);
      H = H.map((row, i) =>
        row.map(
          (h, j) => h + ((sy + yHy) * s[i] * s[j]) / (sy * sy) - (Hy[i] * s[j] + s[i] * Hy[j]) / sy
        )
      );
    }
    if (improvement <= reltol * (Math.abs(previous) + reltol)) {
      converged = true;
      break;
    }
  }
  return { x, value: fx, evaluations, converged };
}
