// One report workflow, step by step: pick the data (selection, Excel table or named range), confirm
// the header row and the role of each column (detected, editable; other columns that match a role
// named), how dates such as 03/01/2019 are read and, for the pipeline, the stages and their
// probabilities, with a preview of skipped rows; set the options, then build the report (with
// progress) and write it to a sheet of its own, asking before an earlier report sheet of this add-in
// is replaced. The written notice lists the report's own warnings.

import * as React from "react";
import {
  Button,
  Checkbox,
  Field,
  Input,
  ProgressBar,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { workbookDateOrder } from "../../cells/locale";
import { stageKey } from "../../engine/pipeline/funnel";
import { describeExcelError } from "../../excel/errors";
import { WorkflowStrings } from "../../i18n/workflows";
import { buildReport } from "../../report";
import { ReportSheet, WorkflowId } from "../../report/model";
import { checkStages } from "../../report/pipeline";
import { Role, WORKFLOW_ROLES } from "../../report/roles";
import { SourceAnalysis, analyseSource } from "../../report/source";
import { AlertDialog } from "../components/AlertDialog";
import { Notice, NoticeContent } from "../components/Notice";
import { useLanguage } from "../components/language";
import { DateChoice, DateOrderField } from "./DateOrderField";
import { WORKFLOW_OPTIONS, initialOptions, parseOptions } from "./options";
import { boundsText, optionSpec } from "../../report/options";
import { PanelNotice, PanelNoticeContent } from "./PanelNotice";
import { ExistingReport, SourceBlock, SourceList, SourceRef, WorkflowPort } from "./port";
import { StageEdits, editedStages } from "./stages";
import { StagesTable } from "./StagesTable";
import { useWorkflowStrings } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: {
    display: "flex",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "end",
    flexWrap: "wrap",
  },
  grow: { flexGrow: 1, minWidth: "10em" },
  muted: { color: tokens.colorNeutralForeground3 },
  blocked: { color: tokens.colorPaletteRedForeground1 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: "12em", overflowY: "auto" },
  sample: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  // Long options (a header row's preview) must not widen a narrow pane.
  select: { maxWidth: "100%", minWidth: 0 },
  nativeSelect: { maxWidth: "100%", minWidth: 0, textOverflow: "ellipsis" },
});

type Phase =
  | { kind: "idle" }
  | { kind: "reading" }
  | { kind: "building"; done: number; total: number }
  | { kind: "confirm"; report: ReportSheet; existing: ExistingReport }
  | { kind: "writing"; done: number; total: number };

export interface WorkflowPanelProps {
  workflow: WorkflowId;
  port: WorkflowPort;
  onBack: () => void;
}

function excelNotice(title: string, error: unknown, extra?: string): NoticeContent {
  const problem = describeExcelError(error);
  return {
    intent: "error",
    title,
    body: extra ? `${problem.message} ${extra}` : problem.message,
    detail: problem.code,
  };
}

export function WorkflowPanel({ workflow, port, onBack }: WorkflowPanelProps): React.JSX.Element {
  const t = useWorkflowStrings();
  const language = useLanguage();
  const lang = language === "zh-CN" ? "zh" : "en";
  const styles = useStyles();

  const [sourceKind, setSourceKind] = React.useState<SourceRef["kind"]>("selection");
  const [sources, setSources] = React.useState<SourceList | null>(null);
  const [sourceName, setSourceName] = React.useState("");
  const [block, setBlock] = React.useState<SourceBlock | null>(null);
  const [mapping, setMapping] = React.useState<Partial<Record<Role, number | null>>>({});
  const [headerRow, setHeaderRow] = React.useState<number | null | undefined>(undefined);
  const [raw, setRaw] = React.useState(() => initialOptions(workflow));
  const [live, setLive] = React.useState(false);
  const [phase, setPhase] = React.useState<Phase>({ kind: "idle" });
  const [notice, setNotice] = React.useState<PanelNoticeContent | null>(null);
  const [dateChoice, setDateChoice] = React.useState<DateChoice>("auto");
  const [stageEdits, setStageEdits] = React.useState<StageEdits>({});
  // The workbook's order (Excel's culture, read at start-up): for columns whose dates read both ways.
  const defaultDateOrder = workbookDateOrder();

  React.useEffect(() => {
    let current = true;
    port.listSources().then(
      (list) => current && setSources(list),
      () => current && setSources({ tables: [], names: [] })
    );
    return () => {
      current = false;
    };
    // Listed again when the user turns to tables or names: they may have added one meanwhile.
  }, [port, sourceKind]);

  const analysis: SourceAnalysis | null = React.useMemo(
    () =>
      block
        ? analyseSource(block.values, workflow, {
            origin: { sheet: block.sheet, row: block.row, column: block.column },
            mapping,
            headerRow,
            formats: block.formats,
            lang,
            dateOrder: dateChoice === "auto" ? undefined : dateChoice,
            defaultDateOrder,
          })
        : null,
    [block, workflow, mapping, headerRow, lang, dateChoice, defaultDateOrder]
  );

  // The pipeline's stages against the report's defaults (the rows shown) and against the table with
  // the user's probabilities (what the report will do).
  const stages = React.useMemo(() => {
    const data = workflow === "pipeline" ? analysis?.dataset : undefined;
    const column = data?.text.stage;
    if (!data || !column) return null;
    const base = checkStages(column, undefined, lang, data.sheetRows);
    const edited = editedStages(stageEdits, base);
    const check = edited.table ? checkStages(column, edited.table, lang, data.sheetRows) : base;
    return { base, check, table: edited.table, invalid: edited.invalid };
  }, [workflow, analysis, stageEdits, lang]);
  const blocked = stages?.check.error
    ? t.createBlockedStages
    : stages && stages.invalid.length > 0
      ? t.createBlockedInput
      : null;

  const read = async (): Promise<void> => {
    const from: SourceRef =
      sourceKind === "selection" ? { kind: "selection" } : { kind: sourceKind, name: sourceName };
    setPhase({ kind: "reading" });
    setNotice(null);
    try {
      setBlock(await port.readSource(from));
    } catch (error) {
      // Nothing of the earlier data stays on screen as if it were what was read.
      setBlock(null);
      setNotice(excelNotice(t.readFailed, error));
    } finally {
      // New data: the choices made for the earlier data start over.
      setMapping({});
      setHeaderRow(undefined);
      setDateChoice("auto");
      setStageEdits({});
      setPhase({ kind: "idle" });
    }
  };

  const write = async (report: ReportSheet, replace?: string): Promise<void> => {
    setPhase({ kind: "writing", done: 0, total: 1 });
    try {
      const result = await port.writeReport(report, {
        replace,
        onProgress: (done, total) => setPhase({ kind: "writing", done, total }),
      });
      const warnings = result.warnings ?? [];
      // What the report says the reader must know (the same texts as on the sheet).
      const notes = report.warnings ?? [];
      setNotice({
        intent: warnings.length > 0 || notes.length > 0 ? "warning" : "success",
        title: t.writtenTitle,
        body: t.written(result.sheet),
        detail: warnings.length > 0 ? t.writtenWarnings(warnings.join("; ")) : undefined,
        items: notes.length > 0 ? notes : undefined,
        itemsTitle: notes.length > 0 ? t.reportWarnings : undefined,
      });
    } catch (error) {
      setNotice(excelNotice(t.failedTitle, error, t.nothingLost));
    } finally {
      setPhase({ kind: "idle" });
    }
  };

  const run = async (): Promise<void> => {
    if (!analysis?.dataset || !block || blocked) return;
    const parsed = parseOptions(workflow, raw);
    if (!parsed.ok) {
      setNotice({
        intent: "warning",
        title: t.problemsTitle,
        body: t.optionProblem(
          t.optionLabels[parsed.key] ?? parsed.key,
          parsed.problem,
          boundsText(optionSpec(workflow, parsed.key))
        ),
      });
      return;
    }
    setNotice(null);
    setPhase({ kind: "building", done: 0, total: 1 });
    let report: ReportSheet;
    try {
      report = await buildReport(workflow, analysis.dataset, {
        ...parsed.options,
        lang,
        live,
        source: block.address,
        ...(stages?.table ? { stageTable: stages.table } : {}),
        onProgress: (done, total) => setPhase({ kind: "building", done, total }),
      });
    } catch (error) {
      setNotice({
        intent: "error",
        title: t.buildFailed,
        body: error instanceof Error ? error.message : String(error),
      });
      setPhase({ kind: "idle" });
      return;
    }
    let existing: ExistingReport[] = [];
    try {
      existing = (await port.findReports()).filter((r) => r.marker.workflow === workflow);
    } catch {
      existing = []; // cannot tell: never replace, write a new sheet
    }
    if (existing.length > 0) {
      // The report of this workflow with the same sheet name, else the most recent one.
      const same = existing.find((r) => r.sheet === report.name);
      const latest = [...existing].sort((a, b) => b.marker.created.localeCompare(a.marker.created));
      setPhase({ kind: "confirm", report, existing: same ?? latest[0] });
      return;
    }
    await write(report);
  };

  const busy = phase.kind !== "idle" && phase.kind !== "confirm";
  const roles = WORKFLOW_ROLES[workflow];
  const columns = analysis?.columns ?? [];
  const headerChoices = block ? block.values.slice(0, 10).map((_, i) => i) : [];

  return (
    <div className={styles.root} data-testid={`workflow-${workflow}`}>
      <div className={styles.row}>
        <Button appearance="subtle" onClick={onBack}>
          ← {t.back}
        </Button>
      </div>
      <Subtitle2 as="h2">{t.workflowNames[workflow]}</Subtitle2>
      <Text className={styles.muted}>{t.workflowDescriptions[workflow]}</Text>

      <section className={styles.section} aria-label={t.stepData}>
        <Subtitle2 as="h3">{t.stepData}</Subtitle2>
        <RadioGroup
          value={sourceKind}
          onChange={(_e, d) => setSourceKind(d.value as SourceRef["kind"])}
          aria-label={t.sourceKind}
        >
          <Radio value="selection" label={t.sourceSelection} />
          <Radio value="table" label={t.sourceTable} />
          <Radio value="name" label={t.sourceName} />
        </RadioGroup>
        {sourceKind === "selection" && <Text className={styles.muted}>{t.selectionHint}</Text>}
        {sourceKind !== "selection" && (
          <SourceChoice
            kind={sourceKind}
            sources={sources}
            value={sourceName}
            onChange={setSourceName}
            t={t}
          />
        )}
        <div className={styles.row}>
          <Button
            appearance={block ? "secondary" : "primary"}
            disabled={busy || (sourceKind !== "selection" && sourceName === "")}
            onClick={() => void read()}
          >
            {phase.kind === "reading" ? t.reading : t.readData}
          </Button>
        </div>
        {block && analysis && (
          <Text data-testid="data-read">{t.dataRead(block.address, block.values.length)}</Text>
        )}
      </section>

      {block && analysis && (
        <section className={styles.section} aria-label={t.stepColumns}>
          <Subtitle2 as="h3">{t.stepColumns}</Subtitle2>
          <Field label={t.headerRow}>
            <Select
              className={styles.select}
              select={{ className: styles.nativeSelect }}
              value={analysis.headerRow === null ? "none" : String(analysis.headerRow)}
              onChange={(_e, d) => setHeaderRow(d.value === "none" ? null : Number(d.value))}
            >
              <option value="none">{t.headerNone}</option>
              {headerChoices.map((i) => (
                <option key={i} value={String(i)}>
                  {t.headerRowOption(block.row + i + 1, rowPreview(block.values[i]))}
                </option>
              ))}
            </Select>
          </Field>
          {analysis.layout === "wide" && <Text>{t.wideLayout}</Text>}
          {roles.map((spec) => {
            const chosen = analysis.mapping[spec.role];
            const others = analysis.choices.find((c) => c.role === spec.role)?.others ?? [];
            const column = (i: number) =>
              t.columnShort(columns[i]?.letter ?? "", analysis.headers[i] ?? "");
            return (
              <Field
                key={spec.role}
                label={t.roleField(t.roleLabel[spec.role], spec.required)}
                hint={others.length > 0 ? t.alsoMatches(others.map(column).join(", ")) : undefined}
              >
                <Select
                  className={styles.select}
                  select={{ className: styles.nativeSelect }}
                  data-role={spec.role}
                  value={chosen === undefined ? "" : String(chosen)}
                  onChange={(_e, d) =>
                    setMapping((m) => ({
                      ...m,
                      [spec.role]: d.value === "" ? null : Number(d.value),
                    }))
                  }
                >
                  <option value="">{t.notUsed}</option>
                  {columns.map((c) => (
                    <option key={c.index} value={String(c.index)}>
                      {t.columnOption(c.letter, c.header)}
                    </option>
                  ))}
                </Select>
              </Field>
            );
          })}
          {analysis.dateOrder !== null && (
            <DateOrderField
              analysis={analysis}
              value={dateChoice}
              fallback={defaultDateOrder}
              onChange={setDateChoice}
              t={t}
            />
          )}
          <Preview analysis={analysis} t={t} />
          {stages && (
            <StagesTable
              base={stages.base}
              check={stages.check}
              edits={stageEdits}
              invalid={stages.invalid}
              onEdit={(name, text) =>
                setStageEdits((edits) => ({ ...edits, [stageKey(name)]: { name, text } }))
              }
              onReset={() => setStageEdits({})}
              t={t}
            />
          )}
        </section>
      )}

      {analysis?.dataset && (
        <section className={styles.section} aria-label={t.stepOptions}>
          <Subtitle2 as="h3">{t.stepOptions}</Subtitle2>
          {WORKFLOW_OPTIONS[workflow].map((f) =>
            f.kind === "boolean" ? (
              <Checkbox
                key={f.key}
                checked={raw[f.key] === true}
                label={t.optionLabels[f.key] ?? f.key}
                onChange={(_e, d) => setRaw((r) => ({ ...r, [f.key]: d.checked === true }))}
              />
            ) : f.kind === "choice" ? (
              <Field key={f.key} label={t.optionLabels[f.key] ?? f.key}>
                <Select
                  className={styles.select}
                  select={{ className: styles.nativeSelect }}
                  data-option={f.key}
                  value={String(raw[f.key])}
                  onChange={(_e, d) => setRaw((r) => ({ ...r, [f.key]: d.value }))}
                >
                  {f.choices.map((c) => (
                    <option key={c} value={c}>
                      {t.choiceLabels[c] ?? c}
                    </option>
                  ))}
                </Select>
              </Field>
            ) : (
              <Field key={f.key} label={t.optionLabels[f.key] ?? f.key} hint={t.optionBlank}>
                <Input
                  data-option={f.key}
                  value={String(raw[f.key] ?? "")}
                  onChange={(_e, d) => setRaw((r) => ({ ...r, [f.key]: d.value }))}
                />
              </Field>
            )
          )}
          <Field label={t.outputMode}>
            <RadioGroup
              value={live ? "live" : "portable"}
              onChange={(_e, d) => setLive(d.value === "live")}
            >
              <Radio value="portable" label={t.outputPortable} />
              <Radio value="live" label={t.outputLive} />
            </RadioGroup>
          </Field>
          {live && <Notice notice={{ intent: "warning", body: t.liveWarning }} />}
        </section>
      )}

      {analysis?.dataset && (
        <section className={styles.section} aria-label={t.stepRun}>
          <Subtitle2 as="h3">{t.stepRun}</Subtitle2>
          <div className={styles.row}>
            <Button
              appearance="primary"
              disabled={busy || blocked !== null}
              onClick={() => void run()}
            >
              {busy ? t.running : t.run}
            </Button>
          </div>
          {blocked && (
            <Text className={styles.blocked} data-testid="create-blocked">
              {blocked}
            </Text>
          )}
          {(phase.kind === "building" || phase.kind === "writing") && (
            <Field
              validationMessage={
                phase.kind === "building"
                  ? t.building(phase.done, phase.total)
                  : t.writing(phase.done, phase.total)
              }
              validationState="none"
            >
              <ProgressBar value={phase.total > 0 ? phase.done / phase.total : undefined} />
            </Field>
          )}
        </section>
      )}

      {notice && <PanelNotice notice={notice} onDismiss={() => setNotice(null)} />}

      <ReplaceDialog
        request={phase.kind === "confirm" ? phase.existing : null}
        t={t}
        language={language}
        onReplace={() => phase.kind === "confirm" && void write(phase.report, phase.existing.sheet)}
        onKeep={() => phase.kind === "confirm" && void write(phase.report)}
        onCancel={() => setPhase({ kind: "idle" })}
      />
    </div>
  );
}

function rowPreview(row: unknown[] | undefined): string {
  const cells = (row ?? [])
    .map((v) => (v === null || v === undefined ? "" : String(v).trim()))
    .filter((v) => v !== "");
  const text = cells.slice(0, 4).join(" | ");
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function SourceChoice(props: {
  kind: "table" | "name";
  sources: SourceList | null;
  value: string;
  onChange: (name: string) => void;
  t: WorkflowStrings;
}): React.JSX.Element {
  const { kind, sources, value, onChange, t } = props;
  const styles = useStyles();
  const items =
    kind === "table"
      ? (sources?.tables ?? []).map((s) => ({ name: s.name, detail: s.address }))
      : (sources?.names ?? []).map((s) => ({ name: s.name, detail: s.address }));
  if (sources && items.length === 0)
    return <Text>{kind === "table" ? t.noTables : t.noNames}</Text>;
  return (
    <Select
      className={styles.select}
      select={{ className: styles.nativeSelect }}
      aria-label={kind === "table" ? t.sourceTable : t.sourceName}
      value={value}
      onChange={(_e, d) => onChange(d.value)}
    >
      <option value="">
        {kind === "table" ? t.sourceTablePlaceholder : t.sourceNamePlaceholder}
      </option>
      {items.map((s) => (
        <option key={s.name} value={s.name}>{`${s.name} (${s.detail})`}</option>
      ))}
    </Select>
  );
}

function Preview(props: { analysis: SourceAnalysis; t: WorkflowStrings }): React.JSX.Element {
  const { analysis, t } = props;
  const styles = useStyles();
  const shown = analysis.skipped.length;
  const more = analysis.skippedCount - shown;
  return (
    <div className={styles.section} data-testid="preview">
      {analysis.problems.length > 0 && (
        <Notice
          notice={{ intent: "warning", title: t.problemsTitle, body: analysis.problems.join(" ") }}
        />
      )}
      <Text weight="semibold">{t.previewKept(analysis.kept)}</Text>
      {analysis.notes.map((note) => (
        <Text key={note} className={styles.muted}>
          {note}
        </Text>
      ))}
      {analysis.skippedCount > 0 && (
        <>
          <Text>{t.previewSkipped(analysis.skippedCount)}</Text>
          <ul className={styles.list}>
            {analysis.skipped.map((s) => (
              <li key={s.sheetRow}>{s.reason}</li>
            ))}
          </ul>
          {more > 0 && <Text className={styles.muted}>{t.previewMore(more)}</Text>}
        </>
      )}
    </div>
  );
}

function ReplaceDialog(props: {
  request: ExistingReport | null;
  t: WorkflowStrings;
  language: string;
  onReplace: () => void;
  onKeep: () => void;
  onCancel: () => void;
}): React.JSX.Element {
  const { request, t } = props;
  const created = request ? new Date(request.marker.created).toLocaleString(props.language) : "";
  return (
    <AlertDialog
      open={request !== null}
      title={t.replaceTitle}
      actions={[
        { label: t.replaceConfirm, onClick: props.onReplace },
        { label: t.replaceKeep, onClick: props.onKeep },
      ]}
      cancelLabel={t.cancel}
      onCancel={props.onCancel}
    >
      {request && t.replaceBody(request.sheet, created)}
    </AlertDialog>
  );
}
