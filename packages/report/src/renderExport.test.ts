import { loadDocxTemplate } from "@rapporteur/docx";
import type { DocJSON } from "@rapporteur/schema";
import { describe, expect, it } from "vitest";
import { renderExport } from "./renderExport";

const doc = (text: string): DocJSON => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});

const report = {
  title: "Progress made",
  symbol: "E/CN.16/2025/CRP.1",
  date: "2025-03-12",
  parts: [{ id: "p1", title: "Access" }],
  sections: [
    { id: "s1", title: "Broadband", part: "p1", doc: doc("First section.") },
    { id: "s2", title: "Skills", part: "p1", doc: doc("Second section.") },
  ],
};

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("renderExport", () => {
  it("writes one section's Markdown without front matter, the whole report with it", async () => {
    const section = { ...report, sections: [report.sections[0]!] };
    expect(text(await renderExport(section, { format: "md", sectionId: "s1" }, {}))).toBe(
      "First section.\n",
    );
    const whole = text(await renderExport(report, { format: "md" }, {}));
    expect(whole).toMatch(/^---\ntitle: Progress made\nsymbol: E\/CN\.16\/2025\/CRP\.1\n/);
    expect(whole).toContain("# Access\n\n## Broadband\n\nFirst section.\n\n## Skills\n");
  });

  it("writes a Word package, and needs the template for it", async () => {
    const bytes = await renderExport(report, { format: "docx" }, { template: loadDocxTemplate() });
    expect(Buffer.from(bytes.subarray(0, 2)).toString()).toBe("PK");
    await expect(renderExport(report, { format: "docx" }, {})).rejects.toThrow(/template/);
  });
});
