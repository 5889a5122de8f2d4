import { type FormEvent, useId, useState } from "react";
import { FormError } from "./FormError";
import { useAction } from "./useAction";

/** Props of {@link NewCommentForm}. */
export interface NewCommentFormProps {
  /** The selected text the comment is about. */
  quote: string;
  onSubmit: (text: string, replacement: string | null) => Promise<unknown>;
  onCancel: () => void;
}

/** The form for a new comment on the selected text, with an optional suggested replacement. */
export function NewCommentForm({ quote, onSubmit, onCancel }: NewCommentFormProps) {
  const [text, setText] = useState("");
  const [suggest, setSuggest] = useState(false);
  const [replacement, setReplacement] = useState(quote);
  const { busy, error, run } = useAction();
  const id = useId();

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy || text.trim() === "") return;
    // The form closes once the comment is added: stay busy until then (no second comment).
    await run(() => onSubmit(text, suggest ? replacement : null), { keepBusyOnSuccess: true });
  };

  return (
    <form
      className="comment-card comment-card--new"
      onSubmit={submit}
      data-testid="new-comment-form"
      aria-label="New comment"
    >
      <blockquote className="comment-card__quote">{quote}</blockquote>
      <label className="visually-hidden" htmlFor={`${id}-text`}>
        Comment
      </label>
      <textarea
        id={`${id}-text`}
        className="comment-form__input"
        rows={3}
        value={text}
        placeholder="Comment…"
        // biome-ignore lint/a11y/noAutofocus: opened by an explicit request to comment
        autoFocus
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) void submit();
          if (event.key === "Escape") onCancel();
        }}
      />
      <label className="comment-form__check">
        <input
          type="checkbox"
          checked={suggest}
          onChange={(event) => setSuggest(event.target.checked)}
        />
        Suggest replacement
      </label>
      {suggest && (
        <>
          <label className="visually-hidden" htmlFor={`${id}-replacement`}>
            Replacement text
          </label>
          <input
            id={`${id}-replacement`}
            className="comment-form__input comment-form__input--line"
            value={replacement}
            placeholder="Replacement (empty: delete the text)"
            onChange={(event) => setReplacement(event.target.value.replace(/[\r\n]+/g, " "))}
          />
        </>
      )}
      <FormError error={error} />
      <div className="comment-form__actions">
        <button type="button" className="button button--small button--quiet" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="submit"
          className="button button--small button--primary"
          disabled={busy || text.trim() === ""}
        >
          Comment
        </button>
      </div>
    </form>
  );
}
