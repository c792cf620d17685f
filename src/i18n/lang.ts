// The language of what the add-in writes into cells and reports: "en" or "zh". The task pane's UI
// language (src/i18n/strings.ts Language: "en-US", "zh-CN") maps to it with langOf.

export type Lang = "en" | "zh";

/** The report language of a UI language: zh-CN writes Chinese, anything else English. */
export function langOf(language: string): Lang {
  return language === "zh-CN" ? "zh" : "en";
}
