import type { PresentUser } from "../collab/usePresence";
import type { ReportSection } from "../report/reportTypes";
import { Avatar } from "./Avatar";
import { formatNumber } from "./formatNumber";

/** Props of {@link SidePanel}. */
export interface SidePanelProps {
  section: ReportSection;
  words: number;
  footnoteWords: number;
  people: PresentUser[];
}

/** Beside the editor: the section's scope from Annex 1, its length, and who is working in it. */
export function SidePanel({ section, words, footnoteWords, people }: SidePanelProps) {
  const remaining = section.budget - words;
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
            <dt>Words</dt>
            <dd>{formatNumber(words)}</dd>
          </div>
          <div>
            <dt>Allocation</dt>
            <dd>{formatNumber(section.budget)}</dd>
          </div>
          <div>
            <dt>{remaining >= 0 ? "Remaining" : "Over by"}</dt>
            <dd className={remaining < 0 ? "is-over" : undefined}>
              {formatNumber(Math.abs(remaining))}
            </dd>
          </div>
          <div>
            <dt>In footnotes</dt>
            <dd>{formatNumber(footnoteWords)}</dd>
          </div>
        </dl>
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
