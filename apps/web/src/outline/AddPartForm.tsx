import type { CreateOutlinePartBody, ReportView } from "@rapporteur/api";
import { type FormEvent, useId, useState } from "react";
import { Button } from "../ui/Button";
import { Field } from "../ui/Field";
import { FieldError } from "../ui/FieldError";
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
        <Field label="Position">
          <select
            className="select select--field"
            value={position}
            data-testid="add-part-position"
            onChange={(event) => setPosition(event.target.value)}
          >
            <option value={AT_END}>After the last part</option>
            <option value={AT_START}>Before the first part</option>
            {report.parts.map((p) => (
              <option key={p.id} value={p.id}>
                After “{p.title}”
              </option>
            ))}
          </select>
        </Field>
        <FieldError problem={problem} testId="add-part-error" />
        <Button type="submit" variant="primary" disabled={saving} data-testid="add-part-submit">
          {saving ? "Adding…" : "Add part"}
        </Button>
      </form>
    </section>
  );
}
