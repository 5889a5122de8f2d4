import { isReportLink } from "@rapporteur/schema";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { safeLinkUrl } from "./safeLinkUrl";

/** Props of {@link LinkDialog}. */
export interface LinkDialogProps {
  /** The current target when editing an existing link. */
  initialHref: string;
  /** Where the link goes when not in the body text ("footnote 2"), for the title. */
  place?: string;
  onApply: (href: string) => void;
  onRemove?: () => void;
  onClose: () => void;
}

/** Asks for a link target; accepts only web (http, https) and e-mail (mailto) addresses. */
export function LinkDialog({ initialHref, place, onApply, onRemove, onClose }: LinkDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [value, setValue] = useState(initialHref);
  const [problem, setProblem] = useState<string | null>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const href = safeLinkUrl(value);
    if (!href || !isReportLink(href)) {
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value.trim())?.[1]?.toLowerCase();
      const refused = scheme && !["http", "https", "mailto"].includes(scheme);
      setProblem(
        `${refused ? `“${scheme}:” links are not allowed. ` : ""}Enter a web address (https://…) or an e-mail address.`,
      );
      return;
    }
    onApply(href);
  };

  return (
    <dialog
      ref={dialogRef}
      className="link-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form method="dialog" onSubmit={submit}>
        <h2 id={titleId}>
          {initialHref ? "Edit link" : "Insert link"}
          {place ? ` in ${place}` : ""}
        </h2>
        <label className="field">
          <span className="field__label">Address</span>
          <input
            data-testid="link-input"
            autoFocus
            type="text"
            inputMode="url"
            value={value}
            placeholder="https://unctad.org/…"
            aria-invalid={problem ? true : undefined}
            onChange={(event) => {
              setValue(event.target.value);
              setProblem(null);
            }}
          />
        </label>
        {problem && (
          <p className="field__error" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog-actions">
          {onRemove && (
            <button type="button" className="button button--danger" onClick={onRemove}>
              Remove link
            </button>
          )}
          <span className="dialog-actions__spacer" />
          <button type="button" className="button button--quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" data-testid="link-submit">
            Apply
          </button>
        </div>
      </form>
    </dialog>
  );
}
