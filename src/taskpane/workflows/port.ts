// What the report workflows need from Excel: list and read data sources, find the add-in's earlier
// report sheets, and write a report description. The types are the Office.js side's own
// (src/excel/source.ts, src/excel/report.ts), defined once there; backed by src/excel in the add-in,
// by the in-memory stand-in in tests.

import type { SourceData, SourceRef } from "../../excel/source";
import type { ReportPort } from "../../excel/report";

export type { SourceList, SourceRef } from "../../excel/source";
export type { ExistingReport } from "../../excel/report";

/** A source as read: the number formats may be missing on a host (or a stand-in) that lacks them. */
export type SourceBlock = Omit<SourceData, "formats"> & { formats?: string[][] };

/** The report port as the pane uses it: reads without chunk options; `supported` may be absent. */
export type WorkflowPort = Omit<ReportPort, "readSource" | "supported"> & {
  readSource(from: SourceRef): Promise<SourceBlock>;
  /** False on hosts too old for report sheets (the pane then says so). */
  supported?(): boolean;
};
