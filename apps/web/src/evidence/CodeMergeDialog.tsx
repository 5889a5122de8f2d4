import type { ApiAnswers, EvidenceCode } from "@rapporteur/api";
import { type FormEvent, useState } from "react";
import { apiRequest } from "../api/apiRequest";
import { FieldError } from "../ui/FieldError";
import { FormActions } from "../ui/FormActions";
import { ModalDialog } from "../ui/ModalDialog";
import { SelectField } from "../ui/SelectField";
import { useDialogRequest } from "../ui/useDialogRequest";
import { mergeChoices, mergeSummary } from "./codebookChoices";

/** Props of {@link CodeMergeDialog}. */
export interface CodeMergeDialogProps {
  code: EvidenceCode;
  codes: readonly EvidenceCode[];
  /** The server merged the code. */
  onMerged: (answer: ApiAnswers["mergeEvidenceCode"]) => void;
  onClose: () => void;
}

/** Merges a code into another: that one tags its excerpts and takes its sub-codes. */
export function CodeMergeDialog({ code, codes, onMerged, onClose }: CodeMergeDialogProps) {
  const choices = mergeChoices(codes, code.id);
  const [into, setInto] = useState(choices[0]?.value ?? "");
  const { busy, problem, send } = useDialogRequest(onClose);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (into === "") return;
    send(
      () =>
        apiRequest("mergeEvidenceCode", { params: { id: code.id }, body: { into: Number(into) } }),
      onMerged,
    );
  };

  return (
    <ModalDialog
      title={`Merge the code “${code.name}”`}
      onClose={onClose}
      onSubmit={submit}
      testId="code-merge-dialog"
    >
      {choices.length === 0 ? (
        <p>The codebook has no other code to merge it into.</p>
      ) : (
        <>
          <SelectField
            label="Into"
            value={into}
            options={choices}
            onValue={setInto}
            autoFocus
            data-testid="code-merge-into"
          />
          <p className="dialog-hint" data-testid="code-merge-summary">
            {mergeSummary(codes, code.id, Number(into))}
          </p>
        </>
      )}
      <FieldError problem={problem} testId="code-merge-problem" />
      <FormActions
        submitLabel="Merge"
        busyLabel="Merging…"
        busy={busy}
        disabled={choices.length === 0}
        onCancel={onClose}
        submitTestId="code-merge-submit"
      />
    </ModalDialog>
  );
}
