// One entry point to the six report builders: the task pane and the `kam` command pick a workflow by
// id and pass its options.

import { AccountsOptions, buildAccountsReport } from "./accounts";
import { ForecastOptions, buildForecastReport } from "./forecast";
import { KpiOptions, buildKpiReport } from "./kpi";
import { BuildOptions, ReportSheet, WorkflowId } from "./model";
import { PipelineOptions, buildPipelineReport } from "./pipeline";
import { PlanOptions, buildPlanReport } from "./plan";
import { PortfolioOptions, buildPortfolioReport } from "./portfolio";
import { Dataset } from "./roles";

export interface WorkflowOptions {
  accounts: AccountsOptions;
  forecast: ForecastOptions;
  pipeline: PipelineOptions;
  plan: PlanOptions;
  portfolio: PortfolioOptions;
  kpi: KpiOptions;
}

/** Builds the report sheet of `workflow` from its dataset. */
export function buildReport<W extends WorkflowId>(
  workflow: W,
  data: Dataset,
  options: BuildOptions & WorkflowOptions[W]
): Promise<ReportSheet> {
  // Each case narrows the options to its builder's; the caller's type ties them to the workflow.
  switch (workflow) {
    case "accounts":
      return buildAccountsReport(data, options as BuildOptions & AccountsOptions);
    case "forecast":
      return buildForecastReport(data, options as BuildOptions & ForecastOptions);
    case "pipeline":
      return buildPipelineReport(data, options as BuildOptions & PipelineOptions);
    case "plan":
      return buildPlanReport(data, options as BuildOptions & PlanOptions);
    case "portfolio":
      return buildPortfolioReport(data, options as BuildOptions & PortfolioOptions);
    default:
      return buildKpiReport(data, options as BuildOptions & KpiOptions);
  }
}
