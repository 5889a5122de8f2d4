import { type CommentThread, commentAuthor, commentDate, type ReportView } from "@rapporteur/api";
import { type MouseEvent, useEffect, useMemo, useState } from "react";
import { sectionPath } from "../routing/parseRoute";
import { CommentText } from "./CommentText";
import { subscribeToComments } from "./commentEvents";
import { type CommentFilter, commentQuery, commentsApi } from "./commentsApi";
import { formatCommentDate } from "./formatCommentDate";
import "./comments.css";

/** Props of {@link ReviewPage}. */
export interface ReviewPageProps {
  report: ReportView;
  navigate: (path: string) => void;
}

function isPlainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/**
 * Every comment thread of the report, in outline and document order, filterable by section,
 * author and state, each linked to its place in the section; the comment/response matrix to
 * download as CSV or Word. Kept live by the `comment` events.
 */
export function ReviewPage({ report, navigate }: ReviewPageProps) {
  const [filter, setFilter] = useState<CommentFilter>({ state: "open" });
  const [threads, setThreads] = useState<CommentThread[] | null>(null);
  const [authors, setAuthors] = useState<{ id: number; name: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Many changes at once (a review round) reload once.
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setGeneration((g) => g + 1), 250);
    };
    const stop = subscribeToComments(later, later);
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, []);

  useEffect(() => {
    void generation;
    const controller = new AbortController();
    commentsApi.allThreads(filter, controller.signal).then(
      (loaded) => {
        setThreads(loaded);
        setError(null);
      },
      (failure: unknown) => {
        if (!controller.signal.aborted) {
          setError(failure instanceof Error ? failure.message : String(failure));
        }
      },
    );
    return () => controller.abort();
  }, [filter, generation]);

  // The author list comes from every thread, whatever the filter.
  useEffect(() => {
    void generation;
    const controller = new AbortController();
    commentsApi.allThreads({}, controller.signal).then(
      (all) => {
        const byId = new Map(all.map((t) => [t.authorId, t.authorName]));
        setAuthors(
          [...byId]
            .map(([id, name]) => ({ id, name }))
            .sort((a, b) => a.name.localeCompare(b.name)),
        );
      },
      () => {},
    );
    return () => controller.abort();
  }, [generation]);

  const titles = useMemo(
    () => new Map(report.sections.map((section) => [section.id, section.title])),
    [report],
  );
  const query = commentQuery(filter);

  return (
    <main className="review-page" aria-labelledby="review-title" data-testid="review-page">
      <header className="review-page__head">
        <div>
          <p className="document__eyebrow">{report.shortTitle}</p>
          <h1 id="review-title" className="review-page__title">
            Review comments
          </h1>
        </div>
        <div className="review-page__downloads">
          <a className="button button--small" href={`/api/comments/matrix.csv${query}`} download>
            Matrix (CSV)
          </a>
          <a className="button button--small" href={`/api/comments/matrix.docx${query}`} download>
            Matrix (Word)
          </a>
        </div>
      </header>
      <form className="review-filters" aria-label="Filter comments">
        <label>
          Section
          <select
            value={filter.section ?? ""}
            data-testid="review-filter-section"
            onChange={(event) => setFilter({ ...filter, section: event.target.value || undefined })}
          >
            <option value="">All sections</option>
            {report.sections.map((section) => (
              <option key={section.id} value={section.id}>
                {section.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Author
          <select
            value={filter.author === undefined ? "" : String(filter.author)}
            data-testid="review-filter-author"
            onChange={(event) =>
              setFilter({
                ...filter,
                author: event.target.value ? Number(event.target.value) : undefined,
              })
            }
          >
            <option value="">Everyone</option>
            {authors.map((author) => (
              <option key={author.id} value={author.id}>
                {author.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          State
          <select
            value={filter.state ?? ""}
            data-testid="review-filter-state"
            onChange={(event) =>
              setFilter({
                ...filter,
                state: (event.target.value || undefined) as CommentFilter["state"],
              })
            }
          >
            <option value="open">Open</option>
            <option value="resolved">Resolved</option>
            <option value="">Open and resolved</option>
          </select>
        </label>
      </form>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {threads && threads.length === 0 && (
        <p className="comments-panel__hint">No comments match these filters.</p>
      )}
      <ol className="review-list" data-testid="review-list">
        {(threads ?? []).map((thread) => {
          const path = sectionPath(thread.sectionId);
          return (
            <li key={thread.id} className="review-item" data-testid="review-thread">
              <div className="review-item__section">
                <a
                  href={`${path}#comment-${thread.id}`}
                  onClick={(event) => {
                    if (!isPlainClick(event)) return;
                    event.preventDefault();
                    navigate(path);
                    window.history.replaceState(null, "", `${path}#comment-${thread.id}`);
                  }}
                >
                  {titles.get(thread.sectionId) ?? thread.sectionId}
                </a>
                <span className="comment-byline__date">
                  {thread.state === "open"
                    ? "Open"
                    : `Resolved${thread.resolvedBy ? ` by ${thread.resolvedBy.name}` : ""}`}
                  {thread.detached ? " · text deleted" : ""}
                </span>
              </div>
              <div className="review-item__body">
                <blockquote className="comment-card__quote">{thread.quote}</blockquote>
                <div className="comment-byline">
                  <span className="comment-byline__name">{commentAuthor(thread)}</span>
                  <time className="comment-byline__date" dateTime={commentDate(thread)}>
                    {formatCommentDate(commentDate(thread))}
                  </time>
                </div>
                <CommentText text={thread.text} />
                {thread.suggestion && (
                  <p className="comment-suggestion__label">
                    {thread.suggestion.replacement === ""
                      ? "Suggests deleting the text"
                      : `Suggests: ${thread.suggestion.replacement}`}{" "}
                    ({thread.suggestion.state})
                  </p>
                )}
                {thread.replies.length > 0 && (
                  <ol className="comment-replies">
                    {thread.replies.map((reply) => (
                      <li key={reply.id} className="comment-reply">
                        <div className="comment-byline">
                          <span className="comment-byline__name">{commentAuthor(reply)}</span>
                          <time className="comment-byline__date" dateTime={commentDate(reply)}>
                            {formatCommentDate(commentDate(reply))}
                          </time>
                        </div>
                        <CommentText text={reply.text} />
                      </li>
                    ))}
                  </ol>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </main>
  );
}
