import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SyncMessageType } from "../collab/messageTypes";
import { EventStreamReader } from "../testing/EventStreamReader";
import { EMPTY_REPORT_TOTALS } from "../testing/emptyReportTotals";
import { eventually, paragraphUpdate, RawCollabClient } from "../testing/RawCollabClient";
import { startTestServer, type TestServer } from "../testing/startTestServer";

const servers: TestServer[] = [];
const clients: RawCollabClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  for (const server of servers.splice(0)) await server.close();
});
async function start(options: Parameters<typeof startTestServer>[0] = {}) {
  const server = await startTestServer(options);
  servers.push(server);
  return server;
}

describe("HTTP API", () => {
  it("answers health", async () => {
    const server = await start();
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toContain("connect-src 'self' ws:");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("shows the report outline with budgets, guidance and zero counts", async () => {
    const server = await start();
    const report = await (
      await fetch(`${server.url}/api/report`, { headers: server.headers("reviewer") })
    ).json();
    expect(report.targetRange).toEqual({ min: 30_000, max: 40_000 });
    // The Summary (front matter) comes before the five parts of Annex 1.
    expect(report.parts).toHaveLength(6);
    expect(report.parts[0]).toMatchObject({ id: "front-matter", frontMatter: true });
    expect(report.sections).toHaveLength(20);
    expect(report.sections[0]).toMatchObject({ id: "summary", part: "front-matter", budget: 300 });
    expect(report.sections[1]).toMatchObject({
      id: "intro-overview",
      part: "introduction",
      budget: 1500,
      words: 0,
      footnoteWords: 0,
      status: "drafting",
      locked: false,
      leads: [],
      readOnly: true,
    });
    expect(report.sections[1].guidance).toMatch(/Geneva/);
    expect(report.totals).toEqual(EMPTY_REPORT_TOTALS);
    expect(report.sections[0]).toMatchObject({ counted: 0, state: "short" });
  });

  it("counts words on the server as a section changes, and pushes the change as an event", async () => {
    const server = await start();
    const stream = await EventStreamReader.open(server.url, server.headers("drafter"));
    expect(stream.response.headers.get("content-type")).toMatch(/text\/event-stream/);

    const client = new RawCollabClient(server.wsUrl("p1-access"), {
      cookie: server.cookies.drafter,
    });
    clients.push(client);
    await client.opened;
    client.sendSync(SyncMessageType.update, paragraphUpdate("Meaningful access for all people"));
    await eventually(() => stream.text.includes("event: wordcount"));
    expect(stream.text).toContain('data: {"sectionId":"p1-access","words":5,"footnoteWords":0}');
    const get = (path: string) =>
      fetch(`${server.url}${path}`, { headers: server.headers("drafter") });
    const section = await (await get("/api/sections/p1-access")).json();
    expect(section).toMatchObject({ id: "p1-access", words: 5, footnoteWords: 0, readOnly: false });
    const report = await (await get("/api/report")).json();
    expect(report.totals.words).toBe(5);
    await stream.close();
  });

  it("counts stored sections at startup", async () => {
    const first = await start();
    await first.store.append("p2-equality", paragraphUpdate("Gender equality online"));
    const second = await start({ store: first.store });
    const section = await (
      await fetch(`${second.url}/api/sections/p2-equality`, { headers: second.headers("editor") })
    ).json();
    expect(section.words).toBe(3);
  });

  it.each([
    [
      "GET",
      "/api/sections/no-such-section",
      undefined,
      404,
      "section_not_found",
      /no-such-section/,
    ],
    ["GET", "/api/sections/..%2F..%2Fetc", undefined, 400, "invalid_section_id", /slugs/],
    ["GET", "/api/sections/P1'%20OR%201=1", undefined, 400, "invalid_section_id", /slugs/],
    ["GET", "/api/nothing-here", undefined, 404, "route_not_found", /nothing-here/],
    ["POST", "/api/auth/login", "{not json", 400, "malformed_json", /not valid JSON/],
    ["POST", "/api/auth/login", "[1]", 400, "invalid_body", /body: Invalid input/],
    [
      "POST",
      "/api/auth/login",
      JSON.stringify({ username: "editor", password: 5, extra: 1 }),
      400,
      "invalid_body",
      /body.password: Invalid input: expected string.*Unrecognized key: "extra"/,
    ],
    [
      "POST",
      "/api/auth/login",
      JSON.stringify({ x: "y".repeat(5000) }),
      413,
      "body_too_large",
      /too large/,
    ],
    [
      "POST",
      "/api/sections/p1-access/status",
      JSON.stringify({ action: "publish" }),
      400,
      "invalid_body",
      /body.action: Invalid option/,
    ],
    [
      "PATCH",
      "/api/users/abc",
      JSON.stringify({ role: "editor" }),
      400,
      "invalid_parameter",
      /positive integer/,
    ],
    ["PATCH", "/api/users/999", JSON.stringify({ active: false }), 404, "user_not_found", /999/],
    ["GET", "/api/audit?limit=0", undefined, 400, "invalid_query", /query.limit/],
    ["GET", "/api/audit?action=drop", undefined, 400, "invalid_query", /query.action/],
    ["GET", "/collab/p1-access", undefined, 426, "websocket_required", /WebSocket/],
    ["GET", "/", undefined, 404, "web_app_not_built", /pnpm build/],
  ])(
    "%s %s (body %j) -> %i with a stable error id",
    async (method, path, body, status, id, message) => {
      const server = await start({ maxBodyBytes: 2048 });
      const response = await fetch(`${server.url}${path}`, {
        method,
        body,
        headers: server.headers("editor"),
      });
      expect(response.status).toBe(status);
      const json = await response.json();
      expect(json).toEqual({ error: { id, message: expect.stringMatching(message) } });
      expect(JSON.stringify(json)).not.toMatch(/at .*\.ts/);
    },
  );

  it("serves the built web app with client-side routes falling back to index.html", async () => {
    const webDist = mkdtempSync(join(tmpdir(), "rapporteur-web-"));
    writeFileSync(join(webDist, "index.html"), "<!doctype html><title>Rapporteur</title>");
    writeFileSync(join(webDist, "app.js"), "console.log('app')");
    const server = await start({ webDist });
    for (const path of ["/", "/sections/p1-access"]) {
      const page = await fetch(`${server.url}${path}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("<title>Rapporteur</title>");
    }
    const script = await fetch(`${server.url}/app.js`);
    expect(await script.text()).toContain("console.log");
    expect((await fetch(`${server.url}/api/missing`)).status).toBe(401);
  });

  it("never serves source maps or the build's metadata, signed in or not", async () => {
    const webDist = mkdtempSync(join(tmpdir(), "rapporteur-web-"));
    writeFileSync(join(webDist, "index.html"), "<!doctype html><title>Rapporteur</title>");
    mkdirSync(join(webDist, "assets"));
    mkdirSync(join(webDist, ".vite"));
    writeFileSync(join(webDist, "assets", "index-abc.js"), "console.log('app')");
    writeFileSync(join(webDist, "assets", "index-abc.js.map"), '{"sources":["src/App.tsx"]}');
    writeFileSync(join(webDist, ".vite", "manifest.json"), '{"src/main.tsx":{}}');
    const server = await start({ webDist });
    expect((await fetch(`${server.url}/assets/index-abc.js`)).status).toBe(200);
    for (const path of [
      "/assets/index-abc.js.map",
      "/assets/index-abc.js%2Emap",
      "/assets/INDEX-abc.js.MAP",
      "/.vite/manifest.json",
      "/assets/missing-123.js",
    ]) {
      const answer = await fetch(`${server.url}${path}`);
      expect({ path, status: answer.status }).toEqual({ path, status: 404 });
      expect(await answer.text()).not.toMatch(/sources|src\/main|<title>/);
    }
  });
});
