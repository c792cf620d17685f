// The Office.js boundary of the task pane: addresses, errors, selection and formulas, report sheets, sources.
export * from "./address";
export * from "./errors";
export * from "./workbook";
export * from "./formulaLanguage";
export * from "./report";
export * from "./source";
