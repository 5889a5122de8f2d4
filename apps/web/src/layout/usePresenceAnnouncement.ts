import { useEffect, useRef } from "react";
import type { PresentUser } from "../collab/usePresence";
import { announce } from "./announce";

/** Says aloud who joins and who leaves the open section (the avatars and carets show it). */
export function usePresenceAnnouncement(people: PresentUser[]): void {
  const names = [...new Set(people.filter((p) => !p.isSelf).map((p) => p.name))].sort();
  const key = names.join("\n");
  const previous = useRef<string[] | null>(null);
  useEffect(() => {
    const now = key === "" ? [] : key.split("\n");
    const was = previous.current;
    previous.current = now;
    if (was === null) return;
    const joined = now.filter((name) => !was.includes(name));
    const left = was.filter((name) => !now.includes(name));
    const parts = [
      ...(joined.length > 0 ? [`${joined.join(", ")} joined this section.`] : []),
      ...(left.length > 0 ? [`${left.join(", ")} left this section.`] : []),
    ];
    if (parts.length > 0) announce(parts.join(" "), "presence");
  }, [key]);
}
