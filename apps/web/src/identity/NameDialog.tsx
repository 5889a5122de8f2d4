import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { MAX_DISPLAY_NAME_LENGTH, normaliseDisplayName } from "./displayNameStore";

/** Props of {@link NameDialog}. */
export interface NameDialogProps {
  /** The current name when changing it; absent on first visit (the dialog cannot be dismissed). */
  currentName?: string;
  onSubmit: (name: string) => void;
  onCancel?: () => void;
}

/** Modal asking for the display name shown to co-authors beside the user's caret. */
export function NameDialog({ currentName, onSubmit, onCancel }: NameDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [value, setValue] = useState(currentName ?? "");
  const [problem, setProblem] = useState<string | null>(null);
  const titleId = useId();
  const hintId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = normaliseDisplayName(value);
    if (!name) {
      setProblem("Please enter the name your co-authors know you by.");
      return;
    }
    onSubmit(name);
  };

  return (
    <dialog
      ref={dialogRef}
      className="name-dialog"
      aria-labelledby={titleId}
      aria-describedby={hintId}
      onCancel={(event) => {
        // Escape closes only when there is already a name to fall back on.
        event.preventDefault();
        onCancel?.();
      }}
    >
      <form method="dialog" onSubmit={submit}>
        <h2 id={titleId}>{currentName ? "Change your display name" : "Welcome to Rapporteur"}</h2>
        <p id={hintId} className="name-dialog__hint">
          Your name is shown to co-authors beside your cursor and in the list of people working on a
          section.
        </p>
        <label className="field">
          <span className="field__label">Display name</span>
          <input
            data-testid="name-input"
            autoFocus
            autoComplete="name"
            maxLength={MAX_DISPLAY_NAME_LENGTH}
            value={value}
            onChange={(event) => {
              setValue(event.target.value);
              setProblem(null);
            }}
            aria-invalid={problem ? true : undefined}
            placeholder="e.g. Amina Diallo"
          />
        </label>
        {problem && (
          <p className="field__error" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog-actions">
          {onCancel && (
            <button type="button" className="button button--quiet" onClick={onCancel}>
              Cancel
            </button>
          )}
          <button type="submit" className="button button--primary" data-testid="name-submit">
            {currentName ? "Save name" : "Start drafting"}
          </button>
        </div>
      </form>
    </dialog>
  );
}
