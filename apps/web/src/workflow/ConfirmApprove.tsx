import { useId } from "react";
import { useConfirmDialog } from "../layout/useConfirmDialog";

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
  const { dialogRef, cancelRef } = useConfirmDialog();
  const titleId = useId();
  const textId = useId();

  return (
    <dialog
      ref={dialogRef}
      className="lead-dialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      data-testid="confirm-approve"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>Approve and lock this section?</h2>
      <p id={textId} className="dialog-hint">
        “{sectionTitle}” becomes read-only for drafters until an editor reopens it.
      </p>
      <div className="dialog-actions">
        <button ref={cancelRef} type="button" className="button button--quiet" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button button--primary" onClick={onConfirm}>
          Approve and lock
        </button>
      </div>
    </dialog>
  );
}
