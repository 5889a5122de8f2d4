import type { PreflightItem } from "@rapporteur/api";
import { useId } from "react";
import { useConfirmDialog } from "../layout/useConfirmDialog";
import "./preflight.css";

/** Props of {@link ConfirmFinalExport}. */
export interface ConfirmFinalExportProps {
  /** "Word — final" or "PDF — final". */
  what: string;
  /** The server's preflight findings (`GET /api/export/preflight`). */
  items: PreflightItem[];
  onConfirm: () => void;
  onClose: () => void;
}

/**
 * Shows an editor what the preflight found before the final export (sections not approved,
 * empty, over or under their allocation, open comments, empty footnotes) and asks to confirm:
 * a modal dialog, focus on Cancel so that Enter never exports by accident.
 */
export function ConfirmFinalExport({ what, items, onConfirm, onClose }: ConfirmFinalExportProps) {
  const { dialogRef, cancelRef } = useConfirmDialog();
  const titleId = useId();

  return (
    <dialog
      ref={dialogRef}
      className="lead-dialog preflight-dialog"
      aria-labelledby={titleId}
      data-testid="confirm-final-export"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="preflight-dialog__body">
        <h2 id={titleId}>
          {items.length === 0
            ? `Export the final copy?`
            : `${items.length} ${items.length === 1 ? "thing" : "things"} to check before the final copy`}
        </h2>
        {items.length === 0 ? (
          <p className="dialog-hint">Every section is approved and within its allocation.</p>
        ) : (
          <ul className="preflight-list" data-testid="preflight-items">
            {items.map((item) => (
              <li key={`${item.kind} ${item.section ?? ""} ${item.message}`} data-kind={item.kind}>
                {item.message}
              </li>
            ))}
          </ul>
        )}
        <div className="dialog-actions">
          <button ref={cancelRef} type="button" className="button button--quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button button--primary" onClick={onConfirm}>
            {items.length === 0 ? what : `Export ${what} anyway`}
          </button>
        </div>
      </div>
    </dialog>
  );
}
