// Task pane entry: waits for Office, picks the UI language from Office's display language, and mounts
// the React app with the Office.js-backed ExcelPort. The same page also hosts the custom functions
// (shared runtime; functions.js is loaded before this script).

import * as React from "react";
import { createRoot } from "react-dom/client";
import { officeReports } from "../excel/report";
import { officeExcel } from "../excel/workbook";
import { pickLanguage } from "../i18n/strings";
import { App } from "./components/App";
import { loadFunctionMetadata } from "./metadata";

/* global document, Office */

Office.onReady(() => {
  const language = pickLanguage(Office.context?.displayLanguage);
  document.documentElement.lang = language;
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <React.StrictMode>
      <App
        language={language}
        excel={officeExcel}
        reports={officeReports}
        loadFunctions={loadFunctionMetadata}
      />
    </React.StrictMode>
  );
});
