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
  | "region";

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
};

/** Rows that passed: one array per mapped role, all the same length. Text roles hold strings, number
 *  and date roles numbers (dates as Excel serials). Optional roles not mapped are absent. */
export interface Dataset {
  workflow: WorkflowId;
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
