// Asks before a formula replaces what a cell holds (Cancel is the default action; see AlertDialog).

import * as React from "react";
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { AlertDialog } from "./AlertDialog";
import { useStrings } from "./language";

const useStyles = makeStyles({
  content: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  code: {
    display: "block",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    maxHeight: "8em",
    overflowY: "auto",
  },
});

export interface ConfirmReplaceProps {
  /** Null when closed. */
  request: { address: string; content: string; formula: string } | null;
  onReplace: () => void;
  onCancel: () => void;
}

export function ConfirmReplace(props: ConfirmReplaceProps): React.JSX.Element {
  const { request } = props;
  const t = useStrings();
  const styles = useStyles();
  return (
    <AlertDialog
      open={request !== null}
      title={t.confirmTitle}
      actions={[{ label: t.confirmReplace, onClick: props.onReplace }]}
      cancelLabel={t.confirmCancel}
      onCancel={props.onCancel}
      className={styles.content}
    >
      {request && (
        <>
          <Text>{t.confirmBody(request.address)}</Text>
          <code className={styles.code} data-testid="existing-content">
            {request.content}
          </code>
          <Text>{t.confirmQuestion(request.formula)}</Text>
        </>
      )}
    </AlertDialog>
  );
}
