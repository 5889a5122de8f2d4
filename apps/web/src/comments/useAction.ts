import { useState } from "react";
import { errorMessage } from "../api/errorMessage";

/** Options of a run of {@link useAction}. */
export interface RunOptions {
  /** Stay busy after a success (the form goes away then, and must not send twice meanwhile). */
  keepBusyOnSuccess?: boolean;
}

/** Runs an API call at a time, keeping whether one is under way and the last failure's message. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>, options: RunOptions = {}) => {
    setBusy(true);
    setError(null);
    let succeeded = false;
    try {
      await action();
      succeeded = true;
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      if (!succeeded || !options.keepBusyOnSuccess) setBusy(false);
    }
  };
  return { busy, error, run };
}
