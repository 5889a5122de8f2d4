import type { DocxReview } from "@rapporteur/docx-import";
import { describeChange, type UnplacedReviewItem } from "./placeReview";

/** What {@link splitReview} returns. */
export interface SplitReview {
  /** The review of each section found in the file, by section id (only its own items). */
  bySection: Map<string, DocxReview>;
  /** Changes and comments outside every section found (masthead, a missing section's text). */
  outside: UnplacedReviewItem[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Splits the review of a whole report exported as Word (the review copy) back into its sections:
 * each section's title is found as a heading line of the file's text (numbered or not: "B. Access
 * and inclusion"), in outline order, and each change or comment goes to the section whose text
 * it is in. What lies outside every found section is returned in `outside`, never dropped.
 */
export function splitReview(
  review: DocxReview,
  sections: readonly { id: string; title: string }[],
): SplitReview {
  const starts: { id: string; at: number }[] = [];
  let from = 0;
  for (const section of sections) {
    const heading = new RegExp(`(^|\\n)[^\\n]{0,12}${escapeRegExp(section.title)}\\n`, "g");
    heading.lastIndex = from;
    const match = heading.exec(review.text);
    if (!match) continue;
    from = match.index + match[0].length;
    starts.push({ id: section.id, at: from });
  }
  const sectionAt = (offset: number): string | undefined => {
    let found: string | undefined;
    for (const start of starts) if (start.at <= offset) found = start.id;
    return found;
  };
  const bySection = new Map<string, DocxReview>();
  const part = (id: string) => {
    let entry = bySection.get(id);
    if (!entry) {
      entry = { text: review.text, changes: [], comments: [], warnings: [] };
      bySection.set(id, entry);
    }
    return entry;
  };
  const outside: UnplacedReviewItem[] = [];
  const reason = "it is not inside any section of the outline (masthead, or a renamed section)";
  for (const change of review.changes) {
    const id = sectionAt(change.at);
    if (id) part(id).changes.push(change);
    else {
      const origin = { author: change.author, date: change.date };
      outside.push({ kind: "change", origin, text: describeChange(change), reason });
    }
  }
  for (const comment of review.comments) {
    const id = comment.range ? sectionAt(comment.range.from) : undefined;
    if (id) part(id).comments.push(comment);
    else {
      const origin = { author: comment.author, date: comment.date };
      outside.push({ kind: "comment", origin, text: comment.text, reason });
    }
  }
  return { bySection, outside };
}
