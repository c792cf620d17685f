/* global globalThis, CustomFunctions */
// The CustomFunctions stand-in (test/excel-mock) installed as a global, and argument helpers.
import { createCustomFunctions, MockCustomFunctions } from "../excel-mock/office";

export { MockCustomFunctionError as StandInError } from "../excel-mock/office";

/** Installs a fresh stand-in CustomFunctions global; returns it (its `functions` map holds associations). */
export function installCustomFunctions(): MockCustomFunctions {
  const cf = createCustomFunctions();
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = cf;
  return cf;
}

/** A column range as Excel passes it: [[v1], [v2], ...]. */
export const col = (...values: unknown[]): unknown[][] => values.map((v) => [v]);

/** Parameter addresses as Excel supplies them with @requiresParameterAddresses. */
export const at = (...parameterAddresses: string[]) =>
  ({ parameterAddresses }) as unknown as CustomFunctions.Invocation;

/**
 * What Excel passes for an omitted optional argument (null), typed to fit a parameter declared
 * `x?: unknown[][]` (an optional range must be declared that way for its metadata to say "matrix").
 */
export const OMITTED = null as unknown as undefined;
