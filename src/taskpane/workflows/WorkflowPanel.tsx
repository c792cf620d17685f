// One report workflow, step by step: pick the data (selection, Excel table or named range), confirm
// the header row and the role of each column (detected, editable; other columns that match a role
// named), how dates such as 03/01/2019 are read and, for the pipeline, the stages and their
// probabilities, with a preview of skipped rows; set the options, then build the report (with
// progress) and write it to a sheet of its own, asking before an earlier report sheet of this add-in
// is replaced. The written notice lists the report's own warnings.
//
// The panel's state is one reducer (state.ts); the analysis and the stage check are derived from it
// (derived.ts); the work with Excel and the builders dispatches its actions (commands.ts); each step
// is a component of its own.

import * as React from "react";
import { langOf } from "../../i18n/lang";
import { Button, Subtitle2, Text } from "@fluentui/react-components";
import { workbookDateOrder } from "../../cells/locale";
import { WorkflowId } from "../../report/model";
import { useLanguage } from "../components/language";
import { ColumnsStep } from "./ColumnsStep";
import { WorkflowContext, createReport, readData, readExtra, writeReport } from "./commands";
import { DataStep } from "./DataStep";
import { analyseBlock, analyseExtras, createBlock, extraDatasets, pipelineStages } from "./derived";
import { ExtraSources } from "./ExtraSources";
import { OptionsStep } from "./OptionsStep";
import { WorkflowPort } from "./port";
import { RunStep } from "./RunStep";
import { initialWorkflowState, sourceRef, workflowReducer } from "./state";
import { useWorkflowStrings } from "./strings";
import { useWorkflowStyles } from "./styles";

export interface WorkflowPanelProps {
  workflow: WorkflowId;
  port: WorkflowPort;
  onBack: () => void;
}

export function WorkflowPanel({ workflow, port, onBack }: WorkflowPanelProps): React.JSX.Element {
  const t = useWorkflowStrings();
  const lang = langOf(useLanguage());
  const styles = useWorkflowStyles();
  const [state, dispatch] = React.useReducer(workflowReducer, workflow, initialWorkflowState);
  const { sourceKind, block, mapping, headerRow, dateChoice, stageEdits, phase } = state;
  // The workbook's order (Excel's culture, read at start-up): for columns whose dates read both ways.
  const defaultDateOrder = workbookDateOrder();

  React.useEffect(() => {
    let current = true;
    port.listSources().then(
      (sources) => current && dispatch({ type: "sourcesListed", sources }),
      () => current && dispatch({ type: "sourcesListed", sources: { tables: [], names: [] } })
    );
    return () => {
      current = false;
    };
    // Listed again when the user turns to tables or names: they may have added one meanwhile.
  }, [port, sourceKind]);

  const analysis = React.useMemo(
    () => analyseBlock(block, workflow, { mapping, headerRow, dateChoice, lang, defaultDateOrder }),
    [block, workflow, mapping, headerRow, lang, dateChoice, defaultDateOrder]
  );
  // The pipeline's stages against the report's defaults (the rows shown) and against the table with
  // the user's probabilities (what the report will do).
  const stages = React.useMemo(
    () => pipelineStages(workflow, analysis, stageEdits, lang),
    [workflow, analysis, stageEdits, lang]
  );
  // The extra sources (contacts, targets, ...), each read with its own roles.
  const extraAnalyses = React.useMemo(
    () => analyseExtras(state.extras, { dateChoice, lang, defaultDateOrder }),
    [state.extras, dateChoice, lang, defaultDateOrder]
  );
  const blocked = createBlock(stages, extraAnalyses);

  const ctx: WorkflowContext = { workflow, port, dispatch, t, lang };
  const dataset = analysis?.dataset;
  const create = () => {
    if (!dataset || !block || blocked) return;
    void createReport(ctx, {
      dataset,
      extras: extraDatasets(extraAnalyses),
      source: block.address,
      raw: state.raw,
      live: state.live,
      lang,
      stageTable: stages?.table,
    });
  };
  const answer = (replace: boolean) => {
    if (phase.kind !== "confirm") return;
    void writeReport(
      ctx,
      phase.reports,
      phase.replace.map((r) => (replace ? r?.sheet : undefined))
    );
  };

  return (
    <div className={styles.root} data-testid={`workflow-${workflow}`}>
      <div className={styles.row}>
        <Button appearance="subtle" onClick={onBack}>
          ← {t.back}
        </Button>
      </div>
      <Subtitle2 as="h2">{t.workflowNames[workflow]}</Subtitle2>
      <Text className={styles.muted}>{t.workflowDescriptions[workflow]}</Text>

      <DataStep
        state={state}
        dispatch={dispatch}
        onRead={() => void readData(ctx, sourceRef(state))}
      />

      <ExtraSources
        workflow={workflow}
        state={state}
        analyses={extraAnalyses}
        lang={lang}
        dispatch={dispatch}
        onRead={(id, from) => void readExtra(ctx, id, from)}
      />

      {block && analysis && (
        <ColumnsStep
          workflow={workflow}
          block={block}
          analysis={analysis}
          dateChoice={dateChoice}
          defaultDateOrder={defaultDateOrder}
          stages={stages}
          stageEdits={stageEdits}
          dispatch={dispatch}
        />
      )}

      {dataset && (
        <OptionsStep workflow={workflow} raw={state.raw} live={state.live} dispatch={dispatch} />
      )}

      <RunStep
        ready={dataset !== undefined}
        phase={phase}
        notice={state.notice}
        blocked={blocked}
        dispatch={dispatch}
        onCreate={create}
        onReplace={() => answer(true)}
        onKeep={() => answer(false)}
      />
    </div>
  );
}
