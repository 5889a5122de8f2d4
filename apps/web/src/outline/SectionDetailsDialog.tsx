import type { SectionView } from "@rapporteur/api";
import { type FormEvent, useState } from "react";
import { Field } from "../ui/Field";
import { FieldError } from "../ui/FieldError";
import { FormActions } from "../ui/FormActions";
import { ModalDialog } from "../ui/ModalDialog";
import { TextField } from "../ui/TextField";
import { allocationProblem, parseAllocation } from "./parseAllocation";

/** Props of {@link SectionDetailsDialog}. */
export interface SectionDetailsDialogProps {
  section: SectionView;
  onClose: () => void;
  /** Saves; resolves to the problem to show, or null once saved (the caller closes the dialog). */
  onSave: (change: { guidance: string; budget: number }) => Promise<string | null>;
}

/** An editor's guidance note and word allocation of one section. */
export function SectionDetailsDialog({ section, onClose, onSave }: SectionDetailsDialogProps) {
  const [guidance, setGuidance] = useState(section.guidance);
  const [allocation, setAllocation] = useState(String(section.budget));
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const budget = parseAllocation(allocation);
    if (budget === null) return setProblem(allocationProblem);
    setSaving(true);
    const refused = await onSave({ guidance: guidance.trim(), budget });
    setSaving(false);
    setProblem(refused);
  };

  return (
    <ModalDialog
      title={`Guidance and allocation of “${section.title}”`}
      className="outline-dialog"
      testId="outline-details-dialog"
      onClose={onClose}
      onSubmit={submit}
    >
      <Field label="Guidance for the drafters">
        <textarea
          className="outline-textarea"
          rows={5}
          value={guidance}
          data-testid="outline-details-guidance"
          onChange={(event) => setGuidance(event.target.value)}
        />
      </Field>
      <TextField
        label="Allocation, in words"
        inputMode="numeric"
        value={allocation}
        data-testid="outline-details-allocation"
        aria-invalid={problem ? true : undefined}
        onText={(text) => {
          setAllocation(text);
          setProblem(null);
        }}
      />
      <FieldError problem={problem} testId="outline-details-error" />
      <FormActions submitLabel="Save" busy={saving} onCancel={onClose} />
    </ModalDialog>
  );
}
