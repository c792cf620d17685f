// Long report builds stay responsive: builders call `tick` between units of work (a series, a
// thousand customers); it reports progress and, every ~40 ms, lets the browser or Node event loop run.

/* global setTimeout */

export interface Progress {
  /** Called with units done and the total, as work advances. */
  onProgress?: (done: number, total: number) => void;
}

/** A ticker over `total` units: `await tick(done)` after each unit. */
export function ticker(total: number, progress: Progress = {}): (done: number) => Promise<void> {
  let last = Date.now();
  return async (done: number) => {
    progress.onProgress?.(done, total);
    if (Date.now() - last >= 40) {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      last = Date.now();
    }
  };
}
