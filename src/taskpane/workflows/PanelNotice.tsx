// The workflow panel's status message: a Notice (with the report's own warnings listed, when it has
// any) in a wrapper that states its intent for tests and assistive checks (the message bar shows the
// intent only as an icon and colour).

import * as React from "react";
import { Notice, NoticeContent } from "../components/Notice";

export type PanelNoticeContent = NoticeContent;

export function PanelNotice(props: {
  notice: PanelNoticeContent;
  onDismiss?: () => void;
}): React.JSX.Element {
  return (
    <div data-testid="panel-notice" data-intent={props.notice.intent}>
      <Notice notice={props.notice} onDismiss={props.onDismiss} />
    </div>
  );
}
