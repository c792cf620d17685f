// The pipeline's stages before Create: each stage the data use with its probability (editable, won
// and lost fixed) and deals, stages written as probabilities, the unknown stages with their first
// sheet row, the won/lost/open counts, the learned probability, and what would stop Create.

import * as React from "react";
import { Button, Input, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { stageKey } from "../../engine/pipeline/funnel";
import { WorkflowStrings } from "../../i18n/workflows";
import { StageCheck } from "../../report/pipeline";
import { Notice } from "../components/Notice";
import { StageEdits, fixedStage, percentText } from "./stages";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    "& th": {
      textAlign: "left",
      fontWeight: tokens.fontWeightSemibold,
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    },
    "& td": {
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
      verticalAlign: "middle",
      overflowWrap: "anywhere",
    },
  },
  number: { textAlign: "right", whiteSpace: "nowrap" },
  probability: { width: "6.5em" },
  input: { width: "6em", minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3, display: "block" },
  small: { fontSize: tokens.fontSizeBase200 },
  bad: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
});

export interface StagesTableProps {
  /** The stages against the report's defaults: the rows, which stay in place while editing. */
  base: StageCheck;
  /** The stages against the edited table: probabilities, counts, note and error. */
  check: StageCheck;
  edits: StageEdits;
  invalid: readonly string[];
  onEdit: (name: string, text: string) => void;
  onReset: () => void;
  t: WorkflowStrings;
}

export function StagesTable(props: StagesTableProps): React.JSX.Element {
  const { base, check, edits, invalid, onEdit, onReset, t } = props;
  const styles = useStyles();
  const count = (n: number) => n.toLocaleString("en-US");
  const edited = new Map(check.known.map((k) => [stageKey(k.name), k]));
  const learned = check.learned;
  const field = (name: string, label: string, value: string, placeholder?: string) => (
    <Input
      size="small"
      className={styles.input}
      aria-label={t.stageProbabilityLabel(label)}
      aria-invalid={invalid.includes(name) || undefined}
      data-stage={name}
      value={value}
      placeholder={placeholder}
      onChange={(_e, d) => onEdit(name, d.value)}
    />
  );
  return (
    <div className={styles.section} data-testid="stages" aria-label={t.stagesTitle} role="group">
      <Text weight="semibold">{t.stagesTitle}</Text>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">{t.stageColumn}</th>
            <th scope="col" className={styles.probability}>
              {t.probabilityColumn}
            </th>
            <th scope="col" className={styles.number}>
              {t.dealsColumn}
            </th>
          </tr>
        </thead>
        <tbody>
          {base.known.map((k) => {
            const key = stageKey(k.name);
            return (
              <tr key={`k:${key}`} data-stage-row={k.name}>
                <td>{k.label}</td>
                <td>
                  {fixedStage(k.category)
                    ? percentText(k.probability)
                    : field(
                        k.name,
                        k.label,
                        edits[key]?.text ?? percentText(k.probability),
                        percentText(k.probability)
                      )}
                </td>
                <td className={styles.number}>{count(k.count)}</td>
              </tr>
            );
          })}
          {check.probabilities.map((p) => (
            <tr key={`p:${p.probability}`}>
              <td>
                {percentText(p.probability)}
                <span className={styles.muted}>{t.stageAsProbability}</span>
              </td>
              <td>{percentText(p.probability)}</td>
              <td className={styles.number}>{count(p.count)}</td>
            </tr>
          ))}
          {base.unknown.map((u) => {
            const key = stageKey(u.name);
            const given = edited.get(key);
            return (
              <tr key={`u:${key}`} data-stage-row={u.name}>
                <td>
                  {u.name}
                  <span className={styles.muted}>
                    {given
                      ? t.stageOwn(u.row)
                      : t.stageUnknown(u.row, learned !== undefined ? percentText(learned) : null)}
                  </span>
                </td>
                <td>
                  {field(
                    u.name,
                    u.name,
                    edits[key]?.text ?? "",
                    learned !== undefined ? percentText(learned) : t.stageNoProbability
                  )}
                </td>
                <td className={styles.number}>{count(u.count)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Text className={styles.small} data-testid="stage-counts">
        {t.stageCounts(check.won, check.lost, check.open)}
      </Text>
      {check.note && <Text className={mergeClasses(styles.small, styles.muted)}>{check.note}</Text>}
      {invalid.map((name) => (
        <Text key={name} className={styles.bad} role="alert">
          {t.stageBadProbability(name)}
        </Text>
      ))}
      {check.error && (
        <Notice notice={{ intent: "error", title: t.stagesProblem, body: check.error }} />
      )}
      <Text className={mergeClasses(styles.small, styles.muted)}>{t.stagesHint}</Text>
      {Object.keys(edits).length > 0 && (
        <div>
          <Button size="small" appearance="subtle" onClick={onReset}>
            {t.stagesReset}
          </Button>
        </div>
      )}
    </div>
  );
}
