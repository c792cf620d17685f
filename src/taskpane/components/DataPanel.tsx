// "Your data": the list the functions will read (pinned with Use selection: the whole list with its
// header row, or some of its columns), its header, what is selected now, and where the formula will
// go (the active cell at the moment of Insert).

import * as React from "react";
import {
  Button,
  Caption1,
  Card,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { qualifiedAreas, qualifiedCellA1 } from "../../excel/address";
import { SelectionSnapshot } from "../../excel/workbook";
import { SelectedList, dataRowCount, insideList } from "../list";
import { useStrings } from "./language";
import { Notice, NoticeContent } from "./Notice";

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  head: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
    rowGap: tokens.spacingVerticalXS,
  },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: {
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightSemibold,
  },
  value: { margin: 0, overflowWrap: "anywhere" },
  address: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export interface DataPanelProps {
  data: SelectedList | null;
  current: SelectionSnapshot | null;
  reading: boolean;
  notice: NoticeContent | null;
  onUseSelection: () => void;
  onDismissNotice: () => void;
}

export function DataPanel(props: DataPanelProps): React.JSX.Element {
  const { data, current, reading, notice } = props;
  const t = useStrings();
  const styles = useStyles();
  const headingId = React.useId();
  const activeInside = data !== null && current !== null && insideList(data, current.activeCell);

  return (
    <Card className={styles.card} role="region" aria-labelledby={headingId}>
      <div className={styles.head}>
        <Subtitle2 as="h2" id={headingId}>
          {t.dataHeading}
        </Subtitle2>
        <Button
          appearance={data ? "secondary" : "primary"}
          onClick={props.onUseSelection}
          disabledFocusable={reading}
          icon={reading ? <Spinner size="tiny" /> : undefined}
        >
          {reading ? t.useSelectionBusy : t.useSelection}
        </Button>
      </div>

      {data ? (
        <dl className={styles.facts} data-testid="data-facts">
          <dt className={styles.term}>{t.dataLabel}</dt>
          <dd className={styles.value}>
            <span className={styles.address} data-testid="data-address">
              {qualifiedAreas(data.areas)}
            </span>{" "}
            <Caption1 className={styles.muted}>
              {t.dataSize(dataRowCount(data), data.columns.length)}
            </Caption1>
          </dd>
          <dt className={styles.term}>{t.headerLabel}</dt>
          <dd className={styles.value} data-testid="data-header">
            {data.headerRow === null
              ? t.headerNone
              : t.headerIs(data.headerRow + 1, headerNames(data))}
            {data.totalsRow !== null && (
              <Caption1 block className={styles.muted}>
                {t.totalsLeftOut(data.totalsRow + 1)}
              </Caption1>
            )}
          </dd>
          <dt className={styles.term}>{t.resultCellLabel}</dt>
          <dd className={styles.value} data-testid="target-address">
            {current ? t.resultCellIs(qualifiedCellA1(current.activeCell)) : t.resultCellUnknown}
          </dd>
        </dl>
      ) : (
        <div>
          <Text block weight="semibold">
            {t.dataNone}
          </Text>
          <Text block className={styles.muted}>
            {t.selectWholeList(t.useSelection)}
          </Text>
          <Text block className={styles.muted}>
            {t.selectColumnsToo}
          </Text>
        </div>
      )}

      {current && (
        <Caption1 className={styles.muted} aria-live="polite" data-testid="selected-now">
          {t.selectedNow(qualifiedAreas(current.areas))}
        </Caption1>
      )}
      {data && (
        <Caption1 className={activeInside ? styles.warning : styles.muted}>
          {activeInside ? t.activeCellInsideData : t.resultCellHint}
        </Caption1>
      )}
      {notice && <Notice notice={notice} onDismiss={props.onDismissNotice} />}
    </Card>
  );
}

/** The header names, the first few of a wide list. */
function headerNames(list: SelectedList, shown = 8): string {
  const names = list.columns.map((c) => c.header ?? c.letter);
  return names.length > shown ? `${names.slice(0, shown).join(", ")}, …` : names.join(", ");
}
