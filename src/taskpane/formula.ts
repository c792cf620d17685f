// From "the selected list + the column chosen for each data argument" to the formula the Insert
// action writes, and the rules that keep Insert from destroying data. Pure: no Office, no React.

import { CellRef, referenceFrom } from "../excel/address";
import { InsertDecision, TargetCell } from "../excel/workbook";
import { ArgumentPicks, DataArgument } from "./argumentRoles";
import { SelectedList, dataRowCount, insideList, listColumn } from "./list";
import { NAMESPACE } from "./metadata";

/** One data argument and the reference that fills it (undefined while it is not filled). */
export interface ArgumentFill {
  parameter: string;
  reference?: string;
}

export type FormulaPlan =
  | { kind: "ready"; formula: string; fills: ArgumentFill[] }
  | {
      kind: "incomplete";
      fills: ArgumentFill[];
      /** Required arguments without a column. */
      missing: DataArgument[];
      /** Required arguments that are not a column of the list (typed by the user). */
      outside: DataArgument[];
      /** Arguments of several columns whose columns are not side by side in the list. */
      apart: DataArgument[];
      /** The list has no data rows (only a header). */
      noRows: boolean;
    };

/** =KAM.ID(ref1,ref2,...) in Excel's invariant (en-US) formula language; "" leaves an argument out. */
export function formulaText(id: string, references: readonly string[]): string {
  const end = references.reduce((n, r, i) => (r === "" ? n : i + 1), 0);
  return `=${NAMESPACE}.${id}(${references.slice(0, end).join(",")})`;
}

/** Whether every column from..to is a column of the list. */
function adjacentInList(list: SelectedList, from: number, to: number): boolean {
  for (let c = from; c <= to; c++) if (!listColumn(list, c)) return false;
  return true;
}

/**
 * The formula for the chosen columns, written as seen from `targetSheet` (no sheet prefix on the same
 * sheet): each argument refers to its column's data rows (the header row and a totals row at the end
 * left out), in the function's parameter order whatever the order of the columns; an optional
 * argument without a column is left empty (and left out at the end).
 */
export function planFormula(
  id: string,
  args: readonly DataArgument[],
  picks: ArgumentPicks,
  list: SelectedList,
  targetSheet: string
): FormulaPlan {
  const missing: DataArgument[] = [];
  const outside: DataArgument[] = [];
  const apart: DataArgument[] = [];
  const fills: ArgumentFill[] = args.map((arg) => {
    const pick = arg.shape === "outside" ? null : (picks[arg.parameter] ?? null);
    if (!pick) {
      if (!arg.optional) (arg.shape === "outside" ? outside : missing).push(arg);
      return { parameter: arg.parameter };
    }
    const from = Math.min(pick.from, pick.to);
    const to = Math.max(pick.from, pick.to);
    if (!adjacentInList(list, from, to)) {
      apart.push(arg);
      return { parameter: arg.parameter };
    }
    const range = {
      sheet: list.sheet,
      top: list.dataTop,
      bottom: list.dataBottom,
      left: from,
      right: to,
    };
    return { parameter: arg.parameter, reference: referenceFrom(range, targetSheet) };
  });
  const noRows = dataRowCount(list) === 0;
  if (missing.length > 0 || outside.length > 0 || apart.length > 0 || noRows || args.length === 0)
    return { kind: "incomplete", fills, missing, outside, apart, noRows };
  return {
    kind: "ready",
    formula: formulaText(
      id,
      fills.map((f) => f.reference ?? "")
    ),
    fills,
  };
}

export type InsertRefusal =
  | { kind: "incomplete"; plan: Extract<FormulaPlan, { kind: "incomplete" }> }
  | { kind: "inside-data" }
  | { kind: "occupied"; formula: string };

/**
 * What to do with the cell the user picked: never write into the selected list itself, never replace
 * a non-empty cell without asking (the caller asks, then writes with ExcelPort.writeFormula).
 */
export function decideInsert(
  id: string,
  args: readonly DataArgument[],
  picks: ArgumentPicks,
  list: SelectedList,
  target: TargetCell
): InsertDecision<InsertRefusal> {
  const plan = planFormula(id, args, picks, list, target.sheet);
  if (plan.kind === "incomplete") return { kind: "skip", reason: { kind: "incomplete", plan } };
  if (targetInside(list, target)) return { kind: "skip", reason: { kind: "inside-data" } };
  if (!target.empty)
    return {
      kind: "skip",
      reason: { kind: "occupied", formula: plan.formula },
    };
  return { kind: "write", formula: plan.formula };
}

export function targetInside(list: SelectedList, target: CellRef): boolean {
  return insideList(list, target);
}
