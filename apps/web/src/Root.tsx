import { useCallback, useEffect, useRef } from "react";
import { reportSessionLost } from "./api/sessionLost";
import { SignInPage } from "./auth/SignInPage";
import { useAccount } from "./auth/useAccount";
import { collabUrl } from "./collab/collabUrl";
import { forgetLocalCopies } from "./collab/forgetLocalCopies";
import { accountCopiesPrefix, localCopyPrefix } from "./collab/localCopyPrefix";
import { SessionCache } from "./collab/SessionCache";
import { MessagePanel } from "./layout/MessagePanel";
import { Workspace } from "./Workspace";

/**
 * The app behind sign-in: the sign-in page until `/api/auth/me` knows the user, then the
 * account's reports. Signing out (or the server ending the session) closes every collaboration
 * connection.
 */
export function Root() {
  const { state, signIn, signOut, refresh, verify } = useAccount();
  // The open report's sessions: one report's connections at a time.
  const cache = useRef<{ accountId: number; reportId: number; sessions: SessionCache } | null>(
    null,
  );

  const account = state.kind === "signedIn" ? state.account : null;
  if (account && cache.current && cache.current.accountId !== account.id) {
    cache.current.sessions.closeAll();
    cache.current = null;
  }

  /** The sessions of report `reportId`'s sections; idempotent, so it may run during render. */
  const sessionsFor = useCallback(
    (reportId: number): SessionCache => {
      if (!account) throw new Error("Sections are opened only when signed in");
      const current = cache.current;
      if (current && current.accountId === account.id && current.reportId === reportId) {
        return current.sessions;
      }
      current?.sessions.closeAll();
      const sessions = new SessionCache({
        collabUrl: collabUrl(window.location, reportId),
        storagePrefix: localCopyPrefix(account.id, reportId),
        onSessionEnded: (reason) => reportSessionLost(reason),
        onConnectionFailing: () => verify(),
      });
      cache.current = { accountId: account.id, reportId, sessions };
      return sessions;
    },
    [account, verify],
  );

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
      await forgetLocalCopies(accountCopiesPrefix(account.id));
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
  if (state.kind === "signedOut" || !account) {
    return (
      <SignInPage notice={state.kind === "signedOut" ? state.notice : null} onSignIn={signIn} />
    );
  }
  return (
    <Workspace
      key={account.id}
      account={account}
      sessionsFor={sessionsFor}
      onSignOut={onSignOut}
      onAccountChanged={refresh}
      onSessionCheck={verify}
    />
  );
}
