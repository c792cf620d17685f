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
  dataHowTo:
    "Select the data cells in the sheet, without the header row (for example A2:C500), then choose Use selection.",
  useSelection: "Use selection",
  useSelectionBusy: "Reading the selection…",
  dataLabel: "Data",
  dataSize: (rows: number, columns: number) =>
    `${plural(rows, "row", "rows")} × ${plural(columns, "column", "columns")}`,
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
  columnsMismatchOne: (name: string, need: number, columns: string, first: string) =>
    `${name} needs ${plural(need, "data column", "data columns")} side by side: ${columns}. ` +
    `Your data has 1 column, which would only fill ${first}.`,
  columnsMismatch: (name: string, need: number, columns: string, got: number) =>
    `${name} needs ${plural(need, "data column", "data columns")} side by side: ${columns}. ` +
    `Your data has ${plural(got, "column", "columns")}.`,
  columnsSuggestion: (address: string) => `Select ${address} instead and choose Use selection.`,
  insert: "Insert",
  insertBusy: "Inserting…",
  insertLabel: (name: string) => `Insert ${name}`,

  needDataFirst: "Choose your data first: select it in the sheet, then choose Use selection.",
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
  dataHowTo: "请在工作表中选中数据单元格（不含标题行，例如 A2:C500），然后点击“使用所选区域”。",
  useSelection: "使用所选区域",
  useSelectionBusy: "正在读取所选区域…",
  dataLabel: "数据",
  dataSize: (rows: number, columns: number) => `${rows} 行 × ${columns} 列`,
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
  columnsMismatchOne: (name: string, need: number, columns: string, first: string) =>
    `${name} 需要 ${need} 个相邻的数据列：${columns}。当前数据只有 1 列，只能填入 ${first}。`,
  columnsMismatch: (name: string, need: number, columns: string, got: number) =>
    `${name} 需要 ${need} 个相邻的数据列：${columns}。当前数据有 ${got} 列。`,
  columnsSuggestion: (address: string) => `请改为选中 ${address}，然后点击“使用所选区域”。`,
  insert: "插入",
  insertBusy: "正在插入…",
  insertLabel: (name: string) => `插入 ${name}`,

  needDataFirst: "请先选择数据：在工作表中选中数据，然后点击“使用所选区域”。",
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
