import type { ComparisonChangeView } from "@rapporteur/api";
import { authorColour } from "./authorColour";

/** Props of {@link ChangeLegend}. */
export interface ChangeLegendProps {
  changes: readonly ComparisonChangeView[];
}

/** Who made the changes shown: each author's colour and how many insertions and deletions. */
export function ChangeLegend({ changes }: ChangeLegendProps) {
  const authors = new Map<string, { insertions: number; deletions: number }>();
  for (const change of changes) {
    const counts = authors.get(change.author) ?? { insertions: 0, deletions: 0 };
    if (change.kind === "insertion") counts.insertions++;
    else counts.deletions++;
    authors.set(change.author, counts);
  }
  return (
    <ul className="compare-legend" data-testid="compare-legend">
      {[...authors].map(([author, counts]) => (
        <li key={author}>
          <span className="compare-legend__swatch" style={{ background: authorColour(author) }} />
          {author}: {counts.insertions} inserted, {counts.deletions} deleted
        </li>
      ))}
    </ul>
  );
}
