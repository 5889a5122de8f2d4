import type { UserView } from "@rapporteur/api";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "../api/ApiError";
import { apiRequest } from "../api/apiRequest";
import { errorMessage } from "../api/errorMessage";
import { onSessionLost } from "../api/sessionLost";

/** Where the user stands: being checked, signed out (with why), or signed in. */
export type AccountState =
  | { kind: "checking" }
  | { kind: "unreachable"; message: string }
  | { kind: "signedOut"; notice: string | null }
  | { kind: "signedIn"; account: UserView };

/** What {@link useAccount} returns. */
export interface AccountControls {
  state: AccountState;
  /** Signs in; throws {@link ApiError} when the server refuses. */
  signIn: (username: string, password: string) => Promise<void>;
  /** Ends the session on the server and shows the sign-in page. */
  signOut: () => Promise<void>;
  /** Reads `/api/auth/me` again now (the server said the account changed). */
  refresh: () => void;
  /** Checks the session again unless just checked (a connection keeps failing). */
  verify: () => void;
}

/** Re-checks of the session triggered by failing connections happen at most this often. */
const MIN_RECHECK_MS = 3000;

/**
 * The signed-in account from `GET /api/auth/me`, kept current: any 401 or 4401 close anywhere
 * in the app signs the user out with the server's reason.
 */
export function useAccount(): AccountControls {
  const [state, setState] = useState<AccountState>({ kind: "checking" });
  const lastCheck = useRef(0);

  const check = useCallback(async () => {
    lastCheck.current = Date.now();
    try {
      const me = await apiRequest("me", { sessionRequired: false });
      setState((previous) =>
        previous.kind === "signedIn" && sameAccount(previous.account, me.user)
          ? previous
          : { kind: "signedIn", account: me.user },
      );
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setState((previous) =>
          previous.kind === "signedOut"
            ? previous
            : {
                kind: "signedOut",
                notice:
                  previous.kind === "signedIn" ? "Your session has ended: sign in again." : null,
              },
        );
      } else {
        // A signed-in user keeps working (offline edits are kept); otherwise say so.
        const message = errorMessage(error);
        setState((previous) =>
          previous.kind === "signedIn" ? previous : { kind: "unreachable", message },
        );
      }
    }
  }, []);

  useEffect(() => {
    void check();
  }, [check]);

  useEffect(
    () =>
      onSessionLost((reason) => {
        setState((previous) =>
          previous.kind === "signedIn"
            ? { kind: "signedOut", notice: reason ?? "Your session has ended: sign in again." }
            : previous,
        );
      }),
    [],
  );

  const signIn = useCallback(async (username: string, password: string) => {
    const me = await apiRequest("login", {
      body: { username, password },
      sessionRequired: false,
    });
    setState({ kind: "signedIn", account: me.user });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await apiRequest("logout", { sessionRequired: false });
    } catch (error) {
      // Already signed out on the server (401): the result is the same.
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    setState({ kind: "signedOut", notice: "You have signed out." });
  }, []);

  const refresh = useCallback(() => void check(), [check]);
  const verify = useCallback(() => {
    if (Date.now() - lastCheck.current < MIN_RECHECK_MS) return;
    void check();
  }, [check]);

  return { state, signIn, signOut, refresh, verify };
}

function sameAccount(a: UserView, b: UserView): boolean {
  return (
    a.id === b.id &&
    a.username === b.username &&
    a.displayName === b.displayName &&
    a.role === b.role
  );
}
