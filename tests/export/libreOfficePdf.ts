import { execFile } from "node:child_process";
import { basename, join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * Converts a .docx to PDF with LibreOffice headless (a private profile in `dir`, so that tests
 * running at once do not share one); returns the PDF's path, beside the input in `dir`.
 */
export async function libreOfficePdf(docx: string, dir: string): Promise<string> {
  await run(
    "soffice",
    [
      `-env:UserInstallation=file://${join(dir, "lo-profile")}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      docx,
    ],
    { timeout: 90_000 },
  );
  return join(dir, basename(docx).replace(/\.docx$/, ".pdf"));
}
