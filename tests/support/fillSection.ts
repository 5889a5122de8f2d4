import { replaceYDocContent } from "@rapporteur/schema";
import type { CollabClient } from "./collabClient";

/**
 * Fills a section through a connected client: `# text` is a heading of level 3 (a sub-heading a
 * split can cut at), anything else a paragraph.
 */
export function fillSection(client: CollabClient, blocks: readonly string[]): void {
  replaceYDocContent(client.doc, {
    type: "doc",
    content: blocks.map((block) =>
      block.startsWith("# ")
        ? {
            type: "heading",
            attrs: { level: 3 },
            content: [{ type: "text", text: block.slice(2) }],
          }
        : { type: "paragraph", content: [{ type: "text", text: block }] },
    ),
  } as never);
}
