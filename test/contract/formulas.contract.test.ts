/* global __dirname */
import { describe, expect, test } from "@jest/globals";
// The live-formula helper (src/report/formulas.ts) against the generated metadata: every KAM function
// it knows has the parameters of dist/functions.json, in the same order, with the same optional ones
// (the test command builds dist/ first). Then how kamCall writes a call, and that the report builders
// write KAM.* calls through it.
import fs from "fs";
import path from "path";
import {
  KAM_NAMESPACE,
  KAM_SIGNATURES,
  KamId,
  booleanArg,
  dateArg,
  kamCall,
  kamParameters,
  numberArg,
  textArg,
} from "../../src/report/formulas";
import { NAMESPACE } from "../../src/taskpane/metadata";

interface Fn {
  id: string;
  parameters: { name: string; optional?: boolean }[];
}

const dist = path.resolve(__dirname, "../../dist/functions.json");
const functions = (): Fn[] => {
  if (!fs.existsSync(dist))
    throw new Error(`${dist} is missing: run \`npm run build\` first (npm test does)`);
  return JSON.parse(fs.readFileSync(dist, "utf8")).functions;
};

describe("the live-formula helper agrees with dist/functions.json", () => {
  const ids = Object.keys(KAM_SIGNATURES) as KamId[];
  test.each(ids)("%s: parameter names, order and optionality", (id) => {
    const f = functions().find((x) => x.id === id);
    expect(f).toBeDefined();
    const s = KAM_SIGNATURES[id];
    expect(kamParameters(id)).toEqual(f!.parameters.map((p) => p.name));
    expect(f!.parameters.map((p) => p.optional === true)).toEqual([
      ...s.required.map(() => false),
      ...s.optional.map(() => true),
    ]);
  });

  test("the namespace is the add-in's", () => expect(KAM_NAMESPACE).toBe(NAMESPACE));
});

describe("kamCall", () => {
  test("orders the arguments by the declared parameters, whatever the object's order", () => {
    expect(
      kamCall("RETENTION", { customers_new: "C3+D3", customers_end: "B3", customers_start: "B2" })
    ).toBe("KAM.RETENTION(B2,B3,C3+D3)");
  });

  test("an optional argument left out: an empty slot before a given one, dropped at the end", () => {
    const base = { customers: "A2:A9", dates: "B2:B9", amounts: "C2:C9" };
    expect(kamCall("RFM", base)).toBe("KAM.RFM(A2:A9,B2:B9,C2:C9)");
    expect(kamCall("RFM", { ...base, bins: "4" })).toBe("KAM.RFM(A2:A9,B2:B9,C2:C9,,4)");
    expect(kamCall("RFM", { ...base, as_of: undefined, bins: "", headers: "TRUE" })).toBe(
      "KAM.RFM(A2:A9,B2:B9,C2:C9,,,TRUE)"
    );
    expect(kamCall("PARETO", { customers: "A:A", amounts: "B:B", a_cut: "0.7" })).toBe(
      "KAM.PARETO(A:A,B:B,0.7)"
    );
  });

  test("a missing required argument or an unknown name is a builder's mistake", () => {
    expect(() =>
      kamCall("CHURN", { customers_start: "B2", customers_end: "", customers_new: "C3" })
    ).toThrow("KAM.CHURN: customers_end is required");
    expect(() =>
      kamCall("FORECAST_THETA", {
        values: "A2:A40",
        horizon: "6",
        season: "12",
      } as never)
    ).toThrow("KAM.FORECAST_THETA has no parameter season");
  });

  test("argument values: numbers, dates, texts, logicals", () => {
    expect([numberArg(undefined), numberArg(0.95), numberArg(5)]).toEqual([undefined, "0.95", "5"]);
    // 45306 = 2024-01-15; 60 is Excel's 1900-02-29; 61 = 1900-03-01
    expect([dateArg(undefined), dateArg(45306), dateArg(45306.75), dateArg(61)]).toEqual([
      undefined,
      "DATE(2024,1,15)",
      "DATE(2024,1,15)",
      "DATE(1900,3,1)",
    ]);
    expect([textArg("month"), textArg('say "hi"')]).toEqual(['"month"', '"say ""hi"""']);
    expect([booleanArg(true), booleanArg(false)]).toEqual(["TRUE", "FALSE"]);
  });
});

describe("the report builders write KAM.* calls through kamCall", () => {
  const dir = path.resolve(__dirname, "../../src/report");
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "formulas.ts");
  test.each(files)("%s has no hand-written =KAM.…( formula", (file) => {
    const text = fs.readFileSync(path.join(dir, file), "utf8");
    expect(text.match(/[`"']=KAM\.[A-Z_]+\(/g) ?? []).toEqual([]);
  });
});
