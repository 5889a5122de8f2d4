import type { CreateOutlineSectionBody, ReportView } from "@rapporteur/api";
import { type FormEvent, useId, useState } from "react";
import { Button } from "../ui/Button";
import { Field } from "../ui/Field";
import { FieldError } from "../ui/FieldError";
import { SelectField } from "../ui/SelectField";
import { TextField } from "../ui/TextField";
import { allocationProblem, parseAllocation } from "./parseAllocation";

/** Props of {@link AddSectionForm}. */
export interface AddSectionFormProps {
  report: ReportView;
  /** Adds the section; resolves to the problem to show, or null once added. */
  onAdd: (section: CreateOutlineSectionBody) => Promise<string | null>;
}

/** The value of the position select that puts the new section last in its part. */
const AT_END = "";
/** The value of the position select that puts the new section first in its part. */
const AT_START = "\u0000start";

/** An editor adds a section: title, part, place in the part, allocation and guidance. */
export function AddSectionForm({ report, onAdd }: AddSectionFormProps) {
  const [title, setTitle] = useState("");
  const [part, setPart] = useState(report.parts.at(-1)?.id ?? "");
  const [position, setPosition] = useState(AT_END);
  const [allocation, setAllocation] = useState("0");
  const [guidance, setGuidance] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const titleId = useId();
  const inPart = report.sections.filter((s) => s.part === part);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return setProblem("Enter the title of the new section.");
    const budget = parseAllocation(allocation);
    if (budget === null) return setProblem(allocationProblem);
    if (!report.parts.some((p) => p.id === part)) return setProblem("Choose a part.");
    const after =
      position === AT_START ? null : position === AT_END ? (inPart.at(-1)?.id ?? null) : position;
    setSaving(true);
    setProblem(null);
    const refused = await onAdd({
      title: title.trim(),
      part,
      after,
      budget,
      ...(guidance.trim() ? { guidance: guidance.trim() } : {}),
    });
    setSaving(false);
    if (refused) return setProblem(refused);
    setTitle("");
    setGuidance("");
    setAllocation("0");
    setPosition(AT_END);
  };

  return (
    <section className="panel outline-form" aria-labelledby={titleId}>
      <h2 id={titleId} className="panel__title">
        Add a section
      </h2>
      <form
        className="outline-form__fields"
        onSubmit={submit}
        noValidate
        data-testid="add-section-form"
      >
        <TextField
          label="Title"
          name="new-section-title"
          autoComplete="off"
          value={title}
          data-testid="add-section-title"
          onText={(text) => {
            setTitle(text);
            setProblem(null);
          }}
        />
        <SelectField
          label="Part"
          value={part}
          data-testid="add-section-part"
          onValue={(value) => {
            setPart(value);
            setPosition(AT_END);
          }}
          options={report.parts.map((p) => ({ value: p.id, label: p.title }))}
        />
        <SelectField
          label="Position"
          value={position}
          data-testid="add-section-position"
          onValue={setPosition}
          options={[
            { value: AT_END, label: "At the end of the part" },
            { value: AT_START, label: "At the start of the part" },
            ...inPart.map((s) => ({ value: s.id, label: `After “${s.title}”` })),
          ]}
        />
        <TextField
          label="Allocation, in words"
          inputMode="numeric"
          value={allocation}
          data-testid="add-section-allocation"
          onText={setAllocation}
        />
        <Field label="Guidance for the drafters">
          <textarea
            className="outline-textarea"
            rows={3}
            value={guidance}
            data-testid="add-section-guidance"
            onChange={(event) => setGuidance(event.target.value)}
          />
        </Field>
        <FieldError problem={problem} testId="add-section-error" />
        <Button type="submit" variant="primary" disabled={saving} data-testid="add-section-submit">
          {saving ? "Adding…" : "Add section"}
        </Button>
      </form>
    </section>
  );
}
