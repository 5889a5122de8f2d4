import type { Source, StakeholderGroup } from "@rapporteur/api";
import { type FormEvent, useState } from "react";
import { apiRequest } from "../api/apiRequest";
import { FieldError } from "../ui/FieldError";
import { FormActions } from "../ui/FormActions";
import { ModalDialog } from "../ui/ModalDialog";
import { SelectField } from "../ui/SelectField";
import { TextField } from "../ui/TextField";
import { useDialogRequest } from "../ui/useDialogRequest";
import { groupChoices } from "./evidenceLabels";
import { type SourceDetailsForm, sourceDetailsForm, sourcePatch } from "./sourcePatch";

/** Props of {@link SourceDetailsDialog}. */
export interface SourceDetailsDialogProps {
  source: Source;
  /** The server saved the correction. */
  onSaved: (source: Source) => void;
  onClose: () => void;
}

const TEXT_FIELDS: [keyof SourceDetailsForm, string, string?][] = [
  ["title", "Title"],
  ["author", "Author"],
  ["organisation", "Organisation"],
  ["country", "Country"],
  ["region", "Region"],
  ["language", "Language"],
  ["date", "Date", "2024, or 2024-05-31"],
  ["symbol", "UN document symbol", "E/CN.16/2024/2"],
  ["url", "Address (URL)", "https://…"],
  ["actionLines", "WSIS Action Lines", "C2, C7"],
  ["sdgs", "SDGs", "5, 9"],
  ["tags", "Tags", "separated by commas"],
];

/**
 * Corrects a source's metadata (editors and drafters): sends only what changed; every footnote
 * citing the source follows in the next export. Shows the server's refusal as it is.
 */
export function SourceDetailsDialog({ source, onSaved, onClose }: SourceDetailsDialogProps) {
  const [form, setForm] = useState(() => sourceDetailsForm(source));
  const { busy, problem, send } = useDialogRequest(onClose);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = sourcePatch(source, form);
    if (Object.keys(body).length === 0) {
      onClose();
      return;
    }
    send(() => apiRequest("updateEvidenceSource", { params: { id: source.id }, body }), onSaved);
  };

  return (
    <ModalDialog
      title="Correct the source's details"
      onClose={onClose}
      onSubmit={submit}
      testId="source-details-dialog"
    >
      {TEXT_FIELDS.map(([field, label, placeholder]) => (
        <TextField
          key={field}
          label={label}
          value={form[field]}
          placeholder={placeholder}
          autoFocus={field === "title"}
          required={field === "title"}
          onText={(text) => setForm((previous) => ({ ...previous, [field]: text }))}
          data-testid={`source-details-${field}`}
        />
      ))}
      <SelectField
        label="Stakeholder group"
        value={form.group}
        options={groupChoices("Not given")}
        onValue={(group) =>
          setForm((previous) => ({ ...previous, group: group as StakeholderGroup | "" }))
        }
        data-testid="source-details-group"
      />
      <FieldError problem={problem} testId="source-details-problem" />
      <FormActions
        submitLabel="Save"
        busy={busy}
        onCancel={onClose}
        submitTestId="source-details-submit"
      />
    </ModalDialog>
  );
}
