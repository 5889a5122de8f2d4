import { execFile } from "node:child_process";
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";

/** Default deadline of one PDF conversion by LibreOffice, in ms. */
export const PDF_TIMEOUT_MS = 120_000;

/** Why a PDF could not be made: LibreOffice missing (`unavailable`), too slow, or failed. */
export class PdfConversionError extends Error {
  override name = "PdfConversionError";
  constructor(
    readonly reason: "unavailable" | "timeout" | "failed",
    message: string,
  ) {
    super(message);
  }
}

/** The path of LibreOffice's `soffice` on the PATH, or null when it is not installed. */
export function findSoffice(path = process.env.PATH ?? ""): string | null {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, "soffice");
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not in this folder.
    }
  }
  return null;
}

/**
 * LibreOffice's PDF filter with tags and PDF/UA on, so screen readers get the structure,
 * the title and the language (LibreOffice 7.4 and later read these JSON filter options).
 */
const TAGGED_PDF_FILTER = `pdf:writer_pdf_Export:${JSON.stringify({
  UseTaggedPDF: { type: "boolean", value: "true" },
  PDFUACompliance: { type: "boolean", value: "true" },
})}`;

/**
 * Renders a Word file as PDF with LibreOffice (`soffice --headless --convert-to pdf`), in a
 * fresh temporary folder and user profile (so conversions never share state), stopped after
 * `timeoutMs`. Node only; throws {@link PdfConversionError}.
 */
export function docxToPdf(
  docx: Uint8Array,
  { timeoutMs = PDF_TIMEOUT_MS, soffice = findSoffice() } = {},
): Promise<Uint8Array> {
  if (!soffice) {
    return Promise.reject(
      new PdfConversionError(
        "unavailable",
        "PDF export needs LibreOffice, which is not installed on the server (Debian: apt-get install libreoffice-writer-nogui)",
      ),
    );
  }
  const dir = mkdtempSync(join(tmpdir(), "rapporteur-pdf-"));
  const input = join(dir, "report.docx");
  writeFileSync(input, docx);
  const args = [
    `-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`,
    "--headless",
    "--norestore",
    "--convert-to",
    TAGGED_PDF_FILTER,
    "--outdir",
    dir,
    input,
  ];
  return new Promise<Uint8Array>((resolve, reject) => {
    execFile(soffice, args, { timeout: timeoutMs, killSignal: "SIGKILL" }, (error) => {
      try {
        if (error) {
          reject(
            error.killed
              ? new PdfConversionError("timeout", `LibreOffice took longer than ${timeoutMs} ms`)
              : new PdfConversionError("failed", `LibreOffice failed: ${error.message}`),
          );
          return;
        }
        const pdf = readFileSync(join(dir, "report.pdf"));
        resolve(new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength));
      } catch (cause) {
        reject(new PdfConversionError("failed", `LibreOffice wrote no PDF: ${String(cause)}`));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
