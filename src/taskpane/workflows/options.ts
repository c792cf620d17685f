// The options each workflow asks for, as fields the pane renders, and their parsing into builder
// options. Keys are the builders' option names; a blank optional field leaves the builder's default.

import { WorkflowId } from "../../report/model";
import { OptionSpec, WORKFLOW_OPTIONS, readOptionText } from "../../report/options";

// The fields are the workflow's declared options (src/report/options.ts): the same bounds as the
// builder and the `kam report` flags.
export type OptionField = OptionSpec;
export { WORKFLOW_OPTIONS };

export type RawOptions = Record<string, string | boolean>;

/** The fields' starting values: defaults as text ("0.95" shows as "95%"), booleans as booleans. */
export function initialOptions(workflow: WorkflowId): RawOptions {
  const out: RawOptions = {};
  for (const f of WORKFLOW_OPTIONS[workflow]) {
    if (f.kind === "boolean") out[f.key] = f.default;
    else if (f.kind === "choice") out[f.key] = f.default;
    else if (f.kind === "percent")
      out[f.key] = f.default === undefined ? "" : `${round(f.default * 100)}%`;
    else if (f.kind === "number") out[f.key] = f.default === undefined ? "" : String(f.default);
    else out[f.key] = "";
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export type ParsedOptions =
  | { ok: true; options: Record<string, number | string | boolean> }
  | { ok: false; key: string; problem: "number" | "date" | "range" | "integer" };

/** Text fields to builder options; the first bad field is reported. "auto" choices are left out. */
export function parseOptions(workflow: WorkflowId, raw: RawOptions): ParsedOptions {
  const options: Record<string, number | string | boolean> = {};
  for (const f of WORKFLOW_OPTIONS[workflow]) {
    const value = raw[f.key];
    if (f.kind === "boolean") {
      options[f.key] = value === true;
      continue;
    }
    const text = typeof value === "string" ? value.trim() : "";
    if (f.kind === "choice") {
      if (text !== "" && text !== "auto" && f.choices.includes(text)) options[f.key] = text;
      else if (text === "auto" && f.key === "method") options[f.key] = "auto";
      continue;
    }
    if (text === "") continue;
    const read = readOptionText(f, text);
    if ("problem" in read) {
      const p = read.problem;
      return { ok: false, key: f.key, problem: p === "choice" ? "number" : p };
    }
    options[f.key] = read.value;
  }
  return { ok: true, options };
}
