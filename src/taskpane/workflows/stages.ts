// The pipeline's stage table as the pane edits it: the report's default stages (Prospect … Won, Lost,
// with their aliases such as Closed Won and the zh-CN names) with the probabilities the user changed,
// and the unknown stages the user gave a probability. Won and lost stages keep 100% and 0%.

import { Stage, StageTable, categoryOfProbability, stageKey } from "../../engine/pipeline/funnel";
import { parseNumberText } from "../../cells/values";
import { REPORT_STAGE_TABLE, StageCheck } from "../../report/pipeline";

/** The report's default stages (the defaults and Lost): the report's own table, not a copy. */
export const REPORT_STAGES: readonly Stage[] = REPORT_STAGE_TABLE.stages;

/** One edited probability: the stage's name (the table's name, or an unknown stage as written) and
 *  the text typed. Keyed by stageKey(name). */
export interface StageEdit {
  name: string;
  text: string;
}

export type StageEdits = Readonly<Record<string, StageEdit>>;

/** A percentage typed into a stage's field: "35", "35%", "35 %", "12.5" -> 0.35 …; undefined when
 *  blank; NaN when it is not a percentage from 0% to 100%. */
export function parsePercent(text: string): number | undefined {
  const s = text.normalize("NFKC").trim();
  if (s === "") return undefined;
  const n = parseNumberText(`${s.replace(/%$/, "").trim()}%`);
  return n !== undefined && n >= 0 && n <= 1 ? n : NaN;
}

/** A probability as the pane shows it: 10%, 71.4% — as the pipeline report writes it. */
export { pct as percentText } from "../../i18n/report.pipeline";

/** Closed (won) and omitted (lost) stages keep 100% and 0%: the stage table rules them so. */
export function fixedStage(category: string): boolean {
  return category === "closed" || category === "omitted";
}

const DEFAULT_KEYS: ReadonlyMap<string, Stage> = new Map(
  REPORT_STAGES.flatMap((s) => [s.name, ...s.aliases].map((n) => [stageKey(n), s] as const))
);

export interface EditedStages {
  /** The stage table for checkStages and the report; undefined when nothing differs from the
   *  report's defaults (the report then uses its own). */
  table?: StageTable;
  /** Names whose typed text is not a percentage from 0% to 100%. */
  invalid: string[];
}

/**
 * The stage table from the edits. `base` is the check against the report's defaults: where the data
 * name their own stages (some unknown), the default open stages no deal is in are left out, as the
 * report leaves them out of its own table.
 */
export function editedStages(edits: StageEdits, base: StageCheck): EditedStages {
  const invalid: string[] = [];
  const changed = new Map<Stage, number>();
  const added: Stage[] = [];
  for (const [key, edit] of Object.entries(edits)) {
    const p = parsePercent(edit.text);
    if (p === undefined) continue;
    if (Number.isNaN(p)) {
      invalid.push(edit.name);
      continue;
    }
    const stage = DEFAULT_KEYS.get(key);
    if (stage) {
      if (!fixedStage(stage.category ?? "") && p !== stage.probability) changed.set(stage, p);
    } else {
      added.push({
        name: edit.name,
        aliases: [],
        probability: p,
        category: categoryOfProbability(p),
      });
    }
  }
  if (changed.size === 0 && added.length === 0) return { invalid };
  const used = new Set(base.known.map((k) => k.name));
  const dropUnused = base.unknown.length > 0;
  const open = REPORT_STAGES.filter((s) => !fixedStage(s.category ?? "")).filter(
    (s) => !dropUnused || used.has(s.name)
  );
  const closed = REPORT_STAGES.filter((s) => fixedStage(s.category ?? ""));
  const stages = [
    ...open.map((s) => (changed.has(s) ? { ...s, probability: changed.get(s) as number } : s)),
    ...added,
    ...closed,
  ];
  return { table: new StageTable(stages), invalid };
}
