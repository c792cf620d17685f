// Step 1, Data: the selection, an Excel table or a named range, and Read data.

import * as React from "react";
import { Button, Radio, RadioGroup, Select, Subtitle2, Text } from "@fluentui/react-components";
import { WorkflowStrings } from "../../i18n/workflows";
import { SourceList } from "./port";
import { SourceKind, WorkflowAction, WorkflowState, canRead } from "./state";
import { useWorkflowStrings } from "./strings";
import { useWorkflowStyles } from "./styles";

export interface DataStepProps {
  state: WorkflowState;
  dispatch: React.Dispatch<WorkflowAction>;
  onRead: () => void;
}

export function DataStep({ state, dispatch, onRead }: DataStepProps): React.JSX.Element {
  const t = useWorkflowStrings();
  const styles = useWorkflowStyles();
  const { sourceKind, sources, sourceName, block, phase } = state;
  return (
    <section className={styles.section} aria-label={t.stepData}>
      <Subtitle2 as="h3">{t.stepData}</Subtitle2>
      <RadioGroup
        value={sourceKind}
        onChange={(_e, d) => dispatch({ type: "sourceKindChosen", kind: d.value as SourceKind })}
        aria-label={t.sourceKind}
      >
        <Radio value="selection" label={t.sourceSelection} />
        <Radio value="table" label={t.sourceTable} />
        <Radio value="name" label={t.sourceName} />
      </RadioGroup>
      {sourceKind === "selection" && <Text className={styles.muted}>{t.selectionHint}</Text>}
      {sourceKind !== "selection" && (
        <SourceChoice
          kind={sourceKind}
          sources={sources}
          value={sourceName}
          onChange={(name) => dispatch({ type: "sourceNameChosen", name })}
          t={t}
        />
      )}
      <div className={styles.row}>
        <Button
          appearance={block ? "secondary" : "primary"}
          disabled={!canRead(state)}
          onClick={onRead}
        >
          {phase.kind === "reading" ? t.reading : t.readData}
        </Button>
      </div>
      {block && (
        <Text data-testid="data-read">{t.dataRead(block.address, block.values.length)}</Text>
      )}
    </section>
  );
}

function SourceChoice(props: {
  kind: "table" | "name";
  sources: SourceList | null;
  value: string;
  onChange: (name: string) => void;
  t: WorkflowStrings;
}): React.JSX.Element {
  const { kind, sources, value, onChange, t } = props;
  const styles = useWorkflowStyles();
  const items =
    kind === "table"
      ? (sources?.tables ?? []).map((s) => ({ name: s.name, detail: s.address }))
      : (sources?.names ?? []).map((s) => ({ name: s.name, detail: s.address }));
  if (sources && items.length === 0)
    return <Text>{kind === "table" ? t.noTables : t.noNames}</Text>;
  return (
    <Select
      className={styles.select}
      select={{ className: styles.nativeSelect }}
      aria-label={kind === "table" ? t.sourceTable : t.sourceName}
      value={value}
      onChange={(_e, d) => onChange(d.value)}
    >
      <option value="">
        {kind === "table" ? t.sourceTablePlaceholder : t.sourceNamePlaceholder}
      </option>
      {items.map((s) => (
        <option key={s.name} value={s.name}>{`${s.name} (${s.detail})`}</option>
      ))}
    </Select>
  );
}
