/* global Buffer */
// deflateStored (src/cli/zip.ts): a stored zip rewritten with deflated entries reads back the same,
// through JSZip (another reader) and through kam's own reader.
import { describe, expect, test } from "@jest/globals";
import JSZip from "jszip";
import zlib from "node:zlib";
import { deflateStored, entryBytes, zipEntries } from "../../src/cli/zip";

describe("deflateStored", () => {
  test("every entry deflated, its name, bytes, CRC and time kept", async () => {
    const parts: Record<string, string | Buffer> = {
      "[Content_Types].xml": "<Types/>",
      "xl/worksheets/sheet1.xml": "<row>1</row>".repeat(20_000),
      "xl/名前.bin": Buffer.from([0, 1, 2, 255, 254]),
      "empty.txt": "",
    };
    const zip = new JSZip();
    const date = new Date(Date.UTC(2026, 11, 3, 12, 30, 0));
    for (const [name, data] of Object.entries(parts)) zip.file(name, data, { date });
    const stored = await zip.generateAsync({ type: "nodebuffer", compression: "STORE" });
    const packed = deflateStored(stored);
    expect(packed.length).toBeLessThan(stored.length / 10);

    const before = zipEntries(stored);
    const after = zipEntries(packed);
    // JSZip adds the folders (xl/, xl/worksheets/) as empty entries: they stay stored, as folders.
    expect(after.filter((e) => !e.name.endsWith("/")).map((e) => e.name)).toEqual(
      Object.keys(parts)
    );
    after.forEach((entry, i) => {
      expect(entry.name).toBe(before[i].name);
      expect(entry.external).toBe(before[i].external);
      if (entry.name.endsWith("/")) {
        expect(entry.method).toBe(0);
        expect(entry.size).toBe(0);
        return;
      }
      expect(entry.method).toBe(entry.size === 0 ? 0 : 8);
      expect(entry.crc).toBe(before[i].crc);
      expect(entry.modified).toBe(before[i].modified);
      const data = entryBytes(packed, entry, entry.size);
      expect(data.equals(Buffer.from(parts[entry.name]))).toBe(true);
      // The CRC is the bytes' own (zlib's crc32, independent of the writer's copy of it).
      if (typeof zlib.crc32 === "function") expect(zlib.crc32(data)).toBe(entry.crc);
    });

    const read = await JSZip.loadAsync(packed, { checkCRC32: true });
    expect(read.files["xl/worksheets/"]?.dir).toBe(true);
    for (const [name, data] of Object.entries(parts)) {
      const back = await read.file(name)!.async("nodebuffer");
      expect(back.equals(Buffer.from(data))).toBe(true);
    }
  });

  test("a zip with a compressed entry is refused", async () => {
    const zip = new JSZip();
    zip.file("a.txt", "aaaa".repeat(100));
    const deflated = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    expect(() => deflateStored(deflated)).toThrow("the zip entry a.txt is not stored");
  });
});
