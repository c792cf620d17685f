// Writing a KAM formula so that it works in every display language of Excel.
//
// What Microsoft documents:
// - Range.formulas is "the formula in A1-style notation" in Excel's invariant (en-US) language;
//   Range.formulasLocal is the same "in the user's language and number-formatting locale"
//   (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-formulas-member,
//   #excel-excel-range-formulaslocal-member).
// - A custom function's `id` is not localized; its `name` is the display name and can be localized
//   through a per-language metadata file named in the manifest (functions.zh-CN.json here)
//   (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming, "Localize custom
//   functions").
// - What is not documented, and reported as a product bug: written through Range.formulas with its id,
//   a custom function whose name is localized can show #NAME? (office-js issue #891, German;
//   #6614, Turkish: "Writing custom function programmatically fails").
// So: write with the id through Range.formulas, read the value back in the same round trip, and only
// when it is #NAME? write the same formula with the localized name through Range.formulasLocal (with
// the locale's list and decimal separators). If that is refused too, the id form is put back: it is
// the one that works when the workbook is opened in another language.

/* global Excel, Office */

/** The custom functions' namespace (manifest: Functions.Namespace). */
const NAMESPACE = "KAM";

/**
 * The separators of the user's number-formatting locale. Office.js gives the decimal separator
 * (Application.cultureInfo.numberFormat, ExcelApi 1.11) but not the formula list separator, so the
 * list separator is taken as Excel's own default pairing: ";" where the decimal separator is ",",
 * else "," (zh-CN: "," and ".").
 */
export interface FormulaSeparators {
  list: string;
  decimal: string;
}

const EN_SEPARATORS: FormulaSeparators = { list: ",", decimal: "." };

/**
 * The invariant formula in the user's language: KAM.<ID>( becomes KAM.<localized name>( for every id
 * in `names`, the argument separator becomes the locale's list separator and a decimal point in a
 * number its decimal separator. Text in double quotes and sheet names in single quotes are left as
 * they are.
 */
export function localizeFormula(
  formula: string,
  names: ReadonlyMap<string, string>,
  separators: FormulaSeparators = EN_SEPARATORS
): string {
  let out = "";
  let i = 0;
  const prefix = `${NAMESPACE}.`;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // A quoted run ends at the next lone quote ("" or '' inside stand for one quote).
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const before = i === 0 ? "" : formula[i - 1];
    const startsName = !/[A-Za-z0-9_.\u00C0-\uFFFF]/.test(before);
    if (startsName && formula.startsWith(prefix, i)) {
      const m = /^[A-Z0-9_.]+(?=\()/.exec(formula.slice(i + prefix.length));
      if (m) {
        out += prefix + (names.get(m[0]) ?? m[0]);
        i += prefix.length + m[0].length;
        continue;
      }
    }
    if (ch === "," && separators.list !== ",") {
      out += separators.list;
      i++;
      continue;
    }
    if (startsName && /[0-9]/.test(ch)) {
      // A number (not a cell reference such as A1, whose digits follow a letter): 0.25 -> 0,25.
      const m = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(formula.slice(i));
      if (m) {
        out += m[0].replace(".", separators.decimal);
        i += m[0].length;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}

/** The display-language names of the custom functions by id (from the metadata Excel was given). */
export type LocalNames = () => Promise<ReadonlyMap<string, string>>;

/** How a formula ended up in the cell. */
export type FormulaPath = "formulas" | "formulasLocal";

export interface WrittenFormula {
  /** The formula as written: the invariant one, or its localized form. */
  formula: string;
  path: FormulaPath;
}

function cultureSupported(): boolean {
  try {
    return Office.context.requirements.isSetSupported("ExcelApi", "1.11");
  } catch {
    return false;
  }
}

const isNameError = (value: unknown): boolean => value === "#NAME?";

/**
 * Writes `formula` (invariant language, a KAM call) into the one-cell `range` and checks it: one
 * round trip when Excel takes it (the value is loaded in the same sync as the write), two more when
 * it answers #NAME? and the localized form is tried. `localNames` is only called then.
 */
export async function writeKamFormula(
  context: Excel.RequestContext,
  range: Excel.Range,
  formula: string,
  localNames?: LocalNames
): Promise<WrittenFormula> {
  range.formulas = [[formula]];
  range.load("values");
  const culture = cultureSupported() ? context.application.cultureInfo.numberFormat : undefined;
  culture?.load("numberDecimalSeparator");
  await context.sync();
  if (!isNameError(range.values[0][0]) || !localNames) return { formula, path: "formulas" };

  let names: ReadonlyMap<string, string>;
  try {
    names = await localNames();
  } catch {
    return { formula, path: "formulas" };
  }
  const decimal = culture?.numberDecimalSeparator ?? ".";
  const separators = { list: decimal === "," ? ";" : ",", decimal };
  const local = localizeFormula(formula, names, separators);
  if (local === formula) return { formula, path: "formulas" };
  range.formulasLocal = [[local]];
  range.load("values");
  await context.sync();
  if (!isNameError(range.values[0][0])) return { formula: local, path: "formulasLocal" };
  // Refused both ways (the functions are not loaded at all): keep the form every language reads.
  range.formulas = [[formula]];
  await context.sync();
  return { formula, path: "formulas" };
}
