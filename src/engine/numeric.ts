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
