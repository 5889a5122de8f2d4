import { colourForName } from "@rapporteur/accounts/presence";
import type { ReportView } from "@rapporteur/api";
import { type MouseEvent, useEffect } from "react";
import { StateBar } from "../budget/StateBar";
import { OpenCommentsBadge } from "../comments/OpenCommentsBadge";
import { ReviewLink } from "../comments/ReviewLink";
import { useOpenCommentCounts } from "../comments/useOpenCommentCounts";
import { OutlineLink } from "../outline/OutlineLink";
import { useReportId } from "../report/ReportIdContext";
import { REVIEW_PATH, reportPath, sectionPath } from "../routing/parseRoute";
import { Checkbox } from "../ui/Checkbox";
import { StatusBadge } from "../workflow/StatusBadge";
import { Avatar } from "./Avatar";
import { formatNumber } from "./formatNumber";
import { WordBudgetBar } from "./WordBudgetBar";

/** Props of {@link OutlineNav}. */
export interface OutlineNavProps {
  report: ReportView;
  activeSectionId: string | null;
  /**
   * Words of each section counted against its allocation (footnote words included when the
   * report counts them): server counts, or the editor's own for the open one.
   */
  wordsOf: (sectionId: string) => number;
  onOpen: (sectionId: string) => void;
  /** The signed-in user's id, for "My sections". */
  userId: number;
  mySectionsOnly: boolean;
  onMySectionsOnly: (on: boolean) => void;
  /** The Outline page is the one shown. */
  outlineActive: boolean;
  onOpenOutline: () => void;
}

function isPlainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/** Alt+Shift+O anywhere puts the focus on the open section's entry of the outline (or the first). */
function useOutlineShortcut() {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.altKey && event.shiftKey && event.code === "KeyO")) return;
      const outline = document.querySelector('[data-testid="outline"]');
      const link =
        outline?.querySelector<HTMLElement>('a[aria-current="page"]') ??
        outline?.querySelector<HTMLElement>("a[href]");
      if (!link) return;
      event.preventDefault();
      link.focus();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}

/**
 * The fixed outline: parts, their sections with status, leads and words against the budget, and
 * a "My sections" filter showing only the sections the user leads.
 */
export function OutlineNav({
  report,
  activeSectionId,
  wordsOf,
  onOpen,
  userId,
  mySectionsOnly,
  onMySectionsOnly,
  outlineActive,
  onOpenOutline,
}: OutlineNavProps) {
  const reportId = useReportId();
  const total = report.sections.reduce((sum, section) => sum + wordsOf(section.id), 0);
  const { min, max } = report.targetRange;
  const mine = report.sections.filter((s) => s.leads.some((lead) => lead.id === userId));
  const shown = mySectionsOnly ? mine : report.sections;
  const openComments = useOpenCommentCounts(report);
  useOutlineShortcut();
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
      <ReviewLink
        active={
          activeSectionId === null && window.location.pathname === reportPath(reportId, REVIEW_PATH)
        }
      />
      <OutlineLink active={outlineActive} onOpen={onOpenOutline} />
      <Checkbox
        className="outline__filter"
        checked={mySectionsOnly}
        testId="my-sections"
        onChange={onMySectionsOnly}
      >
        <span>My sections</span>
        <span className="outline__filter-count">{mine.length}</span>
      </Checkbox>
      {mySectionsOnly && mine.length === 0 && (
        <p className="outline__empty">You lead no sections yet. An editor assigns lead drafters.</p>
      )}
      {report.parts.map((part) => {
        const sections = shown.filter((section) => section.part === part.id);
        if (sections.length === 0) return null;
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
                      href={sectionPath(reportId, section.id)}
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
                      <span className="outline__meta">
                        {section.status !== "drafting" && (
                          <StatusBadge status={section.status} testId={`status-${section.id}`} />
                        )}
                        <OpenCommentsBadge
                          sectionId={section.id}
                          count={openComments[section.id] ?? 0}
                        />
                        {section.leads.length > 0 && (
                          <span
                            className="outline__leads"
                            title={`Leads: ${section.leads.map((l) => l.displayName).join(", ")}`}
                          >
                            <span className="visually-hidden">Leads: </span>
                            {section.leads.slice(0, 3).map((lead) => (
                              <span key={lead.id} className="outline__lead">
                                <Avatar
                                  name={lead.displayName || lead.username}
                                  color={colourForName(lead.username)}
                                  size="xs"
                                />
                                <span className="visually-hidden">{lead.displayName}</span>
                              </span>
                            ))}
                            {section.leads.length > 3 && (
                              <span className="outline__lead-more">
                                +{section.leads.length - 3}
                              </span>
                            )}
                          </span>
                        )}
                      </span>
                      <StateBar
                        counted={section.counted}
                        budget={section.budget}
                        state={section.state}
                        testId={`budget-bar-${section.id}`}
                      />
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
