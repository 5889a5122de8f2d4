import { type FormEvent, useState } from "react";
import { FieldError } from "../ui/FieldError";
import { FormActions } from "../ui/FormActions";
import { TextField } from "../ui/TextField";

/** Props of {@link InlineRename}. */
export interface InlineRenameProps {
  /** The title now. */
  title: string;
  /** The field's label ("Title of the section"). */
  label: string;
  testId: string;
  /** Saves the new title; resolves to the problem to show, or null once saved. */
  onSave: (title: string) => Promise<string | null>;
  onCancel: () => void;
}

/** A title edited in place: Enter saves, Escape or Cancel keeps the title as it was. */
export function InlineRename({ title, label, testId, onSave, onCancel }: InlineRenameProps) {
  const [draft, setDraft] = useState(title);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const wanted = draft.trim();
    if (wanted === "") return setProblem("Enter a title.");
    if (wanted === title) return onCancel();
    setSaving(true);
    const refused = await onSave(wanted);
    setSaving(false);
    setProblem(refused);
  };

  return (
    <form className="outline-rename" onSubmit={submit} data-testid={testId}>
      <TextField
        label={label}
        value={draft}
        autoFocus
        aria-invalid={problem ? true : undefined}
        onText={(text) => {
          setDraft(text);
          setProblem(null);
        }}
        onKeyDown={(event) => {
          if (event.key === "Escape") {
            event.preventDefault();
            event.stopPropagation();
            onCancel();
          }
        }}
      />
      <FormActions
        small
        className="outline-rename__actions"
        submitLabel="Save"
        busy={saving}
        onCancel={onCancel}
      />
      <FieldError problem={problem} />
    </form>
  );
}
