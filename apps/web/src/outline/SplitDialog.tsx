import type { SectionHeadingView, SectionView } from "@rapporteur/api";
import { type FormEvent, useEffect, useState } from "react";
import { apiRequest } from "../api/apiRequest";
import { errorMessage } from "../api/errorMessage";
import { FieldError } from "../ui/FieldError";
import { FormActions } from "../ui/FormActions";
import { ModalDialog } from "../ui/ModalDialog";

/** Props of {@link SplitDialog}. */
export interface SplitDialogProps {
  section: SectionView;
  onClose: () => void;
  /** Splits at the heading; resolves to the problem to show, or null once split. */
  onSplit: (heading: SectionHeadingView) => Promise<string | null>;
}

/**
 * Splits a section in two at one of its sub-headings: the heading and the text after it become a
 * new section just after this one. The sub-headings are read from the server's copy of the text.
 */
export function SplitDialog({ section, onClose, onSplit }: SplitDialogProps) {
  const [headings, setHeadings] = useState<SectionHeadingView[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    apiRequest("sectionHeadings", { params: { id: section.id }, signal: controller.signal }).then(
      (answer) => {
        setHeadings(answer.headings);
        setChosen(answer.headings[0]?.anchor ?? null);
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setHeadings([]);
          setProblem(`The sub-headings could not be read: ${errorMessage(error)}`);
        }
      },
    );
    return () => controller.abort();
  }, [section.id]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const heading = headings?.find((h) => h.anchor === chosen);
    if (!heading) return setProblem("Choose the sub-heading where the new section starts.");
    setSaving(true);
    const refused = await onSplit(heading);
    setSaving(false);
    setProblem(refused);
  };

  return (
    <ModalDialog
      title={`Split “${section.title}”`}
      className="outline-dialog"
      testId="outline-split-dialog"
      onClose={onClose}
      onSubmit={submit}
    >
      <p className="dialog-hint">
        The sub-heading you choose and all the text after it become a new section, just after this
        one. Comments and history go with the text.
      </p>
      {headings === null ? (
        <p className="dialog-hint" role="status">
          Reading the sub-headings…
        </p>
      ) : headings.length === 0 ? (
        !problem && (
          <p className="notice" role="status" data-testid="outline-split-none">
            This section has no sub-heading to split at. Add one in the editor first.
          </p>
        )
      ) : (
        <fieldset className="outline-choices">
          <legend className="field__label">Start the new section at</legend>
          {headings.map((heading) => (
            <label key={heading.anchor} className="outline-choice">
              <input
                type="radio"
                name="split-heading"
                value={heading.anchor}
                checked={chosen === heading.anchor}
                onChange={() => {
                  setChosen(heading.anchor);
                  setProblem(null);
                }}
              />
              <span className={`outline-choice__text outline-choice__text--h${heading.level}`}>
                {heading.text || "(untitled heading)"}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      <FieldError problem={problem} testId="outline-split-error" />
      <FormActions
        submitLabel="Split section"
        busyLabel="Splitting…"
        busy={saving}
        disabled={!headings || headings.length === 0}
        submitTestId="outline-split-submit"
        onCancel={onClose}
      />
    </ModalDialog>
  );
}
