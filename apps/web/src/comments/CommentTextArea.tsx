/** Props of {@link CommentTextArea}. */
export interface CommentTextAreaProps {
  id: string;
  /** Read by screen readers (the label is not shown). */
  label: string;
  value: string;
  onChange: (text: string) => void;
  rows: number;
  placeholder?: string;
  autoFocus?: boolean;
  /** Ctrl/Cmd-Enter. */
  onSubmit: () => void;
  /** Escape. */
  onCancel?: () => void;
}

/** The text area of the comment forms: Ctrl/Cmd-Enter sends, Escape cancels. */
export function CommentTextArea({
  id,
  label,
  value,
  onChange,
  rows,
  placeholder,
  autoFocus,
  onSubmit,
  onCancel,
}: CommentTextAreaProps) {
  return (
    <>
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        className="comment-form__input"
        value={value}
        rows={rows}
        placeholder={placeholder}
        // biome-ignore lint/a11y/noAutofocus: the form opens on an explicit request to write
        autoFocus={autoFocus}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) onSubmit();
          if (event.key === "Escape") onCancel?.();
        }}
      />
    </>
  );
}
