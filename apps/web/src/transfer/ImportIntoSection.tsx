import type { ImportAnswer, SectionView } from "@rapporteur/api";
import { type ReactNode, useRef, useState } from "react";
import { apiRequest } from "../api/apiRequest";
import { errorMessage } from "../api/errorMessage";
import { Button } from "../ui/Button";
import { FieldError } from "../ui/FieldError";
import { ModalDialog } from "../ui/ModalDialog";
import { IMPORT_ACCEPT, importProblem } from "./importableFile";
import { sendSectionFile } from "./sendSectionFile";

type Step =
  | { kind: "idle" }
  | { kind: "confirm"; file: File }
  | { kind: "working"; file: File }
  | { kind: "done"; file: File; answer: ImportAnswer }
  | { kind: "undoing"; file: File }
  | { kind: "undone"; file: File }
  | { kind: "failed"; file: File | null; message: string };

/** Props of {@link ImportIntoSection}. */
export interface ImportIntoSectionProps {
  section: SectionView;
  /** The section's current word count: a non-empty section asks before being replaced. */
  words: number;
}

/**
 * "Import into this section…": sends a Markdown or Word file to the server, which replaces the
 * section's text as a live edit, and lists what could not be kept.
 */
export function ImportIntoSection({ section, words }: ImportIntoSectionProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [step, setStep] = useState<Step>({ kind: "idle" });

  const send = async (file: File) => {
    setStep({ kind: "working", file });
    try {
      const answer = await sendSectionFile("importSection", section.id, file);
      setStep({
        kind: "done",
        file,
        answer: {
          warnings: Array.isArray(answer?.warnings) ? answer.warnings.map(String) : [],
          words: Number(answer?.words) || 0,
          undo: { history: typeof answer?.undo?.history === "string" ? answer.undo.history : null },
        },
      });
    } catch (error) {
      setStep({
        kind: "failed",
        file,
        message: errorMessage(error),
      });
    }
  };

  // Undo = restore the section to the point the server kept just before the import.
  const undo = async (file: File, history: string) => {
    setStep({ kind: "undoing", file });
    try {
      await apiRequest("restoreSection", { params: { id: section.id }, body: { history } });
      setStep({ kind: "undone", file });
    } catch (error) {
      setStep({
        kind: "failed",
        file,
        message: `The import could not be undone: ${errorMessage(error)}`,
      });
    }
  };

  const chosen = (file: File | undefined) => {
    if (inputRef.current) inputRef.current.value = "";
    if (!file) return;
    const problem = importProblem(file);
    if (problem) setStep({ kind: "failed", file, message: problem });
    else if (words > 0) setStep({ kind: "confirm", file });
    else void send(file);
  };

  return (
    <>
      <button
        type="button"
        className="button button--small"
        data-testid="import-button"
        onClick={() => inputRef.current?.click()}
      >
        Import into this section…
      </button>
      <input
        ref={inputRef}
        type="file"
        accept={IMPORT_ACCEPT}
        hidden
        data-testid="import-file"
        onChange={(event) => chosen(event.target.files?.[0])}
      />
      {step.kind !== "idle" && (
        <ImportDialog
          step={step}
          sectionTitle={section.title}
          words={words}
          onConfirm={() => step.kind === "confirm" && void send(step.file)}
          onUndo={() =>
            step.kind === "done" &&
            step.answer.undo.history !== null &&
            void undo(step.file, step.answer.undo.history)
          }
          onClose={() => setStep({ kind: "idle" })}
        />
      )}
    </>
  );
}

function ImportDialog({
  step,
  sectionTitle,
  words,
  onConfirm,
  onUndo,
  onClose,
}: {
  step: Exclude<Step, { kind: "idle" }>;
  sectionTitle: string;
  words: number;
  onConfirm: () => void;
  onUndo: () => void;
  onClose: () => void;
}) {
  const name = step.file?.name ?? "";
  let title: string;
  let body: ReactNode;
  if (step.kind === "confirm") {
    title = "Replace this section’s text?";
    body = (
      <p>
        “{sectionTitle}” already holds {words} words. Importing “{name}” replaces them for everyone.
        You can undo the import afterwards: with “Undo import” once it is done, or later from the
        section’s History.
      </p>
    );
  } else if (step.kind === "working") {
    title = "Importing…";
    body = <p role="status">Sending “{name}” to the server…</p>;
  } else if (step.kind === "undoing") {
    title = "Undoing the import…";
    body = <p role="status">Restoring the text the section had before “{name}”…</p>;
  } else if (step.kind === "undone") {
    title = "Import undone";
    body = (
      <p role="status" data-testid="import-undone">
        The section has its text from before “{name}” again. The import stays in the section’s
        History.
      </p>
    );
  } else if (step.kind === "failed") {
    title = "The file could not be imported";
    body = <FieldError problem={step.message} testId="import-error" />;
  } else {
    const { warnings, words: imported } = step.answer;
    title = "Imported";
    body = (
      <div data-testid="import-result">
        <p role="status">
          “{name}” is now the text of this section ({imported} words).
        </p>
        {warnings.length > 0 ? (
          <>
            <p className="import-warnings__lead">What could not be kept:</p>
            <ul className="import-warnings" data-testid="import-warnings">
              {warnings.map((warning, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: warnings may repeat; order is fixed
                <li key={index}>{warning}</li>
              ))}
            </ul>
          </>
        ) : (
          <p className="dialog-hint">Everything in the file was kept.</p>
        )}
      </div>
    );
  }

  return (
    <ModalDialog
      className="import-dialog"
      title={title}
      onClose={() => {
        if (step.kind !== "working" && step.kind !== "undoing") onClose();
      }}
      onSubmit={(event) => {
        event.preventDefault();
        if (step.kind === "confirm") onConfirm();
        else onClose();
      }}
    >
      {body}
      <div className="dialog-actions">
        {step.kind === "confirm" && (
          <Button variant="quiet" onClick={onClose}>
            Cancel
          </Button>
        )}
        {step.kind === "done" && step.answer.undo.history !== null && (
          <Button variant="quiet" data-testid="import-undo" onClick={onUndo}>
            Undo import
          </Button>
        )}
        {step.kind !== "working" && step.kind !== "undoing" && (
          <Button type="submit" variant="primary" data-testid="import-confirm">
            {step.kind === "confirm" ? "Replace the text" : "Close"}
          </Button>
        )}
      </div>
    </ModalDialog>
  );
}
