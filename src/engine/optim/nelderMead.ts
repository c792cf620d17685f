// Nelder–Mead simplex minimisation (Nelder & Mead, The Computer Journal 7, 1965) in the variant of
// J. C. Nash's "Compact Numerical Methods for Computers" (1990, Algorithm 19), which R's optim and
// the forecast package's ets use, step for step: initial simplex with every coordinate stepped by
// 10% of the largest starting coordinate (or a given step); reflection 1; when the reflection is a
// new best, expansion 2 (kept if better still); otherwise the worst vertex is replaced by the
// reflection if that is better, then contracted halfway towards the centroid; if the contraction
// fails and the reflection was no better than the worst, the simplex shrinks halfway towards the best
// vertex (stopping when a shrink no longer reduces its size). Converged when the spread of values is
// ≤ reltol × (|f(x0)| + reltol) and, unless xtol is Infinity (R's rule exactly), the simplex is small;
// stops after maxEvaluations. Flat typed arrays and one point buffer: no allocation per evaluation.
// Non-finite values (outside the admissible region) count as a very large value, so the simplex
// moves away from them.

export interface NelderMeadOptions {
  /** Relative convergence tolerance on the spread of values (R's reltol). Default √ε ≈ 1.49e-8. */
  reltol?: number;
  /** Evaluation budget (R's maxit for this method). Default 500, as R's optim. */
  maxEvaluations?: number;
  /**
   * Also require the simplex to be small — every vertex within xtol × (1 + |x_i|) of the best — so
   * that vertices with equal values either side of a minimum do not end the search. Default 1e-8;
   * Infinity for the values alone, exactly as R's optim (ets needs that to reproduce R's fits).
   */
  xtol?: number;
  /**
   * Initial step on every coordinate. Default Nash's: 10% of the largest |x0_i| (0.1 when x0 = 0),
   * grown tenfold until it changes the coordinate.
   */
  step?: number;
  /**
   * What to do when f(x0) is not finite. "stop" (default; R's optim refuses such a start): return at
   * once, value Infinity. "search": evaluate the initial simplex and go on from its best vertex's value
   * (Infinity when no vertex is admissible) — a way back into the admissible region from just outside.
   */
  infeasibleStart?: "stop" | "search";
}

export interface MinimizeResult {
  x: number[];
  value: number;
  evaluations: number;
  /** Stopped by the convergence test (not by the budget, a degenerate shrink or an infeasible start). */
  converged: boolean;
}

const BIG = 1e35;

/** Minimises f from x0; f receives a buffer that is reused between calls (copy it to keep it). */
export function nelderMead(
  f: (x: readonly number[]) => number,
  x0: ArrayLike<number>,
  options: NelderMeadOptions = {}
): MinimizeResult {
  const n = x0.length;
  const maxEvaluations = options.maxEvaluations ?? 500;
  const reltol = options.reltol ?? Math.sqrt(Number.EPSILON);
  const xtol = options.xtol ?? 1e-8;
  const rows = n + 1;
  const P = new Float64Array(rows * n);
  const V = new Float64Array(rows);
  const C = new Float64Array(n);
  const T: number[] = Array.from(x0);
  let evaluations = 0;
  const value = (x: number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : BIG;
  };
  const f0 = value(T);
  if (f0 >= BIG && options.infeasibleStart !== "search")
    return { x: T.slice(), value: Infinity, evaluations, converged: false };
  let size = 0;
  for (let i = 0; i < n; i++) size = Math.max(size, 0.1 * Math.abs(x0[i]));
  if (size === 0) size = 0.1;
  if (options.step !== undefined) size = options.step;
  // The size measure a shrink must reduce starts as the sum of the steps tried (as in nmmin, where
  // each step is counted after its tenfold increase).
  let oldSize = 0;
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < n; i++) P[j * n + i] = x0[i];
    if (j > 0) {
      let step = size;
      while (P[j * n + j - 1] === x0[j - 1]) {
        P[j * n + j - 1] = x0[j - 1] + step;
        step *= 10;
      }
      oldSize += step;
    }
  }
  V[0] = f0;
  let reference = f0;
  for (let j = 1; j < rows; j++) {
    for (let i = 0; i < n; i++) T[i] = P[j * n + i];
    V[j] = value(T);
    if (f0 >= BIG && V[j] < reference) reference = V[j];
  }
  if (reference >= BIG)
    return { x: Array.from(x0), value: Infinity, evaluations, converged: false };
  const convtol = reltol * (Math.abs(reference) + reltol);
  let L = 0;
  let recompute = false;
  let converged = false;
  while (evaluations <= maxEvaluations) {
    if (recompute) {
      for (let j = 0; j < rows; j++) {
        if (j === L) continue;
        for (let i = 0; i < n; i++) T[i] = P[j * n + i];
        V[j] = value(T);
      }
      recompute = false;
    }
    let VL = V[L];
    let VH = VL;
    let H = L;
    for (let j = 0; j < rows; j++) {
      if (j === L) continue;
      if (V[j] < VL) {
        L = j;
        VL = V[j];
      }
      if (V[j] > VH) {
        H = j;
        VH = V[j];
      }
    }
    if (VH <= VL + convtol && small(P, L, n, xtol)) {
      converged = true;
      break;
    }
    for (let i = 0; i < n; i++) {
      let s = -P[H * n + i];
      for (let j = 0; j < rows; j++) s += P[j * n + i];
      C[i] = s / n;
    }
    for (let i = 0; i < n; i++) T[i] = 2 * C[i] - P[H * n + i];
    const VR = value(T);
    if (VR < VL) {
      // Expansion: 2·R − centroid; the reflection is remembered in C (the centroid is not needed again).
      for (let i = 0; i < n; i++) {
        const e = 2 * T[i] - C[i];
        C[i] = T[i];
        T[i] = e;
      }
      const VE = value(T);
      for (let i = 0; i < n; i++) P[H * n + i] = VE < VR ? T[i] : C[i];
      V[H] = VE < VR ? VE : VR;
      continue;
    }
    if (VR < VH) {
      for (let i = 0; i < n; i++) P[H * n + i] = T[i];
      V[H] = VR;
    }
    for (let i = 0; i < n; i++) T[i] = 0.5 * P[H * n + i] + 0.5 * C[i];
    const VC = value(T);
    if (VC < V[H]) {
      for (let i = 0; i < n; i++) P[H * n + i] = T[i];
      V[H] = VC;
    } else if (VR >= VH) {
      let newSize = 0;
      for (let j = 0; j < rows; j++) {
        if (j === L) continue;
        for (let i = 0; i < n; i++) {
          const v = 0.5 * (P[j * n + i] - P[L * n + i]) + P[L * n + i];
          P[j * n + i] = v;
          newSize += Math.abs(v - P[L * n + i]);
        }
      }
      if (newSize >= oldSize) break;
      oldSize = newSize;
      recompute = true;
    }
  }
  // As nmmin: the vertex that was best at the last check (after a shrink that stopped the search the
  // other vertices have moved and have no values; after the evaluation budget a later point may be
  // marginally better, which R also leaves).
  return {
    x: Array.from(P.subarray(L * n, L * n + n)),
    value: V[L] >= BIG ? Infinity : V[L],
    evaluations,
    converged,
  };
}

/** Whether every vertex of the simplex P lies within xtol × (1 + |x_i|) of vertex L. */
function small(P: Float64Array, L: number, n: number, xtol: number): boolean {
  if (xtol === Infinity) return true;
  for (let j = 0; j <= n; j++) {
    for (let i = 0; i < n; i++) {
      const best = P[L * n + i];
      if (!(Math.abs(P[j * n + i] - best) <= xtol * (1 + Math.abs(best)))) return false;
    }
  }
  return true;
}
