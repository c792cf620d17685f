import { describe, test, expect } from "@jest/globals";
import { simplexMinimise } from "../../../src/engine/forecast/simplex";
import { R_REFERENCE } from "./fixtures";

describe("Nelder–Mead (Nash's algorithm, as R's optim and ets)", () => {
  test("Rosenbrock from (−1.2, 1): R's point, value and number of evaluations", () => {
    const rosenbrock = (x: Float64Array) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2;
    const r = simplexMinimise(rosenbrock, [-1.2, 1], 500);
    const ref = R_REFERENCE.rosenbrock;
    expect(r.x[0]).toBeCloseTo(ref.x[0], 8);
    expect(r.x[1]).toBeCloseTo(ref.x[1], 8);
    expect(r.value).toBeCloseTo(ref.value, 15);
    expect(r.evaluations).toBe(ref.evaluations);
  });
  test("infeasible points count as very large; an infeasible start gives up at once", () => {
    const bowl = (x: Float64Array) => (x[0] < 0 ? Infinity : (x[0] - 2) ** 2 + (x[1] + 1) ** 2);
    const r = simplexMinimise(bowl, [1, 1]);
    expect(r.x[0]).toBeCloseTo(2, 3);
    expect(r.x[1]).toBeCloseTo(-1, 3);
    const bad = simplexMinimise(() => Infinity, [1, 1]);
    expect(bad.value).toBe(Infinity);
    expect(bad.evaluations).toBe(1);
  });
  test("stops after the evaluation budget", () => {
    const r = simplexMinimise(
      (x) => (x[0] - 3) ** 2 + (x[1] - 4) ** 2 + (x[2] - 5) ** 2,
      [0, 0, 0],
      40
    );
    expect(r.evaluations).toBeLessThanOrEqual(42);
  });
});
