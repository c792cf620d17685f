// From "the user's data range + a function" to the formula the Insert action writes, and the rules
// that keep Insert from destroying data. Pure: no Office, no React.

import {
  CellRef,
  RangeRef,
  columnCount,
  containsCell,
  referenceFrom,
  splitColumns,
  withColumnCount,
} from "../excel/address";
import { InsertDecision, TargetCell } from "../excel/workbook";
import { NAMESPACE } from "./metadata";

/** One data-column argument and the reference that fills it (undefined while it cannot be filled). */
export interface ArgumentFill {
  parameter: string;
  reference?: string;
}

export type FormulaPlan =
  | { kind: "ready"; formula: string; fills: ArgumentFill[] }
  | {
      kind: "columns";
      need: number;
      got: number;
      /** Which arguments the data would fill: the first one from a single column, else none. */
      fills: ArgumentFill[];
      /** The selection that would fit: same top-left corner, `need` columns wide. */
      suggestion: RangeRef;
    };

/** =KAM.ID(ref1,ref2,...) in Excel's invariant (en-US) formula language. */
export function formulaText(id: string, references: readonly string[]): string {
  return `=${NAMESPACE}.${id}(${references.join(",")})`;
}

/**
 * Splits the data into one reference per data-column argument, written as seen from `targetSheet`
 * (no sheet prefix on the same sheet). The column counts must match; a single column only fills the
 * first argument and the formula is not complete, so there is no formula then.
 */
export function planFormula(
  id: string,
  dataColumns: readonly string[],
  data: RangeRef,
  targetSheet: string
): FormulaPlan {
  const got = columnCount(data);
  const need = dataColumns.length;
  if (need > 0 && got === need) {
    const references = splitColumns(data).map((column) => referenceFrom(column, targetSheet));
    return {
      kind: "ready",
      formula: formulaText(id, references),
      fills: dataColumns.map((parameter, i) => ({
        parameter,
        reference: references[i],
      })),
    };
  }
  return {
    kind: "columns",
    need,
    got,
    fills: dataColumns.map((parameter, i) => ({
      parameter,
      reference: got === 1 && i === 0 ? referenceFrom(data, targetSheet) : undefined,
    })),
    suggestion: withColumnCount(data, Math.max(need, 1)),
  };
}

export type InsertRefusal =
  | { kind: "columns"; plan: Extract<FormulaPlan, { kind: "columns" }> }
  | { kind: "inside-data" }
  | { kind: "occupied"; formula: string };

/**
 * What to do with the cell the user picked: never write into the data itself, never replace a
 * non-empty cell without asking (the caller asks, then writes with ExcelPort.writeFormula).
 */
export function decideInsert(
  id: string,
  dataColumns: readonly string[],
  data: RangeRef,
  target: TargetCell
): InsertDecision<InsertRefusal> {
  const plan = planFormula(id, dataColumns, data, target.sheet);
  if (plan.kind === "columns") return { kind: "skip", reason: { kind: "columns", plan } };
  if (targetInside(data, target)) return { kind: "skip", reason: { kind: "inside-data" } };
  if (!target.empty)
    return {
      kind: "skip",
      reason: { kind: "occupied", formula: plan.formula },
    };
  return { kind: "write", formula: plan.formula };
}

export function targetInside(data: RangeRef, target: CellRef): boolean {
  return containsCell(data, target);
}
