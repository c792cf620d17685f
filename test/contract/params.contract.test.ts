/* global __dirname, require */
import { describe, test, expect } from "@jest/globals";
// The parameter-name contract: wrappers look up an argument's cell address by parameter name
// (argAddresses(invocation, PARAMS.ID)), so each wrapper module's PARAMS must list its functions'
// parameters exactly as the generated metadata does, in order. Runs on dist/functions.json (the test
// command builds first).
import fs from "fs";
import path from "path";
import { argAddresses } from "../../src/functions/shared";

interface Fn {
  id: string;
  parameters: { name: string }[];
  options?: { requiresAddress?: boolean; requiresParameterAddresses?: boolean };
}

const dist = path.resolve(__dirname, "../../dist/functions.json");
if (!fs.existsSync(dist))
  throw new Error(`${dist} is missing: run \`npm run build\` first (npm test does)`);
const en: Fn[] = JSON.parse(fs.readFileSync(dist, "utf8")).functions;
const byId = new Map(en.map((f) => [f.id, f]));

/** Wrappers allowed to keep a positional lookup: none (every wrapper looks arguments up by name). */
const PENDING = /^$/;

const dir = path.resolve(__dirname, "../../src/functions");
const wrappers = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "shared.ts")
  .map((file) => {
    const text = fs.readFileSync(path.join(dir, file), "utf8");
    const ids = [...text.matchAll(/@customfunction\s+(\w+)/g)].map((m) => m[1]);
    const declares = /^export const PARAMS\b/m.test(text);
    return { file, text, ids, declares };
  })
  .filter((w) => w.ids.length > 0);

const paramsOf = (file: string): Record<string, readonly string[]> =>
  require(path.join(dir, file)).PARAMS;

describe("PARAMS", () => {
  const declaring = wrappers.filter((w) => w.declares);

  test("wrappers declare them", () => {
    expect(declaring.length).toBeGreaterThan(20);
  });

  test.each(declaring.map((w) => [w.file, w] as const))(
    "%s: one list per function, equal to functions.json",
    (_file, w) => {
      const params = paramsOf(w.file);
      expect(Object.keys(params).sort()).toEqual([...w.ids].sort());
      for (const id of w.ids) {
        const f = byId.get(id);
        expect(f).toBeDefined();
        expect([id, [...params[id]]]).toEqual([id, f!.parameters.map((p) => p.name)]);
      }
    }
  );

  test("every function given parameter addresses declares its PARAMS", () => {
    const missing = wrappers
      .filter((w) => !w.declares && !PENDING.test(w.file))
      .flatMap((w) => w.ids.filter((id) => byId.get(id)?.options?.requiresParameterAddresses));
    expect(missing).toEqual([]);
  });

  test("converted wrappers no longer look arguments up by position", () => {
    const positional = wrappers
      .filter((w) => !PENDING.test(w.file) && /\baddressOf\(/.test(w.text))
      .map((w) => w.file);
    expect(positional).toEqual([]);
  });
});

describe("argAddresses", () => {
  const NAMES = ["first", "second", "third"] as const;

  test("looks an address up by parameter name", () => {
    const at = argAddresses({ parameterAddresses: ["Sheet1!A1", "", "B2:B9"] }, NAMES);
    expect(at("first")).toBe("Sheet1!A1");
    expect(at("second")).toBeUndefined(); // an empty address counts as none
    expect(at("third")).toBe("B2:B9");
  });

  test("without an invocation or addresses every address is undefined", () => {
    expect(argAddresses(undefined, NAMES)("first")).toBeUndefined();
    expect(argAddresses({}, NAMES)("third")).toBeUndefined();
  });

  test("a name that is not a parameter is a compile error", () => {
    const at = argAddresses({ parameterAddresses: ["A1"] }, NAMES);
    // @ts-expect-error "fourth" is not one of NAMES
    expect(at("fourth")).toBeUndefined();
  });
});
