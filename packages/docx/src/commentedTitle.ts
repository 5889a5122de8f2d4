import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  type ParagraphChild,
  TextRun,
} from "docx";
import type { PendingComment } from "./conversionContext";

/** A heading's runs with the comments whose quote was not found in its section anchored on it. */
export function commentedTitle(
  pending: PendingComment[],
  title: ParagraphChild[],
): ParagraphChild[] {
  const unplaced = pending.filter((c) => !c.placed).map((c) => c.id);
  return [
    ...unplaced.map((id) => new CommentRangeStart(id)),
    ...title,
    ...unplaced.flatMap((id) => [
      new CommentRangeEnd(id),
      new TextRun({ children: [new CommentReference(id)] }),
    ]),
  ];
}
