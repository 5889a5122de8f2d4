import { type FormEvent, useId, useState } from "react";
import { FormError } from "./FormError";
import { useAction } from "./useAction";

/** Props of {@link TextForm}. */
export interface TextFormProps {
  label: string;
  submitLabel: string;
  initialText?: string;
  placeholder?: string;
  autoFocus?: boolean;
  testId?: string;
  onSubmit: (text: string) => Promise<unknown>;
  onCancel?: () => void;
}

/** A small form with one text area (reply, edit): Ctrl/Cmd-Enter sends, Escape cancels. */
export function TextForm({
  label,
  submitLabel,
  initialText = "",
  placeholder,
  autoFocus,
  testId,
  onSubmit,
  onCancel,
}: TextFormProps) {
  const [text, setText] = useState(initialText);
  const { busy, error, run } = useAction();
  const id = useId();

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy || text.trim() === "") return;
    await run(async () => {
      await onSubmit(text);
      setText("");
    });
  };

  return (
    <form className="comment-form" onSubmit={submit} data-testid={testId}>
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        className="comment-form__input"
        value={text}
        rows={2}
        placeholder={placeholder ?? label}
        // biome-ignore lint/a11y/noAutofocus: the form opens on an explicit request to write
        autoFocus={autoFocus}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) void submit();
          if (event.key === "Escape" && onCancel) onCancel();
        }}
      />
      <FormError error={error} />
      <div className="comment-form__actions">
        {onCancel && (
          <button type="button" className="button button--small button--quiet" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button
          type="submit"
          className="button button--small button--primary"
          disabled={busy || text.trim() === ""}
        >
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
