import type { UserView } from "@rapporteur/api";
import { type ReactNode, useEffect, useMemo, useState } from "react";
import { App } from "./App";
import { UsersPage } from "./admin/UsersPage";
import { errorMessage } from "./api/errorMessage";
import type { SessionCache } from "./collab/SessionCache";
import { localUserOf } from "./identity/LocalUser";
import { Header } from "./layout/Header";
import { LiveAnnouncer } from "./layout/LiveAnnouncer";
import { MessagePanel } from "./layout/MessagePanel";
import { MembersPage } from "./reports/MembersPage";
import { ReportsPage } from "./reports/ReportsPage";
import { useReportList } from "./reports/useReportList";
import { MEMBERS_PATH, REPORTS_PATH, reportPath } from "./routing/parseRoute";
import { useRoute } from "./routing/useRoute";

/** Props of {@link Workspace}. */
export interface WorkspaceProps {
  account: UserView;
  /** The sessions of report `reportId`'s sections (one report's at a time). */
  sessionsFor: (reportId: number) => SessionCache;
  onSignOut: () => Promise<void>;
  /** The server says the account changed: read it again. */
  onAccountChanged: () => void;
  /** Something was refused in a way a lost session would explain: check it. */
  onSessionCheck: () => void;
}

/**
 * A signed-in user's Rapporteur: the report list (`/reports`), the instance's user management,
 * and one report at a time (`/reports/<id>/...`, see {@link App}). `/` opens the user's only
 * report, or the list when there are several. What the user may do in a report is the role the
 * server gives them there.
 */
export function Workspace({
  account,
  sessionsFor,
  onSignOut,
  onAccountChanged,
  onSessionCheck,
}: WorkspaceProps) {
  const { route, navigate } = useRoute();
  const { list, error, reload } = useReportList();
  const user = useMemo(() => localUserOf(account), [account]);
  const [signOutProblem, setSignOutProblem] = useState<string | null>(null);
  const mayAdminister = list?.mayCreate ?? false;

  useEffect(() => {
    if (route.kind !== "root" || !list) return;
    const only = list.reports.length === 1 ? list.reports[0] : undefined;
    navigate(only ? reportPath(only.id) : REPORTS_PATH, { replace: true });
  }, [route.kind, list, navigate]);

  useEffect(() => {
    if ("reportId" in route) return;
    const page = route.kind === "users" ? "Users" : route.kind === "reports" ? "Reports" : null;
    document.title = [page, "Rapporteur"].filter(Boolean).join(" · ");
  });

  const signOut = () => {
    setSignOutProblem(null);
    onSignOut().catch((failure: unknown) =>
      setSignOutProblem(`Signing out failed: ${errorMessage(failure)}`),
    );
  };

  if ("reportId" in route && list) {
    const summary = list.reports.find((report) => report.id === route.reportId);
    const role = summary?.role;
    if (summary && role) {
      return (
        <App
          key={summary.id}
          route={route}
          navigate={navigate}
          title={summary.title}
          account={role === account.role ? account : { ...account, role }}
          mayAdminister={mayAdminister}
          sessions={sessionsFor(summary.id)}
          onMembersChanged={reload}
          onSignOut={onSignOut}
          onAccountChanged={() => {
            onAccountChanged();
            reload();
          }}
          onSessionCheck={onSessionCheck}
        />
      );
    }
  }

  const allReports = (
    <p>
      <a
        href={REPORTS_PATH}
        onClick={(event) => {
          event.preventDefault();
          navigate(REPORTS_PATH);
        }}
      >
        See all your reports
      </a>
    </p>
  );

  // An administrator who is not a member of the report (the list shows them every report): the
  // server opens only its members to them, from which they may add themselves.
  const outsider =
    "reportId" in route ? list?.reports.find((report) => report.id === route.reportId) : undefined;
  const outsiderMembersPath = outsider ? reportPath(outsider.id, MEMBERS_PATH) : "";

  let main: ReactNode;
  if (outsider && route.kind === "members") {
    main = (
      <MembersPage
        reportId={outsider.id}
        title={outsider.title}
        account={account}
        mayAdminister={mayAdminister}
        onChanged={reload}
      />
    );
  } else if (outsider) {
    main = (
      <MessagePanel title="You are not a member of this report" tone="error">
        <p>
          “{outsider.title}” is open to its members only. As an administrator you can add yourself,
          or others, on its{" "}
          <a
            href={outsiderMembersPath}
            onClick={(event) => {
              event.preventDefault();
              navigate(outsiderMembersPath);
            }}
          >
            Members page
          </a>
          .
        </p>
        {allReports}
      </MessagePanel>
    );
  } else if (error && !list) {
    main = (
      <MessagePanel title="Your reports could not be loaded" tone="error" onRetry={reload}>
        <p>{error}</p>
      </MessagePanel>
    );
  } else if (!list) {
    main = <MessagePanel title="Loading your reports…" />;
  } else if ("reportId" in route) {
    main = (
      <MessagePanel title="Report not found" tone="error">
        <p>There is no report {route.reportId} among yours.</p>
        {allReports}
      </MessagePanel>
    );
  } else if (route.kind === "reports" || route.kind === "root") {
    main = (
      <ReportsPage
        list={list}
        navigate={navigate}
        onCreated={(id) => {
          reload();
          navigate(reportPath(id));
        }}
      />
    );
  } else if (route.kind === "users" && mayAdminister) {
    main = <UsersPage account={account} />;
  } else if (route.kind === "users") {
    main = (
      <MessagePanel title="Editors only" tone="error">
        <p>User management is open to the instance's administrators (editors) only.</p>
        {allReports}
      </MessagePanel>
    );
  } else {
    main = (
      <MessagePanel title="Page not found" tone="error">
        <p>This page does not exist.</p>
        {allReports}
      </MessagePanel>
    );
  }

  return (
    <div className="app">
      <Header
        report={null}
        connection={null}
        people={[]}
        account={account}
        mayAdminister={mayAdminister}
        user={user}
        section={null}
        exportFormats={[]}
        navigate={navigate}
        onSignOut={signOut}
      />
      {signOutProblem && (
        <p className="notice notice--error app__notice" role="alert">
          {signOutProblem}
        </p>
      )}
      <div className="app__page">{main}</div>
      <LiveAnnouncer />
    </div>
  );
}
