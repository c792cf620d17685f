// Special functions for the customer-value models: log-gamma and digamma by Stirling's asymptotic
// series after shifting the argument up with the recurrences Γ(x+1) = xΓ(x) and ψ(x+1) = ψ(x) + 1/x
// (Abramowitz & Stegun, Handbook of Mathematical Functions, 6.1.40 and 6.3.18), and the Gauss
// hypergeometric series 2F1 (A&S 15.1.1).

const SHIFT = 15;
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0 (about 1e-14 relative accuracy). */
export function logGamma(x: number): number {
  if (!(x > 0)) return NaN;
  let shift = 0;
  let z = x;
  while (z < SHIFT) {
    shift += Math.log(z);
    z += 1;
  }
  const z2 = 1 / (z * z);
  // Stirling: (z - 1/2) ln z - z + ln(2π)/2 + 1/(12z) - 1/(360z³) + 1/(1260z⁵) - 1/(1680z⁷)
  const series = (1 / 12 - z2 * (1 / 360 - z2 * (1 / 1260 - z2 / 1680))) / z;
  return (z - 0.5) * Math.log(z) - z + HALF_LOG_2PI + series - shift;
}

/** ψ(x) = d/dx ln Γ(x) for x > 0. */
export function digamma(x: number): number {
  if (!(x > 0)) return NaN;
  let shift = 0;
  let z = x;
  while (z < SHIFT) {
    shift += 1 / z;
    z += 1;
  }
  const z2 = 1 / (z * z);
  // ψ(z) ~ ln z - 1/(2z) - 1/(12z²) + 1/(120z⁴) - 1/(252z⁶) + 1/(240z⁸)
  const series = z2 * (1 / 12 - z2 * (1 / 120 - z2 * (1 / 252 - z2 / 240)));
  return Math.log(z) - 0.5 / z - series - shift;
}

/**
 * The Gauss hypergeometric function 2F1(a, b; c; z) for 0 <= z < 1 by its power series, summed until
 * the terms no longer change the sum (relative 1e-15) or `maxTerms` is reached (then NaN).
 */
export function hyp2f1(a: number, b: number, c: number, z: number, maxTerms = 200_000): number {
  if (!(z >= 0 && z < 1)) return NaN;
  let term = 1;
  let total = 1;
  for (let k = 0; k < maxTerms; k++) {
    term *= (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
    total += term;
    if (Math.abs(term) <= 1e-16 * Math.abs(total) && k > 2) return total;
    if (term === 0) return total;
  }
  return NaN;
}
