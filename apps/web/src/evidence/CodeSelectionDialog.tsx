import type { EvidenceCode } from "@rapporteur/api";
import { type FormEvent, useState } from "react";
import { apiRequest } from "../api/apiRequest";
import { errorMessage } from "../api/errorMessage";
import { Button } from "../ui/Button";
import { Checkbox } from "../ui/Checkbox";
import { FieldError } from "../ui/FieldError";
import { FormActions } from "../ui/FormActions";
import { ModalDialog } from "../ui/ModalDialog";
import { TextField } from "../ui/TextField";
import { nestedCodes } from "./nestedCodes";

/** Props of {@link CodeSelectionDialog}. */
export interface CodeSelectionDialogProps {
  /** The passage to code, as the reader sees it. */
  quote: string;
  codes: readonly EvidenceCode[];
  /** Asks the server to code the passage with `codeIds`; rejects with the server's message. */
  onCode: (codeIds: number[]) => Promise<void>;
  /** A code was added to the codebook. */
  onCodeAdded: (code: EvidenceCode) => void;
  onClose: () => void;
}

/** Codes the selected passage: the codebook as nested checkboxes, and a new code added inline. */
export function CodeSelectionDialog({
  quote,
  codes,
  onCode,
  onCodeAdded,
  onClose,
}: CodeSelectionDialogProps) {
  const [checked, setChecked] = useState<Set<number>>(new Set());
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const addCode = () => {
    if (name.trim() === "") return;
    setProblem(null);
    apiRequest("createEvidenceCode", { body: { name } })
      .then((code) => {
        onCodeAdded(code);
        setChecked((old) => new Set([...old, code.id]));
        setName("");
      })
      .catch((error: unknown) => setProblem(errorMessage(error)));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (checked.size === 0) {
      setProblem("Choose at least one code");
      return;
    }
    setBusy(true);
    onCode([...checked])
      .then(onClose)
      .catch((error: unknown) => {
        setBusy(false);
        setProblem(errorMessage(error));
      });
  };

  return (
    <ModalDialog
      title="Code the selected passage"
      onClose={onClose}
      onSubmit={submit}
      testId="code-selection-dialog"
    >
      <blockquote className="evidence-code-dialog__quote" dir="auto">
        {quote}
      </blockquote>
      {codes.length === 0 ? (
        <p>The codebook is empty: add a code below.</p>
      ) : (
        <fieldset className="evidence-code-dialog__codes">
          <legend>Codes</legend>
          {nestedCodes(codes).map(({ code, depth }) => (
            <div key={code.id} style={{ marginInlineStart: `${depth * 1.25}rem` }}>
              <Checkbox
                checked={checked.has(code.id)}
                onChange={(on) =>
                  setChecked((old) => {
                    const next = new Set(old);
                    if (on) next.add(code.id);
                    else next.delete(code.id);
                    return next;
                  })
                }
                testId={`code-option-${code.name}`}
              >
                <span
                  className="evidence-code__swatch"
                  style={{ backgroundColor: code.colour }}
                  aria-hidden="true"
                />
                {code.name}
                {code.description && (
                  <span className="evidence-code__description"> — {code.description}</span>
                )}
              </Checkbox>
            </div>
          ))}
        </fieldset>
      )}
      <div className="evidence-code-dialog__new">
        <TextField
          label="New code"
          value={name}
          onText={setName}
          data-testid="new-code-name"
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              addCode();
            }
          }}
        />
        <Button small onClick={addCode} data-testid="add-code">
          Add code
        </Button>
      </div>
      <FieldError problem={problem} />
      <FormActions submitLabel="Code" busy={busy} onCancel={onClose} submitTestId="code-submit" />
    </ModalDialog>
  );
}
