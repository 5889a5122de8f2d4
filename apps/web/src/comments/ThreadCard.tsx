import { type CommentReply, type CommentThread, commentAuthor } from "@rapporteur/api";
import { useEffect, useRef, useState } from "react";
import { announce } from "../layout/announce";
import { CommentByline } from "./CommentByline";
import { commentsApi } from "./commentsApi";
import { EditableCommentText } from "./EditableCommentText";
import { EditDeleteLinks } from "./EditDeleteLinks";
import { FormError } from "./FormError";
import { TextForm } from "./TextForm";
import { useAction } from "./useAction";

/** Props of {@link ThreadCard}. */
export interface ThreadCardProps {
  thread: CommentThread;
  /** The signed-in user's id: authors edit and delete their own words. */
  userId: number;
  /** Whether this user may accept or reject suggestions in this section. */
  canDecide: boolean;
  active: boolean;
  /** The thread's text is no longer in the section (or not placeable in the editor). */
  detached: boolean;
  onActivate: () => void;
  onChanged: (thread: CommentThread) => void;
  onDeleted: () => void;
}

function ReplyItem({
  reply,
  own,
  onChanged,
}: {
  reply: CommentReply;
  own: boolean;
  onChanged: (thread: CommentThread) => void;
}) {
  const [editing, setEditing] = useState(false);
  const { busy, error, run } = useAction();
  return (
    <li className="comment-reply" data-testid="comment-reply">
      <CommentByline item={reply} edited={reply.updatedAt !== reply.createdAt} />
      <EditableCommentText
        editing={editing}
        label="Edit your reply"
        text={reply.text}
        onSave={async (text) => onChanged(await commentsApi.editReply(reply.id, text))}
        onStopEditing={() => setEditing(false)}
      />
      {own && !editing && (
        <div className="comment-card__links">
          <EditDeleteLinks
            busy={busy}
            onEdit={() => setEditing(true)}
            onDelete={() => run(() => commentsApi.removeReply(reply.id))}
          />
        </div>
      )}
      <FormError error={error} />
    </li>
  );
}

/**
 * One thread in the comments panel: the quoted text, the comment, its suggestion, the replies,
 * and what this user may do (reply, resolve or reopen, edit or delete their own words, decide a
 * suggestion). Every text is shown as text, never as markup.
 */
export function ThreadCard({
  thread,
  userId,
  canDecide,
  active,
  detached,
  onActivate,
  onChanged,
  onDeleted,
}: ThreadCardProps) {
  const [editing, setEditing] = useState(false);
  const { busy, error, run } = useAction();
  const own = thread.authorId === userId;
  const resolved = thread.state === "resolved";
  const suggestion = thread.suggestion;
  const pending = suggestion?.state === "pending";
  const change = (call: () => Promise<CommentThread>) => run(async () => onChanged(await call()));

  // Accept and Reject go away once decided: the focus stays on the card, and the decision is said.
  const card = useRef<HTMLElement>(null);
  const deciding = useRef(false);
  const decide = (call: () => Promise<CommentThread>) => {
    deciding.current = true;
    void change(call);
  };
  useEffect(() => {
    if (!deciding.current || pending) return;
    deciding.current = false;
    announce(`Suggestion ${suggestion?.state ?? "decided"}: “${thread.quote}”.`, "suggestion");
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected) card.current?.focus();
  }, [pending, suggestion?.state, thread.quote]);

  const classes = ["comment-card"];
  if (active) classes.push("is-active");
  if (resolved) classes.push("is-resolved");
  if (detached) classes.push("is-detached");

  return (
    // biome-ignore lint/a11y/useSemanticElements: a card holding buttons and forms cannot be one
    <article
      className={classes.join(" ")}
      ref={card}
      data-testid="comment-thread"
      data-thread-id={thread.id}
      data-state={thread.state}
      aria-label={`Comment by ${commentAuthor(thread)}`}
      aria-current={active || undefined}
      tabIndex={-1}
      role="group"
      onClick={(event) => {
        // Buttons, links and forms inside do their own thing.
        if ((event.target as HTMLElement).closest("button, a, textarea, input, form")) return;
        onActivate();
      }}
      onKeyDown={(event) => {
        if (event.key === "Enter" && event.target === event.currentTarget) onActivate();
      }}
    >
      <header className="comment-card__head">
        <CommentByline
          item={thread}
          edited={thread.updatedAt !== thread.createdAt && !thread.replies.length && !resolved}
        />
        {resolved && <span className="comment-card__badge">Resolved</span>}
      </header>
      <blockquote className="comment-card__quote" data-testid="comment-quote">
        {thread.quote}
      </blockquote>
      {detached && <p className="comment-card__detached">The commented text has been deleted.</p>}
      <EditableCommentText
        editing={editing}
        label="Edit your comment"
        text={thread.text}
        className="comment-card__text"
        onSave={async (text) => onChanged(await commentsApi.edit(thread.id, { text }))}
        onStopEditing={() => setEditing(false)}
      />

      {suggestion && (
        <div
          className={`comment-suggestion comment-suggestion--${suggestion.state}`}
          data-testid="comment-suggestion"
        >
          <p className="comment-suggestion__label">
            {suggestion.replacement === ""
              ? "Suggests deleting the text"
              : "Suggests replacing with"}
            {suggestion.state !== "pending" &&
              ` · ${suggestion.state}${suggestion.decidedBy ? ` by ${suggestion.decidedBy.name}` : ""}`}
          </p>
          {suggestion.replacement !== "" && (
            <p className="comment-suggestion__text">{suggestion.replacement}</p>
          )}
          {pending && canDecide && (
            <div className="comment-card__actions">
              <button
                type="button"
                className="button button--small button--primary"
                disabled={busy || detached}
                title={detached ? "The text of this suggestion has been deleted" : undefined}
                onClick={() => decide(() => commentsApi.accept(thread.id))}
              >
                Accept
              </button>
              <button
                type="button"
                className="button button--small"
                disabled={busy}
                onClick={() => decide(() => commentsApi.reject(thread.id))}
              >
                Reject
              </button>
            </div>
          )}
        </div>
      )}

      {thread.replies.length > 0 && (
        <ol className="comment-replies">
          {thread.replies.map((reply) => (
            <ReplyItem
              key={reply.id}
              reply={reply}
              own={reply.authorId === userId}
              onChanged={onChanged}
            />
          ))}
        </ol>
      )}

      {active && !editing && (
        <TextForm
          label="Reply"
          submitLabel="Reply"
          placeholder="Reply…"
          testId="reply-form"
          onSubmit={async (text) => onChanged(await commentsApi.reply(thread.id, text))}
        />
      )}

      <div className="comment-card__actions comment-card__actions--foot">
        <button
          type="button"
          className="button button--small"
          disabled={busy}
          onClick={() =>
            change(() =>
              resolved ? commentsApi.reopen(thread.id) : commentsApi.resolve(thread.id),
            )
          }
        >
          {resolved ? "Reopen" : "Resolve"}
        </button>
        {own && !editing && (
          <EditDeleteLinks
            busy={busy}
            onEdit={() => setEditing(true)}
            onDelete={() => {
              if (window.confirm("Delete this comment and its replies?")) {
                void run(async () => {
                  await commentsApi.remove(thread.id);
                  onDeleted();
                });
              }
            }}
          />
        )}
      </div>
      <FormError error={error} />
    </article>
  );
}
