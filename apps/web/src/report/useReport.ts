import type {
  OutlineEvent,
  ReportView,
  Role,
  SectionEvent,
  SectionView,
  WordCountEvent,
} from "@rapporteur/api";
import { allowedActions, canEditText } from "@rapporteur/workflow/rules";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "../api/ApiError";
import { apiUrl } from "../api/apiUrl";
import { errorMessage } from "../api/errorMessage";
import { applyBudgetEvent } from "../budget/applyBudgetEvent";
import { fetchReport } from "./fetchReport";
import { parseOutlineEvent } from "./parseOutlineEvent";
import { parseSectionEvent } from "./parseSectionEvent";
import { parseWordCountEvent } from "./parseWordCountEvent";

/** A count pushed by the server, with when it arrived (`performance.now()`). */
export interface LiveCount extends WordCountEvent {
  receivedAt: number;
}

/** Live per-section counts pushed by the server, keyed by section id. */
export type LiveCounts = Readonly<Record<string, LiveCount>>;

/** What {@link useReport} returns. */
export interface ReportState {
  report: ReportView | null;
  error: string | null;
  /** Counts received from `/api/events` since the report was loaded. */
  liveCounts: LiveCounts;
  reload: () => void;
  /** Applies a section as the server answered it (after a workflow action). */
  updateSection: (section: SectionView) => void;
  /** Shows the report as the server answered a change of the outline (unless a newer is shown). */
  replaceReport: (report: ReportView) => void;
}

/** Options of {@link useReport}. */
export interface UseReportOptions {
  /** The signed-in user's role: decides which sections are read-only when a lock changes. */
  role: Role;
  /** The server says the signed-in account changed (`me` event). */
  onAccountChanged: () => void;
  /** The event stream was refused (it may be a 401): the session should be checked. */
  onStreamRefused: () => void;
  /** The outline's structure changed (`outline` event); the report is being reloaded already. */
  onOutline?: (event: OutlineEvent) => void;
}

/** Delay before the event stream is opened again after the server refused it. */
const STREAM_RETRY_MS = 5000;

/** The newer of two reports by outline revision: a late answer never undoes a newer structure. */
function newer(shown: ReportView | null, loaded: ReportView): ReportView {
  return shown && shown.revision > loaded.revision ? shown : loaded;
}

/**
 * Loads `/api/report` and keeps it live from `/api/events`: section word counts (`wordcount`),
 * statuses, locks and leads (`section`), allocations and budget states (`budget`), and the
 * outline's structure (`outline`: the report is loaded again). After the
 * stream reconnects the report is reloaded, so what was missed meanwhile catches up.
 */
export function useReport({
  role,
  onAccountChanged,
  onStreamRefused,
  onOutline,
}: UseReportOptions): ReportState {
  const [report, setReport] = useState<ReportView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [liveCounts, setLiveCounts] = useState<LiveCounts>({});
  const [generation, setGeneration] = useState(0);
  const [streamGeneration, setStreamGeneration] = useState(0);
  const callbacks = useRef({ onAccountChanged, onStreamRefused, onOutline });
  callbacks.current = { onAccountChanged, onStreamRefused, onOutline };
  const roleRef = useRef(role);
  roleRef.current = role;

  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    void generation;
    void role;
    const controller = new AbortController();
    const requestedAt = performance.now();
    fetchReport(controller.signal).then(
      (loaded) => {
        setReport((shown) => newer(shown, loaded));
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
        if (failure instanceof ApiError && failure.status === 401) return;
        setError(errorMessage(failure));
      },
    );
    return () => controller.abort();
  }, [generation, role]);

  const applySectionEvent = useCallback((event: SectionEvent) => {
    setReport((previous) => {
      if (!previous) return previous;
      const { sectionId, ...workflow } = event;
      return {
        ...previous,
        sections: previous.sections.map((section) =>
          section.id === sectionId
            ? {
                ...section,
                ...workflow,
                // The event is the same for everyone; what this user may do follows the shared rules.
                readOnly: !canEditText(roleRef.current, workflow.status),
                allowedActions: allowedActions(roleRef.current, workflow.status),
              }
            : section,
        ),
      };
    });
  }, []);

  const updateSection = useCallback((updated: SectionView) => {
    setReport((previous) =>
      previous
        ? {
            ...previous,
            sections: previous.sections.map((section) =>
              section.id === updated.id ? { ...section, ...updated } : section,
            ),
          }
        : previous,
    );
  }, []);

  const replaceReport = useCallback((answered: ReportView) => {
    setReport((shown) => newer(shown, answered));
  }, []);

  useEffect(() => {
    void streamGeneration;
    if (typeof EventSource === "undefined") return;
    const source = new EventSource(apiUrl("events"));
    let interrupted = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    source.addEventListener("wordcount", (event: MessageEvent<string>) => {
      const count = parseWordCountEvent(event.data);
      if (!count) return;
      const live: LiveCount = { ...count, receivedAt: performance.now() };
      setLiveCounts((previous) => ({ ...previous, [count.sectionId]: live }));
    });
    source.addEventListener("section", (event: MessageEvent<string>) => {
      const change = parseSectionEvent(event.data);
      if (change) applySectionEvent(change);
    });
    source.addEventListener("budget", (event: MessageEvent<string>) => {
      setReport((previous) => (previous ? applyBudgetEvent(previous, event.data) : previous));
    });
    source.addEventListener("outline", (event: MessageEvent<string>) => {
      const change = parseOutlineEvent(event.data);
      reload();
      if (change) callbacks.current.onOutline?.(change);
    });
    source.addEventListener("me", () => callbacks.current.onAccountChanged());
    source.addEventListener("error", () => {
      interrupted = true;
      // EventSource gives up for good on an error answer (a 401 after signing out elsewhere).
      if (source.readyState === EventSource.CLOSED) {
        callbacks.current.onStreamRefused();
        retry = setTimeout(() => setStreamGeneration((g) => g + 1), STREAM_RETRY_MS);
      }
    });
    source.addEventListener("open", () => {
      if (interrupted) {
        interrupted = false;
        reload();
      }
    });
    return () => {
      clearTimeout(retry);
      source.close();
    };
  }, [reload, applySectionEvent, streamGeneration]);

  return { report, error, liveCounts, reload, updateSection, replaceReport };
}
