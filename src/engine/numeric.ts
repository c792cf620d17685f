// Small numeric helpers shared by the engine.

/** A running sum with Neumaier compensation: add values one by one, read the total at any time. */
export class CompensatedSum {
  private s = 0;
  private c = 0;

  add(v: number): void {
    const t = this.s + v;
    this.c += Math.abs(this.s) >= Math.abs(v) ? this.s - t + v : v - t + this.s;
    this.s = t;
  }

  get value(): number {
    return this.s + this.c;
  }
}

/** Sum with Neumaier compensation, so long columns of money add up to the cent. */
export function sum(values: ArrayLike<number>): number {
  const total = new CompensatedSum();
  for (let i = 0; i < values.length; i++) total.add(values[i]);
  return total.value;
}

/**
 * The largest value, as Math.max(...values) (-Infinity when empty, NaN when any is NaN), by a loop:
 * spreading a user-sized array into arguments overflows the stack from about 100,000 values.
 */
export function maxOf(values: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v > m) m = v;
    else if (v !== v) return NaN;
  }
  return m;
}

/** The smallest value, as Math.min(...values) (Infinity when empty, NaN when any is NaN), by a loop. */
export function minOf(values: ArrayLike<number>): number {
  let m = Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < m) m = v;
    else if (v !== v) return NaN;
  }
  return m;
}
