import type { ReportTemplateId } from "@rapporteur/api";
import { type FormEvent, useId, useState } from "react";
import { apiRequest } from "../api/apiRequest";
import { FieldError } from "../ui/FieldError";
import { FormActions } from "../ui/FormActions";
import { ModalDialog } from "../ui/ModalDialog";
import { SelectField } from "../ui/SelectField";
import { TextField } from "../ui/TextField";
import { useDialogRequest } from "../ui/useDialogRequest";
import { templateSize } from "./templateLabel";
import { useReportTemplates } from "./useReportTemplates";

/** Props of {@link NewReportDialog}. */
export interface NewReportDialogProps {
  onClose: () => void;
  /** The server created report `id`. */
  onCreated: (id: number) => void;
}

/**
 * Creates a report (instance administrators): its title and the template its outline starts
 * from, each template with what it holds; the server's refusal is shown in the dialog.
 */
export function NewReportDialog({ onClose, onCreated }: NewReportDialogProps) {
  const [title, setTitle] = useState("");
  const [chosen, setChosen] = useState<ReportTemplateId | null>(null);
  const { templates, problem: templatesProblem } = useReportTemplates();
  const { busy, problem, send } = useDialogRequest(onClose);
  const describedBy = useId();

  const template = chosen ?? templates?.[0]?.id ?? null;
  const current = templates?.find((t) => t.id === template) ?? null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!template) return;
    send(
      () => apiRequest("createReport", { body: { title: title.trim(), template } }),
      (answer) => onCreated(answer.id),
    );
  };

  return (
    <ModalDialog
      title="New report"
      onClose={onClose}
      onSubmit={submit}
      className="new-report-dialog"
      testId="new-report-dialog"
    >
      <TextField
        label="Title"
        value={title}
        onText={setTitle}
        required
        maxLength={200}
        autoFocus
        placeholder="e.g. Progress made in the implementation of WSIS outcomes (2027)"
        data-testid="new-report-title"
      />
      {templates ? (
        <>
          <SelectField
            label="Template"
            value={template ?? ""}
            options={templates.map((t) => ({ value: t.id, label: t.title }))}
            onValue={(value) => setChosen(value as ReportTemplateId)}
            aria-describedby={describedBy}
            data-testid="new-report-template"
          />
          <div
            id={describedBy}
            className="dialog-hint"
            data-testid="new-report-template-description"
          >
            {current && (
              <>
                <p>{current.description}</p>
                <p className="new-report-dialog__size">Starts with {templateSize(current)}.</p>
              </>
            )}
          </div>
        </>
      ) : (
        !templatesProblem && <p className="dialog-hint">Loading the templates…</p>
      )}
      <FieldError problem={problem ?? templatesProblem} testId="new-report-problem" />
      <FormActions
        submitLabel="Create report"
        busyLabel="Creating…"
        busy={busy}
        disabled={!template}
        onCancel={onClose}
        submitTestId="new-report-submit"
      />
    </ModalDialog>
  );
}
