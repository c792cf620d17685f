export * from "./address";
export * from "./errors";
export * from "./workbook";
