import type { WarningList } from "./warningList";

// C0/C1 control characters other than tab and line ends: never text a report can hold.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters on purpose
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g;

/** Removes a byte-order mark and control characters, with a warning that says how many. */
export function cleanSource(markdown: string, warnings: WarningList): string {
  const text = markdown.startsWith("\ufeff") ? markdown.slice(1) : markdown;
  let removed = 0;
  const cleaned = text.replace(CONTROL, () => {
    removed++;
    return "";
  });
  if (removed > 0) {
    warnings.add(undefined, `${removed} control character(s) removed (binary data is not text).`);
  }
  return cleaned;
}
