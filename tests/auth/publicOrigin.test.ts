// DNS rebinding: a page of attacker.example whose name is re-pointed at the server sends requests
// that are same-origin by Host and Origin alike. The server accepts state-changing requests and
// WebSocket upgrades only for hosts it answers as: IP literals, localhost and its own name by
// default, the hosts of RAPPORTEUR_PUBLIC_ORIGIN when set.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { type ServerProcess, startServerProcess, TEST_ACCOUNTS } from "../support/serverProcess";

interface Answer {
  status: number;
  body: { error?: { id: string; message: string } } & Record<string, unknown>;
  cookie?: string;
}

/** `POST /api/auth/login` as the drafter, with the given headers (Host included). */
function postLogin(port: number, headers: Record<string, string>): Promise<Answer> {
  const body = JSON.stringify(TEST_ACCOUNTS.drafter);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/api/auth/login",
        headers: { "content-type": "application/json", ...headers },
      },
      (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => {
          text += chunk.toString();
        });
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            body: text ? JSON.parse(text) : {},
            cookie: /rapporteur_session=[^;]+/.exec(String(response.headers["set-cookie"]))?.[0],
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** How the server answers a WebSocket upgrade: its refusal status and error id, or `open`. */
function upgrade(
  port: number,
  headers: Record<string, string>,
): Promise<{ status: number; id?: string } | "open"> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/collab/p1-access`, { headers });
    ws.on("unexpected-response", (_request, response) => {
      let text = "";
      response.on("data", (chunk: Buffer) => {
        text += chunk.toString();
      });
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, id: JSON.parse(text).error?.id }),
      );
    });
    ws.on("open", () => {
      ws.terminate();
      resolve("open");
    });
    ws.on("error", () => {});
  });
}

describe("DNS rebinding without RAPPORTEUR_PUBLIC_ORIGIN", () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("refuses a request naming another host, even with a matching Origin (403 host_rejected)", async () => {
    const host = `attacker.example:${server.port}`;
    const answer = await postLogin(server.port, { host, origin: `http://${host}` });
    expect(answer.status).toBe(403);
    expect(answer.body.error).toMatchObject({
      id: "host_rejected",
      message: expect.stringMatching(/RAPPORTEUR_PUBLIC_ORIGIN/),
    });
    expect(answer.cookie).toBeUndefined();
  });

  it("accepts the same sign-in by IP address and by localhost", async () => {
    for (const name of ["127.0.0.1", "localhost"]) {
      const host = `${name}:${server.port}`;
      const answer = await postLogin(server.port, { host, origin: `http://${host}` });
      expect(answer.status, name).toBe(200);
      expect(answer.cookie).toMatch(/^rapporteur_session=/);
    }
  });

  it("refuses a WebSocket upgrade naming another host, session or not", async () => {
    const host = `127.0.0.1:${server.port}`;
    const { cookie } = await postLogin(server.port, { host, origin: `http://${host}` });
    const rebound = `attacker.example:${server.port}`;
    expect(
      await upgrade(server.port, { host: rebound, origin: `http://${rebound}`, cookie: cookie! }),
    ).toEqual({ status: 403, id: "host_rejected" });
    expect(await upgrade(server.port, { origin: `http://${host}`, cookie: cookie! })).toBe("open");
  });
});

describe("with RAPPORTEUR_PUBLIC_ORIGIN behind a trusted proxy", () => {
  const publicHost = "rapporteur.example.org";
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess({
      env: { RAPPORTEUR_PUBLIC_ORIGIN: `https://${publicHost}`, RAPPORTEUR_TRUST_PROXY: "1" },
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("accepts requests for the public origin only", async () => {
    const viaProxy = await postLogin(server.port, {
      "x-forwarded-host": publicHost,
      origin: `https://${publicHost}`,
    });
    expect(viaProxy.status).toBe(200);

    const direct = `127.0.0.1:${server.port}`;
    const byAddress = await postLogin(server.port, { host: direct, origin: `http://${direct}` });
    expect(byAddress.status).toBe(403);
    expect(byAddress.body.error?.id).toBe("host_rejected");
    expect(byAddress.body.error?.message).toContain(`https://${publicHost}`);

    // The public host over plain HTTP is another origin.
    const plain = await postLogin(server.port, {
      "x-forwarded-host": publicHost,
      origin: `http://${publicHost}`,
    });
    expect(plain.status).toBe(403);
    expect(plain.body.error?.id).toBe("csrf_rejected");

    const cookie = viaProxy.cookie!;
    expect(
      await upgrade(server.port, {
        "x-forwarded-host": publicHost,
        origin: `https://${publicHost}`,
        cookie,
      }),
    ).toBe("open");
    expect(await upgrade(server.port, { origin: `http://${direct}`, cookie })).toEqual({
      status: 403,
      id: "host_rejected",
    });
  });
});
