// The cooperative queue of the custom functions (src/grid/schedule.ts): calls run one at a time in
// the order they came, each Promise settles with its own call's result or error, and the queue
// gives the event loop back between slices of at most SLICE_MS (at least one call per slice).
import { afterAll, afterEach, describe, expect, test } from "@jest/globals";
import {
  SLICE_MS,
  queueStats,
  queued,
  resetQueueStats,
  schedule,
  setQueueClock,
} from "../../src/grid/schedule";

/* global setImmediate */

let now = 0;
const restore = setQueueClock(() => now);
afterEach(() => {
  resetQueueStats();
});
afterAll(() => {
  setQueueClock(restore);
});

/** A call that takes `ms` on the fake clock and logs its name. */
const work =
  (log: string[], name: string, ms: number, result: unknown = name) =>
  () => {
    log.push(name);
    now += ms;
    return result;
  };

describe("schedule", () => {
  test("runs calls later, in order, each Promise with its own result or error", async () => {
    const log: string[] = [];
    const a = schedule(work(log, "a", 1, 1));
    const b = schedule(() => {
      log.push("b");
      throw new Error("b failed");
    });
    const c = schedule(work(log, "c", 1, [[3]]));
    // nothing ran yet: the caller's task finishes first
    expect(log).toEqual([]);
    expect(queued()).toBe(3);
    await expect(a).resolves.toBe(1);
    await expect(b).rejects.toThrow("b failed");
    await expect(c).resolves.toEqual([[3]]);
    expect(log).toEqual(["a", "b", "c"]);
    expect(queued()).toBe(0);
  });

  test("long calls: one per slice, and other tasks run between them", async () => {
    const log: string[] = [];
    const calls = Array.from({ length: 6 }, (_, i) =>
      schedule(() => {
        if (i === 0) setImmediate(() => log.push("click"));
        return work(log, `call ${i}`, SLICE_MS + 2)();
      })
    );
    await Promise.all(calls);
    const stats = queueStats();
    expect(stats.calls).toBe(6);
    expect(stats.slices).toBe(6);
    expect(stats.longestSliceMs).toBe(SLICE_MS + 2);
    // the "click" queued by the first call ran before the last call, not after all of them
    const click = log.indexOf("click");
    expect(click).toBeGreaterThan(0);
    expect(click).toBeLessThan(log.length - 1);
  });

  test("short calls share a slice until SLICE_MS is used", async () => {
    const log: string[] = [];
    const n = 40;
    // each call takes 1 ms: a slice runs calls until 8 ms have passed, i.e. 8 calls
    await Promise.all(Array.from({ length: n }, (_, i) => schedule(work(log, `c${i}`, 1))));
    const perSlice = SLICE_MS;
    expect(queueStats().slices).toBe(Math.ceil(n / perSlice));
    expect(queueStats().longestSliceMs).toBe(SLICE_MS);
    expect(log).toEqual(Array.from({ length: n }, (_, i) => `c${i}`));
  });

  test("a call queued while the queue runs waits for the calls before it", async () => {
    const log: string[] = [];
    const inner: Promise<unknown>[] = [];
    const first = schedule(() => {
      inner.push(schedule(work(log, "queued inside", 1)));
      return work(log, "first", 1)();
    });
    const second = schedule(work(log, "second", 1));
    await first;
    await second;
    await Promise.all(inner);
    expect(log).toEqual(["first", "second", "queued inside"]);
  });
});
