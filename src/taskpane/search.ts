// The gallery's search: every word of the query must appear in the function's id, name, description,
// parameter names or descriptions, or its example's meaning (case, width and accents ignored).

import { Language } from "../i18n/strings";
import { catalogEntry } from "./catalog";
import { FunctionInfo, displayName, qualifiedId } from "./metadata";

function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

function searchableText(fn: FunctionInfo, language: Language): string {
  const entry = catalogEntry(fn.id);
  return fold(
    [
      qualifiedId(fn),
      displayName(fn),
      fn.description,
      ...fn.parameters.flatMap((p) => [p.name, p.description]),
      entry ? entry.meaning[language] : "",
    ].join("\n")
  );
}

export function matchesQuery(fn: FunctionInfo, query: string, language: Language): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = searchableText(fn, language);
  return words.every((word) => haystack.includes(word));
}

export function filterFunctions(
  functions: readonly FunctionInfo[],
  query: string,
  language: Language
): FunctionInfo[] {
  return functions.filter((fn) => matchesQuery(fn, query, language));
}
