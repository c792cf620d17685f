// A question that needs an answer before anything is written: a Fluent alert dialog whose Cancel
// button is the default (focused) action, so Enter or Space never replaces anything by accident.

import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";

export interface AlertDialogProps {
  open: boolean;
  title: string;
  /** The actions before Cancel; the first is the primary one. */
  actions: { label: string; onClick: () => void }[];
  cancelLabel: string;
  onCancel: () => void;
  className?: string;
  children?: React.ReactNode;
}

export function AlertDialog(props: AlertDialogProps): React.JSX.Element {
  const { open } = props;
  const cancelRef = React.useRef<HTMLButtonElement>(null);
  // Fluent focuses the first button on open; this effect runs after the Dialog's own and moves the
  // focus to Cancel.
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
          <DialogTitle>{props.title}</DialogTitle>
          {open && <DialogContent className={props.className}>{props.children}</DialogContent>}
          <DialogActions>
            {props.actions.map((action, i) => (
              <Button
                key={action.label}
                appearance={i === 0 ? "primary" : "secondary"}
                onClick={action.onClick}
              >
                {action.label}
              </Button>
            ))}
            <Button appearance="secondary" onClick={props.onCancel} ref={cancelRef}>
              {props.cancelLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
