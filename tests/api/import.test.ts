import { wordDraft } from "@rapporteur/docx/testing";
import { describe, expect, it } from "vitest";
import { waitFor } from "../support/collabClient";
import { serverSuite } from "../support/serverSuite";
import { zipBomb } from "../support/zipBomb";
import { pollUntil } from "./apiFiles";

// Accounts: see TEST_ACCOUNTS in tests/support/serverProcess.ts (admin = editor, drafter, reviewer).

const MAX_IMPORT_BYTES = 256 * 1024;
const MiB = 1024 * 1024;
// Long enough for any real draft once the import worker has started; hostile files hit it.
const IMPORT_TIMEOUT_MS = 4_000;

const DRAFT = `# Digital divides

Access grew **fast**, as the [ITU](https://www.itu.int) reports.[^itu]

## Remaining gaps

- Rural areas
- Women and girls

[^itu]: ITU, *Measuring digital development*, 2024.
`;

describe("import endpoint", () => {
  const suite = serverSuite({
    env: {
      RAPPORTEUR_MAX_IMPORT_BYTES: String(MAX_IMPORT_BYTES),
      RAPPORTEUR_IMPORT_TIMEOUT_MS: String(IMPORT_TIMEOUT_MS),
    },
  });
  const sectionOf = async (id: string) =>
    (await suite.api("editor", "GET", `/sections/${id}`)).body;

  it("imports Markdown as a drafter and a connected editor sees it at once", async () => {
    const watcher = await suite.connectSynced("p1-context", "reviewer");
    const answer = await suite.importFile("drafter", "p1-context", "draft.md", DRAFT);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      warnings: [],
      words: 16,
      undo: { history: expect.stringMatching(/^p[0-9]+$/) },
    });
    await waitFor(
      () => watcher.fragment.toString().includes("Women and girls"),
      "the reviewer's client to receive the import",
    );
    const xml = watcher.fragment.toString();
    expect(xml).toContain('<heading level="3">Digital divides</heading>');
    expect(xml).toContain('<heading level="4">Remaining gaps</heading>');
    expect(xml).toContain("<bold>fast</bold>");
    expect(xml).toMatch(/<link [^>]*href="https:\/\/www\.itu\.int"[^>]*>ITU<\/link>/);
    expect(xml).toContain(
      "<footnote>ITU, <italic>Measuring digital development</italic>, 2024.</footnote>",
    );
    expect(xml).toContain("<bulletlist><listitem><paragraph>Rural areas</paragraph>");
    // Counted by the server from the stored section, the same as the answer.
    const section = await pollUntil(
      () => sectionOf("p1-context"),
      (s) => s.words === 16,
      "the server count",
    );
    expect(section.footnoteWords).toBe(5);
    // Durable: exported from storage once nobody has it open.
    const md = await suite.exportFile("editor", "format=md&section=p1-context");
    expect(md.text).toContain(
      "Access grew **fast**, as the [ITU](https://www.itu.int) reports.[^1]",
    );
  });

  it("replaces what was there, for the editors connected too", async () => {
    const drafter = await suite.connectSynced("p1-context", "drafter");
    const answer = await suite.importFile(
      "drafter",
      "p1-context",
      "again.md",
      "Replaced entirely.\n",
    );
    expect(answer.status).toBe(200);
    await waitFor(
      () => drafter.fragment.toString() === "<paragraph>Replaced entirely.</paragraph>",
      "the replacement",
    );
  });

  it("drops links to the app's own address from imported Markdown and HTML, keeping their text", async () => {
    const origin = new URL(suite.server.url).origin;
    const watcher = await suite.connectSynced("p1-context", "drafter");
    for (const [name, content] of [
      [
        "links.md",
        `See [note 1](${origin}/sections/p1-access#fn1) and [the ITU](https://www.itu.int).\n`,
      ],
      [
        "links.html",
        `<p>See <a href="${origin}/sections/p1-access#fn1">note 1</a> and <a href="https://www.itu.int">the ITU</a>.</p>`,
      ],
    ] as const) {
      const answer = await suite.importFile("drafter", "p1-context", name, content);
      expect(answer.status).toBe(200);
      expect(answer.body.warnings.join("\n")).toMatch(/link\(s\) to this app/);
      await waitFor(
        () => watcher.fragment.toString().includes("See note 1 and"),
        `the import of ${name}`,
      );
      const xml = watcher.fragment.toString();
      expect(xml).not.toContain(origin);
      expect(xml).toMatch(/<link [^>]*href="https:\/\/www\.itu\.int"[^>]*>the ITU<\/link>/);
      await suite.importFile("drafter", "p1-context", "reset.md", "Reset.\n");
      await waitFor(() => watcher.fragment.toString().includes("Reset."), "the reset");
    }
  });

  it("imports a Word file made by the exporter", async () => {
    const watcher = await suite.connectSynced("p1-technology", "editor");
    const bytes = await wordDraft("Mobile broadband reached most of the world.");
    const answer = await suite.importFile("editor", "p1-technology", "draft.docx", bytes);
    expect(answer.status).toBe(200);
    expect(answer.body.words).toBe(9);
    await waitFor(
      () => watcher.fragment.toString().includes("Mobile broadband reached most of the world."),
      "the Word import to arrive",
    );
    expect(watcher.fragment.toString()).toContain('<heading level="3">From Word</heading>');
  });

  it("refuses reviewers, and drafters on a locked section (editors may still import)", async () => {
    const reviewer = await suite.importFile("reviewer", "p1-ecosystem", "a.md", "Hi");
    expect(reviewer.status).toBe(403);
    expect(reviewer.body.error.id).toBe("read_only");
    expect(reviewer.body.error.message).toMatch(/reviewers cannot edit sections/);

    const approved = await suite.api("editor", "POST", "/sections/p1-ecosystem/status", {
      action: "approve",
    });
    expect(approved.status).toBe(200);
    const drafter = await suite.importFile("drafter", "p1-ecosystem", "a.md", "Hi");
    expect(drafter.status).toBe(403);
    expect(drafter.body.error.message).toMatch(/approved and locked/);
    expect((await sectionOf("p1-ecosystem")).words).toBe(0);
    const editor = await suite.importFile("editor", "p1-ecosystem", "a.md", "Editor text");
    expect(editor.status).toBe(200);
  });

  it("refuses bad files with a clear 4xx and leaves the section unchanged", async () => {
    const sectionId = "p1-access";
    const seeded = await suite.importFile("drafter", sectionId, "a.md", DRAFT);
    expect(seeded.status).toBe(200);
    const watcher = await suite.connectSynced(sectionId, "drafter");
    await waitFor(() => watcher.fragment.toString().includes("Women and girls"), "the seed");
    const before = {
      xml: watcher.fragment.toString(),
      md: (await suite.exportFile("editor", `format=md&section=${sectionId}`)).text,
    };
    const received = watcher.received.length;
    const whole = await wordDraft("A complete Word file.");
    const cases: [string, string, Uint8Array | string, number, string, RegExp][] = [
      ["zip bomb", "bomb.docx", zipBomb(64), 422, "zip_bomb", /inflates/],
      [
        "truncated docx",
        "cut.docx",
        whole.slice(0, Math.floor(whole.length / 2)),
        422,
        "truncated",
        /incomplete/,
      ],
      [
        "binary junk as docx",
        "junk.docx",
        new Uint8Array(4096).map((_, i) => (i * 37) % 256),
        422,
        "not_a_docx",
        /not a Word/i,
      ],
      [
        "binary junk as md",
        "junk.md",
        new Uint8Array(4096).map((_, i) => (i * 37) % 256),
        422,
        "not_text",
        /not UTF-8 text/,
      ],
      [
        "script in Markdown",
        "x.md",
        "Hello\n\n<script>fetch('/api/users')</script>\n",
        422,
        "unsafe_markdown",
        /<script> on line 3/,
      ],
      ["empty file", "empty.md", "", 422, "empty_file", /empty/],
      [
        "lists and quotes nested 9,000 deep",
        "deep.md",
        `${"> - 1. ".repeat(3_000)}deep\n`,
        422,
        "import_too_deep",
        /^The file nests lists\/quotes 9000 levels deep; at most 32 are supported$/,
      ],
      ["a PDF", "report.pdf", "%PDF-1.7", 400, "unsupported_file_type", /\.md.*\.docx/],
      [
        "a file over the limit",
        "big.md",
        "word ".repeat(MAX_IMPORT_BYTES / 5 + 1),
        413,
        "file_too_large",
        /import limit of 0\.25 MiB/,
      ],
    ];
    for (const [what, filename, content, status, id, message] of cases) {
      const answer = await suite.importFile("drafter", sectionId, filename, content);
      expect({ what, status: answer.status, id: answer.body?.error?.id }).toEqual({
        what,
        status,
        id,
      });
      expect(answer.body.error.message).toMatch(message);
    }

    const origin = new URL(suite.server.url).origin;
    const raw = (body: string) =>
      fetch(`${origin}/api/sections/${sectionId}/import`, {
        method: "POST",
        headers: {
          cookie: suite.cookies.drafter,
          origin,
          "content-type": "application/json",
        },
        body,
      });
    // A body far beyond the limit is cut off by the body parser, with the same message.
    const huge = await raw(
      JSON.stringify({ filename: "huge.md", contentBase64: "A".repeat(4 * MiB) }),
    );
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.id).toBe("file_too_large");
    const badBase64 = await raw(JSON.stringify({ filename: "a.md", contentBase64: "@@@@" }));
    expect(badBase64.status).toBe(400);
    expect((await badBase64.json()).error.id).toBe("invalid_base64");
    const wrongShape = await raw(JSON.stringify({ filename: 5, content: "x" }));
    expect(wrongShape.status).toBe(400);
    expect((await wrongShape.json()).error.id).toBe("invalid_body");

    expect(watcher.fragment.toString()).toBe(before.xml);
    expect(watcher.received.length).toBe(received);
    expect((await suite.exportFile("editor", `format=md&section=${sectionId}`)).text).toBe(
      before.md,
    );
  });

  it("stops a conversion that runs past the deadline with 422, while the server keeps answering", async () => {
    const sectionId = "p2-governance";
    const seeded = await suite.importFile("editor", sectionId, "a.md", "Kept as is.");
    expect(seeded.status).toBe(200);
    const before = (await suite.exportFile("editor", `format=md&section=${sectionId}`)).text;
    // micromark matches these emphasis markers in roughly quadratic time: minutes on one thread.
    const hostile = `${"*".repeat(50_000)}a${"*".repeat(50_000)}\n`;
    let done = false;
    const importing = suite.importFile("editor", sectionId, "bomb.md", hostile).finally(() => {
      done = true;
    });
    let answered = 0;
    while (!done) {
      const started = Date.now();
      const health = await fetch(`${suite.server.url}/api/health`);
      expect(health.status).toBe(200);
      // A generous bound: a server blocked by the conversion would answer after the deadline.
      expect(Date.now() - started).toBeLessThan(IMPORT_TIMEOUT_MS / 2);
      answered++;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const answer = await importing;
    expect(answered).toBeGreaterThan(3);
    expect(answer.status).toBe(422);
    expect(answer.body.error.id).toBe("import_too_complex");
    expect(answer.body.error.message).toMatch(/longer than 4 s .* too complex to import/);
    expect((await suite.exportFile("editor", `format=md&section=${sectionId}`)).text).toBe(before);
    // The next import gets a fresh worker.
    const after = await suite.importFile("editor", sectionId, "b.md", "Fine again.");
    expect(after.status).toBe(200);
  });

  it("records imports in the audit log", async () => {
    const audit = await suite.api("editor", "GET", "/audit?action=import");
    expect(audit.body.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actor: "drafter",
          action: "import",
          target: "p1-context",
          detail: expect.objectContaining({ filename: "draft.md", format: "markdown", words: 16 }),
        }),
        expect.objectContaining({
          actor: "admin",
          target: "p1-technology",
          detail: expect.objectContaining({ format: "docx" }),
        }),
      ]),
    );
  });
});
