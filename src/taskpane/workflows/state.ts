// The workflow panel's state in one place: what the user chose (the source, the columns, the date
// order, the stages' probabilities, the options, the output mode), the data read, the phase of the
// work under way and the notice shown. One pure reducer changes it; what follows from it (the source
// analysis, the stage check) is derived by the panel, never stored.

import { stageKey } from "../../engine/pipeline/funnel";
import { ReportSheet, WorkflowId } from "../../report/model";
import { ExtraId, Role } from "../../report/roles";
import type { DateChoice } from "./DateOrderField";
import { RawOptions, initialOptions } from "./options";
import type { PanelNoticeContent } from "./PanelNotice";
import { ExistingReport, SourceBlock, SourceList, SourceRef } from "./port";
import { StageEdits } from "./stages";

export type SourceKind = SourceRef["kind"];

/** The user's column choices: a role's column index, or null = the role is not used. */
export type ColumnMapping = Partial<Record<Role, number | null>>;

/** What the panel is doing: nothing, reading the data, building the report, asking before an earlier
 *  report sheet is replaced, writing the report. */
export type Phase =
  | { kind: "idle" }
  | { kind: "reading" }
  | { kind: "building"; done: number; total: number }
  | {
      kind: "confirm";
      reports: ReportSheet[];
      /** Per report sheet, the earlier sheet it would replace (undefined: a new sheet). */
      replace: (ExistingReport | undefined)[];
    }
  | { kind: "writing"; done: number; total: number };

export interface WorkflowState {
  sourceKind: SourceKind;
  /** The workbook's tables and names; null until listed. */
  sources: SourceList | null;
  /** The table or name chosen ("" = none yet). */
  sourceName: string;
  /** The data read; null before a read and after a failed one. */
  block: SourceBlock | null;
  /** The extra sources read (contacts, targets, ...: the workflow's WORKFLOW_EXTRAS). */
  extras: Partial<Record<ExtraId, SourceBlock>>;
  /** The extra source being read, if any. */
  readingExtra: ExtraId | null;
  mapping: ColumnMapping;
  /** The user's header row (index in the block, null = none); undefined = as detected. */
  headerRow: number | null | undefined;
  dateChoice: DateChoice;
  stageEdits: StageEdits;
  /** The option fields as typed. */
  raw: RawOptions;
  /** Live KAM formulas instead of portable values. */
  live: boolean;
  phase: Phase;
  notice: PanelNoticeContent | null;
}

export type WorkflowAction =
  | { type: "sourceKindChosen"; kind: SourceKind }
  | { type: "sourceNameChosen"; name: string }
  | { type: "sourcesListed"; sources: SourceList }
  | { type: "readStarted" }
  | { type: "dataRead"; block: SourceBlock }
  | { type: "readFailed"; notice: PanelNoticeContent }
  | { type: "extraReadStarted"; id: ExtraId }
  | { type: "extraRead"; id: ExtraId; block: SourceBlock }
  | { type: "extraFailed"; id: ExtraId; notice: PanelNoticeContent }
  | { type: "extraCleared"; id: ExtraId }
  | { type: "mappingChanged"; role: Role; column: number | null }
  | { type: "headerRowChanged"; row: number | null }
  | { type: "dateOrderChanged"; choice: DateChoice }
  | { type: "stageEdited"; name: string; text: string }
  | { type: "stagesReset" }
  | { type: "optionChanged"; key: string; value: string | boolean }
  | { type: "outputModeChanged"; live: boolean }
  | { type: "optionsRejected"; notice: PanelNoticeContent }
  | { type: "buildStarted" }
  | { type: "buildProgress"; done: number; total: number }
  | { type: "buildFailed"; notice: PanelNoticeContent }
  | { type: "replaceAsked"; reports: ReportSheet[]; replace: (ExistingReport | undefined)[] }
  | { type: "replaceCancelled" }
  | { type: "writeStarted" }
  | { type: "writeProgress"; done: number; total: number }
  | { type: "written"; notice: PanelNoticeContent }
  | { type: "writeFailed"; notice: PanelNoticeContent }
  | { type: "noticeDismissed" };

const IDLE: Phase = { kind: "idle" };

export function initialWorkflowState(workflow: WorkflowId): WorkflowState {
  return {
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
    raw: initialOptions(workflow),
    live: false,
    phase: IDLE,
    notice: null,
  };
}

/** New data (or none): the choices made for the earlier data start over. */
function freshChoices(): Pick<
  WorkflowState,
  "mapping" | "headerRow" | "dateChoice" | "stageEdits"
> {
  return { mapping: {}, headerRow: undefined, dateChoice: "auto", stageEdits: {} };
}

export function workflowReducer(state: WorkflowState, action: WorkflowAction): WorkflowState {
  switch (action.type) {
    case "sourceKindChosen":
      return { ...state, sourceKind: action.kind };
    case "sourceNameChosen":
      return { ...state, sourceName: action.name };
    case "sourcesListed":
      return { ...state, sources: action.sources };
    case "readStarted":
      return { ...state, phase: { kind: "reading" }, notice: null };
    case "dataRead":
      return { ...state, ...freshChoices(), block: action.block, phase: IDLE };
    case "readFailed":
      // Nothing of the earlier data stays on screen as if it were what was read.
      return { ...state, ...freshChoices(), block: null, notice: action.notice, phase: IDLE };
    case "extraReadStarted":
      return { ...state, readingExtra: action.id, notice: null };
    case "extraRead":
      return {
        ...state,
        extras: { ...state.extras, [action.id]: action.block },
        readingExtra: null,
      };
    case "extraFailed": {
      // Nothing of an earlier read of this source stays as if it were what was read.
      const extras = { ...state.extras };
      delete extras[action.id];
      return { ...state, extras, readingExtra: null, notice: action.notice };
    }
    case "extraCleared": {
      const extras = { ...state.extras };
      delete extras[action.id];
      return { ...state, extras };
    }
    case "mappingChanged":
      return { ...state, mapping: { ...state.mapping, [action.role]: action.column } };
    case "headerRowChanged":
      return { ...state, headerRow: action.row };
    case "dateOrderChanged":
      return { ...state, dateChoice: action.choice };
    case "stageEdited":
      return {
        ...state,
        stageEdits: {
          ...state.stageEdits,
          [stageKey(action.name)]: { name: action.name, text: action.text },
        },
      };
    case "stagesReset":
      return { ...state, stageEdits: {} };
    case "optionChanged":
      return { ...state, raw: { ...state.raw, [action.key]: action.value } };
    case "outputModeChanged":
      return { ...state, live: action.live };
    case "optionsRejected":
      return { ...state, notice: action.notice };
    case "buildStarted":
      return { ...state, phase: { kind: "building", done: 0, total: 1 }, notice: null };
    case "buildProgress":
      return { ...state, phase: { kind: "building", done: action.done, total: action.total } };
    case "buildFailed":
      return { ...state, phase: IDLE, notice: action.notice };
    case "replaceAsked":
      return {
        ...state,
        phase: { kind: "confirm", reports: action.reports, replace: action.replace },
      };
    case "replaceCancelled":
      return { ...state, phase: IDLE };
    case "writeStarted":
      return { ...state, phase: { kind: "writing", done: 0, total: 1 } };
    case "writeProgress":
      return { ...state, phase: { kind: "writing", done: action.done, total: action.total } };
    case "written":
    case "writeFailed":
      return { ...state, phase: IDLE, notice: action.notice };
    case "noticeDismissed":
      return { ...state, notice: null };
  }
}

/** Reading, building or writing: the buttons wait (not while the replace question is open). */
export function isBusy(phase: Phase): boolean {
  return phase.kind !== "idle" && phase.kind !== "confirm";
}

/** An extra source's choice in the Data step: "selection", "table:NAME" or "name:NAME". */
export function extraRef(choice: string): SourceRef | null {
  if (choice === "selection") return { kind: "selection" };
  const m = /^(table|name):(.+)$/.exec(choice);
  return m ? { kind: m[1] as "table" | "name", name: m[2] } : null;
}

/** The source to read: the selection, or the table or name chosen. */
export function sourceRef(state: Pick<WorkflowState, "sourceKind" | "sourceName">): SourceRef {
  return state.sourceKind === "selection"
    ? { kind: "selection" }
    : { kind: state.sourceKind, name: state.sourceName };
}

/** Read data is possible: nothing under way, and a table or name chosen when one is asked for. */
export function canRead(state: WorkflowState): boolean {
  return !isBusy(state.phase) && (state.sourceKind === "selection" || state.sourceName !== "");
}
