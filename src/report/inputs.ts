// Carrying the user's input cells over when a report is written again. A report sheet declares its
// input areas under stable keys (ReportSheet.inputs, e.g. "acme|mission", "acme|actions"); the writer
// stores that layout with the sheet (INPUTS_PROPERTY, next to the report marker) and, when it replaces
// one of its sheets, reads the values in the old sheet's areas and writes them into the new sheet's
// areas of the same key. Host-neutral: the writers do the reading and writing.

import { Area, Block, ReportSheet, Scalar } from "./model";

/** The worksheet custom property that holds a sheet's input layout (JSON: key → [row, column,
 *  rows, columns], 0-based). */
export const INPUTS_PROPERTY = "KAM.Inputs";

/** The input layout of a sheet as the custom property's text; undefined when it has none. */
export function inputsText(sheet: ReportSheet): string | undefined {
  if (!sheet.inputs || sheet.inputs.length === 0) return undefined;
  const out: Record<string, [number, number, number, number]> = {};
  for (const { key, area } of sheet.inputs)
    out[key] = [area.row, area.column, area.rows, area.columns];
  return JSON.stringify(out);
}

/** The input layout stored with an old sheet; empty when the text is not one. */
export function parseInputs(text: unknown): Map<string, Area> {
  const out = new Map<string, Area>();
  if (typeof text !== "string") return out;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return out;
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return out;
  for (const [key, v] of Object.entries(data as Record<string, unknown>)) {
    if (
      Array.isArray(v) &&
      v.length === 4 &&
      v.every((x) => typeof x === "number" && Number.isInteger(x) && x >= 0) &&
      (v[2] as number) > 0 &&
      (v[3] as number) > 0 &&
      (v[2] as number) * (v[3] as number) <= 100_000
    )
      out.set(key, { row: v[0], column: v[1], rows: v[2], columns: v[3] });
  }
  return out;
}

/** A value read from a cell as the user left it: text, number, boolean; empty text is nothing. */
function typed(v: unknown): Scalar {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "boolean") return v;
  if (typeof v === "string") return v === "" ? null : v;
  return null;
}

/**
 * The blocks that put the old values back: for each input of `sheet` whose key the old sheet had,
 * the old area's values (`old`: key → values as read, row by row), cut to the new area's size, at
 * the new area. Only cells that hold something are written, so a cell the user left empty keeps
 * what the new report pre-filled. Text stays text (the writers never turn it into a formula).
 */
export function carriedBlocks(
  sheet: ReportSheet,
  old: ReadonlyMap<string, readonly (readonly unknown[])[]>
): Block[] {
  const blocks: Block[] = [];
  for (const { key, area } of sheet.inputs ?? []) {
    const values = old.get(key);
    if (!values) continue;
    const cells = Array.from({ length: Math.min(area.rows, values.length) }, (_, r) =>
      Array.from({ length: area.columns }, (_, c) => typed(values[r]?.[c]))
    );
    if (cells.some((row) => row.some((v) => v !== null)))
      blocks.push({ row: area.row, column: area.column, cells });
  }
  return blocks;
}

/** The sheet with the old input values written over its own (added as the last blocks). */
export function withCarriedInputs(
  sheet: ReportSheet,
  old: ReadonlyMap<string, readonly (readonly unknown[])[]>
): ReportSheet {
  const blocks = carriedBlocks(sheet, old);
  return blocks.length === 0 ? sheet : { ...sheet, blocks: [...sheet.blocks, ...blocks] };
}
