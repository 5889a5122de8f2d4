import { loadDocxTemplate } from "@rapporteur/docx";
import { loadOutline } from "@rapporteur/outline";
import type { DocJSON } from "@rapporteur/schema";
import { describe, expect, it } from "vitest";
import { renderComparison } from "./renderComparison";

const outline = loadOutline();
const [first, second] = outline.sections;
const doc = (text: string): DocJSON => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});
const older = { [first!.id]: doc("Broadband grew fast."), [second!.id]: doc("Skills matter.") };
const newer = { [first!.id]: doc("Broadband grew slowly."), [second!.id]: doc("Skills matter.") };
const attribution = { author: "Ana Lima", date: "2025-03-01T10:00:00Z" };
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
/** The comparison of `older` and `newer` as Markdown, on a fixed day. */
const markdownRequest = { format: "md" as const, older, newer, outline, date: "2025-03-12" };

describe("renderComparison", () => {
  it("writes one section's changes as CriticMarkup, named after the symbol, section and -changes", async () => {
    const file = await renderComparison({
      ...markdownRequest,
      sectionId: first!.id,
      attribution,
    });
    expect(text(file.bytes)).toBe("Broadband grew {~~fast~>slowly~~}{>>Ana Lima<<}.\n");
    expect(file.fileName).toBe(`E-CN.16-2025-CRP.1-${first!.id}-changes.md`);
  });

  it("writes the whole report with its front matter, unchanged sections as they are", async () => {
    const file = await renderComparison(markdownRequest);
    const markdown = text(file.bytes);
    expect(markdown).toMatch(/^---\ntitle: /);
    expect(markdown).toContain("Broadband grew {~~fast~>slowly~~}{>>Rapporteur<<}.");
    expect(markdown).toContain("Skills matter.");
    expect(file.fileName).toBe("E-CN.16-2025-CRP.1-changes.md");
  });

  it("writes a Word package with tracked changes, and needs the template for it", async () => {
    const request = { ...markdownRequest, format: "docx" as const, attribution };
    const file = await renderComparison({ ...request, template: loadDocxTemplate() });
    expect(Buffer.from(file.bytes.subarray(0, 2)).toString()).toBe("PK");
    expect(file.fileName).toBe("E-CN.16-2025-CRP.1-changes.docx");
    await expect(renderComparison(request)).rejects.toThrow(/template/);
  });

  it("shows a section only the newer version has as inserted whole", async () => {
    const file = await renderComparison({
      ...markdownRequest,
      older: {},
      newer: { [first!.id]: doc("New section text.") },
      sectionId: first!.id,
    });
    expect(text(file.bytes)).toBe("{++New section text.++}{>>Rapporteur<<}\n");
  });
});
