// The function gallery: a search box and one expandable entry per KAM function.

import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  AccordionToggleEventHandler,
  Caption1,
  Field,
  SearchBox,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArgumentPicks, ColumnSpan } from "../argumentRoles";
import { SelectedList } from "../list";
import { FunctionInfo, displayName } from "../metadata";
import { filterFunctions } from "../search";
import { FunctionDetails } from "./FunctionDetails";
import { useLanguage, useStrings } from "./language";
import { NoticeContent } from "./Notice";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  count: { color: tokens.colorNeutralForeground3 },
  item: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    marginBottom: tokens.spacingVerticalS,
  },
  headerText: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    textAlign: "start",
    minWidth: 0,
  },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  description: {
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    display: "-webkit-box",
    WebkitLineClamp: 2,
    WebkitBoxOrient: "vertical",
    overflow: "hidden",
  },
  panel: { paddingBottom: tokens.spacingVerticalM },
});

export interface GalleryProps {
  functions: readonly FunctionInfo[];
  data: SelectedList | null;
  /** The user's choices of columns per function id (over the detected ones). */
  choices: Readonly<Record<string, ArgumentPicks>>;
  targetSheet: string | null;
  busyId: string | null;
  notice: { id: string; notice: NoticeContent } | null;
  onChoose: (fn: FunctionInfo, parameter: string, pick: ColumnSpan | null) => void;
  onInsert: (fn: FunctionInfo, picks: ArgumentPicks) => void;
  onDismissNotice: () => void;
}

export function Gallery(props: GalleryProps): React.JSX.Element {
  const { functions, notice } = props;
  const t = useStrings();
  const language = useLanguage();
  const styles = useStyles();
  const [query, setQuery] = React.useState("");
  const [openItems, setOpenItems] = React.useState<string[]>(() =>
    functions.length === 1 ? [functions[0].id] : []
  );
  const shown = filterFunctions(functions, query, language);

  const onToggle: AccordionToggleEventHandler<string> = (_event, data) => {
    setOpenItems(data.openItems);
  };

  return (
    <section className={styles.root} aria-label={t.appSubtitle}>
      <Field label={t.searchLabel}>
        <SearchBox
          value={query}
          placeholder={t.searchPlaceholder}
          onChange={(_event, data) => setQuery(data.value)}
        />
      </Field>
      <Caption1 className={styles.count} aria-live="polite" data-testid="function-count">
        {shown.length === 0
          ? t.noMatch(query.trim())
          : t.functionCount(shown.length, functions.length)}
      </Caption1>
      <Accordion multiple collapsible openItems={openItems} onToggle={onToggle}>
        {shown.map((fn) => (
          <AccordionItem key={fn.id} value={fn.id} className={styles.item} data-function-id={fn.id}>
            <AccordionHeader expandIconPosition="end" size="large">
              <span className={styles.headerText}>
                <Text className={styles.name}>{displayName(fn)}</Text>
                {fn.description && !openItems.includes(fn.id) && (
                  <Caption1 className={styles.description}>{fn.description}</Caption1>
                )}
              </span>
            </AccordionHeader>
            <AccordionPanel className={styles.panel}>
              <FunctionDetails
                fn={fn}
                data={props.data}
                choices={props.choices[fn.id]}
                targetSheet={props.targetSheet}
                busy={props.busyId === fn.id}
                notice={notice && notice.id === fn.id ? notice.notice : null}
                onChoose={props.onChoose}
                onInsert={props.onInsert}
                onDismissNotice={props.onDismissNotice}
              />
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </section>
  );
}
