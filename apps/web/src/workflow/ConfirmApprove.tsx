import { useId, useRef } from "react";
import { FormActions } from "../ui/FormActions";
import { ModalDialog } from "../ui/ModalDialog";

/** Props of {@link ConfirmApprove}. */
export interface ConfirmApproveProps {
  sectionTitle: string;
  onConfirm: () => void;
  onClose: () => void;
}

/**
 * Asks an editor to confirm "Approve and lock": a modal dialog (Escape or Cancel closes it,
 * focus starts on Cancel so Enter never locks by accident); the caller returns the focus.
 */
export function ConfirmApprove({ sectionTitle, onConfirm, onClose }: ConfirmApproveProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const textId = useId();

  return (
    <ModalDialog
      className="lead-dialog"
      title="Approve and lock this section?"
      describedBy={textId}
      testId="confirm-approve"
      initialFocus={cancelRef}
      onClose={onClose}
    >
      <p id={textId} className="dialog-hint">
        “{sectionTitle}” becomes read-only for drafters until an editor reopens it.
      </p>
      <FormActions
        submitLabel="Approve and lock"
        onConfirm={onConfirm}
        onCancel={onClose}
        cancelRef={cancelRef}
      />
    </ModalDialog>
  );
}
