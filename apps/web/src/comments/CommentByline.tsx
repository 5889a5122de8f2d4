import { colourForName } from "@rapporteur/accounts/presence";
import { type CommentThread, commentAuthor, commentDate } from "@rapporteur/api";
import { Avatar } from "../layout/Avatar";
import { formatCommentDate } from "./formatCommentDate";

/** Props of {@link CommentByline}. */
export interface CommentBylineProps {
  /** The comment or reply: its author and date, or its Word author and date when imported. */
  item: Pick<CommentThread, "authorName" | "createdAt" | "origin">;
  edited?: boolean;
  /** Whether the author's avatar leads the line (the comment cards show it, the Review list not). */
  avatar?: boolean;
}

/**
 * Who wrote a comment or reply, and when; for one imported from a reviewed Word file, its Word
 * author and date, and who imported it.
 */
export function CommentByline({ item, edited = false, avatar = true }: CommentBylineProps) {
  const name = commentAuthor(item);
  const date = commentDate(item);
  return (
    <div className="comment-byline">
      {avatar && <Avatar name={name} color={colourForName(name)} size="xs" />}
      <span className="comment-byline__name">{name}</span>
      <time className="comment-byline__date" dateTime={date}>
        {formatCommentDate(date)}
        {edited ? " (edited)" : ""}
      </time>
      {item.origin && (
        <span className="comment-byline__origin" data-testid="comment-origin">
          from Word, imported by {item.authorName}
        </span>
      )}
    </div>
  );
}
