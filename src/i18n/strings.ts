// Every string the task pane shows, in en-US and zh-CN. The zh-CN table is typed from the en-US one,
// so a missing (or extra) key is a compile error. Strings that take values are functions.

export type Language = "en-US" | "zh-CN";

export const LANGUAGES: readonly Language[] = ["en-US", "zh-CN"];

/** Office's display language ("zh-CN", "zh-TW", "en-GB", ...) to the UI language: zh-* -> zh-CN, else en-US. */
export function pickLanguage(displayLanguage: string | null | undefined): Language {
  const tag = (displayLanguage ?? "").trim().toLowerCase();
  return tag === "zh" || tag.startsWith("zh-") || tag.startsWith("zh_") ? "zh-CN" : "en-US";
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

const enUS = {
  appTitle: "KAM Analytics",
  appSubtitle: "Function gallery",
  loadingFunctions: "Loading the functions…",
  functionsLoadFailed: "The function list could not be loaded.",

  dataHeading: "Your data",
  dataNone: "No data chosen yet.",
  /** Shared by the Reports and the Functions tab: how to select the data (`button`: what to choose next). */
  selectWholeList: (button: string) =>
    `Select the whole list in the sheet, header row included, then choose ${button}.`,
  selectColumnsToo:
    "You can also select only the columns you need; hold Ctrl to add columns that are apart.",
  useSelection: "Use selection",
  useSelectionBusy: "Reading the selection…",
  dataLabel: "Data",
  dataSize: (rows: number, columns: number) =>
    `${plural(rows, "data row", "data rows")} × ${plural(columns, "column", "columns")}`,
  headerLabel: "Header",
  headerIs: (row: number, names: string) => `Row ${row}: ${names}`,
  headerNone: "None: every row is data",
  totalsLeftOut: (row: number) => `Row ${row}, a totals row, is left out.`,
  selectionEmpty: "The selected cells are empty.",
  selectedNow: (address: string) => `Selected now: ${address}`,
  resultCellLabel: "Result cell",
  resultCellIs: (address: string) => `The active cell, now ${address}`,
  resultCellUnknown: "The active cell when you choose Insert",
  resultCellHint: "Click the cell where the result should go, then choose Insert.",
  activeCellInsideData:
    "The active cell is inside the data. Click an empty cell outside it before you insert.",
  selectionReadFailed: "Excel could not read the selection.",

  searchLabel: "Search functions",
  searchPlaceholder: "Name, description or parameter",
  functionCount: (shown: number, total: number) =>
    shown === total ? plural(total, "function", "functions") : `${shown} of ${total} functions`,
  noMatch: (query: string) => `No function matches “${query}”.`,

  parametersHeading: "Parameters",
  optional: "optional",
  dataColumnBadge: "data column",
  spillNote: "The result spills into the cells below and to the right; keep them empty.",
  exampleHeading: "Example",
  previewHeading: "Will insert",
  noDataForPreview: "Choose your data above to see the formula.",
  argumentsHint:
    "Each data argument takes the column of your list whose header names it; choose another if needed.",
  columnOption: (letter: string, header: string) => `${letter} · ${header}`,
  columnOptionBare: (letter: string) => `Column ${letter}`,
  columnOptionText: (label: string) => `${label} (text)`,
  chooseColumn: "Choose a column",
  noColumn: "(none)",
  firstColumn: (parameter: string) => `${parameter}: first column`,
  lastColumn: (parameter: string) => `${parameter}: last column`,
  outsideArgument: "Not a column of the list: type it into the formula (see the example).",
  kindText: "text",
  kindNumber: "numbers",
  kindDate: "dates",
  argumentNeed: (parameter: string, kind: string) => `${parameter} (${kind})`,
  missingColumns: (name: string, list: string) =>
    `${name} needs a column for ${list}. Choose it above, or select a list that has one.`,
  outsideNeeded: (name: string, list: string) =>
    `${name} also needs ${list}, which is not a column of a list: type the formula into the cell ` +
    "yourself, as in the example.",
  apartColumns: (list: string) => `${list}: choose columns that are side by side in the list.`,
  noDataRows: "The selected list has no data rows below its header row.",
  insert: "Insert",
  insertBusy: "Inserting…",
  insertLabel: (name: string) => `Insert ${name}`,

  needDataFirst: "Choose your data first.",
  insertedTitle: "Formula inserted",
  inserted: (formula: string, address: string) => `${formula} is now in ${address}.`,
  notInsertedTitle: "Not inserted",
  insideData: (target: string, data: string) =>
    `${target} is inside your data (${data}); writing there would overwrite it. ` +
    "Click an empty cell outside the data, then choose Insert again.",
  insertFailedTitle: "Excel could not insert the formula",
  excelErrorCode: (code: string) => `Error code: ${code}`,

  confirmTitle: "Replace the cell’s content?",
  confirmBody: (address: string) => `${address} is not empty. It contains:`,
  confirmQuestion: (formula: string) => `Replace it with ${formula}?`,
  confirmReplace: "Replace",
  confirmCancel: "Cancel",
  cancelled: "Nothing was changed.",
  dismiss: "Dismiss",
};

export type UiStrings = {
  readonly [K in keyof typeof enUS]: (typeof enUS)[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : string;
};

const zhCN: UiStrings = {
  appTitle: "大客户分析",
  appSubtitle: "函数库",
  loadingFunctions: "正在加载函数…",
  functionsLoadFailed: "无法加载函数列表。",

  dataHeading: "数据区域",
  dataNone: "尚未选择数据。",
  selectWholeList: (button: string) =>
    `在工作表中选中整个清单（包括标题行），然后点击“${button}”。`,
  selectColumnsToo: "也可以只选中需要的列；按住 Ctrl 可以加选不相邻的列。",
  useSelection: "使用所选区域",
  useSelectionBusy: "正在读取所选区域…",
  dataLabel: "数据",
  dataSize: (rows: number, columns: number) => `${rows} 行数据 × ${columns} 列`,
  headerLabel: "标题行",
  headerIs: (row: number, names: string) => `第 ${row} 行：${names}`,
  headerNone: "无：每一行都是数据",
  totalsLeftOut: (row: number) => `第 ${row} 行是合计行，不计入数据。`,
  selectionEmpty: "所选单元格是空的。",
  selectedNow: (address: string) => `当前选中：${address}`,
  resultCellLabel: "结果单元格",
  resultCellIs: (address: string) => `活动单元格，当前为 ${address}`,
  resultCellUnknown: "点击“插入”时的活动单元格",
  resultCellHint: "请单击要放置结果的单元格，然后点击“插入”。",
  activeCellInsideData: "活动单元格位于数据区域内。插入前请单击数据区域外的空白单元格。",
  selectionReadFailed: "Excel 无法读取所选区域。",

  searchLabel: "搜索函数",
  searchPlaceholder: "名称、说明或参数",
  functionCount: (shown: number, total: number) =>
    shown === total ? `共 ${total} 个函数` : `显示 ${shown} / ${total} 个函数`,
  noMatch: (query: string) => `没有与“${query}”匹配的函数。`,

  parametersHeading: "参数",
  optional: "可选",
  dataColumnBadge: "数据列",
  spillNote: "结果会溢出到下方和右侧的单元格，请保持这些单元格为空。",
  exampleHeading: "示例",
  previewHeading: "将插入",
  noDataForPreview: "请先在上方选择数据，即可预览公式。",
  argumentsHint: "每个数据参数取清单中标题与之相符的列；如有需要，可以改选其他列。",
  columnOption: (letter: string, header: string) => `${letter} 列 · ${header}`,
  columnOptionBare: (letter: string) => `${letter} 列`,
  columnOptionText: (label: string) => `${label}（文本）`,
  chooseColumn: "请选择列",
  noColumn: "（无）",
  firstColumn: (parameter: string) => `${parameter}：起始列`,
  lastColumn: (parameter: string) => `${parameter}：结束列`,
  outsideArgument: "不是清单中的列：请在公式中自行填写（参见示例）。",
  kindText: "文本",
  kindNumber: "数字",
  kindDate: "日期",
  argumentNeed: (parameter: string, kind: string) => `${parameter}（${kind}列）`,
  missingColumns: (name: string, list: string) =>
    `${name} 需要一列作为 ${list}。请在上方选择，或选中包含该列的清单。`,
  outsideNeeded: (name: string, list: string) =>
    `${name} 还需要 ${list}，它不是清单中的列：请参照示例在单元格中自行输入公式。`,
  apartColumns: (list: string) => `${list}：请选择清单中相邻的列。`,
  noDataRows: "所选清单在标题行下方没有数据行。",
  insert: "插入",
  insertBusy: "正在插入…",
  insertLabel: (name: string) => `插入 ${name}`,

  needDataFirst: "请先选择数据。",
  insertedTitle: "公式已插入",
  inserted: (formula: string, address: string) => `${formula} 已写入 ${address}。`,
  notInsertedTitle: "未插入",
  insideData: (target: string, data: string) =>
    `${target} 位于数据区域（${data}）内，写入会覆盖数据。请单击数据区域外的空白单元格，然后再次点击“插入”。`,
  insertFailedTitle: "Excel 无法插入公式",
  excelErrorCode: (code: string) => `错误代码：${code}`,

  confirmTitle: "替换单元格内容？",
  confirmBody: (address: string) => `${address} 不是空单元格，其中包含：`,
  confirmQuestion: (formula: string) => `是否替换为 ${formula}？`,
  confirmReplace: "替换",
  confirmCancel: "取消",
  cancelled: "未做任何更改。",
  dismiss: "关闭",
};

export const STRINGS: Readonly<Record<Language, UiStrings>> = {
  "en-US": enUS,
  "zh-CN": zhCN,
};

export function getStrings(language: Language): UiStrings {
  return STRINGS[language];
}
