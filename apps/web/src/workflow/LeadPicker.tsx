import type { ReportMemberView, SectionView } from "@rapporteur/api";
import { type FormEvent, useEffect, useState } from "react";
import { apiRequest } from "../api/apiRequest";
import { errorMessage } from "../api/errorMessage";
import { useReportId } from "../report/ReportIdContext";
import { FieldError } from "../ui/FieldError";
import { FormActions } from "../ui/FormActions";
import { ModalDialog } from "../ui/ModalDialog";

/** Props of {@link LeadPicker}. */
export interface LeadPickerProps {
  section: SectionView;
  onSaved: (section: SectionView) => void;
  onClose: () => void;
}

/** Editors' dialog choosing a section's lead drafters among the report's drafters and editors. */
export function LeadPicker({ section, onSaved, onClose }: LeadPickerProps) {
  const reportId = useReportId();
  const [candidates, setCandidates] = useState<ReportMemberView[] | null>(null);
  const [chosen, setChosen] = useState<Set<number>>(() => new Set(section.leads.map((l) => l.id)));
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    // The report's members, with their role in it (not every account of the instance).
    apiRequest("reportMembers", { params: { reportId }, signal: controller.signal }).then(
      ({ members }) =>
        setCandidates(
          members
            .filter((u) => u.role === "drafter" || u.role === "editor")
            .sort((a, b) => a.displayName.localeCompare(b.displayName)),
        ),
      (error: unknown) => {
        if (!controller.signal.aborted) setProblem(errorMessage(error));
      },
    );
    return () => controller.abort();
  }, [reportId]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setProblem(null);
    try {
      const updated = await apiRequest("sectionLeads", {
        params: { id: section.id },
        body: { leads: [...chosen] },
      });
      onSaved(updated);
    } catch (error) {
      setProblem(errorMessage(error));
      setSaving(false);
    }
  };

  return (
    <ModalDialog className="lead-dialog" title="Lead drafters" onClose={onClose} onSubmit={save}>
      <p className="dialog-hint">{section.title}</p>
      {candidates === null && !problem && <p className="dialog-hint">Loading the team…</p>}
      {candidates && (
        <fieldset className="checklist" data-testid="lead-options">
          <legend className="visually-hidden">Lead drafters of {section.title}</legend>
          {candidates.length === 0 && (
            <p className="dialog-hint">No drafters among the report's members yet.</p>
          )}
          {candidates.map((user) => (
            <label key={user.userId} className="checklist__item">
              <input
                type="checkbox"
                checked={chosen.has(user.userId)}
                onChange={(event) => {
                  const next = new Set(chosen);
                  if (event.target.checked) next.add(user.userId);
                  else next.delete(user.userId);
                  setChosen(next);
                }}
              />
              <span className="checklist__name">{user.displayName || user.username}</span>
              <span className="checklist__detail">
                {user.username} · {user.role}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      <FieldError problem={problem} />
      <FormActions
        submitLabel="Save leads"
        busy={saving}
        disabled={candidates === null}
        submitTestId="leads-save"
        onCancel={onClose}
      />
    </ModalDialog>
  );
}
