import type { SectionView } from "@rapporteur/api";
import { countedWords } from "@rapporteur/budget/rules";
import type { PresentUser } from "../collab/usePresence";
import { Avatar } from "./Avatar";
import { formatNumber } from "./formatNumber";
import { useLengthAnnouncement } from "./useLengthAnnouncement";
import { usePresenceAnnouncement } from "./usePresenceAnnouncement";

/** Props of {@link SidePanel}. */
export interface SidePanelProps {
  section: SectionView;
  /** Body words (the editor's own count while the section is open, so it moves as one types). */
  words: number;
  footnoteWords: number;
  /** Whether footnote words count against the allocation (the report's setting). */
  footnotesCount: boolean;
  people: PresentUser[];
}

/**
 * Beside the editor: the section's scope from Annex 1, its length (the words counted against the
 * allocation, as the Budget page and the outline's bars count them), and who is working in it.
 */
export function SidePanel({
  section,
  words,
  footnoteWords,
  footnotesCount,
  people,
}: SidePanelProps) {
  const counted = countedWords({ words, footnoteWords }, footnotesCount);
  const remaining = section.budget - counted;
  useLengthAnnouncement(section.title, counted, section.budget);
  usePresenceAnnouncement(people);
  return (
    <aside className="side-panel" aria-label="About this section">
      <section className="panel" aria-labelledby="panel-guidance">
        <h2 id="panel-guidance" className="panel__title">
          Guidance
        </h2>
        <p className="panel__guidance" data-testid="guidance">
          {section.guidance}
        </p>
      </section>
      <section className="panel" aria-labelledby="panel-length">
        <h2 id="panel-length" className="panel__title">
          Length
        </h2>
        <dl className="panel__figures">
          <div>
            <dt>Counted</dt>
            <dd data-testid="length-counted" className={remaining < 0 ? "is-over" : undefined}>
              {formatNumber(counted)}
            </dd>
          </div>
          <div>
            <dt>Allocation</dt>
            <dd data-testid="length-allocation">{formatNumber(section.budget)}</dd>
          </div>
          <div>
            <dt>Words</dt>
            <dd>{formatNumber(words)}</dd>
          </div>
          <div>
            <dt>In footnotes</dt>
            <dd>{formatNumber(footnoteWords)}</dd>
          </div>
        </dl>
        <p className="panel__note" data-testid="length-remaining">
          <span className={remaining < 0 ? "is-over" : undefined}>
            {remaining >= 0
              ? `${formatNumber(remaining)} words left of the allocation.`
              : `${formatNumber(-remaining)} words over the allocation.`}
          </span>{" "}
          {footnotesCount ? "Footnote words are counted." : "Footnote words are not counted."}
        </p>
      </section>
      <section className="panel" aria-labelledby="panel-people">
        <h2 id="panel-people" className="panel__title">
          In this section <span className="panel__count">{people.length}</span>
        </h2>
        <ul className="people" data-testid="presence">
          {people.map((person) => (
            <li key={person.clientId} className="people__item" data-name={person.name}>
              <Avatar name={person.name} color={person.color} />
              <span className="people__name">{person.name}</span>
              {person.isSelf && <span className="people__you">you</span>}
            </li>
          ))}
        </ul>
      </section>
    </aside>
  );
}
