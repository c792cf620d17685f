// The results cache of the custom functions (src/grid/cache.ts): a call with the same arguments (new
// arrays of equal content, as Excel passes them) gets the kept result; any difference in a value,
// a type or the shape is a miss; a hash collision never returns another call's result; the least
// recently used results go first when entries or cells exceed the limits.
import { describe, expect, test } from "@jest/globals";
import { ResultCache, countCells, hashArgs } from "../../src/grid/cache";

const col = (...v: unknown[]) => v.map((x) => [x]);

describe("hashArgs", () => {
  test("equal content in new arrays: the same hash; shape, type or value differences: another", () => {
    const a = [col(1, 2, 3), "x", null];
    expect(hashArgs([col(1, 2, 3), "x", null])).toBe(hashArgs(a));
    const others = [
      [[[1, 2, 3]], "x", null], // a row instead of a column
      [col(1, 2, 4), "x", null],
      [col(1, 2, "3"), "x", null],
      [col(1, 2, 3), "x", undefined],
      [col(1, 2, 3), "x", 0],
      [col(1, 2, 3), "x", false],
      [col(1, 2, 3), "x"],
      [col(1, 2, 3), "y", null],
      [col(1, 2, -0), "x", null],
      [col(1, 2), 3, "x", null],
    ];
    const hashes = new Set(others.map((o) => hashArgs(o)));
    expect(hashes.size).toBe(others.length);
    expect(hashes.has(hashArgs(a))).toBe(false);
  });

  test("a 32-bit unsigned number", () => {
    const h = hashArgs([col(...Array.from({ length: 1000 }, (_, i) => i * 1.5))]);
    expect(Number.isInteger(h)).toBe(true);
    expect(h).toBeGreaterThanOrEqual(0);
    expect(h).toBeLessThan(2 ** 32);
  });
});

describe("ResultCache", () => {
  test("hit on equal arguments in new arrays; miss on another value, function or context", () => {
    const cache = new ResultCache<string>();
    const args = [col("A", "B"), col(45000, 45001), col(10, 20), null];
    cache.set("KAM.RFM", "en", args, "result 1", 9);
    expect(cache.get("KAM.RFM", "en", [col("A", "B"), col(45000, 45001), col(10, 20), null])).toBe(
      "result 1"
    );
    expect(cache.get("KAM.RFM", "en", [col("A", "B"), col(45000, 45001), col(10, 21), null])).toBe(
      undefined
    );
    expect(cache.get("KAM.PARETO", "en", args)).toBe(undefined);
    expect(cache.get("KAM.RFM", "zh", args)).toBe(undefined);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 3, entries: 1 });
  });

  test("keeps a copy of the arguments: changing the caller's arrays afterwards is a miss", () => {
    const cache = new ResultCache<number>();
    const args = [col(1, 2, 3)];
    cache.set("F", "", args, 6, 1);
    (args[0] as unknown[][])[1][0] = 20;
    expect(cache.get("F", "", args)).toBe(undefined);
    expect(cache.get("F", "", [col(1, 2, 3)])).toBe(6);
  });

  test("hash collisions: every call still gets its own result, never another's", () => {
    const cache = new ResultCache<number>({ entries: 100, cells: 1e6 }, () => 42);
    const sums: [unknown[], number][] = [];
    for (let i = 0; i < 20; i++) {
      const values = [i, i + 1, i * 2];
      const args = [col(...values)];
      const sum = values.reduce((s, v) => s + v, 0);
      sums.push([args, sum]);
      cache.set("SUM", "", args, sum, 1);
    }
    for (const [args, sum] of sums) {
      const fresh = JSON.parse(JSON.stringify(args)) as unknown[];
      expect(cache.get("SUM", "", fresh)).toBe(sum);
    }
    // same hash, arguments never stored: a miss, not the first entry of the bucket
    expect(cache.get("SUM", "", [col(99, 100, 198)])).toBe(undefined);
  });

  test("the least recently used goes first when there are more entries than the limit", () => {
    const cache = new ResultCache<string>({ entries: 3, cells: 1e6 });
    const args = (i: number) => [col(i)];
    for (const i of [1, 2, 3]) cache.set("F", "", args(i), `r${i}`, 1);
    expect(cache.get("F", "", args(1))).toBe("r1"); // 1 is now the most recent
    cache.set("F", "", args(4), "r4", 1);
    expect(cache.get("F", "", args(2))).toBe(undefined);
    expect(cache.get("F", "", args(1))).toBe("r1");
    expect(cache.get("F", "", args(3))).toBe("r3");
    expect(cache.get("F", "", args(4))).toBe("r4");
    expect(cache.stats()).toMatchObject({ entries: 3, evicted: 1 });
  });

  test("cells: arguments and results count; over the limit the oldest go; a call larger than all is not kept", () => {
    const cache = new ResultCache<string>({ entries: 100, cells: 100 });
    const big = (tag: number) => [col(...Array.from({ length: 30 }, (_, i) => i + tag))];
    cache.set("F", "", big(0), "a", 10); // 40 cells
    cache.set("F", "", big(1), "b", 10); // 80
    expect(cache.stats().cells).toBe(80);
    cache.set("F", "", big(2), "c", 10); // 120 > 100: "a" goes
    expect(cache.stats()).toMatchObject({ entries: 2, cells: 80, evicted: 1 });
    expect(cache.get("F", "", big(0))).toBe(undefined);
    expect(cache.get("F", "", big(1))).toBe("b");
    cache.set("F", "", [col(...Array.from({ length: 200 }, (_, i) => i))], "huge", 1);
    expect(cache.stats()).toMatchObject({ entries: 2, cells: 80 });
  });

  test("storing the same arguments again replaces the entry (no double count)", () => {
    const cache = new ResultCache<string>({ entries: 10, cells: 1000 });
    cache.set("F", "", [col(1, 2)], "old", 5);
    cache.set("F", "", [col(1, 2)], "new", 5);
    expect(cache.stats()).toMatchObject({ entries: 1, cells: 7 });
    expect(cache.get("F", "", [col(1, 2)])).toBe("new");
  });

  test("countCells counts the values of nested arrays", () => {
    expect(countCells([col(1, 2, 3), [[1, 2]], null, "x"])).toBe(7);
    expect(countCells([])).toBe(0);
  });
});
