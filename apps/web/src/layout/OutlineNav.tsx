import type { MouseEvent } from "react";
import type { Report } from "../report/reportTypes";
import { sectionPath } from "../routing/parseRoute";
import { formatNumber } from "./formatNumber";
import { WordBudgetBar } from "./WordBudgetBar";

/** Props of {@link OutlineNav}. */
export interface OutlineNavProps {
  report: Report;
  activeSectionId: string | null;
  /** Current word count of each section (server counts, or the editor's for the open one). */
  wordsOf: (sectionId: string) => number;
  onOpen: (sectionId: string) => void;
}

function isPlainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/** The fixed outline: parts, their sections, and each section's words against its budget. */
export function OutlineNav({ report, activeSectionId, wordsOf, onOpen }: OutlineNavProps) {
  const total = report.sections.reduce((sum, section) => sum + wordsOf(section.id), 0);
  const { min, max } = report.targetRange;
  return (
    <nav className="outline" aria-label="Report outline" data-testid="outline">
      <div className="outline__summary">
        <p className="outline__total">
          <span className="outline__total-number">{formatNumber(total)}</span> words
        </p>
        <p className="outline__target">
          Target {formatNumber(min)}–{formatNumber(max)}
        </p>
        <WordBudgetBar words={total} budget={max} />
      </div>
      {report.parts.map((part) => {
        const sections = report.sections.filter((section) => section.part === part.id);
        const headingId = `outline-part-${part.id}`;
        return (
          <section key={part.id} className="outline__part" aria-labelledby={headingId}>
            <h2 id={headingId} className="outline__part-title">
              {part.title}
            </h2>
            <ol className="outline__sections">
              {sections.map((section) => {
                const words = wordsOf(section.id);
                const active = section.id === activeSectionId;
                return (
                  <li key={section.id}>
                    <a
                      href={sectionPath(section.id)}
                      className={`outline__link${active ? " is-active" : ""}`}
                      aria-current={active ? "page" : undefined}
                      data-testid={`section-link-${section.id}`}
                      onClick={(event) => {
                        if (!isPlainClick(event)) return;
                        event.preventDefault();
                        onOpen(section.id);
                      }}
                    >
                      <span className="outline__title">{section.title}</span>
                      <span className="outline__count">
                        <span data-testid={`words-${section.id}`}>{words}</span>
                        <span className="outline__budget">
                          {" "}
                          / {section.budget}
                          <span className="visually-hidden"> words</span>
                        </span>
                      </span>
                      <WordBudgetBar words={words} budget={section.budget} />
                    </a>
                  </li>
                );
              })}
            </ol>
          </section>
        );
      })}
    </nav>
  );
}
