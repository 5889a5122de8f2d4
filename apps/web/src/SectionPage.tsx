import type { DocumentCount } from "@rapporteur/wordcount";
import { useSyncExternalStore } from "react";
import type { SectionSession } from "./collab/SectionSession";
import type { PresentUser } from "./collab/usePresence";
import { SectionEditor } from "./editor/SectionEditor";
import type { LocalUser } from "./identity/useDisplayName";
import { SidePanel } from "./layout/SidePanel";
import type { ReportPart, ReportSection } from "./report/reportTypes";

/** Props of {@link SectionPage}. */
export interface SectionPageProps {
  session: SectionSession;
  user: LocalUser;
  section: ReportSection;
  part: ReportPart | undefined;
  position: { index: number; total: number };
  words: number;
  footnoteWords: number;
  people: PresentUser[];
  onWordCount: (count: DocumentCount | null) => void;
}

/** One section: its fixed title, the toolbar and editor, and the side panel. */
export function SectionPage({
  session,
  user,
  section,
  part,
  position,
  words,
  footnoteWords,
  people,
  onWordCount,
}: SectionPageProps) {
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);
  return (
    <div className="section-page">
      <main className="document" id="editor-main" aria-labelledby="section-title">
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
        </header>
        {snapshot.refusal && (
          <p className="notice notice--error" role="alert">
            The server refused this section: {snapshot.refusal}
          </p>
        )}
        <SectionEditor
          key={section.id}
          session={session}
          user={user}
          sectionTitle={section.title}
          onWordCount={onWordCount}
        />
      </main>
      <SidePanel section={section} words={words} footnoteWords={footnoteWords} people={people} />
    </div>
  );
}
