// The columns each workflow reads, by role. The source reader (src/report/source.ts) detects which
// sheet column plays which role and turns the rows into a Dataset; report builders consume Datasets.

import { WorkflowId } from "./model";

/** What a role's cells must hold: text (any value, kept as text), a number, or a date (Excel serial). */
export type RoleKind = "text" | "number" | "date";

export type Role =
  | "customer"
  | "date"
  | "amount"
  | "series"
  | "value"
  | "opportunity"
  | "stage"
  | "closeDate"
  | "owner"
  | "team"
  | "target"
  | "account"
  | "attractiveness"
  | "strength"
  | "revenue"
  | "satisfaction"
  | "marketSize"
  | "tier"
  | "profit"
  | "quantity"
  | "unitPrice"
  | "product"
  | "region"
  // Extra sources (EXTRA_ROLES): contacts, customer facts, opportunity dates.
  | "contact"
  | "title"
  | "dmuRole"
  | "attitude"
  | "lastContact"
  | "year"
  | "currentAssets"
  | "currentLiabilities"
  | "netProfit"
  | "totalAssets"
  | "totalLiabilities"
  | "created";

export interface RoleSpec {
  role: Role;
  kind: RoleKind;
  required: boolean;
  /** A required number/date role whose blank cells keep the row, with null in Dataset.sparse (a CRM
   *  export's open deals have no amount or close date yet). Optional number/date roles always do. */
  keepBlank?: boolean;
}

/**
 * Roles per workflow, in the order the pane lists them.
 * - forecast: long layout (series?, date, value) or one series (date?, value); a wide layout (one row
 *   per series, one column per period) is turned into the long one by the source reader.
 * - plan: the order history to split targets by (team or owner, date, amount).
 * - portfolio: one row per account with its attractiveness and strength scores (0–10 or any scale) and
 *   revenue (the bubble size).
 * - kpi: the order history; satisfaction (a score per row, e.g. 0–10) and market size (per row, the
 *   period's market) are optional; tier marks key accounts.
 */
export const WORKFLOW_ROLES: Readonly<Record<WorkflowId, readonly RoleSpec[]>> = {
  accounts: [
    { role: "customer", kind: "text", required: true },
    { role: "date", kind: "date", required: true },
    { role: "amount", kind: "number", required: true },
    { role: "profit", kind: "number", required: false },
  ],
  forecast: [
    { role: "series", kind: "text", required: false },
    { role: "date", kind: "date", required: false },
    { role: "value", kind: "number", required: true },
  ],
  pipeline: [
    { role: "opportunity", kind: "text", required: false },
    { role: "customer", kind: "text", required: false },
    { role: "owner", kind: "text", required: false },
    { role: "product", kind: "text", required: false },
    { role: "amount", kind: "number", required: true, keepBlank: true },
    { role: "stage", kind: "text", required: true },
    { role: "closeDate", kind: "date", required: true, keepBlank: true },
    // The day the deal was created (or first engaged): the pipeline's back-test rebuilds the
    // pipeline of a past day from it.
    { role: "created", kind: "date", required: false },
  ],
  plan: [
    { role: "team", kind: "text", required: false },
    { role: "owner", kind: "text", required: false },
    { role: "region", kind: "text", required: false },
    { role: "customer", kind: "text", required: false },
    { role: "date", kind: "date", required: true },
    { role: "amount", kind: "number", required: true },
  ],
  portfolio: [
    { role: "account", kind: "text", required: true },
    { role: "attractiveness", kind: "number", required: true },
    { role: "strength", kind: "number", required: true },
    { role: "revenue", kind: "number", required: true },
  ],
  kpi: [
    { role: "customer", kind: "text", required: true },
    { role: "date", kind: "date", required: true },
    { role: "amount", kind: "number", required: true },
    { role: "tier", kind: "text", required: false },
    { role: "satisfaction", kind: "number", required: false },
    { role: "marketSize", kind: "number", required: false },
  ],
  "account-plan": [
    { role: "customer", kind: "text", required: true },
    { role: "date", kind: "date", required: true },
    { role: "amount", kind: "number", required: true },
    { role: "profit", kind: "number", required: false },
    { role: "product", kind: "text", required: false },
    { role: "owner", kind: "text", required: false },
    { role: "region", kind: "text", required: false },
  ],
  // team: an opportunity list (a stage column: owner, account, amount, stage, close date, created)
  // or an order list with an owner (customer, date, amount, owner).
  team: [
    { role: "owner", kind: "text", required: false },
    { role: "customer", kind: "text", required: false },
    { role: "opportunity", kind: "text", required: false },
    { role: "product", kind: "text", required: false },
    { role: "stage", kind: "text", required: false },
    { role: "amount", kind: "number", required: true, keepBlank: true },
    { role: "date", kind: "date", required: false },
    { role: "closeDate", kind: "date", required: false },
    { role: "created", kind: "date", required: false },
  ],
};

/**
 * Extra sources: lists a workflow reads besides its main data, each from its own sheet, table or
 * named range (the pane's Data step offers a picker per extra source, `kam report` a flag per source,
 * e.g. --contacts FILE). Each is read by the same source reader with its own roles; a workflow
 * declares the ones it takes in WORKFLOW_EXTRAS, and its builder finds them, when given, in
 * BuildOptions.extras. All are optional for the workflow: a builder says what it left out without one.
 * - opportunities: an opportunity list (the pipeline's roles, the created date among them).
 * - orders: an order list with its owner (customer, date, amount; owner, product, profit optional).
 * - contacts: the buying centre (account, name; title, role in the decision, attitude, last contact).
 * - facts: the customer's own financials by year (account, year and any of the figures).
 * - targets: targets by owner or team and period.
 * - snapshot: an earlier export of the same opportunity list (id, stage, amount, close date).
 * - owners: which owner holds which account.
 */
export type ExtraId =
  "opportunities" | "orders" | "contacts" | "facts" | "targets" | "snapshot" | "owners";

export const EXTRA_IDS: readonly ExtraId[] = [
  "opportunities",
  "orders",
  "contacts",
  "facts",
  "targets",
  "snapshot",
  "owners",
];

export const EXTRA_ROLES: Readonly<Record<ExtraId, readonly RoleSpec[]>> = {
  opportunities: WORKFLOW_ROLES.pipeline,
  orders: [
    { role: "customer", kind: "text", required: true },
    { role: "date", kind: "date", required: true },
    { role: "amount", kind: "number", required: true },
    { role: "owner", kind: "text", required: false },
    { role: "product", kind: "text", required: false },
    { role: "profit", kind: "number", required: false },
  ],
  contacts: [
    { role: "account", kind: "text", required: true },
    { role: "contact", kind: "text", required: true },
    { role: "title", kind: "text", required: false },
    { role: "dmuRole", kind: "text", required: false },
    { role: "attitude", kind: "text", required: false },
    { role: "lastContact", kind: "date", required: false },
  ],
  facts: [
    { role: "account", kind: "text", required: true },
    { role: "year", kind: "number", required: true },
    { role: "revenue", kind: "number", required: false },
    { role: "netProfit", kind: "number", required: false },
    { role: "currentAssets", kind: "number", required: false },
    { role: "currentLiabilities", kind: "number", required: false },
    { role: "totalAssets", kind: "number", required: false },
    { role: "totalLiabilities", kind: "number", required: false },
  ],
  targets: [
    { role: "owner", kind: "text", required: false },
    { role: "team", kind: "text", required: false },
    { role: "date", kind: "date", required: false },
    { role: "target", kind: "number", required: true },
  ],
  snapshot: [
    { role: "opportunity", kind: "text", required: true },
    { role: "stage", kind: "text", required: false },
    { role: "amount", kind: "number", required: false },
    { role: "closeDate", kind: "date", required: false },
  ],
  owners: [
    { role: "customer", kind: "text", required: true },
    { role: "owner", kind: "text", required: true },
  ],
};

/** The extra sources each workflow takes (see ExtraId), in the order the pane lists them. */
export const WORKFLOW_EXTRAS: Readonly<Record<WorkflowId, readonly ExtraId[]>> = {
  accounts: [],
  forecast: [],
  pipeline: [],
  plan: [],
  portfolio: [],
  kpi: [],
  "account-plan": ["opportunities", "contacts", "facts"],
  team: ["targets", "snapshot", "owners", "orders", "opportunities"],
};

/** What a block of values is read as: a workflow's main data or one of the extra sources. */
export type SourceFor = WorkflowId | ExtraId;

/** The roles read for a workflow's main data or an extra source. */
export function rolesFor(kind: SourceFor): readonly RoleSpec[] {
  return kind in EXTRA_ROLES ? EXTRA_ROLES[kind as ExtraId] : WORKFLOW_ROLES[kind as WorkflowId];
}

/** Rows that passed: one array per mapped role, all the same length. Text roles hold strings, number
 *  and date roles numbers (dates as Excel serials). Optional roles not mapped are absent. */
export interface Dataset {
  /** The workflow whose main data these are, or the extra source they were read as. */
  workflow: SourceFor;
  rows: number;
  text: Partial<Record<Role, string[]>>;
  numbers: Partial<Record<Role, number[]>>;
  /** For each kept row, its 1-based row number on the sheet (for messages and live formulas). */
  sheetRows: number[];
  /** Where the data came from (e.g. "Orders!A1:D500"), and, per mapped role, the A1 address of its
   *  data cells on that sheet (e.g. "Orders!C2:C500"), for live formulas. */
  source: string;
  addresses: Partial<Record<Role, string>>;
  /** Optional number/date roles (kpi satisfaction, market size, accounts profit) and required ones
   *  with `keepBlank` (pipeline amount and close date), which a kept row may lack: aligned with the
   *  rows, null where the cell is blank. Such a role is here, never in `numbers` (no NaN). */
  sparse?: Partial<Record<Role, (number | null)[]>>;
  /** forecast: blank values inside a series, kept out of the rows so that no period shifts: the
   *  period's `date` when the series has dates, and/or `before`, the index in the rows of the
   *  series' next value (so an undated series keeps its positions). */
  gaps?: { series: string; date?: number; before?: number }[];
}
