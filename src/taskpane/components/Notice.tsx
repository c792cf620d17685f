// One status message (success, warning, error) in a Fluent MessageBar, with a dismiss button.

import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useStrings } from "./language";

export interface NoticeContent {
  intent: "success" | "warning" | "error" | "info";
  title?: string;
  body: string;
  /** A secondary line, e.g. Excel's error code. */
  detail?: string;
  /** A short list under the body (e.g. a report's warnings), with its heading. */
  items?: readonly string[];
  itemsTitle?: string;
}

const useStyles = makeStyles({
  body: { whiteSpace: "normal", overflowWrap: "anywhere" },
  detail: { display: "block", opacity: 0.8 },
  heading: { display: "block", marginTop: tokens.spacingVerticalXS },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    maxHeight: "12em",
    overflowY: "auto",
  },
});

export function Notice(props: {
  notice: NoticeContent;
  onDismiss?: () => void;
}): React.JSX.Element {
  const { notice, onDismiss } = props;
  const t = useStrings();
  const styles = useStyles();
  return (
    <MessageBar
      intent={notice.intent}
      layout="multiline"
      politeness={notice.intent === "error" ? "assertive" : "polite"}
    >
      <MessageBarBody className={styles.body}>
        {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
        {notice.title ? " " : null}
        {notice.body}
        {notice.detail && <span className={styles.detail}>{notice.detail}</span>}
        {notice.items && notice.items.length > 0 && (
          <>
            {notice.itemsTitle && <span className={styles.heading}>{notice.itemsTitle}</span>}
            <ul className={styles.list}>
              {notice.items.map((item, i) => (
                <li key={i}>{item}</li>
              ))}
            </ul>
          </>
        )}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions
          containerAction={
            <Button
              appearance="transparent"
              size="small"
              onClick={onDismiss}
              aria-label={t.dismiss}
            >
              ×
            </Button>
          }
        />
      )}
    </MessageBar>
  );
}
