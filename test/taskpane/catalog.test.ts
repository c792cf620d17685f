// UI strings (both languages), the functions metadata loader, the examples catalog and the search.

import { describe, expect, test } from "@jest/globals";
import fs from "fs";
import path from "path";
import { LANGUAGES, STRINGS, getStrings, pickLanguage } from "../../src/i18n/strings";
import { FUNCTION_CATALOG, catalogProblems, dataColumnsOf } from "../../src/taskpane/catalog";
import { CORE_CATALOG } from "../../src/taskpane/catalog/core";
import {
  displayName,
  loadFunctionMetadata,
  metadataFile,
  parseFunctionMetadata,
  qualifiedId,
} from "../../src/taskpane/metadata";
import { filterFunctions } from "../../src/taskpane/search";
import { hasArgumentSpec } from "../../src/taskpane/argumentRoles";

/* global __dirname */

const fixture = (file: string): unknown =>
  JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures", file), "utf8"));
const en = parseFunctionMetadata(fixture("functions.json"));
const zh = parseFunctionMetadata(fixture("functions.zh-CN.json"));

describe("pickLanguage", () => {
  test("zh-* is zh-CN, everything else en-US", () => {
    expect(pickLanguage("zh-CN")).toBe("zh-CN");
    expect(pickLanguage("zh-TW")).toBe("zh-CN");
    expect(pickLanguage("ZH-hk")).toBe("zh-CN");
    expect(pickLanguage("zh")).toBe("zh-CN");
    expect(pickLanguage("en-US")).toBe("en-US");
    expect(pickLanguage("en-GB")).toBe("en-US");
    expect(pickLanguage("de-DE")).toBe("en-US");
    expect(pickLanguage("")).toBe("en-US");
    expect(pickLanguage(undefined)).toBe("en-US");
    expect(pickLanguage(null)).toBe("en-US");
  });
});

describe("UI strings", () => {
  test("both languages have the same keys, none empty; zh-CN is Chinese", () => {
    const keys = Object.keys(STRINGS["en-US"]).sort();
    for (const language of LANGUAGES) {
      const table = getStrings(language) as unknown as Record<string, unknown>;
      expect(Object.keys(table).sort()).toEqual(keys);
      for (const key of keys) {
        const value = table[key];
        const text = typeof value === "function" ? String(value("X", 2, "Y", 3)) : String(value);
        expect(text.trim()).not.toBe("");
        if (language === "zh-CN" && key !== "appTitle") {
          expect(`${key}: ${text}`).toMatch(/[\u4e00-\u9fff]/);
        }
      }
    }
  });

  test("counts read naturally", () => {
    const t = getStrings("en-US");
    expect(t.dataSize(1, 1)).toBe("1 data row × 1 column");
    expect(t.dataSize(1499, 3)).toBe("1,499 data rows × 3 columns");
    expect(getStrings("zh-CN").dataSize(499, 3)).toBe("499 行数据 × 3 列");
  });

  test("one instruction for selecting data, shared by the Reports and the Functions tab", () => {
    expect(getStrings("en-US").selectWholeList("Read data")).toBe(
      "Select the whole list in the sheet, header row included, then choose Read data."
    );
    expect(getStrings("zh-CN").selectWholeList("读取数据")).toBe(
      "在工作表中选中整个清单（包括标题行），然后点击“读取数据”。"
    );
  });
});

describe("functions metadata", () => {
  test("reads functions.json", () => {
    expect(en.map((f) => f.id)).toEqual(["FUNNEL_WEIGHT", "RFM"]);
    const rfm = en[1];
    expect(rfm.parameters.map((p) => [p.name, p.optional])).toEqual([
      ["customers", false],
      ["dates", false],
      ["amounts", false],
      ["as_of", true],
      ["bins", true],
      ["headers", true],
    ]);
    expect(rfm.spills).toBe(true);
    expect(qualifiedId(rfm)).toBe("KAM.RFM");
    expect(displayName(zh[1])).toBe("KAM.RFM分析");
  });

  test("rejects what is not a metadata file", () => {
    expect(() => parseFunctionMetadata({})).toThrow(/no functions list/);
    expect(() => parseFunctionMetadata({ functions: [{ name: "X" }] })).toThrow(/no id/);
  });

  test("an id written with the namespace is taken without it", () => {
    expect(parseFunctionMetadata({ functions: [{ id: "KAM.X" }] })[0].id).toBe("X");
  });

  test("loads the file for the language; zh-CN falls back to en-US", async () => {
    const asked: string[] = [];
    const files: Record<string, unknown> = { "functions.json": fixture("functions.json") };
    const load = async (url: string) => {
      asked.push(url);
      if (!(url in files)) throw new Error(`${url}: HTTP 404`);
      return files[url];
    };
    expect(metadataFile("zh-CN")).toBe("functions.zh-CN.json");
    const fallback = await loadFunctionMetadata("zh-CN", load);
    expect(asked).toEqual(["functions.zh-CN.json", "functions.json"]);
    expect(fallback[1].name).toBe("RFM");
    files["functions.zh-CN.json"] = fixture("functions.zh-CN.json");
    expect((await loadFunctionMetadata("zh-CN", load))[1].name).toBe("RFM分析");
    await expect(loadFunctionMetadata("en-US", async () => ({}))).rejects.toThrow();
  });
});

describe("catalog", () => {
  test("has an entry for every function of the fixture, matching its parameters", () => {
    // The fixture lists the two foundation functions; the contract test checks the whole catalog on dist/.
    expect(catalogProblems(en, CORE_CATALOG)).toEqual([]);
    expect(dataColumnsOf(en[1])).toEqual(["customers", "dates", "amounts"]);
    expect(dataColumnsOf(en[0])).toEqual(["amounts", "stages"]);
  });

  test("meanings exist in both languages", () => {
    for (const entry of Object.values(FUNCTION_CATALOG)) {
      expect(entry.meaning["en-US"]).toMatch(/\w/);
      expect(entry.meaning["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  test("reports missing entries and wrong data columns", () => {
    const problems = catalogProblems(
      [
        ...en,
        { id: "NEW_ONE", parameters: [] },
        { id: "RFM", parameters: [{ name: "dates" }, { name: "customers" }, { name: "amounts" }] },
      ],
      CORE_CATALOG
    );
    expect(problems).toEqual([
      "NEW_ONE: no entry in src/taskpane/catalog/",
      "RFM: data columns [customers, dates, amounts] are not its first parameters [dates, customers, amounts]",
    ]);
    expect(catalogProblems([en[0]], CORE_CATALOG)).toEqual([
      "RFM: in the catalog but not in functions.json",
    ]);
  });

  test("every data argument of the catalog has a role or kind for picking its column", () => {
    const unknown = Object.entries(FUNCTION_CATALOG).flatMap(([id, entry]) =>
      entry.dataColumns.filter((p) => !hasArgumentSpec(id, p)).map((p) => `${id}.${p}`)
    );
    expect(unknown).toEqual([]);
  });

  test("a function the catalog does not know yet takes its leading required ranges", () => {
    expect(
      dataColumnsOf({
        id: "FORECAST_SMOOTH",
        parameters: [
          { name: "values", dimensionality: "matrix" },
          { name: "horizon", dimensionality: "scalar" },
          { name: "alpha", dimensionality: "scalar", optional: true },
        ],
      })
    ).toEqual(["values"]);
  });
});

describe("search", () => {
  test("matches id, localized name, description and parameters, every word", () => {
    const ids = (query: string, list = en, language: "en-US" | "zh-CN" = "en-US") =>
      filterFunctions(list, query, language).map((f) => f.id);
    expect(ids("")).toEqual(["FUNNEL_WEIGHT", "RFM"]);
    expect(ids("rfm")).toEqual(["RFM"]);
    expect(ids("kam.funnel")).toEqual(["FUNNEL_WEIGHT"]);
    expect(ids("stage")).toEqual(["FUNNEL_WEIGHT"]);
    expect(ids("customer recency")).toEqual(["RFM"]);
    expect(ids("amounts")).toEqual(["FUNNEL_WEIGHT", "RFM"]);
    expect(ids("nothing-like-this")).toEqual([]);
    expect(ids("漏斗", zh, "zh-CN")).toEqual(["FUNNEL_WEIGHT"]);
    expect(ids("ＲＦＭ", zh, "zh-CN")).toEqual(["RFM"]); // full-width letters
  });
});
