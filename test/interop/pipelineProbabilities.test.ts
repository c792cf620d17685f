/* global console */
// kam report --workflow pipeline with each choice of win probabilities, recalculated by headless
// LibreOffice: every native formula (the weighted funnel, key figures, pipeline by period, the
// back-test's error columns) equals the engine's value, so the workbook follows the chosen
// probabilities without the add-in.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { kam, root } from "../support/kam";
import { compareFiles } from "./compare";
import { Recalculated, SKIP, announceSkip, recalculate } from "./libreoffice";

let dir = "";
let recalculated: Recalculated | undefined;
const files: Record<string, string> = {};
const CRM = path.join(root, "test/fixtures/real/crm-sales-opportunities/sales_pipeline.csv");
const SAMPLE = (lang: string) => path.join(root, `assets/sample/${lang}/opportunities.csv`);

if (SKIP) announceSkip("LibreOffice interop (kam report --workflow pipeline --probabilities)");

const RUNS: Record<string, string[]> = {
  crmLearned: ["--in", CRM],
  crmRepZh: ["--in", CRM, "--probabilities", "rep", "--lang", "zh"],
  sampleTextbook: ["--in", SAMPLE("en"), "--probabilities", "textbook"],
  sampleBandZh: ["--in", SAMPLE("zh"), "--probabilities", "band", "--lang", "zh"],
  sampleMinClosed: ["--in", SAMPLE("en"), "--min-closed", "100"],
  // Per rep with a low threshold: the deals of one stage take different probabilities.
  sampleRepMixed: ["--in", SAMPLE("en"), "--probabilities", "rep", "--min-closed", "5"],
};

(SKIP ? describe.skip : describe)(
  "kam report --workflow pipeline recalculated by LibreOffice",
  () => {
    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "kam-interop-pipeline-"));
      const runs = await Promise.all(
        Object.entries(RUNS).map(([key, args]) => {
          files[key] = path.join(dir, `${key}.xlsx`);
          return kam(["report", "--workflow", "pipeline", ...args, "--out", files[key]]);
        })
      );
      runs.forEach((r) => {
        if (r.status !== 0) throw new Error(`kam failed (${r.status}):\n${r.stderr}`);
      });
      recalculated = await recalculate(Object.values(files));
    }, 300_000);

    afterAll(() => {
      recalculated?.cleanup();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    test.each(Object.keys(RUNS))(
      "%s: every formula equals the engine's value; no errors; tables survive",
      async (key) => {
        const written = files[key];
        const result = await compareFiles(written, recalculated!.files.get(written)!);
        console.log(
          `pipeline ${key}: ${result.formulas} formulas, ${result.values} values, ${result.tables} tables checked`
        );
        expect(result.problems.slice(0, 20)).toEqual([]);
        expect(result.formulas).toBeGreaterThan(30);
        // Funnel, learned stages, pipeline by period (and the back-test with created dates).
        expect(result.tables).toBeGreaterThanOrEqual(key.startsWith("crm") ? 5 : 3);
      }
    );
  }
);
