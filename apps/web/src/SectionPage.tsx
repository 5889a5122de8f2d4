import type { ReportPart, SectionView, UserView } from "@rapporteur/api";
import { CloseCode } from "@rapporteur/api";
import type { DocumentCount } from "@rapporteur/wordcount";
import { useEffect, useRef, useSyncExternalStore } from "react";
import type { SectionSession } from "./collab/SectionSession";
import type { PresentUser } from "./collab/usePresence";
import { CommentsPanel } from "./comments/CommentsPanel";
import { SectionEditor } from "./editor/SectionEditor";
import { HistoryPanel } from "./history/HistoryPanel";
import { VersionsPanel } from "./history/VersionsPanel";
import type { LocalUser } from "./identity/LocalUser";
import { announce } from "./layout/announce";
import { SidePanel } from "./layout/SidePanel";
import { LockIcon } from "./ui/LockIcon";
import { readOnlyNotice } from "./workflow/readOnlyNotice";
import { WorkflowBar } from "./workflow/WorkflowBar";

/** Props of {@link SectionPage}. */
export interface SectionPageProps {
  session: SectionSession;
  account: UserView;
  user: LocalUser;
  section: SectionView;
  part: ReportPart | undefined;
  position: { index: number; total: number };
  words: number;
  footnoteWords: number;
  /** Whether footnote words count against the allocation (from `/api/report`). */
  footnotesCount: boolean;
  people: PresentUser[];
  onWordCount: (count: DocumentCount | null) => void;
  onSectionUpdated: (section: SectionView) => void;
}

/** Close code of a connection the server made read-only after it sent an edit. */

/**
 * One section: its fixed title, status and workflow actions, the toolbar and editor (read-only
 * with a banner saying why when the user's role or the section's lock says so), and the side
 * panel.
 */
export function SectionPage({
  session,
  account,
  user,
  section,
  part,
  position,
  words,
  footnoteWords,
  footnotesCount,
  people,
  onWordCount,
  onSectionUpdated,
}: SectionPageProps) {
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const refusedAsReadOnly = snapshot.refusalCode === CloseCode.forbidden;
  const readOnly = section.readOnly || refusedAsReadOnly;

  // The server closes (4403) a connection that edits a section just locked, and y-websocket does
  // not retry: connect again once newer news of the section says this user may edit it (reopened,
  // new role). Edits refused meanwhile are still in the document and are sent then.
  const sectionAtRefusal = useRef<SectionView | null>(null);
  useEffect(() => {
    if (!refusedAsReadOnly) {
      sectionAtRefusal.current = null;
    } else if (sectionAtRefusal.current === null) {
      sectionAtRefusal.current = section;
    } else if (section !== sectionAtRefusal.current && !section.readOnly) {
      sectionAtRefusal.current = null;
      session.reconnect();
    }
  }, [refusedAsReadOnly, section, session]);

  // Said aloud when it changes while the section is open: a lock stops typing without warning.
  const wasReadOnly = useRef(readOnly);
  useEffect(() => {
    if (wasReadOnly.current === readOnly) return;
    wasReadOnly.current = readOnly;
    announce(
      readOnly
        ? section.locked
          ? `“${section.title}” was approved and locked: it is read-only now.`
          : `“${section.title}” is read-only now.`
        : `“${section.title}” can be edited again.`,
      "read-only",
    );
  }, [readOnly, section.locked, section.title]);

  const notice =
    readOnlyNotice(account.role, section) ??
    (refusedAsReadOnly ? `Read-only: ${snapshot.refusal?.replace(/^read-only:\s*/, "")}` : null);
  const otherRefusal = snapshot.refusal && !refusedAsReadOnly ? snapshot.refusal : null;

  return (
    <div className="section-page">
      <main className="document" id="editor-main" aria-labelledby="section-title" tabIndex={-1}>
        <header className="document__head">
          <p className="document__eyebrow">
            {part?.title ?? "Section"}
            <span className="document__position">
              {" "}
              · Section {position.index + 1} of {position.total}
            </span>
          </p>
          <h1 id="section-title" className="document__title">
            {section.title}
          </h1>
          <WorkflowBar
            section={section}
            account={account}
            words={words}
            onUpdated={onSectionUpdated}
          />
        </header>
        {otherRefusal && (
          <div className="notice notice--error" role="alert">
            <span>
              {snapshot.refusalCode === CloseCode.sectionRetired
                ? "This section is no longer in the outline (archived, or merged into another): what you see is not saved. Its text is kept on the server."
                : `The server refused this section: ${otherRefusal}`}
            </span>
            {snapshot.refusalCode === 4429 && (
              <button
                type="button"
                className="button button--small"
                onClick={() => session.reconnect()}
              >
                Try again
              </button>
            )}
          </div>
        )}
        {notice && (
          <p
            className={`notice notice--readonly${section.locked ? " notice--locked" : ""}`}
            role="status"
            data-testid="read-only-banner"
          >
            <LockIcon size={14} />
            <span>{notice}</span>
          </p>
        )}
        <SectionEditor
          key={section.id}
          session={session}
          user={user}
          sectionTitle={section.title}
          readOnly={readOnly}
          readOnlyMessage={
            section.locked
              ? "This section is approved and locked; ask an editor to reopen it."
              : notice
          }
          onWordCount={onWordCount}
        />
      </main>
      <div className="section-page__aside">
        <CommentsPanel
          session={session}
          sectionId={section.id}
          userId={account.id}
          canDecide={!section.readOnly}
        />
        <HistoryPanel key={section.id} sectionId={section.id} canRestore={!section.readOnly} />
        <VersionsPanel isEditor={account.role === "editor"} sectionId={section.id} />
        <SidePanel
          section={section}
          words={words}
          footnoteWords={footnoteWords}
          footnotesCount={footnotesCount}
          people={people}
        />
      </div>
    </div>
  );
}
