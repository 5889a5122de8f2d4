import { CloseCode, type OutlineEvent, type UserView } from "@rapporteur/api";
import { countedWords, DEFAULT_FOOTNOTES_COUNT } from "@rapporteur/budget/rules";
import type { DocumentCount } from "@rapporteur/wordcount";
import {
  type ReactNode,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import { AuditPage } from "./admin/AuditPage";
import { scopeApiToReport } from "./api/apiUrl";
import { errorMessage } from "./api/errorMessage";
import { BudgetPage } from "./budget/BudgetPage";
import type { SectionSession } from "./collab/SectionSession";
import type { SessionCache } from "./collab/SessionCache";
import { type PresentUser, usePresence } from "./collab/usePresence";
import { ReviewPage } from "./comments/ReviewPage";
import { CoveragePage } from "./evidence/CoveragePage";
import { EvidencePage } from "./evidence/EvidencePage";
import { SourcePage } from "./evidence/SourcePage";
import { ThemesPage } from "./evidence/ThemesPage";
import { localUserOf } from "./identity/LocalUser";
import { announce } from "./layout/announce";
import { Header } from "./layout/Header";
import { LiveAnnouncer } from "./layout/LiveAnnouncer";
import { MessagePanel } from "./layout/MessagePanel";
import { OutlineNav } from "./layout/OutlineNav";
import { followOutline, type OutlineFollow } from "./outline/followOutline";
import { OutlinePage } from "./outline/OutlinePage";
import { ReportIdContext } from "./report/ReportIdContext";
import { useReport } from "./report/useReport";
import { MembersPage } from "./reports/MembersPage";
import { InAppLink } from "./routing/InAppLink";
import { OUTLINE_PATH, type ReportRoute, reportPath, sectionPath } from "./routing/parseRoute";
import { SectionPage } from "./SectionPage";
import { DocumentSettingsPage } from "./settings/DocumentSettingsPage";
import { useMySectionsFilter } from "./workflow/useMySectionsFilter";

const NO_SESSION = { subscribe: () => () => {}, getSnapshot: () => null };

/** Props of {@link App}. */
export interface AppProps {
  /** The open report and its page. */
  route: ReportRoute;
  navigate: (path: string, options?: { replace?: boolean }) => void;
  /** The report's title in the report list. */
  title: string;
  /** The account, with the role the server gives it in this report. */
  account: UserView;
  /** The server says the user is an instance administrator (`ReportListAnswer.mayCreate`). */
  mayAdminister: boolean;
  /** The sessions of this report's sections. */
  sessions: SessionCache;
  /** A membership of this report changed (the user's own role in it may have). */
  onMembersChanged: () => void;
  onSignOut: () => Promise<void>;
  /** The server says the account changed: read it again. */
  onAccountChanged: () => void;
  /** Something was refused in a way a lost session would explain: check it. */
  onSessionCheck: () => void;
}

/**
 * One report open for a signed-in user: header, outline, and the open page. Mounted once per
 * report (keyed by its id): every API call, event stream and section connection below is the
 * report's.
 */
export function App({
  route,
  navigate,
  title,
  account,
  mayAdminister,
  sessions,
  onMembersChanged,
  onSignOut,
  onAccountChanged,
  onSessionCheck,
}: AppProps) {
  const { reportId } = route;
  // Before any child renders or effect runs: they call this report's routes.
  scopeApiToReport(reportId);
  const user = useMemo(() => localUserOf(account), [account]);
  // What a structural change did to the open page, shown on the page it led to.
  const [followed, setFollowed] = useState<{ follow: OutlineFollow; path: string } | null>(null);
  // Sections that left the outline: their sessions are closed once they are not open.
  const retired = useRef(new Map<string, number>());
  const followRef = useRef<(event: OutlineEvent) => void>(() => {});
  const onOutline = useCallback((event: OutlineEvent) => followRef.current(event), []);
  const { report, error, liveCounts, reload, updateSection, replaceReport } = useReport({
    role: account.role,
    onAccountChanged,
    onStreamRefused: onSessionCheck,
    onOutline,
  });
  const [localCount, setLocalCount] = useState<{ id: string; count: DocumentCount } | null>(null);
  const [mySectionsOnly, setMySectionsOnly] = useMySectionsFilter(reportId);
  const [signOutProblem, setSignOutProblem] = useState<string | null>(null);

  const sectionId = route.kind === "section" ? route.sectionId : null;
  const section = report?.sections.find((s) => s.id === sectionId) ?? null;
  const openId = section?.id ?? null;

  // The structure changed: whoever is in a section merged away or archived follows its text.
  followRef.current = (event: OutlineEvent) => {
    for (const id of event.archived) retired.current.set(id, event.revision);
    const follow = followOutline(
      event,
      sectionId,
      (id) => report?.sections.find((s) => s.id === id)?.title,
    );
    if (!follow) return;
    const path =
      follow.goTo?.kind === "section"
        ? sectionPath(reportId, follow.goTo.sectionId)
        : follow.goTo?.kind === "outline"
          ? reportPath(reportId, OUTLINE_PATH)
          : window.location.pathname;
    setFollowed({ follow, path });
    announce(follow.notice, "outline-follow");
    navigate(path, { replace: true });
  };
  const outlineNotice =
    followed && followed.path === window.location.pathname ? followed.follow : null;

  useEffect(() => {
    const first = report?.sections[0];
    if (route.kind === "home" && first) {
      navigate(sectionPath(reportId, first.id), { replace: true });
    }
  }, [route, report, navigate, reportId]);

  useEffect(() => {
    const page =
      route.kind === "members"
        ? "Members"
        : route.kind === "audit"
          ? "Audit log"
          : route.kind === "review"
            ? "Review comments"
            : route.kind === "budget"
              ? "Word budget"
              : route.kind === "settings"
                ? "Document settings"
                : route.kind === "outline"
                  ? "Outline"
                  : route.kind === "evidence" || route.kind === "evidenceSource"
                    ? "Evidence"
                    : route.kind === "evidenceCoverage"
                      ? "Evidence coverage"
                      : route.kind === "evidenceThemes"
                        ? "Evidence themes"
                        : section?.title;
    const parts = [page, report?.shortTitle, "Rapporteur"].filter(Boolean);
    document.title = parts.join(" · ");
  }, [section, report, route.kind]);

  // Sessions are cached, so reopening a section is instant; activating is idempotent.
  const session: SectionSession | null = useMemo(
    () => (openId ? sessions.activate(openId, user) : null),
    [sessions, openId, user],
  );
  useEffect(() => {
    if (!session) sessions.deactivate();
    sessions.settle();
    for (const [id, revision] of retired.current) {
      // Restored since: it is a section like any other again.
      const restored =
        report && report.revision > revision && report.sections.some((s) => s.id === id);
      if (restored) retired.current.delete(id);
      else sessions.retire(id);
    }
  }, [session, sessions, report]);

  const snapshot = useSyncExternalStore(
    session?.subscribe ?? NO_SESSION.subscribe,
    session?.getSnapshot ?? NO_SESSION.getSnapshot,
  );
  // The server closed the open section as retired: the outline event may have been missed.
  const retiredHere = snapshot?.refusalCode === CloseCode.sectionRetired;
  useEffect(() => {
    if (retiredHere) reload();
  }, [retiredHere, reload]);
  const people = usePresenceOf(session);

  const onWordCount = useCallback(
    (count: DocumentCount | null) => {
      setLocalCount(count && openId ? { id: openId, count } : null);
    },
    [openId],
  );

  const countOf = useCallback(
    (id: string): DocumentCount => {
      // The editor's own count once it holds the server's state (before, it may be empty).
      if (localCount && localCount.id === id && snapshot?.hasSynced) return localCount.count;
      const live = liveCounts[id];
      if (live) return live;
      const fromReport = report?.sections.find((s) => s.id === id);
      return { words: fromReport?.words ?? 0, footnoteWords: fromReport?.footnoteWords ?? 0 };
    },
    [localCount, liveCounts, report, snapshot?.hasSynced],
  );
  // Words counted against the budget, as the Budget page and the outline's bars count them.
  const footnotesCount = report?.footnotesCount ?? DEFAULT_FOOTNOTES_COUNT;
  const wordsOf = useCallback(
    (id: string) => countedWords(countOf(id), footnotesCount),
    [countOf, footnotesCount],
  );
  const openSection = useCallback(
    (id: string) => navigate(sectionPath(reportId, id)),
    [navigate, reportId],
  );

  const goHome = (
    <p>
      <a
        href={reportPath(reportId)}
        onClick={(event) => {
          event.preventDefault();
          navigate(reportPath(reportId));
        }}
      >
        Go to the first section of the report
      </a>
    </p>
  );

  let main: ReactNode;
  if (
    (route.kind === "audit" && account.role !== "editor") ||
    (route.kind === "members" && account.role !== "editor" && !mayAdminister)
  ) {
    main = (
      <MessagePanel title="Editors only" tone="error">
        <p>
          {route.kind === "members" ? "The members of a report are" : "The audit log is"} open to
          the report's editors only. You are a {account.role} in this report.
        </p>
        {goHome}
      </MessagePanel>
    );
  } else if (route.kind === "members") {
    main = (
      <MembersPage
        reportId={reportId}
        title={title}
        account={account}
        mayAdminister={mayAdminister}
        onChanged={onMembersChanged}
      />
    );
  } else if (route.kind === "audit") {
    main = <AuditPage />;
  } else if (route.kind === "budget") {
    main = <BudgetPage role={account.role} onOpenSection={openSection} />;
  } else if (route.kind === "settings") {
    main = <DocumentSettingsPage role={account.role} />;
  } else if (route.kind === "outline" && report) {
    main = (
      <OutlinePage
        report={report}
        role={account.role}
        onOpenSection={openSection}
        onReport={replaceReport}
        reload={reload}
      />
    );
  } else if (route.kind === "evidence") {
    main = <EvidencePage query={window.location.search} navigate={navigate} />;
  } else if (route.kind === "evidenceCoverage") {
    main = <CoveragePage report={report} navigate={navigate} />;
  } else if (route.kind === "evidenceThemes") {
    main = <ThemesPage navigate={navigate} />;
  } else if (route.kind === "evidenceSource") {
    main = (
      <SourcePage
        key={route.sourceId}
        sourceId={route.sourceId}
        query={window.location.search}
        navigate={navigate}
      />
    );
  } else if (error && !report) {
    main = (
      <MessagePanel title="The report could not be loaded" tone="error" onRetry={reload}>
        <p>{error}</p>
      </MessagePanel>
    );
  } else if (!report) {
    main = <MessagePanel title="Loading the report…" />;
  } else if (route.kind === "review") {
    main = <ReviewPage report={report} navigate={navigate} />;
  } else if (route.kind === "section" && !section) {
    main = (
      <MessagePanel title="Section not found" tone="error">
        <p>There is no section “{route.sectionId}” in the outline.</p>
        {goHome}
      </MessagePanel>
    );
  } else if (section && session) {
    const count = countOf(section.id);
    main = (
      <SectionPage
        key={section.id}
        session={session}
        account={account}
        user={user}
        section={section}
        part={report.parts.find((p) => p.id === section.part)}
        position={{ index: report.sections.indexOf(section), total: report.sections.length }}
        words={count.words}
        footnoteWords={count.footnoteWords}
        footnotesCount={report.footnotesCount}
        people={people}
        onWordCount={onWordCount}
        onSectionUpdated={updateSection}
      />
    );
  } else {
    main = <MessagePanel title="Opening the report…" />;
  }

  return (
    <ReportIdContext.Provider value={reportId}>
      <div className="app">
        <Header
          report={{ id: reportId, title, symbol: report?.symbol ?? null }}
          connection={section ? (snapshot?.connection ?? null) : null}
          people={section ? people : []}
          account={account}
          mayAdminister={mayAdminister}
          user={user}
          section={section ? { id: section.id, title: section.title } : null}
          exportFormats={report?.exportFormats ?? []}
          navigate={navigate}
          onSignOut={() => {
            setSignOutProblem(null);
            onSignOut().catch((failure: unknown) =>
              setSignOutProblem(`Signing out failed: ${errorMessage(failure)}`),
            );
          }}
        />
        {outlineNotice && (
          <p className="notice notice--ok app__notice" role="status" data-testid="outline-notice">
            <span>{outlineNotice.notice}</span>
            {outlineNotice.offer && (
              <InAppLink
                path={sectionPath(reportId, outlineNotice.offer.sectionId)}
                className="app__notice-link"
                active={false}
                testId="outline-notice-link"
                onOpen={() => {
                  const offer = outlineNotice.offer;
                  setFollowed(null);
                  if (offer) navigate(sectionPath(reportId, offer.sectionId));
                }}
              >
                {outlineNotice.offer.label}
              </InAppLink>
            )}
            <button
              type="button"
              className="close-button"
              aria-label="Dismiss"
              onClick={() => setFollowed(null)}
            >
              ×
            </button>
          </p>
        )}
        {signOutProblem && (
          <p className="notice notice--error app__notice" role="alert">
            {signOutProblem}
          </p>
        )}
        <div className="app__body">
          <div className="app__sidebar">
            {report ? (
              <OutlineNav
                report={report}
                activeSectionId={section?.id ?? null}
                wordsOf={wordsOf}
                onOpen={openSection}
                userId={account.id}
                mySectionsOnly={mySectionsOnly}
                onMySectionsOnly={setMySectionsOnly}
                outlineActive={route.kind === "outline"}
                onOpenOutline={() => navigate(reportPath(reportId, OUTLINE_PATH))}
              />
            ) : null}
          </div>
          <div className="app__main">{main}</div>
        </div>
        <LiveAnnouncer />
      </div>
    </ReportIdContext.Provider>
  );
}

function usePresenceOf(session: SectionSession | null): PresentUser[] {
  return usePresence(session?.provider.awareness ?? null);
}
