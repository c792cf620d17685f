/* global process, __dirname */
// `kam demo`: the full analysis workbook (accounts, forecast, pipeline, plan, portfolio, KPIs, sales
// team) from the sample data shipped in assets/sample, read and built exactly as `kam report` reads a
// user's files (the sales team's order list as its --orders extra source).

import fs from "node:fs";
import path from "node:path";
import { ReportSheet, WorkflowId } from "../report/model";
import {
  InputProblem,
  checkOutput,
  parseLang,
  parseOptions,
  progressLine,
  say,
  writeOutput,
} from "./common";
import { parseStages } from "./stages";
import { SAMPLE, SampleFileName, generateSample } from "./sample";
import { buildFromSheet } from "./workflows";
import { SheetValues, decodeText, readCsv } from "./read";
import { workbookBytes } from "./xlsx";
import { extraDataset } from "./extras";
import { Lang } from "../i18n/lang";

export const DEMO_HELP = `kam demo — the full analysis workbook from the shipped sample data

Usage:
  kam demo [--out FILE.xlsx] [--lang en|zh] [--force]

Writes one workbook with every report of the task pane — accounts (RFM, 80/20, CLV),
forecast, pipeline, plan, portfolio, KPIs and the sales team (the opportunity list with
the orders as its order list) — from the sample data in assets/sample
(a generated industrial supplier: three years of orders of 300 accounts, an opportunity
list, monthly sales per product line, account scores and the regions' targets; see
kam sample). Every formula is a native Excel formula with its result stored, so the
workbook opens in Excel or LibreOffice without the add-in.

Options:
  --out FILE    The workbook to write (default kam-demo.xlsx, kam-demo-zh.xlsx for zh).
  --lang en|zh  Language of the data and the reports (default en).
  --force       Overwrite --out if it exists (otherwise an existing file is an error).
  --help        This text.

Exit status: 0 done, 1 a problem with the files, 2 bad usage.
`;

/** The folder of the shipped sample data. */
export function sampleFolder(): string {
  return path.resolve(__dirname, "../../assets/sample");
}

/** The demo's reports: which sample file each reads. */
const PLAN: readonly [WorkflowId, SampleFileName][] = [
  ["accounts", "orders.csv"],
  ["forecast", "monthly-sales.csv"],
  ["pipeline", "opportunities.csv"],
  ["plan", "orders.csv"],
  ["portfolio", "portfolio.csv"],
  ["kpi", "orders.csv"],
  ["team", "opportunities.csv"],
];

/** The sample files of a language as sheets: from assets/sample, or generated when they are absent. */
function sampleSheets(lang: Lang): {
  sheets: Map<SampleFileName, SheetValues>;
  texts: Map<SampleFileName, string>;
  dir: string;
} {
  const dir = path.join(sampleFolder(), lang);
  const sheets = new Map<SampleFileName, SheetValues>();
  const texts = new Map<SampleFileName, string>();
  const generated = fs.existsSync(dir) ? undefined : generateSample(lang);
  if (generated) say("demo", `${dir} is missing; using the generated sample data`);
  for (const name of new Set(PLAN.map(([, f]) => f).concat(["targets.csv", "stages.csv"]))) {
    const file = path.join(dir, name);
    let text: string;
    if (generated) text = generated.find((g) => g.name === name)?.text ?? "";
    else {
      try {
        text = decodeText(fs.readFileSync(file));
      } catch (e) {
        throw new InputProblem(
          `${file}: cannot read the sample file (${e instanceof Error ? e.message : String(e)})`
        );
      }
    }
    sheets.set(name, readCsv(text, file));
    texts.set(name, text);
  }
  return { sheets, texts, dir };
}

/** Builds the demo's report sheets. */
export async function demoSheets(lang: Lang, created?: string): Promise<ReportSheet[]> {
  const { sheets, texts, dir } = sampleSheets(lang);
  const targets = sheets.get("targets.csv")?.values ?? [];
  const target = targets
    .slice(1)
    .map((r) => (typeof r[2] === "number" ? r[2] : 0))
    .reduce((a, b) => a + b, 0);
  const stages = parseStages(texts.get("stages.csv") ?? "", path.join(dir, "stages.csv"));
  const out: ReportSheet[] = [];
  // The order list as the sales team's extra source, read as kam report --orders reads it.
  const orders = extraDataset(
    "orders",
    sheets.get("orders.csv") as SheetValues,
    path.join(dir, "orders.csv"),
    true,
    { lang, note: () => undefined }
  );
  for (const [workflow, name] of PLAN) {
    const sheet = sheets.get(name) as SheetValues;
    say("demo", `${workflow}: ${name}`);
    out.push(
      ...(await buildFromSheet({
        workflow,
        sheet,
        file: path.join(dir, name),
        csv: true,
        lang,
        skipBadRows: false,
        settings: {
          options: {
            accounts: { asOf: SAMPLE.asOf },
            pipeline: { asOf: SAMPLE.asOf },
            plan: { annualTarget: target > 0 ? target : undefined, unit: 1000 },
            team: { asOf: SAMPLE.asOf },
          },
          stages,
          extras: { orders },
        },
        created,
        onProgress: progressLine("demo", workflow),
        note: (text) => say("demo", text),
      }))
    );
  }
  return out;
}

/** Runs `kam demo`; resolves to the exit status. */
export async function runDemo(args: readonly string[]): Promise<number> {
  const options = parseOptions(args, { values: ["out", "lang"], flags: ["force"] });
  if (options.help) {
    process.stdout.write(DEMO_HELP);
    return 0;
  }
  const lang = parseLang(options.values.get("lang"));
  const out = options.values.get("out") ?? (lang === "zh" ? "kam-demo-zh.xlsx" : "kam-demo.xlsx");
  const force = options.flags.has("force");
  checkOutput(out, force);
  const started = Date.now();
  const sheets = await demoSheets(lang);
  say("demo", "writing the workbook");
  const { bytes, written } = await workbookBytes({ sheets }, { lang });
  writeOutput(out, bytes, force);
  say(
    "demo",
    `wrote ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${written.sheets.map((s) => s.name).join(", ")}`
  );
  return 0;
}
