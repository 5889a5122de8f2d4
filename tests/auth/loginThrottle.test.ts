// The login limits under attack: concurrent guesses, guesses from elsewhere, floods of refusals.
// RAPPORTEUR_TRUST_PROXY=1 makes the server believe X-Forwarded-For, so that one loopback client
// can play several addresses.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callApi } from "../support/callApi";
import {
  loginAs,
  type ServerProcess,
  startServerProcess,
  TEST_ACCOUNTS,
} from "../support/serverProcess";

interface AuditRow {
  action: string;
  ip: string | null;
  detail: { username?: string; refused?: number };
}

describe("login throttling under attack", () => {
  let server: ServerProcess;
  let editor: string;
  const figures: string[] = [];
  beforeAll(async () => {
    server = await startServerProcess({ env: { RAPPORTEUR_TRUST_PROXY: "1" } });
    editor = await loginAs(server.url, "editor");
  });
  afterAll(async () => {
    await server?.stop();
    console.log(`RELIABILITY: login ${figures.join(" ")}`);
  });

  async function attempt(username: string, password: string, address: string) {
    const origin = new URL(server.url).origin;
    const send = () =>
      fetch(`${origin}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", origin, "x-forwarded-for": address },
        body: JSON.stringify({ username, password }),
      });
    try {
      return await send();
    } catch (error) {
      // The floods leave hundreds of idle keep-alive sockets from one address, and the server
      // cuts the oldest beyond RAPPORTEUR_MAX_UNAUTHENTICATED_PER_ADDRESS: a request sent on a
      // socket being cut fails, and a client (or an attacker) sends it again.
      if ((error as { cause?: { code?: string } }).cause?.code !== "UND_ERR_SOCKET") throw error;
      return send();
    }
  }

  async function auditRows(action: string, username: string): Promise<AuditRow[]> {
    const answer = await callApi(server.url, editor, "GET", `/audit?action=${action}&limit=1000`);
    return (answer.body.entries as AuditRow[]).filter((e) => e.detail.username === username);
  }

  it("evaluates at most the limit of 300 concurrent guesses; the right one among them does not get in", async () => {
    const { username, password } = TEST_ACCOUNTS.reviewer;
    const guesses = Array.from({ length: 299 }, (_, i) => `wrong-password-${i}`);
    guesses.push(password);
    const answers = await Promise.all(guesses.map((g) => attempt(username, g, "10.0.0.1")));
    const statuses = answers.map((a) => a.status);
    const evaluated = statuses.filter((s) => s === 401 || s === 200).length;
    figures.push(`concurrentGuessesEvaluated=${evaluated}/300`);
    expect(evaluated).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(300 - evaluated);
    expect(statuses.at(-1)).toBe(429);
    expect(answers.at(-1)?.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await answers.at(-1)?.json()).toMatchObject({ error: { id: "too_many_attempts" } });
    // Every evaluated guess is in the audit log: no password was checked unrecorded.
    expect(await auditRows("login_failed", username)).toHaveLength(evaluated);
    expect(await auditRows("login", username)).toHaveLength(0);
  });

  it("failures from other addresses do not lock the owner out of their own", async () => {
    const { username, password } = TEST_ACCOUNTS.drafter;
    for (let i = 0; i < 24; i++) {
      // Five from one address (its limit), the rest spread over three more.
      const address = i < 5 ? "10.1.0.0" : `10.1.0.${1 + (i % 3)}`;
      const answer = await attempt(username, `wrong-password-${i}`, address);
      expect([401, 429]).toContain(answer.status);
    }
    // The owner, from their own address: in at once or after a short delay (Retry-After).
    const start = performance.now();
    let answer = await attempt(username, password, "10.2.0.1");
    let retries = 0;
    while (answer.status === 429 && retries < 5) {
      const wait = Number(answer.headers.get("retry-after"));
      expect(wait).toBeLessThanOrEqual(30);
      await new Promise((resolve) => setTimeout(resolve, wait * 1000));
      answer = await attempt(username, password, "10.2.0.1");
      retries++;
    }
    const ms = Math.round(performance.now() - start);
    figures.push(`ownerSignedInAfter=${ms}ms`);
    expect(answer.status).toBe(200);
    // The address that used up its limit stays refused, even with the right password.
    expect((await attempt(username, password, "10.1.0.0")).status).toBe(429);
  }, 60_000);

  it("writes one audit row per burst of refusals, not one per request", async () => {
    const username = "target-of-a-flood";
    for (let i = 0; i < 5; i++) await attempt(username, `wrong-password-${i}`, "10.3.0.1");
    const refused = await Promise.all(
      Array.from({ length: 200 }, (_, i) => attempt(username, `flood-${i}`, "10.3.0.1")),
    );
    expect(refused.every((r) => r.status === 429)).toBe(true);
    const rows = await auditRows("login_throttled", username);
    figures.push(`auditRowsFor200Refusals=${rows.length}`);
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.length).toBeLessThanOrEqual(2);
    expect(rows[0]).toMatchObject({ ip: "10.3.0.1" });
    // Another account still signs in from the flooding address's neighbour.
    expect(
      (await attempt(TEST_ACCOUNTS.editor.username, TEST_ACCOUNTS.editor.password, "10.3.0.2"))
        .status,
    ).toBe(200);
  });
});
