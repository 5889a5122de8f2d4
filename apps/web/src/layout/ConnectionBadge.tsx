import type { ConnectionState } from "../collab/connectionState";

const descriptions: Record<ConnectionState, string> = {
  connected: "Connected: your changes are shared as you type.",
  syncing: "Syncing with the server…",
  offline: "Offline: your changes are kept in this browser and shared when you reconnect.",
};

/** The open section's connection state, as a word and a coloured dot. */
export function ConnectionBadge({ state }: { state: ConnectionState }) {
  return (
    <output
      className={`connection connection--${state}`}
      title={descriptions[state]}
      aria-live="polite"
    >
      <span className="connection__dot" aria-hidden="true" />
      <span data-testid="connection-state">{state}</span>
      <span className="visually-hidden">. {descriptions[state]}</span>
    </output>
  );
}
