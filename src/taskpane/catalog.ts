// What the gallery knows about each KAM function beyond its metadata: which leading arguments are the
// data columns the user selects (in order), and a worked example with its meaning in both languages.
// Keyed by function id (as in functions.json, without the "KAM." namespace). The contract test checks
// every function has an entry and that `dataColumns` are its first parameters; `catalogProblems`
// does that check.

import { Language } from "../i18n/strings";

export interface CatalogEntry {
  /** Names of the leading parameters that take one data column each, in argument order. */
  dataColumns: readonly string[];
  /** A complete formula, in Excel's (en-US) formula language. */
  example: string;
  /** What the example computes. */
  meaning: Readonly<Record<Language, string>>;
}

export const FUNCTION_CATALOG: Readonly<Record<string, CatalogEntry>> = {
  FUNNEL_WEIGHT: {
    dataColumns: ["amounts", "stages"],
    example: "=KAM.FUNNEL_WEIGHT(B2:B80,C2:C80,,TRUE)",
    meaning: {
      "en-US":
        "The weighted pipeline: each opportunity amount in B2:B80 times the win probability of its " +
        "stage in C2:C80 (default stages: Prospect 10%, Intent 30%, Proposal 50%, Negotiation 70%, " +
        "Won 100%), returned as the total only.",
      "zh-CN":
        "加权销售漏斗：B2:B80 中每个商机的金额乘以 C2:C80 中其所处阶段的赢单概率（默认阶段：" +
        "潜在客户 10%、意向客户 30%、方案阶段 50%、商务谈判 70%、销售实现 100%），只返回合计。",
    },
  },
  RFM: {
    dataColumns: ["customers", "dates", "amounts"],
    example: "=KAM.RFM(A2:A500,B2:B500,C2:C500,DATE(2024,12,31))",
    meaning: {
      "en-US":
        "Scores every customer in A2:A500 by recency, frequency and monetary value of their orders " +
        "(dates in B, amounts in C), with recency counted to 31 Dec 2024; spills one row per customer.",
      "zh-CN":
        "按订单（B 列为日期，C 列为金额）为 A2:A500 中的每个客户计算最近一次购买（R）、购买频率（F）" +
        "和购买金额（M）评分，最近度计算到 2024 年 12 月 31 日；每个客户溢出一行结果。",
    },
  },
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
  functions: readonly { id: string; parameters?: readonly ParameterLike[] }[]
): string[] {
  const problems: string[] = [];
  const ids = new Set(functions.map((f) => f.id));
  for (const fn of functions) {
    const entry = catalogEntry(fn.id);
    if (!entry) {
      problems.push(`${fn.id}: no entry in src/taskpane/catalog.ts`);
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
  for (const id of Object.keys(FUNCTION_CATALOG)) {
    if (!ids.has(id)) problems.push(`${id}: in the catalog but not in functions.json`);
  }
  return problems;
}
