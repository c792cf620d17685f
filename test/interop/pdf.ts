/* global Buffer */
// Reads the page boxes of a PDF that LibreOffice wrote, without a PDF library: each page object's
// /MediaBox (ISO 32000-1, 7.7.3.3: a page's MediaBox may be inherited from its /Pages parent).
// LibreOffice writes the page tree's objects uncompressed, so a scan of the object dictionaries is
// enough; a file whose pages cannot be found is an error, never zero pages.

export interface PdfPage {
  /** Width and height in points (1/72 inch). */
  width: number;
  height: number;
}

const OBJECT = /(\d+)\s+0\s+obj\b([\s\S]*?)\bendobj/g;

function mediaBox(dict: string): PdfPage | undefined {
  const m = /\/MediaBox\s*\[\s*(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s*\]/.exec(dict);
  if (!m) return undefined;
  const [x0, y0, x1, y1] = m.slice(1, 5).map(Number);
  return { width: Math.abs(x1 - x0), height: Math.abs(y1 - y0) };
}

/** The pages of a PDF file's bytes, in object order, each with its (possibly inherited) MediaBox. */
export function pdfPages(bytes: Buffer): PdfPage[] {
  const text = bytes.toString("latin1");
  const dicts = new Map<string, string>();
  for (const m of text.matchAll(OBJECT)) {
    // Only the dictionary, not a stream's data.
    const body = m[2];
    const stream = body.indexOf("stream");
    dicts.set(m[1], stream >= 0 ? body.slice(0, stream) : body);
  }
  const pages: PdfPage[] = [];
  for (const dict of dicts.values()) {
    if (!/\/Type\s*\/Page(?![a-zA-Z])/.test(dict)) continue;
    let box = mediaBox(dict);
    let parent = /\/Parent\s+(\d+)\s+0\s+R/.exec(dict)?.[1];
    for (let depth = 0; box === undefined && parent !== undefined && depth < 32; depth++) {
      const p = dicts.get(parent) ?? "";
      box = mediaBox(p);
      parent = /\/Parent\s+(\d+)\s+0\s+R/.exec(p)?.[1];
    }
    if (box === undefined) throw new Error("a PDF page has no MediaBox, not even inherited");
    pages.push(box);
  }
  const declared = /\/Type\s*\/Pages[\s\S]*?\/Count\s+(\d+)/.exec(
    [...dicts.values()].find((d) => /\/Type\s*\/Pages/.test(d) && !/\/Parent/.test(d)) ?? ""
  );
  if (pages.length === 0) throw new Error("no pages found in the PDF");
  if (declared && Number(declared[1]) !== pages.length)
    throw new Error(`the PDF declares ${declared[1]} pages, ${pages.length} page objects found`);
  return pages;
}
