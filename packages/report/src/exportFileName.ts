/**
 * The file name of an export, derived from the document symbol: `E/CN.16/2025/CRP.1` gives
 * `E-CN.16-2025-CRP.1.docx`; a section export adds its id, a review copy `-review`. Only
 * letters, digits, dots, hyphens and underscores, so it is safe in a Content-Disposition header.
 */
export function exportFileName(
  symbol: string,
  extension: "docx" | "md" | "pdf",
  options: { sectionId?: string; review?: boolean } = {},
): string {
  const base =
    symbol
      .replace(/[^A-Za-z0-9._-]+/g, "-")
      .replace(/-{2,}/g, "-")
      .replace(/^[-.]+|[-.]+$/g, "") || "report";
  const parts = [base];
  if (options.sectionId) parts.push(options.sectionId.replace(/[^A-Za-z0-9_-]+/g, "-"));
  if (options.review) parts.push("review");
  return `${parts.join("-")}.${extension}`;
}
