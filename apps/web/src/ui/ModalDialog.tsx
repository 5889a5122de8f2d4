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
 * A modal `<dialog>` open while mounted: titled by its heading, Escape asks `onClose`, and the
 * page behind is inert until it closes.
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
    if (dialog && !dialog.open) dialog.showModal();
    initialFocus?.current?.focus();
    return () => dialog?.close();
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
