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
 * Holds what is sent on `ws` until the next turn of the event loop, so that the messages a socket
 * gets in one turn (a stored update and the presence that came with it, say) leave in one system
 * call instead of one each: most of a broadcast's cost is the write to each socket.
 */
export function corkUntilNextTurn(ws: WebSocket): void {
  // ws writes its frames to this socket at once (no compression, no fragmentation here).
  const socket = (ws as unknown as { _socket?: Duplex })._socket;
  if (!socket || corked.has(socket)) return;
  socket.cork();
  corked.add(socket);
  if (!scheduled) {
    scheduled = true;
    setImmediate(uncorkAll);
  }
}
