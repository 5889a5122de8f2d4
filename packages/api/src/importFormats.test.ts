import { describe, expect, it } from "vitest";
import { IMPORT_FORMATS, importFormatOf } from "./importFormats";

describe("importFormatOf", () => {
  it.each([
    ["draft.md", "markdown"],
    ["Draft.MARKDOWN", "markdown"],
    ["chapter.docx", "docx"],
    ["page.HTM", "html"],
    ["page.html", "html"],
    ["notes.txt", "text"],
  ])("reads %s as %s", (name, format) => {
    expect(importFormatOf(name)).toBe(format);
  });

  it.each(["draft.pdf", "draft", "draft.doc", "constructor", "x.toString", "x.__proto__"])(
    "refuses %s",
    (name) => {
      expect(importFormatOf(name)).toBeNull();
    },
  );

  it("knows every extension the picker offers", () => {
    expect(Object.keys(IMPORT_FORMATS).sort()).toEqual([
      "docx",
      "htm",
      "html",
      "markdown",
      "md",
      "txt",
    ]);
  });
});
