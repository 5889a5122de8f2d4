import { describe, expect, it } from "vitest";
import { exportFileName } from "./exportFileName";

describe("exportFileName", () => {
  it.each([
    ["E/CN.16/2025/CRP.1", "docx", {}, "E-CN.16-2025-CRP.1.docx"],
    ["E/CN.16/2025/CRP.1", "md", { sectionId: "p1-access" }, "E-CN.16-2025-CRP.1-p1-access.md"],
    ["E/CN.16/2025/CRP.1", "docx", { review: true }, "E-CN.16-2025-CRP.1-review.docx"],
    ['A "quoted"\r\n/ symbol', "docx", {}, "A-quoted-symbol.docx"],
    ["///", "md", {}, "report.md"],
  ] as const)("%s (%s, %o) -> %s", (symbol, extension, options, expected) => {
    expect(exportFileName(symbol, extension, options)).toBe(expected);
  });
});
