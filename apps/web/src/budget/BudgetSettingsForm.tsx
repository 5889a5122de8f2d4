import type { BudgetView } from "@rapporteur/api";
import { type FormEvent, useEffect, useState } from "react";
import { errorMessage } from "../api/errorMessage";
import { formatNumber } from "../layout/formatNumber";
import { Button } from "../ui/Button";
import { Checkbox } from "../ui/Checkbox";
import { Field } from "../ui/Field";
import { FieldError } from "../ui/FieldError";
import { updateBudgetSettings } from "./budgetApi";

function typed(text: string): unknown {
  const value = Number(text.trim().replace(/[,\s]/g, ""));
  return text.trim() !== "" && Number.isFinite(value) ? value : text;
}

/**
 * The report's target range and footnote rule: a form for editors (the server validates and
 * says why it refuses), plain text for everyone else.
 */
export function BudgetSettingsForm({
  budget,
  canEdit,
  onSaved,
}: {
  budget: BudgetView;
  canEdit: boolean;
  onSaved: (view: BudgetView) => void;
}) {
  const { targetRange, footnotesCount } = budget;
  const [min, setMin] = useState(String(targetRange.min));
  const [max, setMax] = useState(String(targetRange.max));
  const [footnotes, setFootnotes] = useState(footnotesCount);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  // Another editor's change arrives live: show it unless this one is typing a change.
  const [seen, setSeen] = useState({ targetRange, footnotesCount });
  useEffect(() => {
    if (
      seen.targetRange.min === targetRange.min &&
      seen.targetRange.max === targetRange.max &&
      seen.footnotesCount === footnotesCount
    ) {
      return;
    }
    setSeen({ targetRange, footnotesCount });
    setMin(String(targetRange.min));
    setMax(String(targetRange.max));
    setFootnotes(footnotesCount);
  }, [targetRange, footnotesCount, seen]);

  if (!canEdit) {
    return (
      <p className="budget-settings__text" data-testid="budget-settings">
        Target: {formatNumber(targetRange.min)}–{formatNumber(targetRange.max)} words. Footnote
        words {footnotesCount ? "count" : "do not count"} against the budget. Editors can change
        both.
      </p>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setNotice(null);
    try {
      const view = await updateBudgetSettings({
        targetRange: { min: typed(min), max: typed(max) } as { min: number; max: number },
        footnotesCount: footnotes,
      });
      setProblem(null);
      setNotice("Saved.");
      onSaved(view);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="budget-settings" onSubmit={submit} data-testid="budget-settings">
      {(
        [
          ["Minimum words", min, "target-min", setMin],
          ["Maximum words", max, "target-max", setMax],
        ] as const
      ).map(([label, value, testId, onChange]) => (
        <Field key={testId} label={label} className="budget-settings__number">
          <input
            inputMode="numeric"
            value={value}
            aria-invalid={problem ? true : undefined}
            data-testid={testId}
            onChange={(event) => onChange(event.target.value)}
          />
        </Field>
      ))}
      <Checkbox
        className="budget-settings__check"
        checked={footnotes}
        testId="footnotes-count"
        onChange={setFootnotes}
      >
        Footnote words count against the budget
      </Checkbox>
      <Button type="submit" variant="primary" disabled={saving}>
        Save target
      </Button>
      <FieldError problem={problem} className="budget-settings__message" testId="settings-error" />
      {notice && !problem && (
        <p className="budget-settings__saved budget-settings__message" role="status">
          {notice}
        </p>
      )}
    </form>
  );
}
