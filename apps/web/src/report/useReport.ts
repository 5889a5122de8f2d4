import { useCallback, useEffect, useState } from "react";
import { fetchReport } from "./fetchReport";
import { parseWordCountEvent } from "./parseWordCountEvent";
import type { Report, WordCountEvent } from "./reportTypes";

/** A count pushed by the server, with when it arrived (`performance.now()`). */
export interface LiveCount extends WordCountEvent {
  receivedAt: number;
}

/** Live per-section counts pushed by the server, keyed by section id. */
export type LiveCounts = Readonly<Record<string, LiveCount>>;

/** What {@link useReport} returns. */
export interface ReportState {
  report: Report | null;
  error: string | null;
  /** Counts received from `/api/events` since the report was loaded. */
  liveCounts: LiveCounts;
  reload: () => void;
}

/**
 * Loads `/api/report` and keeps section word counts live from the `wordcount` Server-Sent Events.
 * After the event stream reconnects the report is reloaded, so counts missed meanwhile catch up.
 */
export function useReport(): ReportState {
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [liveCounts, setLiveCounts] = useState<LiveCounts>({});
  const [generation, setGeneration] = useState(0);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    void generation;
    const controller = new AbortController();
    const requestedAt = performance.now();
    fetchReport(controller.signal).then(
      (loaded) => {
        setReport(loaded);
        setError(null);
        // Keep only the pushed counts that are newer than the report just loaded.
        setLiveCounts((previous) =>
          Object.fromEntries(
            Object.entries(previous).filter(([, count]) => count.receivedAt > requestedAt),
          ),
        );
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(failure instanceof Error ? failure.message : String(failure));
      },
    );
    return () => controller.abort();
  }, [generation]);

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource("/api/events");
    let interrupted = false;
    const onCount = (event: MessageEvent<string>) => {
      const count = parseWordCountEvent(event.data);
      if (!count) return;
      const live: LiveCount = { ...count, receivedAt: performance.now() };
      setLiveCounts((previous) => ({ ...previous, [count.sectionId]: live }));
    };
    source.addEventListener("wordcount", onCount);
    source.addEventListener("error", () => {
      interrupted = true;
    });
    source.addEventListener("open", () => {
      if (interrupted) {
        interrupted = false;
        reload();
      }
    });
    return () => source.close();
  }, [reload]);

  return { report, error, liveCounts, reload };
}
