/* global __dirname */
// The fast CSV reader (src/cli/read.ts parseCsvPlain) against csv-parse, the library readCsv used
// alone before: on every text it reads, the same records; on what it leaves to csv-parse, undefined.
import { describe, expect, test } from "@jest/globals";
import fc from "fast-check";
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { decodeText, parseCsvPlain, readCsv } from "../../src/cli/read";

const library = (text: string, delimiter: string): unknown => {
  try {
    return parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
};

const PIECES = [
  "a",
  "b",
  "1",
  ",",
  ";",
  "\t",
  '"',
  '""',
  "\n",
  "\r\n",
  "\r",
  " ",
  "\uFEFF",
  "-2.5",
  "中",
];

describe("parseCsvPlain", () => {
  test("reads as csv-parse reads, or leaves the text to it", () => {
    let read = 0;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 16 }),
        fc.constantFrom(",", ";", "\t"),
        (pieces, delimiter) => {
          const text = pieces.join("");
          const mine = parseCsvPlain(text, delimiter);
          if (mine === undefined) return;
          read++;
          expect(mine).toEqual(library(text, delimiter));
        }
      ),
      { numRuns: 20_000, seed: 20261203 }
    );
    // The property is not vacuous: a good share of the texts is read by the fast reader.
    expect(read).toBeGreaterThan(3000);
  });

  test("the cases by hand: empty lines, the last line end, quotes, BOM; and what it leaves", () => {
    expect(parseCsvPlain("", ",")).toEqual([]);
    expect(parseCsvPlain("\n", ",")).toEqual([[""]]);
    expect(parseCsvPlain("a,b\n\nc\n", ",")).toEqual([["a", "b"], [""], ["c"]]);
    expect(parseCsvPlain('\uFEFFa,b\r\n1,"x ""y"", z\r\nw"\r\n', ",")).toEqual([
      ["a", "b"],
      ["1", 'x "y", z\r\nw'],
    ]);
    expect(parseCsvPlain('a\n"b"c\n', ",")).toBeUndefined(); // text after a closing quote
    expect(parseCsvPlain('a\nb"c\n', ",")).toBeUndefined(); // a quote inside a field
    expect(parseCsvPlain('a\n"b\n', ",")).toBeUndefined(); // a quote left open
    expect(parseCsvPlain("a\r\nb\nc\n", ",")).toBeUndefined(); // mixed line ends
    expect(parseCsvPlain("a\rb\r", ",")).toBeUndefined(); // CR alone
  });

  test("every real CSV fixture reads the same through readCsv as through csv-parse", () => {
    const dir = path.join(__dirname, "../fixtures/real");
    const files = fs
      .readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".csv"));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const text = decodeText(fs.readFileSync(path.join(dir, f)));
      const first = text.split(/\r?\n/, 1)[0];
      const count = (ch: string) => first.split(ch).length - 1;
      let delimiter = ",";
      if (count(";") > count(delimiter)) delimiter = ";";
      if (count("\t") > count(delimiter)) delimiter = "\t";
      const mine = parseCsvPlain(text, delimiter);
      if (mine !== undefined) expect(mine).toEqual(library(text, delimiter));
      // And the sheet: numbers as numbers, the rest text, rectangular.
      const sheet = readCsv(text, f);
      const reference = library(text, delimiter) as string[][];
      const width = Math.max(...sheet.values.map((r) => r.length));
      sheet.values.forEach((row, i) => {
        expect(row).toHaveLength(width);
        row.forEach((v, c) => {
          const raw = reference[i]?.[c] ?? "";
          if (typeof v === "number") expect(v).toBe(Number(raw.trim()));
          else expect(v).toBe(raw);
        });
      });
    }
  });
});
