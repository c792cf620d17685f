// Asks before a formula replaces what a cell holds. Cancel is the default (focused) action.

import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
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
  const open = request !== null;
  const cancelRef = React.useRef<HTMLButtonElement>(null);
  // Fluent focuses the first button (Replace) on open; this effect runs after the Dialog's own and
  // moves the focus to Cancel, so Enter or Space never replaces anything by accident.
  React.useEffect(() => {
    if (open) cancelRef.current?.focus();
  }, [open]);
  return (
    <Dialog
      open={open}
      modalType="alert"
      onOpenChange={(_event, data) => {
        if (!data.open) props.onCancel();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t.confirmTitle}</DialogTitle>
          {request && (
            <DialogContent className={styles.content}>
              <Text>{t.confirmBody(request.address)}</Text>
              <code className={styles.code} data-testid="existing-content">
                {request.content}
              </code>
              <Text>{t.confirmQuestion(request.formula)}</Text>
            </DialogContent>
          )}
          <DialogActions>
            <Button appearance="primary" onClick={props.onReplace}>
              {t.confirmReplace}
            </Button>
            <Button appearance="secondary" onClick={props.onCancel} ref={cancelRef}>
              {t.confirmCancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
