import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { type CommentAnchor, findTextAnchor } from "@rapporteur/comments";
import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { EventStreamReader } from "../../apps/server/src/testing/EventStreamReader";
import { type CollabClient, waitFor } from "../support/collabClient";
import { type SuiteRole, serverSuite } from "../support/serverSuite";

// Accounts: see TEST_ACCOUNTS in tests/support/serverProcess.ts (admin = editor, drafter, reviewer).

const SECTION = "p1-access";
const OTHER_SECTION = "p2-equality";
const TEXT = [
  "The Summit set out a people-centred vision of the information society.",
  "Broadband access has grown in every region since 2005.",
  "Gaps remain in affordability and digital skills.",
];

const run = promisify(execFile);

describe("comments API (server child process)", () => {
  const suite = serverSuite();
  let drafterDoc: CollabClient;

  const connect = (role: SuiteRole, section = SECTION) => suite.connectSynced(section, role);

  /** Writes paragraphs into a section and waits until the server has counted them. */
  const write = async (client: CollabClient, section: string, paragraphs: string[]) => {
    client.doc.transact(() => {
      for (const text of paragraphs) {
        const paragraph = new Y.XmlElement("paragraph");
        paragraph.insert(0, [new Y.XmlText(text)]);
        client.fragment.push([paragraph]);
      }
    });
    const words = paragraphs.join(" ").split(/\s+/).length;
    for (let tries = 0; ; tries++) {
      const answer = await suite.api("drafter", "GET", `/sections/${section}`);
      if (answer.body.words >= words) return;
      if (tries > 200)
        throw new Error(
          `The server never counted the text of ${section}: ${JSON.stringify(answer.body)}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  const anchorOn = (phrase: string, doc = drafterDoc.doc): CommentAnchor => {
    const anchor = findTextAnchor(doc, phrase);
    if (!anchor) throw new Error(`"${phrase}" is not in the section`);
    return anchor;
  };

  const comment = async (role: SuiteRole, phrase: string, text: string, extra = {}) => {
    const answer = await suite.api(role, "POST", `/sections/${SECTION}/comments`, {
      anchor: anchorOn(phrase),
      text,
      ...extra,
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body;
  };

  const allThreads = async () => (await suite.api("editor", "GET", "/comments")).body.threads;

  beforeAll(async () => {
    drafterDoc = await connect("drafter");
    await write(drafterDoc, SECTION, TEXT);
  });

  it("a reviewer comments on a range; the quote comes from the section, not the client", async () => {
    const thread = await comment("reviewer", "people-centred vision", "Cite the Declaration.");
    expect(thread).toMatchObject({
      sectionId: SECTION,
      authorName: expect.any(String),
      text: "Cite the Declaration.",
      quote: "people-centred vision",
      state: "open",
      detached: false,
      replies: [],
    });
    // A quote sent by the client is refused, not believed.
    const lying = await suite.api("reviewer", "POST", `/sections/${SECTION}/comments`, {
      anchor: anchorOn("Summit"),
      text: "x",
      quote: "something else",
    });
    expect(lying.status).toBe(400);

    const listed = await suite.api("drafter", "GET", `/sections/${SECTION}/comments`);
    expect(listed.status).toBe(200);
    expect(listed.body.threads.map((t: { id: number }) => t.id)).toContain(thread.id);
  });

  it("lists a section's threads in document order, whatever order they were made in", async () => {
    const late = await comment("drafter", "digital skills", "Which skills?");
    const early = await comment("editor", "The Summit", "Which summit?");
    const middle = await comment("reviewer", "Broadband access", "Fixed or mobile?");
    const { threads } = (await suite.api("reviewer", "GET", `/sections/${SECTION}/comments`)).body;
    const order = threads.map((t: { id: number }) => t.id);
    expect(order.indexOf(early.id)).toBeLessThan(order.indexOf(middle.id));
    expect(order.indexOf(middle.id)).toBeLessThan(order.indexOf(late.id));
  });

  it("only the author edits or deletes a comment or reply (403 not_author, nothing changed)", async () => {
    const thread = await comment("drafter", "every region", "Name the regions.");
    const edit = await suite.api("reviewer", "PATCH", `/comments/${thread.id}`, {
      text: "Hijacked",
    });
    expect(edit.status).toBe(403);
    expect(edit.body.error.id).toBe("not_author");
    const remove = await suite.api("reviewer", "DELETE", `/comments/${thread.id}`);
    expect(remove.status).toBe(403);
    expect(remove.body.error.id).toBe("not_author");
    // Not even an editor may change someone else's words.
    expect((await suite.api("editor", "DELETE", `/comments/${thread.id}`)).status).toBe(403);

    const own = await suite.api("drafter", "PATCH", `/comments/${thread.id}`, {
      text: "Name them.",
    });
    expect(own.status).toBe(200);
    expect(own.body.text).toBe("Name them.");

    const replied = await suite.api("reviewer", "POST", `/comments/${thread.id}/replies`, {
      text: "Africa and Asia-Pacific",
    });
    const reply = replied.body.replies[0];
    const hijack = await suite.api("drafter", "PATCH", `/replies/${reply.id}`, { text: "No" });
    expect(hijack.status).toBe(403);
    expect((await suite.api("drafter", "DELETE", `/replies/${reply.id}`)).status).toBe(403);
    expect(
      (await suite.api("reviewer", "PATCH", `/replies/${reply.id}`, { text: "All" })).status,
    ).toBe(200);
    const stored = (
      await suite.api("editor", "GET", `/sections/${SECTION}/comments`)
    ).body.threads.find((t: { id: number }) => t.id === thread.id);
    expect(stored.text).toBe("Name them.");
    expect(stored.replies.map((r: { text: string }) => r.text)).toEqual(["All"]);

    expect((await suite.api("reviewer", "DELETE", `/replies/${reply.id}`)).status).toBe(204);
    expect((await suite.api("drafter", "DELETE", `/comments/${thread.id}`)).status).toBe(204);
    expect((await allThreads()).some((t: { id: number }) => t.id === thread.id)).toBe(false);
  });

  it("replies, resolves and reopens; the report counts open threads per section", async () => {
    const openBefore = (await suite.api("reviewer", "GET", "/report")).body.sections.find(
      (s: { id: string }) => s.id === SECTION,
    ).openComments;
    const thread = await comment("reviewer", "affordability", "Give the 2 % target.");
    const report = (await suite.api("reviewer", "GET", "/report")).body;
    expect(report.sections.find((s: { id: string }) => s.id === SECTION).openComments).toBe(
      openBefore + 1,
    );

    const replied = await suite.api("drafter", "POST", `/comments/${thread.id}/replies`, {
      text: "Added the ITU target.",
    });
    expect(replied.status).toBe(201);
    expect(replied.body.replies).toMatchObject([{ text: "Added the ITU target." }]);

    const resolved = await suite.api("reviewer", "POST", `/comments/${thread.id}/resolve`);
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({
      state: "resolved",
      resolvedBy: { name: "Demo Reviewer" },
    });
    const section = (await suite.api("reviewer", "GET", `/sections/${SECTION}`)).body;
    expect(section.openComments).toBe(openBefore);

    const reopened = await suite.api("drafter", "POST", `/comments/${thread.id}/reopen`);
    expect(reopened.body).toMatchObject({ state: "open", resolvedBy: null });

    const onlyResolved = await suite.api("editor", "GET", "/comments?state=resolved");
    expect(onlyResolved.body.threads.some((t: { id: number }) => t.id === thread.id)).toBe(false);
    const byAuthor = await suite.api("editor", "GET", `/comments?author=${thread.authorId}`);
    expect(byAuthor.body.threads.length).toBeGreaterThan(0);
    expect(
      byAuthor.body.threads.every((t: { authorId: number }) => t.authorId === thread.authorId),
    ).toBe(true);
  });

  it("a suggestion accepted by a drafter changes the section for everyone; a reviewer cannot accept", async () => {
    const thread = await comment("reviewer", "grown in every region", "Use the ITU wording.", {
      suggestion: { replacement: "expanded across all regions" },
    });
    expect(thread.suggestion).toMatchObject({
      replacement: "expanded across all regions",
      state: "pending",
    });
    const watcher = await connect("editor");

    const refused = await suite.api("reviewer", "POST", `/comments/${thread.id}/suggestion/accept`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.id).toBe("cannot_decide_suggestion");

    const accepted = await suite.api("drafter", "POST", `/comments/${thread.id}/suggestion/accept`);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({
      state: "resolved",
      suggestion: { state: "accepted", decidedBy: { name: "Demo Drafter" } },
    });
    const changed = "Broadband access has expanded across all regions since 2005.";
    await waitFor(
      () => watcher.fragment.toString().includes(changed),
      "the other user to see the replacement",
    );
    await waitFor(
      () => drafterDoc.fragment.toString().includes(changed),
      "the drafter's editor to see the replacement",
    );
    // Decided once: accepting or rejecting again is a conflict and changes nothing.
    const again = await suite.api("drafter", "POST", `/comments/${thread.id}/suggestion/reject`);
    expect(again.status).toBe(409);
    expect(again.body.error.id).toBe("suggestion_decided");

    const rejectMe = await comment("reviewer", "Gaps remain", "Say 'gaps persist'.", {
      suggestion: { replacement: "Gaps persist" },
    });
    const rejected = await suite.api(
      "editor",
      "POST",
      `/comments/${rejectMe.id}/suggestion/reject`,
    );
    expect(rejected.body.suggestion.state).toBe("rejected");
    expect(watcher.fragment.toString()).toContain("Gaps remain");
  });

  it("a suggestion whose text was deleted is refused as detached and the thread marked so", async () => {
    const writer = await connect("drafter", OTHER_SECTION);
    await write(writer, OTHER_SECTION, ["Mobile coverage is near universal in cities."]);
    const anchor = findTextAnchor(writer.doc, "near universal");
    const created = await suite.api("reviewer", "POST", `/sections/${OTHER_SECTION}/comments`, {
      anchor,
      text: "Source?",
      suggestion: { replacement: "almost complete" },
    });
    expect(created.status).toBe(201);
    const paragraph = writer.fragment.get(0) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText;
    text.delete(0, text.length);
    let listed: { detached: boolean } | undefined;
    for (let tries = 0; tries < 200 && !listed?.detached; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      listed = (await suite.api("reviewer", "GET", `/sections/${OTHER_SECTION}/comments`)).body
        .threads[0];
    }
    expect(listed).toMatchObject({ detached: true, quote: "near universal" });
    const accept = await suite.api(
      "drafter",
      "POST",
      `/comments/${created.body.id}/suggestion/accept`,
    );
    expect(accept.status).toBe(409);
    expect(accept.body.error.id).toBe("detached");
  });

  it("comment text that looks like markup is stored and served literally", async () => {
    const hostile = "<img src=x onerror=alert(1)> & <script>alert('x')</script>";
    const thread = await comment("reviewer", "information society", hostile);
    expect(thread.text).toBe(hostile);
    const listed = (await suite.api("drafter", "GET", `/sections/${SECTION}/comments`)).body
      .threads;
    expect(listed.find((t: { id: number }) => t.id === thread.id).text).toBe(hostile);
  });

  it("pushes every change on /api/events as a `comment` event", async () => {
    const stream = await EventStreamReader.open(suite.server.url, {
      cookie: suite.cookies.drafter,
    });
    const thread = await comment("reviewer", "since 2005", "Which month?");
    await suite.api("drafter", "POST", `/comments/${thread.id}/replies`, { text: "January." });
    await suite.api("reviewer", "DELETE", `/comments/${thread.id}`);
    await stream.waitFor("comment", (event) => event.threadId === thread.id && event.deleted);
    await stream.close();
    const events = stream.events("comment").filter((event) => event.threadId === thread.id);
    expect(events.map((event) => [event.deleted, event.thread?.replies.length ?? null])).toEqual([
      [false, 0],
      [false, 1],
      [true, null],
    ]);
    expect(events[0]).toMatchObject({ sectionId: SECTION, openComments: expect.any(Number) });
  });

  it("refuses bad input with 4xx and changes nothing", async () => {
    const thread = await comment("reviewer", "Broadband", "Keep.");
    const before = JSON.stringify(await allThreads());
    const anchor = anchorOn("Broadband");
    const cases: [string, string, unknown, number][] = [
      ["POST", `/sections/${SECTION}/comments`, { anchor: { start: 1, end: 2 }, text: "x" }, 400],
      ["POST", `/sections/${SECTION}/comments`, { anchor: {}, text: "x" }, 400],
      [
        "POST",
        `/sections/${SECTION}/comments`,
        { anchor: { start: { tname: "other" }, end: { tname: "other" } }, text: "x" },
        400,
      ],
      [
        "POST",
        `/sections/${SECTION}/comments`,
        {
          anchor: {
            start: { item: { client: 1, clock: 1 } },
            end: { item: { client: 1, clock: 4 } },
          },
          text: "x",
        },
        400,
      ],
      ["POST", `/sections/${SECTION}/comments`, { anchor, text: "   " }, 400],
      ["POST", `/sections/${SECTION}/comments`, { anchor, text: 42 }, 400],
      ["POST", `/sections/${SECTION}/comments`, { anchor, text: "x", extra: 1 }, 400],
      ["POST", `/sections/${SECTION}/comments`, { anchor, text: "x", suggestion: "y" }, 400],
      ["POST", `/sections/${SECTION}/comments`, [anchor], 400],
      ["POST", "/sections/no-such-section/comments", { anchor, text: "x" }, 404],
      ["POST", "/sections/..%2F/comments", { anchor, text: "x" }, 400],
      ["POST", `/sections/${OTHER_SECTION}/comments`, { anchor, text: "x" }, 400],
      ["POST", `/comments/${thread.id}/replies`, { text: "" }, 400],
      ["POST", `/comments/${thread.id}/replies`, { text: ["a"] }, 400],
      ["POST", `/comments/${thread.id}/replies`, { text: "a\u0000b" }, 400],
      ["POST", "/comments/999999/replies", { text: "x" }, 404],
      ["POST", "/comments/abc/replies", { text: "x" }, 400],
      ["POST", "/comments/-1/resolve", undefined, 400],
      ["POST", "/comments/999999/resolve", undefined, 404],
      ["POST", `/comments/${thread.id}/resolve`, { state: "resolved" }, 400],
      ["PATCH", `/comments/${thread.id}`, {}, 400],
      ["PATCH", `/comments/${thread.id}`, { text: null }, 400],
      ["PATCH", `/comments/${thread.id}`, { replacement: "x" }, 409],
      ["DELETE", "/comments/999999", undefined, 404],
      ["PATCH", "/replies/999999", { text: "x" }, 404],
      ["DELETE", "/replies/1.5", undefined, 400],
      ["POST", `/comments/${thread.id}/suggestion/accept`, undefined, 403],
      ["POST", "/comments/999999/suggestion/accept", undefined, 404],
      ["GET", "/comments?state=closed", undefined, 400],
      ["GET", "/comments?author=me", undefined, 400],
      ["GET", "/comments?section=../x", undefined, 400],
      ["GET", "/comments?color=red", undefined, 400],
      ["GET", "/sections/nope/comments", undefined, 404],
    ];
    for (const [method, path, body, status] of cases) {
      const answer = await suite.api("reviewer", method, path, body);
      expect(answer.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(status);
      expect(answer.body.error, `${method} ${path}`).toMatchObject({
        id: expect.any(String),
        message: expect.any(String),
      });
    }
    const noSuggestion = await suite.api(
      "drafter",
      "POST",
      `/comments/${thread.id}/suggestion/accept`,
    );
    expect(noSuggestion.status).toBe(409);
    expect(noSuggestion.body.error.id).toBe("no_suggestion");
    // Signed out: nothing at all.
    expect((await suite.api(null, "GET", `/sections/${SECTION}/comments`)).status).toBe(401);
    expect((await suite.api(null, "POST", `/comments/${thread.id}/resolve`)).status).toBe(401);
    expect(JSON.stringify(await allThreads())).toBe(before);
  });

  it("exports the comment/response matrix as CSV and DOCX with every thread and its replies", async () => {
    const thread = await comment("reviewer", "Summit set out", 'Matrix check, with "quotes".');
    await suite.api("drafter", "POST", `/comments/${thread.id}/replies`, {
      text: "Answered in text.",
    });
    const threads = await allThreads();

    const csv = await fetch(`${suite.server.url}/api/comments/matrix.csv`, {
      headers: { cookie: suite.cookies.reviewer },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csv.headers.get("content-disposition")).toMatch(/attachment; filename=".+\.csv"/);
    const table = await csv.text();
    for (const t of threads) {
      expect(table).toContain(t.quote.replaceAll('"', '""'));
      for (const reply of t.replies) expect(table).toContain(reply.text.replaceAll('"', '""'));
    }
    expect(table).toContain('Matrix check, with ""quotes"".');
    expect(table).toContain("Answered in text.");
    // One record per thread after the header (records end with CRLF outside quotes).
    const records = table.match(/"\r\n/g) ?? [];
    expect(records.length).toBe(threads.length + 1);

    const docx = await fetch(`${suite.server.url}/api/comments/matrix.docx`, {
      headers: { cookie: suite.cookies.drafter },
    });
    expect(docx.status).toBe(200);
    expect(docx.headers.get("content-disposition")).toMatch(/attachment; filename=".+\.docx"/);
    const file = join(mkdtempSync(join(tmpdir(), "rapporteur-matrix-")), "matrix.docx");
    writeFileSync(file, Buffer.from(await docx.arrayBuffer()));
    const { stdout } = await run("pandoc", [file, "-t", "plain", "--wrap=none"]);
    for (const t of threads) {
      expect(stdout).toContain(t.text.split("\n")[0]);
      for (const reply of t.replies) expect(stdout).toContain(reply.text);
    }
    expect(stdout).toContain("Answered in text.");
  });

  it("keeps every thread, reply and decision across a server restart", async () => {
    const before = await allThreads();
    expect(before.length).toBeGreaterThan(5);
    await suite.restart();
    expect(await allThreads()).toEqual(before);
    const reader = await connect("reviewer");
    expect(reader.fragment.toString()).toContain("expanded across all regions");
  });
});
