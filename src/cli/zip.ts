/* global Buffer */
// A small reader of a zip file's central directory, and bounded inflation of one entry. Format: PKWARE,
// APPNOTE.TXT (.ZIP File Format Specification) 4.3.6 overall layout, 4.3.7 local file header, 4.3.12
// central directory header, 4.3.14-4.3.16 zip64 and end of central directory records, 4.5.3 zip64
// extended information. Used to look at an .xlsx before a library decompresses it.

import zlib from "node:zlib";

/** A file that is not a zip file, or a damaged one; the message says which, in plain words. */
export class ZipProblem extends Error {}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; others are not read here. */
  method: number;
  /** General purpose bit flag; bit 0 = encrypted. */
  flags: number;
  compressedSize: number;
  /** The uncompressed size the central directory declares. */
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
  /** CRC-32 of the uncompressed bytes, and the MS-DOS time and date (time | date << 16). */
  crc: number;
  modified: number;
  /** Version made by (system and version) and external attributes (e.g. a folder's flag). */
  madeBy: number;
  external: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function u64(bytes: Buffer, at: number): number {
  const n = bytes.readBigUInt64LE(at);
  if (n > BigInt(Number.MAX_SAFE_INTEGER))
    throw new ZipProblem("a size in the zip directory is out of range");
  return Number(n);
}

/** The end of central directory record: searched backwards over at most a 64 KiB comment. */
function findEnd(bytes: Buffer): number {
  const last = bytes.length - 22;
  const first = Math.max(0, last - 65535);
  for (let at = last; at >= first; at--) if (bytes.readUInt32LE(at) === EOCD) return at;
  return -1;
}

/** The entries of the central directory, sizes as declared (zip64 fields read). */
export function zipEntries(bytes: Buffer): ZipEntry[] {
  const end = bytes.length >= 22 ? findEnd(bytes) : -1;
  if (end < 0) throw new ZipProblem("not a zip file");
  let count = bytes.readUInt16LE(end + 10);
  let size = bytes.readUInt32LE(end + 12);
  let start = bytes.readUInt32LE(end + 16);
  if (
    (count === 0xffff || size === 0xffffffff || start === 0xffffffff) &&
    end >= 20 &&
    bytes.readUInt32LE(end - 20) === ZIP64_LOCATOR
  ) {
    const record = u64(bytes, end - 20 + 8);
    if (record + 56 > bytes.length || bytes.readUInt32LE(record) !== ZIP64_EOCD)
      throw new ZipProblem("the zip64 directory record is missing");
    count = u64(bytes, record + 32);
    size = u64(bytes, record + 40);
    start = u64(bytes, record + 48);
  }
  if (start + size > bytes.length) throw new ZipProblem("the zip directory lies outside the file");
  const entries: ZipEntry[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL)
      throw new ZipProblem("the zip directory is damaged");
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const madeBy = bytes.readUInt16LE(at + 4);
    const modified = bytes.readUInt32LE(at + 12);
    const crc = bytes.readUInt32LE(at + 16);
    let compressedSize = bytes.readUInt32LE(at + 20);
    let uncompressed = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const external = bytes.readUInt32LE(at + 38);
    let offset = bytes.readUInt32LE(at + 42);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > bytes.length) throw new ZipProblem("the zip directory is damaged");
    const name = bytes.toString("utf8", at + 46, at + 46 + nameLength);
    // Zip64 extended information (header 0x0001): the 8-byte values of the fields set to 0xFFFFFFFF.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength;) {
      const id = bytes.readUInt16LE(x);
      const length = bytes.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let f = x + 4;
        const take = () => {
          if (f + 8 > x + 4 + length) throw new ZipProblem("the zip directory is damaged");
          const v = u64(bytes, f);
          f += 8;
          return v;
        };
        if (uncompressed === 0xffffffff) uncompressed = take();
        if (compressedSize === 0xffffffff) compressedSize = take();
        if (offset === 0xffffffff) offset = take();
      }
      x += 4 + length;
    }
    entries.push({
      name,
      method,
      flags,
      compressedSize,
      size: uncompressed,
      offset,
      crc,
      modified,
      madeBy,
      external,
    });
    at = next;
  }
  return entries;
}

/**
 * The uncompressed bytes of one entry, never more than `limit` bytes inflated: an entry that would
 * inflate past `limit` is a ZipProblem (`limit` is normally the size the directory declares).
 */
export function entryBytes(bytes: Buffer, entry: ZipEntry, limit: number): Buffer {
  const at = entry.offset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL)
    throw new ZipProblem(`the zip entry ${entry.name} is damaged`);
  const dataStart = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(dataStart, dataStart + entry.compressedSize);
  if (data.length < entry.compressedSize)
    throw new ZipProblem(`the zip entry ${entry.name} is cut short`);
  if (entry.flags & 1) throw new ZipProblem(`the zip entry ${entry.name} is encrypted`);
  if (entry.method === 0) {
    if (data.length > limit)
      throw new ZipProblem(`the zip entry ${entry.name} is larger than it says`);
    return data;
  }
  if (entry.method !== 8)
    throw new ZipProblem(`the zip entry ${entry.name} uses compression method ${entry.method}`);
  try {
    // maxOutputLength makes zlib stop (RangeError) instead of filling memory.
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, limit) });
  } catch (e) {
    // ERR_BUFFER_TOO_LARGE, a RangeError (by its code: a RangeError of another realm is none here).
    if ((e as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE")
      throw new ZipProblem(`the zip entry ${entry.name} unpacks to more than it says`);
    throw new ZipProblem(`the zip entry ${entry.name} is damaged`);
  }
}

/**
 * A zip file whose entries are stored (method 0) rewritten with every entry deflated by zlib (level 6,
 * as JSZip's DEFLATE): names, times and CRCs kept, no data descriptors, no zip64 (a file over 4 GB is
 * an error). ExcelJS packs with JSZip's deflate, written in JavaScript; its stored zip is packed here
 * with Node's zlib instead, several times faster on the large sheets of a report.
 */
export function deflateStored(bytes: Buffer): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const entries = zipEntries(bytes);
  for (const entry of entries) {
    if (entry.method !== 0) throw new ZipProblem(`the zip entry ${entry.name} is not stored`);
    const data = entryBytes(bytes, entry, entry.size);
    // An empty entry (a folder) stays stored.
    const method = data.length === 0 ? 0 : 8;
    const packed = method === 0 ? data : zlib.deflateRawSync(data, { level: 6 });
    const name = Buffer.from(entry.name, "utf8");
    // Bit 11: the name is UTF-8; bit 3 (sizes in a data descriptor) is not used here.
    const flags =
      (entry.flags & 0x0800) | (Buffer.byteLength(entry.name) !== entry.name.length ? 0x0800 : 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(entry.modified, 10);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(CENTRAL, 0);
    header.writeUInt16LE(entry.madeBy, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(flags, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt32LE(entry.modified, 12);
    header.writeUInt32LE(entry.crc, 16);
    header.writeUInt32LE(packed.length, 20);
    header.writeUInt32LE(data.length, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(entry.external, 38);
    header.writeUInt32LE(offset, 42);
    parts.push(local, name, packed);
    central.push(header, name);
    offset += local.length + name.length + packed.length;
    if (offset > 0xffffffff) throw new ZipProblem("the workbook would be larger than 4 GB");
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}
