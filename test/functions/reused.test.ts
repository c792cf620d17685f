// The entry Excel calls for the long functions (src/functions/shared.ts, reused): queued, answered
// with a Promise, equal to the function computed at once; a recalculation with the same arguments
// (new arrays) reuses the kept result or input error; another value, other argument addresses or an
// unexpected failure compute again.
import { beforeAll, beforeEach, describe, expect, test } from "@jest/globals";
import { argError } from "../../src/grid";
import { guard, recentResults, reused } from "../../src/functions/shared";
import { pareto, paretoAsync } from "../../src/functions/pareto";
import { forecastAuto, forecastAutoAsync } from "../../src/functions/forecastAuto";
import { rfmAsync } from "../../src/functions/rfm";
import { forecastSmooth, forecastSmoothAsync } from "../../src/functions/forecastSmooth";
import { forecastTheta, forecastThetaAsync } from "../../src/functions/forecastTheta";
import { forecastModel, forecastModelAsync } from "../../src/functions/forecastModel";
import { backtestFunction, backtestFunctionAsync } from "../../src/functions/forecastAccuracy";
import { revenueBridge, revenueBridgeAsync } from "../../src/functions/revenueBridge";
import { whitespace, whitespaceAsync } from "../../src/functions/whitespace";
import { accountProfile, accountProfileAsync } from "../../src/functions/accountProfile";
import { at, col, installCustomFunctions } from "../support/customFunctions";

beforeAll(() => {
  installCustomFunctions();
});
beforeEach(() => recentResults.clear());

const customers = () => col("A", "B", "C", "A", "D");
const amounts = () => col(50, 30, 15, 10, 5);

describe("reused", () => {
  test("PARETO through the queue: the shares of an independent computation", async () => {
    const out = (await paretoAsync(customers(), amounts(), 0.5, 0.9, false)) as unknown[][];
    // totals: A 60, B 30, C 15, D 5 of 110
    const totals: [string, number][] = [
      ["A", 60],
      ["B", 30],
      ["C", 15],
      ["D", 5],
    ];
    let cum = 0;
    totals.forEach(([name, total], i) => {
      cum += total / 110;
      expect(out[i][0]).toBe(name);
      expect(out[i][1]).toBe(total);
      expect(out[i][2]).toBeCloseTo(total / 110, 12);
      expect(out[i][3]).toBeCloseTo(cum, 12);
    });
    expect(out).toEqual(pareto(customers(), amounts(), 0.5, 0.9, false));
  });

  test("a recalculation with equal arguments in new arrays is a hit with the same result", async () => {
    const first = await paretoAsync(customers(), amounts(), null, null, true);
    const before = recentResults.stats();
    const second = await paretoAsync(customers(), amounts(), null, null, true);
    expect(second).toEqual(first);
    expect(second).not.toBe(first); // a copy: Excel may keep what it gets
    expect(recentResults.stats().hits).toBe(before.hits + 1);
    // one amount changed: computed again, another result
    const changed = col(50, 30, 15, 10, 6);
    const third = (await paretoAsync(customers(), changed, null, null, true)) as unknown[][];
    expect(recentResults.stats().hits).toBe(before.hits + 1);
    expect(third[4][1]).toBe(6);
  });

  test("FORECAST_AUTO: the queued result equals the direct one; a second call is reused", async () => {
    const series = col(...Array.from({ length: 36 }, (_, i) => 100 + 10 * Math.sin(i / 2) + i));
    const direct = forecastAuto(series, 6, 1, 0.9);
    const queued = await forecastAutoAsync(col(...series.map((r) => r[0])), 6, 1, 0.9);
    expect(queued).toEqual(direct);
    const hits = recentResults.stats().hits;
    expect(await forecastAutoAsync(col(...series.map((r) => r[0])), 6, 1, 0.9)).toEqual(direct);
    expect(recentResults.stats().hits).toBe(hits + 1);
  });

  test("input errors are reused with their message; other argument addresses compute again", async () => {
    const call = (addresses: string[]) =>
      rfmAsync(col("A"), col("not a date"), col(5), null, null, null, at(...addresses));
    const addresses = ["Sheet1!A2:A2", "Sheet1!B2:B2", "Sheet1!C2:C2", "", "", ""];
    const error = await call(addresses).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^KAM\.RFM: dates, row 1 \(B2\)/);
    const misses = recentResults.stats().misses;
    const again = await call(addresses).catch((e: Error) => e);
    expect((again as Error).message).toBe((error as Error).message);
    expect((again as { code?: string }).code).toBe((error as { code?: string }).code);
    expect(recentResults.stats().misses).toBe(misses);
    // the same values from another sheet: the message must name the other cell
    const moved = await call(["S2!D5:D5", "S2!E5:E5", "S2!F5:F5", "", "", ""]).catch(
      (e: Error) => e
    );
    expect((moved as Error).message).toMatch(/^KAM\.RFM: dates, row 1 \(E5\)/);
  });

  test("an unexpected failure is not kept: the next call computes again", async () => {
    let runs = 0;
    const failing = () =>
      reused("KAM.TEST", [col(1)], undefined, () =>
        guard("KAM.TEST", [], () => {
          runs++;
          throw new TypeError("boom");
        })
      );
    await expect(failing()).rejects.toThrow("KAM.TEST: unexpected problem (boom)");
    await expect(failing()).rejects.toThrow("KAM.TEST: unexpected problem (boom)");
    expect(runs).toBe(2);
    // an input error from the same body is kept
    let inputRuns = 0;
    const bad = () =>
      reused("KAM.TEST", [col(2)], undefined, () =>
        guard("KAM.TEST", [], () => {
          inputRuns++;
          return argError({ fn: "KAM.TEST", arg: "x" }, "is bad");
        })
      );
    await expect(bad()).rejects.toThrow("KAM.TEST: x: is bad");
    await expect(bad()).rejects.toThrow("KAM.TEST: x: is bad");
    expect(inputRuns).toBe(1);
  });
});

describe("the other long functions go through the queue too", () => {
  const series = () => col(...Array.from({ length: 36 }, (_, i) => 100 + 10 * Math.sin(i / 2) + i));
  const days = () => col(45292, 45300, 45330, 45380, 45400);
  const products = () => col("P1", "P2", "P1", "P3", "P2");
  test.each([
    ["FORECAST_SMOOTH", () => forecastSmoothAsync(series(), 6), () => forecastSmooth(series(), 6)],
    [
      "FORECAST_THETA",
      () => forecastThetaAsync(series(), 6, 1),
      () => forecastTheta(series(), 6, 1),
    ],
    ["FORECAST_MODEL", () => forecastModelAsync(series()), () => forecastModel(series())],
    ["BACKTEST", () => backtestFunctionAsync(series(), 3), () => backtestFunction(series(), 3)],
    [
      "REVENUE_BRIDGE",
      () => revenueBridgeAsync(customers(), days(), amounts()),
      () => revenueBridge(customers(), days(), amounts()),
    ],
    [
      "WHITESPACE",
      () => whitespaceAsync(customers(), products(), amounts()),
      () => whitespace(customers(), products(), amounts()),
    ],
    [
      "ACCOUNT_PROFILE",
      () => accountProfileAsync(customers(), days(), amounts(), "A"),
      () => accountProfile(customers(), days(), amounts(), "A"),
    ],
  ])("%s: the queued answer equals the direct one, and is reused", async (_, queued, direct) => {
    const first = await queued();
    expect(first).toEqual(direct());
    const hits = recentResults.stats().hits;
    expect(await queued()).toEqual(first);
    expect(recentResults.stats().hits).toBe(hits + 1);
  });
});
