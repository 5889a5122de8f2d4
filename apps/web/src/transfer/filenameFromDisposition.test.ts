import { describe, expect, it } from "vitest";
import { filenameFromDisposition } from "./filenameFromDisposition";

describe("filenameFromDisposition", () => {
  it.each([
    ['attachment; filename="E-CN.16-2025-x.docx"', "E-CN.16-2025-x.docx"],
    ["attachment; filename=report.md", "report.md"],
    [
      "attachment; filename=\"report.md\"; filename*=UTF-8''Rapport%20%C3%A9tat.md",
      "Rapport état.md",
    ],
    ['attachment; filename="../../etc/passwd"', "passwd"],
    ["attachment", "fallback.docx"],
    [null, "fallback.docx"],
  ])("saves %j as %j", (header, expected) => {
    expect(filenameFromDisposition(header, "fallback.docx")).toBe(expected);
  });
});
