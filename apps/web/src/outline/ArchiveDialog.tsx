import type { SectionView } from "@rapporteur/api";
import { useRef, useState } from "react";
import { FieldError } from "../ui/FieldError";
import { FormActions } from "../ui/FormActions";
import { ModalDialog } from "../ui/ModalDialog";

/** Props of {@link ArchiveDialog}. */
export interface ArchiveDialogProps {
  section: SectionView;
  onClose: () => void;
  /** Archives; resolves to the problem to show, or null once archived. */
  onArchive: () => Promise<string | null>;
}

/** Asks before a section leaves the outline, saying that nothing of it is deleted. */
export function ArchiveDialog({ section, onClose, onArchive }: ArchiveDialogProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);

  return (
    <ModalDialog
      title={`Archive “${section.title}”?`}
      className="outline-dialog"
      testId="outline-archive-dialog"
      initialFocus={cancelRef}
      onClose={onClose}
    >
      <div className="outline-dialog__body">
        <p className="dialog-hint">
          It leaves the outline and the exports. Its text, comments and history are kept, and an
          editor can restore it from “Archived sections” on this page. Anyone writing in it is taken
          to the outline.
        </p>
        <FieldError problem={problem} testId="outline-archive-error" />
        <FormActions
          submitLabel="Archive section"
          busyLabel="Archiving…"
          busy={saving}
          cancelRef={cancelRef}
          submitTestId="outline-archive-submit"
          onCancel={onClose}
          onConfirm={async () => {
            setSaving(true);
            const refused = await onArchive();
            setSaving(false);
            setProblem(refused);
          }}
        />
      </div>
    </ModalDialog>
  );
}
