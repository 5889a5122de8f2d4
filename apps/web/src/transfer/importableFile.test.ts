import { describe, expect, it } from "vitest";
import { importProblem, MAX_IMPORT_BYTES, REVIEW_FILES } from "./importableFile";

describe("importProblem", () => {
  it.each(["draft.md", "Draft.MARKDOWN", "chapter 2.docx", "page.html", "notes.TXT"])(
    "accepts %s",
    (name) => {
      expect(importProblem({ name, size: 10 })).toBeNull();
    },
  );

  it("refuses other file types, empty and huge files before sending them", () => {
    expect(importProblem({ name: "draft.pdf", size: 10 })).toMatch(/not a Markdown/);
    expect(importProblem({ name: "draft.md", size: 0 })).toMatch(/empty/);
    expect(importProblem({ name: "draft.docx", size: MAX_IMPORT_BYTES + 1 })).toMatch(/larger/);
  });
});

describe("importProblem for reviewed Word files", () => {
  it("takes Word files only, saying why", () => {
    expect(importProblem({ name: "reviewed.docx", size: 10 }, REVIEW_FILES)).toBeNull();
    expect(importProblem({ name: "reviewed.md", size: 10 }, REVIEW_FILES)).toMatch(
      /only Word files carry tracked changes/,
    );
    expect(importProblem({ name: "reviewed.docx", size: 0 }, REVIEW_FILES)).toMatch(/empty/);
  });
});
