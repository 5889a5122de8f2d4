import type { DocumentRelay } from "./DocumentRelay";

/**
 * A section locked or reopened on another instance (its `section` event): `sectionChanged` is
 * called with the section's id, so that this instance's open connections follow what the shared
 * database now says. Returns how to stop.
 */
export function followRelayedWorkflow(
  relay: DocumentRelay,
  sectionChanged: (sectionId: string) => void,
): () => void {
  return relay.listen((message) => {
    if (message.kind !== "event" || message.name !== "section") return;
    const sectionId = (message.data as { sectionId?: unknown } | null)?.sectionId;
    if (typeof sectionId === "string") sectionChanged(sectionId);
  });
}
