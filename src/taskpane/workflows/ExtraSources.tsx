// Step 1, more data: the workflow's extra sources (contacts, targets, ... : WORKFLOW_EXTRAS), each
// read from the selection, an Excel table or a named range, with the columns the reader found or why
// it cannot be used (which blocks Create until it is fixed or removed).

import * as React from "react";
import { Button, Field, Select, Text } from "@fluentui/react-components";
import { ExtraId, WORKFLOW_EXTRAS, rolesFor } from "../../report/roles";
import { WorkflowId } from "../../report/model";
import { SourceAnalysis } from "../../report/source";
import { SOURCE_STRINGS } from "../../i18n/report.source";
import { Lang } from "../../i18n/lang";
import { SourceRef } from "./port";
import { WorkflowAction, WorkflowState, extraRef, isBusy } from "./state";
import { useWorkflowStrings } from "./strings";
import { useWorkflowStyles } from "./styles";

export interface ExtraSourcesProps {
  workflow: WorkflowId;
  state: WorkflowState;
  analyses: Partial<Record<ExtraId, SourceAnalysis>>;
  lang: Lang;
  dispatch: React.Dispatch<WorkflowAction>;
  onRead: (id: ExtraId, from: SourceRef) => void;
}

export function ExtraSources(props: ExtraSourcesProps): React.JSX.Element | null {
  const { workflow, state, analyses } = props;
  const t = useWorkflowStrings();
  const styles = useWorkflowStyles();
  const ids = WORKFLOW_EXTRAS[workflow];
  if (ids.length === 0) return null;
  return (
    <section className={styles.section} aria-label={t.extrasTitle} data-testid="extra-sources">
      <Text weight="semibold">{t.extrasTitle}</Text>
      {ids.map((id) => (
        <ExtraSource
          key={id}
          id={id}
          {...props}
          analysis={analyses[id]}
          busy={isBusy(state.phase)}
        />
      ))}
    </section>
  );
}

function ExtraSource(
  props: ExtraSourcesProps & { id: ExtraId; analysis?: SourceAnalysis; busy: boolean }
): React.JSX.Element {
  const { id, state, analysis, dispatch, onRead, busy, lang } = props;
  const t = useWorkflowStrings();
  const styles = useWorkflowStyles();
  const [choice, setChoice] = React.useState("selection");
  const block = state.extras[id];
  const from = extraRef(choice);
  const roles = SOURCE_STRINGS[lang].roles;
  const columns = analysis
    ? rolesFor(id)
        .filter(({ role }) => analysis.mapping[role] !== undefined)
        .map(({ role }) => `${roles[role]} = ${analysis.headers[analysis.mapping[role] as number]}`)
        .join(", ")
    : "";
  const problem = analysis && (analysis.problems[0] ?? (analysis.dataset ? null : t.readFailed));
  return (
    <Field label={t.extraNames[id]} hint={t.extraHelp[id]} className={styles.fitted}>
      <div className={styles.row}>
        <Select
          className={styles.select}
          select={{ className: styles.nativeSelect }}
          aria-label={t.extraFrom(t.extraNames[id])}
          value={choice}
          onChange={(_e, d) => setChoice(d.value)}
        >
          <option value="selection">{t.sourceSelection}</option>
          {(state.sources?.tables ?? []).map((s) => (
            <option
              key={`t${s.name}`}
              value={`table:${s.name}`}
            >{`${s.name} (${s.address})`}</option>
          ))}
          {(state.sources?.names ?? []).map((s) => (
            <option
              key={`n${s.name}`}
              value={`name:${s.name}`}
            >{`${s.name} (${s.address})`}</option>
          ))}
        </Select>
        <Button
          disabled={busy || state.readingExtra !== null || from === null}
          onClick={() => from && onRead(id, from)}
        >
          {state.readingExtra === id ? t.reading : t.extraRead}
        </Button>
        {block && (
          <Button appearance="subtle" onClick={() => dispatch({ type: "extraCleared", id })}>
            {t.extraClear}
          </Button>
        )}
      </div>
      {block && analysis && !problem && (
        <Text data-testid={`extra-${id}`}>
          {t.extraRows(block.address, analysis.kept, columns)}
          {analysis.skippedCount > 0 &&
            ` ${t.extraSkipped(analysis.skippedCount, analysis.skipped[0]?.reason ?? "")}`}
        </Text>
      )}
      {block && problem && (
        <Text className={styles.blocked} data-testid={`extra-${id}-problem`}>
          {t.extraProblem(block.address, problem)}
        </Text>
      )}
    </Field>
  );
}
