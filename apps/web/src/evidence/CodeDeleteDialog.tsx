import type { EvidenceCode } from "@rapporteur/api";
import { type FormEvent, useState } from "react";
import { apiRequest } from "../api/apiRequest";
import { FieldError } from "../ui/FieldError";
import { FormActions } from "../ui/FormActions";
import { ModalDialog } from "../ui/ModalDialog";
import { SelectField } from "../ui/SelectField";
import { useDialogRequest } from "../ui/useDialogRequest";
import { deletionSummary, mergeChoices } from "./codebookChoices";

/** Props of {@link CodeDeleteDialog}. */
export interface CodeDeleteDialogProps {
  code: EvidenceCode;
  codes: readonly EvidenceCode[];
  /** The server deleted the code. */
  onDeleted: () => void;
  onClose: () => void;
}

/**
 * Confirms deleting a code, saying how many excerpts it tags; a code in use needs another code
 * to take its excerpts (the server refuses to leave them untagged). Its sub-codes move up.
 */
export function CodeDeleteDialog({ code, codes, onDeleted, onClose }: CodeDeleteDialogProps) {
  const inUse = code.excerpts > 0;
  const choices = mergeChoices(codes, code.id);
  const [into, setInto] = useState(choices[0]?.value ?? "");
  const { busy, problem, send } = useDialogRequest(onClose);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const query = inUse ? new URLSearchParams({ mergeInto: into }) : undefined;
    send(
      () => apiRequest("deleteEvidenceCode", { params: { id: code.id }, query }),
      () => onDeleted(),
    );
  };

  return (
    <ModalDialog
      title={`Delete the code “${code.name}”?`}
      onClose={onClose}
      onSubmit={submit}
      testId="code-delete-dialog"
    >
      <p data-testid="code-delete-summary">{deletionSummary(codes, code.id)}</p>
      {inUse &&
        (choices.length === 0 ? (
          <p>The codebook has no other code to take them: add one first.</p>
        ) : (
          <SelectField
            label="Code that takes its excerpts"
            value={into}
            options={choices}
            onValue={setInto}
            data-testid="code-delete-into"
          />
        ))}
      <FieldError problem={problem} testId="code-delete-problem" />
      <FormActions
        submitLabel="Delete"
        busyLabel="Deleting…"
        busy={busy}
        disabled={inUse && choices.length === 0}
        onCancel={onClose}
        submitTestId="code-delete-submit"
      />
    </ModalDialog>
  );
}
