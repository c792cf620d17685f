/* global console, process, Buffer, __dirname, require, module */
// A large order list with the shape of a real export, for timing `kam report` (issue 17): the
// Superstore order lines of test/fixtures/real/superstore (784 rows, Tableau's sample data) copied
// until the file has the rows asked for. Copy k (0, 1, 2, ...) keeps every cell of the source row but
// numbers Row ID 1, 2, 3, ... and suffixes Order ID, Customer ID and Customer Name with "-k" (so each copy is a new set of customers and
// orders, not the same customers buying more) and moves Order Date and Ship Date k % 365 days later
// (so the dates spread as real dates do; the span stays about five years).
//
// Run: npx tsx test/scale/orders.ts [--rows N] [--out FILE] [--drop COLUMN,...]
//   default: 70,000 data rows to /tmp/orders70k.csv (16.6 MB). `--rows 1048575` gives a 1,048,576-row
//   file (header included, Excel's sheet limit) of 254 MB, which kam refuses (over its 250 MB CSV
//   limit, one line); `--rows 1048575 --drop Country` leaves out the column that is "United States" on
//   every row: 239 MB, read.
// Not part of jest; the README's `kam report` figures were measured on its files.
import fs from "fs";
import path from "path";

const SOURCE = path.join(
  __dirname,
  "../fixtures/real/superstore/sample-superstore-customers-A.csv"
);

/** Splits one CSV line into fields (double quotes honoured; the source has no line breaks in cells). */
export function csvFields(line: string): string[] {
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      out.push(field);
      field = "";
    } else field += c;
  }
  out.push(field);
  return out;
}

/** A field as CSV: quoted when it holds a comma, a quote or a line break. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** M/D/YYYY moved `days` later, written M/D/YYYY again (UTC calendar, no time of day). */
export function shiftDate(text: string, days: number): string {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (!m) throw new Error(`not an M/D/YYYY date: ${JSON.stringify(text)}`);
  const d = new Date(Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2]) + days));
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`;
}

/** Data row n (0-based) of the order list as a CSV line: source row n % length, copy n / length. */
export function orderLine(header: string[], source: string[][]): (n: number) => string {
  const at = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`the source has no column ${name}`);
    return i;
  };
  const rowId = at("Row ID");
  const suffixed = [at("Order ID"), at("Customer ID"), at("Customer Name")];
  const dated = [at("Order Date"), at("Ship Date")];
  return (n) => {
    const k = Math.floor(n / source.length);
    const row = source[n % source.length].slice();
    row[rowId] = String(n + 1);
    for (const i of suffixed) row[i] = `${row[i]}-${k}`;
    for (const i of dated) row[i] = shiftDate(row[i], k % 365);
    return row.map(csvField).join(",");
  };
}

function main(): void {
  const args = process.argv.slice(2);
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const rows = Number(value("--rows") ?? 70000);
  if (!Number.isInteger(rows) || rows < 1)
    throw new Error(`--rows ${value("--rows")}: not a count`);
  const out = value("--out") ?? "/tmp/orders70k.csv";
  const text = fs.readFileSync(SOURCE, "utf8").replace(/^\uFEFF/, "");
  const [head, ...body] = text.split(/\r?\n/).filter((l) => l !== "");
  const all = csvFields(head);
  const drop = (value("--drop") ?? "").split(",").filter((d) => d !== "");
  for (const d of drop) if (!all.includes(d)) throw new Error(`--drop ${d}: no such column`);
  const kept = all.map((_, i) => i).filter((i) => !drop.includes(all[i]));
  const header = kept.map((i) => all[i]);
  const source = body.map(csvFields).map((r) => kept.map((i) => r[i]));
  const fd = fs.openSync(out, "w");
  // UTF-8 with BOM, as the source and as Excel saves "CSV UTF-8"; written in blocks to keep memory flat.
  fs.writeSync(fd, Buffer.from("\uFEFF", "utf8"));
  const line = orderLine(header, source);
  let bytes = 3;
  const write = (lines: string[]) => {
    const chunk = Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8");
    fs.writeSync(fd, chunk);
    bytes += chunk.length;
  };
  write([header.map(csvField).join(",")]);
  for (let start = 0; start < rows; start += 50_000) {
    const lines: string[] = [];
    for (let n = start; n < Math.min(rows, start + 50_000); n++) lines.push(line(n));
    write(lines);
  }
  fs.closeSync(fd);
  console.log(
    `${out}: ${rows.toLocaleString("en-US")} data rows (${(rows + 1).toLocaleString("en-US")} with the header), ${(bytes / 1e6).toFixed(1)} MB`
  );
}

if (require.main === module) main();
