import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

/** A Node y-websocket client on one section, as a browser editor would be. */
export interface CollabClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** The section's content as the editor binds it. */
  fragment: Y.XmlFragment;
  /** Every update this client received from the server, in order. */
  received: Uint8Array[];
  /** Resolves once the first sync with the server is complete; rejects if the server refuses. */
  synced: Promise<void>;
  destroy(): void;
}

/** Options of {@link connectCollabClient}. */
export interface CollabClientOptions {
  /** `Cookie` header of the WebSocket upgrade: a session from `login()` (serverProcess). */
  cookie?: string;
}

/** `ws` with fixed headers on the upgrade request, the way a browser sends its cookies. */
function webSocketWithHeaders(headers: Record<string, string>) {
  return class WebSocketWithHeaders extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  };
}

/**
 * Connects a stock `WebsocketProvider` (y-websocket 3.1, `ws` as WebSocket) to
 * `<serverUrl>/collab/<sectionId>`, sending `options.cookie` on the upgrade. BroadcastChannel is
 * off: clients in one test process must talk through the server only.
 */
export function connectCollabClient(
  serverUrl: string,
  sectionId: string,
  options: CollabClientOptions = {},
): CollabClient {
  const doc = new Y.Doc();
  const WebSocketClass = options.cookie
    ? webSocketWithHeaders({ cookie: options.cookie })
    : WebSocket;
  const provider = new WebsocketProvider(
    `${serverUrl.replace(/^http/, "ws")}/collab`,
    sectionId,
    doc,
    {
      WebSocketPolyfill: WebSocketClass as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      maxBackoffTime: 500,
    },
  );
  const received: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin === provider) received.push(update);
  });
  const synced = new Promise<void>((resolve, reject) => {
    provider.on("sync", (isSynced: boolean) => isSynced && resolve());
    provider.on("closed", ({ code, reason }: { code: number; reason: string }) =>
      reject(new Error(`The server closed the connection: ${code} ${reason}`)),
    );
  });
  synced.catch(() => {});
  return {
    doc,
    provider,
    fragment: doc.getXmlFragment("default"),
    received,
    synced,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Polls `condition` every 20 ms until it holds; fails after `timeoutMs` (an upper bound only). */
export async function waitFor(
  condition: () => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A small seeded random generator (mulberry32), so that a failing run can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One random edit of a section fragment, as an editor would make it: add a paragraph, type into
 * one, delete some characters or a whole paragraph. `tag` marks the text this client types.
 */
export function randomEdit(fragment: Y.XmlFragment, random: () => number, tag: string): void {
  const paragraphs = fragment.toArray().filter((n): n is Y.XmlElement => n instanceof Y.XmlElement);
  const roll = random();
  const pick = () => paragraphs[Math.floor(random() * paragraphs.length)];
  if (paragraphs.length === 0 || roll < 0.2) {
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(`${tag}${Math.floor(random() * 1000)} `)]);
    fragment.insert(Math.floor(random() * (fragment.length + 1)), [paragraph]);
    return;
  }
  const paragraph = pick();
  const text = paragraph?.get(0);
  if (!paragraph || !(text instanceof Y.XmlText)) return;
  if (roll < 0.7) {
    text.insert(Math.floor(random() * (text.length + 1)), `${tag}${Math.floor(random() * 100)} `);
  } else if (roll < 0.95) {
    if (text.length === 0) return;
    const at = Math.floor(random() * text.length);
    text.delete(at, Math.min(text.length - at, 1 + Math.floor(random() * 4)));
  } else {
    fragment.delete(fragment.toArray().indexOf(paragraph), 1);
  }
}
