import type { ArchivedSectionView, ReportView } from "@rapporteur/api";
import { unDate } from "@rapporteur/dates";
import { useEffect, useId, useState } from "react";
import { apiRequest } from "../api/apiRequest";
import { errorMessage } from "../api/errorMessage";
import { formatNumber } from "../layout/formatNumber";
import { Button } from "../ui/Button";
import { FieldError } from "../ui/FieldError";

/** Props of {@link ArchivedSections}. */
export interface ArchivedSectionsProps {
  report: ReportView;
  /** Restores a section; resolves to the problem to show, or null once restored. */
  onRestore: (section: ArchivedSectionView) => Promise<string | null>;
}

/**
 * The sections taken out of the outline (archived, or merged into another), with their text
 * kept: an editor restores one to its part. Read again whenever the outline changes.
 */
export function ArchivedSections({ report, onRestore }: ArchivedSectionsProps) {
  const [sections, setSections] = useState<ArchivedSectionView[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<string | null>(null);
  const titleId = useId();
  const revision = report.revision;

  useEffect(() => {
    void revision;
    const controller = new AbortController();
    apiRequest("archivedSections", { signal: controller.signal }).then(
      (answer) => {
        setSections(answer.sections);
        setProblem(null);
      },
      (error: unknown) => {
        if (!controller.signal.aborted)
          setProblem(`The archive could not be read: ${errorMessage(error)}`);
      },
    );
    return () => controller.abort();
  }, [revision]);

  const titleOf = (id: string) => report.sections.find((s) => s.id === id)?.title ?? id;
  const partOf = (id: string) => report.parts.find((p) => p.id === id)?.title ?? null;

  return (
    <section
      className="panel outline-archived"
      aria-labelledby={titleId}
      data-testid="archived-sections"
    >
      <h2 id={titleId} className="panel__title">
        Archived sections
        {sections && sections.length > 0 && <span className="panel__count">{sections.length}</span>}
      </h2>
      <FieldError problem={problem} testId="archived-error" />
      {sections === null ? (
        !problem && <p className="dialog-hint">Loading…</p>
      ) : sections.length === 0 ? (
        <p className="dialog-hint">No archived sections. Archiving keeps a section’s text here.</p>
      ) : (
        <ul className="outline-archived__list">
          {sections.map((section) => (
            <li
              key={section.id}
              className="outline-archived__item"
              data-testid={`archived-${section.id}`}
            >
              <div className="outline-archived__text">
                <span className="outline-archived__title">{section.title}</span>
                <span className="outline-archived__meta">
                  {section.mergedInto
                    ? `Merged into “${titleOf(section.mergedInto)}”`
                    : `Archived from ${partOf(section.part) ? `“${partOf(section.part)}”` : "its part"}`}
                  {section.archivedBy ? ` by ${section.archivedBy}` : ""},{" "}
                  {unDate(section.archivedAt)}
                  {" · "}
                  {formatNumber(section.words)} words kept
                </span>
              </div>
              <Button
                small
                disabled={restoring !== null}
                data-testid={`restore-${section.id}`}
                onClick={async () => {
                  setRestoring(section.id);
                  const refused = await onRestore(section);
                  setRestoring(null);
                  setProblem(refused);
                }}
              >
                {restoring === section.id ? "Restoring…" : "Restore"}
                <span className="visually-hidden"> “{section.title}”</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
