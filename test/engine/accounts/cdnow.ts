/* global __dirname */
// Reads the CDNOW data of test/fixtures/cdnow (Fader, Hardie & Lee 2005; the lifetimes package's
// bundled copies, see its README.md): the transaction sample and the published calibration summary.
import fs from "fs";
import path from "path";
import { serialFromYmd } from "../../../src/engine/calendar";

export const CDNOW_DIR = path.resolve(__dirname, "../../fixtures/cdnow");

export interface CdnowSummary {
  id: number[];
  x: number[];
  tx: number[];
  T: number[];
  zbar: number[];
}

export function readSummary(): CdnowSummary {
  const text = fs.readFileSync(
    path.join(CDNOW_DIR, "cdnow_customers_summary_with_transactions.csv"),
    "utf8"
  );
  const rows = text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(",").map(Number));
  return {
    id: rows.map((r) => r[0]),
    x: rows.map((r) => r[1]),
    tx: rows.map((r) => r[2]),
    T: rows.map((r) => r[3]),
    zbar: rows.map((r) => r[4]),
  };
}

export function readTransactions(): { customer: number[]; date: number[]; amount: number[] } {
  const text = fs.readFileSync(path.join(CDNOW_DIR, "CDNOW_sample.txt"), "utf8");
  const customer: number[] = [];
  const date: number[] = [];
  const amount: number[] = [];
  for (const line of text.split(/\r?\n/)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 5) continue;
    customer.push(Number(f[1]));
    const d = f[2];
    date.push(serialFromYmd(Number(d.slice(0, 4)), Number(d.slice(4, 6)), Number(d.slice(6, 8)))!);
    amount.push(Number(f[4]));
  }
  return { customer, date, amount };
}
