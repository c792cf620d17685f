/* global globalThis, CustomFunctions */
// A stand-in for the CustomFunctions global that Excel provides to the functions runtime.

export class StandInError extends Error {
  constructor(
    readonly code: string,
    message?: string
  ) {
    super(message);
  }
}

export const associations = new Map<string, (...args: unknown[]) => unknown>();

export function installCustomFunctions(): void {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
    Error: StandInError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
    associate: (id: string, fn: (...args: unknown[]) => unknown) => associations.set(id, fn),
  };
}

/** A column range as Excel passes it: [[v1], [v2], ...]. */
export const col = (...values: unknown[]): unknown[][] => values.map((v) => [v]);

/** Parameter addresses as Excel supplies them with @requiresParameterAddresses. */
export const at = (...parameterAddresses: string[]) =>
  ({ parameterAddresses }) as unknown as CustomFunctions.Invocation;
