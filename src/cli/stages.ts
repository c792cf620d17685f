// A company's own stage table for the pipeline report, read from a CSV file: stage name, win
// probability (30% or 0.3) and optionally the forecast category, with an optional header row.

import fs from "node:fs";
import { StageEntry } from "../report/pipeline";
import { InputProblem, fileErrorCode } from "./common";
import { decodeText, readCsv } from "./read";

/** Reads a stage table CSV file (see parseStages). */
export function readStages(file: string): StageEntry[] {
  let text: string;
  try {
    text = decodeText(fs.readFileSync(file));
  } catch (e) {
    throw new InputProblem(`${file}: cannot read the file (${fileErrorCode(e)})`);
  }
  return parseStages(text, file);
}

/** A stage table as CSV text: stage, probability, optional category; a header row is skipped. */
export function parseStages(text: string, file: string): StageEntry[] {
  const rows = readCsv(text, file).values.filter((r) => r.some((c) => String(c).trim() !== ""));
  const isProbability = (v: unknown) =>
    typeof v === "number" || /^\s*\d+(\.\d+)?\s*%?\s*$/.test(String(v));
  const body = rows.length > 0 && !isProbability(rows[0][1]) ? rows.slice(1) : rows;
  const first = rows.length - body.length;
  if (body.length === 0) throw new InputProblem(`${file}: the stage table has no stages`);
  return body.map((r, i) => {
    const name = String(r[0] ?? "").trim();
    const probability = r[1];
    if (name === "")
      throw new InputProblem(`${file}, row ${first + i + 1}, column 1: the stage name is blank`);
    if (!isProbability(probability))
      throw new InputProblem(
        `${file}, row ${first + i + 1}, column 2: ${JSON.stringify(String(probability ?? ""))} is not a probability such as 30% or 0.3`
      );
    const category = String(r[2] ?? "").trim();
    return {
      name,
      probability: typeof probability === "number" ? probability : String(probability).trim(),
      category: category === "" ? null : category,
    };
  });
}
