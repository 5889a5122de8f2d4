import { useCallback, useEffect, useId, useState } from "react";
import { apiRequest } from "../api/apiRequest";
import { errorMessage } from "../api/errorMessage";
import { downloadExport } from "../transfer/downloadExport";
import { CompareView } from "./CompareView";
import { formatHistoryDate } from "./formatHistoryDate";
import type { ReportVersion } from "./historyTypes";
import { RestoreVersionDialog } from "./RestoreVersionDialog";

/** Props of {@link VersionsPanel}. */
export interface VersionsPanelProps {
  /** Editors create, delete, restore and export the final Word copy of versions. */
  isEditor: boolean;
  /** The section shown: Compare shows its changes since a version. */
  sectionId: string;
}

/**
 * Named versions of the whole report ("Progress report", "Draft for the CSTD session"): everyone
 * lists, downloads and compares them (Compare: the section's changes since a version, see
 * CompareView); editors save the report as a new version, delete versions and restore the report
 * to one (after keeping the report as it was as a version, see RestoreVersionDialog).
 */
export function VersionsPanel({ isEditor, sectionId }: VersionsPanelProps) {
  const titleId = useId();
  const nameId = useId();
  const [open, setOpen] = useState(false);
  const [versions, setVersions] = useState<ReportVersion[] | null>(null);
  const [name, setName] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [comparing, setComparing] = useState<ReportVersion | null>(null);
  const [restoring, setRestoring] = useState<ReportVersion | null>(null);

  const fail = (error: unknown) => setMessage(errorMessage(error));
  const load = useCallback(async () => {
    try {
      setVersions(await apiRequest("listVersions"));
    } catch (error) {
      setMessage(errorMessage(error));
    }
  }, []);
  useEffect(() => {
    if (open) void load();
  }, [open, load]);

  const create = async () => {
    setMessage(null);
    try {
      const version = await apiRequest("createVersion", { body: { name } });
      setName("");
      setMessage(`Saved the report as “${version.name}”.`);
      await load();
    } catch (error) {
      fail(error);
    }
  };

  const remove = async (version: ReportVersion) => {
    if (!window.confirm(`Delete the version “${version.name}”? Its content cannot be recovered.`))
      return;
    try {
      await apiRequest("deleteVersion", { params: { id: version.id } });
      await load();
    } catch (error) {
      fail(error);
    }
  };

  const download = async (version: ReportVersion, format: "docx" | "md") => {
    try {
      await downloadExport({
        format,
        variant: format === "docx" && !isEditor ? "review" : "final",
        version: version.id,
      });
    } catch (error) {
      fail(error);
    }
  };

  return (
    <section
      className="panel versions-panel"
      aria-labelledby={titleId}
      data-testid="versions-panel"
    >
      <h2 id={titleId} className="panel__title">
        <button
          type="button"
          className="panel__toggle"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          Versions of the report
        </button>
      </h2>
      {open && (
        <>
          {message && (
            <p className="history-panel__message" role="status" data-testid="versions-message">
              {message}
            </p>
          )}
          {isEditor && (
            <form
              className="versions-panel__form"
              onSubmit={(event) => {
                event.preventDefault();
                void create();
              }}
            >
              <label htmlFor={nameId}>Save the report as a version named</label>
              <input
                id={nameId}
                value={name}
                maxLength={200}
                required
                onChange={(event) => setName(event.target.value)}
              />
              <button type="submit" className="button button--small">
                Save version
              </button>
            </form>
          )}
          {restoring && (
            <RestoreVersionDialog
              version={restoring}
              onClose={() => setRestoring(null)}
              onRestored={(summary) => {
                setRestoring(null);
                setMessage(summary);
                setComparing(null);
                void load();
              }}
            />
          )}
          {comparing && versions && (
            <CompareView
              key={`${sectionId}-${comparing.id}`}
              sectionId={sectionId}
              version={comparing}
              versions={versions}
              onClose={() => setComparing(null)}
            />
          )}
          {versions === null ? (
            <p className="panel__note">Loading…</p>
          ) : versions.length === 0 ? (
            <p className="panel__note">No named versions yet.</p>
          ) : (
            <ul className="history-list" data-testid="versions-list">
              {versions.map((version) => (
                <li key={version.id} className="versions-panel__item">
                  <span className="history-entry__what">{version.name}</span>
                  <span className="history-entry__when">
                    {formatHistoryDate(version.at)} · {version.by.name}
                  </span>
                  <span className="versions-panel__actions">
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => void download(version, "docx")}
                    >
                      Word
                    </button>
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => void download(version, "md")}
                    >
                      Markdown
                    </button>
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => setComparing(version)}
                    >
                      Compare
                    </button>
                    {isEditor && (
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={`Restore the report to “${version.name}”…`}
                        onClick={() => setRestoring(version)}
                      >
                        Restore…
                      </button>
                    )}
                    {isEditor && (
                      <button
                        type="button"
                        className="button button--quiet button--small"
                        onClick={() => void remove(version)}
                      >
                        Delete
                      </button>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
