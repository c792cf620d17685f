// A fast Nelder–Mead minimiser for the smoothing models (Nelder & Mead, The Computer Journal 7, 1965):
// the initial simplex of J. C. Nash's "Compact Numerical Methods for Computers" (Algorithm 19, as in
// R's optim: every coordinate stepped by 10% of the largest starting coordinate), reflection 1,
// expansion 2, a reflected point kept when better than the second-worst vertex, otherwise contraction
// 0.5 towards the better of the worst point and its reflection, else a shrink towards the best; stop
// when the spread of values is ≤ reltol × (|best| + reltol). Flat typed arrays, no allocation per
// evaluation. Infeasible points (non-finite values) count as a very large value.

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
  reltol = 1e-8
): SimplexResult {
  const n = x0.length;
  const rows = n + 1;
  const B = new Float64Array(rows * n);
  const V = new Float64Array(rows);
  const centroid = new Float64Array(n);
  const R = new Float64Array(n);
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
  let size = 0;
  for (let i = 0; i < n; i++) size = Math.max(size, 0.1 * Math.abs(x0[i]));
  if (size === 0) size = 0.1;
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < n; i++) B[j * n + i] = x0[i] + (j > 0 && i === j - 1 ? size : 0);
  }
  V[0] = f0;
  for (let j = 1; j < rows; j++) {
    for (let i = 0; i < n; i++) T[i] = B[j * n + i];
    V[j] = value(T);
  }
  let oldSize = Infinity;
  while (evaluations < maxEvaluations) {
    let L = 0;
    let H = 0;
    for (let j = 1; j < rows; j++) {
      if (V[j] < V[L]) L = j;
      if (V[j] > V[H]) H = j;
    }
    const VL = V[L];
    let VH = V[H];
    if (VH <= VL + reltol * (Math.abs(VL) + reltol)) break;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < rows; j++) if (j !== H) s += B[j * n + i];
      centroid[i] = s / n;
    }
    for (let i = 0; i < n; i++) R[i] = 2 * centroid[i] - B[H * n + i];
    const VR = value(R);
    if (VR < VL) {
      for (let i = 0; i < n; i++) T[i] = 2 * R[i] - centroid[i];
      const VE = value(T);
      const src = VE < VR ? T : R;
      for (let i = 0; i < n; i++) B[H * n + i] = src[i];
      V[H] = VE < VR ? VE : VR;
      continue;
    }
    let second = -Infinity;
    for (let j = 0; j < rows; j++) if (j !== H && V[j] > second) second = V[j];
    if (VR < second) {
      for (let i = 0; i < n; i++) B[H * n + i] = R[i];
      V[H] = VR;
      continue;
    }
    if (VR < VH) {
      for (let i = 0; i < n; i++) B[H * n + i] = R[i];
      V[H] = VR;
      VH = VR;
    }
    for (let i = 0; i < n; i++) T[i] = 0.5 * centroid[i] + 0.5 * B[H * n + i];
    const VC = value(T);
    if (VC < VH) {
      for (let i = 0; i < n; i++) B[H * n + i] = T[i];
      V[H] = VC;
    } else if (VR >= VH) {
      // Shrink towards the best vertex.
      let newSize = 0;
      for (let j = 0; j < rows; j++) {
        if (j === L) continue;
        for (let i = 0; i < n; i++) {
          const v = 0.5 * (B[j * n + i] - B[L * n + i]) + B[L * n + i];
          B[j * n + i] = v;
          newSize += Math.abs(v - B[L * n + i]);
          T[i] = v;
        }
        V[j] = value(T);
      }
      if (newSize >= oldSize) break;
      oldSize = newSize;
    }
  }
  let L = 0;
  for (let j = 1; j < rows; j++) if (V[j] < V[L]) L = j;
  return { x: B.slice(L * n, L * n + n), value: V[L] >= BIG ? Infinity : V[L], evaluations };
}
