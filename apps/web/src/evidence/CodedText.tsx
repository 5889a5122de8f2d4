import type { CodedExcerpt, EvidenceCode, ExcerptField } from "@rapporteur/api";
import { codedSegments } from "./codedSegments";

/** Props of {@link CodedText}. */
export interface CodedTextProps {
  field: ExcerptField;
  text: string;
  /** The excerpts of this field. */
  excerpts: readonly CodedExcerpt[];
  codes: ReadonlyMap<number, EvidenceCode>;
  className?: string;
  testId?: string;
}

/**
 * A field of a source (its text or one answer) with its coded passages highlighted in their
 * first code's colour; screen readers hear the codes' names after each passage.
 */
export function CodedText({ field, text, excerpts, codes, className, testId }: CodedTextProps) {
  return (
    <div className={className} data-field={field} data-testid={testId} dir="auto">
      {codedSegments(text, excerpts).map((segment) => {
        if (segment.excerpts.length === 0) return <span key={segment.start}>{segment.text}</span>;
        const names = [
          ...new Set(
            segment.excerpts.flatMap((excerpt) =>
              excerpt.codes.map((id) => codes.get(id)?.name ?? `code ${id}`),
            ),
          ),
        ];
        const first = codes.get(segment.excerpts[0]?.codes[0] ?? 0);
        return (
          <mark
            key={segment.start}
            className="evidence-coded"
            style={{ backgroundColor: `${first?.colour ?? "#ffd54f"}66` }}
            title={names.join(", ")}
            data-testid="evidence-coded"
          >
            {segment.text}
            <span className="visually-hidden" data-sr-note="">
              {` (coded: ${names.join(", ")})`}
            </span>
          </mark>
        );
      })}
    </div>
  );
}
