import type { CodedExcerpt, SourceHit } from "@rapporteur/api";
import { type FormEvent, type KeyboardEvent, useEffect, useId, useState } from "react";
import { ApiError } from "../api/ApiError";
import { apiRequest } from "../api/apiRequest";
import { FieldError } from "../ui/FieldError";
import { FormActions } from "../ui/FormActions";
import { ModalDialog } from "../ui/ModalDialog";
import { TextField } from "../ui/TextField";
import type { CitationDetails } from "./citationAttrs";

/** Props of {@link CitationPicker}. */
export interface CitationPickerProps {
  /** Inserts a citation of the chosen source, of one of its coded passages, with a locator. */
  onPick: (source: SourceHit, details: CitationDetails) => void;
  onClose: () => void;
}

const KIND_LABELS: Record<SourceHit["kind"], string> = {
  submission: "Submission",
  consultation: "Consultation",
  contribution: "Contribution",
  document: "Document",
  literature: "Literature",
};

/** A coded passage as the picker lists it: its start, cut at a word. */
function shortQuote(quote: string): string {
  if (quote.length <= 140) return quote;
  const cut = quote.slice(0, 140);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 100))}…`;
}

/**
 * Finds a source of the evidence library (the server's full-text search) and cites it: type words,
 * move through the results with the arrow keys, Enter cites the highlighted one. The highlighted
 * source's coded passages are offered too (cite one, quoted, or the whole source), and a locator
 * ("p. 12", "para. 4") printed after the reference in the footnote.
 */
export function CitationPicker({ onPick, onClose }: CitationPickerProps) {
  const [query, setQuery] = useState("");
  const [hits, setHits] = useState<SourceHit[]>([]);
  const [total, setTotal] = useState(0);
  const [active, setActive] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [excerpts, setExcerpts] = useState<CodedExcerpt[]>([]);
  const [excerptId, setExcerptId] = useState<number | null>(null);
  const [locator, setLocator] = useState("");
  const listId = useId();
  const activeId = hits[active]?.id ?? null;

  useEffect(() => {
    setExcerpts([]);
    setExcerptId(null);
    if (activeId === null) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      apiRequest("sourceExcerpts", { params: { id: activeId }, signal: controller.signal }).then(
        (answer) => setExcerpts(answer.excerpts),
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setProblem(error instanceof ApiError ? error.message : String(error));
        },
      );
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [activeId]);

  const pick = (hit: SourceHit) => {
    const excerpt =
      hit.id === activeId ? (excerpts.find((e) => e.id === excerptId)?.quote ?? null) : null;
    onPick(hit, { excerpt, locator: locator.trim() === "" ? null : locator });
  };

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const params = new URLSearchParams({ q: query.trim(), limit: "10" });
      apiRequest("searchEvidence", { query: params, signal: controller.signal }).then(
        (answer) => {
          setHits(answer.items);
          setTotal(answer.total);
          setActive(0);
          setProblem(null);
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setProblem(error instanceof ApiError ? error.message : String(error));
        },
      );
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const hit = hits[active];
    if (hit) pick(hit);
    else setProblem("No source is selected: type words of its title or text.");
  };

  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (hits.length === 0) return;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setActive((index) => Math.min(index + 1, hits.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, 0));
    }
  };

  const optionId = (index: number) => `${listId}-option-${index}`;
  return (
    <ModalDialog
      className="citation-picker"
      testId="citation-picker"
      title="Cite a source"
      onClose={onClose}
      onSubmit={submit}
    >
      <TextField
        label="Search the evidence library"
        data-testid="citation-search"
        autoFocus
        type="search"
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls={listId}
        aria-activedescendant={hits[active] ? optionId(active) : undefined}
        aria-autocomplete="list"
        value={query}
        onText={setQuery}
        onKeyDown={onKey}
      />
      <p className="dialog-hint" role="status">
        {total === 0
          ? "No source matches."
          : `${total} ${total === 1 ? "source matches" : "sources match"}; ↑ ↓ to choose, Enter to cite.`}
      </p>
      <div className="citation-picker__results" id={listId} role="listbox" aria-label="Sources">
        {hits.map((hit, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the search field's arrow keys choose
          <div
            key={hit.id}
            id={optionId(index)}
            role="option"
            tabIndex={-1}
            aria-selected={index === active}
            className={`citation-picker__result${index === active ? " is-active" : ""}`}
            onClick={() => pick(hit)}
          >
            <span className="citation-picker__title">{hit.title}</span>
            <span className="citation-picker__meta">
              {[KIND_LABELS[hit.kind], hit.group?.replace(/_/g, " "), hit.country, hit.region]
                .filter(Boolean)
                .join(" · ")}
            </span>
          </div>
        ))}
      </div>
      {excerpts.length > 0 && (
        <fieldset className="citation-picker__excerpts" data-testid="citation-excerpts">
          <legend>Cite</legend>
          <label className="citation-picker__excerpt">
            <input
              type="radio"
              name={`${listId}-excerpt`}
              checked={excerptId === null}
              onChange={() => setExcerptId(null)}
            />{" "}
            The whole source
          </label>
          {excerpts.map((excerpt) => (
            <label key={excerpt.id} className="citation-picker__excerpt">
              <input
                type="radio"
                name={`${listId}-excerpt`}
                checked={excerptId === excerpt.id}
                onChange={() => setExcerptId(excerpt.id)}
              />{" "}
              <q dir="auto">{shortQuote(excerpt.quote)}</q>
            </label>
          ))}
        </fieldset>
      )}
      <TextField
        label="Page or paragraph (optional)"
        placeholder="p. 12 or para. 4"
        maxLength={100}
        value={locator}
        onText={setLocator}
        data-testid="citation-locator"
      />
      <FieldError problem={problem} />
      <FormActions
        submitLabel="Cite"
        submitTestId="citation-submit"
        disabled={hits.length === 0}
        onCancel={onClose}
      />
    </ModalDialog>
  );
}
