// Step 3, Options: the workflow's own options (check boxes, choices, text fields whose blank leaves the
// report's default) and the output mode, portable values or live KAM formulas (with its warning).

import * as React from "react";
import {
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
} from "@fluentui/react-components";
import { WorkflowId } from "../../report/model";
import { Notice } from "../components/Notice";
import { OptionField, RawOptions, WORKFLOW_OPTIONS } from "./options";
import { WorkflowAction } from "./state";
import { useWorkflowStrings } from "./strings";
import { useWorkflowStyles } from "./styles";

export interface OptionsStepProps {
  workflow: WorkflowId;
  raw: RawOptions;
  live: boolean;
  dispatch: React.Dispatch<WorkflowAction>;
}

export function OptionsStep({
  workflow,
  raw,
  live,
  dispatch,
}: OptionsStepProps): React.JSX.Element {
  const t = useWorkflowStrings();
  const styles = useWorkflowStyles();
  const change = (key: string, value: string | boolean) =>
    dispatch({ type: "optionChanged", key, value });
  return (
    <section className={styles.section} aria-label={t.stepOptions}>
      <Subtitle2 as="h3">{t.stepOptions}</Subtitle2>
      {WORKFLOW_OPTIONS[workflow].map((f) => (
        <OptionInput key={f.key} field={f} value={raw[f.key]} onChange={change} />
      ))}
      <Field label={t.outputMode}>
        <RadioGroup
          value={live ? "live" : "portable"}
          onChange={(_e, d) => dispatch({ type: "outputModeChanged", live: d.value === "live" })}
        >
          <Radio value="portable" label={t.outputPortable} />
          <Radio value="live" label={t.outputLive} />
        </RadioGroup>
      </Field>
      {live && <Notice notice={{ intent: "warning", body: t.liveWarning }} />}
    </section>
  );
}

function OptionInput(props: {
  field: OptionField;
  value: string | boolean | undefined;
  onChange: (key: string, value: string | boolean) => void;
}): React.JSX.Element {
  const { field: f, value, onChange } = props;
  const t = useWorkflowStrings();
  const styles = useWorkflowStyles();
  const label = t.optionLabels[f.key] ?? f.key;
  if (f.kind === "boolean")
    return (
      <Checkbox
        checked={value === true}
        label={label}
        onChange={(_e, d) => onChange(f.key, d.checked === true)}
      />
    );
  if (f.kind === "choice")
    return (
      <Field label={label}>
        <Select
          className={styles.select}
          select={{ className: styles.nativeSelect }}
          data-option={f.key}
          value={String(value)}
          onChange={(_e, d) => onChange(f.key, d.value)}
        >
          {f.choices.map((c) => (
            <option key={c} value={c}>
              {t.choiceLabels[c] ?? c}
            </option>
          ))}
        </Select>
      </Field>
    );
  return (
    <Field label={label} hint={t.optionBlank}>
      <Input
        data-option={f.key}
        value={String(value ?? "")}
        onChange={(_e, d) => onChange(f.key, d.value)}
      />
    </Field>
  );
}
