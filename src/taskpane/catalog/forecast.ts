// Gallery entries of forecasting.

import { CatalogEntry } from "./entry";

export const FORECAST_CATALOG: Readonly<Record<string, CatalogEntry>> = {};
