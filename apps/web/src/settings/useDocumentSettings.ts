import type { DocumentSettingsView } from "@rapporteur/api";
import { useCallback, useEffect, useState } from "react";
import { ApiError } from "../api/ApiError";
import { apiUrl } from "../api/apiUrl";
import { errorMessage } from "../api/errorMessage";
import { eventObject } from "../api/eventObject";
import { fetchDocumentSettings } from "./settingsApi";

/** What {@link useDocumentSettings} returns. */
export interface DocumentSettingsState {
  view: DocumentSettingsView | null;
  error: string | null;
  /** Shows settings the server just answered (after this editor's change). */
  replace: (view: DocumentSettingsView) => void;
}

/**
 * Loads `GET /api/report/settings` and keeps it live: the `settings` event of `/api/events`
 * carries every editor's change, so everyone sees the masthead the next export will print.
 */
export function useDocumentSettings(): DocumentSettingsState {
  const [view, setView] = useState<DocumentSettingsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback((signal?: AbortSignal) => {
    fetchDocumentSettings(signal).then(
      (loaded) => {
        setView(loaded);
        setError(null);
      },
      (failure: unknown) => {
        if (signal?.aborted) return;
        if (failure instanceof ApiError && failure.status === 401) return;
        setError(errorMessage(failure));
      },
    );
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal);
    return () => controller.abort();
  }, [load]);

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource(apiUrl("events"));
    let interrupted = false;
    source.addEventListener("settings", (event) => {
      const data = eventObject("settings", (event as MessageEvent<string>).data);
      if (data && typeof data.settings === "object" && data.settings !== null) {
        setView(data as DocumentSettingsView);
      }
    });
    source.addEventListener("error", () => {
      interrupted = true;
    });
    source.addEventListener("open", () => {
      // Catch up with what changed while the stream was down.
      if (interrupted) load();
      interrupted = false;
    });
    return () => source.close();
  }, [load]);

  return { view, error, replace: setView };
}
