// Which column of the selected list fills each data argument of a function. Each argument is given
// a role of the report workflows where one fits (customers -> customer, amounts -> amount, stages ->
// stage, ...), so the column is the one the Reports tab would take for that role (the source reader's
// header matching: English and Chinese names, CRM/ERP exports); otherwise a header named like the
// argument; otherwise the leftmost unused column of the argument's kind (a number argument never
// gets a text column). Pure: no Office, no React.

import { HEADER_SYNONYMS } from "../i18n/report.source";
import { Role, SourceFor } from "../report/roles";
import { dataColumnsOf } from "./catalog";
import { ListColumn, SelectedList, listAnalysis, listColumn } from "./list";
import { FunctionInfo } from "./metadata";

/** What the argument's cells hold. */
export type ArgumentKind = "text" | "number" | "date";

/**
 * column: one column of the list. columns: several adjacent columns (a block, e.g. the drivers of a
 * regression). outside: not a column of the list (a row of weights, a fitted parameter table, a
 * single number): the user types it.
 */
export type ArgumentShape = "column" | "columns" | "outside";

export interface ArgumentSpec {
  kind: ArgumentKind;
  shape: ArgumentShape;
  /** The workflow role whose column this argument takes (found by the source reader). */
  role?: Role;
  /** The workflow (or extra source) whose reader finds that role. */
  workflow?: SourceFor;
}

export interface DataArgument extends ArgumentSpec {
  parameter: string;
  optional: boolean;
}

const text = (role?: Role, workflow?: SourceFor): ArgumentSpec => ({
  kind: "text",
  shape: "column",
  role,
  workflow,
});
const number = (role?: Role, workflow?: SourceFor): ArgumentSpec => ({
  kind: "number",
  shape: "column",
  role,
  workflow,
});
const date = (role?: Role, workflow?: SourceFor): ArgumentSpec => ({
  kind: "date",
  shape: "column",
  role,
  workflow,
});
const block = (role?: Role, workflow?: SourceFor): ArgumentSpec => ({
  kind: "number",
  shape: "columns",
  role,
  workflow,
});
const OUTSIDE: ArgumentSpec = { kind: "number", shape: "outside" };

/** Data arguments by parameter name (the names the functions' JSDoc gives them). */
const BY_NAME: Readonly<Record<string, ArgumentSpec>> = {
  // order lists (accounts workflow)
  customers: text("customer", "accounts"),
  dates: date("date", "accounts"),
  amounts: number("amount", "accounts"),
  // opportunities (pipeline workflow)
  stages: text("stage", "pipeline"),
  stages_reached: text("stage", "pipeline"),
  close_dates: date("closeDate", "pipeline"),
  pipeline: number("amount", "pipeline"),
  reps: text("owner", "pipeline"),
  groups: text("owner", "pipeline"),
  accounts: text("customer", "pipeline"),
  outcomes: text(),
  start_dates: date("created", "opportunities"),
  created: date("created", "opportunities"),
  closed: date("closeDate", "pipeline"),
  owners: text("owner", "pipeline"),
  products: text("product", "pipeline"),
  // series (forecast workflow)
  values: number("value", "forecast"),
  y: number("value", "forecast"),
  actuals: number("value", "forecast"),
  forecasts: number(),
  estimates: number(),
  drivers: block(),
  // one row per account (portfolio and kpi workflows)
  revenue: number("revenue", "portfolio"),
  attractiveness_scores: block("attractiveness", "portfolio"),
  strength_scores: block("strength", "portfolio"),
  scores: number("satisfaction", "kpi"),
  is_key_account: text("tier", "kpi"),
  criteria: block(),
  // numbers named by the argument (RFM_SUMMARY's output, KPIs, ratios, targets)
  margin: number(),
  growth: number(),
  frequency: number(),
  recency: number(),
  T: number(),
  monetary: number(),
  r: number(),
  f: number(),
  m: number(),
  current: number(),
  previous: number(),
  first: number(),
  last: number(),
  periods: number(),
  ours: number(),
  market: number(),
  customers_start: number(),
  customers_end: number(),
  customers_new: number(),
  current_assets: number(),
  current_liabilities: number(),
  net_profit: number(),
  total_assets: number(),
  total_liabilities: number(),
  target: number(),
  actual_to_date: number(),
  forecast_rest: number(),
  revenue_plan: number(),
  // not a column of the list
  params: OUTSIDE,
  attractiveness_weights: OUTSIDE,
  strength_weights: OUTSIDE,
  cost_rates: OUTSIDE,
  total: OUTSIDE,
  annual_target: OUTSIDE,
};

/** Where a function reads an argument differently from its name's default. */
const BY_FUNCTION: Readonly<Record<string, Readonly<Record<string, ArgumentSpec>>>> = {
  FUNNEL_WEIGHT: { amounts: number("amount", "pipeline") },
  PIPELINE_FORECAST: { amounts: number("amount", "pipeline") },
  KA_CONTRIBUTION: { amounts: number("amount", "kpi") },
  FORECAST_COMBINE: { forecasts: block() },
  DELPHI: { estimates: block() },
};

/** Whether the argument has a spec of its own (a new function's argument may not). */
export function hasArgumentSpec(functionId: string, parameter: string): boolean {
  const own = BY_FUNCTION[functionId];
  return (
    (own !== undefined && Object.prototype.hasOwnProperty.call(own, parameter)) ||
    Object.prototype.hasOwnProperty.call(BY_NAME, parameter)
  );
}

/** The spec of one data argument (a number column when the argument is not known). */
export function argumentSpec(functionId: string, parameter: string): ArgumentSpec {
  const own = BY_FUNCTION[functionId];
  if (own && Object.prototype.hasOwnProperty.call(own, parameter)) return own[parameter];
  return Object.prototype.hasOwnProperty.call(BY_NAME, parameter) ? BY_NAME[parameter] : number();
}

/** The function's data arguments (catalog/index.ts dataColumnsOf), in parameter order. */
export function dataArguments(fn: Pick<FunctionInfo, "id" | "parameters">): DataArgument[] {
  return dataColumnsOf(fn).map((parameter) => ({
    parameter,
    optional: fn.parameters.find((p) => p.name === parameter)?.optional ?? false,
    ...argumentSpec(fn.id, parameter),
  }));
}

/** Sheet columns from..to (from = to for one column). */
export interface ColumnSpan {
  from: number;
  to: number;
}

/** Per data argument (by parameter name), the columns that fill it; null = none. */
export type ArgumentPicks = Readonly<Record<string, ColumnSpan | null>>;

/** Whether a column may fill the argument: numbers and dates never come from a column of text. */
export function acceptsColumn(arg: Pick<ArgumentSpec, "kind">, column: ListColumn): boolean {
  if (arg.kind === "text" || column.kind === "empty") return true;
  if (arg.kind === "number") return column.kind === "number";
  return column.kind === "date" || column.kind === "number";
}

function normalize(s: string): string {
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, "");
}

/** Header names that name a workflow role ("Quantity", "Close date", "客户"), normalized. */
const ROLE_NAMES: ReadonlyMap<string, readonly Role[]> = (() => {
  const names = new Map<string, Role[]>();
  for (const role of Object.keys(HEADER_SYNONYMS) as Role[]) {
    for (const name of HEADER_SYNONYMS[role]) {
      const key = normalize(name);
      names.set(key, [...(names.get(key) ?? []), role]);
    }
  }
  return names;
})();

/** How well a header names the argument: 2 its name (or the name without a plural s), 1 a header
 *  starting or ending with it ("YoY growth" for growth), 0 not at all. */
function nameScore(header: string | null, parameter: string): number {
  if (!header) return 0;
  const name = normalize(header);
  const own = normalize(parameter);
  const singular = own.length > 2 && own.endsWith("s") ? own.slice(0, -1) : own;
  if (name === own || name === singular) return 2;
  if (singular.length >= 4 && (name.startsWith(singular) || name.endsWith(singular))) return 1;
  return 0;
}

/**
 * The columns the pane proposes for each data argument: by the role the Reports tab would give a
 * column (its header), then by a header named like the argument, then — for required arguments — the
 * leftmost unused column of the argument's kind whose header does not name another role. A column
 * fills one argument; an argument of several columns takes the adjacent unused columns of numbers to
 * the right of its first one. Outside arguments get none.
 */
export function detectArguments(args: readonly DataArgument[], list: SelectedList): ArgumentPicks {
  const picks: Record<string, ColumnSpan | null> = {};
  const used = new Set<number>();
  const free = (c: ListColumn, arg: DataArgument) => !used.has(c.column) && acceptsColumn(arg, c);
  const take = (arg: DataArgument, c: ListColumn) => {
    let to = c.column;
    if (arg.shape === "columns") {
      for (;;) {
        const next = listColumn(list, to + 1);
        if (!next || used.has(next.column) || next.kind !== "number") break;
        to = next.column;
      }
    }
    for (let k = c.column; k <= to; k++) used.add(k);
    picks[arg.parameter] = { from: c.column, to };
  };
  const open = () => args.filter((a) => a.shape !== "outside" && picks[a.parameter] === undefined);

  // 1. the workflows' role detection, by header
  for (const arg of open()) {
    if (!arg.role || !arg.workflow) continue;
    const analysis = listAnalysis(list, arg.workflow);
    const index = analysis.mapping[arg.role];
    if (index === undefined || analysis.matchedBy[arg.role] !== "header") continue;
    const column = list.columns[index];
    if (column && free(column, arg)) take(arg, column);
  }
  // 2. a header named like the argument: exact names first
  for (const score of [2, 1]) {
    for (const arg of open()) {
      const column = list.columns.find(
        (c) => free(c, arg) && nameScore(c.header, arg.parameter) === score
      );
      if (column) take(arg, column);
    }
  }
  // 3. required arguments: the leftmost unused column of their kind (then, for text, of numbers:
  // customer numbers); a column named for another role ("Quantity" for amounts, "opportunity_id"
  // for outcomes) only when chosen, except in a block of several columns (a "Price" driver)
  for (const loose of [false, true]) {
    for (const arg of open()) {
      if (arg.optional || (loose && arg.kind !== "text")) continue;
      const kind = loose ? "number" : arg.kind;
      const column = list.columns.find((c) => {
        if (!free(c, arg) || c.kind !== kind) return false;
        const named = c.header ? ROLE_NAMES.get(normalize(c.header)) : undefined;
        if (!named || arg.shape === "columns") return true;
        return arg.role !== undefined && named.includes(arg.role);
      });
      if (column) take(arg, column);
    }
  }
  for (const arg of args) if (picks[arg.parameter] === undefined) picks[arg.parameter] = null;
  return picks;
}
