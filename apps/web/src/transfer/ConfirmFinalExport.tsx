import type { PreflightItem } from "@rapporteur/api";
import { useRef } from "react";
import { FormActions } from "../ui/FormActions";
import { ModalDialog } from "../ui/ModalDialog";
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
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <ModalDialog
      className="lead-dialog preflight-dialog"
      title={
        items.length === 0
          ? "Export the final copy?"
          : `${items.length} ${items.length === 1 ? "thing" : "things"} to check before the final copy`
      }
      testId="confirm-final-export"
      initialFocus={cancelRef}
      onClose={onClose}
    >
      {items.length === 0 ? (
        <p className="dialog-hint">Every section is approved and within its allocation.</p>
      ) : (
        <ul
          className="preflight-list"
          aria-label="Things to check"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling list must be reachable (WCAG 2.1.1)
          tabIndex={0}
          data-testid="preflight-items"
        >
          {items.map((item) => (
            <li key={`${item.kind} ${item.section ?? ""} ${item.message}`} data-kind={item.kind}>
              {item.message}
            </li>
          ))}
        </ul>
      )}
      <FormActions
        submitLabel={items.length === 0 ? what : `Export ${what} anyway`}
        onConfirm={onConfirm}
        onCancel={onClose}
        cancelRef={cancelRef}
      />
    </ModalDialog>
  );
}
