import type { Duplex } from "node:stream";
import type { WebSocket } from "ws";

const corked = new Set<Duplex>();
let scheduled = false;

function uncorkAll(): void {
  scheduled = false;
  for (const socket of corked) socket.uncork();
  corked.clear();
}

/**
 * Holds what is sent on `ws` until the code running now (and the promise callbacks it queued
 * first) has finished, so that the messages a socket gets together (a stored update and the
 * presence that came with it) leave in one system call instead of one each: most of a
 * broadcast's cost is the write to each socket. Nothing waits for other I/O.
 */
export function corkUntilTaskEnd(ws: WebSocket): void {
  // ws writes its frames to this socket at once (no compression, no fragmentation here).
  const socket = (ws as unknown as { _socket?: Duplex })._socket;
  if (!socket || corked.has(socket)) return;
  socket.cork();
  corked.add(socket);
  if (!scheduled) {
    scheduled = true;
    queueMicrotask(uncorkAll);
  }
}
