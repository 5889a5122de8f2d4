import type { ReactNode, Ref } from "react";
import { Button } from "./Button";

/** Props of {@link FormActions}. */
export interface FormActionsProps {
  /** The main button's label. */
  submitLabel: ReactNode;
  /** Shown instead of `submitLabel` while `busy` ("Saving…" by default). */
  busyLabel?: ReactNode;
  busy?: boolean;
  /** The main button is disabled (it also is while `busy`). */
  disabled?: boolean;
  /** Without a form: what the main button does (else it submits the form). */
  onConfirm?: () => void;
  submitTestId?: string;
  /** With it, a Cancel button before the main one. */
  onCancel?: () => void;
  cancelRef?: Ref<HTMLButtonElement>;
  /** Small buttons (forms inside cards). */
  small?: boolean;
  /** The row's class (`dialog-actions` by default). */
  className?: string;
  /** Further buttons, before Cancel. */
  children?: ReactNode;
}

/** The button row of a form or dialog: extra buttons, Cancel, then the main action. */
export function FormActions({
  submitLabel,
  busyLabel = "Saving…",
  busy = false,
  disabled = false,
  onConfirm,
  submitTestId,
  onCancel,
  cancelRef,
  small,
  className = "dialog-actions",
  children,
}: FormActionsProps) {
  return (
    <div className={className}>
      {children}
      {onCancel && (
        <Button ref={cancelRef} variant="quiet" small={small} onClick={onCancel}>
          Cancel
        </Button>
      )}
      <Button
        type={onConfirm ? "button" : "submit"}
        variant="primary"
        small={small}
        disabled={disabled || busy}
        data-testid={submitTestId}
        onClick={onConfirm}
      >
        {busy ? busyLabel : submitLabel}
      </Button>
    </div>
  );
}
