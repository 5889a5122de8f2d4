type Listener = (key: string, message: string) => void;

const listeners = new Set<Listener>();

/**
 * Tells screen-reader users something that sighted users see change on the page (a section
 * locked, a new comment, a length threshold crossed). Messages with the same `key` sent close
 * together replace each other, so a burst of changes is announced once ({@link LiveAnnouncer}).
 */
export function announce(message: string, key: string = message): void {
  for (const listener of listeners) listener(key, message);
}

/** Receives every {@link announce}d message; returns the function that stops it. */
export function onAnnouncement(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
