import { useCallback, useEffect, useId, useState } from "react";
import { apiRequest } from "../api/apiRequest";
import { errorMessage } from "../api/errorMessage";
import { ChangeLegend } from "./ChangeLegend";
import { ComparedDocument } from "./ComparedDocument";
import { formatHistoryDate } from "./formatHistoryDate";
import { HISTORY_KIND_LABELS, type HistoryEntry, type HistoryPointView } from "./historyTypes";

/** Props of {@link HistoryPanel}. */
export interface HistoryPanelProps {
  sectionId: string;
  /** Whether the reader may edit the section (and so restore it). */
  canRestore: boolean;
}

interface Preview {
  entry: HistoryEntry;
  point: HistoryPointView;
}

function authorsOf(entry: HistoryEntry): string {
  if (entry.authors.length === 0) return entry.kind === "edit" ? "Earlier text" : "Command line";
  return entry.authors.map((a) => a.name).join(", ");
}

function describe(entry: HistoryEntry): string {
  const kind =
    entry.kind === "version" && entry.name
      ? `Version “${entry.name}”`
      : HISTORY_KIND_LABELS[entry.kind];
  return `${kind} · ${authorsOf(entry)}`;
}

/**
 * The section's history beside the editor: groups of edits (who, when, words added and
 * removed), newest first. Choosing one previews the section as it was, read-only, with the
 * insertions and deletions since the entry before it in each author's colour, and "Restore
 * this version" for those who may edit (a new change on top, itself undoable from here).
 */
export function HistoryPanel({ sectionId, canRestore }: HistoryPanelProps) {
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setEntries(await apiRequest("sectionHistory", { params: { id: sectionId } }));
    } catch (error) {
      setMessage(errorMessage(error));
    }
  }, [sectionId]);

  useEffect(() => {
    setPreview(null);
    setEntries(null);
    setMessage(null);
    if (open) void load();
  }, [open, load]);

  const show = async (entry: HistoryEntry) => {
    setMessage(null);
    try {
      const point = await apiRequest("sectionHistoryPoint", {
        params: { id: sectionId, historyId: entry.id },
      });
      setPreview({ entry, point });
    } catch (error) {
      setMessage(errorMessage(error));
    }
  };

  const restore = async (entry: HistoryEntry) => {
    setBusy(true);
    setMessage(null);
    try {
      await apiRequest("restoreSection", {
        params: { id: sectionId },
        body: { history: entry.id },
      });
      setPreview(null);
      setMessage(
        `Restored the text of ${formatHistoryDate(entry.at)}. To undo, restore the entry before it.`,
      );
      await load();
    } catch (error) {
      setMessage(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel history-panel" aria-labelledby={titleId} data-testid="history-panel">
      <h2 id={titleId} className="panel__title">
        <button
          type="button"
          className="panel__toggle"
          aria-expanded={open}
          data-testid="history-toggle"
          onClick={() => setOpen(!open)}
        >
          History
        </button>
      </h2>
      {open && (
        <>
          {message && (
            <p className="history-panel__message" role="status" data-testid="history-message">
              {message}
            </p>
          )}
          {preview && (
            <section className="history-preview" aria-label="Preview" data-testid="history-preview">
              <p className="history-preview__label">
                Preview of the text of {formatHistoryDate(preview.entry.at)} (
                {authorsOf(preview.entry)}), read-only
              </p>
              {preview.point.compared.changes.length > 0 ? (
                <ChangeLegend changes={preview.point.compared.changes} />
              ) : (
                <p className="panel__note">No changes to the text since the entry before.</p>
              )}
              <ComparedDocument
                doc={preview.point.compared.doc}
                label={`Preview of the text of ${formatHistoryDate(preview.entry.at)}`}
              />
              <div className="dialog-actions">
                <button
                  type="button"
                  className="button button--quiet button--small"
                  onClick={() => setPreview(null)}
                >
                  Close preview
                </button>
                {canRestore && (
                  <button
                    type="button"
                    className="button button--primary button--small"
                    data-testid="history-restore"
                    disabled={busy}
                    onClick={() => void restore(preview.entry)}
                  >
                    Restore this version
                  </button>
                )}
              </div>
            </section>
          )}
          {entries === null ? (
            <p className="panel__note">Loading…</p>
          ) : entries.length === 0 ? (
            <p className="panel__note">No changes recorded yet.</p>
          ) : (
            <ol className="history-list" data-testid="history-list">
              {entries.map((entry) => (
                <li key={entry.id}>
                  <button
                    type="button"
                    className={`history-entry${preview?.entry.id === entry.id ? " is-current" : ""}`}
                    aria-current={preview?.entry.id === entry.id ? "true" : undefined}
                    data-testid="history-entry"
                    onClick={() => void show(entry)}
                  >
                    <span className="history-entry__what">{describe(entry)}</span>
                    <span className="history-entry__when">{formatHistoryDate(entry.at)}</span>
                    {entry.kind !== "version" && (
                      <span className="history-entry__words">
                        +{entry.added} / −{entry.removed} words
                      </span>
                    )}
                  </button>
                </li>
              ))}
            </ol>
          )}
          <button type="button" className="button button--small" onClick={() => void load()}>
            Refresh
          </button>
        </>
      )}
    </section>
  );
}
