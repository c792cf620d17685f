// The task pane: two tabs. Reports: the guided workflows that write report sheets. Functions: the data
// the functions will read, the function gallery, and the Insert flow. All Excel access goes through the
// ports it is given (src/excel), never the `Excel` global.

import * as React from "react";
import {
  Caption1,
  FluentProvider,
  Spinner,
  Subtitle1,
  Tab,
  TabList,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { CellRef, qualifiedAreas, qualifiedCellA1 } from "../../excel/address";
import { describeExcelError } from "../../excel/errors";
import { ExcelPort, SelectionSnapshot } from "../../excel/workbook";
import { Language, UiStrings, getStrings } from "../../i18n/strings";
import { ArgumentPicks, dataArguments } from "../argumentRoles";
import { decideInsert } from "../formula";
import { SelectedList, readList } from "../list";
import { FunctionInfo } from "../metadata";
import { ConfirmReplace } from "./ConfirmReplace";
import { DataPanel } from "./DataPanel";
import { incompleteMessage } from "./FunctionDetails";
import { Gallery } from "./Gallery";
import { LanguageProvider, useStrings } from "./language";
import { getWorkflowStrings } from "../../i18n/workflows";
import { WorkflowsView } from "../workflows/WorkflowsView";
import { WorkflowPort } from "../workflows/port";
import { Notice, NoticeContent } from "./Notice";

export interface AppProps {
  language: Language;
  excel: ExcelPort;
  /** Reading data and writing report sheets (the Reports tab). */
  reports: WorkflowPort;
  /** The tab shown first (default: Reports). */
  initialTab?: "reports" | "functions";
  loadFunctions: (language: Language) => Promise<FunctionInfo[]>;
}

export function App(props: AppProps): React.JSX.Element {
  return (
    <FluentProvider theme={webLightTheme} lang={props.language} style={{ minHeight: "100vh" }}>
      <LanguageProvider value={props.language}>
        <TaskPane {...props} />
      </LanguageProvider>
    </FluentProvider>
  );
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    maxWidth: "720px",
    boxSizing: "border-box",
  },
  tab: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  header: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  title: { margin: 0 },
  subtitle: { color: tokens.colorNeutralForeground3 },
});

type FunctionList =
  | { state: "loading" }
  | { state: "ready"; functions: FunctionInfo[] }
  | { state: "failed"; notice: NoticeContent };

interface PendingReplace {
  fn: FunctionInfo;
  target: CellRef;
  content: string;
  formula: string;
}

function excelNotice(title: string, error: unknown, t: UiStrings): NoticeContent {
  const problem = describeExcelError(error);
  return {
    intent: "error",
    title,
    body: problem.message,
    detail: problem.code ? t.excelErrorCode(problem.code) : undefined,
  };
}

function TaskPane(props: AppProps): React.JSX.Element {
  const [tab, setTab] = React.useState(props.initialTab ?? "reports");
  const w = getWorkflowStrings(props.language);
  const styles = useStyles();
  const t = useStrings();
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Subtitle1 as="h1" className={styles.title}>
          {t.appTitle}
        </Subtitle1>
      </header>
      <TabList
        selectedValue={tab}
        onTabSelect={(_e, d) => setTab(d.value as "reports" | "functions")}
      >
        <Tab value="reports">{w.tabReports}</Tab>
        <Tab value="functions">{w.tabFunctions}</Tab>
      </TabList>
      {tab === "reports" ? <WorkflowsView port={props.reports} /> : <FunctionsTab {...props} />}
    </main>
  );
}

function FunctionsTab({ language, excel, loadFunctions }: AppProps): React.JSX.Element {
  const t = useStrings();
  const styles = useStyles();
  const [list, setList] = React.useState<FunctionList>({ state: "loading" });
  const [data, setData] = React.useState<SelectedList | null>(null);
  /** The user's choices of columns, per function id; a new list starts from the detected ones. */
  const [choices, setChoices] = React.useState<Record<string, ArgumentPicks>>({});
  const [current, setCurrent] = React.useState<SelectionSnapshot | null>(null);
  const [reading, setReading] = React.useState(false);
  const [dataNotice, setDataNotice] = React.useState<NoticeContent | null>(null);
  const [busyId, setBusyId] = React.useState<string | null>(null);
  const [notice, setNotice] = React.useState<{
    id: string;
    notice: NoticeContent;
  } | null>(null);
  const [pending, setPending] = React.useState<PendingReplace | null>(null);

  React.useEffect(() => {
    let live = true;
    loadFunctions(language).then(
      (functions) => live && setList({ state: "ready", functions }),
      (error: unknown) =>
        live &&
        setList({
          state: "failed",
          notice: {
            intent: "error",
            title: getStrings(language).functionsLoadFailed,
            body: describeExcelError(error).message,
          },
        })
    );
    return () => {
      live = false;
    };
  }, [language, loadFunctions]);

  // Follow the selection so the pane can show what is selected and where the formula would go.
  React.useEffect(() => {
    let live = true;
    let stop: (() => Promise<void>) | null = null;
    excel.readSelection().then(
      (selection) => live && setCurrent(selection),
      () => undefined // shown when the user asks for it (Use selection / Insert)
    );
    excel
      .watchSelection((selection) => live && setCurrent(selection))
      .then(
        (remove) => {
          if (live) stop = remove;
          else void remove().catch(() => undefined);
        },
        () => undefined // without selection events the pane still works: Use selection reads on demand
      );
    return () => {
      live = false;
      if (stop) void stop().catch(() => undefined);
    };
  }, [excel]);

  const pinSelection = async (): Promise<void> => {
    setReading(true);
    setDataNotice(null);
    try {
      const block = await excel.readSelectedBlock();
      if (block) setCurrent(block.selection);
      const list = block ? readList(block) : null;
      if (!list) {
        setDataNotice({ intent: "warning", body: t.selectionEmpty });
        return;
      }
      setData(list);
      setChoices({});
      setNotice(null);
      if (list.dataBottom < list.dataTop) setDataNotice({ intent: "warning", body: t.noDataRows });
    } catch (error) {
      setDataNotice(excelNotice(t.selectionReadFailed, error, t));
    } finally {
      setReading(false);
    }
  };

  const insert = async (fn: FunctionInfo, picks: ArgumentPicks): Promise<void> => {
    if (!data) {
      setNotice({
        id: fn.id,
        notice: {
          intent: "warning",
          body: `${t.needDataFirst} ${t.selectWholeList(t.useSelection)}`,
        },
      });
      return;
    }
    const args = dataArguments(fn);
    setBusyId(fn.id);
    setNotice(null);
    try {
      const outcome = await excel.insertAtActiveCell((target) =>
        decideInsert(fn.id, args, picks, data, target)
      );
      const address = qualifiedCellA1(outcome.target);
      if (outcome.kind === "written") {
        setNotice({
          id: fn.id,
          notice: {
            intent: "success",
            title: t.insertedTitle,
            body: t.inserted(outcome.formula, address),
          },
        });
      } else if (outcome.reason.kind === "occupied") {
        setPending({
          fn,
          target: outcome.target,
          content: outcome.target.content,
          formula: outcome.reason.formula,
        });
      } else if (outcome.reason.kind === "inside-data") {
        setNotice({
          id: fn.id,
          notice: {
            intent: "warning",
            title: t.notInsertedTitle,
            body: t.insideData(address, qualifiedAreas(data.areas)),
          },
        });
      } else {
        setNotice({
          id: fn.id,
          notice: {
            intent: "warning",
            title: t.notInsertedTitle,
            body: incompleteMessage(t, fn, outcome.reason.plan),
          },
        });
      }
    } catch (error) {
      setNotice({
        id: fn.id,
        notice: excelNotice(t.insertFailedTitle, error, t),
      });
    } finally {
      setBusyId(null);
    }
  };

  const replace = async (): Promise<void> => {
    if (!pending) return;
    const { fn, target, formula } = pending;
    setPending(null);
    setBusyId(fn.id);
    try {
      await excel.writeFormula(target, formula);
      setNotice({
        id: fn.id,
        notice: {
          intent: "success",
          title: t.insertedTitle,
          body: t.inserted(formula, qualifiedCellA1(target)),
        },
      });
    } catch (error) {
      setNotice({
        id: fn.id,
        notice: excelNotice(t.insertFailedTitle, error, t),
      });
    } finally {
      setBusyId(null);
    }
  };

  const cancelReplace = (): void => {
    if (!pending) return;
    setNotice({
      id: pending.fn.id,
      notice: { intent: "info", body: t.cancelled },
    });
    setPending(null);
  };

  return (
    <div className={styles.tab}>
      <Caption1 className={styles.subtitle}>{t.appSubtitle}</Caption1>

      <DataPanel
        data={data}
        current={current}
        reading={reading}
        notice={dataNotice}
        onUseSelection={() => void pinSelection()}
        onDismissNotice={() => setDataNotice(null)}
      />

      {list.state === "loading" && <Spinner size="small" label={t.loadingFunctions} />}
      {list.state === "failed" && <Notice notice={list.notice} />}
      {list.state === "ready" && (
        <Gallery
          functions={list.functions}
          data={data}
          choices={choices}
          targetSheet={current ? current.activeCell.sheet : null}
          busyId={busyId}
          notice={notice}
          onChoose={(fn, parameter, pick) =>
            setChoices((all) => ({ ...all, [fn.id]: { ...all[fn.id], [parameter]: pick } }))
          }
          onInsert={(fn, picks) => void insert(fn, picks)}
          onDismissNotice={() => setNotice(null)}
        />
      )}

      <ConfirmReplace
        request={
          pending
            ? {
                address: qualifiedCellA1(pending.target),
                content: pending.content,
                formula: pending.formula,
              }
            : null
        }
        onReplace={() => void replace()}
        onCancel={cancelReplace}
      />
    </div>
  );
}
