import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate, SqliteStore } from "@rapporteur/storage";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applySuggestion } from "./applySuggestion";
import type { CommentErrorId } from "./CommentError";
import { CommentStore } from "./CommentStore";
import type { CommentAnchor } from "./commentAnchor";
import type { CommentChange, NewThread } from "./commentThread";
import { resolveAnchor } from "./resolveAnchor";
import { editorAnchor, paragraph, paragraphText, syncedSection } from "./testing/syncedSection";

const AMINA = { id: 1, name: "Amina Diallo" }; // drafter
const RAJ = { id: 2, name: "Raj Patel" }; // reviewer
const ANCHOR = {
  start: { item: { client: 7, clock: 3 }, assoc: -1 },
  end: { item: { client: 7, clock: 9 }, assoc: -1 },
} satisfies CommentAnchor;

function thread(overrides: Partial<NewThread> = {}): NewThread {
  return {
    sectionId: "p1-context",
    anchor: ANCHOR,
    quote: "people-centred",
    text: "Cite the Geneva Declaration here.",
    ...overrides,
  };
}

function refusal(id: CommentErrorId) {
  return expect.objectContaining({ name: "CommentError", id });
}

describe("CommentStore", () => {
  let db: Database.Database;
  let store: CommentStore;
  let clock: number;
  beforeEach(() => {
    db = new Database(":memory:");
    migrate(db);
    clock = Date.parse("2025-03-12T09:00:00Z");
    store = new CommentStore(db, {
      now: () => {
        clock += 60_000;
        return new Date(clock);
      },
    });
  });

  it("keeps a thread with its anchor, quote and replies in order", () => {
    const created = store.createThread(thread({ text: "  Cite the\r\nDeclaration.  " }), RAJ);
    expect(created).toMatchObject({
      sectionId: "p1-context",
      authorId: RAJ.id,
      authorName: RAJ.name,
      text: "Cite the\nDeclaration.",
      anchor: ANCHOR,
      quote: "people-centred",
      state: "open",
      detached: false,
      suggestion: null,
      replies: [],
    });
    store.addReply(created.id, "Done, see paragraph 12.", AMINA);
    store.addReply(created.id, "Thanks.", RAJ);
    const stored = store.getThread(created.id)!;
    expect(stored.replies.map((r) => [r.authorName, r.text])).toEqual([
      [AMINA.name, "Done, see paragraph 12."],
      [RAJ.name, "Thanks."],
    ]);
    expect(stored.updatedAt > created.updatedAt).toBe(true);
  });

  it("keeps comments that look like markup as the exact text typed", () => {
    const markup = `<img src=x onerror=alert(1)> <script>alert("x")</script> **bold** &amp;`;
    const created = store.createThread(thread({ text: markup }), RAJ);
    const reply = store.addReply(created.id, markup, AMINA);
    expect(store.getThread(created.id)?.text).toBe(markup);
    expect(store.getReply(reply.id)?.text).toBe(markup);
  });

  it("only the author edits or deletes a comment or reply; refusals change nothing", () => {
    const mine = store.createThread(thread(), AMINA);
    const reply = store.addReply(mine.id, "A reply by Raj.", RAJ);
    expect(() => store.editComment(mine.id, { text: "Changed by Raj" }, RAJ)).toThrow(
      refusal("not_author"),
    );
    expect(() => store.deleteThread(mine.id, RAJ)).toThrow(refusal("not_author"));
    expect(() => store.editReply(reply.id, "Changed by Amina", AMINA)).toThrow(
      refusal("not_author"),
    );
    expect(() => store.deleteReply(reply.id, AMINA)).toThrow(refusal("not_author"));
    expect(store.getThread(mine.id)).toMatchObject({
      text: mine.text,
      replies: [{ text: "A reply by Raj." }],
    });

    expect(store.editComment(mine.id, { text: "Cite both declarations." }, AMINA).text).toBe(
      "Cite both declarations.",
    );
    expect(store.editReply(reply.id, "Edited reply.", RAJ).text).toBe("Edited reply.");
    store.deleteReply(reply.id, RAJ);
    expect(store.getThread(mine.id)?.replies).toEqual([]);
    store.addReply(mine.id, "Another reply.", RAJ);
    store.deleteThread(mine.id, AMINA);
    expect(store.getThread(mine.id)).toBeUndefined();
    expect(db.prepare("SELECT count(*) AS n FROM comment_replies").get()).toEqual({ n: 0 });
  });

  it("refuses empty, oversized or control-character text and malformed anchors", () => {
    const bad: [Partial<NewThread>, CommentErrorId][] = [
      [{ text: "   " }, "invalid_text"],
      [{ text: "x".repeat(10_001) }, "invalid_text"],
      [{ text: "bell\u0007" }, "invalid_text"],
      [{ text: 42 as unknown as string }, "invalid_text"],
      [{ anchor: { start: {}, end: {} } }, "invalid_anchor"],
      [{ anchor: { start: { tname: "other" }, end: { tname: "other" } } }, "invalid_anchor"],
      [{ anchor: "<img src=x>" }, "invalid_anchor"],
      [{ quote: "" }, "invalid_anchor"],
      [{ sectionId: "../../etc" }, "invalid_section"],
      [{ suggestion: { replacement: "two\nlines" } }, "invalid_text"],
    ];
    for (const [input, id] of bad) {
      expect(() => store.createThread(thread(input), RAJ), JSON.stringify(input)).toThrow(
        refusal(id),
      );
    }
    expect(store.createThread(thread({ text: "x".repeat(10_000) }), RAJ).text).toHaveLength(10_000);
    const created = store.listThreads()[0]!;
    expect(() => store.addReply(created.id, "", RAJ)).toThrow(refusal("invalid_text"));
    expect(store.listThreads()).toHaveLength(1);
    expect(store.getThread(created.id)?.replies).toEqual([]);
  });

  it("answers not_found for unknown or malformed ids", () => {
    for (const id of [999, 0, -1, 1.5, Number.NaN, "1" as unknown as number]) {
      expect(store.getThread(id)).toBeUndefined();
      expect(() => store.addReply(id, "Hello", RAJ)).toThrow(refusal("not_found"));
      expect(() => store.resolve(id, RAJ)).toThrow(refusal("not_found"));
      expect(() => store.deleteReply(id, RAJ)).toThrow(refusal("not_found"));
    }
  });

  it("resolves and reopens, and counts open threads per section", () => {
    const a = store.createThread(thread(), RAJ);
    store.createThread(thread(), RAJ);
    store.createThread(thread({ sectionId: "p2-gaps" }), AMINA);
    const resolved = store.resolve(a.id, AMINA);
    expect(resolved).toMatchObject({ state: "resolved", resolvedBy: AMINA });
    expect(resolved.resolvedAt).not.toBeNull();
    expect(store.openCountsBySection()).toEqual(
      new Map([
        ["p1-context", 1],
        ["p2-gaps", 1],
      ]),
    );
    expect(store.reopen(a.id, RAJ)).toMatchObject({
      state: "open",
      resolvedBy: null,
      resolvedAt: null,
    });
    expect(store.openCountsBySection().get("p1-context")).toBe(2);
  });

  it("lists threads filtered by section, author and state, with their replies", () => {
    const a = store.createThread(thread(), RAJ);
    const b = store.createThread(thread({ sectionId: "p2-gaps" }), RAJ);
    const c = store.createThread(thread({ sectionId: "p2-gaps" }), AMINA);
    store.addReply(b.id, "Reply on b", AMINA);
    store.resolve(c.id, RAJ);
    const ids = (filter: Parameters<CommentStore["listThreads"]>[0]) =>
      store.listThreads(filter).map((t) => t.id);
    expect(ids({})).toEqual([a.id, b.id, c.id]);
    expect(ids({ sectionId: "p2-gaps" })).toEqual([b.id, c.id]);
    expect(ids({ authorId: RAJ.id })).toEqual([a.id, b.id]);
    expect(ids({ state: "resolved" })).toEqual([c.id]);
    expect(ids({ sectionId: "p2-gaps", state: "open", authorId: RAJ.id })).toEqual([b.id]);
    expect(store.listThreads({ sectionId: "p2-gaps" })[0]?.replies).toMatchObject([
      { text: "Reply on b", authorName: AMINA.name },
    ]);
  });

  it("tells listeners of every change, with the thread as it now is", () => {
    const changes: CommentChange[] = [];
    const stop = store.onChange((change) => changes.push(change));
    const t = store.createThread(thread(), RAJ);
    store.addReply(t.id, "Reply", AMINA);
    store.resolve(t.id, AMINA);
    store.resolve(t.id, AMINA); // already resolved: no change
    store.markDetached(t.id, true);
    store.deleteThread(t.id, RAJ);
    stop();
    store.createThread(thread(), RAJ);
    expect(changes.map((c) => [c.type, c.sectionId, c.threadId])).toEqual([
      ["created", "p1-context", t.id],
      ["updated", "p1-context", t.id],
      ["updated", "p1-context", t.id],
      ["updated", "p1-context", t.id],
      ["deleted", "p1-context", t.id],
    ]);
    expect(changes[1]?.thread?.replies).toHaveLength(1);
    expect(changes[2]?.thread?.state).toBe("resolved");
    expect(changes[3]?.thread?.detached).toBe(true);
    expect(changes[4]?.thread).toBeNull();
  });

  it("keeps the quote of a thread whose text was deleted from the section", () => {
    const { server, client } = syncedSection({
      type: "doc",
      content: [paragraph("The Summit set out a people-centred vision.")],
    });
    const anchor = editorAnchor(client, "people-centred");
    const quote = resolveAnchor(server, anchor)!.text;
    const t = store.createThread(thread({ anchor, quote }), RAJ);
    const { text, plain } = paragraphText(client, 0);
    text.delete(plain.indexOf("a people"), "a people-centred".length);
    const now = resolveAnchor(server, store.getThread(t.id)!.anchor)!;
    expect(now.detached).toBe(true);
    expect(store.markDetached(t.id, now.detached)).toMatchObject({
      detached: true,
      quote: "people-centred",
    });
  });

  describe("suggestions", () => {
    const section = () =>
      syncedSection({
        type: "doc",
        content: [paragraph("Broadband access has grown in every region since 2005.")],
      });

    it("an accepted suggestion changes the section for the other user and resolves the thread", () => {
      const { server, client } = section();
      const anchor = editorAnchor(client, "grown in every region");
      const t = store.createThread(
        thread({ anchor, quote: "grown in every region", suggestion: { replacement: "expanded" } }),
        RAJ,
      );
      expect(t.suggestion).toEqual({
        replacement: "expanded",
        state: "pending",
        decidedBy: null,
        decidedAt: null,
      });
      const decided = store.decideSuggestion(t.id, "accepted", AMINA, {
        apply: (current) =>
          applySuggestion(server, current.anchor, current.suggestion!.replacement, "suggestion"),
      });
      expect(decided).toMatchObject({
        state: "resolved",
        resolvedBy: AMINA,
        suggestion: { state: "accepted", decidedBy: AMINA },
      });
      expect(paragraphText(client, 0).plain).toBe("Broadband access has expanded since 2005.");
      expect(() => store.decideSuggestion(t.id, "rejected", AMINA)).toThrow(
        refusal("suggestion_decided"),
      );
      expect(() => store.editComment(t.id, { replacement: "other" }, RAJ)).toThrow(
        refusal("suggestion_decided"),
      );
    });

    it("a rejected suggestion leaves the text; the author may change a pending one", () => {
      const { client } = section();
      const anchor = editorAnchor(client, "grown");
      const t = store.createThread(
        thread({ anchor, quote: "grown", suggestion: { replacement: "risen" } }),
        RAJ,
      );
      expect(() => store.editComment(t.id, { replacement: "soared" }, AMINA)).toThrow(
        refusal("not_author"),
      );
      expect(store.editComment(t.id, { replacement: "soared" }, RAJ).suggestion?.replacement).toBe(
        "soared",
      );
      const rejected = store.decideSuggestion(t.id, "rejected", AMINA);
      expect(rejected).toMatchObject({ state: "resolved", suggestion: { state: "rejected" } });
      expect(paragraphText(client, 0).plain).toContain("has grown in");
      const plain = store.createThread(thread(), RAJ);
      expect(() => store.decideSuggestion(plain.id, "accepted", AMINA)).toThrow(
        refusal("no_suggestion"),
      );
      expect(() => store.editComment(plain.id, { replacement: "x" }, RAJ)).toThrow(
        refusal("no_suggestion"),
      );
    });

    it("accepting when the text is gone refuses, marks the thread detached, keeps it pending", () => {
      const { server, client } = section();
      const anchor = editorAnchor(client, "every region");
      const t = store.createThread(
        thread({ anchor, quote: "every region", suggestion: { replacement: "all regions" } }),
        RAJ,
      );
      const { text, plain } = paragraphText(client, 0);
      text.delete(plain.indexOf("in every region"), "in every region".length);
      expect(() =>
        store.decideSuggestion(t.id, "accepted", AMINA, {
          apply: (current) => applySuggestion(server, current.anchor, "all regions"),
        }),
      ).toThrow(refusal("detached"));
      expect(store.getThread(t.id)).toMatchObject({
        detached: true,
        state: "open",
        suggestion: { state: "pending" },
      });
      expect(paragraphText(server, 0).plain).toBe("Broadband access has grown  since 2005.");
    });
  });
});

describe("CommentStore in the report database", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "rapporteur-comments-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps threads, replies and resolutions across a restart", async () => {
    const first = SqliteStore.open(dir);
    const comments = new CommentStore(first.database);
    const t = comments.createThread(thread({ suggestion: { replacement: "inclusive" } }), RAJ);
    comments.addReply(t.id, "Agreed.", AMINA);
    comments.resolve(t.id, AMINA);
    const before = comments.listThreads();
    await first.close();

    const second = SqliteStore.open(dir);
    expect(new CommentStore(second.database).listThreads()).toEqual(before);
    await second.close();
    expect(before[0]).toMatchObject({ state: "resolved", replies: [{ text: "Agreed." }] });
  });
});
