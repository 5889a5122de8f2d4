import { useCallback, useState } from "react";
import { errorMessage } from "../api/errorMessage";

/** What {@link useActionFeedback} gives a page. */
export interface ActionFeedback {
  /** What went wrong last (the server's message), shown by PageError. */
  problem: string | null;
  /** What the last action did, for people (a status line). */
  notice: string | null;
  setProblem(problem: string | null): void;
  setNotice(notice: string | null): void;
  /**
   * Runs `action` with the page's feedback cleared: on success `done` (given its result) says
   * what it did; on failure the error's message becomes the problem. Resolves to whether it worked.
   */
  run<T>(action: () => Promise<T>, done: (result: T) => string | null): Promise<boolean>;
}

/** One problem and one notice for a page whose actions each say how they went. */
export function useActionFeedback(): ActionFeedback {
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const run = useCallback(
    async <T>(action: () => Promise<T>, done: (result: T) => string | null) => {
      setProblem(null);
      setNotice(null);
      try {
        setNotice(done(await action()));
        return true;
      } catch (error) {
        setProblem(errorMessage(error));
        return false;
      }
    },
    [],
  );
  return { problem, notice, setProblem, setNotice, run };
}
