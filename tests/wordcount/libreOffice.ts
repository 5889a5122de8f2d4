import { execFile } from "node:child_process";
import { basename, join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** What LibreOffice Writer makes of one .docx. */
export interface LibreOfficeReading {
  /** Writer's own word count: `meta:word-count` of the document converted to ODT. */
  words: number;
}

async function unzipEntry(archive: string, entry: string): Promise<string> {
  const { stdout } = await run("unzip", ["-p", archive, entry], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/**
 * Converts every .docx of `paths` (all in `dir`) to ODT with headless LibreOffice, in one run,
 * and reads Writer's word count from each meta.xml. A private profile (-env:UserInstallation)
 * avoids the lock of a profile in use.
 */
export async function readWithLibreOffice(
  dir: string,
  paths: string[],
): Promise<Map<string, LibreOfficeReading>> {
  const profile = `-env:UserInstallation=file://${join(dir, `lo-${Math.random().toString(36).slice(2)}`)}`;
  await run("soffice", [profile, "--headless", "--convert-to", "odt", "--outdir", dir, ...paths], {
    timeout: 300_000,
  });
  const readings = new Map<string, LibreOfficeReading>();
  for (const path of paths) {
    const stem = join(dir, basename(path, ".docx"));
    const meta = await unzipEntry(`${stem}.odt`, "meta.xml");
    const words = /meta:word-count="(\d+)"/.exec(meta)?.[1];
    if (words === undefined) throw new Error(`No meta:word-count in ${stem}.odt: ${meta}`);
    readings.set(path, { words: Number(words) });
  }
  return readings;
}

/**
 * Paragraphs of a .docx that Word and LibreOffice print with a list label ("1.", "(a)", "•",
 * a numbered heading's "1."): those with direct numbering (w:numPr) or a numbered paragraph
 * style. LibreOffice counts each label as a word.
 */
export async function labelledParagraphs(docx: string): Promise<number> {
  const styles = await unzipEntry(docx, "word/styles.xml");
  const numbered = new Set<string>();
  for (const match of styles.matchAll(
    /<w:style [^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g,
  )) {
    if (match[2]?.includes("<w:numPr>") && match[1]) numbered.add(match[1]);
  }
  const document = await unzipEntry(docx, "word/document.xml");
  let labels = 0;
  for (const paragraph of document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const style = /<w:pStyle w:val="([^"]+)"\/>/.exec(paragraph[0])?.[1];
    if (paragraph[0].includes("<w:numPr>") || (style && numbered.has(style))) labels++;
  }
  return labels;
}
