// What the report workflows need from Excel: list and read data sources, find the add-in's earlier
// report sheets, and write a report description. Backed by src/excel in the add-in, by the in-memory
// stand-in in tests.

import { ReportMarker, ReportSheet } from "../../report/model";

export type SourceRef =
  { kind: "selection" } | { kind: "table"; name: string } | { kind: "name"; name: string };

export interface SourceList {
  tables: { name: string; sheet: string; address: string; rows: number }[];
  names: { name: string; address: string }[];
}

export interface SourceBlock {
  /** Sheet-qualified address, e.g. "Orders!A1:D500". */
  address: string;
  sheet: string;
  /** 0-based position of values[0][0] on the sheet. */
  row: number;
  column: number;
  values: unknown[][];
  /** Number formats of the cells, when the host reports them (dates vs plain numbers). */
  formats?: string[][];
}

export interface ExistingReport {
  sheet: string;
  marker: ReportMarker;
}

export interface WorkflowPort {
  listSources(): Promise<SourceList>;
  readSource(from: SourceRef): Promise<SourceBlock>;
  findReports(): Promise<ExistingReport[]>;
  writeReport(
    report: ReportSheet,
    options: { replace?: string; onProgress?: (done: number, total: number) => void }
  ): Promise<{ sheet: string; replaced: boolean; warnings?: string[] }>;
  /** False on hosts too old for report sheets (the pane then says so). */
  supported?(): boolean;
}
