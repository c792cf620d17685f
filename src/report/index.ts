// The workflow registry: each report workflow declared once — its id, the roles it reads
// (src/report/roles.ts), the extra sources it takes (WORKFLOW_EXTRAS: contacts, targets, ... each
// read with its own roles from its own sheet, table or named range), the options it takes with their
// bounds (src/report/options.ts) and its builder. The task pane (steps, extra-source pickers and
// option fields), the `kam` command (flags, help, dispatch) and `kam demo` all go through it; adding
// a workflow means adding its entry here.
//
// A builder gets the main Dataset and BuildOptions, whose `extras` holds the extra sources given
// (absent ones are missing from it), and returns one report sheet or several (e.g. an index sheet
// and one sheet per account, in the order they are written; the first is the one the pane opens).

import { AccountPlanOptions, buildAccountPlanReport } from "./accountPlan";
import { AccountsOptions, buildAccountsReport } from "./accounts";
import { ForecastOptions, buildForecastReport } from "./forecast";
import { KpiOptions, buildKpiReport } from "./kpi";
import { BuildOptions, ReportSheet, WORKFLOWS, WorkflowId } from "./model";
import { OptionSpec, WORKFLOW_OPTIONS } from "./options";
import { PipelineOptions, buildPipelineReport } from "./pipeline";
import { PlanOptions, buildPlanReport } from "./plan";
import { PortfolioOptions, buildPortfolioReport } from "./portfolio";
import { Dataset, ExtraId, RoleSpec, WORKFLOW_EXTRAS, WORKFLOW_ROLES } from "./roles";
import { TeamOptions, buildTeamReport } from "./team";

export interface WorkflowOptions {
  accounts: AccountsOptions;
  forecast: ForecastOptions;
  pipeline: PipelineOptions;
  plan: PlanOptions;
  portfolio: PortfolioOptions;
  kpi: KpiOptions;
  team: TeamOptions;
  "account-plan": AccountPlanOptions;
}

export interface WorkflowEntry<W extends WorkflowId> {
  id: W;
  roles: readonly RoleSpec[];
  /** The extra sources the workflow takes (all optional). */
  extras: readonly ExtraId[];
  options: readonly OptionSpec[];
  build: (
    data: Dataset,
    options: BuildOptions & WorkflowOptions[W]
  ) => Promise<ReportSheet | ReportSheet[]>;
}

const entry = <W extends WorkflowId>(
  id: W,
  build: WorkflowEntry<W>["build"]
): WorkflowEntry<W> => ({
  id,
  roles: WORKFLOW_ROLES[id],
  extras: WORKFLOW_EXTRAS[id],
  options: WORKFLOW_OPTIONS[id],
  build,
});

export const WORKFLOW_REGISTRY: { readonly [W in WorkflowId]: WorkflowEntry<W> } = {
  accounts: entry("accounts", buildAccountsReport),
  forecast: entry("forecast", buildForecastReport),
  pipeline: entry("pipeline", buildPipelineReport),
  plan: entry("plan", buildPlanReport),
  portfolio: entry("portfolio", buildPortfolioReport),
  kpi: entry("kpi", buildKpiReport),
  team: entry("team", buildTeamReport),
  "account-plan": entry("account-plan", buildAccountPlanReport),
};

/** Builds the report sheets of `workflow` from its dataset (and the extra sources it declares; others
 *  given are left out), in the order they are written. */
export async function buildReport<W extends WorkflowId>(
  workflow: W,
  data: Dataset,
  options: BuildOptions & WorkflowOptions[W]
): Promise<ReportSheet[]> {
  const { build, extras } = WORKFLOW_REGISTRY[workflow] as WorkflowEntry<W>;
  const given: BuildOptions["extras"] = {};
  for (const id of extras) {
    const extra = options.extras?.[id];
    if (extra) given[id] = extra;
  }
  const built = await build(data, { ...options, extras: given });
  return Array.isArray(built) ? built : [built];
}

export { WORKFLOWS };
