// The options each report workflow takes, declared once: key (the builder's option name), kind,
// bounds and default, and the `kam report` flag. The task pane renders its option fields from these,
// the CLI derives its flags and help from them, and the builders check their values by them, so a
// bound cannot differ between the pane, the command and the builder. Pure data: no builder here
// (src/report/registry.ts joins them).

import { parseTextDate } from "../cells/dates";
import { parseNumberText } from "../cells/values";
import { WorkflowId } from "./model";
import { MIN_CLOSED_DEALS } from "../engine/team/winrate";

interface OptionBase {
  /** The builder's option name. */
  key: string;
  /** The `kam report` flag (without --); absent: the option is not on the command line. */
  flag?: string;
  /** The CLI help's description (English, one line). */
  help: string;
}

export type OptionSpec = OptionBase &
  (
    | {
        kind: "number";
        default?: number;
        min?: number;
        max?: number;
        /** The bounds themselves are allowed (default true). */
        minOpen?: boolean;
        maxOpen?: boolean;
        integer?: boolean;
      }
    | {
        kind: "percent";
        default?: number;
        min?: number;
        max?: number;
        minOpen?: boolean;
        maxOpen?: boolean;
      }
    | { kind: "date" }
    | { kind: "choice"; choices: readonly string[]; default: string }
    | { kind: "boolean"; default: boolean }
    /** Free text (a list of names); read as written, trimmed. */
    | { kind: "text" }
  );

/** The choice of win probabilities, the same for the Pipeline and the Sales team. */
const WIN_PROBABILITY_OPTIONS: readonly OptionSpec[] = [
  {
    key: "probabilities",
    kind: "choice",
    choices: ["learned", "textbook", "rep", "band"],
    default: "learned",
    flag: "probabilities",
    help: "Probabilities that weight the pipeline: learned per stage, the textbook 10/30/50/70%, learned per rep or per deal size (learned ones need min-closed closed deals).",
  },
  {
    key: "minClosed",
    kind: "number",
    default: MIN_CLOSED_DEALS,
    min: 1,
    max: 100000,
    integer: true,
    flag: "min-closed",
    help: "Closed deals a learned win rate needs before it is used.",
  },
];

export const WORKFLOW_OPTIONS: Readonly<Record<WorkflowId, readonly OptionSpec[]>> = {
  accounts: [
    { key: "asOf", kind: "date", flag: "as-of", help: "Analysis date; later orders are left out." },
    {
      key: "bins",
      kind: "number",
      default: 5,
      min: 2,
      max: 9,
      integer: true,
      flag: "bins",
      help: "RFM score groups.",
    },
    {
      key: "paretoShare",
      kind: "percent",
      default: 0.8,
      min: 0,
      minOpen: true,
      max: 1,
      flag: "pareto-share",
      help: "Cumulative revenue share of the A class (80/20).",
    },
    {
      key: "highShare",
      kind: "percent",
      default: 0.3,
      min: 0,
      minOpen: true,
      max: 1,
      flag: "high-share",
      help: "Tier: revenue share from which an account's contribution is high.",
    },
    {
      key: "lowShare",
      kind: "percent",
      default: 0.05,
      min: 0,
      max: 1,
      maxOpen: true,
      flag: "low-share",
      help: "Tier: revenue share up to which a class-C account's contribution is low.",
    },
    {
      key: "shrinkingGrowth",
      kind: "percent",
      default: -0.1,
      min: -1,
      max: 10,
      flag: "shrinking-growth",
      help: "Tier: growth below which an account is shrinking.",
    },
    {
      key: "growingGrowth",
      kind: "percent",
      default: 0.1,
      min: -1,
      max: 10,
      flag: "growing-growth",
      help: "Tier: growth from which an account is growing.",
    },
    {
      key: "clvMonths",
      kind: "number",
      default: 12,
      min: 0,
      minOpen: true,
      max: 1200,
      flag: "clv-months",
      help: "CLV horizon in months.",
    },
    {
      key: "discount",
      kind: "percent",
      default: 0,
      min: 0,
      max: 1,
      maxOpen: true,
      flag: "discount",
      help: "CLV discount rate per month.",
    },
  ],
  forecast: [
    {
      key: "horizon",
      kind: "number",
      min: 1,
      max: 1000,
      integer: true,
      flag: "horizon",
      help: "Periods to forecast (default one season).",
    },
    {
      key: "confidence",
      kind: "percent",
      default: 0.95,
      min: 0,
      minOpen: true,
      max: 1,
      maxOpen: true,
      flag: "confidence",
      help: "Prediction-interval level.",
    },
    {
      key: "method",
      kind: "choice",
      choices: ["auto", "smooth", "theta", "ma"],
      default: "auto",
      flag: "method",
      help: "Forecast method.",
    },
    {
      key: "compare",
      kind: "boolean",
      default: false,
      help: "One series: every method side by side with its back-test.",
    },
  ],
  pipeline: [
    {
      key: "asOf",
      kind: "date",
      flag: "as-of",
      help: "Deals closing before it are overdue (default the last close date of a won or lost deal).",
    },
    {
      key: "targets",
      kind: "number",
      min: 0,
      help: "Target per period.",
    },
    {
      key: "periods",
      kind: "number",
      default: 12,
      min: 1,
      max: 600,
      integer: true,
      flag: "periods",
      help: "Periods of the pipeline forecast.",
    },
    {
      key: "grain",
      kind: "choice",
      choices: ["month", "quarter", "week"],
      default: "month",
      flag: "pipeline-grain",
      help: "Period of the pipeline forecast.",
    },
    ...WIN_PROBABILITY_OPTIONS,
  ],
  plan: [
    {
      key: "year",
      kind: "number",
      min: 1901,
      max: 9999,
      integer: true,
      flag: "year",
      help: "The plan year (default the year after the last order).",
    },
    {
      key: "annualTarget",
      kind: "number",
      min: 0,
      flag: "target",
      help:
        "The plan year's target (default last year's sales × (1 + growth)); the pipeline's " +
        "target per month is a twelfth of it.",
    },
    {
      key: "growth",
      kind: "percent",
      default: 0.1,
      min: -1,
      minOpen: true,
      max: 10,
      flag: "growth",
      help: "Growth assumption of the default target and of T+2, T+3.",
    },
    {
      key: "unit",
      kind: "number",
      min: 0,
      minOpen: true,
      flag: "unit",
      help: "Targets are whole multiples of it (e.g. 1000).",
    },
    {
      key: "splitBy",
      kind: "choice",
      choices: ["auto", "team", "owner", "region", "customer", "abc"],
      default: "auto",
      flag: "split-by",
      help:
        "The level the target is split to (auto: the first of team, owner, region the data " +
        "have; else customer, or the customers' ABC class above max-customers).",
    },
    {
      key: "maxCustomers",
      kind: "number",
      default: 50,
      min: 1,
      integer: true,
      flag: "max-customers",
      help: "Most customers that get a target each; above it the split is by ABC class.",
    },
  ],
  portfolio: [
    { key: "cut", kind: "number", help: "Score above which attractiveness or strength is high." },
  ],
  kpi: [
    {
      key: "grain",
      kind: "choice",
      choices: ["auto", "year", "quarter", "month"],
      default: "auto",
      flag: "kpi-grain",
      help: "Period of the KPI tables (auto: year from 24 months of data, else quarter).",
    },
  ],
  "account-plan": [
    {
      key: "accounts",
      kind: "text",
      flag: "accounts",
      help: 'The accounts to plan, comma-separated ("A,B"); default the core tier, at most 10.',
    },
    {
      key: "top",
      kind: "number",
      min: 1,
      max: 50,
      integer: true,
      flag: "top",
      help: "Plan the N largest accounts by revenue instead of the core tier.",
    },
    {
      key: "asOf",
      kind: "date",
      flag: "as-of",
      help: "Analysis date; later orders are left out.",
    },
    {
      key: "planGrowth",
      kind: "percent",
      min: -1,
      minOpen: true,
      max: 10,
      flag: "plan-growth",
      help: "Targets T+1..T+3 = the base year × (1 + growth) per year instead of the forecast.",
    },
    {
      key: "staleDays",
      kind: "number",
      default: 90,
      min: 1,
      max: 3650,
      integer: true,
      flag: "stale-days",
      help: "A contact not reached in this many days is flagged.",
    },
  ],
  team: [
    ...WIN_PROBABILITY_OPTIONS,
    {
      key: "asOf",
      kind: "date",
      flag: "as-of",
      help: "As-of date (default the last close date of a won or lost deal, or the last order).",
    },
    {
      key: "grain",
      kind: "choice",
      choices: ["month", "quarter", "year"],
      default: "month",
      flag: "bridge-grain",
      help: "Period of the revenue bridge.",
    },
    {
      key: "loadMin",
      kind: "number",
      default: 30,
      min: 0,
      max: 10000,
      integer: true,
      flag: "load-min",
      help: "Fewest accounts per rep.",
    },
    {
      key: "loadMax",
      kind: "number",
      default: 40,
      min: 1,
      max: 10000,
      integer: true,
      flag: "load-max",
      help: "Most accounts per rep.",
    },
    {
      key: "decline",
      kind: "percent",
      default: 0.2,
      min: 0,
      max: 1,
      flag: "decline",
      help: "Accountability: a revenue fall above this share against a year earlier.",
    },
    {
      key: "silentDays",
      kind: "number",
      default: 90,
      min: 1,
      max: 3650,
      integer: true,
      flag: "silent-days",
      help: "Accountability: days without an order that flag an account.",
    },
    {
      key: "outlookPeriods",
      kind: "number",
      min: 1,
      max: 36,
      integer: true,
      flag: "outlook-periods",
      help: "Periods of the blended outlook (default 6 months, or 2 quarters with --bridge-grain quarter or year).",
    },
  ],
};

/** The option `key` of `workflow` (a programming error when it is not declared). */
export function optionSpec(workflow: WorkflowId, key: string): OptionSpec {
  const spec = WORKFLOW_OPTIONS[workflow].find((o) => o.key === key);
  if (!spec) throw new Error(`${workflow} has no option ${key}`);
  return spec;
}

export type OptionProblem = "number" | "date" | "range" | "integer" | "choice";

/** Whether `value` is allowed for the option: undefined when it is, else what is wrong. */
export function optionProblem(spec: OptionSpec, value: unknown): OptionProblem | undefined {
  if (spec.kind === "choice")
    return typeof value === "string" && spec.choices.includes(value) ? undefined : "choice";
  if (spec.kind === "boolean") return typeof value === "boolean" ? undefined : "choice";
  if (spec.kind === "text") return typeof value === "string" ? undefined : "choice";
  if (typeof value !== "number" || !Number.isFinite(value)) return "number";
  if (spec.kind === "date") return undefined;
  const { min, max, minOpen, maxOpen } = spec;
  if (min !== undefined && (minOpen ? !(value > min) : !(value >= min))) return "range";
  if (max !== undefined && (maxOpen ? !(value < max) : !(value <= max))) return "range";
  if (spec.kind === "number" && spec.integer && !Number.isInteger(value)) return "integer";
  return undefined;
}

/**
 * An option typed as text (a pane field, a `kam report` flag): dates as Excel serials, numbers with
 * separators; in a percent option "30%", "0.3" and "30" all mean 30% (a number above 1 without % is
 * read as percent points). Choices are matched without regard to case. Checked against the bounds.
 */
export function readOptionText(
  spec: OptionSpec,
  text: string
): { value: number | string | boolean } | { problem: OptionProblem } {
  const t = text.trim();
  let value: number | string | boolean | undefined;
  if (spec.kind === "date") {
    value = parseTextDate(t);
    if (value === undefined) return { problem: "date" };
  } else if (spec.kind === "choice") {
    value = spec.choices.find((c) => c.toLowerCase() === t.toLowerCase()) ?? t;
  } else if (spec.kind === "text") {
    value = t;
  } else if (spec.kind === "boolean") {
    value = /^(true|yes|1)$/i.test(t) ? true : /^(false|no|0)$/i.test(t) ? false : t;
  } else {
    value = parseNumberText(t);
    if (value === undefined) return { problem: "number" };
    if (spec.kind === "percent" && !t.endsWith("%") && Math.abs(value) > 1) value = value / 100;
  }
  const problem = optionProblem(spec, value);
  return problem === undefined ? { value } : { problem };
}

/** The allowed values as messages show them: "2–9", "0 < x ≤ 1", "≥ 0", "auto, smooth, theta". */
export function boundsText(spec: OptionSpec): string {
  if (spec.kind === "choice") return spec.choices.join(", ");
  if (spec.kind === "boolean") return "TRUE, FALSE";
  if (spec.kind === "text") return "text";
  if (spec.kind === "date") return "a date";
  const { min, max, minOpen, maxOpen } = spec;
  const whole = spec.kind === "number" && spec.integer === true;
  if (whole && min !== undefined && max !== undefined && !minOpen && !maxOpen)
    return `${min}–${max}`;
  const low = min === undefined ? "" : `${min} ${minOpen ? "<" : "≤"} `;
  const high = max === undefined ? "" : ` ${maxOpen ? "<" : "≤"} ${max}`;
  if (low === "" && high === "") return "a number";
  if (high === "") return `${minOpen ? ">" : "≥"} ${min}`;
  if (low === "") return `${maxOpen ? "<" : "≤"} ${max}`;
  return `${low}x${high}`;
}

/**
 * Checks the options of `workflow` that are set against their declarations; throws an Error with
 * `message(key, bounds)` (the builder's localised text) at the first value out of bounds.
 */
export function checkOptions(
  workflow: WorkflowId,
  options: object,
  message: (key: string, bounds: string) => string
): void {
  const values = options as Record<string, unknown>;
  for (const spec of WORKFLOW_OPTIONS[workflow]) {
    const value = values[spec.key];
    if (value === undefined) continue;
    // A target may be one number or one per period (pipeline): each must be in bounds.
    const each = Array.isArray(value) ? value : [value];
    if (each.some((v) => optionProblem(spec, v) !== undefined))
      throw new Error(message(spec.key, boundsText(spec)));
  }
}
