import { describe, test, expect } from "@jest/globals";
import { apportion } from "../../../src/engine/plan/split";
import { prng } from "../pipeline/generated";

const parts = (total: number, w: number[], unit?: number) => {
  const r = apportion(total, w, unit);
  if (!r.ok) throw new Error(r.reason);
  return r.parts;
};

describe("largest remainder split", () => {
  test("Hare-quota example of Wikipedia, 'Largest remainder method' (10 seats, 100,000 votes)", () => {
    // Quotas 4.70, 1.60, 1.58, 1.20, 0.61, 0.31 -> floors 4, 1, 1, 1, 0, 0 (7); the 3 seats left go to
    // the largest remainders .70, .61, .60 -> 5, 2, 1, 1, 1, 0.
    expect(parts(10, [47000, 16000, 15800, 12000, 6100, 3100], 1)).toEqual([5, 2, 1, 1, 1, 0]);
  });
  test("Hamilton's method, three groups 50/30/20 and 7 seats", () => {
    // Quotas 3.5, 2.1, 1.4 -> 3, 2, 1 (6); one left to the remainder .5 -> 4, 2, 1.
    expect(parts(7, [50, 30, 20], 1)).toEqual([4, 2, 1]);
  });
  test("units: thousands and cents", () => {
    // 1,000,000 by 1:1:1 in thousands: 1000 units, 333.33 each -> 333, 333, 333, one left to the first
    // (equal remainders go to the earlier part).
    expect(parts(1e6, [1, 1, 1], 1000)).toEqual([334000, 333000, 333000]);
    // 100.00 in cents by 1:1:1 -> 33.34, 33.33, 33.33.
    expect(parts(100, [1, 1, 1], 0.01)).toEqual([33.34, 33.33, 33.33]);
  });
  test("zero weights get nothing", () => {
    // Quotas 0, 7.5, 0, 2.5 -> 7, 2 (9); the unit left: a tie of remainders .5 and .5 goes to the earlier.
    expect(parts(10, [0, 3, 0, 1], 1)).toEqual([0, 8, 0, 2]);
  });
  test("without a unit: exact shares that add up to the total", () => {
    const p = parts(100, [1, 1, 1]);
    expect(p[0] + p[1] + p[2]).toBe(100);
    expect(p[1]).toBeCloseTo(100 / 3, 12);
  });
  test("property: parts always add up exactly, each within one unit of its share", () => {
    const rnd = prng(7);
    for (let trial = 0; trial < 500; trial++) {
      const n = 1 + Math.floor(rnd() * 30);
      const w: number[] = Array.from({ length: n }, () =>
        rnd() < 0.1 ? 0 : Math.round(rnd() * 1e6) / 100
      );
      if (!w.some((x) => x > 0)) w[0] = 1;
      const unit = [1, 100, 1000, 0.01, 0.5][trial % 5];
      const units = Math.floor(rnd() * 100000);
      const total = Number((units * unit).toFixed(2));
      const p = parts(total, w, unit);
      const counts = p.map((x) => Math.round(x / unit));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(units);
      const W = w.reduce((a, b) => a + b, 0);
      p.forEach((x, i) => {
        expect(Math.abs(x - (total * w[i]) / W)).toBeLessThan(unit + 1e-6);
        expect(Math.abs(x / unit - Math.round(x / unit))).toBeLessThan(1e-9);
      });
    }
  });
  test("explained refusals", () => {
    expect(apportion(1500, [1, 1], 1000)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not a whole number of units of 1000/),
    });
    expect(apportion(10, [1, -1], 1)).toMatchObject({ ok: false, index: 1 });
    expect(apportion(10, [0, 0], 1)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/add up to 0/),
    });
    expect(apportion(-5, [1], 1)).toMatchObject({ ok: false });
    expect(apportion(5, [], 1)).toMatchObject({ ok: false });
    expect(apportion(5, [1], 0)).toMatchObject({ ok: false });
  });
});

describe("totals beyond whole-unit counting", () => {
  test("1E+100 in units of 1: a clear refusal, not an internal error", () => {
    const r = apportion(1e100, [1, 2, 3], 1);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/more than 9,007,199,254,740,991 can be counted exactly/);
    // 2^53 - 1 units is still split, exactly.
    const big = apportion(Number.MAX_SAFE_INTEGER, [1, 1], 1);
    expect(big.ok && big.parts).toEqual([4503599627370496, 4503599627370495]);
  });
  test("without a unit the parts' exact sum is the total (0.3 three ways)", () => {
    const p = parts(0.3, [1, 1, 1]);
    // Exact (Neumaier) sum in the test: two-sum of the parts equals 0.3.
    let s = 0;
    let c = 0;
    for (const v of p) {
      const t = s + v;
      c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
      s = t;
    }
    expect(s + c).toBe(0.3);
  });
});
