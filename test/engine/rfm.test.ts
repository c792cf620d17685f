import { describe, test, expect } from "@jest/globals";
import { ntile, rfm } from "../../src/engine/accounts/rfm";
import { SEGMENT_GRID, segmentOf, toFivePoint } from "../../src/engine/accounts/segments";

// Hand-checked example. Serial 45292 = 2024-01-01 (Excel DATE(2024,1,1)).
const D = (day: number) => 45291 + day; // D(1) = 2024-01-01
const tx: [string, number, number][] = [
  ["A", D(1), 100],
  ["A", D(10), 50],
  ["a ", D(10), 25], // same customer (case/space), same day: one purchase day
  ["B", D(5), 300],
  ["C", D(2), 20],
  ["C", D(3), 20],
  ["C", D(12), 20],
  ["C", D(12), -10], // return: reduces monetary only
  ["D", D(8), 80],
  ["D", D(9), -80],
  ["E", D(11), -5], // only a return: not scored
];
const run = (asOf?: number, bins?: number) =>
  rfm(
    tx.map((t) => t[0]),
    tx.map((t) => t[1]),
    tx.map((t) => t[2]),
    { asOf, bins }
  );

describe("rfm on a hand-checked example", () => {
  test("measures with the default as-of date (day after the last transaction)", () => {
    const r = run();
    expect(r.asOf).toBe(D(13));
    expect(r.withoutPurchase).toBe(1);
    expect(r.afterAsOf).toBe(0);
    expect(r.customers.map((c) => [c.customer, c.recency, c.frequency, c.monetary])).toEqual([
      ["A", 3, 2, 175],
      ["B", 8, 1, 300],
      ["C", 1, 3, 50],
      ["D", 5, 1, 0],
    ]);
  });

  test("scores: 4 customers in 5 bins take scores 1, 2, 3, 4; F tie B/D broken by monetary", () => {
    const r = run();
    expect(r.customers.map((c) => c.code)).toEqual(["333", "124", "442", "211"]);
    expect(r.customers.map((c) => c.segment)).toEqual([
      "needs_attention",
      "lost",
      "loyal",
      "hibernating",
    ]);
  });

  test("transactions after as_of are left out, those on it count", () => {
    const r = run(D(9));
    expect(r.afterAsOf).toBe(5);
    expect(r.customers.map((c) => [c.customer, c.recency, c.frequency, c.monetary])).toEqual([
      ["A", 8, 1, 100],
      ["B", 4, 1, 300],
      ["C", 6, 2, 40],
      ["D", 1, 1, 0],
    ]);
  });

  test("a time of day is ignored", () => {
    const r = rfm(["X", "X"], [D(1) + 0.25, D(1) + 0.75], [1, 1]);
    expect(r.customers[0]).toMatchObject({ frequency: 1, recency: 1, monetary: 2 });
  });

  test("numbers and text that read the same are one customer; the first spelling is kept", () => {
    const r = rfm([1001, "1001", " ACME", "acme"], [D(1), D(2), D(1), D(1)], [1, 1, 1, 1]);
    expect(r.customers.map((c) => [c.customer, c.frequency])).toEqual([
      [1001, 2],
      [" ACME", 1],
    ]);
  });

  test("is deterministic and independent of row order for the scores", () => {
    const a = run();
    const perm = [10, 3, 0, 7, 1, 9, 2, 5, 4, 8, 6];
    const b = rfm(
      perm.map((i) => tx[i][0]),
      perm.map((i) => tx[i][1]),
      perm.map((i) => tx[i][2])
    );
    const byName = (r: typeof a) =>
      Object.fromEntries(r.customers.map((c) => [String(c.customer).trim().toUpperCase(), c.code]));
    expect(byName(b)).toEqual(byName(a));
  });
});

describe("quantile scores", () => {
  test("equal groups", () => {
    expect(Array.from(ntile([[5, 1, 4, 2, 3, 6, 8, 7, 10, 9]], 5))).toEqual([
      3, 1, 2, 1, 2, 3, 4, 4, 5, 5,
    ]);
  });
  test("ties follow the next key, then position", () => {
    expect(
      Array.from(
        ntile(
          [
            [1, 1, 1, 1],
            [0, 0, 2, 1],
          ],
          2
        )
      )
    ).toEqual([1, 1, 2, 2]);
    expect(Array.from(ntile([[1, 1]], 2))).toEqual([1, 2]);
  });
  test("every score in 1..bins for all n", () => {
    for (let n = 1; n < 40; n++) {
      for (let bins = 2; bins <= 9; bins++) {
        const s = Array.from(ntile([Array.from({ length: n }, (_, i) => i)], bins));
        expect(Math.min(...s)).toBe(1);
        expect(Math.max(...s)).toBeLessThanOrEqual(bins);
        if (n >= bins) expect(new Set(s).size).toBe(bins);
      }
    }
  });
});

describe("segment table", () => {
  test("assigns every R/F cell and uses all eleven segments", () => {
    const used = new Set(SEGMENT_GRID.flat());
    expect(SEGMENT_GRID).toHaveLength(5);
    SEGMENT_GRID.forEach((row) => expect(row).toHaveLength(5));
    expect(used.size).toBe(11);
  });
  test.each([
    [5, 5, "champions"],
    [5, 1, "new"],
    [4, 1, "promising"],
    [3, 3, "needs_attention"],
    [1, 5, "cant_lose"],
    [1, 1, "lost"],
    [2, 2, "hibernating"],
  ])("R%i F%i is %s", (r, f, seg) => expect(segmentOf(r, f)).toBe(seg));
  test("other bin counts map onto the 5-point grid symmetrically", () => {
    expect([1, 2, 3].map((s) => toFivePoint(s, 3))).toEqual([1, 3, 5]);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((s) => toFivePoint(s, 9))).toEqual([
      1, 1, 2, 2, 3, 4, 4, 5, 5,
    ]);
    expect(segmentOf(2, 2, 3)).toBe("needs_attention");
    expect(segmentOf(3, 3, 3)).toBe("champions");
  });
});
