// Step 4, Run: Create report (or why it is unavailable), the progress of building and writing, the
// panel's notice, and the question before an earlier report sheet of this add-in is replaced.

import * as React from "react";
import { Button, Field, ProgressBar, Subtitle2, Text } from "@fluentui/react-components";
import { WorkflowStrings } from "../../i18n/workflows";
import { AlertDialog } from "../components/AlertDialog";
import { useLanguage } from "../components/language";
import { CreateBlock } from "./derived";
import { PanelNotice } from "./PanelNotice";
import { ExistingReport } from "./port";
import { WorkflowAction, WorkflowState, isBusy } from "./state";
import { useWorkflowStrings } from "./strings";
import { useWorkflowStyles } from "./styles";

export interface RunStepProps {
  /** The data are ready for a report: the step's section shows. */
  ready: boolean;
  phase: WorkflowState["phase"];
  notice: WorkflowState["notice"];
  blocked: CreateBlock;
  dispatch: React.Dispatch<WorkflowAction>;
  onCreate: () => void;
  /** Write the report over the earlier report sheet asked about. */
  onReplace: () => void;
  /** Write the report to a new sheet, the earlier one kept. */
  onKeep: () => void;
}

export function RunStep(props: RunStepProps): React.JSX.Element {
  const { ready, phase, notice, dispatch } = props;
  const t = useWorkflowStrings();
  const styles = useWorkflowStyles();
  const busy = isBusy(phase);
  const blocked =
    props.blocked === "stages"
      ? t.createBlockedStages
      : props.blocked === "input"
        ? t.createBlockedInput
        : props.blocked === "extras"
          ? t.extrasBlocked
          : null;
  return (
    <>
      {ready && (
        <section className={styles.section} aria-label={t.stepRun}>
          <Subtitle2 as="h3">{t.stepRun}</Subtitle2>
          <div className={styles.row}>
            <Button
              appearance="primary"
              disabled={busy || blocked !== null}
              onClick={props.onCreate}
            >
              {busy ? t.running : t.run}
            </Button>
          </div>
          {blocked && (
            <Text className={styles.blocked} data-testid="create-blocked">
              {blocked}
            </Text>
          )}
          {(phase.kind === "building" || phase.kind === "writing") && (
            <Field
              validationMessage={
                phase.kind === "building"
                  ? t.building(phase.done, phase.total)
                  : t.writing(phase.done, phase.total)
              }
              validationState="none"
            >
              <ProgressBar value={phase.total > 0 ? phase.done / phase.total : undefined} />
            </Field>
          )}
        </section>
      )}

      {notice && (
        <PanelNotice notice={notice} onDismiss={() => dispatch({ type: "noticeDismissed" })} />
      )}

      <ReplaceDialog
        request={phase.kind === "confirm" ? replaceRequest(phase.replace) : null}
        t={t}
        onReplace={props.onReplace}
        onKeep={props.onKeep}
        onCancel={() => dispatch({ type: "replaceCancelled" })}
      />
    </>
  );
}

/** The earlier sheets a report would replace, as the dialog names them (the newest one's date). */
function replaceRequest(replace: readonly (ExistingReport | undefined)[]): ExistingReport | null {
  const found = replace.filter((r): r is ExistingReport => r !== undefined);
  if (found.length === 0) return null;
  const newest = [...found].sort((a, b) => b.marker.created.localeCompare(a.marker.created))[0];
  return { ...newest, sheet: found.map((r) => r.sheet).join(", ") };
}

function ReplaceDialog(props: {
  request: ExistingReport | null;
  t: WorkflowStrings;
  onReplace: () => void;
  onKeep: () => void;
  onCancel: () => void;
}): React.JSX.Element {
  const { request, t } = props;
  const language = useLanguage();
  const created = request ? new Date(request.marker.created).toLocaleString(language) : "";
  return (
    <AlertDialog
      open={request !== null}
      title={t.replaceTitle}
      actions={[
        { label: t.replaceConfirm, onClick: props.onReplace },
        { label: t.replaceKeep, onClick: props.onKeep },
      ]}
      cancelLabel={t.cancel}
      onCancel={props.onCancel}
    >
      {request && t.replaceBody(request.sheet, created)}
    </AlertDialog>
  );
}
