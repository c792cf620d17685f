// What the pane's report writer (src/excel/report.ts) says about a sheet it could not write wholly as
// asked, in the pane's language; the Excel messages it quotes come in Office's own language.

import { Lang } from "./lang";

const en = {
  noPageSetup: "the sheet has no page setup (this Excel lacks ExcelApi 1.9)",
  funnelAsBar: "the funnel chart is drawn as a bar chart",
  chartsFailed: (why: string) => `the charts could not be drawn (${why})`,
  listsFailed: (why: string) => `the drop-down lists could not be set (${why})`,
};

export type WriterText = typeof en;

const zh: WriterText = {
  noPageSetup: "工作表没有页面设置（此版本 Excel 不支持 ExcelApi 1.9）",
  funnelAsBar: "漏斗图以条形图绘制",
  chartsFailed: (why) => `无法绘制图表（${why}）`,
  listsFailed: (why) => `无法设置下拉列表（${why}）`,
};

export const WRITER_TEXT: Readonly<Record<Lang, WriterText>> = { en, zh };
