import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";

/**
 * Converts the Word file `docx` (in `dir`) to PDF with LibreOffice headless, with a user profile
 * of its own in `dir`; returns the PDF's path (beside the Word file).
 */
export async function libreOfficePdf(dir: string, docx: string): Promise<string> {
  const profile = `file://${join(dir, "lo-profile")}`;
  await promisify(execFile)(
    "soffice",
    [
      `-env:UserInstallation=${profile}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      docx,
    ],
    { timeout: 90_000 },
  );
  return docx.replace(/\.docx$/, ".pdf");
}
