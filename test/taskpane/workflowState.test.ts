// The workflow panel's reducer: each action's effect on the state, in particular that new data (or a
// failed read) start the column choices over and that a failed read leaves nothing of the earlier
// data; the selectors; and the panel's work with Excel as the actions it dispatches.

import { describe, expect, test } from "@jest/globals";
import { ReportSheet } from "../../src/report/model";
import { initialOptions } from "../../src/taskpane/workflows/options";
import { PanelNoticeContent } from "../../src/taskpane/workflows/PanelNotice";
import { ExistingReport, SourceBlock, WorkflowPort } from "../../src/taskpane/workflows/port";
import {
  WorkflowAction,
  WorkflowState,
  canRead,
  initialWorkflowState,
  isBusy,
  sourceRef,
  workflowReducer,
} from "../../src/taskpane/workflows/state";
import { readData, writeReport } from "../../src/taskpane/workflows/commands";
import { getWorkflowStrings } from "../../src/i18n/workflows";

const block = (address = "Orders!A1:C3"): SourceBlock => ({
  address,
  sheet: "Orders",
  row: 0,
  column: 0,
  values: [
    ["Customer", "Date", "Amount"],
    ["Acme", 45300, 10],
    ["Globex", 45310, 20],
  ],
});
const notice = (title: string): PanelNoticeContent => ({ intent: "error", title, body: title });
const report = { name: "KAM Accounts", warnings: [] } as unknown as ReportSheet;
const existing: ExistingReport = {
  sheet: "KAM Accounts",
  marker: {
    product: "kam-analytics",
    workflow: "accounts",
    version: 1,
    created: "2024-05-01T10:00:00Z",
    source: "Orders!A1:C3",
  },
};

const run = (state: WorkflowState, ...actions: WorkflowAction[]): WorkflowState =>
  actions.reduce(workflowReducer, state);

/** The pipeline panel after a read, with every column choice made. */
function chosen(): WorkflowState {
  return run(
    initialWorkflowState("pipeline"),
    { type: "dataRead", block: block() },
    { type: "mappingChanged", role: "amount", column: 2 },
    { type: "headerRowChanged", row: null },
    { type: "dateOrderChanged", choice: "mdy" },
    { type: "stageEdited", name: "Proposal", text: "40" }
  );
}

describe("workflowReducer: the start", () => {
  test("the selection, nothing read, no choices, the workflow's default options, portable, idle", () => {
    const state = initialWorkflowState("forecast");
    expect(state).toEqual({
      sourceKind: "selection",
      sources: null,
      sourceName: "",
      block: null,
      extras: {},
      readingExtra: null,
      mapping: {},
      headerRow: undefined,
      dateChoice: "auto",
      stageEdits: {},
      raw: initialOptions("forecast"),
      live: false,
      phase: { kind: "idle" },
      notice: null,
    });
  });

  test("the reducer is pure: the state given is not changed, and what an action leaves alone is kept", () => {
    const before = chosen();
    const copy = JSON.parse(JSON.stringify(before));
    const after = workflowReducer(before, { type: "optionChanged", key: "horizon", value: "6" });
    expect(JSON.parse(JSON.stringify(before))).toEqual(copy);
    expect(after).not.toBe(before);
    expect(after.mapping).toBe(before.mapping);
    expect(after.stageEdits).toBe(before.stageEdits);
    expect(after.block).toBe(before.block);
  });
});

describe("workflowReducer: the data", () => {
  test("source chosen: the kind and the table or name", () => {
    const state = run(
      initialWorkflowState("accounts"),
      { type: "sourceKindChosen", kind: "table" },
      { type: "sourceNameChosen", name: "Sales" }
    );
    expect([state.sourceKind, state.sourceName]).toEqual(["table", "Sales"]);
    // Turning to names keeps the name typed so far; the list decides whether it is offered.
    const names = workflowReducer(state, { type: "sourceKindChosen", kind: "name" });
    expect([names.sourceKind, names.sourceName]).toEqual(["name", "Sales"]);
  });

  test("sources listed", () => {
    const sources = { tables: [], names: [{ name: "Data", address: "Orders!A1:C3" }] };
    const state = workflowReducer(initialWorkflowState("accounts"), {
      type: "sourcesListed",
      sources,
    });
    expect(state.sources).toBe(sources);
  });

  test("read started: reading, the earlier notice gone, the earlier data still shown", () => {
    const before = run(chosen(), { type: "optionsRejected", notice: notice("bad") });
    const state = workflowReducer(before, { type: "readStarted" });
    expect(state.phase).toEqual({ kind: "reading" });
    expect(state.notice).toBeNull();
    expect(state.block).toBe(before.block);
  });

  test("data read: the block, idle, and the column choices, date order and stage edits start over", () => {
    const next = block("Orders!A1:C99");
    const state = run(chosen(), { type: "readStarted" }, { type: "dataRead", block: next });
    expect(state.block).toBe(next);
    expect(state.phase).toEqual({ kind: "idle" });
    expect(state.mapping).toEqual({});
    expect(state.headerRow).toBeUndefined();
    expect(state.dateChoice).toBe("auto");
    expect(state.stageEdits).toEqual({});
  });

  test("data read keeps the source, the options and the output mode", () => {
    const before = run(
      chosen(),
      { type: "sourceKindChosen", kind: "table" },
      { type: "sourceNameChosen", name: "Sales" },
      { type: "optionChanged", key: "horizon", value: "6" },
      { type: "outputModeChanged", live: true }
    );
    const state = run(before, { type: "readStarted" }, { type: "dataRead", block: block() });
    expect(state.sourceKind).toBe("table");
    expect(state.sourceName).toBe("Sales");
    expect(state.raw).toBe(before.raw);
    expect(state.live).toBe(true);
  });

  test("read failed: the earlier data are cleared (no block, so no columns or preview), the choices start over, the notice says why", () => {
    const failure = notice("The data could not be read.");
    const state = run(chosen(), { type: "readStarted" }, { type: "readFailed", notice: failure });
    expect(state.block).toBeNull();
    expect(state.mapping).toEqual({});
    expect(state.headerRow).toBeUndefined();
    expect(state.dateChoice).toBe("auto");
    expect(state.stageEdits).toEqual({});
    expect(state.phase).toEqual({ kind: "idle" });
    expect(state.notice).toBe(failure);
  });
});

describe("workflowReducer: the columns", () => {
  test("mapping changed: one role's column, or not used; the other roles kept", () => {
    const state = run(
      initialWorkflowState("accounts"),
      { type: "dataRead", block: block() },
      { type: "mappingChanged", role: "customer", column: 0 },
      { type: "mappingChanged", role: "amount", column: 2 },
      { type: "mappingChanged", role: "customer", column: null }
    );
    expect(state.mapping).toEqual({ customer: null, amount: 2 });
  });

  test("header row changed: a row, or none", () => {
    const s1 = workflowReducer(initialWorkflowState("accounts"), {
      type: "headerRowChanged",
      row: 1,
    });
    expect(s1.headerRow).toBe(1);
    expect(workflowReducer(s1, { type: "headerRowChanged", row: null }).headerRow).toBeNull();
  });

  test("date order changed", () => {
    const state = workflowReducer(initialWorkflowState("pipeline"), {
      type: "dateOrderChanged",
      choice: "dmy",
    });
    expect(state.dateChoice).toBe("dmy");
    expect(workflowReducer(state, { type: "dateOrderChanged", choice: "auto" }).dateChoice).toBe(
      "auto"
    );
  });

  test("stage edited: keyed by the stage's key, the last text kept; reset clears them", () => {
    const state = run(
      initialWorkflowState("pipeline"),
      { type: "stageEdited", name: "Proposal", text: "4" },
      { type: "stageEdited", name: "Qualify", text: "20%" },
      { type: "stageEdited", name: "proposal ", text: "40" }
    );
    expect(Object.values(state.stageEdits)).toEqual([
      { name: "proposal ", text: "40" },
      { name: "Qualify", text: "20%" },
    ]);
    expect(workflowReducer(state, { type: "stagesReset" }).stageEdits).toEqual({});
  });
});

describe("workflowReducer: options and output", () => {
  test("option changed: one field, text or check box; the others kept", () => {
    const start = initialWorkflowState("accounts");
    const state = run(
      start,
      { type: "optionChanged", key: "a", value: "12" },
      { type: "optionChanged", key: "b", value: true }
    );
    expect(state.raw).toEqual({ ...start.raw, a: "12", b: true });
  });

  test("output mode changed", () => {
    const live = workflowReducer(initialWorkflowState("accounts"), {
      type: "outputModeChanged",
      live: true,
    });
    expect(live.live).toBe(true);
    expect(workflowReducer(live, { type: "outputModeChanged", live: false }).live).toBe(false);
  });

  test("options rejected: the notice, nothing started", () => {
    const problem = notice("Not ready yet");
    const state = workflowReducer(chosen(), { type: "optionsRejected", notice: problem });
    expect(state.notice).toBe(problem);
    expect(state.phase).toEqual({ kind: "idle" });
  });
});

describe("workflowReducer: building and writing", () => {
  test("build started: building from 0 of 1, the earlier notice gone; progress moves it", () => {
    const before = run(chosen(), { type: "optionsRejected", notice: notice("bad") });
    const started = workflowReducer(before, { type: "buildStarted" });
    expect(started.phase).toEqual({ kind: "building", done: 0, total: 1 });
    expect(started.notice).toBeNull();
    const progress = workflowReducer(started, { type: "buildProgress", done: 3, total: 7 });
    expect(progress.phase).toEqual({ kind: "building", done: 3, total: 7 });
  });

  test("build failed: idle with the notice; the data and choices stay", () => {
    const before = run(chosen(), { type: "buildStarted" });
    const failure = notice("The report could not be calculated.");
    const state = workflowReducer(before, { type: "buildFailed", notice: failure });
    expect(state.phase).toEqual({ kind: "idle" });
    expect(state.notice).toBe(failure);
    expect(state.block).toBe(before.block);
    expect(state.mapping).toBe(before.mapping);
    expect(state.stageEdits).toBe(before.stageEdits);
  });

  test("replace asked (confirm): the report and the earlier sheet; cancel goes back to idle", () => {
    const asked = run(
      chosen(),
      { type: "buildStarted" },
      { type: "replaceAsked", reports: [report], replace: [existing] }
    );
    expect(asked.phase).toEqual({ kind: "confirm", reports: [report], replace: [existing] });
    const cancelled = workflowReducer(asked, { type: "replaceCancelled" });
    expect(cancelled.phase).toEqual({ kind: "idle" });
    expect(cancelled.notice).toBeNull();
  });

  test("write started and progress: writing from 0 of 1, then as reported", () => {
    const started = run(
      chosen(),
      { type: "replaceAsked", reports: [report], replace: [existing] },
      { type: "writeStarted" }
    );
    expect(started.phase).toEqual({ kind: "writing", done: 0, total: 1 });
    const progress = workflowReducer(started, { type: "writeProgress", done: 2, total: 5 });
    expect(progress.phase).toEqual({ kind: "writing", done: 2, total: 5 });
  });

  test("written and write failed: idle with the notice; the data and choices stay", () => {
    const before = run(chosen(), { type: "buildStarted" }, { type: "writeStarted" });
    for (const type of ["written", "writeFailed"] as const) {
      const result = notice(type);
      const state = workflowReducer(before, { type, notice: result });
      expect(state.phase).toEqual({ kind: "idle" });
      expect(state.notice).toBe(result);
      expect(state.block).toBe(before.block);
      expect(state.dateChoice).toBe("mdy");
    }
  });

  test("notice dismissed", () => {
    const state = run(
      chosen(),
      { type: "written", notice: notice("done") },
      { type: "noticeDismissed" }
    );
    expect(state.notice).toBeNull();
  });
});

describe("selectors", () => {
  test("isBusy: reading, building and writing; not idle or while asking", () => {
    expect(isBusy({ kind: "idle" })).toBe(false);
    expect(isBusy({ kind: "reading" })).toBe(true);
    expect(isBusy({ kind: "building", done: 0, total: 1 })).toBe(true);
    expect(isBusy({ kind: "writing", done: 0, total: 1 })).toBe(true);
    expect(isBusy({ kind: "confirm", reports: [report], replace: [existing] })).toBe(false);
  });

  test("sourceRef and canRead: the selection at once; a table or name once one is chosen", () => {
    const start = initialWorkflowState("accounts");
    expect(sourceRef(start)).toEqual({ kind: "selection" });
    expect(canRead(start)).toBe(true);
    const table = workflowReducer(start, { type: "sourceKindChosen", kind: "table" });
    expect(canRead(table)).toBe(false);
    const sales = workflowReducer(table, { type: "sourceNameChosen", name: "Sales" });
    expect(sourceRef(sales)).toEqual({ kind: "table", name: "Sales" });
    expect(canRead(sales)).toBe(true);
    expect(canRead(workflowReducer(sales, { type: "readStarted" }))).toBe(false);
  });
});

describe("commands: the actions the panel's work dispatches", () => {
  const t = getWorkflowStrings("en-US");
  const port = (over: Partial<WorkflowPort>): WorkflowPort => ({
    listSources: async () => ({ tables: [], names: [] }),
    readSource: async () => block(),
    findReports: async () => [],
    writeReport: async () => ({ sheet: "KAM Accounts", replaced: false }),
    ...over,
  });
  const recorder = () => {
    const actions: WorkflowAction[] = [];
    return { actions, dispatch: (a: WorkflowAction) => void actions.push(a) };
  };

  test("a read: started, then the data", async () => {
    const { actions, dispatch } = recorder();
    const read = block();
    await readData(
      { workflow: "accounts", port: port({ readSource: async () => read }), dispatch, t },
      {
        kind: "selection",
      }
    );
    expect(actions).toEqual([{ type: "readStarted" }, { type: "dataRead", block: read }]);
  });

  test("a failed read: started, then failed with Excel's message", async () => {
    const { actions, dispatch } = recorder();
    const failing = port({
      readSource: async () => {
        throw Object.assign(new Error("Out of memory"), { code: "GeneralException" });
      },
    });
    await readData(
      { workflow: "accounts", port: failing, dispatch, t },
      { kind: "table", name: "Sales" }
    );
    expect(actions).toEqual([
      { type: "readStarted" },
      {
        type: "readFailed",
        notice: {
          intent: "error",
          title: t.readFailed,
          body: "Out of memory",
          detail: "GeneralException",
        },
      },
    ]);
  });

  test("a write: started, progress, written (a warning when the report has notes)", async () => {
    const { actions, dispatch } = recorder();
    const writing = port({
      writeReport: async (_report, options) => {
        options?.onProgress?.(1, 2);
        return { sheet: "KAM Accounts (2)", replaced: false };
      },
    });
    const noted = { ...report, warnings: ["Note."] } as ReportSheet;
    await writeReport({ workflow: "accounts", port: writing, dispatch, t }, [noted], []);
    expect(actions.map((a) => a.type)).toEqual(["writeStarted", "writeProgress", "written"]);
    expect(actions[1]).toEqual({ type: "writeProgress", done: 1, total: 2 });
    const written = actions[2] as Extract<WorkflowAction, { type: "written" }>;
    expect(written.notice).toMatchObject({
      intent: "warning",
      body: t.written("KAM Accounts (2)"),
      items: ["Note."],
    });
  });
});
