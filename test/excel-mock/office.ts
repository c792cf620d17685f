// Stand-ins for the other globals Office gives the page: `Office` (onReady, context.displayLanguage)
// and `CustomFunctions` (the shared runtime also hosts the custom functions).

export interface OfficeInfo {
  host: string | null;
  platform: string | null;
}

export interface MockOffice {
  context: { displayLanguage: string; contentLanguage: string };
  HostType: Record<string, string>;
  PlatformType: Record<string, string>;
  /** Office.js loaded outside Office resolves with no host (null). */
  onReady(callback?: (info: OfficeInfo) => void): Promise<OfficeInfo>;
  actions: { associate(name: string, action: unknown): void };
}

export function createOffice(displayLanguage = "en-US", inOffice = true): MockOffice {
  const info: OfficeInfo = inOffice
    ? { host: "Excel", platform: "OfficeOnline" }
    : { host: null, platform: null };
  return {
    context: { displayLanguage, contentLanguage: displayLanguage },
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
    onReady(callback) {
      return Promise.resolve().then(() => {
        if (callback) callback(info);
        return info;
      });
    },
    actions: { associate: () => undefined },
  };
}

export class MockCustomFunctionError extends Error {
  constructor(
    readonly code: string,
    message?: string
  ) {
    super(message);
  }
}

export interface MockCustomFunctions {
  Error: typeof MockCustomFunctionError;
  ErrorCode: Record<string, string>;
  associate(id: string | Record<string, unknown>, fn?: unknown): void;
  /** Ids the page associated (not part of the real API). */
  associated: string[];
  /** The associated functions by id (not part of the real API). */
  functions: Map<string, (...args: unknown[]) => unknown>;
}

export function createCustomFunctions(): MockCustomFunctions {
  const associated: string[] = [];
  const functions = new Map<string, (...args: unknown[]) => unknown>();
  return {
    Error: MockCustomFunctionError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
    associate(id, fn) {
      if (typeof id === "string") {
        if (typeof fn !== "function") throw new Error(`associate(${id}): not a function`);
        associated.push(id);
        functions.set(id, fn as (...args: unknown[]) => unknown);
      } else associated.push(...Object.keys(id));
    },
    associated,
    functions,
  };
}
