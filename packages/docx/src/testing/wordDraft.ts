import { loadDocxTemplate } from "../loadDocxTemplate";
import { toDocx } from "../toDocx";

/** A small Word file (a "From Word" sub-heading and one paragraph), as a drafter would import. */
export async function wordDraft(text: string): Promise<Uint8Array> {
  const doc = {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "From Word" }] },
      { type: "paragraph", content: [{ type: "text", text }] },
    ],
  };
  return toDocx(
    {
      title: "Draft",
      symbol: "DRAFT/1",
      date: "2025-01-15",
      parts: [{ id: "part", title: "Part" }],
      sections: [{ id: "draft", title: "Draft section", part: "part", doc }],
    },
    loadDocxTemplate(),
  );
}
