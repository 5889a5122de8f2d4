import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CommentStore } from "@rapporteur/comments";
import { loadDocxTemplate, toDocx } from "@rapporteur/docx";
import { zipEntry } from "@rapporteur/docx/testing";
import { SqliteStore } from "@rapporteur/storage";
import { afterEach, describe, expect, it } from "vitest";
import { exportComments } from "./exportComments";

const anchor = { start: { item: { client: 1, clock: 0 } }, end: { item: { client: 1, clock: 5 } } };

describe("exportComments", () => {
  const stores: SqliteStore[] = [];
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
  });

  it("gives the open threads with their replies to the review copy, which shows them as Word comments", async () => {
    const store = SqliteStore.open(mkdtempSync(join(tmpdir(), "rapporteur-comments-")));
    stores.push(store);
    const comments = new CommentStore(store.database);
    const rita = { id: 1, name: "Reviewer Rita" };
    const open = comments.createThread(
      { sectionId: "p1-access", anchor, quote: "Broadband", text: "Source?" },
      rita,
    );
    comments.addReply(open.id, "ITU, 2024.", { id: 2, name: "Drafter Dan" });
    const resolved = comments.createThread(
      { sectionId: "p1-access", anchor, quote: "Broadband", text: "Done" },
      rita,
    );
    comments.resolve(resolved.id, rita);
    comments.createThread(
      { sectionId: "p2-equality", anchor, quote: "gender", text: "Elsewhere" },
      rita,
    );

    const threads = exportComments(comments, "p1-access");
    expect(threads).toEqual([
      {
        sectionId: "p1-access",
        quote: "Broadband",
        author: "Reviewer Rita",
        date: open.createdAt,
        text: "Source?",
        replies: [{ author: "Drafter Dan", date: expect.any(String), text: "ITU, 2024." }],
      },
    ]);
    expect(exportComments(comments).map((t) => t.text)).toEqual(["Source?", "Elsewhere"]);

    const report = {
      title: "T",
      symbol: "S/1",
      date: "2025-01-01",
      parts: [{ id: "part-1", title: "Part" }],
      sections: [
        {
          id: "p1-access",
          title: "Access",
          part: "part-1",
          doc: {
            type: "doc",
            content: [{ type: "paragraph", content: [{ type: "text", text: "Broadband grew." }] }],
          },
        },
      ],
    };
    const review = Buffer.from(
      await toDocx(report, loadDocxTemplate(), { variant: "review", comments: threads }),
    );
    const reviewComments = zipEntry(review, "word/comments.xml") ?? "";
    expect(reviewComments).toContain("Source?");
    expect(reviewComments).toContain("ITU, 2024.");
    expect(reviewComments).toContain('w:author="Reviewer Rita"');
    const final = Buffer.from(await toDocx(report, loadDocxTemplate(), { comments: threads }));
    expect(zipEntry(final, "word/comments.xml") ?? "").not.toContain("Source?");
  });
});
