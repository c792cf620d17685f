// Turns whatever an Office.js call rejected with into something to show the user: Excel's own message
// and, when there is one, its error code (OfficeExtension.Error: "AccessDenied", "InvalidArgument", ...).

export interface ExcelProblem {
  message: string;
  code?: string;
}

function field(source: unknown, name: string): string | undefined {
  if (typeof source !== "object" || source === null) return undefined;
  const value = (source as Record<string, unknown>)[name];
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

export function describeExcelError(error: unknown): ExcelProblem {
  if (typeof error === "string" && error.trim() !== "") return { message: error };
  const debugInfo =
    typeof error === "object" && error !== null
      ? (error as { debugInfo?: unknown }).debugInfo
      : undefined;
  const message =
    field(error, "message") ??
    field(debugInfo, "message") ??
    (error === undefined ? "" : String(error));
  const code = field(error, "code") ?? field(debugInfo, "code");
  return code ? { message: message || code, code } : { message };
}
