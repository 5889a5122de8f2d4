import { useCallback, useSyncExternalStore } from "react";
import type { Awareness } from "y-protocols/awareness";

/** Someone present in a section, from its awareness states. */
export interface PresentUser {
  clientId: number;
  name: string;
  color: string;
  isSelf: boolean;
}

function readPresence(awareness: Awareness): PresentUser[] {
  // One entry per account (several tabs or windows of one person), per client otherwise.
  const byPerson = new Map<string, PresentUser>();
  for (const [clientId, state] of awareness.getStates()) {
    const user = (state as { user?: { id?: unknown; name?: unknown; color?: unknown } } | null)
      ?.user;
    if (typeof user?.name !== "string" || user.name.length === 0) continue;
    const person =
      typeof user.id === "string" && user.id !== "" ? `account:${user.id}` : `client:${clientId}`;
    const seen = byPerson.get(person);
    if (seen && (seen.isSelf || clientId !== awareness.clientID)) continue;
    byPerson.set(person, {
      clientId,
      name: user.name.slice(0, 60),
      color:
        typeof user.color === "string" && /^#[0-9a-f]{6}$/i.test(user.color)
          ? user.color
          : "#6b7280",
      isSelf: clientId === awareness.clientID,
    });
  }
  const users = [...byPerson.values()];
  // Yourself first, then others by name, so the list does not jump around.
  return users.sort((a, b) =>
    a.isSelf !== b.isSelf
      ? a.isSelf
        ? -1
        : 1
      : a.name.localeCompare(b.name) || a.clientId - b.clientId,
  );
}

const cache = new WeakMap<Awareness, { users: PresentUser[]; key: string }>();

function snapshot(awareness: Awareness): PresentUser[] {
  const users = readPresence(awareness);
  const key = users.map((u) => `${u.clientId}:${u.name}:${u.color}`).join("|");
  const cached = cache.get(awareness);
  if (cached && cached.key === key) return cached.users;
  cache.set(awareness, { users, key });
  return users;
}

const NOBODY: PresentUser[] = [];

/** The people present in a section (including the local user), live from its awareness. */
export function usePresence(awareness: Awareness | null): PresentUser[] {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!awareness) return () => {};
      awareness.on("change", onChange);
      return () => awareness.off("change", onChange);
    },
    [awareness],
  );
  return useSyncExternalStore(subscribe, () => (awareness ? snapshot(awareness) : NOBODY));
}
