import type { DocumentCount } from "@rapporteur/wordcount";
import {
  type ReactNode,
  useCallback,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
} from "react";
import type { SectionSession } from "./collab/SectionSession";
import type { SessionCache } from "./collab/SessionCache";
import { type PresentUser, usePresence } from "./collab/usePresence";
import { NameDialog } from "./identity/NameDialog";
import { useDisplayName } from "./identity/useDisplayName";
import { Header } from "./layout/Header";
import { MessagePanel } from "./layout/MessagePanel";
import { OutlineNav } from "./layout/OutlineNav";
import { useReport } from "./report/useReport";
import { sectionPath } from "./routing/parseRoute";
import { useRoute } from "./routing/useRoute";
import { SectionPage } from "./SectionPage";

const NO_SESSION = { subscribe: () => () => {}, getSnapshot: () => null };

/** The Rapporteur web app: header, outline, and the open section. */
export function App({ sessions }: { sessions: SessionCache }) {
  const { user, setName } = useDisplayName();
  const { report, error, liveCounts, reload } = useReport();
  const { route, navigate } = useRoute();
  const [renaming, setRenaming] = useState(false);
  const [localCount, setLocalCount] = useState<{ id: string; count: DocumentCount } | null>(null);

  const sectionId = route.kind === "section" ? route.sectionId : null;
  const section = report?.sections.find((s) => s.id === sectionId) ?? null;

  useEffect(() => {
    const first = report?.sections[0];
    if (route.kind === "home" && first) navigate(sectionPath(first.id), { replace: true });
  }, [route, report, navigate]);

  useEffect(() => {
    const parts = [section?.title, report?.shortTitle, "Rapporteur"].filter(Boolean);
    document.title = parts.join(" · ");
  }, [section, report]);

  // Sessions are cached, so reopening a section is instant; activating is idempotent.
  const session: SectionSession | null = useMemo(
    () => (section && user ? sessions.activate(section.id, user) : null),
    [sessions, section, user],
  );
  useEffect(() => {
    if (!session) sessions.deactivate();
    sessions.settle();
  }, [session, sessions]);

  const snapshot = useSyncExternalStore(
    session?.subscribe ?? NO_SESSION.subscribe,
    session?.getSnapshot ?? NO_SESSION.getSnapshot,
  );
  const people = usePresenceOf(session);

  const openId = section?.id ?? null;
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
  const wordsOf = useCallback((id: string) => countOf(id).words, [countOf]);
  const openSection = useCallback((id: string) => navigate(sectionPath(id)), [navigate]);

  let main: ReactNode;
  if (error && !report) {
    main = (
      <MessagePanel title="The report could not be loaded" tone="error">
        <p>{error}</p>
        <button type="button" className="button button--primary" onClick={reload}>
          Try again
        </button>
      </MessagePanel>
    );
  } else if (!report) {
    main = <MessagePanel title="Loading the report…" />;
  } else if (route.kind === "notFound" || (route.kind === "section" && !section)) {
    const what =
      route.kind === "section"
        ? `There is no section “${route.sectionId}” in the outline.`
        : "This page does not exist.";
    main = (
      <MessagePanel title="Section not found" tone="error">
        <p>{what}</p>
        <p>
          <a
            href="/"
            onClick={(event) => {
              event.preventDefault();
              navigate("/");
            }}
          >
            Go to the first section of the report
          </a>
        </p>
      </MessagePanel>
    );
  } else if (section && session && user) {
    const count = countOf(section.id);
    main = (
      <SectionPage
        key={section.id}
        session={session}
        user={user}
        section={section}
        part={report.parts.find((p) => p.id === section.part)}
        position={{ index: report.sections.indexOf(section), total: report.sections.length }}
        words={count.words}
        footnoteWords={count.footnoteWords}
        people={people}
        onWordCount={onWordCount}
      />
    );
  } else if (section && !user) {
    main = (
      <MessagePanel title={section.title}>Choose a display name to start drafting.</MessagePanel>
    );
  } else {
    main = <MessagePanel title="Opening the report…" />;
  }

  return (
    <div className="app">
      <Header
        shortTitle={report?.shortTitle ?? null}
        symbol={report?.symbol ?? null}
        connection={snapshot?.connection ?? null}
        people={people}
        user={user}
        onChangeName={() => setRenaming(true)}
      />
      <div className="app__body">
        <div className="app__sidebar">
          {report ? (
            <OutlineNav
              report={report}
              activeSectionId={section?.id ?? null}
              wordsOf={wordsOf}
              onOpen={openSection}
            />
          ) : null}
        </div>
        <div className="app__main">{main}</div>
      </div>
      {(!user || renaming) && (
        <NameDialog
          currentName={user?.name}
          onSubmit={(name) => {
            setName(name);
            setRenaming(false);
          }}
          onCancel={user ? () => setRenaming(false) : undefined}
        />
      )}
    </div>
  );
}

function usePresenceOf(session: SectionSession | null): PresentUser[] {
  return usePresence(session?.provider.awareness ?? null);
}
