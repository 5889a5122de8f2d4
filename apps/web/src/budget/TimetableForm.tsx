import type { BudgetView, Milestone } from "@rapporteur/api";
import { formatDay } from "@rapporteur/budget/rules";
import { type FormEvent, useState } from "react";
import { errorMessage } from "../api/errorMessage";
import { setTimetable } from "./budgetApi";

const FIELDS: { key: keyof Milestone; label: string; placeholder: string }[] = [
  { key: "label", label: "Milestone", placeholder: "Drafting of report" },
  { key: "id", label: "Id", placeholder: "drafting" },
  { key: "start", label: "From", placeholder: "2024-10" },
  { key: "end", label: "To", placeholder: "2025-02" },
];

/**
 * The drafting timetable: a list for everyone, and for editors a simple form to change the
 * milestones (months `YYYY-MM` or days `YYYY-MM-DD`; the one with id `drafting` sets the
 * deadline) or go back to content/timetable.yaml.
 */
export function TimetableForm({
  budget,
  canEdit,
  onSaved,
}: {
  budget: BudgetView;
  canEdit: boolean;
  onSaved: () => void;
}) {
  const [rows, setRows] = useState<Milestone[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (milestones: Milestone[] | null) => {
    setSaving(true);
    try {
      await setTimetable(milestones);
      setProblem(null);
      setRows(null);
      onSaved();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (rows) void save(rows);
  };

  if (!rows) {
    return (
      <div className="timetable" data-testid="timetable">
        <ol className="timetable__list">
          {budget.timetable.map((m) => (
            <li key={m.id} className={m.id === "drafting" ? "is-drafting" : undefined}>
              <span className="timetable__when">
                {m.start === m.end
                  ? formatDay(m.start)
                  : `${formatDay(m.start)} – ${formatDay(m.end)}`}
              </span>
              <span>{m.label}</span>
            </li>
          ))}
        </ol>
        {budget.timetableOverridden && (
          <p className="budget-note">An editor changed this timetable from the agreed one.</p>
        )}
        {canEdit && (
          <div className="timetable__actions">
            <button
              type="button"
              className="button button--small"
              data-testid="timetable-edit"
              onClick={() => setRows(budget.timetable.map((m) => ({ ...m })))}
            >
              Edit the timetable
            </button>
            {budget.timetableOverridden && (
              <button
                type="button"
                className="button button--quiet button--small"
                disabled={saving}
                onClick={() => void save(null)}
              >
                Restore the agreed timetable
              </button>
            )}
          </div>
        )}
        {problem && (
          <p className="field__error" role="alert">
            {problem}
          </p>
        )}
      </div>
    );
  }

  const change = (index: number, key: keyof Milestone, value: string) =>
    setRows((list) => list?.map((m, i) => (i === index ? { ...m, [key]: value } : m)) ?? null);

  return (
    <form className="timetable timetable--editing" onSubmit={submit} data-testid="timetable-form">
      <table className="data-table data-table--dense timetable__table">
        <thead>
          <tr>
            {FIELDS.map((f) => (
              <th key={f.key} scope="col">
                {f.label}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, ids change as typed.
            <tr key={index}>
              {FIELDS.map((f) => (
                <td key={f.key}>
                  <input
                    className={`timetable__input timetable__input--${f.key}`}
                    aria-label={`${f.label} of milestone ${index + 1}`}
                    placeholder={f.placeholder}
                    value={m[f.key]}
                    onChange={(event) => change(index, f.key, event.target.value)}
                  />
                </td>
              ))}
              <td>
                <button
                  type="button"
                  className="button button--danger button--small"
                  onClick={() => setRows((list) => list?.filter((_, i) => i !== index) ?? null)}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="budget-note">
        Months as YYYY-MM or days as YYYY-MM-DD. The milestone with id “drafting” sets the deadline
        of the projection.
      </p>
      {problem && (
        <p className="field__error" role="alert" data-testid="timetable-error">
          {problem}
        </p>
      )}
      <div className="timetable__actions">
        <button
          type="button"
          className="button button--small"
          onClick={() =>
            setRows((list) => [...(list ?? []), { id: "", label: "", start: "", end: "" }])
          }
        >
          Add a milestone
        </button>
        <span className="timetable__spacer" />
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            setRows(null);
            setProblem(null);
          }}
        >
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={saving}>
          Save timetable
        </button>
      </div>
    </form>
  );
}
