import type { UserView } from "@rapporteur/api";
import { useCallback, useEffect, useRef } from "react";
import { App } from "./App";
import { reportSessionLost } from "./api/sessionLost";
import { SignInPage } from "./auth/SignInPage";
import { useAccount } from "./auth/useAccount";
import { collabUrl } from "./collab/collabUrl";
import { forgetLocalCopies } from "./collab/forgetLocalCopies";
import { SessionCache } from "./collab/SessionCache";
import { MessagePanel } from "./layout/MessagePanel";

/** Prefix of the IndexedDB copies of one account's sections. */
function storagePrefix(account: UserView): string {
  return `rapporteur:${account.id}`;
}

/**
 * The app behind sign-in: the sign-in page until `/api/auth/me` knows the user, then the app
 * with the account's sections. Signing out (or the server ending the session) closes every
 * collaboration connection.
 */
export function Root() {
  const { state, signIn, signOut, refresh, verify } = useAccount();
  const cache = useRef<{ accountId: number; sessions: SessionCache } | null>(null);

  const account = state.kind === "signedIn" ? state.account : null;
  if (account && cache.current?.accountId !== account.id) {
    cache.current?.sessions.closeAll();
    cache.current = {
      accountId: account.id,
      sessions: new SessionCache({
        collabUrl: collabUrl(window.location),
        storagePrefix: storagePrefix(account),
        onSessionEnded: (reason) => reportSessionLost(reason),
        onConnectionFailing: () => verify(),
      }),
    };
  }

  useEffect(() => {
    if (state.kind === "signedIn" || !cache.current) return;
    cache.current.sessions.closeAll();
    cache.current = null;
  }, [state.kind]);

  useEffect(() => {
    // Playwright's setOffline and real network loss fire these; an open WebSocket may not notice.
    const onOffline = () => cache.current?.sessions.setOnline(false);
    const onOnline = () => cache.current?.sessions.setOnline(true);
    window.addEventListener("offline", onOffline);
    window.addEventListener("online", onOnline);
    return () => {
      window.removeEventListener("offline", onOffline);
      window.removeEventListener("online", onOnline);
    };
  }, []);

  const onSignOut = useCallback(async () => {
    const current = cache.current;
    await signOut();
    if (account) {
      current?.sessions.closeAll({ forget: true });
      // Nothing of the report stays in this browser for the next person at this computer.
      await forgetLocalCopies(`${storagePrefix(account)}:`);
    }
  }, [signOut, account]);

  if (state.kind === "checking") {
    return <div className="boot" aria-busy="true" />;
  }
  if (state.kind === "unreachable") {
    return (
      <MessagePanel title="Rapporteur cannot be reached" tone="error" onRetry={refresh}>
        <p>{state.message}</p>
      </MessagePanel>
    );
  }
  if (state.kind === "signedOut" || !account || !cache.current) {
    return (
      <SignInPage notice={state.kind === "signedOut" ? state.notice : null} onSignIn={signIn} />
    );
  }
  return (
    <App
      key={account.id}
      account={account}
      sessions={cache.current.sessions}
      onSignOut={onSignOut}
      onAccountChanged={refresh}
      onSessionCheck={verify}
    />
  );
}
