// The one error type of the Excel boundary: a problem with the user's input, phrased so that the
// user can find and fix it ("KAM.RFM: amounts, row 7 (C8): "abc" is not a number").

import { columnIndex, columnLetters } from "../report/names";

/** Where a problem is: the function, the argument, and optionally a 0-based position in it. */
export interface Place {
  /** Function as the user types it, e.g. "KAM.RFM". */
  fn: string;
  /** Argument name as in the function's signature, e.g. "amounts". */
  arg: string;
  /** A1 address of the argument's range when Excel supplies it, e.g. "Sheet1!C2:C500". */
  address?: string;
}

/** Bad input. The function layer turns it into CustomFunctions.Error(invalidValue, message). */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}

/**
 * Throws an InputError about a whole argument: "KAM.RFM: bins (B2): must be a whole number from 2
 * to 9" — with the argument's cell or range, without its sheet, when Excel supplied the address.
 */
export function argError(place: Place, problem: string): never {
  const where = place.address ? ` (${withoutSheet(place.address)})` : "";
  throw new InputError(`${place.fn}: ${place.arg}${where}: ${problem}`);
}

/** "C2:C500" of "Sheet1!C2:C500" or "'My sheet'!C2:C500", as cell errors name cells. */
function withoutSheet(address: string): string {
  const bang = address.lastIndexOf("!");
  return (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, "");
}

/**
 * Throws an InputError about one cell of a range argument. `row` and `col` are 0-based offsets
 * inside the range as passed (a header row counts, so numbers match what the user sees);
 * `vertical` says whether the argument is a column (cells named by row) or a row (by column).
 */
export function cellError(
  place: Place,
  row: number,
  col: number,
  vertical: boolean,
  problem: string
): never {
  const position = vertical ? `row ${row + 1}` : `column ${col + 1}`;
  const cell = cellAddress(place.address, row, col);
  throw new InputError(
    `${place.fn}: ${place.arg}, ${position}${cell ? ` (${cell})` : ""}: ${problem}`
  );
}

/** The A1 address of the cell at (row, col) inside a range address such as "Sheet1!B2:D9". */
export function cellAddress(
  rangeAddress: string | undefined,
  row: number,
  col: number
): string | undefined {
  if (!rangeAddress) return undefined;
  const bang = rangeAddress.lastIndexOf("!");
  const ref = bang >= 0 ? rangeAddress.slice(bang + 1) : rangeAddress;
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)/.exec(ref);
  if (!m) return undefined;
  return `${columnLetters(columnIndex(m[1]) + col)}${Number(m[2]) + row}`;
}
