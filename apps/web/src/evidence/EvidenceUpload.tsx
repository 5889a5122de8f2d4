import {
  type EvidenceImportAnswer,
  IMPORT_EXTENSIONS,
  IMPORT_KINDS,
  type ImportKind,
} from "@rapporteur/api";
import { type FormEvent, useId, useRef, useState } from "react";
import { apiRequest } from "../api/apiRequest";
import { errorMessage } from "../api/errorMessage";
import { readFileAsBase64 } from "../transfer/readFileAsBase64";
import { Field } from "../ui/Field";
import { FieldError } from "../ui/FieldError";
import { FormActions } from "../ui/FormActions";
import { SOURCE_KIND_LABELS } from "./evidenceLabels";

const ACCEPT = [...new Set(Object.values(IMPORT_EXTENSIONS).flat())].map((e) => `.${e}`);

/**
 * Adds a file to the evidence library (`POST /api/evidence/import`): a file picked or dropped,
 * read as the kind chosen (or as its type says), then the server's counts and warnings, or why
 * it refused the file.
 */
export function EvidenceUpload({ onImported }: { onImported: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<ImportKind | "">("");
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const [answer, setAnswer] = useState<EvidenceImportAnswer | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setAnswer(null);
    setProblem(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setProblem("Choose a file to import first.");
      return;
    }
    setBusy(true);
    setAnswer(null);
    setProblem(null);
    try {
      const contentBase64 = await readFileAsBase64(file);
      const result = await apiRequest("importEvidence", {
        body: { filename: file.name, contentBase64, ...(kind ? { kind } : {}) },
      });
      setAnswer(result);
      setFile(null);
      if (input.current) input.current.value = "";
      onImported();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="evidence-upload" aria-labelledby="evidence-upload-title">
      <h2 id="evidence-upload-title" className="evidence-upload__title">
        Import a file
      </h2>
      <form className="evidence-upload__form" onSubmit={submit} data-testid="evidence-upload">
        <label
          className={`evidence-drop${over ? " evidence-drop--over" : ""}`}
          onDragOver={(event) => {
            event.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={(event) => {
            event.preventDefault();
            setOver(false);
            choose(event.dataTransfer.files[0] ?? null);
          }}
        >
          <span className="evidence-drop__label">
            {file ? file.name : "Choose a file, or drop it here"}
          </span>
          <span className="evidence-drop__hint" id={hintId}>
            Questionnaires (CSV, XLSX), literature (CSL-JSON, BibTeX, RIS), documents (DOCX, PDF)
          </span>
          <input
            ref={input}
            type="file"
            className="evidence-drop__input"
            accept={ACCEPT.join(",")}
            aria-describedby={hintId}
            data-testid="evidence-file"
            onChange={(event) => choose(event.target.files?.[0] ?? null)}
          />
        </label>
        <Field label="Import as">
          <select
            className="select select--field"
            value={kind}
            data-testid="evidence-import-kind"
            onChange={(event) => setKind(event.target.value as ImportKind | "")}
          >
            <option value="">As the file type says</option>
            {IMPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {SOURCE_KIND_LABELS[k]} ({IMPORT_EXTENSIONS[k].map((e) => `.${e}`).join(", ")})
              </option>
            ))}
          </select>
        </Field>
        <FormActions
          className="evidence-upload__actions"
          submitLabel="Import"
          busyLabel="Importing…"
          busy={busy}
          submitTestId="evidence-import"
        />
      </form>
      <div role="status" className="evidence-upload__status" data-testid="evidence-import-status">
        {busy && <p>Importing {file?.name}…</p>}
        {answer && (
          <>
            <p className="evidence-upload__done">
              Imported {answer.imported} {answer.imported === 1 ? "source" : "sources"} as{" "}
              {SOURCE_KIND_LABELS[answer.kind].toLowerCase()}.
            </p>
            {answer.warnings.length > 0 && (
              <ul className="evidence-upload__warnings" data-testid="evidence-import-warnings">
                {answer.warnings.map((warning, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: warnings may repeat
                  <li key={index}>{warning}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
      <FieldError problem={problem} testId="evidence-import-error" />
    </section>
  );
}
