import { type FormEvent, useId, useState } from "react";
import { Checkbox } from "../ui/Checkbox";
import { FormActions } from "../ui/FormActions";
import { CommentTextArea } from "./CommentTextArea";
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
      <CommentTextArea
        id={`${id}-text`}
        label="Comment"
        value={text}
        onChange={setText}
        rows={3}
        placeholder="Comment…"
        autoFocus
        onSubmit={() => void submit()}
        onCancel={onCancel}
      />
      <Checkbox className="comment-form__check" checked={suggest} onChange={setSuggest}>
        Suggest replacement
      </Checkbox>
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
      <FormActions
        className="comment-form__actions"
        small
        submitLabel="Comment"
        disabled={busy || text.trim() === ""}
        onCancel={onCancel}
      />
    </form>
  );
}
