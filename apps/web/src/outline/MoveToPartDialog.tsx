import type { ReportView, SectionView } from "@rapporteur/api";
import { type FormEvent, useState } from "react";
import { Field } from "../ui/Field";
import { FieldError } from "../ui/FieldError";
import { FormActions } from "../ui/FormActions";
import { ModalDialog } from "../ui/ModalDialog";

/** Props of {@link MoveToPartDialog}. */
export interface MoveToPartDialogProps {
  report: ReportView;
  section: SectionView;
  onClose: () => void;
  /** Moves the section to the end of the part; resolves to the problem, or null once moved. */
  onMove: (part: string) => Promise<string | null>;
}

/** Moves a section to the end of another part (the keyboard's way across the outline). */
export function MoveToPartDialog({ report, section, onClose, onMove }: MoveToPartDialogProps) {
  const others = report.parts.filter((p) => p.id !== section.part);
  const [part, setPart] = useState(others[0]?.id ?? "");
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!others.some((p) => p.id === part)) return setProblem("Choose a part.");
    setSaving(true);
    const refused = await onMove(part);
    setSaving(false);
    setProblem(refused);
  };

  return (
    <ModalDialog
      title={`Move “${section.title}” to another part`}
      className="outline-dialog"
      testId="outline-move-dialog"
      onClose={onClose}
      onSubmit={submit}
    >
      <p className="dialog-hint">It goes at the end of the part you choose.</p>
      <Field label="Part">
        <select
          className="select select--field"
          value={part}
          data-testid="outline-move-part"
          onChange={(event) => setPart(event.target.value)}
        >
          {others.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      </Field>
      <FieldError problem={problem} />
      <FormActions
        submitLabel="Move"
        busyLabel="Moving…"
        busy={saving}
        disabled={others.length === 0}
        onCancel={onClose}
      />
    </ModalDialog>
  );
}
