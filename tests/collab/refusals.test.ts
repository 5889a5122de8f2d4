import { describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import * as Y from "yjs";
import { waitFor } from "../support/collabClient";
import type { ServerProcess } from "../support/serverProcess";
import { serverSuite } from "../support/serverSuite";

const SECTION = "p1-governance";

/** Opens a raw WebSocket to `path` (signed in) and resolves with how the server ended it. */
function closeOf(
  server: ServerProcess,
  path: string,
  cookie: string,
): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}`, { headers: { cookie } });
    ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() }));
    ws.on("unexpected-response", (_request, response) =>
      reject(new Error(`HTTP ${response.statusCode} instead of a WebSocket`)),
    );
    ws.on("error", () => {});
  });
}

describe("refusals of bad collaboration requests", () => {
  const suite = serverSuite({ roles: ["drafter"] });

  it("refuse clearly while connected clients keep editing together", async () => {
    const { server } = suite;
    const cookie = suite.cookies.drafter;
    const a = suite.connect(SECTION, "drafter");
    const b = suite.connect(SECTION, "drafter");
    await Promise.all([a.synced, b.synced]);

    expect(await closeOf(server, "/collab/no-such-section", cookie)).toEqual({
      code: 4404,
      reason: "Unknown section 'no-such-section': it is not in the report outline",
    });
    const malformed = [
      "/collab/%E0%A4%A",
      "/collab/p1-access/extra",
      "/collab/..%2Fapi",
      "/collab/Not%20A%20Slug",
      "/collab",
    ];
    for (const path of malformed) {
      const close = await closeOf(server, path, cookie);
      expect(close.code, path).toBe(4400);
      expect(close.reason, path).toMatch(/section id|percent-encoding|Unexpected path/);
    }

    const plain = await fetch(`${server.url}/collab/${SECTION}`);
    expect(plain.status).toBe(426);
    expect(plain.headers.get("upgrade")).toBe("websocket");
    expect(await plain.json()).toEqual({
      error: { id: "websocket_required", message: expect.stringMatching(/WebSocket/) },
    });

    // A stock provider is told too, and stops retrying (4400-4499 are final for y-websocket).
    const lost = suite.connect("no-such-section", "drafter");
    await expect(lost.synced).rejects.toThrow(/4404 Unknown section/);
    expect(lost.provider.shouldConnect).toBe(false);

    // The clients connected before all this still edit together.
    const paragraph = new Y.XmlElement("paragraph");
    a.fragment.insert(0, [paragraph]);
    paragraph.insert(0, [new Y.XmlText("still working")]);
    await waitFor(() => b.fragment.toString().includes("still working"), "b to see a's edit");
    expect(b.fragment.toString()).toBe(a.fragment.toString());
    expect(server.child.exitCode).toBeNull();
  });
});
