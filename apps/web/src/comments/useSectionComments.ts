import type { CommentThread } from "@rapporteur/api";
import { useCallback, useEffect, useState } from "react";
import { errorMessage } from "../api/errorMessage";
import { subscribeToComments } from "./commentEvents";
import { commentsApi } from "./commentsApi";

/** What {@link useSectionComments} returns. */
export interface SectionComments {
  /** Threads of the section, as the server last told (null while loading). */
  threads: CommentThread[] | null;
  error: string | null;
  /** Puts a thread the server returned into the list at once (the event follows anyway). */
  upsert: (thread: CommentThread) => void;
  /** Removes a thread deleted by this user. */
  remove: (threadId: number) => void;
}

/**
 * The comment threads of one section, loaded from `GET /api/sections/:id/comments` and kept live
 * by the `comment` events: new threads, replies, resolutions and deletions by anyone appear
 * without reloading. Loaded again after the event stream was interrupted.
 */
export function useSectionComments(sectionId: string): SectionComments {
  const [threads, setThreads] = useState<CommentThread[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  const upsert = useCallback(
    (thread: CommentThread) => {
      if (thread.sectionId !== sectionId) return;
      setThreads((list) => {
        const current = list ?? [];
        const at = current.findIndex((t) => t.id === thread.id);
        if (at === -1) return [...current, thread];
        // Keep the newer of the two (an event and an answer may cross).
        if (current[at]!.updatedAt > thread.updatedAt) return current;
        const next = current.slice();
        next[at] = thread;
        return next;
      });
    },
    [sectionId],
  );

  const remove = useCallback((threadId: number) => {
    setThreads((list) => (list ? list.filter((t) => t.id !== threadId) : list));
  }, []);

  useEffect(() => {
    void generation;
    const controller = new AbortController();
    commentsApi.sectionThreads(sectionId, controller.signal).then(
      (loaded) => {
        setThreads(loaded);
        setError(null);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(errorMessage(failure));
      },
    );
    return () => controller.abort();
  }, [sectionId, generation]);

  useEffect(
    () =>
      subscribeToComments(
        (event) => {
          if (event.sectionId !== sectionId) return;
          if (event.deleted || !event.thread) remove(event.threadId);
          else upsert(event.thread);
        },
        () => setGeneration((g) => g + 1),
      ),
    [sectionId, upsert, remove],
  );

  return { threads, error, upsert, remove };
}
