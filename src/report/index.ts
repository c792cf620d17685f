// The workflow registry: each report workflow declared once — its id, the roles it reads
// (src/report/roles.ts), the options it takes with their bounds (src/report/options.ts) and its
// builder. The task pane (steps and option fields), the `kam` command (flags, help, dispatch) and
// `kam demo` all go through it; adding a workflow means adding its entry here.

import { AccountsOptions, buildAccountsReport } from "./accounts";
import { ForecastOptions, buildForecastReport } from "./forecast";
import { KpiOptions, buildKpiReport } from "./kpi";
import { BuildOptions, ReportSheet, WORKFLOWS, WorkflowId } from "./model";
import { OptionSpec, WORKFLOW_OPTIONS } from "./options";
import { PipelineOptions, buildPipelineReport } from "./pipeline";
import { PlanOptions, buildPlanReport } from "./plan";
import { PortfolioOptions, buildPortfolioReport } from "./portfolio";
import { Dataset, RoleSpec, WORKFLOW_ROLES } from "./roles";

export interface WorkflowOptions {
  accounts: AccountsOptions;
  forecast: ForecastOptions;
  pipeline: PipelineOptions;
  plan: PlanOptions;
  portfolio: PortfolioOptions;
  kpi: KpiOptions;
}

export interface WorkflowEntry<W extends WorkflowId> {
  id: W;
  roles: readonly RoleSpec[];
  options: readonly OptionSpec[];
  build: (data: Dataset, options: BuildOptions & WorkflowOptions[W]) => Promise<ReportSheet>;
}

const entry = <W extends WorkflowId>(
  id: W,
  build: WorkflowEntry<W>["build"]
): WorkflowEntry<W> => ({ id, roles: WORKFLOW_ROLES[id], options: WORKFLOW_OPTIONS[id], build });

export const WORKFLOW_REGISTRY: { readonly [W in WorkflowId]: WorkflowEntry<W> } = {
  accounts: entry("accounts", buildAccountsReport),
  forecast: entry("forecast", buildForecastReport),
  pipeline: entry("pipeline", buildPipelineReport),
  plan: entry("plan", buildPlanReport),
  portfolio: entry("portfolio", buildPortfolioReport),
  kpi: entry("kpi", buildKpiReport),
};

/** Builds the report sheet of `workflow` from its dataset. */
export function buildReport<W extends WorkflowId>(
  workflow: W,
  data: Dataset,
  options: BuildOptions & WorkflowOptions[W]
): Promise<ReportSheet> {
  const { build } = WORKFLOW_REGISTRY[workflow] as WorkflowEntry<W>;
  return build(data, options);
}

export { WORKFLOWS };
