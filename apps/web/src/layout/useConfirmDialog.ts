import { useEffect, useRef } from "react";

/**
 * Opens a `<dialog>` as a modal when mounted and closes it when unmounted, with the focus on
 * its Cancel button, so that Enter never confirms by accident. Returns the refs to attach.
 */
export function useConfirmDialog() {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    cancelRef.current?.focus();
    return () => dialog?.close();
  }, []);
  return { dialogRef, cancelRef };
}
