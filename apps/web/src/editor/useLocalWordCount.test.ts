import { type DocJSON, schema } from "@rapporteur/schema";
import { countDocument, createDocumentCounter } from "@rapporteur/wordcount";
import { EditorState, TextSelection } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";

// useLocalWordCount counts the editor's document with createDocumentCounter().countNode: these
// are the editor's own kinds of change, each followed by the same comparison with a full count.
const text = (value: string): DocJSON => ({ type: "text", text: value });
const paragraph = (...content: DocJSON[]): DocJSON => ({ type: "paragraph", content });

describe("the editor's live word count (useLocalWordCount)", () => {
  it("equals the full count of the document after typing, splitting, pasting and deleting", () => {
    let state = EditorState.create({
      schema,
      doc: schema.nodeFromJSON({
        type: "doc",
        content: [
          { type: "heading", attrs: { level: 2 }, content: [text("Access and inclusion")] },
          paragraph(text("Broadband grew"), { type: "footnote", content: [text("a note")] }),
          {
            type: "table",
            attrs: { title: "Users", source: "ITU.", note: "" },
            content: [
              {
                type: "tableRow",
                content: [{ type: "tableCell", content: [paragraph(text("2024 figures"))] }],
              },
            ],
          },
          paragraph(text("Last paragraph.")),
        ],
      }),
    });
    const counter = createDocumentCounter();
    const check = () =>
      expect(counter.countNode(state.doc)).toEqual(countDocument(state.doc.toJSON()));
    check();
    let seed = 7;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const typed = ["a", " ", "word", "e-mail ", "—", "30,000–40,000", "\u00a0"];
    for (let step = 0; step < 300; step++) {
      const choice = next();
      // A text position (inside a textblock) picked at random.
      const positions: number[] = [];
      state.doc.descendants((node, pos) => {
        if (node.isTextblock)
          for (let i = 0; i <= node.content.size; i++) positions.push(pos + 1 + i);
      });
      const at = positions[Math.floor(next() * positions.length)] as number;
      const tr = state.tr;
      if (choice < 0.55) {
        tr.insertText(typed[Math.floor(next() * typed.length)] as string, at);
      } else if (choice < 0.7) {
        const end = Math.min(at + 1 + Math.floor(next() * 8), state.doc.content.size);
        const $from = state.doc.resolve(at);
        if ($from.parent.inlineContent && end <= $from.end()) tr.delete(at, end);
      } else if (choice < 0.8) {
        // Enter: split the block at the caret.
        const $at = state.doc.resolve(at);
        if ($at.parent.type.name === "paragraph" && $at.depth === 1) tr.split(at);
      } else if (choice < 0.9) {
        // A paste of two paragraphs.
        tr.setSelection(TextSelection.create(state.doc, at));
        tr.replaceSelection(
          schema
            .nodeFromJSON({
              type: "doc",
              content: [paragraph(text("Pasted words here")), paragraph(text("and more"))],
            })
            .slice(0),
        );
      } else if (state.doc.childCount > 1) {
        // A whole top-level block deleted.
        const index = Math.floor(next() * state.doc.childCount);
        let from = 0;
        for (let i = 0; i < index; i++) from += state.doc.child(i).nodeSize;
        tr.delete(from, from + state.doc.child(index).nodeSize);
      }
      state = state.apply(tr);
      check();
    }
    expect(counter.countNode(state.doc).words).toBeGreaterThan(0);
  });
});
