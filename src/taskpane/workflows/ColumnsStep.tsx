// Step 2, Columns: the header row and the role of each column (detected, editable; other columns that
// match a role named), how dates such as 03/01/2019 are read, the preview of the rows kept and
// skipped, and for the pipeline the stages with their probabilities.

import * as React from "react";
import { Field, Select, Subtitle2, Text } from "@fluentui/react-components";
import { DateOrder } from "../../cells/dates";
import { WorkflowId } from "../../report/model";
import { RoleSpec, WORKFLOW_ROLES } from "../../report/roles";
import { SourceAnalysis } from "../../report/source";
import { DateChoice, DateOrderField } from "./DateOrderField";
import { PipelineStages } from "./derived";
import { SourceBlock } from "./port";
import { Preview } from "./Preview";
import { StageEdits } from "./stages";
import { StagesTable } from "./StagesTable";
import { WorkflowAction } from "./state";
import { useWorkflowStrings } from "./strings";
import { useWorkflowStyles } from "./styles";

export interface ColumnsStepProps {
  workflow: WorkflowId;
  block: SourceBlock;
  analysis: SourceAnalysis;
  dateChoice: DateChoice;
  /** The workbook's order, for columns whose dates read both ways. */
  defaultDateOrder: DateOrder;
  stages: PipelineStages | null;
  stageEdits: StageEdits;
  dispatch: React.Dispatch<WorkflowAction>;
}

export function ColumnsStep(props: ColumnsStepProps): React.JSX.Element {
  const { workflow, block, analysis, dateChoice, defaultDateOrder, stages, stageEdits, dispatch } =
    props;
  const t = useWorkflowStrings();
  const styles = useWorkflowStyles();
  const headerChoices = block.values.slice(0, 10).map((_, i) => i);
  return (
    <section className={styles.section} aria-label={t.stepColumns}>
      <Subtitle2 as="h3">{t.stepColumns}</Subtitle2>
      <Field label={t.headerRow}>
        <Select
          className={styles.select}
          select={{ className: styles.nativeSelect }}
          value={analysis.headerRow === null ? "none" : String(analysis.headerRow)}
          onChange={(_e, d) =>
            dispatch({ type: "headerRowChanged", row: d.value === "none" ? null : Number(d.value) })
          }
        >
          <option value="none">{t.headerNone}</option>
          {headerChoices.map((i) => (
            <option key={i} value={String(i)}>
              {t.headerRowOption(block.row + i + 1, rowPreview(block.values[i]))}
            </option>
          ))}
        </Select>
      </Field>
      {analysis.layout === "wide" && <Text>{t.wideLayout}</Text>}
      {WORKFLOW_ROLES[workflow].map((spec) => (
        <RoleField key={spec.role} spec={spec} analysis={analysis} dispatch={dispatch} />
      ))}
      {analysis.dateOrder !== null && (
        <DateOrderField
          analysis={analysis}
          value={dateChoice}
          fallback={defaultDateOrder}
          onChange={(choice) => dispatch({ type: "dateOrderChanged", choice })}
          t={t}
        />
      )}
      <Preview analysis={analysis} />
      {stages && (
        <StagesTable
          base={stages.base}
          check={stages.check}
          edits={stageEdits}
          invalid={stages.invalid}
          onEdit={(name, text) => dispatch({ type: "stageEdited", name, text })}
          onReset={() => dispatch({ type: "stagesReset" })}
          t={t}
        />
      )}
    </section>
  );
}

/** A role's column: the one detected or chosen, or not used; other columns that match it named. */
function RoleField(props: {
  spec: RoleSpec;
  analysis: SourceAnalysis;
  dispatch: React.Dispatch<WorkflowAction>;
}): React.JSX.Element {
  const { spec, analysis, dispatch } = props;
  const t = useWorkflowStrings();
  const styles = useWorkflowStyles();
  const columns = analysis.columns;
  const chosen = analysis.mapping[spec.role];
  const others = analysis.choices.find((c) => c.role === spec.role)?.others ?? [];
  const column = (i: number) => t.columnShort(columns[i]?.letter ?? "", analysis.headers[i] ?? "");
  return (
    <Field
      label={t.roleField(t.roleLabel[spec.role], spec.required)}
      hint={others.length > 0 ? t.alsoMatches(others.map(column).join(", ")) : undefined}
    >
      <Select
        className={styles.select}
        select={{ className: styles.nativeSelect }}
        data-role={spec.role}
        value={chosen === undefined ? "" : String(chosen)}
        onChange={(_e, d) =>
          dispatch({
            type: "mappingChanged",
            role: spec.role,
            column: d.value === "" ? null : Number(d.value),
          })
        }
      >
        <option value="">{t.notUsed}</option>
        {columns.map((c) => (
          <option key={c.index} value={String(c.index)}>
            {t.columnOption(c.letter, c.header)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** A header row's first cells, for its option: "Customer | Order date | Amount". */
function rowPreview(row: unknown[] | undefined): string {
  const cells = (row ?? [])
    .map((v) => (v === null || v === undefined ? "" : String(v).trim()))
    .filter((v) => v !== "");
  const text = cells.slice(0, 4).join(" | ");
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
