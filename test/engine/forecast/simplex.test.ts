import { describe, test, expect } from "@jest/globals";
import { nelderMead } from "../../../src/engine/optim/nelderMead";
import { R_REFERENCE } from "./fixtures";

describe("Nelder–Mead (Nash's algorithm, as R's optim and ets)", () => {
  test("Rosenbrock from (−1.2, 1): R's point, value and number of evaluations", () => {
    const rosenbrock = (x: readonly number[]) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2;
    const r = nelderMead(rosenbrock, [-1.2, 1], { maxEvaluations: 500, xtol: Infinity });
    const ref = R_REFERENCE.rosenbrock;
    expect(r.x[0]).toBeCloseTo(ref.x[0], 8);
    expect(r.x[1]).toBeCloseTo(ref.x[1], 8);
    expect(r.value).toBeCloseTo(ref.value, 15);
    expect(r.evaluations).toBe(ref.evaluations);
  });
  test("infeasible points count as very large; an infeasible start gives up at once", () => {
    const bowl = (x: readonly number[]) =>
      x[0] < 0 ? Infinity : (x[0] - 2) ** 2 + (x[1] + 1) ** 2;
    const r = nelderMead(bowl, [1, 1], { maxEvaluations: 2000, xtol: Infinity });
    expect(r.x[0]).toBeCloseTo(2, 3);
    expect(r.x[1]).toBeCloseTo(-1, 3);
    const bad = nelderMead(() => Infinity, [1, 1]);
    expect(bad.value).toBe(Infinity);
    expect(bad.evaluations).toBe(1);
  });
  test("stops after the evaluation budget", () => {
    const r = nelderMead((x) => (x[0] - 3) ** 2 + (x[1] - 4) ** 2 + (x[2] - 5) ** 2, [0, 0, 0], {
      maxEvaluations: 40,
      xtol: Infinity,
    });
    expect(r.evaluations).toBeLessThanOrEqual(42);
  });
});

describe("Nelder–Mead options beyond R's", () => {
  // (x − 3)² on x > 0 only.
  const positive = (x: readonly number[]) => (x[0] > 0 ? (x[0] - 3) ** 2 : NaN);
  test("a start just outside the admissible region: stop (R) or search", () => {
    const stop = nelderMead(positive, [-0.2], { step: 0.5 });
    expect(stop.value).toBe(Infinity);
    expect(stop.evaluations).toBe(1);
    const search = nelderMead(positive, [-0.2], { step: 0.5, infeasibleStart: "search" });
    expect(search.converged).toBe(true);
    expect(search.x[0]).toBeCloseTo(3, 3);
    // No admissible vertex in the first simplex: nothing to search from.
    const none = nelderMead(positive, [-2], { step: 0.5, infeasibleStart: "search" });
    expect(none.value).toBe(Infinity);
    expect(none.evaluations).toBe(2);
  });
  test("the simplex-size condition: equal values either side of a minimum do not stop it", () => {
    const r = nelderMead(positive, [0.5], { xtol: Infinity });
    // R's rule alone stops between 2.95 and 3.05, whose values are equal.
    expect(Math.abs(r.x[0] - 3)).toBeCloseTo(0.05, 9);
    expect(nelderMead(positive, [0.5]).x[0]).toBeCloseTo(3, 6);
  });
  test("the initial step", () => {
    const seen: number[] = [];
    nelderMead(
      (x) => {
        seen.push(x[0]);
        return (x[0] - 3) ** 2;
      },
      [1],
      { step: 0.25, maxEvaluations: 2 }
    );
    expect(seen.slice(0, 2)).toEqual([1, 1.25]);
  });
});
