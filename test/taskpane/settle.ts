/* global document, setTimeout */
import { act } from "@testing-library/react";

/**
 * Lets pending Excel runs and React updates finish: waits in rounds of 20 ms until the page and
 * `state()` (what the stand-in workbook holds) have not changed for three rounds, or `maxRounds`
 * rounds have passed.
 */
export async function settleUntilStable(state: () => string, maxRounds: number): Promise<void> {
  let last = "";
  for (let stable = 0, round = 0; stable < 3 && round < maxRounds; round++) {
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 20)));
    const now = document.body.innerHTML + state();
    stable = now === last ? stable + 1 : 0;
    last = now;
  }
}
