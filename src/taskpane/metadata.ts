// The gallery's list of functions comes from the custom-functions metadata the build emits next to the
// page (functions.json, and functions.zh-CN.json with translated names and descriptions), so a new
// KAM function shows up without a change here.

import { Language } from "../i18n/strings";

/* global fetch */

/** The namespace of the custom functions (manifest: Functions.Namespace). */
export const NAMESPACE = "KAM";

export interface FunctionParameter {
  name: string;
  description: string;
  /** "number", "string", "boolean", "any". */
  type: string;
  /** "scalar" or "matrix" (a range). */
  dimensionality: string;
  optional: boolean;
}

export interface FunctionInfo {
  /** The id Excel knows the function by, without the namespace: "RFM", "FUNNEL_WEIGHT". */
  id: string;
  /** The name in the display language (what Excel shows after "KAM."). */
  name: string;
  description: string;
  parameters: FunctionParameter[];
  /** True when the result is a range that spills. */
  spills: boolean;
}

export function metadataFile(language: Language): string {
  return language === "zh-CN" ? "functions.zh-CN.json" : "functions.json";
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

/** Reads a functions.json document; throws when it is not one. */
export function parseFunctionMetadata(document: unknown): FunctionInfo[] {
  const list = record(document).functions;
  if (!Array.isArray(list))
    throw new Error("not a custom functions metadata file (no functions list)");
  return list.map((entry, index) => {
    const fn = record(entry);
    const id = text(fn.id).replace(new RegExp(`^${NAMESPACE}\\.`, "i"), "");
    if (!id) throw new Error(`function #${index + 1} has no id`);
    const parameters = Array.isArray(fn.parameters) ? fn.parameters : [];
    return {
      id,
      name: text(fn.name) || id,
      description: text(fn.description),
      parameters: parameters.map((p) => {
        const parameter = record(p);
        return {
          name: text(parameter.name),
          description: text(parameter.description),
          type: text(parameter.type) || "any",
          dimensionality: text(parameter.dimensionality) || "scalar",
          optional: parameter.optional === true,
        };
      }),
      spills: record(fn.result).dimensionality === "matrix",
    };
  });
}

export type FetchJson = (url: string) => Promise<unknown>;

/** fetch() relative to the page, as JSON; a non-2xx answer is an error. */
export const fetchJson: FetchJson = async (url) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
};

/**
 * The functions with names and descriptions in `language`. When the zh-CN file cannot be read, the
 * en-US one is used (the pane stays usable); when neither can, the error is thrown.
 */
export async function loadFunctionMetadata(
  language: Language,
  load: FetchJson = fetchJson
): Promise<FunctionInfo[]> {
  try {
    return parseFunctionMetadata(await load(metadataFile(language)));
  } catch (error) {
    if (language === "en-US") throw error;
    return parseFunctionMetadata(await load(metadataFile("en-US")));
  }
}

/** "KAM.RFM" in Excel's formula language (what is written into the cell). */
export function qualifiedId(fn: Pick<FunctionInfo, "id">): string {
  return `${NAMESPACE}.${fn.id}`;
}

/** "KAM.RFM", or the localized name, as the user sees it in Excel. */
export function displayName(fn: Pick<FunctionInfo, "name">): string {
  return `${NAMESPACE}.${fn.name}`;
}
