// Recalculation in the shared runtime (issue 17 §2), in headless Chromium (see harness.ts): the built
// page runs functions.js and taskpane.js together, as Excel's shared runtime does, and the test
// invokes what a full recalculation of a workbook with 300 KAM.FORECAST_AUTO cells (36-month
// series, each its own) and 50 RFM-family cells (RFM, RFM_SUMMARY, PARETO on 3,000 transactions
// each) invokes: every associated function called at once, then every result awaited. Measured:
// time to all results, the pane's longest main-thread block (PerformanceObserver 'longtask' and a
// 10 ms heartbeat's worst gap) and how soon real mouse clicks on the pane are handled during the
// recalculation; then the same recalculation again with new arrays of equal content (Excel passes
// new arrays on every call), which reuses the kept results. The figures are printed and written to
// test/.out/recalc.json; they are not timed assertions, except a generous bound on the longest
// block (1 s). Every result must equal the function computed directly in Node (and FORECAST_AUTO
// the engine's forecast).
//
// Needs dist/ (npm run build first).

import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import fs from "fs";
import path from "path";
import type { Page } from "playwright-core";
import { Harness, out, root, skipBrowser, startHarness } from "./harness";
import { execFileSync } from "child_process";
import {
  Call,
  FORECASTS,
  HORIZON,
  MONTHS,
  Outcome,
  TRANSACTIONS,
  directResults,
  workbookCalls,
} from "./recalcWorkbook";

/* global window, document, performance, PerformanceObserver, setInterval, clearInterval, console, setTimeout, structuredClone, Event, process, __dirname */

const describeBrowser = skipBrowser ? describe.skip : describe;

/** Figures of one recalculation in the page. */
interface Round {
  /** From the first call to the last result (ms). */
  allResultsMs: number;
  /** The longest main-thread task the browser reported ('longtask', ms; 0 when none over 50 ms). */
  longestTaskMs: number;
  longTasks: number;
  /** The worst gap between beats of a 10 ms setInterval heartbeat (ms). */
  worstHeartbeatGapMs: number;
  /** Mouse clicks on the pane handled while results were pending, and the slowest (ms from input). */
  clicksDuring: number;
  slowestClickMs: number;
  outcomes: Outcome[];
}

/**
 * Starts a recalculation in the page: new copies of every argument (as Excel passes new arrays),
 * then every associated function called in one task, as Excel invokes a recalculation's cells, and
 * every result awaited. Returns at once; window.__recalc settles with the figures.
 */
async function startRound(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    const calls = w.__calls as Call[];
    const fns = (w.CustomFunctions as { functions: Map<string, (...a: unknown[]) => unknown> })
      .functions;
    const prepared = calls.map((c) => ({
      fn: fns.get(c.id)!,
      args: [...structuredClone(c.args), { parameterAddresses: c.addresses }],
    }));
    const clicks: { input: number; at: number; latency: number }[] = [];
    const onClick = (event: Event) =>
      clicks.push({
        input: event.timeStamp,
        at: performance.now(),
        latency: performance.now() - event.timeStamp,
      });
    document.addEventListener("pointerdown", onClick, true);
    w.__recalc = new Promise((resolve) => {
      // in a task of its own: the copying above is Excel's part, not the recalculation's
      setTimeout(async () => {
        const longTasks: number[] = [];
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) longTasks.push(entry.duration);
        });
        observer.observe({ type: "longtask", buffered: false });
        let last = performance.now();
        let worstGap = 0;
        const beat = setInterval(() => {
          const now = performance.now();
          worstGap = Math.max(worstGap, now - last);
          last = now;
        }, 10);
        const t0 = performance.now();
        const pending = prepared.map((p) => {
          try {
            return Promise.resolve(p.fn(...p.args));
          } catch (e) {
            return Promise.reject(e);
          }
        });
        const settled = await Promise.allSettled(pending);
        const t1 = performance.now();
        worstGap = Math.max(worstGap, t1 - last);
        clearInterval(beat);
        // let the observer deliver the last long task
        await new Promise((r) => setTimeout(r, 100));
        observer.disconnect();
        document.removeEventListener("pointerdown", onClick, true);
        // clicks made and handled while results were pending
        const during = clicks.filter((c) => c.input >= t0 && c.at <= t1);
        resolve({
          allResultsMs: t1 - t0,
          longestTaskMs: Math.max(0, ...longTasks),
          longTasks: longTasks.length,
          worstHeartbeatGapMs: worstGap,
          clicksDuring: during.length,
          slowestClickMs: Math.max(0, ...during.map((c) => c.latency)),
          outcomes: settled.map((s) =>
            s.status === "fulfilled"
              ? { value: s.value }
              : { error: String((s.reason as Error)?.message ?? s.reason) }
          ),
        });
      }, 0);
    });
  });
}

/** Where the test clicks: the pane's empty lower right corner (a click the pane handles at once, so
 *  that its delay is the time the page's thread was busy elsewhere). */
const CLICK = { x: 355, y: 895 };

/** Clicks the pane every 200 ms until the recalculation in the page has settled. */
async function recalc(page: Page): Promise<Round> {
  await startRound(page);
  const done = page.evaluate(() => (window as unknown as { __recalc: Promise<Round> }).__recalc);
  let settled = false;
  void done.then(() => (settled = true));
  await new Promise((r) => setTimeout(r, 50));
  for (let k = 0; k < 50 && !settled; k++) {
    await page.mouse.click(CLICK.x, CLICK.y);
    await new Promise((r) => setTimeout(r, 200));
  }
  return done;
}

/** Equal results: text and logical values exactly, numbers to 1E-9 relative (Node's V8 and Chromium's). */
function sameOutcome(got: Outcome, want: Outcome): string | undefined {
  if ("error" in want || "error" in got)
    return JSON.stringify(got) === JSON.stringify(want)
      ? undefined
      : `${JSON.stringify(got).slice(0, 200)} != ${JSON.stringify(want).slice(0, 200)}`;
  if (got.value.length !== want.value.length) return "row count";
  for (let r = 0; r < want.value.length; r++)
    for (let c = 0; c < want.value[r].length; c++) {
      const g = got.value[r][c];
      const w = want.value[r][c];
      if (typeof w === "number" && typeof g === "number") {
        if (Math.abs(g - w) > 1e-9 * Math.max(1, Math.abs(w)))
          return `row ${r} col ${c}: ${g} != ${w}`;
      } else if (g !== w) return `row ${r} col ${c}: ${String(g)} != ${String(w)}`;
    }
  return undefined;
}

describeBrowser("recalculation of 350 cells in the shared runtime", () => {
  let harness: Harness | undefined;

  beforeAll(async () => {
    harness = await startHarness();
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
  });

  test("every result as computed directly; the pane stays responsive; a second recalculation reuses", async () => {
    if (!harness) throw new Error("no browser");
    const calls = workbookCalls();
    // computed directly in a Node process of its own (recalcWorkbook.ts)
    const file = path.join(out, "recalc-direct.json");
    fs.mkdirSync(out, { recursive: true });
    execFileSync(
      process.execPath,
      [
        path.join(root, "node_modules/tsx/dist/cli.mjs"),
        path.join(__dirname, "recalcWorkbook.ts"),
        file,
      ],
      { stdio: "inherit" }
    );
    const direct = JSON.parse(fs.readFileSync(file, "utf8")) as ReturnType<typeof directResults>;
    const expected = direct.outcomes;
    const directMs = direct.ms;
    expect(expected).toHaveLength(calls.length);
    expect(expected.every((e) => "value" in e)).toBe(true);
    // FORECAST_AUTO: the engine's forecast, seasonality 12
    calls.slice(0, FORECASTS).forEach((_call, i) => {
      expect((expected[i] as { value: number[][] }).value.map((r) => r[0])).toEqual(
        direct.engineMeans[i]
      );
    });

    const { page, problems } = await harness.openPane({ displayLanguage: "en-US" });
    await page.getByRole("tab", { name: "Functions" }).waitFor();
    const associated = await page.evaluate(() =>
      [
        ...(
          window as unknown as { CustomFunctions: { functions: Map<string, unknown> } }
        ).CustomFunctions.functions.keys(),
      ].sort()
    );
    expect(associated).toEqual(
      expect.arrayContaining(["FORECAST_AUTO", "PARETO", "RFM", "RFM_SUMMARY"])
    );

    const clickTarget = await page.evaluate(({ x, y }) => {
      const e = document.elementFromPoint(x, y);
      return e ? `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}` : "none";
    }, CLICK);
    // the workbook's arguments, passed once (each round copies them in the page)
    await page.evaluate((calls) => {
      (window as unknown as Record<string, unknown>).__calls = calls;
    }, calls);
    const first = await recalc(page);
    const second = await recalc(page);
    const figures = (round: Round) => {
      const { outcomes, ...rest } = round;
      return {
        ...Object.fromEntries(
          Object.entries(rest).map(([k, v]) => [k, Math.round((v as number) * 10) / 10])
        ),
        errors: outcomes.filter((o) => "error" in o).length,
      };
    };
    const report = {
      measured: new Date().toISOString(),
      workbook: `${FORECASTS} FORECAST_AUTO (${MONTHS} months, horizon ${HORIZON}) + 50 RFM/RFM_SUMMARY/PARETO (${TRANSACTIONS} transactions each)`,
      directInNodeMs: Math.round(directMs),
      clickTarget,
      first: figures(first),
      second: figures(second),
    };
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, "recalc.json"), JSON.stringify(report, null, 2) + "\n");
    console.log(
      `recalculation figures (test/.out/recalc.json):\n${JSON.stringify(report, null, 2)}`
    );

    for (const round of [first, second]) {
      expect(round.outcomes).toHaveLength(calls.length);
      const wrong = round.outcomes
        .map((o, i) => [i, sameOutcome(o, expected[i])] as const)
        .filter(([, problem]) => problem !== undefined);
      expect(wrong.slice(0, 3)).toEqual([]);
    }
    // The pane is never held for long: the work runs in many short tasks, not one (synchronous
    // functions make one task as long as the whole recalculation); the bound is 1 s, or a tenth of
    // the recalculation on a machine so loaded that one call alone takes longer.
    const longestBlock = Math.max(first.longestTaskMs, first.worstHeartbeatGapMs);
    expect(longestBlock).toBeLessThan(Math.max(1000, first.allResultsMs / 10));
    expect(first.clicksDuring).toBeGreaterThan(0);
    expect(first.slowestClickMs).toBeLessThan(Math.max(1000, first.allResultsMs / 10));
    // The second recalculation reuses every result: far quicker than the first.
    expect(second.allResultsMs).toBeLessThan(first.allResultsMs / 3);
    expect(problems).toEqual([]);
  }, 600_000);
});
