/* global __dirname, console */
import { describe, test, expect } from "@jest/globals";
// The functions contract: the built bundle and the generated metadata agree. Runs on dist/ (the
// test command builds first): every id in functions.json is associated by the bundle, parameter
// counts and optionality match the TypeScript signatures, and every function has its zh-CN metadata.
import fs from "fs";
import path from "path";
import ts from "typescript";
import vm from "vm";
import { FUNCTION_CATALOG } from "../../src/taskpane/catalog";
import { createCustomFunctions, MockCustomFunctionError } from "../excel-mock/office";

interface Param {
  name: string;
  description?: string;
  optional?: boolean;
  dimensionality?: string;
}
interface Fn {
  id: string;
  name: string;
  description: string;
  parameters: Param[];
  options?: { requiresAddress?: boolean; requiresParameterAddresses?: boolean };
  result?: { dimensionality?: string };
}

const dist = path.resolve(__dirname, "../../dist");
const read = (file: string) => {
  const p = path.join(dist, file);
  if (!fs.existsSync(p))
    throw new Error(`${p} is missing: run \`npm run build\` first (npm test does)`);
  return fs.readFileSync(p, "utf8");
};

const en: Fn[] = JSON.parse(read("functions.json")).functions;
const zh: Fn[] = JSON.parse(read("functions.zh-CN.json")).functions;

const customFunctions = createCustomFunctions();
const associated = customFunctions.functions;
const sandbox: Record<string, unknown> = {
  CustomFunctions: customFunctions,
  Office: { context: { displayLanguage: "en-US" }, onReady: () => Promise.resolve({}) },
  console,
};
sandbox.self = sandbox;
sandbox.window = sandbox;
vm.runInNewContext(read("functions.js"), sandbox, { filename: "functions.js" });

/** Parameters of every @customfunction in src/functions, from the TypeScript source. */
function sourceSignatures(): Map<string, { name: string; optional: boolean; range: boolean }[]> {
  const dir = path.resolve(__dirname, "../../src/functions");
  const out = new Map<string, { name: string; optional: boolean; range: boolean }[]>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
    const text = fs.readFileSync(path.join(dir, file), "utf8");
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    sf.forEachChild((node) => {
      if (!ts.isFunctionDeclaration(node)) return;
      const doc = ts.getJSDocTags(node).find((t) => t.tagName.text === "customfunction");
      if (!doc) return;
      const id = String(doc.comment ?? "")
        .trim()
        .split(/\s+/)[0];
      const params = node.parameters
        .filter((p) => !/CustomFunctions\.(Streaming)?Invocation/.test(p.type?.getText() ?? ""))
        .map((p) => ({
          name: p.name.getText(),
          optional: !!p.questionToken || !!p.initializer,
          range: /\[\]\[\]/.test(p.type?.getText() ?? ""),
        }));
      out.set(id, params);
    });
  }
  return out;
}

describe("functions.json", () => {
  test("lists the functions", () => {
    expect(en.map((f) => f.id)).toEqual(expect.arrayContaining(["RFM", "FUNNEL_WEIGHT"]));
  });

  test("every id is associated, and nothing else is", () => {
    expect([...associated.keys()].sort()).toEqual(en.map((f) => f.id).sort());
  });

  const sigs = sourceSignatures();
  test.each(en.map((f) => [f.id, f] as const))(
    "%s: parameters match the source and the bundle",
    (id, f) => {
      const sig = sigs.get(id);
      expect(sig).toBeDefined();
      expect(f.parameters.map((p) => [p.name, !!p.optional])).toEqual(
        sig!.map((p) => [p.name, p.optional])
      );
      const firstOptional = f.parameters.findIndex((p) => p.optional);
      if (firstOptional >= 0)
        expect(f.parameters.slice(firstOptional).every((p) => p.optional)).toBe(true);
      const extra = f.options?.requiresAddress || f.options?.requiresParameterAddresses ? 1 : 0;
      expect(associated.get(id)!.length).toBe(f.parameters.length + extra);
      expect(f.description.length).toBeGreaterThan(20);
      f.parameters.forEach((p) => expect(p.description?.length ?? 0).toBeGreaterThan(5));
    }
  );

  test("every function has a gallery entry whose data columns are its first parameters", () => {
    for (const f of en) {
      const entry = FUNCTION_CATALOG[f.id];
      expect(entry).toBeDefined();
      expect(entry.dataColumns).toEqual(
        f.parameters.slice(0, entry.dataColumns.length).map((p) => p.name)
      );
      expect(entry.example.startsWith(`=KAM.${f.id}(`)).toBe(true);
    }
  });
});

describe("functions.zh-CN.json", () => {
  const cjk = /[\u4e00-\u9fff]/;
  test("has the same functions and parameters", () => {
    expect(zh.map((f) => [f.id, f.parameters.map((p) => p.name)])).toEqual(
      en.map((f) => [f.id, f.parameters.map((p) => p.name)])
    );
  });
  test.each(zh.map((f) => [f.id, f] as const))("%s: zh-CN name and descriptions", (_id, f) => {
    // Excel: a name starts with a letter, has at least 3 characters, and uses letters, "_" and "." only.
    expect(f.name).toMatch(/^\p{L}[\p{L}_.]{2,}$/u);
    expect(f.name).toMatch(cjk);
    expect(f.description).toMatch(cjk);
    f.parameters.forEach((p) => expect(p.description).toMatch(cjk));
  });
  test("names are unique", () => expect(new Set(zh.map((f) => f.name)).size).toBe(zh.length));
});

describe("the bundled functions run", () => {
  const call = (id: string, ...args: unknown[]) => associated.get(id)!(...args);
  test("FUNNEL_WEIGHT", () => {
    expect(
      call("FUNNEL_WEIGHT", [[100], [200]], [["Won"], ["50%"]], null, null, undefined)
    ).toEqual([[100], [100]]);
  });
  test("RFM (queued: a Promise, src/functions/shared.ts reused)", async () => {
    const out = await call(
      "RFM",
      [["A"], ["B"]],
      [[45300], [45301]],
      [[10], [20]],
      null,
      null,
      false,
      undefined
    );
    expect(out).toHaveLength(2);
    expect((out as unknown[][])[0].slice(0, 4)).toEqual(["A", 2, 1, 10]);
  });
  test("bad input throws CustomFunctions.Error(invalidValue) with the message", () => {
    let caught: unknown;
    try {
      call("FUNNEL_WEIGHT", [[1]], [["Nope"]], null, null, { parameterAddresses: ["A1", "B1"] });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(MockCustomFunctionError);
    expect((caught as MockCustomFunctionError).code).toBe("#VALUE!");
    expect((caught as MockCustomFunctionError).message).toMatch(
      /^KAM\.FUNNEL_WEIGHT: stages, row 1 \(B1\): unknown stage "Nope"/
    );
  });
});
