type Listener = (reason: string | null) => void;

const listeners = new Set<Listener>();

/** Calls `listener` whenever the server says the session is gone (a 401, a 4401 close). */
export function onSessionLost(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells the app that the session has ended, with the server's reason when it gave one. */
export function reportSessionLost(reason: string | null): void {
  for (const listener of listeners) listener(reason);
}
