import type { CodedExcerpt } from "@rapporteur/api";
import type { FormEvent } from "react";
import { apiRequest } from "../api/apiRequest";
import { FieldError } from "../ui/FieldError";
import { FormActions } from "../ui/FormActions";
import { ModalDialog } from "../ui/ModalDialog";
import { useDialogRequest } from "../ui/useDialogRequest";

/** Props of {@link ExcerptDeleteDialog}. */
export interface ExcerptDeleteDialogProps {
  excerpt: CodedExcerpt;
  /** The server deleted the excerpt. */
  onDeleted: () => void;
  onClose: () => void;
}

/** Confirms deleting a coded excerpt: the passage loses its codes, the codes stay. */
export function ExcerptDeleteDialog({ excerpt, onDeleted, onClose }: ExcerptDeleteDialogProps) {
  const { busy, problem, send } = useDialogRequest(onClose);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    send(
      () => apiRequest("deleteEvidenceExcerpt", { params: { id: excerpt.id } }),
      () => onDeleted(),
    );
  };

  return (
    <ModalDialog
      title="Delete this coded excerpt?"
      onClose={onClose}
      onSubmit={submit}
      testId="excerpt-delete-dialog"
    >
      <blockquote className="evidence-code-dialog__quote" dir="auto">
        {excerpt.quote}
      </blockquote>
      <p>
        The passage of “{excerpt.sourceTitle}” is no longer coded; the codes stay in the codebook.
      </p>
      <FieldError problem={problem} />
      <FormActions
        submitLabel="Delete"
        busyLabel="Deleting…"
        busy={busy}
        onCancel={onClose}
        submitTestId="excerpt-delete-submit"
      />
    </ModalDialog>
  );
}
