import { useEffect, useRef, useState } from "react";
import { onAnnouncement } from "./announce";

/** Messages gathered this long are announced together, one line: no flood of announcements. */
const GATHER_MS = 1000;
/** Lines kept in the region (older ones were read already). */
const KEPT = 3;

/**
 * The polite live region of the app: reads out what {@link announce} sends, a second's worth at
 * a time, the latest message of each kind. Invisible; always in the page, so that screen readers
 * listen to it before anything is said.
 */
export function LiveAnnouncer() {
  const [lines, setLines] = useState<{ id: number; text: string }[]>([]);
  const pending = useRef(new Map<string, string>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const nextId = useRef(0);

  useEffect(() => {
    const flush = () => {
      timer.current = null;
      const text = [...pending.current.values()].join(" ");
      pending.current.clear();
      if (text === "") return;
      const id = nextId.current++;
      setLines((current) => [...current.slice(1 - KEPT), { id, text }]);
    };
    const stop = onAnnouncement((key, message) => {
      pending.current.delete(key);
      pending.current.set(key, message);
      timer.current ??= setTimeout(flush, GATHER_MS);
    });
    return () => {
      stop();
      if (timer.current) clearTimeout(timer.current);
    };
  }, []);

  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
      {lines.map((line) => (
        <p key={line.id}>{line.text}</p>
      ))}
    </div>
  );
}
