// The body of one gallery entry: parameters, the example, how the chosen data fills the data-column
// arguments, the formula that Insert will write, and the Insert button with its outcome.

import * as React from "react";
import {
  Badge,
  Button,
  Caption1,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { RangeRef, qualifiedA1 } from "../../excel/address";
import { UiStrings } from "../../i18n/strings";
import { catalogEntry } from "../catalog";
import { FormulaPlan, planFormula } from "../formula";
import { FunctionInfo, displayName } from "../metadata";
import { useLanguage, useStrings } from "./language";
import { Notice, NoticeContent } from "./Notice";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground3,
    textTransform: "uppercase",
    letterSpacing: "0.04em",
  },
  params: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  paramHead: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
    rowGap: tokens.spacingVerticalXXS,
  },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
  },
  formula: {
    display: "block",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
  },
  fills: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  fillValue: {
    margin: 0,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
  },
  missing: { color: tokens.colorPaletteDarkOrangeForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  actions: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
});

export interface FunctionDetailsProps {
  fn: FunctionInfo;
  dataColumns: readonly string[];
  data: RangeRef | null;
  /** The sheet the formula would land on now (the active cell's), for the preview. */
  targetSheet: string | null;
  busy: boolean;
  notice: NoticeContent | null;
  onInsert: (fn: FunctionInfo) => void;
  onDismissNotice: () => void;
}

/** The sentence that says which columns to select when the data does not fit. */
export function columnsMessage(
  t: UiStrings,
  fn: FunctionInfo,
  plan: Extract<FormulaPlan, { kind: "columns" }>,
  dataColumns: readonly string[]
): string {
  const names = dataColumns.join(", ");
  const first =
    plan.got === 1
      ? t.columnsMismatchOne(displayName(fn), plan.need, names, dataColumns[0] ?? "")
      : t.columnsMismatch(displayName(fn), plan.need, names, plan.got);
  return `${first} ${t.columnsSuggestion(qualifiedA1(plan.suggestion))}`;
}

export function FunctionDetails(props: FunctionDetailsProps): React.JSX.Element {
  const { fn, dataColumns, data, targetSheet, busy, notice } = props;
  const t = useStrings();
  const language = useLanguage();
  const styles = useStyles();
  const reasonId = React.useId();
  const entry = catalogEntry(fn.id);
  const dataSet = new Set(dataColumns);
  const plan = data ? planFormula(fn.id, dataColumns, data, targetSheet ?? data.sheet) : null;
  const name = displayName(fn);

  return (
    <div className={styles.root}>
      {fn.description && <Text>{fn.description}</Text>}
      <section className={styles.section}>
        <h3 className={styles.heading}>{t.parametersHeading}</h3>
        <ul className={styles.params}>
          {fn.parameters.map((p) => (
            <li key={p.name}>
              <div className={styles.paramHead}>
                <code className={styles.code}>{p.name}</code>
                {dataSet.has(p.name) && (
                  <Badge appearance="tint" color="brand" size="small">
                    {t.dataColumnBadge}
                  </Badge>
                )}
                {p.optional && (
                  <Badge appearance="outline" color="informative" size="small">
                    {t.optional}
                  </Badge>
                )}
              </div>
              {p.description && (
                <Caption1 block className={styles.muted}>
                  {p.description}
                </Caption1>
              )}
            </li>
          ))}
        </ul>
        {fn.spills && <Caption1 className={styles.muted}>{t.spillNote}</Caption1>}
      </section>

      {entry && (
        <section className={styles.section}>
          <h3 className={styles.heading}>{t.exampleHeading}</h3>
          <code className={styles.formula}>{entry.example}</code>
          <Text size={200}>{entry.meaning[language]}</Text>
        </section>
      )}

      <section className={styles.section}>
        <h3 className={styles.heading}>{t.previewHeading}</h3>
        {plan === null && <Caption1 id={reasonId}>{t.noDataForPreview}</Caption1>}
        {plan !== null && plan.fills.length > 0 && (
          <dl className={styles.fills}>
            {plan.fills.map((fill) => (
              <React.Fragment key={fill.parameter}>
                <dt className={styles.code}>{fill.parameter}</dt>
                <dd className={`${styles.fillValue} ${fill.reference ? "" : styles.missing}`}>
                  {fill.reference ?? "—"}
                </dd>
              </React.Fragment>
            ))}
          </dl>
        )}
        {plan?.kind === "ready" && (
          <code className={styles.formula} data-testid="formula-preview">
            {plan.formula}
          </code>
        )}
        {plan?.kind === "columns" && (
          <Text size={200} id={reasonId} className={styles.warning} role="note">
            {columnsMessage(t, fn, plan, dataColumns)}
          </Text>
        )}
      </section>

      <div className={styles.actions}>
        <Button
          appearance="primary"
          onClick={() => props.onInsert(fn)}
          disabledFocusable={busy || plan?.kind !== "ready"}
          aria-label={t.insertLabel(name)}
          aria-describedby={plan?.kind === "ready" ? undefined : reasonId}
          icon={busy ? <Spinner size="tiny" /> : undefined}
        >
          {busy ? t.insertBusy : t.insert}
        </Button>
      </div>
      {notice && <Notice notice={notice} onDismiss={props.onDismissNotice} />}
    </div>
  );
}
