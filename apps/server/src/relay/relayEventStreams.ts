import type { EventStreams } from "../http/EventStreams";
import type { Logger } from "../Logger";
import type { DocumentRelay } from "./DocumentRelay";

/**
 * Publishes the events this instance sends to every event stream, and sends the other instances'
 * to this instance's streams (not published again). Returns how to stop.
 */
export function relayEventStreams(
  relay: DocumentRelay,
  events: EventStreams,
  logger: Logger,
): () => void {
  const stopSending = events.onSend((event, data) => {
    relay
      .publishEvent(event, data)
      .catch((error) => logger.error(`relay: could not publish a '${event}' event`, error));
  });
  const stopListening = relay.listen((message) => {
    if (message.kind === "event") events.sendRelayed(message.name, message.data);
  });
  return () => {
    stopSending();
    stopListening();
  };
}
