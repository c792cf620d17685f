/* global Buffer, URL */
// Reads the entries of a zip file (an .xlsx) with node:zlib, so tests can look at parts that ExcelJS
// does not load (worksheet custom properties). Handles stored and deflated entries, no zip64.
import zlib from "node:zlib";

/** Every file entry of the zip, by name. */
export function zipEntries(bytes: Buffer): Map<string, Buffer> {
  let end = bytes.length - 22;
  while (end >= 0 && bytes.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error("not a zip file: no end of central directory");
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error("bad central directory entry");
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.toString("utf8", at + 46, at + 46 + nameLength);
    const dataAt = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(dataAt, dataAt + compressed);
    if (!name.endsWith("/"))
      entries.set(name, method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
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
