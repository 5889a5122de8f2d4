import type { EvidenceCode } from "@rapporteur/api";
import { type FormEvent, useState } from "react";
import { apiRequest } from "../api/apiRequest";
import { Field } from "../ui/Field";
import { FieldError } from "../ui/FieldError";
import { FormActions } from "../ui/FormActions";
import { ModalDialog } from "../ui/ModalDialog";
import { SelectField } from "../ui/SelectField";
import { TextField } from "../ui/TextField";
import { useDialogRequest } from "../ui/useDialogRequest";
import { parentChoices, TOP_LEVEL } from "./codebookChoices";

/** Props of {@link CodeEditDialog}. */
export interface CodeEditDialogProps {
  code: EvidenceCode;
  codes: readonly EvidenceCode[];
  /** The server saved the change. */
  onSaved: (code: EvidenceCode) => void;
  onClose: () => void;
}

/**
 * Renames a code, changes its colour and description, or moves it under another code (never
 * under itself or one of its sub-codes); sends only what changed, shows the server's refusal.
 */
export function CodeEditDialog({ code, codes, onSaved, onClose }: CodeEditDialogProps) {
  const [name, setName] = useState(code.name);
  const [colour, setColour] = useState(code.colour);
  const [description, setDescription] = useState(code.description);
  const [parent, setParent] = useState(code.parent === null ? TOP_LEVEL : String(code.parent));
  const { busy, problem, send } = useDialogRequest(onClose);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const newParent = parent === TOP_LEVEL ? null : Number(parent);
    const body = {
      ...(name !== code.name ? { name } : {}),
      ...(colour !== code.colour ? { colour } : {}),
      ...(description !== code.description ? { description } : {}),
      ...(newParent !== code.parent ? { parent: newParent } : {}),
    };
    if (Object.keys(body).length === 0) {
      onClose();
      return;
    }
    send(() => apiRequest("updateEvidenceCode", { params: { id: code.id }, body }), onSaved);
  };

  return (
    <ModalDialog
      title={`Edit the code “${code.name}”`}
      onClose={onClose}
      onSubmit={submit}
      testId="code-edit-dialog"
    >
      <TextField
        label="Name"
        value={name}
        onText={setName}
        required
        maxLength={120}
        autoFocus
        data-testid="code-edit-name"
      />
      <TextField
        label="Colour"
        type="color"
        value={colour}
        onText={setColour}
        data-testid="code-edit-colour"
      />
      <Field label="Description">
        <textarea
          className="outline-textarea"
          rows={3}
          maxLength={2000}
          value={description}
          data-testid="code-edit-description"
          onChange={(event) => setDescription(event.target.value)}
        />
      </Field>
      <SelectField
        label="Under"
        value={parent}
        options={parentChoices(codes, code.id)}
        onValue={setParent}
        data-testid="code-edit-parent"
      />
      <FieldError problem={problem} testId="code-edit-problem" />
      <FormActions
        submitLabel="Save"
        busy={busy}
        onCancel={onClose}
        submitTestId="code-edit-submit"
      />
    </ModalDialog>
  );
}
