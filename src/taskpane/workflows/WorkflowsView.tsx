// The Reports tab: the six workflows as a list; choosing one opens its step-by-step panel.

import * as React from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Notice } from "../components/Notice";
import { WORKFLOWS, WorkflowId } from "../../report/model";
import { WorkflowPanel } from "./WorkflowPanel";
import { WorkflowPort } from "./port";
import { useWorkflowStrings } from "./strings";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  item: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    rowGap: tokens.spacingVerticalXXS,
    textAlign: "left",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    height: "auto",
  },
  description: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  intro: { color: tokens.colorNeutralForeground2 },
});

export function WorkflowsView(props: { port: WorkflowPort }): React.JSX.Element {
  const t = useWorkflowStrings();
  const styles = useStyles();
  const [open, setOpen] = React.useState<WorkflowId | null>(null);
  if (props.port.supported && !props.port.supported()) {
    return <Notice notice={{ intent: "warning", body: t.unsupportedHost }} />;
  }
  if (open) return <WorkflowPanel workflow={open} port={props.port} onBack={() => setOpen(null)} />;
  return (
    <div className={styles.list}>
      <Text className={styles.intro}>{t.reportsIntro}</Text>
      {WORKFLOWS.map((w) => (
        <Button
          key={w}
          className={styles.item}
          appearance="outline"
          data-workflow={w}
          onClick={() => setOpen(w)}
        >
          <Text weight="semibold">{t.workflowNames[w]}</Text>
          <Text size={200} className={styles.description}>
            {t.workflowDescriptions[w]}
          </Text>
        </Button>
      ))}
    </div>
  );
}
