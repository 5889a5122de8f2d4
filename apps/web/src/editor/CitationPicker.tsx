import type { SourceHit } from "@rapporteur/api";
import { type FormEvent, type KeyboardEvent, useEffect, useId, useState } from "react";
import { ApiError } from "../api/ApiError";
import { apiRequest } from "../api/apiRequest";
import { FieldError } from "../ui/FieldError";
import { FormActions } from "../ui/FormActions";
import { ModalDialog } from "../ui/ModalDialog";
import { TextField } from "../ui/TextField";

/** Props of {@link CitationPicker}. */
export interface CitationPickerProps {
  /** Inserts a citation of the chosen source. */
  onPick: (source: SourceHit) => void;
  onClose: () => void;
}

const KIND_LABELS: Record<SourceHit["kind"], string> = {
  submission: "Submission",
  consultation: "Consultation",
  contribution: "Contribution",
  document: "Document",
  literature: "Literature",
};

/**
 * Finds a source of the evidence library (the server's full-text search) and cites it: type words,
 * move through the results with the arrow keys, Enter cites the highlighted one.
 */
export function CitationPicker({ onPick, onClose }: CitationPickerProps) {
  const [query, setQuery] = useState("");
  const [hits, setHits] = useState<SourceHit[]>([]);
  const [total, setTotal] = useState(0);
  const [active, setActive] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const listId = useId();

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
    if (hit) onPick(hit);
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
            onClick={() => onPick(hit)}
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
