// The body of one gallery entry: parameters, the example, a drop-down per data argument with the
// columns of the selected list (pre-filled with the column the Reports tab's role detection would
// take), the formula that Insert will write, and the Insert button with its outcome.

import * as React from "react";
import {
  Badge,
  Button,
  Caption1,
  Field,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { UiStrings } from "../../i18n/strings";
import {
  ArgumentKind,
  ArgumentPicks,
  ColumnSpan,
  DataArgument,
  acceptsColumn,
  dataArguments,
  detectArguments,
} from "../argumentRoles";
import { catalogEntry } from "../catalog";
import { FormulaPlan, planFormula } from "../formula";
import { ListColumn, SelectedList } from "../list";
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
  picks: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  span: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  // Long header names must not widen a narrow pane.
  select: { minWidth: 0, maxWidth: "100%" },
  nativeSelect: { maxWidth: "100%", minWidth: 0, textOverflow: "ellipsis" },
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
  data: SelectedList | null;
  /** The user's own choices of columns (over the detected ones), by parameter. */
  choices: ArgumentPicks | undefined;
  /** The sheet the formula would land on now (the active cell's), for the preview. */
  targetSheet: string | null;
  busy: boolean;
  notice: NoticeContent | null;
  onChoose: (fn: FunctionInfo, parameter: string, pick: ColumnSpan | null) => void;
  onInsert: (fn: FunctionInfo, picks: ArgumentPicks) => void;
  onDismissNotice: () => void;
}

function kindName(t: UiStrings, kind: ArgumentKind): string {
  return kind === "text" ? t.kindText : kind === "number" ? t.kindNumber : t.kindDate;
}

/** Why the formula cannot be written yet: which arguments lack a column, and why. */
export function incompleteMessage(
  t: UiStrings,
  fn: FunctionInfo,
  plan: Extract<FormulaPlan, { kind: "incomplete" }>
): string {
  const name = displayName(fn);
  const parts: string[] = [];
  if (plan.noRows) parts.push(t.noDataRows);
  if (plan.missing.length > 0)
    parts.push(
      t.missingColumns(
        name,
        plan.missing.map((a) => t.argumentNeed(a.parameter, kindName(t, a.kind))).join(", ")
      )
    );
  if (plan.apart.length > 0)
    parts.push(t.apartColumns(plan.apart.map((a) => a.parameter).join(", ")));
  if (plan.outside.length > 0)
    parts.push(t.outsideNeeded(name, plan.outside.map((a) => a.parameter).join(", ")));
  return parts.join(" ");
}

function columnLabel(t: UiStrings, column: ListColumn): string {
  return column.header === null
    ? t.columnOptionBare(column.letter)
    : t.columnOption(column.letter, column.header);
}

interface ColumnSelectProps {
  arg: DataArgument;
  data: SelectedList;
  value: number | null;
  /** Columns before this one are not offered (the last column of a block). */
  from?: number;
  onChange: (column: number | null) => void;
}

function ColumnSelect(props: ColumnSelectProps): React.JSX.Element {
  const { arg, data, value } = props;
  const t = useStrings();
  const styles = useStyles();
  return (
    <Select
      className={styles.select}
      select={{ className: styles.nativeSelect }}
      data-parameter={arg.parameter}
      value={value === null ? "" : String(value)}
      onChange={(_e, d) => props.onChange(d.value === "" ? null : Number(d.value))}
    >
      <option value="">{arg.optional ? t.noColumn : t.chooseColumn}</option>
      {data.columns
        .filter((c) => props.from === undefined || c.column >= props.from)
        .map((c) => {
          const fits = acceptsColumn(arg, c);
          const label = columnLabel(t, c);
          return (
            <option key={c.column} value={String(c.column)} disabled={!fits}>
              {fits ? label : t.columnOptionText(label)}
            </option>
          );
        })}
    </Select>
  );
}

/** The drop-down(s) of one data argument. */
function ArgumentField(props: {
  arg: DataArgument;
  data: SelectedList;
  pick: ColumnSpan | null;
  onChoose: (pick: ColumnSpan | null) => void;
}): React.JSX.Element {
  const { arg, data, pick, onChoose } = props;
  const t = useStrings();
  const styles = useStyles();
  const label = <code className={styles.code}>{arg.parameter}</code>;
  if (arg.shape === "outside") {
    return (
      <Field label={label}>
        <Caption1 className={styles.muted}>{t.outsideArgument}</Caption1>
      </Field>
    );
  }
  if (arg.shape === "column") {
    return (
      <Field label={label}>
        <ColumnSelect
          arg={arg}
          data={data}
          value={pick ? pick.from : null}
          onChange={(c) => onChoose(c === null ? null : { from: c, to: c })}
        />
      </Field>
    );
  }
  return (
    <div className={styles.span} role="group" aria-label={arg.parameter}>
      <Field label={t.firstColumn(arg.parameter)}>
        <ColumnSelect
          arg={arg}
          data={data}
          value={pick ? pick.from : null}
          onChange={(c) =>
            onChoose(c === null ? null : { from: c, to: pick && pick.to >= c ? pick.to : c })
          }
        />
      </Field>
      <Field label={t.lastColumn(arg.parameter)}>
        <ColumnSelect
          arg={arg}
          data={data}
          value={pick ? pick.to : null}
          from={pick?.from}
          onChange={(c) =>
            onChoose(c === null ? null : { from: pick && pick.from <= c ? pick.from : c, to: c })
          }
        />
      </Field>
    </div>
  );
}

export function FunctionDetails(props: FunctionDetailsProps): React.JSX.Element {
  const { fn, data, targetSheet, busy, notice } = props;
  const t = useStrings();
  const language = useLanguage();
  const styles = useStyles();
  const reasonId = React.useId();
  const entry = catalogEntry(fn.id);
  const args = React.useMemo(() => dataArguments(fn), [fn]);
  const detected = React.useMemo(() => (data ? detectArguments(args, data) : null), [args, data]);
  const picks: ArgumentPicks | null = detected ? { ...detected, ...(props.choices ?? {}) } : null;
  const dataSet = new Set(args.map((a) => a.parameter));
  const plan =
    data && picks ? planFormula(fn.id, args, picks, data, targetSheet ?? data.sheet) : null;
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
        {data && picks && args.length > 0 && (
          <div className={styles.picks} data-testid="argument-picks">
            <Caption1 className={styles.muted}>{t.argumentsHint}</Caption1>
            {args.map((arg) => (
              <ArgumentField
                key={arg.parameter}
                arg={arg}
                data={data}
                pick={picks[arg.parameter] ?? null}
                onChoose={(pick) => props.onChoose(fn, arg.parameter, pick)}
              />
            ))}
          </div>
        )}
        {plan?.kind === "ready" && (
          <code className={styles.formula} data-testid="formula-preview">
            {plan.formula}
          </code>
        )}
        {plan?.kind === "incomplete" && (
          <Text size={200} id={reasonId} className={styles.warning} role="note">
            {incompleteMessage(t, fn, plan)}
          </Text>
        )}
      </section>

      <div className={styles.actions}>
        <Button
          appearance="primary"
          onClick={() => picks && props.onInsert(fn, picks)}
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
