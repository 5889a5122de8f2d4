import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EventStreamReader } from "../../apps/server/src/testing/EventStreamReader";
import { callApi } from "../support/callApi";
import { pngImage as png } from "../support/pngImage";
import { loginAs, type ServerProcess, startServerProcess } from "../support/serverProcess";
import { exportFile, importFile, pollUntil } from "./apiFiles";

// Accounts: see TEST_ACCOUNTS in tests/support/serverProcess.ts (admin = editor, drafter, reviewer).

const run = promisify(execFile);

describe("document settings, PDF export and the preflight", () => {
  let server: ServerProcess;
  const dir = mkdtempSync(join(tmpdir(), "rapporteur-settings-"));
  const cookies = { editor: "", drafter: "", reviewer: "" };
  const call = (role: keyof typeof cookies, method: string, path: string, body?: unknown) =>
    callApi(server.url, cookies[role], method, path, body);
  /** The text of each page of a PDF export, after checking it is tagged with a title and language. */
  const pdfPages = async (query: string, role: keyof typeof cookies = "editor") => {
    const answer = await exportFile(server.url, cookies[role], query);
    expect(answer.status, answer.text.slice(0, 300)).toBe(200);
    expect(answer.headers.get("content-type")).toBe("application/pdf");
    const path = join(dir, `export-${Date.now()}.pdf`);
    writeFileSync(path, answer.bytes);
    // Accessible PDF (#19): tagged, PDF/UA, with the report's title and language for screen readers.
    const info = (await run("pdfinfo", [path])).stdout;
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+\S/m);
    expect(Buffer.from(answer.bytes).toString("latin1")).toMatch(/\/Lang\(en-/);
    const { stdout } = await run("pdftotext", ["-layout", path, "-"], { maxBuffer: 64 << 20 });
    return stdout.split("\f").filter((page) => page.trim().length > 0);
  };

  beforeAll(async () => {
    server = await startServerProcess();
    for (const role of ["editor", "drafter", "reviewer"] as const) {
      cookies[role] = await loginAs(server.url, role);
    }
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("starts from the outline and templates/un-secretariat.yaml, for everyone signed in", async () => {
    const answer = await call("reviewer", "GET", "/report/settings");
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      settings: {
        symbol: "E/CN.16/2025/CRP.1",
        distribution: "General",
        issueDate: null,
        originalLanguage: "English",
        agendaItem: "Item 3 of the provisional agenda",
        agendaSymbol: "E/CN.16/2025/1",
        jobNumber: "",
        advanceUnedited: false,
      },
      emblem: null,
      updatedBy: null,
    });
  });

  it("lets only editors change them, refuses bad values, and changes nothing then", async () => {
    for (const role of ["drafter", "reviewer"] as const) {
      const refused = await call(role, "PUT", "/report/settings", { jobNumber: "GE.25-1(E)" });
      expect(refused.status).toBe(403);
    }
    for (const body of [
      { issueDate: "2025-02-30" },
      { issueDate: "3 February 2025" },
      { symbol: "" },
      { colour: "red" },
      {},
      { advanceUnedited: "yes" },
      { agendaTitle: "two\nlines" },
    ]) {
      const refused = await call("editor", "PUT", "/report/settings", body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error.id).toBeTruthy();
    }
    expect((await call("editor", "GET", "/report/settings")).body.updatedBy).toBeNull();
  });

  it("stores a change, audits it, pushes it to everyone and prints it in the next PDF", async () => {
    const stream = await EventStreamReader.open(server.url, { cookie: cookies.drafter });
    const saved = await call("editor", "PUT", "/report/settings", {
      symbol: "E/CN.16/2025/3",
      issueDate: "2025-02-03",
      agendaTitle: "Progress made in the implementation of the WSIS outcomes",
      jobNumber: "GE.25-01234(E)",
    });
    expect(saved.status).toBe(200);
    expect(saved.body.settings).toMatchObject({
      symbol: "E/CN.16/2025/3",
      jobNumber: "GE.25-01234(E)",
    });
    const event = await stream.waitFor(
      "settings",
      (e) => e.settings.jobNumber === "GE.25-01234(E)",
    );
    expect(event.settings.issueDate).toBe("2025-02-03");
    await stream.close();

    const audit = await call("editor", "GET", "/audit?action=document_settings_changed");
    expect(audit.body.entries[0]).toMatchObject({
      actor: "admin",
      detail: { from: { jobNumber: "" }, to: { jobNumber: "GE.25-01234(E)" } },
    });

    const pages = await pdfPages("format=pdf&variant=final");
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toContain("E/CN.16/2025/3");
    expect(pages[0]).toContain("GE.25-01234(E)");
    expect(pages[0]).toContain("3 February 2025");
    expect(pages[0]).toMatch(/Item 3 of the provisional agenda\*/);
    expect(pages[0]).toContain("Progress made in the implementation of the WSIS outcomes");
    expect(pages[0]).toMatch(/\*\s+E\/CN\.16\/2025\/1\./);
  }, 120_000);

  it("keeps the final PDF for editors; others get the review copy", async () => {
    expect((await exportFile(server.url, cookies.drafter, "format=pdf")).status).toBe(403);
    const review = await pdfPages("format=pdf&variant=review", "reviewer");
    expect(review[0]).toContain("Review copy");
  }, 120_000);

  it("takes a PNG or JPEG emblem and refuses other files and large ones", async () => {
    const notImage = await call("editor", "PUT", "/report/settings/emblem", {
      contentBase64: Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>").toString("base64"),
    });
    expect(notImage.status).toBe(422);
    expect(notImage.body.error.id).toBe("invalid_emblem");
    const large = await call("editor", "PUT", "/report/settings/emblem", {
      contentBase64: Buffer.concat([png(20, 20), Buffer.alloc(600 * 1024)]).toString("base64"),
    });
    expect(large.status).toBe(413);
    expect(large.body.error.id).toBe("emblem_too_large");
    expect(
      (
        await call("drafter", "PUT", "/report/settings/emblem", {
          contentBase64: png(40, 30).toString("base64"),
        })
      ).status,
    ).toBe(403);

    const saved = await call("editor", "PUT", "/report/settings/emblem", {
      contentBase64: png(40, 30).toString("base64"),
    });
    expect(saved.status).toBe(200);
    expect(saved.body.emblem).toMatchObject({ type: "png", width: 40, height: 30 });
    const image = await fetch(`${server.url}/api/report/settings/emblem`, {
      headers: { cookie: cookies.reviewer },
    });
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await image.arrayBuffer())).toEqual(png(40, 30));
    const docx = await exportFile(server.url, cookies.editor, "format=docx");
    expect(docx.bytes.includes(Buffer.from("word/media/"))).toBe(true);

    expect((await call("editor", "DELETE", "/report/settings/emblem")).body.emblem).toBeNull();
  });

  it("lists unapproved, empty and over-budget sections before the final export", async () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");
    expect(
      (await importFile(server.url, cookies.drafter, "p1-access", "a.md", `${words(60)}\n`)).status,
    ).toBe(200);
    expect(
      (await importFile(server.url, cookies.drafter, "intro-overview", "b.md", `${words(1500)}\n`))
        .status,
    ).toBe(200);
    expect((await call("editor", "PUT", "/sections/p1-access/budget", { budget: 20 })).status).toBe(
      200,
    );
    for (const [role, action] of [
      ["drafter", "submit"],
      ["editor", "approve"],
    ] as const) {
      const answer = await call(role, "POST", "/sections/intro-overview/status", { action });
      expect(answer.status).toBe(200);
    }

    // The live counts catch up with the imports.
    for (const [id, count] of [
      ["intro-overview", 1500],
      ["p1-access", 60],
    ] as const) {
      await pollUntil(
        async () => (await call("editor", "GET", `/sections/${id}`)).body.words,
        (w) => w === count,
        `${id}'s count`,
      );
    }
    const answer = await call("editor", "GET", "/export/preflight");
    expect(answer.status).toBe(200);
    const items: { kind: string; section?: string; message: string }[] = answer.body.items;
    const of = (section: string) => items.filter((i) => i.section === section).map((i) => i.kind);
    expect(of("intro-overview")).toEqual([]);
    expect(of("p1-access")).toEqual(["not_approved", "over_allocation"]);
    expect(of("p2-governance")).toEqual(expect.arrayContaining(["not_approved", "empty"]));
    expect(
      items.find((i) => i.section === "p1-access" && i.kind === "over_allocation")?.message,
    ).toMatch(/60 words against an allocation of 20/);
    expect(items.filter((i) => i.kind === "not_approved")).toHaveLength(19);
  }, 60_000);
});

describe("PDF export without LibreOffice", () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess({ env: { PATH: "/nonexistent" } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("says so clearly, and the report tells the app not to offer PDF", async () => {
    const cookie = await loginAs(server.url, "editor");
    const answer = await exportFile(server.url, cookie, "format=pdf");
    expect(answer.status).toBe(503);
    const error = JSON.parse(answer.text).error;
    expect(error.id).toBe("pdf_unavailable");
    expect(error.message).toMatch(/LibreOffice/);
    const report = await callApi(server.url, cookie, "GET", "/report");
    expect(report.body.exportFormats).toEqual(["docx", "md"]);
  });
});
