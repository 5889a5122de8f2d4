import { type ReactNode, useEffect, useId, useRef } from "react";

/** Props of {@link ImportDialogFrame}. */
export interface ImportDialogFrameProps {
  title: string;
  /** While true (a file on its way), Escape does not close the dialog. */
  busy: boolean;
  onClose: () => void;
  /** The primary (submit) button's action. */
  onSubmit: () => void;
  /** The dialog's buttons. */
  actions: ReactNode;
  testId?: string;
  children: ReactNode;
}

/**
 * The modal dialog of an import ("Import into this section…", "Import a reviewed Word file…"):
 * opened as a modal, its title, its body, its buttons; Escape closes it unless busy.
 */
export function ImportDialogFrame({
  title,
  busy,
  onClose,
  onSubmit,
  actions,
  testId,
  children,
}: ImportDialogFrameProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={dialogRef}
      className="import-dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
        <div className="dialog-actions">{actions}</div>
      </form>
    </dialog>
  );
}

/** What an import could not keep or place, one item per line. */
export function ImportWarnings({ items, testId }: { items: ReactNode[]; testId: string }) {
  return (
    <ul className="import-warnings" data-testid={testId}>
      {items.map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: items may repeat; their order is fixed
        <li key={index}>{item}</li>
      ))}
    </ul>
  );
}
