/* global Buffer, URL */
// The entries of a zip file (an .xlsx) by name, read with the product's own zip reader
// (src/cli/zip.ts), so tests can look at parts that ExcelJS does not load (worksheet custom
// properties, chart parts).
import { entryBytes, zipEntries as directory } from "../../src/cli/zip";

/** Every file entry of the zip, by name. */
export function zipEntries(bytes: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  for (const entry of directory(bytes))
    if (!entry.name.endsWith("/")) entries.set(entry.name, entryBytes(bytes, entry, entry.size));
  return entries;
}

/** The worksheet custom properties of an .xlsx file: sheet name → property name → value. */
export function sheetCustomProperties(bytes: Buffer): Map<string, Map<string, string>> {
  const entries = zipEntries(bytes);
  const text = (name: string) => entries.get(name)?.toString("utf8") ?? "";
  const workbook = text("xl/workbook.xml");
  const workbookRels = text("xl/_rels/workbook.xml.rels");
  const relTarget = (rels: string, id: string) =>
    new RegExp(`<Relationship[^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`<Relationship[^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
  const out = new Map<string, Map<string, string>>();
  for (const m of workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = relTarget(workbookRels, m[2]);
    if (!target) continue;
    const sheetPath = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
    const sheetXml = text(sheetPath);
    const relsPath = sheetPath.replace(/([^/]+)$/, "_rels/$1.rels");
    const sheetRels = text(relsPath);
    const props = new Map<string, string>();
    for (const p of sheetXml.matchAll(/<customPr name="([^"]+)" r:id="([^"]+)"\/>/g)) {
      const partTarget = relTarget(sheetRels, p[2]);
      if (!partTarget) continue;
      const partPath = new URL(partTarget, `file:///${sheetPath}`).pathname.slice(1);
      const part = entries.get(partPath);
      if (part) props.set(p[1], part.toString("utf16le"));
    }
    out.set(m[1].replace(/&amp;/g, "&"), props);
  }
  return out;
}
