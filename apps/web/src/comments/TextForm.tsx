import { type FormEvent, useId, useState } from "react";
import { FormActions } from "../ui/FormActions";
import { CommentTextArea } from "./CommentTextArea";
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
      <CommentTextArea
        id={id}
        label={label}
        value={text}
        onChange={setText}
        rows={2}
        placeholder={placeholder ?? label}
        autoFocus={autoFocus}
        onSubmit={() => void submit()}
        onCancel={onCancel}
      />
      <FormError error={error} />
      <FormActions
        className="comment-form__actions"
        small
        submitLabel={submitLabel}
        disabled={busy || text.trim() === ""}
        onCancel={onCancel}
      />
    </form>
  );
}
