// The workflow panel's layout, shared by its steps.

import { makeStyles, tokens } from "@fluentui/react-components";

export const useWorkflowStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: {
    display: "flex",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "end",
    flexWrap: "wrap",
  },
  muted: { color: tokens.colorNeutralForeground3 },
  blocked: { color: tokens.colorPaletteRedForeground1 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: "12em", overflowY: "auto" },
  // A field whose options name the workbook's tables and names (long addresses) keeps to the
  // pane's width: its grid column may shrink below the widest option.
  fitted: { minWidth: 0, gridTemplateColumns: "minmax(0, 1fr)" },
  // Long options (a header row's preview) must not widen a narrow pane.
  select: { maxWidth: "100%", minWidth: 0 },
  nativeSelect: { maxWidth: "100%", minWidth: 0, textOverflow: "ellipsis" },
});
