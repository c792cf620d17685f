/* global __dirname */
// The forecast report builder: daily orders become monthly sales, each series is forecast and
// back-tested by the engine, and the sheet holds exactly the engine's numbers and consistent formulas.

import fs from "fs";
import path from "path";
import { describe, expect, test } from "@jest/globals";
import { autoForecast } from "../../src/engine/forecast/auto";
import { backtest } from "../../src/engine/forecast/backtest";
import { forecastSeries } from "../../src/engine/forecast/batch";
import { fillGaps } from "../../src/engine/forecast/series";
import { thetaForecast } from "../../src/engine/forecast/theta";
import { uniformGenerator } from "../../src/engine/random";
import { serialFromYmd, ymdFromSerial } from "../../src/engine/calendar";
import { buildForecastReport } from "../../src/report/forecast";
import { CellContent, ReportSheet, isLive } from "../../src/report/model";
import { Dataset } from "../../src/report/roles";
import { serial, sheetDataset } from "./datasets";
import {
  Grid,
  Value,
  expectFormulasConsistent,
  expectWellFormed,
  findRow,
  keyFigure,
  tableRows,
  texts,
  valueOf,
} from "./reportCheck";

const CREATED = "2025-02-01T00:00:00.000Z";

interface Row {
  series?: string;
  date?: number;
  value: number;
}

function dataset(rows: Row[], sheet = "Orders"): Dataset {
  const hasSeries = rows.some((r) => r.series !== undefined);
  const hasDate = rows.some((r) => r.date !== undefined);
  const columns = [
    hasSeries ? { role: "series" as const, text: rows.map((r) => r.series ?? "") } : undefined,
    hasDate ? { role: "date" as const, numbers: rows.map((r) => r.date ?? NaN) } : undefined,
    { role: "value" as const, numbers: rows.map((r) => r.value) },
  ];
  return sheetDataset("forecast", sheet, columns, true);
}

/** Daily orders 2022-01-01 .. end for `accounts` accounts, with trend and yearly seasonality. */
function dailyOrders(accounts: number, seed: number, end = serial(2024, 12, 31)): Row[] {
  const rnd = uniformGenerator(seed);
  const rows: Row[] = [];
  const start = serial(2022, 1, 1);
  const params = Array.from({ length: accounts }, (_, a) => ({
    name: `Account ${String(a + 1).padStart(2, "0")}`,
    level: 200 + 800 * rnd(),
    growth: 0.0003 * rnd(),
    amplitude: 0.2 + 0.3 * rnd(),
    p: 0.25 + 0.3 * rnd(),
  }));
  for (let d = start; d <= end; d++) {
    const month = ymdFromSerial(d)[1];
    const season = 1 + Math.sin((2 * Math.PI * (month - 3)) / 12);
    for (const a of params) {
      if (rnd() > a.p) continue;
      const amount =
        a.level *
        (1 + a.growth * (d - start)) *
        (1 + a.amplitude * (season - 1)) *
        (0.6 + 0.8 * rnd());
      rows.push({ series: a.name, date: d, value: Math.round(amount * 100) / 100 });
    }
  }
  return rows;
}

/** Monthly totals of one series, computed here independently of the builder. */
function monthly(rows: Row[], series?: string): { keys: string[]; values: (number | null)[] } {
  const by = new Map<string, number>();
  for (const r of rows) {
    if (series !== undefined && r.series !== series) continue;
    const [y, m] = ymdFromSerial(r.date as number);
    const k = `${y}-${String(m).padStart(2, "0")}`;
    by.set(k, (by.get(k) ?? 0) + r.value);
  }
  const keys = Array.from(by.keys()).sort();
  const [y0, m0] = keys[0].split("-").map(Number);
  const [y1, m1] = keys[keys.length - 1].split("-").map(Number);
  const all: string[] = [];
  for (let k = y0 * 12 + m0 - 1; k <= y1 * 12 + m1 - 1; k++)
    all.push(`${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`);
  return { keys: all, values: all.map((k) => by.get(k) ?? null) };
}

function rel(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(1, Math.abs(b));
}

function expectClose(got: CellContent | undefined, want: number): void {
  const v = valueOf(got);
  expect(typeof v).toBe("number");
  expect(rel(v as number, want)).toBeLessThan(1e-9);
}

describe("one series: daily orders of one account become a monthly forecast", () => {
  const rows = dailyOrders(1, 11).filter(
    // No orders at all in 2023-04: the rows are transactions, so the month had no sales, 0 — said
    // on the sheet (a table of monthly totals with a missing row is interpolated instead: below).
    (r) =>
      !(ymdFromSerial(r.date as number)[0] === 2023 && ymdFromSerial(r.date as number)[1] === 4)
  );
  const m = monthly(rows);
  const history = m.values.map((v) => v ?? 0);
  const H = 6;
  let sheet: ReportSheet;
  const progress: [number, number][] = [];

  test("builds with the comparison of every method", async () => {
    // One back-test origin and a 6-month horizon keep the test fast (ETS fits are slow under jest).
    sheet = await buildForecastReport(dataset(rows), {
      lang: "en",
      created: CREATED,
      compare: true,
      horizon: H,
      origins: 1,
      onProgress: (d, t) => progress.push([d, t]),
    });
    expect(sheet.name).toBe("KAM Forecast");
    expect(sheet.marker.workflow).toBe("forecast");
    expectWellFormed(sheet);
    expect(expectFormulasConsistent(sheet)).toBeGreaterThan(5);
    expect(progress[progress.length - 1][0]).toBe(progress[progress.length - 1][1]);
  });

  test("figures and warnings for kam report --json: one series, the method, the gap", () => {
    expect(sheet.figures).toEqual({
      series: 1,
      method: "auto",
      horizon: H,
      frequency: "month",
      not_forecast: 0,
    });
    expect(sheet.warnings).toEqual([
      texts(sheet).find((t) =>
        t.startsWith("1 month inside the histories has no row: the rows are transactions")
      ),
    ]);
  });

  test("the history is the monthly totals, the month without orders 0 and noted", () => {
    expect(m.keys.length).toBe(36);
    const body = tableRows(sheet, "KAM_Forecast");
    expect(body.length).toBe(36 + H);
    body.slice(0, 36).forEach((r, i) => {
      const [y, mo] = m.keys[i].split("-").map(Number);
      expect(r[0]).toBe(serialFromYmd(y, mo, 1));
      expectClose(r[1], m.values[i] ?? 0);
    });
    expect(body[15][1]).toBe(0); // 2023-04
    expect(body[36][0]).toBe(serialFromYmd(2025, 1, 1));
    expect(body[36 + H - 1][0]).toBe(serialFromYmd(2025, H, 1));
    expect(texts(sheet).some((t) => /interpolation/.test(t))).toBe(false);
    expect(texts(sheet).some((t) => /rows give 36 period totals/.test(t))).toBe(true);
    const format = sheet.formats.find(
      (f) => f.area.column === 0 && f.area.row === findRow(sheet, "Period") + 1
    );
    expect(format?.style.numberFormat).toBe("month");
  });

  test("forecast, interval and compared methods are the engine's", () => {
    const auto = autoForecast(history, H, 12, 0.95);
    // The compare columns are the single methods' forecasts.
    const smooth = forecastSeries(history, H, { method: "smooth", period: 12 });
    const damped = forecastSeries(history, H, { method: "damped", period: 12 });
    const theta = thetaForecast(history, H, 12);
    const ma = forecastSeries(history, H, { method: "ma", period: 12 });
    const body = tableRows(sheet, "KAM_Forecast").slice(36);
    body.forEach((r, j) => {
      expect(r[1]).toBeNull();
      expectClose(r[2], auto.mean[j]);
      expectClose(r[3], auto.lower?.[j] as number);
      expectClose(r[4], auto.upper?.[j] as number);
      // Compare columns: ETS, Theta, damped ETS, moving average, combination.
      expectClose(r[5], smooth.mean[j]);
      expectClose(r[6], theta.mean[j]);
      expectClose(r[7], damped.mean[j]);
      expectClose(r[8], ma.mean[j]);
      expectClose(r[9], auto.mean[j]);
    });
    expectClose(keyFigure(sheet, "Next period forecast"), auto.mean[0]);
    expectClose(
      keyFigure(sheet, "Total of the horizon"),
      auto.mean.reduce((s, v) => s + v, 0)
    );
    expect(valueOf(keyFigure(sheet, "Method"))).toBe("Automatic (combination)");
    expect(String(valueOf(keyFigure(sheet, "Model")))).toMatch(/ETS.*Theta/);
  });

  test("back-test accuracy is the engine's rolling-origin result, per method", () => {
    const bt = tableRows(sheet, "KAM_Backtest");
    expect(bt.length).toBe(5);
    const auto = backtest(history, H, "auto", 1, 12);
    const theta = backtest(history, H, "theta", 1, 12);
    const ma = backtest(history, H, "ma", 1, 12);
    const autoRow = bt.find((r) => r[0] === "Automatic (combination)") as CellContent[];
    const thetaRow = bt.find((r) => r[0] === "Theta") as CellContent[];
    expectClose(autoRow[2], auto.mape as number);
    expectClose(autoRow[3], auto.smape);
    expectClose(autoRow[4], auto.mase as number);
    expect(autoRow[7]).toBe("✓");
    expectClose(thetaRow[4], theta.mase as number);
    expectClose((bt.find((r) => r[0] === "Moving average") as CellContent[])[5], ma.mae);
    expect(String(bt.find((r) => r[0] === "Exponential smoothing (ETS)")?.[1])).toMatch(
      /^ETS\([AM],(N|A|Ad),(N|A|M)\)$/
    );
    expectClose(keyFigure(sheet, "Back-test MASE"), auto.mase as number);
    expect(sheet.conditionalFormats.some((c) => c.kind === "colorScale")).toBe(true);
    expect(texts(sheet).some((t) => t.startsWith("Lowest back-test MASE:"))).toBe(true);
  });

  test("a line chart of actual, forecast and the dashed interval", () => {
    expect(sheet.charts.length).toBe(1);
    const c = sheet.charts[0];
    expect(c.kind).toBe("line");
    expect(c.series.map((s) => s.name)).toEqual(["Actual", "Forecast", "Lower", "Upper"]);
    expect(c.series.map((s) => s.dashed === true)).toEqual([false, false, true, true]);
    expect(c.series[0].values.rows).toBe(36 + H);
  });

  test("in Chinese", async () => {
    const zh = await buildForecastReport(dataset(rows), {
      lang: "zh",
      created: CREATED,
      method: "theta",
      origins: 2,
    });
    expect(zh.name).toBe("KAM 销售预测");
    expectWellFormed(zh);
    expectFormulasConsistent(zh);
    expect(zh.tables[0].headers.slice(0, 5)).toEqual(["期间", "实际", "预测", "下限", "上限"]);
    expect(texts(zh).some((t) => /计为销售额 0/.test(t))).toBe(true);
    expect(zh.charts[0].title).toBe("历史与预测：Account 01");
    expect(texts(zh)).toContain("回测 MASE");
  });
});

describe("many series", () => {
  test("20 accounts of daily orders: summary, detail, top series, a failing account noted", async () => {
    const rows = dailyOrders(20, 7);
    // One more account with orders in two months only: it cannot be forecast, the others are.
    rows.push(
      { series: "Newcomer", date: serial(2024, 11, 5), value: 500 },
      { series: "Newcomer", date: serial(2024, 12, 9), value: 700 }
    );
    const progress: number[] = [];
    const sheet = await buildForecastReport(dataset(rows), {
      lang: "en",
      created: CREATED,
      method: "theta",
      onProgress: (d) => progress.push(d),
    });
    expectWellFormed(sheet);
    expectFormulasConsistent(sheet);
    expect(progress[progress.length - 1]).toBe(20);

    const summary = tableRows(sheet, "KAM_ForecastSummary");
    expect(summary.length).toBe(20);
    const detail = tableRows(sheet, "KAM_ForecastDetail");
    expect(detail.length).toBe(20 * 12);
    for (const [k, line] of summary.entries()) {
      const name = line[0] as string;
      const h = fillGaps(monthly(rows, name).values)?.values as number[];
      const f = thetaForecast(h, 12, 12, 0.95);
      const bt = backtest(h, 12, "theta", 3, 12);
      expectClose(line[3], f.mean[0]);
      expectClose(
        line[4],
        f.mean.reduce((s, v) => s + v, 0)
      );
      expectClose(line[7], bt.mase as number);
      expectClose(line[6], bt.smape);
      detail.slice(k * 12, k * 12 + 12).forEach((d, j) => {
        expect(d[0]).toBe(name);
        expectClose(d[2], f.mean[j]);
        expectClose(d[3], f.lower?.[j] as number);
      });
    }
    expect(texts(sheet)).toContain(
      'Series "Newcomer" was not forecast: it has 2 periods of data; at least 3 are needed.'
    );
    expect(valueOf(keyFigure(sheet, "Series not forecast"))).toBe(1);
    // kam report --json: the method per series, the series left out as a warning.
    expect(sheet.figures).toMatchObject({ series: 20, horizon: 12, not_forecast: 1 });
    const methods = sheet.figures?.method as Record<string, string>;
    expect(Object.keys(methods)).toEqual(summary.map((l) => l[0]));
    for (const l of summary)
      expect(methods[l[0] as string]).toBe(
        l[1] === "Theta, seasonally adjusted" ? "theta (seasonal)" : "theta"
      );
    expect(sheet.warnings).toContain(
      'Series "Newcomer" was not forecast: it has 2 periods of data; at least 3 are needed.'
    );
    // The chart shows the largest account by sales to date, and says which.
    const totals = summary.map((l) => {
      const v = monthly(rows, l[0] as string).values.filter((x): x is number => x !== null);
      return v.reduce((s, x) => s + x, 0);
    });
    const top = summary[totals.indexOf(Math.max(...totals))][0] as string;
    expect(texts(sheet)).toContain(`Largest series by sales to date: ${top}`);
    expect(sheet.charts[0].title).toBe(`History and forecast: ${top}`);
  });

  test("40 monthly product series (wide layout turned long), moving average, in Chinese", async () => {
    const rnd = uniformGenerator(3);
    const rows: Row[] = [];
    for (let p = 1; p <= 40; p++) {
      const level = 50 + 200 * rnd();
      for (let t = 0; t < 30; t++)
        rows.push({
          series: `P-${p}`,
          date: serial(2022 + Math.floor((t + 6) / 12), ((t + 6) % 12) + 1, 1),
          value: Math.round(
            level * (1 + 0.3 * Math.sin((2 * Math.PI * t) / 12)) * (0.9 + 0.2 * rnd())
          ),
        });
    }
    // All 40 with the moving average: fast, no interval columns.
    const all = await buildForecastReport(dataset(rows), {
      lang: "zh",
      created: CREATED,
      method: "ma",
    });
    expectWellFormed(all);
    expectFormulasConsistent(all);
    const detail = tableRows(all, "KAM_ForecastDetail");
    expect(detail.length).toBe(40 * 12);
    const p7 = rows.filter((r) => r.series === "P-7").map((r) => r.value);
    const f = forecastSeries(p7, 12, { method: "ma", period: 12 });
    detail.slice(6 * 12, 7 * 12).forEach((d, j) => expectClose(d[2], f.mean[j]));
    expect(detail[6 * 12][1]).toBe(serialFromYmd(2025, 1, 1));
    const summary = tableRows(all, "KAM_ForecastSummary");
    expect(summary[6][1]).toBe("最近 12 期的平均");
    expectClose(summary[6][7], backtest(p7, 12, "ma", 3, 12).mase as number);
    expect(all.tables.find((t) => t.name === "KAM_ForecastDetail")?.headers).toEqual([
      "序列",
      "期间",
      "预测",
    ]);
  });
});

describe("M3 competition series (Makridakis & Hibon 2000, Mcomp data)", () => {
  // the first two yearly series, copied into the repo from the Mcomp data (test/fixtures/m3)
  const file = path.resolve(__dirname, "../fixtures/m3/yearly-first-two.json");
  test("two yearly series, automatic method and back-test: the engine's numbers", async () => {
    const all = JSON.parse(fs.readFileSync(file, "utf8")) as {
      id: string;
      period: string;
      start: [number, number];
      h: number;
      x: number[];
    }[];
    const picked = all.filter((s) => s.period === "YEARLY").slice(0, 2);
    const rows: Row[] = picked.flatMap((s) =>
      s.x.map((v, t) => ({ series: s.id, date: serial(s.start[0] + t, 1, 1), value: v }))
    );
    const sheet = await buildForecastReport(dataset(rows), {
      lang: "en",
      created: CREATED,
      horizon: picked[0].h,
    });
    expectWellFormed(sheet);
    expectFormulasConsistent(sheet);
    expect(valueOf(keyFigure(sheet, "Periods"))).toBe("Yearly");
    const detail = tableRows(sheet, "KAM_ForecastDetail");
    const summary = tableRows(sheet, "KAM_ForecastSummary");
    picked.forEach((s, k) => {
      const f = autoForecast(s.x, s.h, 1, 0.95);
      for (let j = 0; j < s.h; j++) {
        expect(detail[k * s.h + j][0]).toBe(s.id);
        expect(detail[k * s.h + j][1]).toBe(String(s.start[0] + s.x.length + j));
        expectClose(detail[k * s.h + j][2], f.mean[j]);
        expectClose(detail[k * s.h + j][4], f.upper?.[j] as number);
      }
      const bt = backtest(s.x, s.h, "auto", 3, 1);
      expectClose(summary[k][5], bt.mape as number);
      expectClose(summary[k][7], bt.mase as number);
    });
  });
});

describe("live formulas", () => {
  const rnd = uniformGenerator(5);
  const rows: Row[] = Array.from({ length: 24 }, (_, t) => ({
    date: serial(2019 + Math.floor(t / 4), (t % 4) * 3 + 1, 1),
    value: Math.round(1000 + 10 * t + 200 * Math.sin((2 * Math.PI * t) / 4) + 50 * rnd()),
  }));

  test("one quarterly series, one row per quarter: =KAM.FORECAST_AUTO at the forecast anchor", async () => {
    const data = dataset(rows, "Sales");
    const sheet = await buildForecastReport(data, {
      lang: "en",
      created: CREATED,
      live: true,
      backtest: false,
    });
    expect(sheet.live).toBe(true);
    const cells = new Grid(sheet);
    const live = cells.all().filter((c) => isLive(c.content));
    expect(live.length).toBe(1);
    const anchor = live[0];
    const f = autoForecast(
      rows.map((r) => r.value),
      4,
      4,
      0.95
    );
    expect(anchor.content).toEqual({
      live: "=KAM.FORECAST_AUTO(Sales!C2:C25,4,4,0.95)",
      value: f.mean[0],
    });
    // The spill area (4 rows × forecast, lower, upper) is left empty; no Excel table holds it.
    const spill: Value[][] = [];
    for (let j = 0; j < 4; j++) {
      spill.push([]);
      for (let c = 0; c < 3; c++) {
        if (j > 0 || c > 0) expect(cells.get(anchor.row + j, anchor.column + c)).toBeNull();
        spill[j].push([f.mean, f.lower, f.upper][c]?.[j] as number);
      }
    }
    for (const t of sheet.tables) {
      const inTable =
        anchor.row >= t.area.row &&
        anchor.row < t.area.row + t.area.rows &&
        anchor.column >= t.area.column &&
        anchor.column < t.area.column + t.area.columns;
      expect(inTable).toBe(false);
    }
    const grid = new Grid(sheet, [{ row: anchor.row, column: anchor.column, values: spill }]);
    expectWellFormed(grid, true);
    expectFormulasConsistent(grid);
    expect(texts(sheet).some((t) => t.startsWith("Live mode:"))).toBe(true);
  });

  test("aggregated daily data cannot be live: a note, and a portable sheet", async () => {
    const sheet = await buildForecastReport(dataset(dailyOrders(1, 2)), {
      lang: "en",
      created: CREATED,
      live: true,
      method: "theta",
      backtest: false,
    });
    expect(sheet.live).toBeUndefined();
    expectWellFormed(sheet);
    expect(texts(sheet).some((t) => t.startsWith("Live formulas were not written"))).toBe(true);
  });
});

describe("bad input", () => {
  test("one value: a clear message, in both languages", async () => {
    const one = dataset([{ date: serial(2024, 1, 1), value: 5 }]);
    await expect(buildForecastReport(one, { lang: "en" })).rejects.toThrow(
      "The data cannot be forecast: it has 1 period of data; at least 3 are needed."
    );
    await expect(buildForecastReport(one, { lang: "zh" })).rejects.toThrow(
      "数据无法预测：只有 1 期数据，至少需要 3 期。"
    );
  });

  test("no rows at all", async () => {
    await expect(buildForecastReport(dataset([]), { lang: "en" })).rejects.toThrow(
      "The forecast needs data"
    );
  });

  test("options out of range", async () => {
    const d = dataset([1, 2, 3, 4, 5].map((v) => ({ value: v })));
    await expect(buildForecastReport(d, { lang: "en", horizon: 0 })).rejects.toThrow(
      "The horizon 0 is not allowed"
    );
    await expect(buildForecastReport(d, { lang: "en", confidence: 1.5 })).rejects.toThrow(
      "The confidence level 1.5"
    );
    await expect(buildForecastReport(d, { lang: "en", frequency: 30 })).rejects.toThrow(
      "The frequency 30 is not allowed"
    );
  });

  test("every series failing gives one message naming them", async () => {
    const d = dataset([
      { series: "A", value: 1 },
      { series: "B", value: 2 },
    ]);
    await expect(buildForecastReport(d, { lang: "en" })).rejects.toThrow(
      /No series could be forecast.*"A" was not forecast/
    );
  });

  test("an incomplete last month is left out and said", async () => {
    const rows = dailyOrders(1, 4, serial(2025, 1, 12));
    rows.push({ series: "Account 01", date: serial(2025, 1, 12), value: 100 });
    const sheet = await buildForecastReport(dataset(rows), {
      lang: "en",
      created: CREATED,
      method: "theta",
      backtest: false,
    });
    expect(texts(sheet)).toContain(
      "The last period 2025-01 is incomplete (data to 2025-01-12) and is left out of the history."
    );
    expect(sheet.warnings).toEqual([
      "The last period 2025-01 is incomplete (data to 2025-01-12) and is left out of the history.",
    ]);
    expect(sheet.figures?.method).toMatch(/^theta( \(seasonal\))?$/);
    expect(tableRows(sheet, "KAM_Forecast").length).toBe(36 + 12);
    expectWellFormed(sheet);
  });

  test("without dates: rows in order, seasonal period detected, blanks recorded as gaps", async () => {
    const values = Array.from(
      { length: 48 },
      (_, t) => 100 + 30 * Math.sin((2 * Math.PI * t) / 12) + t
    );
    // The source reader records a blank value (row 21 of the data) as a gap before data row 20.
    const kept = values.filter((_, t) => t !== 20);
    const d = Object.assign(dataset(kept.map((v) => ({ value: v }))), { gaps: [{ before: 20 }] });
    const sheet = await buildForecastReport(d, { lang: "en", created: CREATED, method: "theta" });
    expectWellFormed(sheet);
    expectFormulasConsistent(sheet);
    expect(valueOf(keyFigure(sheet, "Seasonal period"))).toBe(12);
    const body = tableRows(sheet, "KAM_Forecast");
    expect(body[0][0]).toBe(1);
    expect(body[20][1]).toBeNull();
    expect(body[48][0]).toBe(49);
    const filled = fillGaps(values.map((v, t) => (t === 20 ? null : v)))?.values as number[];
    const f = thetaForecast(filled, 12, 12, 0.95);
    expectClose(body[48][2], f.mean[0]);
    expect(texts(sheet).some((t) => /^1 period without data \(21\)/.test(t))).toBe(true);
  });
});
