import { colourForName } from "@rapporteur/accounts/presence";
import { Avatar } from "../layout/Avatar";
import { formatCommentDate } from "./formatCommentDate";

/** Props of {@link CommentByline}. */
export interface CommentBylineProps {
  name: string;
  /** When it was written (ISO 8601). */
  date: string;
  edited?: boolean;
  /** Whether the author's avatar leads the line (the comment cards show it, the Review list not). */
  avatar?: boolean;
}

/** Who wrote a comment or reply, and when. */
export function CommentByline({ name, date, edited = false, avatar = true }: CommentBylineProps) {
  return (
    <div className="comment-byline">
      {avatar && <Avatar name={name} color={colourForName(name)} size="xs" />}
      <span className="comment-byline__name">{name}</span>
      <time className="comment-byline__date" dateTime={date}>
        {formatCommentDate(date)}
        {edited ? " (edited)" : ""}
      </time>
    </div>
  );
}
