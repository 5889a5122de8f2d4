import type { CreateOutlinePartBody, ReportView } from "@rapporteur/api";
import { type FormEvent, useId, useState } from "react";
import { Button } from "../ui/Button";
import { FieldError } from "../ui/FieldError";
import { SelectField } from "../ui/SelectField";
import { TextField } from "../ui/TextField";

/** Props of {@link AddPartForm}. */
export interface AddPartFormProps {
  report: ReportView;
  /** Adds the part; resolves to the problem to show, or null once added. */
  onAdd: (part: CreateOutlinePartBody) => Promise<string | null>;
}

const AT_END = "";
const AT_START = "\u0000start";

/** An editor adds a part (a chapter): its title and where it goes among the parts. */
export function AddPartForm({ report, onAdd }: AddPartFormProps) {
  const [title, setTitle] = useState("");
  const [position, setPosition] = useState(AT_END);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const titleId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return setProblem("Enter the title of the new part.");
    const after =
      position === AT_START
        ? null
        : position === AT_END
          ? (report.parts.at(-1)?.id ?? null)
          : position;
    setSaving(true);
    setProblem(null);
    const refused = await onAdd({ title: title.trim(), after });
    setSaving(false);
    if (refused) return setProblem(refused);
    setTitle("");
    setPosition(AT_END);
  };

  return (
    <section className="panel outline-form" aria-labelledby={titleId}>
      <h2 id={titleId} className="panel__title">
        Add a part
      </h2>
      <form
        className="outline-form__fields"
        onSubmit={submit}
        noValidate
        data-testid="add-part-form"
      >
        <TextField
          label="Title"
          name="new-part-title"
          autoComplete="off"
          value={title}
          data-testid="add-part-title"
          onText={(text) => {
            setTitle(text);
            setProblem(null);
          }}
        />
        <SelectField
          label="Position"
          value={position}
          data-testid="add-part-position"
          onValue={setPosition}
          options={[
            { value: AT_END, label: "After the last part" },
            { value: AT_START, label: "Before the first part" },
            ...report.parts.map((p) => ({ value: p.id, label: `After “${p.title}”` })),
          ]}
        />
        <FieldError problem={problem} testId="add-part-error" />
        <Button type="submit" variant="primary" disabled={saving} data-testid="add-part-submit">
          {saving ? "Adding…" : "Add part"}
        </Button>
      </form>
    </section>
  );
}
