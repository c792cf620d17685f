/* global process, console */
// How a workbook prints in LibreOffice: `npx tsx test/interop/pages.ts FILE.xlsx...` converts each
// file to PDF with headless LibreOffice and prints its number of pages, landscape and portrait.
import fs from "node:fs";
import { convert } from "./libreoffice";
import { pdfPages } from "./pdf";

async function main(files: string[]): Promise<void> {
  if (files.length === 0) throw new Error("usage: npx tsx test/interop/pages.ts FILE.xlsx...");
  const converted = await convert(files, "pdf", 1_800_000);
  try {
    for (const file of files) {
      const pages = pdfPages(fs.readFileSync(converted.files.get(file)!));
      const landscape = pages.filter((p) => p.width > p.height).length;
      console.log(
        `${file}: ${pages.length} pages (${landscape} landscape, ${pages.length - landscape} portrait)`
      );
    }
    console.log(`LibreOffice converted ${files.length} file(s) to PDF in ${converted.seconds} s`);
  } finally {
    converted.cleanup();
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
