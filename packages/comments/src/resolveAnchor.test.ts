import { FRAGMENT_NAME } from "@rapporteur/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { anchorFromTextOffsets } from "./anchorFromTextOffsets";
import type { CommentAnchor } from "./commentAnchor";
import { findTextAnchor } from "./findTextAnchor";
import { resolveAnchor, resolveAnchors } from "./resolveAnchor";
import {
  editorAnchor,
  editorHighlight,
  paragraphText,
  SUMMIT_SECTION,
  syncedSection,
} from "./testing/syncedSection";

/** Inserts `text` in the other client's copy of paragraph `index`, before `before`. */
function insertBefore(ydoc: Y.Doc, index: number, before: string, text: string): void {
  const { text: ytext, plain } = paragraphText(ydoc, index);
  const at = plain.indexOf(before);
  expect(at).toBeGreaterThanOrEqual(0);
  ytext.insert(at, text);
}

function remove(ydoc: Y.Doc, index: number, words: string): void {
  const { text: ytext, plain } = paragraphText(ydoc, index);
  const at = plain.indexOf(words);
  expect(at).toBeGreaterThanOrEqual(0);
  ytext.delete(at, words.length);
}

describe("resolveAnchor", () => {
  it("covers the commented words made by the editor, across bold and plain text", () => {
    const { server } = syncedSection(SUMMIT_SECTION);
    const anchor = editorAnchor(server, "access has grown");
    expect(resolveAnchor(server, anchor)).toMatchObject({
      text: "access has grown",
      detached: false,
    });
  });

  it("holds while another user edits before, inside and after the range", () => {
    const { server, client } = syncedSection(SUMMIT_SECTION);
    const anchor = editorAnchor(server, "access has grown in every region");

    // Before: a new first paragraph, words deleted and inserted earlier in the text.
    const fragment = client.getXmlFragment(FRAGMENT_NAME);
    const intro = new Y.XmlElement("paragraph");
    intro.insert(0, [new Y.XmlText("A new opening paragraph.")]);
    fragment.insert(0, [intro]);
    remove(client, 1, "The Summit ");
    insertBefore(client, 2, "Broadband", "Today, ");
    // Inside: words added and removed within the commented range.
    insertBefore(client, 2, "grown", "rapidly ");
    remove(client, 2, "every ");
    // After: the rest of the sentence rewritten.
    remove(client, 2, " since 2005");
    insertBefore(client, 2, ".", " and beyond");

    expect(paragraphText(server, 2).plain).toBe(
      "Today, Broadband access has rapidly grown in region and beyond.",
    );
    const expected = "access has rapidly grown in region";
    expect(resolveAnchor(server, anchor)).toMatchObject({ text: expected, detached: false });
    expect(resolveAnchor(client, anchor)?.text).toBe(expected);
    // The editor highlights the same words.
    expect(editorHighlight(server, anchor)).toBe(expected);
    expect(editorHighlight(client, anchor)).toBe(expected);
  });

  it("is detached when all its text is deleted; a neighbour's range is untouched", () => {
    const { server, client } = syncedSection(SUMMIT_SECTION);
    const gone = editorAnchor(server, "people-centred ");
    const kept = editorAnchor(server, "affordability");
    remove(client, 0, "a people-centred vision");
    expect(resolveAnchor(server, gone)).toMatchObject({ text: "", detached: true });
    expect(resolveAnchor(server, kept)).toMatchObject({ text: "affordability", detached: false });
  });

  it.each([{ gc: true }, { gc: false }])(
    "is detached when its whole paragraph is removed, not when a neighbour is ($gc)",
    ({ gc }) => {
      const { server, client } = syncedSection(SUMMIT_SECTION, { gc });
      const anchor = editorAnchor(server, "Broadband access");
      const other = editorAnchor(server, "Gaps remain");
      client.getXmlFragment(FRAGMENT_NAME).delete(1, 1);
      expect(resolveAnchors(server, [anchor, other])).toMatchObject([
        { text: "", detached: true },
        { text: "Gaps remain", detached: false },
      ]);
      // The editor has nothing to highlight either.
      expect(editorHighlight(server, anchor) ?? "").toBe("");
    },
  );

  it("reads a range over two paragraphs as two lines, and its offsets order threads", () => {
    const { server } = syncedSection(SUMMIT_SECTION);
    const across = editorAnchor(server, "vision.", "Broadband access");
    const later = editorAnchor(server, "skills");
    const [first, second] = resolveAnchors(server, [across, later]);
    expect(first?.text).toBe("vision.\nBroadband access");
    expect(editorHighlight(server, across)).toBe("vision.\nBroadband access");
    expect(first!.from).toBeLessThan(second!.from);
  });

  it("findTextAnchor makes anchors that the editor highlights on the same words", () => {
    const { server, client } = syncedSection(SUMMIT_SECTION);
    const anchor = findTextAnchor(server, "every region")!;
    insertBefore(client, 1, "region", "single ");
    expect(resolveAnchor(server, anchor)?.text).toBe("every single region");
    expect(editorHighlight(client, anchor)).toBe("every single region");
    expect(findTextAnchor(server, "not in the text")).toBeNull();
    expect(findTextAnchor(server, "in", 99)).toBeNull();
    expect(() => anchorFromTextOffsets(server, 10, 10)).toThrow(RangeError);
  });

  it("returns null for an anchor of another document or a malformed one, changing nothing", () => {
    const { server } = syncedSection(SUMMIT_SECTION);
    const elsewhere = syncedSection(SUMMIT_SECTION).server;
    const foreign = editorAnchor(elsewhere, "Gaps");
    // The other document has its own client id: its items are unknown here.
    expect(resolveAnchor(server, foreign)).toBeNull();
    const before = Y.encodeStateVector(server);
    const hostile = [
      { start: { tname: "evil" }, end: { tname: "evil" } },
      { start: {}, end: {} },
      { start: { item: { client: -1, clock: 0 } }, end: { item: { client: 1, clock: 0 } } },
      { start: { item: { client: 1, clock: 2 ** 60 } }, end: { tname: FRAGMENT_NAME } },
    ] as unknown as CommentAnchor[];
    for (const anchor of hostile) expect(resolveAnchor(server, anchor)).toBeNull();
    expect(server.share.has("evil")).toBe(false);
    expect(Y.encodeStateVector(server)).toEqual(before);
  });
});
