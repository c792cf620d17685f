// What the pane's report writer (src/excel/report.ts) says about a sheet it could not write wholly as
// asked, in the pane's language; the Excel messages it quotes come in Office's own language.

import { Lang } from "./lang";

const en = {
  noPageSetup: "the sheet has no page setup (this Excel lacks ExcelApi 1.9)",
  funnelAsBar: "the funnel chart is drawn as a bar chart",
  chartsFailed: (why: string) => `the charts could not be drawn (${why})`,
  listsFailed: (why: string) => `the drop-down lists could not be set (${why})`,
  /** What the writer was doing when something failed (the failure messages name it). */
  stages: {
    reading: "reading the workbook",
    readingInputs: "reading the input cells of the sheet to replace",
    creating: "creating the report sheet",
    firstChunk: (chunks: number) =>
      `creating the report sheet and writing cells (chunk 1 of ${chunks})`,
    chunk: (k: number, chunks: number) => `writing cells (chunk ${k} of ${chunks})`,
    checking: "checking the sheet to replace",
    formatting: "formatting the sheet, tables and charts",
    localNames: "writing the KAM formulas in Excel's language",
    charts: "drawing the charts",
    lists: "setting the drop-down lists",
    naming: "naming the report sheet",
    replacing: "replacing the sheet",
  },
  notOurs: (sheet: string) =>
    `the sheet "${sheet}" was not written by KAM Analytics (it carries no report marker), so it is not replaced`,
  refused: (why: string) => `Could not write the report: ${why}.`,
  failed: (stage: string, why: string) =>
    `Could not write the report: ${stage} failed (${why || "unknown error"}).`,
  unchanged: " Your sheets were not changed.",
  leftover: (sheet: string) =>
    ` Your sheets were not changed, but the unfinished sheet "${sheet}" could not be removed; delete it.`,
  unreadable: (stage: string, why: string, temp: string, replacing: string | undefined) =>
    `Could not finish the report: ${stage} failed (${why || "unknown error"}), ` +
    `and the workbook could not be read afterwards. Look for the sheets "${temp}"` +
    (replacing === undefined ? "." : ` and "${replacing}".`),
  halfReplaced: (stage: string, why: string, replacing: string, temp: string) =>
    `Could not finish the report: ${stage} failed (${why || "unknown error"}). ` +
    `The previous report sheet "${replacing}" was removed; the new report is on the sheet "${temp}". ` +
    "Your other sheets were not changed.",
};

export type WriterText = typeof en;

const zh: WriterText = {
  noPageSetup: "工作表没有页面设置（此版本 Excel 不支持 ExcelApi 1.9）",
  funnelAsBar: "漏斗图以条形图绘制",
  chartsFailed: (why) => `无法绘制图表（${why}）`,
  listsFailed: (why) => `无法设置下拉列表（${why}）`,
  stages: {
    reading: "读取工作簿",
    readingInputs: "读取要替换的工作表中的输入单元格",
    creating: "创建报表工作表",
    firstChunk: (chunks) => `创建报表工作表并写入单元格（第 1 批，共 ${chunks} 批）`,
    chunk: (k, chunks) => `写入单元格（第 ${k} 批，共 ${chunks} 批）`,
    checking: "检查要替换的工作表",
    formatting: "设置工作表、表格和图表的格式",
    localNames: "以 Excel 的语言写入 KAM 公式",
    charts: "绘制图表",
    lists: "设置下拉列表",
    naming: "为报表工作表命名",
    replacing: "替换工作表",
  },
  notOurs: (sheet) => `工作表“${sheet}”不是 KAM Analytics 写入的（没有报表标记），因此不予替换`,
  refused: (why) => `无法写入报表：${why}。`,
  failed: (stage, why) => `无法写入报表：${stage}失败（${why || "未知错误"}）。`,
  unchanged: "您的工作表未被更改。",
  leftover: (sheet) => `您的工作表未被更改，但未完成的工作表“${sheet}”无法删除，请手动删除。`,
  unreadable: (stage, why, temp, replacing) =>
    `无法完成报表：${stage}失败（${why || "未知错误"}），之后也无法读取工作簿。请查找工作表“${temp}”` +
    (replacing === undefined ? "。" : `和“${replacing}”。`),
  halfReplaced: (stage, why, replacing, temp) =>
    `无法完成报表：${stage}失败（${why || "未知错误"}）。之前的报表工作表“${replacing}”已删除；新报表在工作表“${temp}”上。您的其他工作表未被更改。`,
};

export const WRITER_TEXT: Readonly<Record<Lang, WriterText>> = { en, zh };
