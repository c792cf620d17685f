// How year-last text dates (03/01/2019) are read: decided per column by the reader (the automatic
// choice says what it decided and why, per column), or day first / month first for every column.

import * as React from "react";
import { Field, Select, makeStyles } from "@fluentui/react-components";
import { DateOrder } from "../../cells/dates";
import { WorkflowStrings } from "../../i18n/workflows";
import { SourceAnalysis } from "../../report/source";

export type DateChoice = "auto" | DateOrder;

const useStyles = makeStyles({
  select: { maxWidth: "100%", minWidth: 0 },
  nativeSelect: { maxWidth: "100%", minWidth: 0, textOverflow: "ellipsis" },
});

/** The order the reader takes for a column by itself: what its cells prove, else the workbook's. */
function automaticOrder(plan: SourceAnalysis["dates"][number]["plan"], fallback: DateOrder) {
  if (plan.basis === "proven" || plan.basis === "mixed")
    return plan.dayFirst >= plan.monthFirst ? "dmy" : "mdy";
  return fallback;
}

/** "decided per column (now: day first, proven by 13/01/2019 in column C)": per column with year-last
 *  text dates, the order the reader decides by itself and why, also while the user forces one. */
export function automaticDateText(
  analysis: SourceAnalysis,
  fallback: DateOrder,
  t: WorkflowStrings
): string {
  const parts = analysis.dates
    .filter((d) => d.plan.basis !== "none")
    .map((d) => {
      const plan = d.plan;
      const order = automaticOrder(plan, fallback);
      const name = t.dateOrderName[order];
      const column = analysis.columns[d.column]?.letter ?? String(d.column + 1);
      if (plan.basis === "proven") return t.dateProvenPart(name, plan.example ?? "", column);
      if (plan.basis === "mixed")
        return t.dateMixedPart(
          name,
          plan.example ?? "",
          column,
          order === "dmy" ? plan.monthFirst : plan.dayFirst
        );
      return t.dateAssumedPart(name, column);
    });
  return t.dateOrderAuto(parts.join(t.listSeparator));
}

export function DateOrderField(props: {
  analysis: SourceAnalysis;
  value: DateChoice;
  fallback: DateOrder;
  onChange: (value: DateChoice) => void;
  t: WorkflowStrings;
}): React.JSX.Element {
  const { analysis, value, fallback, onChange, t } = props;
  const styles = useStyles();
  return (
    <Field label={t.dateOrderLabel}>
      <Select
        className={styles.select}
        select={{ className: styles.nativeSelect }}
        data-testid="date-order"
        value={value}
        onChange={(_e, d) => onChange(d.value as DateChoice)}
      >
        <option value="auto">{automaticDateText(analysis, fallback, t)}</option>
        <option value="dmy">{t.dateOrderDayFirst}</option>
        <option value="mdy">{t.dateOrderMonthFirst}</option>
      </Select>
    </Field>
  );
}
