import { type FormEvent, type ReactNode, type RefObject, useEffect, useId, useRef } from "react";

/** Props of {@link ModalDialog}. */
export interface ModalDialogProps {
  title: ReactNode;
  /** Asked when the user presses Escape; the caller unmounts the dialog to close it. */
  onClose: () => void;
  /** With it the content is a form: Enter submits. */
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  className?: string;
  testId?: string;
  /** Id of the text that describes the dialog. */
  describedBy?: string;
  /** Focused once the dialog is open (else the browser's first focusable element). */
  initialFocus?: RefObject<HTMLElement | null>;
  children: ReactNode;
}

/**
 * A modal `<dialog>` open while mounted: titled by its heading, Escape asks `onClose`, the page
 * behind is inert until it closes, and the focus goes back to what opened it.
 */
export function ModalDialog({
  title,
  onClose,
  onSubmit,
  className,
  testId,
  describedBy,
  initialFocus,
  children,
}: ModalDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  // biome-ignore lint/correctness/useExhaustiveDependencies: opened once, on mount
  useEffect(() => {
    const dialog = dialogRef.current;
    const opener = document.activeElement;
    if (dialog && !dialog.open) dialog.showModal();
    initialFocus?.current?.focus();
    return () => {
      dialog?.close();
      // Focus left with the dialog: back to what opened it, unless the caller moved it elsewhere.
      const lost = !document.activeElement || document.activeElement === document.body;
      if (lost && opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  const content = (
    <>
      <h2 id={titleId}>{title}</h2>
      {children}
    </>
  );
  return (
    <dialog
      ref={dialogRef}
      className={className}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {onSubmit ? (
        <form method="dialog" onSubmit={onSubmit}>
          {content}
        </form>
      ) : (
        content
      )}
    </dialog>
  );
}
