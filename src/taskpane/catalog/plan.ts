// Gallery entries of the funnel and the plan: pipeline, coverage, conversion, targets, budgets.

import { CatalogEntry } from "./entry";

export const PLAN_CATALOG: Readonly<Record<string, CatalogEntry>> = {};
