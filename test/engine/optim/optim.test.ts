import { describe, expect, test } from "@jest/globals";
import { bfgs, numericGradient } from "../../../src/engine/optim/bfgs";
import { nelderMead } from "../../../src/engine/optim/nelderMead";

// Rosenbrock's function: minimum 0 at (1, 1); a standard hard test of minimisers.
const rosenbrock = (x: readonly number[]) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2;

describe("nelderMead", () => {
  test("finds Rosenbrock's minimum", () => {
    const r = nelderMead(rosenbrock, [-1.2, 1], { reltol: 1e-14, maxEvaluations: 5000 });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 3);
    expect(r.x[1]).toBeCloseTo(1, 3);
  });
  test("moves away from an inadmissible region (non-finite values)", () => {
    // (x - 3)^2 on x > 0 only.
    const r = nelderMead((x) => (x[0] > 0 ? (x[0] - 3) ** 2 : NaN), [0.5]);
    expect(r.x[0]).toBeCloseTo(3, 3);
  });
  test("respects the evaluation budget", () => {
    const r = nelderMead(rosenbrock, [-1.2, 1], { maxEvaluations: 20 });
    expect(r.evaluations).toBeLessThanOrEqual(22);
    expect(r.converged).toBe(false);
  });
});

describe("bfgs", () => {
  test("finds Rosenbrock's minimum precisely", () => {
    const r = bfgs(rosenbrock, [-1.2, 1]);
    expect(r.x[0]).toBeCloseTo(1, 6);
    expect(r.x[1]).toBeCloseTo(1, 6);
    expect(r.value).toBeLessThan(1e-12);
  });
  test("uses an analytic gradient when given", () => {
    const f = (x: readonly number[]) => (x[0] - 2) ** 2 + 10 * (x[1] + 1) ** 2;
    const r = bfgs(f, [0, 0], { gradient: (x) => [2 * (x[0] - 2), 20 * (x[1] + 1)] });
    expect(r.x).toEqual([expect.closeTo(2, 9), expect.closeTo(-1, 9)]);
  });
  test("numeric gradient", () => {
    expect(numericGradient((x) => x[0] ** 3 + x[1], [2, 5])).toEqual([
      expect.closeTo(12, 6),
      expect.closeTo(1, 8),
    ]);
  });
});
