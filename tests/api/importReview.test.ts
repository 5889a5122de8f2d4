import { replaceYDocContent } from "@rapporteur/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommentThread, ReviewImportView } from "../../packages/api/src";
import { callApi } from "../support/callApi";
import { type CollabClient, connectCollabClient } from "../support/collabClient";
import { reviewedDocx } from "../support/reviewedDocx";
import { loginAs, type ServerProcess, startServerProcess } from "../support/serverProcess";
import { zipBomb } from "../support/zipBomb";
import { exportFile, pollUntil } from "./apiFiles";

// Accounts: see TEST_ACCOUNTS in tests/support/serverProcess.ts (admin = editor, drafter, reviewer).

type Role = "editor" | "drafter" | "reviewer";
const SECTION = "p1-access";
const OTHER = "p2-governance";
const AMINA = "Amina Diallo (Senegal)";
const JON = "Jon Smith (Norway)";

const EXPORTED = [
  "Broadband reached half of the world's people.",
  "Gaps remain very wide in rural areas.",
  "Financing fell sharply in 2024.",
];
// Edited after the export: a new first paragraph, the second sentence rewritten.
const LIVE = [
  "An opening paragraph written after the export.",
  "Broadband reached half of the world's people.",
  "Gaps remain wide in remote rural areas.",
  "Financing fell sharply in 2024.",
];

describe("importing a reviewed Word file as review", () => {
  let server: ServerProcess;
  const cookies: Record<Role, string> = { editor: "", drafter: "", reviewer: "" };
  const clients: CollabClient[] = [];
  const names: Record<Role, string> = { editor: "", drafter: "", reviewer: "" };

  const write = async (sectionId: string, role: Role, texts: string[]) => {
    const client = connectCollabClient(server.url, sectionId, { cookie: cookies[role] });
    clients.push(client);
    await client.synced;
    replaceYDocContent(client.doc, {
      type: "doc",
      content: texts.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
    } as never);
    const words = texts.join(" ").split(/\s+/).length;
    await pollUntil(
      async () => (await callApi(server.url, cookies.editor, "GET", `/sections/${sectionId}`)).body,
      (section) => section.words === words,
      "the server to store the edit",
    );
    // A count may equal the replaced text's: wait for the text itself as well.
    await pollUntil(
      () => markdownOf(sectionId),
      (markdown) => texts.every((text) => markdown.includes(text)),
      "the server to apply the edit",
    );
    client.destroy();
  };
  const importReview = (role: Role, sectionId: string, filename: string, bytes: Uint8Array) =>
    callApi(server.url, cookies[role], "POST", `/sections/${sectionId}/import-review`, {
      filename,
      contentBase64: Buffer.from(bytes).toString("base64"),
    });
  const threadsOf = async (sectionId: string): Promise<CommentThread[]> =>
    (await callApi(server.url, cookies.editor, "GET", `/sections/${sectionId}/comments`)).body
      .threads;
  const markdownOf = async (sectionId: string) =>
    (await exportFile(server.url, cookies.editor, `format=md&section=${sectionId}`)).text;

  beforeAll(async () => {
    server = await startServerProcess();
    for (const role of ["editor", "drafter", "reviewer"] as const) {
      cookies[role] = await loginAs(server.url, role);
      names[role] = (
        await callApi(server.url, cookies[role], "GET", "/auth/me")
      ).body.user.displayName;
    }
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
  });

  it("turns two reviewers' tracked changes and comments into suggestions and threads on a section edited since, text unchanged until accepted", async () => {
    await write(SECTION, "drafter", LIVE);
    const file = await reviewedDocx(
      [
        [
          "Broadband reached ",
          { del: "half", author: AMINA, date: "2026-11-20T10:00:00Z" },
          { ins: "two thirds", author: AMINA, date: "2026-11-20T10:00:00Z" },
          " of the world's people",
          { ins: " by 2025", author: JON, date: "2026-11-22T08:00:00Z" },
          ".",
        ],
        [
          "Gaps remain ",
          { del: "very ", author: JON },
          "wide in ",
          { commentStart: 1 },
          "rural areas",
          { commentEnd: 1 },
          ".",
        ],
        ["Financing ", { commentStart: 2 }, "fell sharply", { commentEnd: 2 }, " in 2024."],
      ],
      [
        { id: 1, author: JON, date: "2026-11-22T09:00:00Z", text: "Which regions?" },
        {
          id: 3,
          author: AMINA,
          date: "2026-11-23T09:00:00Z",
          text: "Sub-Saharan Africa.",
          parent: 1,
        },
        { id: 2, author: AMINA, date: "2026-11-21T15:00:00Z", text: "Check the OECD figure." },
      ],
    );
    const before = await markdownOf(SECTION);
    const answer = await importReview("reviewer", SECTION, "report-reviewed.docx", file);
    expect(answer.status).toBe(200);
    const view = answer.body as ReviewImportView;
    expect(view).toMatchObject({ suggestions: 2, comments: 2, warnings: [] });
    // "very " was rewritten since the export: listed, never dropped.
    expect(view.unplaced).toEqual([
      {
        kind: "change",
        origin: { author: JON, date: "2026-11-20T10:00:00Z" },
        text: "Delete “very ” (tracked change in Word)",
        reason: "the deleted text is no longer in the section",
      },
    ]);

    const threads = await threadsOf(SECTION);
    expect(
      threads.map((t) => ({
        by: t.origin?.author,
        importer: t.authorName,
        quote: t.quote,
        replacement: t.suggestion?.replacement ?? null,
      })),
    ).toEqual([
      { by: AMINA, importer: names.reviewer, quote: "half", replacement: "two thirds" },
      { by: JON, importer: names.reviewer, quote: "people", replacement: "people by 2025" },
      { by: JON, importer: names.reviewer, quote: "rural areas", replacement: null },
      { by: AMINA, importer: names.reviewer, quote: "fell sharply", replacement: null },
    ]);
    expect(threads[0]?.origin?.date).toBe("2026-11-20T10:00:00Z");
    expect(threads[2]?.replies).toEqual([
      expect.objectContaining({
        text: "Sub-Saharan Africa.",
        authorName: names.reviewer,
        origin: { author: AMINA, date: "2026-11-23T09:00:00Z" },
      }),
    ]);
    // Nothing changed the text.
    expect(await markdownOf(SECTION)).toBe(before);

    // A drafter accepts both suggestions: now the text changes.
    for (const thread of threads.filter((t) => t.suggestion)) {
      const accepted = await callApi(
        server.url,
        cookies.drafter,
        "POST",
        `/comments/${thread.id}/suggestion/accept`,
      );
      expect(accepted.status).toBe(200);
    }
    expect(await markdownOf(SECTION)).toContain(
      "Broadband reached two thirds of the world's people by 2025.",
    );
  });

  it("the review copy and the matrix name the Word authors", async () => {
    const csv = await fetch(
      `${new URL(server.url).origin}/api/comments/matrix.csv?section=${SECTION}`,
      {
        headers: { cookie: cookies.reviewer },
      },
    );
    const text = await csv.text();
    expect(text).toContain(JON);
    expect(text).toContain(`${AMINA} (2026-11-23 09:00 UTC): Sub-Saharan Africa.`);
  });

  it("brings back the tracked changes of the app's own compare export as suggestions", async () => {
    await write(OTHER, "editor", EXPORTED);
    const version = await callApi(server.url, cookies.editor, "POST", "/versions", {
      name: "Sent to Member States",
    });
    expect(version.status).toBe(201);
    // The reviewer's edits, as tracked changes by the drafter in the compared Word file.
    await write(OTHER, "drafter", [
      "Broadband reached two thirds of the world's people.",
      "Gaps remain wide in rural areas.",
      "Financing fell sharply in 2024.",
    ]);
    const compared = await exportFile(
      server.url,
      cookies.editor,
      `format=docx&compare=${version.body.id}&section=${OTHER}`,
    );
    expect(compared.status).toBe(200);
    // The section goes back to what was sent out, then moves on.
    const restored = await callApi(
      server.url,
      cookies.editor,
      "POST",
      `/sections/${OTHER}/restore`,
      {
        version: version.body.id,
      },
    );
    expect(restored.status).toBe(200);
    await write(OTHER, "editor", ["Added after the comparison.", ...EXPORTED]);

    const answer = await importReview("editor", OTHER, "changes.docx", compared.bytes);
    expect(answer.status).toBe(200);
    expect(answer.body.unplaced).toEqual([]);
    const threads = await threadsOf(OTHER);
    expect(threads.length).toBeGreaterThan(0);
    expect(threads.every((t) => t.origin?.author === names.drafter)).toBe(true);
    for (const thread of threads) {
      await callApi(server.url, cookies.editor, "POST", `/comments/${thread.id}/suggestion/accept`);
    }
    const md = await markdownOf(OTHER);
    expect(md).toContain("Added after the comparison.");
    expect(md).toContain("Broadband reached two thirds of the world's people.");
    expect(md).toContain("Gaps remain wide in rural areas.");
  });

  it("refuses bad files with stable ids and creates nothing", async () => {
    const count = (await threadsOf(SECTION)).length;
    const notWord = await importReview(
      "reviewer",
      SECTION,
      "notes.md",
      new TextEncoder().encode("# Hi"),
    );
    expect(notWord.status).toBe(400);
    expect(notWord.body.error.id).toBe("unsupported_file_type");
    const noReview = await reviewedDocx([["Only text, nothing reviewed."]]);
    const plain = await importReview("reviewer", SECTION, "plain.docx", noReview);
    expect(plain.status).toBe(422);
    expect(plain.body.error.id).toBe("no_review");
    const junk = await importReview(
      "reviewer",
      SECTION,
      "junk.docx",
      new TextEncoder().encode("junk"),
    );
    expect(junk.status).toBe(422);
    expect(junk.body.error.id).toBe("not_a_docx");
    const bomb = await importReview("reviewer", SECTION, "bomb.docx", zipBomb(64));
    expect(bomb.status).toBe(422);
    const unknown = await importReview("reviewer", "no-such-section", "x.docx", noReview);
    expect(unknown.status).toBe(404);
    expect((await threadsOf(SECTION)).length).toBe(count);
  });
});
