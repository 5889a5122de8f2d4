import type { ReviewImportView, SectionView } from "@rapporteur/api";
import { unDate } from "@rapporteur/dates";
import { type ReactNode, useRef, useState } from "react";
import { errorMessage } from "../api/errorMessage";
import { Button } from "../ui/Button";
import { FieldError } from "../ui/FieldError";
import { ModalDialog } from "../ui/ModalDialog";
import { importProblem, REVIEW_FILES } from "./importableFile";
import { sendSectionFile } from "./sendSectionFile";

type Step =
  | { kind: "idle" }
  | { kind: "working"; file: File }
  | { kind: "done"; file: File; answer: ReviewImportView }
  | { kind: "failed"; file: File; message: string };

const WORD_FILE = ".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/**
 * "Import a reviewed Word file…": sends a Word file that reviewers worked on with tracked
 * changes and comments; the server turns them into suggestions and comment threads on this
 * section, by their Word authors, without changing the text. Lists what could not be placed.
 */
export function ImportReview({ section }: { section: SectionView }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [step, setStep] = useState<Step>({ kind: "idle" });

  const send = async (file: File) => {
    setStep({ kind: "working", file });
    try {
      const answer = await sendSectionFile("importReview", section.id, file);
      setStep({ kind: "done", file, answer });
    } catch (error) {
      setStep({
        kind: "failed",
        file,
        message: errorMessage(error),
      });
    }
  };

  const chosen = (file: File | undefined) => {
    if (inputRef.current) inputRef.current.value = "";
    if (!file) return;
    const problem = importProblem(file, REVIEW_FILES);
    if (problem) setStep({ kind: "failed", file, message: problem });
    else void send(file);
  };

  return (
    <>
      <Button small data-testid="import-review-button" onClick={() => inputRef.current?.click()}>
        Import a reviewed Word file…
      </Button>
      <input
        ref={inputRef}
        type="file"
        accept={WORD_FILE}
        hidden
        data-testid="import-review-file"
        onChange={(event) => chosen(event.target.files?.[0])}
      />
      {step.kind !== "idle" && (
        <ReviewDialog step={step} onClose={() => setStep({ kind: "idle" })} />
      )}
    </>
  );
}

function ReviewDialog({
  step,
  onClose,
}: {
  step: Exclude<Step, { kind: "idle" }>;
  onClose: () => void;
}) {
  const name = step.file.name;
  let title: string;
  let body: ReactNode;
  if (step.kind === "working") {
    title = "Importing the review…";
    body = <p role="status">Reading the tracked changes and comments of “{name}”…</p>;
  } else if (step.kind === "failed") {
    title = "The review could not be imported";
    body = <FieldError problem={step.message} testId="import-review-error" />;
  } else {
    const { suggestions, comments, unplaced, warnings } = step.answer;
    title = "Review imported";
    body = (
      <div data-testid="import-review-result">
        <p role="status">
          From “{name}”: {suggestions} suggestion{suggestions === 1 ? "" : "s"} and {comments}{" "}
          comment{comments === 1 ? "" : "s"}, each by its Word author. The text is unchanged until
          someone who may edit accepts a suggestion.
        </p>
        {unplaced.length > 0 && (
          <>
            <p className="import-warnings__lead">
              Not placed ({unplaced.length}): their text is no longer in the section.
            </p>
            <ul className="import-warnings" data-testid="import-review-unplaced">
              {unplaced.map((item, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: items may repeat; order is fixed
                <li key={index}>
                  <strong>{item.origin.author}</strong>
                  {item.origin.date ? ` (${unDate(item.origin.date)})` : ""}: {item.text} —{" "}
                  {item.reason}
                </li>
              ))}
            </ul>
          </>
        )}
        {warnings.length > 0 && (
          <ul className="import-warnings" data-testid="import-review-warnings">
            {warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        )}
      </div>
    );
  }

  return (
    <ModalDialog
      className="import-dialog"
      title={title}
      testId="import-review-dialog"
      onClose={() => {
        if (step.kind !== "working") onClose();
      }}
      onSubmit={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {body}
      {step.kind !== "working" && (
        <div className="dialog-actions">
          <Button type="submit" variant="primary">
            Close
          </Button>
        </div>
      )}
    </ModalDialog>
  );
}
