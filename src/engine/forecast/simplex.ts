// Nelder–Mead minimiser following J. C. Nash's "Compact Numerical Methods for Computers" (1990,
// Algorithm 19), the variant in R's optim and in the forecast package's ets: initial simplex with
// every coordinate stepped by 10% of the largest starting coordinate; reflection 1; when the
// reflection is a new best, expansion 2 (kept if better still); otherwise the worst vertex is
// replaced by the reflection if that is better, then contracted halfway towards the centroid; if the
// contraction fails and the reflection was no better than the worst, the simplex shrinks halfway
// towards the best vertex (stopping when a shrink no longer reduces its size). Stops when the spread
// of values is ≤ reltol × (|f(x0)| + reltol) or after maxEvaluations. Flat typed arrays, no
// allocation per evaluation. Infeasible points (non-finite values) count as a very large value.

export interface SimplexResult {
  x: Float64Array;
  value: number;
  evaluations: number;
}

const BIG = 1e35;

export function simplexMinimise(
  f: (x: Float64Array) => number,
  x0: ArrayLike<number>,
  maxEvaluations = 2000,
  reltol = Math.sqrt(Number.EPSILON)
): SimplexResult {
  const n = x0.length;
  const rows = n + 1;
  const P = new Float64Array(rows * n);
  const V = new Float64Array(rows);
  const C = new Float64Array(n);
  const T = new Float64Array(n);
  let evaluations = 0;
  const value = (x: Float64Array): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : BIG;
  };
  for (let i = 0; i < n; i++) T[i] = x0[i];
  const f0 = value(T);
  if (f0 >= BIG) return { x: T.slice(), value: Infinity, evaluations };
  const convtol = reltol * (Math.abs(f0) + reltol);
  let size = 0;
  for (let i = 0; i < n; i++) size = Math.max(size, 0.1 * Math.abs(x0[i]));
  if (size === 0) size = 0.1;
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
  for (let j = 1; j < rows; j++) {
    for (let i = 0; i < n; i++) T[i] = P[j * n + i];
    V[j] = value(T);
  }
  let L = 0;
  let recompute = false;
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
    if (VH <= VL + convtol) break;
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
      const src = VE < VR ? T : C;
      for (let i = 0; i < n; i++) P[H * n + i] = src[i];
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
  return { x: P.slice(L * n, L * n + n), value: V[L] >= BIG ? Infinity : V[L], evaluations };
}
