import type { BudgetView } from "@rapporteur/api";
import { useCallback, useEffect, useState } from "react";
import { ApiError } from "../api/ApiError";
import { apiUrl } from "../api/apiUrl";
import { errorMessage } from "../api/errorMessage";
import { fetchBudget } from "./budgetApi";

/** What {@link useBudget} returns. */
export interface BudgetState {
  budget: BudgetView | null;
  error: string | null;
  /** Loads the figures again. */
  reload: () => void;
  /** Shows figures the server just answered (after an editor's change). */
  replace: (budget: BudgetView) => void;
}

/** Pushed changes arriving closer together than this are fetched once. */
const RELOAD_DELAY_MS = 250;

/**
 * Loads `GET /api/budget` and keeps it live: every `budget` or `wordcount` event of
 * `/api/events` (someone typed, an editor changed a setting) loads the figures again, since
 * history and projection move with the counts.
 */
export function useBudget(): BudgetState {
  const [budget, setBudget] = useState<BudgetView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    void generation;
    const controller = new AbortController();
    fetchBudget(controller.signal).then(
      (loaded) => {
        setBudget(loaded);
        setError(null);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        if (failure instanceof ApiError && failure.status === 401) return;
        setError(errorMessage(failure));
      },
    );
    return () => controller.abort();
  }, [generation]);

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource(apiUrl("events"));
    let timer: ReturnType<typeof setTimeout> | undefined;
    let interrupted = false;
    const schedule = () => {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        reload();
      }, RELOAD_DELAY_MS);
    };
    source.addEventListener("budget", schedule);
    source.addEventListener("wordcount", schedule);
    source.addEventListener("error", () => {
      interrupted = true;
    });
    source.addEventListener("open", () => {
      // Catch up with what happened while the stream was down.
      if (interrupted) schedule();
      interrupted = false;
    });
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [reload]);

  return { budget, error, reload, replace: setBudget };
}
