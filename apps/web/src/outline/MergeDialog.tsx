import type { ReportView, SectionView } from "@rapporteur/api";
import { type FormEvent, useState } from "react";
import { Field } from "../ui/Field";
import { FieldError } from "../ui/FieldError";
import { FormActions } from "../ui/FormActions";
import { ModalDialog } from "../ui/ModalDialog";

/** Props of {@link MergeDialog}. */
export interface MergeDialogProps {
  report: ReportView;
  section: SectionView;
  onClose: () => void;
  /** Merges into the target; resolves to the problem to show, or null once merged. */
  onMerge: (into: SectionView) => Promise<string | null>;
}

/**
 * Merges a section into another: its text is added at the end of the target, and the section
 * leaves the outline (archived, restorable). People writing in it are taken to the target.
 */
export function MergeDialog({ report, section, onClose, onMerge }: MergeDialogProps) {
  const others = report.sections.filter((s) => s.id !== section.id);
  const sameIndex = report.sections.indexOf(section);
  // The section before it is the likeliest target (the one after when it is first).
  const initial = report.sections[sameIndex - 1] ?? report.sections[sameIndex + 1] ?? others[0];
  const [into, setInto] = useState(initial?.id ?? "");
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const target = others.find((s) => s.id === into);
    if (!target) return setProblem("Choose the section to merge into.");
    setSaving(true);
    const refused = await onMerge(target);
    setSaving(false);
    setProblem(refused);
  };

  return (
    <ModalDialog
      title={`Merge “${section.title}” into another section`}
      className="outline-dialog"
      testId="outline-merge-dialog"
      onClose={onClose}
      onSubmit={submit}
    >
      <p className="dialog-hint">
        Its text, comments and history are added at the end of the section you choose, and “
        {section.title}” leaves the outline (it is listed under Archived sections). Anyone writing
        in it is taken to the merged section.
      </p>
      <Field label="Merge into">
        <select
          className="select select--field"
          value={into}
          data-testid="outline-merge-target"
          onChange={(event) => {
            setInto(event.target.value);
            setProblem(null);
          }}
        >
          {report.parts.map((part) => {
            const sections = others.filter((s) => s.part === part.id);
            if (sections.length === 0) return null;
            return (
              <optgroup key={part.id} label={part.title}>
                {sections.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>
      </Field>
      <FieldError problem={problem} testId="outline-merge-error" />
      <FormActions
        submitLabel="Merge"
        busyLabel="Merging…"
        busy={saving}
        disabled={others.length === 0}
        submitTestId="outline-merge-submit"
        onCancel={onClose}
      />
    </ModalDialog>
  );
}
