import { expect } from "@jest/globals";
import { StandInError } from "./customFunctions";

/** Calls fn and returns the message of the CustomFunctions.Error it throws (fails if it does not). */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof StandInError) {
      expect(e.code).toBe("#VALUE!");
      return e.message;
    }
    throw e;
  }
  throw new Error("expected a CustomFunctions.Error, but the function returned normally");
}
