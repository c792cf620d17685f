// One gallery entry: what the gallery knows about a function beyond its metadata.

import { Language } from "../../i18n/strings";

export interface CatalogEntry {
  /** Names of the leading parameters that take one data column each, in argument order. */
  dataColumns: readonly string[];
  /** A complete formula, in Excel's (en-US) formula language. */
  example: string;
  /** What the example computes. */
  meaning: Readonly<Record<Language, string>>;
}
