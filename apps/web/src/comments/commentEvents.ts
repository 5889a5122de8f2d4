import type { CommentEvent } from "@rapporteur/api";
import { apiReportId, apiUrl } from "../api/apiUrl";
import { eventObject } from "../api/eventObject";

type Listener = (event: CommentEvent) => void;
type ReconnectListener = () => void;

const listeners = new Set<Listener>();
const reconnectListeners = new Set<ReconnectListener>();
let source: EventSource | null = null;
/** The report whose stream {@link source} is. */
let sourceReport: number | null = null;

function parse(data: string): CommentEvent | null {
  const value = eventObject("comment", data);
  if (!value || typeof value.sectionId !== "string" || typeof value.threadId !== "number") {
    return null;
  }
  return {
    sectionId: value.sectionId,
    threadId: value.threadId,
    // The thread is the server's own view of a stored row; only its presence is checked.
    thread: typeof value.thread === "object" ? (value.thread as CommentEvent["thread"]) : null,
    deleted: value.deleted === true,
    openComments: typeof value.openComments === "number" ? value.openComments : 0,
  };
}

function open(): void {
  if (typeof EventSource === "undefined") return;
  if (source && sourceReport === apiReportId()) return;
  // Another report is open now: its comments come on its own stream.
  source?.close();
  const stream = new EventSource(apiUrl("events"));
  source = stream;
  sourceReport = apiReportId();
  stream.addEventListener("comment", (message: MessageEvent<string>) => {
    const event = parse(message.data);
    if (event) for (const listener of listeners) listener(event);
  });
  stream.addEventListener("error", () => {
    // An error answer (signed out) ends the stream for good: open a new one on next use.
    if (stream.readyState === EventSource.CLOSED && source === stream) source = null;
  });
  stream.addEventListener("open", () => {
    // Events may have been missed before the stream (re)opened: subscribers load again.
    for (const listener of reconnectListeners) listener();
  });
}

function closeIfUnused(): void {
  if (listeners.size > 0 || reconnectListeners.size > 0) return;
  source?.close();
  source = null;
}

/**
 * Listens to the `comment` events of `/api/events` (one stream shared by every listener of the
 * page); `onReconnect` is called whenever the stream (re)opens, since events may have been
 * missed before. Returns a function that stops listening.
 */
export function subscribeToComments(listener: Listener, onReconnect?: ReconnectListener) {
  listeners.add(listener);
  if (onReconnect) reconnectListeners.add(onReconnect);
  open();
  return () => {
    listeners.delete(listener);
    if (onReconnect) reconnectListeners.delete(onReconnect);
    closeIfUnused();
  };
}
