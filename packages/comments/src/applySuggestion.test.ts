import { yDocToJSON } from "@rapporteur/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { applySuggestion } from "./applySuggestion";
import { resolveAnchor } from "./resolveAnchor";
import {
  editorAnchor,
  editorHighlight,
  paragraph,
  paragraphText,
  SUMMIT_SECTION,
  syncedSection,
} from "./testing/syncedSection";

describe("applySuggestion", () => {
  it("replaces the range in one transaction that the other user receives", () => {
    const { server, client } = syncedSection(SUMMIT_SECTION);
    const anchor = editorAnchor(server, "people-centred");
    const origins: unknown[] = [];
    server.on("afterTransaction", (transaction: Y.Transaction) => {
      origins.push(transaction.origin);
    });
    expect(applySuggestion(server, anchor, "people-centred and inclusive", "suggestion")).toBe(
      true,
    );
    expect(origins).toEqual(["suggestion"]);
    expect(paragraphText(client, 0).plain).toBe(
      "The Summit set out a people-centred and inclusive vision.",
    );
    // The thread now sits on the replacement, in the editor too.
    expect(resolveAnchor(client, anchor)?.text).toBe("people-centred and inclusive");
    expect(editorHighlight(client, anchor)).toBe("people-centred and inclusive");
  });

  it("keeps the formatting of the first character of the range", () => {
    const { server, client } = syncedSection(SUMMIT_SECTION);
    const anchor = editorAnchor(server, "grown in every region");
    expect(applySuggestion(server, anchor, "expanded everywhere")).toBe(true);
    expect(yDocToJSON(client).content?.[1]).toMatchObject(
      paragraph("Broadband access has ", { bold: "expanded everywhere" }, " since 2005."),
    );
  });

  it("puts the replacement in the first paragraph of a range over two and deletes the rest", () => {
    const { server, client } = syncedSection(SUMMIT_SECTION);
    const anchor = editorAnchor(server, "vision.", "Broadband access");
    expect(applySuggestion(server, anchor, "vision for all.")).toBe(true);
    expect(paragraphText(client, 0).plain).toBe(
      "The Summit set out a people-centred vision for all.",
    );
    expect(paragraphText(client, 1).plain).toBe(" has grown in every region since 2005.");
  });

  it("an empty replacement deletes the range", () => {
    const { server, client } = syncedSection(SUMMIT_SECTION);
    expect(applySuggestion(server, editorAnchor(server, " since 2005"), "")).toBe(true);
    expect(paragraphText(client, 1).plain).toBe("Broadband access has grown in every region.");
  });

  it("returns false and changes nothing when the text is gone", () => {
    const { server, client } = syncedSection(SUMMIT_SECTION);
    const anchor = editorAnchor(server, "people-centred");
    const { text, plain } = paragraphText(client, 0);
    text.delete(plain.indexOf("a people"), "a people-centred".length);
    const before = Y.encodeStateVector(server);
    expect(applySuggestion(server, anchor, "inclusive")).toBe(false);
    expect(Y.encodeStateVector(server)).toEqual(before);
    expect(paragraphText(client, 0).plain).toBe("The Summit set out  vision.");
  });
});
