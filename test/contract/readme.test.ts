// The README's function reference against the built metadata (dist/functions.json): every function
// is documented, with its parameters in order and optional ones in brackets, and the README names no
// function that does not exist. `npm test` builds dist/ before jest runs.

/* global __dirname */
import fs from "node:fs";
import path from "node:path";
import { describe, test, expect } from "@jest/globals";

interface Fn {
  id: string;
  parameters: { name: string; optional?: boolean }[];
}

const root = path.resolve(__dirname, "../..");
const functions: Fn[] = JSON.parse(
  fs.readFileSync(path.join(root, "dist/functions.json"), "utf8")
).functions;
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");

/** Every signature the README writes in backticks: `KAM.ID(a, b, [c])`. */
const documented = new Map<string, string[]>();
for (const m of readme.matchAll(/`KAM\.([A-Z_]+)\(([^`]*)\)`/g)) {
  const args = m[2]
    .split(",")
    .map((a) => a.trim())
    .filter((a) => a !== "");
  const earlier = documented.get(m[1]);
  // the fullest signature of a function is its reference entry
  if (!earlier || args.length > earlier.length) documented.set(m[1], args);
}

describe("README function reference", () => {
  test.each(functions.map((f) => [f.id, f] as const))("%s is documented as built", (id, fn) => {
    const args = documented.get(id);
    expect(args).toBeDefined();
    const expected = fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
    expect(args).toEqual(expected);
  });

  test("every function the README signs exists", () => {
    const ids = new Set(functions.map((f) => f.id));
    expect([...documented.keys()].filter((id) => !ids.has(id))).toEqual([]);
  });
});
