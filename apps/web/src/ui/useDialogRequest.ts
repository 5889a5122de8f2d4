import { useState } from "react";
import { errorMessage } from "../api/errorMessage";

/** What {@link useDialogRequest} gives a dialog. */
export interface DialogRequest {
  /** A request is running (the dialog's main button says so and is disabled). */
  busy: boolean;
  /** The server's refusal, for people; null while there is none. */
  problem: string | null;
  /**
   * Runs `request`; once it succeeds, hands its answer to `done` and closes the dialog; when it
   * fails, shows why and leaves the dialog open to try again.
   */
  send<T>(request: () => Promise<T>, done: (answer: T) => void): void;
}

/** The request a dialog sends to the server when confirmed, with its busy and refused states. */
export function useDialogRequest(onClose: () => void): DialogRequest {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  return {
    busy,
    problem,
    send(request, done) {
      setBusy(true);
      setProblem(null);
      request()
        .then((answer) => {
          done(answer);
          onClose();
        })
        .catch((error: unknown) => {
          setBusy(false);
          setProblem(errorMessage(error));
        });
    },
  };
}
