import { useId, useState } from "react";
import { errorMessage } from "../api/errorMessage";
import { setSectionAllocation } from "./budgetApi";

/** Props of {@link AllocationInput}. */
export interface AllocationInputProps {
  sectionId: string;
  sectionTitle: string;
  budget: number;
  /** The allocation was saved: load the figures again. */
  onSaved: () => void;
}

/** What is sent for a typed value: a number when it is one, else the text (the server says why not). */
function typedValue(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const value = Number(trimmed.replace(/[,\s]/g, ""));
  return Number.isFinite(value) ? value : trimmed;
}

/**
 * An editor's inline allocation of one section: saved on Enter or when the field is left, with
 * the server's validation message under it when refused; "Default" restores the outline's.
 */
export function AllocationInput({
  sectionId,
  sectionTitle,
  budget,
  onSaved,
}: AllocationInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const errorId = useId();

  const save = async (value: unknown) => {
    setSaving(true);
    try {
      await setSectionAllocation(sectionId, value);
      setProblem(null);
      setDraft(null);
      onSaved();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const commit = () => {
    if (draft === null || draft.trim() === String(budget)) {
      setDraft(null);
      setProblem(null);
      return;
    }
    // An emptied field is a typing slip, not a request for the default: that has its button.
    void save(draft.trim() === "" ? "" : typedValue(draft));
  };

  return (
    <div className="allocation">
      <div className="allocation__row">
        <input
          className="allocation__input"
          type="text"
          inputMode="numeric"
          aria-label={`Allocation of ${sectionTitle}, in words`}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? errorId : undefined}
          data-testid={`allocation-input-${sectionId}`}
          value={draft ?? String(budget)}
          disabled={saving}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              commit();
            } else if (event.key === "Escape") {
              setDraft(null);
              setProblem(null);
            }
          }}
        />
        <button
          type="button"
          className="button button--quiet button--small allocation__reset"
          title="Restore the allocation of the outline (content/outline.yaml)"
          data-testid={`allocation-reset-${sectionId}`}
          disabled={saving}
          onClick={() => void save(null)}
        >
          Default<span className="visually-hidden"> allocation of {sectionTitle}</span>
        </button>
      </div>
      {problem && (
        <p
          id={errorId}
          className="allocation__error"
          role="alert"
          data-testid={`allocation-error-${sectionId}`}
        >
          {problem}
        </p>
      )}
    </div>
  );
}
