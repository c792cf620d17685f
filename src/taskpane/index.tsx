// Task pane entry: waits for Office, picks the UI language from Office's display language, and mounts
// the React app with the Office.js-backed ExcelPort. The same page also hosts the custom functions
// (shared runtime; functions.js is loaded before this script). Opened outside Office (no Office.js,
// or Office.js without a host), the page says that it runs inside Excel and how to load it there.

import * as React from "react";
import { createRoot } from "react-dom/client";
import { createOfficeReports } from "../excel/report";
import { createOfficeExcel } from "../excel/workbook";
import { pickLanguage } from "../i18n/strings";
import { App } from "./components/App";
import { loadFunctionMetadata } from "./metadata";
import { OutsideReason, showOutsideOffice } from "./outsideOffice";

/* global document, navigator, Office */

function outside(reason: OutsideReason): void {
  const language = pickLanguage(navigator.language);
  document.documentElement.lang = language;
  const container = document.getElementById("container");
  if (container) showOutsideOffice(container, language, reason);
}

if (typeof Office === "undefined") {
  outside("no-office-js");
} else {
  Office.onReady((info) => {
    // Office.js loaded in a plain browser tab resolves onReady with no host.
    if (!info?.host) {
      outside("no-host");
      return;
    }
    const language = pickLanguage(Office.context?.displayLanguage);
    document.documentElement.lang = language;
    const container = document.getElementById("container");
    if (!container) return;
    // Excel reads the functions' names in its display language (functions.zh-CN.json in Chinese);
    // the ExcelPort needs them when Excel refuses a formula written with the ids (#NAME?).
    const localNames = async (): Promise<ReadonlyMap<string, string>> =>
      new Map((await loadFunctionMetadata(language)).map((fn) => [fn.id, fn.name]));
    const excel = createOfficeExcel({ localNames });
    const reports = createOfficeReports({ localNames });
    createRoot(container).render(
      <React.StrictMode>
        <App
          language={language}
          excel={excel}
          reports={reports}
          loadFunctions={loadFunctionMetadata}
        />
      </React.StrictMode>
    );
  });
}
