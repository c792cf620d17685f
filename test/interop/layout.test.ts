/* global console */
// The charts and page setup of the kam command's workbooks in LibreOffice, which has never seen the
// add-in:
// - Charts: `kam demo` (English and Chinese) and `kam report` are converted to flat OpenDocument
//   (.fods) by headless LibreOffice; every chart the report describes must be there as a chart
//   object of the right type, with each series on the sheet range the report gave and data in it.
// - Print: each demo sheet alone is converted to PDF; every page must be landscape, and the number
//   of pages must be what one page wide allows: the print area's height, scaled to fit its width on
//   the page, over the page's printable height (with slack for taller rows), never a multiple of it
//   from columns spilling onto further pages. A control with the width left free must fail that.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { kam, root } from "../support/kam";
import { demoSheets } from "../../src/cli/demo";
import { workbookBytes } from "../../src/cli/xlsx";
import { ChartSpec, ReportSheet, areaA1 } from "../../src/report/model";
import { printSetup } from "../../src/report/print";
import { zipEntries } from "../support/zip";
import { SKIP, announceSkip, convert } from "./libreoffice";
import { PdfPage, pdfPages } from "./pdf";

const CREATED = "2025-01-31T08:00:00.000Z";
let dir = "";
const cleanups: (() => void)[] = [];
const sheets: Record<"en" | "zh", ReportSheet[]> = { en: [], zh: [] };
const fods = new Map<string, string>();
const pdfs = new Map<string, PdfPage[]>();
const files: Record<string, string> = {};
/** One-sheet workbooks: file → the sheet it holds. */
const single = new Map<string, ReportSheet>();

if (SKIP) announceSkip("LibreOffice interop (charts and print)");

// ---- what LibreOffice made of the charts -----------------------------------------------------------

interface LoChart {
  sheet: string;
  chartClass: string;
  /** For each series: its values (a bubble's sizes), and its domains (a bubble's y and x values). */
  series: { range: string; domains: string[]; chartClass: string; axis: string }[];
  /** Numbers in the chart's own data table (what it draws). */
  numbers: number[];
}

const unescape = (s: string) =>
  s
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The chart objects of a flat ODS file, with the sheet each one is drawn on. */
function loCharts(xml: string, sheetNames: string[]): LoChart[] {
  // Where each sheet's table starts (embedded charts hold tables of their own, named otherwise).
  const starts: { name: string; at: number }[] = [];
  for (const m of xml.matchAll(/<table:table table:name="([^"]*)"/g)) {
    const name = unescape(m[1]);
    if (sheetNames.includes(name)) starts.push({ name, at: m.index ?? 0 });
  }
  const sheetAt = (at: number) => [...starts].reverse().find((s) => s.at <= at)?.name ?? "";
  const charts: LoChart[] = [];
  for (const m of xml.matchAll(/<office:chart>([\s\S]*?)<\/office:chart>/g)) {
    const body = m[1];
    const chartClass = /<chart:chart [^>]*chart:class="([^"]+)"/.exec(body)?.[1] ?? "";
    const series = [...body.matchAll(/<chart:series ([^>]*)>([\s\S]*?)<\/chart:series>/g)].map(
      (s) => ({
        range: unescape(/chart:values-cell-range-address="([^"]*)"/.exec(s[1])?.[1] ?? ""),
        domains: [...s[2].matchAll(/<chart:domain table:cell-range-address="([^"]*)"/g)].map((d) =>
          unescape(d[1])
        ),
        chartClass: /chart:class="([^"]+)"/.exec(s[1])?.[1] ?? chartClass,
        axis: /chart:attached-axis="([^"]+)"/.exec(s[1])?.[1] ?? "primary-y",
      })
    );
    const numbers = [...body.matchAll(/office:value-type="float" office:value="([^"]+)"/g)].map(
      (v) => Number(v[1])
    );
    charts.push({ sheet: sheetAt(m.index ?? 0), chartClass, series, numbers });
  }
  return charts;
}

/** A range as LibreOffice writes it in ODF: 'KAM Accounts'.B17:'KAM Accounts'.B46. */
function odfRange(sheet: string, a1: string): string {
  const q = `'${sheet.replace(/'/g, "''")}'`;
  return a1
    .split(":")
    .map((p) => `${q}.${p}`)
    .join(":");
}

function expectedClass(spec: ChartSpec, s: ChartSpec["series"][number]): string {
  if (spec.kind === "bubble") return "chart:bubble";
  if (spec.kind === "scatter") return "chart:scatter";
  if (spec.kind === "pie") return "chart:circle";
  if (spec.kind === "line") return s.kind === "column" ? "chart:bar" : "chart:line";
  return s.secondaryAxis || s.kind === "line" ? "chart:line" : "chart:bar";
}

/** Problems: each chart of `sheet` (with values) must be one LibreOffice chart with its series. */
function checkCharts(sheet: ReportSheet, found: LoChart[]): string[] {
  const problems: string[] = [];
  const mine = found.filter((c) => c.sheet === sheet.name);
  const specs = sheet.charts.filter((c) => c.series.some((s) => s.values.rows > 0));
  if (mine.length !== specs.length)
    problems.push(`${sheet.name}: ${specs.length} charts described, ${mine.length} in LibreOffice`);
  for (const spec of specs) {
    const series = spec.series.filter((s) => s.values.rows > 0);
    // LibreOffice keeps a bubble series' sizes as its values, its y and x values as domains.
    const ranges = series.map((s) =>
      odfRange(sheet.name, areaA1(spec.kind === "bubble" && s.sizes ? s.sizes : s.values))
    );
    const chart = mine.find(
      (c) => c.series.length === series.length && ranges.every((r, i) => c.series[i]?.range === r)
    );
    if (!chart) {
      problems.push(`${sheet.name}: chart "${spec.title}" (${ranges.join(", ")}) is missing`);
      continue;
    }
    series.forEach((s, i) => {
      if (spec.kind === "bubble") {
        const domains = [s.values, s.categories].map((a) => odfRange(sheet.name, areaA1(a)));
        if (domains.join() !== chart.series[i].domains.join())
          problems.push(
            `${sheet.name}: "${spec.title}" series ${i + 1} has y/x ${chart.series[i].domains}`
          );
      }
      const want = expectedClass(spec, s);
      if (chart.series[i].chartClass !== want)
        problems.push(
          `${sheet.name}: "${spec.title}" series ${i + 1} is ${chart.series[i].chartClass}, not ${want}`
        );
      if (s.secondaryAxis && chart.series[i].axis !== "secondary-y")
        problems.push(
          `${sheet.name}: "${spec.title}" series ${i + 1} is not on the secondary axis`
        );
    });
    if (!chart.numbers.some((v) => Number.isFinite(v) && v !== 0))
      problems.push(`${sheet.name}: chart "${spec.title}" has no data`);
  }
  return problems;
}

// ---- how many pages one page wide allows -------------------------------------------------------------

/** ExcelJS's default margins (inches): left/right 0.7, top/bottom 0.75. */
const MARGINS = { width: 1.4 * 72, height: 1.5 * 72 };
/** Excel's default row height (15 pt); taller rows (titles, wrapped notes) are the slack's job. */
const ROW_POINTS = 15;

/** Column width in points: n characters are 7n + 5 pixels, a pixel is 0.75 pt. */
const columnPoints = (characters: number) => (characters * 7 + 5) * 0.75;

function pageBound(sheet: ReportSheet, page: PdfPage): { bound: number; scale: number } {
  const { area } = printSetup(sheet);
  let width = 0;
  for (let c = area.column; c < area.column + area.columns; c++)
    width += columnPoints(sheet.columnWidths?.[c] ?? 8.43);
  const scale = Math.min(1, (page.width - MARGINS.width) / width);
  const height = area.rows * ROW_POINTS * scale;
  return { bound: Math.ceil((1.5 * height) / (page.height - MARGINS.height)) + 1, scale };
}

(SKIP ? describe.skip : describe)("kam workbooks in LibreOffice: charts and print", () => {
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "kam-interop-layout-"));
    files.demoEn = path.join(dir, "demo-en.xlsx");
    files.demoZh = path.join(dir, "demo-zh.xlsx");
    files.report = path.join(dir, "report-zh.xlsx");
    const runs = await Promise.all([
      kam(["demo", "--out", files.demoEn]),
      kam(["demo", "--lang", "zh", "--out", files.demoZh]),
      kam([
        "report",
        "--in",
        path.join(root, "assets/sample/zh/orders.csv"),
        "--lang",
        "zh",
        "--out",
        files.report,
      ]),
    ]);
    runs.forEach((r) => {
      if (r.status !== 0) throw new Error(`kam failed (${r.status}):\n${r.stderr}`);
    });
    sheets.en = await demoSheets("en", CREATED);
    sheets.zh = await demoSheets("zh", CREATED);
    // Each English demo sheet alone, and a control: the accounts sheet with its width left free
    // (portrait, three pages wide) must fail the page check.
    const pdfInputs: string[] = [];
    for (const [i, sheet] of sheets.en.entries()) {
      const file = path.join(dir, `sheet-${i}.xlsx`);
      fs.writeFileSync(file, (await workbookBytes({ sheets: [sheet] }, { lang: "en" })).bytes);
      single.set(file, sheet);
      pdfInputs.push(file);
    }
    const accounts = sheets.en[0];
    files.control = path.join(dir, "control.xlsx");
    const free = {
      ...accounts,
      print: { ...printSetup(accounts), orientation: "portrait" as const, fitWidth: 3 },
    };
    fs.writeFileSync(
      files.control,
      (await workbookBytes({ sheets: [free] }, { lang: "en" })).bytes
    );
    pdfInputs.push(files.control);

    const [flat, pdf] = await Promise.all([
      convert([files.demoEn, files.demoZh, files.report], "fods"),
      convert(pdfInputs, "pdf"),
    ]);
    cleanups.push(flat.cleanup, pdf.cleanup);
    for (const [input, out] of flat.files) fods.set(input, fs.readFileSync(out, "utf8"));
    for (const [input, out] of pdf.files) pdfs.set(input, pdfPages(fs.readFileSync(out)));
    console.log(`LibreOffice: .fods in ${flat.seconds} s, PDF in ${pdf.seconds} s`);
  }, 600_000);

  afterAll(() => {
    cleanups.forEach((c) => c());
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test.each([
    ["kam demo (en)", "demoEn", "en"],
    ["kam demo --lang zh", "demoZh", "zh"],
  ] as [string, string, "en" | "zh"][])(
    "%s: every chart is drawn, of its type, on its ranges, with data",
    (_, key, lang) => {
      const names = sheets[lang].map((s) => s.name);
      const found = loCharts(fods.get(files[key])!, names);
      const problems = sheets[lang].flatMap((s) => checkCharts(s, found));
      expect(problems).toEqual([]);
      // Every workflow's chart: Pareto, segments, forecast, funnel, pipeline vs target, plan, DPM
      // bubble, KPIs.
      expect(found.length).toBe(sheets[lang].reduce((n, s) => n + s.charts.length, 0));
      expect(found.length).toBeGreaterThanOrEqual(8);
      console.log(`${_}: ${found.length} charts in LibreOffice`);
    }
  );

  test("kam report (zh): every chart part in the file is a chart in LibreOffice, on its ranges", () => {
    const bytes = fs.readFileSync(files.report);
    const entries = zipEntries(bytes);
    const workbook = entries.get("xl/workbook.xml")!.toString("utf8");
    const names = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => unescape(m[1]));
    const parts = [...entries.keys()].filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    expect(parts.length).toBeGreaterThanOrEqual(3);
    const found = loCharts(fods.get(files.report)!, names);
    expect(found).toHaveLength(parts.length);
    for (const part of parts) {
      const xml = entries.get(part)!.toString("utf8");
      // The values' references (c:val / c:yVal), in the part's order.
      const refs = [...xml.matchAll(/<c:(?:val|yVal)><c:numRef><c:f>([^<]+)<\/c:f>/g)].map((m) => {
        const f = unescape(m[1]);
        const bang = f.lastIndexOf("!");
        const sheet = f.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'");
        return odfRange(sheet, f.slice(bang + 1).replace(/\$/g, ""));
      });
      // The LibreOffice chart whose first series is this part's first: the same series, in order.
      const chart = found.find((c) => c.series[0]?.range === refs[0]);
      expect({ part, ranges: chart?.series.map((s) => s.range) }).toEqual({ part, ranges: refs });
      expect({ part, data: chart!.numbers.some((v) => v !== 0) }).toEqual({ part, data: true });
    }
  });

  test("LibreOffice reads each sheet's print range, landscape fit to one page wide, header and footer", () => {
    const xml = fods.get(files.demoEn)!;
    for (const sheet of sheets.en) {
      const setup = printSetup(sheet);
      const table =
        new RegExp(`<table:table table:name="${sheet.name}"[^>]*>`).exec(xml)?.[0] ?? "";
      expect({
        sheet: sheet.name,
        range: unescape(/table:print-ranges="([^"]*)"/.exec(table)?.[1] ?? ""),
      }).toEqual({ sheet: sheet.name, range: odfRange(sheet.name, areaA1(setup.area)) });
      // The sheet's page style (LibreOffice names it after the sheet) and its page layout.
      const master = new RegExp(
        `<style:master-page [^>]*style:display-name="PageStyle_${sheet.name}" style:page-layout-name="([^"]+)">([\\s\\S]*?)</style:master-page>`
      ).exec(xml);
      expect(master).not.toBeNull();
      const layout = new RegExp(
        `<style:page-layout style:name="${master![1]}"[^>]*>\\s*<style:page-layout-properties ([^>]*)>`
      ).exec(xml)?.[1];
      expect(layout).toContain('style:print-orientation="landscape"');
      expect(layout).toContain('style:scale-to-X="1"');
      expect(layout).not.toMatch(/style:scale-to-Y="[1-9]/);
      const header = /<style:header>([\s\S]*?)<\/style:header>/.exec(master![2])?.[1] ?? "";
      expect(unescape(header.replace(/<[^>]+>/g, ""))).toContain(
        setup.header.left.replace(/&&/g, "&")
      );
      const footer = /<style:footer>([\s\S]*?)<\/style:footer>/.exec(master![2])?.[1] ?? "";
      expect(footer).toContain("<text:page-number>");
      expect(footer).toContain("<text:page-count>");
    }
  });

  test("each demo sheet prints landscape and one page wide: pages within what its height needs", () => {
    const lines: string[] = [];
    for (const [file, sheet] of single) {
      const pages = pdfs.get(file)!;
      expect({
        sheet: sheet.name,
        portrait: pages.filter((p) => p.width <= p.height).length,
      }).toEqual({ sheet: sheet.name, portrait: 0 });
      const { bound, scale } = pageBound(sheet, pages[0]);
      lines.push(
        `${sheet.name}: ${pages.length} pages (bound ${bound}, scale ${scale.toFixed(2)})`
      );
      expect({ sheet: sheet.name, pages: pages.length <= bound }).toEqual({
        sheet: sheet.name,
        pages: true,
      });
    }
    console.log(lines.join("\n"));
    // The control (portrait, three pages wide) fails both checks: the check is not vacuous.
    const control = pdfs.get(files.control)!;
    expect(control.every((p) => p.width < p.height)).toBe(true);
    expect(control.length).toBeGreaterThan(pageBound(sheets.en[0], control[0]).bound);
  });
});
