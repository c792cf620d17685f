// Gallery entries of account value: CLV, Pareto, tiers, value scores, policy matrix, ratios, KPIs.

import { CatalogEntry } from "./entry";

export const ACCOUNTS_CATALOG: Readonly<Record<string, CatalogEntry>> = {};
