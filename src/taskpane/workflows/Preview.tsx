// What the reader will do with the data: blocking problems, the rows kept, its notes, and the rows
// skipped with the reason (the first ones; how many more).

import * as React from "react";
import { Text } from "@fluentui/react-components";
import { SourceAnalysis } from "../../report/source";
import { Notice } from "../components/Notice";
import { useWorkflowStrings } from "./strings";
import { useWorkflowStyles } from "./styles";

export function Preview(props: { analysis: SourceAnalysis }): React.JSX.Element {
  const { analysis } = props;
  const t = useWorkflowStrings();
  const styles = useWorkflowStyles();
  const shown = analysis.skipped.length;
  const more = analysis.skippedCount - shown;
  return (
    <div className={styles.section} data-testid="preview">
      {analysis.problems.length > 0 && (
        <Notice
          notice={{ intent: "warning", title: t.problemsTitle, body: analysis.problems.join(" ") }}
        />
      )}
      <Text weight="semibold">{t.previewKept(analysis.kept)}</Text>
      {analysis.notes.map((note) => (
        <Text key={note} className={styles.muted}>
          {note}
        </Text>
      ))}
      {analysis.skippedCount > 0 && (
        <>
          <Text>{t.previewSkipped(analysis.skippedCount)}</Text>
          <ul className={styles.list}>
            {analysis.skipped.map((s) => (
              <li key={s.sheetRow}>{s.reason}</li>
            ))}
          </ul>
          {more > 0 && <Text className={styles.muted}>{t.previewMore(more)}</Text>}
        </>
      )}
    </div>
  );
}
