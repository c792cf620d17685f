/* global MessageChannel, performance, setImmediate, setTimeout */
// One cooperative queue for the custom functions' long work. In the shared runtime the task pane and
// the custom functions share one JavaScript thread, so a long synchronous function blocks the pane
// (Microsoft: "When using the shared runtime, custom functions block the UI of your Office Add-in
// when they run", OfficeDev/Office-Add-in-samples Excel-custom-functions/web-worker;
// https://learn.microsoft.com/office/dev/add-ins/develop/configure-your-add-in-to-use-a-shared-runtime).
// A custom function may return a Promise that Excel awaits
// (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-web-reqs): the functions
// queue their work here and the queue runs a slice of calls, then gives the event loop back (a
// MessageChannel message, which the browser does not clamp like a nested setTimeout) so that a
// click in the pane is handled between calls. Calls run one at a time, in the order they came.

/** Work of one call: its result, or a throw (the queue rejects that call's Promise with it). */
export type Job<T> = () => T;

interface Entry {
  run: () => void;
}

/** How long one slice may run before the queue yields (ms); at least one call runs per slice. */
export const SLICE_MS = 8;

const pending: Entry[] = [];
let head = 0;
let scheduled = false;
let channel: MessageChannel | undefined;
let clock: () => number = () =>
  typeof performance !== "undefined" ? performance.now() : Date.now();

/** Figures of the queue since the runtime started (or since resetQueueStats). */
export interface QueueStats {
  /** Calls run. */
  calls: number;
  /** Slices run (each ends by yielding to the event loop). */
  slices: number;
  /** The longest slice (ms): the longest the queue held the thread at once. */
  longestSliceMs: number;
  /** The longest single call (ms). */
  longestCallMs: number;
}

const stats: QueueStats = { calls: 0, slices: 0, longestSliceMs: 0, longestCallMs: 0 };

export function queueStats(): QueueStats {
  return { ...stats };
}

export function resetQueueStats(): void {
  stats.calls = 0;
  stats.slices = 0;
  stats.longestSliceMs = 0;
  stats.longestCallMs = 0;
}

/** Calls waiting to run. */
export function queued(): number {
  return pending.length - head;
}

/** Replaces the clock (tests); returns the previous one. */
export function setQueueClock(next: () => number): () => number {
  const previous = clock;
  clock = next;
  return previous;
}

/**
 * Queues a call: it runs after the calls queued before it, in a later task than the caller's, and
 * the Promise settles with its result or rejects with what it threw.
 */
export function schedule<T>(job: Job<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    pending.push({
      run: () => {
        try {
          resolve(job());
        } catch (e) {
          reject(e);
        }
      },
    });
    wake();
  });
}

/** Runs calls until the slice's time is used (at least one), then yields if any are left. */
function slice(): void {
  scheduled = false;
  // a call queued during the last slice may have run in it already
  if (head >= pending.length) return;
  const start = clock();
  let now = start;
  do {
    const entry = pending[head];
    pending[head] = undefined as unknown as Entry;
    head++;
    const before = now;
    entry.run();
    now = clock();
    stats.calls++;
    stats.longestCallMs = Math.max(stats.longestCallMs, now - before);
  } while (head < pending.length && now - start < SLICE_MS);
  stats.slices++;
  stats.longestSliceMs = Math.max(stats.longestSliceMs, now - start);
  if (head >= pending.length) {
    pending.length = 0;
    head = 0;
  } else wake();
}

/** Asks for a slice in a later task (once): a MessageChannel message in the browser; setImmediate
 *  where it exists (Node: jest, the CLI), whose port messages can run before other waiting tasks. */
function wake(): void {
  if (scheduled) return;
  scheduled = true;
  if (typeof setImmediate === "function") setImmediate(slice);
  else if (typeof MessageChannel !== "undefined") {
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = slice;
    }
    channel.port2.postMessage(null);
  } else if (typeof setTimeout === "function") setTimeout(slice, 0);
  // a host without timers (a bare script sandbox): after the caller's task, without yielding
  else void Promise.resolve().then(slice);
}
