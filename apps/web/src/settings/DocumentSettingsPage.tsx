import type { DocumentSettings, DocumentSettingsView, Role } from "@rapporteur/api";
import { MAX_EMBLEM_BYTES } from "@rapporteur/api";
import { type FormEvent, useEffect, useState } from "react";
import { apiUrl } from "../api/apiUrl";
import { readFileAsBase64 } from "../transfer/readFileAsBase64";
import { Button } from "../ui/Button";
import { Checkbox } from "../ui/Checkbox";
import { FieldError } from "../ui/FieldError";
import { TextField } from "../ui/TextField";
import { deleteEmblem, updateDocumentSettings, uploadEmblem } from "./settingsApi";
import { useDocumentSettings } from "./useDocumentSettings";
import "./settings.css";
import { errorMessage } from "../api/errorMessage";
import { PageError } from "../ui/PageError";

type LineSetting = Exclude<keyof DocumentSettings, "advanceUnedited" | "issueDate">;

/** The form's fields in masthead order, with their labels and examples. */
const FIELDS: { key: LineSetting; label: string; hint?: string }[] = [
  { key: "symbol", label: "Symbol", hint: "E/CN.16/2025/3" },
  { key: "distribution", label: "Distribution", hint: "General" },
  { key: "originalLanguage", label: "Original language", hint: "English" },
  { key: "commission", label: "Commission" },
  { key: "session", label: "Session", hint: "Twenty-eighth session" },
  { key: "place", label: "Place and dates", hint: "Geneva, 7–11 April 2025" },
  { key: "agendaItem", label: "Agenda item", hint: "Item 3 of the provisional agenda" },
  { key: "agendaTitle", label: "Agenda item title" },
  {
    key: "agendaSymbol",
    label: "Provisional agenda symbol (asterisk note)",
    hint: "E/CN.16/2025/1",
  },
  { key: "title", label: "Report title" },
  { key: "byline", label: "Byline", hint: "Report of the Secretary-General" },
  { key: "jobNumber", label: "GE job number (foot of page 1)", hint: "GE.25-04321(E)" },
];

/**
 * The Document settings page: the masthead and first-page lines the Word and PDF exports print.
 * Editors change them (the server validates, audits and pushes the change to everyone); other
 * roles read them. Changes made by another editor appear live.
 */
export function DocumentSettingsPage({ role }: { role: Role }) {
  const { view, error, replace } = useDocumentSettings();
  const canEdit = role === "editor";
  return (
    <main className="admin-page settings-page" id="editor-main" aria-labelledby="settings-title">
      <header className="admin-page__head">
        <h1 id="settings-title" className="admin-page__title">
          Document settings
        </h1>
        <p className="admin-page__lead">
          The masthead and first page of the Word and PDF exports.
          {canEdit ? "" : " Editors can change them."}
        </p>
      </header>
      <PageError problem={error} />
      {view && <SettingsForm view={view} canEdit={canEdit} onSaved={replace} />}
      {view && <EmblemField view={view} canEdit={canEdit} onSaved={replace} />}
    </main>
  );
}

/** What the settings form and the emblem field are given: the settings and who may change them. */
interface SettingsPartProps {
  view: DocumentSettingsView;
  canEdit: boolean;
  onSaved: (view: DocumentSettingsView) => void;
}

function SettingsForm({ view, canEdit, onSaved }: SettingsPartProps) {
  const [draft, setDraft] = useState<DocumentSettings>(view.settings);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // Another editor's change arrives live and replaces the form's values.
  useEffect(() => setDraft(view.settings), [view.settings]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const change: Partial<DocumentSettings> = {};
    for (const key of Object.keys(draft) as (keyof DocumentSettings)[]) {
      if (draft[key] !== view.settings[key]) (change as Record<string, unknown>)[key] = draft[key];
    }
    if (Object.keys(change).length === 0) {
      setNotice("Nothing to save.");
      return;
    }
    setSaving(true);
    setNotice(null);
    try {
      onSaved(await updateDocumentSettings(change));
      setProblem(null);
      setNotice("Saved. The next export prints these settings.");
    } catch (failure) {
      setProblem(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="settings-form" onSubmit={submit} data-testid="document-settings">
      {FIELDS.map(({ key, label, hint }) => (
        <TextField
          key={key}
          label={label}
          name={key}
          data-testid={`setting-${key}`}
          value={draft[key]}
          placeholder={hint}
          readOnly={!canEdit}
          onText={(text) => setDraft({ ...draft, [key]: text })}
        />
      ))}
      <TextField
        label="Date of issue (empty: the day of each export)"
        type="date"
        name="issueDate"
        data-testid="setting-issueDate"
        value={draft.issueDate ?? ""}
        readOnly={!canEdit}
        onText={(text) => setDraft({ ...draft, issueDate: text || null })}
      />
      {canEdit ? (
        <Checkbox
          className="settings-form__check"
          checked={draft.advanceUnedited}
          testId="setting-advanceUnedited"
          onChange={(advanceUnedited) => setDraft({ ...draft, advanceUnedited })}
        >
          Print “Advance unedited version” at the top of the first page
        </Checkbox>
      ) : (
        <p className="settings-form__check">
          {draft.advanceUnedited ? "Printed" : "Not printed"}: “Advance unedited version”.
        </p>
      )}
      {canEdit && (
        <div className="settings-form__actions">
          <Button type="submit" variant="primary" disabled={saving}>
            {saving ? "Saving…" : "Save settings"}
          </Button>
          <FieldError problem={problem} />
          {notice && !problem && (
            <p className="settings-form__saved" role="status" data-testid="settings-saved">
              {notice}
            </p>
          )}
        </div>
      )}
      {view.updatedBy && (
        <p className="settings-form__by">
          Last changed by {view.updatedBy}
          {view.updatedAt ? ` on ${view.updatedAt.slice(0, 10)}` : ""}.
        </p>
      )}
    </form>
  );
}

function EmblemField({ view, canEdit, onSaved }: SettingsPartProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const choose = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_EMBLEM_BYTES) {
      setProblem(`The emblem must be at most ${MAX_EMBLEM_BYTES / 1024} KB.`);
      return;
    }
    try {
      onSaved(await uploadEmblem(await readFileAsBase64(file)));
      setProblem(null);
    } catch (failure) {
      setProblem(errorMessage(failure));
    }
  };
  const remove = async () => {
    try {
      onSaved(await deleteEmblem());
      setProblem(null);
    } catch (failure) {
      setProblem(errorMessage(failure));
    }
  };
  const emblem = view.emblem;
  return (
    <section className="settings-emblem" aria-labelledby="emblem-title">
      <h2 id="emblem-title" className="budget-card__title">
        Emblem
      </h2>
      {emblem ? (
        <p>
          <img
            src={apiUrl("emblem", {}, `v=${view.updatedAt ?? ""}`)}
            alt="The emblem printed in the masthead"
            height={48}
          />{" "}
          {emblem.type.toUpperCase()}, {emblem.width}×{emblem.height} pixels
        </p>
      ) : (
        <p>No emblem: the masthead prints the organ's name alone.</p>
      )}
      {canEdit && (
        <div className="settings-form__actions">
          <label className="button">
            {emblem ? "Replace the emblem…" : "Upload an emblem…"}
            <input
              type="file"
              accept="image/png,image/jpeg"
              className="visually-hidden"
              data-testid="emblem-file"
              onChange={(event) => void choose(event.target.files?.[0])}
            />
          </label>
          {emblem && <Button onClick={() => void remove()}>Remove the emblem</Button>}
          <span className="settings-form__by">PNG or JPEG, at most 512 KB.</span>
        </div>
      )}
      <FieldError problem={problem} />
    </section>
  );
}
