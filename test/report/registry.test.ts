// The workflow registry and the declared options: every workflow has one entry, and an option's
// bounds are the same for the builder, the task pane's fields and the `kam report` flags — a value
// just outside them is refused by all three, a value on an allowed bound by none.

import { describe, test, expect } from "@jest/globals";
import { WORKFLOW_REGISTRY, buildReport } from "../../src/report";
import { WORKFLOWS, WorkflowId } from "../../src/report/model";
import { OptionSpec, WORKFLOW_OPTIONS, boundsText, readOptionText } from "../../src/report/options";
import { Dataset, WORKFLOW_ROLES } from "../../src/report/roles";
import { parseOptions } from "../../src/taskpane/workflows/options";
import { parseReportArgs } from "../../src/cli/report";
import { getWorkflowStrings } from "../../src/i18n/workflows";

/** A dataset with no rows: the builders check their options before they look at rows. */
function empty(workflow: WorkflowId): Dataset {
  const data: Dataset = {
    workflow,
    rows: 0,
    text: {},
    numbers: {},
    sheetRows: [],
    source: "Test!A1",
    addresses: {},
  };
  for (const spec of WORKFLOW_ROLES[workflow]) {
    if (spec.kind === "text") data.text[spec.role] = [];
    else if (spec.keepBlank) (data.sparse ??= {})[spec.role] = [];
    else data.numbers[spec.role] = [];
  }
  return data;
}

async function builderMessage(workflow: WorkflowId, key: string, value: unknown): Promise<string> {
  try {
    await buildReport(workflow, empty(workflow), { lang: "en", [key]: value } as never);
    return "";
  } catch (e) {
    return (e as Error).message;
  }
}

/** Values just outside and on each bound of a number option. */
function edges(spec: OptionSpec): { outside: number[]; inside: number[] } {
  const outside: number[] = [];
  const inside: number[] = [];
  if (spec.kind !== "number" && spec.kind !== "percent") return { outside, inside };
  const step = spec.kind === "number" && spec.integer ? 1 : 1e-6;
  if (spec.min !== undefined) {
    if (spec.minOpen) outside.push(spec.min);
    else {
      outside.push(spec.min - step);
      inside.push(spec.min);
    }
  }
  if (spec.max !== undefined) {
    if (spec.maxOpen) outside.push(spec.max);
    else {
      outside.push(spec.max + step);
      inside.push(spec.max);
    }
  }
  return { outside, inside };
}

describe("workflow registry", () => {
  test("one entry per workflow, with its roles and options", () => {
    expect(Object.keys(WORKFLOW_REGISTRY).sort()).toEqual([...WORKFLOWS].sort());
    for (const w of WORKFLOWS) {
      expect(WORKFLOW_REGISTRY[w].id).toBe(w);
      expect(WORKFLOW_REGISTRY[w].roles).toBe(WORKFLOW_ROLES[w]);
      expect(WORKFLOW_REGISTRY[w].options).toBe(WORKFLOW_OPTIONS[w]);
    }
  });

  test("every option has its pane label, and every choice its name, in both languages", () => {
    for (const language of ["en-US", "zh-CN"] as const) {
      const t = getWorkflowStrings(language);
      for (const w of WORKFLOWS)
        for (const spec of WORKFLOW_OPTIONS[w]) {
          expect([w, spec.key, t.optionLabels[spec.key]]).toEqual([
            w,
            spec.key,
            expect.any(String),
          ]);
          if (spec.kind === "choice")
            for (const c of spec.choices)
              expect([spec.key, c, t.choiceLabels[c]]).toEqual([spec.key, c, expect.any(String)]);
        }
    }
  });

  test("bounds text", () => {
    const bins = WORKFLOW_OPTIONS.accounts.find((o) => o.key === "bins") as OptionSpec;
    expect(boundsText(bins)).toBe("2–9");
    const share = WORKFLOW_OPTIONS.accounts.find((o) => o.key === "paretoShare") as OptionSpec;
    expect(boundsText(share)).toBe("0 < x ≤ 1");
    expect(readOptionText(share, "80%")).toEqual({ value: 0.8 });
    expect(readOptionText(share, "80")).toEqual({ value: 0.8 });
    expect(readOptionText(share, "0.8")).toEqual({ value: 0.8 });
    expect(readOptionText(share, "0")).toEqual({ problem: "range" });
    expect(readOptionText(share, "many")).toEqual({ problem: "number" });
  });

  for (const workflow of WORKFLOWS) {
    for (const spec of WORKFLOW_OPTIONS[workflow]) {
      const { outside, inside } = edges(spec);
      if (outside.length === 0) continue;
      test(`${workflow}.${spec.key}: builder, pane and flag agree on ${boundsText(spec)}`, async () => {
        for (const v of outside) {
          const message = await builderMessage(workflow, spec.key, v);
          expect(message).not.toBe("");
          expect(message).not.toMatch(/undefined|NaN/);
          // The pane refuses the same value typed as text ("%" so a percent is not rescaled).
          const text = spec.kind === "percent" ? `${v * 100}%` : String(v);
          const pane = parseOptions(workflow, { [spec.key]: text });
          expect(pane.ok).toBe(false);
          if (spec.flag !== undefined)
            expect(() =>
              parseReportArgs(["--in", "a.csv", "--out", "o.xlsx", `--${spec.flag}`, text])
            ).toThrow(`--${spec.flag}`);
          // On an allowed bound the builder stops, if at all, for another reason (no rows).
          for (const ok of inside) {
            const other = await builderMessage(workflow, spec.key, ok);
            expect(other).not.toBe(message);
            const okText = spec.kind === "percent" ? `${ok * 100}%` : String(ok);
            expect(parseOptions(workflow, { [spec.key]: okText }).ok).toBe(true);
          }
        }
      });
    }
  }
});
