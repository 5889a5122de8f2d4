import type { CommentThread, ReportView } from "@rapporteur/api";
import { type MouseEvent, useEffect, useMemo, useState } from "react";
import { apiUrl } from "../api/apiUrl";
import { sectionPath } from "../routing/parseRoute";
import { CommentByline } from "./CommentByline";
import { CommentText } from "./CommentText";
import { subscribeToComments } from "./commentEvents";
import { type CommentFilter, commentQuery, commentsApi } from "./commentsApi";
import "./comments.css";
import { errorMessage } from "../api/errorMessage";
import { useReportId } from "../report/ReportIdContext";

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
  const reportId = useReportId();
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
          setError(errorMessage(failure));
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
          <a className="button button--small" href={apiUrl("commentMatrixCsv", {}, query)} download>
            Matrix (CSV)
          </a>
          <a
            className="button button--small"
            href={apiUrl("commentMatrixDocx", {}, query)}
            download
          >
            Matrix (Word)
          </a>
        </div>
      </header>
      <form className="review-filters" aria-label="Filter comments">
        <FilterSelect
          label="Section"
          value={filter.section ?? ""}
          testId="review-filter-section"
          onChange={(value) => setFilter({ ...filter, section: value || undefined })}
          options={[
            ["", "All sections"],
            ...report.sections.map((section): Choice => [section.id, section.title]),
          ]}
        />
        <FilterSelect
          label="Author"
          value={filter.author === undefined ? "" : String(filter.author)}
          testId="review-filter-author"
          onChange={(value) => setFilter({ ...filter, author: value ? Number(value) : undefined })}
          options={[["", "Everyone"], ...authors.map((a): Choice => [String(a.id), a.name])]}
        />
        <FilterSelect
          label="State"
          value={filter.state ?? ""}
          testId="review-filter-state"
          onChange={(value) =>
            setFilter({ ...filter, state: (value || undefined) as CommentFilter["state"] })
          }
          options={[
            ["open", "Open"],
            ["resolved", "Resolved"],
            ["", "Open and resolved"],
          ]}
        />
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
          const path = sectionPath(reportId, thread.sectionId);
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
                <CommentByline item={thread} avatar={false} />
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
                        <CommentByline item={reply} avatar={false} />
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

/** One option of a filter: its value and its text. */
type Choice = [value: string, text: string];

/** One filter of the Review page: a labelled choice. */
function FilterSelect({
  label,
  value,
  testId,
  onChange,
  options,
}: {
  label: string;
  value: string;
  testId: string;
  onChange: (value: string) => void;
  options: Choice[];
}) {
  return (
    <label>
      {label}
      <select
        className="select"
        value={value}
        data-testid={testId}
        onChange={(event) => onChange(event.target.value)}
      >
        {options.map(([choice, text]) => (
          <option key={choice} value={choice}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
