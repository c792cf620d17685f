// What the gallery knows about each KAM function beyond its metadata: which leading arguments are the
// data columns the user selects (in order), and a worked example with its meaning in both languages.
// Keyed by function id (as in functions.json, without the "KAM." namespace). The contract test checks
// every function has an entry and that `dataColumns` are its first parameters; `catalogProblems`
// does that check.

import { Language } from "../../i18n/strings";
import { ACCOUNTS_CATALOG } from "./accounts";
import { CORE_CATALOG } from "./core";
import { CatalogEntry } from "./entry";
import { FORECAST_CATALOG } from "./forecast";
import { PLAN_CATALOG } from "./plan";
import { TEAM_CATALOG } from "./team";

export type { CatalogEntry } from "./entry";

/** Every function's entry, one file per area. */
export const FUNCTION_CATALOG: Readonly<Record<string, CatalogEntry>> = {
  ...CORE_CATALOG,
  ...FORECAST_CATALOG,
  ...ACCOUNTS_CATALOG,
  ...PLAN_CATALOG,
  ...TEAM_CATALOG,
};

export function catalogEntry(id: string): CatalogEntry | undefined {
  return Object.prototype.hasOwnProperty.call(FUNCTION_CATALOG, id)
    ? FUNCTION_CATALOG[id]
    : undefined;
}

interface ParameterLike {
  name: string;
  dimensionality?: string;
  optional?: boolean;
}

/**
 * The data-column parameters of a function: from the catalog, or, for a function the catalog does not
 * know yet, its leading required range parameters.
 */
export function dataColumnsOf(fn: {
  id: string;
  parameters?: readonly ParameterLike[];
}): readonly string[] {
  const entry = catalogEntry(fn.id);
  if (entry) return entry.dataColumns;
  const leading: string[] = [];
  for (const p of fn.parameters ?? []) {
    if (p.optional || p.dimensionality !== "matrix") break;
    leading.push(p.name);
  }
  return leading;
}

/**
 * What is wrong between the catalog and a functions.json list: functions without an entry, entries
 * whose data columns are not the function's first parameters, entries for unknown functions, examples
 * that do not call their function. Empty when all is well.
 */
export function catalogProblems(
  functions: readonly { id: string; parameters?: readonly ParameterLike[] }[],
  catalog: Readonly<Record<string, CatalogEntry>> = FUNCTION_CATALOG
): string[] {
  const problems: string[] = [];
  const ids = new Set(functions.map((f) => f.id));
  for (const fn of functions) {
    const entry = Object.prototype.hasOwnProperty.call(catalog, fn.id) ? catalog[fn.id] : undefined;
    if (!entry) {
      problems.push(`${fn.id}: no entry in src/taskpane/catalog/`);
      continue;
    }
    const leading = (fn.parameters ?? []).slice(0, entry.dataColumns.length).map((p) => p.name);
    if (entry.dataColumns.length === 0 || leading.join(",") !== entry.dataColumns.join(",")) {
      problems.push(
        `${fn.id}: data columns [${entry.dataColumns.join(", ")}] are not its first parameters [${leading.join(", ")}]`
      );
    }
    if (!entry.example.startsWith(`=KAM.${fn.id}(`)) {
      problems.push(`${fn.id}: the example does not call KAM.${fn.id}`);
    }
    for (const language of Object.keys(entry.meaning) as Language[]) {
      if (!entry.meaning[language].trim()) problems.push(`${fn.id}: no ${language} meaning`);
    }
  }
  for (const id of Object.keys(catalog)) {
    if (!ids.has(id)) problems.push(`${id}: in the catalog but not in functions.json`);
  }
  return problems;
}
