// The options each workflow asks for, as fields the pane renders, and their parsing into builder
// options. Keys are the builders' option names; a blank optional field leaves the builder's default.

import { parseNumberText } from "../../grid/values";
import { parseTextDate } from "../../grid/dates";
import { WorkflowId } from "../../report/model";

export type OptionField =
  | { key: string; kind: "number"; default?: number; min?: number; max?: number; integer?: boolean }
  | { key: string; kind: "percent"; default?: number; min?: number; max?: number }
  | { key: string; kind: "date" }
  | { key: string; kind: "choice"; choices: readonly string[]; default: string }
  | { key: string; kind: "boolean"; default: boolean };

export const WORKFLOW_OPTIONS: Readonly<Record<WorkflowId, readonly OptionField[]>> = {
  accounts: [
    { key: "asOf", kind: "date" },
    { key: "bins", kind: "number", default: 5, min: 2, max: 10, integer: true },
    { key: "paretoShare", kind: "percent", default: 0.8, min: 0.01, max: 0.99 },
  ],
  forecast: [
    { key: "horizon", kind: "number", min: 1, max: 120, integer: true },
    { key: "confidence", kind: "percent", default: 0.95, min: 0.5, max: 0.999 },
    { key: "method", kind: "choice", choices: ["auto", "smooth", "theta", "ma"], default: "auto" },
    { key: "compare", kind: "boolean", default: false },
  ],
  pipeline: [
    { key: "targets", kind: "number", min: 0 },
    { key: "periods", kind: "number", default: 12, min: 1, max: 60, integer: true },
    { key: "grain", kind: "choice", choices: ["month", "quarter", "week"], default: "month" },
  ],
  plan: [
    { key: "year", kind: "number", min: 1900, max: 9999, integer: true },
    { key: "annualTarget", kind: "number", min: 0 },
    { key: "growth", kind: "percent", default: 0.1, min: -0.99, max: 10 },
    { key: "unit", kind: "number", min: 0 },
  ],
  portfolio: [{ key: "cut", kind: "number" }],
  kpi: [
    {
      key: "grain",
      kind: "choice",
      choices: ["auto", "year", "quarter", "month"],
      default: "auto",
    },
  ],
};

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
    if (f.kind === "date") {
      const serial = parseTextDate(text);
      if (serial === undefined) return { ok: false, key: f.key, problem: "date" };
      options[f.key] = serial;
      continue;
    }
    let n = parseNumberText(text);
    if (n === undefined) return { ok: false, key: f.key, problem: "number" };
    // "95" in a percent field means 95%; "0.95" and "95%" mean the same.
    if (f.kind === "percent" && !text.endsWith("%") && Math.abs(n) > 1) n = n / 100;
    if ((f.min !== undefined && n < f.min) || (f.max !== undefined && n > f.max)) {
      return { ok: false, key: f.key, problem: "range" };
    }
    if (f.kind === "number" && f.integer && !Number.isInteger(n)) {
      return { ok: false, key: f.key, problem: "integer" };
    }
    options[f.key] = n;
  }
  return { ok: true, options };
}
